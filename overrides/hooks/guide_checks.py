"""Contributor mistakes that must fail `mkdocs build --strict` (and `make lint`).

Each check logs a warning that names the file (and the line, where there is
one) and says what to fix; --strict turns warnings into a failed build.
MkDocs itself already checks links and anchors (`validation:` in mkdocs.yml);
this hook adds what it cannot know:

- every page exists in both languages (NAME.zh.md and NAME.en.md);
- the twins have the same structure: heading ids in the same order, the same
  admonition kinds, the same tab labels, the same links and images;
- every heading has an explicit ASCII id: `## 标题 { #ascii-id }`;
- no collapsed `???` block (it does not print); admonition titles in the
  page's language;
- no private contact: no messaging-app links, handles or numbers, anywhere;
- no placeholder text left from docs/_templates/;
- no explicit page title in `nav:` (it would show on both sites), and no
  Chinese navigation label on the English site (a section name missing from
  nav_translations).

The check functions are plain functions of text, so tests call them directly
and scripts/lint_copy.py runs the same page checks without a build.

Order: this hook runs first in on_page_markdown (mkdocs.yml), so it checks
the page as written, before data_tables.py fills in text from includes/*.yml.
The data files get the same private-contact check in data_tables.py, and
tests/test_site.py checks the built HTML for contacts anyway.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from _common import DEFAULT_LANGUAGE, LANGUAGES, TEMPLATES, is_nested_build  # noqa: F401  (LANGUAGES, TEMPLATES: used by tests and scripts)

log = logging.getLogger("mkdocs.hooks.guide_checks")

_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", re.S)
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_HEADING_ID = re.compile(r"\{[^}]*#([a-z0-9]+(?:-[a-z0-9]+)*)[^}]*\}\s*$")
_ANY_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{[^{}]*\}\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _rel(path) -> str:
    """docs/… name of a page, whatever form the caller has."""
    text = str(path).replace("\\", "/")
    return text if text.startswith("docs/") or "/docs/" not in text else "docs/" + text.split("/docs/", 1)[1]


def twin_name(name: str) -> str:
    """docs/x.zh.md -> docs/x.en.md and back."""
    for lang, other in (("zh", "en"), ("en", "zh")):
        if name.endswith(f".{lang}.md"):
            return name[: -len(f".{lang}.md")] + f".{other}.md"
    return name


def page_language(name: str) -> str | None:
    for lang in LANGUAGES:
        if str(name).endswith(f".{lang}.md"):
            return lang
    return None


def _lines(text: str):
    """(file line number, line, in a code fence) for every line after the front matter."""
    match = _FRONT_MATTER.match(text)
    start = text[: match.end()].count("\n") if match else 0
    in_fence = False
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if _FENCE.match(line):
            in_fence = not in_fence
            yield number, line, True
            continue
        yield number, line, in_fence


# ---------------------------------------------------------------- headings


def headings(text: str) -> list[tuple[int, str, str | None]]:
    """(line, heading line, ASCII id or None) of every Markdown heading, outside code."""
    found = []
    for number, line, in_code in _lines(text):
        match = None if in_code else _HEADING.match(line)
        if match:
            hid = _HEADING_ID.search(match.group(2))
            found.append((number, line.strip(), hid.group(1) if hid else None))
    return found


def headings_without_id(markdown: str) -> list[tuple[int, str]]:
    """(line number in the file, heading) of every heading without an ASCII { #id }.

    Line numbers count the front matter, so they are the file's own lines."""
    return [(number, heading) for number, heading, hid in headings(markdown) if hid is None]


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def heading_problems(text: str, name: str, twin_text: str | None = None) -> list[str]:
    """'heading has no id' messages, with the file's line and an example in the page's language."""
    name = _rel(name)
    lang = page_language(name)
    twin_ids = [hid for _, _, hid in headings(twin_text)] if twin_text is not None else []
    problems = []
    own = headings(text)
    for index, (number, heading, hid) in enumerate(own):
        if hid is not None:
            continue
        marks, title = _HEADING.match(heading).groups()
        bad = _ANY_ID.search(title)
        title = _ATTR_LIST.sub("", title) or title
        aligned = len(twin_ids) == len(own)
        suggestion = twin_ids[index] if aligned and twin_ids[index] else None
        if suggestion:
            where = f"the id its twin {twin_name(name)} uses here"
        else:
            suggestion = (_slug(title) if lang == "en" else "") or "some-id"
            where = f"the same ASCII id in {twin_name(name)}"
        example = f"{marks} {title} {{ #{suggestion} }}"
        if lang == "zh" and not _CJK.search(title):
            example = f"{marks} 联系运营商 {{ #contact-operator }}"
        elif lang == "en" and _CJK.search(title):
            example = f"{marks} Contact your operator {{ #contact-operator }}"
        what = f"its id '#{bad.group(1)}' is not lowercase ASCII" if bad else "heading has no id"
        problems.append(f"{name}:{number}: {what}: '{heading}'. Write it as '{example}', with {where}")
    return problems


# ---------------------------------------------------------------- contacts

# Hosts and schemes of messaging apps' contact or chat links.
_MESSAGING_LINK = re.compile(
    r"(?<![\w.\-/@])(?:https?://)?(?:www\.)?"
    r"(?:t\.me|telegram\.me|telegram\.dog|wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com"
    r"|u\.wechat\.com|(?:[a-z]+\.)?weixin\.qq\.com|wechat\.com/|qm\.qq\.com|line\.me|signal\.me|signal\.group"
    r"|m\.me|ig\.me|discord\.gg|discord\.com/invite|(?:open|qr)\.kakao\.com|invite\.viber\.com|viber\.com/)"
    r"(?![\w.\-])(?:/[^\s)\]>\"'<`]*)?"
    r"|(?<![\w])(?:weixin|wechat|whatsapp|tg|viber|line|signal|skype|kakaotalk)://[^\s)\]>\"'<`]*",
    re.IGNORECASE,
)

# Apps whose name alone, followed by something that looks like an id, is a contact.
_APP = (
    r"(?:(?<![A-Za-z0-9])(?i:wechat|weixin|whatsapp|telegram|qq|kakao(?:talk)?|viber|skype|wx|vx|tg)(?![A-Za-z])"
    r"|微信|薇信|(?<![A-Za-z])[vV]信|电报)"
)
# Apps whose name is also an ordinary word ("no signal", "the blocking line"):
# only with an explicit id marker, or a colon and something that is surely an id.
_WEAK_APP = r"(?:(?<![A-Za-z])(?:Signal|LINE|Line|Discord|Snapchat|Instagram|Messenger)(?![A-Za-z]))"
_MARK = r"(?:号码?|账号|(?<![A-Za-z])(?i:id|user\s?name|handle)(?![A-Za-z]))"
_NUMBER_MARK = r"(?:号码?|账号|(?<![A-Za-z])(?i:id|user\s?name|handle|number|no\.)(?![A-Za-z]))"
# Words that follow an app's name in prose, never an id.
_NOT_AN_ID = r"(?!(?i:app|apps|or|and|the|a|an|on|in|to|is|are|group|groups|official|account|accounts|chat|chats|call|calls|message|messages|web|pay|id)\b)"
# Anything that can be an id once a colon or 号/is says so; a plain word
# followed by more lowercase words is prose ("WhatsApp: someone says …").
_ANY_ID_TOKEN = (
    rf"(?:@[A-Za-z0-9_]+|\+?\d(?:[ \-]?\d){{4,}}"
    rf"|(?=[A-Za-z]*[\d_])[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9_]"
    rf"|{_NOT_AN_ID}[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9_](?![\w'’])(?!\s+[a-z]))(?![\w])(?!:/)"
)
# What is surely an id even without a colon: @name, a phone number, a name with digits or _.
_STRONG_ID = (
    r"(?:@[A-Za-z0-9_]+(?![\w])|\+?\d(?:[ \-]?\d){5,}(?![\w])"
    r"|(?=[A-Za-z][A-Za-z0-9_\-]{3,})[A-Za-z][A-Za-z\-]*[\d_][A-Za-z0-9_\-]*(?![\w]))"
)
_SENTENCE = r"[^.。!！?？;；\n]"
_HANDLE = re.compile(
    "|".join(
        (
            # WeChat: abc · 微信号：abc · WeChat ID: abc · QQ：12345 · vx: abc
            rf"{_APP}\s*(?:{_NUMBER_MARK}\s*)?[:：]\s*{_ANY_ID_TOKEN}",
            # 微信号 abc · 微信号是 abc
            rf"{_APP}\s*(?:号码?|账号)\s*(?:是|为)?\s*{_ANY_ID_TOKEN}",
            # WeChat ID helper88 · WhatsApp number is +47 912 34 567
            rf"{_APP}\s*{_NUMBER_MARK}\s*(?:is\s+)?{_STRONG_ID}",
            # WeChat esimhelper88 · 微信 esimhelper88 · WhatsApp +47 912 34 567 · Telegram @x
            rf"{_APP}\s*(?:@\s*|\s+){_STRONG_ID}",
            # 微信esimhelper88 (no space after a Chinese name)
            rf"(?:微信|薇信|(?<![A-Za-z])[vV]信|电报){_STRONG_ID}",
            # Add me on WeChat, my ID is esimhelper88 · 微信（号：abc）
            rf"{_APP}{_SENTENCE}{{0,40}}?{_NUMBER_MARK}\s*(?:[:：是为]\s*{_ANY_ID_TOKEN}|is\s+{_STRONG_ID})",
            # 加微信 abc123 · 加我微信：abc · 添加 vx abc · 加V：abc
            rf"(?:加|添加|联系|私信|私聊)\s*(?:我|本人|客服)?的?\s*(?:{_APP}|[vV](?![A-Za-z]))\s*{_MARK}?\s*[:：]?\s*{_ANY_ID_TOKEN}",
            # +V abc123
            rf"\+\s*[vV](?![A-Za-z])\s*[:：]?\s*{_ANY_ID_TOKEN}",
            # LINE ID: abc · Signal: +47 912 34 567
            rf"{_WEAK_APP}\s*{_MARK}\s*(?:[:：]|is)?\s*{_ANY_ID_TOKEN}",
            rf"{_WEAK_APP}\s*[:：]\s*{_STRONG_ID}",
        )
    )
)


def private_contacts(text: str) -> list[str]:
    """Every messaging-app link, handle or number in the text."""
    found = [m.group(0) for m in _MESSAGING_LINK.finditer(text)]
    found += [m.group(0).strip() for m in _HANDLE.finditer(text)]
    return found


def contact_problems(text: str, name: str) -> list[str]:
    """A message, with its line, for every private contact in a page (front matter too)."""
    name = _rel(name)
    return [
        f"{name}:{number}: private contact '{contact}'. This guide never lists messaging-app "
        f"handles, numbers or links: remove it, and point the reader to the operator's official "
        f"website, app or shop instead"
        for number, line in enumerate(text.splitlines(), start=1)
        for contact in private_contacts(line)
    ]


# ------------------------------------------------------ boxes, tabs, links

_ADMONITION = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)((?:\s+[\w-]+)*)(?:\s+\"(.*)\")?\s*$")
_TAB = re.compile(r"^\s*===(?:\+|!)?\s+\"(.*)\"\s*$")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_HTML_LINK = re.compile(r"<(a|img)\b[^>]*?\b(href|src)=[\"']([^\"']+)[\"']", re.I)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def admonitions(text: str) -> list[tuple[int, str, str, str | None]]:
    """(line, marker, kind, title or None) of every admonition or details block."""
    found = []
    for number, line, in_code in _lines(text):
        match = None if in_code else _ADMONITION.match(line)
        if match:
            found.append((number, match.group(2), match.group(3), match.group(5)))
    return found


