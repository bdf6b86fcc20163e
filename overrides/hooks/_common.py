"""What the hooks share, written once: the languages, a page's language, the
nested build, the offline copy, shared file names, and the loud failure when
theme markup a hook relies on is missing.

Private (the underscore): mkdocs.yml does not list it, every hook imports it
(MkDocs puts a hook's folder on sys.path while loading it), and so do
scripts/ and tests/ (`sys.path` holds overrides/hooks there).
"""

from __future__ import annotations

import logging
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]   # the repository

# The languages of the site, the default (served at /) first. mkdocs.yml's
# i18n `languages:` must agree: guide_checks.py fails the build if not.
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]

TEMPLATES = "_templates/"                     # docs/_templates/: page skeletons, not built
PRINT_PAGE = "print"                          # docs/print.*.md: the whole guide
OFFLINE_ZIP = "esim-guide-norway-offline.zip"  # scripts/make_offline.py, at the site root
SEARCH_ON_DEMAND = ROOT / "includes" / "search-on-demand.js"


def pdf_name(locale: str) -> str:
    """The whole guide's PDF, beside the print page (scripts/make_pdf.py)."""
    return f"esim-guide-norway-{locale}.pdf"


def page_locale(page, config) -> str:
    """The language of a page: mkdocs-static-i18n sets `page.file.locale`;
    a page it did not touch has the language of the build being run."""
    return getattr(page.file, "locale", None) or config.theme["language"]


def is_nested_build(config) -> bool:
    """True during mkdocs-static-i18n's build of a language other than the
    default: it runs, inside the default build's on_post_build (priority
    -100), every event again for site/<lang>/. A hook that must run once per
    build returns early here (pre_build checks), or runs at priority -110 in
    the outer build, after all languages (index split, sitemaps)."""
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def offline_enabled(config) -> bool:
    """The offline copy is being built (`make offline`: OFFLINE=true)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


class MarkupMissing:
    """Warn once per build when theme or plugin markup a hook edits is not
    there: after an upgrade of Material, mkdocs-static-i18n or MkDocs, the
    strict build then fails and names the hook and the markup, instead of
    the hook silently doing nothing.

        _missing = MarkupMissing("a11y", '<div class="md-search" … role="dialog">',
                                 "Material 9.8 partials/search.html")
        _missing.check(found, page)   # in on_post_page
    """

    def __init__(self, hook: str, markup: str, source: str):
        self.hook, self.markup, self.source = hook, markup, source
        self.warned = False
        self.log = logging.getLogger(f"mkdocs.hooks.{hook}")

    def reset(self) -> None:
        self.warned = False

    def check(self, found: bool, where: str = "") -> bool:
        if not found and not self.warned:
            self.warned = True
            self.log.warning(message(self.hook, self.markup, self.source, where))
        return found


def message(hook: str, markup: str, source: str, where: str = "") -> str:
    at = f" (first seen in {where})" if where else ""
    return (
        f"overrides/hooks/{hook}.py: expected markup not found{at}: {markup} (from {source}). "
        f"The theme or a plugin changed: update the hook to the new markup or remove the "
        f"workaround (CONTRIBUTING.md, 'Upgrades')"
    )


# --- the site's own words (mkdocs.yml, extra.ui) ------------------------------

_ui_cache: dict = {}


def _read_ui() -> dict:
    """extra.ui of ROOT/mkdocs.yml, for code that runs without a build (tests)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def ignore(loader, suffix, node):  # !ENV, !!python/…: not needed for extra.ui
        return None

    Loader.add_multi_constructor("!", ignore)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", ignore)
    data = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    return data["extra"]["ui"]


def ui(locale: str, config=None) -> dict:
    """The site's own words in one language: config.extra.ui[locale] in a build,
    mkdocs.yml's extra.ui otherwise."""
    if config is not None:
        return config.extra["ui"][locale]
    if "ui" not in _ui_cache:
        _ui_cache["ui"] = _read_ui()
    return _ui_cache["ui"][locale]
