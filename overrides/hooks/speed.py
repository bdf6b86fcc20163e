"""What happens around Material's stylesheets and bundle, for a quick first view.

1. Every page from the page alone. Material's stylesheet (23 KiB
   compressed), the palette's and ours block the first paint, and Lighthouse's
   slow phone counts every file that arrived before the largest paint as part
   of it. So each page carries, in a <style> in <head>, the rules of the three
   stylesheets that its own elements can use (`critical_css`: a rule is kept
   unless its selector names a class, id or tag that the page does not have;
   states, pseudo-classes and attribute selectors are taken as matching, the
   `js` and `mdx-js` classes too, so the page looks the same before and after
   the full stylesheets, on screen and in print), and <noscript> links the
   full ones for readers without JavaScript. The full stylesheets, then
   Material's bundle and our script, load at the reader's first scroll,
   touch, move or key (includes/load-after-paint.js, inlined at the end of
   <body>, with their addresses in a JSON <script>), in the order the theme
   gave them; a first tap or key that only they answer is replayed then.
   scripts/csp.py allows each page's <style> by its hash. The whole-guide
   page is done in on_post_build, after whole_guide.py has filled it in.
   extra.css reserves the header space the scripts fill in, so nothing moves.
2. The page as the bundle will leave it, before the first touch. A first
   visit in dark mode is dark from the first paint: Material's inline script
   after the colour toggle applies only a colour the reader has chosen
   before; the colour that matches the system (the first toggle option
   whose media query matches) is set by its bundle. So `SYSTEM_PALETTE`
   runs right after Material's script: with no saved choice, it sets the
   same attributes the bundle will set. After the header,
   includes/header-before-scripts.js shows the colour toggle's icon and
   marks the page `mdx-js`, so that extra.css shows the search, which
   Material hides until its bundle has run. scripts/csp.py allows both by
   their hashes.
3. Search on demand: includes/search-on-demand.js, minified, is inlined just
   before the bundle. It must run before the bundle starts; inline, it costs
   no extra request, and scripts/csp.py allows it by its hash like Material's
   own inline scripts. (A separate file loaded first made the bundle's start
   slower in Lighthouse.)

Relies on Material 9.8's base.html: <link rel="stylesheet" href="…"> in
<head>, a plain <script src="…/bundle.*.min.js"> (the bundle starts on
DOMContentLoaded), the palette script after the colour toggle, </header>; inside the
bundle, the index requested with XMLHttpRequest and the search worker made
with `new Worker` (what search-on-demand.js intercepts). If one is missing,
the strict build fails and names this hook.
"""

import json
import logging
import re
from pathlib import Path

from csscompressor import compress
from jsmin import jsmin

from _common import PRINT_PAGE, ROOT, SEARCH_ON_DEMAND, MarkupMissing, is_nested_build
from _common import message as missing_message

LOAD_AFTER_PAINT = ROOT / "includes" / "load-after-paint.js"
HEADER_BEFORE_SCRIPTS = ROOT / "includes" / "header-before-scripts.js"
_SCRIPT = re.compile(r'<script src="([^"]*(?:assets/javascripts/bundle\.[0-9a-f]+\.min\.js|javascripts/guide\.js))"></script>\s*')
_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">\s*')
_inline = ""
_loader = ""
_before = ""
_css: dict[str, str] = {}   # stylesheet path in the site -> its text, minified
_later: list[Path] = []     # pages whose stylesheets are inlined in on_post_build (the whole guide)
_stylesheets_missing = MarkupMissing("speed", '<link rel="stylesheet" href="…"> in <head>', "Material 9.8 base.html")
_bundle_missing = MarkupMissing("speed", '<script src="…assets/javascripts/bundle.<hash>.min.js"></script>',
                                "Material 9.8 base.html")
log = logging.getLogger("mkdocs.hooks.speed")
# What includes/search-on-demand.js intercepts in Material's bundle.
BUNDLE_NEEDS = ("XMLHttpRequest", "search_index.json", "new Worker(")


