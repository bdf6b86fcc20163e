"""A copy of the site works from any address, and no page view probes for sitemaps.

The site is built for a published address (https://guide.example.org/esim/,
which this machine cannot reach) and served from 127.0.0.1 instead, as a
preview deploy, a mirror or `mkdocs serve` on another port would be. Canonical
links and hreflang alternates then point at the published address; nothing on
the page may try to fetch from there. Material's language selector used to
request sitemap.xml next to every alternate (see includes/search-on-demand.js).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading

import pytest

from conftest import LANGS, ROOT, STEMS_ALL, build_command, early_result, page_url, prepare_early, type_search, wait_for_scripts

PUBLISHED = "https://guide.example.org/esim/"


@prepare_early("elsewhere")
def build_for_published(out):
    """The site built for PUBLISHED into out (started with the session)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SITE_URL=PUBLISHED)
    for flag in ("GUIDE_PDF", "GUIDE_OFFLINE", "OFFLINE", "ISSUES_URL"):
        env.pop(flag, None)
    proc = subprocess.run(build_command(out), cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, "build for another address failed:\n" + proc.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory):
    """The site built for PUBLISHED, served on a free local port; yields its address."""
    import csp

    out = early_result("elsewhere", tmp_path_factory)
    headers = csp.headers(out)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def visits(browser, elsewhere):
    """Every page of both languages, opened once at phone size: what it asked for
    that failed, what it logged as an error, and any sitemap it requested.
    A few pages load at a time, each in a tab of its own."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    record: dict[tuple[str, str], dict[str, list[str]]] = {}
    loading: list[tuple[tuple[str, str], object, dict[str, list[str]]]] = []

    def finish():
        for _key, tab, _seen in loading:
            tab.wait_for_load_state("networkidle")
            wait_for_scripts(tab)
        loading[0][1].wait_for_timeout(200)  # Material's startup requests go out after load
        for key, tab, seen in loading:
            record[key] = {k: list(v) for k, v in seen.items()}
            tab.close()
        loading.clear()

    try:
        for stem in STEMS_ALL:
            for lang in LANGS:
                # A tab of its own per page: a request cut off by leaving the
                # previous page (e.g. its favicon) is not this page's failure.
                tab = context.new_page()
                seen: dict[str, list[str]] = {"sitemaps": [], "failed": [], "errors": []}
                tab.on("request", lambda r, seen=seen: seen["sitemaps"].append(r.url) if "sitemap" in r.url else None)
                tab.on("requestfailed", lambda r, seen=seen: seen["failed"].append(f"{r.url} ({r.failure})"))
                tab.on("response", lambda r, seen=seen: seen["failed"].append(f"{r.url} ({r.status})") if r.status >= 400 else None)
                tab.on("console", lambda m, seen=seen: seen["errors"].append(m.text) if m.type == "error" else None)
                tab.on("pageerror", lambda e, seen=seen: seen["errors"].append(str(e)))
                tab.goto(elsewhere + page_url(stem, lang), wait_until="commit")
                loading.append(((stem, lang), tab, seen))
                if len(loading) == 4:
                    finish()
        if loading:
            finish()
    finally:
        context.close()
    return record


CASES = [(stem, lang) for stem in STEMS_ALL for lang in LANGS]
IDS = [f"{stem}-{lang}" for stem, lang in CASES]


@pytest.mark.parametrize("stem,lang", CASES, ids=IDS)
def test_no_page_view_requests_a_sitemap(visits, stem, lang):
    assert visits[stem, lang]["sitemaps"] == [], f"{stem} ({lang}) requested {visits[stem, lang]['sitemaps']}"


@pytest.mark.parametrize("stem,lang", CASES, ids=IDS)
def test_a_copy_served_from_another_address_fails_nothing(visits, stem, lang):
    seen = visits[stem, lang]
    assert seen["failed"] == [], f"{stem} ({lang}) served elsewhere: failed requests {seen['failed']}"
    assert seen["errors"] == [], f"{stem} ({lang}) served elsewhere: console errors {seen['errors']}"


@pytest.mark.parametrize("lang,other", [("zh", "en"), ("en", "zh")])
def test_a_copy_elsewhere_switches_language_and_searches(browser, elsewhere, lang, other):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(elsewhere + page_url("steps/install-esim", lang) + "#scan-qr", wait_until="networkidle")
        link = tab.locator(f".md-select a[hreflang='{other}']").first
        tab.evaluate("a => a.click()", link.element_handle())
        tab.wait_for_url(elsewhere + page_url("steps/install-esim", other) + "#scan-qr")
        assert tab.locator("html").get_attribute("lang") == other
        tab.goto(elsewhere + page_url("index", other), wait_until="networkidle")
        results = type_search(tab, "eSIM")
        assert results and all(r.startswith(elsewhere) for r in results), f"search on the copy: {results}"
    finally:
        context.close()