def tab_labels(text: str) -> list[tuple[int, str]]:
    return [(n, m.group(1)) for n, line, code in _lines(text) if not code and (m := _TAB.match(line))]


def _normalize_target(target: str) -> str:
    # 'page.en.md#x' works like 'page.md#x' (mkdocs-static-i18n), so compare them as one.
    return re.sub(r"\.(?:zh|en)\.md(?=$|#)", ".md", target)


def links(text: str) -> list[tuple[int, str, str]]:
    """(line, 'link' or 'image', target) of every Markdown or HTML link and image, outside code."""
    found = []
    for number, line, in_code in _lines(text):
        if in_code:
            continue
        line = _INLINE_CODE.sub("", line)
        for match in _LINK.finditer(line):
            found.append((number, "image" if match.group(1) else "link", _normalize_target(match.group(2))))
        for match in _HTML_LINK.finditer(line):
            found.append((number, "image" if match.group(1).lower() == "img" else "link", _normalize_target(match.group(3))))
        for match in _AUTOLINK.finditer(line):
            found.append((number, "link", match.group(1)))
        ref = _REF_DEF.match(line)
        if ref:
            found.append((number, "link", _normalize_target(ref.group(1))))
    return found


def suffixed_link_problems(text: str, name: str) -> list[str]:
    """Links to 'page.zh.md' or 'page.en.md': the other language's page, or one that only
    works by accident. Other pages are linked by their un-suffixed name."""
    name = _rel(name)
    problems = []
    for number, line, in_code in _lines(text):
        if in_code:
            continue
        for match in _LINK.finditer(_INLINE_CODE.sub("", line)):
            target = match.group(2)
            if re.search(r"\.(?:zh|en)\.md(?:$|#)", target) and "://" not in target:
                problems.append(
                    f"{name}:{number}: the link '{target}' names a language: write '{_normalize_target(target)}' "
                    f"(the un-suffixed name; mkdocs-static-i18n points it at the page in the reader's language)"
                )
    return problems


