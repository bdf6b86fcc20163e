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


import yaml  # noqa: E402

import data_tables  # noqa: E402
from conftest import ROOT  # noqa: E402

_OPS_FILE = "includes/operators.yml"
_PHRASES_FILE = "includes/phrasebook.yml"


def _fresh(path):
    """A fresh copy of a data file, to break in one place."""
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def _validated(path, validate, change):
    """What the build reports about the data file after `change`."""
    data = _fresh(path)
    change(data)
    return validate(data, path)


_OPERATORS = _fresh(_OPS_FILE)
_PHRASES = _fresh(_PHRASES_FILE)


def _operators(change):
    return _validated(_OPS_FILE, data_tables.validate_operators, change)


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
    data = _fresh(_OPS_FILE)
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
    data = _fresh(_OPS_FILE)
    typo(data)
    message = _one(data_tables.validate_operators(data, _OPS_FILE), _OPS_FILE, "operator 'Telenor'", "'kind'", "netwrok")
    assert "use one of network, brand" in message
    for lang in ("zh", "en"):
        data_tables.render_operators(data, lang)  # no KeyError


def test_a_phone_number_without_its_source_is_named():
    def drop(data):
        del data["operators"][0]["phones"][0]["source"]
    message = _one(_operators(drop), _OPS_FILE, "operator 'Telenor', phone 915 09000", "'source'")
    assert "add 'source:'" in message


def _phrasebook(change):
    return _validated(_PHRASES_FILE, data_tables.validate_phrasebook, change)


def test_a_phrase_without_its_english_meaning_is_named():
    data = {"groups": [{"id": "new-esim", "zh": "补办新的 eSIM", "en": "Get the new eSIM"}],
            "phrases": [{"id": "cost", "group": "new-esim", "nb": "Koster det noe?", "zh": "要钱吗？"}]}
    [message] = data_tables.validate_phrasebook(data, _PHRASES_FILE)
    assert message.startswith("includes/phrasebook.yml: phrase 'cost': 'en' is missing") and "add 'en:'" in message


def test_a_phrase_without_a_group_is_named_with_the_groups():
    def drop(data):
        del next(p for p in data["phrases"] if p["id"] == "cost")["group"]
    [message] = _phrasebook(drop)
    assert message.startswith("includes/phrasebook.yml: phrase 'cost' has no 'group': add 'group: ID'")
    assert "start, what-happened, new-esim" in message


def test_a_phrase_in_an_unknown_group_is_named_with_the_groups():
    def typo(data):
        next(p for p in data["phrases"] if p["id"] == "cost")["group"] = "new-sim"
    [message] = _phrasebook(typo)
    assert message.startswith("includes/phrasebook.yml: phrase 'cost': 'group' is 'new-sim', which is not a group")
    assert "use one of start, what-happened, new-esim" in message


def test_a_group_without_phrases_is_named():
    def add(data):
        data["groups"].append({"id": "travel", "zh": "出国", "en": "Travel"})
    [message] = _phrasebook(add)
    assert message == ("includes/phrasebook.yml: group 'travel' has no phrases: give a phrase 'group: travel', "
                       "or remove the group from 'groups:'")


def test_a_group_heading_in_one_language_only_is_named():
    def drop(data):
        del data["groups"][-1]["en"]
    message = _one(_phrasebook(drop), _PHRASES_FILE, "group 'fraud'", "'en' is missing")
    assert "add 'en:' with the group's heading in English" in message


def test_a_phrasebook_without_groups_is_named():
    def drop(data):
        del data["groups"]
    problems = _phrasebook(drop)
    assert "'groups' is missing or empty" in _one(problems, "'groups'")
    assert len(problems) == 1 + len(_PHRASES["phrases"])  # and every phrase's group is unknown


def test_a_phrase_away_from_its_group_is_named():
    def move(data):
        cost = next(p for p in data["phrases"] if p["id"] == "cost")
        data["phrases"].remove(cost)
        data["phrases"].append(cost)  # after the fraud phrases
    [message] = _phrasebook(move)
    assert message.startswith("includes/phrasebook.yml: phrase 'cost' (group 'new-esim') comes after phrase "
                              "'secure-number' (group 'fraud')")
    assert "move the phrase up to the other phrases of group 'new-esim'" in message


