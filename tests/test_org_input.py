"""An organisation's org.yml is harmless whatever it holds, and forgives what people type.

scripts/org.py reads the file a lead edits. Whatever it holds, the result is
one of two things:

- a build whose pages show every value as the text it is: a link is
  `https://host/...`, `mailto:...` or a path on the site's host, exactly as
  written, and no label or name becomes markup (a heading, a rule, a code
  block, a tab set, a link, an image, HTML) in the Markdown snippets, the
  roles table or the footer's template;
- one line naming org.yml, the line in it, the key (list positions counted
  from 1) and the fix, never a traceback, and never more than a short excerpt
  of a value.

What people type by habit is read as meant: a view in any case, a `mailto:`
contact, a level in any case; a role is checked against the site's roles,
with the closest one suggested; a value YAML took for a comment gets a hint
to quote it. The handout's one printed page holds: too many items for it is
refused at build time (scripts/org.py, HANDOUT_ROOM), and a handout at that
limit prints on one A4 and one Letter sheet. `mkdocs serve` (./scripts/serve)
rebuilds when org.yml changes.

The first tests call scripts/org.py directly; the last build a copy of the
checkout with a hostile org.yml on both engines and open it in Chromium with
the Content-Security-Policy on and bypassed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup

import org  # scripts/org.py
from conftest import ENGINES, ROOT, BuiltSite, build_site, free_port, serve
from support.browser import PHONE, print_media
from support.builds import served_builds
from support.checkout import copy_tracked_checkout
from support.config import site_markdown
from support.org_files import handout_org, hostile_org, items, org_file, refusal
from support.servers import fetch, poll_until
from view_contract import VIEWS

# A valid file whose contact URL is on line 5 and whose second link is on line 14.
GOOD = """\
name: Northwind Labs
team: Developer Experience
contact:
  label: "#dev-onboarding"
  url: {url}
titles:
  - {{title: Software Engineer I, role: Software engineer, level: First job, view: Developer}}
first_week:
  Developer:
    - Book the walkthrough with your buddy.
links:
  Engineer:
    - {{label: Runbooks, url: "https://wiki.example/runbooks"}}
    - {{label: On call, url: {url}}}
