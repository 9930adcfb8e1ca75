"""Write every file the site derives from its sources; `--check` shows what would change.

Run `./scripts/sync` after changing the site's CSS or JavaScript, a page, or
after upgrading Material or Zensical, and commit what it writes. It builds
the site with both engines, at a host's root and under the README's portal
path, and from those builds writes:

- overrides/assets/javascripts/site.js: the files under `extra: deferred_js`
  in mkdocs.yml, joined and minified with terser (one deferred request per
  page; package.json pins terser, and ./scripts/sync installs it);
- overrides/assets/javascripts/inline-head.min.js: the files under
  `extra: inline_head_js`, joined and minified the same way, which
  overrides/page.html inlines in every page's <head>;
- overrides/assets/javascripts/<name>.min.js: each file under `extra:
  page_js`, minified, for the pages whose front matter names it;
- overrides/assets/stylesheets/inline.min.css: the files under `extra:
  inline_css`, joined and minified (csscompressor, pinned in
  requirements.txt), which overrides/page.html inlines in every page's <head>;
- overrides/assets/stylesheets/<name>.min.css: each file under `extra:
  page_css`, minified, inlined (a <style> of its own) by the pages whose
  front matter names it;
- mkdocs.yml, `extra.inline_theme_css`: the palette stylesheet each engine
  links, which overrides/page.html inlines instead;
- overrides/<that path>: each engine's palette stylesheet with only the
  colours theme.palette names, which the template reads before the engine's
  own file (the palette, pruned: below);
- mkdocs.yml, `extra.content_security_policy`: the sha256 of every inline
  script and style the builds hold (script-src, style-src), each labelled;
  and `extra.page_css_hashes`: which of them is a page_css file's;
  `extra.engine_hashes`: which of them one engine alone uses;
- docs/_headers and deploy/nginx.conf: the same policy as response headers,
  with what only a header can say;
- docs/start-here.md and includes/reading-path-<view>.md (which Start here and
  the handout include): the reading times of the reading paths;
- editorial/url-contract.txt: each newly published address, appended (a line
  is never deleted or moved: each is a promise to readers).

`./scripts/sync --check` writes nothing, prints a unified diff of what would
change and exits 1 when anything is stale (tests/test_sync.py runs it).

Why generated and committed rather than computed at build time: Zensical runs
no MkDocs hooks or plugins, and a host reads _headers or nginx.conf without
building anything, so each file must already be right in the checkout.
"""

from __future__ import annotations

import argparse
import base64
import concurrent.futures
import difflib
import hashlib
import importlib.util
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import csscompressor
import lxml.html
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import stock_site  # noqa: E402
import view_contract  # noqa: E402

BUNDLE = "assets/javascripts/site.js"  # under overrides/; mkdocs.yml's extra_javascript names it
# Under overrides/; overrides/page.html inlines it in <head> (block extrahead).
HEAD_SCRIPT = "assets/javascripts/inline-head.min.js"
PAGE_SCRIPT = "assets/javascripts/{name}.min.js"  # under overrides/; a file under extra: page_js, minified
# Under overrides/; overrides/page.html inlines it in <head> (block extrahead).
INLINE_CSS = "assets/stylesheets/inline.min.css"
PAGE_STYLE = "assets/stylesheets/{name}.min.css"  # under overrides/; a file under extra: page_css, minified


def generated(config: dict) -> list[str]:
    """The theme files under overrides/ this script writes."""
    return [BUNDLE, HEAD_SCRIPT, INLINE_CSS, *(PAGE_SCRIPT.format(name=name) for name in page_js(config)),
            *(PAGE_STYLE.format(name=name) for name in page_css(config)),
            *((config.get("extra") or {}).get("inline_theme_css") or [])]


def page_css(config: dict) -> dict[str, str]:
    """extra: page_css in mkdocs.yml: name -> source file under overrides/."""
    return dict((config.get("extra") or {}).get("page_css") or {})


def page_js(config: dict) -> dict[str, str]:
    """extra: page_js in mkdocs.yml: name -> source file under overrides/."""
    return dict((config.get("extra") or {}).get("page_js") or {})

# The build the hashes come from: one address is enough. No inline script or
# style varies with the site's address: Material's storage helpers name the
# site's path (on the 404 page, the whole path of site_url), and
# overrides/main.html moves that path out of the script's text into an
# attribute, which a hash does not cover. tests/test_trust.py builds two
# other addresses and fails on any violation there.
LOCAL_URL = "http://127.0.0.1:8000/"
BASES = ("",)
ENGINES = ("mkdocs", "zensical")
ENGINE_NAMES = {"mkdocs": "Material 9.8.2 (MkDocs)", "zensical": "Zensical 0.0.73"}

# Styles a script adds at run time: no built page holds them, so the builds
# cannot find them, yet the policy must allow them or the browser blocks them.
# Each with the engine whose script adds it.
RUNTIME_STYLES = {
    "'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='": (
        "zensical", "Zensical 0.0.73's search dialog: a <style> its script adds to the dialog's shadow root"),
}

# What only a response header can say (a <meta> policy ignores frame-ancestors),
# and the other headers every answer carries, error pages included.
HEADER_ONLY = {"frame-ancestors": ["'self'"]}
EXTRA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # Browser features the site never uses, turned off for it and anything it
    # could be made to load. Clipboard stays: the copy buttons write to it.
    "Permissions-Policy": ", ".join(f"{feature}=()" for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi",
        "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking")),
}

