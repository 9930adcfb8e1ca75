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
    # The sets above follow just after the click's paint (view-state.js, follow).
    page.wait_for_function("() => document.documentElement.dataset.view === 'engineer'")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    after_top = page.evaluate(LABEL_TOP, last)
    # The sets above changed height, so the label moved down the page ...
    after_in_page = after_top + page.evaluate("window.scrollY")
    assert abs(after_in_page - before_in_page) > 10, "no set above changed height: nothing tested"
    # ... yet it stays where it was (sub-pixel rounding aside).
    assert abs(after_top - before_top) < 2, f"the clicked tab moved from y={before_top:.1f} to y={after_top:.1f}"


# Where the header's buttons are, as "name x,y".
HEADER_BUTTONS = """() => [...document.querySelectorAll(
    '.md-header__inner > [data-md-component="palette"], .md-header__inner > label[for="__search"]')]
  .map(el => { const r = el.getBoundingClientRect(); return `${el.tagName} ${Math.round(r.x)},${Math.round(r.y)}`; })"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 600, "height": 800}, DESKTOP], ids=["390", "600", "1280"])
def test_the_view_switch_appearing_moves_no_header_button(fresh_context, viewport):
    """The script adds the switch once the page is parsed, after the first
    paint: the colour toggle and search must already be where they end up."""
    page = fresh_context(viewport=viewport).new_page()
    page.goto("article/")
    with_switch = page.evaluate(HEADER_BUTTONS)
    assert len(with_switch) == 2, with_switch
    page.evaluate("document.querySelector('.view-switch').remove()")
    assert page.evaluate(HEADER_BUTTONS) == with_switch, "the header's buttons move when the view switch appears"
