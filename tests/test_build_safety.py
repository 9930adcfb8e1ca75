"""./scripts/build never deletes what it did not make, and SITE_URL never becomes markup.

Every case runs on a throwaway copy of the checkout in a temporary folder
(tests/support/checkout.py), beside a notes file, a sibling project and a
folder of a user's own files (hidden ones too). A refused OUT_DIR or SITE_URL
must leave every byte of that folder as it was, with a one-line message; a
build may replace only a new or empty folder or an earlier build (it holds
scripts/build.py's MARKER); a failed or interrupted build leaves the earlier
build byte for byte; two builds at once each get their own address only.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import build as build_script  # scripts/build.py
import stock_site  # scripts/stock_site.py
from conftest import ENGINES, run_mkdocs
from support.build_script import (
    PORTAL_URL,
    complete,
    leftovers,
    refused,
    run_build,
    seen_while_running,
    snapshot,
    start_build,
    urls_host,
    working_files,
)
from support.builds import COUNTS
from support.checkout import copy_tracked_checkout
from support.config import ROOT

HOSTILE_URL = 'https://portal.example.com/a"><img src=x onerror=alert(1)>/'


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder holding a copy of the checkout (a git repository of its own) and a user's things beside it."""
    work = tmp_path_factory.mktemp("build-safety")
    copy = copy_tracked_checkout(work / "checkout")
    subprocess.run(["git", "init", "-q"], cwd=copy, check=True)
    subprocess.run(["git", "add", "-A"], cwd=copy, check=True)
    (work / "notes.txt").write_text("a user's notes\n", encoding="utf-8")
    (work / "sibling-project").mkdir()
    (work / "sibling-project" / "main.py").write_text("print('mine')\n", encoding="utf-8")
    user = work / "userdir"
    (user / ".config").mkdir(parents=True)
    (user / "report.txt").write_text("keep me\n", encoding="utf-8")
    (user / ".hidden").write_text("keep me too\n", encoding="utf-8")
    (user / ".config" / "settings").write_text("x=1\n", encoding="utf-8")
    (work / "link-to-tests").symlink_to(copy / "tests")
    (work / "link-to-userdir").symlink_to(user)
    (work / "link-to-work").symlink_to(work)
    return work


# --- What is refused, before anything is touched --------------------------------------

# OUT_DIR as typed in the copy of the checkout.
REFUSED_OUT_DIRS = {
    "the-checkout": ".",
    "its-parent": "..",
    "git": ".git",
    "tests": "tests",
    "editorial": "editorial",
    "deploy": "deploy",
    "docs": "docs",
    "a-new-folder-inside-docs": "docs/new-site",
    "a-new-folder-inside-tests": "tests/out",
    "user-files": "../userdir",
    "a-file": "../notes.txt",
    "a-sibling-project": "../sibling-project",
    "link-to-tests": "../link-to-tests",
    "link-to-user-files": "../link-to-userdir",
    "link-to-the-parent": "../link-to-work",
}


@pytest.mark.copies_checkout  # ./scripts/build on the module's copy, refused before it builds
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", REFUSED_OUT_DIRS)
def test_an_out_dir_it_did_not_make_is_refused_and_left_whole(work, case, engine):
    refused(work, REFUSED_OUT_DIRS[case], engine, "scripts/build: OUT_DIR")


def test_every_parent_of_the_checkout_is_refused(tmp_path):
    """The rule itself, without running a build: the checkout's parents, up to /, are never an OUT_DIR."""
    root = tmp_path / "a" / "checkout"
    root.mkdir(parents=True)
    for parent in root.parents:
        with pytest.raises(build_script.Refused, match="holds the checkout"):
            build_script.out_dir_from(str(parent), root=root)


