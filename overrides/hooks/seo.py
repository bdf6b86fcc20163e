"""Search-engine details Material and mkdocs-static-i18n leave out.

- hreflang alternates in each page's <head> become absolute URLs (Material
  writes them relative), plus an x-default alternate pointing at the Chinese
  page (the default language). The language switcher in the page body keeps
  its relative links, so previews and offline copies still work.
- robots.txt at the site root, naming the sitemap (which mkdocs-static-i18n
  writes with both languages and their alternates).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

DEFAULT = "zh"
_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


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
    return absolute_alternates(head, page.canonical_url) + sep + body


@event_priority(-110)  # after every language is built
def on_post_build(config, **kwargs):
    plugin = config.plugins.get("i18n")
    if getattr(plugin, "building", False):
        return
    site_url = config.site_url or ""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}sitemap.xml")
    (Path(config.site_dir) / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
