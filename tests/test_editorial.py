"""Editorial checks: translations cannot drift silently, copy follows the
style guide, and both languages of a page have the same structure."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

from conftest import LANGS, ROOT, article, page_stems

sys.path.insert(0, str(ROOT / "scripts"))
import l10n  # noqa: E402
import lint_copy  # noqa: E402

STEMS = page_stems()


def test_no_translation_is_stale_or_missing():
    problems = l10n.problems()
    assert not problems, "translations to update:\n" + "\n".join(problems)


def test_staleness_follows_the_source_not_cosmetics(tmp_path: Path):
    source, target = tmp_path / "page.zh.md", tmp_path / "page.en.md"
    source.write_text("---\ndescription: 说明\n---\n\n# 标题 { #t }\n\n第一段。\n", encoding="utf-8")
    target.write_text("---\ndescription: About\n---\n\n# Title { #t }\n\nFirst paragraph.\n", encoding="utf-8")
    assert l10n.state(source, target) == "not stamped"
    l10n.stamp(target)
    assert l10n.state(source, target) == "up to date"
    assert target.read_text(encoding="utf-8").startswith("---\ndescription: About\nl10n:\n  source_hash: ")
    # Trailing spaces, extra blank lines and front matter do not count …
    source.write_text("---\ndescription: 新说明\n---\n\n# 标题 { #t }   \n\n\n\n第一段。\n", encoding="utf-8")
    assert l10n.state(source, target) == "up to date"
    # … a changed sentence does, and the message says how to fix it.
    source.write_text("# 标题 { #t }\n\n第一段改了。\n", encoding="utf-8")
    assert l10n.state(source, target) == "stale"
    [problem] = l10n.problems(tmp_path)
    assert "page.en.md is stale" in problem and "make l10n-stamp PAGE=" in problem


def test_chinese_pages_pass_autocorrect_and_use_ni():
    found = [p for path in (ROOT / "docs").rglob("*.zh.md") for p in lint_copy.chinese(path)]
    assert not found, "\n".join(found)


def test_the_chinese_check_catches_bad_copy(tmp_path: Path):
    bad = tmp_path / "bad.zh.md"
    bad.write_text("# 标题 { #t }\n\n请您打开设置,找到eSIM。\n", encoding="utf-8")
    found = "\n".join(lint_copy.chinese(bad))
    assert "AutoCorrect" in found and "write 你, not 您" in found


def test_english_pages_pass_codespell():
    found = lint_copy.english(sorted((ROOT / "docs").rglob("*.en.md")) + [ROOT / "README.md", ROOT / "CONTRIBUTING.md"])
    assert not found, "\n".join(found)


def test_markdown_is_consistently_formatted():
    found = lint_copy.markdown(sorted((ROOT / "docs").rglob("*.md")))
    assert not found, "\n".join(found)


def _links(soup_page) -> list[str]:
    content = copy.copy(article(soup_page))  # the parsed page is shared: don't change it
    for meta in content.select(".mdx-guide__meta"):  # the print page's title block names its own language's URL
        meta.decompose()
    return sorted(a["href"] for a in content.find_all("a", href=True))


@pytest.mark.parametrize("stem", STEMS)
def test_both_languages_link_to_the_same_places(soup, stem):
    zh, en = _links(soup(stem, "zh")), _links(soup(stem, "en"))
    only_zh = sorted(set(zh) - set(en))
    only_en = sorted(set(en) - set(zh))
    assert not only_zh and not only_en, (
        f"{stem}: links differ between languages\n only in zh: {only_zh}\n only in en: {only_en}"
    )


@pytest.mark.parametrize("stem", STEMS)
def test_both_languages_have_the_same_images(soup, stem):
    zh, en = ([img["src"] for img in article(soup(stem, lang)).find_all("img")] for lang in LANGS)
    assert zh == en, f"{stem}: images differ between languages"
