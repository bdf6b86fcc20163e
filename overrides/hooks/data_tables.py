"""Content from data kept once for both languages, in includes/*.yml.

A page puts a marker where the content goes; this hook replaces it with that
content in the page's language, so the two languages cannot disagree:

    <!-- mdx:operators -->     includes/operators.yml   the operator table
    <!-- mdx:fact ID -->       includes/operators.yml   one operator fact (`facts:`),
                                                        inline or on a line of its own
    <!-- mdx:phrasebook -->    includes/phrasebook.yml  Norwegian phrases: a line of links
                                                        to their groups, then each group's
                                                        heading (#phrases-ID) and table
    <!-- mdx:glossary -->      includes/glossary.yml    terms and definitions
    <!-- mdx:downloads -->     (overrides/hooks/whole_guide.py) PDF / offline links
    <!-- mdx:whole-guide -->   (overrides/hooks/whole_guide.py) the whole guide

Every other `<!-- mdx:… -->` marker, and an unknown fact id, is a warning
(a failed strict build) that names the page, the marker and the valid ones.

The data files are checked once per build (validate_* below): a field in one
language only, a row without `sources` or `checked`, an unknown `kind`, a bad
date, a phrase without a known group (or away from its group), a group without
phrases or a messaging-app contact is a warning naming the file, the row, the
key and the fix. The check functions are plain functions, so tests call them.
"""

from __future__ import annotations

import datetime
import html
import logging
import posixpath
import re
from collections import Counter
from pathlib import Path

import yaml

import guide_checks  # overrides/hooks/guide_checks.py: the private-contact check
from _common import LANGUAGES, is_nested_build, page_locale, ui

log = logging.getLogger("mkdocs.hooks.data_tables")

KINDS = ("network", "brand")
# The page that holds the operator table, and its anchor (a fact links to it).
OPERATOR_TABLE = "steps/contact-operator.md"
OPERATOR_ANCHOR = "your-operator"
# In a fact's text, a link to the operator table: [运营商表](OPERATORS_TABLE)
OPERATORS_TABLE_LINK = "(OPERATORS_TABLE)"

# name -> what it is; "fact" takes an argument. downloads and whole-guide are
# replaced by whole_guide.py; they are listed here so they count as known.
MARKERS = {
    "operators": "the operator table (includes/operators.yml)",
    "fact": "one operator fact: <!-- mdx:fact ID --> (includes/operators.yml, facts:)",
    "phrasebook": "the phrasebook (includes/phrasebook.yml)",
    "glossary": "the glossary (includes/glossary.yml)",
    "downloads": "PDF and offline-copy links (print page)",
    "whole-guide": "the whole guide (print page)",
}
_MARKER = re.compile(r"<!--\s*mdx:([^\s>]*)(?:\s+([^\s>]*))?\s*-->")
# The markers before the namespaced ones are no longer replaced; a page that
# still has one fails the build with the new name.
RENAMED = {
    "<!-- operators-table -->": "<!-- mdx:operators -->",
    "<!-- phrasebook -->": "<!-- mdx:phrasebook -->",
    "<!-- glossary -->": "<!-- mdx:glossary -->",
    "<!-- downloads -->": "<!-- mdx:downloads -->",
    "<!-- whole-guide -->": "<!-- mdx:whole-guide -->",
}

# The table's labels and notes are the site's own words: mkdocs.yml, extra.ui.<lang>.operators
# and .phrasebook (_common.ui).

_cache: dict[Path, dict] = {}


# --- loading and checking the data files -------------------------------------

def load(root: Path, name: str) -> dict:
    path = root / "includes" / f"{name}.yml"
    if path not in _cache:
        with open(path, encoding="utf-8") as f:
            _cache[path] = yaml.safe_load(f) or {}
    return _cache[path]


