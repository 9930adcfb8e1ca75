"""The view holds under hostile conditions, on both engines' builds.

Slow links, blocked site data, malformed or crafted addresses, junk in the
browser's storage: whatever arrives, every tab set shows exactly one panel,
in the view the rules name, the header switch has a selection, nothing
throws and nothing injected runs. The rules are written once in the browser
(`window.__view`, overrides/assets/javascripts/view-choice.js) and once in
Python (scripts/view_contract.py); the last tests keep the two equal.

Every browser page here is watched by conftest: any uncaught JavaScript
error, from this site's code or Material's, fails the test.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

import pytest
import yaml

from conftest import ROOT, both_engines, free_port
from support.browser import SEARCH_INDEX, seed, settled
from support.servers import CachingHost, serve
from support.views import ENGINEER_ONLY_WORD, STORAGE_KEY, SWITCH_CHECKED, assert_view, shown_panels
from support.builds import parsed
from view_contract import VIEWS, view_of_fragment

pytestmark = both_engines

STORAGE_TABS = "/.__tabs"  # where Material's tab linking kept a choice: carried over once, then removed
STORAGE_PALETTE = "/.__palette"


# --- Slow links: the first painted frame already shows the view -----------------

# On every frame, before it is painted, which panel each fully parsed set shows.
SAMPLER = """
window.__frames = [];
(function sample() {
  const row = [];
  for (const set of document.querySelectorAll(".tabbed-set")) {
    const blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
    if (blocks.length < 2) continue;  // still streaming in
    row.push([...blocks].map((b, i) => getComputedStyle(b).display !== "none" ? i : -1).filter(i => i >= 0).join(","));
  }
  if (row.length) window.__frames.push(row.join(" "));
  requestAnimationFrame(sample);
})();
"""

LINKS = {"150ms-200KiBps": (150, 200 * 1024), "400ms-50KiBps": (400, 50 * 1024)}


@pytest.fixture(scope="module")
def caching_host(site):
    port = free_port()
    server = serve(site.path, port, CachingHost)
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


def arrive_by_query(page):
    page.goto("comparison/")  # warms the cache, stores nothing
    return "article/?view=engineer"


def arrive_by_fragment(page):
    page.goto("comparison/")  # another page: a fragment alone would not reload this one
    return "article/#success-metric-engineer"


def arrive_by_stored_choice(page):
    page.goto("comparison/?view=engineer")  # the choice, stored
    return "article/"  # its first tab set comes early in the page


@pytest.mark.parametrize("link", LINKS, ids=list(LINKS))
@pytest.mark.parametrize("arrive", [arrive_by_query, arrive_by_fragment, arrive_by_stored_choice],
                         ids=lambda a: a.__name__.removeprefix("arrive_"))
def test_on_a_slow_link_every_painted_frame_shows_the_view(browser, browser_context_args, caching_host, link, arrive):
    # Not conftest's watched context: Playwright turns the HTTP cache off in a
    # context that routes requests, and a warm cache is the case here. The
    # site requests no other host (the other tests watch that); errors are
    # watched below.
    context = browser.new_context(**{**browser_context_args, "base_url": caching_host})
    errors = []
    context.on("page", lambda p: p.on("pageerror", lambda e: errors.append(str(e))))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    address = arrive(page)
    context.add_init_script(SAMPLER)
    cdp = page.context.new_cdp_session(page)
    latency, speed = LINKS[link]
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": latency, "downloadThroughput": speed, "uploadThroughput": speed})
    page.goto(address, wait_until="load")
    frames = page.evaluate("window.__frames")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    assert frames, "no frame was painted with a tab set in it"
    wrong = [f for f in frames if set(f.split(" ")) != {"1"}]
    assert not wrong, (f"{address} on a {link} link: {len(wrong)} of {len(frames)} frames showed another panel "
                       f"than Engineer's (1), first {wrong[0]!r}")
    assert_view(page, "Engineer")
    context.close()
    assert not errors, errors


# --- Blocked site data ---------------------------------------------------------------

# "Don't allow sites to save data": reading localStorage throws.
BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
  configurable: true, get() { throw new DOMException("The document is sandboxed", "SecurityError"); }
});"""


