"""The strict build is clean, and every page of the nav is published."""

from __future__ import annotations

from mkdocs.config import load_config

from conftest import ROOT

# The pages the site promises, as nav entries (source file -> URL folder).
PAGES = {
    "index.md": "",
    "article.md": "article/",
    "comparison.md": "comparison/",
    "ai-examples.md": "ai-examples/",
    "self-check.md": "self-check/",
    "glossary.md": "glossary/",
}


def nav_files(nav):
    for entry in nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            if isinstance(value, list):
                yield from nav_files(value)
            else:
                yield value


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
