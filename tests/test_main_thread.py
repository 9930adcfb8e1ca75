"""The site's scripts leave the task that starts the page short.

While Material's start-up and site.js's `document$` subscribers run, the page
cannot answer a tap (Lighthouse's total blocking time; timings live in
./scripts/bench, not here). What a test can hold without a clock is how much
the site's own code changes the page before the browser's first idle
period: every DOM write made with site.js (or a page's own script, extra:
page_js) on the call stack is counted, in a real Chromium, on every page of
the nav. Work a reader does not need for the
first tap (print addresses, permalinks, table focus, checklist labels) waits
for idle time (overrides/assets/javascripts/idle-work.js) and is not counted;
the view on the tabs and the header switch is.
"""

from __future__ import annotations

import json

import pytest

import sync  # scripts/sync.py: the page scripts' names
from support.browser import PHONE, print_media, settled, watched_load
from support.config import mkdocs_yml
from support.pages import NAV_PAGES
from support.views import assert_every_set_shows

# Wraps the DOM's writing methods and setters before any page script runs.
# A write counts when site.js or a page script is on the stack and the first
# idle period has not begun. The first idle callback is asked for before
# site.js asks for its own (this listener is added first), so it runs first.
SITE_SCRIPTS = ["/assets/javascripts/site.js",
                *(f"/{sync.PAGE_SCRIPT.format(name=name)}" for name in sync.page_js(mkdocs_yml()))]
COUNT_WRITES = """(() => {
  const scripts = SITE_SCRIPTS;
  Error.stackTraceLimit = 100;
  const counted = window.__startupWrites = [];
  let idle = false;
  document.addEventListener("DOMContentLoaded", () => {
    requestIdleCallback(() => { idle = true; }, { timeout: 1000 });
  }, { capture: true, once: true });
  function count(name) {
    if (idle) return;
    const stack = new Error().stack || "";
    if (scripts.some(script => stack.includes(script))) counted.push(name);
  }
  const methods = {
    Element: ["setAttribute", "removeAttribute", "toggleAttribute", "append", "prepend", "before", "after",
              "remove", "replaceWith", "replaceChildren", "insertAdjacentElement", "insertAdjacentHTML"],
    Node: ["appendChild", "insertBefore", "removeChild", "replaceChild"],
  };
  for (const [type, names] of Object.entries(methods)) {
    for (const name of names) {
      const original = window[type].prototype[name];
      window[type].prototype[name] = function (...args) { count(name); return original.apply(this, args); };
    }
  }
  const setters = {
    Element: ["id", "className", "innerHTML"], Node: ["textContent"],
    HTMLElement: ["tabIndex", "hidden", "title"], HTMLInputElement: ["checked"],
  };
  for (const [type, names] of Object.entries(setters)) {
    for (const name of names) {
      const d = Object.getOwnPropertyDescriptor(window[type].prototype, name);
      Object.defineProperty(window[type].prototype, name, {
        ...d, set(value) { count(name); d.set.call(this, value); },
      });
    }
  }
})();""".replace("SITE_SCRIPTS", json.dumps(SITE_SCRIPTS))

# Writes site.js may make before the first idle period: the view on the
# <html> element and the header switch with its live region (view-state.js),
# 17 on every page when this was written; the self-check's form also shows
# its buttons and hides its by-hand instructions (self-check.js, its page
# script), 47.
# Before idle-work.js, the article made 283 (tab roles, print addresses).
BUDGET = 25
BUDGETS = {"self-check/": 70}


def startup_writes(page, path: str) -> list[str]:
    """The writes a first visit to `path` makes (the page counts them: COUNT_WRITES);
    the visit's storage is then forgotten, so the next is a first visit too."""
    page.goto(path)
    settled(page)
    writes = page.evaluate("window.__startupWrites")
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    return writes


def summary(writes: list[str]) -> str:
    kinds: dict[str, int] = {}
    for name in writes:
        kinds[name] = kinds.get(name, 0) + 1
    return ", ".join(f"{name} x{n}" for name, n in sorted(kinds.items(), key=lambda kv: -kv[1]))


