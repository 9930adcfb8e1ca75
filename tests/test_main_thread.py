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
from support.browser import print_media, settled
from support.config import mkdocs_yml
from support.pages import NAV_PAGES

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
    page.wait_for_function("document.documentElement.dataset.view === 'engineer'")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))")
    changes = page.evaluate("window.__rootClassChanges")
    assert not changes, f"a {control} click changed the class of {changes}: mark state with an attribute instead"
