#!/usr/bin/env python3
"""One PDF of the whole guide per language, from the built site.

    python scripts/make_pdf.py [SITE_DIR]      default: site/

Opens each language's print page (print/, en/print/) in headless Chromium
(Debian's chromium, driven by Playwright) and prints it beside that page, as
print/esim-guide-norway-zh.pdf and en/print/esim-guide-norway-en.pdf: A4, tagged, with an outline
(bookmarks) by heading and page numbers. Fonts are embedded by Chromium.
`make pdf` builds the site with GUIDE_PDF=true first, so the print pages
link to these files.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from _common import pdf_name  # noqa: E402,F401  the name the print page links

LANGS = {"zh": "print/index.html", "en": "en/print/index.html"}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#555">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def fix_outline_titles(path: Path, headings: list[str]) -> None:
    """Bookmarks named as the page's H1s.

    Chromium 156 sometimes doubles the text of a heading that starts a page
    after a forced page break (`break-before: page` on each page of the whole
    guide) in the PDF outline: "第一步：查明原因第一步：查明原因". The top-level
    outline entries are the page's H1s in order, so they are renamed from the
    page itself. tests/test_print.py checks the outline against the pages.
    """
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(path))
    outlines = writer.root_object.get("/Outlines")
    top = []
    node = outlines.get_object().get("/First") if outlines else None
    while node is not None:
        node = node.get_object()
        top.append(node)
        node = node.get("/Next")
    if len(top) != len(headings):
        print(f"outline: {len(top)} entries, {len(headings)} headings: left as Chromium wrote it", file=sys.stderr)
        return  # not the shape this fix knows
    for item, title in zip(top, headings):
        if item.get("/Title") != title:
            item[NameObject("/Title")] = TextStringObject(title)
    with open(path, "wb") as f:
        writer.write(f)


def make_pdfs(site: Path, out: Path | None = None, browser=None) -> dict[str, Path]:
    """Write one PDF per language (into `out`, or beside each print page); return {lang: path}."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        chromium = shutil.which("chromium")
        if not chromium:
            sys.exit("chromium is not installed: run `make system-packages`")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                return make_pdfs(site, out, b)
            finally:
                b.close()
    written = {}
    for lang, page in LANGS.items():
        context = browser.new_context()
        tab = context.new_page()
        tab.goto((site / page).resolve().as_uri(), wait_until="load")
        tab.emulate_media(media="print")
        headings = tab.eval_on_selector_all(
            "article h1", "els => els.map(h => h.cloneNode(true)).map(h => "
            "(h.querySelectorAll('.headerlink').forEach(a => a.remove()), h.textContent.trim()))",
        )
        path = (out or (site / page).parent) / pdf_name(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        tab.pdf(
            path=str(path), format="A4", print_background=True, tagged=True, outline=True,
            display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
            # No `margin`: extra.css's @page rule sets the margins, and a margin
            # given here changed nothing (all 122 pages rendered identical, 2026-12-05).
        )
        context.close()
        fix_outline_titles(path, headings)
        written[lang] = path
    return written


if __name__ == "__main__":
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    for lang, path in make_pdfs(site_dir).items():
        print(f"{lang}: {path}")