WORDS_PER_MINUTE = 230  # the reading speed Start here's times assume
# "*12 min*{ .read-time }", or "*12 min, plus 5 min of code*{ .read-time }":
# prose and code blocks are counted apart, since a reader may skip the code.
READ_TIME = re.compile(r"\*(\d+) min(?:, plus (\d+) min of code)?\*\{ \.read-time \}")
READ_TOTAL = re.compile(r"\*(\d+) min(?:, plus (\d+) min of code)?\*\{ \.read-total \}")

CONTRACT = "editorial/url-contract.txt"
VIEW_PARAMS = tuple(v.lower() for v in view_contract.VIEWS)
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


class SyncError(Exception):
    """A problem a contributor fixes in a source file; the message names it."""


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!ENV, !!python/...) as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_config(text: str) -> dict:
    return yaml.load(text, Loader=_Loader)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


# --- Marked blocks ---------------------------------------------------------------
# A file that is partly written by hand marks what this script writes with a
# pair of comment lines; everything between them is replaced.

def begin_marker(name: str) -> str:
    return f"# >>> ./scripts/sync writes the lines below ({name}); edit the sources, not them"


def end_marker(name: str) -> str:
    return f"# <<< ./scripts/sync ({name})"


def replace_block(text: str, name: str, lines: list[str], where: str) -> str:
    begin, end = begin_marker(name), end_marker(name)
    match = re.search(rf"^([ \t]*){re.escape(begin)}\n(.*?)^[ \t]*{re.escape(end)}\n", text, re.S | re.M)
    if not match:
        raise SyncError(f"{where}: no block marked for {name}. Put these two lines where it goes:\n"
                        f"  {begin}\n  {end}")
    indent = match[1]
    body = "".join(f"{indent}{line}\n" if line else "\n" for line in lines)
    return text[:match.start()] + f"{indent}{begin}\n{body}{indent}{end}\n" + text[match.end():]


# --- site.js ---------------------------------------------------------------------

def rendered_source(root: Path, path: str) -> str:
    """A file under overrides/ as the templates include it: its Jinja comments dropped."""
    text = (root / "overrides" / path).read_text(encoding="utf-8")
    return re.sub(r"\{#.*?#\}", "", text, flags=re.S)


# terser, as package-lock.json pins it. It shortens local names as well as
# dropping comments and spaces: site.js is about a fifth smaller gzipped than
# with jsmin, which keeps every name. Its own checkout's copy: a test's copy
# of the checkout has no node_modules of its own.
TERSER = Path(__file__).resolve().parent.parent / "node_modules" / ".bin" / "terser"


# terser's output, kept by a digest of its version, options and input: a
# Node start and a minification cost about half a second of CPU a file, and
# `--check` and the tests minify the same unchanged files on every run. An
# edited file has a new digest, so it is minified afresh.
TERSER_CACHE = ROOT / ".cache" / "terser"


def minified(javascript: str, what: str, comments: str = "/^!/") -> str:
    """`javascript` minified by terser (local names shortened, code compressed); `/*!` comments kept."""
    if not TERSER.is_file():
        raise SyncError(f"{TERSER} is missing: run `npm ci --ignore-scripts` (./scripts/sync does it for you).")
    command = [str(TERSER), "--compress", "--mangle", "--comments", comments]
    version = TERSER.parent.parent / "terser" / "package.json"
    key = hashlib.sha256(repr((command[1:], version.read_bytes() if version.is_file() else b"", javascript))
                         .encode()).hexdigest()[:32]
    cached = TERSER_CACHE / f"{key}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    result = subprocess.run(command, input=javascript, capture_output=True, text=True)
    if result.returncode != 0:
        raise SyncError(f"terser could not read {what}:\n{result.stderr.strip()}")
    output = result.stdout.strip() + "\n"
    TERSER_CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{key}.{os.getpid()}.{threading.get_ident()}.partial")
    partial.write_text(output, encoding="utf-8")
    partial.replace(cached)  # whole or not at all, with other runs minifying at the same time
    return output


def bundle(root: Path, config: dict) -> str:
    """site.js: a header, then the files under extra: deferred_js, in order, minified by terser.

    Each file keeps a `/*! overrides/<path> */` line before its code, so a
    stack trace still says which source to open. Neither hooks (Zensical
    skips them) nor templates (Zensical renders only pages) can join files at
    build time on both engines, so it is a committed theme file.
    """
    sources = list((config.get("extra") or {}).get("deferred_js") or [])
    missing = [p for p in sources if not (root / "overrides" / p).is_file()]
    if missing:
        raise SyncError(f"mkdocs.yml lists {', '.join(missing)} under extra: deferred_js, "
                        "but no such file is in overrides/: create it or drop the line.")
    # One terser run a file, so each keeps its own line (joined, terser merges
    # one file's last statement with the next file's first and drops the line).
    with concurrent.futures.ThreadPoolExecutor() as pool:
        parts = pool.map(lambda path: f"/*! overrides/{path} */\n" + minified(rendered_source(root, path), f"overrides/{path}"),
                         sources)
        head = "/*! Written by ./scripts/sync from mkdocs.yml's extra: deferred_js; edit the sources, not this file. */\n"
        return head + "".join(parts)


def head_code(root: Path, config: dict) -> str:
    """The head script as every page holds it: the files under extra:
    inline_head_js, in order, minified by terser, with no comment (it is in
    every page's bytes)."""
    sources = list((config.get("extra") or {}).get("inline_head_js") or [])
    missing = [p for p in sources if not (root / "overrides" / p).is_file()]
    if missing:
        raise SyncError(f"mkdocs.yml lists {', '.join(missing)} under extra: inline_head_js, "
                        "but no such file is in overrides/: create it or drop the line.")
    code = minified("".join(rendered_source(root, path) + "\n" for path in sources),
                    "the files under extra: inline_head_js", comments="false").removesuffix("\n")
    # The template includes the file: Jinja would run these as its own syntax.
    for mark in ("{{", "{%", "{#"):
        if mark in code:
            raise SyncError(f"the minified head script holds {mark!r}, which the template would read as Jinja: "
                            "put a space or a line break between the two characters in its source")
    return code


