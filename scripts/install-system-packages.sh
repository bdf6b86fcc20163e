#!/usr/bin/env bash
# Installs, with apt, what the tests need from Debian on a minimal system
# (a fresh Debian 12 or Ubuntu 24.04, or a debian:bookworm container), where
# missing. Checked on a minimal Debian 12 root by scripts/fresh-debian-check.sh.
#
#   chromium        driven by Playwright (test tools cannot download their
#                   own browser here); also prints the PDFs
#   libatomic1      Playwright's bundled driver (Node.js) needs libatomic.so.1
#   fonts-noto-cjk  Chinese glyphs in screenshots and PDFs
#   poppler-utils   pdftotext, pdffonts, pdfinfo: the PDF tests read the PDFs
#   git             "last updated" dates come from git history
#   ca-certificates pip reaches the package index over HTTPS
set -euo pipefail

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
installed libatomic1 || missing+=(libatomic1)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v git >/dev/null 2>&1 || missing+=(git)
[ -e /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${missing[*]}. This is not a Debian or Ubuntu system: install" >&2
  echo "Chromium (as \`chromium\` on the PATH), libatomic, a CJK font, poppler and git yourself." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing with apt: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