def _is_date(value) -> bool:
    if isinstance(value, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(str(value))
        return True
    except ValueError:
        return False


def _both_languages(value, where: str, key: str, fix: str) -> list[str]:
    """A {zh, en} field: both languages, non-empty text."""
    if not isinstance(value, dict):
        return [f"{where}: '{key}' must have a Chinese and an English text: write it as "
                f"'{key}: {{zh: …, en: …}}' ({fix})"]
    missing = [lang for lang in LANGUAGES if not str(value.get(lang) or "").strip()]
    if missing:
        have = [lang for lang in LANGUAGES if lang not in missing]
        return [f"{where}: '{key}' has no {' and no '.join(missing)} text"
                + (f" (only {', '.join(have)})" if have else "")
                + f": add '{key}.{missing[0]}' in that language ({fix})"]
    return []


def _sources_and_date(row: dict, where: str, key_prefix: str = "") -> list[str]:
    problems = []
    sources = row.get("sources")
    if not sources or not isinstance(sources, list) or not all(isinstance(s, str) and s.startswith("http") for s in sources):
        problems.append(f"{where}: '{key_prefix}sources' is missing or not a list of URLs: add "
                        f"'sources:' with the URL of every page this row is based on")
    if "checked" not in row or row.get("checked") in (None, ""):
        problems.append(f"{where}: '{key_prefix}checked' is missing: add 'checked: YYYY-MM-DD', "
                        f"the date a person last compared the row with its sources")
    elif not _is_date(row["checked"]):
        problems.append(f"{where}: '{key_prefix}checked' is '{row['checked']}', not a date: "
                        f"write it as YYYY-MM-DD, e.g. 'checked: 2026-12-02'")
    return problems


_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _keyed(items: list, kind: str, path: str, add_id: str, example: str = "", twice: str = ""):
    """The entries of a list whose items need an `id` (facts, phrases, groups,
    terms): [(id, where, item)] for those that have one; problems for an item
    without one, or (with `example`) an id that is not kebab-case ASCII; and,
    to report last, an id listed twice (`twice` ends that message, {id} in it)."""
    entries, problems = [], []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("id"):
            problems.append(f"{path}: {kind} #{number} has no 'id': add {add_id}")
            continue
        where = f"{path}: {kind} '{item['id']}'"
        if example and not _KEBAB.fullmatch(str(item["id"])):
            problems.append(f"{where}: 'id' must be kebab-case ASCII, e.g. '{example}'")
        entries.append((item["id"], where, item))
    repeated = [f"{path}: {kind} '{i}' is listed twice: ids are unique{twice.format(id=i)}"
                for i, c in Counter(i for i, _, _ in entries).items() if c > 1]
    return entries, problems, repeated


def validate_operators(data: dict, path: str = "includes/operators.yml") -> list[str]:
    """A message for every mistake in operators.yml: file, row, key and the fix."""
    problems = []
    if not isinstance(data, dict):
        return [f"{path}: the file must be a mapping with 'checked_note', 'operators' and 'facts'"]
    problems += _both_languages(data.get("checked_note"), f"{path}: checked_note", "checked_note",
                                "the note under the operator table")
    operators = data.get("operators")
    if not isinstance(operators, list) or not operators:
        problems.append(f"{path}: 'operators' is missing or empty: list the operators under 'operators:'")
        operators = []
    names = []
    for number, op in enumerate(operators, start=1):
        if not isinstance(op, dict) or not op.get("name"):
            problems.append(f"{path}: operator #{number} has no 'name': add 'name: …' as the operator writes it")
            continue
        name = op["name"]
        names.append(name)
        where = f"{path}: operator '{name}'"
        kind = op.get("kind")
        if kind not in KINDS:
            problems.append(f"{where}: 'kind' is '{kind}': use one of {', '.join(KINDS)} "
                            f"(network: runs its own mobile network; brand: sells under its own name)")
        for key in ("owner", "self_service"):
            if op.get(key) is not None:
                problems += _both_languages(op[key], where, key, "or leave the key out if no source says it")
        site = op.get("website")
        if not isinstance(site, str) or not site.startswith(("https://", "http://")):
            problems.append(f"{where}: 'website' is '{site}': give the official site as a full URL, e.g. https://www.telenor.no/")
        problems += _sources_and_date(op, where)
        phones = op.get("phones") or []
        if not isinstance(phones, list):
            problems.append(f"{where}: 'phones' must be a list of {{number, what, source, checked}}")
            phones = []
        for p_number, phone in enumerate(phones, start=1):
            p_where = f"{where}, phone #{p_number}"
            if not isinstance(phone, dict) or not str(phone.get("number") or "").strip():
                problems.append(f"{p_where}: 'number' is missing: write the number as the source prints it")
                continue
            p_where = f"{where}, phone {phone['number']}"
            problems += _both_languages(phone.get("what"), p_where, "what", "what the number is for")
            source = phone.get("source")
            if not isinstance(source, str) or not source.startswith("http"):
                problems.append(f"{p_where}: 'source' is missing: add 'source:' with the URL of the page that prints this number")
            if phone.get("checked") in (None, ""):
                problems.append(f"{p_where}: 'checked' is missing: add 'checked: YYYY-MM-DD'")
            elif not _is_date(phone["checked"]):
                problems.append(f"{p_where}: 'checked' is '{phone['checked']}', not a date: write it as YYYY-MM-DD")
    duplicates = [n for n, c in Counter(names).items() if c > 1]
    for name in duplicates:
        problems.append(f"{path}: operator '{name}' is listed twice: keep one row per operator")
    facts = data.get("facts") or []
    if not isinstance(facts, list):
        problems.append(f"{path}: 'facts' must be a list of {{id, operators, zh, en, sources, checked}}")
        facts = []
    entries, found, repeated = _keyed(facts, "fact", path, "'id: kebab-case-ascii'", "telenor-block")
    problems += found
    for _fid, where, fact in entries:
        for lang in LANGUAGES:
            if not str(fact.get(lang) or "").strip():
                have = [l for l in LANGUAGES if str(fact.get(l) or "").strip()]
                problems.append(f"{where}: '{lang}' is missing" + (f" (the fact is only in {', '.join(have)})" if have else "")
                                + f": add '{lang}:' with the fact in {'Chinese' if lang == 'zh' else 'English'}"
                                + " (a fact is shown in both languages)")
        for op_name in fact.get("operators") or []:
            if op_name not in names:
                problems.append(f"{where}: 'operators' names '{op_name}', which is not an operator in "
                                f"'operators:': use one of {', '.join(names)}")
        if not fact.get("operators"):
            problems.append(f"{where}: 'operators' is missing: list the operator(s) the fact is about")
        problems += _sources_and_date(fact, where)
    return problems + repeated


def validate_phrasebook(data: dict, path: str = "includes/phrasebook.yml") -> list[str]:
    problems = []
    phrases = (data or {}).get("phrases") if isinstance(data, dict) else None
    if not isinstance(phrases, list) or not phrases:
        return [f"{path}: 'phrases' is missing or empty: list the phrases under 'phrases:'"]
    problems += _validate_phrase_groups(data.get("groups"), path)
    group_ids = [g["id"] for g in data.get("groups") or [] if isinstance(g, dict) and g.get("id")]
    entries, found, repeated = _keyed(phrases, "phrase", path, "'id: kebab-case-ascii' (pages link #phrase-ID)",
                                      "block-sim", " (pages link #phrase-{id})")
    problems += found
    for _pid, where, phrase in entries:
        for key in ("nb",) + LANGUAGES:
            if not str(phrase.get(key) or "").strip():
                what = {"nb": "the Norwegian (Bokmål) phrase", "zh": "its meaning in Chinese", "en": "its meaning in English"}[key]
                problems.append(f"{where}: '{key}' is missing: add '{key}:' with {what}")
        group = phrase.get("group")
        if group in (None, ""):
            problems.append(f"{where} has no 'group': add 'group: ID' under its id, with the group it is shown "
                            f"under, one of {', '.join(group_ids) or '(none yet: list them under groups:)'}")
        elif group not in group_ids:
            problems.append(f"{where}: 'group' is '{group}', which is not a group in 'groups:': "
                            f"use one of {', '.join(group_ids)} (or add the group under 'groups:')")
    problems += repeated
    # Every group has phrases, and the file lists them in the order of `groups:`
    # (the order the page shows them), so the file reads like the page.
    grouped = [p for p in phrases if isinstance(p, dict) and p.get("id") and p.get("group") in group_ids]
    for gid in group_ids:
        if not any(p["group"] == gid for p in grouped):
            problems.append(f"{path}: group '{gid}' has no phrases: give a phrase 'group: {gid}', "
                            f"or remove the group from 'groups:'")
    for before, phrase in zip(grouped, grouped[1:]):
        if group_ids.index(phrase["group"]) < group_ids.index(before["group"]):
            problems.append(f"{path}: phrase '{phrase['id']}' (group '{phrase['group']}') comes after phrase "
                            f"'{before['id']}' (group '{before['group']}'): the page shows the groups in the "
                            f"order of 'groups:'; move the phrase up to the other phrases of group '{phrase['group']}'")
    return problems


def _validate_phrase_groups(groups, path: str) -> list[str]:
    """The phrasebook's `groups:`: id (the heading's #phrases-ID), zh and en (its heading)."""
    if not isinstance(groups, list) or not groups:
        return [f"{path}: 'groups' is missing or empty: list the groups under 'groups:' "
                f"(id, zh, en: the headings the phrases are shown under, in page order)"]
    entries, problems, repeated = _keyed(
        groups, "group", path, "'id: kebab-case-ascii' (the heading's id is phrases-ID, the same in both languages)",
        "new-esim", " (headings are #phrases-{id})")
    for _gid, where, group in entries:
        for lang in LANGUAGES:
            if not str(group.get(lang) or "").strip():
                problems.append(f"{where}: '{lang}' is missing: add '{lang}:' with the group's heading in "
                                f"{'Chinese' if lang == 'zh' else 'English'}")
    return problems + repeated


def validate_glossary(data: dict, path: str = "includes/glossary.yml") -> list[str]:
    problems = []
    terms = (data or {}).get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list) or not terms:
        return [f"{path}: 'terms' is missing or empty: list the terms under 'terms:'"]
    entries, found, repeated = _keyed(terms, "term", path, "'id: ascii' (pages link #term-ID)",
                                      twice=" (pages link #term-{id})")
    problems += found
    ids = [tid for tid, _, _ in entries]
    for tid, where, term in entries:
        display = term.get("term")
        if isinstance(display, dict):
            problems += _both_languages(display, where, "term", "the term as each language's page shows it")
        elif not str(display or "").strip():
            problems.append(f"{where}: 'term' is missing: add 'term: …' (or 'term: {{zh: …, en: …}}')")
        for lang in LANGUAGES:
            if not str(term.get(lang) or "").strip():
                problems.append(f"{where}: '{lang}' is missing: add '{lang}:' with the definition in "
                                f"{'Chinese' if lang == 'zh' else 'English'}")
        lang_attr = term.get("lang")
        if isinstance(lang_attr, dict):
            bad = [v for v in lang_attr.values() if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]+)?", str(v))]
        else:
            bad = [lang_attr] if lang_attr is not None and not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]+)?", str(lang_attr)) else []
        if bad:
            problems.append(f"{where}: 'lang' is '{bad[0]}': use a language code such as 'nb' (Norwegian Bokmål)")
        zh_term = term_text(term, "zh")
        if _HAN.search(zh_term) and not str(term.get("pinyin") or "").strip():
            problems.append(f"{where}: the Chinese page shows '{zh_term}', so the Chinese glossary sorts it by "
                            f"pinyin: add 'pinyin:' with the term in pinyin (e.g. 'jihuoma' for 激活码)")
    known = set(ids)
    for term in terms:
        if isinstance(term, dict) and term.get("see"):
            where = f"{path}: term '{term.get('id')}'"
            target = next((t for t in terms if isinstance(t, dict) and t.get("id") == term["see"]), None)
            if target is None:
                problems.append(f"{where}: 'see: {term['see']}' names no term: use one of {', '.join(sorted(known))}")
                continue
            for lang in LANGUAGES:
                if term_text(target, lang) not in str(term.get(lang) or ""):
                    problems.append(f"{where}: 'see: {term['see']}' links the words '{term_text(target, lang)}' in the "
                                    f"'{lang}' definition, which does not contain them: name the term there")
    problems += repeated
    return problems


