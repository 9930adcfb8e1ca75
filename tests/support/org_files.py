"""An organisation's file (org.yml) in tests: written, changed, refused, and a copy of the checkout to build it in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import org
from .config import ROOT


# org.example.yml, as data and as the text of a valid org.yml.
EXAMPLE = yaml.safe_load((ROOT / "org.example.yml").read_text(encoding="utf-8"))
EXAMPLE_TEXT = yaml.safe_dump(EXAMPLE, sort_keys=False)


def broken(change) -> str:
    """The example's text after `change(data)` has edited it."""
    data = yaml.safe_load(EXAMPLE_TEXT)
    change(data)
    return yaml.safe_dump(data, sort_keys=False)


def checkout_copy(folder: Path, org_file: str | None) -> Path:
    """What a build reads from the checkout, copied to `folder`, with `org_file`'s text as org.yml."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "includes", "overrides", "hooks", "scripts"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    for generated in ("includes/org", "overrides/partials/org.html"):  # a maintainer's own, if any
        target = folder / generated
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    if org_file is not None:
        (folder / "org.yml").write_text(org_file, encoding="utf-8")
    return folder


def org_file(tmp_path: Path, text: str | bytes) -> Path:
    """`text` (or bytes) written as org.yml in `tmp_path`."""
    path = tmp_path / "org.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def refusal(path: Path) -> str:
    """The one line org.py refuses the file with."""
    with pytest.raises(org.OrgError) as error:
        org.load(path)
    message = str(error.value)
    assert "\n" not in message and "\r" not in message, f"more than one line: {message!r}"
    assert message.startswith("org.yml"), message
    assert len(message) < 400, f"{len(message)} characters: {message[:400]}"
    return message


def hostile_org(value: str) -> dict:
    """org.py's reading of a file with `value` in every free-text field."""
    return org.check({
        "name": value, "team": value, "contact": {"label": value, "url": "/contact/"},
        "titles": [{"title": value, "role": "Software engineer", "level": "Senior", "view": "Engineer"}],
        "first_week": {"Developer": [value]},
        "links": {"Engineer": [{"label": value, "url": "https://wiki.example/x"}]},
    })


def items(count: int, length: int) -> list[str]:
    """`count` first-week items of `length` characters each."""
    return [(f"Item {i} " + "word " * length)[:length].strip() for i in range(1, count + 1)]


def handout_org(developer: list[str], name: str = "Northwind Labs") -> dict:
    """A minimal file whose handout lists `developer` as the Developer view's first week."""
    return {"name": name, "team": "Developer Experience", "contact": {"label": "#dev-onboarding", "url": "/x"},
            "first_week": {"Developer": developer}}


def checkout_with(tmp_path: Path, mkdocs_yml: str | None = None, org_yml: str | None = None) -> Path:
    """A checkout of just mkdocs.yml (this one's, or `mkdocs_yml`) and, if given, org.yml: what org.py's publish check reads."""
    root = tmp_path / "checkout"
    root.mkdir()
    (root / "mkdocs.yml").write_text(mkdocs_yml or (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    if org_yml is not None:
        (root / "org.yml").write_text(org_yml, encoding="utf-8")
    return root


def with_repo(url: str) -> str:
    """This mkdocs.yml's text with its repo_url set to `url`."""
    return (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("# repo_url: https://github.com/OWNER/REPOSITORY", f"repo_url: {url}")
