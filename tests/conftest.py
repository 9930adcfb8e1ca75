"""Shared fixtures: build the site once, serve it on 127.0.0.1, drive Debian's Chromium.

Every browser page a test opens is watched: a request to any host but
127.0.0.1 is blocked and fails the test, and so does a JavaScript error or a
file of the site that does not load.
"""

from __future__ import annotations

import functools
import http.server
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
# scripts/stock_site.py serves both scripts/bench and the tests.
sys.path.insert(0, str(ROOT / "scripts"))
import stock_site  # noqa: E402
import org  # noqa: E402  (an organisation's org.yml, written for the pages before each build)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def nav_files(nav) -> list[str]:
    """The Markdown files of an MkDocs nav, in reading order."""
    files = []
    for entry in nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            files += nav_files(value) if isinstance(value, list) else [value]
    return files


# Every page of the nav as a URL folder ("" is home), in reading order, so a
# new page is tested without a change here.
NAV_PAGES = [f.removesuffix(".md").removesuffix("index") + ("/" if f != "index.md" else "")
             for f in nav_files(load_config(str(ROOT / "mkdocs.yml"))["nav"])]


@dataclass
class BuiltSite:
    """A build of the site, served over HTTP."""

    path: Path  # the folder the site was built into
    url: str  # where it is served, ending in "/"
    log: str  # what the build printed
    engine: str = "mkdocs"  # which engine built it: one of ENGINES

    def pages(self) -> list[Path]:
        """Every HTML page of the site, 404 page included."""
        return sorted(self.path.rglob("*.html"))

    def theme_pages(self) -> list[tuple[Path, BeautifulSoup]]:
        """The pages the theme renders, parsed: not a moved page's hand-written forwarder."""
        parsed = [(html, BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")) for html in self.pages()]
        themed = [(html, page) for html, page in parsed if page.select_one(".md-content")]
        assert len(themed) >= len(NAV_PAGES), f"{self.path}: {len(themed)} theme pages, fewer than the nav's {len(NAV_PAGES)}"
        return themed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(config: Path, dest: Path, site_url: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the strict build, as scripts/bench does; the caller decides what a failure means."""
    return stock_site.run_build(config, dest, site_url, cwd=cwd)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


def serve(directory: Path, port: int, handler_class=QuietHandler) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# The engines that build this checkout: MkDocs (the README's build) and
# Zensical, Material's successor, which reads the same mkdocs.yml.
ENGINES = ("mkdocs", "zensical")

# A test module that sets `pytestmark = both_engines` runs each of its tests
# against both builds (ids end in [mkdocs] and [zensical]); the rest of the
# suite tests the MkDocs build. Every test of such a module must use `site`,
# directly or through the browser fixtures.
both_engines = pytest.mark.parametrize("site", ENGINES, indirect=True)


def build_site(engine: str, dest: Path, url: str, root: Path = ROOT) -> str:
    """Build the checkout at `root` with `engine` into `dest`; return its log, or fail the test with it."""
    try:
        org.prepare(root)  # as every build path does first (scripts/org.py)
    except org.OrgError as error:
        pytest.fail(str(error), pytrace=False)
    if engine == "zensical":
        result = stock_site.run_zensical_build(dest, url, root=root)
        log = result.stdout + result.stderr
    else:
        result = build(root / "mkdocs.yml", dest, url, cwd=root)
        log = result.stderr
    if result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, result.args))} failed:\n{log}", pytrace=False)
    return log


@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> BuiltSite:
    """The site as the README builds it (or as Zensical does, see both_engines), served at http://127.0.0.1:<port>/."""
    engine = getattr(request, "param", "mkdocs")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    dest = tmp_path_factory.mktemp(f"site-{engine}") / "site"
    log = build_site(engine, dest, url)
    server = serve(dest, port)
    yield BuiltSite(path=dest, url=url, log=log, engine=engine)
    server.shutdown()


# --- Browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, with no calls home (they fail offline)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, site):
    return {**browser_context_args, "base_url": site.url}


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
    """Block and record requests to other hosts; record broken files of the site."""

    def route(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            watch.offsite.append(route.request.url)
            route.abort()

    def response(response):
        # A missing page may be the point of a test; a missing asset never is.
        if response.status >= 400 and response.request.resource_type != "document":
            watch.broken.append(f"{response.status} {response.url}")

    context.route("**/*", route)
    context.on("response", response)
    context.on("page", lambda page: page.on("pageerror", lambda e: watch.errors.append(str(e))))


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def context(context, watch):
    guard(context, watch)
    yield context
    problems = watch.problems()
    assert not problems, "\n".join(problems)


@pytest.fixture
def fresh_context(browser, browser_context_args, watch):
    """A new browser context, as a new reader arriving from a link: nothing stored."""
    contexts = []

    def make(**overrides):
        ctx = browser.new_context(**{**browser_context_args, **overrides})
        guard(ctx, watch)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()
    problems = watch.problems()
    assert not problems, "\n".join(problems)
