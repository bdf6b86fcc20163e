"""Search-engine details Material and mkdocs-static-i18n leave out.

- hreflang alternates in each page's <head> become absolute URLs (Material
  writes them relative), plus an x-default alternate pointing at the Chinese
  page (the default language). The language switcher in the page body keeps
  its relative links, so previews and offline copies still work.
- The sitemap (mkdocs-static-i18n writes both languages with alternates)
  gets x-default alternates too.
- (Material's language selector would request `sitemap.xml` next to every
  hreflang alternate; includes/search-on-demand.js keeps those requests from
  being sent, so no page folder needs a sitemap of its own.)
- The offline copy (file://) has no use for hreflang and cannot fetch
  sitemaps: its pages carry no alternates in <head>.
- robots.txt at the site root, naming the sitemap.

Why: Material writes `<link rel="alternate" href="{{ alt.link | url }}">`,
page-relative (Material 9.8, base.html); mkdocs-static-i18n's sitemap
template has no x-default (1.3.1, custom_i18n_sitemap/sitemap.xml). If the
alternates, the sitemap or the language selector's links that
docs/javascripts/guide.js handles (`.md-select a[hreflang]`) are missing,
the strict build fails and names this hook.
"""

from __future__ import annotations

import gzip
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

from _common import DEFAULT_LANGUAGE as DEFAULT
from _common import MarkupMissing, is_nested_build, offline_enabled
from _common import message as missing_message

_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
_SELECTOR = re.compile(r'<a href="[^"]*" hreflang="[^"]*" class="md-select__link">')
_alternates_missing = MarkupMissing("seo", '<link rel="alternate" href="…" hreflang="…">',
                                    "Material 9.8 base.html with mkdocs-static-i18n's alternates")
_selector_missing = MarkupMissing("seo", '<a href="…" hreflang="…" class="md-select__link"> (guide.js part 1)',
                                  "Material 9.8 partials/language.html")
log = logging.getLogger("mkdocs.hooks.seo")


def absolute_alternates(head: str, page_url: str) -> str:
    """Make hreflang links absolute against the page's own absolute URL; add x-default."""
    links = {}

    def absolute(match):
        href = urljoin(page_url, match.group(1))
        links[match.group(2)] = href
        return f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'

    head = _ALTERNATE.sub(absolute, head)
    if DEFAULT in links and "x-default" not in links:
        tag = f'<link rel="alternate" href="{links[DEFAULT]}" hreflang="{DEFAULT}">'
        head = head.replace(tag, f'{tag}\n    <link rel="alternate" href="{links[DEFAULT]}" hreflang="x-default">', 1)
    return head


def on_post_page(output, page, config, **kwargs):
    if not page.canonical_url:
        return output
    head, sep, body = output.partition("</head>")
    _selector_missing.check(bool(_SELECTOR.search(body)), f"docs/{page.file.src_uri}")
    if not offline_enabled(config):
        _alternates_missing.check(bool(_ALTERNATE.search(head)), f"docs/{page.file.src_uri}")
    if offline_enabled(config):
        head = _ALTERNATE.sub("", head)
    else:
        head = absolute_alternates(head, page.canonical_url)
    return head + sep + body


SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _write_sitemap(path: Path, urls: list) -> None:
    root = ET.Element(f"{{{SM}}}urlset")
    root.extend(urls)
    data = ET.tostring(root, encoding="unicode", xml_declaration=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + data + "\n", encoding="utf-8")


def sitemaps(site: Path) -> None:
    """x-default alternates in the site's sitemap (mkdocs-static-i18n writes the others)."""
    ET.register_namespace("", SM)
    ET.register_namespace("xhtml", XHTML)
    path = site / "sitemap.xml"
    urls = ET.parse(path).getroot().findall(f"{{{SM}}}url")
    for url in urls:
        links = url.findall(f"{{{XHTML}}}link")
        default = next((link.get("href") for link in links if link.get("hreflang") == DEFAULT), None)
        if default and not any(link.get("hreflang") == "x-default" for link in links):
            ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default", href=default)
    _write_sitemap(path, urls)
    with gzip.open(site / "sitemap.xml.gz", "wb") as f:
        f.write(path.read_bytes())


@event_priority(-110)  # after every language is built
def on_post_build(config, **kwargs):
    if is_nested_build(config):
        return
    site_url = config.site_url or ""
    site = Path(config.site_dir)
    if not offline_enabled(config):
        if (site / "sitemap.xml").is_file():
            sitemaps(site)
        else:
            log.warning(missing_message("seo", "sitemap.xml at the site root", "mkdocs-static-i18n 1.3 / MkDocs"))
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}sitemap.xml")
    (Path(config.site_dir) / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
