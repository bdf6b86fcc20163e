"""Accessibility and robustness in a real browser, for every page in both
languages: axe-core (WCAG 2.2 A/AA) in light and dark, wide and narrow; no
console errors or failed requests; no sideways scrolling on small phones;
usable by keyboard and without JavaScript."""

from __future__ import annotations

import threading
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import LANGS, SHIFT_OBSERVER, STEMS_ALL, SiteServer, _Handler, article, page_url, wait_for_scripts, wait_until

PAGES = [(stem, lang) for stem in STEMS_ALL for lang in LANGS]
IDS = [f"{stem}-{lang}" for stem, lang in PAGES]

# Each page is opened once per kind of reader (conftest.PageVisits); the tests
# below assert on what those visits recorded, one test per page and check.


@pytest.mark.parametrize("stem,lang", PAGES, ids=IDS)
def test_no_axe_violations_light_dark_wide_narrow(visits, stem, lang):
    found = [f"[{where}] {v}" for where, violations in visits(stem, lang)["axe"].items() for v in violations]
    assert not found, f"{stem} ({lang}):\n" + "\n".join(found)


@pytest.mark.parametrize("stem,lang", PAGES, ids=IDS)
def test_no_console_errors_or_failed_requests(visits, stem, lang):
    problems = visits(stem, lang)["problems"]
    assert not problems, f"{stem} ({lang}):\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("stem,lang", PAGES, ids=IDS)
def test_no_sideways_scrolling_on_small_phones(visits, stem, lang, width):
    overflow = visits(stem, lang)["overflow"][width]
    assert overflow <= 0, f"{stem} ({lang}) at {width}px scrolls sideways by {overflow}px"


@pytest.mark.parametrize("stem,lang", PAGES, ids=IDS)
def test_readable_and_navigable_without_javascript(visits, stem, lang):
    seen = visits(stem, lang)["no_js"]
    assert seen["title"], f"{stem} ({lang}): the title is not shown without JavaScript"
    assert seen["nav_links"] >= 10, f"{stem} ({lang}): navigation missing without JavaScript ({seen['nav_links']} links)"


# --- keyboard, language switch, language of parts ---------------------------------

# What a keyboard user sees around the focused element: an outline (style
# other than none, non-zero width) or a box shadow, once transitions are over.
FOCUS_RING = """e => { const s = getComputedStyle(e);
    return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle + ' ' + s.outlineWidth : '',
            shadow: s.boxShadow === 'none' ? '' : s.boxShadow, opacity: parseFloat(s.opacity)}; }"""


def focus_ring(page, what: str):
    """Fails unless the focused element shows focus (a ring, and opaque) that it
    does not show unfocused; leaves it focused again."""
    page.wait_for_timeout(350)  # Material fades some focused elements in
    element = page.evaluate_handle("document.activeElement")
    focused = element.evaluate(FOCUS_RING)
    element.evaluate("e => e.blur()")
    page.wait_for_timeout(350)
    unfocused = element.evaluate(FOCUS_RING)
    element.evaluate("e => e.focus()")
    ring = (focused["outline"], focused["shadow"])
    assert any(ring) and focused["opacity"] > 0.9, f"{what}: focus is not visible ({focused})"
    assert ring != (unfocused["outline"], unfocused["shadow"]), f"{what}: looks the same unfocused ({unfocused})"


