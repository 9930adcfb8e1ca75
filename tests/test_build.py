"""The strict build is clean, and every page of the nav is published."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.config import load_config

from conftest import ROOT, build, nav_files

# The pages the site promises, as nav entries (source file -> URL folder).
PAGES = {
    "index.md": "",
    "article.md": "article/",
    "comparison.md": "comparison/",
    "ai-examples.md": "ai-examples/",
    "self-check.md": "self-check/",
    "glossary.md": "glossary/",
    "linking.md": "linking/",
}


def test_strict_build_prints_no_warning(site):
    noisy = [line for line in site.log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert not noisy, "\n".join(noisy)


def test_every_page_is_in_the_nav_and_published(site):
    in_nav = set(nav_files(load_config(str(ROOT / "mkdocs.yml"))["nav"]))
    missing_from_nav = set(PAGES) - in_nav
    assert not missing_from_nav, f"pages missing from mkdocs.yml nav: {missing_from_nav}"
    for source, folder in PAGES.items():
        assert (ROOT / "docs" / source).is_file(), f"docs/{source} is missing"
        assert (site.path / folder / "index.html").is_file(), f"{folder}index.html not built"


@pytest.mark.parametrize(
    "change, expected",
    [
        (("docs/orphan.md", "---\ndescription: x\n---\n# Orphan\n"), "orphan.md"),
        (("docs/article.md", "\n[broken](no-such-page.md)\n"), "Doc file 'article.md' contains a link 'no-such-page.md', but the target is not found"),
        (("docs/article.md", "\n[broken](comparison.md#no-such-section)\n"), "no-such-section"),
    ],
    ids=["page-left-out-of-nav", "broken-link", "broken-anchor"],
)
def test_a_contributor_mistake_fails_the_build_naming_the_file(tmp_path, change, expected):
    """The real config, on a copy of the project with one mistake added."""
    for part in ["docs", "includes", "hooks", "overrides", "scripts"]:
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    path, text = change
    with open(tmp_path / path, "a", encoding="utf-8") as file:
        file.write(text)
    result = build(tmp_path / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1/", cwd=tmp_path)
    assert result.returncode != 0, "the build should have failed"
    assert expected in result.stderr, result.stderr
