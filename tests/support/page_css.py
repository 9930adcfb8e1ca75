"""Which pages a stylesheet under extra: page_css styles: its selectors, matched against a built page."""

from __future__ import annotations

import re

import soupsieve

# Parts of a selector a static page cannot match: states, pseudo-elements,
# and what scripts set at run time (html.js, data-view). Dropped, the rest of
# the selector says which pages the rule is for.
RUN_TIME = re.compile(r"::?(?:before|after|marker|placeholder|hover|focus-visible|focus-within|focus|active|visited|target)\b"
                      r"|\.js\b(?!-)|\[data-view[^\]]*\]")


def split_top(text: str, sep: str = ",") -> list[str]:
    """`text` split at `sep` outside brackets: `:is(a, b), c` is two selectors."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        depth += c in "([" and 1 or c in ")]" and -1 or 0
        if c == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def css_selectors(css: str) -> list[str]:
    """The selectors of a minified stylesheet's rules, those inside @media and @supports too (not @page's)."""
    selectors, stack = [], []
    for match in re.finditer(r"([^{}]*)([{}])", css):
        prelude = match[1].strip()
        if match[2] == "}":
            stack.pop() if stack else None
            continue
        if not prelude.startswith("@") and all(p.startswith(("@media", "@supports")) for p in stack):
            selectors += [s.strip() for s in split_top(prelude)]
        stack.append(prelude)
    return selectors


def page_css_uses(page, css: str) -> str | None:
    """The first selector of `css` that matches an element of `page`, as written; None if none does."""
    for selector in css_selectors(css):
        static = RUN_TIME.sub("", selector).strip() or "*"
        static = "*" + static if static[0] in ">+~" else static  # a part left empty matches any element
        try:
            found = page.select_one(static)
        except soupsieve.SelectorSyntaxError:  # beyond soupsieve (`:has(+ a + b)`): every class it names is on the page
            found = all(page.select_one(f".{name}") for name in re.findall(r"\.(-?[_a-zA-Z][\w-]*)", static))
        if found:
            return selector
    return None