@pytest.mark.parametrize("address", ["", "?view=engineer"], ids=["first-visit", "view-in-link"])
def test_the_site_writes_little_to_the_page_before_the_first_idle_period(fresh_context, address):
    context = fresh_context()
    context.add_init_script(COUNT_WRITES)
    page = context.new_page()
    counts = {}
    for path in NAV_PAGES:
        writes = startup_writes(page, path + address)
        counts[path or "/"] = (len(writes), summary(writes))
    over = [f"{path}: {n} writes, budget {BUDGETS.get(path, BUDGET)} ({kinds})"
            for path, (n, kinds) in counts.items() if n > BUDGETS.get(path, BUDGET)]
    assert not over, (
        "site.js makes too many DOM writes before the first idle period. Work a reader does not "
        "need for the first tap goes through window.__idle.later (overrides/assets/javascripts/idle-work.js):\n"
        + "\n".join(over)
    )
    # The counter itself works: the view's switch is written on every page.
    assert all(n > 0 for n, _ in counts.values()), counts
    print("\n".join(f"{path}: {n} ({kinds})" for path, (n, kinds) in counts.items()))


# A page whose idle time never comes (a busy phone): requestIdleCallback
# never calls back. What waits for idle must still be there when it is used.
NEVER_IDLE = "window.requestIdleCallback = () => 0;"


def test_what_waits_for_idle_time_is_there_the_moment_a_reader_uses_it(fresh_context):
    context = fresh_context()
    context.add_init_script(NEVER_IDLE)
    page = context.new_page()
    page.goto("article/?view=engineer")
    first_tab = page.locator(".tabbed-set .tabbed-labels a").first
    assert first_tab.get_attribute("role") is None, "the tab roles were written before idle time"

    first_tab.focus()  # the keyboard reaches the first tab set
    assert first_tab.get_attribute("role") == "tab"
    assert page.locator(".tabbed-set [role=tab][aria-selected=true]").first.inner_text().strip() == "Engineer"

    permalink = page.locator("#success-metric > a.headerlink")
    permalink.hover()  # pointing at ¶ shows its address, which a reader may copy
    assert permalink.get_attribute("href") == "?view=engineer#success-metric"

    print_media(page)
    line = page.locator(".print-address").inner_text()
    assert "Printed in the Engineer view from" in line, line
    assert page.locator("article a[data-print-href]").count() > 0, "links print without their addresses"


def test_what_only_paper_reads_is_written_when_printing_not_on_every_visit(fresh_context):
    # Every link's printed address (print-links.js) and the printed address
    # line (view-state.js) are read on paper only; in idle time they still
    # cost script time on every visit. They wait for printing.
    page = fresh_context().new_page()
    page.goto("glossary/")
    settled(page)
    written = page.locator("article a[data-print-href]").count()
    assert written == 0, f"{written} links got their printed address with no one printing"
    line = page.locator("[data-print-address]")
    assert "both views" in line.inner_text(), "the printed address line was rewritten with no one printing"
    print_media(page)
    assert page.locator("article a[data-print-href]").count() > 0, "links print without their addresses"
    assert "Printed in the Developer view from" in line.inner_text(), line.inner_text()


# When Material's start-up mark on <body> (`data-md-color-switching`, its
# CSS: no transitions) is taken away, against the DOMContentLoaded event.
# Taken away later, it restyles every element again in a task of its own
# after the paint (palette-settled.js).
WATCH_PALETTE_MARK = """(() => {
  const seen = window.__paletteMark = { set: 0, removedBeforeStartUp: null };
  let started = false;
  document.addEventListener("DOMContentLoaded", () => { started = true; }, { capture: true, once: true });
  new MutationObserver(records => records.forEach(r => {
    if (r.target.hasAttribute("data-md-color-switching")) seen.set += 1;
    else if (seen.removedBeforeStartUp === null) seen.removedBeforeStartUp = !started;
  })).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-md-color-switching"] });
})();"""


