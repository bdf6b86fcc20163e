"""Upgrades fail loudly, and the picture of the build matches the code.

- overrides/hooks/README.md's table lists the hooks of mkdocs.yml, in the
  same order, with the same purposes and the events each hook defines;
- MkDocs is 1.6 (static-i18n itself would accept MkDocs 2);
- theme markup a hook relies on, renamed as an upgrade might, fails the
  strict build with a message naming the hook and the markup;
- the site under test was built by the engine asked for (SITE_ENGINE).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ENGINE, ROOT, build_command

HOOKS = ROOT / "overrides" / "hooks"
_HOOK_LINE = re.compile(r"^\s*-\s*overrides/hooks/(\w+\.py)\s*#\s*(.+?)\s*$")
_ROW = re.compile(r"^\|\s*`(\w+\.py)`\s*\|(.*)\|\s*$")


def _mkdocs_hooks() -> list[tuple[str, str]]:
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return [m.groups() for m in map(_HOOK_LINE.match, lines) if m]


def _table() -> list[tuple[str, list[str]]]:
    rows = []
    for line in (HOOKS / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            rows.append((match.group(1), [cell.strip() for cell in match.group(2).split("|")]))
    return rows


def test_the_build_table_lists_the_hooks_of_mkdocs_yml_in_order_with_their_purposes():
    hooks, table = _mkdocs_hooks(), _table()
    assert [name for name, _ in hooks] == [name for name, _ in table], (
        "overrides/hooks/README.md's table and mkdocs.yml's hooks: differ in names or order"
    )
    for (name, purpose), (_, cells) in zip(hooks, table):
        assert cells[0].replace("`", "") == purpose, (
            f"{name}: mkdocs.yml says '{purpose}', overrides/hooks/README.md says '{cells[0]}': say the same"
        )
    listed = {p.name for p in HOOKS.glob("*.py") if not p.name.startswith("_")}
    assert listed == {name for name, _ in hooks}, "a hook file is not in mkdocs.yml's hooks: (or the other way)"


def test_the_build_table_names_the_events_each_hook_uses():
    for name, cells in _table():
        tree = ast.parse((HOOKS / name).read_text(encoding="utf-8"))
        defined = {node.name[3:] for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")}
        named = set(re.findall(r"([a-z_]+)(?:\s*\(-?\d+\))?", cells[1]))
        assert defined == named, f"{name}: defines on_{sorted(defined)}, the table says {sorted(named)}"


def test_mkdocs_is_1_6_whatever_static_i18n_would_accept():
    import mkdocs

    assert mkdocs.__version__.startswith("1.6."), (
        f"MkDocs {mkdocs.__version__} is installed: MkDocs 2 drops plugins; keep mkdocs==1.6.1 in requirements.txt"
    )


def test_the_site_was_built_by_the_engine_asked_for(soup):
    generator = soup("index", "zh").select_one('meta[name="generator"]')["content"]
    assert ("ProperDocs" in generator) == (ENGINE == "properdocs"), f"SITE_ENGINE={ENGINE}, built by {generator}"


def _copy_of_the_project(tmp_path: Path) -> Path:
    for name in ("docs", "includes", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _material_template(name: str) -> str:
    import material

    return (Path(material.__file__).parent / "templates" / name).read_text(encoding="utf-8")


# (Material template, markup in it, renamed to, the hook that must say so)
RENAMED = [
    ("partials/search.html", 'class="md-search"', 'class="md-search-renamed"', "a11y"),
    ("base.html", 'class="md-content__inner md-typeset"', 'class="md-content__inner md-typeset-renamed"', "whole_guide"),
]


@pytest.mark.parametrize("template, markup, renamed, hook", RENAMED, ids=[r[3] for r in RENAMED])
def test_a_renamed_theme_class_fails_the_strict_build_naming_the_hook(tmp_path, template, markup, renamed, hook):
    project = _copy_of_the_project(tmp_path / "project")
    text = _material_template(template)
    assert markup in text, f"Material's {template} has no {markup} any more: update RENAMED and the hook"
    override = project / "overrides" / template
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(text.replace(markup, renamed), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    for flag in ("GUIDE_PDF", "GUIDE_OFFLINE", "OFFLINE", "ISSUES_URL", "SITE_URL"):
        env.pop(flag, None)
    proc = subprocess.run(build_command(tmp_path / "site", project / "mkdocs.yml"), cwd=project, env=env,
                          capture_output=True, text=True)
    assert proc.returncode != 0, f"the strict build passed with {renamed} in Material's {template}"
    expected = f"overrides/hooks/{hook}.py: expected markup not found"
    assert expected in proc.stderr, f"no '{expected}' in the build's output:\n{proc.stderr[-3000:]}"
    [line] = [line for line in proc.stderr.splitlines() if expected in line]
    assert markup.split('"')[1] in line  # the markup it expected, by name


def test_nothing_in_the_built_site_needs_more_than_the_security_policy_allows(site):
    import csp

    assert csp.blocked_by_policy(site) == []


def _leaves(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}[{index}]")
    else:
        yield path, str(value)


def test_the_sites_own_words_are_in_both_languages_and_chinese_ones_use_full_width_punctuation():
    from _common import LANGUAGES, ui

    shapes = {lang: [path for path, _ in _leaves(ui(lang))] for lang in LANGUAGES}
    zh_keys = {path.split("[")[0] for path in shapes["zh"]}
    for lang in LANGUAGES:
        assert {path.split("[")[0] for path in shapes[lang]} == zh_keys, f"mkdocs.yml extra.ui.{lang}: other keys than zh"
    for path, text in _leaves(ui("zh")):
        # ASCII punctuation next to a Chinese character (LPA:1$ and index.html stay as they are)
        mixed = re.search(r"[\u4e00-\u9fff][,.;:?!()]|[,;:?!()][\u4e00-\u9fff]", text)
        assert not mixed, f"mkdocs.yml extra.ui.zh{path}: '{mixed.group(0)}' in '{text}': use ，。；：？！（）"


def test_the_code_helper_gets_every_message_in_each_language():
    import data_tables
    from _common import LANGUAGES

    for lang in LANGUAGES:
        tag = data_tables.code_helper(lang)
        for name, _ in data_tables.CODE_HELPER_ATTRIBUTES:
            assert re.search(rf'\n  {name}="[^"]+"', tag), f"{lang}: {name} is missing or empty"