"""


def with_url(url: str) -> str:
    # json.dumps writes a double-quoted YAML string: every escape (\t, \n, \u0001) means the same in both.
    return GOOD.format(url=json.dumps(url))


# --- Links: https, mailto or a path on the site, exactly as written --------------------

REFUSED_LINKS = {
    "javascript": "javascript:alert(1)",
    "javascript-any-case": "JaVaScRiPt:alert(1)",
    "tab-in-scheme": "java\tscript:alert(1)",
    "newline-in-scheme": "java\nscript:alert(1)",
    "carriage-return-in-scheme": "java\rscript:alert(1)",
    "control-before-scheme": "\x01javascript:alert(1)",
    "nul-in-scheme": "java\x00script:alert(1)",
    "leading-space": " javascript:alert(1)",
    "data": "data:text/html,<script>alert(1)</script>",
    "vbscript": "vbscript:msgbox(1)",
    "http": "http://chat.example/x",
    "protocol-relative": "//evil.example/x",
    "backslashes": "\\\\evil.example\\x",
    "slash-backslash": "/\\evil.example/x",
    "backslash-in-host": "https://good.example\\@evil.example/",
    "space-host": "https:// /",
    "no-host": "https://",
    "empty-host": "https:///path",
    "credentials": "https://good.example@evil.example/",
    "space-in-path": "https://wiki.example/a b",
    "zero-width-space": "https://wiki.example/\u200bx",
    "right-to-left-override": "https://wiki.example/\u202ex",
    "mailto-no-address": "mailto:",
    "angle-brackets": "/x<img src=x onerror=alert(1)>",
    "quote": '/x" onmouseover="alert(1)',
}


@pytest.mark.parametrize("url", REFUSED_LINKS.values(), ids=REFUSED_LINKS.keys())
def test_a_link_that_is_not_https_mailto_or_a_site_path_is_refused_naming_key_and_line(tmp_path, url):
    message = refusal(org_file(tmp_path, with_url(url)))
    assert message.startswith("org.yml line 5: contact.url: "), message


def test_a_refused_link_in_a_list_names_its_position_from_1_and_its_line(tmp_path):
    text = GOOD.format(url='"https://wiki.example/x"')
    text = text[:text.rindex("url:")] + 'url: "//evil.example"}\n'
    message = refusal(org_file(tmp_path, text))
    assert message.startswith("org.yml line 14: links.Engineer #2.url: '//evil.example' reads as another host"), message


ACCEPTED_LINKS = ["https://chat.example/channels/dev", "HTTPS://Chat.Example:8443/a?b=1&c=2#d", "mailto:team@example.com",
                  "mailto:dev-onboarding@example.co.uk?subject=Onboarding", "/handbook/feature-flags/", "../wiki/page",
                  "https://wiki.example/Title_(disambiguation)", "https://wiki.münchen.example/seite"]


@pytest.mark.parametrize("url", ACCEPTED_LINKS)
def test_a_link_that_is_https_mailto_or_a_site_path_is_kept_as_written(tmp_path, url):
    loaded = org.load(org_file(tmp_path, with_url(url)))
    assert loaded["contact"]["url"] == url
    assert loaded["links"]["Engineer"][1]["url"] == url


# --- Text is text: no markup from any value --------------------------------------------

HOSTILE_TEXT = {
    "link": "[click](javascript:alert(1))",
    "image": "![x](https://evil.example/x.png)",
    "html": "<img src=x onerror=alert(1)>",
    "heading": "# Heading",
    "rule": "---",
    "code-fence": "```python",
    "inline-code": "`code`",
    "tab-set": '=== "Engineer"',
    "table-pipe": "a | b | c",
    "emphasis": "*strong* _em_ **bold**",
    "attribute-list": "text { #id .class onclick=alert(1) }",
    "template": "{{ config.site_url }} {% include 'x' %} {# c #}",
    "snippet": '--8<-- "mkdocs.yml"',
    "bare-address": "www.evil.example and https://evil.example/x",
    "emoji-shortcode": ":smile: :material-github:",
    "entity": "&lt;script&gt; &amp;",
    "backslash": "a \\ b \\[c\\]",
    "abbreviation-definition": "*[HTML]: evil",
    "footnote": "[^1]",
    "autolink": "<https://evil.example>",
}


@pytest.mark.parametrize("value", HOSTILE_TEXT.values(), ids=HOSTILE_TEXT.keys())
def test_no_value_becomes_markup_in_the_snippets_or_the_footer(value, monkeypatch):
    monkeypatch.chdir(ROOT)  # snippets' base_path is relative to the checkout
    files = org.render(hostile_org(value))
    md = site_markdown()
    html = {name: md.reset().convert(files[name]) for name in ("org-roles.md", "org-first-week-developer.md", "org-links-engineer.md")}
    html["org.html"] = jinja2.Environment().from_string(files["org.html"]).render()
    expected_tags = {
        # The titles table sits in a div that stacks it on phones (stacked-tables.css).
        "org-roles.md": ["h2", "a", "p", "div", "table", "thead", "tr", "th", "th", "th", "th", "tbody", "tr", "td", "td", "td", "td"],
        "org-first-week-developer.md": ["p", "ul", "li", "label", "input", "span"],
        "org-links-engineer.md": ["p", "ul", "li", "a"],
        "org.html": ["span", "strong", "a"],
    }
    for name, text in html.items():
        soup = BeautifulSoup(text, "html.parser")
        tags = [el.name for el in soup.find_all(True)]
        assert tags == expected_tags[name], f"{name}: {value!r} made elements {tags}:\n{text}"
        assert value in soup.get_text(), f"{name}: {value!r} is not shown as written:\n{soup.get_text()}"
        hrefs = [a["href"] for a in soup.find_all("a")]
        assert all(h in ("#at-your-organisation", "/contact/", "https://wiki.example/x") for h in hrefs), f"{name}: {hrefs}"
        assert not [el for el in soup.find_all(True) if any(a.startswith("on") for a in el.attrs)], f"{name}: an event handler"
    cells = BeautifulSoup(html["org-roles.md"], "html.parser").select("tbody td")
    assert cells[0].get_text() == value, f"the title cell reads {cells[0].get_text()!r}"


def test_a_line_break_in_a_one_line_value_folds_into_a_space(tmp_path):
    text = GOOD.format(url='"/x"').replace("name: Northwind Labs", "name: \"Northwind\\nLabs\\u2028Ltd\\t.\"")
    text = text.replace("    - Book the walkthrough with your buddy.", "    - |\n      Book the walkthrough\n      with your buddy.\n")
    loaded = org.load(org_file(tmp_path, text))
    assert loaded["name"] == "Northwind Labs Ltd ."
    assert loaded["first_week"]["Developer"] == ["Book the walkthrough with your buddy."]


@pytest.mark.parametrize("value", ["\\x01", "\\u202e", "\\ud800", "\\x7f"], ids=["control", "bidi-override", "lone-surrogate", "delete"])
def test_a_control_character_in_text_is_refused(tmp_path, value):
    message = refusal(org_file(tmp_path, GOOD.format(url='"/x"').replace("team: Developer Experience", f'team: "Dev{value}Ex"')))
    assert message.startswith("org.yml line 2: team: holds the control character U+"), message


# --- Missing, duplicate and mistyped values ---------------------------------------------


@pytest.mark.parametrize("blank", ['""', '"   "', '"\\t\\n"', "", "~"])
def test_a_required_value_that_is_only_whitespace_is_missing(tmp_path, blank):
    message = refusal(org_file(tmp_path, GOOD.format(url='"/x"').replace("team: Developer Experience", f"team: {blank}")))
    assert message == "org.yml line 2: team: missing; it is required.", message


def test_a_duplicate_key_is_refused_naming_both_lines(tmp_path):
    message = refusal(org_file(tmp_path, GOOD.format(url='"/x"') + "name: Contoso\n"))
    assert message.startswith("org.yml line 15: name: given twice (first on line 1)"), message
    nested = GOOD.format(url='"/x"').replace('  label: "#dev-onboarding"', '  label: "#dev-onboarding"\n  label: other')
    assert refusal(org_file(tmp_path, nested)).startswith("org.yml line 5: contact.label: given twice (first on line 4)")


def test_a_value_yaml_read_as_a_comment_gets_a_hint_to_quote_it(tmp_path):
    message = refusal(org_file(tmp_path, GOOD.format(url='"/x"').replace('label: "#dev-onboarding"', "label: #dev-onboarding")))
    assert message.startswith("org.yml line 4: contact.label: missing; it is required. YAML reads everything after ' #' "
                              "as a comment: put the value in quotes"), message
    item = GOOD.format(url='"/x"').replace("    - Book the walkthrough with your buddy.", "    - #book-the-walkthrough")
    assert "put the value in quotes" in refusal(org_file(tmp_path, item))


def test_a_missing_value_without_a_comment_gets_no_such_hint(tmp_path):
    message = refusal(org_file(tmp_path, GOOD.format(url='"/x"').replace('label: "#dev-onboarding"', "label:")))
    assert message == "org.yml line 4: contact.label: missing; it is required.", message


def test_a_mistyped_role_is_refused_with_the_closest_role(tmp_path):
    text = GOOD.format(url='"/x"').replace("role: Software engineer", "role: Sofware enginer")
    message = refusal(org_file(tmp_path, text))
    assert message == ("org.yml line 7: titles #1.role: 'Sofware enginer' is not one of the site's roles "
                       "(the titles on Roles and levels); did you mean 'Software engineer'?"), message
    far = refusal(org_file(tmp_path, GOOD.format(url='"/x"').replace("role: Software engineer", "role: Astronaut")))
    assert far.endswith("'Astronaut' is not one of the site's roles (the titles on Roles and levels)."), far


def test_the_sites_roles_are_read_from_roles_and_levels():
    roles = org.site_roles()
    page = (ROOT / "docs" / "roles.md").read_text(encoding="utf-8")
    titles = {role for role in roles.values() if f"| {role} |" in page}
    assert len(titles) == 12, f"{len(titles)} of Roles and levels' titles found: {sorted(titles)}"
    assert roles["sre"] == "SRE" and roles["site reliability engineer"] == "Site reliability engineer"


def test_views_levels_and_roles_are_read_in_any_case_and_mailto_is_a_contact(tmp_path):
    text = (GOOD.format(url='"mailto:dev-onboarding@example.com"')
            .replace("view: Developer", "view: engineer").replace("level: First job", "level: first JOB")
            .replace("role: Software engineer", "role: software ENGINEER").replace("  Developer:", "  DEVELOPER:")
            .replace("  Engineer:", "  engineer:"))
    loaded = org.load(org_file(tmp_path, text))
    assert loaded["titles"] == [{"title": "Software Engineer I", "role": "Software engineer", "level": "First job", "view": "Engineer"}]
    assert loaded["first_week"]["Developer"] == ["Book the walkthrough with your buddy."]
    assert [link["label"] for link in loaded["links"]["Engineer"]] == ["Runbooks", "On call"]
    assert loaded["contact"]["url"] == "mailto:dev-onboarding@example.com"


def test_one_view_given_twice_in_two_cases_is_refused(tmp_path):
    text = GOOD.format(url='"/x"').replace("first_week:\n", "first_week:\n  developer: [x]\n")
    assert refusal(org_file(tmp_path, text)).startswith("org.yml line 10: first_week.Developer: Developer is given twice")


def test_a_long_value_is_cut_short_in_the_message(tmp_path):
    long = "javascript:" + "a" * 5000
    message = refusal(org_file(tmp_path, with_url(long)))
    assert "a" * 100 not in message and "…" in message, message


# --- The file itself -------------------------------------------------------------------------


def test_a_folder_a_dangling_link_and_a_fifo_are_named_in_one_line(tmp_path):
    (tmp_path / "org.yml").mkdir()
    assert refusal(tmp_path / "org.yml").startswith("org.yml: a folder, not a file")
    dangling = tmp_path / "link" / "org.yml"
    dangling.parent.mkdir()
    dangling.symlink_to(tmp_path / "gone.yml")
    assert refusal(dangling).startswith("org.yml: a link to "), refusal(dangling)
    fifo = tmp_path / "fifo" / "org.yml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    assert refusal(fifo).startswith("org.yml: not a regular file")


def test_prepare_does_not_take_a_dangling_link_for_no_file(tmp_path):
    (tmp_path / "org.yml").symlink_to(tmp_path / "gone.yml")
    with pytest.raises(org.OrgError):
        org.prepare(tmp_path)


FILE_PROBLEMS = {
    "latin-1": ("name: Caf\xe9 Labs\n".encode("latin-1"), "org.yml line 1: not UTF-8 (byte 0xE9); save the file as UTF-8."),
    "utf-16": ("name: Labs\n".encode("utf-16"), "org.yml: saved as UTF-16; save it as UTF-8."),
    "bom-mid-file": ("name: Labs\n\ufeffteam: x\n".encode("utf-8"), "org.yml line 2: a byte-order mark (U+FEFF) in the middle"),
    "raw-control-character": (b"name: Labs\nteam: a\x01b\n", "org.yml line 2: a control character (U+0001) YAML does not allow"),
    "too-large": (b"name: Labs\n" + b"# padding\n" * 30_000, "org.yml: larger than 256 KB"),
    "deep-flow": (b"name: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "org.yml line 1: nested too deeply"),
    "deep-block": (("titles:\n" + "".join("  " * i + "- x:\n" for i in range(1, 12))).encode(), "org.yml line 5: titles #1.x #1.x #1.x: nested too deeply"),
    "not-yaml": (b"name: [unclosed\n", "org.yml line 2: not valid YAML"),
    "two-documents": (b"name: a\n---\nname: b\n", "org.yml line 2: not valid YAML: expected a single document in the stream; but found another document"),
    "list": (b"- name: a\n", "org.yml: the file: must be a mapping of keys"),
    "empty": (b"", "org.yml: the file: must be a mapping of keys"),
    "python-tag": (b"name: !!python/object/apply:os.system [echo]\n", "org.yml line 1: not valid YAML"),
    "long-tag": (b"name: !" + b"x" * 10_000 + b" a\n", "org.yml line 1: not valid YAML: could not determine a constructor"),
}


@pytest.mark.parametrize("case", FILE_PROBLEMS)
def test_a_file_that_cannot_be_read_as_yaml_text_gives_one_line(tmp_path, case):
    data, start = FILE_PROBLEMS[case]
    message = refusal(org_file(tmp_path, data))
    assert message.startswith(start), message


def test_a_bom_at_the_start_is_harmless(tmp_path):
    assert org.load(org_file(tmp_path, "\ufeff" + GOOD.format(url='"/x"')))["name"] == "Northwind Labs"


def test_many_aliases_are_read_once(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    # Walked once per node: expanded, the walk would take 9**9 steps.
    assert refusal(org_file(tmp_path, bomb)).startswith("org.yml line 1: a: unknown key")


@pytest.mark.parametrize("case", ["folder", "binary", "deep"])
def test_the_command_line_prints_one_line_and_no_traceback(tmp_path, case):
    path = tmp_path / "org.yml"
    if case == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"\xff\xfe\x00garbage" if case == "binary" else b"name: " + b"[" * 100_000)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "org.py"), "check", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == "", result
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: org.yml") and "Traceback" not in result.stderr, result.stderr


# --- The handout stays on one page ----------------------------------------------------------


def test_items_that_fit_the_handout_are_accepted():
    org.check(handout_org(items(3, 100)))


@pytest.mark.parametrize("developer, name", [(items(4, 20), "Northwind Labs"), (items(2, 200), "Northwind Labs"),
                                             (items(2, 30), "N" * 80)], ids=["four-short", "two-long", "long-name"])
def test_items_that_push_the_handout_past_one_page_are_refused(developer, name):
    with pytest.raises(org.OrgError) as error:
        org.check(handout_org(developer, name))
    assert str(error.value).startswith("org.yml: first_week.Developer: the handout would print on two pages in the "
                                       "Developer view"), str(error.value)


# --- ./scripts/serve rebuilds when org.yml changes ----------------------------------------------


@pytest.mark.copies_checkout
def test_serve_rebuilds_when_org_yml_changes(tmp_path):
    root = copy_tracked_checkout(tmp_path / "checkout")
    (root / "org.yml").write_text(GOOD.format(url='"/x"'), encoding="utf-8")
    port = free_port()
    # What ./scripts/serve runs once it has installed the site's pins.
    serve_process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=root,
                                     env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        roles = f"http://127.0.0.1:{port}/roles/"
        poll_until(lambda: "At Northwind Labs" in fetch(roles), "the first build never showed Northwind Labs")
        (root / "org.yml").write_text(GOOD.format(url='"/x"').replace("Northwind Labs", "Contoso Research"), encoding="utf-8")
        poll_until(lambda: "At Contoso Research" in fetch(roles), "saving org.yml did not rebuild the site")
        assert "Contoso Research" in (root / "includes" / "org" / "org-roles.md").read_text(encoding="utf-8")
    finally:
        serve_process.terminate()
        serve_process.communicate(timeout=30)


# --- A hostile org.yml, built by both engines and opened in a browser -------------------------

# Every payload reports to window.__pwned if it runs, and names evil.example if it loads anything.
HOSTILE_FILE = """\
name: "<b onclick=__pwned.push(1)>N</b>"
team: "[t](javascript:__pwned.push(2))"
contact:
  label: ":smile: {{ 7*7 }}"
  url: "mailto:team@example.com"
