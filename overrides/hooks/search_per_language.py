"""One search index per language.

mkdocs-static-i18n writes a single search/search_index.json holding the pages
of both languages, so a Chinese reader gets English results and the other way
round. After all languages are built, this hook splits that index:

- search/search_index.json     the Chinese pages (default language, site root)
- en/search/search_index.json  the English pages, locations relative to /en/

and points the English pages' search at /en/ by setting `base` in Material's
`__config` (base is only used to find the index and resolve result links).

"Sources" sections (lists of citations) are left out of both indexes:
nobody searches for them, and every reader downloads the index.

Both indexes declare lunr's built-in language only (`lang: ["en"]`): jieba
has already split the Chinese text into words at build time, and Material's
worker segments Chinese queries itself, so lunr's zh and multi-language packs
would be three more downloads that change nothing.

Why: mkdocs-static-i18n merges all languages into one index by design
(https://github.com/ultrabug/mkdocs-static-i18n/issues/271). Relies on
Material 9.8's `<script id="__config">` in base.html and on the search
plugin's search/search_index.json: if either is missing, the strict build
fails and names this hook.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from _common import DEFAULT_LANGUAGE, MarkupMissing, is_nested_build, offline_enabled, page_locale
from _common import message as missing_message

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_config_missing = MarkupMissing("search_per_language", '<script id="__config" type="application/json">',
                                "Material 9.8 base.html")
log = logging.getLogger("mkdocs.hooks.search_per_language")


def _other_locales(config) -> list[str]:
    plugin = config.plugins.get("i18n")
    return [lang.locale for lang in plugin.config.languages if lang.locale != DEFAULT_LANGUAGE and lang.build]


def on_post_page(output, page, config, **kwargs):
    locale = page_locale(page, config)
    if locale == DEFAULT_LANGUAGE:
        return output

    def rebase(match):
        data = json.loads(match.group(2))
        data["base"] = f"{data['base'].rstrip('/')}/{locale}/"
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    output, found = _CONFIG.subn(rebase, output, count=1)
    _config_missing.check(bool(found), f"docs/{page.file.src_uri}")
    return output


@event_priority(-110)  # after mkdocs-static-i18n (-100) has written the combined index
def on_post_build(config, **kwargs):
    if is_nested_build(config):
        return  # a nested build of another language: the index is not final yet
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    if not path.is_file():
        log.warning(missing_message("search_per_language", "search/search_index.json", "the search plugin"))
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if not d["location"].endswith("#sources")]
    for locale in _other_locales(config):
        prefix = f"{locale}/"
        own = [dict(d, location=d["location"][len(prefix):]) for d in docs if d["location"].startswith(prefix)]
        docs = [d for d in docs if not d["location"].startswith(prefix)]
        conf = dict(index["config"], lang=["en"])
        out = site / locale / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        _write(out, {"config": conf, "docs": own}, offline_enabled(config))
    index["docs"] = docs
    index["config"] = dict(index["config"], lang=["en"])
    _write(path, index, offline_enabled(config))


def _write(path: Path, index: dict, offline: bool) -> None:
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    # The offline copy (file://) loads search_index.js instead; Material's
    # offline plugin wrote one for the combined index: write one per language.
    if offline:
        path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")