def collapsed_blocks(text: str) -> list[tuple[int, str]]:
    """(line, line) of every `???` block: collapsed, so its text does not print."""
    return [(n, line.strip()) for n, line, code in _lines(text) if not code and re.match(r"^\s*\?\?\?(?!\+)\s", line)]


def box_problems(text: str, name: str) -> list[str]:
    """`???` blocks and admonition titles in the wrong language, with their lines."""
    name = _rel(name)
    lang = page_language(name)
    problems = []
    for number, line in collapsed_blocks(text):
        fixed = line.replace("???", "!!!", 1)
        problems.append(
            f"{name}:{number}: '{line}' is a collapsed block: its text does not print. "
            f"Write '{fixed}' instead (CONTRIBUTING.md, Write a page)"
        )
    for number, marker, kind, title in admonitions(text):
        if not title:
            continue
        if lang == "zh" and not _CJK.search(title):
            problems.append(
                f"{name}:{number}: the {kind} box is titled in English on a Chinese page: "
                f"'{marker} {kind} \"{title}\"'. Give it a Chinese title, e.g. '{marker} {kind} \"不要把二维码发给任何人\"'"
            )
        elif lang == "en" and _CJK.search(title):
            problems.append(
                f"{name}:{number}: the {kind} box is titled in Chinese on an English page: "
                f"'{marker} {kind} \"{title}\"'. Give it an English title, e.g. '{marker} {kind} \"Never send the QR code to anyone\"'"
            )
    return problems


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _first_difference(what, zh, en, zh_name, en_name, show, fix) -> list[str]:
    """One message for the first place where two ordered lists of (line, value) differ."""
    for index in range(max(len(zh), len(en))):
        a = zh[index] if index < len(zh) else None
        b = en[index] if index < len(en) else None
        if a and b and a[1] == b[1]:
            continue
        nth = f"the {_ordinal(index + 1)} {what}"
        if a and b:
            hint = ""
            if what == "heading" and b[1] in [v for _, v in zh] and a[1] in [v for _, v in en]:
                hint = " (the same ids in a different order)"
            return [
                f"{zh_name}:{a[0]} and {en_name}:{b[0]}: {nth} differs between the languages{hint}: "
                f"{show(a[1])} in Chinese, {show(b[1])} in English. {fix}"
            ]
        have, have_name, other_name, last = (a, zh_name, en_name, en) if a else (b, en_name, zh_name, zh)
        after = f" (its last {what} is at line {last[-1][0]})" if last else ""
        return [
            f"{have_name}:{have[0]}: {nth}, {show(have[1])}, has no match in {other_name}{after}. {fix}"
        ]
    return []


