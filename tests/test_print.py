"""Printing: every page prints only its content, with every tab and
admonition, and each language has the whole guide as one PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import LANGS, PRINT_PROBE, ROOT, SITE_CHROME, article, page_stems, page_url, wait_until

import make_pdf  # scripts/, on sys.path through conftest

STEMS = page_stems()
GUIDE = [s for s in STEMS if s != "print"]


def squash(text: str) -> str:
    """Text without any white space: PDF extraction breaks lines anywhere."""
    return re.sub(r"\s+", "", text)


def sample(block) -> str:
    """The start of a block's first paragraph or list item (CSS list numbers are not in the HTML)."""
    first = block.find(["p", "li"]) or block
    return squash(first.get_text())[:20]


def heading_text(h) -> str:
    return "".join(t for t in h.find_all(string=True) if not t.find_parent("a", class_="headerlink")).strip()


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-raw"]  # content order: -layout moves CJK quotes around
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", STEMS)
def test_print_shows_the_content_and_hides_the_site_chrome(visits, stem, lang):
    """Read from the wide visit of the page, with print media emulated
    (conftest.PageVisits, PRINT_PROBE)."""
    printed = visits(stem, lang)["print"]
    assert not printed["chrome"], f"{stem} ({lang}): printed: {printed['chrome']}"
    assert printed["article"], f"{stem} ({lang}): the content does not print"
    # Every tab prints, not only the selected one, under its label.
    assert not printed["hidden_tabs"], f"{stem} ({lang}): tab content does not print: {printed['hidden_tabs']}"
    assert not printed["hidden_labels"], f"{stem} ({lang}): tab labels do not print: {printed['hidden_labels']}"
    # Admonitions keep a border on paper (backgrounds may be dropped).
    assert not printed["borderless"], f"{stem} ({lang}): admonitions without border in print: {printed['borderless']}"
    # Every external link prints where it goes.
    unprinted = [href for href, after in printed["links"] if href not in after]
    assert not unprinted, f"{stem} ({lang}): URL not printed after link: {unprinted}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", ["steps/find-the-cause", "steps/install-esim"])
def test_printed_page_has_every_tab_and_no_blank_last_page(page, server, tmp_path, soup, stem, lang):
    page.goto(server + page_url(stem, lang))
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = squash(pdf_text(pdf))
    blocks = article(soup(stem, lang)).select(".tabbed-block")
    assert blocks, f"{stem} has no tabs to check"
    for block in blocks:
        assert sample(block) in text, f"{stem} ({lang}): a tab is missing from the printout"
    pages = len(PdfReader(pdf).pages)
    assert squash(pdf_text(pdf, pages)), f"{stem} ({lang}): the last printed page is blank"


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
@pytest.mark.parametrize("stem", ["steps/install-esim", "steps/contact-operator"])
def test_nothing_runs_off_the_paper(page, server, tmp_path, stem, fmt):
    for lang in LANGS:
        page.goto(server + page_url(stem, lang))
        pdf = tmp_path / f"{lang}.pdf"
        page.pdf(path=str(pdf), format=fmt)
        boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
        right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes))
        assert right <= width, f"{stem} ({lang}, {fmt}): text runs off the page ({right:.0f} > {width:.0f} pt)"
        assert squash(pdf_text(pdf, len(PdfReader(pdf).pages))), f"{stem} ({lang}, {fmt}): blank last page"


# --- the whole guide --------------------------------------------------------

def guide_titles(soup, lang) -> list[str]:
    return [heading_text(article(soup(stem, lang)).find("h1")) for stem in nav_order(soup, lang)]


def nav_order(soup, lang) -> list[str]:
    """Guide pages in the order of the print page's sections."""
    ids = [s["id"] for s in article(soup("print", lang)).select("section.mdx-guide__page")]
    by_id = {("home" if s == "index" else s.replace("/", "-")): s for s in GUIDE}
    return [by_id[i] for i in ids]


def test_the_print_page_holds_every_page_in_reading_order(soup):
    for lang in LANGS:
        order = nav_order(soup, lang)
        assert sorted(order) == sorted(GUIDE)
        assert order[0] == "index" and order.index("steps/find-the-cause") < order.index("steps/check-it-works")
        toc = [a.get_text(strip=True) for a in article(soup("print", lang)).select(".mdx-guide__toc > ol > li > a")]
        assert toc == guide_titles(soup, lang)


def test_links_inside_the_whole_guide_stay_inside_it(soup):
    for lang in LANGS:
        content = article(soup("print", lang))
        links = content.select("section.mdx-guide__page a[href]")
        assert any(a["href"].startswith("#") for a in links), f"print ({lang}): no links between its sections to check"
        for a in links:
            href = a["href"]
            assert href.startswith(("#", "https://", "mailto:", "tel:")), f"print ({lang}): link leaves the document: {href}"
            if href.startswith("#"):
                assert content.find(id=href[1:]) is not None, f"print ({lang}): {href} has no target"