def everywhere(page, site, view: str) -> None:
    """The view shows in every place: sets, switch, address, permalinks, print line."""
    settled(page)
    assert_view(page, view)
    assert f"view={view.lower()}" in page.url, page.url
    hrefs = page.evaluate("[...document.querySelectorAll('.md-content .headerlink')].map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith(f"?view={view.lower()}#") for h in hrefs), hrefs[:3]
    # The printed line is written when the page is printed (idle-work.js, forPrint).
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    line = page.evaluate("document.querySelector('[data-print-address]').textContent")
    assert line.startswith(f"Printed in the {view} view from {site.url}"), line


def test_with_site_data_blocked_every_way_of_choosing_still_works(fresh_context, site):
    context = fresh_context()
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    page.goto("article/?view=engineer")
    everywhere(page, site, "Engineer")
    page.locator(".md-header [role=radiogroup] label", has_text="Developer").click()
    everywhere(page, site, "Developer")
    page.locator(".tabbed-labels label", has_text="Engineer").nth(1).click()
    everywhere(page, site, "Engineer")
    page.locator('[role="tab"]', has_text="Engineer").first.focus()
    page.keyboard.press("ArrowLeft")
    everywhere(page, site, "Developer")
    page.goto("comparison/")  # nothing could be stored: the first view, no error
    assert_view(page, "Developer")


# --- Malformed fragments ------------------------------------------------------------

MALFORMED = {"%": "Developer", "100%-engineer": "Engineer", "%E0%A4%A": "Developer"}


@pytest.mark.parametrize("fragment", MALFORMED, ids=["percent", "100-percent-engineer", "truncated-utf8"])
@pytest.mark.parametrize("start", ["article/", "examples/"], ids=["page", "forwarder"])
def test_a_malformed_fragment_throws_nothing_and_the_rules_hold(fresh_context, site, fragment, start):
    page = fresh_context().new_page()
    page.goto(f"{start}#{fragment}")
    if start == "examples/":
        page.wait_for_url(f"{site.url}ai-examples/**")
    page.wait_for_load_state("load")
    assert_view(page, MALFORMED[fragment])
    page.locator(".md-header [role=radiogroup] label", has_text="Engineer").click()
    assert_view(page, "Engineer")


SELECTOR_FRAGMENTS = ['a"b', "a\\", "a\\\\", "]", "a'b", 'success-metric"]', "x[y", ":not(*)",
                      "success-metric\\-engineer", "%22%5D", "#", "*", "a,b", "a>b"]


@pytest.mark.parametrize("fragment", SELECTOR_FRAGMENTS)
def test_a_fragment_with_css_selector_characters_throws_nothing(fresh_context, fragment):
    page = fresh_context().new_page()
    page.goto(f"article/#{fragment}")
    page.wait_for_load_state("load")
    shown = shown_panels(page)
    assert len(set(shown)) == 1 and shown[0] in ("0", "1"), shown
    assert len(page.evaluate(SWITCH_CHECKED)) == 1
    page.locator(".tabbed-labels label", has_text="Engineer").first.click()
    assert_view(page, "Engineer")


# --- A crafted ?h= -----------------------------------------------------------------

H_JUNK = ["*", "+", "-", "~", "^", ":", " ", "quot", "lt", "gt", "amp", "* quot"]

TEXT = "() => document.querySelector('.md-content article').textContent"
MARKS = "() => document.querySelectorAll('mark[data-md-highlight]').length"
EMPTY_MARKS = "() => [...document.querySelectorAll('mark[data-md-highlight]')].filter(m => !m.textContent).length"


def open_highlighted(page, address: str) -> None:
    """Open `address` and wait until Material (or Zensical) has highlighted the
    `?h=` words: it does so in the task that reads the arrived search index,
    so one frame and a timer after that request finishes, it is done (the
    real query below proves it: its marks are there then)."""
    with page.expect_event("requestfinished", lambda r: urlsplit(r.url).path.endswith(SEARCH_INDEX), timeout=30_000):
        page.goto(address)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 100)))")


# The article's text with no ?h=, read once a build.
PLAIN_TEXT: dict[str, str] = {}


