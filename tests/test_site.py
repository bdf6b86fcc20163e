"""Assertions on the built site: what a reader of either language gets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

import guide_checks
from conftest import LANGS, ROOT, _parse as _parse_page, article, page_file, page_stems, page_url

STEMS = page_stems()
CJK = re.compile(r"[\u4e00-\u9fff]")
ASCII_ID = re.compile(r"^[a-z0-9]+(?:--?[a-z0-9]+)*$")  # "--" joins page and section ids on the print page
BASE = "http://site.test/"  # stand-in origin for resolving relative links


def built_pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith(("assets/", "search/"))
    )


def test_the_guide_has_every_page_of_the_outline(soup):
    """The outline's pages are on the site, in both languages, and in its navigation."""
    expected = {
        "index", "what-is-esim", "steps/find-the-cause", "steps/contact-operator",
        "steps/install-esim", "steps/check-it-works", "summary",
    }
    assert expected <= set(STEMS), f"pages missing from docs/: {sorted(expected - set(STEMS))}"
    for lang in LANGS:
        home = BASE + page_url("index", lang)
        nav = {urlsplit(urljoin(home, a["href"])).path for a in soup("index", lang).select(".md-nav--primary a.md-nav__link[href]")}
        missing = sorted(s for s in expected if urlsplit(BASE + page_url(s, lang)).path not in nav)
        assert not missing, f"{lang}: outline pages not in the navigation: {missing}"


def test_every_page_is_built_in_both_languages(site):
    # One bilingual 404.html at the root serves both languages.
    zh = {p.relative_to(site).as_posix() for p in built_pages(site) if not p.relative_to(site).as_posix().startswith("en/")} - {"404.html"}
    en = {p.relative_to(site / "en").as_posix() for p in built_pages(site / "en")}
    assert zh - en == set(), "pages only in Chinese"
    assert en - zh == set(), "pages only in English"
    for stem in STEMS:
        for lang in LANGS:
            assert page_file(site, stem, lang).is_file(), f"{stem} not built in {lang}"


@pytest.mark.parametrize("stem", STEMS)
def test_html_lang_is_the_page_language(soup, stem):
    for lang in LANGS:
        assert soup(stem, lang).html["lang"] == lang


@pytest.mark.parametrize("stem", STEMS)
def test_language_switcher_lands_on_the_same_page(soup, stem):
    for lang, other in (("zh", "en"), ("en", "zh")):
        here = BASE + page_url(stem, lang)
        links = soup(stem, lang).select(f'.md-select a[hreflang="{other}"]')
        assert links, f"{stem} ({lang}): no switcher entry for {other}"
        target = urljoin(here, links[0]["href"])
        assert urlsplit(target).path == urlsplit(BASE + page_url(stem, other)).path, (
            f"{stem} ({lang}): switcher goes to {target}, not to the {other} twin"
        )


def heading_ids(soup_page) -> list[str]:
    return [h.get("id") for h in article(soup_page).find_all(re.compile(r"^h[1-6]$"))]


@pytest.mark.parametrize("stem", STEMS)
def test_heading_ids_are_ascii_and_the_same_in_both_languages(soup, stem):
    zh, en = heading_ids(soup(stem, "zh")), heading_ids(soup(stem, "en"))
    assert zh, f"{stem}: no headings"
    bad = [i for i in zh + en if not (i and ASCII_ID.match(i))]
    assert not bad, f"{stem}: headings without an ASCII id: {bad}"
    assert zh == en, f"{stem}: heading ids differ between zh and en:\nzh: {zh}\nen: {en}"


def admonitions(soup_page) -> list[tuple[str, str]]:
    """(kind, title) of every admonition in reading order."""
    out = []
    for box in article(soup_page).select(".admonition"):
        kind = next(c for c in box["class"] if c != "admonition")
        out.append((kind, box.select_one(".admonition-title").get_text(strip=True)))
    return out


def test_every_precaution_is_an_admonition_where_the_reader_needs_it(soup):
    """The outline's precautions (back up, stable Wi-Fi, the operator's own rules)
    are admonitions, printed, in the step where they apply: before installing
    (step 3) and when contacting the operator (step 2)."""
    for lang in LANGS:
        install = article(soup("steps/install-esim", lang))
        before = install.find(id="before-installing")
        boxes = [b for b in before.find_next_siblings(class_="admonition")
                 if b.sourceline < before.find_next_sibling("h2").sourceline]
        assert [b["class"][1] for b in boxes] == ["warning", "warning"], (
            f"steps/install-esim ({lang}): the Wi-Fi and back-up warnings belong before installing"
        )
        text = " ".join(b.get_text() for b in boxes)
        assert "Wi-Fi" in text and ("back" in text.lower() or "备份" in text)
        contact = admonitions(soup("steps/contact-operator", lang))
        assert any(kind == "info" for kind, _ in contact), f"steps/contact-operator ({lang}): no info box on the operator's own rules"


