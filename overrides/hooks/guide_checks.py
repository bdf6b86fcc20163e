"""Contributor mistakes that must fail `mkdocs build --strict`.

Each check logs a warning that names the file and says what to fix; --strict
turns warnings into a failed build. MkDocs itself already checks links and
anchors (`validation:` in mkdocs.yml); this hook adds what it cannot know:

- every page exists in both languages (NAME.zh.md and NAME.en.md);
- every heading has an explicit ASCII id: `## 标题 { #ascii-id }`;
- no private contact: no messaging-app links or handles, anywhere;
- no Chinese navigation label on the English site (a section name missing
  from nav_translations).

The check functions are plain functions of text, so tests call them directly.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.guide_checks")

LANGUAGES = ("zh", "en")

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_HEADING_ID = re.compile(r"\{[^}]*#([a-z0-9]+(?:-[a-z0-9]+)*)[^}]*\}\s*$")

# Hosts that are messaging apps' contact or chat links.
_MESSAGING_HOSTS = re.compile(
    r"(?:https?://)?(?:www\.)?"
    r"(?:t\.me|telegram\.me|telegram\.dog|wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com"
    r"|u\.wechat\.com|weixin\.qq\.com|wechat\.com/|qm\.qq\.com|line\.me|signal\.me"
    r"|m\.me|ig\.me|discord\.gg|kakao\.com|viber\.com/|invite\.viber\.com)",
    re.IGNORECASE,
)
# "WeChat: abc123", "微信号：abc", "加微信 abc", "Telegram @abc", "QQ: 12345" …
_HANDLE = re.compile(
    r"(?:微信号?|加微|vx|v信|wechat(?:\s*id)?|weixin|wx|qq号?|telegram|tg|whatsapp|line\s*id|kakao(?:talk)?|signal)"
    r"\s*(?:[:：]\s*|\s+@|@)[@+]?[A-Za-z0-9_\-.]{3,}",
    re.IGNORECASE,
)


def headings_without_id(markdown: str) -> list[tuple[int, str]]:
    """(line number, heading) of every Markdown heading without an ASCII { #id }."""
    missing, in_fence = [], False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if match and not _HEADING_ID.search(match.group(2)):
            missing.append((number, line.strip()))
    return missing


def private_contacts(text: str) -> list[str]:
    """Every messaging-app link or handle in the text."""
    found = [m.group(0) for m in _MESSAGING_HOSTS.finditer(text)]
    found += [m.group(0) for m in _HANDLE.finditer(text)]
    return found


def missing_twins(docs_dir: Path, exclude: tuple[str, ...] = ("_templates/",)) -> list[str]:
    """A message for every page that is not in both languages."""
    problems = []
    pages: dict[str, set[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.startswith(exclude):
            continue
        stem, _, lang = rel[: -len(".md")].rpartition(".")
        if lang not in LANGUAGES:
            problems.append(
                f"docs/{rel}: a page needs a language suffix: rename it to "
                f"{rel[:-3]}.zh.md and add its English twin {rel[:-3]}.en.md"
            )
            continue
        pages.setdefault(stem, set()).add(lang)
    for stem, langs in sorted(pages.items()):
        for lang in LANGUAGES:
            if lang not in langs:
                have = sorted(langs)[0]
                problems.append(
                    f"docs/{stem}.{have}.md has no twin: add docs/{stem}.{lang}.md "
                    f"(every page exists in both languages, with the same heading ids)"
                )
    return problems


_CJK = re.compile(r"[\u3400-\u9fff]")


def untranslated_nav_titles(items, locale: str) -> list[str]:
    """Titles of nav sections or pages that are still in Chinese on a non-Chinese build."""
    if locale == "zh":
        return []
    found = []
    for item in items:
        if item.title and _CJK.search(item.title):
            found.append(item.title)
        found += untranslated_nav_titles(getattr(item, "children", None) or [], locale)
    return found


@event_priority(-110)  # after mkdocs-static-i18n (-100) has applied nav_translations
def on_nav(nav, config, files, **kwargs):
    locale = config.theme["language"]
    for title in untranslated_nav_titles(nav.items, locale):
        log.warning(
            f"mkdocs.yml: nav label '{title}' has no {locale} translation on the {locale} site: "
            f"add '{title}: …' under nav_translations of the '{locale}' language"
        )
    return nav


def _i18n_is_building_other_language(config) -> bool:
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def on_pre_build(config, **kwargs):
    # Run once per build, not once per language.
    if _i18n_is_building_other_language(config):
        return
    for problem in missing_twins(Path(config.docs_dir)):
        log.warning(problem)


def on_page_markdown(markdown, page, config, files, **kwargs):
    source = f"docs/{page.file.src_uri}"
    for number, heading in headings_without_id(markdown):
        log.warning(
            f"{source}:{number}: heading has no id: '{heading}'. Add the same ASCII id "
            f"as in the other language, e.g. '## 标题 {{ #some-id }}'"
        )
    for contact in private_contacts(markdown):
        log.warning(
            f"{source}: private contact '{contact}'. This guide never lists messaging-app "
            f"handles or links: remove it (only official operator channels)"
        )
    return markdown