def test_a_messaging_contact_in_a_group_heading_is_named_as_in_the_group():
    text = (ROOT / "includes" / "phrasebook.yml").read_text(encoding="utf-8")
    text = text.replace("en: Stop SIM-swap fraud", "en: Stop fraud, WeChat: esimhelper88", 1)
    [message] = data_tables.data_file_contacts(text, _PHRASES_FILE)
    assert "(group 'fraud', key 'en'): private contact 'WeChat: esimhelper88'" in message


def test_a_glossary_term_in_one_language_only_is_named():
    terms = {"terms": [{"id": "profile", "term": {"zh": "eSIM 配置文件"}, "zh": "……", "en": "…"}]}
    message = _one(data_tables.validate_glossary(terms, "includes/glossary.yml"), "includes/glossary.yml", "term 'profile'", "'term'")
    assert "add 'term.en'" in message


def test_a_chinese_glossary_term_without_pinyin_or_a_see_to_nowhere_is_named():
    terms = {"terms": [{"id": "activation-code", "term": {"zh": "激活码", "en": "activation code"}, "zh": "……", "en": "…"},
                       {"id": "personnummer", "term": "personnummer", "see": "fodsel", "zh": "……", "en": "…"}]}
    problems = data_tables.validate_glossary(terms, "includes/glossary.yml")
    assert "add 'pinyin:'" in _one(problems, "includes/glossary.yml", "term 'activation-code'", "激活码")
    assert "names no term" in _one(problems, "includes/glossary.yml", "term 'personnummer'", "'see: fodsel'")


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


# === pages, twins, nav, copy and translations (guide_checks.py, lint_copy.py, l10n.py) ===
# Each contributor mistake is fed, as text, to the function the strict build or
# `make lint` runs; the message must name the file, the line and the fix.

import logging  # noqa: E402
import sys  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402

from conftest import DOCS, ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import l10n  # noqa: E402
import lint_copy  # noqa: E402

_TEMPLATES = ROOT / "docs" / "_templates"


def _pair(tmp_path: Path, zh: str, en: str, name: str = "travel") -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / f"{name}.zh.md").write_text(zh, encoding="utf-8")
    (docs / f"{name}.en.md").write_text(en, encoding="utf-8")
    return docs / f"{name}.zh.md", docs / f"{name}.en.md"


# --- 1. messaging-app contacts --------------------------------------------------

_CONTACTS = (
    "Need help? WeChat esimhelper88",
    "有问题可以找我，微信 esimhelper88",
    "微信号：esimhelper88",
    "微信号 esimhelper88",
    "微信esimhelper88",
    "Add me on WeChat, my ID is esimhelper88",
    "WhatsApp +47 912 34 567",
    "My WhatsApp number is +47 912 34 567",
    "Telegram @x",
    "Ask on Telegram @esimhelper",
    "[Chat with us](https://t.me/esimhelper)",
    "https://wa.me/4791234567",
    "weixin://dl/chat?esimhelper88",
    "加微信 abc123",
    "加我微信：esimhelper",
    "vx: abc",
    "VX：abc",
    "加V：abc123",
    "WeChat ID: helper88",
    "QQ：12345678",
    "LINE ID: esim88",
    "Signal: +47 912 34 567",
)


@pytest.mark.parametrize("contact", _CONTACTS)
def test_a_messaging_app_contact_in_a_page_fails_with_its_line(contact):
    text = f"---\ndescription: 说明\n---\n\n# 旅行 {{ #travel }}\n\n{contact}\n"
    [message] = guide_checks.contact_problems(text, "docs/travel.zh.md")
    assert message.startswith("docs/travel.zh.md:7: private contact '"), message
    assert "remove it" in message and "official" in message


