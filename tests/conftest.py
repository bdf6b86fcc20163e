"""Shared fixtures: one strict build per test session, a parser, a browser.

The site is built once, for real (`mkdocs build --strict`), into a temporary
folder; tests read the HTML it wrote. Browser tests drive Debian's Chromium
through Playwright against that folder served on 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from make_pdf import CHROMIUM_ARGS  # noqa: E402  the flags `make pdf` and `make audit` use too


def page_stems() -> list[str]:
    """Every page, as its path without language suffix: 'index', 'steps/install-esim'."""
    return sorted(
        p.relative_to(DOCS).as_posix()[: -len(".zh.md")]
        for p in DOCS.rglob("*.zh.md")
        if not p.relative_to(DOCS).as_posix().startswith("_templates/")
    )


STEMS_ALL = page_stems()


def page_url(stem: str, lang: str) -> str:
    """Site-relative URL of a page: '' / 'en/', 'steps/x/' / 'en/steps/x/'."""
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return path if lang == DEFAULT_LANG else f"{lang}/{path}"


def page_file(site: Path, stem: str, lang: str) -> Path:
    return site / page_url(stem, lang) / "index.html"


@pytest.fixture(scope="session")
def site_url() -> str:
    """The address the test server will have: the site is built for it, so
    canonical links, hreflang alternates and sitemaps point at the server."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_url) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SITE_URL=site_url)
    for flag in ("GUIDE_PDF", "GUIDE_OFFLINE", "OFFLINE", "ISSUES_URL"):
        env.pop(flag, None)  # test the default configuration
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        warnings = [line for line in proc.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
        pytest.fail("mkdocs build --strict failed:\n" + "\n".join(warnings or proc.stderr.splitlines()[-30:]))
    return out


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
    """Serves the built site with the security headers we recommend to hosts
    (scripts/csp.py), so every browser test runs under that policy."""

    security_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.security_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def security_headers(site) -> dict[str, str]:
    import csp

    return csp.headers(site)


@pytest.fixture(scope="session")
def server(site, site_url, security_headers):
    _Handler.security_headers = security_headers
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", int(site_url.rsplit(":", 1)[1].strip("/"))), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()



@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    if not chromium:
        # Never skip: a missing browser is a broken setup, not a passing test.
        pytest.fail("Debian's chromium is not installed: run `make system-packages` (or `make test`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
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