def test_materials_start_up_palette_mark_is_gone_before_its_start_up_task(fresh_context):
    page = watched_load(fresh_context, WATCH_PALETTE_MARK, "software-examples/")
    seen = page.evaluate("window.__paletteMark")
    assert seen["set"] >= 1, f"Material no longer marks <body> at start-up ({seen}): palette-settled.js can go"
    assert seen["removedBeforeStartUp"] is True, (
        f"the start-up mark on <body> outlived Material's start-up task ({seen}): taking it away later restyles "
        "the whole page again after the paint (overrides/assets/javascripts/palette-settled.js, first under deferred_js)")
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False


# Each task's changes reach a MutationObserver together; a tab set gets its
# roles (tabs-aria.js, in idle time) with data-aria-tabs.
WATCH_TAB_ROLES = """(() => {
  const batches = window.__tabRoleBatches = [];
  new MutationObserver(records => {
    const sets = records.filter(r => r.target.hasAttribute("data-aria-tabs")).length;
    if (sets) batches.push(sets);
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-aria-tabs"] });
})();"""


def test_tab_roles_are_written_one_set_a_task(fresh_context):
    # All six sets of /software-examples/ in one idle task took up to 150 ms at
    # 4x slowdown: a long task after the page had gone quiet.
    page = watched_load(fresh_context, WATCH_TAB_ROLES, "software-examples/")
    batches = page.evaluate("window.__tabRoleBatches")
    sets = page.locator(".tabbed-set").count()
    assert sum(batches) == sets >= 2, f"{sets} sets, roles written in batches of {batches}"
    assert max(batches) == 1, f"tab roles were written {max(batches)} sets in one task ({batches}): one set a task"


# Watches the class attribute of <html> and <body>: in Chromium a class
# changed there restyles the whole page (Material's CSS), about 20 ms at full
# speed on /linking/ each time, twice a click when view-state.js marked its
# remeasuring frame that way.
WATCH_ROOT_CLASSES = """() => {
  window.__rootClassChanges = [];
  new MutationObserver(records => records.forEach(r => window.__rootClassChanges.push(r.target.tagName)))
    .observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  new MutationObserver(records => records.forEach(r => window.__rootClassChanges.push(r.target.tagName)))
    .observe(document.body, { attributes: true, attributeFilter: ["class"] });
}"""


@pytest.mark.parametrize("control", ["tab", "switch"])
def test_a_change_of_view_changes_no_class_on_html_or_body(fresh_context, control):
    page = fresh_context().new_page()
    page.goto("linking/")
    settled(page)
    page.evaluate(WATCH_ROOT_CLASSES)
    if control == "tab":
        page.locator(".md-content .tabbed-set .tabbed-labels > label", has_text="Engineer").first.click()
    else:
        page.locator(".md-header .view-switch label", has_text="Engineer").click()
    page.wait_for_function("() => document.documentElement.dataset.view === 'engineer'")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))")
    changes = page.evaluate("window.__rootClassChanges")
    assert not changes, f"a {control} click changed the class of {changes}: mark state with an attribute instead"


# --- A click changes what a reader sees first -------------------------------------

# Clicks the Engineer tab of the set at `index` as a pointer does (Material's
# link in its label), and reads, in the click's task (before the browser
# paints) and again in the first tasks after the paint: what each set on
# screen shows (its panel and its selected tab) and where the clicked set is,
# on screen and on the page; in the click's task also the `change` events the
# radios got, the changes of address and the hashchange events.
CLICK_AND_FOLLOW = """index => new Promise(done => {
  let changes = 0, hashchanges = 0;
  const count = event => { if (event.target.matches(".tabbed-set > input")) changes++; };
  const countHash = () => { hashchanges++; };
  // Changes of address are counted until the test reads them after the paint.
  const replaceState = history.replaceState;
  window.__addresses = 0;
  history.replaceState = function (...args) { window.__addresses++; return replaceState.apply(this, args); };
  const sets = [...document.querySelectorAll(".md-content .tabbed-set")];
  const own = sets[index];
  const shown = set => {
    const panel = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")]
      .findIndex(block => getComputedStyle(block).display !== "none");
    const input = set.querySelector(":scope > input:checked");
    const selected = set.querySelector(`label[for="${input.id}"]`).textContent.trim();
    return `${set === own ? "clicked set: " : ""}${["Developer", "Engineer"][panel]} shown, ${selected} selected`;
  };
  const read = () => ({
    top: own.getBoundingClientRect().top,
    onPage: own.getBoundingClientRect().top + scrollY,
    shown: sets.filter(set => {
      const box = set.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }).map(shown),
  });
  const before = read();
  document.addEventListener("change", count, true);
  window.addEventListener("hashchange", countHash);
  own.querySelectorAll(":scope > .tabbed-labels > label a")[1].click();
  document.removeEventListener("change", count, true);
  window.removeEventListener("hashchange", countHash);
  const inTask = { changes, hashchanges, addresses: window.__addresses, ...read(),
    root: document.documentElement.getAttribute("data-view"),
    switchSays: document.querySelector(".view-switch input:checked").value };
  requestAnimationFrame(() => setTimeout(() => setTimeout(() => done({ before, inTask, after: read() }))));
})"""