def page_scripts(root: Path, config: dict) -> dict[str, str]:
    """Each file under extra: page_js, minified, by the path it is written to under overrides/."""
    scripts = {}
    for name, path in page_js(config).items():
        if not (root / "overrides" / path).is_file():
            raise SyncError(f"mkdocs.yml lists {path} under extra: page_js ({name}), "
                            "but no such file is in overrides/: create it or drop the line.")
        scripts[PAGE_SCRIPT.format(name=name)] = (
            f"/*! Written by ./scripts/sync from overrides/{path} (mkdocs.yml, extra: page_js); edit the source, not this file. */\n"
            + minified(rendered_source(root, path), f"overrides/{path}"))
    return scripts


def head_script(root: Path, config: dict) -> str:
    """inline-head.min.js: a Jinja comment (the template drops it) naming its sources, then head_code()."""
    return ("{#- Written by ./scripts/sync from mkdocs.yml's extra: inline_head_js, minified; "
            "overrides/page.html inlines it. Edit the sources, not this file. -#}\n" + head_code(root, config))


# --- The inlined CSS ---------------------------------------------------------------

def css_code(root: Path, sources: list[str], where: str) -> str:
    """The files `sources` (under overrides/), in order, as one minified
    stylesheet with no comment: it is in the bytes of every page that inlines
    it. csscompressor (pinned in requirements.txt; mkdocs-minify-plugin's own
    dependency) drops comments and spaces; the sources stay commented."""
    missing = [p for p in sources if not (root / "overrides" / p).is_file()]
    if missing:
        raise SyncError(f"mkdocs.yml lists {', '.join(missing)} under {where}, "
                        "but no such file is in overrides/: create it or drop the line.")
    code = csscompressor.compress("".join(rendered_source(root, path) + "\n" for path in sources))
    # The template includes the file: Jinja would read "{#" (a rule block that
    # opens on an id selector) as a comment. A space there means the same CSS.
    code = re.sub(r"\{(?=[{%#])", "{ ", code)
    if "{{" in code or "{%" in code or "{#" in code:
        raise SyncError(f"the minified CSS of {where} holds Jinja syntax; check its sources")
    return code


def inline_css(root: Path, config: dict) -> str:
    """inline.min.css: a Jinja comment (the template drops it) naming its sources, then the minified CSS."""
    sources = list((config.get("extra") or {}).get("inline_css") or [])
    return ("{#- Written by ./scripts/sync from mkdocs.yml's extra: inline_css, minified; "
            "overrides/page.html inlines it. Edit the sources, not this file. -#}\n"
            + css_code(root, sources, "extra: inline_css"))


def page_styles(root: Path, config: dict) -> dict[str, str]:
    """Each file under extra: page_css, minified, by the path it is written to under overrides/."""
    return {PAGE_STYLE.format(name=name):
            f"{{#- Written by ./scripts/sync from overrides/{path} (mkdocs.yml, extra: page_css), minified; "
            "overrides/page.html inlines it on the pages that name it. Edit the source, not this file. -#}\n"
            + css_code(root, [path], f"extra: page_css ({name})")
            for name, path in page_css(config).items()}


# --- Reading the built pages ----------------------------------------------------------
# lxml directly, not Beautiful Soup: --check reads every page of both builds,
# and building Beautiful Soup's tree took most of its time (lxml's own tree is
# about twenty times quicker to make).

def parsed(html: str):
    return lxml.html.document_fromstring(html)


