"""Reader tools beyond the text: the activation-code helper, linked device
tabs, the phrasebook and the glossary (built from data kept once)."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import LANGS, ROOT, STEMS_ALL, article, page_url

CJK = re.compile(r"[\u4e00-\u9fff]")
INSTALL = "steps/install-esim"


# --- activation-code helper, in the browser ---------------------------------

def open_helper(page, server, lang):
    page.goto(server + page_url(INSTALL, lang))
    helper = page.locator("[data-mdx-lpa]")
    assert helper.is_visible(), "the helper is hidden although JavaScript runs"
    return helper


def split(page, text):
    field = page.locator("[data-lpa-input]")
    field.fill(text)
    page.locator("[data-lpa-split]").click()


# Set on the shared page before each case: the opposite of what the case
# expects, so a case passes on the helper's own answer to its text, never on
# what the previous case left (two cases in a row may expect the same).
STALE = """(root, valid) => {
    const q = s => root.querySelector(s);
    q('[data-lpa-result]').hidden = valid;
    q('[data-lpa-address]').value = q('[data-lpa-code]').value = q('[data-lpa-confirm]').textContent = 'stale';
    q('[data-lpa-error]').textContent = valid ? 'stale' : '';
    if (valid) q('[data-lpa-input]').setAttribute('aria-invalid', 'true');
    else q('[data-lpa-input]').removeAttribute('aria-invalid');
}"""


@pytest.fixture(scope="module")
def helper_page(browser, server):
    """helper_page(lang) -> (page, helper): the install page of that language,
    opened once for all the pasted-code cases below. Each case pastes into the
    field and presses Split, as a reader trying again would: the helper
    recomputes everything from the field each time."""
    contexts, opened = [], {}

    def open_once(lang):
        if lang not in opened:
            contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}))
            tab = contexts[-1].new_page()
            opened[lang] = (tab, open_helper(tab, server, lang))
        return opened[lang]

    yield open_once
    for context in contexts:
        context.close()


VALID = [
    # (pasted text, SM-DP+ address, activation code, confirmation code needed)
    ("LPA:1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815", "SMDP.EXAMPLE.COM", "04386-AGYFT-A74Y8-3F815", False),
    ("  lpa:1$smdp.example.com$ABC-123\n", "smdp.example.com", "ABC-123", False),        # case, spaces, newline
    ("1$smdp.example.com$ABC-123", "smdp.example.com", "ABC-123", False),                  # no "LPA:" prefix
    ("LPA:1$smdp.example.com$ABC-123$1.3.6.1.4.1.31746$1", "smdp.example.com", "ABC-123", True),
    ("LPA:1$smdp.example.com$ABC-123$$1", "smdp.example.com", "ABC-123", True),            # empty OID
    ("LPA:1$rsp.operator.example$K2-1F9\u00a0Q-77", "rsp.operator.example", "K2-1F9Q-77", False),  # no-break space from a PDF
]

MALFORMED = [
    # (pasted text, which message the page must show)
    ("", "empty"),
    ("   ", "empty"),
    ("hello", "format"),
    ("https://smdp.example.com/abc", "format"),
    ("LPA:2$smdp.example.com$ABC-123", "format"),
    ("LPA:1$smdp.example.com$ABC-123$1.2$0", "format"),
    ("LPA:1$smdp.example.com$ABC-123$1.2$1$extra", "format"),
    ("LPA:1$localhost$ABC-123", "address"),
    ("LPA:1$smdp..example.com$ABC-123", "address"),
    ("LPA:1$smdp.example.com", "code"),
    ("LPA:1$smdp.example.com$", "code"),
    ("LPA:1$smdp.example.com$ABC_123", "code"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text,address,code,confirm", VALID)
def test_helper_splits_a_valid_code(helper_page, lang, text, address, code, confirm):
    page, helper = helper_page(lang)
    helper.evaluate(STALE, True)
    split(page, text)
    assert page.locator("[data-lpa-result]").is_visible()
    assert page.locator("[data-lpa-address]").input_value() == address
    assert page.locator("[data-lpa-code]").input_value() == code
    expected = helper.get_attribute("data-yes" if confirm else "data-no")
    assert page.locator("[data-lpa-confirm]").inner_text() == expected
    assert page.locator("[data-lpa-error]").inner_text() == ""
    assert page.locator("[data-lpa-input]").get_attribute("aria-invalid") is None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text,kind", MALFORMED)
def test_helper_explains_a_malformed_code(helper_page, lang, text, kind):
    page, helper = helper_page(lang)
    helper.evaluate(STALE, False)
    split(page, text)
    error = page.locator("[data-lpa-error]")
    assert error.get_attribute("role") == "alert"
    message = helper.get_attribute(f"data-msg-{kind}")
    assert error.inner_text() == message and error.is_visible()
    assert bool(CJK.search(message)) == (lang == "zh"), "message not in the page's language"
    if kind == "format":
        assert "LPA:1$" in message, f"the format message does not show what a code starts with: {message}"
    assert not page.locator("[data-lpa-result]").is_visible()
    assert page.locator("[data-lpa-input]").get_attribute("aria-invalid") == "true"


def test_helper_clears_the_error_once_the_code_is_right(page, server):
    open_helper(page, server, "en")
    split(page, "nonsense")
    split(page, "LPA:1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815")
    assert page.locator("[data-lpa-error]").inner_text() == ""
    assert page.locator("[data-lpa-input]").get_attribute("aria-invalid") is None


@pytest.mark.parametrize("lang", LANGS)
def test_helper_works_by_keyboard_alone(page, server, lang):
    open_helper(page, server, lang)
    page.locator("[data-lpa-input]").focus()
    page.keyboard.type("LPA:1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815")
    page.keyboard.press("Enter")
    assert page.locator("[data-lpa-address]").input_value() == "SMDP.EXAMPLE.COM"
    # Tab reaches the Split button, Space presses it; then the result fields.
    page.locator("[data-lpa-input]").fill("bad")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-lpa-split')")
    page.keyboard.press("Space")
    assert page.locator("[data-lpa-error]").inner_text() != ""


def test_helper_sends_nothing_anywhere(page, server):
    open_helper(page, server, "zh")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    split(page, "LPA:1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815")
    split(page, "bad")
    page.wait_for_timeout(300)
    assert requests == []
    assert "04386" not in page.url


@pytest.mark.parametrize("lang", LANGS)
def test_helper_says_it_runs_only_in_the_browser(soup, lang):
    text = article(soup(INSTALL, lang)).select_one("[data-mdx-lpa]").get_text()
    words = ("浏览器", "发送") if lang == "zh" else ("browser", "sent")  # where it runs; nothing is sent
    assert all(w in text for w in words), f"{INSTALL} ({lang}): the helper does not say it runs in the browser and sends nothing"


def test_without_javascript_the_helper_stays_hidden(new_context, server):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(server + page_url(INSTALL, "en"))
    assert not page.locator("[data-mdx-lpa]").is_visible()
    # The way to split a code by hand stays: an example code in the text.
    example = page.locator("article :is(p, pre, li, td):not([data-mdx-lpa] *)", has_text="LPA:1$")
    assert example.count() and example.first.is_visible(), "without JavaScript, no example code shows how to split by hand"


# --- device tabs ---------------------------------------------------------------

def another_page_with_device_tabs(soup, lang) -> str:
    for stem in STEMS_ALL:
        if stem not in (INSTALL, "print") and any(
            l.get_text(strip=True) == "Samsung" for l in article(soup(stem, lang)).select(".tabbed-labels label")
        ):
            return stem
    pytest.fail(f"no page but {INSTALL} has device tabs ({lang}): nothing to carry the choice from")


@pytest.mark.parametrize("lang", LANGS)
def test_choosing_a_phone_once_selects_it_on_every_page(page, server, soup, lang):
    page.goto(server + page_url(another_page_with_device_tabs(soup, lang), lang))
    page.locator(".tabbed-labels label", has_text="Samsung").first.click()
    page.goto(server + page_url(INSTALL, lang))
    for tabs in page.locator(".tabbed-set").all():
        checked = tabs.locator("input:checked").get_attribute("id")
        label = tabs.locator(f"label[for='{checked}']").inner_text()
        assert label == "Samsung", f"{lang}: a tab set on the install page shows {label}"


def test_device_tabs_cover_iphone_samsung_pixel_and_other_android(soup):
    for lang in LANGS:
        sets = article(soup(INSTALL, lang)).select(".tabbed-set")
        assert len(sets) >= 3
        for tab_set in sets:
            labels = [l.get_text(strip=True) for l in tab_set.select(".tabbed-labels label")]
            assert labels == ["iPhone", "Samsung", "Google Pixel", "Android"], labels


# --- phrasebook and glossary: data kept once ------------------------------------

def test_phrasebook_shows_every_phrase_in_norwegian_with_its_meaning(soup):
    data = yaml.safe_load((ROOT / "includes" / "phrasebook.yml").read_text(encoding="utf-8"))["phrases"]
    assert len(data) >= 10
    for lang in LANGS:
        rows = article(soup("phrasebook", lang)).select(".mdx-phrasebook tbody tr")
        assert len(rows) == len(data)
        for row, phrase in zip(rows, data):
            norwegian, meaning, *english = row.find_all("td")  # zh: a third column, the English meaning
            assert [e.get_text() for e in english] == ([phrase["en"]] if lang == "zh" else [])
            span = norwegian.find("span", lang="nb")
            assert span is not None and span.get_text() == phrase["nb"]
            assert meaning.get_text().strip() == phrase[lang]
            assert bool(CJK.search(meaning.get_text())) == (lang == "zh")


def test_glossary_page_and_tooltips_come_from_one_file(soup):
    terms = yaml.safe_load((ROOT / "includes" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    tooltip = {t["term"]: t for t in terms if t.get("tooltip")}
    by_id = {f"term-{t['id']}": t for t in terms}
    for lang in LANGS:
        glossary = article(soup("glossary", lang))
        dts = glossary.select("dl.mdx-glossary dt")
        assert sorted(dt["id"] for dt in dts) == sorted(by_id), "the glossary does not list each term of the data file once"
        for dt in dts:
            term = by_id[dt["id"]]
            assert dt.find_next_sibling("dd").get_text() == term[lang]
            assert dt.get("lang") == term.get("lang")
        seen = {}
        for stem in ("steps/find-the-cause", "steps/contact-operator", "summary"):
            for abbr in article(soup(stem, lang)).find_all("abbr"):
                seen[abbr.get_text()] = abbr["title"]
        assert {"PUK", "BankID"} <= set(seen)
        for text, title in seen.items():
            assert title == tooltip[text][lang], f"{lang}: tooltip of {text} differs from includes/glossary.yml"


def _sort_letters(text: str) -> str:
    """The order a reader scans by: letters only, ø as o, å as a, æ as ae."""
    return re.sub(r"[^a-z0-9]", "", text.lower().translate(str.maketrans({"ø": "o", "å": "a", "æ": "ae"})))


def test_the_glossary_is_one_a_to_z_list_in_each_language(soup):
    """English and round-7 readers: a glossary is scanned by its first letter.
    English: A–Z by the term's letters; Chinese: the same, a term with Chinese
    characters placed by its pinyin (激活码 under J), as includes/glossary.yml says."""
    terms = {f"term-{t['id']}": t for t in yaml.safe_load((ROOT / "includes" / "glossary.yml").read_text(encoding="utf-8"))["terms"]}
    for lang in LANGS:
        keys = []
        for dt in article(soup("glossary", lang)).select("dl.mdx-glossary dt"):
            text = dt.get_text()
            if lang == "zh" and CJK.search(text):
                text = terms[dt["id"]]["pinyin"]
            keys.append(_sort_letters(text))
        assert keys == sorted(keys), f"glossary ({lang}) is not in A–Z order: {keys}"
    en = [dt.get_text() for dt in article(soup("glossary", "en")).select("dl.mdx-glossary dt")]
    assert en.index("fødselsnummer") < en.index("IMEI") < en.index("personnummer"), en


def test_personnummer_points_to_fodselsnummer_on_the_glossary_page(soup):
    """One number, two words: the reader finds either, and one leads to the other."""
    for lang in LANGS:
        dd = article(soup("glossary", lang)).find(id="term-personnummer").find_next_sibling("dd")
        link = dd.find("a", href="#term-fodselsnummer")
        assert link is not None and link.get_text() == "fødselsnummer" and link.get("lang") == "nb", dd


# --- routing from symptoms, and the safety page -------------------------------------

def test_every_symptom_leads_to_a_step(soup):
    for lang in LANGS:
        content = article(soup("symptoms", lang))
        sections = [h for h in content.find_all("h2") if h["id"] != "sources"]
        assert len(sections) >= 7
        for h2 in sections:
            links = []
            for sibling in h2.find_next_siblings():
                if sibling.name == "h2":
                    break
                links += [a["href"] for a in sibling.find_all("a", href=True)] if hasattr(sibling, "find_all") else []
            assert any(t in link for link in links for t in ("steps/", "safety/")), (
                f"symptoms ({lang}): #{h2['id']} does not lead to a step"
            )


def test_safety_page_warns_and_names_what_to_do(soup):
    for lang, apps in (("zh", ("微信", "WhatsApp", "Telegram")), ("en", ("WeChat", "WhatsApp", "Telegram"))):
        content = article(soup("safety", lang))
        helpers = content.find(id="no-helpers").find_next_sibling(class_="admonition")
        assert "danger" in helpers["class"] and all(app in helpers.get_text() for app in apps)
        todo = content.find(id="what-to-do").find_next_sibling(class_="admonition")
        assert "danger" in todo["class"] and len(todo.find_all("li")) >= 3
