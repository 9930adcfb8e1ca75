"""Byte and request budgets: what this site adds to Material must cost next to nothing.

Bytes and counts only, never times (the machine is shared and noisy; timings
are for scripts/bench). Every failure names the file and its size. The pages
are the nav's (tests/support/pages.py) and every HTML file of the build, so
new pages are held to the same budgets without a change here.
"""

from __future__ import annotations

import gzip
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import NAV_PAGES, BuiltSite, both_engines
from support.browser import SEARCH_INDEX, Watch, guard
from support.builds import parsed

KIB = 1024
ADDED_ASSETS_BUDGET = 10 * KIB  # JS + CSS this site adds to Material, gzip, per page
HTML_BUDGET = 30 * KIB  # a page's HTML, gzip
EXTRA_REQUESTS_BUDGET = 1  # first load, beyond the stock build of the same page
IMAGE_BUDGET = 100_000  # bytes, any image
# Requests an engine makes on its own that stock Material (the MkDocs build
# these budgets compare with) does not: not this site's to count. Zensical
# 0.0.73's bundle fetches its map of moved pages on every page.
ENGINE_REQUESTS = {"mkdocs": set(), "zensical": {"redirect.json"}}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico"}


def gzip_size(path: Path) -> int:
    # Level 6, as nginx is configured in scripts/bench.
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


@pytest.fixture(scope="session")
def stock(builds) -> BuiltSite:
    """The same pages built with Material as it ships (scripts/stock_site.py), served."""
    return builds.stock()


def referenced_assets(built: BuiltSite, html: Path) -> set[str]:
    """Site paths ("/assets/...") of the scripts and stylesheets a page loads."""
    page_url = "/" + html.relative_to(built.path).as_posix()
    soup = parsed(html)
    refs = [tag["src"] for tag in soup.find_all("script", src=True)]
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        if "stylesheet" in rel or "modulepreload" in rel or ("preload" in rel and link.get("as") in ("script", "style")):
            refs.append(link["href"])
    paths = set()
    for ref in refs:
        target = urlsplit(urljoin(f"http://site{page_url}", ref))
        if target.hostname == "site":  # other hosts are caught by the browser tests
            paths.add(target.path)
    return paths


def test_js_and_css_this_site_adds_weigh_at_most_10_kib_gzip(site, stock):
    material = set().union(*(referenced_assets(stock, p) for p in stock.pages()))
    over = []
    for html in site.pages():
        added = sorted(referenced_assets(site, html) - material)
        sizes = {path: gzip_size(site.path / path.lstrip("/")) for path in added}
        total = sum(sizes.values())
        if total > ADDED_ASSETS_BUDGET:
            detail = ", ".join(f"{path} {size} B" for path, size in sizes.items())
            over.append(f"{html.relative_to(site.path)}: {total} B gzip > {ADDED_ASSETS_BUDGET} B ({detail})")
    assert not over, "JS and CSS added to Material over budget:\n" + "\n".join(over)


def test_every_page_html_is_at_most_30_kib_gzip(site):
    sizes = {html.relative_to(site.path): gzip_size(html) for html in site.pages()}
    over = [f"{path}: {size} B gzip > {HTML_BUDGET} B" for path, size in sizes.items() if size > HTML_BUDGET]
    assert not over, "HTML over budget:\n" + "\n".join(over)


def test_no_image_is_over_100_kb(site):
    images = [p for p in site.path.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]
    assert images, "no images found in the build"
    over = [f"{p.relative_to(site.path)}: {p.stat().st_size} B > {IMAGE_BUDGET} B"
            for p in images if p.stat().st_size > IMAGE_BUDGET]
    assert not over, "images over budget:\n" + "\n".join(over)


def first_load_requests(page, url: str) -> list[str]:
    """Every request a first visit to `url` makes, up to and including the search index.

    The page's cache is off while it loads, so each call is a first visit
    in the same page; a new context for each would cost a new renderer. The
    tab's icon is left out: the browser asks for it once and remembers it
    across pages, whatever the page (both builds link the same one). The
    search index (SEARCH_INDEX) is the last request a page of either site
    makes on its own, once the theme's search worker has started. A first
    load is counted until it has finished, however long the worker takes to
    start on a loaded machine (no quiet-network timer: it cost two seconds a
    page and missed a slow worker)."""
    page.goto("about:blank")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    requests: list[str] = []
    page.on("request", record := lambda request: requests.append(request.url))
    try:
        with page.expect_event("requestfinished", lambda r: urlsplit(r.url).path.endswith(SEARCH_INDEX), timeout=30_000):
            page.goto(url)
    finally:
        page.remove_listener("request", record)
        cdp.detach()
    icons = set(page.eval_on_selector_all('link[rel~="icon"]', "links => links.map(link => link.href)"))
    return [url for url in requests if url not in icons]


@pytest.fixture(scope="session")
def stock_requests(stock, browser):
    """Stock's first-load requests for each nav page, counted once for both engines' tests."""
    counted = {}
    context = browser.new_context(base_url=stock.url)
    guard(context, Watch())  # stock's own problems are not this site's; nothing leaves the machine
    page = context.new_page()

    def requests(path: str) -> list[str]:
        if path not in counted:
            counted[path] = first_load_requests(page, urljoin(stock.url, path))
        return counted[path]

    yield requests
    context.close()


@both_engines
def test_a_page_makes_at_most_1_request_more_than_stock(site, stock_requests, fresh_context):
    over = []
    page = fresh_context().new_page()
    for path in NAV_PAGES:
        ours = [u for u in first_load_requests(page, urljoin(site.url, path))
                if urlsplit(u).path.removeprefix(urlsplit(site.url).path) not in ENGINE_REQUESTS[site.engine]]
        theirs = stock_requests(path)
        if len(ours) > len(theirs) + EXTRA_REQUESTS_BUDGET:
            base = {PurePosixPath(urlsplit(u).path) for u in theirs}
            extra = [urlsplit(u).path for u in ours if PurePosixPath(urlsplit(u).path) not in base]
            over.append(f"/{path}: {len(ours)} requests, stock {len(theirs)}; added: {', '.join(extra)}")
    assert not over, f"more than {EXTRA_REQUESTS_BUDGET} requests beyond stock:\n" + "\n".join(over)


def render_blocking(html: Path) -> list[str]:
    """What the browser must fetch before the first paint: stylesheets and plain scripts in <head>."""
    head = parsed(html).head
    found = [f"stylesheet {link['href']}" for link in head.find_all("link", href=True)
             if "stylesheet" in (link.get("rel") or []) and link.get("media") not in ("print",)]
    found += [f"script {script['src']}" for script in head.find_all("script", src=True)
              if not ({"async", "defer"} & set(script.attrs)) and script.get("type") != "module"]
    return found


@both_engines
def test_no_page_has_a_render_blocking_request_beyond_stock(site, stock):
    """This site's CSS and first-paint script are inlined; anything else in <head> waits for the network."""
    over = []
    for path in NAV_PAGES:
        ours = render_blocking(site.path / path / "index.html")
        theirs = render_blocking(stock.path / path / "index.html")
        if len(ours) > len(theirs):
            over.append(f"/{path}: {len(ours)} render-blocking ({', '.join(ours)}); stock {len(theirs)}")
    assert not over, (
        "render-blocking requests beyond stock Material; inline the file instead "
        "(extra: inline_css / inline_head_js in mkdocs.yml):\n" + "\n".join(over)
    )