def with_class(name: str) -> str:
    """An XPath condition: the element's class attribute lists `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def strings(element):
    """The text a reader sees in `element`, piece by piece: no comments, scripts or styles."""
    if not isinstance(element.tag, str) or element.tag in ("script", "style", "template"):
        return
    if element.text:
        yield element.text
    for child in element:
        yield from strings(child)
        if child.tail:
            yield child.tail


def text_of(element) -> str:
    return " ".join(strings(element))


# --- Builds ----------------------------------------------------------------------

# What a build reads from the checkout (the hook imports scripts/view_contract.py).
BUILD_INPUTS = ("mkdocs.yml", "docs", "includes", "overrides", "hooks", "scripts/view_contract.py", "scripts/org.py",
                "scripts/site_address.py")


@dataclass
class Build:
    engine: str
    base: str  # "": the site at a host's root (BASES)
    path: Path

    def pages(self) -> list[Path]:
        return sorted(self.path.rglob("*.html"), key=lambda p: (p.name == "404.html", p.parent != self.path, str(p)))


def copy_inputs(root: Path, dest: Path) -> None:
    for name in BUILD_INPUTS:
        source, target = root / name, dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, target)


def build_folder(engine: str, base: str) -> str:
    return f"{engine}-{base.strip('/').replace('/', '-') or 'root'}"


def build_all(project: Path, out: Path) -> list[Build]:
    """Both engines, at each of BASES, built at the same time (strict)."""
    jobs = [(engine, base) for engine in ENGINES for base in BASES]

    def one(job):
        engine, base = job
        dest = out / build_folder(engine, base)
        url = LOCAL_URL + base
        if engine == "zensical":
            result = stock_site.run_zensical_build(dest, url, root=project)
            shutil.rmtree(dest.parent / f"{dest.name}.zensical-project", ignore_errors=True)
        else:
            result = stock_site.run_build(project / "mkdocs.yml", dest, url, cwd=project)
        if result.returncode != 0:
            raise SyncError(f"the {engine} build (site_url {url}) failed; fix what it names:\n"
                            f"{result.stdout}{result.stderr}")
        return Build(engine, base, dest)

    with concurrent.futures.ThreadPoolExecutor(len(jobs)) as pool:
        return list(pool.map(one, jobs))


# Builds are kept, by a digest of everything they are made from, so that a
# `--check` right after `./scripts/sync` (or a second run) does not build
# again. The CSP block is left out of the inputs: it only reaches the pages'
# meta tag, never what this script reads from them.
CACHE = ".cache/sync-builds"
CACHE_KEEP = 4


def inputs_digest(project: Path, root: Path) -> str:
    digest = hashlib.sha256(repr((ENGINES, BASES, LOCAL_URL)).encode())
    files = [(p.relative_to(project).as_posix(), p) for p in project.rglob("*") if p.is_file()]
    files += [(p.name, p) for p in root.glob("requirements*.txt")]  # the engines' versions
    for name, file in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:32]


def cached_builds(project: Path, root: Path) -> list[Build]:
    yml = project / "mkdocs.yml"
    yml.write_text(replace_block(yml.read_text(encoding="utf-8"), "content_security_policy", [], "mkdocs.yml"),
                   encoding="utf-8")
    # What this script writes into docs/ changes nothing it reads from the
    # builds (Start here is not on its own reading path): blank it, so the
    # builds a run makes still serve the run after it.
    (project / "docs" / "_headers").write_text("", encoding="utf-8")
    for listed in [project / "docs" / "start-here.md", *reading_path_includes(project)]:
        listed.write_text(READ_TOTAL.sub("*0 min*{ .read-total }", READ_TIME.sub(
            "*0 min*{ .read-time }", listed.read_text(encoding="utf-8"))), encoding="utf-8")
    cache = root / CACHE
    done = cache / inputs_digest(project, root)
    if not done.is_dir():
        partial = done.with_name(done.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        build_all(project, partial)
        partial.rename(done)
        # Read by the tests, which count every build a run makes.
        print(f"scripts/sync: built the site {len(ENGINES) * len(BASES)} times "
              f"({' and '.join(ENGINES)}, at {LOCAL_URL}); cached in {CACHE}",
              file=sys.stderr)
        for old in sorted(cache.iterdir(), key=lambda p: p.stat().st_mtime)[:-CACHE_KEEP]:
            shutil.rmtree(old, ignore_errors=True)
    done.touch()
    return [Build(engine, base, done / build_folder(engine, base)) for engine in ENGINES for base in BASES]


def own_builds(root: Path, project: Path, site_js: str, head_js: str, own_pages_js: dict[str, str],
               listed: list[str], css: dict[str, str], config: dict) -> tuple[list[Build], dict[str, str]]:
    """The checkout with its derived scripts as they should be, built by both
    engines (cached_builds), and the palette stylesheets each one links."""
    copy_inputs(root, project)
    (project / "overrides" / BUNDLE).write_text(site_js, encoding="utf-8")
    (project / "overrides" / HEAD_SCRIPT).write_text(head_js, encoding="utf-8")
    for path, text in {**own_pages_js, **css}.items():
        (project / "overrides" / path).write_text(text, encoding="utf-8")
    names = dict(zip(ENGINES, listed))
    for _ in range(2):
        # The pruned palettes as they should be; a name an upgrade dropped leaves no copy behind.
        for path in filter(PALETTE_PATH.fullmatch, listed):
            (project / "overrides" / path).unlink(missing_ok=True)
        shipped = {engine: path for engine, path in names.items() if (theme_folder(engine) / path).is_file()}
        for path, text in pruned_palettes(shipped, config).items():
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            (project / path).write_text(text, encoding="utf-8")
        builds = cached_builds(project, root)
        names = palette_names(builds, listed)
        if sorted(names.values()) == sorted(listed):
            return builds, names
        # An upgrade renamed a palette: build again with the new names inlined.
        listed = [names[engine] for engine in ENGINES]
        yml = replace_block((project / "mkdocs.yml").read_text(encoding="utf-8"), "inline_theme_css",
                            inline_theme_css_lines(names), "mkdocs.yml")
        (project / "mkdocs.yml").write_text(yml, encoding="utf-8")
    raise SyncError(f"the palette stylesheets stay linked after listing {listed} under extra.inline_theme_css; "
                    "check overrides/page.html, block styles")


# --- extra.inline_theme_css ------------------------------------------------------

def palette_names(builds: list[Build], listed: list[str]) -> dict[str, str]:
    """Each engine's palette stylesheet, as its home page names it.

    A name the template does not inline stays a <link>; a listed name whose
    file the build holds, and which the page inlines, is the engine's.
    """
    names = {}
    for build in builds:
        if build.base or build.engine in names:
            continue
        home = BeautifulSoup((build.path / "index.html").read_text(encoding="utf-8"), "html.parser")
        linked = [link["href"] for link in home.select('head link[rel~="stylesheet"][href*="palette."]')]
        if linked:
            names[build.engine] = posixpath.normpath(linked[0].split("?")[0]).lstrip("./")
            continue
        styles = {style.get_text() for style in home.head.find_all("style")}
        for path in listed:
            # Each build also publishes the other engine's pruned copy (overrides/): the engine's own name counts.
            file = build.path / path
            if (theme_folder(build.engine) / path).is_file() and file.is_file() and file.read_text(encoding="utf-8") in styles:
                names[build.engine] = path
                break
        else:
            raise SyncError(f"{build.engine}: the home page neither links nor inlines a palette stylesheet; "
                            "check overrides/page.html, block styles")
    return names


def inline_theme_css_lines(names: dict[str, str]) -> list[str]:
    return [f"- {names[engine]}  # {ENGINE_NAMES[engine]}" for engine in ENGINES]


# --- The palette, pruned ---------------------------------------------------------
# Each engine's palette stylesheet defines every colour Material offers (21
# primary, 16 accent); a page uses the schemes and the colours mkdocs.yml's
# theme.palette names. Since overrides/page.html inlines the palette in every
# page's bytes, this script writes a copy holding only those rules at the
# engine's own path under overrides/ (theme.custom_dir), which the template
# loader reads before the engine's file: the inlined palette goes from about
# 2.0 to 0.7 KiB gzipped a page (0.8 on Zensical). Own code, because nothing maintained prunes
# by the theme's settings (PurgeCSS keeps a rule by what a page's HTML
# holds, and would need the built pages). Change a colour in mkdocs.yml, and
# ./scripts/sync writes the copy again; `--check` fails until it has.

def theme_folder(engine: str) -> Path:
    """Where the engine's installed package keeps its templates and assets."""
    package = "material" if engine == "mkdocs" else "zensical"
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SyncError(f"{package} is not installed here: run ./scripts/install (or ./scripts/test) first")
    return Path(spec.origin).parent / "templates"