@pytest.mark.parametrize("stem", STEMS)
def test_no_collapsed_block_hides_text_from_print(soup, stem):
    for lang in LANGS:
        closed = [d for d in article(soup(stem, lang)).find_all("details") if not d.has_attr("open")]
        assert not closed, f"{stem} ({lang}): use !!! instead of ??? so the text prints"


@pytest.mark.parametrize("stem", STEMS)
def test_admonitions_match_and_speak_the_page_language(soup, stem):
    zh, en = admonitions(soup(stem, "zh")), admonitions(soup(stem, "en"))
    assert [k for k, _ in zh] == [k for k, _ in en], f"{stem}: admonition kinds differ between languages"
    for kind, title in zh:
        assert CJK.search(title), f"{stem} (zh): {kind} admonition titled in English: '{title}'"
    for kind, title in en:
        assert not CJK.search(title), f"{stem} (en): {kind} admonition titled in Chinese: '{title}'"


@pytest.mark.parametrize("stem", STEMS)
def test_content_tabs_match_across_languages(soup, stem):
    labels = {lang: [l.get_text(strip=True) for l in article(soup(stem, lang)).select(".tabbed-labels label")] for lang in LANGS}
    assert labels["zh"] == labels["en"], f"{stem}: tab labels differ; use the same device names in both languages"


def test_theme_labels_are_in_the_page_language(soup):
    expected = {"zh": ("搜索", "四个步骤"), "en": ("Search", "The four steps")}
    for lang, (search, section) in expected.items():
        page = soup("steps/install-esim", lang)
        assert page.select_one("input.md-search__input")["placeholder"] == search
        nav_titles = [e.get_text(" ", strip=True) for e in page.select(".md-nav__item--section > label, .md-nav__item--section > .md-nav__link")]
        assert any(section in t for t in nav_titles), f"{lang}: section '{section}' not in nav {nav_titles}"
        footer = page.select_one(".md-footer__link--prev")
        assert footer is not None and footer.get("aria-label", "").startswith("上一页" if lang == "zh" else "Previous")


def _local_target(site: Path, page: Path, ref: str):
    """File and fragment a local href/src points at, or None for external ones."""
    if ref.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    page_abs = BASE + page.relative_to(site).as_posix()
    url = urljoin(page_abs, ref)
    if not url.startswith(BASE):
        return None
    path, _, fragment = url[len(BASE):].partition("#")
    path = unquote(path.split("?")[0])
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return target, fragment


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for page in built_pages(site):
        html = _parse_page(page)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in html.find_all(tag, attrs={attr: True}):
                resolved = _local_target(site, page, el[attr])
                if resolved is None:
                    continue
                target, fragment = resolved
                where = f"{page.relative_to(site)}: {tag} {attr}={el[attr]!r}"
                if not target.is_file():
                    broken.append(f"{where} -> missing file")
                elif fragment and target.suffix == ".html" and not _parse_page(target).find(id=unquote(fragment)):
                    broken.append(f"{where} -> no element with id '{fragment}'")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_nothing_is_loaded_from_a_third_party(site):
    loads = []
    for page in built_pages(site):
        html = _parse_page(page)
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for el in html.find_all(tag, attrs={attr: True}):
                if tag == "link" and not set(el.get("rel", [])) & {"stylesheet", "preconnect", "preload", "icon", "dns-prefetch", "modulepreload"}:
                    continue  # canonical and alternates are links, not loads
                if urlsplit(el[attr]).scheme in ("http", "https") or el[attr].startswith("//"):
                    loads.append(f"{page.relative_to(site)}: {el}")
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page
    assert not loads, "third-party loads:\n" + "\n".join(loads)


def test_external_links_use_https(site):
    plain = [
        f"{page.relative_to(site)}: {a['href']}"
        for page in built_pages(site)
        for a in _parse_page(page).find_all("a", href=re.compile(r"^http://"))
        if not a["href"].startswith("http://127.0.0.1")
    ]
    assert not plain, "links without https:\n" + "\n".join(plain)


def test_no_private_contact_anywhere(site):
    found = []
    for page in built_pages(site):
        html = _parse_page(page)
        text = html.get_text(" ") + " " + " ".join(a["href"] for a in html.find_all("a", href=True))
        found += [f"{page.relative_to(site)}: {c}" for c in guide_checks.private_contacts(text)]
    assert not found, "private contacts in the site:\n" + "\n".join(found)


