#!/usr/bin/env bash
# Installs what the browser and PDF tests need from Debian, where missing:
# chromium (driven by Playwright; test tools cannot download their own
# browser here), fonts-noto-cjk (Chinese glyphs in screenshots and PDFs) and
# poppler-utils (pdftotext, pdffonts, pdfinfo: the PDF tests read the PDFs).
set -euo pipefail

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing with apt: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
