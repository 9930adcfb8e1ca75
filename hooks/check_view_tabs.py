"""Build check: every content page offers the Developer and Engineer views.

The site's promise is that a reader picks a view once and every tab set on
every page follows (Material's ``content.tabs.link`` links tabs by their exact
label text). A tab labelled "Enginer", a set with one view missing or a third
tab silently breaks that promise, so this hook turns each of them into a build
warning, which ``strict: true`` makes fatal. Each message names the file, the
line and the fix.

It also guards the deep-link contract: tab ids are ``<heading-id>-<view>``
(``#success-metric-engineer``), and ``overrides/assets/javascripts/view-choice.js``
treats any fragment ending in ``-developer`` or ``-engineer`` as a view link.
So a tab set must sit under a heading, and no heading id may end in a view
name.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.check_view_tabs")

# The labels, in order, that every tab set must have. The JavaScript that
# selects a view from the URL uses the same words in lower case.
VIEW_LABELS = ("Developer", "Engineer")
VIEW_SUFFIX = re.compile(r"-(?:" + "|".join(v.lower() for v in VIEW_LABELS) + r")$")

# pymdownx.tabbed syntax: `=== "Label"`, `===! "Label"` (new set), `===+ "Label"` (selected).
TAB_LINE = re.compile(r'^(?P<indent>[ \t]*)===(?P<flags>[!+]*)\s+"(?P<label>[^"]*)"')
# The radio inputs pymdownx.tabbed writes for each tab; their ids are the link targets.
TAB_INPUT = re.compile(r'<input[^>]*name="__tabbed_[^>]*>')
FENCE = re.compile(r"^\s*(```|~~~)")


def _tab_sets(markdown: str, first_line: int = 1) -> list[tuple[int, list[str]]]:
    """Return (line number, labels) for each tab set in the Markdown source."""
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


def _walk_toc(items):
    for item in items:
        yield item
        yield from _walk_toc(item.children)


def _source_path(page, config) -> str:
    """The page's file as a contributor sees it, e.g. docs/article.md."""
    return f"{Path(config['docs_dir']).name}/{page.file.src_uri}"


def on_page_markdown(markdown, page, config, files):
    path = _source_path(page, config)
    # MkDocs hands over the text below the front matter; count lines from the file's top.
    source = page.file.content_string
    start = source.find(markdown)
    sets = _tab_sets(markdown, first_line=1 + (source[:start].count("\n") if start > 0 else 0))
    if not sets:
        log.warning(
            "%s: no Developer/Engineer tab set. Every content page offers both views: "
            'add a section with `=== "Developer"` and `=== "Engineer"` tabs.',
            path,
        )
    for line, labels in sets:
        if tuple(labels) != VIEW_LABELS:
            found = ", ".join(f'"{label}"' for label in labels)
            log.warning(
                '%s:%d: tab set labelled %s. Label the tabs exactly `=== "Developer"` '
                'then `=== "Engineer"`, two tabs, in that order: linked views match labels '
                "letter for letter.",
                path,
                line,
                found,
            )
    return markdown


def on_page_content(html, page, config, files):
    path = _source_path(page, config)
    tab_ids = [re.search(r'id="([^"]*)"', tag)[1] for tag in TAB_INPUT.findall(html)]
    if any(tab_id.startswith("__tabbed_") or "-" not in tab_id for tab_id in tab_ids):
        log.warning(
            "%s: a tab set comes before any heading, so its tabs get ids like "
            "__tabbed_1_2 or a bare view name that no one can link to. Put it under a ## heading.",
            path,
        )
    for item in _walk_toc(page.toc):
        if VIEW_SUFFIX.search(item.id):
            log.warning(
                '%s: heading "%s" has the id "%s", which ends like a view link and would '
                "switch the reader's view. Reword the heading, or give it another id with "
                "`{#another-id}` after the heading text.",
                path,
                item.title,
                item.id,
            )
    return html
