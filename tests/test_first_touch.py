"""Before and at the reader's first touch, in a real browser (Debian's Chromium).

Every page is drawn from itself alone; the full stylesheets, Material's
bundle and guide.js load at the reader's first scroll, touch, move or key
(includes/load-after-paint.js). Until then the page must look the same as
after (the colours: overrides/hooks/speed.py; the colour toggle and the
search: includes/header-before-scripts.js), and the first tap on something only those scripts answer must not be lost:
it is held and replayed once they have run. Search's first key and tap, and a
page opened from a search result, are in tests/test_browser_search.py.
"""

from __future__ import annotations

import pytest

from conftest import LANGS, page_url, wait_until

PALETTE = ".md-header__option[data-md-component='palette']"


def untouched_phone(new_context, server, stem: str, lang: str, dark: bool = True):
    """A phone (390 px, touch) opens the page and nobody touches it."""
    page = new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True,
                       color_scheme="dark" if dark else "light").new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server + page_url(stem, lang), wait_until="commit")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    return page, asked


def tap_on_screen(page, locator):
    """A finger on the element where it is now: no scrolling first (which
    would count as the reader's first touch)."""
    box = locator.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"], \
        f"{locator} is not on the first screen any more: pick another element for this test"
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize("stem,lang", [("index", "zh"), ("steps/install-esim", "en")])
def test_an_untouched_page_asks_for_nothing_but_itself_and_shows_its_whole_header(new_context, server, stem, lang):
    page, asked = untouched_phone(new_context, server, stem, lang)
    more = [url for url in asked if url != server + page_url(stem, lang) and not url.endswith("/favicon.png")]
    assert not more, f"{stem} ({lang}): asked for before the reader touched it: {more}"
    assert page.evaluate("window.__mdxLoaded") is None, f"{stem} ({lang}): the scripts ran untouched"
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate", f"{stem} ({lang}): a first visit in dark mode is drawn in {scheme}"
    icons = page.locator(f"{PALETTE} label")
    shown = [icons.nth(i).get_attribute("for") for i in range(icons.count()) if icons.nth(i).is_visible()]
    assert shown == ["__palette_0"], f"{stem} ({lang}): colour toggle icons shown: {shown} (want: back to light)"
    assert page.locator("label.md-header__button[for='__search']").is_visible(), \
        f"{stem} ({lang}): no search button before the first touch"


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_tap_on_the_colour_toggle_switches_the_colours(new_context, server, lang):
    page, _ = untouched_phone(new_context, server, "steps/find-the-cause", lang)
    tap_on_screen(page, page.locator(f"{PALETTE} label:not([hidden])"))
    wait_until(page, "document.body.getAttribute('data-md-color-scheme') === 'default'",
               what=f"find-the-cause ({lang}): light colours after the first tap on the toggle")
    assert page.evaluate("window.__mdxLoaded") is True
    shown = page.locator(f"{PALETTE} label:not([hidden])").get_attribute("for")
    assert shown == "__palette_1", f"find-the-cause ({lang}): the toggle now offers {shown}, not dark"


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_tap_on_a_glossary_term_shows_its_definition(new_context, server, lang):
    page, _ = untouched_phone(new_context, server, "steps/contact-operator", lang, dark=False)
    page.locator(".md-content abbr[title]").first.evaluate("e => e.setAttribute('data-first-term', '')")
    term = page.locator("abbr[data-first-term]")  # guide.js takes the title away
    name = term.inner_text()
    tap_on_screen(page, term)
    tip = page.locator("#mdx-tooltip")
    tip.wait_for(state="visible", timeout=10_000)
    assert name and term.get_attribute("aria-expanded") == "true", f"contact-operator ({lang}): {name} not expanded"
    assert tip.inner_text().strip(), f"contact-operator ({lang}): the definition of {name} is empty"


def test_the_first_click_on_a_tab_opens_it_in_every_set_on_the_page(new_context, server):
    """A tall screen shows the install step's first tabs untouched; the first
    click (the mouse moves there, then clicks) on "Android" opens Android in
    all three sets, as Material's linked tabs do once its bundle runs."""
    page = new_context(viewport={"width": 1280, "height": 4000}).new_page()
    page.goto(server + page_url("steps/install-esim", "en"), wait_until="commit")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__mdxLoaded") is None, "the scripts ran before the reader touched the page"
    sets = page.locator(".tabbed-set")
    assert sets.count() >= 2, "install-esim (en) no longer has several tab sets: pick another page"
    label = sets.first.locator(".tabbed-labels > label", has_text="Android")
    box = label.bounding_box()
    assert box and box["y"] + box["height"] < 4000, "the first tabs are not on the first screen any more"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_until(page, "window.__mdxLoaded === true", what="the scripts, after the first click")
    page.wait_for_timeout(500)
    checked = page.eval_on_selector_all(
        ".tabbed-set", "sets => sets.map(s => { const i = s.querySelector(':scope > input:checked');"
        " return s.querySelector(`.tabbed-labels > label[for='${i.id}']`).textContent.trim(); })")
    assert checked == ["Android"] * len(checked), f"tabs open after the first click on Android: {checked}"


def test_the_browser_colours_are_set_before_the_scripts_and_follow_the_toggle(new_context, server):
    """The phone browser's toolbar colour (theme-color) and the page's colour
    scheme (color-scheme) are there untouched, the same as Material's bundle
    sets them, and after a switch to light the first of each (the one a
    browser reads) is the light one."""
    first = ("() => ['theme-color', 'color-scheme'].map(n =>"
             " (document.querySelector(`meta[name='${n}']`) || {}).content)")
    page, _ = untouched_phone(new_context, server, "index", "zh")
    before = page.evaluate(first)
    assert before[1] == "dark" and before[0] and before[0].startswith("#"), f"untouched, dark: {before}"
    page.mouse.move(3, 3)
    wait_until(page, "window.__mdxLoaded === true", what="the scripts, after the first move")
    assert page.evaluate(first) == before, f"Material's bundle set other browser colours: {page.evaluate(first)}"
    page.locator(f"{PALETTE} label:not([hidden])").click()
    wait_until(page, "document.body.getAttribute('data-md-color-scheme') === 'default'", what="light colours")
    page.wait_for_timeout(300)
    after = page.evaluate(first)
    assert after[1] == "light", f"after switching to light, the browser still reads {after}"
