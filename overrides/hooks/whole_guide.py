"""The whole guide on one printable page, per language.

docs/print.<lang>.md holds a title block and the line `<!-- whole-guide -->`.
After a language is built, this hook replaces that line in the built
print page with the content of every page of the nav, in reading order:

- a table of contents (pages and their sections);
- each page's article, in a <section id="<page-id>">;
- every id prefixed with the page id (`steps-install-esim--scan-qr`), and every
  link to a guide page turned into a link inside the document.

Print plugins (mkdocs-print-site-plugin, mkdocs-to-pdf) produce English-only
output with mkdocs-static-i18n, so this is done here, in both languages.
`make pdf` turns the result into one PDF per language (scripts/make_pdf.py),
written beside the print page, which then links to it.
"""

from __future__ import annotations

import html
import posixpath
import re
from datetime import date
from pathlib import Path

MARKER = "<!-- whole-guide -->"
PDF_MARKER = "<!-- pdf-link -->"
PRINT_PAGE = "print"

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# ids, and what refers to them: label[for] of content tabs, radio group names
_ID = re.compile(r'\b(id|for|name)="([^"]+)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")

LABELS = {
    "zh": {"contents": "目录", "built": "生成日期", "language": "语言", "language_name": "简体中文", "url": "网址",
           "pdf": "下载 PDF 版（{name}）"},
    "en": {"contents": "Contents", "built": "Built on", "language": "Language", "language_name": "English", "url": "Web address",
           "pdf": "Download the PDF ({name})"},
}

_pages: list = []  # the nav pages of the language being built, in order
_print: list = []  # the print page of that language


def page_id(url: str, locale: str = "") -> str:
    """'steps/install-esim/' or 'en/steps/install-esim/' -> 'steps-install-esim'; '' -> 'home'."""
    if locale and url.startswith(f"{locale}/"):
        url = url[len(locale) + 1:]
    return url.strip("/").replace("/", "-") or "home"


def pdf_name(locale: str) -> str:
    return f"esim-guide-norway-{locale}.pdf"


def on_nav(nav, config, files, **kwargs):
    _pages[:] = [p for p in nav.pages if p.file.src_uri.split(".")[0] != PRINT_PAGE]
    _print[:] = [p for p in nav.pages if p.file.src_uri.split(".")[0] == PRINT_PAGE]
    return nav


def on_page_markdown(markdown, page, config, files, **kwargs):
    if PDF_MARKER not in markdown:
        return markdown
    locale = getattr(page.file, "locale", "zh")
    link = ""
    if config.extra.get("pdf"):
        name = pdf_name(locale)
        text = LABELS[locale]["pdf"].format(name=name)
        # Raw HTML: the PDF is made after the build (`make pdf`), beside this page.
        link = f'<p class="mdx-guide__download"><a class="md-button" href="{name}" download>{text}</a></p>'
    return markdown.replace(PDF_MARKER, link)


def _text(fragment: str) -> str:
    return html.unescape(_TAGS.sub("", _PERMALINK.sub("", fragment))).strip()


def _rewrite(article: str, page_url: str, ids: dict[str, str], print_url: str) -> str:
    prefix = ids[page_url]
    article = _ID.sub(lambda m: f'{m.group(1)}="{prefix}--{m.group(2)}"', article)

    def href(match):
        ref = match.group(1)
        if ref.startswith(("http:", "https:", "mailto:", "tel:")):
            return match.group(0)
        if ref.startswith("#"):
            return f'href="#{prefix}--{ref[1:]}"'
        path, _, fragment = ref.partition("#")
        target = posixpath.normpath(posixpath.join(page_url, path))
        target = "" if target == "." else target.strip("/") + "/"
        if target in ids:
            anchor = f"{ids[target]}--{fragment}" if fragment else ids[target]
            return f'href="#{anchor}"'
        # an asset or another file: keep it pointing at the same place
        return f'href="{posixpath.relpath(target or ".", print_url)}"'

    return _HREF.sub(href, article)


def on_post_build(config, **kwargs):
    if not _print or not _pages:
        return
    site = Path(config.site_dir)
    locale = config.theme["language"]
    print_page = _print[0]
    print_file = site / print_page.file.dest_uri
    out = print_file.read_text(encoding="utf-8")
    if MARKER not in out:
        return
    ids = {p.url: page_id(p.url, locale) for p in _pages}
    labels = LABELS.get(locale, LABELS["en"])
    toc, body = [], []
    for page in _pages:
        built = (site / page.file.dest_uri).read_text(encoding="utf-8")
        article = _ARTICLE.search(built).group(1)
        article = _PERMALINK.sub("", article)
        h1 = _H1.search(article)
        title = _text(h1.group(1)) if h1 else page.title
        sections = "".join(
            f'<li><a href="#{ids[page.url]}--{sid}">{html.escape(_text(text))}</a></li>'
            for sid, text in _H2.findall(article) if sid != "sources"
        )
        toc.append(f'<li><a href="#{ids[page.url]}">{html.escape(title)}</a>' + (f"<ol>{sections}</ol>" if sections else "") + "</li>")
        body.append(
            f'<section class="mdx-guide__page" id="{ids[page.url]}">'
            + _rewrite(article, page.url, ids, print_page.url) + "</section>"
        )
    site_url = (config.site_url or "") + _pages[0].url  # this language's home page
    meta = (
        '<dl class="mdx-guide__meta">'
        f'<dt>{labels["language"]}</dt><dd>{labels["language_name"]}</dd>'
        f'<dt>{labels["built"]}</dt><dd><time datetime="{date.today().isoformat()}">{date.today().isoformat()}</time></dd>'
        f'<dt>{labels["url"]}</dt><dd><a href="{html.escape(site_url)}">{html.escape(site_url)}</a></dd>'
        "</dl>"
    )
    contents = (
        f'<nav class="mdx-guide__toc" aria-labelledby="guide-contents"><h2 id="guide-contents">{labels["contents"]}</h2>'
        f'<ol>{"".join(toc)}</ol></nav>'
    )
    print_file.write_text(out.replace(MARKER, meta + contents + "".join(body), 1), encoding="utf-8")
