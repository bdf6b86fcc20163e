#!/usr/bin/env python3
"""The offline copy: a zip of the site that works opened from disk (file://).

    python scripts/make_offline.py [ZIP]     default: dist/esim-guide-norway-offline.zip

Builds the site with OFFLINE=true (Material's offline plugin: .html links,
search index as a script, no web worker from the network), into a folder
named esim-guide-norway/, and zips that folder. Unzip it and open
esim-guide-norway/index.html (English: esim-guide-norway/en/index.html).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from _common import OFFLINE_ZIP as ZIP_NAME  # noqa: E402  the name the print page links

FOLDER = "esim-guide-norway"


def build_offline(dest: Path, env_overrides: dict[str, str] | None = None) -> Path:
    """Build the offline copy into dest/esim-guide-norway; return that folder."""
    site = dest / FOLDER
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", **(env_overrides or {}))
    env.pop("GUIDE_PDF", None)
    env.pop("GUIDE_OFFLINE", None)
    subprocess.run(
        # SITE_ENGINE=properdocs: the same build with ProperDocs (tests/conftest.py)
        [sys.executable, "-m", os.environ.get("SITE_ENGINE", "mkdocs"), "build", "--strict", "--quiet",
         "-f", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=ROOT, env=env, check=True,
    )
    return site


def make_zip(zip_path: Path, env_overrides: dict[str, str] | None = None) -> Path:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_offline(Path(tmp), env_overrides)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for path in sorted(site.rglob("*")):
                if path.is_file() and not path.name.endswith(".gz"):
                    z.write(path, path.relative_to(site.parent).as_posix())
    return zip_path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / ZIP_NAME
    print(make_zip(target))