# The first set with the set before it close enough above to share the
# window at phone width, scrolled to the middle of the window.
BESIDE_ANOTHER_SET = """() => {
  const sets = [...document.querySelectorAll(".md-content .tabbed-set")];
  const index = sets.findIndex((set, i) => i > 0 &&
    set.getBoundingClientRect().top - sets[i - 1].getBoundingClientRect().bottom < innerHeight / 3);
  if (index > 0) window.scrollBy(0, sets[index].getBoundingClientRect().top - innerHeight / 2);
  return index;
}"""


def test_a_tab_click_changes_its_own_set_at_once_the_others_on_screen_after_the_paint(fresh_context):
    # Each set a click changes costs a style and layout pass over its panels
    # and a task of Material's (its underline, its size watchers): the click
    # answers with its own set, as a click on stock does, the other sets on
    # screen follow in the first task after the paint, and the rest in idle time.
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("roles/")
    settled(page)
    # As in WebKit, which has no scroll anchoring: nothing keeps the place but the site.
    page.evaluate("document.documentElement.style.overflowAnchor = document.body.style.overflowAnchor = 'none'")
    index = page.evaluate(BESIDE_ANOTHER_SET)
    assert index > 0, "no two view tab sets of /roles/ share the window at phone width: pick another page"
    clicked = page.evaluate(CLICK_AND_FOLLOW, index)
    before, in_task, after = clicked["before"], clicked["inTask"], clicked["after"]
    assert len(before["shown"]) >= 2, f"only one set on screen before the click: {before}"
    # In the click's task: the reader's own change, its set, and nothing else.
    assert in_task["changes"] == 1, (
        f"the click sent {in_task['changes']} change events in its task: only the clicked set "
        f"should change before the paint ({in_task['shown']})")
    assert in_task["shown"] == [
        "clicked set: Engineer shown, Engineer selected" if s.startswith("clicked") else "Developer shown, Developer selected"
        for s in before["shown"]], in_task
    # The address names the view and the set's section, written once, just
    # after the paint: a change of address took some 17 ms at full speed in a
    # click, here and on stock, more than the rest of the click. The events
    # that keep Material's anchor tracking from rewriting it go out after the
    # paint too (its listeners took 3 to 15 ms).
    # The root's view and the header switch wait for the paint too: changing
    # the root in the click restyled every set's panels and labels and the
    # switch in the click's frame (41 elements on /roles/ against stock's 13).
    assert (in_task["root"], in_task["switchSays"]) == ("developer", "Developer"), (
        f"in the click's task the root says {in_task['root']!r} and the switch {in_task['switchSays']!r}: "
        "both should follow after the paint")
    assert in_task["addresses"] == 0, f"the click changed the address {in_task['addresses']} times in its task"
    assert in_task["hashchanges"] == 0, f"{in_task['hashchanges']} hashchange events in the click's task"
    # Just after the paint: every set on screen shows the view, and the
    # clicked set is where the reader clicked it, though the sets above it
    # changed height.
    assert after["shown"] == [s.replace("Developer", "Engineer") for s in in_task["shown"]], after
    assert abs(after["onPage"] - before["onPage"]) > 1, f"no set above the clicked one changed height: {clicked}"
    assert abs(after["top"] - before["top"]) <= 1, (
        f"the clicked set moved from {before['top']} px to {after['top']} px on screen when the sets above it followed")
    section = page.evaluate("i => document.querySelectorAll('.md-content .tabbed-set')[i].querySelector('input').id", index)
    page.wait_for_function("() => location.search === '?view=engineer'")
    assert page.url.endswith(f"/roles/?view=engineer#{section.rsplit('-', 1)[0]}"), page.url
    assert page.evaluate("window.__addresses") == 1, "the click changed the address more than once"
    assert_every_set_shows(page, "Engineer")  # once the page is idle
    assert page.evaluate(ARIA_PROBLEMS) == []


