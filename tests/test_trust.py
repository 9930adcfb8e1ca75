"""Trusted as your own: a real owner or none, credit that travels, any address.

- Any address: a build for an address the policy's hashes were never
  computed for has no Content-Security-Policy violation on any page, the 404
  page included, on both engines; a plain `mkdocs build` without SITE_URL
  stops, naming it, while `mkdocs serve` needs none.
- No placeholder owner: without a repository set, no page links to one; a
  placeholder repository or contact stops ./scripts/build.
- Credit that travels: every footer and printout credits the original and its
  licences; a copy's footer says what it changed; every footer links the
  dated changelog.
- ML/AI hires: ready links for model work, and a model-work handout on one sheet.
- Phone: the roles and titles tables read whole at 390 px; code keeps its
  lines; copy buttons show on touch screens; the home page's first screen.
"""

from __future__ import annotations

import datetime
import html
import importlib.util
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

import org  # scripts/org.py: an organisation's file, and what a published build must not carry
from conftest import ENGINES, NAV_PAGES, ROOT, BuiltSite, build_site, free_port
from support.browser import PHONE, print_media
from support.checkout import copy_tracked_checkout
from support.org_files import checkout_with, with_repo
from support.paper import pdftotext
from support.policy import published_headers
from support.servers import static_host

# Two addresses no hash in mkdocs.yml was computed for: a sub-path two folders
# deep on another host, and one three folders deep on a plain-http intranet.
ADDRESSES = ("https://docs.example.com/team-a/dev-vs-eng/", "http://intranet.example:8080/eng/wiki/dev-vs-eng/")


# --- Any address ----------------------------------------------------------------------


@pytest.fixture(scope="module", params=[(e, a) for e in ENGINES for a in ADDRESSES],
                ids=lambda p: f"{p[0]}-{urlsplit(p[1]).hostname}")
def elsewhere(request, tmp_path_factory) -> Iterator[BuiltSite]:
    """The site built for one of ADDRESSES, served here under that address's path, with the policy as a header."""
    engine, address = request.param
    path = urlsplit(address).path
    host = tmp_path_factory.mktemp(f"host-{engine}")
    dest = host / path.strip("/")
    log = build_site(engine, dest, address)
    port = free_port()
    server = static_host(host, port, dest / "404.html", published_headers())
    yield BuiltSite(path=dest, url=f"http://127.0.0.1:{port}{path}", log=log, engine=engine)
    server.shutdown()


def test_a_build_for_any_address_has_no_policy_violation_404_included(elsewhere, fresh_context):
    built = elsewhere
    context = fresh_context(base_url=built.url)
    violations: list[str] = []
    context.on("console", lambda m: violations.append(f"{m.page.url if m.page else '?'}: {m.text}")
               if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)
    page = context.new_page()
    site_path = urlsplit(built.url).path
    for path in [*NAV_PAGES, "no-such-page/", "a/b/c/cut-short"]:
        response = page.goto(path)
        assert response.status == (200 if path in NAV_PAGES else 404), f"{path}: {response.status}"
        # Material's head script ran and scopes storage to the site's own path, on the 404 page too.
        scope = page.evaluate("typeof __md_scope === 'object' ? __md_scope.pathname : null")
        assert scope == site_path, f"{built.engine} {path}: Material's storage scope is {scope!r}, not {site_path!r}"
    page.close()
    assert not violations, f"{built.engine} built for another address breaks its own policy:\n" + "\n".join(violations)