@pytest.mark.parametrize("query", H_JUNK, ids=lambda q: q.strip() or "space")
def test_a_crafted_search_query_changes_no_text_and_hides_no_panel(fresh_context, site, query):
    page = fresh_context().new_page()
    if site.url not in PLAIN_TEXT:
        page.goto("article/")
        settled(page)
        PLAIN_TEXT[site.url] = page.evaluate(TEXT)
    before = PLAIN_TEXT[site.url]
    open_highlighted(page, f"article/?h={quote(query)}")
    settled(page)
    assert page.evaluate(EMPTY_MARKS) == 0, f"?h={query!r}: empty highlight marks"
    assert_view(page, "Developer")
    assert page.evaluate(TEXT) == before, f"?h={query!r} changed the article's text"


def test_a_real_search_query_is_still_highlighted(fresh_context):
    page = fresh_context().new_page()
    open_highlighted(page, "article/?h=budget")
    assert page.evaluate(MARKS) > 0, "no word of ?h=budget is highlighted once the search index has arrived"
    assert page.evaluate(EMPTY_MARKS) == 0


def test_an_explicit_view_wins_over_a_search_highlight_of_the_other_view(fresh_context, site):
    page = fresh_context().new_page()
    page.goto("article/")
    section, word = page.evaluate(ENGINEER_ONLY_WORD)
    for address in (f"article/?view=developer&h={word}#{section}", f"article/?h={word}#{section}-developer"):
        open_highlighted(page, address)
        assert_view(page, "Developer")
        assert page.locator(".md-content .view-note").count() == 0, f"{address}: the page says it switched"
        stored = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})"))
        assert stored == "Developer", f"{address} stored {stored}"


LONG_QUERIES = {"one-100KB-word": "a" * 100_000, "20000-words": "budget " * 20_000, "long-word-and-real-one": "a" * 70_000 + " budget"}


@pytest.mark.parametrize("name", LONG_QUERIES)
def test_a_very_long_search_query_throws_nothing(fresh_context, site, name):
    """conftest's watch fails the test on any error the page throws."""
    page = fresh_context().new_page()
    # Python's test server refuses a request line over 64 KB; a real host may not.
    page.route("**/article/?h=*", lambda route: route.fulfill(
        path=str(site.path / "article" / "index.html"), content_type="text/html"))
    open_highlighted(page, f"article/?h={quote(LONG_QUERIES[name])}")
    settled(page)
    assert_view(page, "Developer")
    if "budget" in LONG_QUERIES[name]:
        assert page.evaluate(MARKS) > 0, "the real word of the query is no longer highlighted"


# --- Junk in storage -----------------------------------------------------------------

READS = """window.__keys = new Set();
const read = Storage.prototype.getItem;
Storage.prototype.getItem = function (key) { window.__keys.add(key); return read.call(this, key); };"""

JUNK = ["{not json", "null", "[]", "{}", '"engineer"', "[1, 2]", "1e999", '{"index": "x"}',
        '{"index": 0, "color": {"a b": "c"}}', '{"index": 0, "color": {"scheme": 5}}', '{"index": 0, "color": "slate"}',
        '["<img src=x onerror=alert(1)>"]', '{"index": 0, "color": {"scheme": "\\"><img src=x onerror=alert(1)>"}}']


