#!/usr/bin/env python3
"""Speed and quality audit: Lighthouse (mobile) over every page, both languages,
beside a plain MkDocs + Material + mkdocs-static-i18n build of the same home pages.

    python scripts/audit.py                     `make audit` runs it (npm ci first)
    python scripts/audit.py --only /,/en/print/ only these pages (while working on speed)
    python scripts/audit.py --pages N --runs 1  the first N pages, one Lighthouse run each

Builds the site strictly into a temporary folder, and, in the same run, a
tiny generated project: the site's two home pages (docs/index.zh.md and
docs/index.en.md, the same Markdown) with Material's defaults, the site's
Markdown extensions and light/dark palette, mkdocs-static-i18n and the search
plugin, from the same pinned packages (only `font: false`, as on the site:
Google Fonts cannot load here). Serves both gzip-compressed on 127.0.0.1,
runs Lighthouse (node_modules/.bin/lighthouse, pinned in package.json) with
Debian's Chromium, and prints one row per page: the four category scores, the
first view (KiB compressed and requests, counted by the server for one cold
load in Chromium until the network is quiet), FCP, LCP and CLS, the median
of three Lighthouse runs, with the plain stack's performance and LCP for the
same language beside them. Then it checks the budgets below and exits 1 if
any is missed, listing what a page that is too heavy loaded. The budgets
live here, not in timed tests.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from make_pdf import CHROMIUM_ARGS  # the same Chromium flags everywhere

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_VERSION = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]

BUDGET = {
    "score": 100,          # every category, every page
    "first_view_kib": 100,  # everything loaded before the reader touches the page
    "lcp_s": 1.2,           # largest contentful paint, Lighthouse's simulated slow 4G phone
    "cls": 0.0,
}
# Also a budget: no page is behind the plain stack's home page in its language
# (performance score and LCP), measured on the same machine in the same run.
# Lighthouse varies from run to run: every page is measured three times and
# the median of each figure counts.
RUNS = 3
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (as a real host would).

    Records every response it sends (path, bytes with headers) in `sent`:
    `first_view` sums them for one page load. Lighthouse's network list
    misses the body of the search worker's script, so it is not used for that.
    """

    sent: list[tuple[str, int]] = []

    def setup(self):
        super().setup()
        self.wfile = _Counting(self.wfile)

    def finish(self):
        super().finish()
        if hasattr(self, "path"):  # a connection closed before its request line sends nothing
            GzipHandler.sent.append((self.path, self.wfile.count))  # HTTP/1.0: one request per connection

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # let the parent redirect /dir to /dir/
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return _Body(body)

    def log_message(self, *args):
        pass


class _Counting:
    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def build(site: Path, site_url: str, project: Path = ROOT, strict: bool = True) -> None:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--quiet",
                    "--site-dir", str(site)], cwd=project, env=env, check=True,
                   stderr=None if strict else subprocess.DEVNULL)


PLAIN_CONFIG = """\
site_name: 挪威 eSIM 补卡指南
site_url: !ENV SITE_URL
theme:
  name: material
  language: zh
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {icon: material/weather-night, name: Dark}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {icon: material/weather-sunny, name: Light}
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: zh, default: true, name: 简体中文, build: true}
        - {locale: en, name: English, build: true, site_name: Replacing your eSIM in Norway}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - md_in_html
  - tables
  - toc: {permalink: true}
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed: {alternate_style: true}
  - pymdownx.tasklist: {custom_checkbox: true}
"""
PLAIN_LABEL = ("plain stack: MkDocs + Material + mkdocs-static-i18n (same pinned packages), Material's defaults,"
               " font: false, the site's palette and Markdown extensions; the same home-page Markdown"
               " (docs/index.zh.md, docs/index.en.md; its links to other pages lead nowhere there)")


def build_plain(project: Path, site: Path, site_url: str) -> None:
    """The comparison: a plain build of this site's two home pages."""
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    for lang in ("zh", "en"):
        shutil.copy(ROOT / "docs" / f"index.{lang}.md", project / "docs" / f"index.{lang}.md")
    build(site, site_url, project, strict=False)  # the links to the site's other pages warn


def pages(site: Path) -> list[str]:
    out = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        out.append("" if rel == "." else rel + "/")
    return out


def first_view(browser, url: str) -> list[tuple[str, int]]:
    """What the site sends for one cold page load, until the network is quiet
    (the search index and everything else the page fetches on its own)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    GzipHandler.sent = []
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    sent = list(GzipHandler.sent)
    context.close()
    return sent


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), None)
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def start(httpd: http.server.ThreadingHTTPServer, site: Path) -> None:
    httpd.RequestHandlerClass = functools.partial(GzipHandler, directory=str(site))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()


def median(runs: list[dict]) -> dict:
    """Each figure's median over the runs (scores per category)."""
    mid = len(runs) // 2
    out = dict(runs[0])
    out["scores"] = [sorted(run["scores"][i] for run in runs)[mid] for i in range(len(CATEGORIES))]
    for key in ("fcp", "lcp", "cls"):
        out[key] = sorted(run[key] for run in runs)[mid]
    out["failing"] = sorted({f for run in runs for f in run["failing"]})
    out["lcp_element"] = runs[0]["lcp_element"]
    return out


