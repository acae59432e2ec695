"""``heapsim show``: a run as one self-contained HTML page that replays it (docs/show.md).

``render_html(record)`` is the whole API: the record (docs/trace-format.md) in, one HTML
document out, with the packed record (pack.py), its layout (layout.py) and the page's own
JavaScript and CSS (page.html, page.css, replay.js, draw.js, ui.js: package data) inside.
"""

from heapsim.tools.show.html import render_html

__all__ = ["render_html"]