def palette_colours(config: dict) -> dict[str, set[str]]:
    """The primary and accent colours theme.palette names, as Material writes
    them on <body> (a space becomes a hyphen; indigo when left out)."""
    palette = (config.get("theme") or {}).get("palette") or []
    entries = [palette] if isinstance(palette, dict) else palette
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise SyncError("mkdocs.yml, theme.palette: write one scheme as a mapping (`primary: indigo`), "
                        "or a list of them, as Material's documentation shows")
    return {kind: {str(entry.get(kind) or "indigo").replace(" ", "-") for entry in entries}
            for kind in ("primary", "accent")}


def split_outside(text: str, sep: str) -> list[str]:
    """`text` split at each `sep` outside quotes, brackets and parentheses."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def css_blocks(css: str, where: str) -> list[tuple[str, str]]:
    """The top-level (prelude, body) pairs of minified CSS; a body keeps its nested blocks."""
    blocks, depth, quote, start, opened = [], 0, "", 0, 0
    for i, ch in enumerate(css):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            opened = i if depth == 0 else opened
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                blocks.append((css[start:opened].strip(), css[opened + 1:i]))
                start = i + 1
    if depth or quote or css[start:].strip():
        raise SyncError(f"{where} is not CSS this script can read (unbalanced braces or quotes); "
                        "pin the engine's previous release or drop the file from extra.inline_theme_css")
    return blocks


PALETTE_COLOUR = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
# What an engine's palette stylesheet is called: the only files this script
# writes or removes by a name from extra.inline_theme_css.
PALETTE_PATH = re.compile(r"assets/stylesheets/(?:[\w-]+/)?palette\.[0-9a-f]+\.min\.css")


def pruned_palette(css: str, colours: dict[str, set[str]], where: str) -> str:
    """The palette without the selectors of colours the site does not use; a rule left with none goes."""
    kept = []
    for prelude, body in css_blocks(re.sub(r"/\*.*?\*/", "", css, flags=re.S), where):
        if prelude.startswith("@"):
            inner = pruned_palette(body, colours, where) if "{" in body else body
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
            continue
        selectors = [s for s in split_outside(prelude, ",")
                     if all(name in colours[kind] for kind, name in PALETTE_COLOUR.findall(s))]
        if selectors:
            kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def pruned_palettes(names: dict[str, str], config: dict) -> dict[str, str]:
    """overrides/<path> -> the engine's palette at `path`, pruned (names: engine -> path)."""
    colours = palette_colours(config)
    files = {}
    for engine, path in names.items():
        original = theme_folder(engine) / path
        if not PALETTE_PATH.fullmatch(path):
            raise SyncError(f"mkdocs.yml, extra.inline_theme_css: {path} is not an engine's palette stylesheet "
                            "(assets/stylesheets/palette.<hash>.min.css); put back the lines ./scripts/sync wrote")
        if not original.is_file():
            raise SyncError(f"{short(engine)} ships no {path}, which extra.inline_theme_css names: "
                            "install the engines' pinned releases (./scripts/install), then run ./scripts/sync")
        code = pruned_palette(original.read_text(encoding="utf-8"), colours, f"{short(engine)}'s {path}")
        # The template includes the file, as with css_code(): a space keeps "{#" from reading as Jinja.
        files[f"overrides/{path}"] = re.sub(r"\{(?=[{%#])", "{ ", code)
    return files


# --- Content-Security-Policy -------------------------------------------------------

@dataclass
class Inline:
    kind: str  # "script-src" or "style-src"
    text: str
    where: list[tuple[str, str, str]] = field(default_factory=list)  # (engine, base, page)


