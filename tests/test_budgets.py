"""Byte and request budgets: what this site adds to Material must cost next to nothing.

Bytes and counts only, never times (the machine is shared and noisy; timings
are for scripts/bench). Every failure names the file and its size. The pages
are the nav's (tests/support/pages.py) and every HTML file of the build, so
new pages are held to the same budgets without a change here.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import NAV_PAGES, BuiltSite, both_engines
from support.browser import Watch, guard
from support.page_weight import first_load_requests, gzip_size, referenced_assets, render_blocking, theme_assets

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


@pytest.fixture(scope="session")
def stock(builds) -> BuiltSite:
    """The same pages built with Material as it ships (scripts/stock_site.py), served."""
    return builds.stock()


def test_js_and_css_this_site_adds_weigh_at_most_10_kib_gzip(site):
    material = {"/" + path for path in theme_assets("mkdocs")}
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


@both_engines
def test_every_render_blocking_request_is_a_file_the_theme_ships(site):
    """What the comparison with stock below holds, without a stock build: no request of this site's
    own in <head> (its CSS and first-paint script are inlined) waits for the network."""
    shipped = theme_assets(site.engine)
    over = []
    for path in NAV_PAGES:
        for request in render_blocking(site.path / path / "index.html"):
            kind, ref = request.split(" ", 1)
            target = urlsplit(urljoin(f"http://site/{path}", ref)).path.lstrip("/")
            if target not in shipped:
                over.append(f"/{path}: the {kind} {ref} blocks the first paint")
    assert not over, ("render-blocking requests of this site's own; inline the file instead "
                      "(extra: inline_css / inline_head_js in mkdocs.yml):\n" + "\n".join(over))


@both_engines
@pytest.mark.full_run
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
