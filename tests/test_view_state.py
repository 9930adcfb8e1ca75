"""The reader's view is page state with one owner (overrides/assets/javascripts/view-state.js).

A switch in the header shows and changes it; the address bar always names
the view the page shows, so a copied address opens the same view for anyone;
heading permalinks carry it; a search hit or a fragment inside the other
view's panel selects that view; a moved page's old address keeps it.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from conftest import NAV_PAGES, ROOT
from support.browser import DESKTOP, PHONE, print_media
from support.builds import parsed
from support.views import DEFAULT_VIEW, ENGINEER_ONLY_WORD, STORAGE_KEY, VIEWS, assert_every_set_shows, named_views, other_view, shown_views

SWITCH = """() => {
  const group = document.querySelector('.md-header [role="radiogroup"]');
  if (!group) return null;
  const radios = [...group.querySelectorAll('input[type="radio"]')];
  return {
    name: group.getAttribute("aria-label"),
    options: radios.map(r => document.querySelector(`label[for="${r.id}"]`).textContent.trim()),
    checked: radios.filter(r => r.checked).map(r => document.querySelector(`label[for="${r.id}"]`).textContent.trim()),
  };
}"""


def switch(page) -> dict | None:
    return page.evaluate(SWITCH)


def switch_label(page, view: str):
    return page.locator(".md-header [role=radiogroup] label", has_text=view)


def stored_first(page) -> str | None:
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})") or "null")


# --- The header switch --------------------------------------------------------


def header_shape(soup) -> list:
    """A built page's header as the switch meets it: every element's tag and attributes and
    every text, but the page's own title (ellipsised) and its relative links (they differ by depth)."""
    header = soup.select_one(".md-header")
    assert header, "no .md-header"
    title = header.select_one('[data-md-component="header-topic"]')
    shape = []
    for el in header.find_all(True):
        if title and el in title.find_all(True):
            continue
        shape.append((el.name, sorted((k, str(v)) for k, v in el.attrs.items() if k not in ("href", "src", "action"))))
    texts = [t.strip() for t in header.find_all(string=True) if t.strip() and not (title and t in title.find_all(string=True))]
    return shape + texts


def test_every_page_has_the_header_the_switch_was_checked_in(site):
    """The switch's place is checked in the browser on HEADER_SAMPLE; every other page's header,
    where the switch is inserted, is the same markup but for its title, which the header
    shortens with an ellipsis rather than widening, so the switch sits the same on it."""
    reference = header_shape(parsed(site.path / "article" / "index.html"))
    different = [f"/{path}" for path in NAV_PAGES if header_shape(parsed(site.path / path / "index.html")) != reference]
    assert not different, f"these pages' headers differ from the article's beyond the title: {different}"
    title = parsed(site.path / "article" / "index.html").select_one('.md-header [data-md-component="header-topic"] .md-ellipsis')
    assert title, "the page title in the header is not in Material's .md-ellipsis (shortened, not widened)"


# The header switch's place in the browser: the home page, the article, and the
# page whose title is the longest (the most the header's title holds).
@pytest.fixture(scope="module")
def header_sample(site) -> list[str]:
    title = {path: len(parsed(site.path / path / "index.html").select_one('.md-header [data-md-component="header-topic"]').get_text(strip=True))
             for path in NAV_PAGES}
    return list(dict.fromkeys(["", "article/", max(NAV_PAGES, key=title.get)]))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_header_switch_is_one_tap_away(fresh_context, viewport, header_sample):
    page = fresh_context(viewport=viewport).new_page()
    for path in header_sample:
        page.goto(path)
        assert switch(page) == {"name": "View", "options": list(VIEWS), "checked": [DEFAULT_VIEW]}, f"/{path}"
        for view in VIEWS:
            box = switch_label(page, view).bounding_box()
            header = page.locator(".md-header").bounding_box()
            assert box and box["width"] >= 24 and box["height"] >= 24, f"/{path}: {view} is {box}"
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"/{path}: {view} off screen: {box}"
            assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], f"/{path}: {view} not in the header"


