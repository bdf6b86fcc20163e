"""Per-language glossary tooltips from includes/glossary.yml.

For every term marked `tooltip: true`, this hook appends an abbreviation
definition (`*[PUK]: …`) in the page's language; the `abbr` extension then
turns each occurrence of the term into <abbr title="…">. (Material's
`pymdownx.snippets: auto_append` is global, and mkdocs-static-i18n cannot
vary markdown_extensions per language, hence the hook.)
"""

from __future__ import annotations

from pathlib import Path

import yaml

_cache: dict[Path, list] = {}


def terms(root: Path) -> list[dict]:
    path = root / "includes" / "glossary.yml"
    if path not in _cache:
        _cache[path] = yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]
    return _cache[path]


def on_pre_build(config, **kwargs):
    _cache.clear()  # `mkdocs serve` rebuilds: read edits to the glossary


def on_page_markdown(markdown, page, config, files, **kwargs):
    locale = getattr(page.file, "locale", None) or config.theme["language"]
    root = Path(config.config_file_path).parent
    definitions = [f"*[{t['term']}]: {t[locale]}" for t in terms(root) if t.get("tooltip")]
    return markdown + "\n\n" + "\n".join(definitions) + "\n"