# Real sentences of the pages that warn about such contacts (docs/safety, index,
# abroad, check-it-works, contact-operator): never an alarm.
_WARNINGS = (
    "只有你的运营商能为你的号码补发 SIM 卡或 eSIM。在微信（WeChat）、WhatsApp、Telegram 上主动说能帮你补卡的人，往好了说是多此一举，往坏了说就是骗子。",
    "Only your operator can issue a new SIM or eSIM for your number. People on WeChat, WhatsApp or Telegram who offer to do it for you are unnecessary at best and fraudsters at worst.",
    "- 微信群、小红书私信、闲鱼或淘宝上说能“挪威补卡”“代实名”的；",
    '- offers in WeChat groups, Xiaohongshu (RED) messages, or on Xianyu or Taobao to "replace a Norwegian SIM" or "do the ID check for you";',
    "新的 eSIM 只找运营商的官方渠道办。微信群、小红书私信、闲鱼上自称能“帮你补卡”的人，还有各种“代办”，一律不要理。详见[不要找代办](safety.md#no-helpers)。",
    'Ignore anyone who offers to "get the eSIM for you" in a WeChat group, a Xiaohongshu message or on Xianyu, and every kind of "agent".',
    "微信、WhatsApp、Telegram 或其他聊天应用上说能“帮你补卡”的人，一律不要理会。",
    "Ignore anyone who offers to get the eSIM for you, on WeChat, WhatsApp, Telegram or any other app.",
    "微信聊天记录，用微信自带的聊天记录迁移或备份功能先存好。",
    "- Don't test with WhatsApp, WeChat or other chat apps: they use the internet, so they don't show whether the eSIM works.",
    '小红书、微信公众号、百度上搜到的“挪威运营商客服电话”也不要用。',
    "Don't use \"Norwegian operator hotlines\" found on Xiaohongshu, WeChat official accounts or Baidu either.",
    "OneCall: block it on *Mine Sider*{ lang=nb } (My pages), or call its automatic blocking line: 479 44 444.",
    "No signal: restart the phone.",
    "WhatsApp: someone says they can help. Don't answer.",
    "WeChat: don't trust group messages.",
)


@pytest.mark.parametrize("sentence", _WARNINGS)
def test_a_warning_that_names_messaging_apps_is_not_a_contact(sentence):
    assert guide_checks.private_contacts(sentence) == []


def test_the_pages_of_the_repository_have_no_contact():
    found = [p for path in sorted(DOCS.rglob("*.md")) for p in guide_checks.contact_problems(path.read_text(encoding="utf-8"), path)]
    assert found == []


# --- 2. a heading without id: the file's own line, an example in the page's language


def test_a_heading_without_id_names_the_line_of_the_file_counting_front_matter():
    text = "---\ndescription: Travel.\nl10n:\n  source_hash: 0293e756397e\n---\n\n# Travel { #travel }\n\nText.\n\n## Before you go\n"
    [message] = guide_checks.heading_problems(text, "docs/travel.en.md")
    assert message.startswith("docs/travel.en.md:11: heading has no id: '## Before you go'.")
    assert "'## Before you go { #before-you-go }'" in message and "docs/travel.zh.md" in message
    assert not guide_checks._CJK.search(message.split("Write it as", 1)[1])  # an English example


def test_a_chinese_heading_without_id_gets_a_chinese_example_and_its_twins_id():
    zh = "---\ndescription: 旅行。\n---\n\n# 出国旅行 { #travel }\n\n## 出发前\n"
    en = "---\ndescription: Travel.\n---\n\n# Travel { #travel }\n\n## Before you go { #before-you-go }\n"
    [message] = guide_checks.heading_problems(zh, "docs/travel.zh.md", en)
    assert message.startswith("docs/travel.zh.md:7: heading has no id: '## 出发前'.")
    assert "'## 出发前 { #before-you-go }'" in message and "docs/travel.en.md" in message


def test_the_build_hook_reports_the_line_of_the_file(tmp_path, caplog):
    zh, en = _pair(tmp_path, "---\ndescription: 旅行。\n---\n\n# 旅行 { #travel }\n\n## 出发前\n",
                   "---\ndescription: Travel.\n---\n\n# Travel { #travel }\n\n## Before you go { #before }\n")
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(zh), src_uri="travel.zh.md"))
    config = SimpleNamespace(docs_dir=str(zh.parent))
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.guide_checks"):
        guide_checks.on_page_markdown("# 旅行 { #travel }\n\n## 出发前\n", page=page, config=config, files=None)
    assert [r.getMessage()[:40] for r in caplog.records] == ["docs/travel.zh.md:7: heading has no id: "]


# --- 3. twins that differ: make lint and the strict build, naming both files --


