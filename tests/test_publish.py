"""The publishing workflow builds the site exactly as the README tells people to."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def readme_build_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Building the static files", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)\n```", section, re.S)
    assert block, 'README.md: no ```sh block under "## Building the static files"'
    return block[1].strip()


def steps() -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_workflow_builds_with_the_readme_command():
    builds = [step for step in steps() if "mkdocs build" in step.get("run", "")]
    assert len(builds) == 1, f"{WORKFLOW.name}: {len(builds)} build steps"
    assert builds[0]["run"].strip() == readme_build_command(), "the workflow and the README build differently"
    assert "--strict" in builds[0]["run"]
    assert builds[0]["env"]["SITE_URL"], "the build needs the published address for canonical links and previews"


def test_the_workflow_installs_the_pins_and_deploys_the_built_folder_to_pages():
    runs = [step.get("run", "") for step in steps()]
    assert "scripts/install requirements.txt" in runs
    uses = {step["uses"].split("@")[0]: step for step in steps() if "uses" in step}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"  # where the README's build writes
    assert "actions/deploy-pages" in uses


def test_every_action_is_pinned_to_a_version():
    for step in steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})", step["uses"]), (
                f"{WORKFLOW.name}: {step['uses']} is not pinned to an exact version"
            )
