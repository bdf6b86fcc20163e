"""Accessibility fixes to Markdown extensions' output.

- pymdownx.tasklist renders each checklist box as an <input type="checkbox">
  with no label; screen readers then announce an unnamed checkbox. Each box
  gets the text of its item as its accessible name.
- Material's search box is a role="dialog" without a name; it gets one in
  the page's language.
"""

from __future__ import annotations

import html
import re

_ITEM = re.compile(r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")(.*?</label>)(.*?)</li>', re.S)
_TAGS = re.compile(r"<[^>]+>")


def label_checkboxes(content: str) -> str:
    def add_label(match):
        text = " ".join(html.unescape(_TAGS.sub("", match.group(3))).split())
        return f'{match.group(1)} aria-label="{html.escape(text)}"{match.group(2)}{match.group(3)}</li>'

    return _ITEM.sub(add_label, content)


def on_page_content(content, page, config, files, **kwargs):
    return label_checkboxes(content)


SEARCH_LABEL = {"zh": "搜索", "en": "Search"}
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output, page, config, **kwargs):
    label = SEARCH_LABEL.get(config.theme["language"], "Search")
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)