_HAN = re.compile(r"[\u3400-\u9fff]")
# Letters that English sorts as their base letter (a reader looks for fødselsnummer under F).
_FOLD = str.maketrans({"ø": "o", "å": "a", "æ": "ae", "é": "e"})


def glossary_sort_key(term: dict, locale: str) -> str:
    """Where a term goes in the glossary of this language: one A–Z list.
    English: by the term's letters (ø as o, å as a, æ as ae; case, spaces and
    hyphens ignored). Chinese: the same, and a term with Chinese characters by
    its `pinyin`, so 激活码 (jihuoma) sits between IMEI and kodebrikke, as in
    a Chinese index that mixes pinyin and Latin letters."""
    text = term_text(term, locale)
    if locale == "zh" and _HAN.search(text):
        text = str(term.get("pinyin") or text)
    return re.sub(r"[^a-z0-9]", "", text.lower().translate(_FOLD))


_YAML_ITEM = re.compile(r"^  - ")  # a row of the file's top-level list (two spaces, as in includes/)
_YAML_LABEL = re.compile(r"^  (?:- |  )(id|name|term):[ \t]*(\S.*?)?\s*$")
_YAML_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):")
_ROW_NAMES = {"operators": "operator", "phrasebook": "phrase", "glossary": "term"}
# Top-level lists whose rows are not the file's own kind of row.
_SECTION_ROWS = {"facts": "fact", "groups": "group"}


