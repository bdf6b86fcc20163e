#!/usr/bin/env python3
"""Copy checks for the Markdown pages, one message per problem.

- Chinese pages: AutoCorrect (spaces between CJK and Latin, full-width
  punctuation) with zero issues, and 你 (never 您).
- English pages: codespell.
- Every page: pymarkdown with .pymarkdown.json (consistent Markdown).

    python scripts/lint_copy.py [FILE ...]    default: every page in docs/
Exit 1 if anything was found.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def pages() -> list[Path]:
    return sorted(p for p in (ROOT / "docs").rglob("*.md"))


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


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


def english(paths: list[Path]) -> list[str]:
    if not paths:
        return []
    proc = subprocess.run([BIN / "codespell", *map(str, paths)], capture_output=True, text=True, cwd=ROOT)
    return [f"codespell: {line}" for line in proc.stdout.splitlines() if line.strip()]


def markdown(paths: list[Path]) -> list[str]:
    if not paths:
        return []
    proc = subprocess.run(
        [BIN / "pymarkdown", "-c", str(ROOT / ".pymarkdown.json"), "scan", *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT,
    )
    return [f"pymarkdown: {line}" for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]


def lint(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        if re.search(r"\.zh\.md$", path.name):
            out += chinese(path)
    out += english([p for p in paths if p.name.endswith(".en.md") or p.parent == ROOT])
    out += markdown(paths)
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv[1:]] or pages()
    found = lint(paths)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
