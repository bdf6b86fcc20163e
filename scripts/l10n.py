#!/usr/bin/env python3
"""Translation status: which English pages are missing or out of date.

Chinese (docs/NAME.zh.md) is the source; each English page records, in its
front matter, a hash of the Chinese text it was translated from:

    l10n:
      source_hash: 3f9a1c2b7d4e

The hash is of the source's body (front matter dropped, trailing spaces and
repeated blank lines folded), so cosmetic edits do not flag a page and it
survives shallow clones, squashes and rebases.

    python scripts/l10n.py status              list every page: up to date, stale, missing
    python scripts/l10n.py check               the same, exit 1 if anything is stale or missing
    python scripts/l10n.py stamp docs/X.en.md  after updating a translation: record the
                                               current source hash in its front matter
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SOURCE, TARGET = "zh", "en"
EXCLUDE = ("_templates/",)

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_STAMP = re.compile(r"^l10n:\n  source_hash: ([0-9a-f]+)\n", re.M)


def body(text: str) -> str:
    text = _FRONT_MATTER.sub("", text)
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def source_hash(source: Path) -> str:
    return hashlib.sha256(body(source.read_text(encoding="utf-8")).encode("utf-8")).hexdigest()[:12]


def recorded_hash(target: Path) -> str | None:
    match = _FRONT_MATTER.match(target.read_text(encoding="utf-8"))
    found = _STAMP.search(match.group(1) + "\n") if match else None
    return found.group(1) if found else None


def pairs(docs: Path = DOCS):
    """(source, target) for every source page; the target may not exist."""
    for source in sorted(docs.rglob(f"*.{SOURCE}.md")):
        if source.relative_to(docs).as_posix().startswith(EXCLUDE):
            continue
        yield source, source.with_name(source.name[: -len(f".{SOURCE}.md")] + f".{TARGET}.md")


def state(source: Path, target: Path) -> str:
    if not target.exists():
        return "missing"
    recorded = recorded_hash(target)
    if recorded is None:
        return "not stamped"
    return "up to date" if recorded == source_hash(source) else "stale"


def stamp(target: Path) -> None:
    source = target.with_name(target.name[: -len(f".{TARGET}.md")] + f".{SOURCE}.md")
    block = f"l10n:\n  source_hash: {source_hash(source)}\n"
    text = target.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if match is None:
        text = f"---\n{block}---\n\n{text}"
    else:
        front = match.group(1) + "\n"
        front = _STAMP.sub(block, front) if _STAMP.search(front) else front + block
        text = f"---\n{front}---\n" + text[match.end():]
    target.write_text(text, encoding="utf-8")


def rel(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def problems(docs: Path = DOCS) -> list[str]:
    """One line per page that needs a translator, saying what to do."""
    out = []
    for source, target in pairs(docs):
        s = state(source, target)
        if s == "missing":
            out.append(f"{rel(target)} is missing: translate {rel(source)}, then run: make l10n-stamp PAGE={rel(target)}")
        elif s == "not stamped":
            out.append(
                f"{rel(target)} has no l10n.source_hash in its front matter: check it matches "
                f"{rel(source)}, then run: make l10n-stamp PAGE={rel(target)}"
            )
        elif s == "stale":
            out.append(
                f"{rel(target)} is stale: {rel(source)} changed since it was translated. "
                f"Update the translation, then run: make l10n-stamp PAGE={rel(target)}"
            )
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "stamp" and len(argv) > 2:
        for name in argv[2:]:
            path = Path(name).resolve()
            if not path.name.endswith(f".{TARGET}.md") or not path.exists():
                print(f"stamp takes an existing docs/….{TARGET}.md page, not {name}", file=sys.stderr)
                return 2
            stamp(path)
            print(f"stamped {rel(path)}")
        return 0
    if command == "status":
        for source, target in pairs():
            print(f"{state(source, target):12} {rel(target)}")
        return 0
    if command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