# After Material's palette script (<script>var palette=__md_get("__palette")…):
# with no saved choice, the colours of the first option matching the system.
_PALETTE_SCRIPT = re.compile(r'<script>var palette=__md_get\("__palette"\);.*?</script>', re.S)
SYSTEM_PALETTE = (
    '<script>if(!__md_get("__palette"))for(var o of document.querySelectorAll("[data-md-color-media]"))'
    'if(matchMedia(o.getAttribute("data-md-color-media")).matches){for(var k of["scheme","primary","accent"])'
    'document.body.setAttribute("data-md-color-"+k,o.getAttribute("data-md-color-"+k));break}</script>'
)
# The end of Material's header: includes/header-before-scripts.js comes right after it.
_HEADER_END = re.compile(r'</header>')
_header_missing = MarkupMissing("speed", "</header>", "Material 9.8 partials/header.html")
_palette_missing = MarkupMissing("speed", '<script>var palette=__md_get("__palette");…</script>',
                                 "Material 9.8 partials/javascripts/palette.html")


def on_pre_build(config, **kwargs):
    global _inline, _loader, _before
    _inline = "<script>" + jsmin(SEARCH_ON_DEMAND.read_text(encoding="utf-8")) + "</script>"
    _before = "<script>" + jsmin(HEADER_BEFORE_SCRIPTS.read_text(encoding="utf-8")) + "</script>"
    _loader = "<script>" + jsmin(LOAD_AFTER_PAINT.read_text(encoding="utf-8")) + "</script>"
    _css.clear()
    _later.clear()
    _stylesheets_missing.reset()
    _palette_missing.reset()
    _header_missing.reset()


def on_post_page(output, page, config, **kwargs):
    where = f"docs/{page.file.src_uri}"
    palette = _PALETTE_SCRIPT.search(output)
    _palette_missing.check(bool(palette), where)
    if palette:
        output = output[:palette.end()] + SYSTEM_PALETTE + output[palette.end():]
    header = _HEADER_END.search(output)
    _header_missing.check(bool(header), where)
    if header:
        output = output[:header.end()] + _before + output[header.end():]
    match = _BUNDLE.search(output)
    _bundle_missing.check(bool(match), where)
    if not match:
        return output
    scripts = _SCRIPT.findall(output)
    output = output[:match.start()] + _inline + output[match.start():]
    output = _SCRIPT.sub("", output)
    head, body = output.split("</head>", 1)
    styles = _STYLESHEET.findall(head)
    _stylesheets_missing.check(bool(styles), where)
    whole_guide = Path(page.file.src_uri).name.split(".")[0] == PRINT_PAGE
    later = {"styles": styles, "scripts": scripts}
    body = body.replace("</body>", '<script id="__mdx-later" type="application/json">'
                        + json.dumps(later, separators=(",", ":")) + "</script>" + _loader + "</body>", 1)
    output = head + "</head>" + body
    if whole_guide:
        _later.append(Path(page.file.abs_dest_path))  # whole_guide.py fills it in on_post_build
        return output
    return inline_stylesheets(output, config)


def inline_stylesheets(output: str, config) -> str:
    """The page's <link rel="stylesheet">s become one <style> with the rules
    its elements can use, and the same links in <noscript>."""
    head, body = output.split("</head>", 1)
    links = list(_STYLESHEET.finditer(head))
    if not links:
        return output
    css = "".join(stylesheet(match.group(1), config) for match in links)
    noscript = "<noscript>" + "".join(match.group(0).strip() for match in links) + "</noscript>"
    first = links[0].start()
    head = _STYLESHEET.sub("", head[:first]) + "<style>" + critical_css(css, output) + "</style>" + noscript \
        + _STYLESHEET.sub("", head[first:])
    return head + "</head>" + body


