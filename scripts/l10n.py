#!/usr/bin/env python3
"""Translation status: which English pages are missing or out of date.

Chinese (docs/NAME.zh.md) is the source; each English page records, in its
front matter, a hash of the Chinese text it was translated from:

    l10n:
      source_hash: 3f9a1c2b7d4e

The hash is of the source's body (front matter dropped, trailing spaces and
repeated blank lines folded), so cosmetic edits do not flag a page and it
survives shallow clones, squashes and rebases.

    python scripts/l10n.py status              list every page: up to date, stale, missing, not
                                               stamped, or no Chinese (an English page without its
                                               source), with the next command for each
    python scripts/l10n.py check               one line per page to fix, exit 1 if there is any
    python scripts/l10n.py diff docs/X.en.md   what changed in the Chinese page since the English
                                               one was stamped (from the commit it was stamped at)
    python scripts/l10n.py stamp docs/X.en.md  after updating a translation: record the
                                               current source hash in its front matter
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from _common import LANGUAGES, TEMPLATES  # noqa: E402  the languages and names the build uses

SOURCE, TARGET = LANGUAGES  # Chinese is the source, English the translation
EXCLUDE = (TEMPLATES,)

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


def source_of(target: Path) -> Path:
    return target.with_name(target.name[: -len(f".{TARGET}.md")] + f".{SOURCE}.md")


def orphans(docs: Path = DOCS) -> list[Path]:
    """English pages whose Chinese source does not exist."""
    return [
        target for target in sorted(docs.rglob(f"*.{TARGET}.md"))
        if not target.relative_to(docs).as_posix().startswith(EXCLUDE) and not source_of(target).exists()
    ]


def state(source: Path, target: Path) -> str:
    if not source.exists():
        return "no Chinese"
    if not target.exists():
        return "missing"
    recorded = recorded_hash(target)
    if recorded is None:
        return "not stamped"
    return "up to date" if recorded == source_hash(source) else "stale"


def stamp(target: Path) -> None:
    source = source_of(target)
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


def next_step(source: Path, target: Path, s: str) -> str:
    """What to do about a page in state s, ending in the command to run ('' if nothing)."""
    stamp_it = f"make l10n-stamp PAGE={rel(target)}"
    return {
        "no Chinese": f"write its Chinese source {rel(source)} first (Chinese is the source; every page "
                      f"exists in both languages), then run: {stamp_it}",
        "missing": f"translate {rel(source)} into it, then run: {stamp_it}",
        "not stamped": f"check it matches {rel(source)}, then run: {stamp_it}",
        "stale": f"see what changed with: python3 scripts/l10n.py diff {rel(target)}; update the "
                 f"translation, then run: {stamp_it}",
    }.get(s, "")


def stamped_commit(target: Path) -> str | None:
    """The newest commit whose Chinese source has the hash recorded in target."""
    recorded, source = recorded_hash(target), source_of(target)
    if recorded is None:
        return None
    log = subprocess.run(["git", "log", "--format=%H", "--", rel(source)], cwd=ROOT, capture_output=True, text=True)
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "show", f"{commit}:{rel(source)}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0 and hashlib.sha256(body(shown.stdout).encode("utf-8")).hexdigest()[:12] == recorded:
            return commit
    return None


def diff(target: Path) -> int:
    source = source_of(target)
    commit = stamped_commit(target)
    if commit is None:
        print(f"{rel(target)} was stamped from a text of {rel(source)} that is in no commit; "
              f"showing the uncommitted changes (git diff HEAD -- {rel(source)})", file=sys.stderr)
        commit = "HEAD"
    else:
        print(f"changes to {rel(source)} since {commit[:12]}, the version {rel(target)} was translated from:",
              file=sys.stderr)
    return subprocess.run(["git", "diff", commit, "--", rel(source)], cwd=ROOT).returncode


def every_page(docs: Path = DOCS):
    """(source, target) of every page in either language, sorted by the English name."""
    return sorted([*pairs(docs), *((source_of(t), t) for t in orphans(docs))], key=lambda st: st[1])


def problems(docs: Path = DOCS) -> list[str]:
    """One line per page that needs a translator, saying what to do."""
    out = []
    for source, target in every_page(docs):
        s = state(source, target)
        if s == "no Chinese":
            out.append(f"{rel(target)} has no Chinese source: {next_step(source, target, s)}")
        elif s == "missing":
            out.append(f"{rel(target)} is missing: {next_step(source, target, s)}")
        elif s == "not stamped":
            out.append(f"{rel(target)} has no l10n.source_hash in its front matter: {next_step(source, target, s)}")
        elif s == "stale":
            out.append(
                f"{rel(target)} is stale: {rel(source)} changed since it was translated. "
                f"{next_step(source, target, s)[0].upper()}{next_step(source, target, s)[1:]}"
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
            if not source_of(path).exists():
                print(
                    f"cannot stamp {rel(path)}: its Chinese source {rel(source_of(path))} does not exist. "
                    f"Chinese is the source: write {rel(source_of(path))} first (or rename it, if it has "
                    f"another name), then run: make l10n-stamp PAGE={rel(path)}",
                    file=sys.stderr,
                )
                return 2
            stamp(path)
            print(f"stamped {rel(path)}")
        return 0
    if command == "diff" and len(argv) == 3:
        path = Path(argv[2]).resolve()
        if not path.name.endswith(f".{TARGET}.md") or not path.exists() or not source_of(path).exists():
            print(f"diff takes an existing docs/….{TARGET}.md page that has its Chinese source, not {argv[2]}",
                  file=sys.stderr)
            return 2
        return diff(path)
    if command == "status":
        for source, target in every_page(DOCS):
            s = state(source, target)
            step = next_step(source, target, s)
            print(f"{s:12} {rel(target)}" + (f": {step}" if step else ""))
        return 0
    if command == "check":
        found = problems(DOCS)
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
