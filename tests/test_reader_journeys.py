"""The reader's hard cases: each one has a way in from the first screen, a
page that ends in the steps, the words the reader would search for, and
unknowns written as something to ask, not as our doubt.

The hedge patterns are the ones listed in CONTRIBUTING.md ("Unknowns"), so a
contributor who reads the rule sees exactly what this test counts.
"""

from __future__ import annotations

import copy
import re

import pytest

from conftest import LANGS, ROOT, STEMS_ALL, article, page_url

# Each hard case of the guide, and the page that walks the reader through it.
HARD_CASES = {
    "lost-phone": "the phone is lost or stolen",
    "no-bankid": "no BankID, or new in Norway",
    "abroad": "it happened abroad",
    "esim-support": "the phone cannot take an eSIM",
    "safety": "someone may have taken the number",
    "steps/contact-operator": "the number is dead, so SMS codes and app logins fail",
    "symptoms": "not sure what happened",
}


def hrefs(node, base_stem: str, lang: str) -> set[str]:
    """Site-relative page URLs (no fragment) that the node links to."""
    here = page_url(base_stem, lang)
    out = set()
    for a in node.select("a[href]"):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:", "#")):
            continue
        parts = (here + href.split("#")[0]).split("/")
        stack: list[str] = []
        for part in parts:
            if part == "..":
                stack.pop()
            elif part not in ("", "."):
                stack.append(part)
        out.add("/".join(stack) + "/" if stack else "")
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_hard_case_is_linked_from_the_home_page_and_the_situation_table(soup, lang):
    for stem in ("index", "symptoms"):
        linked = hrefs(article(soup(stem, lang)), stem, lang)
        missing = [f"{case} ({why})" for case, why in HARD_CASES.items()
                   if case != stem and page_url(case, lang) not in linked]
        assert not missing, f"{stem} ({lang}) has no link to: {', '.join(missing)}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_hard_case_page_leads_on_to_the_steps(soup, lang):
    for case in ("lost-phone", "no-bankid", "abroad", "esim-support", "safety"):
        linked = hrefs(article(soup(case, lang)), case, lang)
        steps = [u for u in linked if "steps/" in u]
        assert steps, f"{case} ({lang}) ends without a link to the steps: the reader has no next move"


@pytest.mark.parametrize("lang", LANGS)
def test_the_contact_step_links_the_phrasebook_sentences(soup, lang):
    content = article(soup("steps/contact-operator", lang))
    phrases = [a["href"] for a in content.select("a[href]") if "phrasebook/#phrase-" in a["href"]]
    assert phrases, f"steps/contact-operator ({lang}) does not link a sentence of the phrasebook"
    book = article(soup("phrasebook", lang))
    for href in phrases:
        anchor = href.split("#", 1)[1]
        assert book.find(id=anchor), f"steps/contact-operator ({lang}) links #{anchor}, which the phrasebook lacks"


ASK = {"zh": ("问运营商", "问一句"), "en": ("Ask your operator", "Ask:")}


@pytest.mark.parametrize("lang", LANGS)
def test_every_ask_your_operator_hands_over_the_sentence(soup, lang):
    """'Ask your operator: …' is only useful with the Norwegian sentence to say."""
    bare = []
    for stem in STEMS_ALL:
        if stem in ("print", "phrasebook"):
            continue
        for node in article(soup(stem, lang)).select("p, li"):
            if node.find(["p", "li"]):
                continue  # judge the innermost block
            text = node.get_text(" ", strip=True)
            if any(word in text for word in ASK[lang]) and not node.select('a[href*="phrasebook/"]'):
                bare.append(f"{stem}: {text[:70]}…")
    assert not bare, f"'{ASK[lang][0]}' without a link to the phrasebook ({lang}):\n" + "\n".join(bare)


# --- unknowns as actions -----------------------------------------------------------

