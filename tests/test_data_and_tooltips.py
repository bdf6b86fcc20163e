"""What the data files (includes/*.yml) put on the pages, and the glossary
tooltips on a touch screen.

- the Chinese phrasebook shows the English meaning too; every phrase keeps its
  #phrase-ID anchor and sits under the heading of its group, which the line
  of links at the top reaches;
- the operator table fits a 390 px phone, and its date note uses the table's
  own rows, in Chinese punctuation on the Chinese page;
- every `<!-- mdx:fact ID -->` renders in both languages, and no marker is
  left unreplaced;
- tapping a glossary term on a 390 px touch screen shows its definition
  (text from includes/glossary.yml), in both languages; a second tap, Escape
  or a tap elsewhere closes it.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import LANGS, ROOT, STEMS_ALL, article, page_url

import data_tables

CJK = re.compile(r"[\u3400-\u9fff]")
OPERATORS = yaml.safe_load((ROOT / "includes" / "operators.yml").read_text(encoding="utf-8"))
PHRASEBOOK = yaml.safe_load((ROOT / "includes" / "phrasebook.yml").read_text(encoding="utf-8"))
PHRASES, GROUPS = PHRASEBOOK["phrases"], PHRASEBOOK["groups"]
TERMS = yaml.safe_load((ROOT / "includes" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
OPERATOR_PAGE = "steps/contact-operator"


def _plain(markdown: str) -> str:
    """A fact's text as the reader sees it: without the Markdown marks."""
    text = re.sub(r"\{[^}]*\}", "", markdown)            # { lang=nb }
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](link)
    return text.replace("*", "")


# --- phrasebook ----------------------------------------------------------------

def test_the_chinese_phrasebook_shows_the_english_meaning_too(soup):
    tables = article(soup("phrasebook", "zh")).select(".mdx-phrasebook table")
    assert len(tables) == len(GROUPS)
    for table in tables:
        head = [th.get_text(strip=True) for th in table.select("thead th")]
        assert len(head) == 3 and head[2] == "English", head
    rows = article(soup("phrasebook", "zh")).select(".mdx-phrasebook tbody tr")
    assert len(rows) == len(PHRASES)
    for row, phrase in zip(rows, PHRASES):  # the file lists the phrases in page order (validate_phrasebook)
        norwegian, meaning, english = row.find_all("td")
        assert norwegian.find("span", lang="nb", id=f"phrase-{phrase['id']}").get_text() == phrase["nb"]
        assert meaning.get_text().strip() == phrase["zh"]
        span = english.find("span", lang="en")
        assert span is not None and span.get_text() == phrase["en"], f"phrase-{phrase['id']}: English cell"


def test_the_english_phrasebook_keeps_two_columns(soup):
    tables = article(soup("phrasebook", "en")).select(".mdx-phrasebook table")
    assert len(tables) == len(GROUPS)
    for table in tables:
        assert len(table.select("thead th")) == 2
        assert all(len(row.find_all("td")) == 2 for row in table.select("tbody tr"))
    ids = [span["id"] for table in tables for span in table.select("span[lang=nb]")]
    assert ids == [f"phrase-{p['id']}" for p in PHRASES]


@pytest.mark.parametrize("lang", LANGS)
def test_every_phrase_sits_under_the_heading_of_its_group(soup, lang):
    """One heading and one table per group, in the order of `groups:`; each
    phrase once, in its group's table (the heading it follows)."""
    book = article(soup("phrasebook", lang)).select_one(".mdx-phrasebook")
    headings = book.select("h3")
    assert [h.get("id") for h in headings] == [f"phrases-{g['id']}" for g in GROUPS]
    assert [h.get_text().rstrip("¶").strip() for h in headings] == [g[lang] for g in GROUPS]
    under = {}
    for span in book.select("span[lang=nb][id^=phrase-]"):
        assert span["id"] not in under, f"phrasebook ({lang}): #{span['id']} twice"
        heading = span.find_previous("h3")
        assert heading is not None and heading.find_next("table") is span.find_parent("table"), \
            f"phrasebook ({lang}): #{span['id']} is not in the table right after a group heading"
        under[span["id"]] = heading["id"]
    assert under == {f"phrase-{p['id']}": f"phrases-{p['group']}" for p in PHRASES}


