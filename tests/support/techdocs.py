"""Backstage's TechDocs reader, as `techdocs-cli serve --no-docker` runs it on a copy of the checkout.

`techdocs-cli serve` (package.json pins @techdocs/cli) starts `mkdocs serve`
with mkdocs-techdocs.yml, from .venv-techdocs (requirements-techdocs.txt),
and Backstage's embedded reader app in front of it, always at
http://localhost:3000 (PUBLISHING.md, "Inside a Backstage portal"). The
reader puts each page in an open shadow root, keeps Material's main.css and
drops every script and every other style: Playwright's CSS locators reach
into the shadow root on their own.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from .checkout import copy_tracked_checkout
from .config import ROOT
from .servers import free_port

TECHDOCS_CLI = ROOT / "node_modules" / ".bin" / "techdocs-cli"
VENV = ROOT / ".venv-techdocs"
CONFIG = "mkdocs-techdocs.yml"
PORT = 3000  # fixed: techdocs-cli serves its own reader app nowhere else
READER = f"http://localhost:{PORT}/docs/default/component/local/"
HOSTS = {"localhost", "127.0.0.1"}  # the reader and the mkdocs server behind it


def missing() -> str | None:
    """What the TechDocs tests need and this checkout lacks, as the fix to make; None when all is there."""
    if not TECHDOCS_CLI.exists():
        return "node_modules/.bin/techdocs-cli is missing: run ./scripts/test, or npm ci --no-audit --no-fund --ignore-scripts"
    if not (VENV / "bin" / "mkdocs").exists():
        return ".venv-techdocs is missing: run ./scripts/test, or scripts/install requirements-techdocs.txt"
    return None


def port_in_use(port: int = PORT) -> bool:
    for host in ("127.0.0.1", "::1"):
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            continue
    return False


def env() -> dict[str, str]:
    """.venv-techdocs first on PATH (techdocs-cli runs `mkdocs` from it); no browser opened."""
    return {**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            "BROWSER": "none", "NO_MKDOCS_2_WARNING": "1"}


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def reader(root: Path, log: Path, timeout: float = 240):
    """`techdocs-cli serve --no-docker` in `root` until the block ends; yields the reader's base URL."""
    mkdocs_port = free_port()
    with open(log, "w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [str(TECHDOCS_CLI), "serve", "--no-docker", "--verbose", "--mkdocs-port", str(mkdocs_port),
             "--mkdocs-config-file-name", CONFIG],
            cwd=root, env=env(), stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while not (_answers(f"http://127.0.0.1:{mkdocs_port}/") and _answers(f"http://localhost:{PORT}/.detect")):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"techdocs-cli serve did not start (see its log, {log}):\n"
                                   + log.read_text(encoding="utf-8")[-3000:])
            time.sleep(1)
        yield READER
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# The page's own document inside the reader's shadow root.
SHADOW = "() => [...document.querySelectorAll('*')].find(e => e.shadowRoot && e.shadowRoot.querySelector('article'))"


# The page's article (the reader wraps its own page in an <article> too).
# The article inside the reader's shadow root.
ARTICLE = "article.md-content__inner"


def portal_checkout(folder: Path, org_file: str | None = None) -> Path:
    """The tracked files, as a fresh clone has them, with the installed tools linked (nothing to download)."""
    problem = missing()
    if problem:
        pytest.fail(problem)
    root = copy_tracked_checkout(folder)
    (root / ".venv-techdocs").symlink_to(VENV)
    if org_file is not None:
        (root / "org.yml").write_text(org_file, encoding="utf-8")
    return root


def open_in_reader(page, url: str, name: str):
    """Open page `name` in the reader at `url`, and wait until it shows, styled."""
    page.goto(url + name)
    page.locator(f"{ARTICLE} h1").first.wait_for(timeout=60_000)
    # The reader shows the page's HTML before its stylesheets have loaded: until
    # they have, every tab panel shows (CI saw both of a set's panels once).
    page.wait_for_function(f"""() => {{
      const root = ({SHADOW})().shadowRoot;
      const sheets = [...root.querySelectorAll('link[rel=stylesheet]')];
      return sheets.every(link => link.sheet) && root.styleSheets.length > 0;
    }}""", timeout=60_000)
