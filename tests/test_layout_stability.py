"""Switching a view moves nothing under the reader's pointer.

Linked tabs switch every set on the page, so the sets above the one clicked
change height. Material (content.tabs.link) scrolls to compensate, and so
does Chromium's scroll anchoring; this keeps that true for this site's pages,
styles and scripts, on a phone and a desktop. (With both turned off, the
label jumps about 230 px at 390 px wide.)
"""

from __future__ import annotations

import pytest

from support.browser import DESKTOP, PHONE

LABEL_TOP = """(i) => {
  const label = document.querySelectorAll(".tabbed-set")[i].querySelector(".tabbed-labels > label:nth-of-type(2)");
  return label.getBoundingClientRect().top;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_clicking_a_tab_keeps_it_under_the_pointer(fresh_context, viewport):
    page = fresh_context(viewport=viewport).new_page()
    page.goto("article/")
    sets = page.locator(".tabbed-set")
    last = sets.count() - 1
    assert last >= 2, "article/ needs tab sets above the one clicked"
    # Whether the two views' panels above differ in height is up to the writers;
    # give the first set's Engineer panel a known extra height so the sets above
    # always change height when the view does.
    page.evaluate("""() => {
      const block = document.querySelectorAll(".tabbed-set")[0].querySelectorAll(":scope > .tabbed-content > .tabbed-block")[1];
      const filler = document.createElement("div");
      filler.className = "test-filler";
      filler.setAttribute("aria-hidden", "true");
      block.append(filler);
      filler.append(...Array.from({length: 12}, () => document.createElement("p")));
      filler.querySelectorAll("p").forEach(p => { p.textContent = "Extra line for the test."; });
    }""")
    # The last set, with every other set above it, in the middle of the screen.
    page.evaluate(f"window.scrollTo(0, ({LABEL_TOP})({last}) + window.scrollY - 400)")
    before_top = page.evaluate(LABEL_TOP, last)
    before_in_page = before_top + page.evaluate("window.scrollY")

    sets.nth(last).locator(".tabbed-labels > label").nth(1).click()

    assert sets.nth(last).locator(":scope > input").nth(1).is_checked()
    after_top = page.evaluate(LABEL_TOP, last)
    # The sets above changed height, so the label moved down the page ...
    after_in_page = after_top + page.evaluate("window.scrollY")
    assert abs(after_in_page - before_in_page) > 10, "no set above changed height: nothing tested"
    # ... yet it stays where it was (sub-pixel rounding aside).
    assert abs(after_top - before_top) < 2, f"the clicked tab moved from y={before_top:.1f} to y={after_top:.1f}"
