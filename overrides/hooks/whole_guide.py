"""The whole guide on one printable page, per language.

docs/print.<lang>.md holds a title block, the line `<!-- mdx:downloads -->`
(links to the PDF and the offline copy) and the line `<!-- mdx:whole-guide -->`.
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

Why: print plugins are single-language
(https://github.com/timvink/mkdocs-print-site-plugin/issues/70). Relies on
Material 9.8's `<article class="md-content__inner md-typeset">` (base.html):
if a page has none, the strict build fails and names this hook.
"""

from __future__ import annotations

import html
import posixpath
import logging
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from _common import OFFLINE_ZIP, PRINT_PAGE, page_locale, pdf_name  # noqa: F401  (pdf_name: used by tests)
from _common import MarkupMissing, ui

log = logging.getLogger("mkdocs.hooks.whole_guide")

MARKER = "<!-- mdx:whole-guide -->"
DOWNLOADS_MARKER = "<!-- mdx:downloads -->"

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# ids, and what refers to them: label[for] of content tabs, radio group names
_ID = re.compile(r'\b(id|for|name)="([^"]+)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")
_article_missing = MarkupMissing("whole_guide", '<article class="md-content__inner md-typeset">', "Material 9.8 base.html")

_pages: list = []  # the nav pages of the language being built, in order
_print: list = []  # the print page of that language


def page_id(url: str, locale: str = "") -> str:
    """'steps/install-esim/', 'en/steps/install-esim/' or 'steps/install-esim.html'
    (offline copy) -> 'steps-install-esim'; '' or 'index.html' -> 'home'."""
    if locale and url.startswith(f"{locale}/"):
        url = url[len(locale) + 1:]
    url = url.removesuffix(".html").removesuffix("index")
    return url.strip("/").replace("/", "-") or "home"


def _directory(url: str) -> str:
    """The folder a page URL's relative links start from."""
    return url if url == "" or url.endswith("/") else posixpath.dirname(url) + "/" if "/" in url else ""


def on_nav(nav, config, files, **kwargs):
    _pages[:] = [p for p in nav.pages if p.file.src_uri.split(".")[0] != PRINT_PAGE]
    _print[:] = [p for p in nav.pages if p.file.src_uri.split(".")[0] == PRINT_PAGE]
    return nav


def on_page_markdown(markdown, page, config, files, **kwargs):
    if DOWNLOADS_MARKER not in markdown:
        return markdown
    locale = page_locale(page, config)
    labels = ui(locale, config)["whole_guide"]
    links = []
    # Raw HTML: these files are made after the build (`make dist`), so MkDocs
    # cannot check them; they are only linked when the build is told they exist.
    if config.extra.get("pdf"):
        links.append(f'<a class="md-button" href="{pdf_name(locale)}" download>{labels["pdf"]}</a>')
    if config.extra.get("offline_zip"):
        to_root = "../" * page.url.strip("/").count("/") + "../"
        links.append(f'<a class="md-button" href="{to_root}{OFFLINE_ZIP}" download>{labels["offline"]}</a>')
    html_links = f'<p class="mdx-guide__download">{" ".join(links)}</p>' if links else ""
    return markdown.replace(DOWNLOADS_MARKER, html_links)


def _text(fragment: str) -> str:
    return html.unescape(_TAGS.sub("", _PERMALINK.sub("", fragment))).strip()


def _rewrite_links(fragment: str, page_url: str, ids: dict[str, str], print_url: str, prefix: str = "") -> str:
    """Every link to a guide page becomes a link inside the whole-guide document;
    a link to '#x' on the same page gets the page's prefix (none on the print
    page's own text, such as its short version)."""

    def href(match):
        ref = match.group(1)
        if ref.startswith(("http:", "https:", "mailto:", "tel:")):
            return match.group(0)
        if ref.startswith("#"):
            return f'href="#{prefix}--{ref[1:]}"' if prefix else match.group(0)
        path, _, fragment = ref.partition("#")
        target = posixpath.normpath(posixpath.join(_directory(page_url), path))
        target = "" if target == "." else target.strip("/") + ("" if target.endswith(".html") else "/")
        if target == print_url:  # "the whole guide" from a page inside it: its title
            return 'href="#print"'  # the H1 id of docs/print.*.md
        if target in ids:
            anchor = f"{ids[target]}--{fragment}" if fragment else ids[target]
            return f'href="#{anchor}"'
        # an asset or another file: keep it pointing at the same place
        return f'href="{posixpath.relpath(target or ".", _directory(print_url) or ".")}"'

    return _HREF.sub(href, fragment)


def _rewrite(article: str, page_url: str, ids: dict[str, str], print_url: str) -> str:
    prefix = ids[page_url]
    article = _ID.sub(lambda m: f'{m.group(1)}="{prefix}--{m.group(2)}"', article)
    return _rewrite_links(article, page_url, ids, print_url, prefix)


def on_post_build(config, **kwargs):
    if not _print or not _pages:
        return
    site = Path(config.site_dir)
    locale = config.theme["language"]
    print_page = _print[0]
    print_file = site / print_page.file.dest_uri
    out = print_file.read_text(encoding="utf-8")
    if MARKER not in out:
        log.warning(f"overrides/hooks/whole_guide.py: docs/{print_page.file.src_uri} has no line {MARKER}: "
                    "the whole guide has nowhere to go; put the line back")
        return
    ids = {p.url: page_id(p.url, locale) for p in _pages}
    labels = ui(locale, config)["whole_guide"]
    toc, body = [], []
    for page in _pages:
        built = (site / page.file.dest_uri).read_text(encoding="utf-8")
        found = _ARTICLE.search(built)
        if not _article_missing.check(bool(found), page.file.dest_uri):
            return
        article = found.group(1)
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
    # A local preview's address (make build, make serve) means nothing on paper
    # or in the offline copy: the title block names only a published address.
    local = urlsplit(site_url).hostname in (None, "127.0.0.1", "localhost")
    meta = (
        '<dl class="mdx-guide__meta">'
        f'<dt>{labels["language"]}</dt><dd>{labels["language_name"]}</dd>'
        f'<dt>{labels["built"]}</dt><dd><time datetime="{date.today().isoformat()}">{date.today().isoformat()}</time></dd>'
        + ("" if local else f'<dt>{labels["url"]}</dt><dd><a href="{html.escape(site_url)}">{html.escape(site_url)}</a></dd>')
        + "</dl>"
    )
    contents = (
        f'<nav class="mdx-guide__toc" aria-labelledby="guide-contents"><h2 id="guide-contents">{labels["contents"]}</h2>'
        f'<ol>{"".join(toc)}</ol></nav>'
    )
    # The print page's own text (its short version) links into the document too.
    head, _, tail = out.partition(MARKER)
    start = head.index('<article class="md-content__inner md-typeset">')
    head = head[:start] + _rewrite_links(head[start:], print_page.url, ids, print_page.url)
    print_file.write_text(head + meta + contents + "".join(body) + tail, encoding="utf-8")
