# One command to preview, one to test. Both install what they need first.
# `make help` lists the targets.

VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help install system-packages serve build pdf offline dist audit test test-fast test-properdocs lint l10n-status l10n-stamp clean

# A test that hangs (a browser that never answers) fails after this many
# seconds instead of running into CI's limit (pytest-timeout).
TEST_TIMEOUT ?= 300

# Canonical links, hreflang, sitemaps and link previews carry SITE_URL: a dist
# built without it would point every search engine at 127.0.0.1. Refuse at
# once, before installing anything.
ifneq ($(filter dist,$(MAKECMDGOALS)),)
ifeq ($(strip $(SITE_URL)),)
$(info make dist: SITE_URL is not set, so the published site would carry canonical links,)
$(info hreflang, sitemaps and link previews pointing at http://127.0.0.1:8000/.)
$(info Say where it will be published:   SITE_URL=https://example.org/esim/ make dist)
$(info For a copy on this machine only:  SITE_URL=http://127.0.0.1:8000/ make dist)
$(error SITE_URL is not set)
endif
endif

help: ## List the commands
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "Python 3.11 or newer is needed (Debian 12's python3, 3.11.2, will do); \`$(PYTHON)\` is: $$($(PYTHON) --version 2>&1)."; \
	  echo "Install it (Debian/Ubuntu: apt install python3 python3-venv) or point make at it: make PYTHON=python3.12 ..."; \
	  exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "$(PYTHON) has no venv module: on Debian or Ubuntu, apt install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) ## Install the pinned Python packages into .venv

system-packages: ## Install with apt, where missing: Chromium, libatomic1, CJK fonts, poppler, git (for the tests)
	bash scripts/install-system-packages.sh

serve: install ## Preview the site at http://127.0.0.1:8000/ (English at /en/)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000   # mkdocs.yml `watch:` adds includes/ and overrides/

build: install ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

pdf: install system-packages ## Build the site with one PDF of the whole guide per language (site/print/, site/en/print/)
	GUIDE_PDF=true $(BIN)/mkdocs build --strict
	$(BIN)/python scripts/make_pdf.py site

offline: install ## Zip a copy that works opened from disk, for readers without data: dist/esim-guide-norway-offline.zip
	$(BIN)/python scripts/make_offline.py dist/esim-guide-norway-offline.zip

dist: install system-packages ## Everything a host serves, in site/ (needs SITE_URL): the site, both PDFs, the offline zip, _headers
	GUIDE_PDF=true GUIDE_OFFLINE=true $(BIN)/mkdocs build --strict
	$(BIN)/python scripts/make_pdf.py site
	$(BIN)/python scripts/make_offline.py site/esim-guide-norway-offline.zip
	$(BIN)/python scripts/csp.py site --write

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

audit: install system-packages node_modules/.installed ## Lighthouse (mobile) over every page, served gzip-compressed: scores, KiB, requests, LCP, CLS, budgets
	$(BIN)/python scripts/audit.py

test: install system-packages ## Run every test: strict build, HTML checks, browser tests
	$(BIN)/python -m pytest --timeout=$(TEST_TIMEOUT)

test-fast: install ## Every test that needs no browser (no Chromium needed): build, HTML, data, copy checks
	$(BIN)/python -m pytest --timeout=$(TEST_TIMEOUT) -m "not browser"

test-properdocs: install ## The same tests as test-fast, on a site built by ProperDocs (the drop-in fork of MkDocs 1.x)
	SITE_ENGINE=properdocs $(BIN)/python -m pytest --timeout=$(TEST_TIMEOUT) -m "not browser"

lint: install ## Copy checks (Chinese spacing and 你, English spelling, Markdown) and stale translations, no build
	$(BIN)/python scripts/lint_copy.py
	$(BIN)/python scripts/l10n.py check

l10n-status: install ## List every English page: up to date, stale or missing
	$(BIN)/python scripts/l10n.py status

l10n-stamp: install ## After updating a translation: make l10n-stamp PAGE=docs/NAME.en.md
	@test -n "$(PAGE)" || { echo "usage: make l10n-stamp PAGE=docs/NAME.en.md"; exit 2; }
	$(BIN)/python scripts/l10n.py stamp $(PAGE)

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site dist .pytest_cache
