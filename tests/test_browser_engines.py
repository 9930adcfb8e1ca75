"""The site's core in each browser engine readers use: Chromium (Blink), Firefox (Gecko) and WebKit.

Each check is written once, against a `reader` that stands for one engine:

- Chromium: Debian's `chromium`, driven by Playwright (as the rest of the suite);
- Firefox: Debian's `firefox-esr`, driven by Playwright over WebDriver BiDi
  (Playwright 1.64; 1.65 sends a BiDi command that ESR 153 lacks);
- WebKit: Debian's `webkit2gtk-driver` (WebKitWebDriver and MiniBrowser, the
  engine of Safari and GNOME Web) under Xvfb, driven by Selenium.

`./scripts/test` installs them (skipping what is present) and runs all three;
`./scripts/test --browser firefox` runs one. An engine that cannot start
fails its tests: it is never skipped.

WebKitWebDriver has no console log, no init scripts and no request routing,
so what goes wrong is recorded in the page itself, the same way in every
engine: the test server adds one same-origin script, `/__reader-watch.js`,
right after each page's Content-Security-Policy meta tag. It notes JavaScript
errors, files that fail to load and `securitypolicyviolation` events in
sessionStorage (which lasts across the reader's page loads), and the test
fails on any of them. A request to another host breaks the site's policy
(`default-src 'self'`), so it is such a violation too; Playwright's engines
also block and record it. The checks look at what a reader sees: which panel
is on screen, which option of the header switch is checked, the `?view=` of
the address; not at the exact fragment, which scrolling rewrites.
"""

from __future__ import annotations

import os
import subprocess
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import BuiltSite, free_port, serve
from support.engines import (
    FIREFOX,
    MINIBROWSER,
    WATCH_KEY,
    WEBKIT_DRIVER,
    WIDTH,
    XVFB,
    PlaywrightReader,
    PlaywrightSession,
    WatchedHost,
    WebDriverReader,
    address_view,
    assert_shows,
    png_size,
    require,
    site_paths,
)
from support.views import SHOWN_VIEWS, SWITCH_LABEL, TAB_LABEL

# Every test here drives a browser of its own (the `reader` fixture): none is in the fast layer.
pytestmark = pytest.mark.browser

BROWSERS = ("chromium", "firefox", "webkit")
# `./scripts/test --browser NAME` sets this; a plain run tests every engine.
CHOSEN = [name for name in os.environ.get("SITE_TEST_BROWSERS", ",".join(BROWSERS)).split(",") if name]
unknown = sorted(set(CHOSEN) - set(BROWSERS))
if unknown:
    raise pytest.UsageError(f"SITE_TEST_BROWSERS names {unknown}; the engines are {', '.join(BROWSERS)}")


# --- The test server: the built site, watched from inside each page -------------


@pytest.fixture(scope="session")
def watched_site(builds) -> BuiltSite:
    """The MkDocs build of the builds cache, served again with the watch script, on a port of its own."""
    cached = builds.get("mkdocs")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = serve(cached.path, port, WatchedHost)
    server.missing = []
    built = BuiltSite(path=cached.path, url=url, log=cached.log)
    built.server = server
    yield built
    server.shutdown()


# --- One reader, three engines -----------------------------------------------------


@pytest.fixture(scope="session")
def firefox_esr(request, tmp_path_factory):
    """Debian's Firefox ESR, started once; a failure to start fails the tests."""
    require(FIREFOX, "Firefox ESR")
    playwright = request.getfixturevalue("playwright")
    home = tmp_path_factory.mktemp("firefox-home")  # Firefox wants a HOME it can write to
    browser = playwright.firefox.launch(channel="moz-firefox", executable_path=FIREFOX,
                                        env={**os.environ, "HOME": str(home)}, timeout=120_000)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def webkit_minibrowser():
    """MiniBrowser under its own Xvfb display, started once; a failure to start fails the tests."""
    for path, what in ((XVFB, "Xvfb"), (WEBKIT_DRIVER, "WebKitWebDriver"), (MINIBROWSER, "WebKitGTK's MiniBrowser")):
        require(path, what)
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    # Xvfb picks a free display itself and writes its number to the pipe.
    read, write = os.pipe()
    xvfb = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "1600x1200x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    if not display:
        xvfb.kill()
        pytest.fail("Xvfb did not start", pytrace=False)

    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")  # MiniBrowser accepts a WebDriver session only with it
    # The driver's path given, so Selenium Manager never looks for (or downloads) one.
    service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": f":{display}"})
    started: dict = {}

    def start():
        try:
            started["driver"] = webdriver.WebKitGTK(options=options, service=service)
        except Exception as error:  # reported below, in the test's words
            started["error"] = error

    thread = threading.Thread(target=start, daemon=True)
    thread.start()
    thread.join(90)
    if "driver" not in started:
        xvfb.kill()
        pytest.fail(f"WebKitWebDriver did not start a MiniBrowser session in 90 s: {started.get('error', 'no answer')}", pytrace=False)
    driver = started["driver"]
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    xvfb.terminate()
    xvfb.wait(10)


