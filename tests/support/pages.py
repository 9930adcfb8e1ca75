"""The site's pages, taken from the nav: a page added there is tested everywhere."""

from __future__ import annotations

import datetime
import re

import yaml
from bs4 import BeautifulSoup

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


def reviewed_problem(name: str, text: str, today: datetime.date) -> str | None:
    """What is wrong with a page's `reviewed:` date, naming the page, or None."""
    try:
        value = front_matter(text).get("reviewed")
    except ValueError:  # YAML reads 2026-13-01 as a date, and fails on it
        value = re.search(r"^reviewed:(.*)$", text, re.M)[1].strip()
    if value is None:
        return f"{name}: no `reviewed: YYYY-MM-DD` in its front matter; add the date you last read it through"
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        return f"{name}: reviewed: {value!r} is not a date; write it as YYYY-MM-DD"
    if value > today:
        return f"{name}: reviewed: {value} is in the future; write the day you read it through"
    return None


def credits_of(soup: BeautifulSoup) -> BeautifulSoup:
    """A built page's footer credits (maintainer, feedback, licences, reviewed date)."""
    credits = soup.select_one("footer .site-credits")
    assert credits, "no .site-credits in the footer (overrides/page.html, block footer: did Material's footer markup change?)"
    return credits
