"""The builds a test run needs: each made once, when a test first asks, served, and counted.

A full build of the site takes seconds; a run needs only five different ones:
MkDocs and Zensical at the root of a host and under a portal's sub-path
(SUBPATH), and stock Material (scripts/stock_site.py) for the budgets. The
session's `builds` fixture (tests/conftest.py) holds them; the run ends by
printing how many full builds it made.
"""

from __future__ import annotations

import dataclasses
import fcntl
import functools
import logging
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

import org  # scripts/org.py: an organisation's org.yml, written into the pages before each build
import stock_site  # scripts/stock_site.py, shared with scripts/bench
from .config import ROOT
from .pages import NAV_PAGES
from .servers import free_port, static_host

# The engines that build this checkout: MkDocs (the README's build) and
# Zensical, Material's successor, which reads the same mkdocs.yml.
ENGINES = ("mkdocs", "zensical")
# Where a portal hosts the site in the tests: http://127.0.0.1:<port>/handbook/dev-vs-eng/.
SUBPATH = "handbook/dev-vs-eng/"

# Builds made this run: "full" builds of the whole site in this process,
# "scripts" full builds made by ./scripts/sync and ./scripts/build run by a
# test (count_script_builds), "small" ones of a few-line test site.
COUNTS = {"full": 0, "scripts": 0, "small": 0}

SYNC_BUILT = re.compile(r"^scripts/sync: built the site (\d+) times", re.M)


def count_script_builds(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    """Count the builds a ./scripts/sync or ./scripts/build run made (its command line and stderr say)."""
    if any(str(arg).endswith("scripts/build") for arg in result.args) and result.returncode == 0:
        COUNTS["scripts"] += 1
    COUNTS["scripts"] += sum(int(n) for n in SYNC_BUILT.findall(result.stderr or ""))
    return result


@functools.lru_cache(maxsize=512)
def parsed_html(text: str) -> BeautifulSoup:
    """HTML parsed once a run and shared by every test that reads the same text:
    read it, never change it (copy.copy() the part to change first). A run's
    tests read each built page dozens of times; parsing was most of the fast
    layer's time (a site's 17 pages take about 15 MB parsed)."""
    return BeautifulSoup(text, "html.parser")


def parsed(html: Path) -> BeautifulSoup:
    """A built page, parsed and shared (parsed_html): read it, never change it."""
    return parsed_html(html.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=64)
def _theme_pages(folder: Path, mtime_ns: int) -> list[tuple[Path, BeautifulSoup]]:
    # Found once a build (a folder built again has a new time): a dozen tests a run ask.
    return [(html, parsed(html)) for html in sorted(folder.rglob("*.html")) if parsed(html).find(class_="md-content")]


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
        """The pages the theme renders, parsed (shared: read only): not a moved page's hand-written forwarder."""
        themed = list(_theme_pages(self.path, self.path.stat().st_mtime_ns))
        assert len(themed) >= len(NAV_PAGES), f"{self.path}: {len(themed)} theme pages, fewer than the nav's {len(NAV_PAGES)}"
        return themed

    @contextmanager
    def sending(self, headers: dict[str, str]) -> Iterator[BuiltSite]:
        """The same build from a second host, at the same path, that sends
        `headers` with every response (a host that reads docs/_headers)."""
        base = urlsplit(self.url).path
        host = self.path
        for _ in PurePosixPath(base).parts[1:]:
            host = host.parent
        port = free_port()
        server = static_host(host, port, self.path / "404.html", headers)
        try:
            yield dataclasses.replace(self, url=f"http://127.0.0.1:{port}{base}")
        finally:
            server.shutdown()

    def soup(self, path: str) -> BeautifulSoup:
        """A page of the build, parsed and shared (parsed_html: copy.copy() a part before changing it):
        "article/" or "" (home) or a file such as "404.html"."""
        file = self.path / path if path.endswith(".html") else self.path / path / "index.html"
        assert file.is_file(), f"{path or 'home'} is not built: its page in docs/ and its line in mkdocs.yml's nav are needed"
        return parsed(file)


def run_mkdocs(config: Path, dest: Path, site_url: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of a whole site, as scripts/bench runs it; the caller decides what a failure means."""
    COUNTS["full"] += 1
    return stock_site.run_build(config, dest, site_url, cwd=cwd)


def small_build(config: Path, dest: Path, site_url: str, cwd: Path) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of a few-line test site (its own config, not this site's)."""
    COUNTS["small"] += 1
    return stock_site.run_build(config, dest, site_url, cwd=cwd)


def build_site(engine: str, dest: Path, url: str, root: Path = ROOT) -> str:
    """Build the checkout at `root` with `engine` into `dest`; return its log, or fail the test with it.

    First, as every build path does, scripts/org.py writes an organisation's
    org.yml (if there is one) into the pages' includes."""
    try:
        org.prepare(root)
    except org.OrgError as error:
        pytest.fail(str(error), pytrace=False)
    if engine == "zensical":
        COUNTS["full"] += 1
        result = stock_site.run_zensical_build(dest, url, root=root)
        log = result.stdout + result.stderr
    else:
        result = run_mkdocs(root / "mkdocs.yml", dest, url, cwd=root)
        log = result.stderr
    if result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, result.args))} failed:\n{log}", pytrace=False)
    return log