def test_the_switch_changes_every_set_stores_like_a_tab_and_carries_to_the_next_page(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/")
    switch_label(page, "Engineer").click()
    assert_every_set_shows(page, "Engineer")
    assert switch(page)["checked"] == ["Engineer"]
    assert stored_first(page) == "Engineer"  # the one stored key
    page.goto("comparison/")
    assert_every_set_shows(page, "Engineer")
    assert switch(page)["checked"] == ["Engineer"]
    # A tab click moves the switch too: they never disagree.
    page.locator(".tabbed-labels label", has_text="Developer").first.click()
    assert_every_set_shows(page, "Developer")
    assert switch(page)["checked"] == ["Developer"]


def test_the_switch_works_from_the_keyboard(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/")
    page.locator(".md-header [role=radiogroup] input:checked").focus()
    page.keyboard.press("ArrowRight")
    assert_every_set_shows(page, "Engineer")
    assert switch(page)["checked"] == ["Engineer"]
    assert stored_first(page) == "Engineer"
    page.keyboard.press("ArrowLeft")
    assert_every_set_shows(page, "Developer")


def test_without_javascript_there_is_no_switch(fresh_context):
    page = fresh_context(java_script_enabled=False).new_page()
    for path in NAV_PAGES:
        page.goto(path)
        assert page.locator(".md-header").get_by_text("Engineer", exact=True).count() == 0, f"/{path}"


# --- The address bar names the view on screen ---------------------------------


def change_by_switch(page):
    page.goto("article/?view=developer")
    switch_label(page, "Engineer").click()


def change_by_tab_click(page):
    page.goto("article/?view=developer")
    page.locator(".tabbed-labels label", has_text="Engineer").nth(1).click()


def change_by_arrow_key(page):
    page.goto("article/?view=developer#success-metric-developer")
    page.locator('[role="tab"]', has_text="Developer").first.focus()
    page.keyboard.press("ArrowRight")


def change_by_view_link(page):
    page.goto("article/")
    page.locator(".tabbed-labels label", has_text="Developer").first.click()
    page.goto("article/?view=engineer")


def change_by_tab_fragment(page):
    page.goto("article/?view=developer")
    page.goto("article/#success-metric-engineer")


def change_then_plain_address(page):
    page.goto("comparison/?view=engineer")
    page.goto("article/")  # the stored choice, with nothing in the address


CHANGES = [change_by_switch, change_by_tab_click, change_by_arrow_key, change_by_view_link,
           change_by_tab_fragment, change_then_plain_address]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__.removeprefix("change_"))
def test_a_copied_address_shows_a_new_reader_the_same_view(fresh_context, change):
    page = fresh_context().new_page()
    change(page)
    assert_every_set_shows(page, "Engineer")
    history = page.evaluate("history.length")
    copied = page.url
    assert named_views(copied) == {"engineer"}, f"the address names {named_views(copied)}: {copied}"
    other = fresh_context().new_page()
    other.goto(copied)
    assert_every_set_shows(other, "Engineer")
    # Changing back rewrites the same entry: no new history entry per change.
    # (A click's address follows two paints later: view-state.js.)
    switch_label(page, "Developer").click()
    expect(page).to_have_url(re.compile(r"[?&]view=developer(&|#|$)"))
    assert named_views(page.url) == {"developer"}, page.url
    assert page.evaluate("history.length") == history


def test_the_address_keeps_the_section_and_other_parameters(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/?view=developer#success-metric")
    switch_label(page, "Engineer").click()
    expect(page).to_have_url(re.compile(r"article/\?view=engineer#success-metric$"))
    page.goto("article/?view=engineer&utm_source=wiki#success-metric-engineer")
    switch_label(page, "Developer").click()
    # A tab fragment became its section's heading when the page opened.
    expect(page).to_have_url(re.compile(r"article/\?view=developer&utm_source=wiki#success-metric$"))


# --- Permalinks carry the view ------------------------------------------------


@pytest.mark.parametrize("view", VIEWS)
def test_a_heading_permalink_opens_the_section_in_the_view_it_was_copied_in(fresh_context, view):
    page = fresh_context().new_page()
    page.goto("article/")
    switch_label(page, view).click()
    page.locator("#success-metric > a.headerlink").hover()  # a reader points at the ¶ to copy it
    link = page.evaluate("document.querySelector('#success-metric > a.headerlink').href")
    other = fresh_context().new_page()
    other.goto("comparison/")
    other.locator(".tabbed-labels label", has_text=other_view(view)).first.click()
    other.goto(link)
    assert_every_set_shows(other, view)
    assert other.evaluate("document.getElementById('success-metric').getBoundingClientRect().top") < 200


# --- Search hits and fragments land on visible text ---------------------------

def visible_marks(test: str) -> str:
    """JS: how many words Material marked for a followed search hit are on screen and pass `test` (about `m`)."""
    return f"""() => [...document.querySelectorAll('article mark[data-md-highlight]')].filter(m => {{
  const r = m.getBoundingClientRect();
  return m.getClientRects().length && r.bottom > 0 && r.top < innerHeight && ({test});
}}).length"""


def test_the_error_budget_search_from_the_developer_view_ends_with_the_match_visible(fresh_context):
    page = fresh_context().new_page()
    page.goto("comparison/?view=developer")
    page.keyboard.press("/")
    page.keyboard.type("error budget", delay=50)
    page.locator('.md-search-result a[href*="article/"][href$="#success-metric"]').first.click()
    page.wait_for_url("**/article/**")
    # Material marks the words once its index loads, and joins "error budget" into one mark.
    page.wait_for_function(visible_marks(r"/^error\s+budget$/i.test(m.textContent)"))
    shown = shown_views(page)[0]
    assert named_views(page.url) == {shown.lower()}, page.url
    copied = fresh_context().new_page()  # the address, copied, shows the same
    copied.goto(page.url)
    assert_every_set_shows(copied, shown)




def test_a_search_hit_inside_the_other_view_shows_that_view_and_its_match(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/?view=developer")
    section, word = page.evaluate(ENGINEER_ONLY_WORD)
    page.goto(f"article/?h={word}#{section}")  # following the hit, as Material links it
    # The word is on screen in the panel that holds it. (Material marks it too
    # when its index loads after the switch; on a slow machine it may load
    # first and mark nothing, which hides no text, so the test asks only that
    # the text be visible.)
    page.wait_for_function(f"""() => [...document.querySelectorAll('article .tabbed-block')].some(b =>
      b.getClientRects().length && b.textContent.toLowerCase().includes('{word}'))""")
    assert_every_set_shows(page, "Engineer")
    assert named_views(page.url) == {"engineer"}, page.url


def test_a_fragment_inside_the_other_view_shows_that_view(fresh_context):
    page = fresh_context().new_page()
    found = None
    for path in NAV_PAGES:  # an element with an id that only an Engineer panel holds
        page.goto(f"{path}?view=developer")
        found = page.evaluate("""() => {
          for (const set of document.querySelectorAll('article .tabbed-set')) {
            const block = set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')[1];
            const el = block && block.querySelector('[id]');
            if (el) return el.id;
          }
          return null;
        }""")
        if found:
            break
    assert found, "no page has an element with an id inside an Engineer panel: nothing to test"
    page.evaluate(f"location.hash = {json.dumps('#' + found)}")  # a link followed on the page
    page.wait_for_function(f"document.getElementById({json.dumps(found)}).getClientRects().length > 0")
    assert_every_set_shows(page, "Engineer")
    assert 0 <= page.evaluate(f"document.getElementById({json.dumps(found)}).getBoundingClientRect().top") < 720
    fresh = fresh_context().new_page()  # and arriving with it
    fresh.goto(f"{path}#{found}")
    assert_every_set_shows(fresh, "Engineer")


# --- A moved page's old address keeps the view --------------------------------


@pytest.mark.parametrize("view", [v.lower() for v in VIEWS])
def test_an_old_address_keeps_the_view_and_the_section(fresh_context, site, view):
    page = fresh_context().new_page()
    page.goto(f"comparison/?view={other_view(view)}")  # an earlier, other choice
    page.goto(f"examples/?view={view}#classifier-with-drifting-inputs")
    page.wait_for_url(f"{site.url}ai-examples/**")
    assert_every_set_shows(page, view.capitalize())
    assert page.url == f"{site.url}ai-examples/?view={view}#classifier-with-drifting-inputs"
    assert page.evaluate("document.getElementById('classifier-with-drifting-inputs').getBoundingClientRect().top") < 200
    assert len(shown_views(page)) >= 2


# --- Print --------------------------------------------------------------------

PRINTED = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const sets = [...document.querySelectorAll(".tabbed-set")].map(set => {
    const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")].filter(shown).map(l => l.textContent.trim());
    const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")].map(shown);
    return labels.join("+") + ":" + blocks.map(b => b ? "1" : "0").join("");
  });
  const line = document.querySelector(".print-address");
  const label = document.querySelector(".tabbed-labels > label");
  const ls = label && getComputedStyle(label);
  return {
    sets,
    line: line && shown(line) ? line.textContent.trim() : null,
    label: ls && {size: parseFloat(ls.fontSize), color: ls.color, opacity: ls.opacity, weight: ls.fontWeight},
  };
}"""

LINK_ADDRESSES = """() => [...document.querySelectorAll('article a[href]')]
  .filter(a => !a.closest('.headerlink, .tabbed-labels, .md-code__nav, .footnote-ref') && !a.matches('.headerlink, .footnote-backref'))
  .filter(a => a.getClientRects().length)
  .map(a => {
    const url = new URL(a.href);
    const elsewhere = url.origin + url.pathname !== location.origin + location.pathname;
    return [a.textContent.trim(), a.href, elsewhere, getComputedStyle(a, '::after').content];
  })"""


def reviewed_on_paper(source: str) -> str:
    """The start of a printed page's address line: its reviewed date (front matter)."""
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    date = re.search(r"^reviewed: (\S+)$", text, re.M)[1]
    return f"Last reviewed {date}. "


# Every printout ends its address line with the credit to the original (overrides/partials/credit.html).
PRINTED_CREDIT = " Developer vs. Engineer by its contributors: text under CC BY 4.0, code under the MIT licence."


@pytest.mark.parametrize("view", VIEWS)
def test_print_shows_the_readers_view_and_names_it_and_the_other(fresh_context, site, view):
    page = fresh_context().new_page()
    page.goto("article/")
    switch_label(page, view).click()
    print_media(page)
    printed = page.evaluate(PRINTED)
    only = "".join("1" if v == view else "0" for v in VIEWS)
    assert printed["sets"] == [f"{view}:{only}"] * len(printed["sets"]), printed["sets"]
    other = other_view(view)
    assert printed["line"] == (reviewed_on_paper("article.md") + f"Printed in the {view} view from {site.url}article/?view={view.lower()}. "
                               f"The {other} view: {site.url}article/?view={other.lower()}" + PRINTED_CREDIT)


def test_print_without_javascript_shows_both_views_and_the_address(fresh_context, site):
    page = fresh_context(java_script_enabled=False).new_page()
    page.emulate_media(media="print")  # without JavaScript there is nothing to wait for
    page.goto("article/")
    printed = page.evaluate(PRINTED)
    assert printed["sets"] == ["+".join(VIEWS) + ":" + "1" * len(VIEWS)] * len(printed["sets"]), printed["sets"]
    assert printed["line"] == reviewed_on_paper("article.md") + f"Printed from {site.url}article/, both views, each under its label." + PRINTED_CREDIT


def test_printed_labels_are_legible_and_links_print_their_address(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/")
    print_media(page)
    label = page.evaluate(PRINTED)["label"]
    # Body text prints at 0.68rem (13.6 px); a label is at least that, in black, bold.
    assert label["size"] >= 13.6 and label["color"] == "rgb(0, 0, 0)" and label["opacity"] == "1" and int(label["weight"]) >= 700, label
    links = page.evaluate(LINK_ADDRESSES)
    leaving = [link for link in links if link[2]]
    assert len(leaving) >= 3, links
    # A link to another page of the site prints with the reader's view added.
    bare = [link for link in leaving if link[1] not in re.sub(r"\?view=(developer|engineer)", "", link[3]) and link[0] != link[1]]
    assert not bare, f"links printed without their address: {bare}"


# --- Search finds what readers type -------------------------------------------


def search(page, query: str) -> list[str]:
    """The addresses of the hits, best first, as Material lists them."""
    page.keyboard.press("/")
    # The whole query at once, then a key that adds no letter: typed letter by letter, the hits of
    # its first letters ("on" of "on-call") could be read before the search caught up.
    page.locator(".md-search__input").fill(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d/)")
    return page.evaluate("[...document.querySelectorAll('.md-search-result__item a[href]')].map(a => a.href)")


def test_search_for_a_hyphenated_term_finds_it_as_written(fresh_context):
    page = fresh_context().new_page()
    page.goto("article/")
    hits = [hit for hit in search(page, "on-call") if "#" in hit]  # sections, not whole pages
    # The glossary's term first, not a section that only says "calls" (Material's defaults).
    assert "/glossary/" in hits[0] and hits[0].endswith("#on-call"), hits[:3]


@pytest.mark.parametrize("term", ["on-call", "error-budget", "idempotency-key", "p95"])
def test_each_glossary_term_is_a_hit_that_lands_on_the_term(fresh_context, term):
    page = fresh_context().new_page()
    page.goto("comparison/")
    hits = search(page, term.replace("-", " ") if term != "on-call" else term)
    own = [hit for hit in hits if "/glossary/" in hit and hit.endswith(f"#{term}")]
    assert own, f"no hit lands on the glossary's {term}: {hits}"
    page.locator(f'.md-search-result a[href$="#{term}"]').first.click()
    page.wait_for_url(f"**/glossary/**#{term}")
    assert -1 <= page.evaluate(f"document.getElementById('{term}').getBoundingClientRect().top") < 200
