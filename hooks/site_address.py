"""Build step: write the site's own address into pages that show full URLs.

The linking page (docs/linking.md) shows the links an onboarding lead copies
into their docs, and a copied link is only useful whole, with the site's
address in front. That address is ``site_url``, which differs per deployment
(the tests' port, GitHub Pages, an internal portal's sub-path). MkDocs has no
variables in Markdown, and the macros plugin would bring a template language
and five packages for one word, so this hook replaces ``{{ site_url }}`` with
the configured address, inside code blocks too.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{\{\s*site_url\s*\}\}")


def on_page_markdown(markdown, page, config, files):
    # MkDocs validates site_url as a folder URL, so it always ends in "/".
    return PLACEHOLDER.sub(lambda _: config["site_url"] or "/", markdown)
