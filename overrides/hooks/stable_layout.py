"""No layout shift from tables.

Material's script wraps every table in a scroll container after the page has
been drawn, which moves everything below it. Wrapping the tables the same way
at build time means the page is drawn in its final layout; extra.css makes
the second wrapper that the script still adds take no space.

Relies on the class names in Material 9.8's bundle (no upstream issue): if
the bundle no longer has them, the strict build fails and names this hook.
"""

import logging
import re
from pathlib import Path

from _common import is_nested_build
from _common import message as missing_message

log = logging.getLogger("mkdocs.hooks.stable_layout")
CLASSES = ("md-typeset__scrollwrap", "md-typeset__table")

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def on_page_content(content, page, config, files, **kwargs):
    return _TABLE.sub(
        r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>\1</table></div></div>', content
    )


def on_post_build(config, **kwargs):
    if is_nested_build(config):
        return  # the nested build shares the default build's assets
    bundles = sorted(Path(config.site_dir).glob("assets/javascripts/bundle.*.min.js"))
    text = bundles[0].read_text(encoding="utf-8") if bundles else ""
    for name in CLASSES:
        if name not in text:
            log.warning(missing_message("stable_layout", f"the class {name} in Material's bundle", "Material 9.8"))
