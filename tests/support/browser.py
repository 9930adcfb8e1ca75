"""Debian's Chromium, and what every browser page a test opens is watched for."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No other host is reachable: a request for one goes to a proxy that is
    # not there and fails at once. Chromium never sends a loopback address
    # (the tests' own servers) through a proxy. guard() records such requests.
    "--proxy-server=http://127.0.0.1:9",
]
# The one host a page may ask: the tests' own servers.
HOST = "127.0.0.1"
# The search index, Material's and Zensical's: the last file a page asks for
# on its own, and what the theme waits for before it highlights `?h=` words.
SEARCH_INDEX = ("search_index.json", "search.json")


@dataclass
class Watch:
    """What went wrong while a page was open."""

    offsite: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"request to another host: {u}" for u in self.offsite]
            + [f"JavaScript error: {e}" for e in self.errors]
            + [f"failed to load: {b}" for b in self.broken]
        )


def guard(context, watch: Watch) -> None:
    """Record requests to other hosts (CHROMIUM_ARGS makes them fail) and broken files of the site.

    Listening, not routing: a route sends every request through this process
    and turns the browser's HTTP cache off, a fifth more work a page load."""

    def request(request):
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname != HOST:
            watch.offsite.append(request.url)

    def response(response):
        # A missing page may be the point of a test; a missing asset never is.
        if response.status >= 400 and response.request.resource_type != "document":
            watch.broken.append(f"{response.status} {response.url}")

    context.on("request", request)
    context.on("response", response)
    context.on("page", lambda page: page.on("pageerror", lambda e: watch.errors.append(str(e))))

# Page loads this process made, by engine: every document a browser fetched
# (a goto, a click to another page, a reload, a forwarder's hop, a frame).
# The full run is CPU-bound at about a third of a second a page load, so
# this count sets its time; tests/conftest.py prints the whole run's sum.
PAGE_LOADS: Counter = Counter()


def count_page_loads() -> None:
    """Count the documents every Playwright context fetches, whoever opens it
    (the fixtures, a test's own context, Firefox's); Selenium's WebKit counts
    in its test module (tests/test_browser_engines.py)."""
    from playwright.sync_api import Browser

    if getattr(Browser.new_context, "counted", False):
        return
    new_context = Browser.new_context

    def counted(self, *args, **kwargs):
        context = new_context(self, *args, **kwargs)
        engine = self.browser_type.name
        context.on("request", lambda request: request.resource_type == "document" and PAGE_LOADS.update([engine]))
        return context

    counted.counted = True
    Browser.new_context = counted


# Window sizes the browser tests read at: a laptop, and a phone (390 px, the narrowest common one).
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def seed(page, values: dict[str, str]) -> None:
    """Store raw values in localStorage, as an earlier visit would have: from a
    file of the site that runs no script (its sitemap), before any page opens.
    No init script, so the test's page can be handed to the next test."""
    page.goto("sitemap.xml")
    for key, value in values.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])


# Awaited in the page, in an async function: what the reader's last step set
# going is done. That is what the site does just after the next paint
# (view-state.js: a tab click's view in every set, then, one paint later,
# the address) and the work it leaves for idle time (idle-work.js: the sets
# below the window, permalinks, table focus, checklist labels). A frame that
# never comes (a window the engine does not paint) is waited for 200 ms; a
# page without the site's scripts (JavaScript off, or site.js blocked, where
# no timer may ever run) has nothing to wait for.
SETTLE = """if (window.__idle) await new Promise(done => {
  const afterPaint = next => {
    let gone = false;
    const go = () => { if (!gone) { gone = true; setTimeout(next); } };
    requestAnimationFrame(go);
    setTimeout(go, 200);
  };
  afterPaint(() => afterPaint(() => window.__idle.settled().then(done)));
});"""


def settled(page) -> None:
    """Wait until what the reader's last step set going is done (SETTLE)."""
    page.evaluate(f"async () => {{ {SETTLE} }}")


def watched_load(fresh_context, watch: str, path: str):
    """A first visit to `path` with `watch` (a script) run before any of the page's, read once idle."""
    context = fresh_context()
    context.add_init_script(watch)
    page = context.new_page()
    page.goto(path)
    settled(page)
    return page


def print_media(page) -> None:
    """Lay the page out for print, as a browser does before printing: the
    print media query reports its change in a frame after the emulation
    takes hold (Chromium notices it in a style update, which comes after the
    frame's animation callbacks), and then the site writes what paper needs
    (idle-work.js). So this waits, in the page, until `print` matches and
    two more frames have run. For a page with JavaScript on; without it,
    emulate_media alone."""
    page.emulate_media(media="print")
    page.evaluate("""() => new Promise(done => {
      const frame = () => matchMedia("print").matches ? requestAnimationFrame(() => requestAnimationFrame(() => done())) : requestAnimationFrame(frame);
      frame();
    })""")


def fragments_seen_while_scrolling(page) -> list[str]:
    """Each #fragment the address names while the reader scrolls the page from top to bottom.
    Material's anchor tracking writes the address 250 ms after a scroll, and
    checks again 250 ms later: the page's fake clock (installed before the
    page opened) is moved on past both after each scroll, with no real wait."""
    seen = []
    page.clock.run_for(800)
    seen.append(page.evaluate("location.hash"))
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, page.viewport_size["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.evaluate("() => new Promise(requestAnimationFrame)")  # the scroll event is dispatched
        page.clock.run_for(600)
        seen.append(page.evaluate("location.hash"))
    return seen
