"""The build-time checks in overrides/hooks/guide_checks.py catch contributor
mistakes and say which file to fix. Each check is fed a real mistake here."""

from pathlib import Path

import guide_checks
from conftest import DOCS


def test_the_repository_has_no_page_without_twin():
    assert guide_checks.missing_twins(DOCS) == []


def test_a_page_without_twin_is_named(tmp_path: Path):
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "new-step.zh.md").write_text("# 新 { #new }\n", encoding="utf-8")
    (tmp_path / "index.zh.md").write_text("# 首页 { #home }\n", encoding="utf-8")
    (tmp_path / "index.en.md").write_text("# Home { #home }\n", encoding="utf-8")
    problems = guide_checks.missing_twins(tmp_path)
    assert len(problems) == 1
    assert "docs/steps/new-step.zh.md has no twin" in problems[0]
    assert "add docs/steps/new-step.en.md" in problems[0]


def test_a_page_without_language_suffix_is_named(tmp_path: Path):
    (tmp_path / "faq.md").write_text("# FAQ { #faq }\n", encoding="utf-8")
    [problem] = guide_checks.missing_twins(tmp_path)
    assert problem.startswith("docs/faq.md:") and "faq.zh.md" in problem


def test_a_heading_without_id_is_found_with_its_line():
    text = "# 标题 { #title }\n\n## 联系运营商\n\n```sh\n# a comment, not a heading\n```\n### Ok { #ok }\n"
    assert guide_checks.headings_without_id(text) == [(3, "## 联系运营商")]


def test_a_non_ascii_id_does_not_count_as_an_id():
    assert guide_checks.headings_without_id("## 联系 { #联系运营商 }") == [(1, "## 联系 { #联系运营商 }")]


def test_messaging_app_contacts_are_found():
    for contact in (
        "有问题加微信：abc_123",
        "WeChat ID: helper88",
        "Telegram @esimhelper",
        "[联系我](https://t.me/someone)",
        "https://wa.me/4712345678",
        "QQ：12345678",
    ):
        assert guide_checks.private_contacts(contact), contact


def test_warnings_that_only_name_the_apps_are_allowed():
    text = "不要相信在微信、WhatsApp 或 Telegram 上自称能帮你补卡的人。Never trust helpers on WeChat, WhatsApp or Telegram."
    assert guide_checks.private_contacts(text) == []


class _Item:
    def __init__(self, title, children=()):
        self.title, self.children = title, list(children)


def test_an_untranslated_section_name_is_found_on_the_english_site_only():
    nav = [_Item("Home"), _Item("四个步骤", [_Item("Step 1"), _Item("第二步")])]
    assert guide_checks.untranslated_nav_titles(nav, "en") == ["四个步骤", "第二步"]
    assert guide_checks.untranslated_nav_titles(nav, "zh") == []
