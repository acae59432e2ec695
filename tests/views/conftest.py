"""A real browser for the views' tests: Debian's chromium (/usr/bin/chromium) driven by
Playwright, one browser per test session (per xdist worker), a fresh page per test.

``page`` is a Playwright page that records what a page must never do: ``page.errors`` (console
errors and uncaught exceptions) and ``page.requests`` (every request that is not a file://
URL; such requests are also aborted, so nothing reaches the network).  A missing chromium or
Playwright is a failure with the reason, never a skip (CI installs chromium: .ci/run).

``screenshot_dir`` is where tests put screenshots: $HEAPSIM_SCREENSHOTS, or
.ci/artifacts/screenshots in the repository (.ci/run prints it).
"""

import os
import pathlib

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package "
                    "(apt-get install -y chromium; .ci/run does it)", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        pytest.fail(f"playwright is not installed ({err}): pip install -e '.[test]'",
                    pytrace=False)
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM,
                               args=["--no-sandbox", "--disable-dev-shm-usage"])
    except Exception as err:
        pw.stop()
        pytest.fail(f"chromium at {CHROMIUM} did not start: {err}", pytrace=False)
    yield b
    b.close()
    pw.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    pg = context.new_page()
    pg.errors = []
    pg.requests = []

    def on_console(msg):
        if msg.type == "error":
            pg.errors.append(f"console: {msg.text}")

    def on_route(route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: pg.errors.append(f"page error: {exc}"))
    pg.on("request", lambda req: None if req.url.startswith(("file://", "data:", "blob:"))
          else pg.requests.append(req.url))
    context.route("**/*", on_route)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    d = pathlib.Path(os.environ.get("HEAPSIM_SCREENSHOTS") or
                     ROOT / ".ci" / "artifacts" / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    return d
