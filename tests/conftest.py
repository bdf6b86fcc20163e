"""Shared fixtures: one strict build per test session, a parser, a browser.

The site is built once, for real (`mkdocs build --strict`), into a temporary
folder; tests read the HTML it wrote. SITE_ENGINE=properdocs builds it with
ProperDocs instead (`make test-properdocs`: the checks on the built HTML,
no browser), the drop-in fork we would move to (CONTRIBUTING.md, 'Upgrades'). Browser tests drive Debian's Chromium
through Playwright against that folder served on 127.0.0.1.
"""

from __future__ import annotations

import concurrent.futures
import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from _common import DEFAULT_LANGUAGE as DEFAULT_LANG  # noqa: E402  the site's languages, as the hooks know them
from _common import LANGUAGES as LANGS  # noqa: E402
from _common import TEMPLATES  # noqa: E402

from make_pdf import CHROMIUM_ARGS  # noqa: E402  the flags `make pdf` and `make audit` use too


def page_stems() -> list[str]:
    """Every page, as its path without language suffix: 'index', 'steps/install-esim'."""
    return sorted(
        p.relative_to(DOCS).as_posix()[: -len(".zh.md")]
        for p in DOCS.rglob("*.zh.md")
        if not p.relative_to(DOCS).as_posix().startswith(TEMPLATES)
    )


STEMS_ALL = page_stems()


def page_url(stem: str, lang: str) -> str:
    """Site-relative URL of a page: '' / 'en/', 'steps/x/' / 'en/steps/x/'."""
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return path if lang == DEFAULT_LANG else f"{lang}/{path}"


def page_file(site: Path, stem: str, lang: str) -> Path:
    return site / page_url(stem, lang) / "index.html"


# The engine that builds the site for the tests: mkdocs, or properdocs.
ENGINE = os.environ.get("SITE_ENGINE", "mkdocs")
if ENGINE not in ("mkdocs", "properdocs"):
    raise pytest.UsageError(f"SITE_ENGINE={ENGINE!r}: use mkdocs or properdocs")


