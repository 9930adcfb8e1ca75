"""What a page costs a reader to load: its bytes gzipped, the files it asks for, the requests of a first visit."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .browser import SEARCH_INDEX
from .builds import BuiltSite, parsed


def gzip_size(path: Path) -> int:
    """Bytes after gzip at level 6, as nginx is configured in scripts/bench."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def theme_assets(engine: str) -> set[str]:
    """Every file the engine's theme ships under assets/ (Material for MkDocs's, or Zensical's),
    as a path from the site's root: "assets/javascripts/bundle.<hash>.min.js"."""
    templates = Path(importlib.util.find_spec("material" if engine == "mkdocs" else engine).origin).parent / "templates"
    return {path.relative_to(templates).as_posix() for path in (templates / "assets").rglob("*") if path.is_file()}


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


def render_blocking(html: Path) -> list[str]:
    """What the browser must fetch before the first paint: stylesheets and plain scripts in <head>."""
    head = parsed(html).head
    found = [f"stylesheet {link['href']}" for link in head.find_all("link", href=True)
             if "stylesheet" in (link.get("rel") or []) and link.get("media") not in ("print",)]
    found += [f"script {script['src']}" for script in head.find_all("script", src=True)
              if not ({"async", "defer"} & set(script.attrs)) and script.get("type") != "module"]
    return found
