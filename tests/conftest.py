"""The fixtures: the site built and served once a run, and Debian's Chromium, watched.

The helpers behind them live in tests/support/ (see its __init__). Every
browser page a test opens is watched: a request to any host but 127.0.0.1 is
blocked and fails the test, and so does a JavaScript error or a file of the
site that does not load.

Two layers: `./scripts/test --fast` runs the static layer (config, Markdown,
built HTML) and leaves out every test that drives a browser, that is, every
test that uses `page`, `context`, `fresh_context` or `browser`, or is marked
`browser` (a test that starts a browser of its own marks itself), and the
static checks marked `full_run` (the HTML checker), which it replaces with
cheaper stand-ins. It prints its own wall time at the end.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest

from support.builds import COUNTS, ENGINES, SUBPATH, Builds, BuiltSite, build_site, run_mkdocs, small_build
from support.browser import CHROMIUM, CHROMIUM_ARGS, PAGE_LOADS, count_page_loads
from support.config import ROOT
from support.pages import NAV_PAGES
from support.reused_pages import ReusedPages
from support.servers import QuietHandler, StaticHost, free_port, serve

__all__ = ["ROOT", "BuiltSite", "build_site", "free_port", "serve", "both_engines", "NAV_PAGES", "ENGINES",
           "SUBPATH", "QuietHandler", "StaticHost", "run_mkdocs", "small_build", "build"]

# A full build of any config, e.g. a copy of this checkout with a mistake in it.
build = run_mkdocs

# A test module that sets `pytestmark = both_engines` runs each of its tests
# against both builds (ids end in [mkdocs] and [zensical]); the rest of the
# suite tests the MkDocs build. Every test of such a module must use `site`,
# directly or through the browser fixtures.
both_engines = pytest.mark.parametrize("site", ENGINES, indirect=True)


# --- The two layers -------------------------------------------------------------


def pytest_addoption(parser):
    parser.addoption("--fast", action="store_true",
                     help="the static layer only: config, Markdown and built HTML; no test that drives a browser")
    parser.addoption("--screenshots", action="store_true",
                     help="the accessibility sweeps (the site's and an organisation's pages) also write a screenshot of every page they check to screenshots/")


def pytest_configure(config):
    config.started = time.monotonic()  # for the closing lines' wall time (pytest_terminal_summary)
    count_page_loads()
    config.addinivalue_line("markers", "browser: drives a browser (left out by --fast); set for you on tests that use `page`, `context`, `fresh_context` or `browser`")
    config.addinivalue_line("markers", "copies_checkout: builds a copy of the checkout of its own, such as with an org.yml or a one-line edit (left out by --fast; the full run has them)")
    config.addinivalue_line("markers", "full_run: a static check too slow for the fast layer, which holds a cheaper stand-in (left out by --fast; the full run has it)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    if config.getoption("fast"):
        static = [item for item in items
                  if not any(item.get_closest_marker(name) for name in ("browser", "copies_checkout", "full_run"))]
        config.hook.pytest_deselected(items=[item for item in items if item not in static])
        items[:] = static


def pytest_terminal_summary(terminalreporter):
    config = terminalreporter.config
    terminalreporter.write_line(
        f"full site builds: {COUNTS['full']} in the test process{'es' if _on_workers(config) else ''}, "
        f"{COUNTS['scripts']} by ./scripts/sync and ./scripts/build run from tests (small test-site builds: {COUNTS['small']})")
    # The full run's time is set by how many pages its browsers load (support/browser.py, PAGE_LOADS).
    by_engine = ", ".join(f"{engine} {n}" for engine, n in sorted(PAGE_LOADS.items())) or "no browser"
    terminalreporter.write_line(f"pages loaded: {sum(PAGE_LOADS.values())} ({by_engine})")
    if config.getoption("fast") and not hasattr(config, "workerinput"):
        # Its target is 30 s on a quiet 2-core machine, second run (CONTRIBUTING.md).
        ran = {report.nodeid for key in ("passed", "failed", "error", "skipped", "xfailed", "xpassed")
               for report in terminalreporter.stats.get(key, [])}
        terminalreporter.write_line(f"fast layer: {time.monotonic() - config.started:.1f} s wall, {len(ran)} tests")
    else:
        terminalreporter.write_line(f"wall time: {time.monotonic() - config.started:.1f} s")


# --- A run on several workers (pytest-xdist; ./scripts/test uses it) -----------------
# The controller serves every build from one folder at ports fixed up front;
# the workers build into it on first use (support/builds.py, Builds) and report
# their build counts back, so the summary above counts the whole run.


def _on_workers(config) -> bool:
    return bool(getattr(config.option, "numprocesses", None)) and not hasattr(config, "workerinput")


def pytest_sessionstart(session):
    config = session.config
    if _on_workers(config):
        folder = Path(tempfile.mkdtemp(prefix="site-builds-"))
        ports, config.shared_servers = Builds.serve_all(folder)
        config.shared_builds = {"folder": str(folder), "ports": ports}


def pytest_configure_node(node):
    node.workerinput["shared_builds"] = node.config.shared_builds


def pytest_testnodedown(node, error):
    for kind, n in getattr(node, "workeroutput", {}).get("build_counts", {}).items():
        COUNTS[kind] += n
    PAGE_LOADS.update(getattr(node, "workeroutput", {}).get("page_loads", {}))


def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workerinput"):
        config.workeroutput["build_counts"] = dict(COUNTS)
        config.workeroutput["page_loads"] = dict(PAGE_LOADS)
    elif hasattr(config, "shared_builds"):
        for server in config.shared_servers:
            server.shutdown()
        shutil.rmtree(config.shared_builds["folder"], ignore_errors=True)


# --- Builds ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def builds(request, tmp_path_factory) -> Builds:
    """Every build of this checkout a run needs, each made on first use: builds.get(engine, base), builds.stock()."""
    shared = getattr(request.config, "workerinput", {}).get("shared_builds")
    if shared:
        cache = Builds(Path(shared["folder"]), ports=shared["ports"])
    else:
        cache = Builds(tmp_path_factory.mktemp("builds"))
    yield cache
    cache.close()


@pytest.fixture(scope="session")
def site(request, builds) -> BuiltSite:
    """The site as the README builds it (or as Zensical does, see both_engines), served at http://127.0.0.1:<port>/."""
    return builds.get(getattr(request, "param", "mkdocs"))


# --- Browser -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, with no calls home (they fail offline)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, site):
    return {**browser_context_args, "base_url": site.url}


@pytest.fixture(scope="session")
def reused_pages(browser) -> ReusedPages:
    """Contexts and pages kept between tests that leave them clean (support/reused_pages.py)."""
    pages = ReusedPages(browser)
    yield pages
    pages.close()


@pytest.fixture
def fresh_context(reused_pages, browser_context_args):
    """A browser context as a new reader arriving from a link has: nothing stored, no page open.
    Its first new_page() may be a page an earlier test left clean (support/reused_pages.py)."""
    taken = []

    def make(**overrides):
        pair = reused_pages.take({**browser_context_args, **overrides})
        taken.append(pair)
        return pair.context

    yield make
    problems = []
    for pair in taken:
        problems += reused_pages.give_back(pair).problems()
    assert not problems, "\n".join(problems)


@pytest.fixture
def context(fresh_context):
    """pytest-playwright's `context` (and so `page`), from fresh_context: watched, maybe reused."""
    return fresh_context()