def test_the_short_version_comes_first_and_links_inside_the_document(soup):
    """The print page opens with its own short version (English review, round 3:
    a short emergency card), whose links, like the guide's, stay in the document."""
    for lang in LANGS:
        content = article(soup("print", lang))
        short = content.find(id="in-short")
        assert short is not None, f"print ({lang}): no short version (#in-short)"
        assert short.sourceline < content.select_one(".mdx-guide__toc").sourceline
        links = [a["href"] for a in short.find_next("ol").find_all("a", href=True)]
        assert links and all(h.startswith("#") and content.find(id=h[1:]) for h in links), (
            f"print ({lang}): a short-version link leaves the document or has no target: {links}"
        )


def test_the_title_block_names_no_local_preview_address(soup):
    """Built for 127.0.0.1 (make build, the tests), the whole guide shows no web
    address: on paper or offline, a preview address would mislead."""
    for lang in LANGS:
        meta = article(soup("print", lang)).select_one(".mdx-guide__meta")
        assert meta is not None and "127.0.0.1" not in meta.get_text(), f"print ({lang}): {meta}"


@pytest.mark.parametrize("lang", LANGS)
def test_whole_guide_untouched_asks_for_nothing_more_and_its_contents_links_land(new_context, server, lang):
    """On a phone set to dark mode, a first visit to the whole guide, as
    loaded and not yet touched: it has asked for nothing but itself and its
    icon (its stylesheets and scripts wait for the reader:
    includes/load-after-paint.js), it is already dark (overrides/hooks/speed.py,
    SYSTEM_PALETTE: Material's bundle would set it), and printed now, from
    its inlined rules alone, it shows every tab and admonition and no site
    chrome. Then the reader taps an entry near the end of its contents: the
    page scrolls to that heading, not near it, and the scripts run."""
    page = new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True,
                       color_scheme="dark").new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(server + page_url("print", lang), wait_until="commit")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    more = [url for url in asked if not url.endswith(("/print/", "/favicon.png"))]
    assert not more, f"print ({lang}): asked for before the reader touched it: {more}"
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate", f"print ({lang}): a first visit in dark mode is drawn in {scheme}"
    page.emulate_media(media="print")
    printed = page.evaluate(PRINT_PROBE, SITE_CHROME)
    page.emulate_media(media="screen")
    assert printed["article"] and not printed["chrome"], f"print ({lang}), untouched: printed {printed['chrome']}"
    assert not printed["hidden_tabs"] and not printed["hidden_labels"], f"print ({lang}), untouched: {printed}"
    assert not printed["borderless"], f"print ({lang}), untouched: admonitions without border: {printed['borderless']}"
    assert all(href in after for href, after in printed["links"]), f"print ({lang}), untouched: {printed['links']}"
    link = page.locator(".mdx-guide__toc a[href^='#glossary']").last  # a section near the end
    target = link.get_attribute("href")[1:]
    link.click()
    page.wait_for_timeout(300)
    top = page.locator(f"[id='{target}']").evaluate("e => e.getBoundingClientRect().top")
    scrolled = page.evaluate("scrollY")
    assert 0 <= top < 200, f"print ({lang}): {target} is at {top:.0f}px after following its contents link"
    assert scrolled > 10 * 800, f"print ({lang}): the section is not ten screens down the page"
    wait_until(page, "window.__mdxLoaded === true", what=f"print ({lang}): the scripts, after the first tap")