def test_keyboard_skip_link_and_visible_focus(page, server):
    page.goto(server + page_url("steps/install-esim", "en"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "the first Tab does not reach the skip link"
    assert page.locator(".md-skip").is_visible(), "the focused skip link is not visible"
    focus_ring(page, "skip link")
    target = page.locator(".md-skip").get_attribute("href")
    page.keyboard.press("Enter")
    # The browser reports an in-page move to Playwright after the key event
    # returns (page.url read at once could still be the old address).
    try:
        page.wait_for_url(lambda url: url.endswith(target), timeout=5000)
    except PlaywrightTimeout:
        pytest.fail(f"Enter on the skip link went to {page.url}, not {target}")
    assert page.locator(f"article [id='{target[1:]}']").count() == 1, f"the skip link's target {target} is not in the article"
    # The next Tab lands in the content, not back in the header or navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null"), "Tab after the skip link leaves the content"
    focus_ring(page, "first focusable element of the content")
    # On to a link in the running text.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article a[href]:not(.headerlink)')"):
            break
    else:
        pytest.fail("80 Tabs after the title reached no link in the text of install-esim (en)")
    focus_ring(page, "a link in the text")


def test_search_by_keyboard_alone(page, server):
    page.goto(server + page_url("index", "en"), wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut to the search box
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("PUK")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("?")[0] != server + "en/")
    assert page.url.startswith(server + "en/")


def test_tabs_work_by_keyboard(page, server):
    page.goto(server + page_url("steps/install-esim", "en"))
    first = page.locator(".tabbed-set").first
    first.locator("input").first.focus()
    page.keyboard.press("ArrowRight")
    checked = first.locator("input:checked").get_attribute("id")
    assert first.locator(f"label[for='{checked}']").inner_text() == "Samsung"
    assert first.locator(".tabbed-block").nth(1).is_visible()


@pytest.mark.parametrize("lang,other", [("zh", "en"), ("en", "zh")])
def test_language_switcher_keeps_the_page_and_the_section(page, server, soup, lang, other):
    stem = "steps/contact-operator"
    # A section in the middle of the page (ids are the same in both languages: test_site.py).
    sections = [h["id"] for h in article(soup(stem, lang)).find_all("h2") if h["id"] != "sources"]
    section = "#" + sections[len(sections) // 2]
    page.goto(server + page_url(stem, lang) + section)
    page.locator(".md-header [data-md-component='header-topic'], .md-header").first.hover()
    link = page.locator(f".md-select a[hreflang='{other}']").first
    page.evaluate("a => a.click()", link.element_handle())
    page.wait_for_url(server + page_url(stem, other) + section)
    assert page.locator("html").get_attribute("lang") == other


def test_norwegian_words_are_marked_as_norwegian(soup):
    for lang in LANGS:
        marked = [e.get_text() for stem in STEMS_ALL for e in soup(stem, lang).select("article [lang=nb]")]
        assert {"Mobilnett", "Mine sider"} <= set(marked), f"{lang}: Norwegian words not marked lang=nb"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("stem,lang", PAGES, ids=IDS)
def test_nothing_moves_while_the_page_loads(visits, stem, lang, width):
    shift, moved = visits(stem, lang)["shift"][width]
    # Any shift fails: each one seen so far was a half-read page drawn on a
    # busy CPU, and each has a cut below that draws it every time.
    assert shift == 0, f"{stem} ({lang}) at {width}px: layout shift {shift:.5f} of {moved}"


# A browser draws what it has read so far whenever its parser pauses: on a
# slow network, and at random on a busy CPU. The header used to move then (the
# language selector jumped aside when the search arrived after it; the cause
# of a test above failing now and then). These pages arrive in two pieces, cut
# at a given point; the rest is sent only once the browser has drawn the
# first piece, so the half-read page is drawn every time.
CUTS = {
    "before the language selector": b'<div class="md-header__option">\n  <div class="md-select">',
    # Material's translate icon: the language button read without its icon
    # (it was drawn 24 px wide, then 48 px).
    "inside the language button": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="m12.87 15.07',
    "before the search": b'<label class="md-header__button md-icon" for="__search">',
    # The navigation read up to its first item's link (the list moved down
    # by the link's top margin when the link arrived).
    "before the first link of the navigation": b'<a href="../.." class="md-nav__link">',
    "before the content": b'<div class="md-content"',
}


class _CuttingHandler(_Handler):
    def copyfile(self, source, outputfile):
        cut = CUTS.get(parse_qs(urlsplit(self.path).query).get("cut", [""])[0])
        data = source.read()
        at = data.find(cut) if cut else -1
        if at < 0:
            outputfile.write(data)
            return
        self.server.cut_at.append(at)
        outputfile.write(data[:at])
        outputfile.flush()
        self.server.drawn.wait(20)
        outputfile.write(data[at:])


@pytest.fixture(scope="module")
def cutting_server(site, security_headers):
    httpd = SiteServer(_CuttingHandler)
    httpd.cut_at, httpd.drawn = [], threading.Event()
    httpd.start(site, security_headers)
    yield httpd
    httpd.drawn.set()
    httpd.stop()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("cut", CUTS)
def test_nothing_moves_when_the_page_arrives_in_pieces(new_context, cutting_server, cut, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.add_init_script(SHIFT_OBSERVER)
    cutting_server.cut_at.clear()
    cutting_server.drawn.clear()
    url = cutting_server.url + page_url("steps/install-esim", "zh") + "?" + urlencode({"cut": cut})
    page.goto(url, wait_until="commit")
    wait_until(page, "performance.getEntriesByName('first-paint').length > 0", 20, "the first piece to be drawn")
    # Only now: the browser may commit the page on its headers, before the
    # server has looked for the cut (it does so before sending the first piece).
    assert cutting_server.cut_at, f"{cut}: the page has no {CUTS[cut]!r} to cut at (Material's markup changed?)"
    cutting_server.drawn.set()
    page.wait_for_load_state("networkidle")
    wait_for_scripts(page)
    page.wait_for_timeout(200)
    drawn, arrived = page.evaluate(
        "[performance.getEntriesByName('first-paint')[0].startTime, performance.getEntriesByType('navigation')[0].responseEnd]"
    )
    assert drawn < arrived, f"{cut}: the page was first drawn after it had all arrived; the test tested nothing"
    shift, moved = page.evaluate("[window.__shift, window.__moved]")
    assert shift == 0, f"cut {cut}, {width}px: layout shift {shift:.4f} of {moved}"