# Clicks the header switch's Engineer radio, as a pointer or a key does, and
# reads in the click's task and again just after the paint: what each set on
# screen shows, the root's view, the switch, the stored choice, the change
# events the sets' radios got, and where the section being read is on screen.
SWITCH_AND_FOLLOW = """() => new Promise(done => {
  let changes = 0;
  const count = event => { if (event.target.matches(".tabbed-set > input")) changes++; };
  const sets = [...document.querySelectorAll(".md-content .tabbed-set")];
  const headings = [...document.querySelectorAll(".md-content article :is(h2, h3)")];
  const reading = headings.filter(h => h.getBoundingClientRect().top <= innerHeight / 3).pop();
  const read = () => ({
    reading: reading.getBoundingClientRect().top,
    shown: sets.filter(set => {
      const box = set.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }).map(set => ["Developer", "Engineer"][[...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")]
      .findIndex(block => getComputedStyle(block).display !== "none")]),
    root: document.documentElement.getAttribute("data-view"),
    switchSays: document.querySelector(".view-switch input:checked").value,
    stored: __view.storedView(),
  });
  const before = read();
  document.addEventListener("change", count, true);
  document.querySelector(".view-switch input[value=Engineer]").click();
  document.removeEventListener("change", count, true);
  const inTask = { changes, ...read() };
  requestAnimationFrame(() => setTimeout(() => setTimeout(() => done({ before, inTask, after: read() }))));
})"""


def test_a_switch_click_changes_the_switch_at_once_and_the_sets_after_the_paint(fresh_context):
    # As a tab click changes only its own set before the paint, a click on
    # the header switch changes only the switch (and stores the choice): the
    # sets on screen and the root follow in the first task after it, keeping
    # the section being read where it was.
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("roles/")
    settled(page)
    page.evaluate("document.documentElement.style.overflowAnchor = document.body.style.overflowAnchor = 'none'")
    assert page.evaluate(BESIDE_ANOTHER_SET) > 0, "no two view tab sets of /roles/ share the window at phone width"
    switched = page.evaluate(SWITCH_AND_FOLLOW)
    before, in_task, after = switched["before"], switched["inTask"], switched["after"]
    assert len(before["shown"]) >= 2 and set(before["shown"]) == {"Developer"}, before
    assert (in_task["switchSays"], in_task["stored"]) == ("Engineer", "Engineer"), (
        f"in the click's task the switch says {in_task['switchSays']!r} and the stored choice is "
        f"{in_task['stored']!r}: both are the reader's answer, at once")
    assert (in_task["root"], in_task["shown"], in_task["changes"]) == ("developer", before["shown"], 0), (
        f"in the click's task the root says {in_task['root']!r}, the sets on screen show {in_task['shown']} "
        f"and {in_task['changes']} radios changed: all of it should follow after the paint")
    assert after["root"] == "engineer" and set(after["shown"]) == {"Engineer"}, after
    assert abs(after["reading"] - before["reading"]) <= 1, (
        f"the section being read moved from {before['reading']} px to {after['reading']} px on screen")
    assert_every_set_shows(page, "Engineer")  # once the page is idle
    page.wait_for_function("() => location.search === '?view=engineer'")
    assert page.evaluate(ARIA_PROBLEMS) == []


# Clicks on tab links (set index, tab index) or the header switch ("switch",
# view), all in one task.
CLICKS_IN_ONE_TASK = """clicks => {
  const sets = [...document.querySelectorAll(".md-content .tabbed-set")];
  for (const [set, tab] of clicks) {
    if (set === "switch") document.querySelector(`.view-switch input[value=${tab}]`).click();
    else sets[set].querySelectorAll(":scope > .tabbed-labels > label a")[tab].click();
  }
}"""


