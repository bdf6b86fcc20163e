#!/usr/bin/env python3
"""Copy checks for the pages and data files, one message per problem, no build.

- Chinese pages: AutoCorrect (spaces between CJK and Latin, full-width
  punctuation) with zero issues, and 你 (never 您).
- English pages and the `en` fields of includes/*.yml: codespell, and
  American spelling (codespell's en-GB_to_en-US dictionary).
- includes/*.yml: the strict build's data-file checks (overrides/hooks/data_tables.py).
- Every page: pymarkdown with .pymarkdown.json (consistent Markdown).
- Every page: the page checks of the strict build (overrides/hooks/guide_checks.py):
  heading ids, collapsed `???` blocks, admonition titles in the page's
  language, private contacts, placeholder text from docs/_templates/.
- Every page pair: the same heading ids in the same order, admonition kinds,
  tab labels, links and images in both languages (the first difference).
- With no FILE: also the data-file checks, every page in both languages and
  every translation up to date (scripts/l10n.py check), then a one-line summary.

    python scripts/lint_copy.py [FILE ...]    default: every page in docs/ and includes/*.yml
Exit 1 if anything was found.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DOCS = ROOT / "docs"

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
from _common import TEMPLATES  # noqa: E402  docs/_templates/: skeletons, not pages
import guide_checks  # noqa: E402  the same checks as the strict build
import l10n  # noqa: E402


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md"))


def data_files(root: Path = ROOT) -> list[Path]:
    return sorted((root / "includes").glob("*.yml"))


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _is_template(path: Path) -> bool:
    return rel(path).startswith(f"docs/{TEMPLATES}")


def chinese(path: Path) -> list[str]:
    import autocorrect_py

    text = path.read_text(encoding="utf-8")
    out = [
        f"{rel(path)}:{line.line}:{line.col}: AutoCorrect: '{line.old.strip()}' -> '{line.new.strip()}'"
        for line in autocorrect_py.lint_for(text, str(path)).lines
    ]
    for number, line in enumerate(text.splitlines(), start=1):
        if "您" in line:
            out.append(f"{rel(path)}:{number}: write 你, not 您 (CONTRIBUTING.md, Chinese style)")
    return out


# ------------------------------------------------------------- English


def english_fields(text: str) -> str:
    """The text of a YAML file with everything blanked except the values of `en`
    keys, so that line numbers (and columns) stay those of the file."""
    import yaml

    spans = []

    def walk(node):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "en" and isinstance(value, yaml.ScalarNode):
                    spans.append((value.start_mark.index, value.end_mark.index))
                else:
                    walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    walk(yaml.compose(text, Loader=yaml.SafeLoader))
    keep = bytearray(len(text))
    for start, end in spans:
        keep[start:end] = b"\x01" * (end - start)
    return "".join(c if keep[i] or c == "\n" else " " for i, c in enumerate(text))


# Norwegian words, marked as the style guide says: *Mine sider*{ lang=nb }, <span lang="nb">…</span>
NORWEGIAN = r"\*[^*\n]+\*\{[^}\n]*lang=\"?nb\"?[^}\n]*\}|<([a-z]+)[^>\n]*lang=\"nb\"[^>\n]*>[^<\n]*</\1>"


def _codespell(paths: list[Path], *options: str) -> list[tuple[str, str]]:
    """(path:line, finding) for every codespell finding."""
    if not paths:
        return []
    proc = subprocess.run(
        [BIN / "codespell", "--ignore-regex", NORWEGIAN, *options, *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT,
    )
    out = []
    for line in proc.stdout.splitlines():
        where, sep, finding = line.partition(": ")
        if sep:
            out.append((where, finding.strip()))
    return out


def english(paths: list[Path], yml: list[Path] = ()) -> list[str]:
    """codespell on English files; American spelling on English pages and on the
    `en` fields of the given data files (CONTRIBUTING.md, English style)."""
    paths, yml = list(paths), list(yml)
    if not paths and not yml:
        return []
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        shown = {}  # temp file -> the data file it stands for
        for path in yml:
            try:
                text = english_fields(path.read_text(encoding="utf-8"))
            except Exception as error:  # noqa: BLE001  any YAML error: say so, check the rest
                first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                out.append(f"{rel(path)}: not valid YAML, so its English text was not spell-checked: {first}")
                continue
            stand_in = Path(tmp) / f"{len(shown)}-{path.name}"
            stand_in.write_text(text, encoding="utf-8")
            shown[str(stand_in)] = rel(path)

        def name(where: str) -> str:
            file, _, line = where.rpartition(":")
            return f"{shown.get(file, rel(Path(file)))}:{line}"

        stand_ins = [Path(p) for p in shown]
        out += [f"codespell: {name(w)}: {f}" for w, f in _codespell(paths + stand_ins)]
        american = [p for p in paths if p.name.endswith(".en.md")] + stand_ins
        for where, finding in _codespell(american, "--builtin", "en-GB_to_en-US"):
            british, _, us = (part.strip() for part in finding.partition("==>"))
            out.append(
                f"{name(where)}: '{british}' is British spelling: write '{us}' "
                f"(CONTRIBUTING.md, English style: American spelling)"
            )
    return out


# ----------------------------------------------------- structure, twins


def markdown(paths: list[Path]) -> list[str]:
    if not paths:
        return []
    proc = subprocess.run(
        [BIN / "pymarkdown", "-c", str(ROOT / ".pymarkdown.json"), "scan", *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT,
    )
    return [f"pymarkdown: {line}" for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]


def page_checks(paths: list[Path]) -> list[str]:
    """The strict build's page checks (guide_checks.page_problems), on the files as written."""
    placeholders = guide_checks.template_placeholders(DOCS / TEMPLATES)
    out = []
    for path in paths:
        if not path.name.endswith((".zh.md", ".en.md")) or _is_template(path):
            continue
        twin = path.with_name(Path(guide_checks.twin_name(path.name)).name)
        out += guide_checks.page_problems(
            path.read_text(encoding="utf-8"), rel(path),
            twin.read_text(encoding="utf-8") if twin.is_file() else None, placeholders,
        )
    return out


