"""Hosting and reach: what search engines, link previews and hosts see, and
the site working under the recommended security headers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from conftest import LANGS, STEMS_ALL, article, page_url, type_search

CJK = re.compile(r"[\u4e00-\u9fff]")
XHTML = "{http://www.w3.org/1999/xhtml}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.parametrize("stem", STEMS_ALL)
def test_canonical_and_hreflang_alternates_are_absolute(soup, site_url, stem):
    for lang in LANGS:
        head = soup(stem, lang).head
        assert head.find("link", rel="canonical")["href"] == site_url + page_url(stem, lang)
        alternates = {l["hreflang"]: l["href"] for l in head.find_all("link", rel="alternate", hreflang=True)}
        assert alternates == {
            "zh": site_url + page_url(stem, "zh"),
            "en": site_url + page_url(stem, "en"),
            "x-default": site_url + page_url(stem, "zh"),
        }, f"{stem} ({lang})"


@pytest.mark.parametrize("stem", STEMS_ALL)
def test_each_page_has_its_own_description_and_link_preview(soup, site_url, stem):
    for lang in LANGS:
        head = soup(stem, lang).head
        description = head.find("meta", attrs={"name": "description"})["content"]
        assert len(description) > 20 and bool(CJK.search(description)) == (lang == "zh")
        og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
        assert og["og:description"] == description
        assert og["og:url"] == site_url + page_url(stem, lang)
        assert og["og:image"].startswith(site_url) and og["og:locale"] == ("zh_CN" if lang == "zh" else "en_US")
        assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_descriptions_are_not_repeated(soup):
    for lang in LANGS:
        seen = [soup(stem, lang).head.find("meta", attrs={"name": "description"})["content"] for stem in STEMS_ALL]
        assert len(set(seen)) == len(seen), f"{lang}: two pages share a description"


def test_sitemap_lists_both_languages_with_x_default(site, site_url):
    urls = ET.parse(site / "sitemap.xml").getroot().findall(f"{SM}url")
    locs = {u.find(f"{SM}loc").text for u in urls}
    assert locs == {site_url + page_url(stem, lang) for stem in STEMS_ALL for lang in LANGS}
    for url in urls:
        langs = {l.get("hreflang") for l in url.findall(f"{XHTML}link")}
        assert langs == {"zh", "en", "x-default"}
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site_url}sitemap.xml" in robots


def test_404_page_speaks_both_languages(site, site_url):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in page.select("article a")]
    assert site_url in hrefs and site_url + "en/" in hrefs
    assert page.find(lang="zh") is not None and page.find(lang="en") is not None


@pytest.mark.parametrize("lang,pattern", [("zh", r"\d{4}年\d{1,2}月\d{1,2}日"), ("en", r"[A-Z][a-z]+ \d{1,2}, \d{4}")])
def test_pages_show_when_they_were_last_updated(soup, lang, pattern):
    date = article(soup("steps/install-esim", lang)).find_next(class_="git-revision-date-localized-plugin")
    assert date is not None and re.fullmatch(pattern, date.get_text(strip=True))


def test_operator_facts_show_when_they_were_checked(soup):
    for lang, pattern in (("zh", r"资料核对日期：\d{4}-\d{2}-\d{2}"), ("en", r"Details last checked: \d{4}-\d{2}-\d{2}")):
        text = article(soup("steps/contact-operator", lang)).get_text()
        assert re.search(pattern, text)


def test_the_site_works_under_the_recommended_security_headers(page, server, security_headers):
    """Every browser test runs under these headers (tests/conftest.py); this one
    walks through the interactive parts and listens for blocked resources."""
    assert "script-src 'self' 'sha256-" in security_headers["Content-Security-Policy"]
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));""")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = page.goto(server + page_url("steps/install-esim", "zh"), wait_until="networkidle")
    assert response.headers["content-security-policy"] == security_headers["Content-Security-Policy"]
    page.locator(".tabbed-labels label", has_text="Samsung").first.click()
    page.locator("[data-lpa-input]").fill("LPA:1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815")
    page.locator("[data-lpa-split]").click()
    assert page.locator("[data-lpa-code]").input_value() == "04386-AGYFT-A74Y8-3F815"
    assert type_search(page, "运营商")
    assert page.evaluate("window.__violations") == []
    assert errors == []


def test_no_report_link_unless_an_issues_url_is_set(soup):
    # The test build has no ISSUES_URL: no link to nowhere (the offline test sets one).
    assert all(soup(stem, lang).select(".mdx-report") == [] for stem in STEMS_ALL for lang in LANGS)
