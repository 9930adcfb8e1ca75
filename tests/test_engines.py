"""One checkout, two engines: the MkDocs build and the Zensical build are whole.

Zensical (Material's successor) reads mkdocs.yml but skips hooks and plugins
it does not know, silently. So what a hook would guarantee is checked here,
on the built HTML of both engines: every file a page asks for exists, no page
shows template text, every tab set is a Developer/Engineer pair under a
heading. And the two builds publish the same pages with the same titles and
anchors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import view_contract
from conftest import ENGINES, ROOT, BuiltSite, both_engines
from support.builds import local_file, parsed
from support.views import VIEWS, labels

# The tags and attributes through which a page loads a file.
LOADS = {"script": "src", "link": "href", "img": "src", "source": "src", "image": "href", "use": "href"}


@both_engines
def test_no_page_asks_for_a_file_the_build_does_not_have(site):
    missing = []
    for html in site.pages():
        for tag, attr in LOADS.items():
            for element in parsed(html).find_all(tag):
                ref = element.get(attr) or element.get(f"xlink:{attr}")
                if not ref or ref.startswith(("data:", "#")):
                    continue
                if tag == "link" and not {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(element.get("rel") or []):
                    continue  # canonical, prev/next: addresses, not files a page loads
                path = local_file(site, html, ref)
                if path is not None and not path.is_file():
                    missing.append(f"{html.relative_to(site.path)}: <{tag} {attr}={ref!r}> -> {path.relative_to(site.path)}")
    assert not missing, f"the {site.engine} build's pages ask for files it does not have:\n" + "\n".join(missing)


@both_engines
def test_no_page_shows_template_text(site):
    shown = []
    for html in site.pages():
        text = html.read_text(encoding="utf-8")
        for marker in ("{{", "{%", "{#", "#}"):
            if marker in text:
                at = text.index(marker)
                shown.append(f"{html.relative_to(site.path)}: {text[max(0, at - 60):at + 60]!r}")
    assert not shown, (
        f"the {site.engine} build shows template text; a placeholder in Markdown is filled only by "
        "overrides/page.html (see its content block), never by a hook:\n" + "\n".join(shown)
    )


@both_engines
def test_every_tab_set_is_a_developer_engineer_pair_under_a_heading(site):
    """What hooks/check_view_tabs.py checks in the MkDocs build, checked in the built pages of both."""
    problems = []
    for html in site.pages():
        page = parsed(html)
        where = html.relative_to(site.path)
        for n, tab_set in enumerate(page.select(".tabbed-set"), start=1):
            found = labels(tab_set)
            if tuple(found) != VIEWS:
                problems.append(f"{where}: tab set {n} is labelled {found}; label the tabs exactly "
                                + " then ".join(f'`=== "{view}"`' for view in VIEWS))
            problems.append(view_contract.tab_id_problem(f"{where}, tab set {n}", [i["id"] for i in tab_set.select(":scope > input")]))
        for heading in page.select("article :is(h1, h2, h3, h4, h5, h6)[id]"):
            problems.append(view_contract.heading_id_problem(str(where), heading.get_text(strip=True).rstrip("¶"), heading["id"]))
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


# --- The two builds side by side ----------------------------------------------

# What a page is, for comparing builds: its title, description, canonical
# address and every id a link can name.
def outline(built: BuiltSite, html: Path) -> dict:
    page = parsed(html)
    description = page.select_one('meta[name="description"]')
    canonical = page.select_one('link[rel="canonical"]')
    return {
        "title": page.title.get_text(strip=True) if page.title else None,
        "description": description["content"] if description else None,
        "canonical": canonical["href"].removeprefix(built.url) if canonical else None,
        # Content anchors; ids from "__" are the engine's own (Zensical adds "__skip").
        "ids": {e["id"] for e in page.select("article [id]") if not e["id"].startswith("__")},
        "tab sets": len(page.select(".tabbed-set")),
    }


@pytest.fixture(scope="module")
def both_builds(builds) -> dict[str, BuiltSite]:
    """Both engines' builds at a host's root, compared as files."""
    return {engine: builds.get(engine) for engine in ENGINES}


def test_both_engines_publish_the_same_pages_titles_and_anchors(both_builds):
    mkdocs, zensical = both_builds["mkdocs"], both_builds["zensical"]
    pages = {e: {p.relative_to(b.path).as_posix() for p in b.pages()} for e, b in both_builds.items()}
    assert pages["mkdocs"] == pages["zensical"], (
        f"only MkDocs: {sorted(pages['mkdocs'] - pages['zensical'])}; only Zensical: {sorted(pages['zensical'] - pages['mkdocs'])}"
    )
    redirects = {p for p in pages["mkdocs"] if "http-equiv" in (mkdocs.path / p).read_text(encoding="utf-8").lower()
                 and len(parsed(mkdocs.path / p).select("article")) == 0}
    differ = []
    for page in sorted(pages["mkdocs"] - redirects):
        ours, theirs = outline(mkdocs, mkdocs.path / page), outline(zensical, zensical.path / page)
        for key in ours:
            if ours[key] != theirs[key]:
                if key == "ids":
                    differ.append(f"{page} ids only in MkDocs {sorted(ours[key] - theirs[key])}, only in Zensical {sorted(theirs[key] - ours[key])}")
                else:
                    differ.append(f"{page} {key}: MkDocs {ours[key]!r}, Zensical {theirs[key]!r}")
    assert not differ, "the two engines build different pages:\n" + "\n".join(differ)


def test_zensical_pins_match_the_site_pins():
    """Both files install into one .venv: a package pinned in both must be pinned alike."""
    def pins(name: str) -> dict[str, str]:
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        return dict(line.split("==", 1) for line in lines if "==" in line and not line.startswith("#"))

    site, zensical = pins("requirements.txt"), pins("requirements-zensical.txt")
    assert zensical.get("zensical") == "0.0.73"
    differ = [f"{name}: requirements.txt {site[name]}, requirements-zensical.txt {zensical[name]}"
              for name in sorted(site.keys() & zensical.keys()) if site[name] != zensical[name]]
    assert not differ, "pin the same version in both files:\n" + "\n".join(differ)