def hedge_patterns() -> dict[str, re.Pattern]:
    """Read the patterns from CONTRIBUTING.md, between the hedge-patterns markers."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split("<!-- hedge-patterns -->", 2)[1]
    patterns = {}
    for line in block.splitlines():
        m = re.match(r"^(zh|en): (.+)$", line.strip())
        if m:
            patterns[m[1]] = re.compile(m[2], re.IGNORECASE)
    assert set(patterns) == {"zh", "en"}, "CONTRIBUTING.md lists no hedge patterns for zh and en"
    return patterns


SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)\s")


def hedges(node, pattern) -> list[str]:
    text = node.get_text(" ", strip=True)
    return [s.strip() for s in SENTENCE_END.split(text) if pattern.search(s)]


@pytest.mark.parametrize("lang", LANGS)
def test_at_most_two_we_could_not_confirm_sentences_per_page(soup, lang):
    pattern = hedge_patterns()[lang]
    report = []
    for stem in STEMS_ALL:
        if stem == "print":
            continue  # the other pages again
        content = copy.copy(article(soup(stem, lang)))  # a copy: the parsed page is shared
        sources = content.find(id="sources")
        if sources:  # source notes belong in Sources: not counted
            for node in sources.find_next_siblings():
                node.decompose()
            sources.decompose()
        found = hedges(content, pattern)
        if len(found) > 2:
            report.append(f"{stem}: {len(found)}: " + " | ".join(f[:50] for f in found))
        boxed = [h for box in content.select(".admonition, .tabbed-set, ol > li") for h in hedges(box, pattern)]
        if boxed:
            report.append(f"{stem}: inside a step, tab or box: " + " | ".join(b[:50] for b in boxed))
    assert not report, f"hedges ({lang}); write them as 'ask your operator: …' (CONTRIBUTING.md, Unknowns):\n" + "\n".join(report)


def test_the_hedge_patterns_catch_what_they_are_meant_to(soup):
    """The counting test above is only as good as its patterns."""
    patterns = hedge_patterns()
    assert patterns["zh"].search("挪威的运营商有没有这样做，我们没能确认。")
    assert patterns["zh"].search("据我们所知不会。")
    assert patterns["en"].search("We could not confirm which operators do this.")
    assert patterns["en"].search("As far as we know, it stays active.")
    assert not patterns["en"].search("Ask your operator whether it can send the same eSIM again.")


# --- the reader's own words find the page --------------------------------------

READER_WORDS = {
    "zh": ["营业厅", "实名认证", "补卡诈骗", "欠费", "停机", "销号", "漫游", "实体卡"],
    "en": ["lost phone", "unpaid bill", "roaming", "D-number", "physical SIM"],
}


def pages_with(soup, lang: str, word: str) -> set[str]:
    return {stem for stem in STEMS_ALL if stem != "print"
            and word.lower() in article(soup(stem, lang)).get_text(" ").lower()}


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_uses_the_words_readers_search_for(soup, lang):
    missing = [w for w in READER_WORDS[lang] if not pages_with(soup, lang, w)]
    assert not missing, f"no {lang} page uses the reader's words: {missing}"


@pytest.mark.parametrize("lang,word", [(lang, w) for lang in LANGS for w in READER_WORDS[lang]])
def test_search_finds_the_readers_own_words(search_home, server, soup, lang, word):
    expected = {server + page_url(stem, lang) for stem in pages_with(soup, lang, word)}
    results = {r.split("#")[0].split("?")[0] for r in search_home(lang, word)}
    assert results & expected, f"searching '{word}' ({lang}) found none of {sorted(expected)}: {sorted(results)}"


# --- the first screen of the home page ------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_routes_and_warns_on_the_first_phone_screen(browser, server, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(server + page_url("index", lang), wait_until="networkidle")
        height = 844
        links = tab.eval_on_selector_all(
            "article a[href]", "els => els.map(a => [a.href.split('#')[0], a.getBoundingClientRect().top])"
        )
        late = []
        for case in HARD_CASES:
            url = server + page_url(case, lang)
            tops = [top for href, top in links if href == url]
            if not tops or min(tops) > height:
                late.append(case)
        assert not late, f"home ({lang}) at 390×844: no link on the first screen to {late}"
        rule = tab.locator("#most-important")
        assert rule.count() == 1, f"home ({lang}) has no #most-important rule"
        top = rule.evaluate("el => el.getBoundingClientRect().top")
        assert top < height, f"home ({lang}): the one rule starts at {top:.0f} px, below the first screen"
    finally:
        context.close()
