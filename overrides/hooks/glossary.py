"""Per-language glossary tooltips.

`pymdownx.snippets: auto_append` is global, and mkdocs-static-i18n cannot vary
markdown_extensions per language, so this hook appends
includes/abbreviations.<locale>.md to each page instead. The `abbr` extension
turns every later occurrence of a term into <abbr title="…">.
"""

from pathlib import Path


def on_page_markdown(markdown, page, config, files, **kwargs):
    locale = getattr(page.file, "locale", None) or config.theme["language"]
    root = Path(config.config_file_path).parent
    glossary = root / "includes" / f"abbreviations.{locale}.md"
    if glossary.is_file():
        markdown += "\n\n" + glossary.read_text(encoding="utf-8")
    return markdown