def test_the_safety_advice_warns_against_helpers_on_messaging_apps(soup):
    for lang, words in (("zh", ("微信", "WhatsApp", "Telegram")), ("en", ("WeChat", "WhatsApp", "Telegram"))):
        box = article(soup("safety", lang)).find(id="no-helpers").find_next_sibling(class_="admonition")
        assert box is not None and box["class"][1] == "danger"
        assert all(w in box.get_text() for w in words)


def _index(site: Path, lang: str) -> dict:
    path = site / ("" if lang == "zh" else f"{lang}/") / "search" / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(site):
    zh, en = _index(site, "zh"), _index(site, "en")
    zh_pages = {d["location"].split("#")[0] for d in zh["docs"]}
    en_pages = {d["location"].split("#")[0] for d in en["docs"]}
    searchable = {page_url(s, "zh") for s in STEMS if s != "print"}  # the print page repeats the others
    assert zh_pages == searchable
    assert en_pages == searchable  # relative to /en/
    assert all(CJK.search(d["title"]) for d in zh["docs"] if d["location"] and "#" not in d["location"])
    assert not any(CJK.search(d["title"]) for d in en["docs"])


def test_english_pages_search_their_own_index(soup):
    for stem in STEMS:
        config = json.loads(soup(stem, "en").select_one("#__config").string)
        base = urljoin(BASE + page_url(stem, "en"), config["base"])
        assert base == BASE + "en/", f"{stem}: search base is {base}"
        config = json.loads(soup(stem, "zh").select_one("#__config").string)
        assert urljoin(BASE + page_url(stem, "zh"), config["base"]) == BASE


def test_chinese_is_segmented_into_words_in_the_index(site):
    index = _index(site, "zh")
    assert "\\u200b" in index["config"]["separator"]  # the regex must split on U+200B
    text = " ".join(d["text"] for d in index["docs"])
    # Words from the middle of sentences stand alone between U+200B marks.
    for word in ("运营商", "激活码", "二维码"):
        assert re.search(rf"[\u200b\s]{word}[\u200b\s，。、；：]", text), f"'{word}' is not a separate word in the index"


def test_operator_table_comes_from_the_data_file(soup):
    data = yaml.safe_load((ROOT / "includes" / "operators.yml").read_text(encoding="utf-8"))
    expected = [op["website"] for op in data["operators"]]
    for lang in LANGS:
        table = article(soup("steps/contact-operator", lang)).find("table")
        assert table is not None, f"contact-operator ({lang}): no operator table"
        links = [a["href"] for a in table.find_all("a") if not a["href"].startswith("tel:")]
        assert links == expected, f"contact-operator ({lang}): operator links differ from includes/operators.yml"
        names = [row.find("td").find("strong").get_text(strip=True) for row in table.find_all("tr")[1:]]
        assert names == [op["name"] for op in data["operators"]]


def test_glossary_tooltips_speak_the_page_language(soup):
    for lang in LANGS:
        titles = [a["title"] for stem in STEMS for a in article(soup(stem, lang)).find_all("abbr")]
        assert titles, f"no glossary tooltips on the {lang} pages"
        assert all(bool(CJK.search(t)) == (lang == "zh") for t in titles)


_DATA_URI = re.compile(r"""url\(("data:[^"]*"|'data:[^']*')\)""")


def test_first_screen_rules_draw_the_same_icons_as_the_stylesheets(site):
    """Each page's inlined first-screen rules (overrides/hooks/speed.py) carry
    the icons (SVG data: URIs: admonition kinds, checkboxes, navigation)
    character for character as the stylesheets have them: a minifier that
    takes the spaces out of one (`<svgxmlns=…`) leaves the icon empty until
    the full stylesheets arrive, and on the whole guide, which waits for the
    reader, on paper too."""
    whole = "".join(p.read_text(encoding="utf-8") for p in [*site.glob("assets/stylesheets/*.css"), *site.glob("stylesheets/*.css")])
    full = set(_DATA_URI.findall(whole))
    assert full, "no SVG icons found in the built stylesheets (Material's markup changed?)"
    checked = 0
    for page in built_pages(site):
        for style in re.findall(r"<style>(.*?)</style>", page.read_text(encoding="utf-8"), re.S):
            uris = set(_DATA_URI.findall(style))
            checked += len(uris)
            changed = sorted(uri[:90] for uri in uris - full)
            assert not changed, f"{page.relative_to(site)}: icons in the inlined rules differ from the stylesheets: {changed}"
    assert checked, "no page inlines an icon: nothing was checked"