HOSTILE_SITE_URLS = {
    "markup": HOSTILE_URL,
    "double-quote": 'https://portal.example.com/"x/',
    "single-quote": "https://portal.example.com/'x/",
    "angle-brackets": "https://portal.example.com/<b>/",
    "space": "https://portal.example.com/my site/",
    "newline": "https://portal.example.com/\n",
    "credentials": "https://user:secret@portal.example.com/",
    "query": "https://portal.example.com/?x=1",
    "fragment": "https://portal.example.com/#top",
    "javascript": "javascript:alert(1)//",
    "ftp": "ftp://portal.example.com/",
    "no-scheme": "portal.example.com/handbook/",
    "missing-host": "https:///handbook/",
    "backslash": "https://portal.example.com\\@evil.example/",
}


@pytest.mark.copies_checkout  # ./scripts/build on the module's copy, refused before it builds
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", HOSTILE_SITE_URLS)
def test_a_site_url_that_is_not_an_address_is_refused_before_anything_is_written(work, case, engine):
    result = refused(work, "../new-site", engine, "scripts/build: SITE_URL", site_url=HOSTILE_SITE_URLS[case])
    assert "<img" not in result.stderr.split(": it", 1)[1], "the message should say what is wrong, not repeat the markup"
    assert not (work / "new-site").exists(), "a refused SITE_URL wrote files"


@pytest.mark.parametrize("value, expected", [
    ("https://portal.example.com/handbook/dev-vs-eng/", "https://portal.example.com/handbook/dev-vs-eng/"),
    ("https://portal.example.com/handbook", "https://portal.example.com/handbook/"),
    ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
    ("HTTPS://docs.example.com", "https://docs.example.com/"),
    ("https://[::1]:8443/a%20b/", "https://[::1]:8443/a%20b/"),
])
def test_an_address_is_accepted_with_its_final_slash(value, expected):
    import site_address  # scripts/site_address.py

    assert site_address.check(value) == expected


# --- Builds: allowed folders, failures and interruptions ----------------------------------


