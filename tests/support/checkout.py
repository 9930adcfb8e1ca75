"""The checkout's tracked files, and a copy of them for tests that change or build one of their own."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .config import ROOT


def tracked_files() -> list[Path]:
    """The files of the checkout that git tracks (or, outside git, every file but builds and caches)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        files = [ROOT / name for name in listed.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "site", "node_modules", "screenshots", ".cache", "__pycache__"}
        files = [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]
    return sorted(p for p in files if p.is_file())


def copy_tracked_checkout(dest: Path) -> Path:
    """Every file git tracks, copied to `dest`, with the installed .venv and node_modules linked (nothing to download)."""
    for path in tracked_files():
        name = path.relative_to(ROOT)
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest / name)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "node_modules").is_dir():  # terser, for ./scripts/sync
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest
