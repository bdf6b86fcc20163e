"""The offline copy: unzipped and opened from disk (file://), a reader can
navigate, switch language and search, with nothing loaded from the network."""

from __future__ import annotations

import sys
import zipfile

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, early_result, prepare_early, type_search

sys.path.insert(0, str(ROOT / "scripts"))
import make_offline  # noqa: E402


@prepare_early("offline_copy")
def make_and_unzip(folder):
    # A second build, of the offline flavour: it is what `make offline` ships.
    # It is also where the configurable "report a mistake" link is checked.
    zip_path = make_offline.make_zip(folder / "dist" / make_offline.ZIP_NAME, {"ISSUES_URL": ISSUES_URL})
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(folder / "unzipped")
    return folder / "unzipped" / make_offline.FOLDER


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory):
    return early_result("offline_copy", tmp_path_factory)


ISSUES_URL = "https://example.org/esim-guide/issues/new"


def test_report_a_mistake_link_goes_where_configured(offline_copy):
    for path, label in (("steps/install-esim.html", "发现错误"), ("en/steps/install-esim.html", "Found a mistake")):
        page = BeautifulSoup((offline_copy / path).read_text(encoding="utf-8"), "html.parser")
        link = page.select_one(".mdx-report a")
        assert link is not None and link["href"] == ISSUES_URL and link.get_text().startswith(label)


@pytest.fixture
def offline_page(browser):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    yield page
    context.close()


def test_offline_copy_is_a_plain_folder_of_html(offline_copy):
    assert (offline_copy / "index.html").is_file()
    assert (offline_copy / "en" / "steps" / "install-esim.html").is_file()
    assert (offline_copy / "search" / "search_index.js").is_file()
    assert (offline_copy / "en" / "search" / "search_index.js").is_file()


def test_offline_copy_navigates_and_searches_from_disk(offline_page, offline_copy):
    page = offline_page
    page.goto((offline_copy / "index.html").as_uri(), wait_until="load")
    assert page.locator("html").get_attribute("lang") == "zh"

    # Chinese search works from file:// and finds Chinese pages only.
    results = type_search(page, "激活码")
    assert any(r.split("?")[0].split("#")[0].endswith("/steps/install-esim.html") for r in results), results
    assert not any("/en/" in r for r in results)

    # Click through: a nav link, then the language switcher, as a reader would
    # (guide.js handles the switcher's click itself under file://).
    page.goto((offline_copy / "index.html").as_uri())
    page.locator(".md-nav--primary a[href$='steps/contact-operator.html']").first.click()
    page.wait_for_url("**/steps/contact-operator.html")
    title = BeautifulSoup((offline_copy / "steps" / "contact-operator.html").read_text(encoding="utf-8"), "html.parser")
    assert page.locator("article h1").inner_text().strip() == title.select_one("article h1").get_text().strip()
    page.locator(".md-select").hover()
    page.locator(".md-select a[hreflang='en']").first.click()
    page.wait_for_url("**/en/steps/contact-operator.html")
    assert page.locator("html").get_attribute("lang") == "en"

    # English search finds English pages only.
    results = type_search(page, "activation")
    assert any(r.split("?")[0].split("#")[0].endswith("/en/steps/install-esim.html") for r in results), results
    assert all("/en/" in r for r in results)

    remote = [u for u in page.requests if u.startswith(("http:", "https:"))]
    assert remote == [], f"the offline copy fetched from the network: {remote}"
