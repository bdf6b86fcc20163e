#!/usr/bin/env python3
"""Speed and quality audit: Lighthouse (mobile) over every page, both languages.

    python scripts/audit.py [--pages N]       `make audit` runs it (npm ci first)

Builds the site strictly into a temporary folder, serves it gzip-compressed
on 127.0.0.1, runs Lighthouse (node_modules/.bin/lighthouse, pinned in
package.json) with Debian's Chromium, and prints one row per page: the four
category scores, the first view (KiB compressed and requests, counted by the
server for one cold load in Chromium until the network is quiet), LCP and CLS.
Then it checks the budgets below and exits 1 if any is missed, listing what
a page that is too heavy loaded. The budgets live here, not in timed tests.
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

BUDGET = {
    "score": 100,          # every category, every page
    "first_view_kib": 100,  # everything loaded before the reader touches the page
    "cls": 0.0,
}
# Lighthouse varies from run to run: a page that misses a budget is measured
# twice more and the median of the three runs counts.
RUNS_ON_MISS = 3
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


def build(site: Path, site_url: str) -> None:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


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
    return {
        "scores": [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES],
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failing": [f"{c}: " + ", ".join(a["id"] for a in (
            audits[r["id"]] for r in report["categories"][c]["auditRefs"] if r["weight"] > 0
        ) if a["score"] is not None and a["score"] < 1) for c in CATEGORIES
            if (report["categories"][c]["score"] or 0) < 1],
    }


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not LIGHTHOUSE.exists() or not chromium:
        print("needs node_modules (npm ci) and Debian's chromium: run `make audit`", file=sys.stderr)
        return 2
    limit = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else None
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), None)
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        site = Path(tmp) / "site"
        build(site, base)
        httpd.RequestHandlerClass = functools.partial(GzipHandler, directory=str(site))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        missed = []
        print(f"{'page':32} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'KiB':>6} {'req':>4} {'LCP s':>6} {'CLS':>5}")
        for rel in pages(site)[:limit]:
            sent = first_view(browser, base + rel)
            kib = sum(n for _, n in sent) / 1024
            r = audit(base + rel, chromium)
            if any(s < BUDGET["score"] for s in r["scores"]):
                runs = [r] + [audit(base + rel, chromium) for _ in range(RUNS_ON_MISS - 1)]
                r = dict(r, scores=[sorted(run["scores"][i] for run in runs)[1] for i in range(len(CATEGORIES))])
            print(f"{'/' + rel:32} " + " ".join(f"{s:>4}" for s in r["scores"])
                  + f" {kib:>6.1f} {len(sent):>4} {r['lcp']:>6.2f} {r['cls']:>5.3f}")
            if any(s < BUDGET["score"] for s in r["scores"]):
                missed.append(f"/{rel}: scores {r['scores']} ({'; '.join(r['failing'])})")
            if kib > BUDGET["first_view_kib"]:
                missed.append(f"/{rel}: first view {kib:.1f} KiB > {BUDGET['first_view_kib']} KiB: "
                              + ", ".join(f"{path} {n / 1024:.1f}" for path, n in sorted(sent, key=lambda x: -x[1])))
            if r["cls"] > BUDGET["cls"]:
                missed.append(f"/{rel}: layout shift {r['cls']:.3f}")
        httpd.shutdown()
        browser.close()
    if missed:
        print("\nBudgets missed:\n" + "\n".join(missed))
        return 1
    print("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
