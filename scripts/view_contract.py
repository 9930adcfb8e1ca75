"""The view contract, in Python: the one place that names the two views.

Every content page offers two views, Developer and Engineer, as content tabs
(pymdownx.tabbed), Developer first: the site's CSS shows the first or the
second panel of every set from the one state, ``<html data-view>``
(overrides/assets/stylesheets/view-tabs.css). Tab sets are reserved for the
two views: a set labelled anything else fails the build (there is no way to
write an ordinary "Python | Shell" tab set on this site; show such
alternatives one after the other instead).

A tab's id is its heading's id plus the view (``#success-metric-engineer``),
so a fragment ending in ``-developer`` or ``-engineer`` names a view. The
browser reads the same rules (views, fragments, the URL rule, the other view)
from ``window.__view`` (overrides/assets/javascripts/view-choice.js);
tests/test_view_contract.py runs that file in Node and keeps the two equal.

Used by the build hook (hooks/check_view_tabs.py), the tests and the scripts.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator
from urllib.parse import parse_qsl, quote_plus, unquote, urlencode, urlsplit, urlunsplit

# The labels, in order, that every tab set has. URLs use them in lower case.
VIEWS = ("Developer", "Engineer")
DEFAULT_VIEW = VIEWS[0]

# The one stored key: the view's label as JSON, under the site's path (`/.__view`).
STORAGE_NAME = "__view"

# A fragment (or id) that ends like this names a view: `#success-metric-engineer`.
FRAGMENT_VIEW = re.compile(r"-(" + "|".join(v.lower() for v in VIEWS) + r")$")

# pymdownx.tabbed syntax: `=== "Label"`, `===! "Label"` (new set), `===+ "Label"` (selected).
TAB_LINE = re.compile(r'^(?P<indent>[ \t]*)===(?P<flags>[!+]*)\s+"(?P<label>[^"]*)"')
FENCE = re.compile(r"^\s*(```|~~~)")


def view_of_fragment(fragment: str) -> str | None:
    """The view a fragment or id names ("Engineer" for `success-metric-engineer`), or None."""
    match = FRAGMENT_VIEW.search(fragment.lstrip("#"))
    return VIEWS[[v.lower() for v in VIEWS].index(match[1])] if match else None


def heading_of_tab(tab_id: str) -> str:
    """The heading id a tab id belongs to: `success-metric` for `success-metric-engineer`."""
    return FRAGMENT_VIEW.sub("", tab_id)


def tab_id(heading_id: str, view: str) -> str:
    """The id of `view`'s tab under the heading `heading_id`."""
    return f"{heading_id}-{view.lower()}"


def other_view(view: str) -> str:
    """The other view: "Engineer" for "Developer"."""
    return VIEWS[1 - VIEWS.index(view)]


def address_for(url: str, view: str, has: Callable[[str], bool] | None = None) -> str:
    """The URL rule: `url` with ?view=<view> (other parameters kept, the view in its own
    place if it had one) and its fragment, a tab fragment turned into its section's
    heading when `has(heading)` says the page has it (default: always). Written the way
    the browser's URLSearchParams writes a query, so both give the same address."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    place = next((i for i, (name, _) in enumerate(pairs) if name == "view"), len(pairs))
    pairs = [p for p in pairs[:place] if p[0] != "view"] + [("view", view.lower())] + [p for p in pairs[place + 1:] if p[0] != "view"]
    query = urlencode(pairs, quote_via=quote_plus, safe="*").replace("~", "%7E")
    fragment = parts.fragment
    tab = unquote(fragment)
    if view_of_fragment(tab) and (has is None or has(heading_of_tab(tab))):
        fragment = heading_of_tab(tab)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, fragment))


def tab_sets(markdown: str, first_line: int = 1) -> list[tuple[int, list[str]]]:
    """(line number, labels) of each tab set in Markdown source."""
    sets: list[tuple[int, list[str]]] = []
    open_sets: dict[int, list[str]] = {}  # indent -> labels of the set still open there
    in_fence = False
    for number, line in enumerate(markdown.splitlines(), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        match = TAB_LINE.match(line)
        if match:
            labels = open_sets.get(indent)
            if labels is None or "!" in match["flags"]:
                labels = []
                sets.append((number, labels))
                open_sets[indent] = labels
            labels.append(match["label"])
        # Any other text at or left of a set's indent closes that set.
        for open_indent in [i for i in open_sets if i > indent or (i == indent and not match)]:
            del open_sets[open_indent]
    return sets


def markdown_problems(markdown: str, path: str, first_line: int = 1) -> Iterator[str]:
    """What is wrong with a page's view tabs, each message naming the file, the line and the fix."""
    sets = tab_sets(markdown, first_line)
    if not sets:
        yield (f'{path}: no Developer/Engineer tab set. Every content page offers both views: '
               f'add a section with `=== "Developer"` and `=== "Engineer"` tabs.')
    for line, labels in sets:
        if tuple(labels) != VIEWS:
            found = ", ".join(f'"{label}"' for label in labels)
            yield (f'{path}:{line}: tab set labelled {found}. Label the tabs exactly `=== "Developer"` '
                   'then `=== "Engineer"`, two tabs, in that order: linked views match labels '
                   'letter for letter. Tab sets are reserved for the two views; show other '
                   'alternatives (such as "Python | Shell") one after the other.')


def tab_id_problem(path: str, tab_ids: list[str]) -> str | None:
    """A tab set outside any heading gets ids no one can link to."""
    if any(t.startswith("__tabbed_") or "-" not in t for t in tab_ids):
        return (f"{path}: a tab set comes before any heading, so its tabs get ids like "
                "__tabbed_1_2 or a bare view name that no one can link to. Put it under a ## heading.")
    return None


def heading_id_problem(path: str, title: str, heading_id: str) -> str | None:
    """A heading whose id ends like a view link would switch the reader's view."""
    if FRAGMENT_VIEW.search(heading_id):
        return (f'{path}: heading "{title}" has the id "{heading_id}", which ends like a view link and would '
                "switch the reader's view. Reword the heading, or give it another id with "
                "`{#another-id}` after the heading text.")
    return None
