"""Every page of both engines' builds is valid HTML: the W3C Nu Html Checker finds nothing.

The checker is `vnu-jar` from npm, pinned in package.json and package-lock.json
(`npm ci`, which ./scripts/test runs when it is missing), run on Debian's Java
over the built folder. It refuses to fetch from 127.0.0.1 ("Forbidden host"),
so it reads the files, as `file:` URLs; two kinds of its Content-Security-Policy
findings come from that and are left out (see `checker_artifact`). Everything
else it reports, errors, warnings and notes alike, fails the test.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, both_engines

pytestmark = both_engines

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker_artifact(message: dict) -> bool:
    """A finding that says nothing about the page as a browser gets it over HTTP."""
    text = message.get("message", "")
    if "Content Security Policy" not in text:
        return False
    # On a file: URL the policy's 'self' matches no file, so every script and
    # stylesheet of the site's own (a relative or root-relative address) reads
    # as blocked. A file from another host would still be reported.
    own = re.match(r"Resource violates Content Security Policy \(meta tag\): external \w+ “([^”]*)”", text)
    if own and not re.match(r"^[a-z][a-z0-9+.-]*:|^//", own.group(1), re.I):
        return True
    # The theme's settings block, <script id="__config" type="application/json">,
    # is data a browser never runs; the checker counts it as an inline script.
    extract = message.get("extract", "")
    if text.startswith("Inline script violates") and re.search(r"<script id=\"?__config\"? type=\"?application/json", extract):
        return True
    return False


def describe(message: dict) -> str:
    where = message.get("url", "").split("/site/", 1)[-1]
    kind = message.get("subType") or message.get("type")
    return f"{where}:{message.get('lastLine', '?')}: {kind}: {message.get('message')}\n    {message.get('extract', '').strip()[:160]}"


def test_every_page_is_valid_html(site):
    java = shutil.which("java")
    if not java:
        pytest.fail("no java: install Debian's default-jre-headless (./scripts/test does)", pytrace=False)
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `npm ci` (./scripts/test does)", pytrace=False)
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--format", "json", str(site.path)],
                            capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr)["messages"]
    except ValueError:
        pytest.fail(f"the checker did not run:\n{result.stdout}{result.stderr}", pytrace=False)
    pages = len(site.pages())
    assert pages >= 12, f"{pages} pages to check: the build is incomplete"
    findings = [describe(m) for m in messages if not checker_artifact(m)]
    assert not findings, (f"{site.engine}: {len(findings)} findings of the Nu Html Checker on {pages} pages "
                          "(fix the page's Markdown, or overrides/ for the theme's markup):\n" + "\n".join(findings))
