"""The offline copy (`make offline`, OFFLINE=true): nothing from the network.

Material's offline plugin makes the site work from file:// and, for search,
adds the iframe-worker shim from unpkg.com. This hook puts the vendored copy
(docs/javascripts/vendor/iframe-worker-shim.js) in its place first, so the
offline copy works without a connection. search_per_language.py writes the
per-language search_index.js files the offline plugin would otherwise write
for the combined index.

Why: Material's offline plugin hard-codes https://unpkg.com/iframe-worker/shim
(Material 9.8, plugins/offline/plugin.py). If a page of the offline copy
still names unpkg.com, the strict build fails and names this hook.
"""

from mkdocs.plugins import event_priority

from _common import MarkupMissing, offline_enabled

SHIM = "javascripts/vendor/iframe-worker-shim.js"


@event_priority(100)  # before the offline plugin adds its unpkg.com URL
def on_config(config, **kwargs):
    if offline_enabled(config):
        polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
        config.extra["polyfills"] = [*polyfills, SHIM]
    return config


_shim_missing = MarkupMissing("offline", f'<script src="…{SHIM}"> and no unpkg.com',
                              "Material 9.8's offline plugin (extra.polyfills)")


def on_post_page(output, page, config, **kwargs):
    if offline_enabled(config) and "<script" in output:
        _shim_missing.check(SHIM in output and "unpkg.com" not in output, f"docs/{page.file.src_uri}")
    return output