def stylesheet(href: str, config) -> str:
    """A stylesheet's text, minified, from the theme or docs/ (the built site
    may not have it yet, or only in the other language's folder)."""
    path = re.sub(r"^(?:\.\./|\./)+", "", href.split("?")[0])
    if path not in _css:
        for folder in [*config.theme.dirs, config.docs_dir]:
            file = Path(folder) / path
            if file.is_file():
                text = file.read_text(encoding="utf-8")
                # Material's own files come minified. csscompressor would take
                # the spaces out of their SVG icons (data: URIs inside custom
                # properties: `<svgxmlns=…viewBox='002424'>`), and an icon
                # drawn from the inlined rules would be empty.
                _css[path] = re.sub(r"/\*#\s*sourceMappingURL=[^*]*\*/", "", text) if path.endswith(".min.css") \
                    else compress(text)
                break
        else:
            raise FileNotFoundError(f"overrides/hooks/speed.py: stylesheet {href} not found in the theme or docs/")
    return _css[path]


# --- the rules a page can use -------------------------------------------------

_FUNCTIONAL = re.compile(r"::?[a-zA-Z-]+\(")
_PSEUDO = re.compile(r"::?[a-zA-Z-]+")
_ATTRIBUTE = re.compile(r"\[\s*([\w-]+)\s*(?:[~|^$*]?=\s*(\"[^\"]*\"|'[^']*'|[^\]\s]*))?[^\]]*\]")
_NAMES = re.compile(r"([.#])((?:\\.|[\w-])+)|(?:^|(?<=[\s>+~]))([a-zA-Z][\w-]*)")
# Attribute values the palette stylesheet selects on, checked against the
# page: one colour of 19 is used. Every other attribute selector is taken as
# matching (the palette script and Material's bundle change them).
_CHECKED_ATTRIBUTES = ("data-md-color-primary", "data-md-color-accent")
_CLASS = re.compile(r'\sclass="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
_ATTRIBUTE_VALUE = re.compile(r'\s(' + "|".join(_CHECKED_ATTRIBUTES) + r')="([^"]*)"')


def critical_css(css: str, html: str) -> str:
    """The rules of `css` that can apply to an element of `html` (a superset:
    a rule goes only if a selector needs a class, id, tag or palette colour
    the page does not have), in their order, inside their @media/@supports."""
    values: dict[str, set] = {}
    for name, value in _ATTRIBUTE_VALUE.findall(html):
        values.setdefault(name, set()).add(value)
    has = {
        "classes": {name for value in _CLASS.findall(html) for name in value.split()} | {"js", "mdx-js"},
        "ids": set(_ID.findall(html)),
        "tags": {tag.lower() for tag in _TAG.findall(html)},
        "values": values,
    }
    return _unused_properties_dropped(_prune(css, has))


_DEFINITION = re.compile(r"(?<=[{;])--([\w-]+):")
_REFERENCE = re.compile(r"var\(\s*--([\w-]+)")


def _unused_properties_dropped(css: str) -> str:
    """Without the custom properties (--md-…) that no kept rule uses, most of
    them icons as data: URIs for admonition kinds the page does not have."""
    definitions = []  # (start, end, name, value)
    for match in _DEFINITION.finditer(css):
        end, depth, quote = match.end(), 0, ""
        while end < len(css):
            c = css[end]
            if quote:
                quote = "" if c == quote else quote
            elif c in "\"'":
                quote = c
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif c in ";}" and depth == 0:
                break
            end += 1
        definitions.append((match.start(), end, match.group(1), css[match.end():end]))
    outside, last = [], 0
    for start, end, _, _ in definitions:
        outside.append(css[last:start])
        last = end
    outside.append(css[last:])
    used = set(_REFERENCE.findall("".join(outside)))
    values: dict[str, list[str]] = {}
    for _, _, name, value in definitions:
        values.setdefault(name, []).append(value)
    todo = list(used)
    while todo:
        for value in values.get(todo.pop(), ()):
            for name in _REFERENCE.findall(value):
                if name not in used:
                    used.add(name)
                    todo.append(name)
    out, last = [], 0
    for start, end, name, _ in definitions:
        if name not in used:
            out.append(css[last:start])
            last = end + (1 if end < len(css) and css[end] == ";" else 0)
    out.append(css[last:])
    return re.sub(r";}", "}", "".join(out))


def _prune(css: str, has: dict) -> str:
    out = []
    for prelude, block in _blocks(css):
        if block is None:
            if not prelude.lower().startswith("@charset"):  # not allowed inside <style>
                out.append(prelude + ";")
        elif prelude.startswith("@"):
            if prelude[1:].split("(")[0].split()[0].lower() in ("media", "supports", "layer", "container"):
                inner = _prune(block, has)
                if inner:
                    out.append(prelude + "{" + inner + "}")
            else:  # @keyframes, @font-face, @page, @property: kept whole
                out.append(prelude + "{" + block + "}")
        elif any(_can_match(selector, has) for selector in _selectors(prelude)):
            out.append(prelude + "{" + block + "}")
    return "".join(out)


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """A stylesheet's top-level statements: (prelude, block), block None for `@import …;`."""
    out, depth, quote, start, i = [], 0, "", 0, 0
    while i < len(css):
        c = css[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "/" and css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = len(css) if end < 0 else end + 2
            continue
        elif c == "{":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                out.append((css[start:open_at].strip(), css[open_at + 1:i]))
                start = i + 1
        elif c == ";" and depth == 0:
            out.append((css[start:i].strip(), None))
            start = i + 1
        i += 1
    return out


def _selectors(prelude: str) -> list[str]:
    out, depth, current = [], 0, ""
    for c in prelude:
        depth += 1 if c in "([" else -1 if c in ")]" else 0
        if c == "," and depth == 0:
            out.append(current)
            current = ""
        else:
            current += c
    return [*out, current]


def _can_match(selector: str, has: dict) -> bool:
    while match := _FUNCTIONAL.search(selector):  # :not(…), :is(…), :has(…), ::part(…): dropped
        depth, end = 1, match.end()
        while end < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            end += 1
        selector = selector[:match.start()] + " " * (end - match.start()) + selector[end:]
    needed = []

    def attribute(match):
        if match.group(1) in _CHECKED_ATTRIBUTES and match.group(2):
            needed.append((match.group(1), match.group(2).strip("\"'")))
        return ""

    selector = _PSEUDO.sub("", _ATTRIBUTE.sub(attribute, selector))
    if any(value not in has["values"].get(name, ()) for name, value in needed):
        return False
    for kind, name, tag in _NAMES.findall(selector.strip()):
        name = name.replace("\\", "")
        if kind == "." and name not in has["classes"] or kind == "#" and name not in has["ids"] \
                or tag and tag.lower() not in has["tags"]:
            return False
    return True


def bundle_problems(site: Path) -> list[str]:
    """What search-on-demand.js relies on in Material's bundle, if missing."""
    bundles = sorted(site.glob("assets/javascripts/bundle.*.min.js"))
    if not bundles:
        return [missing_message("speed", "assets/javascripts/bundle.<hash>.min.js", "Material 9.8")]
    text = bundles[0].read_text(encoding="utf-8")
    return [
        missing_message("speed", f"'{needed}' in {bundles[0].name} (includes/search-on-demand.js intercepts it)",
                        "Material 9.8's bundle")
        for needed in BUNDLE_NEEDS if needed not in text
    ]


def on_post_build(config, **kwargs):
    for path in _later:  # the whole guide, now filled in
        path.write_text(inline_stylesheets(path.read_text(encoding="utf-8"), config), encoding="utf-8")
    _later.clear()
    if is_nested_build(config):
        return  # the nested build shares the default build's assets
    for problem in bundle_problems(Path(config.site_dir)):
        log.warning(problem)
