"""The offline copy (`make offline`, OFFLINE=true): nothing from the network.

Material's offline plugin makes the site work from file:// and, for search,
adds the iframe-worker shim from unpkg.com. This hook puts the vendored copy
(docs/javascripts/vendor/iframe-worker-shim.js) in its place first, so the
offline copy works without a connection. search_per_language.py writes the
per-language search_index.js files the offline plugin would otherwise write
for the combined index.
"""

from mkdocs.plugins import event_priority

from _common import offline_enabled

SHIM = "javascripts/vendor/iframe-worker-shim.js"


@event_priority(100)  # before the offline plugin adds its unpkg.com URL
def on_config(config, **kwargs):
    if offline_enabled(config):
        polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
        config.extra["polyfills"] = [*polyfills, SHIM]
    return config