def test_the_covered_keys_are_every_key_the_pages_read(fresh_context):
    context = fresh_context()
    context.add_init_script(READS)
    page = context.new_page()
    read = set()
    for path in ["", "article/?view=engineer", "comparison/", "glossary/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        read |= set(page.evaluate("[...window.__keys]"))
    assert read <= {STORAGE_KEY, STORAGE_TABS, STORAGE_PALETTE}, f"pages read {read}: add the new keys to this module's junk tests"


@pytest.mark.parametrize("junk", JUNK)
def test_junk_in_a_stored_key_throws_nothing(fresh_context, junk):
    """The junk in all three keys at once, each read by its own code: the view by
    view-choice.js, which finds no valid stored view and so also reads the old tabs
    key to carry it over, and the palette by Material. Any throw fails the test
    (conftest's watch), so one page load checks all three readers (it was three)."""
    page = fresh_context().new_page()
    seed(page, {key: junk for key in (STORAGE_KEY, STORAGE_TABS, STORAGE_PALETTE)})
    page.goto("article/")
    assert_view(page, "Developer")
    page.goto("comparison/?view=engineer")
    assert_view(page, "Engineer")


@pytest.mark.parametrize("junk", ["{not json", '{"index": "x"}', '{"index": 0, "color": {"a b": "c"}}', "[]"])
def test_a_corrupt_palette_keeps_the_scheme_toggle_working(fresh_context, junk):
    page = fresh_context(color_scheme="light").new_page()
    seed(page, {STORAGE_PALETTE: junk})
    page.goto("article/")
    page.locator("label[title='Switch to dark mode']:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    stored = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_PALETTE)})"))
    assert stored["color"]["scheme"] == "slate", stored
    page.goto("comparison/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


# --- ?view= junk and injections --------------------------------------------------------

VIEW_JUNK = {
    "markup": '"><img src=x onerror=alert(1)>',
    "javascript": "javascript:alert(1)",
    "100KB": "engineer" + "a" * 100_000,
    "rtl-mark": "\u202eengineer",
    "ltr-mark": "engineer\u200e",
    "nul": "engineer\x00",
}


@pytest.mark.parametrize("name", VIEW_JUNK)
def test_view_junk_is_ignored(fresh_context, site, name):
    context = fresh_context()
    page = context.new_page()
    address = f"article/?view={quote(VIEW_JUNK[name])}"
    # Python's test server refuses a request line over 64 KB; a real host may
    # not, so the page's own HTML answers the long address here.
    page.route("**/article/?view=*", lambda route: route.fulfill(
        path=str(site.path / "article" / "index.html"), content_type="text/html"))
    page.goto(address)
    assert_view(page, "Developer")
    assert page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})") is None


INJECTIONS = [
    'article/?view="><img src=x onerror=__pwned.push(1)>',
    "article/?view=javascript:__pwned.push(2)",
    "article/#<img src=x onerror=__pwned.push(3)>",
    'article/#"><img src=x onerror=__pwned.push(4)>-engineer',
    "article/?h=<img src=x onerror=__pwned.push(5)>",
    "article/?h=%3Cimg%20src%3Dx%20onerror%3D__pwned.push(6)%3E",
    "article/?h=onerror",
    "article/?h=mark",
    "examples/?view=<svg/onload=__pwned.push(7)>#<svg/onload=__pwned.push(8)>",
]


def test_no_injected_code_runs_even_with_the_policy_bypassed(fresh_context, site):
    context = fresh_context(bypass_csp=True)
    context.add_init_script("window.__pwned = []; window.alert = () => window.__pwned.push('alert');")
    page = context.new_page()
    seed(page, {STORAGE_TABS: '["<img src=x onerror=__pwned.push(9)>", "Engineer"]',
                STORAGE_PALETTE: '{"index": 0, "color": {"scheme": "\\"><img src=x onerror=__pwned.push(10)>"}}'})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for address in INJECTIONS:
        # Until the search index has been read (?h= words marked) and the idle-time work is done.
        open_highlighted(page, address)
        settled(page)
        pwned = page.evaluate("window.__pwned")
        assert not pwned and not dialogs, f"{address}: injected code ran: {pwned} {dialogs}"


# --- Addresses: a tab click names the section; a first visit stays clean ---------------


def test_a_tab_click_writes_the_sections_address(fresh_context, site):
    page = fresh_context().new_page()
    page.goto("article/?view=developer")
    page.locator("#success-metric ~ .tabbed-set .tabbed-labels label", has_text="Engineer").first.click()
    assert_view(page, "Engineer")
    assert page.url == f"{site.url}article/?view=engineer#success-metric"


def test_an_incoming_tab_fragment_ends_on_the_sections_address_and_heading(fresh_context, site):
    page = fresh_context().new_page()
    page.goto("article/#success-metric-engineer")
    assert_view(page, "Engineer")
    assert page.url == f"{site.url}article/?view=engineer#success-metric"
    top = page.evaluate("document.getElementById('success-metric').getBoundingClientRect().top")
    assert 0 <= top < 200, f"the heading is at {top} px, not at the top of the window"


def test_a_first_visit_leaves_the_address_clean_until_a_view_is_chosen(fresh_context, site):
    page = fresh_context().new_page()
    for path in ["", "article/"]:
        page.goto(path)
        assert_view(page, "Developer")
        assert page.url == site.url + path, f"a first visit rewrote {site.url + path} to {page.url}"
    page.locator(".md-header [role=radiogroup] label", has_text="Developer").click()
    # The address follows a click just after the next paint (view-state.js).
    page.wait_for_function("() => location.search === '?view=developer'")
    assert page.url == f"{site.url}article/?view=developer"
    page.goto("comparison/")  # the stored choice is a choice
    assert page.url == f"{site.url}comparison/?view=developer"


