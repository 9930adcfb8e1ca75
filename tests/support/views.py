"""The Developer and Engineer views as a reader meets them: in a browser, and in built HTML.

The views themselves, their order and the fragment rule come from
scripts/view_contract.py; nothing here lists them again.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from .browser import SETTLE
from .pages import NAV_PAGES
from view_contract import DEFAULT_VIEW, STORAGE_NAME, VIEWS, view_of_fragment

__all__ = ["DEFAULT_VIEW", "VIEWS", "STORAGE_KEY", "storage_key", "other_view", "shown_views",
           "assert_every_set_shows", "named_views", "labels", "panels", "tab_set_under", "PANELS",
           "SHOWN_VIEWS", "SWITCH_CHECKED", "TAB_LABEL", "SWITCH_LABEL", "tab_pairs",
           "shown_panels", "assert_view"]


def storage_key(site_url: str) -> str:
    """The localStorage key of the stored view: the site's root path, then ".__view"."""
    return urlsplit(site_url).path + "." + STORAGE_NAME


STORAGE_KEY = storage_key("/")  # a site served at the root of its host


def other_view(view: str) -> str:
    """The view that is not `view` (either case in, the same case out)."""
    names = [v.lower() for v in VIEWS] if view.islower() else list(VIEWS)
    return names[1 - names.index(view)]


# --- In the browser ----------------------------------------------------------

# Both read the page once what the last click set going is done (SETTLE): a
# tab click changes the other sets after the next paint, those below the
# window in idle time (view-state.js), where no reader sees them.

# Which panel each tab set shows on screen: "0" (Developer), "1" (Engineer), or how many.
PANELS = """async () => { SETTLE return [...document.querySelectorAll(".md-content .tabbed-set")].map(set => {
  const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
  const shown = blocks.map((b, i) => getComputedStyle(b).display !== "none" ? i : -1).filter(i => i >= 0);
  return shown.length === 1 ? String(shown[0]) : `${shown.length} panels shown`;
}); }""".replace("SETTLE", SETTLE)

# Per tab set, in page order: the label selected, and whether its own panel is the one on screen.
SHOWN_VIEWS = """async () => { SETTLE return [...document.querySelectorAll(".tabbed-set")].map(set => {
  const checked = set.querySelector(":scope > input:checked");
  const label = checked && set.querySelector(`:scope > .tabbed-labels > label[for="${checked.id}"]`);
  if (!label) return "no tab selected";
  const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
  const shown = blocks.filter(b => getComputedStyle(b).display !== "none");
  const inputs = [...set.querySelectorAll(":scope > input")];
  return label.textContent.trim() + (shown.length === 1 && blocks.indexOf(shown[0]) === inputs.indexOf(checked) ? "" : " (wrong panel shown)");
}); }""".replace("SETTLE", SETTLE)

# Selectors: a tab set's labels, and the options of the header's view switch.
TAB_LABEL = ".tabbed-set > .tabbed-labels > label"
SWITCH_LABEL = '.md-header [role="radiogroup"] label'

# The option the header's view switch has checked (its value is its label).
SWITCH_CHECKED = """() => [...document.querySelectorAll('.md-header [role="radiogroup"] input:checked')].map(r => r.value)"""


def shown_views(page) -> list[str]:
    """The view each tab set of the page shows, in page order."""
    views = page.evaluate(SHOWN_VIEWS)
    assert views, f"{page.url} has no tab sets"
    return views


def assert_every_set_shows(page, view: str) -> None:
    """Every tab set of the page shows `view`, its own panel on screen."""
    views = shown_views(page)
    assert views == [view] * len(views), f"{page.url}: tab sets show {views}"


def shown_panels(page) -> list[str]:
    """Which panel each tab set of the page shows (PANELS), in page order."""
    shown = page.evaluate(PANELS)
    assert shown, f"{page.url}: no tab sets"
    return shown


def assert_view(page, view: str) -> None:
    """Every set shows `view`'s panel, alone, and the header switch says so."""
    index = str(VIEWS.index(view))
    shown = shown_panels(page)
    assert shown == [index] * len(shown), f"{page.url}: sets show {shown}, expected {view} ({index}) in each"
    assert page.evaluate(SWITCH_CHECKED) == [view], f"{page.url}: the header switch says {page.evaluate(SWITCH_CHECKED)}"


def named_views(url: str) -> set[str]:
    """Every view an address names, in lower case: its ?view= and a tab fragment's suffix."""
    parts = urlsplit(url)
    views = {v.lower() for v in parse_qs(parts.query).get("view", [])}
    named = view_of_fragment(parts.fragment)
    if named:
        views.add(named.lower())
    return views


# --- In built HTML (BeautifulSoup) -------------------------------------------


def labels(tab_set) -> list[str]:
    """The labels of a tab set, in order."""
    return [label.get_text(strip=True) for label in tab_set.select(":scope > .tabbed-labels > label")]


def panels(tab_set) -> dict[str, object]:
    """The content of each view of a tab set, by label."""
    return dict(zip(labels(tab_set), tab_set.select(":scope > .tabbed-content > .tabbed-block")))


def tab_set_under(page, heading_id: str):
    """The tab set that follows a heading within its section, or None."""
    heading = page.find(id=heading_id)
    assert heading, f"#{heading_id} is missing"
    for element in heading.find_all_next():
        if re.fullmatch(r"h[1-6]", element.name):
            return None  # the next section began first
        if "tabbed-set" in (element.get("class") or []):
            return element
    return None


# A word of a section that only its Engineer panel holds, as the query of a
# search hit that names the section (what Material links to: ?h=<words>#<section>).
ENGINEER_ONLY_WORD = """() => {
  for (const set of document.querySelectorAll("article .tabbed-set")) {
    let heading = set.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    if (!heading || !heading.id) continue;
    const blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
    const words = el => new Set((el.textContent.toLowerCase().match(/[a-z]{7,}/g) || []));
    const engineer = words(blocks[1]);
    const elsewhere = new Set();
    for (let el = heading; el; el = el.nextElementSibling) {
      if (el !== heading && /^H[1-6]$/.test(el.tagName) && el.tagName <= heading.tagName) break;
      const part = el === set ? blocks[0] : el;
      words(part).forEach(w => elsewhere.add(w));
    }
    const only = [...engineer].filter(w => !elsewhere.has(w));
    if (only.length) return [heading.id, only[0]];
  }
  return null;
}"""


def tab_pairs(site):
    """(page, set id, words per view) for every Developer/Engineer tab set of the nav's built pages."""
    for path in NAV_PAGES:
        for tab_set in site.soup(path).select("article .tabbed-set"):
            if labels(tab_set) != ["Developer", "Engineer"]:
                continue
            first = tab_set.find("input")
            yield path, first["id"].removesuffix("-developer"), {
                view: len(block.get_text(" ").split()) for view, block in panels(tab_set).items()}
