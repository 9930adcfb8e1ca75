"""Every reader can use every page: axe-core, real tabs, keyboard, phone, no JavaScript, print.

Each test walks every page of the nav (tests/support/pages.py), so a page
added later is covered without touching this file. With `--screenshots`
(`./scripts/test --screenshots -k axe`), the axe test also writes a full-page
screenshot of each page at each scheme and width it reads it at into
`screenshots/` (ignored by git) for a person to look at; they cost a third
of the sweep's time, so a plain run leaves them out.
"""

from __future__ import annotations

import json

import pytest

from conftest import NAV_PAGES, both_engines
from support.a11y import axe_violations, describe
from support.browser import DESKTOP, PHONE, settled
from support.config import SCREENSHOTS
from support.views import STORAGE_KEY, VIEWS, assert_every_set_shows

# The views, links, previews and accessibility hold on both engines' builds.
pytestmark = both_engines


def shot_name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


# The widths each build is swept at, a scheme. Zensical's build at one width
# a scheme, light at 1280 px and dark at 390 px: its markup and palette are
# its own and both are swept, while the site's CSS for either width is the
# same on both engines and swept at every width on MkDocs' build.
WIDTHS = {
    "mkdocs": {"light": [DESKTOP, PHONE], "dark": [DESKTOP, PHONE]},
    "zensical": {"light": [DESKTOP], "dark": [PHONE]},
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(site, fresh_context, scheme, pytestconfig):
    screenshots = pytestconfig.getoption("screenshots")
    SCREENSHOTS.mkdir(exist_ok=True)
    found = []
    for viewport in WIDTHS[site.engine][scheme]:
        page = fresh_context(color_scheme=scheme, viewport=viewport).new_page()
        for path in NAV_PAGES:
            page.goto(path)
            # The reader's system preference picks Material's palette.
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected
            if screenshots:
                page.screenshot(path=SCREENSHOTS / f"{shot_name(path)}-{site.engine}-{scheme}-{viewport['width']}.png", full_page=True)
            violations = axe_violations(page)
            if violations:
                found.append(f"/{path} ({scheme}, {viewport['width']} px):\n{describe(violations)}")
    assert not found, "axe-core violations:\n" + "\n".join(found)


# --- Real tabs ---------------------------------------------------------------

ARIA_PROBLEMS = """() => {
  const problems = [];
  const sets = [...document.querySelectorAll(".tabbed-set")];
  sets.forEach((set, n) => {
    const where = `tab set ${n + 1}`;
    const list = set.querySelector(":scope > .tabbed-labels");
    if (list.getAttribute("role") !== "tablist") problems.push(`${where}: no tablist`);
    if (!(list.getAttribute("aria-label") || "").trim()) problems.push(`${where}: tablist has no name`);
    const tabs = [...list.querySelectorAll('[role="tab"]')];
    const inputs = [...set.querySelectorAll(":scope > input")];
    if (tabs.length !== inputs.length) problems.push(`${where}: ${tabs.length} tabs for ${inputs.length} views`);
    tabs.forEach((tab, i) => {
      const selected = inputs[i].checked;
      if (tab.getAttribute("aria-selected") !== String(selected)) problems.push(`${where}: ${tab.textContent} aria-selected is wrong`);
      if (tab.tabIndex !== (selected ? 0 : -1)) problems.push(`${where}: ${tab.textContent} tabindex ${tab.tabIndex}`);
      const panel = document.getElementById(tab.getAttribute("aria-controls"));
      if (!panel || panel.getAttribute("role") !== "tabpanel") problems.push(`${where}: ${tab.textContent} controls no tabpanel`);
      else if (panel.getAttribute("aria-labelledby") !== tab.id) problems.push(`${where}: panel not labelled by ${tab.textContent}`);
      if (inputs[i].tabIndex !== -1) problems.push(`${where}: radio ${inputs[i].id} is still a tab stop`);
    });
  });
  return problems;
}"""


def test_every_view_tab_set_is_a_wai_aria_tablist(site, page):
    for path in NAV_PAGES:
        page.goto(path)
        settled(page)
        assert page.locator(".tabbed-set").count() > 0, f"/{path} has no tab sets"
        assert page.evaluate(ARIA_PROBLEMS) == [], f"/{path}"


def stored_view(page) -> str | None:
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})") or "null")


def focused_tab(page) -> str:
    return page.evaluate(
        "document.activeElement.getAttribute('role') === 'tab' ? document.activeElement.textContent.trim() : null"
    )


