"""The site hosted under a sub-path, as on an internal docs portal.

Built with site_url http://127.0.0.1:<port>/handbook/dev-vs-eng/ and served
from a folder that holds the build at handbook/dev-vs-eng/, like a portal that
serves many handbooks. Like a real static host, the server answers a missing
address with the site's 404 page.
"""

from __future__ import annotations

import json

import pytest

from conftest import NAV_PAGES, SUBPATH, BuiltSite
from support.contract import MOVED_PAGES
from support.views import assert_every_set_shows, storage_key

PAGES = NAV_PAGES + MOVED_PAGES


@pytest.fixture(scope="module")
def hosted(builds) -> BuiltSite:
    return builds.get("mkdocs", SUBPATH)


def styled(page) -> bool:
    """Material's stylesheet is applied: the header sticks to the top, in a colour."""
    header = page.evaluate("(h => [getComputedStyle(h).position, getComputedStyle(h).backgroundColor])(document.querySelector('.md-header'))")
    return header[0] == "sticky" and header[1] not in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.fixture
def reader(fresh_context, hosted):
    """A new reader's browser tab, with relative addresses resolved under the sub-path."""
    return fresh_context(base_url=hosted.url).new_page()


def test_every_page_loads_under_the_subpath(reader, hosted):
    assert MOVED_PAGES, "a moved page's old address is tested too"
    for path in PAGES:
        response = reader.goto(path)
        assert response.ok, f"{hosted.url}{path}: HTTP {response.status}"
        assert reader.url.startswith(hosted.url), f"{path} left the sub-path: {reader.url}"
        assert styled(reader), f"{path}: Material's stylesheet did not load"
    # Any file that failed to load, or a request outside 127.0.0.1, fails the test (support/browser.py, guard).


def test_views_and_view_links_work_under_the_subpath(reader, hosted):
    reader.goto("article/")
    assert_every_set_shows(reader, "Developer")
    reader.locator(".tabbed-labels label", has_text="Engineer").first.click()
    assert json.loads(reader.evaluate(f"localStorage.getItem({json.dumps(storage_key(hosted.url))})")) == "Engineer"
    reader.goto("comparison/")
    assert_every_set_shows(reader, "Engineer")

    reader.goto("glossary/?view=developer")
    assert_every_set_shows(reader, "Developer")
    reader.goto("ai-examples/")
    assert_every_set_shows(reader, "Developer")


def test_search_finds_the_ai_examples_under_the_subpath(reader, hosted):
    reader.goto("")
    reader.keyboard.press("/")
    reader.keyboard.type("drifting", delay=50)
    result = reader.locator(".md-search-result__item a").first
    result.wait_for()
    hrefs = reader.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any(href.startswith(f"{hosted.url}ai-examples/") for href in hrefs), hrefs


def test_a_missing_address_shows_the_404_page_under_the_subpath(reader, hosted):
    response = reader.goto("onboarding/old-page/")
    assert response.status == 404
    assert reader.locator("article h1").inner_text() == "Page not found"
    assert styled(reader), "the 404 page's stylesheet did not load under the sub-path"
    assert reader.get_by_role("link", name="Go to the home page").get_attribute("href") == hosted.url

    reader.get_by_role("link", name="Search the site").click()
    reader.wait_for_url(hosted.url + "**")
    search = reader.locator("input.md-search__input")
    search.wait_for()
    assert search.evaluate("input => input === document.activeElement"), "the search box is not open"
    reader.keyboard.type("drifting", delay=50)
    reader.locator(".md-search-result__item a").first.wait_for()
