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

Relies on Material 9.8's bundle: a plain <script src="…/bundle.*.min.js"> in
base.html, and inside it the index requested with XMLHttpRequest and the
search worker made with `new Worker` (what search-on-demand.js intercepts).
If either is missing, the strict build fails and names this hook.
"""

import logging
import re
from pathlib import Path

from jsmin import jsmin

from _common import SEARCH_ON_DEMAND, MarkupMissing, is_nested_build
from _common import message as missing_message
_SCRIPT = re.compile(r'<script src="([^"]*(?:assets/javascripts/bundle\.[0-9a-f]+\.min\.js|javascripts/guide\.js))"></script>')
_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')
_inline = ""
_bundle_missing = MarkupMissing("speed", '<script src="…assets/javascripts/bundle.<hash>.min.js"></script>',
                                "Material 9.8 base.html")
log = logging.getLogger("mkdocs.hooks.speed")
# What includes/search-on-demand.js intercepts in Material's bundle.
BUNDLE_NEEDS = ("XMLHttpRequest", "search_index.json", "new Worker(")


def on_pre_build(config, **kwargs):
    global _inline
    _inline = "<script>" + jsmin(SEARCH_ON_DEMAND.read_text(encoding="utf-8")) + "</script>"


def on_post_page(output, page, config, **kwargs):
    output = _SCRIPT.sub(r'<script src="\1" defer></script>', output)
    match = _BUNDLE.search(output)
    _bundle_missing.check(bool(match), f"docs/{page.file.src_uri}")
    if match:
        output = output[:match.start()] + _inline + output[match.start():]
    return output


def bundle_problems(site: Path) -> list[str]:
    """What search-on-demand.js relies on in Material's bundle, if missing."""
    bundles = sorted(site.glob("assets/javascripts/bundle.*.min.js"))
    if not bundles:
        return [missing_message("speed", "assets/javascripts/bundle.<hash>.min.js", "Material 9.8")]
    text = bundles[0].read_text(encoding="utf-8")
    return [
        missing_message("speed", f"'{needed}' in {bundles[0].name} (includes/search-on-demand.js intercepts it)",
                        "Material 9.8's bundle")
        for needed in BUNDLE_NEEDS if needed not in text
    ]


def on_post_build(config, **kwargs):
    if is_nested_build(config):
        return  # the nested build shares the default build's assets
    for problem in bundle_problems(Path(config.site_dir)):
        log.warning(problem)
