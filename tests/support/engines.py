"""One reader in three engines (Chromium, Firefox, WebKit), and the test server that watches each page from inside.

Used by tests/test_browser_engines.py, whose docstring says how the engines
are driven and why the watch lives in the page.
"""

from __future__ import annotations

import http.server
import os
import re
import struct
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .browser import PAGE_LOADS
from .builds import BuiltSite
from .config import SCREENSHOTS
from .views import SHOWN_VIEWS, SWITCH_CHECKED


FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB = "/usr/bin/Xvfb"
INSTALL_HINT = "./scripts/test installs it (Debian: apt-get install -y firefox-esr webkit2gtk-driver xvfb)"
WIDTH, HEIGHT = 1280, 800
WAIT = 15  # seconds a reader waits for something to appear before the test fails

# --- The test server: the built site, watched from inside each page -------------

WATCH_KEY = "__readerWatch"
WATCH_JS = """(function () {
  // Written by tests/support/engines.py; never part of the published site.
  function note(kind, text) {
    try {
      var list = JSON.parse(sessionStorage.getItem("%(key)s") || "[]");
      list.push(kind + ": " + text + " (on " + location.pathname + location.search + ")");
      sessionStorage.setItem("%(key)s", JSON.stringify(list));
    } catch (e) {}
  }
  // What fails while the page is being left (a fetch cut short, a prefetch
  // of the next page dropped) is never seen by a reader.
  var leaving = false;
  addEventListener("pagehide", function () { leaving = true; });
  addEventListener("beforeunload", function () { leaving = true; });
  addEventListener("pageshow", function () { leaving = false; });
  addEventListener("error", function (event) {
    if (leaving) return;
    var el = event.target;
    if (el && el !== window && (el.src || el.href)) {
      if (el.relList && ["prev", "next", "prefetch"].some(function (r) { return el.relList.contains(r); })) return;  // hints, not the page's files
      note("failed to load", (el.src || el.href) + " (" + el.tagName.toLowerCase() + (el.rel ? " rel=" + el.rel : "") + ")");
    } else {
      note("JavaScript error", event.message + " at " + event.filename + ":" + event.lineno);
    }
  }, true);
  addEventListener("unhandledrejection", function (event) {
    if (!leaving) note("unhandled rejection", String(event.reason));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    note("CSP violation", event.violatedDirective + " blocked " + (event.blockedURI || "inline code") +
      " from " + (event.sourceFile || "the page") + ":" + event.lineNumber);
  }, true);
})();
""" % {"key": WATCH_KEY}
WATCH_TAG = '<script src="/__reader-watch.js"></script>'
BLANK = b"<!doctype html><html lang=en><title>blank</title><p>Between tests."
CSP_META = re.compile(r"<meta http-equiv=\"?Content-Security-Policy\"?[^>]*>", re.I)


