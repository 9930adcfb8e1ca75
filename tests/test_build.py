"""The strict build is clean, and every page of the nav is published."""

from __future__ import annotations

import shutil

import pytest

from conftest import NAV_PAGES, ROOT, run_mkdocs
from support.config import nav_sources

# Mistakes a contributor makes, each added to one copy of the project:
# (file, text appended to it, what the build's message must say).
MISTAKES = {
    "page-left-out-of-nav": ("docs/orphan.md", "---\ndescription: x\n---\n# Orphan\n", "orphan.md"),
    "broken-link": ("docs/article.md", "\n[broken](no-such-page.md)\n",
                    "Doc file 'article.md' contains a link 'no-such-page.md', but the target is not found"),
    "broken-anchor": ("docs/article.md", "\n[broken](comparison.md#no-such-section)\n", "no-such-section"),
}


def test_strict_build_prints_no_warning(site):
    noisy = [line for line in site.log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert not noisy, "\n".join(noisy)


def test_every_page_is_in_the_nav_and_published(site):
    in_nav = set(nav_sources())
    left_out = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")
                      if p.relative_to(ROOT / "docs").as_posix() not in in_nav)
    assert not left_out, f"pages missing from mkdocs.yml nav: {left_out}"
    for source, folder in zip(nav_sources(), NAV_PAGES):
        assert (ROOT / "docs" / source).is_file(), f"mkdocs.yml's nav names docs/{source}, which is missing"
        assert (site.path / folder / "index.html").is_file(), f"{folder}index.html not built"


@pytest.fixture(scope="module")
def mistaken_build(tmp_path_factory):
    """The real config, on a copy of the project with every mistake above added: one build for all."""
    copy = tmp_path_factory.mktemp("mistakes")
    for part in ["docs", "includes", "hooks", "overrides", "scripts"]:  # the hook imports scripts/view_contract.py
        shutil.copytree(ROOT / part, copy / part)
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for path, text, _ in MISTAKES.values():
        with open(copy / path, "a", encoding="utf-8") as file:
            file.write(text)
    return run_mkdocs(copy / "mkdocs.yml", copy / "site", "http://127.0.0.1/", cwd=copy)


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_contributor_mistake_fails_the_build_naming_the_file(mistaken_build, mistake):
    assert mistaken_build.returncode != 0, "the build should have failed"
    expected = MISTAKES[mistake][2]
    # Strict mode fails the build on every warning; each mistake must make one.
    warned = [line for line in mistaken_build.stderr.splitlines() if line.startswith("WARNING") and expected in line]
    assert warned, mistaken_build.stderr