@pytest.fixture(scope="session")
def chromium_session(browser, watched_site):
    """Debian's Chromium, as the rest of the suite launches it (conftest.py)."""
    session = PlaywrightSession(browser, watched_site)
    yield session
    session.context.close()


@pytest.fixture(scope="session")
def firefox_session(firefox_esr, watched_site):
    session = PlaywrightSession(firefox_esr, watched_site)
    yield session
    session.context.close()


@pytest.fixture(params=CHOSEN)
def reader(request, watched_site):
    """A new reader in one engine; the test fails on anything the watch recorded."""
    engine = request.param
    if engine == "webkit":
        one = WebDriverReader(watched_site, request.getfixturevalue("webkit_minibrowser"))
    else:
        one = PlaywrightReader(watched_site, request.getfixturevalue(f"{engine}_session"), engine)
    yield one
    problems = one.problems()
    assert not problems, f"{engine}:\n" + "\n".join(problems)


# --- The checks, once for every engine --------------------------------------------------


def test_every_page_loads_with_its_scripts_and_no_error(reader):
    paths = site_paths(reader.site)
    assert len(paths) >= 10, paths
    for path in paths:
        reader.goto(path)
        loaded = reader.js("""() => ({
          heading: (document.querySelector("article h1") || {}).textContent,
          material: typeof __md_get === "function",
          site: !!document.querySelector('.md-header [role="radiogroup"]'),
        })""")
        assert loaded["heading"], f"{reader.engine} /{path}: no heading"
        assert loaded["material"], f"{reader.engine} /{path}: Material's head script did not run"
        assert loaded["site"], f"{reader.engine} /{path}: the site's script did not build the header switch"
    reader.goto("no/such/page/")
    assert reader.js("() => document.querySelector('article h1').textContent.trim()") == "Page not found"
    assert reader.js("() => typeof __md_get") == "function", f"{reader.engine}: the 404 page's scripts did not run"


def assert_address_names(reader, view: str) -> None:
    """The address names `view`, once view-state.js has written it (just after the next paint)."""
    reader.wait_for(f"() => new URLSearchParams(location.search).get('view') === '{view}'",
                    what=f"the address to name the {view} view")
    assert address_view(reader.url) == [view], reader.url


def test_a_tab_click_switches_every_set_and_the_next_page_follows(reader):
    reader.goto("article/")
    assert_shows(reader, "Developer")  # the default view
    reader.click(TAB_LABEL, "Engineer", nth=1)
    assert_shows(reader, "Engineer")
    assert_address_names(reader, "engineer")
    reader.goto("comparison/")
    assert_shows(reader, "Engineer")
    reader.click(TAB_LABEL, "Developer", nth=-1)
    assert_shows(reader, "Developer")
    reader.goto("article/")
    assert_shows(reader, "Developer")


def test_a_view_link_picks_the_view_for_this_page_and_the_next(reader):
    reader.goto("comparison/?view=engineer")
    assert_shows(reader, "Engineer")
    reader.goto("article/")
    assert_shows(reader, "Engineer")
    reader.goto("ai-examples/?view=developer")  # a later link wins over the earlier choice
    assert_shows(reader, "Developer")


def test_the_header_switch_changes_the_view_and_keeps_the_address(reader):
    reader.goto("article/?view=developer&utm_source=wiki#success-metric")
    heading_top = "() => Math.round(document.getElementById('success-metric').getBoundingClientRect().top)"
    before = reader.js(heading_top)
    # The address the switch writes two paints later (view-state.js: the view
    # follows just after the next paint, the address after the one after it),
    # read then: 250 ms after the scroll that keeps the section in place,
    # Material's anchor tracking writes its own idea of the section in view,
    # and here names the one before. It measures sections only when the page's
    # height changes (Firefox: it does not here, the Engineer view has a line
    # less above the section and one more below), and a heading a link jumped
    # to sits 0.7 px short of where it counts as reached (Chromium).
    written = reader.js("""() => {
      [...document.querySelectorAll('.md-header [role="radiogroup"] label')].find(l => l.textContent === "Engineer").click();
      const afterPaint = job => requestAnimationFrame(() => setTimeout(job));
      return new Promise(done => afterPaint(() => afterPaint(() => done(location.href))));
    }""")
    assert_shows(reader, "Engineer")
    after = reader.js(heading_top)
    assert abs(after - before) <= 2, f"{reader.engine}: the section moved from {before} px to {after} px on screen"
    parts = urlsplit(written)
    assert parts.path == "/article/", written
    assert parse_qs(parts.query) == {"view": ["engineer"], "utm_source": ["wiki"]}, written
    assert parts.fragment.startswith("success-metric"), f"the section is lost from the address: {written}"
    reader.click(SWITCH_LABEL, "Developer")
    assert_shows(reader, "Developer")
    assert_address_names(reader, "developer")