@pytest.fixture(scope="module")
def published(work) -> Path:
    """A first build, into a folder that exists and is empty (allowed)."""
    out = work / "published"
    out.mkdir()
    result = run_build(work, "../published")
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.mark.copies_checkout
def test_a_build_is_marked_and_publishes_no_source_maps(published):
    assert complete(published), f"{published}: not a whole build with {build_script.MARKER}"
    maps = sorted(p.relative_to(published).as_posix() for p in published.rglob("*.map"))
    assert not maps, f"source maps published: {maps}"
    home = BeautifulSoup((published / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("link[rel=canonical]")["href"] == PORTAL_URL


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_a_strict_failure_leaves_the_previous_build_byte_identical(work, published, engine):
    before = snapshot(published)
    article = work / "checkout" / "docs" / "article.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    try:
        result = run_build(work, "../published", engine)
    finally:
        article.write_text(text, encoding="utf-8")
    assert result.returncode == 1, f"a strict failure ({engine}) should fail the build:\n{result.stderr[-2000:]}"
    assert "is as it was before" in result.stderr.splitlines()[-1], result.stderr[-500:]
    assert snapshot(published) == before, f"a failed build ({engine}) changed the previous one"
    assert not leftovers(work), f"a failed build left {leftovers(work)}"


# Moments to press Ctrl-C: named by what the build has written so far.
MOMENTS = {
    "before-its-folder": lambda work: True,
    "its-folder-made": lambda work: bool(list(work.glob(".published.building-*"))),
    "pages-half-written": lambda work: sum(p.name == "index.html" for p in working_files(work)) >= 3,
}


@pytest.mark.copies_checkout
@pytest.mark.parametrize("moment", MOMENTS)
def test_ctrl_c_at_any_moment_leaves_the_previous_build_whole(work, published, moment):
    before = snapshot(published)
    process = start_build(work, "../published")
    reached = seen_while_running(process, lambda: MOMENTS[moment](work))
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group
    _, stderr = process.communicate(timeout=600)
    COUNTS["scripts"] += 1
    if process.returncode == 0:  # it finished first: then the new build is whole
        assert complete(published), f"Ctrl-C after the swap left half a build:\n{stderr[-1000:]}"
    else:
        assert reached, f"the build ended ({process.returncode}) before the moment {moment}:\n{stderr[-2000:]}"
        if process.returncode == 130:  # Python had started: it says so
            assert "interrupted" in stderr.splitlines()[-1], stderr[-1000:]
        assert "Traceback" not in stderr, stderr[-2000:]
        assert snapshot(published) == before, f"Ctrl-C at {moment} changed the previous build"
    assert not leftovers(work), f"Ctrl-C at {moment} left {leftovers(work)}"


# A step that says it has started, then, when the Ctrl-C comes, says what a
# Python step stopped in the middle of an import says.
NOISY_STEP = """\
import signal, sys, time
def stopped(*_):
    sys.stderr.write("Traceback (most recent call last):\\nKeyboardInterrupt\\n")
    sys.exit(130)
signal.signal(signal.SIGINT, stopped)
sys.stderr.write("step started\\n")
sys.stderr.flush()
time.sleep(60)
"""
# scripts/build.py's run(), as main() calls it, in a process of its own.
RUNS_THE_STEP = """\
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import build
try:
    build.run([sys.executable, "-c", sys.argv[2]], Path.cwd(), dict(os.environ))
except KeyboardInterrupt:
    sys.stderr.write("interrupted\\n")
"""


def test_a_step_stopped_by_ctrl_c_adds_nothing_to_the_builds_one_line(tmp_path):
    scripts = Path(build_script.__file__).parent
    process = subprocess.Popen([sys.executable, "-c", RUNS_THE_STEP, str(scripts), NOISY_STEP], cwd=tmp_path,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    started = process.stderr.readline()
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the script and its step
    rest = process.communicate(timeout=60)[1]
    assert started == "step started\n", f"what the step said before the Ctrl-C was not passed on: {started!r}"
    assert rest == "interrupted\n", f"after the Ctrl-C, more than the build's own line: {rest!r}"


# Stand-ins for PYTHON: what scripts/install's version check may meet.
PYTHONS = {
    # Answers --version, and exits 1 to the check.
    "too-old": ('[ "$1" = --version ] && echo "Python 3.9.2" && exit 0\nexit 1\n',
                1, "scripts/install: Python 3.9.2 is too old; Material for MkDocs 9.8 needs Python 3.11 or newer"),
    # What CPython does when a Ctrl-C comes while it starts: a fatal error, then abort().
    "stopped-as-it-starts": ('echo "Fatal Python error: init_import_site" >&2\necho "Traceback (most recent call last):" >&2\n'
                             'kill -ABRT $$\n', 134, ""),
    # PYTHON names no file.
    "not-found": (None, 127, "scripts/install: cannot run "),
}


@pytest.mark.parametrize("case", PYTHONS)
def test_the_installs_python_check_names_only_a_python_that_is_too_old(tmp_path, case):
    body, returncode, says = PYTHONS[case]
    python = tmp_path / "python3"
    if body is not None:
        python.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        python.chmod(0o755)
    result = subprocess.run([str(ROOT / "scripts" / "install")], env={**os.environ, "PYTHON": str(python)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == returncode, f"{case}: exit {result.returncode}, said {result.stderr!r}"
    assert result.stderr.startswith(says) and len(result.stderr.splitlines()) == (1 if says else 0), \
        f"{case}: said {result.stderr!r}"


@pytest.mark.copies_checkout
def test_an_earlier_build_is_replaced_whole(work, published):
    again = work / "published-again"
    shutil.copytree(published, again)
    (again / "left-from-before.html").write_text("old", encoding="utf-8")
    result = run_build(work, "../published-again", "zensical", site_url="https://other.example/")
    assert result.returncode == 0, result.stderr[-3000:]
    assert complete(again) and not (again / "left-from-before.html").exists(), "the earlier build was not replaced whole"
    assert not list(again.rglob("*.map")), "Zensical's build publishes source maps"
    assert not leftovers(work)


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_two_builds_at_once_each_get_only_their_own_address(work, engine):
    urls = {"one": "https://one.example/docs/", "two": "https://two.example/handbook/"}
    processes = {name: start_build(work, f"../{engine}-{name}", engine, url) for name, url in urls.items()}
    for name, process in processes.items():
        _, stderr = process.communicate(timeout=600)
        COUNTS["scripts"] += 1
        assert process.returncode == 0, f"{name}: {stderr[-2000:]}"
    files = {name: {p.relative_to(work / f"{engine}-{name}") for p in (work / f"{engine}-{name}").rglob("*")} for name in urls}
    assert files["one"] == files["two"], f"the two builds differ in files: {sorted(files['one'] ^ files['two'])[:10]}"
    for name, url in urls.items():
        other = next(u for n, u in urls.items() if n != name)
        folder = work / f"{engine}-{name}"
        strays = [p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
                  if urls_host(other) in p.read_text(encoding="utf-8")]
        assert not strays, f"{engine}: the build for {url} holds pages for {other}: {strays[:5]}"
        home = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert home.select_one("link[rel=canonical]")["href"] == url
    assert not leftovers(work)


@pytest.mark.copies_checkout
def test_two_builds_at_once_into_one_folder_leave_one_whole_build(work):
    urls = ["https://one.example/docs/", "https://two.example/handbook/"]
    processes = [start_build(work, "../shared", "zensical", url) for url in urls]
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        COUNTS["scripts"] += 1
        assert process.returncode == 0, stderr[-2000:]
    folder = work / "shared"
    assert complete(folder)
    hosts = {url: [p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
                   if urls_host(url) in p.read_text(encoding="utf-8")] for url in urls}
    assert not all(hosts.values()), f"pages for both addresses in one folder: {[pages[:3] for pages in hosts.values()]}"
    assert not leftovers(work)


# --- SITE_URL in a build that bypasses ./scripts/build ----------------------------------------


@pytest.mark.copies_checkout
def test_a_plain_mkdocs_build_refuses_a_site_url_that_is_not_an_address(work, tmp_path):
    result = run_mkdocs(work / "checkout" / "mkdocs.yml", tmp_path / "site", HOSTILE_URL, cwd=work / "checkout")
    assert result.returncode != 0, "mkdocs build accepted a SITE_URL holding markup"
    assert "site_url (SITE_URL)" in result.stderr and "is not a site address" in result.stderr, result.stderr[-2000:]
    assert not list((tmp_path / "site").rglob("*.html")) if (tmp_path / "site").exists() else True


@pytest.mark.copies_checkout
def test_a_site_url_holding_markup_stays_text_in_every_page(work, tmp_path):
    """Zensical runs no hooks: the templates' escaping is all that stands between the value and the page."""
    COUNTS["full"] += 1
    result = stock_site.run_zensical_build(tmp_path / "site", HOSTILE_URL, root=work / "checkout")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    injected, canonical = [], None
    for page in sorted((tmp_path / "site").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            if element.name == "img" and element.get("src") == "x" or any(a.startswith("on") for a in element.attrs):
                injected.append(f"{page.relative_to(tmp_path / 'site')}: <{element.name} {element.attrs}>")
        if page == tmp_path / "site" / "index.html":
            canonical = soup.select_one("link[rel=canonical]")["href"]
            linking = BeautifulSoup((tmp_path / "site" / "linking" / "index.html").read_text(encoding="utf-8"), "html.parser")
            addresses = [code.get_text() for code in linking.select("pre code")]
    assert not injected, "SITE_URL became markup:\n" + "\n".join(injected[:10])
    assert canonical == HOSTILE_URL, f"the canonical link should hold the address as text: {canonical!r}"
    assert any(text.startswith(HOSTILE_URL) for text in addresses), "the linking page's addresses lost SITE_URL's text"
