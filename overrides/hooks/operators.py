"""Render the operator table from includes/operators.yml.

A page puts `<!-- operators-table -->` on a line of its own; this hook
replaces it with a Markdown table in the page's language. Both languages read
the same data file, so they cannot disagree on a fact.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MARKER = "<!-- operators-table -->"

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


def load(root: Path) -> dict:
    with open(root / "includes" / "operators.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def render(data: dict, locale: str) -> str:
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


def on_page_markdown(markdown, page, config, files, **kwargs):
    if MARKER not in markdown:
        return markdown
    locale = getattr(page.file, "locale", None) or config.theme["language"]
    data = load(Path(config.config_file_path).parent)
    return markdown.replace(MARKER, render(data, locale))
