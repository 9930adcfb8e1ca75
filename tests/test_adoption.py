"""What an organisation needs to adopt the site, on both engines.

- Every page says who keeps it, where to send a correction, under which
  licences it may be copied, and when a person last reviewed it (front matter
  `reviewed:`, shown in a <time> and on the printed page's address line).
- An organisation's org.yml (scripts/org.py) shows its name, team and contact
  in every footer and on paper, its titles on Roles and levels and its
  first-week items and links on Start here; bad input stops the build with a
  message naming the file and the key; without the file, no trace.
- The one-page handout prints on exactly one A4 and one US Letter sheet in
  each view, the organisation's items included.

The organisation's builds are made from a copy of the checkout with
org.example.yml copied to org.yml, one per engine.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

import org  # scripts/org.py
from conftest import ENGINES, ROOT, BuiltSite, both_engines
from support.a11y import axe_violations
from support.browser import print_media
from support.builds import content_pages, parsed, served_builds
from support.org_files import EXAMPLE, EXAMPLE_TEXT, broken, checkout_copy
from support.pages import credits_of, front_matter, reviewed_problem
from support.paper import printed_handout
from support.policy import published_headers
from support.views import panels, tab_set_under
from view_contract import VIEWS

DOCS_DIR = ROOT / "docs"
ORG_NAME = EXAMPLE["name"]  # Northwind Labs
# Traces an organisation's file leaves in a page; the public site has none.
ORG_TRACES = (ORG_NAME, "org-credit", "org-mark", "at-your-organisation")


# --- Reviewed dates -------------------------------------------------------------


def test_every_page_says_when_a_person_last_reviewed_it():
    today = datetime.date.today()
    problems = [reviewed_problem(f"docs/{p.name}", p.read_text(encoding="utf-8"), today) for p in sorted(DOCS_DIR.glob("*.md"))]
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("front, says", [
    ("description: x", "no `reviewed: YYYY-MM-DD`"),
    ("reviewed: 30/11/2026", "is not a date"),
    ("reviewed: 2026-13-01", "is not a date"),
    ("reviewed: 2999-01-01", "is in the future"),
])
def test_a_missing_malformed_or_future_date_is_named(front, says):
    problem = reviewed_problem("docs/x.md", f"---\n{front}\n---\n# X\n", datetime.date(2026, 12, 1))
    assert problem and problem.startswith("docs/x.md: ") and says in problem, problem


# --- Every page of the public site ------------------------------------------------


@both_engines
def test_every_page_names_its_maintainer_feedback_licences_and_reviewed_date(site):
    config = yaml.safe_load(re.sub(r"!\S+", "", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    pages = content_pages(site)
    assert len(pages) == len(list(DOCS_DIR.glob("*.md")))
    for name, soup in pages:
        credits = credits_of(soup)
        text = credits.get_text(" ", strip=True)
        assert f"Maintained by {config['extra']['maintainer']}" in text, f"{name}: {text}"
        links = {a.get_text(strip=True): a["href"] for a in credits.select("a")}
        assert links.get("CC BY 4.0") == "https://creativecommons.org/licenses/by/4.0/", f"{name}: {links}"
        assert links.get("MIT licence") == "https://opensource.org/license/mit", f"{name}: {links}"
        # No repository is set (mkdocs.yml, repo_url), so no page links to one: tests/test_trust.py.
        # The reviewed date: under the page, and on the printed address line.
        reviewed = str(front_matter((DOCS_DIR / name).read_text(encoding="utf-8"))["reviewed"])
        shown = soup.select_one(".page-reviewed time")
        assert shown and shown["datetime"] == reviewed and shown.get_text() == reviewed, f"{name}: {shown}"
        printed = soup.select_one(".print-address time")
        assert printed and printed["datetime"] == reviewed, f"{name}: the printed address line has no reviewed date"
        html = str(soup.body)  # the stylesheet in <head> names the classes
        assert not [t for t in ORG_TRACES if t in html], f"{name}: an organisation's trace without org.yml"
    # The repository link is a plain link: as Material's "source" component it
    # would ask the GitHub API for stars and forks, another host.
    assert 'data-md-component="source"' not in str(pages[0][1])


def test_licence_is_stated_in_the_repository_and_named_in_the_readme():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "CC BY 4.0" in licence and "creativecommons.org/licenses/by/4.0/legalcode" in licence
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "MIT" in readme and "CC BY 4.0" in readme and "[LICENSE](LICENSE)" in readme


# --- An organisation's file: bad input ---------------------------------------------


BAD_INPUT = {
    "unknown key": (lambda d: d.update(slogan="Ship it"), "org.yml line 52: slogan: unknown key"),
    "unknown nested key": (lambda d: d["titles"][0].update(band="L4"), "org.yml line 17: titles #1.band: unknown key"),
    "title's view": (lambda d: d["titles"][1].update(view="Manager"), "org.yml line 20: titles #2.view: 'Manager' is not a view; use Developer or Engineer"),
    "first week's view": (lambda d: d["first_week"].update(Designer=["x"]), "org.yml line 41: first_week.Designer: 'Designer' is not a view"),
    "http link": (lambda d: d["contact"].update(url="http://chat.example/x"), "org.yml line 5: contact.url: 'http://chat.example/x' is not an https:// or mailto: link, nor a path on this site's host; use https://"),
    "script link": (lambda d: d["links"]["Engineer"][0].update(url="javascript:alert(1)"), "org.yml line 49: links.Engineer #1.url: 'javascript:alert(1)' is not an https://"),
    "missing name": (lambda d: d.pop("name"), "org.yml: name: missing; it is required"),
    "missing contact url": (lambda d: d["contact"].pop("url"), "org.yml line 3: contact.url: missing; it is required"),
    "missing title's level": (lambda d: d["titles"][2].pop("level"), "org.yml line 21: titles #3.level: missing; it is required"),
}


@pytest.mark.parametrize("case", BAD_INPUT, ids=lambda c: c.replace(" ", "-").replace("'", ""))
def test_bad_input_stops_the_build_naming_the_file_and_the_key(case, tmp_path):
    """scripts/org.py prepare, the first step of every build path, exits non-zero with the message."""
    change, message = BAD_INPUT[case]
    (tmp_path / "org.yml").write_text(broken(change), encoding="utf-8")
    with pytest.raises(org.OrgError) as error:
        org.prepare(tmp_path)
    assert str(error.value).startswith(message), str(error.value)
    assert not (tmp_path / "includes").exists() and not (tmp_path / "overrides").exists(), "a bad file wrote pages' includes"


def test_both_build_commands_stop_on_a_bad_file_with_the_message(tmp_path):
    """The CLI that build scripts call first, and a plain `mkdocs build` (through hooks/org.py)."""
    root = checkout_copy(tmp_path / "checkout", broken(lambda d: d["titles"][0].update(view="Lead")))
    expected = "org.yml line 16: titles #1.view: 'Lead' is not a view; use Developer or Engineer (in any case)."
    cli = subprocess.run([sys.executable, "scripts/org.py", "prepare"], cwd=root, capture_output=True, text=True)
    assert cli.returncode != 0 and expected in cli.stderr, cli.stderr
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert mkdocs.returncode != 0 and expected in mkdocs.stderr, mkdocs.stderr[-2000:]


def test_without_org_yml_prepare_leaves_no_trace(tmp_path):
    root = checkout_copy(tmp_path / "checkout", EXAMPLE_TEXT)
    org.prepare(root)
    assert (root / "includes/org/org-roles.md").exists() and (root / "overrides/partials/org.html").exists()
    (root / "org.yml").unlink()
    assert org.prepare(root) is None
    assert not (root / "includes/org").exists() and not (root / "overrides/partials/org.html").exists()


# --- An organisation's file: both engines' builds -----------------------------------


@pytest.fixture(scope="session")
def org_sites(tmp_path_factory) -> dict[str, BuiltSite]:
    """Both engines' builds of a copy of the checkout with org.example.yml as org.yml, served.

    For the session: the run puts this module's browser tests after its other
    tests, and a module-scoped fixture would be built again for them."""
    root = checkout_copy(tmp_path_factory.mktemp("org-checkout") / "checkout", (ROOT / "org.example.yml").read_text(encoding="utf-8"))
    with served_builds(root, tmp_path_factory, published_headers()) as sites:
        yield sites


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_an_organisations_file_shows_in_every_footer_and_on_paper(org_sites, engine):
    built = org_sites[engine]
    contact = EXAMPLE["contact"]
    for name, soup in content_pages(built):
        credits = credits_of(soup).get_text(" ", strip=True)
        assert ORG_NAME in credits and EXAMPLE["team"] in credits and contact["label"] in credits, f"{name}: {credits}"
        assert "Maintained by" not in credits and "Suggest a change" not in credits, f"{name}: the public route is still there"
        assert soup.select_one(f'footer .site-credits a[href="{contact["url"]}"]'), f"{name}: no contact link"
        assert soup.select_one(f'.print-address .org-credit a[href="{contact["url"]}"]'), f"{name}: not on paper"
        actions = soup.select("a.md-content__button")
        assert all(a.has_attr("hidden") for a in actions), f"{name}: the public repository's page actions show"
        # The copy's own repository and feedback route, and what it changed, beside the credit to the original.
        assert soup.select_one(f'footer .site-credits a[href="{EXAMPLE["repository"]}"]'), f"{name}: no link to the copy's repository"
        assert soup.select_one(f'footer .site-credits a[href="{EXAMPLE["feedback"]["url"]}"]'), f"{name}: no feedback link"
        assert f"Changed by {ORG_NAME} from the original: {EXAMPLE['changes']}" in credits, f"{name}: {credits}"
        assert "Based on Developer vs. Engineer by its contributors" in credits, f"{name}: {credits}"


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_an_organisations_titles_show_on_roles_and_levels(org_sites, engine):
    soup = BeautifulSoup((org_sites[engine].path / "roles/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(id="at-your-organisation")
    assert heading and heading.get_text(strip=True).startswith(f"At {ORG_NAME}"), heading
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in heading.find_next("table").select("tbody tr")]
    assert rows == [[t["title"], t["role"], t["level"], t["view"]] for t in EXAMPLE["titles"]], rows


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_an_organisations_first_week_items_and_links_show_on_start_here_and_the_handout(org_sites, engine):
    for page, links_too in (("start-here", True), ("handout", False)):
        soup = BeautifulSoup((org_sites[engine].path / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        heading = "your-first-week" if page == "start-here" else "first-week-checklist"
        for view, panel in panels(tab_set_under(soup, heading)).items():
            items = [li.get_text(" ", strip=True) for li in panel.select("li.task-list-item")]
            ours = EXAMPLE["first_week"][view]
            assert items[-len(ours):] == ours, f"{page}, {view}: {items}"  # below the site's own list
            mark = panel.select_one(".org-mark")
            assert mark and ORG_NAME in mark.get_text(), f"{page}, {view}: the organisation's items are not marked"
            site_list = panel.select("ul.task-list")[0]
            assert not [i for i in ours if i in site_list.get_text()], f"{page}, {view}: mixed into the site's list"
            hrefs = [a["href"] for a in panel.select("a")]
            for link in EXAMPLE["links"][view]:
                assert (link["url"] in hrefs) == links_too, f"{page}, {view}: {link['url']} in {hrefs}"


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_an_organisations_pages_pass_axe_and_the_policy(org_sites, engine, fresh_context, pytestconfig):
    built = org_sites[engine]
    # The organisation's pages and footer, for a person to look at: ./scripts/test --screenshots.
    screenshots = pytestconfig.getoption("screenshots")
    (ROOT / "screenshots").mkdir(exist_ok=True)
    found: list[str] = []
    for scheme, width in (("light", 1280), ("dark", 1280), ("light", 390)):
        context = fresh_context(base_url=built.url, color_scheme=scheme, viewport={"width": width, "height": 900})
        context.on("console", lambda m: found.append(f"{m.page.url if m.page else '?'}: {m.text}")
                   if "Content Security Policy" in m.text else None)
        page = context.new_page()
        paths = [name.removesuffix(".md").removesuffix("index") + ("/" if name != "index.md" else "")
                 for name, _ in content_pages(built)] if width == 1280 and scheme == "light" else ["roles/", "start-here/", "handout/"]
        for path in paths:
            page.goto(path)
            if path in ("roles/", "start-here/", "handout/", ""):
                for violation in axe_violations(page):
                    found.append(f"{path} ({scheme}, {width}px): axe {violation['id']}: "
                                 + ", ".join(str(n["target"]) for n in violation["nodes"][:3]))
            if not screenshots or path != "roles/":
                continue
            if width == 1280:
                page.screenshot(path=str(ROOT / f"screenshots/adoption-{engine}-roles-{scheme}.png"), full_page=True)
                page.locator("footer").screenshot(path=str(ROOT / f"screenshots/adoption-{engine}-footer-{scheme}.png"))
            else:
                page.locator("footer").screenshot(path=str(ROOT / f"screenshots/adoption-{engine}-footer-phone.png"))
        context.close()
    assert not found, "\n".join(found)


# --- The handout on paper -------------------------------------------------------------

SHEETS = ("A4", "Letter")


@pytest.mark.parametrize("view", VIEWS)
def test_the_handout_prints_on_one_sheet_in_each_view_with_address_and_date(site, fresh_context, view):
    context = fresh_context()
    reviewed = str(front_matter((DOCS_DIR / "handout.md").read_text(encoding="utf-8"))["reviewed"])
    for sheet in SHEETS:
        count, line = printed_handout(context, view, sheet)
        assert count == 1, f"handout/?view={view.lower()} prints on {count} {sheet} pages, not one"
        assert f"Last reviewed {reviewed}." in line and f"{site.url}handout/?view={view.lower()}" in line, line


@pytest.mark.copies_checkout
@pytest.mark.parametrize("view", VIEWS)
def test_the_handout_with_an_organisations_items_still_prints_on_one_sheet(org_sites, fresh_context, view):
    built = org_sites["mkdocs"]
    context = fresh_context(base_url=built.url)
    for sheet in SHEETS:
        count, line = printed_handout(context, view, sheet)
        assert count == 1, f"with org.yml, handout/?view={view.lower()} prints on {count} {sheet} pages, not one"
        assert ORG_NAME in line, line
        if sheet == "A4":
            page = context.new_page()
            page.goto(f"handout/?view={view.lower()}")
            print_media(page)
            (ROOT / "screenshots").mkdir(exist_ok=True)
            page.pdf(path=str(ROOT / f"screenshots/handout-{view.lower()}-{sheet}.pdf"), format=sheet)
            page.close()


@pytest.mark.parametrize("page_name", ["start-here", "linking"])
def test_start_here_and_the_linking_page_link_the_handout(site, page_name):
    soup = parsed(site.path / page_name / "index.html")
    assert soup.select_one(".md-content a[href$='handout/']"), f"{page_name}/ has no link to the handout"