def inline_code(builds: list[Build]) -> tuple[dict[str, Inline], dict[tuple[str, str], set[str]]]:
    """Every inline script a browser runs and every <style>, by hash, in order of
    first use; and each build's theme pages (not a moved page's plain forwarder)."""
    found: dict[str, Inline] = {}
    themed: dict[tuple[str, str], set[str]] = {}
    for build in builds:
        for html in build.pages():
            root = parsed(html.read_text(encoding="utf-8"))
            page = html.relative_to(build.path).as_posix()
            if root.xpath(f"//*[{with_class('md-content')}]"):
                themed.setdefault((build.engine, build.base), set()).add(page)
            items = [("script-src", s.text or "") for s in root.iter("script")
                     if not s.get("src") and s.get("type") in (None, "", "text/javascript", "module")]
            items += [("style-src", s.text or "") for s in root.iter("style")]
            for kind, text in items:
                entry = found.setdefault(sha256(text), Inline(kind, text))
                entry.where.append((build.engine, build.base, page))
    return found, themed


# What an inline script of Material's (Zensical copies them) does, told by a phrase it holds.
KNOWN_SCRIPTS = (
    ("__md_scope", "storage helpers (__md_get/__md_set) scoped to the site's path"),
    ('__md_get("__palette")', "applies the stored colour scheme"),
    ("location.hash", "selects the tab a fragment names"),
)


def short(engine: str) -> str:
    return ENGINE_NAMES[engine].split(" (")[0]


def describe(entry: Inline, themed: dict[tuple[str, str], set[str]], own: dict[str, str],
             palettes: dict[str, str], builds: list[Build]) -> tuple[tuple, str]:
    """A sort key and a label for a hash: what the code is, and which builds and pages hold it."""
    engines = sorted({engine for engine, _, _ in entry.where}, key=ENGINES.index)
    bases = sorted({base for _, base, _ in entry.where})
    pages = {page for _, _, page in entry.where}
    what = own.get(entry.text)
    if what is None and entry.kind == "style-src":
        for build in builds:
            file = build.path / palettes.get(build.engine, "-")
            if file.is_file() and file.read_text(encoding="utf-8") == entry.text:
                what = f"{short(build.engine)}'s palette ({palettes[build.engine]})"
    if what is None:
        what = next((label for phrase, label in KNOWN_SCRIPTS if phrase in entry.text), "an inline script")
    every = set.union(*(themed[(e, b)] for e in engines for b in bases))
    if pages == every:
        scope = "every page"
    elif pages == {"index.html"}:
        scope = "the home page"
    elif pages == {"404.html"}:
        scope = "the 404 page"
    elif pages == every - {"index.html", "404.html"}:
        scope = "every page a folder down"
    else:
        # Addresses, not file names: a comment naming a file says it exists (tests/test_house.py).
        scope = ", ".join("/" + page.removesuffix("index.html") for page in sorted(pages)[:3]) + (" ..." if len(pages) > 3 else "")
    if bases != sorted(BASES):
        scope += ", site at " + " and ".join(f"/{b}" for b in bases)
    order = (entry.text not in own, len(engines) == 1, ENGINES.index(engines[0]), pages == {"404.html"}, bases)
    return order, f"{what}; {' and '.join(short(e) for e in engines)}, {scope}"


def own_code(root: Path, config: dict) -> dict[str, str]:
    """This site's own inlined <style> and <script> texts, as overrides/page.html
    writes them (an included file loses its final newline, as Jinja does)."""
    extra = config.get("extra") or {}
    css = css_code(root, list(extra.get("inline_css") or []), "extra: inline_css")
    js = head_code(root, config)
    pages = {css_code(root, [path], f"extra: page_css ({name})"): f"this site's CSS for some pages (extra.page_css: {name})"
             for name, path in page_css(config).items()}
    return {
        **pages,
        css: "this site's CSS (extra.inline_css)",
        js: "this site's head script (extra.inline_head_js: "
            + ", ".join(Path(p).name for p in extra.get("inline_head_js") or []) + ")",
    }


def page_css_hash_lines(root: Path, config: dict) -> list[str]:
    """extra.page_css_hashes: each page_css file's hash in style-src -> its name, so that a
    page's <meta> policy can leave out the hashes of the files it does not inline."""
    return [f"\"{sha256(css_code(root, [path], f'extra: page_css ({name})'))}\": {name}"
            for name, path in page_css(config).items()]


def engine_hash_lines(found: dict[str, Inline]) -> list[str]:
    """extra.engine_hashes: each hash that one engine alone uses -> that engine, so that a
    page's <meta> policy can leave out the other engine's."""
    alone = {h: {engine for engine, _, _ in entry.where} for h, entry in found.items()}
    alone = {h: engines.pop() for h, engines in alone.items() if len(engines) == 1}
    alone.update({h: engine for h, (engine, _) in RUNTIME_STYLES.items()})
    return [f"\"{h}\": {engine}" for h, engine in alone.items()]


def policy_lines(found: dict[str, Inline], labels: dict[str, tuple[tuple, str]]) -> list[str]:
    lines = []
    for directive in ("script-src", "style-src"):
        lines += [f"{directive}:", "  - \"'self'\""]
        ours = sorted((h for h, entry in found.items() if entry.kind == directive), key=lambda h: labels[h][0])
        lines += [f"  - \"{h}\"  # {labels[h][1]}" for h in ours]
        if directive == "style-src":
            lines += [f"  - \"{h}\"  # {reason}, at run time (scripts/sync.py, RUNTIME_STYLES)"
                      for h, (_, reason) in RUNTIME_STYLES.items()]
    return lines


def header_lines(policy: dict[str, list[str]]) -> dict[str, str]:
    return {"Content-Security-Policy": render_policy({**policy, **HEADER_ONLY}), **EXTRA_HEADERS}


HEADERS_FILE = """\
# Response headers for hosts that read a _headers file (Netlify, Cloudflare Pages).
# Written by ./scripts/sync from mkdocs.yml's extra.content_security_policy, plus
# what only a header can carry (scripts/sync.py, HEADER_ONLY and EXTRA_HEADERS);
# deploy/nginx.conf sends the same. Edit those, not this file.
/*
{headers}"""


