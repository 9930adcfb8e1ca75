"""Every page of both engines' builds is valid HTML: the W3C Nu Html Checker finds nothing.

The checker is `vnu-jar` from npm, pinned in package.json and package-lock.json
(`npm ci`, which ./scripts/test runs when it is missing), run on Debian's Java
over the built folders, once a run for both engines' builds (one Java start;
`CHECKER_JVM` below). It refuses to fetch from 127.0.0.1 ("Forbidden host"),
so it reads the files, as `file:` URLs; two kinds of its Content-Security-Policy
findings come from that and are left out (see `checker_artifact`). Everything
else it reports, errors, warnings and notes alike, fails the test.

The checker costs about 11 s of CPU (Java) a run, a third of the fast layer's
budget, so it runs in the full run only (marked `full_run`). The fast layer
has a static stand-in, `test_every_page_parses_without_stray_tags_or_twice_used_ids`:
libxml2's HTML parser (lxml) over the same files, which reports an end tag
that closes nothing open and an id used twice, the two mistakes a Markdown or
template edit most often makes; the checker still catches the rest before a merge.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from lxml import etree

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


@pytest.mark.full_run
def test_every_page_is_valid_html(site, findings_by_build):
    messages = findings_by_build[site.engine]
    pages = len(site.pages())
    assert pages >= 12, f"{pages} pages to check: the build is incomplete"
    findings = [describe_finding(m) for m in messages if not checker_artifact(m)]
    assert not findings, (f"{site.engine}: {len(findings)} findings of the Nu Html Checker on {pages} pages "
                          "(fix the page's Markdown, or overrides/ for the theme's markup):\n" + "\n".join(findings))


# --- The fast layer's stand-in -------------------------------------------------------


def parser_findings(html: bytes) -> list[str]:
    """What libxml2's HTML parser reports on a page: stray or mismatched end tags, ids used twice."""
    parser = etree.HTMLParser(recover=True)
    etree.fromstring(html, parser)
    return [f"line {error.line}: {error.message.strip()}" for error in parser.error_log]


@pytest.mark.parametrize("html, found", [
    (b"<!doctype html><html lang=en><body><div><p>text</p></div>", ""),
    (b"<!doctype html><body><div><p>text</div></span>", "Unexpected end tag : span"),
    (b"<!doctype html><body><h2 id=setup>A</h2><h2 id=setup>B</h2>", "ID setup already defined"),
])
def test_the_stand_in_reports_stray_end_tags_and_repeated_ids(site, html, found):
    findings = parser_findings(html)
    assert (found in " ".join(findings)) if found else not findings, findings


def test_every_page_parses_without_stray_tags_or_twice_used_ids(site):
    pages = site.pages()
    assert len(pages) >= 12, f"{len(pages)} pages to check: the build is incomplete"
    findings = [f"{page.relative_to(site.path)}: {finding}" for page in pages for finding in parser_findings(page.read_bytes())]
    assert not findings, (f"{site.engine}: {len(findings)} parser findings (fix the page's Markdown, or overrides/ "
                          "for the theme's markup):\n" + "\n".join(findings))