def measure(browser, url: str, chromium: str, runs: int) -> dict:
    sent = first_view(browser, url)
    result = median([audit(url, chromium) for _ in range(runs)])
    return dict(result, kib=sum(n for _, n in sent) / 1024, requests=len(sent), sent=sent)


def audit(url: str, chromium: str) -> dict:
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=" + ",".join(CATEGORIES),
         "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS])],
        capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chromium), timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed for {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stdout)
    audits = report["audits"]
    try:
        element = audits["largest-contentful-paint-element"]["details"]["items"][0]["items"][0]["node"]["selector"]
    except (KeyError, IndexError):
        element = "?"
    return {
        "scores": [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES],
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "lcp_element": element,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failing": [f"{c}: " + ", ".join(a["id"] for a in (
            audits[r["id"]] for r in report["categories"][c]["auditRefs"] if r["weight"] > 0
        ) if a["score"] is not None and a["score"] < 1) for c in CATEGORIES
            if (report["categories"][c]["score"] or 0) < 1],
    }


def option(argv: list[str], name: str, default=None):
    return argv[argv.index(name) + 1] if name in argv else default


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not LIGHTHOUSE.exists() or not chromium:
        print("needs node_modules (npm ci) and Debian's chromium: run `make audit`", file=sys.stderr)
        return 2
    limit = int(option(argv, "--pages", 0)) or None
    only = [p.strip("/") + "/" if p.strip("/") else "" for p in option(argv, "--only", "").split(",") if p]
    runs = int(option(argv, "--runs", RUNS))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        httpd, base = serve(Path(tmp) / "site")
        plain_httpd, plain_base = serve(Path(tmp) / "plain-site")
        build(Path(tmp) / "site", base)
        build_plain(Path(tmp) / "plain", Path(tmp) / "plain-site", plain_base)
        start(httpd, Path(tmp) / "site")
        start(plain_httpd, Path(tmp) / "plain-site")
        missed = []
        header = (f"{'page':32} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'KiB':>6} {'req':>4}"
                  f" {'FCP s':>6} {'LCP s':>6} {'CLS':>5}")

        def row(label: str, r: dict) -> str:
            return (f"{label:32} " + " ".join(f"{s:>4}" for s in r["scores"])
                    + f" {r['kib']:>6.1f} {r['requests']:>4} {r['fcp']:>6.2f} {r['lcp']:>6.2f} {r['cls']:>5.3f}")

        print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, median of {runs} run(s) per page\n")
        print(PLAIN_LABEL)
        print(header)
        plain = {}
        for lang, rel in (("zh", ""), ("en", "en/")):
            plain[lang] = measure(browser, plain_base + rel, chromium, runs)
            print(row(f"plain /{rel}", plain[lang]))
        print("\nthis site (the last two columns: the plain stack's home page in the same language)")
        print(header + f"  {'perf':>4} {'LCP s':>6}")
        selected = [rel for rel in pages(Path(tmp) / "site") if not only or rel in only][:limit]
        for rel in selected:
            r = measure(browser, base + rel, chromium, runs)
            ref = plain["en" if rel.startswith("en/") else "zh"]
            print(row("/" + rel, r) + f"  {ref['scores'][0]:>4} {ref['lcp']:>6.2f}", flush=True)
            if any(s < BUDGET["score"] for s in r["scores"]):
                missed.append(f"/{rel}: scores {r['scores']} ({'; '.join(r['failing'])})")
            if r["kib"] > BUDGET["first_view_kib"]:
                missed.append(f"/{rel}: first view {r['kib']:.1f} KiB > {BUDGET['first_view_kib']} KiB: "
                              + ", ".join(f"{path} {n / 1024:.1f}" for path, n in sorted(r["sent"], key=lambda x: -x[1])))
            if r["lcp"] > BUDGET["lcp_s"]:
                missed.append(f"/{rel}: LCP {r['lcp']:.2f} s > {BUDGET['lcp_s']} s ({r['lcp_element']})")
            if r["scores"][0] < ref["scores"][0] or r["lcp"] > ref["lcp"]:
                missed.append(f"/{rel}: behind the plain stack (performance {r['scores'][0]} vs {ref['scores'][0]},"
                              f" LCP {r['lcp']:.2f} s vs {ref['lcp']:.2f} s)")
            if r["cls"] > BUDGET["cls"]:
                missed.append(f"/{rel}: layout shift {r['cls']:.3f}")
        httpd.shutdown()
        plain_httpd.shutdown()
        browser.close()
    if missed:
        print("\nBudgets missed:\n" + "\n".join(missed))
        return 1
    print("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
