"""Per-language glossary tooltips from includes/glossary.yml.

For every term marked `tooltip: true`, this hook appends an abbreviation
definition (`*[PUK]: …`) in the page's language; the `abbr` extension then
turns each occurrence of the term into <abbr title="…">; on_page_content
keeps that markup on the first occurrence of each term on a page only (a
page with 22 underlined "BankID"s reads as noise); and
docs/javascripts/guide.js shows that definition on tap, click or keyboard
focus (a `title` alone only shows on hover, never on a phone).
(Material's `pymdownx.snippets: auto_append` is global, and
mkdocs-static-i18n 1.3 cannot vary markdown_extensions per language: it
lists them among the settings a language may not override, reconfigure.py.
Hence the hook.)
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from _common import page_locale

_cache: dict[Path, list] = {}


def terms(root: Path) -> list[dict]:
    path = root / "includes" / "glossary.yml"
    if path not in _cache:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        terms = data.get("terms") if isinstance(data, dict) else None
        _cache[path] = [t for t in terms or [] if isinstance(t, dict)]  # mistakes: data_tables.py says which
    return _cache[path]


def term_text(term: dict, locale: str) -> str:
    """The term as the page of this language shows it."""
    display = term.get("term")
    if isinstance(display, dict):
        return str(display.get(locale) or "")
    return str(display or "")


def definitions(all_terms: list[dict], locale: str) -> list[str]:
    """`*[TERM]: definition` lines for the tooltip terms, in this language."""
    lines = []
    for t in all_terms:
        text, definition = term_text(t, locale).strip(), " ".join(str(t.get(locale) or "").split())
        if t.get("tooltip") and text and definition:
            lines.append(f"*[{text}]: {definition}")
    return lines


def on_pre_build(config, **kwargs):
    _cache.clear()  # `mkdocs serve` rebuilds: read edits to the glossary


def on_page_markdown(markdown, page, config, files, **kwargs):
    locale = page_locale(page, config)
    root = Path(config.config_file_path).parent
    return markdown + "\n\n" + "\n".join(definitions(terms(root), locale)) + "\n"


_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def first_occurrences_only(html: str) -> str:
    """Unwrap every <abbr> of a term after its first one on the page."""
    seen: set[str] = set()

    def keep_first(match):
        key = match.group(1)
        if key in seen:
            return match.group(2)
        seen.add(key)
        return match.group(0)

    return _ABBR.sub(keep_first, html)


# A Norwegian phrase in the phrasebook is shown to shop staff as it is: no
# dotted underline that looks like a marked typo (its meaning is beside it).
_PHRASE = re.compile(r'(<span lang="nb" id="[^"]*phrase-[^"]*">)(.*?)(</span>)', re.S)


def plain_phrases(html: str) -> str:
    """Unwrap the <abbr>s inside the phrasebook's Norwegian phrases."""
    return _PHRASE.sub(lambda m: m.group(1) + _ABBR.sub(r"\2", m.group(2)) + m.group(3), html)


def on_page_content(html, page, config, files, **kwargs):
    return first_occurrences_only(plain_phrases(html))