@pytest.mark.parametrize("clicks, view", [
    ([(0, 1), (1, 0)], "Developer"),  # the last click is back to the view the page showed
    ([(0, 1), (1, 1)], "Engineer"),
    ([(1, 1), (1, 0), (0, 1)], "Engineer"),
    ([(0, 1), ("switch", "Developer")], "Developer"),
    ([("switch", "Engineer"), (1, 0)], "Developer"),
    ([("switch", "Engineer"), ("switch", "Developer"), ("switch", "Engineer")], "Engineer"),
], ids=["back-to-the-first-view", "both-to-the-second", "there-back-and-there",
        "tab-then-switch-back", "switch-then-tab-back", "switch-there-back-and-there"])
def test_clicks_faster_than_the_paint_end_in_the_last_ones_view_everywhere(fresh_context, clicks, view):
    # A click shows its view in its own set at once and everywhere else after
    # the paint: clicks that come before then (a double tap, keys held down)
    # leave every set, the header switch, the stored choice and the address
    # in the last one's view.
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("roles/")
    settled(page)
    page.evaluate(CLICKS_IN_ONE_TASK, clicks)
    settled(page)
    shown = page.evaluate(SHOWN_NOW)
    assert shown == [view] * len(shown), f"after the clicks {clicks} the sets show {shown}, not all {view}"
    assert page.evaluate("document.querySelector('.view-switch input:checked').value") == view
    assert page.evaluate("__view.storedView()") == view
    page.wait_for_function("view => location.search === `?view=${view}`", arg=view.lower())
    assert page.evaluate(ARIA_PROBLEMS) == []


# A click and printing in one task: what paper would show at that moment.
CLICK_THEN_PRINT = """control => {
  window.dispatchEvent(new Event("beforeprint"));  // printed once already, in the first view
  if (control === "switch") document.querySelector(".view-switch input[value=Engineer]").click();
  else document.querySelector(".md-content .tabbed-set .tabbed-labels > label:nth-child(2) a").click();
  window.dispatchEvent(new Event("beforeprint"));
  return {
    root: document.documentElement.getAttribute("data-view"),
    waiting: document.querySelectorAll(".md-content .tabbed-set[data-view-later]").length,
    line: document.querySelector("[data-print-address]").textContent,
    // Links to other pages that name no view of their own print with the reader's.
    links: [...document.querySelectorAll(".md-content article a[data-print-href*='?view=']:not([href*='view='])")]
      .map(a => a.getAttribute("data-print-href")),
  };
}"""


@pytest.mark.parametrize("control", ["tab", "switch"])
def test_a_page_printed_before_the_clicks_paint_prints_the_chosen_view(fresh_context, control):
    # A script's print() in the click's own task: the view that waits for
    # the paint comes first (idle-work.js, beforePrint), so paper shows it in
    # every set, names it in the printed address line and gives it to the
    # links to other pages, also when the page was printed once before.
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("roles/")
    settled(page)
    paper = page.evaluate(CLICK_THEN_PRINT, control)
    assert paper["root"] == "engineer" and paper["waiting"] == 0, (
        f"printed in the click's task after a {control} click, the root says {paper['root']!r} and "
        f"{paper['waiting']} sets are still marked data-view-later")
    assert paper["line"].startswith("Printed in the Engineer view"), paper["line"]
    assert paper["links"] and all("?view=engineer" in href for href in paper["links"]), (
        f"printed again in the click's task after a {control} click, links print with: {paper['links'][:3]}")


@pytest.fixture
def sets_left_waiting(fresh_context):
    """/software-examples/ at phone width, on a page that never idles, just after a click on the
    first set's Engineer tab: the sets below the window still wait for idle time."""
    context = fresh_context(viewport=PHONE)
    context.add_init_script(NEVER_IDLE)
    page = context.new_page()
    page.goto("software-examples/")
    page.locator(".md-content .tabbed-set").first.scroll_into_view_if_needed()
    page.locator(".md-content .tabbed-set").first.locator(".tabbed-labels label", has_text="Engineer").click()
    # The rest of the page follows the click just after its paint (view-state.js,
    # follow), and a frame later a scroll counts as a reader's (laterSets).
    page.wait_for_function("() => document.documentElement.dataset.view === 'engineer'")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return page


