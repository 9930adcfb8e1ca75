"""The publishing workflow (.github/workflows/publish.yml) read as data, and the build command PUBLISHING.md gives."""

from __future__ import annotations

import re

import yaml

from .config import ROOT


WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def documented_build_command() -> str:
    """The one command PUBLISHING.md's "Building the static files" gives, as written."""
    guide = (ROOT / "PUBLISHING.md").read_text(encoding="utf-8")
    section = guide.split("## Building the static files", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)\n```", section, re.S)
    assert block, 'PUBLISHING.md: no ```sh block under "## Building the static files"'
    return block[1].strip()


def jobs() -> dict[str, dict]:
    """The workflow's jobs, by name."""
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def steps() -> list[dict]:
    """Every step of every job."""
    return [step for job in jobs().values() for step in job["steps"]]


def needs(name: str) -> set[str]:
    """Every job that must succeed before `name` starts."""
    direct = jobs()[name].get("needs", [])
    direct = [direct] if isinstance(direct, str) else direct
    return set(direct).union(*(needs(job) for job in direct)) if direct else set()


def job_running(command: str) -> tuple[str, int]:
    """(job, step index) of the one step that runs `command`."""
    found = [(name, i) for name, job in jobs().items() for i, step in enumerate(job["steps"])
             if command in step.get("run", "")]
    assert len(found) == 1, f"{WORKFLOW.name}: {len(found)} steps run {command}"
    return found[0]


def job_using(action: str) -> tuple[str, int]:
    """(job, step index) of the one step that uses `action`."""
    found = [(name, i) for name, job in jobs().items() for i, step in enumerate(job["steps"])
             if step.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"{WORKFLOW.name}: {len(found)} steps use {action}"
    return found[0]


def before(first: tuple[str, int], then: tuple[str, int]) -> bool:
    """A step `first` has passed whenever step `then` runs."""
    return first[0] in needs(then[0]) or (first[0] == then[0] and first[1] < then[1])