@pytest.mark.parametrize("lang", LANGS)
def test_the_line_of_links_at_the_top_reaches_every_group(soup, lang):
    page = article(soup("phrasebook", lang))
    jump = page.select_one(".mdx-phrasebook__jump")
    assert jump is not None, f"phrasebook ({lang}): no line of links to the groups"
    assert jump.find_previous("h3") is None and jump.find_next("table") is page.select_one(".mdx-phrasebook table"), \
        f"phrasebook ({lang}): the line of links is not above the phrases"
    links = jump.select("a")
    assert [a["href"] for a in links] == [f"#phrases-{g['id']}" for g in GROUPS]
    for a in links:
        target = page.find(id=a["href"][1:])
        assert target is not None and target.name == "h3", f"phrasebook ({lang}): {a['href']} reaches no heading"
        assert a.get_text() == target.get_text().rstrip("¶").strip()


def test_the_phrases_shown_to_staff_carry_no_tooltip_underline(soup):
    """A dotted underline in a phrase held up to shop staff looks like a marked
    typo; the phrase's meaning is in the next column anyway."""
    for lang in LANGS:
        spans = article(soup("phrasebook", lang)).select(".mdx-phrasebook span[lang=nb]")
        assert len(spans) == len(PHRASES)
        assert not [s["id"] for s in spans if s.find("abbr")], f"phrasebook ({lang}): tooltips in the phrases"
    assert article(soup("no-bankid", "zh")).find("abbr"), "tooltips elsewhere stay"


def test_what_a_reader_needs_first_comes_first(soup):
    assert [p["id"] for p in PHRASES[:2]] == ["speak-english", "write-down"]
    first = GROUPS[0]["id"]
    start = ["speak-english", "write-down", "english-colleague"]  # what makes the rest usable
    assert [p["id"] for p in PHRASES if p["group"] == first] == start
    for lang in LANGS:
        first_table = article(soup("phrasebook", lang)).select_one(".mdx-phrasebook table")
        assert [s["id"] for s in first_table.select("span[lang=nb]")] == [f"phrase-{i}" for i in start]


def test_the_phrases_the_pages_link_exist():
    ids = {p["id"] for p in PHRASES}
    for new in ("physical-sim", "no-esim-phone", "verify-without-bankid", "how-long", "abroad", "old-esim-stops",
                "employer-name", "someone-elses-name", "unpaid-bill", "resend-esim", "get-puk", "code-as-text",
                "roaming", "new-passport", "ported", "shop-near"):
        assert new in ids, new


# --- operator table -------------------------------------------------------------

def _operator_table(soup, lang):
    return article(soup(OPERATOR_PAGE, lang)).select_one(".mdx-operators table")


def test_the_operator_table_comes_from_the_data_file_in_three_columns(soup):
    for lang in LANGS:
        table = _operator_table(soup, lang)
        assert table is not None, f"{OPERATOR_PAGE} ({lang}): no operator table (<!-- mdx:operators -->)"
        assert len(table.select("thead th")) == 3
        rows = table.select("tbody tr")
        assert [r.find("td").find("strong").get_text() for r in rows] == [op["name"] for op in OPERATORS["operators"]]
        for row, op in zip(rows, OPERATORS["operators"]):
            site = row.find("td").find("a")
            assert site["href"] == op["website"]
            phones = [a.get_text() for a in row.select('a[href^="tel:"]')]
            assert phones == [str(p["number"]) for p in op.get("phones") or []], op["name"]
            for a in row.select('a[href^="tel:"]'):  # a tap from a borrowed foreign phone must reach Norway
                digits = re.sub(r"\D", "", a.get_text())
                if len(digits) == 8:
                    assert a["href"] == f"tel:+47{digits}", f"{op['name']}: {a['href']} has no +47"


def test_the_date_note_uses_the_tables_own_rows():
    rows = [{"name": "A", "checked": "2026-11-25"}, {"name": "B", "checked": "2026-11-25"}, {"name": "C", "checked": "2026-12-02"}]
    assert data_tables.checked_date(rows) == "2026-11-25"  # not the newest date of any row
    base = {"checked_note": {"zh": "运营商会改页面。", "en": "Operators change pages."}}
    ops = [dict(r, kind="brand", website="https://example.no/", sources=["https://example.no/"]) for r in rows]
    zh = data_tables.render_operators(dict(base, operators=ops), "zh")
    en = data_tables.render_operators(dict(base, operators=ops), "en")
    assert "资料核对日期：2026-11-25（另注明的除外）。" in zh
    assert "Details last checked: 2026-11-25 (unless a row says otherwise)." in en
    row_c = [line for line in zh.splitlines() if "example.no" in line][2]
    assert "核对：2026-12-02" in row_c  # the row checked on another day says so itself
    same = data_tables.render_operators(dict(base, operators=ops[:2]), "zh")
    assert "资料核对日期：2026-11-25。" in same and "另注明" not in same