_ZH = """---
description: 出国时怎么办。
---

# 出国旅行 { #travel }

## 出发前 { #before-you-go }

!!! danger "不要把二维码发给任何人"
    二维码就是你的号码。

=== "iPhone"
    打开设置。

=== "Android"
    打开设置。

见[不要找代办](safety.md#no-helpers)。

## 资料来源 { #sources }

- [Telenor](https://www.telenor.no/)
"""

_EN = """---
description: What to do abroad.
---

# Travel abroad { #travel }

## Before you go { #before-you-go }

!!! danger "Never send the QR code to anyone"
    The QR code is your number.

=== "iPhone"
    Open Settings.

=== "Android"
    Open Settings.

See [Don't use helpers](safety.md#no-helpers).

## Sources { #sources }

- [Telenor](https://www.telenor.no/)
"""


def _differences(en: str, zh: str = _ZH) -> list[str]:
    return guide_checks.twin_differences(zh, en, "docs/travel.zh.md", "docs/travel.en.md")


def test_twins_with_the_same_structure_pass():
    assert _differences(_EN) == []


def test_heading_ids_that_differ_name_both_files_and_lines():
    [message] = _differences(_EN.replace("{ #before-you-go }", "{ #before-travel }"))
    assert message.startswith("docs/travel.zh.md:7 and docs/travel.en.md:7: the 2nd heading differs")
    assert "'#before-you-go' in Chinese, '#before-travel' in English" in message and "same order" in message


def test_heading_ids_in_another_order_are_named():
    en = _EN.replace("## Before you go { #before-you-go }", "## Sources { #sources }", 1)
    en = en.replace("## Sources { #sources }\n\n- [Telenor]", "## Before you go { #before-you-go }\n\n- [Telenor]")
    [message] = _differences(en)
    assert "the same ids in a different order" in message and "'#before-you-go' in Chinese, '#sources' in English" in message


def test_a_heading_only_in_one_language_is_named():
    [message] = _differences(_EN.replace("## Sources { #sources }", "## Packing { #packing }\n\n## Sources { #sources }"))
    assert message.startswith("docs/travel.zh.md:20 and docs/travel.en.md:20: the 3rd heading differs")


def test_admonition_kinds_that_differ_are_named():
    [message] = _differences(_EN.replace('!!! danger "Never', '!!! warning "Never'))
    assert message.startswith("docs/travel.zh.md:9 and docs/travel.en.md:9: the 1st admonition differs")
    assert "'!!! danger' in Chinese, '!!! warning' in English" in message


def test_tab_labels_that_differ_are_named():
    [message] = _differences(_EN.replace('=== "Android"', '=== "Other Android phones"'))
    assert message.startswith("docs/travel.zh.md:15 and docs/travel.en.md:15: the 2nd tab differs")
    assert '=== "Google Pixel"' in message  # the labels to use


def test_links_that_differ_are_named():
    [message] = _differences(_EN.replace("safety.md#no-helpers", "safety.md#helpers"))
    assert message.startswith("docs/travel.zh.md:18: links to 'safety.md#no-helpers', but docs/travel.en.md does not")


def test_a_link_to_the_suffixed_twin_counts_as_the_same_link():
    assert _differences(_EN.replace("safety.md#no-helpers", "safety.en.md#no-helpers")) == []


def test_a_link_to_a_suffixed_page_fails_with_the_unsuffixed_name():
    [message] = guide_checks.page_problems(_EN.replace("safety.md#no-helpers", "safety.zh.md#no-helpers"), "docs/travel.en.md")
    assert message.startswith("docs/travel.en.md:18: the link 'safety.zh.md#no-helpers' names a language: write 'safety.md#no-helpers'")


def test_a_collapsed_block_fails_with_the_fix():
    en = _EN.replace('!!! danger "Never', '??? danger "Never')
    [message] = guide_checks.box_problems(en, "docs/travel.en.md")
    assert message.startswith("docs/travel.en.md:9: '??? danger \"Never send the QR code to anyone\"' is a collapsed block")
    assert "Write '!!! danger \"Never send the QR code to anyone\"' instead" in message


def test_an_admonition_titled_in_the_other_language_is_named():
    [message] = guide_checks.box_problems(_ZH.replace('"不要把二维码发给任何人"', '"Careful"'), "docs/travel.zh.md")
    assert message.startswith("docs/travel.zh.md:9: the danger box is titled in English on a Chinese page")


