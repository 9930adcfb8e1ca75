"""The site inside a developer portal: a Backstage TechDocs entity, read in Backstage's own reader.

catalog-info.yaml registers the site; ./scripts/techdocs builds the folder
`techdocs-cli publish` uploads, with mkdocs-techdocs.yml (mkdocs.yml plus
Backstage's techdocs-core plugin) in .venv-techdocs. The reader tests run
`techdocs-cli serve --no-docker` on a copy of the checkout and drive its
embedded Backstage app in Chromium (tests/support/techdocs.py). There, every
script of a page is dropped and each tab set switches on its own, so pages say
under their title that linked views and `?view=` need the site's scripts; the
self-check offers its reading by hand.

The static checks (configuration, catalog file, pins) are in `--fast`; the
build copies the portal_checkout, and the reader tests drive a browser, so the full
run has them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import NAV_PAGES, ROOT
from support import techdocs
from support.builds import parsed
from support.config import mkdocs_yml
from support.org_files import EXAMPLE
from support.techdocs import ARTICLE, open_in_reader, portal_checkout

NOTE = ".views-need-scripts"


# --- The entity and its configuration (static) ---------------------------------------


def test_the_techdocs_config_is_mkdocs_yml_plus_techdocs_core():
    derived = yaml.safe_load((ROOT / techdocs.CONFIG).read_text(encoding="utf-8"))
    assert derived.get("INHERIT") == "mkdocs.yml", f"{techdocs.CONFIG} must start from mkdocs.yml (INHERIT: mkdocs.yml)"
    # MkDocs replaces an inherited list: mkdocs.yml's plugins must be repeated, in order, before techdocs-core.
    assert derived.get("plugins") == [*mkdocs_yml()["plugins"], "techdocs-core"], (
        f"{techdocs.CONFIG}: plugins must be mkdocs.yml's plugins, as written there, then techdocs-core")
    assert derived.get("extra") == {"techdocs": True}, f"{techdocs.CONFIG}: extra must be `techdocs: true` alone"
    assert set(derived) == {"INHERIT", "plugins", "extra"}, (
        f"{techdocs.CONFIG} changes {sorted(set(derived) - {'INHERIT', 'plugins', 'extra'})}: the portal's build is the site's, plus techdocs-core")
    assert "techdocs" not in (mkdocs_yml().get("extra") or {}), "mkdocs.yml must not set extra.techdocs: the standalone site would lose its footer credits"


def test_catalog_info_registers_a_component_whose_docs_are_this_checkout():
    entity = yaml.safe_load((ROOT / "catalog-info.yaml").read_text(encoding="utf-8"))
    assert entity["apiVersion"] == "backstage.io/v1alpha1" and entity["kind"] == "Component", entity
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entity["metadata"]["name"]), entity["metadata"]["name"]
    assert entity["metadata"]["annotations"]["backstage.io/techdocs-ref"] == "dir:.", (
        "catalog-info.yaml: backstage.io/techdocs-ref must be dir:. (the docs are this repository's, mkdocs.yml at its root)")
    assert {"type", "lifecycle", "owner"} <= set(entity["spec"]), "a Component needs spec.type, spec.lifecycle and spec.owner"


def test_the_techdocs_tools_are_pinned_exactly():
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements-techdocs.txt").read_text(encoding="utf-8").splitlines()]
    loose = [line for line in lines if line and not re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][\w.]*|\./markdown-extensions", line)]
    assert not loose, f"requirements-techdocs.txt: pin each package exactly (name==version): {loose}"
    pins = dict(line.split("==") for line in lines if "==" in line)
    assert pins["mkdocs-techdocs-core"] == "1.7.1" and pins["mkdocs"] == "1.6.1", pins
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", package["dependencies"]["@techdocs/cli"]), "package.json: pin @techdocs/cli exactly"


def test_the_build_command_refuses_without_an_address_or_into_the_sources(tmp_path):
    script = str(ROOT / "scripts" / "techdocs")
    no_url = subprocess.run([script, str(tmp_path / "out")], capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items() if k != "SITE_URL"})
    assert no_url.returncode == 2 and "set SITE_URL" in no_url.stderr, no_url.stderr
    into_docs = subprocess.run([script, str(ROOT / "docs")], capture_output=True, text=True,
                               env={**os.environ, "SITE_URL": "https://example.com/"})
    assert into_docs.returncode == 2 and "would overwrite the sources" in into_docs.stderr, into_docs.stderr


# --- The build a portal publishes (a copy of the portal_checkout, as a fresh clone) ----------


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """./scripts/techdocs OUT_DIR, run in a copy of the checkout."""
    root = portal_checkout(tmp_path_factory.mktemp("techdocs-checkout") / "checkout")
    out = tmp_path_factory.mktemp("techdocs-out") / "site"
    result = subprocess.run(["scripts/techdocs", str(out)], cwd=root, capture_output=True, text=True,
                            env={**os.environ, "SITE_URL": "https://dev-vs-eng.example.com/"})
    assert result.returncode == 0, result.stderr[-3000:]
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "the TechDocs build is not clean:\n" + "\n".join(warnings)
    return out


@pytest.mark.copies_checkout
def test_the_published_folder_has_every_page_and_the_metadata_the_portal_reads(published):
    metadata = json.loads((published / "techdocs_metadata.json").read_text(encoding="utf-8"))
    assert metadata["site_name"] == mkdocs_yml()["site_name"], metadata
    assert isinstance(metadata["build_timestamp"], int) and metadata["build_timestamp"] > 1_700_000_000_000, metadata
    files = sorted(p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file())
    assert metadata["files"] == files, "techdocs_metadata.json's files must list the build's files, as techdocs-cli generate does"
    for page in NAV_PAGES:
        soup = parsed(published / page / "index.html")
        article = soup.select_one("article")
        assert article.select_one("h1"), f"{page or 'home'}: no title"
        # What only the site's CSS lays out right is left out; the credits follow the page.
        assert not article.select(".print-address"), f"{page or 'home'}: the printed address line is in a TechDocs page"
        # techdocs-core numbers every code line unless the site says no (mkdocs.yml, pymdownx.highlight).
        assert not article.select(".linenos"), f"{page or 'home'}: code blocks with line numbers"
        credits = article.select_one(".site-credits")
        assert credits and "CC BY 4.0" in credits.get_text(), f"{page or 'home'}: no credits under the page"
        assert not soup.select("footer .site-credits"), f"{page or 'home'}: credits in the footer, which the reader pins over the page"
        canonical = soup.select_one("link[rel=canonical]")["href"]
        assert canonical == f"https://dev-vs-eng.example.com/{page}", canonical


# --- The note on the standalone site -----------------------------------------------------


@pytest.mark.parametrize("javascript", [True, False], ids=["scripts", "no-scripts"])
def test_on_the_standalone_site_the_note_shows_only_where_scripts_do_not_run(fresh_context, javascript):
    """With scripts the header switch links the views, so the note would be untrue: hidden from the first paint."""
    page = fresh_context(java_script_enabled=javascript).new_page()
    page.goto("article/")
    note = page.locator(NOTE)
    assert note.count() == 1, "the article has tab sets: the note belongs under its title"
    assert note.is_visible() != javascript, f"the note {'shows' if note.is_visible() else 'is hidden'} with JavaScript {'on' if javascript else 'off'}"
    assert page.locator(".view-switch").count() == (1 if javascript else 0)
    page.emulate_media(media="print")
    assert not note.is_visible(), "the note prints; on paper no tab set switches"


# --- In Backstage's reader --------------------------------------------------------------


@pytest.fixture(scope="module")
def portal(request, tmp_path_factory):
    """Backstage's reader on a copy of the checkout: the public site, or (param "org") with org.example.yml as org.yml."""
    kind = getattr(request, "param", "public")
    root = portal_checkout(tmp_path_factory.mktemp(f"portal-{kind}") / "checkout",
                    (ROOT / "org.example.yml").read_text(encoding="utf-8") if kind == "org" else None)
    if techdocs.port_in_use():
        pytest.fail(f"port {techdocs.PORT} is in use: techdocs-cli serve always serves Backstage's reader there. "
                    "Stop what listens on it (another techdocs-cli serve?) and run again.")
    with techdocs.reader(root, tmp_path_factory.mktemp("portal-log") / "techdocs-cli.log") as url:
        yield url


