"""What happens around Material's bundle, for a light and quick first view.

1. First paint without waiting for JavaScript. Material loads its bundle with
   a plain <script> at the end of <body>, which Lighthouse counts as
   render-blocking (about half a second on a slow phone connection): it gets
   `defer`, and so does our own script. Both then run, in the same order, once
   the page has been parsed. extra.css reserves the header space those scripts
   fill in, so nothing moves.
2. Search on demand: includes/search-on-demand.js, minified, is inlined just
   before the bundle. It must run before the bundle starts; inline, it costs
   no extra request, and scripts/csp.py allows it by its hash like Material's
   own inline scripts. (A separate file loaded first made the bundle's start
   slower in Lighthouse.)
"""

import re

from jsmin import jsmin

from _common import SEARCH_ON_DEMAND
_SCRIPT = re.compile(r'<script src="([^"]*(?:assets/javascripts/bundle\.[0-9a-f]+\.min\.js|javascripts/guide\.js))"></script>')
_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')
_inline = ""


def on_pre_build(config, **kwargs):
    global _inline
    _inline = "<script>" + jsmin(SEARCH_ON_DEMAND.read_text(encoding="utf-8")) + "</script>"


def on_post_page(output, page, config, **kwargs):
    output = _SCRIPT.sub(r'<script src="\1" defer></script>', output)
    match = _BUNDLE.search(output)
    if match:
        output = output[:match.start()] + _inline + output[match.start():]
    return output
