"""A PNG of a program's replay page at one step, taken with headless Chromium (Playwright
driving /usr/bin/chromium): how docs/see-it.png is made.

    python -m heapsim.tools.show.screenshot examples/aliasing.py docs/see-it.png --line 7
"""

import argparse
import pathlib
import sys
import tempfile

from heapsim.tools.recording import record_program
from heapsim.tools.show.html import render_html

CHROMIUM = "/usr/bin/chromium"


def screenshot(prog, out, step=None, line=None, size=(1400, 820), select=None):
    rec, _code = record_program(prog)
    record = rec.record
    if step is None and line is not None:
        step = next(s["i"] for s in record["steps"] if s["line"] == line)
    if step is None:
        step = len(record["steps"]) - 1
    with tempfile.TemporaryDirectory() as d:
        page_path = pathlib.Path(d) / "page.html"
        page_path.write_text(render_html(record), encoding="utf-8")
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)
            page.evaluate(f"heapsimPage.go({step}, -1)")
            if select is not None:
                page.evaluate(f"heapsimPage.select({select})")
            page.screenshot(path=str(out))
            browser.close()
    return step


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("prog")
    ap.add_argument("out")
    ap.add_argument("--step", type=int, default=None)
    ap.add_argument("--line", type=int, default=None, help="the first step of this line")
    args = ap.parse_args(argv)
    step = screenshot(args.prog, args.out, args.step, args.line)
    print(f"{args.out}: step {step} of {args.prog}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
