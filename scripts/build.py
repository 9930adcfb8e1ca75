"""./scripts/build OUT_DIR: the site for SITE_URL, strict, into OUT_DIR, never deleting what it did not make.

Why Python and not bash: each rule below is a function the tests can call and
read, and the swap needs signals blocked, which bash cannot do cleanly.

1. Refuse, before anything is written: a SITE_URL that is not an address
   (scripts/site_address.py), an unknown ENGINE, and an OUT_DIR that is not
   new, empty or a previous build. A previous build is a folder holding
   MARKER, which this script writes into every build. The checkout, its
   parents and the checkout's own folders are always refused. Symlinks are
   resolved first, so a link to a forbidden place is refused too.
2. Take the checkout's lock (flock on its folder): a second build of the same
   checkout waits, because the org step and the install write into it.
3. Build into a fresh temporary folder next to OUT_DIR. Zensical 0.0.73
   writes `site/` and `.cache/` inside its project folder, so it builds a
   private copy of its inputs in that temporary folder, never the checkout.
4. Only on success: drop the source maps, write MARKER, and rename the new
   site into place (signals blocked for the two renames). A failed or
   interrupted build removes its temporary folder and leaves OUT_DIR as it was.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import site_address  # noqa: E402
from stock_site import ZENSICAL_INPUTS  # noqa: E402  (what `zensical build` reads)

ENGINES = ("mkdocs", "zensical")
MARKER = ".scripts-build"  # in every build's root: "this folder is a build; the next build may replace it"
MARKER_TEXT = "Written by ./scripts/build: this folder is a build of the site, replaced whole by the next one.\n"
# Folders of a checkout that git does not track but that are never a build.
TOOL_FOLDERS = {".git", ".venv", "venv", "node_modules", ".cache", ".pytest_cache"}
# What is not published: Material's source maps (its bundle, search worker and CSS).
UNPUBLISHED = ("*.map",)

USAGE = f"usage: SITE_URL={site_address.EXAMPLE} [ENGINE=mkdocs|zensical] ./scripts/build OUT_DIR"
NO_SITE_URL = """\
set SITE_URL to the address readers will use, sub-path included,
e.g. SITE_URL={example} ./scripts/build {out}
A build is made for one address: the canonical links, the link previews
(og:url, og:image), the linking page's addresses to copy and the 404 page's
links are all built from SITE_URL. (./scripts/serve and the tests use their own.)"""

# The signals that end a build as Ctrl-C does (SIGTERM and SIGHUP are made to raise KeyboardInterrupt too).
ENDINGS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


class Refused(Exception):
    """A reason not to build, said in one line; nothing has been written."""


# --- 1. What is refused -----------------------------------------------------------



def site_url_from(environ: dict[str, str], typed_out: str) -> str:
    value = environ.get("SITE_URL", "")
    if not value:
        raise Refused(NO_SITE_URL.format(example=site_address.EXAMPLE, out=typed_out))
    try:
        return site_address.check(value)
    except site_address.AddressError as error:
        raise Refused(f"SITE_URL {site_address.excerpt(value)} is not a site address: {error}; "
                      f"write the address readers will use, such as {site_address.EXAMPLE}") from None


def engine_from(environ: dict[str, str]) -> str:
    engine = environ.get("ENGINE") or "mkdocs"
    if engine not in ENGINES:
        raise Refused(f"ENGINE={site_address.excerpt(engine)} is not an engine this site builds with; use mkdocs or zensical")
    return engine


def own_folders(root: Path) -> set[str]:
    """The checkout's top-level folders: every one git tracks a file in, and the tools' folders."""
    names = set(TOOL_FOLDERS)
    try:
        tracked = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, text=True, check=True).stdout
        names |= {name.split("/", 1)[0] for name in tracked.split("\0") if "/" in name}
    except (OSError, subprocess.CalledProcessError):
        pass  # a copy without git: the rule for non-empty folders below still refuses them
    return names


def out_dir_from(typed: str, root: Path = ROOT) -> Path:
    """OUT_DIR, symlinks resolved, if a build may write there; otherwise Refused, saying why."""
    out = Path(os.path.realpath(typed))
    root = Path(os.path.realpath(root))
    said = site_address.excerpt(typed)
    if out == root:
        raise Refused(f"OUT_DIR {said} is the checkout itself; name a folder of its own, such as site")
    if root.is_relative_to(out):
        raise Refused(f"OUT_DIR {said} holds the checkout ({root}); name a folder of its own, such as site")
    if out.is_relative_to(root):
        inside = out.relative_to(root).parts
        if inside[0] in own_folders(root):
            where = "is" if len(inside) == 1 else "is inside"
            raise Refused(f"OUT_DIR {said} {where} the checkout's own folder {inside[0]}/; name a folder of its own, such as site")
        if len(inside) > 1 and not (out / MARKER).is_file():
            raise Refused(f"OUT_DIR {said} is inside the checkout's folder {inside[0]}/; "
                          "inside the checkout, a build goes into a folder at its top level, such as site")
    if out.exists():
        if not out.is_dir():
            raise Refused(f"OUT_DIR {said} is a file, not a folder; name a new folder, such as site")
        entries = sorted(os.listdir(out))
        if entries and MARKER not in entries:
            shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
            raise Refused(f"OUT_DIR {said} holds {len(entries)} {'entry' if len(entries) == 1 else 'entries'} that no build made ({shown}); "
                          f"a build replaces only a new or empty folder or an earlier build (it has {MARKER}): "
                          "name another folder (or delete this one yourself if it is a build made without the marker)")
    return out


# --- 2. One build of a checkout at a time ----------------------------------------------


@contextmanager
def locked(folder: Path, waiting: str):
    """flock on a folder (nothing is written): a second holder waits, saying so."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"scripts/build: {waiting}; waiting for it", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