# --- A search hit that switches the view says so -----------------------------------------


# A polite live region (the engine may have its own too) says `text`.
SAID = """text => [...document.querySelectorAll('[role=status][aria-live=polite]')].some(el => el.textContent.includes(text))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_search_hit_that_switches_the_view_says_so_and_goes_back_in_one_step(fresh_context, site, scheme, tmp_path_factory):
    context = fresh_context(color_scheme=scheme)
    page = context.new_page()
    page.goto("article/?view=developer")
    section, word = page.evaluate(ENGINEER_ONLY_WORD)
    page.goto(f"article/?h={word}#{section}")
    assert_view(page, "Engineer")
    note = page.locator(".md-content .view-note")
    assert note.inner_text().strip() == "Showing the Engineer view for this result. Back to Developer"
    assert note.is_visible()
    page.wait_for_function(SAID, arg="Showing the Engineer view for this result.")
    shots = ROOT / "screenshots"
    shots.mkdir(exist_ok=True)
    note.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"search-switch-note-{site.engine}-{scheme}.png"))
    page.get_by_role("button", name="Back to Developer").click()
    assert_view(page, "Developer")
    assert "view=developer" in page.url
    assert json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})")) == "Developer"
    assert note.count() == 0
    page.wait_for_function(SAID, arg="Showing the Developer view.")


# --- What is built: search previews, the forwarder's policy -------------------------------


def search_texts(site) -> list[str]:
    index = site.path / "search" / "search_index.json"
    if not index.exists():
        index = site.path / "search.json"  # Zensical's own search
    data = json.loads(index.read_text(encoding="utf-8"))
    return [doc["text"] for doc in data.get("docs") or data.get("items")]


def test_search_previews_keep_tab_labels_apart_from_the_text(site):
    joined = "".join(VIEWS)
    texts = search_texts(site)
    run_together = [t[max(0, t.find(joined) - 40):t.find(joined) + 60] for t in texts if joined in t]
    assert not run_together, (f"{len(run_together)} search entries run the tab labels together, as in "
                              f"{run_together[0]!r}: is view_tabs_search (markdown-extensions/) still listed "
                              "in mkdocs.yml and installed?")
    assert any("the developer" in t.lower() for t in texts), "the panels' own text must stay searchable"


def site_policy() -> dict[str, list[str]]:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return {name: list(sources) for name, sources in config["extra"]["content_security_policy"].items()}


def test_every_page_carries_the_policy_the_forwarder_without_hashes(site):
    expected = {name: [s for s in sources if not s.startswith("'sha256-")] for name, sources in site_policy().items()}
    forwarders = 0
    for html in site.pages():
        soup = parsed(html)
        meta = soup.select_one('head meta[http-equiv="Content-Security-Policy"]')
        assert meta, f"{html.relative_to(site.path)}: no Content-Security-Policy meta tag"
        if soup.select_one(".md-content") is None:
            forwarders += 1
            found = {d.split()[0]: d.split()[1:] for d in meta["content"].split(";") if d.strip()}
            assert found == expected, (f"{html.relative_to(site.path)}: its policy is {meta['content']!r}; "
                                       "write mkdocs.yml's extra.content_security_policy without its hashes")
            assert not soup.find("script", src=False) and not soup.find("style"), f"{html}: inline code"
    assert forwarders >= 1


# --- One view contract, in two languages ------------------------------------------------

FRAGMENTS = ["success-metric-engineer", "success-metric-developer", "success-metric", "engineer", "-engineer",
             "x-Engineer", "a-engineers", "the-high-level-split-developer", "%E0%A4%A", "100%-engineer"]


def test_the_browser_and_python_contracts_agree(page):
    page.goto("article/")
    assert page.evaluate("window.__view.views") == list(VIEWS)
    for fragment in FRAGMENTS:
        js = page.evaluate("f => { const t = window.__view.ofFragment('#' + f); return t && t.view; }", fragment)
        assert js == view_of_fragment(fragment), f"#{fragment}: the browser reads {js}, Python {view_of_fragment(fragment)}"
    assert view_of_fragment("x-Engineer") is None  # case matters for ids, as for Python