def test_a_tab_fragment_opens_its_view_at_its_section(reader):
    reader.goto("article/#success-metric-engineer")
    assert_shows(reader, "Engineer")
    on_screen = reader.js("""() => {
      const r = document.getElementById("success-metric-engineer").closest(".tabbed-set").getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    }""")
    assert on_screen, f"{reader.engine}: the Success metric tab set is not on screen"
    assert set(address_view(reader.url)) <= {"engineer"}, f"the address names another view: {reader.url}"


# Words Material marked for a followed search hit that are on screen.
VISIBLE_MARKS = r"""() => [...document.querySelectorAll('article mark[data-md-highlight]')].filter(m => {
  const r = m.getBoundingClientRect();
  return m.getClientRects().length && r.bottom > 0 && r.top < innerHeight && /^error\s+budget$/i.test(m.textContent);
}).length"""


def test_a_search_hit_lands_on_the_words_on_screen(reader):
    reader.goto("comparison/?view=developer")
    reader.press("/")
    reader.type("error budget")
    # The hit for the whole query (its address carries it): "error budge" has the same hit,
    # and a click on it before the last key was read lands on other words.
    hit = '.md-search-result a[href*="article/"][href*="h=error+budget"][href$="#success-metric"]'
    reader.wait_for(f"() => !!document.querySelector('{hit}')", what="the Success metric hit for 'error budget'")
    reader.click(hit)
    reader.wait_for("() => location.pathname.endsWith('/article/')", what="the article")
    reader.wait_for(VISIBLE_MARKS, what="'error budget' marked and on screen")
    shown = reader.js(SHOWN_VIEWS)[0]
    assert set(address_view(reader.url)) <= {shown.lower()}, f"the page shows {shown}, the address says {reader.url}"


OPEN_TOGGLES = "() => [...document.querySelectorAll('input.md-toggle')].filter(t => t.checked).map(t => t.id)"


def test_a_reload_opens_the_page_with_search_closed(reader):
    """Firefox restores a form's state on reload: the search and menu toggles must not come back open."""
    reader.goto("article/")
    reader.press("/")
    reader.wait_for(OPEN_TOGGLES, what="search to open")
    reader.reload()
    assert reader.js(OPEN_TOGGLES) == [], f"{reader.engine}: open after a reload: {reader.js(OPEN_TOGGLES)}"
    assert reader.js("() => document.querySelector('.md-search__input') !== document.activeElement")


def test_the_self_check_gives_a_reading(reader):
    reader.goto("self-check/")
    statements = reader.js("() => document.querySelectorAll('form.self-check fieldset').length")
    assert statements >= 8
    for i in range(statements):  # the developer end of each (value 0; the page alternates the order)
        reader.click(f"form.self-check fieldset:nth-of-type({i + 1}) label:has(input[value='0'])", nth=0)
    reader.click("form.self-check button", "Show my place on the spectrum")
    readings = reader.wait_for("""() => {
      const shown = [...document.querySelectorAll('.self-check-result')].map(r => !!r.getClientRects().length);
      return shown.some(Boolean) && shown;
    }""", what="a reading")
    assert readings == [True] + [False] * (len(readings) - 1), f"{reader.engine}: readings shown {readings}"


def test_the_dark_toggle_switches_the_scheme_and_the_next_page_keeps_it(reader):
    reader.goto("")
    scheme = "() => [document.body.dataset.mdColorScheme, getComputedStyle(document.body).backgroundColor]"
    before, light_background = reader.js(scheme)
    assert before == "default", f"{reader.engine} starts in {before}"  # the engines are set to prefer light
    reader.click('[data-md-component="palette"] label')
    after, dark_background = reader.js(scheme)
    assert after == "slate" and dark_background != light_background, (after, dark_background)
    reader.goto("article/")
    assert reader.js(scheme) == [after, dark_background]
    reader.click('[data-md-component="palette"] label')
    assert reader.js(scheme) == [before, light_background]


def test_a_policy_violation_would_be_seen(reader):
    """Every test fails on a Content-Security-Policy violation: this shows each engine reports one."""
    reader.goto("article/")
    ran = reader.js("""() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.append(s);
      return !!window.__inlineRan;
    }""")
    assert ran is False, f"{reader.engine} ran an inline script the site's policy forbids"
    seen = reader.wait_for(f"() => JSON.parse(sessionStorage.getItem('{WATCH_KEY}') || '[]').filter(n => n.startsWith('CSP violation'))",
                           what="the violation to be recorded")
    assert "script-src" in seen[0], seen
    reader.js(f"() => sessionStorage.removeItem('{WATCH_KEY}')")  # seen on purpose: not the site's
    if isinstance(reader, PlaywrightReader):
        reader.errors.clear()  # Firefox reports the same violation as a page error


def test_the_article_at_1280_px(reader):
    reader.goto("article/")
    assert reader.js("() => innerWidth") == WIDTH
    heading = reader.js("() => { const r = document.querySelector('article h1').getBoundingClientRect(); return [r.left, r.top, r.width]; }")
    assert 0 <= heading[0] and heading[1] < 200 and heading[2] > 100, f"{reader.engine}: the title is at {heading}"
    path = reader.screenshot("article-1280")
    width, height = png_size(path)
    assert width == WIDTH and height >= 600, f"{path}: {width}x{height}"