def test_the_chinese_note_has_full_width_punctuation(soup):
    note = article(soup(OPERATOR_PAGE, "zh")).select_one(".mdx-operators__checked").get_text()
    assert re.search(r"。资料核对日期：\d{4}-\d{2}-\d{2}(（另注明的除外）)?。$", note), note
    assert not re.search(r"[\u3400-\u9fff][:.,;]|[:.,;][\u3400-\u9fff]|。 ", note), note
    en = article(soup(OPERATOR_PAGE, "en")).select_one(".mdx-operators__checked").get_text()
    assert not CJK.search(en) and re.search(r"Details last checked: \d{4}-\d{2}-\d{2}( \(unless a row says otherwise\))?\.$", en), en


def test_the_note_says_what_to_do_not_how_we_researched():
    for lang in LANGS:
        note = OPERATORS["checked_note"][lang]
        assert not re.search(r"archiv|存档|副本|copies", note), note


def test_the_operator_table_fits_a_390px_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for lang in LANGS:
            page.goto(server + page_url(OPERATOR_PAGE, lang), wait_until="load")
            table = page.locator(".mdx-operators table")
            box, content = table.bounding_box(), page.locator("article.md-content__inner").bounding_box()
            assert box["x"] + box["width"] <= content["x"] + content["width"] + 1, f"{lang}: the table is wider than the page"
            assert page.evaluate("t => t.scrollWidth - t.clientWidth", table.element_handle()) <= 0, \
                f"{OPERATOR_PAGE} ({lang}): the operator table scrolls sideways at 390 px"
            spill = page.evaluate("""t => [...t.querySelectorAll('a[href^="tel:"]')]
                .filter(a => { const td = a.closest('td');
                    return a.getBoundingClientRect().right
                        > td.getBoundingClientRect().right - parseFloat(getComputedStyle(td).paddingRight) + 0.5; })
                .map(a => a.textContent)""", table.element_handle())
            assert not spill, f"{OPERATOR_PAGE} ({lang}): phone numbers run into the cell border at 390 px: {spill}"
    finally:
        context.close()


# --- facts ------------------------------------------------------------------------

def test_no_stray_space_after_chinese_punctuation(soup):
    """A fact dropped into a Chinese sentence (`<!-- mdx:fact ID --> 号码…`)
    must not leave a space after its full stop: "。 号码" reads as a typo."""
    for stem in STEMS_ALL:
        text = article(soup(stem, "zh")).get_text()
        stray = re.findall(r".{0,12}[。，；：！？）] +[\u3400-\u9fff].{0,6}", text)
        assert not stray, f"{stem} (zh): a space after Chinese punctuation: {stray}"


def test_every_fact_renders_in_both_languages():
    for fact in OPERATORS["facts"]:
        for lang in LANGS:
            text = data_tables.render_fact(fact, lang, "lost-phone.zh.md")
            assert text and "OPERATORS_TABLE" not in text, fact["id"]
            assert bool(CJK.search(text)) == (lang == "zh"), f"fact {fact['id']} ({lang}) is in the wrong language"
        assert fact["sources"] and fact["checked"], fact["id"]


def test_facts_on_the_pages_are_shown_in_the_page_language(soup):
    facts = {f["id"]: f for f in OPERATORS["facts"]}
    used = 0
    for stem in STEMS_ALL:
        for lang in LANGS:
            source = (ROOT / "docs" / f"{stem}.{lang}.md").read_text(encoding="utf-8")
            for fid in re.findall(r"<!--\s*mdx:fact\s+([a-z0-9-]+)\s*-->", source):
                used += 1
                text = " ".join(article(soup(stem, lang)).get_text().split())
                expected = " ".join(_plain(facts[fid][lang]).split())
                assert expected in text, f"{stem} ({lang}): fact {fid} is not shown as in includes/operators.yml"
    assert used, "no page uses <!-- mdx:fact ID -->: operator facts are written by hand again?"


def test_no_marker_is_left_on_any_page(soup):
    for stem in STEMS_ALL:
        for lang in LANGS:
            html = str(article(soup(stem, lang)))
            assert "mdx:" not in html.replace("mdx:whole-guide", ""), f"{stem} ({lang}): a marker was not replaced"
            assert "OPERATORS_TABLE" not in html