def test_without_site_url_the_build_hook_names_it_and_the_local_address(monkeypatch, capsys):
    """What a plain `mkdocs build` without SITE_URL prints, from mkdocs.yml and hooks/site_url.py
    (the whole build, in the full run below, is a site build more than the fast layer makes)."""
    from mkdocs.config import load_config
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.chdir(ROOT)
    spec = importlib.util.spec_from_file_location("site_url_hook", ROOT / "hooks" / "site_url.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    hook.on_startup(command="build", dirty=False)
    hook.on_config(load_config(str(ROOT / "mkdocs.yml")))
    assert "SITE_URL is not set, so this build's links point to http://127.0.0.1:8000/" in capsys.readouterr().err


@pytest.mark.full_run
def test_a_plain_mkdocs_build_without_site_url_warns_naming_it(tmp_path):
    """It builds (a contributor's local strict build passes) and says, naming SITE_URL, that its links are local."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-1500:]
    assert "SITE_URL is not set, so this build's links point to http://127.0.0.1:8000/" in result.stderr, result.stderr[-1500:]
    assert "Traceback" not in result.stderr


@pytest.mark.copies_checkout
def test_mkdocs_serve_needs_no_site_url():
    """What ./scripts/serve runs: it serves the site without SITE_URL."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, env={**env, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        body = ""
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "<title>Developer vs. Engineer</title>" in body, (
            f"mkdocs serve without SITE_URL served no home page: {server.stderr.read()[-1500:] if server.poll() is not None else body[:200]}")
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- No placeholder owner -------------------------------------------------------------

REPOSITORY_HOSTS = ("github.com", "gitlab.com", "bitbucket.org")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_build_without_a_repository_links_to_none(builds, engine):
    """mkdocs.yml sets no repo_url: no header link, no edit or view buttons, no "Suggest a change", no licence in a repository."""
    built = builds.get(engine)
    for file, soup in built.theme_pages():
        where = f"{engine} {file.relative_to(built.path)}"
        # The site's own links (header, navigation, footer, page actions, the credit), not the pages' citations.
        own = soup.select("header a[href], nav a[href], footer a[href], .md-content__button, .print-credit a[href]")
        into_repo = [a["href"] for a in own if any(host in a["href"] for host in REPOSITORY_HOSTS)]
        into_repo += [a["href"] for a in soup.select("a[href*='dev-vs-eng/dev-vs-eng']")]
        assert not into_repo, f"{where}: links into a repository no one set: {into_repo}"
        assert not soup.select(".md-source, a.md-content__button"), f"{where}: a repository link or page action"
        credits = soup.select_one("footer .site-credits")
        assert credits and "Suggest a change" not in credits.get_text(), f"{where}: {credits}"
        assert "Maintained by" in credits.get_text(), f"{where}: the footer no longer names who keeps the site"


def test_the_checkout_as_it_is_has_no_placeholder():
    assert org.publish_problems(ROOT) == []


@pytest.mark.parametrize("url", ["https://github.com/dev-vs-eng/dev-vs-eng", "https://git.example.com/team/site"])
def test_a_placeholder_repository_in_mkdocs_yml_is_refused(tmp_path, url):
    problems = org.publish_problems(checkout_with(tmp_path, mkdocs_yml=with_repo(url)))
    assert len(problems) == 1 and problems[0].startswith(f"mkdocs.yml: repo_url: {url!r} is a placeholder"), problems


def test_a_real_repository_in_mkdocs_yml_is_accepted(tmp_path):
    assert org.publish_problems(checkout_with(tmp_path, mkdocs_yml=with_repo("https://github.com/acme/dev-vs-eng"))) == []


def test_org_example_yml_copied_as_it_is_is_refused_naming_each_key(tmp_path):
    problems = org.publish_problems(checkout_with(tmp_path, org_yml=(ROOT / "org.example.yml").read_text(encoding="utf-8")))
    keys = [p.split(": ")[1] for p in problems]
    assert {"repository", "contact.url", "feedback.url", "links.Developer[0].url"} <= set(keys), problems
    assert all(p.startswith("org.yml: ") and "placeholder" in p for p in problems), problems


@pytest.mark.copies_checkout
def test_scripts_build_refuses_a_placeholder_before_building(tmp_path):
    copy = copy_tracked_checkout(tmp_path / "checkout")
    (copy / "mkdocs.yml").write_text(with_repo("https://github.com/dev-vs-eng/dev-vs-eng"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "ENGINE"}
    result = subprocess.run(["./scripts/build", str(tmp_path / "out")], cwd=copy, capture_output=True, text=True,
                            env={**env, "SITE_URL": "https://docs.acme.test.invalid/"})
    assert result.returncode != 0, result.stderr[-1500:]
    assert "mkdocs.yml: repo_url: 'https://github.com/dev-vs-eng/dev-vs-eng' is a placeholder" in result.stderr, result.stderr[-1500:]
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_an_organisations_repository_feedback_and_changes_are_its_own_line():
    data = yaml.safe_load((ROOT / "org.example.yml").read_text(encoding="utf-8"))
    line = html.unescape(org.render(org.check(data))["org.html"])
    assert f'<a href="{data["repository"]}">' in line and f'<a href="{data["feedback"]["url"]}">' in line, line
    assert f"Changed by {data['name']} from the original: {data['changes']}" in line, line
    for key in ("repository", "feedback", "changes"):
        data.pop(key)
    bare = org.render(org.check(data))["org.html"]
    assert "Source:" not in bare and "Changed by" not in bare and f"Questions and corrections: <a href=\"{data['contact']['url']}\">" in bare, bare


@pytest.mark.parametrize("change, message", [
    ({"repository": "http://git.acme/x"}, "org.yml: repository: 'http://git.acme/x' is not an https:// or mailto: link"),
    ({"repository": "/git/x"}, "org.yml: repository: '/git/x' is not an https:// address"),
    ({"feedback": {"label": "Tracker"}}, "org.yml: feedback.url: missing; it is required."),
    ({"changes": {"a": 1}}, "org.yml: changes: must be text."),
    ({"changes": ["Ok", ["nested"]]}, "org.yml: changes #2: must be text."),
])
def test_a_bad_repository_feedback_or_changes_is_named(change, message):
    data = {**yaml.safe_load((ROOT / "org.example.yml").read_text(encoding="utf-8")), **change}
    with pytest.raises(org.OrgError) as error:
        org.check(data, "org.yml")
    assert str(error.value).startswith(message), str(error.value)


def test_a_page_may_name_its_owner_beside_its_reviewed_date(site):
    shown = site.soup("changelog/").select_one(".page-reviewed")
    assert shown and "Kept by the Developer vs. Engineer maintainers" in shown.get_text(" ", strip=True), shown


# --- Credit that travels, and the changelog ----------------------------------------------

CREDIT = "Developer vs. Engineer by its contributors: text under CC BY 4.0, code under the MIT licence."


@pytest.mark.parametrize("engine", ENGINES)
def test_every_footer_credits_the_original_and_links_the_changelog(builds, engine):
    built = builds.get(engine)
    changelog = built.path / "changelog" / "index.html"
    assert changelog.is_file(), f"{engine}: no changelog page"
    for file, soup in built.theme_pages():
        where = f"{engine} {file.relative_to(built.path)}"
        footer = soup.select_one("footer .site-credits")
        assert footer and CREDIT in " ".join(footer.get_text(" ").split()).replace(" :", ":").replace(" .", ".").replace(" ,", ","), f"{where}: {footer}"
        link = footer.select_one("a.site-changelog")
        assert link, f"{where}: the footer does not link the changelog"
        target = urljoin(built.url + file.relative_to(built.path).as_posix(), link["href"])
        assert target == built.url + "changelog/", f"{where}: the changelog link goes to {target}"


def test_the_changelog_is_dated_newest_first_and_names_the_pages_each_entry_touched(site):
    soup = site.soup("changelog/")
    dates = [h2 for h2 in soup.select("article h2") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", h2.get_text(strip=True).rstrip("¶"))]
    assert len(dates) >= 3, "fewer than three dated entries"
    days = [datetime.date.fromisoformat(h2.get_text(strip=True).rstrip("¶")) for h2 in dates]
    assert days == sorted(days, reverse=True) and days[0] <= datetime.date.today(), days
    pages = {p.rstrip("/") for p in NAV_PAGES}
    for h2 in dates:
        entries = h2.find_next_sibling("ul").select(":scope > li")
        assert entries, f"{h2.get_text()}: no entries"
        for li in entries:
            named = [a["href"] for a in li.select("a[href]") if a["href"].startswith("../")]
            assert named or li.get_text().startswith("Every page"), f"{h2.get_text()}: an entry names no page: {li.get_text()}"
            for href in named:
                assert href.removeprefix("../").split("#")[0].rstrip("/") in pages, f"{href}: not a page of the site"


PRINTOUTS = [("article/", "developer"), ("handoff/", "engineer"), ("handout/", "developer"), ("handout/", "engineer"),
             ("handout-model-work/", "developer"), ("handout-model-work/", "engineer")]


@pytest.mark.parametrize("path,view", PRINTOUTS)
def test_every_printout_credits_the_original_and_its_licence(fresh_context, tmp_path, path, view):
    page = fresh_context().new_page()
    page.goto(f"{path}?view={view}")
    print_media(page)
    pdf = tmp_path / "out.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = re.sub(r" <[^>]*>", "", " ".join(" ".join(pdftotext(pdf, "-raw")).split()))  # without the links' printed addresses
    assert CREDIT in text, f"{path}?view={view}: the printout does not credit the original: {text[:600]}"


# --- ML/AI hires served -------------------------------------------------------------------


def test_the_linking_page_has_ready_links_for_model_work_in_both_views(site):
    soup = site.soup("linking/")
    heading = soup.find(id="linking-for-model-work")
    assert heading, "linking/: no section for model work"
    panels = heading.find_next(class_="tabbed-set").select(":scope > .tabbed-content > .tabbed-block")
    assert len(panels) == 2
    for view, panel in zip(("developer", "engineer"), panels):
        links = [code.get_text(strip=True) for code in panel.select("pre code")]
        for wanted in (f"start-here/?view={view}#reading-path-for-model-work", f"ai-examples/?view={view}",
                       f"handout-model-work/?view={view}"):
            assert site.url + wanted in links, f"linking/ {view}: no ready link to {wanted}: {links}"


def test_each_ai_examples_link_of_the_audience_tabs_is_introduced(site):
    """The Engineer tab introduces its AI-examples link as the Developer tab does."""
    heading = site.soup("linking/").find(id="linking-for-each-audience")
    for panel in heading.find_next(class_="tabbed-set").select(":scope > .tabbed-content > .tabbed-block"):
        for block in panel.select(".highlight"):
            if "ai-examples/" in block.get_text():
                before = block.find_previous_sibling("p")
                assert before and "AI examples" in before.get_text(), f"an AI-examples link follows {before}"


@pytest.mark.parametrize("view", ["Developer", "Engineer"])
def test_the_model_work_handout_prints_on_one_sheet(fresh_context, view):
    context = fresh_context()
    for sheet in ("A4", "Letter"):
        page = context.new_page()
        page.goto(f"handout-model-work/?view={view.lower()}")
        print_media(page)
        pdf = page.pdf(format=sheet, print_background=False)
        page.close()
        count = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert count == 1, f"handout-model-work/?view={view.lower()} prints on {count} {sheet} pages, not one"


@pytest.mark.parametrize("path", ["handout/", "handout-model-work/"])
def test_a_handout_gives_each_page_a_short_address_to_type(site, fresh_context, tmp_path, path):
    page = fresh_context().new_page()
    page.goto(f"{path}?view=engineer")
    print_media(page)
    shorts = page.evaluate("[...document.querySelectorAll('.md-content article a[data-print-short]')].map(a => a.dataset.printShort)")
    assert "article/?view=engineer" in shorts and "ai-examples/?view=engineer" in shorts, shorts
    pdf = tmp_path / "out.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = " ".join(" ".join(pdftotext(pdf, "-raw")).split())
    assert "(article/?view=engineer)" in text and site.url in text, text[:800]


# --- Phone ------------------------------------------------------------------------------------

CELLS = """(selector) => {
  const table = document.querySelector(selector + ' table');
  const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
  return [...table.querySelectorAll('tbody tr')].flatMap(tr => [...tr.children].map((td, i) => {
    const r = td.getBoundingClientRect();
    const label = getComputedStyle(td, '::before').content;
    return {text: td.textContent.trim().slice(0, 40), column: heads[i], left: r.left, right: r.right,
            clipped: td.scrollWidth > td.clientWidth + 1, label: i === 0 ? null : label.replace(/^"|"$/g, '')};
  }));
}"""


def assert_cells_read_whole(page, selector: str, width: int) -> None:
    cells = page.evaluate(CELLS, selector)
    assert cells, f"{selector}: no cells"
    cut = [c for c in cells if c["left"] < 0 or c["right"] > width or c["clipped"]]
    assert not cut, f"{selector}: cells not whole on a {width} px screen: {cut[:3]}"
    unlabelled = [c for c in cells if c["label"] is not None and c["label"] != c["column"]]
    assert not unlabelled, f"{selector}: a stacked cell's label is not its column's header (stacked-tables.css): {unlabelled[:3]}"


def test_every_cell_of_the_roles_table_reads_whole_on_a_phone(fresh_context):
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("roles/")
    assert_cells_read_whole(page, ".roles-table", PHONE["width"])


def test_the_organisations_titles_table_reads_whole_on_a_phone(fresh_context):
    """The table scripts/org.py writes, put on the roles page as a build with org.yml has it."""
    data = yaml.safe_load((ROOT / "org.example.yml").read_text(encoding="utf-8"))
    markdown = org.render(org.check(data))["org-roles.md"]
    rows = "".join("<tr>" + "".join(f"<td>{cell.strip()}</td>" for cell in line.strip("|").split("|")) + "</tr>"
                   for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| Title at"))
    heads = "".join(f"<th>{h.strip()}</th>" for h in re.search(r"^\| (Title at .*) \|$", markdown, re.M)[1].split(" | "))
    assert 'class="org-titles-table"' in markdown
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("roles/")
    page.evaluate("""([heads, rows]) => {
      const div = document.createElement('div');
      div.className = 'org-titles-table';
      div.innerHTML = '<table><thead><tr>' + heads + '</tr></thead><tbody>' + rows + '</tbody></table>';
      document.querySelector('.md-content article').append(div);
    }""", [heads, rows])
    assert_cells_read_whole(page, ".org-titles-table", PHONE["width"])


def test_code_keeps_its_lines_while_addresses_wrap_on_a_phone(fresh_context):
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("ai-examples/")
    python = page.evaluate("getComputedStyle(document.querySelector('.language-python pre > code')).whiteSpace")
    assert python == "pre", f"Python code wraps on a phone (white-space: {python}), losing its indentation"
    page.goto("linking/")
    address = page.evaluate("getComputedStyle(document.querySelector('.link-table .highlight pre > code')).whiteSpace")
    assert address == "pre-wrap", address


def test_copy_buttons_show_without_hover_on_a_touch_screen(fresh_context):
    colour = "getComputedStyle(document.querySelector('.md-code__button')).color"
    page = fresh_context(viewport=PHONE, has_touch=True).new_page()
    page.goto("linking/")
    assert page.evaluate("matchMedia('(hover: none)').matches")
    alpha = float(page.evaluate(colour).rstrip(")").split(",")[-1])
    assert alpha >= 0.5, f"a copy button on a touch screen is drawn at {alpha} opacity until hovered, which a finger cannot do"


def test_the_home_page_names_the_three_kinds_of_hire_right_under_its_title(fresh_context):
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("")
    box = page.evaluate("""() => {
      const h1 = document.querySelector('.md-content h1').getBoundingClientRect();
      const lead = document.querySelector('.md-content .home-lead');
      const r = lead.getBoundingClientRect();
      return {gap: r.top - h1.bottom, bottom: r.bottom, text: lead.textContent};
    }""")
    assert box["gap"] <= 24, f"an empty band of {box['gap']:.0f} px under the home page's title"
    assert box["bottom"] <= PHONE["height"], "the lead paragraph is not on the first screen"
    for kind in ("features and prototypes", "systems running in production", "models"):
        assert kind in box["text"], f"the first screen does not name {kind!r}: {box['text']}"


# --- Smaller --------------------------------------------------------------------------------


def test_the_handoff_checklist_prints_with_fields_for_the_service_date_and_attendees(fresh_context, tmp_path):
    page = fresh_context().new_page()
    page.goto("handoff/")
    print_media(page)
    pdf = tmp_path / "handoff.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    first = " ".join(pdftotext(pdf, "-raw")[0].split())
    for field in ("Service or model", "Date", "Who attended"):
        assert field in first, f"the printed handoff has no {field!r} field on its first sheet"


@pytest.mark.parametrize("file, stale", [("docs/linking.md", "numbers beside code lines"),
                                         ("editorial/url-contract.txt", "plugins > redirects")])
def test_stale_text_is_gone(file, stale):
    assert stale not in (ROOT / file).read_text(encoding="utf-8"), f"{file} still says {stale!r}"
