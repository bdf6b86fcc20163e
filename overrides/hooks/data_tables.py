"""Tables from data kept once for both languages, in includes/*.yml.

A page puts one of these markers on a line of its own; this hook replaces it
with content in the page's language, so the two languages cannot disagree:

    <!-- operators-table -->   includes/operators.yml   operators and brands
    <!-- phrasebook -->        includes/phrasebook.yml  Norwegian phrases
    <!-- glossary -->          includes/glossary.yml    terms and definitions
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml

LABELS = {
    "zh": {
        "head": ("运营商", "类型", "所属公司", "在哪里办理 SIM 卡业务", "官网"),
        "network": "自有移动网络",
        "brand": "品牌（使用其他公司的网络）",
        "unknown": "未找到可靠来源，请看官网",
        "checked": "资料核对日期",
    },
    "en": {
        "head": ("Operator", "Type", "Owned by", "Where SIM cards are ordered", "Official website"),
        "network": "Runs its own mobile network",
        "brand": "Brand (uses another company's network)",
        "unknown": "Not confirmed: see the website",
        "checked": "Details last checked",
    },
}


PHRASE_LABELS = {
    "zh": ("挪威语（说给对方听，或给对方看）", "意思"),
    "en": ("Norwegian (say it, or show it)", "What it means"),
}


def load(root: Path, name: str) -> dict:
    with open(root / "includes" / f"{name}.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def render_operators(data: dict, locale: str) -> str:
    labels = LABELS[locale]
    rows = [
        "| " + " | ".join(labels["head"]) + " |",
        "|" + " --- |" * len(labels["head"]),
    ]
    for op in data["operators"]:
        owner = (op.get("owner") or {}).get(locale) or labels["unknown"]
        where = (op.get("self_service") or {}).get(locale) or labels["unknown"]
        site = op["website"]
        host = site.split("//", 1)[1].rstrip("/")
        rows.append(
            f"| **{op['name']}** | {labels[op['kind']]} | {owner} | {where} | [{host}]({site}) |"
        )
    checked = max(str(op["checked"]) for op in data["operators"])
    note = f"{data['checked_note'][locale]} {labels['checked']}: {checked}."
    return "\n".join(rows) + "\n\n" + note + "\n"


def render_phrasebook(data: dict, locale: str) -> str:
    head = PHRASE_LABELS[locale]
    rows = [f"| {head[0]} | {head[1]} |", "| --- | --- |"]
    for phrase in data["phrases"]:
        rows.append(
            f'| <span lang="nb" id="phrase-{phrase["id"]}">{html.escape(phrase["nb"])}</span> '
            f"| {html.escape(phrase[locale])} |"
        )
    return '<div class="mdx-phrasebook" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def render_glossary(data: dict, locale: str) -> str:
    items = []
    for term in data["terms"]:
        lang = f' lang="{term["lang"]}"' if term.get("lang") else ""
        items.append(
            f'<dt id="term-{term["id"]}"{lang}>{html.escape(term["term"])}</dt>'
            f"<dd>{html.escape(term[locale])}</dd>"
        )
    return '<dl class="mdx-glossary">' + "".join(items) + "</dl>\n"


RENDERERS = {
    "<!-- operators-table -->": ("operators", render_operators),
    "<!-- phrasebook -->": ("phrasebook", render_phrasebook),
    "<!-- glossary -->": ("glossary", render_glossary),
}


def on_page_markdown(markdown, page, config, files, **kwargs):
    locale = getattr(page.file, "locale", None) or config.theme["language"]
    root = Path(config.config_file_path).parent
    for marker, (name, render) in RENDERERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(load(root, name), locale))
    return markdown
