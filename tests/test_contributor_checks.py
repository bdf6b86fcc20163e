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


# === data files (includes/*.yml; overrides/hooks/data_tables.py) ==================
# Each mistake is fed to the check the strict build runs; the message must name
# the file, the row and the key, and say the fix.

import copy  # noqa: E402

import yaml  # noqa: E402

import data_tables  # noqa: E402
from conftest import ROOT  # noqa: E402

_OPERATORS = yaml.safe_load((ROOT / "includes" / "operators.yml").read_text(encoding="utf-8"))
_OPS_FILE = "includes/operators.yml"


def _operators(change):
    data = copy.deepcopy(_OPERATORS)
    change(data)
    return data_tables.validate_operators(data, _OPS_FILE)


def _one(problems, *words):
    """The one message that contains all the words."""
    found = [p for p in problems if all(w in p for w in words)]
    assert len(found) == 1, f"expected one message with {words}, got: {problems}"
    return found[0]


def test_the_data_files_of_the_repository_pass_their_checks():
    assert data_tables.check_data_files(ROOT) == []


def test_a_fact_in_one_language_only_is_named():
    def drop_en(data):
        del data["facts"][0]["en"]
    message = _one(_operators(drop_en), _OPS_FILE, f"fact '{_OPERATORS['facts'][0]['id']}'", "'en'")
    assert "only in zh" in message and "add 'en:'" in message


def test_a_field_in_one_language_only_is_named():
    def half(data):
        data["operators"][1]["self_service"] = {"en": "Mine sider or the Telia app"}
    message = _one(_operators(half), _OPS_FILE, "operator 'Telia'", "'self_service'")
    assert "no zh text" in message and "add 'self_service.zh'" in message


def test_a_row_without_sources_is_named():
    def drop(data):
        del data["operators"][0]["sources"]
    message = _one(_operators(drop), _OPS_FILE, "operator 'Telenor'", "'sources'")
    assert "add 'sources:'" in message


def test_a_row_without_checked_is_named_without_a_traceback():
    def drop(data):
        del data["operators"][2]["checked"]
    data = copy.deepcopy(_OPERATORS)
    drop(data)
    message = _one(data_tables.validate_operators(data, _OPS_FILE), _OPS_FILE, "operator 'Ice'", "'checked'")
    assert "add 'checked: YYYY-MM-DD'" in message
    data_tables.render_operators(data, "zh")  # still renders: no KeyError


def test_a_bad_date_is_named():
    def bad(data):
        data["facts"][1]["checked"] = "2.12.2026"
    message = _one(_operators(bad), _OPS_FILE, f"fact '{_OPERATORS['facts'][1]['id']}'", "'checked'")
    assert "not a date" in message and "YYYY-MM-DD" in message


def test_a_kind_typo_is_named_without_a_traceback():
    def typo(data):
        data["operators"][0]["kind"] = "netwrok"
    data = copy.deepcopy(_OPERATORS)
    typo(data)
    message = _one(data_tables.validate_operators(data, _OPS_FILE), _OPS_FILE, "operator 'Telenor'", "'kind'", "netwrok")
    assert "use one of network, brand" in message
    for lang in ("zh", "en"):
        data_tables.render_operators(data, lang)  # no KeyError


def test_a_phone_number_without_its_source_is_named():
    def drop(data):
        del data["operators"][0]["phones"][0]["source"]
    message = _one(_operators(drop), _OPS_FILE, "operator 'Telenor', phone 09000", "'source'")
    assert "add 'source:'" in message


def test_a_phrase_without_its_english_meaning_is_named():
    message = _one(data_tables.validate_phrasebook({"phrases": [{"id": "cost", "nb": "Koster det noe?", "zh": "要钱吗？"}]},
                                                   "includes/phrasebook.yml"),
                   "includes/phrasebook.yml", "phrase 'cost'", "'en'")
    assert "add 'en:'" in message


def test_a_glossary_term_in_one_language_only_is_named():
    terms = {"terms": [{"id": "profile", "term": {"zh": "eSIM 配置文件"}, "zh": "……", "en": "…"}]}
    message = _one(data_tables.validate_glossary(terms, "includes/glossary.yml"), "includes/glossary.yml", "term 'profile'", "'term'")
    assert "add 'term.en'" in message


def test_an_unknown_mdx_marker_is_named_with_the_valid_ones():
    [message] = data_tables.marker_problems("# T { #t }\n\n<!-- mdx:operator -->\n", "docs/steps/contact-operator.zh.md", ["blocked-fee"])
    assert message.startswith("docs/steps/contact-operator.zh.md:3: unknown marker '<!-- mdx:operator -->'")
    assert "<!-- mdx:operators -->" in message and "<!-- mdx:fact ID -->" in message


def test_an_unknown_fact_id_is_named_with_the_valid_ones():
    ids = [f["id"] for f in _OPERATORS["facts"]]
    [message] = data_tables.marker_problems("挂失期间<!-- mdx:fact blocked-fees -->", "docs/lost-phone.zh.md", ids)
    assert message.startswith("docs/lost-phone.zh.md:1: unknown fact id 'blocked-fees'")
    assert "blocked-fee," in message and "includes/operators.yml" in message


def test_a_messaging_contact_in_a_data_file_is_named():
    text = (ROOT / "includes" / "phrasebook.yml").read_text(encoding="utf-8")
    text = text.replace('en: "Can we speak English?"', 'en: "Need help? WeChat: esimhelper88"', 1)
    [message] = data_tables.data_file_contacts(text, "includes/phrasebook.yml")
    number = text.splitlines().index('    en: "Need help? WeChat: esimhelper88"') + 1
    assert message.startswith(f"includes/phrasebook.yml:{number} (phrase 'speak-english', key 'en'): private contact 'WeChat: esimhelper88'")
    assert "remove it" in message


def test_a_messaging_link_in_the_operator_file_is_named():
    text = (ROOT / "includes" / "operators.yml").read_text(encoding="utf-8")
    text = text.replace("zh: 自动挂失电话", "zh: 自动挂失电话，或者 https://t.me/onecallhelp", 1)
    [message] = data_tables.data_file_contacts(text, _OPS_FILE)
    assert "(operator 'OneCall', key 'zh')" in message and "t.me" in message


def test_an_old_marker_is_named_with_its_new_name():
    [message] = data_tables.marker_problems("# 常用句 { #phrasebook }\n\n<!-- phrasebook -->\n", "docs/phrasebook.zh.md", [])
    assert message == "docs/phrasebook.zh.md:3: '<!-- phrasebook -->' is the old marker: write '<!-- mdx:phrasebook -->'"
# === end of data files ================================================================
