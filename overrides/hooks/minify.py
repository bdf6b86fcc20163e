"""Our own CSS and JavaScript, without comments and spaces, in the built site.

docs/stylesheets/extra.css and docs/javascripts/guide.js are written for the
next maintainer, with many comments; readers load them on every page.
mkdocs-minify-plugin would do this, but its file minification fails with
mkdocs-static-i18n (ultrabug/mkdocs-static-i18n#327), so this hook calls the
same minifiers (jsmin, csscompressor) on the two files after the build.
`mkdocs serve` leaves them as written, for debugging.
"""

from pathlib import Path

from csscompressor import compress
from jsmin import jsmin

FILES = {
    "stylesheets/extra.css": compress,
    "javascripts/guide.js": jsmin,
}
_serving = False


def on_startup(command, **kwargs):
    global _serving
    _serving = command == "serve"


def on_post_build(config, **kwargs):
    if _serving:
        return
    site = Path(config.site_dir)
    for name, minify in FILES.items():
        path = site / name
        if path.is_file():  # mkdocs-static-i18n's second build (site/en/) has no copy of its own
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
