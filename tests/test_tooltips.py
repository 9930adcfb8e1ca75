"""Abbreviations explain themselves: hovering one shows its meaning (Material's content.tooltips)."""

from __future__ import annotations

import pytest

from support.editorial import abbreviations


@pytest.mark.parametrize("path", ["article/", "ai-examples/"])
def test_hovering_an_abbreviation_shows_its_meaning(page, path):
    page.goto(path)
    terms = abbreviations()
    shown = page.locator("article abbr:visible")
    assert shown.count() >= 3, f"{path} shows too few abbreviations"
    for i in range(3):
        abbr = shown.nth(i)
        abbr.hover()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(state="visible")
        assert tooltip.inner_text().strip() == terms[abbr.inner_text()]