def test_arrow_keys_home_and_end_select_tabs_like_a_click(page):
    page.goto("article/")
    settled(page)
    assert_every_set_shows(page, "Developer")
    page.locator('[role="tab"]', has_text="Developer").first.focus()

    page.keyboard.press("ArrowRight")
    assert focused_tab(page) == "Engineer"
    assert_every_set_shows(page, "Engineer")  # every linked set follows
    assert stored_view(page) == "Engineer"  # and the choice is stored
    assert page.evaluate(ARIA_PROBLEMS) == []

    page.keyboard.press("ArrowRight")  # wraps to the first
    assert focused_tab(page) == "Developer"
    assert_every_set_shows(page, "Developer")
    page.keyboard.press("ArrowLeft")  # wraps to the last
    assert focused_tab(page) == "Engineer"
    assert_every_set_shows(page, "Engineer")
    page.keyboard.press("Home")
    assert focused_tab(page) == "Developer"
    assert_every_set_shows(page, "Developer")
    assert stored_view(page) == "Developer"
    page.keyboard.press("End")
    assert focused_tab(page) == "Engineer"
    assert_every_set_shows(page, "Engineer")
    assert page.evaluate(ARIA_PROBLEMS) == []

    # Tab leaves the tab list for the selected tab's panel.
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => {
      const panel = document.activeElement.closest('[role="tabpanel"]');
      const tab = panel && document.getElementById(panel.getAttribute('aria-labelledby'));
      return tab ? tab.getAttribute('aria-selected') + ' ' + tab.textContent.trim() : String(document.activeElement.outerHTML).slice(0, 80);
    }"""
    ) == "true Engineer"

    # The stored choice carries to the next page, as after a click.
    page.goto("comparison/")
    settled(page)
    assert_every_set_shows(page, "Engineer")
    assert page.evaluate(ARIA_PROBLEMS) == []


def test_a_deep_link_selects_the_tab_roles_too(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/#success-metric-engineer")
    settled(page)
    assert_every_set_shows(page, "Engineer")
    assert page.evaluate(ARIA_PROBLEMS) == []


# --- Keyboard only -------------------------------------------------------------

# Lets Material react to the focus (two frames: the phone's search field opens
# on focus), then waits for the transitions it started (the drawer slides in)
# by their own promises, not by a clock.
FOCUS_SHOWN = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  let el = document.activeElement;
  if (!el || el === document.body) return "nothing focused";
  // Material hides some inputs (the colour scheme toggle) and rings the label after them.
  if (getComputedStyle(el).opacity === "0" && el.nextElementSibling && el.nextElementSibling.tagName === "LABEL") el = el.nextElementSibling;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
  const r = el.getBoundingClientRect();
  let onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  // Not transparent, and not clipped away by a scrolling or clipping ancestor.
  for (let a = el; a && onScreen; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (parseFloat(s.opacity) === 0 || s.visibility === "hidden") onScreen = false;
    // The root's overflow applies to the viewport, checked above.
    if (a !== el && a !== document.documentElement && a !== document.body && s.overflow !== "visible") {
      const c = a.getBoundingClientRect();
      if (r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom) onScreen = false;
    }
  }
  if (ring && onScreen) return "";
  return `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || "").trim().slice(0, 30)}" at ${JSON.stringify(r)} in ${innerWidth}x${innerHeight}: ` +
    (ring ? "" : "no focus ring ") + (onScreen ? "" : "off screen");
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_keyboard_alone_reaches_the_view_tabs_with_focus_always_visible(fresh_context, viewport):
    page = fresh_context(viewport=viewport).new_page()
    page.goto("article/")
    invisible = []
    for _ in range(300):
        page.keyboard.press("Tab")
        problem = page.evaluate(FOCUS_SHOWN)
        if problem:
            invisible.append(problem)
        if focused_tab(page):
            break
    else:
        pytest.fail("300 presses of Tab never reached a view tab on /article/")
    assert not invisible, "focus not visible on:\n" + "\n".join(invisible)
    assert focused_tab(page) == "Developer"

    page.keyboard.press("ArrowRight")
    assert focused_tab(page) == "Engineer"
    assert page.evaluate(FOCUS_SHOWN) == ""
    assert_every_set_shows(page, "Engineer")


# --- Phone ---------------------------------------------------------------------


def test_no_page_scrolls_sideways_on_a_phone(site, fresh_context):
    page = fresh_context(viewport=PHONE).new_page()
    wide = []
    for path in NAV_PAGES:
        page.goto(path)
        width, viewport = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if width > viewport:
            wide.append(f"/{path}: {width} px wide in a {viewport} px viewport")
    assert not wide, "\n".join(wide)


def test_the_comparison_table_is_readable_on_a_phone(fresh_context):
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("comparison/")
    table = page.locator(".md-typeset table").first
    # Wider than the phone, the table scrolls inside its own frame, and its
    # text keeps a readable size and its columns room for a few words.
    box = page.evaluate(
        """() => {
      const t = document.querySelector('.md-typeset table');
      const frame = t.closest('.md-typeset__scrollwrap') || t.parentElement;
      const cells = [...t.querySelectorAll('td')];
      return {
        frameRight: frame.getBoundingClientRect().right,
        font: Math.min(...cells.map(c => parseFloat(getComputedStyle(c).fontSize))),
        narrowest: Math.min(...cells.map(c => c.getBoundingClientRect().width)),
      };
    }"""
    )
    assert table.is_visible()
    assert box["frameRight"] <= PHONE["width"]
    assert box["font"] >= 12, box
    assert box["narrowest"] >= 80, box


CODE_BLOCKS_WITH_ADDRESSES = """() => [...document.querySelectorAll('article pre > code')]
  .filter(code => code.getClientRects().length && code.textContent.includes('://'))
  .map(code => {
    const pre = code.parentElement;
    const box = pre.getBoundingClientRect();
    const button = pre.querySelector('.md-code__button') || pre.parentElement.querySelector('.md-code__button');
    const b = button.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(code);
    const lines = [...range.getClientRects()].filter(r => r.width > 0);
    const problems = [];
    if (lines.some(r => r.right > box.right + 0.5 || r.left < box.left - 0.5)) problems.push('runs off its box');
    if (lines.some(r => r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom)) problems.push('runs under the copy button');
    if (b.width < 24 || b.height < 24) problems.push(`copy button ${b.width.toFixed(1)}x${b.height.toFixed(1)} px`);
    return problems.length ? `${code.textContent.trim()}: ${problems.join(', ')}` : '';
  })"""


@pytest.mark.parametrize("view", [v.lower() for v in VIEWS])
def test_addresses_in_code_blocks_wrap_clear_of_a_24_px_copy_button_on_a_phone(site, fresh_context, view):
    page = fresh_context(viewport=PHONE).new_page()
    checked = 0
    for path in NAV_PAGES:
        page.goto(f"{path}?view={view}")
        blocks = page.evaluate(CODE_BLOCKS_WITH_ADDRESSES)
        checked += len(blocks)
        problems = [b for b in blocks if b]
        assert not problems, f"/{path} at {PHONE['width']} px:\n" + "\n".join(problems)
    assert checked >= 20, f"only {checked} code blocks with an address: nothing tested"


# --- No JavaScript -------------------------------------------------------------


def test_without_javascript_every_page_reads_and_every_engineer_view_opens(site, fresh_context):
    page = fresh_context(java_script_enabled=False).new_page()
    for path in NAV_PAGES:
        page.goto(path)
        text = page.locator("article.md-content__inner").inner_text()
        assert len(text) > 300, f"/{path} shows almost nothing without JavaScript"
        sets = page.locator(".tabbed-set")
        assert sets.count() > 0, f"/{path} has no tab sets"
        for i in range(sets.count()):
            tab_set = sets.nth(i)
            tab_set.locator(".tabbed-labels > label", has_text="Engineer").click()
            blocks = tab_set.locator(":scope > .tabbed-content > .tabbed-block")
            assert blocks.nth(1).is_visible(), f"/{path}: set {i + 1} does not open Engineer"
            assert blocks.nth(0).is_hidden(), f"/{path}: set {i + 1} shows both views"


# --- Print ---------------------------------------------------------------------

PRINT_ORDER = """() => [...document.querySelectorAll(".tabbed-set")].map((set, n) => {
  const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")];
  const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
  const shown = el => { const r = el.getBoundingClientRect(); return r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
  const problems = [];
  labels.forEach((label, i) => {
    const block = blocks[i];
    if (!shown(label)) problems.push(`label ${label.textContent.trim()} hidden`);
    if (!shown(block)) problems.push(`${label.textContent.trim()} content hidden`);
    if (label.getBoundingClientRect().top >= block.getBoundingClientRect().top) problems.push(`${label.textContent.trim()} label not above its content`);
    if (labels[i + 1] && block.getBoundingClientRect().top >= labels[i + 1].getBoundingClientRect().top) problems.push(`${label.textContent.trim()} content not before the next label`);
  });
  return problems.length ? `set ${n + 1}: ${problems.join(", ")}` : "";
}).filter(Boolean)"""


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_print_hides_the_chrome_and_without_javascript_shows_both_views(site, fresh_context, javascript):
    # With JavaScript only the reader's view prints (tests/test_view_state.py).
    page = fresh_context(java_script_enabled=javascript).new_page()
    page.emulate_media(media="print")  # before any page opens: each page loads laid out for print
    for path in NAV_PAGES:
        page.goto(path)
        assert page.locator(".tabbed-set").count() > 0
        if not javascript:
            assert page.evaluate(PRINT_ORDER) == [], f"/{path}"
        for chrome in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search"]:
            assert page.locator(chrome).first.is_hidden(), f"/{path}: {chrome} is printed"