def twin_differences(zh_text: str, en_text: str, zh_name: str, en_name: str) -> list[str]:
    """Where two twins' structure differs: heading ids (in order), admonition kinds,
    tab labels, images (in order) and link targets, one message per kind naming both
    files and the first difference."""
    zh_name, en_name = _rel(zh_name), _rel(en_name)
    problems = []
    zh_h = [(n, hid or "(no id)") for n, _, hid in headings(zh_text)]
    en_h = [(n, hid or "(no id)") for n, _, hid in headings(en_text)]
    problems += _first_difference(
        "heading", zh_h, en_h, zh_name, en_name, lambda v: f"'#{v}'" if v != "(no id)" else "a heading without id",
        "Both languages need the same headings with the same ids in the same order, "
        "so links and the language switch land on the same section",
    )
    problems += _first_difference(
        "admonition",
        [(n, kind) for n, _, kind, _ in admonitions(zh_text)],
        [(n, kind) for n, _, kind, _ in admonitions(en_text)],
        zh_name, en_name, lambda v: f"'!!! {v}'",
        "Use the same boxes, of the same kind, in the same order in both languages "
        "(danger: can cost the number or money; warning: data or time; tip; info; note)",
    )
    problems += _first_difference(
        "tab", tab_labels(zh_text), tab_labels(en_text), zh_name, en_name, lambda v: f"'=== \"{v}\"'",
        "Tab labels are the same in both languages and on every page, so a reader's choice carries over: "
        "=== \"iPhone\", === \"Samsung\", === \"Google Pixel\", === \"Android\"",
    )
    zh_links, en_links = links(zh_text), links(en_text)
    problems += _first_difference(
        "image",
        [(n, t) for n, kind, t in zh_links if kind == "image"],
        [(n, t) for n, kind, t in en_links if kind == "image"],
        zh_name, en_name, lambda v: f"'{v}'", "Show the same images in the same order in both languages",
    )
    zh_targets = {t: n for n, kind, t in reversed(zh_links) if kind == "link"}
    en_targets = {t: n for n, kind, t in reversed(en_links) if kind == "link"}
    only = sorted(
        [(n, t, zh_name, en_name) for t, n in zh_targets.items() if t not in en_targets]
        + [(n, t, en_name, zh_name) for t, n in en_targets.items() if t not in zh_targets],
        key=lambda x: (x[2] != zh_name, x[0]),
    )
    if only:
        number, target, here, there = only[0]
        more = f" ({len(only) - 1} more link{'s' if len(only) > 2 else ''} differ)" if len(only) > 1 else ""
        problems.append(
            f"{here}:{number}: links to '{target}', but {there} does not{more}. Both languages link "
            f"the same pages, sections and sources: fix the link in one of the two files "
            f"(other pages by their un-suffixed name, e.g. 'safety.md#no-helpers')"
        )
    return problems


