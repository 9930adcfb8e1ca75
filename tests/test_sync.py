"""Derived files are generated: `./scripts/sync` writes them, `--check` catches a stale one.

The CSP hashes, docs/_headers, deploy/nginx.conf, site.js, the inlined
palette names, Start here's reading times and the URL contract all follow
from the sources. A contributor who edits a source runs ./scripts/sync; one
who forgets is stopped by `--check`, which shows what would change.
"""

from __future__ import annotations

import difflib
import os
import subprocess

import pytest

import sync  # scripts/sync.py
from conftest import ENGINES, ROOT
from support.builds import count_script_builds
from support.checkout import copy_tracked_checkout

SYNC = "scripts/sync"
CSS = "overrides/assets/stylesheets/view-switch.css"


def run_sync(root, *args: str) -> subprocess.CompletedProcess:
    return count_script_builds(subprocess.run([str(root / SYNC), *args], cwd=root, capture_output=True, text=True,
                                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}))


def test_every_derived_file_in_the_checkout_is_up_to_date(builds):
    # What `./scripts/sync --check` decides, read from this run's own builds
    # of the checkout rather than two more (the command itself is run on a
    # copy below).
    expected = sync.expected_files(ROOT, built={engine: builds.get(engine).path for engine in ENGINES})
    # A text of None: the file must be gone (a palette an upgrade renamed).
    stale = {path: "".join(difflib.unified_diff(
                 (ROOT / path).read_text(encoding="utf-8").splitlines(keepends=True) if (ROOT / path).is_file() else [],
                 (text or "").splitlines(keepends=True), f"a/{path}", f"b/{path}"))
             for path, text in expected.items()
             if (ROOT / path).is_file() != (text is not None)
             or (text is not None and (ROOT / path).read_text(encoding="utf-8") != text)}
    assert not stale, (f"derived files are stale ({', '.join(stale)}); run ./scripts/sync and commit what it writes:\n"
                       + "".join(stale.values()))


@pytest.mark.copies_checkout
def test_a_one_line_css_edit_fails_the_check_until_sync_runs(tmp_path):
    copy = copy_tracked_checkout(tmp_path / "checkout")

    css = copy / CSS
    css.write_text(css.read_text(encoding="utf-8") + ".md-header { outline-offset: 1px; }\n", encoding="utf-8")
    before = {name: (copy / name).read_text(encoding="utf-8") for name in ("mkdocs.yml", "docs/_headers", "deploy/nginx.conf")}

    stale = run_sync(copy, "--check")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    # The difference names each file to change, with the old hash out and a new one in.
    for name in ("mkdocs.yml", "docs/_headers", "deploy/nginx.conf"):
        assert f"--- a/{name}" in stale.stdout and f"+++ b/{name}" in stale.stdout, stale.stdout
    assert "-      - \"'sha256-" in stale.stdout and "+      - \"'sha256-" in stale.stdout, stale.stdout
    assert "this site's CSS" in stale.stdout
    assert "Run ./scripts/sync" in stale.stderr
    assert {name: (copy / name).read_text(encoding="utf-8") for name in before} == before, "--check wrote a file"

    written = run_sync(copy)
    assert written.returncode == 0, written.stdout + written.stderr
    assert "wrote mkdocs.yml" in written.stdout

    fresh = run_sync(copy, "--check")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert fresh.stdout.strip() == "scripts/sync: every derived file is up to date", fresh.stdout


def test_an_edited_script_is_minified_afresh_not_taken_from_the_cache(tmp_path, monkeypatch):
    # scripts/sync keeps terser's output by a digest of the input: an edit must never get the old output back.
    monkeypatch.setattr(sync, "TERSER_CACHE", tmp_path)
    before = sync.minified("window.viewCount = function (n) { return n + 1; };\n", "a.js")
    after = sync.minified("window.viewCount = function (n) { return n + 2; };\n", "a.js")
    assert "+1" in before and "+2" in after, (before, after)
    assert sync.minified("window.viewCount = function (n) { return n + 1; };\n", "a.js") == before
    assert len(list(tmp_path.glob("*.js"))) == 2, "one kept output for each input"


# --- The palette, pruned to the colours mkdocs.yml names ------------------------------

MATERIAL_PALETTE = next(path for path in sync.load_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
                        ["extra"]["inline_theme_css"] if (sync.theme_folder("mkdocs") / path).is_file())


def test_the_palette_keeps_the_colours_a_site_names_and_drops_the_rest():
    whole = (sync.theme_folder("mkdocs") / MATERIAL_PALETTE).read_text(encoding="utf-8")
    colours = sync.palette_colours({"theme": {"palette": [{"scheme": "default", "primary": "deep purple"},
                                                          {"scheme": "slate", "primary": "teal", "accent": "lime"}]}})
    assert colours == {"primary": {"deep-purple", "teal"}, "accent": {"indigo", "lime"}}, "unset means indigo, as Material"
    pruned = sync.pruned_palette(whole, colours, MATERIAL_PALETTE)
    named = set(sync.PALETTE_COLOUR.findall(pruned))
    assert named == {("primary", "deep-purple"), ("primary", "teal"), ("accent", "indigo"), ("accent", "lime")}, named
    assert "color-scheme:dark" in pruned, "the dark scheme's own rule went with the colours"
    assert len(pruned) < len(whole) / 2, (len(pruned), len(whole))
    assert sync.css_blocks(pruned, "pruned"), "the pruned palette is not CSS the script reads back"


def test_unreadable_palette_css_is_an_error_naming_the_file():
    with pytest.raises(sync.SyncError, match="palette.x.css is not CSS"):
        sync.pruned_palette("[data-md-color-primary=red]{color:red", {"primary": set(), "accent": set()}, "palette.x.css")


def test_a_listed_name_that_is_no_palette_is_refused_not_written():
    # extra.inline_theme_css names files under overrides/ that sync writes (and removes after an upgrade).
    config = sync.load_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for path in ("../README.md", "assets/stylesheets/inline.min.css", "assets/stylesheets/../../../mkdocs.yml"):
        with pytest.raises(sync.SyncError, match="is not an engine's palette stylesheet"):
            sync.pruned_palettes({"mkdocs": path}, config)


@pytest.mark.parametrize("palette", ["indigo", ["slate", {"primary": "teal"}], 3])
def test_a_palette_that_is_no_mapping_is_an_error_naming_the_setting(palette):
    with pytest.raises(sync.SyncError, match="theme.palette"):
        sync.palette_colours({"theme": {"palette": palette}})
