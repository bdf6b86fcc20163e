#!/usr/bin/env python3
"""Speed and quality audit: Lighthouse (mobile) over every page, both languages.

    python scripts/audit.py [--pages N]       `make audit` runs it (npm ci first)

Builds the site strictly into a temporary folder, serves it gzip-compressed
on 127.0.0.1, runs Lighthouse (node_modules/.bin/lighthouse, pinned in
package.json) with Debian's Chromium, and prints one row per page: the four
category scores, what the first view transfers (KiB, compressed), requests,
LCP and CLS. Then it checks the budgets below and exits 1 if any is missed.
The budgets live here, not in timed tests.
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

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

BUDGET = {
    "score": 100,          # every category, every page
    "first_view_kib": 100,  # everything loaded before the reader touches the page
    "cls": 0.0,
}
# The print page holds the whole guide in one document: its HTML alone is
# most of a normal page's budget, and laying it out takes the phone longer.
FIRST_VIEW_KIB_PRINT_PAGE = 160
PERFORMANCE_PRINT_PAGE = 95
# Lighthouse varies from run to run: a page that misses a budget is measured
# twice more and the median of the three runs counts.
RUNS_ON_MISS = 3
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (as a real host would)."""

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


def audit(url: str, chromium: str) -> dict:
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=" + ",".join(CATEGORIES),
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run"],
        capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chromium), timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed for {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stdout)
    audits = report["audits"]
    items = audits["network-requests"]["details"]["items"]
    return {
        "scores": [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES],
        "kib": sum(i.get("transferSize", 0) for i in items) / 1024,
        "requests": len(items),
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failing": [f"{c}: " + ", ".join(a["id"] for a in (
            audits[r["id"]] for r in report["categories"][c]["auditRefs"] if r["weight"] > 0
        ) if a["score"] is not None and a["score"] < 1) for c in CATEGORIES
            if (report["categories"][c]["score"] or 0) < 1],
    }


def main(argv: list[str]) -> int:
    chromium = shutil.which("chromium")
    if not LIGHTHOUSE.exists() or not chromium:
        print("needs node_modules (npm ci) and Debian's chromium: run `make audit`", file=sys.stderr)
        return 2
    limit = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else None
    with tempfile.TemporaryDirectory() as tmp:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), None)
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        site = Path(tmp) / "site"
        build(site, base)
        httpd.RequestHandlerClass = functools.partial(GzipHandler, directory=str(site))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        missed = []
        print(f"{'page':32} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'KiB':>6} {'req':>4} {'LCP s':>6} {'CLS':>5}")
        for rel in pages(site)[:limit]:
            is_print = rel.rstrip("/").endswith("print")
            floors = [PERFORMANCE_PRINT_PAGE if is_print else BUDGET["score"]] + [BUDGET["score"]] * 3
            r = audit(base + rel, chromium)
            if any(s < f for s, f in zip(r["scores"], floors)):
                runs = [r] + [audit(base + rel, chromium) for _ in range(RUNS_ON_MISS - 1)]
                r = dict(r, scores=[sorted(run["scores"][i] for run in runs)[1] for i in range(len(CATEGORIES))])
            print(f"{'/' + rel:32} " + " ".join(f"{s:>4}" for s in r["scores"])
                  + f" {r['kib']:>6.1f} {r['requests']:>4} {r['lcp']:>6.2f} {r['cls']:>5.3f}")
            if any(s < f for s, f in zip(r["scores"], floors)):
                missed.append(f"/{rel}: scores {r['scores']} ({'; '.join(r['failing'])})")
            budget = FIRST_VIEW_KIB_PRINT_PAGE if is_print else BUDGET["first_view_kib"]
            if r["kib"] > budget:
                missed.append(f"/{rel}: first view {r['kib']:.1f} KiB > {budget} KiB")
            if r["cls"] > BUDGET["cls"]:
                missed.append(f"/{rel}: layout shift {r['cls']:.3f}")
        httpd.shutdown()
    if missed:
        print("\nBudgets missed:\n" + "\n".join(missed))
        return 1
    print("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