def test_make_lint_catches_twins_that_differ_without_a_build(tmp_path):
    zh, en = _pair(tmp_path, _ZH, _EN.replace("{ #before-you-go }", "{ #before-travel }").replace('!!! danger "Never', '??? danger "Never'))
    found = lint_copy.twins([zh]) + lint_copy.page_checks([en])
    assert any(f.startswith("docs/travel.zh.md:7 and docs/travel.en.md:7: the 2nd heading differs") for f in found), found
    assert any(f.startswith("docs/travel.en.md:9: '??? danger") for f in found), found


def test_the_build_hook_catches_twins_that_differ(tmp_path, caplog):
    _pair(tmp_path, _ZH, _EN.replace('=== "Android"', '=== "Andere"'))
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), nav=["travel.md"], plugins={})
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.guide_checks"):
        guide_checks.on_pre_build(config)
    [record] = caplog.records
    assert record.getMessage().startswith("docs/travel.zh.md:15 and docs/travel.en.md:15: the 2nd tab differs")


def test_the_page_pairs_of_the_repository_have_the_same_structure():
    assert guide_checks.structure_problems(DOCS) == []


# --- 4. an English page without its Chinese twin -------------------------------


def test_an_english_page_without_chinese_is_listed_and_fails_lint(tmp_path, monkeypatch, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "travel.en.md").write_text("# Travel { #travel }\n", encoding="utf-8")
    [problem] = l10n.problems(docs)
    assert problem.startswith(f"{docs / 'travel.en.md'} has no Chinese source: write its Chinese source")
    assert "make l10n-stamp PAGE=" in problem
    assert lint_copy.completeness(docs) == [problem]  # make lint fails on it
    monkeypatch.setattr(l10n, "DOCS", docs)
    assert l10n.main(["l10n.py", "status"]) == 0
    assert capsys.readouterr().out.startswith(f"no Chinese   {docs / 'travel.en.md'}: write its Chinese source")


def test_stamping_an_english_page_without_chinese_says_what_is_missing(tmp_path, capsys):
    (tmp_path / "travel.en.md").write_text("# Travel { #travel }\n", encoding="utf-8")
    assert l10n.main(["l10n.py", "stamp", str(tmp_path / "travel.en.md")]) == 2  # no FileNotFoundError
    error = capsys.readouterr().err
    assert f"cannot stamp {tmp_path / 'travel.en.md'}: its Chinese source {tmp_path / 'travel.zh.md'} does not exist" in error
    assert "write" in error and "first" in error


# --- 5. an explicit nav title; a page copied from docs/_templates/ -------------


def test_an_explicit_nav_title_fails_with_the_fix():
    nav = ["index.md", {"四个步骤": ["steps/find-the-cause.md", {"Travel": "travel.md"}]},
           {"GitHub": "https://github.com/"}, "safety.md"]
    [message] = guide_checks.explicit_nav_titles(nav)
    assert message.startswith("mkdocs.yml: nav entry '- Travel: travel.md' gives the page a fixed title")
    assert "remove the title and write '- travel.md'" in message and "H1" in message


def test_the_nav_of_the_repository_has_no_explicit_title():
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert guide_checks.explicit_nav_titles(config["nav"]) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_page_copied_from_the_template_fails_until_its_placeholders_are_replaced(lang):
    placeholders = guide_checks.template_placeholders(_TEMPLATES)
    text = (_TEMPLATES / f"page.{lang}.md").read_text(encoding="utf-8")
    [message] = guide_checks.template_problems(text, f"docs/travel.{lang}.md", placeholders)
    assert message.startswith(f"docs/travel.{lang}.md:2: placeholder description from docs/_templates/page.{lang}.md")
    assert "(and on lines 5, 7," in message and "Replace the placeholder title, description, text" in message
    # Only the H1 left: still named, with its line.
    title = "# 页面标题 { #travel }" if lang == "zh" else "# Page title { #travel }"
    [message] = guide_checks.template_problems(f"---\ndescription: x\n---\n\n{title}\n", f"docs/travel.{lang}.md", placeholders)
    assert message.startswith(f"docs/travel.{lang}.md:5: placeholder title") and title in message
    [message] = guide_checks.template_problems("- [Telenor](https://example.org/)\n", f"docs/travel.{lang}.md", placeholders)
    assert message.startswith(f"docs/travel.{lang}.md:1: placeholder source") and "real page" in message


