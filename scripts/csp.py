#!/usr/bin/env python3
"""Security headers for hosts that let you set them.

    python scripts/csp.py [SITE_DIR]             print the headers for the built site
    python scripts/csp.py SITE_DIR --write       also write SITE_DIR/_headers
                                                 (the format Netlify and Cloudflare Pages read)

The Content-Security-Policy allows only this site's own files. Material
inlines a few small scripts (reading saved colour and tab choices), and each
page carries its first-screen styles in one <style> (overrides/hooks/speed.py);
they are allowed by their SHA-256 hashes, computed from the built HTML, so
rebuild and rerun after any change. tests/test_hosting.py serves the site with
exactly these headers and checks that nothing is blocked.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_INLINE = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_script_hashes(site: Path) -> list[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        for attrs, body in _INLINE.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attrs:
                continue  # data, not run: CSP does not apply
            hashes.add(_hash(body))
    return sorted(hashes)


def inline_style_hashes(site: Path) -> list[str]:
    """Each page's first-screen stylesheet (overrides/hooks/speed.py): one <style> a page."""
    return sorted({_hash(body) for page in site.rglob("*.html") for body in _STYLE.findall(page.read_text(encoding="utf-8"))})


# What no hash can allow under this policy: inline event handlers, inline
# styles and javascript: links. Material 9.8 writes none; after an upgrade of
# the theme or a plugin, `make dist` (--write) and the tests fail, naming them.
_BLOCKED = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+|style)\s*=|\bhref=[\"']javascript:", re.S)
_SCRIPT_TEXT = re.compile(r"(<script\b[^>]*>).*?(</script>)", re.S)  # code, not markup (`i<n; var style=…`)


def blocked_by_policy(site: Path) -> list[str]:
    """'page: markup' for everything in the built site the policy would block."""
    found = []
    for page in sorted(site.rglob("*.html")):
        markup = _SCRIPT_TEXT.sub(r"\1\2", page.read_text(encoding="utf-8"))
        for match in _BLOCKED.finditer(markup):
            found.append(f"{page.relative_to(site)}: {match.group(0)[:80]}")
    return found


def headers(site: Path) -> dict[str, str]:
    csp = "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site)),
        "style-src 'self' " + " ".join(inline_style_hashes(site)),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])
    return {
        "Content-Security-Policy": csp,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else ROOT / "site"
    blocked = blocked_by_policy(site)
    if blocked:
        print("scripts/csp.py: the policy would block (a theme or plugin upgrade added inline "
              "handlers or styles; no hash can allow them):\n  " + "\n  ".join(blocked[:20]), file=sys.stderr)
        return 1
    values = headers(site)
    for name, value in values.items():
        print(f"{name}: {value}")
    if "--write" in argv:
        lines = ["/*"] + [f"  {name}: {value}" for name, value in values.items()]
        (site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