def data_file_contacts(text: str, path: str) -> list[str]:
    """A message for every messaging-app contact in a data file: its line,
    the row (operator name, fact, phrase, group or term id) and the key it is in."""
    problems, row, key = [], "", ""
    kind = _ROW_NAMES.get(Path(path).stem, "row")
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue  # comments never reach a page
        if not line.startswith(" ") and line.strip():
            section, row = _SECTION_ROWS.get(line.split(":", 1)[0], ""), ""
        if _YAML_ITEM.match(line):
            row = ""
        label = _YAML_LABEL.match(line)
        if label and label.group(2) and (not row or label.group(1) == "name"):
            row = f"{section or kind} '{label.group(2).strip(chr(34))}'"
        found = _YAML_KEY.match(line)
        if found:
            key = found.group(1)
        for contact in guide_checks.private_contacts(line):
            where = ", ".join(part for part in (row, f"key '{key}'" if key else "") if part)
            problems.append(
                f"{path}:{number}" + (f" ({where})" if where else "") + f": private contact '{contact}'. "
                f"This guide never lists messaging-app handles or links, in pages or in data files: "
                f"remove it (only official operator channels)"
            )
    return problems


def check_data_files(root: Path) -> list[str]:
    problems = []
    for name, validate in (("operators", validate_operators), ("phrasebook", validate_phrasebook),
                           ("glossary", validate_glossary)):
        path = f"includes/{name}.yml"
        try:
            data = load(root, name)
        except yaml.YAMLError as error:
            problems.append(f"{path}: not valid YAML: {error}")
            continue
        problems += validate(data, path)
    for path in sorted((root / "includes").glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        problems += data_file_contacts(path.read_text(encoding="utf-8"), rel)
    return problems


def marker_problems(markdown: str, source: str, fact_ids, first_line: int = 1) -> list[str]:
    """A message for every unknown `<!-- mdx:… -->` marker or fact id in a page.
    first_line: the line of the file the markdown starts on (after front matter)."""
    problems = []
    for old, new in RENAMED.items():
        at = markdown.find(old)
        if at >= 0:
            line = markdown.count("\n", 0, at) + first_line
            problems.append(f"{source}:{line}: '{old}' is the old marker: write '{new}'")
    valid = ", ".join(f"<!-- mdx:{name}{' ID' if name == 'fact' else ''} -->" for name in MARKERS)
    for match in _MARKER.finditer(markdown):
        name, argument = match.group(1), match.group(2)
        line = markdown.count("\n", 0, match.start()) + first_line
        if name not in MARKERS:
            problems.append(f"{source}:{line}: unknown marker '{match.group(0)}': use one of {valid}")
        elif name == "fact":
            if not argument:
                problems.append(f"{source}:{line}: '{match.group(0)}' names no fact: write "
                                f"<!-- mdx:fact ID --> with one of: {', '.join(fact_ids)}")
            elif argument not in fact_ids:
                problems.append(f"{source}:{line}: unknown fact id '{argument}' in '{match.group(0)}': "
                                f"use one of {', '.join(fact_ids)} (or add it under 'facts:' in includes/operators.yml)")
        elif argument:
            problems.append(f"{source}:{line}: '{match.group(0)}' takes no argument: write <!-- mdx:{name} -->")
    return problems


# --- rendering ----------------------------------------------------------------

def _text(value, locale: str) -> str:
    if isinstance(value, dict):
        return str(value.get(locale) or "")
    return str(value or "")


def _host(url: str) -> str:
    return url.split("//", 1)[-1].rstrip("/").removeprefix("www.")


def _tel(number: str) -> str:
    """The tel: target: an 8-digit Norwegian number with +47, so a tap works
    from a foreign phone too (abroad page); short numbers (09000, 3332) only
    work inside Norway and stay as they are."""
    digits = re.sub(r"[^\d+]", "", number)
    return "+47" + digits if re.fullmatch(r"[2-9]\d{7}", digits) else digits


def checked_date(rows) -> str:
    """The date most rows of this table were checked (the rows' own dates)."""
    dates = Counter(str(r.get("checked")) for r in rows if r.get("checked"))
    if not dates:
        return ""
    top = max(dates.values())
    return max(d for d, c in dates.items() if c == top)  # a tie: the newer one


def render_operators(data: dict, locale: str, config=None) -> str:
    labels = ui(locale, config)["operators"]
    operators = [op for op in data.get("operators") or [] if isinstance(op, dict)]
    table_date = checked_date(operators)
    rows = [
        "| " + " | ".join(labels["head"]) + " |",
        "|" + " --- |" * len(labels["head"]),
    ]
    differs = False
    for op in operators:
        site = str(op.get("website") or "")
        kind = op.get("kind")
        owner = _text(op.get("owner"), locale)
        kind_text = labels[f"{kind}_of"].format(owner=owner) if kind in KINDS and owner else labels.get(kind, "")
        name = f"**{op.get('name', '')}**<br>[{_host(site)}]({site})" + (f"<br><small>{kind_text}</small>" if kind_text else "")
        phones = [p for p in op.get("phones") or [] if isinstance(p, dict) and p.get("number")]
        where = _text(op.get("self_service"), locale) or (labels["unknown"] if phones else labels["unknown_no_phone"])
        row_date = str(op.get("checked") or "")
        if row_date and row_date != table_date:
            differs = True

        def own_date(date: str) -> str:
            return labels["row_checked"].format(date=date)

        phone_lines = []
        for p in phones:
            what = _text(p.get("what"), locale)
            line = f"[{html.escape(str(p['number']))}](tel:{_tel(str(p['number']))})"
            line += f" <small>{html.escape(what)}</small>" if what else ""
            phone_date = str(p.get("checked") or "")
            if phone_date and phone_date != (row_date or table_date):
                differs = True
                line += own_date(phone_date)  # a number checked on another day than its row
            phone_lines.append(line)
        phone_text = "<br>".join(phone_lines) or labels["no_phone"]
        if row_date and row_date != table_date:
            phone_text += "<br>" + own_date(row_date).lstrip()
        rows.append(f"| {name} | {where} | {phone_text} |")
    date_note = labels["checked_rows" if differs else "checked"].format(date=table_date)
    note = _text(data.get("checked_note"), locale)
    joiner = labels["note_joiner"]
    return (
        '<div class="mdx-operators" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n\n"
        + f'<p class="mdx-operators__checked">{html.escape(note)}{joiner}{html.escape(date_note)}</p>\n'
    )


def render_fact(fact: dict, locale: str, page_src: str) -> str:
    text = _text({lang: fact.get(lang) for lang in LANGUAGES}, locale).strip()
    if OPERATORS_TABLE_LINK in text:
        page_dir = posixpath.dirname(page_src)
        page_stem = page_src.split(".")[0] + ".md"
        if page_stem == OPERATOR_TABLE:
            target = f"#{OPERATOR_ANCHOR}"
        else:
            target = posixpath.relpath(OPERATOR_TABLE, page_dir or ".") + f"#{OPERATOR_ANCHOR}"
        text = text.replace(OPERATORS_TABLE_LINK, f"({target})")
    return text


PHRASE_GROUP_ANCHOR = "phrases-{id}"  # a group's heading id, the same in both languages


def phrase_groups(data: dict) -> list[tuple[dict, list[dict]]]:
    """(group, its phrases) in the order of `groups:`, each group's phrases in
    file order. Phrases of no known group (a warning, see validate_phrasebook)
    come last, under a group without a heading, so none is lost."""
    groups = [g for g in data.get("groups") or [] if isinstance(g, dict) and g.get("id")]
    phrases = [p for p in data.get("phrases") or [] if isinstance(p, dict)]
    known = {g["id"] for g in groups}
    result = [(g, [p for p in phrases if p.get("group") == g["id"]]) for g in groups]
    rest = [p for p in phrases if p.get("group") not in known]
    return [(g, ps) for g, ps in result if ps] + ([({}, rest)] if rest else [])


def render_phrasebook(data: dict, locale: str, config=None) -> str:
    """A line of links to the groups, then each group's heading (H3: the
    marker sits under an H2) and its table."""
    words = ui(locale, config)["phrasebook"]
    head = words["head"]
    groups = phrase_groups(data)
    links = [
        f'<a href="#{PHRASE_GROUP_ANCHOR.format(id=g["id"])}">{html.escape(_text(g, locale))}</a>'
        for g, _ in groups if g
    ]
    parts = []
    if links:
        parts.append(f'<p class="mdx-phrasebook__jump">{html.escape(words["jump"])}{" · ".join(links)}</p>')
    for group, phrases in groups:
        if group:
            parts.append(f"### {html.escape(_text(group, locale))} {{ #{PHRASE_GROUP_ANCHOR.format(id=group['id'])} }}")
        rows = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for phrase in phrases:
            cells = [
                f'<span lang="nb" id="phrase-{html.escape(str(phrase.get("id", "")))}">{html.escape(str(phrase.get("nb", "")))}</span>',
                html.escape(str(phrase.get(locale, ""))),
            ]
            if locale == "zh":
                cells.append(f'<span lang="en">{html.escape(str(phrase.get("en", "")))}</span>')
            rows.append("| " + " | ".join(cells) + " |")
        parts.append("\n".join(rows))
    cls = "mdx-phrasebook mdx-phrasebook--three" if locale == "zh" else "mdx-phrasebook"
    return f'<div class="{cls}" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>\n"


def term_text(term: dict, locale: str) -> str:
    """The term as the page of this language shows it."""
    display = term.get("term")
    if isinstance(display, dict):
        return str(display.get(locale) or display.get("en") or "")
    return str(display or "")


def term_lang(term: dict, locale: str):
    """The lang attribute of the term on this language's page, or None."""
    lang = term.get("lang")
    if isinstance(lang, dict):
        return lang.get(locale)
    return lang


def render_glossary(data: dict, locale: str, config=None) -> str:
    """One A–Z list in the page's language (glossary_sort_key). A term with
    `see: ID` (personnummer) links the words of that term in its definition."""
    terms = [t for t in data.get("terms") or [] if isinstance(t, dict)]
    by_id = {t.get("id"): t for t in terms}
    items = []
    for term in sorted(terms, key=lambda t: (glossary_sort_key(t, locale), term_text(t, locale))):
        lang = term_lang(term, locale)
        lang_attr = f' lang="{lang}"' if lang else ""
        definition = html.escape(str(term.get(locale, "")))
        target = by_id.get(term.get("see"))
        if target is not None:
            words = html.escape(term_text(target, locale))
            target_lang = term_lang(target, locale)
            attr = f' lang="{target_lang}"' if target_lang else ""  # the definition is in the page's language
            definition = definition.replace(words, f'<a href="#term-{target.get("id")}"{attr}>{words}</a>', 1)
        items.append(
            f'<dt id="term-{term.get("id", "")}"{lang_attr}>{html.escape(term_text(term, locale))}</dt>'
            f"<dd>{definition}</dd>"
        )
    return '<dl class="mdx-glossary">' + "".join(items) + "</dl>\n"


BLOCKS = {
    "operators": ("operators", render_operators),
    "phrasebook": ("phrasebook", render_phrasebook),
    "glossary": ("glossary", render_glossary),
}


def body_start_line(page, markdown: str) -> int:
    """The line of the source file where the page's Markdown (front matter
    stripped by MkDocs) starts, so messages name the line an editor shows."""
    try:
        raw = page.file.content_string
    except Exception:  # noqa: BLE001  a generated page: no file
        return 1
    body = markdown.lstrip("\n")
    chunk = body[:80]
    at = raw.find(chunk) if chunk else -1
    if at < 0:
        return 1
    return raw.count("\n", 0, at) + 1 - (len(markdown) - len(body))


def on_pre_build(config, **kwargs):
    _cache.clear()  # `mkdocs serve` rebuilds: read edits to the data files
    if is_nested_build(config):
        return  # once per build, not once per language
    for problem in check_data_files(Path(config.config_file_path).parent):
        log.warning(problem)


# The activation-code helper (docs/steps/install-esim.*.md) shows messages
# from its data-* attributes (docs/javascripts/guide.js, part 2); they are the
# site's own words, in mkdocs.yml's extra.ui.<lang>.code_helper.
CODE_HELPER = '<div class="mdx-lpa" data-mdx-lpa hidden>'
CODE_HELPER_ATTRIBUTES = (
    ("data-msg-empty", "empty"), ("data-msg-format", "format"), ("data-msg-address", "address"),
    ("data-msg-code", "code"), ("data-yes", "confirm_yes"), ("data-no", "confirm_no"), ("data-copied", "copied"),
)


def _attribute(text: str) -> str:
    """An attribute value: only & and " need escaping inside double quotes."""
    return text.replace("&", "&amp;").replace('"', "&quot;")


def code_helper(locale: str, config=None) -> str:
    """The helper's opening tag with its messages in this language."""
    words = ui(locale, config)["code_helper"]
    attributes = "".join(
        f'\n  {name}="{_attribute(words[key])}"'
        for name, key in CODE_HELPER_ATTRIBUTES
    )
    return CODE_HELPER[:-1] + attributes + ">"


def on_page_markdown(markdown, page, config, files, **kwargs):
    locale = page_locale(page, config)
    if CODE_HELPER in markdown:
        markdown = markdown.replace(CODE_HELPER, code_helper(locale, config))
    elif "data-mdx-lpa" in markdown:
        log.warning(f"docs/{page.file.src_uri}: the activation-code helper must open with the line "
                    f"{CODE_HELPER} (its messages come from mkdocs.yml, extra.ui.{locale}.code_helper)")
    root = Path(config.config_file_path).parent
    source = f"docs/{page.file.src_uri}"
    if "mdx:" not in markdown and not any(old in markdown for old in RENAMED):
        return markdown
    operators = load(root, "operators")
    operators = operators if isinstance(operators, dict) else {}
    facts = {f["id"]: f for f in operators.get("facts") or [] if isinstance(f, dict) and f.get("id")}
    for problem in marker_problems(markdown, source, list(facts), body_start_line(page, markdown)):
        log.warning(problem)

    def replace(match):
        name, argument = match.group(1), match.group(2)
        if name == "fact":
            fact = facts.get(argument or "")
            return render_fact(fact, locale, page.file.src_uri) if fact else match.group(0)
        if name in BLOCKS and not argument:
            data_name, render = BLOCKS[name]
            data = load(root, data_name)
            return render(data if isinstance(data, dict) else {}, locale, config)
        return match.group(0)  # downloads, whole-guide: whole_guide.py; unknown: warned above

    return _MARKER.sub(replace, markdown)
