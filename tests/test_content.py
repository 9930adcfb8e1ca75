"""What a reader finds on each built page: views, the table, the glossary, the code."""

from __future__ import annotations

import re

import pytest

import view_contract
from conftest import NAV_PAGES, ROOT
from support.editorial import abbreviations, glossary, quantity
from support.examples import run_example
from support.views import VIEWS, labels

CONTENT_PAGES = [f"{path}index.html" for path in NAV_PAGES]
# A readable tab id: its heading's slug, then the view.
HEADING_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_every_content_page_offers_both_views_with_readable_ids(site, page):
    sets = site.soup(page).select(".tabbed-set")
    assert sets, f"{page} has no Developer/Engineer tab set"
    for tab_set in sets:
        assert tuple(labels(tab_set)) == VIEWS, f"{page}: {labels(tab_set)}"
        ids = [i["id"] for i in tab_set.select(":scope > input")]
        readable = [view_contract.tab_id(view_contract.heading_of_tab(i), view) for i, view in zip(ids, VIEWS)
                    if HEADING_SLUG.match(view_contract.heading_of_tab(i))]
        assert ids == readable, f"{page}: unreadable tab ids {ids}"


def test_success_metric_has_its_promised_links(site):
    page = site.soup("article/index.html")
    for anchor in ["success-metric", "success-metric-developer", "success-metric-engineer"]:
        assert page.find(id=anchor), f"article/#{anchor} is gone; onboarding docs link to it"
    question = page.find(id="success-metric").find_next("p").get_text(" ", strip=True)
    assert "work reliably under load, for all users, over time?" in question, question


def test_article_is_a_real_explanation(site):
    text = site.soup("article/index.html").select_one("article.md-content__inner").get_text(" ")
    words, promised = len(text.split()), quantity("article.words")
    assert words >= promised, f"the article has {words} words; it promises at least {promised} (editorial/quantities.yml)"


def test_comparison_table_has_the_promised_aspects(site):
    tables = site.soup("comparison/index.html").select("article table")
    assert len(tables) == 1, "the comparison is one side-by-side table"
    headers = [th.get_text(strip=True) for th in tables[0].select("thead th")]
    assert headers == ["Aspect", *VIEWS]
    rows = tables[0].select("tbody tr")
    promised = quantity("comparison.aspects")
    assert len(rows) >= promised, f"{len(rows)} aspects; at least {promised} promised (editorial/quantities.yml)"
    for row in rows:
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert len(cells) == 3 and all(cells), f"incomplete row: {cells}"


def test_ai_examples_have_their_scenarios_with_both_views(site):
    page = site.soup("ai-examples/index.html")
    scenarios = [h for h in page.select("article h2") if h.find_next_sibling() and h.find_next(class_="tabbed-set")]
    sets = page.select(".tabbed-set")
    promised = quantity("ai_examples.tab_sets")
    assert len(sets) >= promised, f"{len(sets)} tab sets: the two roles and the scenarios make {promised} (editorial/quantities.yml)"
    assert len(scenarios) >= promised


def test_ai_examples_cite_their_papers(site):
    cited = " ".join(a["href"] for a in site.soup("ai-examples/index.html").select("article a[href^='https://']"))
    uncited = [str(paper) for paper in quantity("ai_examples.cited_papers") if str(paper) not in cited]
    assert not uncited, f"docs/ai-examples.md does not link the papers its claims rest on: arXiv {uncited} (editorial/quantities.yml)"


def test_glossary_defines_every_abbreviation():
    entries = glossary().values()
    assert len(entries) >= quantity("glossary.terms"), f"{len(entries)} glossary terms (editorial/quantities.yml)"
    for entry in entries:
        assert entry.words() >= quantity("glossary.definition_words"), f"docs/glossary.md: {entry.term} has no real definition"
    terms = {entry.term for entry in entries}
    abbrs = abbreviations()
    assert {"RAG", "LLM", "API", "SLO", "SLA", "p95", "PoC", "CI"} <= set(abbrs)
    missing = [a for a in abbrs if a not in terms and a.removesuffix("s") not in terms]
    assert not missing, f"in includes/abbreviations.md but not in docs/glossary.md: {missing}"
    acronyms = [t for t in terms if re.fullmatch(r"[A-Za-z]*[A-Z0-9][A-Za-z0-9]*", t) and t.upper() == t or re.fullmatch(r"p\d+|PoC", t)]
    untipped = [t for t in acronyms if t not in abbrs]
    assert not untipped, f"glossary acronyms with no tooltip in includes/abbreviations.md: {untipped}"


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_every_abbreviation_tooltip_shows_its_meaning(site, page):
    """A page need not use an abbreviation; each one it uses carries the meaning includes/abbreviations.md gives."""
    abbrs = abbreviations()
    found = {a.get_text(): a.get("title") for a in site.soup(page).select("article abbr")}
    for term, title in found.items():
        assert title == abbrs[term], f"{page}: <abbr>{term}</abbr> has title {title!r}"


PROGRAMS = sorted(p.name for p in (ROOT / "includes" / "code").glob("*.py"))


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_program_is_shown_with_what_it_prints(program):
    """A page shows each program of includes/code/ and, in the block after it, exactly what it prints."""
    shown = rf'```python title="{re.escape(program)}"\n--8<-- "code/{re.escape(program)}"\n```\s*'
    output = rf'```text title="Output of {re.escape(program)}"\n(.*?)```'
    pages = {page.name: re.search(shown + output, page.read_text(encoding="utf-8"), re.S)
             for page in sorted((ROOT / "docs").glob("*.md")) if f'"code/{program}"' in page.read_text(encoding="utf-8")}
    assert pages, f"includes/code/{program}: no page in docs/ includes it (CONTRIBUTING.md, \"Add a runnable program\")"
    printed = run_example(ROOT / "includes" / "code" / program)
    for name, match in pages.items():
        assert match, (f'docs/{name}: the block after includes/code/{program} is not ```text title="Output of {program}"; '
                       "put the program's output there")
        assert match[1] == printed, f"docs/{name}: paste {program}'s new output into its Output block"


def test_home_links_to_every_page(site):
    links = {a["href"].split("#")[0].split("?")[0] for a in site.soup("index.html").select("article a[href]")}
    missing = [path for path in NAV_PAGES if path and path not in links]
    assert not missing, f"the home page does not link to {missing}"
