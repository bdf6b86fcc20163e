"""A reader types into the search box, in a real browser (Debian's Chromium).

Chinese words are taken from the middle of sentences: they are only found if
jieba segmented the text at build time. Each language must find its own
pages and only those.
"""

from __future__ import annotations

import pytest

from conftest import page_url, type_search

CASES = [
    # (language, query, page that must be among the results)
    ("zh", "激活码", "steps/install-esim"),
    ("zh", "身份核验", "steps/contact-operator"),
    ("en", "activation", "steps/install-esim"),
    ("en", "BankID", "steps/contact-operator"),
]


def search(page, server: str, lang: str, query: str) -> list[str]:
    """Open the language's home page, type the query, return result links (absolute)."""
    # Like a reader, start typing once the page (and its search index) has loaded.
    page.goto(server + page_url("index", lang), wait_until="networkidle")
    return type_search(page, query)


@pytest.mark.parametrize("lang,query,expected", CASES)
def test_search_finds_the_page_in_the_readers_language(page, server, lang, query, expected):
    results = search(page, server, lang, query)
    wanted = server + page_url(expected, lang)
    assert any(r.split("#")[0].split("?")[0] == wanted for r in results), f"'{query}' did not find {wanted}: {results}"
    other = server + "en/"
    if lang == "zh":
        assert not [r for r in results if r.startswith(other)], f"Chinese search returned English pages: {results}"
    else:
        assert all(r.startswith(other) for r in results), f"English search returned Chinese pages: {results}"
