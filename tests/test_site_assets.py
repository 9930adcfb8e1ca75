"""The site's own CSS and JavaScript: one job per file, one deferred request.

mkdocs.yml lists the files under `extra`: inline_css and inline_head_js,
which overrides/page.html inlines in <head> (what the first paint needs, as
assets/stylesheets/inline.min.css and assets/javascripts/inline-head.min.js,
which ./scripts/sync minifies from them), and deferred_js, which ./scripts/sync joins and
minifies into assets/javascripts/site.js, the one file extra_javascript
loads, deferred. All of it works on MkDocs and
Zensical alike. Each failure says what to move, list or run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sync  # scripts/sync.py; scripts/ is on the path through tests/support
from conftest import ROOT, both_engines
from support.builds import parsed
from support.config import mkdocs_yml as config
from support.pages import front_matter, url_of
from support.page_css import page_css_uses

OVERRIDES = ROOT / "overrides"
LISTS = {  # list in mkdocs.yml `extra` that the template inlines -> the element that holds it
    "inline_css": "head > style",
    "inline_head_js": "head > script:not([src])",
}
WHERE = {".css": "inline_css (or page_css if only some pages use it)", ".js": "deferred_js, then run ./scripts/sync (or inline_head_js if it must run before the tab sets are drawn)"}
BUNDLE = sync.BUNDLE  # assets/javascripts/site.js, written by ./scripts/sync
GENERATED = sync.generated(config())  # site.js, the head script, the inlined CSS and each page script, minified by ./scripts/sync


def listed() -> dict[str, list[str]]:
    extra = config().get("extra") or {}
    return {**{name: list(extra.get(name) or []) for name in [*LISTS, "deferred_js"]},
            "page_js": list(sync.page_js(config()).values()),
            "page_css": list(sync.page_css(config()).values())}


def test_the_only_extra_file_is_the_deferred_bundle():
    """Each entry in extra_css / extra_javascript is a request of its own (CSS in <head> holds up the first paint)."""
    loaded = [(key, entry if isinstance(entry, str) else entry.get("path"), entry)
              for key in ("extra_css", "extra_javascript") for entry in (config().get(key) or [])]
    fixes = [
        f"mkdocs.yml lists {path} under {key}. Move docs/{path} to overrides/{path} and list it under "
        f"extra: {WHERE.get(Path(path).suffix, 'deferred_js')}; a page then pays no request of its own for it."
        for key, path, _ in loaded if path != BUNDLE
    ]
    assert not fixes, "\n".join(fixes)
    assert [(key, path, entry.get("defer") if isinstance(entry, dict) else None) for key, path, entry in loaded] == [
        ("extra_javascript", BUNDLE, True)
    ], f"mkdocs.yml must load {BUNDLE} under extra_javascript with `defer: true`, and nothing else"


@pytest.mark.parametrize("path, make, listed", [(BUNDLE, sync.bundle, "deferred_js"),
                                                (sync.HEAD_SCRIPT, sync.head_script, "inline_head_js"),
                                                (sync.INLINE_CSS, sync.inline_css, "inline_css")])
def test_each_minified_file_is_what_scripts_sync_writes(path, make, listed):
    written = (OVERRIDES / path).read_text(encoding="utf-8") if (OVERRIDES / path).is_file() else ""
    assert written == make(ROOT, config()), (
        f"overrides/{path} is not what the files under extra: {listed} in mkdocs.yml make. "
        "Run ./scripts/sync and commit what it writes."
    )


@pytest.mark.parametrize("make, listed", [(sync.page_scripts, "page_js"), (sync.page_styles, "page_css")])
def test_each_page_script_and_style_is_what_scripts_sync_writes(make, listed):
    for path, text in make(ROOT, config()).items():
        written = (OVERRIDES / path).read_text(encoding="utf-8") if (OVERRIDES / path).is_file() else ""
        assert written == text, (f"overrides/{path} is not its source under extra: {listed} in mkdocs.yml, minified. "
                                 "Run ./scripts/sync and commit what it writes.")


# --- CSS only some pages use (extra: page_css) ------------------------------------

@both_engines
def test_a_page_inlines_the_page_css_it_uses_and_no_other(site):
    """A page whose elements a file under extra: page_css styles names it in its front matter
    (`page_css: [name]`), which inlines that file's <style>; a page names no file it does not use."""
    styles = {name: sync.css_code(ROOT, [path], name) for name, path in sync.page_css(config()).items()}
    sources = {url_of(s.relative_to(ROOT / "docs").as_posix()): s.relative_to(ROOT).as_posix()
               for s in (ROOT / "docs").rglob("*.md")}
    problems = []
    for source in sorted((ROOT / "docs").rglob("*.md")):
        value = front_matter(source.read_text(encoding="utf-8")).get("page_css") or []
        where = source.relative_to(ROOT).as_posix()
        if not isinstance(value, list):
            problems.append(f"{where}: page_css is {value!r}; write a list, e.g. page_css: [{value}]")
            continue
        problems += [f"{where} names page_css {name!r}, which is not under extra: page_css in mkdocs.yml "
                     f"(there: {', '.join(styles)}); add it there and run ./scripts/sync"
                     for name in map(str, value) if name not in styles]
    for html, page in site.theme_pages():
        folder = html.relative_to(site.path).parent.as_posix().removeprefix(".")
        folder = folder + "/" if folder else ""
        source = sources.get(folder, html.relative_to(site.path).as_posix())
        inlined = {(style.string or "") for style in page.select("head > style")}
        for name, css in styles.items():
            used = page_css_uses(page, css)
            if used and css not in inlined:
                problems.append(f"/{folder}: its HTML matches {used!r} of {sync.page_css(config())[name]}, whose <style> "
                                f"it does not inline: add {name} to page_css: [...] in {source}'s front matter")
            elif css in inlined and not used:
                problems.append(f"/{folder}: inlines page_css {name}, whose rules style nothing on it: "
                                f"drop {name} from page_css in {source}'s front matter")
    assert not problems, f"{site.engine} build:\n" + "\n".join(problems)