# --- 3. The build, in a folder of its own -------------------------------------------------


def run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    """Run one step, passing on what it writes to stderr as it comes.

    A Ctrl-C reaches the step too (they share a process group), and a Python
    step stopped while it imports prints a traceback of where it was. Once
    the build is interrupted, this stops passing on what the step says, and
    main() says what happened in one line.
    """
    with subprocess.Popen(command, cwd=cwd, env=env, stderr=subprocess.PIPE) as step:
        try:
            while chunk := os.read(step.stderr.fileno(), 65536):
                sys.stderr.buffer.write(chunk)
                sys.stderr.buffer.flush()
        except KeyboardInterrupt:
            step.stderr.close()  # what it still writes goes nowhere, and cannot block it
            try:
                step.wait(timeout=2)  # it had the same Ctrl-C: let it end itself
            except subprocess.TimeoutExpired:  # SIGTERM or SIGHUP to this script alone
                step.kill()
                step.wait()
            raise
    if step.returncode != 0:
        raise subprocess.CalledProcessError(step.returncode, command)


def build(engine: str, site_url: str, work: Path, root: Path = ROOT) -> Path:
    """Build with `engine` into a new folder under `work`; return it."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    venv = root / ".venv" / "bin"
    run([str(root / "scripts" / "install"), "requirements.txt"], root, env)
    # An organisation's org.yml, checked and written into what the pages
    # include (a no-op without one). It writes into the checkout: under the lock.
    run([str(venv / "python"), str(root / "scripts" / "org.py"), "prepare"], root, env)
    # No placeholder owner: a repository or contact that is an example address stops here.
    run([str(venv / "python"), str(root / "scripts" / "org.py"), "publishable"], root, env)
    if engine == "mkdocs":
        site = work / "site"
        run([str(venv / "mkdocs"), "build", "--strict", "--clean", "--site-dir", str(site)], root, env)
        return site
    run([str(root / "scripts" / "install"), "requirements-zensical.txt"], root, env)
    # Zensical has no --site-dir: it writes site/ and .cache/ in its project
    # folder, here a private copy of what it reads.
    project = work / "project"
    project.mkdir()
    for name in ZENSICAL_INPUTS:
        if (root / name).is_dir():
            shutil.copytree(root / name, project / name, symlinks=True)
        else:
            shutil.copy2(root / name, project / name)
    run([str(venv / "zensical"), "build", "--clean", "--strict"], project, env)
    return project / "site"


def finish(site: Path) -> None:
    """What every build gets before it is published: no source maps, the marker."""
    for pattern in UNPUBLISHED:
        for path in site.rglob(pattern):
            path.unlink()
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


# --- 4. Into place, or not at all ----------------------------------------------------------


def swap(site: Path, out: Path, work: Path) -> None:
    """Put `site` at `out`; an earlier build there moves into `work` (removed after)."""
    with locked(out.parent, f"another build is putting its site next to {out.name}"):
        if out.exists() and os.listdir(out) and not (out / MARKER).is_file():
            raise Refused(f"{out} filled up with files no build made while this one ran; nothing replaced")
        # From here to the end the signals stay blocked: between the two
        # renames OUT_DIR is missing, and after them the new site is whole,
        # so a Ctrl-C now could only make the message wrong.
        signal.pthread_sigmask(signal.SIG_BLOCK, ENDINGS)
        if out.exists():
            out.rename(work / "previous")
        try:
            site.rename(out)
        except OSError:
            if (work / "previous").exists():
                (work / "previous").rename(out)
            raise


def main(argv: list[str], environ: dict[str, str] = os.environ) -> int:
    if len(argv) != 1 or not argv[0]:
        print(f"scripts/build: {USAGE}", file=sys.stderr)
        return 2
    work = None
    try:
        site_url = site_url_from(environ, argv[0])
        engine = engine_from(environ)
        out = out_dir_from(argv[0])
        # SIGTERM and SIGHUP end the build as Ctrl-C does: cleaned up, OUT_DIR untouched.
        for number in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, signal.default_int_handler)
        with locked(ROOT, "another build of this checkout is running"):
            out.parent.mkdir(parents=True, exist_ok=True)
            # Blocked while the folder is made and named: a Ctrl-C in between would leave it behind.
            unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, ENDINGS)
            try:
                work = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)
            site = build(engine, site_url, work)
            finish(site)
            swap(site, out, work)
    except Refused as refusal:
        print(f"scripts/build: {refusal}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as failure:
        print(f"scripts/build: {Path(failure.cmd[0]).name} failed (exit {failure.returncode}); "
              f"{argv[0]} is as it was before", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"scripts/build: interrupted; {argv[0]} is as it was before", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"scripts/build: {error.filename or argv[0]}: {os.strerror(error.errno or errno.EIO)}; "
              f"{argv[0]} is as it was before", file=sys.stderr)
        return 1
    finally:
        if work is not None:
            # Interrupted here too, a second Ctrl-C must not leave half a folder: block it.
            signal.pthread_sigmask(signal.SIG_BLOCK, ENDINGS)
            shutil.rmtree(work, ignore_errors=True)
    print(f"scripts/build: the site for {site_url} is in {out} ({engine})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
