"""The Developer and Engineer views, in Chromium, as a reader meets them.

A view chosen once applies to every tab set on every page, survives reloads,
and can be chosen from a link: `?view=engineer` or a tab's own fragment.
"""

from __future__ import annotations

import json

import pytest

from conftest import NAV_PAGES, both_engines
from support.browser import seed
from support.views import DEFAULT_VIEW, STORAGE_KEY, assert_every_set_shows, shown_views

# The views, links, previews and accessibility hold on both engines' builds.
pytestmark = both_engines


def test_a_click_switches_every_set_on_every_page(page):
    page.goto("article/")
    assert_every_set_shows(page, DEFAULT_VIEW)
    assert len(shown_views(page)) >= 4

    page.locator(".tabbed-labels label", has_text="Engineer").first.click()
    assert_every_set_shows(page, "Engineer")

    for path in NAV_PAGES:
        page.goto(path)
        assert_every_set_shows(page, "Engineer")
    page.reload()
    assert_every_set_shows(page, "Engineer")

    page.locator(".tabbed-labels label", has_text="Developer").last.click()
    assert_every_set_shows(page, "Developer")
    page.goto("article/")
    assert_every_set_shows(page, "Developer")


@pytest.mark.parametrize(
    "link",
    ["article/?view=engineer", "article/#success-metric-engineer", "comparison/?view=Engineer"],
)
def test_a_link_selects_the_view_everywhere(fresh_context, link):
    page = fresh_context().new_page()
    page.goto(link)
    assert_every_set_shows(page, "Engineer")
    if "#" in link:  # the reader lands on the section the link names, at its heading
        assert page.url.endswith("article/?view=engineer#success-metric"), page.url
    page.goto("ai-examples/")  # the pages that follow keep the view
    assert_every_set_shows(page, "Engineer")
    page.reload()
    assert_every_set_shows(page, "Engineer")


def test_a_link_overrides_an_earlier_choice(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/")
    page.locator(".tabbed-labels label", has_text="Engineer").first.click()
    page.goto("comparison/?view=developer")
    assert_every_set_shows(page, "Developer")
    page.goto("article/")
    assert_every_set_shows(page, "Developer")


@pytest.mark.parametrize("value", ["researcher", "", "engineer<script>", "ENGINEERS"])
def test_an_unknown_view_is_ignored(fresh_context, value):
    page = fresh_context().new_page()
    page.goto(f"article/?view={value}")
    assert_every_set_shows(page, "Developer")
    assert page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})") is None


@pytest.mark.parametrize("stored", ["{not json", '{"view": "Engineer"}', "[1, 2]", '["Engineer"]', '"engineer"'])
def test_a_corrupt_stored_choice_is_discarded(fresh_context, stored):
    page = fresh_context().new_page()
    seed(page, {STORAGE_KEY: stored})
    page.goto("article/")  # a page error here fails the test (see conftest: fresh_context)
    assert_every_set_shows(page, "Developer")
    page.locator(".tabbed-labels label", has_text="Engineer").first.click()
    assert_every_set_shows(page, "Engineer")
    page.goto("comparison/")
    assert_every_set_shows(page, "Engineer")
