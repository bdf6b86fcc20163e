"""Search loads when the reader first opens it: includes/search-on-demand.js,
minified, inlined into every page just before Material's bundle.

It must run before the bundle starts; inline, it costs no extra request,
and scripts/csp.py allows it by its hash like Material's own inline scripts.
"""

import re
from pathlib import Path

from jsmin import jsmin

SOURCE = Path(__file__).resolve().parents[2] / "includes" / "search-on-demand.js"
_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')
_script = ""


def on_pre_build(config, **kwargs):
    global _script
    _script = "<script>" + jsmin(SOURCE.read_text(encoding="utf-8")) + "</script>"


def on_post_page(output, page, config, **kwargs):
    match = _BUNDLE.search(output)
    if not match:
        return output
    return output[:match.start()] + _script + output[match.start():]
