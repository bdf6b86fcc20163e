"""Accessibility fixes to Markdown extensions' output.

- pymdownx.tasklist renders each checklist box as an <input type="checkbox">
  with no label; screen readers then announce an unnamed checkbox. Each box
  gets the text of its item as its accessible name. (Declined upstream:
  https://github.com/facelessuser/pymdown-extensions/issues/1109)
- Material's search box is a role="dialog" without a name (Material 9.8,
  partials/search.html; no upstream issue); it gets one in the page's
  language.

If either markup is missing (an upgrade changed it), the strict build fails
and names this hook and the markup it expected.
"""

from __future__ import annotations

import html
import re

from _common import MarkupMissing, ui

_ITEM = re.compile(r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")(.*?</label>)(.*?)</li>', re.S)
_TAGS = re.compile(r"<[^>]+>")


def label_checkboxes(content: str) -> str:
    def add_label(match):
        text = " ".join(html.unescape(_TAGS.sub("", match.group(3))).split())
        return f'{match.group(1)} aria-label="{html.escape(text)}"{match.group(2)}{match.group(3)}</li>'

    return _ITEM.sub(add_label, content)


_checkbox_missing = MarkupMissing(
    "a11y", '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"',
    "pymdownx.tasklist with custom_checkbox: true",
)


def on_page_content(content, page, config, files, **kwargs):
    labelled = label_checkboxes(content)
    if "task-list-item" in content:
        _checkbox_missing.check(labelled != content, f"docs/{page.file.src_uri}")
    return labelled


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


_dialog_missing = MarkupMissing("a11y", _SEARCH_DIALOG, "Material 9.8 partials/search.html")


def on_post_page(output, page, config, **kwargs):
    label = ui(config.theme["language"], config)["search"]  # mkdocs.yml, extra.ui
    _dialog_missing.check(_SEARCH_DIALOG in output, f"docs/{page.file.src_uri}")
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)