def headers_file(headers: dict[str, str]) -> str:
    return HEADERS_FILE.format(headers="".join(f"  {name}: {value}\n" for name, value in headers.items()))


def nginx_lines(headers: dict[str, str]) -> list[str]:
    return [f'add_header {name} "{value}" always;' for name, value in headers.items()]


# --- Start here's reading times -------------------------------------------------

def words_in_view(html: str, view: str) -> int:
    """Words a reader of one view sees on a page: the other view's tabs, hidden
    elements, tab labels, permalink signs, and the lines around the text (the
    printed address, the reviewed date, the note that tab sets switch one by
    one without scripts) left out."""
    return len(text_of(article_in_view(html, view)).split())


def prose_and_code_words(html: str, view: str) -> tuple[int, int]:
    """The words of words_in_view, split into prose and code blocks (a
    program and its output, each a .highlight block with its title)."""
    article = article_in_view(html, view)
    code = sum(len(text_of(block).split()) for block in article.xpath(f".//*[{with_class('highlight')}]"))
    return len(text_of(article).split()) - code, code


def article_in_view(html: str, view: str):
    article = parsed(html).xpath(f"//article[{with_class('md-content__inner')}]")[0]
    other = view_contract.VIEWS[1 - view_contract.VIEWS.index(view)]
    for tab_set in article.xpath(f".//*[{with_class('tabbed-set')}]"):
        labels = ["".join(s.strip() for s in strings(label)) for label in tab_set.xpath(f"./*[{with_class('tabbed-labels')}]/label")]
        blocks = tab_set.xpath(f"./*[{with_class('tabbed-content')}]/*[{with_class('tabbed-block')}]")
        dict(zip(labels, blocks))[other].drop_tree()
    left_out = " or ".join(["@hidden", *(with_class(name) for name in
                            ("tabbed-labels", "headerlink", "print-address", "page-reviewed", "views-need-scripts"))])
    for element in article.xpath(f".//*[{left_out}]"):
        element.drop_tree()
    return article


def minutes(words: int) -> int:
    return max(1, int(words / WORDS_PER_MINUTE + 0.5))


def code_minutes(words: int) -> int:
    """Minutes of code, 0 when there is less than half a minute of it."""
    return int(words / WORDS_PER_MINUTE + 0.5)


def read_time_text(prose: int, code: int) -> str:
    """What a reading time says: "12 min", or "12 min, plus 5 min of code"."""
    return f"{prose} min" + (f", plus {code} min of code" if code else "")


def reading_times(markdown: str, page: str, site: Path, view: str | None = None) -> str:
    """`markdown` (docs/<page>, or a file docs/<page> includes) with each
    `*N min*{ .read-time }` set from the page its line links to, in the view of
    the tab it sits in (or `view`, for an include written for one view), and
    each `{ .read-total }` the sum."""
    out, times = [], []
    for line in markdown.splitlines(keepends=True):
        tab = view_contract.TAB_LINE.match(line)
        if tab:
            view, times = tab["label"], []
        elif line.startswith("#"):
            view, times = None, []
        if READ_TIME.search(line):
            link = re.search(r"\]\(([^)#?\s]+\.md)", line)
            if view not in view_contract.VIEWS or not link:
                raise SyncError(f"docs/{page}: a reading time outside a Developer/Engineer tab or without a "
                                f"link to a page: {line.strip()}")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link[1]))
            if target == page:
                raise SyncError(f"docs/{page}: a reading time for the page itself, which this script cannot count")
            built = site / (target.removesuffix(".md").removesuffix("index") + "/index.html").lstrip("/")
            if not built.is_file():
                raise SyncError(f"docs/{page}: {link[1]} is not a page of the build")
            prose, code = prose_and_code_words(built.read_text(encoding="utf-8"), view)
            n = (minutes(prose), code_minutes(code))
            times.append(n)
            line = READ_TIME.sub(f"*{read_time_text(*n)}*{{ .read-time }}", line, count=1)
        elif READ_TOTAL.search(line):
            total = read_time_text(sum(t[0] for t in times), sum(t[1] for t in times))
            line = READ_TOTAL.sub(f"*{total}*{{ .read-total }}", line, count=1)
        out.append(line)
    return "".join(out)


def reading_path_includes(root: Path) -> list[Path]:
    """The reading paths written once for Start here and the handout, one file a view."""
    return sorted((root / "includes").glob("reading-path-*.md"))


def reading_path_view(path: Path) -> str:
    view = view_contract.view_of_fragment(path.stem)
    if view is None:
        raise SyncError(f"includes/{path.name}: name a reading path reading-path-<view>.md, "
                        f"the view one of {', '.join(v.lower() for v in view_contract.VIEWS)}")
    return view


# --- The URL contract ----------------------------------------------------------------

def redirect_target(html: str, path: str) -> str | None:
    match = REDIRECT.search(html)
    if not match:
        return None
    parts = [p for p in path.strip("/").split("/") if p]
    for step in match[1].split("/"):
        if step == "..":
            parts.pop()
        elif step:
            parts.append(step)
    return "/" + "".join(p + "/" for p in parts)