class Builds:
    """This checkout's builds, each made on first use and served until close().

    In one process (`pytest`, `--fast`, `-k ...`) it builds and serves them
    itself. In a run on several workers (pytest-xdist, `./scripts/test`), the
    controller process owns the folder and serves every build from it at a
    port fixed up front (`Builds.serve_all`); a worker builds what it is the
    first to need, under a lock in that folder, and every other worker reuses
    that build. Either way each build is made once a run.
    """

    KEYS = (("mkdocs", ""), ("mkdocs", SUBPATH), ("zensical", ""), ("zensical", SUBPATH), ("stock", ""))

    def __init__(self, folder: Path, ports: dict[str, int] | None = None):
        self.folder = folder
        # Shared with other processes: the ports the controller serves each build at.
        self._ports = ports
        self._built: dict[tuple[str, str], BuiltSite] = {}
        self._servers = []

    @staticmethod
    def name(key: tuple[str, str]) -> str:
        engine, base = key
        return f"{engine}-{'root' if not base else base.strip('/').replace('/', '-')}"

    def where(self, key: tuple[str, str]) -> tuple[Path, Path]:
        """The folder a host serves for this build, and the build's own folder in it."""
        engine, base = key
        host = self.folder / self.name(key) / "host"
        return host, host / base if base else host

    @classmethod
    def serve_all(cls, folder: Path) -> tuple[dict[str, int], list]:
        """For the controller of a run on several workers: serve every build's
        folder (built later, by whichever worker needs it first); return the ports."""
        ports, servers = {}, []
        for key in cls.KEYS:
            host, dest = cls(folder).where(key)
            host.mkdir(parents=True, exist_ok=True)
            ports[cls.name(key)] = free_port()
            servers.append(static_host(host, ports[cls.name(key)], dest / "404.html"))
        return ports, servers

    def get(self, engine: str = "mkdocs", base: str = "") -> BuiltSite:
        """`engine`'s build for a site at http://127.0.0.1:<port>/<base> (base "" or SUBPATH).

        The server answers a missing address with the build's 404 page; the
        host folder holds the build at <base>.
        """
        return self._get((engine, base))

    def stock(self) -> BuiltSite:
        """The same pages built with Material as it ships (scripts/stock_site.py), served at a root."""
        return self._get(("stock", ""))

    def _get(self, key: tuple[str, str]) -> BuiltSite:
        if key not in self._built:
            engine, base = key
            host, dest = self.where(key)
            port = self._ports[self.name(key)] if self._ports else free_port()
            url = f"http://127.0.0.1:{port}/{base}"
            with self._lock():
                log = self._build_once(key, dest, url)
            if not self._ports:
                self._servers.append(static_host(host, port, dest / "404.html"))
            self._built[key] = BuiltSite(path=dest, url=url, log=log, engine=engine)
        return self._built[key]

    @contextmanager
    def _lock(self):
        """One build at a time across the run's processes (they share the checkout)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "builds.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _build_once(self, key: tuple[str, str], dest: Path, url: str) -> str:
        """Build unless another process of this run already has; return the build's log."""
        done = self.folder / f"{self.name(key)}.log"
        if done.exists():
            return done.read_text(encoding="utf-8")
        engine, _ = key
        if engine == "stock":
            config = stock_site.write_stock_config(self.folder / "stock-config")
            COUNTS["full"] += 1
            try:
                stock_site.build(config, dest, url, strict=False)
            except RuntimeError as error:
                pytest.fail(str(error), pytrace=False)
            log = ""
        else:
            log = build_site(engine, dest, url)
        done.write_text(log, encoding="utf-8")
        return log

    def close(self) -> None:
        for server in self._servers:
            server.shutdown()


