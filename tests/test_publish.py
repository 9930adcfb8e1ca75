"""Publishing: tested first, built as PUBLISHING.md says, with pinned actions; ./scripts/build."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.build_script import scripts_build
from support.checkout import copy_tracked_checkout
from support.workflow import WORKFLOW, before, documented_build_command, job_running, job_using, jobs, steps


def test_the_tests_pass_before_anything_is_built_or_deployed():
    tests = job_running("./scripts/test")
    for later in (job_running("./scripts/build"), job_using("actions/upload-pages-artifact"),
                  job_using("actions/deploy-pages")):
        assert before(tests, later), f"{WORKFLOW.name}: job {later[0]!r} can run without the tests passing first"


def test_the_workflow_builds_with_the_readme_command_and_deploys_what_it_built():
    name, index = job_running("./scripts/build")
    step = jobs()[name]["steps"][index]
    readme = documented_build_command()
    assignment, _, command = readme.partition(" ")
    assert assignment.startswith("SITE_URL="), f"PUBLISHING.md's build command sets SITE_URL first: {readme!r}"
    assert step["run"].strip() == command, f"the workflow runs {step['run']!r}, PUBLISHING.md {command!r}"
    assert step["env"]["SITE_URL"], "the build needs the published address"
    out_dir = command.split()[-1]
    upload = jobs()[job_using("actions/upload-pages-artifact")[0]]
    uploads = [s["with"]["path"] for s in upload["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert uploads == [out_dir], f"the workflow builds into {out_dir} but uploads {uploads}"


def test_every_action_is_pinned_to_a_commit_with_its_version_named():
    lines = [line.strip() for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"\s*-?\s*uses:", line)]
    assert len(lines) == len([s for s in steps() if "uses" in s]), f"{WORKFLOW.name}: write each `uses:` on its own line"
    for line in lines:
        assert re.fullmatch(r"-?\s*uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+", line), (
            f"{WORKFLOW.name}: {line!r}: pin the action to the full commit SHA of a release, "
            "with the release in a comment (uses: owner/name@<40 hex>  # vX.Y.Z)"
        )


# --- ./scripts/build ----------------------------------------------------------------


def test_build_refuses_without_site_url_and_says_what_it_is_for(tmp_path):
    result = scripts_build(ROOT, tmp_path / "out")
    assert result.returncode != 0
    for words in ("SITE_URL", "canonical links", "link previews", "linking page", "404 page"):
        assert words in result.stderr, f"./scripts/build without SITE_URL should mention {words!r}:\n{result.stderr}"
    assert not (tmp_path / "out").exists()


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_build_writes_the_site_for_its_address(tmp_path, engine):
    """On a copy of the checkout: Zensical builds in place, and the copy must end as it began."""
    copy = copy_tracked_checkout(tmp_path / "checkout")
    url = "https://portal.example.com/handbook/dev-vs-eng/"
    result = scripts_build(copy, "../published", SITE_URL=url, ENGINE=engine)
    assert result.returncode == 0, result.stdout + result.stderr
    home = BeautifulSoup((tmp_path / "published" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("link[rel=canonical]")["href"] == url, "the canonical link is not SITE_URL"
    assert (tmp_path / "published" / "404.html").is_file()
    assert not (copy / "site").exists(), "the build left site/ in the checkout"
