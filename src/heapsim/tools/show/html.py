"""One HTML document from a record: the page template with its style, script and the packed
record (gzip, then base64: the page inflates it with the browser's own DecompressionStream)."""

import base64
import gzip
import html
import json
import os
from importlib import resources

SCRIPTS = ("replay.js", "draw.js", "ui.js")


def _asset(name):
    return resources.files("heapsim.tools.show").joinpath(name).read_text(encoding="utf-8")


def render_html(record: dict, title: str | None = None) -> str:
    """The replay page of ``record`` (a run record, docs/trace-format.md) as one complete,
    self-contained HTML document: nothing is fetched, it opens from disk."""
    from heapsim.tools.show.pack import pack

    if title is None:
        prog = record.get("program") or "program"
        title = os.path.basename(prog)
    data = json.dumps(pack(record), separators=(",", ":"))
    blob = base64.b64encode(gzip.compress(data.encode("utf-8"), compresslevel=6, mtime=0))
    script = "\n".join(_asset(n) for n in SCRIPTS).replace("</script", "<\\/script")
    page = _asset("page.html")
    for key, value in (("__CSS__", _asset("page.css")), ("__TITLE__", html.escape(title)),
                       ("__DATA__", blob.decode("ascii")), ("__JS__", script)):
        page = page.replace(key, value)
    return page