@both_engines
def test_a_page_script_loads_on_the_pages_that_name_it_and_no_other(site):
    """`page_js: [name]` in a page's front matter loads assets/javascripts/<name>.min.js there, deferred."""
    scripts = sync.page_js(config())
    problems = []
    for source in sorted((ROOT / "docs").rglob("*.md")):
        value = front_matter(source.read_text(encoding="utf-8")).get("page_js") or []
        where = source.relative_to(ROOT / "docs").as_posix()
        if not isinstance(value, list):
            problems.append(f"docs/{where}: page_js is {value!r}; write a list, e.g. page_js: [{value}]")
            continue
        named = [str(name) for name in value]
        problems += [f"docs/{where} names page_js {name!r}, which is not under extra: page_js in mkdocs.yml "
                     f"(there: {', '.join(scripts) or 'none'}); add it there and run ./scripts/sync"
                     for name in named if name not in scripts]
        folder = url_of(where)
        html = site.path / folder / "index.html"
        if not html.is_file():
            continue
        loaded = sorted(Path(s["src"]).name.removesuffix(".min.js") for s in parsed(html).find_all("script", src=True)
                        if Path(s["src"]).name.removesuffix(".min.js") in scripts and "defer" in s.attrs)
        if loaded != sorted(n for n in named if n in scripts):
            problems.append(f"{folder or '/'}: loads page scripts {loaded}, its front matter names {named}")
    assert not problems, f"{site.engine} build:\n" + "\n".join(problems)