@contextmanager
def served_builds(root: Path, folders, headers: dict[str, str] | None = None) -> Iterator[dict[str, BuiltSite]]:
    """The checkout at `root` built by each engine into a new folder of `folders` (a tmp_path_factory) and served,
    each file with `headers` (docs/_headers' policy, say), by engine; the servers stop after."""
    sites, servers = {}, []
    try:
        for engine in ENGINES:
            port = free_port()
            url = f"http://127.0.0.1:{port}/"
            dest = folders.mktemp(f"{root.name}-{engine}") / "site"
            log = build_site(engine, dest, url, root=root)
            servers.append(static_host(dest, port, dest / "404.html", headers))
            sites[engine] = BuiltSite(path=dest, url=url, log=log, engine=engine)
        yield sites
    finally:
        for server in servers:
            server.shutdown()


def content_pages(built: BuiltSite) -> list[tuple[str, BeautifulSoup]]:
    """The theme's pages with a source page in docs/ (not the 404 page), by Markdown file name."""
    pages = []
    for html, soup in built.theme_pages():
        if html.name != "index.html":
            continue
        relative = html.parent.relative_to(built.path).as_posix()
        name = "index.md" if relative == "." else f"{relative}.md"
        if (ROOT / "docs" / name).exists():
            pages.append((name, soup))
    return pages


def tiny_site(tmp_path, page: str, command_line: bool = False) -> subprocess.CompletedProcess:
    """A strict build of a one-page site (`page` as docs/index.md) with only the view-tab hook and the tab extensions:
    `mkdocs build` run as a command (`command_line`), or its build run in this process (build_in_process)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(textwrap.dedent(page))
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: Hook test
            strict: true
            hooks: [{ROOT / "hooks" / "check_view_tabs.py"}]
            markdown_extensions:
              - toc
              - pymdownx.superfences
              - pymdownx.tabbed:
                  alternate_style: true
                  combine_header_slug: true
                  slugify: !!python/object/apply:pymdownx.slugs.slugify {{kwds: {{case: lower}}}}
            """
        )
    )
    if command_line:
        return small_build(config, tmp_path / "site", "http://127.0.0.1/", cwd=tmp_path)
    return build_in_process(config, tmp_path / "site")


def build_in_process(config: Path, dest: Path) -> subprocess.CompletedProcess:
    """What `mkdocs build --strict` does between reading its config and exiting, run in this process:
    exit status 1 and the message on a failure, each warning as a line of stderr. A few-line site
    builds in milliseconds; starting Python and MkDocs for it again costs about half a second of CPU."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    COUNTS["small"] += 1
    lines: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: lines.append(f"{record.levelname}: {record.getMessage()}")
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    status = 0
    try:
        settings = load_config(str(config), site_dir=str(dest), strict=True)
        settings.plugins.on_startup(command="build", dirty=False)
        try:
            build(settings)
        finally:
            settings.plugins.on_shutdown()
    except MkDocsException as error:  # Abort, a config or plugin error: the command prints it and exits 1
        lines.append(str(error))
        status = 1
    finally:
        logger.removeHandler(handler)
    return subprocess.CompletedProcess([sys.executable, "-m", "mkdocs", "build", "--strict", "(in this process)"],
                                       status, "", "\n".join(lines))


def local_file(built: BuiltSite, html: Path, ref: str) -> Path | None:
    """The file in the build that `ref`, written in `html`, points to; None for other hosts."""
    page_url = urljoin(built.url, html.relative_to(built.path).as_posix())
    target = urlsplit(urljoin(page_url, ref))
    if f"{target.scheme}://{target.netloc}/" != built.url or target.scheme not in ("http", "https"):
        return None
    path = built.path / target.path.lstrip("/")
    return path / "index.html" if target.path.endswith("/") else path
