"""A copy of the checkout, for tests that change or build one of their own."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .config import ROOT


def copy_tracked_checkout(dest: Path) -> Path:
    """Every file git tracks, copied to `dest`, with the installed .venv and node_modules linked (nothing to download)."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in filter(None, tracked.split("\0")):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "node_modules").is_dir():  # terser, for ./scripts/sync
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest
