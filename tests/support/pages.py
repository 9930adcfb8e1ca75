"""The site's pages, taken from the nav: a page added there is tested everywhere."""

from __future__ import annotations

import re

import yaml

from .config import nav_sources


def front_matter(text: str) -> dict:
    """A page's front matter (the YAML between its first two `---` lines) as data; {} when it has none."""
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(match[1]) or {}) if match else {}


def url_of(source: str) -> str:
    """The page's address from the site's root, as a relative URL folder: "article/" ("" is home)."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index").removesuffix("index") + "/"


def source_of(path: str) -> str:
    """The file a contributor edits for a nav page: "docs/article.md" for "article/"."""
    for source in nav_sources():
        if url_of(source) == path:
            return f"docs/{source}"
    raise KeyError(f"{path!r} is no page of the nav in mkdocs.yml")


# Every page of the nav as a URL folder ("" is home), in reading order.
NAV_PAGES = [url_of(source) for source in nav_sources()]
