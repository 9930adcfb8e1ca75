"""Trusted as your own (issue 32): a real owner or none, credit that travels, any address.

- Any address: a build for an address the policy's hashes were never
  computed for has no Content-Security-Policy violation on any page, the 404
  page included, on both engines; a plain `mkdocs build` without SITE_URL
  stops, naming it, while `mkdocs serve` needs none.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ENGINES, NAV_PAGES, ROOT, BuiltSite, build_site, free_port
from support.servers import static_host

# Two addresses no hash in mkdocs.yml was computed for: a sub-path two folders
# deep on another host, and one three folders deep on a plain-http intranet.
ADDRESSES = ("https://docs.example.com/team-a/dev-vs-eng/", "http://intranet.example:8080/eng/wiki/dev-vs-eng/")


def header_policy() -> dict[str, str]:
    """The headers docs/_headers tells a host to send with every file (the policy among them)."""
    text = (ROOT / "docs" / "_headers").read_text(encoding="utf-8")
    return dict(re.findall(r"^\s+([\w-]+):\s*(.+?)\s*$", text, re.M))


# --- Any address ----------------------------------------------------------------------


@pytest.fixture(scope="module", params=[(e, a) for e in ENGINES for a in ADDRESSES],
                ids=lambda p: f"{p[0]}-{urlsplit(p[1]).hostname}")
def elsewhere(request, tmp_path_factory) -> Iterator[BuiltSite]:
    """The site built for one of ADDRESSES, served here under that address's path, with the policy as a header."""
    engine, address = request.param
    path = urlsplit(address).path
    host = tmp_path_factory.mktemp(f"host-{engine}")
    dest = host / path.strip("/")
    log = build_site(engine, dest, address)
    port = free_port()
    server = static_host(host, port, dest / "404.html", header_policy())
    yield BuiltSite(path=dest, url=f"http://127.0.0.1:{port}{path}", log=log, engine=engine)
    server.shutdown()


def test_a_build_for_any_address_has_no_policy_violation_404_included(elsewhere, fresh_context):
    built = elsewhere
    context = fresh_context(base_url=built.url)
    violations: list[str] = []
    context.on("console", lambda m: violations.append(f"{m.page.url if m.page else '?'}: {m.text}")
               if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)
    page = context.new_page()
    site_path = urlsplit(built.url).path
    for path in [*NAV_PAGES, "no-such-page/", "a/b/c/cut-short"]:
        response = page.goto(path)
        assert response.status == (200 if path in NAV_PAGES else 404), f"{path}: {response.status}"
        # Material's head script ran and scopes storage to the site's own path, on the 404 page too.
        scope = page.evaluate("typeof __md_scope === 'object' ? __md_scope.pathname : null")
        assert scope == site_path, f"{built.engine} {path}: Material's storage scope is {scope!r}, not {site_path!r}"
    page.close()
    assert not violations, f"{built.engine} built for another address breaks its own policy:\n" + "\n".join(violations)


def test_a_plain_mkdocs_build_without_site_url_stops_naming_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0, "a plain `mkdocs build` without SITE_URL built a site for 127.0.0.1"
    assert "SITE_URL is not set" in result.stderr and "Traceback" not in result.stderr, result.stderr[-1500:]
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.copies_checkout
def test_mkdocs_serve_needs_no_site_url():
    """What ./scripts/serve runs: it serves the site without SITE_URL."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, env={**env, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        body = ""
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "<title>Developer vs. Engineer</title>" in body, (
            f"mkdocs serve without SITE_URL served no home page: {server.stderr.read()[-1500:] if server.poll() is not None else body[:200]}")
    finally:
        server.terminate()
        server.wait(timeout=30)
