"""A reader types into the search box, in a real browser (Debian's Chromium).

Chinese words are taken from the middle of sentences: they are only found if
jieba segmented the text at build time. Each language must find its own
pages and only those. The search index and worker load only once the reader
opens search (includes/search-on-demand.js).
"""

from __future__ import annotations

import pytest

from conftest import article, page_url

CASES = [
    # (language, query, page that must be among the results)
    ("zh", "激活码", "steps/install-esim"),
    ("zh", "身份验证", "steps/contact-operator"),
    ("en", "activation", "steps/install-esim"),
    ("en", "BankID", "steps/contact-operator"),
]


@pytest.mark.parametrize("lang,query,expected", CASES)
def test_search_finds_the_page_in_the_readers_language(search_home, server, soup, lang, query, expected):
    assert query in article(soup(expected, lang)).get_text(), f"'{query}' is no longer on {expected} ({lang}): pick another word for this test"
    results = search_home(lang, query)
    wanted = server + page_url(expected, lang)
    assert any(r.split("#")[0].split("?")[0] == wanted for r in results), f"'{query}' did not find {wanted}: {results}"
    other = server + "en/"
    if lang == "zh":
        assert not [r for r in results if r.startswith(other)], f"Chinese search returned English pages: {results}"
    else:
        assert all(r.startswith(other) for r in results), f"English search returned Chinese pages: {results}"


SEARCH_FILES = ("search/search_index.json", "workers/search.")


def search_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url) if any(f in r.url for f in SEARCH_FILES) else None)
    return urls


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_loads_only_when_the_reader_opens_it(page, server, lang):
    """The reader's first key is Material's search key: Material's bundle is
    not there yet (it loads at that key), and the key is not lost."""
    urls = search_requests(page)
    page.goto(server + page_url("steps/install-esim", lang), wait_until="commit")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert urls == [], f"search files loaded before the reader opened search: {urls}"
    assert page.evaluate("window.__mdxLoaded") is None, "the scripts ran before the reader touched the page"
    page.keyboard.press("/")  # Material's shortcut for search
    page.wait_for_selector("input.md-search__input:focus")
    page.keyboard.type("eSIM", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    index = [u for u in urls if u.endswith("search_index.json")]
    assert index == [server + ("" if lang == "zh" else "en/") + "search/search_index.json"], urls
    assert any("workers/search." in u for u in urls), f"the search worker never started: {urls}"


def test_search_by_tapping_the_icon_on_a_phone(new_context, server):
    """The reader's first tap is on the search icon: it opens the search at
    once, and the box has the focus when Material's bundle has loaded."""
    page = new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True).new_page()
    urls = search_requests(page)
    page.goto(server + page_url("symptoms", "en"), wait_until="commit")
    page.wait_for_load_state("networkidle")
    assert urls == []
    assert page.evaluate("window.__mdxLoaded") is None, "the scripts ran before the reader touched the page"
    page.tap("label.md-header__button[for='__search']")
    page.wait_for_selector("input.md-search__input:focus")
    page.keyboard.type("BankID", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    results = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert any(page_url("steps/contact-operator", "en") in r for r in results), results


@pytest.mark.parametrize("lang,word", [("zh", "激活码"), ("en", "activation")])
def test_a_search_result_highlights_the_words_on_its_page(page, server, lang, word):
    """Following a result opens the page with ?h=...: the words are marked
    there, without the reader opening search again or touching the page
    (the scripts that mark them load at once there)."""
    page.goto(server + page_url("steps/install-esim", lang) + "?h=" + word, wait_until="commit")
    page.wait_for_selector("article mark", timeout=10_000)
    marked = page.eval_on_selector_all("article mark", "els => els.map(e => e.textContent)")
    assert any(word.lower() in m.lower() for m in marked), marked
