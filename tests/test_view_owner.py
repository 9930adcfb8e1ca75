"""The view has one state and one owner, and addresses stay right after a switch.

- One state: the head script puts the view on `<html data-view>` before the
  body is parsed and the site's CSS shows each set's panel from it, so the
  view shows even when Material's bundle and the site's deferred scripts never
  run; without JavaScript each set switches on its own.
- The header switch is inserted whole: labelled, named, one option checked.
- After a change of view, Material's anchor tracking names the section on
  screen: after a ¶ click, a click in the table of contents and a scroll, at
  1280 and 390 px. It measures headings only when the page's height changes,
  and a switch moves headings without changing it; view-state.js makes it
  measure again. A tab click names its own set's section.

  The sweep runs in Chromium on one page of each kind (SWEPT_PAGES: the home
  page, the long article, the glossary's terms, the page with its own script);
  every other page is checked in its built HTML to run the scripts of a swept
  page and offer the same three landings
  (a ¶ link on each heading, a contents link to each), since the behaviour is
  view-state.js's and Material's, the same on every page. Each sweep is six
  switches and eighteen landings, about ten seconds of a busy core.
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import NAV_PAGES
from support.builds import parsed
from support.browser import DESKTOP, PHONE
from support.views import PANELS, SWITCH_LABEL
from view_contract import VIEWS


# --- One state, shown by CSS -------------------------------------------------------


def test_the_view_shows_with_materials_bundle_and_the_sites_scripts_blocked(fresh_context):
    context = fresh_context()
    # Every script file: Material's bundle, site.js. Only the inline head script runs.
    context.route("**/assets/javascripts/**/*.js", lambda route: route.abort())
    page = context.new_page()
    for path in ["article/?view=engineer", "comparison/"]:  # the link, then the stored choice
        page.goto(path)
        assert page.evaluate("document.documentElement.dataset.view") == "engineer", path
        shown = page.evaluate(PANELS)
        assert shown and shown == ["1"] * len(shown), f"{path}: sets show {shown}, expected Engineer (1) in each"
        assert page.evaluate("typeof window.document$") == "undefined", "Material's bundle ran"


def test_without_javascript_each_set_switches_on_its_own(fresh_context):
    page = fresh_context(java_script_enabled=False).new_page()
    page.goto("article/?view=engineer")  # a link's view needs JavaScript; the sets still work
    assert page.evaluate("document.documentElement.hasAttribute('data-view')") is False
    page.locator(".tabbed-set").nth(1).locator(".tabbed-labels > label", has_text="Engineer").click()
    shown = page.evaluate(PANELS)
    assert shown[1] == "1" and set(shown[:1] + shown[2:]) == {"0"}, shown


# --- The header switch is inserted whole -------------------------------------------

# Each time a .view-switch enters the document, what it is at that moment.
SWITCH_AT_INSERTION = """
window.__switches = [];
for (const [proto, name] of [[Node.prototype, "insertBefore"], [Node.prototype, "appendChild"], [Element.prototype, "append"], [Element.prototype, "prepend"], [Element.prototype, "after"], [Element.prototype, "before"]]) {
  const original = proto[name];
  proto[name] = function (...args) {
    const result = original.apply(this, args);
    for (const node of args) {
      if (!(node instanceof Element) || !node.isConnected) continue;
      const group = node.matches(".view-switch") ? node : node.querySelector && node.querySelector(".view-switch");
      const radio = node.matches("input") && node.closest(".view-switch") ? node : null;
      for (const el of [group, radio && radio.closest(".view-switch")].filter(Boolean)) {
        const radios = [...el.querySelectorAll("input[type=radio]")];
        window.__switches.push({
          name: el.getAttribute("aria-label"),
          role: el.getAttribute("role"),
          options: radios.map(r => { const l = el.querySelector(`label[for="${r.id}"]`); return l ? l.textContent : null; }),
          checked: radios.filter(r => r.checked).length,
        });
      }
    }
    return result;
  };
}
"""


@pytest.mark.parametrize("path", ["article/", "article/?view=engineer", "404.html"])
def test_the_header_switch_is_inserted_whole(fresh_context, path):
    context = fresh_context()
    context.add_init_script(SWITCH_AT_INSERTION)
    page = context.new_page()
    page.goto(path)
    page.wait_for_selector(".view-switch")
    seen = page.evaluate("window.__switches")
    assert seen, f"{path}: no insertion of the switch was seen"
    whole = {"name": "View", "role": "radiogroup", "options": list(VIEWS), "checked": 1}
    assert all(s == whole for s in seen), f"{path}: the switch entered the page as {seen}, not {whole}"


# --- Addresses after a switch ------------------------------------------------------

# Headings of the table of contents below the page's first tab set (a switch
# moves them) that can reach the top of the window, at most `n`.
MOVED_HEADINGS = """n => {
  const first = document.querySelector(".md-content .tabbed-set");
  if (!first) return [];
  const ids = [...document.querySelectorAll('[data-md-component="toc"] a.md-nav__link')].map(a => decodeURIComponent(a.hash.slice(1)));
  return [...new Set(ids)].map(id => document.getElementById(id)).filter(h => h &&
    (first.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) &&
    h.getBoundingClientRect().top + scrollY + innerHeight < document.documentElement.scrollHeight - 40
  ).slice(0, n).map(h => h.id);
}"""

# The section Material's tracking holds as the one on screen, and the address
# names it: both the given heading.
NAMES_SECTION = """id => {
  const active = document.querySelector('[data-md-component="toc"] .md-nav__link--active');
  return !!active && decodeURIComponent(active.hash) === "#" + id && decodeURIComponent(location.hash) === "#" + id;
}"""
STATE = """() => ({address: location.href, contents: (document.querySelector('[data-md-component="toc"] .md-nav__link--active') || {}).hash || null})"""


def names_section_after_scrolling(page, viewport, heading) -> bool:
    """The reader scrolls a little, a few times: Material's tracking writes the
    address of the section it holds on screen 250 ms after a scroll, and
    ignores the first scroll after a fragment changed. True once the contents'
    highlight and the address both name `heading`."""
    page.mouse.move(viewport["width"] // 2, viewport["height"] // 2)
    for _ in range(6):
        page.mouse.wheel(0, 2)
        try:
            page.wait_for_function(NAMES_SECTION, arg=heading, timeout=600)
            return True
        except Exception:
            continue
    return False


def land_by_permalink(page, heading, viewport):
    page.locator(f"[id='{heading}'] > a.headerlink").click()


def land_by_contents(page, heading, viewport):
    if viewport["width"] < 1220:  # the contents sit in the drawer
        page.locator(".md-header label[for='__drawer']").click()
        # Measured while the drawer still slides in, a link looks on screen and is not by the click.
        page.wait_for_function("() => !document.querySelector('.md-sidebar--primary').getAnimations({subtree: true}).length")
        link = page.locator(f".md-sidebar--primary [data-md-component='toc'] a.md-nav__link[href='#{heading}']")
    else:
        link = page.locator(f".md-sidebar--secondary [data-md-component='toc'] a.md-nav__link[href='#{heading}']")
    box = link.bounding_box() if link.is_visible() else None
    if box and 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"] and 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"]:
        with contextlib.suppress(PlaywrightTimeoutError):  # the drawer's contents may move it out of reach (/glossary/, 390 px)
            link.click(timeout=5000)
            return
    link.evaluate("a => a.click()")  # a long page's contents in the drawer, folded or below its fold: the link, followed


def land_by_scrolling(page, heading, viewport):
    page.evaluate(f"document.getElementById({heading!r}).scrollIntoView()")


LANDINGS = [land_by_permalink, land_by_contents, land_by_scrolling]


# One page of each kind the sweep below runs on in the browser: a short landing
# page, the longest page (its contents fold in the phone's drawer), the terms,
# and the one page with a script of its own.
SWEPT_PAGES = ["", "article/", "glossary/", "self-check/"]


def scripts_of(soup) -> list[str]:
    """The script files a built page runs, by file name (the path differs with the page's depth)."""
    return [tag["src"].rsplit("/", 1)[-1] for tag in soup.select("script[src]")]


def landings_of(soup) -> list[str]:
    """What stops a section from being reached by all three landings: a heading of the
    contents with no ¶ link, or a contents link to no heading."""
    ids = {element["id"]: element for element in soup.select_one("article").find_all(id=True)}
    missing = []
    for link in soup.select('[data-md-component="toc"] a.md-nav__link'):
        heading = ids.get(link["href"].lstrip("#"))
        if heading is None:
            missing.append(f"contents link {link['href']} names no element of the page")
        elif not heading.select_one(":scope > a.headerlink"):
            missing.append(f"#{heading['id']} has no ¶ link")
    return list(dict.fromkeys(missing))  # the drawer's contents and the sidebar's name the same sections


def test_every_page_offers_the_swept_pages_scripts_and_landings(site):
    """The sweep's pages stand for the rest: every page runs the scripts of a swept page and each
    of its contents' sections can be reached by a ¶ click, a contents click and a scroll."""
    assert set(SWEPT_PAGES) <= set(NAV_PAGES), f"{SWEPT_PAGES} are not all pages of the nav"
    swept = {tuple(scripts_of(parsed(site.path / path / "index.html"))) for path in SWEPT_PAGES}
    assert all("site.js" in scripts for scripts in swept), f"the swept pages run {swept}, some without the site's site.js"
    problems = []
    for path in NAV_PAGES:
        soup = parsed(site.path / path / "index.html")
        if tuple(scripts_of(soup)) not in swept:
            problems.append(f"/{path} runs {scripts_of(soup)}, no swept page does {sorted(swept)}: "
                            "add it to SWEPT_PAGES, a page of a new kind")
        problems += [f"/{path}: {problem}" for problem in landings_of(soup)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("path", SWEPT_PAGES)
def test_after_a_switch_the_address_names_the_section_on_screen(fresh_context, viewport, path):
    page = fresh_context(viewport=viewport).new_page()
    page.goto(f"{path}?view={VIEWS[0].lower()}")
    headings = page.evaluate(MOVED_HEADINGS, len(LANDINGS))
    if not headings:
        pytest.skip(f"/{path} has no heading below a tab set that can reach the top of the window")
    wrong = []
    for view in [VIEWS[1], VIEWS[0]]:
        page.locator(SWITCH_LABEL, has_text=view).click()
        for heading, land in zip(headings, LANDINGS):
            land(page, heading, viewport)
            if not names_section_after_scrolling(page, viewport, heading):
                wrong.append(f"{view}, {land.__name__} to #{heading}: {page.evaluate(STATE)}")
    assert not wrong, f"/{path} at {viewport['width']} px, after a switch:\n" + "\n".join(wrong)


# The first set below another section whose heading and labels fit in the lower
# half of the window: [index of the set, its heading's id].
LOW_SET = """() => {
  const sets = [...document.querySelectorAll(".md-content .tabbed-set")];
  for (const [i, set] of sets.entries()) {
    let h = set.previousElementSibling;
    while (h && !/^H[1-6]$/.test(h.tagName)) h = h.previousElementSibling;
    const above = [...document.querySelectorAll(".md-content article :is(h2, h3)[id]")].filter(x => x.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
    const gap = set.querySelector(".tabbed-labels").getBoundingClientRect().top - h.getBoundingClientRect().top;
    if (h && h.id && above.length && gap < innerHeight * 0.4) return [i, h.id];
  }
  return null;
}"""


def test_a_tab_click_low_on_the_screen_names_its_own_section(fresh_context, site):
    page = fresh_context().new_page()
    page.clock.install()  # Material's tracking writes 250 ms after a scroll: run past it without waiting
    page.goto("article/?view=developer")
    index, heading = page.evaluate(LOW_SET)
    # The set's heading halfway down the window: the section at the top of the window is another one.
    page.evaluate(f"window.scrollTo(0, document.getElementById({heading!r}).getBoundingClientRect().top + scrollY - innerHeight / 2)")
    page.evaluate("() => new Promise(requestAnimationFrame)")
    page.clock.run_for(1000)
    before = page.evaluate("location.hash")
    assert before != f"#{heading}", "the test needs another section at the top of the window"
    page.locator(".md-content .tabbed-set").nth(index).locator(".tabbed-labels > label", has_text="Engineer").click()
    # The address follows a click just after the next paint (view-state.js).
    page.wait_for_function("() => location.search === '?view=engineer'")
    assert page.evaluate("location.href") == f"{site.url}article/?view=engineer#{heading}"
    page.evaluate("() => new Promise(requestAnimationFrame)")
    page.clock.run_for(1000)  # and Material's tracking leaves it so
    assert page.evaluate("location.href") == f"{site.url}article/?view=engineer#{heading}"
