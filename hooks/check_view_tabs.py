"""Build check, MkDocs only: every content page offers the Developer and Engineer views.

The rule itself lives in scripts/view_contract.py, shared with the tests
(which run it over both engines' builds, since Zensical skips hooks) and the
scripts. This hook turns each problem into a build warning, which
``strict: true`` makes fatal; each message names the file, the line and the
fix. Tab sets are reserved for the two views.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import view_contract  # noqa: E402

log = logging.getLogger("mkdocs.hooks.check_view_tabs")

# The radio inputs pymdownx.tabbed writes for each tab; their ids are the link targets.
TAB_INPUT = re.compile(r'<input[^>]*name="__tabbed_[^>]*>')


def _walk_toc(items):
    for item in items:
        yield item
        yield from _walk_toc(item.children)


def _source_path(page, config) -> str:
    """The page's file as a contributor sees it, e.g. docs/article.md."""
    return f"{Path(config['docs_dir']).name}/{page.file.src_uri}"


def on_page_markdown(markdown, page, config, files):
    # MkDocs hands over the text below the front matter; count lines from the file's top.
    source = page.file.content_string
    start = source.find(markdown)
    first_line = 1 + (source[:start].count("\n") if start > 0 else 0)
    for problem in view_contract.markdown_problems(markdown, _source_path(page, config), first_line):
        log.warning(problem)
    return markdown


def on_page_content(html, page, config, files):
    path = _source_path(page, config)
    tab_ids = [re.search(r'id="([^"]*)"', tag)[1] for tag in TAB_INPUT.findall(html)]
    problems = [view_contract.tab_id_problem(path, tab_ids)]
    problems += [view_contract.heading_id_problem(path, item.title, item.id) for item in _walk_toc(page.toc)]
    for problem in filter(None, problems):
        log.warning(problem)
    return html
