"""A Python-Markdown extension: keeps the view tabs' labels out of the search index.

Why this exists: pymdownx.tabbed writes a tab set's labels side by side with
nothing between them, so the search index of both engines (Material's search
plugin on MkDocs, Zensical's own) read them as one word, and every result
preview near a tab set said "DeveloperEngineer". Both engines skip an element
marked `data-search-exclude`; this marks each set's labels so. The panels'
text stays indexed, and a hit inside one lands on its section (view-state.js
then shows the view that holds it).

A Markdown extension, not a hook or a template, because it is the one place
both engines' indexes read: Zensical runs no hooks, and both index the page's
Markdown output, not the rendered template. Installed with the site's
requirements (a local package: markdown-extensions/pyproject.toml), as an extension
listed in mkdocs.yml must be importable by name.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class LabelsOutOfSearch(Treeprocessor):
    def run(self, root):
        for div in root.iter("div"):
            if "tabbed-labels" in (div.get("class") or "").split():
                div.set("data-search-exclude", "")
        return None


class ViewTabsSearchExtension(Extension):
    def extendMarkdown(self, md):
        # After pymdownx.tabbed has built its sets (its treeprocessors run at
        # priority 25 and below, ours last but before serialising).
        md.treeprocessors.register(LabelsOutOfSearch(md), "view_tabs_search", 0)


def makeExtension(**kwargs):
    return ViewTabsSearchExtension(**kwargs)