def twins(paths: list[Path]) -> list[str]:
    """Structure differences of every page pair that one of the paths belongs to."""
    seen, out = set(), []
    for path in paths:
        if not path.name.endswith((".zh.md", ".en.md")) or _is_template(path):
            continue
        zh = path if path.name.endswith(".zh.md") else path.with_name(path.name[: -len(".en.md")] + ".zh.md")
        en = zh.with_name(zh.name[: -len(".zh.md")] + ".en.md")
        if zh in seen or not (zh.is_file() and en.is_file()):
            continue
        seen.add(zh)
        out += guide_checks.twin_differences(
            zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"), rel(zh), rel(en)
        )
    return out


def completeness(docs: Path | None = None) -> list[str]:
    """Every page in both languages, every translation up to date (scripts/l10n.py check)."""
    docs = docs or DOCS
    suffixless = [p for p in guide_checks.missing_twins(docs) if "a page needs a language suffix" in p]
    return suffixless + l10n.problems(docs)


def data_checks(root: Path = ROOT) -> list[str]:
    """The strict build's checks of includes/*.yml (overrides/hooks/data_tables.py):
    both languages, sources and dates, kinds, messaging-app contacts."""
    import data_tables

    return data_tables.check_data_files(root)


def lint(paths: list[Path], everything: bool = False) -> list[str]:
    page_paths = [p for p in paths if p.suffix == ".md"]
    yml = [p for p in paths if p.suffix in (".yml", ".yaml") and rel(p).startswith("includes/")]
    out = []
    for path in page_paths:
        if re.search(r"\.zh\.md$", path.name):
            out += chinese(path)
    out += english([p for p in page_paths if p.name.endswith(".en.md") or p.parent == ROOT], yml)
    out += markdown(page_paths)
    out += page_checks(page_paths)
    out += twins(page_paths)
    if everything:
        out += data_checks() + completeness()
    return out


def summary(paths: list[Path], seconds: float) -> str:
    zh = sum(1 for p in paths if p.name.endswith(".zh.md") and not _is_template(p))
    en = sum(1 for p in paths if p.name.endswith(".en.md") and not _is_template(p))
    yml = sum(1 for p in paths if p.suffix == ".yml")
    return (
        f"make lint: all good: {zh} Chinese and {en} English pages, {yml} data files, "
        f"translations up to date ({seconds:.1f} s)"
    )


def main(argv: list[str]) -> int:
    started = time.monotonic()
    everything = len(argv) < 2
    paths = [Path(a).resolve() for a in argv[1:]] or pages() + data_files()
    found = lint(paths, everything)
    for line in found:
        print(line)
    if found:
        print(f"make lint: {len(found)} problem{'s' if len(found) > 1 else ''} above, "
              f"{'each ' if len(found) > 1 else ''}with the file and the fix")
        return 1
    if everything:
        print(summary(paths, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