WHOLE_GUIDE_LAYOUT = """async () => {
  const sections = [...document.querySelectorAll('section.mdx-guide__page')];
  const far = sections[sections.length - 1];
  const drawnAtFirst = far.querySelector('h1').checkVisibility({contentVisibilityAuto: true});
  for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {  // the reader scrolls through it all
    scrollTo(0, y);
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  const clipped = [], gaps = [], rules = [];
  sections.forEach((s, i) => {
    const box = s.getBoundingClientRect();
    const style = getComputedStyle(s);
    const em = parseFloat(style.fontSize);
    const rule = box.top + parseFloat(style.paddingTop);
    const h1 = s.querySelector('h1').getBoundingClientRect();
    const before = getComputedStyle(s, '::before');
    rules.push([s.id, Math.round(parseFloat(before.width) - h1.width), before.borderTopStyle]);
    if (i > 0) {
      const last = sections[i - 1].lastElementChild.getBoundingClientRect();
      gaps.push([s.id, Math.round((rule - last.bottom) / em * 100) / 100]);
    }
    for (const e of s.querySelectorAll('*')) {
      if (e.parentElement.closest('.md-typeset__scrollwrap, pre, .tabbed-labels')) continue;  // they scroll inside
      const r = e.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        clipped.push([s.id, e.tagName, e.className, Math.round(r.left - box.left), Math.round(box.right - r.right),
                      Math.round(r.top - box.top), Math.round(box.bottom - r.bottom)]);
    }
  });
  return {drawnAtFirst, clipped, gaps, rules};
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_whole_guide_draws_its_pages_as_the_reader_reaches_them_and_clips_nothing(new_context, server, lang, width):
    """On screen, the whole guide's pages off screen are not drawn until the
    reader comes near them (content-visibility in extra.css: the long page
    loads without a long task). Drawing a page that way clips whatever
    reaches past its box, so each page's box leaves room around its text:
    after scrolling through, nothing inside any page (a table's or code
    block's edge, a term in a title) reaches past it. And between pages the
    reader still sees a rule as wide as the text, 2em below the last line of
    the page before."""
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(server + page_url("print", lang), wait_until="networkidle")
    found = page.evaluate(WHOLE_GUIDE_LAYOUT)
    assert not found["drawnAtFirst"], f"print ({lang}, {width}px): the last page was drawn before the reader got near it"
    assert not found["clipped"], f"print ({lang}, {width}px): reaches past its page's box (cut off): {found['clipped'][:5]}"
    assert all(style == "solid" and diff == 0 for _, diff, style in found["rules"]), (
        f"print ({lang}, {width}px): the rule above a page is not as wide as its text: {found['rules']}")
    assert all(gap == 2 for _, gap in found["gaps"]), f"print ({lang}, {width}px): space above the rule (em): {found['gaps']}"


@pytest.fixture(scope="session")
def pdfs(site, browser, tmp_path_factory):
    return make_pdf.make_pdfs(site, tmp_path_factory.mktemp("pdf"), browser)


@pytest.mark.parametrize("lang", LANGS)
def test_guide_pdf_has_every_page_tab_and_admonition_in_order(pdfs, soup, lang):
    text = squash(pdf_text(pdfs[lang]))
    position = 0
    for title in guide_titles(soup, lang):
        found = text.find(squash(title), position)
        assert found >= 0, f"{lang} PDF: '{title}' missing or out of order"
        position = found
    checked = {"admonitions": 0, "tabs": 0}
    for stem in GUIDE:
        content = article(soup(stem, lang))
        for title in content.select(".admonition-title"):
            assert squash(title.get_text()) in text, f"{lang} PDF: admonition '{title.get_text()}' missing"
            checked["admonitions"] += 1
        for block in content.select(".tabbed-block"):
            assert sample(block) in text, f"{lang} PDF: tab content of {stem} missing"
            checked["tabs"] += 1
    assert all(checked.values()), f"{lang}: the guide's pages had nothing to look for in the PDF: {checked}"


@pytest.mark.parametrize("lang", LANGS)
def test_guide_pdf_is_tagged_has_an_outline_and_embeds_its_fonts(pdfs, soup, lang):
    path = pdfs[lang]
    assert path.name == f"esim-guide-norway-{lang}.pdf"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M), f"{lang} PDF is not tagged"
    outline = [item.title for item in PdfReader(path).outline if not isinstance(item, list)]
    for title in guide_titles(soup, lang):
        assert any(squash(title) == squash(o) for o in outline), f"{lang} PDF outline lacks '{title}': {outline}"
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, f"{lang} PDF has no fonts"
    not_embedded = [f for f in fonts if f.split()[-5] != "yes"]
    assert not not_embedded, f"{lang} PDF: fonts not embedded: {not_embedded}"


def test_print_page_links_the_pdf_only_when_it_is_made(soup):
    # The test build runs without GUIDE_PDF, so no link to a PDF that does not exist.
    for lang in LANGS:
        assert article(soup("print", lang)).select(".mdx-guide__download") == []


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
@pytest.mark.parametrize("lang", LANGS)
def test_phrasebook_prints_as_a_one_page_card(page, server, tmp_path, lang, fmt):
    import yaml

    data = yaml.safe_load((ROOT / "includes" / "phrasebook.yml").read_text(encoding="utf-8"))
    page.goto(server + page_url("phrasebook", lang))
    pdf = tmp_path / "card.pdf"
    page.pdf(path=str(pdf), format=fmt)
    first_page = squash(pdf_text(pdf, 1))
    missing = [p["nb"] for p in data["phrases"] if squash(p["nb"]) not in first_page]
    assert not missing, f"phrasebook ({lang}, {fmt}): not on the first printed page: {missing}"
    missing = [g[lang] for g in data["groups"] if squash(g[lang]) not in first_page]
    assert not missing, f"phrasebook ({lang}, {fmt}): group headings not on the first printed page: {missing}"
    # The line of links to the groups is for the screen: no use on paper.
    links = squash(" · ".join(g[lang] for g in data["groups"]))
    assert links not in squash(pdf_text(pdf)), f"phrasebook ({lang}, {fmt}): the line of links is printed"
