"""Every page of both engines' builds is valid HTML: the W3C Nu Html Checker finds nothing.

The checker is `vnu-jar` from npm, pinned in package.json and package-lock.json
(`npm ci`, which ./scripts/test runs when it is missing), run on Debian's Java
over the built folders, once a run for both engines' builds (one Java start;
`CHECKER_JVM` below). It refuses to fetch from 127.0.0.1 ("Forbidden host"),
so it reads the files, as `file:` URLs; two kinds of its Content-Security-Policy
findings come from that and are left out (see `checker_artifact`). Everything
else it reports, errors, warnings and notes alike, fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ENGINES, ROOT, both_engines
from support.html_checker import CHECKER_JVM, VNU, checker_artifact, describe_finding

pytestmark = both_engines


@pytest.fixture(scope="module")
def findings_by_build(builds) -> dict[str, list[dict]]:
    """The checker's messages for each engine's build, from one run over both."""
    java = shutil.which("java")
    if not java:
        pytest.fail("no java: install Debian's default-jre-headless (./scripts/test does)", pytrace=False)
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `npm ci` (./scripts/test does)", pytrace=False)
    folders = {engine: builds.get(engine).path for engine in ENGINES}
    result = subprocess.run([java, *CHECKER_JVM, "-jar", str(VNU), "--skip-non-html", "--format", "json",
                             *map(str, folders.values())], capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr)["messages"]
    except ValueError:
        pytest.fail(f"the checker did not run:\n{result.stdout}{result.stderr}", pytrace=False)
    by_build: dict[str, list[dict]] = {engine: [] for engine in folders}
    for message in messages:
        # The checker names a file `file:/path`, with one slash.
        engine = next((e for e, folder in folders.items() if message.get("url", "").startswith(f"file:{folder}/")), None)
        assert engine, f"a finding outside both builds: {message}"
        by_build[engine].append(message)
    return by_build


def test_every_page_is_valid_html(site, findings_by_build):
    messages = findings_by_build[site.engine]
    pages = len(site.pages())
    assert pages >= 12, f"{pages} pages to check: the build is incomplete"
    findings = [describe_finding(m) for m in messages if not checker_artifact(m)]
    assert not findings, (f"{site.engine}: {len(findings)} findings of the Nu Html Checker on {pages} pages "
                          "(fix the page's Markdown, or overrides/ for the theme's markup):\n" + "\n".join(findings))