def test_the_link_in_a_fact_leads_to_the_operator_table():
    fact = next(f for f in OPERATORS["facts"] if "OPERATORS_TABLE" in f["zh"])
    assert "(contact-operator.md#your-operator)" in data_tables.render_fact(fact, "en", "steps/find-the-cause.en.md")
    assert "(steps/contact-operator.md#your-operator)" in data_tables.render_fact(fact, "zh", "lost-phone.zh.md")
    assert "(#your-operator)" in data_tables.render_fact(fact, "zh", "steps/contact-operator.zh.md")


# --- glossary -----------------------------------------------------------------------

def test_the_english_glossary_shows_no_chinese_term(soup):
    terms = {lang: article(soup("glossary", lang)).select("dl.mdx-glossary dt") for lang in LANGS}
    assert len(terms["en"]) == len(terms["zh"]) == len(TERMS), "the glossary pages do not list every term of the data file"
    for dt in terms["en"]:
        assert not CJK.search(dt.get_text()), dt.get_text()
    by_id = {f"term-{t['id']}": t for t in TERMS}
    for dt in terms["zh"]:
        assert dt.get("lang") == by_id[dt["id"]].get("lang")


def _tooltip_terms(lang):
    return {t["term"]: t[lang] for t in TERMS if t.get("tooltip") and isinstance(t["term"], str)}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_each_term_is_underlined_once_per_page(soup):
    """A term is a tooltip on its first occurrence on a page, plain text after:
    a page with 22 underlined "BankID"s reads as noise (English review, round 3)."""
    for lang in LANGS:
        for stem in (s for s in STEMS_ALL if s != "print"):  # the whole guide: once per page inside it
            terms = [a.get_text() for a in article(soup(stem, lang)).find_all("abbr")]
            repeated = sorted({t for t in terms if terms.count(t) > 1})
            assert not repeated, f"{stem} ({lang}): glossary terms underlined more than once: {repeated}"
    terms = [a.get_text() for a in article(soup("steps/contact-operator", "en")).find_all("abbr")]
    assert "BankID" in terms, "contact-operator (en): the first BankID is no longer a tooltip"


@pytest.mark.parametrize("lang", LANGS)
def test_tapping_a_glossary_term_shows_its_definition(phone, server, lang):
    tooltips = _tooltip_terms(lang)
    phone.goto(server + page_url("steps/find-the-cause", lang), wait_until="load")
    term = phone.locator("article abbr[data-mdx-definition]").first
    term.scroll_into_view_if_needed()
    name = term.inner_text()
    assert name in tooltips, f"{name} is not a tooltip term of includes/glossary.yml"
    tip = phone.locator("#mdx-tooltip")
    assert not tip.is_visible()

    term.tap()
    assert tip.is_visible(), f"{lang}: tapping '{name}' shows nothing"
    assert tip.inner_text() == " ".join(tooltips[name].split())
    assert term.get_attribute("aria-expanded") == "true"
    box, viewport = tip.bounding_box(), phone.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"{lang}: the definition sticks out of the screen"

    term.tap()  # a second tap closes it
    assert not tip.is_visible()
    term.tap()
    phone.locator("article h1").tap()  # a tap elsewhere closes it
    assert not tip.is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_a_glossary_term_works_by_keyboard_and_for_screen_readers(page, server, lang):
    tooltips = _tooltip_terms(lang)
    page.goto(server + page_url("steps/find-the-cause", lang), wait_until="load")
    term = page.locator("article abbr[data-mdx-definition]").first
    name = term.inner_text()
    assert term.get_attribute("tabindex") == "0" and term.get_attribute("role") == "button"
    described = page.locator("#" + term.get_attribute("aria-describedby"))
    assert described.text_content() == " ".join(tooltips[name].split())
    term.focus()
    page.keyboard.press("Enter")
    tip = page.locator("#mdx-tooltip")
    assert tip.is_visible() and tip.inner_text() == " ".join(tooltips[name].split())
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_the_definition_moves_nothing_and_does_not_print(phone, server):
    phone.goto(server + page_url("steps/find-the-cause", "zh"), wait_until="load")
    term = phone.locator("article abbr[data-mdx-definition]").first
    term.scroll_into_view_if_needed()
    heading = phone.locator("article h2").nth(1)
    before = heading.bounding_box()
    term.tap()
    assert phone.locator("#mdx-tooltip").is_visible()
    assert heading.bounding_box() == before, "opening a definition moved the page"
    phone.emulate_media(media="print")
    assert not phone.locator("#mdx-tooltip").is_visible()