def test_the_pages_of_the_repository_have_no_placeholder():
    placeholders = guide_checks.template_placeholders(_TEMPLATES)
    found = [p for path in sorted(DOCS.rglob("*.md")) if "_templates" not in path.parts
             for p in guide_checks.template_problems(path.read_text(encoding="utf-8"), path, placeholders)]
    assert found == []


# --- 6. British spelling: make lint, on pages and on the en fields of data files


def test_british_spelling_on_an_english_page_fails_lint(tmp_path):
    page = tmp_path / "travel.en.md"
    page.write_text("# Travel { #travel }\n\nThe colour of the card, the organisation.\n\nWe recognised it.\n", encoding="utf-8")
    found = lint_copy.english([page])
    assert f"{page}:3: 'colour' is British spelling: write 'color' (CONTRIBUTING.md, English style: American spelling)" in found
    assert any(f.startswith(f"{page}:3: 'organisation'") and "'organization'" in f for f in found), found
    assert any(f.startswith(f"{page}:5: 'recognised'") for f in found), found


def test_british_spelling_in_an_english_data_field_fails_lint_with_its_line(tmp_path):
    data = tmp_path / "phrasebook.yml"
    data.write_text(
        "phrases:\n  - id: colour\n    nb: Hvilken farge?\n    zh: 什么颜色？ colour\n    en: What colour is it?\n"
        "    what:\n      en: >-\n        A licence\n        to organise.\n", encoding="utf-8")
    found = lint_copy.english([], [data])
    british = [f for f in found if "British" in f]
    assert [f.split(":")[1] for f in british] == ["5", "8", "9"], found  # not line 2 (an id) nor 4 (zh)
    assert british[0].startswith(f"{data}:5: 'colour' is British spelling: write 'color'")


def test_norwegian_words_are_not_spell_checked(tmp_path):
    page = tmp_path / "t.en.md"
    page.write_text("Posted to your address (*folkeregistrert adresse*{ lang=nb }).\n", encoding="utf-8")
    assert lint_copy.english([page]) == []


# --- 7. a one-line summary; the next command for a stale page ------------------


def test_make_lint_ends_with_a_one_line_summary():
    line = lint_copy.summary([DOCS / "index.zh.md", DOCS / "index.en.md", ROOT / "includes" / "glossary.yml"], 2.34)
    assert line.startswith("make lint: all good: 1 Chinese and 1 English pages, 1 data files, translations up to date (2.3 s)") and "\n" not in line


def test_status_says_the_next_command_for_a_stale_page(tmp_path, monkeypatch, capsys):
    source, target = tmp_path / "page.zh.md", tmp_path / "page.en.md"
    source.write_text("# 标题 { #t }\n\n第一段。\n", encoding="utf-8")
    target.write_text("# Title { #t }\n\nFirst paragraph.\n", encoding="utf-8")
    l10n.stamp(target)
    source.write_text("# 标题 { #t }\n\n第一段改了。\n", encoding="utf-8")
    monkeypatch.setattr(l10n, "DOCS", tmp_path)
    l10n.main(["l10n.py", "status"])
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"stale        {target}: see what changed with: python3 scripts/l10n.py diff {target}")
    assert line.endswith(f"then run: make l10n-stamp PAGE={target}")


def test_make_lint_runs_the_data_file_checks_too(tmp_path):
    (tmp_path / "includes").mkdir()
    for path in (ROOT / "includes").glob("*.yml"):
        (tmp_path / "includes" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    phrasebook = tmp_path / "includes" / "phrasebook.yml"
    text = phrasebook.read_text(encoding="utf-8")
    phrasebook.write_text(text.replace('en: "Can we speak English?"', 'en: "Add me on WeChat esimhelper88"', 1), encoding="utf-8")
    [message] = lint_copy.data_checks(tmp_path)
    assert message.startswith("includes/phrasebook.yml:") and "private contact 'WeChat esimhelper88'" in message
# === end of pages, twins, nav, copy and translations ===============================