def page_pairs(docs_dir: Path) -> list[tuple[Path, Path]]:
    """(zh, en) of every page that exists in both languages, outside docs/_templates/."""
    pairs = []
    for zh in sorted(Path(docs_dir).rglob("*.zh.md")):
        if zh.relative_to(docs_dir).as_posix().startswith(TEMPLATES):
            continue
        en = zh.with_name(zh.name[: -len(".zh.md")] + ".en.md")
        if en.exists():
            pairs.append((zh, en))
    return pairs


def structure_problems(docs_dir: Path) -> list[str]:
    """twin_differences for every page pair in docs_dir."""
    problems = []
    for zh, en in page_pairs(docs_dir):
        problems += twin_differences(
            zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"),
            "docs/" + zh.relative_to(docs_dir).as_posix(), "docs/" + en.relative_to(docs_dir).as_posix(),
        )
    return problems


# ------------------------------------------------------------- templates

_PLACEHOLDER_URL = re.compile(r"https?://(?:www\.)?example\.(?:org|com|net)\b[^\s)\]>\"']*", re.I)


def _normalized(line: str) -> str:
    return _ATTR_LIST.sub("", line.strip()).strip()


def template_placeholders(templates_dir: Path) -> dict[str, str]:
    """Placeholder lines of docs/_templates/*.md (normalized) -> the template they come from.

    Every line counts except blank lines, front-matter fences and level-2+
    headings (a real page may well have '## Sources { #sources }')."""
    found = {}
    for path in sorted(Path(templates_dir).glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = _normalized(line)
            if not text or text == "---" or re.match(r"^#{2,6}\s", text) or len(text) < 6:
                continue
            found.setdefault(text, f"docs/{TEMPLATES}{path.name}")
    return found


def template_problems(text: str, name: str, placeholders: dict[str, str]) -> list[str]:
    """One message for a page that still holds placeholder text from docs/_templates/
    (its title, description, text or example.org source), naming every such line."""
    name = _rel(name)
    found = []  # (line, what, text, template)
    for number, line in enumerate(text.splitlines(), start=1):
        template = placeholders.get(_normalized(line))
        if template:
            what = "title" if line.startswith("# ") else "description" if line.startswith("description:") else "text"
            found.append((number, what, line.strip(), template))
        elif url := _PLACEHOLDER_URL.search(line):
            found.append((number, "source", url.group(0), "docs/_templates/"))
    if not found:
        return []
    number, what, line, template = found[0]
    others = [str(n) for n, *_ in found[1:]]
    more = f" (and on line{'s' if len(others) > 1 else ''} {', '.join(others)})" if others else ""
    kinds = sorted({w for _, w, *_ in found}, key=["title", "description", "text", "source"].index)
    return [
        f"{name}:{number}: placeholder {what} from {template} is still here: '{line}'{more}. "
        f"Replace the placeholder {', '.join(kinds)} with this page's own: the H1 is the page's "
        f"title in the nav, and a source is the real page you took the fact from (CONTRIBUTING.md, Facts)"
    ]


# ------------------------------------------------------------------- twins


def missing_twins(docs_dir: Path, exclude: tuple[str, ...] = (TEMPLATES,)) -> list[str]:
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


def page_problems(text: str, name: str, twin_text: str | None = None,
                  placeholders: dict[str, str] | None = None) -> list[str]:
    """Every check of one page that needs only its text (and its twin's, for id hints)."""
    return (
        heading_problems(text, name, twin_text)
        + box_problems(text, name)
        + suffixed_link_problems(text, name)
        + contact_problems(text, name)
        + template_problems(text, name, placeholders or {})
    )


# --------------------------------------------------------------------- nav


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


def explicit_nav_titles(nav) -> list[str]:
    """A message for every `- Title: page.md` in mkdocs.yml's nav: that title would
    show on both sites, in one language. Section names (`- 四个步骤: [...]`) and
    external links are fine."""
    problems = []
    for item in nav or []:
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            if isinstance(value, list):
                problems += explicit_nav_titles(value)
            elif isinstance(value, str) and "://" not in value:
                problems.append(
                    f"mkdocs.yml: nav entry '- {title}: {value}' gives the page a fixed title, so both the "
                    f"Chinese and the English site would show '{title}': remove the title and write "
                    f"'- {value}' (each language's nav title comes from the page's H1)"
                )
    return problems


# ------------------------------------------------------------------ events


@event_priority(-110)  # after mkdocs-static-i18n (-100) has applied nav_translations
def on_nav(nav, config, files, **kwargs):
    locale = config.theme["language"]
    for title in untranslated_nav_titles(nav.items, locale):
        log.warning(
            f"mkdocs.yml: nav label '{title}' has no {locale} translation on the {locale} site: "
            f"add '{title}: …' under nav_translations of the '{locale}' language"
        )
    return nav


def language_problems(config) -> list[str]:
    """mkdocs.yml's i18n languages must be the ones the hooks know (_common.py)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return []  # a bare config (tests); without the plugin there is no English build at all
    languages = list(plugin.config.languages)
    configured = tuple(lang.locale for lang in languages)
    default = next((lang.locale for lang in languages if lang.default), None)
    if set(configured) != set(LANGUAGES) or default != DEFAULT_LANGUAGE:
        return [
            f"mkdocs.yml: the i18n plugin builds {configured or 'no languages'} with default {default}, but "
            f"overrides/hooks/_common.py says {LANGUAGES} with default {DEFAULT_LANGUAGE}: change both together"
        ]
    return []


def on_pre_build(config, **kwargs):
    # Run once per build, not once per language.
    if is_nested_build(config):
        return
    docs = Path(config.docs_dir)
    for problem in (language_problems(config) + missing_twins(docs) + explicit_nav_titles(config.nav)
                    + structure_problems(docs)):
        log.warning(problem)


def on_page_markdown(markdown, page, config, files, **kwargs):
    # Check the file as written (front matter included), so line numbers are the file's.
    source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    text = source.read_text(encoding="utf-8") if source and source.is_file() else markdown
    name = f"docs/{page.file.src_uri}"
    twin = source.with_name(Path(twin_name(source.name)).name) if source else None
    twin_text = twin.read_text(encoding="utf-8") if twin and twin != source and twin.is_file() else None
    placeholders = template_placeholders(Path(config.docs_dir) / TEMPLATES)
    for problem in page_problems(text, name, twin_text, placeholders):
        log.warning(problem)
    return markdown
