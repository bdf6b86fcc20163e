# One command to preview, one to test. Both install what they need first.
# `make help` lists the targets.

VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help install system-packages serve build pdf offline dist audit test lint l10n-status l10n-stamp clean

help: ## List the commands
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) ## Install the pinned Python packages into .venv

system-packages: ## Install Chromium and CJK fonts with apt, where missing (for the browser tests)
	bash scripts/install-system-packages.sh

serve: install ## Preview the site at http://127.0.0.1:8000/ (English at /en/)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: install ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

pdf: install system-packages ## Build the site with one PDF of the whole guide per language (site/print/, site/en/print/)
	GUIDE_PDF=true $(BIN)/mkdocs build --strict
	$(BIN)/python scripts/make_pdf.py site

offline: install ## Zip a copy that works opened from disk, for readers without data: dist/esim-guide-norway-offline.zip
	$(BIN)/python scripts/make_offline.py dist/esim-guide-norway-offline.zip

dist: install system-packages ## Everything a host serves, in site/: the site, both PDFs, the offline zip, _headers
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
	$(BIN)/python -m pytest

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