@pytest.fixture
def reader_page(browser):
    """A page in the reader, watched: requests only to the reader and its mkdocs server, no file that fails, no script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []

    def request(request):
        url = urlsplit(request.url)
        if url.scheme in ("http", "https") and url.hostname not in techdocs.HOSTS:
            problems.append(f"request to another host: {request.url}")

    def response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"failed to load: {response.status} {response.url}")

    context.on("request", request)
    context.on("response", response)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    yield page
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.copies_checkout
def test_every_page_renders_in_the_reader_with_its_note_and_credits(portal, reader_page, site):
    for name in NAV_PAGES:
        open_in_reader(reader_page, portal, name)
        title = parsed(site.path / name / "index.html").select_one("article h1").get_text(" ", strip=True).rstrip(" ¶")
        assert reader_page.locator(f"{ARTICLE} h1").first.inner_text().strip().rstrip(" ¶") == title, f"{name or 'home'}: not the page"
        scripts = reader_page.evaluate(f"() => ({techdocs.SHADOW})().shadowRoot.querySelectorAll('script').length")
        assert scripts == 0, f"{name or 'home'}: the reader ran {scripts} of the page's scripts; the note would be untrue"
        if parsed(site.path / name / "index.html").select(".tabbed-set"):
            note = reader_page.locator(f"{ARTICLE} {NOTE}")
            assert note.is_visible() and "?view=" in note.inner_text(), f"{name or 'home'}: no note on the tab sets under the title"
        credits = reader_page.locator(f"{ARTICLE} .site-credits")
        assert credits.is_visible() and "CC BY 4.0" in credits.inner_text(), f"{name or 'home'}: no credits under the page"
        assert not reader_page.locator(".print-address").count(), f"{name or 'home'}: the printed address line shows on screen"
        assert not reader_page.locator(".md-footer .site-credits").count(), f"{name or 'home'}: credits in the footer, which the reader pins over the page"


@pytest.mark.copies_checkout
def test_every_tab_set_switches_on_its_own(portal, reader_page, site):
    switched = 0
    for name in NAV_PAGES:
        sets = len(parsed(site.path / name / "index.html").select("article .tabbed-set"))
        if not sets:
            continue
        open_in_reader(reader_page, portal, name)
        tab_sets = reader_page.locator(f"{ARTICLE} .tabbed-set")
        assert tab_sets.count() == sets, f"{name or 'home'}: {tab_sets.count()} tab sets in the reader, {sets} on the site"
        for index in range(sets):
            tab_set = tab_sets.nth(index)
            blocks = tab_set.locator(":scope > .tabbed-content > .tabbed-block")
            assert blocks.nth(0).is_visible() and not blocks.nth(1).is_visible(), f"{name or 'home'}, set {index + 1}: does not open on Developer"
            tab_set.locator(":scope > .tabbed-labels > label").nth(1).click()
            assert blocks.nth(1).is_visible() and not blocks.nth(0).is_visible(), f"{name or 'home'}, set {index + 1}: Engineer does not show"
            others = [i for i in range(sets) if i != index
                      and tab_sets.nth(i).locator(":scope > .tabbed-content > .tabbed-block").nth(1).is_visible()]
            assert not others, f"{name or 'home'}, set {index + 1}: switched sets {others} too; the note says each switches on its own"
            tab_set.locator(":scope > .tabbed-labels > label").nth(0).click()
            switched += 1
    assert switched >= 7, f"only {switched} tab sets switched"


@pytest.mark.copies_checkout
def test_every_image_and_internal_link_works_in_the_reader(portal, reader_page, site):
    ids = {name: {tag["id"] for tag in parsed(site.path / name / "index.html").select("article [id]")} for name in NAV_PAGES}
    broken = []
    for name in NAV_PAGES:
        open_in_reader(reader_page, portal, name)
        pictures = reader_page.evaluate(f"""() => {{
          const root = ({techdocs.SHADOW})().shadowRoot.querySelector('article');
          return [...root.querySelectorAll('img')].map(i => [i.src, i.complete && i.naturalWidth > 0])
            .concat([...root.querySelectorAll('figure svg')].map((s, n) => ['figure ' + (n + 1), s.getBoundingClientRect().width > 0]));
        }}""")
        broken += [f"{name or 'home'}: {src} does not show" for src, shown in pictures if not shown]
        # The reader rewrites each link to the site's pages to an address of its own.
        links = reader_page.evaluate(f"""() => [...({techdocs.SHADOW})().shadowRoot.querySelectorAll('article a[href]')]
            .map(a => a.href).filter(h => h.startsWith('{techdocs.READER}'))""")
        for href in sorted(set(links)):
            url = urlsplit(href)
            target = url.path.removeprefix(urlsplit(techdocs.READER).path)
            if target not in ids:
                broken.append(f"{name or 'home'}: links to {href}, which is no page of the site")
            elif url.fragment and url.fragment not in ids[target]:
                broken.append(f"{name or 'home'}: links to {href}, whose #{url.fragment} is not on that page")
    # Following a link: the reader opens the page in place.
    open_in_reader(reader_page, portal, "")
    reader_page.locator(f"{ARTICLE} a[href^='{techdocs.READER}article/']").first.click()
    reader_page.wait_for_url(re.compile(r"/local/article/"))
    reader_page.locator(f"{ARTICLE} h1", has_text="The article").wait_for()
    assert not broken, "\n".join(broken)


@pytest.mark.copies_checkout
def test_the_self_check_offers_its_reading_by_hand(portal, reader_page):
    open_in_reader(reader_page, portal, "self-check/")
    by_hand = reader_page.locator(f"{ARTICLE} .self-check-by-hand")
    assert by_hand.is_visible() and "by hand" in by_hand.inner_text(), "no reading by hand in the reader"
    assert "portal" in by_hand.inner_text(), "the reading by hand must say it is for a portal too, where JavaScript is on"
    assert not reader_page.locator(f"{ARTICLE} .self-check-submit").is_visible(), "a button shows that no script will answer"
    readings = reader_page.locator(f"{ARTICLE} .self-check-result")
    assert readings.count() == 3 and all(readings.nth(i).is_visible() for i in range(3)), "the three readings must show"
    first = reader_page.locator(f"{ARTICLE} .self-check input[type=radio]").first
    first.check()
    assert first.is_checked()


@pytest.mark.copies_checkout
@pytest.mark.parametrize("portal", ["org"], indirect=True)
def test_an_organisations_file_shows_in_the_reader_as_on_the_standalone_site(portal, reader_page):
    name, contact = EXAMPLE["name"], EXAMPLE["contact"]
    open_in_reader(reader_page, portal, "")
    credits = reader_page.locator(f"{ARTICLE} .site-credits")
    assert name in credits.inner_text() and EXAMPLE["team"] in credits.inner_text(), credits.inner_text()
    assert credits.locator(f"a[href='{contact['url']}']").count(), "no contact link"
    assert "Suggest a change" not in credits.inner_text(), "the public feedback route shows beside the organisation's"
    open_in_reader(reader_page, portal, "roles/")
    heading = reader_page.locator(f"{ARTICLE} #at-your-organisation")
    assert heading.inner_text().startswith(f"At {name}"), heading.inner_text()
    rows = reader_page.locator(f"{ARTICLE} #at-your-organisation ~ .org-titles-table table").first.locator("tbody tr")
    assert [r.strip().split("\t") for r in rows.all_inner_texts()] == [
        [t["title"], t["role"], t["level"], t["view"]] for t in EXAMPLE["titles"]]
    open_in_reader(reader_page, portal, "start-here/")
    week = reader_page.locator(f"{ARTICLE} .tabbed-set").filter(has=reader_page.locator("li.task-list-item")).first
    assert EXAMPLE["first_week"]["Developer"][0] in week.inner_text(), "the organisation's first-week items are missing"
