"""The software examples page: projects with no model, both views each, and the queue program.

Read from the built HTML, so each test sees what a reader sees. The page shows
includes/code/queue_latency.py with its output (the block is what it prints:
test_content.py); the program is run here, and the latencies the prose quotes
must be ones it prints. Timings of the run itself are never asserted.
"""

from __future__ import annotations

import json
import math
import re

from conftest import ROOT
from support.editorial import quantity
from support.examples import PARTS, printed_latencies, projects, rows, run_example, section
from support.views import VIEWS, panels, tab_set_under

PAGE = "software-examples"
PROGRAM = ROOT / "includes" / "code" / "queue_latency.py"
CODE_SECTION = "code-example-latency-as-utilization-rises"
YEAR = re.compile(r"\b(19|20)\d\d\b")


def test_the_page_has_its_projects_each_with_both_views_in_three_parts(site):
    page = site.soup(PAGE)
    found = projects(page)
    promised = quantity("software_examples.projects")
    assert len(found) >= promised, (
        f"docs/software-examples.md has {len(found)} projects with Developer and Engineer tabs; "
        f"at least {promised} promised (editorial/quantities.yml)")
    for heading in found:
        views = panels(tab_set_under(page, heading["id"]))
        assert tuple(views) == VIEWS, f"{PAGE}/#{heading['id']}: tabs {tuple(views)}"
        for view, block in views.items():
            text = block.get_text(" ", strip=True)
            missing = [part for part in PARTS if part not in text]
            assert not missing, f"{PAGE}/#{heading['id']}, {view} view: no {missing} part"


def test_every_project_cites_a_dated_linked_source_in_its_shared_text(site):
    """Each project's facts rest on a named source with a year, linked before the tabs."""
    for heading in projects(site.soup(PAGE)):
        shared = [el for el in section(heading) if "tabbed-set" not in (el.get("class") or [])]
        cited = [a for el in shared for a in el.select("a[href^='https://']")]
        assert cited, f"{PAGE}/#{heading['id']}: the shared text links no source"
        assert any(YEAR.search(a.get_text(" ")) for a in cited), (
            f"{PAGE}/#{heading['id']}: no linked source names its year: {[a.get_text() for a in cited]}")


def test_the_code_section_shows_the_program_it_runs(site):
    # That the page shows its output, exactly, is test_content.py::test_every_program_is_shown_with_what_it_prints.
    shown = " ".join(el.get_text() for el in section(site.soup(PAGE).find(id=CODE_SECTION)))
    assert "def simulate" in shown, f"{PAGE}/#{CODE_SECTION} does not show the program it runs"


def test_the_program_shows_latency_climbing_as_utilization_rises():
    table = rows(run_example(PROGRAM))
    assert sorted(table) == [50, 80, 95], f"queue_latency.py prints utilization levels {sorted(table)}, not 50%, 80% and 95%"
    medians = [table[u][0] for u in sorted(table)]
    tails = [table[u][1] for u in sorted(table)]
    assert medians == sorted(medians) and tails == sorted(tails), f"latency does not rise with load: {table}"
    for utilization, (_, _, theory) in table.items():
        expected = round(math.log(100) * 10 / (1 - utilization / 100))
        assert theory == expected, f"at {utilization}% the theory column says {theory} ms; the M/M/1 formula gives {expected}"


def test_every_latency_the_prose_quotes_is_printed(site):
    after_output, prose = False, []
    for element in section(site.soup(PAGE).find(id=CODE_SECTION)):
        if element.name == "p" and after_output:
            prose.append(element.get_text(" "))
        after_output = after_output or "three more runs" in element.get_text()
    quoted = {int(n.replace(",", "")) for n in re.findall(r"\b(?:about|from|to|value of) (\d[\d,]*)\b", " ".join(prose))}
    assert {92, 921} <= quoted, f"the prose after the output no longer quotes the p99 at 50% and in theory at 95%: {quoted}"
    missing = sorted(quoted - printed_latencies(run_example(PROGRAM)))
    assert not missing, f"docs/software-examples.md: the prose after the output quotes latencies the program does not print: {missing}"


def test_start_here_sends_both_views_to_the_page(site):
    for view, block in panels(tab_set_under(site.soup("start-here"), "reading-path")).items():
        targets = [a["href"] for a in block.select("ol > li > a")]
        assert f"../{PAGE}/" in targets, f"start-here/#reading-path, {view}: no step for the software examples ({targets})"


def test_search_finds_every_project(site):
    index = json.loads((site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    missing = [h["id"] for h in projects(site.soup(PAGE)) if f"{PAGE}/#{h['id']}" not in locations]
    assert f"{PAGE}/" in locations and not missing, f"the search index lacks {PAGE}/ or its projects: {missing}"