def build_command(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """`<engine> build --strict` of a config into site_dir, with SITE_ENGINE's engine."""
    return [sys.executable, "-m", ENGINE, "build", "--strict", "-f", str(config), "--site-dir", str(site_dir)]


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_url) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SITE_URL=site_url)
    for flag in ("GUIDE_PDF", "GUIDE_OFFLINE", "OFFLINE", "ISSUES_URL"):
        env.pop(flag, None)  # test the default configuration
    proc = subprocess.run(build_command(out), cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        warnings = [line for line in proc.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
        pytest.fail(f"{ENGINE} build --strict failed:\n" + "\n".join(warnings or proc.stderr.splitlines()[-30:]))
    return out


# --- slow preparations, started together when the session starts ------------
# Other builds (the site for another address, the offline copy) are separate
# processes that wait for nothing: a test module registers its build here, and
# when a collected test needs it, it starts at the session's start, beside the
# main build, instead of when its first test asks.

EARLY: dict[str, Callable[[Path], object]] = {}
_early: dict[str, concurrent.futures.Future] = {}


def prepare_early(fixture_name: str):
    """Decorator: work(folder) -> result, started in a thread at the session's
    start (in a fresh folder) when a collected test uses `fixture_name`; that
    fixture gets the result from `early_result`."""
    def register(work):
        EARLY[fixture_name] = work
        return work
    return register


def early_result(fixture_name: str, tmp_path_factory):
    """What the registered work made: waits for it (its error is raised
    here), or does it now if it was not started."""
    future = _early.get(fixture_name)
    if future is None:
        return EARLY[fixture_name](tmp_path_factory.mktemp(fixture_name))
    return future.result()


@pytest.fixture(scope="session", autouse=True)
def _early_work(request, tmp_path_factory):
    used = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(EARLY) or 1) as pool:
        for name, work in EARLY.items():
            if name in used:
                _early[name] = pool.submit(work, tmp_path_factory.mktemp(name))
        yield
        _early.clear()


@functools.lru_cache(maxsize=None)
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def soup(site):
    """soup(stem, lang) -> parsed built page."""
    return lambda stem, lang: _parse(page_file(site, stem, lang))


def article(soup_page: BeautifulSoup):
    """The page's content, without Material's chrome."""
    return soup_page.select_one("article.md-content__inner")


# --- a real browser -------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves its server's folder with its server's security headers (the ones
    we recommend to hosts, scripts/csp.py), so every browser test runs under
    that policy."""

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=server.folder)

    def end_headers(self):
        for name, value in self.server.security_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """A local web server for a built site, bound at once to a free port of
    127.0.0.1 (no other process can take the port between choosing and
    serving it), serving once `start` says from which folder."""

    daemon_threads = True

    def __init__(self, handler=_Handler):
        super().__init__(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"
        self.folder = None
        self.security_headers: dict[str, str] = {}
        self._thread = None

    def start(self, folder: Path, security_headers: dict[str, str]) -> str:
        self.folder, self.security_headers = str(folder), dict(security_headers)
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self.url

    def stop(self):
        if self._thread:
            self.shutdown()
        self.server_close()


@pytest.fixture(scope="session")
def _site_server():
    httpd = SiteServer()
    yield httpd
    httpd.stop()


@pytest.fixture(scope="session")
def site_url(_site_server) -> str:
    """The address the test server has: the site is built for it, so canonical
    links, hreflang alternates and sitemaps point at the server."""
    return _site_server.url


@pytest.fixture(scope="session")
def security_headers(site) -> dict[str, str]:
    import csp

    return csp.headers(site)


@pytest.fixture(scope="session")
def server(_site_server, site, security_headers) -> str:
    return _site_server.start(site, security_headers)


def _goto_then_scripts(goto):
    """Page.goto, then (for "load" and "networkidle") until the site's scripts
    have run. They load at the reader's first move, touch, scroll or key
    (overrides/hooks/speed.py, includes/load-after-paint.js), so not by the
    `load` event, where tests used to find them run: the mouse moves, then
    this waits. Pages without JavaScript (their <noscript> links are
    elements then) and other pages are not waited for."""

    @functools.wraps(goto)
    def wrapper(self, url, *args, **kwargs):
        response = goto(self, url, *args, **kwargs)
        if kwargs.get("wait_until", "load") in ("load", "networkidle"):
            wait_for_scripts(self, url)
        return response

    return wrapper


def wait_for_scripts(tab, url: str = ""):
    """Until the site's scripts have run on a loaded page (see _goto_then_scripts);
    for a page opened with wait_until="commit", once its load state is reached.
    They load when the reader first moves, scrolls, touches or types
    (includes/load-after-paint.js): the mouse moves, as a reader's would (a
    move, unlike a key or a tap, leaves later layout shifts counted)."""
    ready = ("!document.getElementById('__mdx-later') || !!document.querySelector('noscript > link')"
             " || window.__mdxLoaded === true")
    if not tab.evaluate(ready):
        tab.mouse.move(3, 3)
        tab.mouse.move(2, 2)
    deadline = time.monotonic() + 10
    while not tab.evaluate(ready):
        if time.monotonic() > deadline:
            pytest.fail(f"{url or tab.url}: the site's scripts did not run within 10 s of loading")
        tab.wait_for_timeout(25)


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    if not chromium:
        # Never skip: a missing browser is a broken setup, not a passing test.
        pytest.fail("Debian's chromium is not installed: run `make system-packages` (or `make test`)")
    from playwright.sync_api import Page, sync_playwright

    Page.goto = _goto_then_scripts(Page.goto)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def new_context(browser):
    """new_context(**options) -> a browser context, closed when the test ends,
    whether it passed or not."""
    made = []

    def make(**options):
        made.append(browser.new_context(**options))
        return made[-1]

    yield make
    for context in made:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context(viewport={"width": 1280, "height": 900}).new_page()


BROWSER_FIXTURES = {"browser", "page", "server", "new_context", "visits", "search_home"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every test that needs Chromium, directly or through a fixture, as
    `browser`: `pytest -m "not browser"` (make test-fast) runs the rest."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


# --- each page opened once per kind of reader, measured for many tests ------

AXE = Path(importlib.util.find_spec("axe_playwright_python").origin).parent / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
WIDE = {"viewport": {"width": 1280, "height": 900}}
SITE_CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".md-top"]

# Layout shifts from the first frame on, each with what moved, when, from where to where.
SHIFT_OBSERVER = """window.__shift = 0; window.__moved = []; new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) {
        window.__shift += e.value;
        for (const s of e.sources) window.__moved.push((s.node ? (s.node.className || s.node.nodeName) : '?')
            + ` at ${Math.round(e.startTime)} ms: ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);
    }
}).observe({type: 'layout-shift', buffered: true});"""

# Playwright's is_visible(), for many elements in one call: a box with an area,
# not display:none or visibility:hidden (itself or from an ancestor).
_VISIBLE = """const visible = e => { const s = getComputedStyle(e);
    if (s.display === 'contents') return [...e.children].some(visible);
    const r = e.getBoundingClientRect();
    return e.checkVisibility() && s.visibility === 'visible' && r.width > 0 && r.height > 0; };"""

PRINT_PROBE = "chrome => { " + _VISIBLE + """
    const all = s => [...document.querySelectorAll(s)];
    return {
        chrome: chrome.filter(s => all(s).some(visible)),
        article: all('article.md-content__inner').some(visible),
        hidden_tabs: all('.tabbed-block').filter(e => !visible(e)).map(e => e.textContent.trim().slice(0, 60)),
        hidden_labels: all('.tabbed-labels > label').filter(e => !visible(e)).map(e => e.textContent.trim()),
        borderless: all('.admonition').filter(e => !(parseFloat(getComputedStyle(e).borderLeftWidth) >= 1))
            .map(e => (e.querySelector('.admonition-title') || e).textContent.trim().slice(0, 60)),
        links: all("article a[href^='https://']").map(e => [e.getAttribute('href'), getComputedStyle(e, '::after').content]),
    }; }"""


# What the dark palette can change: colours only (the toggle swaps Material's
# colour variables; markup, names and structure stay), so in dark mode axe runs
# the WCAG rules about colour, after the full set in light at the same width.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(tab, rules: list[str] | None = None) -> list[str]:
    """WCAG 2.2 A/AA violations on the open page (only `rules`, if given). axe
    is evaluated through the browser's debugging protocol, which the page's
    Content-Security-Policy does not govern: the page is checked under the
    policy it is served with."""
    if not tab.evaluate("typeof axe !== 'undefined'"):
        tab.evaluate(AXE.read_text(encoding="utf-8"))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG}
    result = tab.evaluate(
        "only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def wait_until(tab, expression: str, timeout: float = 10, what: str = ""):
    """Poll a JavaScript expression until it is true. (Playwright's
    wait_for_function evaluates a string with eval(), which the site's
    Content-Security-Policy forbids.)"""
    deadline = time.monotonic() + timeout
    while not tab.evaluate(expression):
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout} s in vain for {what or expression}")
        tab.wait_for_timeout(25)


def switch_to_dark(tab):
    """The colour toggle, as a reader on a dark-mode phone would have it:
    Material sets the same attributes on <body> as when it loads a page for a
    system in dark mode (its palette does not follow a live change of the
    system setting, so without the toggle the page would stay light)."""
    tab.emulate_media(color_scheme="dark")
    tab.locator(".md-header__option[data-md-component='palette'] label:not([hidden])").evaluate("e => e.click()")
    wait_until(tab, "document.body.getAttribute('data-md-color-scheme') === 'slate'", what="the dark palette")
    tab.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


class PageVisits:
    """visits(stem, lang) -> what opening that page recorded, measured the
    first time a test asks and kept for the others.

    A page is opened three times, each in a fresh context (empty cache, as a
    first visit), the three side by side, and every check that reads the same
    load reads it from that one load:

    - on a phone (390 px, touch): layout shifts while it loads, console errors
      and failed requests, sideways overflow; axe in light, then its colour
      rules in dark (COLOUR_RULES); then
      narrowed to 320 px, overflow again;
    - wide (1280 px): layout shifts, console errors and failed requests; axe
      in light; the page as printed; axe's colour rules in dark;
    - without JavaScript: the title and the navigation.

    The whole-guide page (print) is the other pages' articles put together,
    which are checked in all four colour and width combinations: axe runs
    there once, light and wide.
    """

    AXE_ONCE = {"print"}

    def __init__(self, browser, server):
        self.browser, self.server = browser, server
        self._seen: dict[tuple[str, str], dict | BaseException] = {}

    def __call__(self, stem: str, lang: str) -> dict:
        key = (stem, lang)
        if key not in self._seen:
            try:
                self._seen[key] = self._visit(stem, lang)
            except Exception as error:  # measured once: later tests of the page see the same failure
                self._seen[key] = error
                raise
        seen = self._seen[key]
        if isinstance(seen, BaseException):
            pytest.fail(f"{stem} ({lang}): opening the page failed earlier in this run: {seen!r}")
        return seen

    def _start(self, options: dict, url: str, problems: list[str] | None, where: str):
        """A fresh context whose tab has started loading url (the three loads
        of a page run side by side; each is waited for where it is read)."""
        context = self.browser.new_context(**options)
        tab = context.new_page()
        if problems is not None:
            tab.on("console", lambda m: problems.append(f"[{where}] console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
            tab.on("pageerror", lambda e: problems.append(f"[{where}] uncaught: {e}"))
            tab.on("requestfailed", lambda r: problems.append(f"[{where}] failed: {r.url}"))
            tab.on("response", lambda r: problems.append(f"[{where}] {r.status}: {r.url}") if r.status >= 400 else None)
            tab.add_init_script(SHIFT_OBSERVER)
        tab.goto(url, wait_until="commit")
        return context, tab

    @staticmethod
    def _settle(tab) -> tuple[float, list[str]]:
        tab.wait_for_load_state("networkidle")
        wait_for_scripts(tab)
        tab.wait_for_timeout(200)
        shift, moved = tab.evaluate("[window.__shift, window.__moved]")
        return shift, moved

    @staticmethod
    def _overflow(tab) -> int:
        return tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")

    def _visit(self, stem: str, lang: str) -> dict:
        url = self.server + page_url(stem, lang)
        axe_everywhere = stem not in self.AXE_ONCE
        seen: dict = {"shift": {}, "overflow": {}, "axe": {}, "problems": []}
        phone_problems: list[str] = []
        wide_problems: list[str] = []
        opened = []
        try:
            opened.append(self._start(PHONE, url, phone_problems, "phone"))
            opened.append(self._start(WIDE, url, wide_problems, "wide"))
            opened.append(self._start({"java_script_enabled": False}, url, None, "no JavaScript"))
            (_, phone), (_, wide), (_, no_js) = opened

            seen["shift"][390] = self._settle(phone)
            seen["problems"] += phone_problems
            seen["overflow"][390] = self._overflow(phone)
            if axe_everywhere:
                seen["axe"]["light 390px"] = axe_violations(phone)
                switch_to_dark(phone)
                seen["axe"]["dark 390px"] = axe_violations(phone, COLOUR_RULES)
            phone.set_viewport_size({"width": 320, "height": 800})
            phone.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            seen["overflow"][320] = self._overflow(phone)

            seen["shift"][1280] = self._settle(wide)
            seen["problems"] += wide_problems
            seen["axe"]["light 1280px"] = axe_violations(wide)
            wide.emulate_media(media="print")
            seen["print"] = wide.evaluate(PRINT_PROBE, SITE_CHROME)
            wide.emulate_media(media="screen")
            if axe_everywhere:
                switch_to_dark(wide)
                seen["axe"]["dark 1280px"] = axe_violations(wide, COLOUR_RULES)

            no_js.wait_for_load_state("load")
            seen["no_js"] = {
                "title": no_js.locator("article h1").first.is_visible(),
                "nav_links": no_js.locator(".md-nav--primary a.md-nav__link[href]").count(),
            }
        finally:
            for context, _ in opened:
                context.close()
        return seen


@pytest.fixture(scope="session")
def visits(browser, server) -> PageVisits:
    return PageVisits(browser, server)


@pytest.fixture(scope="session")
def search_home(browser, server):
    """search_home(lang, query) -> result links (absolute): the language's home
    page, opened once (wide) and searched again for each query, as a reader
    trying one word after another; each query starts from an empty box and an
    empty results list."""
    contexts, tabs = [], {}

    def search(lang: str, query: str) -> list[str]:
        if lang not in tabs:
            contexts.append(browser.new_context(**WIDE))
            tabs[lang] = contexts[-1].new_page()
            # Like a reader: the page has loaded, then they open search and type.
            tabs[lang].goto(server + page_url("index", lang), wait_until="networkidle")
        tab = tabs[lang]
        box = tab.locator("input.md-search__input")
        if box.input_value():
            box.fill("")
            box.press("End")  # Material searches on keyup
            wait_until(tab, "!document.querySelector('.md-search-result__item')", what="the last query's results to go")
        return type_search(tab, query)

    yield search
    for context in contexts:
        context.close()


def type_search(page, query: str) -> list[str]:
    """Type a query into the open page's search box as a reader would; return
    the result links (absolute)."""
    box = page.locator("input.md-search__input")
    box.click()
    # Chinese is typed through an input method: the text arrives in one piece,
    # then the key that commits it. Material searches on keyup, so end with a key.
    box.press_sequentially(query, delay=30)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
