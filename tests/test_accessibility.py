"""Accessibility and robustness in a real browser, for every page in both
languages: axe-core (WCAG 2.2 A/AA) in light and dark, wide and narrow; no
console errors or failed requests; no sideways scrolling on small phones;
usable by keyboard and without JavaScript."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import LANGS, STEMS_ALL, page_url

AXE = Path(importlib.util.find_spec("axe_playwright_python").origin).parent / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PAGES = [(stem, lang) for stem in STEMS_ALL for lang in LANGS]


@pytest.fixture
def axe_page(browser):
    # axe is injected as a script: let it past the site's Content-Security-Policy.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("stem,lang", PAGES)
def test_no_axe_violations_light_dark_wide_narrow(axe_page, server, stem, lang):
    found = []
    for scheme in ("light", "dark"):
        axe_page.emulate_media(color_scheme=scheme)
        for width in (1280, 390):
            axe_page.set_viewport_size({"width": width, "height": 900})
            axe_page.goto(server + page_url(stem, lang), wait_until="load")
            found += [f"[{scheme} {width}px] {v}" for v in axe_violations(axe_page)]
    assert not found, f"{stem} ({lang}):\n" + "\n".join(found)


@pytest.mark.parametrize("stem,lang", PAGES)
def test_no_console_errors_or_failed_requests(page, server, stem, lang):
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(server + page_url(stem, lang), wait_until="networkidle")
    assert not problems, f"{stem} ({lang}):\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("stem,lang", PAGES)
def test_no_sideways_scrolling_on_small_phones(browser, server, stem, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + page_url(stem, lang), wait_until="load")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{stem} ({lang}) at {width}px scrolls sideways by {overflow}px"


@pytest.mark.parametrize("stem,lang", PAGES)
def test_readable_and_navigable_without_javascript(browser, server, stem, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + page_url(stem, lang))
    assert page.locator("article h1").first.is_visible()
    links = page.locator(".md-nav--primary a.md-nav__link[href]").count()
    context.close()
    assert links >= 10, f"{stem} ({lang}): navigation missing without JavaScript"


# --- keyboard, language switch, language of parts ---------------------------------

def test_keyboard_skip_link_and_visible_focus(page, server):
    page.goto(server + page_url("steps/install-esim", "en"))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip, "the first Tab does not reach the skip link"
    assert page.locator(".md-skip").is_visible(), "the focused skip link is not visible"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).boxShadow")
    page.keyboard.press("Enter")
    assert page.url.endswith("#install-esim") or page.evaluate("document.activeElement.closest('article') !== null") or outline


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
def test_language_switcher_keeps_the_page_and_the_section(page, server, lang, other):
    page.goto(server + page_url("steps/contact-operator", lang) + "#identity-check")
    page.locator(".md-header [data-md-component='header-topic'], .md-header").first.hover()
    link = page.locator(f".md-select a[hreflang='{other}']").first
    page.evaluate("a => a.click()", link.element_handle())
    page.wait_for_url(server + page_url("steps/contact-operator", other) + "#identity-check")
    assert page.locator("html").get_attribute("lang") == other


def test_norwegian_words_are_marked_as_norwegian(soup):
    for lang in LANGS:
        marked = [e.get_text() for stem in STEMS_ALL for e in soup(stem, lang).select("article [lang=nb]")]
        assert {"Mobilnett", "Mine sider"} <= set(marked), f"{lang}: Norwegian words not marked lang=nb"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("stem,lang", PAGES)
def test_nothing_moves_while_the_page_loads(browser, server, stem, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.add_init_script("""window.__shift = 0; window.__moved = []; new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) {
            window.__shift += e.value;
            for (const s of e.sources) window.__moved.push((s.node ? (s.node.className || s.node.nodeName) : '?')
                + ` at ${Math.round(e.startTime)} ms: ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);
        }
    }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(server + page_url(stem, lang), wait_until="networkidle")
    page.wait_for_timeout(200)
    shift, moved = page.evaluate("[window.__shift, window.__moved]")
    context.close()
    assert shift == 0, f"{stem} ({lang}) at {width}px: layout shift {shift:.4f} of {moved}"
