"""./scripts/build run as a person runs it, on this checkout or a copy of it, and what it leaves behind."""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from pathlib import Path

import build as build_script
from .builds import count_script_builds


# The published address the copies are built for: a portal's sub-path.
PORTAL_URL = "https://portal.example.com/handbook/dev-vs-eng/"


def script_env(**env: str) -> dict[str, str]:
    """This process's environment without SITE_URL and ENGINE, then `env`: a build sees only what the test sets."""
    return {**{k: v for k, v in os.environ.items() if k not in ("SITE_URL", "ENGINE")}, **env}


def scripts_build(cwd: Path, out, **env: str) -> subprocess.CompletedProcess:
    """./scripts/build OUT run in the checkout at `cwd`, with `env` (SITE_URL, ENGINE) set; counted."""
    return count_script_builds(subprocess.run(["./scripts/build", str(out)], cwd=cwd, env=script_env(**env),
                                              capture_output=True, text=True, timeout=600))


def snapshot(folder: Path) -> dict[str, str]:
    """Every file, folder and link under `folder`, hidden ones too, with its bytes' hash (links not followed),
    but Python's own caches: running scripts/*.py writes scripts/__pycache__/ (git-ignored), as any Python does."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if "__pycache__" in path.relative_to(folder).parts:
            continue
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_build(work: Path, out: str, engine: str = "mkdocs", site_url: str = PORTAL_URL) -> subprocess.CompletedProcess:
    """./scripts/build OUT_DIR, run from the copy of the checkout in `work` as a person would."""
    return scripts_build(work / "checkout", out, SITE_URL=site_url, ENGINE=engine)


def start_build(work: Path, out: str, engine: str = "mkdocs", site_url: str = PORTAL_URL) -> subprocess.Popen:
    """The same, started and not waited for, in a session of its own (for a Ctrl-C)."""
    return subprocess.Popen(["./scripts/build", out], cwd=work / "checkout", env=script_env(SITE_URL=site_url, ENGINE=engine),
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def leftovers(folder: Path) -> list[str]:
    """Working folders a build left next to its OUT_DIR, or Zensical's in the checkout."""
    found = [p.name for p in folder.iterdir() if ".building-" in p.name]
    return found + [name for name in ("site", ".cache") if (folder / "checkout" / name).exists()]


def one_line(result: subprocess.CompletedProcess, starts: str) -> None:
    """The script said one line on stderr, starting `starts`, and no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(starts), f"expected one line starting {starts!r}:\n{result.stderr}"
    assert "Traceback" not in result.stderr


def refused(work: Path, out_dir: str, engine: str, message: str, **env):
    """./scripts/build exits 2 with one line starting `message`, and every file beside it is as it was."""
    before = snapshot(work)
    result = run_build(work, out_dir, engine, **env)
    what = f"./scripts/build {out_dir} ({engine}{', ' + repr(env) if env else ''})"
    assert result.returncode == 2, f"{what}: exit {result.returncode}\n{result.stderr[-2000:]}"
    one_line(result, message)
    assert snapshot(work) == before, f"{what} changed files it did not make"
    return result


def complete(folder: Path) -> bool:
    """A finished build is in `folder`: its marker and its first pages."""
    return all((folder / name).is_file() for name in (build_script.MARKER, "index.html", "404.html", "article/index.html"))


def seen_while_running(process: subprocess.Popen, found) -> bool:
    """Poll until found() is true or the build ends; True if found while it runs."""
    while process.poll() is None:
        if found():
            return True
        time.sleep(0.01)
    return False


def working_files(work: Path) -> list[Path]:
    """What a build into ../published has written so far, in its working folder."""
    return [p for folder in work.glob(".published.building-*") for p in folder.rglob("*")]


def urls_host(url: str) -> str:
    """The host (and port) of an absolute URL."""
    return url.split("/")[2]