def test_every_source_file_is_listed_once_and_exists():
    lists = listed()
    names = [path for paths in lists.values() for path in paths]
    assert len(names) == len(set(names)), f"a file is listed twice under extra: {names}"
    missing = [f"mkdocs.yml lists {p} under extra, but overrides/{p} does not exist: create it or drop the line"
               for p in names if not (OVERRIDES / p).is_file()]
    sources = sorted(p.relative_to(OVERRIDES).as_posix() for p in (OVERRIDES / "assets").rglob("*")
                     if p.suffix in WHERE and p.relative_to(OVERRIDES).as_posix() not in GENERATED)
    unlisted = [f"overrides/{p} is in no list: add `- {p}` under extra: {WHERE[Path(p).suffix]} in mkdocs.yml"
                for p in sources if p not in names]
    # A hand-written page in docs/ (a moved page's old address) may load a file
    # of its own from docs/assets/; any other CSS or JS there is never loaded.
    own_pages = " ".join(f.read_text(encoding="utf-8") for f in (ROOT / "docs").rglob("*.html"))
    stray = [f"docs/{p.relative_to(ROOT / 'docs').as_posix()} is published but never loaded: move it to "
             f"overrides/{p.relative_to(ROOT / 'docs').as_posix()} and list it under extra: {WHERE[p.suffix]}"
             for p in (ROOT / "docs").rglob("*") if p.suffix in WHERE and p.name not in own_pages]
    assert not (missing + unlisted + stray), "\n".join(missing + unlisted + stray)
    assert lists["inline_head_js"] == ["assets/javascripts/view-choice.js", "assets/javascripts/palette-before-paint.js"], (
        "only what the first paint shows runs before it (the reader's view, a first visit's colour scheme); "
        "anything else goes under extra: deferred_js"
    )


def test_sources_are_safe_to_include_as_templates():
    """`{{`/`{%` would run as template code; comments are `/*{# ... #}*/` so the output stays valid CSS/JS."""
    problems = []
    for file in sorted(p for p in (OVERRIDES / "assets").rglob("*")
                       if p.suffix in WHERE and p.relative_to(OVERRIDES).as_posix() not in GENERATED):
        path, text = file.relative_to(OVERRIDES).as_posix(), file.read_text(encoding="utf-8")
        if "{{" in text or "{%" in text:
            problems.append(f"overrides/{path}: has two opening braces or a brace and %, which the template would run as code; put a space between them")
        for comment in re.finditer(r"\{#.*?#\}", text, flags=re.S):
            if text[comment.start() - 2:comment.start()] != "/*" or text[comment.end():comment.end() + 2] != "*/":
                problems.append(f"overrides/{path}: a Jinja comment not wrapped as /*{{# ... #}}*/")
    assert not problems, "\n".join(problems)


@both_engines
def test_every_page_inlines_every_listed_file_in_its_place(site):
    # The CSS and the head script as ./scripts/sync minified them.
    expected = {"inline_css": [(f"{sync.INLINE_CSS} (from {', '.join(listed()['inline_css'])})",
                                sync.css_code(ROOT, listed()["inline_css"], "extra: inline_css"))],
                "inline_head_js": [(f"{sync.HEAD_SCRIPT} (from {', '.join(listed()['inline_head_js'])})",
                                    sync.head_code(ROOT, config()))]}
    problems = []
    for html, page in site.theme_pages():
        for name, selector in LISTS.items():
            blocks = "".join(element.string or "" for element in page.select(selector))
            for path, text in expected[name]:
                if text not in blocks:
                    problems.append(f"{html.relative_to(site.path)}: {path} is not inlined in <{selector}>")
    assert not problems, f"{site.engine} build:\n" + "\n".join(problems)


@both_engines
def test_the_inlined_css_is_minified(site):
    """Every page carries the site's CSS in its bytes: no comment, no line break, no indentation reaches it."""
    theirs = {(site.path / name).read_text(encoding="utf-8") for name in config()["extra"]["inline_theme_css"]
              if (site.path / name).is_file()}  # Material's palette, as Material ships it
    problems = []
    for html, page in site.theme_pages():
        for style in page.select("head > style"):
            text = style.string or ""
            if text in theirs:
                continue
            if "/*" in text or "\n" in text or "  " in text:
                problems.append(f"{html.relative_to(site.path)}: a <style> holds comments or indentation "
                                f"({text[:60]!r}...): list its file under extra: inline_css and run ./scripts/sync")
    assert not problems, f"{site.engine} build:\n" + "\n".join(problems[:10])


@both_engines
def test_every_page_loads_the_deferred_bundle_once(site):
    problems = []
    for html, page in site.theme_pages():
        tags = [s for s in page.find_all("script", src=True) if s["src"].endswith(BUNDLE)]
        if len(tags) != 1 or "defer" not in tags[0].attrs:
            problems.append(f"{html.relative_to(site.path)}: {len(tags)} <script src=...{BUNDLE}>, {[t.attrs for t in tags]}")
    assert not problems, f"{site.engine} build:\n" + "\n".join(problems)