def published_urls(site: Path) -> list[str]:
    """Every address the build publishes, as contract lines: pages, their views,
    sections, glossary terms and tabs, and moved pages ("/old/ -> /new/")."""
    urls = []
    for file in sorted(site.rglob("index.html")):
        path = "/" + "".join(p + "/" for p in file.parent.relative_to(site).parts)
        html = file.read_text(encoding="utf-8")
        target = redirect_target(html, path)
        if target:
            urls.append(f"{path} -> {target}")
            continue
        article = parsed(html).xpath("//article")[0]
        headings = article.xpath(".//*[(self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::dt "
                                 "or self::span) and @id]/@id")
        tabs = article.xpath(f".//*[{with_class('tabbed-set')}]/input/@id")
        urls += [path] + ([f"{path}?view={view}" for view in VIEW_PARAMS] if tabs else [])
        urls += [f"{path}#{anchor}" for anchor in headings + tabs]
    return urls


def contract_with_new_urls(text: str, site: Path) -> str:
    """`text` with every published address it does not list yet appended, in page order."""
    listed = {line.split()[0] for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")}
    new = [url for url in published_urls(site) if url.split()[0] not in listed]
    if not new:
        return text
    return text + ("" if text.endswith("\n") or not text else "\n") + "".join(f"{url}\n" for url in new)


# --- Putting it together -----------------------------------------------------------

def expected_files(root: Path, built: dict[str, Path] | None = None) -> dict[str, str | None]:
    """Every derived file's text as it should be, by path from `root` (None: the file goes).

    `built`: each engine's build of the checkout as it is, at a host's root
    (a test run's own builds), read instead of building: a source edited
    without ./scripts/sync then shows as a stale file all the same, since
    what it derives (site.js, the head script, the policy's hashes of what
    the pages inline) then differs from the checkout's copy."""
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = load_config(mkdocs_yml)
    site_js = bundle(root, config)
    head_js = head_script(root, config)
    own_pages_js = page_scripts(root, config)
    css = {INLINE_CSS: inline_css(root, config), **page_styles(root, config)}
    listed = list((config.get("extra") or {}).get("inline_theme_css") or [])

    with tempfile.TemporaryDirectory(prefix="sync-") as tmp:
        if built:
            builds = [Build(engine, "", built[engine]) for engine in ENGINES]
            names = palette_names(builds, listed)
        else:
            builds, names = own_builds(root, Path(tmp) / "project", site_js, head_js, own_pages_js, listed, css,
                                       config)
        found, themed = inline_code(builds)
        own = own_code(root, config)
        labels = {h: describe(entry, themed, own, names, builds) for h, entry in found.items()}
        new_yml = replace_block(mkdocs_yml, "inline_theme_css", inline_theme_css_lines(names), "mkdocs.yml")
        new_yml = replace_block(new_yml, "content_security_policy", policy_lines(found, labels), "mkdocs.yml")
        new_yml = replace_block(new_yml, "page_css_hashes", page_css_hash_lines(root, config), "mkdocs.yml")
        new_yml = replace_block(new_yml, "engine_hashes", engine_hash_lines(found), "mkdocs.yml")
        policy = {name: list(sources) for name, sources in load_config(new_yml)["extra"]["content_security_policy"].items()}
        headers = header_lines(policy)

        mkdocs_root = next(b for b in builds if b.engine == "mkdocs" and not b.base).path
        start_here = (root / "docs" / "start-here.md").read_text(encoding="utf-8")
        contract = (root / CONTRACT).read_text(encoding="utf-8")
        nginx = (root / "deploy" / "nginx.conf").read_text(encoding="utf-8")
        return {
            f"overrides/{BUNDLE}": site_js,
            f"overrides/{HEAD_SCRIPT}": head_js,
            **{f"overrides/{path}": text for path, text in {**own_pages_js, **css}.items()},
            # A palette an upgrade renamed: its pruned copy goes (None), the new one comes.
            **{f"overrides/{path}": None for path in listed
               if path not in names.values() and PALETTE_PATH.fullmatch(path) and (root / "overrides" / path).is_file()},
            **pruned_palettes(names, config),
            "mkdocs.yml": new_yml,
            "docs/_headers": headers_file(headers),
            "deploy/nginx.conf": replace_block(nginx, "headers", nginx_lines(headers), "deploy/nginx.conf"),
            "docs/start-here.md": reading_times(start_here, "start-here.md", mkdocs_root),
            **{f"includes/{path.name}": reading_times(path.read_text(encoding="utf-8"), "start-here.md", mkdocs_root,
                                                      view=reading_path_view(path))
               for path in reading_path_includes(root)},
            CONTRACT: contract_with_new_urls(contract, mkdocs_root),
        }


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="scripts/sync", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; print what would change and exit 1 if anything is stale")
    args = parser.parse_args(argv)
    try:
        expected = expected_files(root)
    except SyncError as error:
        print(f"scripts/sync: {error}", file=sys.stderr)
        return 2
    stale = []
    for path, text in expected.items():
        file = root / path
        current = file.read_text(encoding="utf-8") if file.is_file() else ""
        if current == text:
            continue
        stale.append(path)
        if args.check:
            # A file whose last line has no newline (a minified palette) still ends its part of the diff.
            sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in difflib.unified_diff(
                current.splitlines(keepends=True), (text or "").splitlines(keepends=True), f"a/{path}",
                "/dev/null" if text is None else f"b/{path}"))
        elif text is None:  # only a palette copy this script wrote for a name the engine has dropped (expected_files)
            file.unlink()
            print(f"scripts/sync: removed {path}")
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
            print(f"scripts/sync: wrote {path}")
    if args.check and stale:
        print(f"\nscripts/sync --check: {len(stale)} file(s) out of date ({', '.join(stale)}). "
              "Run ./scripts/sync and commit what it writes.", file=sys.stderr)
        return 1
    if not stale:
        print("scripts/sync: every derived file is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
