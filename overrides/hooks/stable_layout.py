"""No layout shift from tables.

Material's script wraps every table in a scroll container after the page has
been drawn, which moves everything below it. Wrapping the tables the same way
at build time means the page is drawn in its final layout; extra.css makes
the second wrapper that the script still adds take no space.
"""

import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def on_page_content(content, page, config, files, **kwargs):
    return _TABLE.sub(
        r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>\1</table></div></div>', content
    )