@pytest.mark.parametrize("reader_action", ["scroll", "focus", "print", "back"])
def test_the_sets_below_the_window_follow_before_a_reader_can_reach_them(sets_left_waiting, reader_action):
    # On a page that never idles, what the click left for later is done the
    # moment the reader scrolls towards it, moves the focus into it or prints; a click
    # back to the first view before then (a script's, with no pointer) leaves
    # every set in that view at once.
    page = sets_left_waiting
    if reader_action == "scroll":
        page.mouse.wheel(0, 600)
        page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(true)))")
    elif reader_action == "back":
        page.evaluate("document.querySelector('.md-content .tabbed-set .tabbed-labels a').click()")
        # Each set shows the panel of its selected tab, the view or (below the
        # window, for now) the other.
        shown = page.evaluate(SHOWN_NOW)
        assert set(shown) <= {"Developer", "Engineer"}, shown
        page.mouse.wheel(0, 600)
        page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(true)))")
    elif reader_action == "focus":
        # The keyboard reaches the last set (its tab, focused where it is).
        page.evaluate("[...document.querySelectorAll('.md-content .tabbed-set .tabbed-labels a')].pop().focus({ preventScroll: true })")
    else:
        print_media(page)
    view = "Developer" if reader_action == "back" else "Engineer"
    assert page.evaluate(SHOWN_NOW) == [view] * page.locator(".md-content .tabbed-set").count()
    if reader_action != "print":
        assert page.evaluate(ARIA_PROBLEMS) == []


# Tabs whose aria-selected differs from their radio (tabs-aria.js keeps them equal).
ARIA_PROBLEMS = """() => [...document.querySelectorAll(".md-content .tabbed-set")].flatMap((set, n) =>
  [...set.querySelectorAll(":scope > .tabbed-labels [role=tab]")].filter((tab, i) =>
    tab.getAttribute("aria-selected") !== String(set.querySelectorAll(":scope > input")[i].checked))
  .map(tab => `set ${n + 1}: ${tab.textContent.trim()} aria-selected ${tab.getAttribute("aria-selected")}`))"""


# What every set shows now, without waiting for idle time (support/views.py waits).
SHOWN_NOW = """() => [...document.querySelectorAll(".md-content .tabbed-set")].map(set => {
  const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
  const shown = blocks.filter(b => getComputedStyle(b).display !== "none");
  const checked = set.querySelector(":scope > input:checked");
  const label = set.querySelector(`:scope > .tabbed-labels > label[for="${checked.id}"]`).textContent.trim();
  return shown.length === 1 && blocks.indexOf(shown[0]) === [...set.querySelectorAll(":scope > input")].indexOf(checked)
    ? label : `${label} selected, panel ${blocks.indexOf(shown[0])} shown`;
})"""


def test_a_jump_past_the_sets_still_waiting_lands_on_its_section(sets_left_waiting):
    # The sets a click left for later catch up when the reader scrolls; a
    # jump by the contents or a link scrolls past them first, so by then they
    # are above the section the reader landed on, and their new height must
    # not move it.
    page = sets_left_waiting
    # As in WebKit, which has no scroll anchoring: nothing keeps the place but the site.
    page.evaluate("document.documentElement.style.overflowAnchor = document.body.style.overflowAnchor = 'none'")
    heading = page.evaluate("[...document.querySelectorAll('.md-content article h2[id]')].pop().id")
    top = page.evaluate("""id => new Promise(done => {
      const target = document.getElementById(id);
      target.scrollIntoView();
      const landed = target.getBoundingClientRect().top;
      requestAnimationFrame(() => requestAnimationFrame(() => done([landed, target.getBoundingClientRect().top])));
    })""", heading)
    assert page.evaluate(SHOWN_NOW) == ["Engineer"] * page.locator(".md-content .tabbed-set").count()
    assert abs(top[1] - top[0]) <= 2, f"#{heading} landed at {top[0]} px and moved to {top[1]} px"