class WatchedHost(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, each page with the watch script; the 404 page for a missing page."""

    def log_message(self, format, *args):  # keep test output readable
        pass

    def send_bytes(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def send_page(self, status: int, html: Path) -> None:
        text = html.read_text(encoding="utf-8")
        match = CSP_META.search(text)
        assert match, f"{html}: no Content-Security-Policy meta tag to put the watch script after"
        text = text[: match.end()] + WATCH_TAG + text[match.end():]
        self.send_bytes(status, text.encode("utf-8"), "text/html; charset=utf-8")

    def do_GET(self):
        try:
            self.answer()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser moved on before the file was sent

    def answer(self):
        route = urlsplit(self.path).path
        if route == "/__reader-watch.js":
            return self.send_bytes(200, WATCH_JS.encode(), "text/javascript")
        if route == "/__blank.html":
            return self.send_bytes(200, BLANK, "text/html; charset=utf-8")
        local = Path(self.translate_path(self.path))
        if local.is_dir() and route.endswith("/") and (local / "index.html").is_file():
            return self.send_page(200, local / "index.html")
        if local.suffix == ".html" and local.is_file():
            return self.send_page(200, local)
        if not local.exists():
            if not Path(route).suffix or route.endswith(".html"):  # a page the site does not have
                return self.send_page(404, Path(self.directory) / "404.html")
            self.server.missing.append(route)  # a file of the site that is not there
        return super().do_GET()


# --- One reader, three engines -----------------------------------------------------


class Reader:
    """One engine, with a clean slate: nothing stored, nothing recorded yet."""

    engine: str

    def __init__(self, site: BuiltSite):
        self.site = site
        self.visited: list[str] = []
        self.missing_before = len(site.server.missing)

    # What each engine does its own way.
    def load(self, url: str) -> None: ...
    def reload(self) -> None: ...
    def run(self, function: str, args: list): ...
    def click_element(self, handle) -> None: ...
    def find(self, function: str, args: list): ...
    def press(self, key: str) -> None: ...
    @property
    def url(self) -> str: ...
    def shoot(self, path: Path) -> None: ...
    def engine_problems(self) -> list[str]:
        return []

    # What every engine does alike.
    def goto(self, path: str) -> None:
        self.visited.append(urlsplit(path).path)
        self.load(self.site.url + path)

    def js(self, function: str, *args):
        """Call a JavaScript function expression in the page with `args`; return its result."""
        return self.run(function, list(args))

    def click(self, selector: str, text: str | None = None, nth: int = 0) -> None:
        """Click, as a reader does, the nth element on screen matching `selector` (and `text`, exactly)."""
        handle = self.find(FIND, [selector, text, nth])
        assert handle, f"{self.url}: nothing on screen matches {selector!r}" + (f" with the text {text!r}" if text else "")
        self.click_element(handle)

    def type(self, text: str) -> None:
        for key in text:
            self.press(key)
            time.sleep(0.05)  # as a person types; Material's search reads key by key

    def wait_for(self, function: str, *args, what: str = "") -> object:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                value = self.js(function, *args)
            except Exception:  # the page is between two documents; ask the next one
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                pytest.fail(f"{self.engine}, {self.url}: waited {WAIT} s for {what or function}", pytrace=False)
            time.sleep(0.1)

    def recorded(self) -> list[str]:
        return self.js(f"() => JSON.parse(sessionStorage.getItem('{WATCH_KEY}') || '[]')") or []

    def problems(self) -> list[str]:
        # /favicon.ico is the browser's own guess (Firefox and WebKit ask for
        # it although every page names its icon); every other miss is the site's.
        missing = [m for m in self.site.server.missing[self.missing_before:]
                   if m not in self.visited and m != "/favicon.ico"]
        return self.recorded() + self.engine_problems() + [f"missing file of the site: {m}" for m in missing]

    def screenshot(self, name: str) -> Path:
        (SCREENSHOTS / "engines").mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / "engines" / f"{name}-{self.engine}.png"
        self.shoot(path)
        return path


# The nth rendered element matching a selector (and a text), nth < 0 counting from the end.
FIND = """(selector, text, nth) => {
  const found = [...document.querySelectorAll(selector)]
    .filter(el => el.getClientRects().length && (text === null || el.textContent.trim() === text));
  return found.at(nth) || null;
}"""


class PlaywrightSession:
    """One browser page for a whole run, watched for errors and other hosts (new pages are slow over BiDi)."""

    def __init__(self, browser, site: BuiltSite):
        self.errors: list[str] = []
        self.offsite: list[str] = []
        self.context = browser.new_context(base_url=site.url, viewport={"width": WIDTH, "height": HEIGHT})
        self.context.route("**/*", self.route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"JavaScript error: {error}"))

    def route(self, route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.offsite.append(route.request.url)
            route.abort()


class PlaywrightReader(Reader):
    """Chromium or Firefox, driven by Playwright in the session's one page."""
    def __init__(self, site, session: PlaywrightSession, engine: str):
        super().__init__(site)
        self.engine = engine
        self.page = session.page
        self.errors = session.errors
        self.offsite = session.offsite
        # A clean slate: nothing stored, nothing recorded, the usual window.
        self.page.goto(site.url + "__blank.html")
        self.page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        self.page.evaluate("localStorage.clear(); sessionStorage.clear();")
        self.page.context.clear_cookies()
        self.errors.clear()
        self.offsite.clear()

    def load(self, url):
        self.page.goto(url)

    def reload(self):
        self.page.reload()

    def run(self, function, args):
        return self.page.evaluate(f"(args) => ({function})(...args)", args)

    def find(self, function, args):
        handle = self.page.evaluate_handle(f"(args) => ({function})(...args)", args).as_element()
        return handle

    def click_element(self, handle):
        # A mouse click at the element's centre. Playwright's own click first
        # scrolls the element to the middle of the window in Firefox, and
        # Material then rewrites the fragment for the section scrolled to.
        handle.evaluate("el => el.scrollIntoView({block: 'nearest'})")
        box = handle.bounding_box()
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def press(self, key):
        self.page.keyboard.press(key)

    @property
    def url(self):
        return self.page.url

    def shoot(self, path):
        # Playwright's Firefox adds an inline <style> to the page while it
        # takes a screenshot; the site's policy blocks it and Firefox reports
        # that. It is the tool's, not the site's: forget what the shot caused.
        recorded, errors = len(self.recorded()), len(self.errors)
        self.page.mouse.move(2, HEIGHT - 2)  # no hover left over from an earlier click
        self.page.screenshot(path=path)
        if self.engine == "firefox":
            self.js(f"n => sessionStorage.setItem('{WATCH_KEY}', JSON.stringify(JSON.parse(sessionStorage.getItem('{WATCH_KEY}') || '[]').slice(0, n)))", recorded)
            del self.errors[errors:]

    def engine_problems(self):
        return self.errors + [f"request to another host: {u}" for u in self.offsite]


class WebDriverReader(Reader):
    """WebKit's MiniBrowser, driven by Selenium over WebKitWebDriver."""
    engine = "webkit"

    def __init__(self, site, driver):
        super().__init__(site)
        self.driver = driver
        # One MiniBrowser for the session (each start takes seconds): a clean
        # slate is its storage cleared, on a page of the site that runs nothing.
        self.load(site.url + "__blank.html")
        driver.set_window_size(WIDTH, HEIGHT)
        driver.execute_script("localStorage.clear(); sessionStorage.clear();")
        driver.delete_all_cookies()

    def load(self, url):
        PAGE_LOADS["webkit"] += 1  # Selenium has no event for it: counted here (tests/support/browser.py)
        self.driver.get(url)

    def reload(self):
        PAGE_LOADS["webkit"] += 1
        self.driver.refresh()

    def run(self, function, args):
        from selenium.common.exceptions import NoSuchFrameException
        script = f"return ({function})(...arguments)"
        try:
            return self.driver.execute_script(script, *args)
        except NoSuchFrameException:
            # A read that waits for the paint (SETTLE, an async probe) once
            # outlived the page it began on just after driver.get ("Callback
            # was not called before the unload event"): it reads again on the
            # page now open. Anything else, an action above all, is never repeated.
            if not function.lstrip().startswith("async"):
                raise
            return self.driver.execute_script(script, *args)

    def find(self, function, args):
        return self.run(function, args)

    def click_element(self, element):
        element.click()

    def press(self, key):
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(self.driver).send_keys(key).perform()

    @property
    def url(self):
        return self.driver.current_url

    def shoot(self, path):
        self.driver.save_screenshot(str(path))


def require(path: str, what: str) -> None:
    """Fail the test, saying how to install it, when an engine's program is missing."""
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(f"{what} ({path}) is not installed: {INSTALL_HINT}", pytrace=False)


# --- What a reader sees ----------------------------------------------------------------


def assert_shows(reader: Reader, view: str) -> None:
    """Every tab set on the page shows `view`, and the header switch says so."""
    views = reader.js(SHOWN_VIEWS)
    assert views, f"{reader.engine}, {reader.url}: no tab sets"
    assert views == [view] * len(views), f"{reader.engine}, {reader.url}: tab sets show {views}"
    assert reader.js(SWITCH_CHECKED) == [view], f"{reader.engine}, {reader.url}: the header switch says {reader.js(SWITCH_CHECKED)}"


def address_view(url: str) -> list[str]:
    """The ?view= values of an address, in lower case."""
    return [v.lower() for v in parse_qs(urlsplit(url).query).get("view", [])]


def site_paths(site: BuiltSite) -> list[str]:
    """Every page the theme renders, as a path from the site's root ("" is home), 404 page aside."""
    return sorted("" if html.parent == site.path else f"{html.parent.relative_to(site.path).as_posix()}/"
                  for html, _ in site.theme_pages() if html.name == "index.html")


def png_size(path: Path) -> tuple[int, int]:
    """A PNG file's width and height, from its header."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])