titles:
  - {title: "<script>__pwned.push(3)</script>", role: sre, level: staff, view: engineer}
  - {title: "a | b | ![x](https://evil.example/t.png)", role: Software engineer, level: Senior, view: Developer}
  - {title: '=== "Engineer"', role: Data scientist, level: First job, view: Developer}
first_week:
  Developer:
    - "# Heading <img src=https://evil.example/1.png onerror=__pwned.push(4)> and words to fill the line up"
    - "--- ``` {% include 'main.html' %} {{ config.site_url }} [x](javascript:__pwned.push(5)) and words"
    - "![i](https://evil.example/2.png) www.evil.example <https://evil.example/3> :material-github: words"
  Engineer:
    - '=== "Developer"'
    - "{ #first-week-checklist onclick=__pwned.push(6) }"
links:
  Developer:
    - {label: "[x](javascript:__pwned.push(7))", url: "/handbook/(x)[y](javascript:alert(8))"}
  Engineer:
    - {label: "<svg onload=__pwned.push(9)>", url: "https://wiki.example/a?b=1&c=2#d"}
"""
HOSTILE = yaml.safe_load(HOSTILE_FILE)
PAGES = ["", "roles/", "start-here/", "handout/"]


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory) -> dict[str, BuiltSite]:
    """Both engines' builds of a copy of the checkout with HOSTILE_FILE as its org.yml, served."""
    root = copy_tracked_checkout(tmp_path_factory.mktemp("hostile-checkout"))
    (root / "org.yml").write_text(HOSTILE_FILE, encoding="utf-8")
    with served_builds(root, tmp_path_factory) as sites:
        yield sites


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_a_hostile_org_yml_builds_pages_that_show_every_value_as_text(hostile_sites, engine):
    site = hostile_sites[engine]
    for page in PAGES:
        soup = site.soup(page)
        for el in soup.find_all(True):
            for name, value in el.attrs.items():
                text = " ".join(value) if isinstance(value, list) else value
                assert not name.startswith("on"), f"{page}: <{el.name} {name}=...> from org.yml"
                assert "__pwned" not in text and "evil.example" not in text, f"{page}: <{el.name} {name}={text!r}>"
        assert not soup.select("script:-soup-contains('__pwned')"), f"{page}: a script from org.yml"
        credit = soup.select_one("footer .org-credit")
        assert credit and credit.get_text() == (f"Kept for {HOSTILE['name']} by {HOSTILE['team']}. Questions and corrections: "
                                                f"{HOSTILE['contact']['label']}."), f"{page}: {credit}"
        assert [a["href"] for a in credit.select("a")] == ["mailto:team@example.com"]
    heading = site.soup("roles").find(id="at-your-organisation")
    assert heading.get_text().startswith(f"At {HOSTILE['name']}"), heading
    rows = [[td.get_text() for td in tr.select("td")] for tr in heading.find_next("table").select("tbody tr")]
    assert rows == [["<script>__pwned.push(3)</script>", "SRE", "Staff", "Engineer"],
                    ["a | b | ![x](https://evil.example/t.png)", "Software engineer", "Senior", "Developer"],
                    ['=== "Engineer"', "Data scientist", "First job", "Developer"]], rows
    start = site.soup("start-here")
    for view in VIEWS:
        texts = [li.get_text(" ", strip=True) for li in start.select(".org-mark + ul li")]
        for item in HOSTILE["first_week"][view]:
            assert item in texts, f"start-here: {item!r} is not shown as written in {texts}"
    links = {a.get_text(): a["href"] for a in start.select(".org-mark + ul a")}
    assert links == {"[x](javascript:__pwned.push(7))": "/handbook/(x)[y](javascript:alert(8))",
                     "<svg onload=__pwned.push(9)>": "https://wiki.example/a?b=1&c=2#d"}, links
    # The page's own tab sets and headings only: none from org.yml.
    for page in ("start-here", "handout"):
        soup, source = site.soup(page), (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
        assert len(soup.select(".md-content .tabbed-set")) == source.count('=== "Developer"'), f"{page}: a tab set from org.yml"
        assert not [h for h in soup.select("h1, h2, h3, h4, h5, h6") if "pwned" in h.get_text()], f"{page}: a heading from org.yml"
        assert not [el for el in soup.select(".tabbed-block hr, .tabbed-block pre") if el.find_parent(class_="task-list")]


@pytest.mark.copies_checkout
@pytest.mark.parametrize("bypass_csp", [False, True], ids=["policy-on", "policy-bypassed"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_hostile_org_yml_runs_nothing_and_asks_no_other_host(hostile_sites, engine, bypass_csp, fresh_context):
    """fresh_context fails the test on any request to another host or any script error."""
    site = hostile_sites[engine]
    context = fresh_context(base_url=site.url, bypass_csp=bypass_csp)
    context.add_init_script("window.__pwned = []; window.alert = () => window.__pwned.push('alert');")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in PAGES:
        for view in VIEWS:
            page.goto(f"{path}?view={view.lower()}")
            page.wait_for_load_state("networkidle")
            areas = page.locator(".org-credit:visible, .org-mark:visible + ul, #at-your-organisation ~ table")
            for area in areas.all():
                area.hover()  # an onmouseover, had one been written
                # A reader clicks a link made from a label: one that would run code rather than go to a page.
                for link in area.locator("a[href^='javascript:' i]").all():
                    link.click()
            assert page.evaluate("window.__pwned") == [] and not dialogs, f"{path} ({view}): org.yml's code ran"


@pytest.mark.copies_checkout
@pytest.mark.parametrize("sheet", ["A4", "Letter"])
def test_a_handout_at_the_limit_prints_on_one_sheet(hostile_sites, fresh_context, sheet):
    """The Developer view holds the most org.yml accepts (3 items of about 100 characters)."""
    assert org.handout_lines(org.check(HOSTILE), "Developer") == org.HANDOUT_ROOM
    page = fresh_context(base_url=hostile_sites["mkdocs"].url).new_page()
    for view in VIEWS:
        page.goto(f"handout/?view={view.lower()}")
        print_media(page)
        pdf = page.pdf(format=sheet, print_background=False)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, f"handout/?view={view.lower()} prints on more than one {sheet} sheet"


@pytest.mark.copies_checkout
@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_unbroken_organisation_name_wraps_on_a_phone(tmp_path_factory, fresh_context, engine):
    root = copy_tracked_checkout(tmp_path_factory.mktemp("long-name"))
    name = "Northwind" + "Labs" * 20
    (root / "org.yml").write_text(GOOD.format(url='"/x"').replace("Northwind Labs", name), encoding="utf-8")
    port = free_port()
    dest = tmp_path_factory.mktemp(f"long-name-{engine}") / "site"
    build_site(engine, dest, f"http://127.0.0.1:{port}/", root=root)
    server = serve(dest, port)
    try:
        page = fresh_context(base_url=f"http://127.0.0.1:{port}/", viewport=PHONE).new_page()
        for path in ("roles/", "start-here/"):
            page.goto(path)
            # Each line box of the name's elements (the footer's credit is inline), the hidden ones aside.
            wide = page.evaluate("""() => [...document.querySelectorAll('.org-credit, .org-mark, #at-your-organisation')]
                .map(el => [el.className || el.id, Math.max(0, ...[...el.getClientRects()].map(r => r.right))])
                .filter(([, right]) => right > innerWidth).map(([name, right]) => `${name} ends at ${right} px`)""")
            assert not wide, f"{path} at {PHONE['width']} px: {wide}"
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{path}: the page scrolls sideways"
    finally:
        server.shutdown()
