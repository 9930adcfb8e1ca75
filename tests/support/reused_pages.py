"""New readers without a new browser page each: a page a test left clean is reused.

Opening the article in a new browser context and page takes 0.42 s on these
machines; in a page already open, its HTTP cache emptied, 0.16 s (the new
renderer is the cost). Most browser tests only need what a new reader has:
nothing stored, nothing cached, no page open. So `fresh_context()`,
`context` and `page` (tests/conftest.py) hand out a context and page kept
from an earlier test with the same context options, after clearing its
storage, cookies and HTTP cache and sending it to about:blank.

A test may do anything to them. What would outlive the test (an init script,
a route, an emulated medium or window size, a fake clock, a CDP session, a
closed page, a second origin visited) marks the pair spent: it is closed when the test
ends and the next test gets a new one. Event listeners a test adds are
removed when it ends. Requests to other hosts, errors and broken files are
recorded for the test that is running (guard(), tests/support/browser.py).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from .browser import Watch, guard

# Calls whose effect outlives the test: after one of them the pair is not reused.
CONTEXT_LASTING = ("add_init_script", "route", "route_from_har", "route_web_socket", "expose_binding",
                   "expose_function", "set_extra_http_headers", "set_offline", "grant_permissions",
                   "add_cookies", "set_geolocation", "new_cdp_session", "set_default_timeout",
                   "set_default_navigation_timeout")
PAGE_LASTING = ("add_init_script", "route", "route_from_har", "route_web_socket", "expose_binding",
                "expose_function", "set_extra_http_headers", "emulate_media", "set_viewport_size",
                "set_default_timeout", "set_default_navigation_timeout")


@dataclass
class Pair:
    """One context and its first page, and what the running test did to them."""

    context: object
    page: object
    new_cdp_session: object = None  # the context's own, to empty the HTTP cache
    watch: Watch = field(default_factory=Watch)  # what guard() records goes here
    spent: bool = False
    listeners: list = field(default_factory=list)  # (emitter, event, handler) a test added
    extra_pages: list = field(default_factory=list)
    origins: set = field(default_factory=set)
    handed_page: bool = False
    in_use: bool = False  # handed to the running test

    def spend(self, method):
        def call(*args, **kwargs):
            self.spent = True
            return method(*args, **kwargs)
        return call

    def listen(self, emitter, method):
        def call(event, handler, *args, **kwargs):
            self.listeners.append((emitter, event, handler))
            return method(event, handler, *args, **kwargs)
        return call

    def new_page(self, method):
        def call(*args, **kwargs):
            if not self.handed_page:
                self.handed_page = True
                return self.page
            extra = method(*args, **kwargs)
            self.extra_pages.append(extra)
            return extra
        return call


class ReusedPages:
    """The pairs kept for reuse in one test process, one per set of context options."""

    def __init__(self, browser):
        self.browser = browser
        self.pairs: dict[str, Pair] = {}

    def _open(self, options: dict) -> Pair:
        context = self.browser.new_context(**options)
        pair = Pair(context, None)
        # guard() records into whichever Watch the running test has: the pair's, reset each test.
        guard(context, pair.watch)
        pair.page = context.new_page()
        pair.new_cdp_session = context.new_cdp_session
        for name in CONTEXT_LASTING:
            setattr(context, name, pair.spend(getattr(context, name)))
        for name in PAGE_LASTING:
            setattr(pair.page, name, pair.spend(getattr(pair.page, name)))
        for emitter in (context, pair.page):
            emitter.on = pair.listen(emitter, emitter.on)
            emitter.once = pair.listen(emitter, emitter.once)
        for name in ("install", "pause_at", "set_fixed_time", "set_system_time"):  # a fake clock stays
            setattr(context.clock, name, pair.spend(getattr(context.clock, name)))
        context.new_page = pair.new_page(context.new_page)
        context.close = pair.spend(context.close)
        pair.page.close = pair.spend(pair.page.close)
        pair.page.on("framenavigated", lambda frame: frame.parent_frame is None and pair.origins.add(_origin(frame.url)))
        # Listeners guard() and this class added stay; only a test's are removed.
        pair.listeners.clear()
        return pair

    def take(self, options: dict) -> Pair:
        """A clean pair for these context options (opened now, or left clean by an earlier test)."""
        key = json.dumps(options, sort_keys=True, default=str)
        pair = self.pairs.get(key)
        if pair is not None and pair.in_use:
            # A second reader in the same test: a context of its own, closed after.
            pair = self._open(options)
            pair.spent = True
        elif pair is None:
            pair = self.pairs[key] = self._open(options)
        pair.in_use = True
        pair.watch.offsite.clear()
        pair.watch.errors.clear()
        pair.watch.broken.clear()
        pair.handed_page = False
        pair.origins.clear()
        return pair

    def give_back(self, pair: Pair) -> Watch:
        """The test is over: make the pair clean for the next one, or close it. Returns what it recorded."""
        recorded = Watch(list(pair.watch.offsite), list(pair.watch.errors), list(pair.watch.broken))
        pair.in_use = False
        for emitter, event, handler in pair.listeners:
            with contextlib.suppress(Exception):
                emitter.remove_listener(event, handler)
        pair.listeners.clear()
        for extra in pair.extra_pages:
            with contextlib.suppress(PlaywrightError):
                extra.close()
        pair.extra_pages.clear()
        origins = {o for o in pair.origins if o.startswith("http")}
        if pair.spent or len(origins) > 1 or not self._clear(pair, origins):
            self._close(pair)
        return recorded

    def _clear(self, pair: Pair, origins: set) -> bool:
        """Forget what the test stored and leave the page; False if that failed."""
        try:
            if origins:
                if _origin(pair.page.url) not in origins:
                    return False  # the page left the origin it stored for: no way back to it here
                pair.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            pair.page.goto("about:blank")
            pair.context.clear_cookies()
            # A new reader's cache is empty too: every file is fetched and compiled again.
            # (A session left attached would undo the next test's emulate_media.)
            cdp = pair.new_cdp_session(pair.page)
            cdp.send("Network.clearBrowserCache")
            cdp.detach()
            return True
        except PlaywrightError:
            return False

    def _close(self, pair: Pair) -> None:
        self.pairs = {k: v for k, v in self.pairs.items() if v is not pair}
        with contextlib.suppress(PlaywrightError):
            pair.context.unroute_all(behavior="ignoreErrors")
        with contextlib.suppress(PlaywrightError):
            type(pair.context).close(pair.context)

    def close(self) -> None:
        for pair in list(self.pairs.values()):
            self._close(pair)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
