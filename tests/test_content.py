"""What a reader finds on each built page: views, the table, the glossary, the code."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import NAV_PAGES, ROOT

CONTENT_PAGES = [f"{path}index.html" for path in NAV_PAGES]
TAB_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-(developer|engineer)$")
ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.path / page).read_text(encoding="utf-8"), "html.parser")


def abbreviations() -> dict[str, str]:
    text = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return {m["term"]: m["meaning"] for m in map(ABBREVIATION.match, text.splitlines()) if m}


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_every_content_page_offers_both_views_with_readable_ids(site, page):
    sets = soup(site, page).select(".tabbed-set")
    assert sets, f"{page} has no Developer/Engineer tab set"
    for tab_set in sets:
        labels = [label.get_text(strip=True) for label in tab_set.select(":scope > .tabbed-labels > label")]
        assert labels == ["Developer", "Engineer"], f"{page}: {labels}"
        ids = [i["id"] for i in tab_set.select(":scope > input")]
        assert all(TAB_ID.match(i) for i in ids), f"{page}: unreadable tab ids {ids}"
        assert [i.rsplit("-", 1)[1] for i in ids] == ["developer", "engineer"]


def test_success_metric_has_its_promised_links(site):
    page = soup(site, "article/index.html")
    for anchor in ["success-metric", "success-metric-developer", "success-metric-engineer"]:
        assert page.find(id=anchor), f"article/#{anchor} is gone; onboarding docs link to it"
    question = page.find(id="success-metric").find_next("p").get_text(" ", strip=True)
    assert "work reliably under load, for all users, over time?" in question, question


def test_article_is_a_real_explanation(site):
    text = soup(site, "article/index.html").select_one("article.md-content__inner").get_text(" ")
    words = len(text.split())
    assert words >= 1200, f"the article has {words} words; it promises at least 1,200"


def test_comparison_table_has_at_least_12_aspects(site):
    tables = soup(site, "comparison/index.html").select("article table")
    assert len(tables) == 1, "the comparison is one side-by-side table"
    headers = [th.get_text(strip=True) for th in tables[0].select("thead th")]
    assert headers == ["Aspect", "Developer", "Engineer"]
    rows = tables[0].select("tbody tr")
    assert len(rows) >= 12, f"{len(rows)} aspects; at least 12 promised"
    for row in rows:
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert len(cells) == 3 and all(cells), f"incomplete row: {cells}"


def test_ai_examples_have_four_scenarios_with_both_views(site):
    page = soup(site, "ai-examples/index.html")
    scenarios = [h for h in page.select("article h2") if h.find_next_sibling() and h.find_next(class_="tabbed-set")]
    sets = page.select(".tabbed-set")
    assert len(sets) >= 5, f"{len(sets)} tab sets: the two roles and at least four scenarios"
    assert len(scenarios) >= 5
    cited = {a["href"] for a in page.select("article a[href^='https://']")}
    assert any("2403.05440" in href for href in cited), "cosine-similarity claims cite Steck et al. 2024"


def glossary_terms(site) -> dict[str, str]:
    """Each term of the glossary's A-Z list (an h3 heading, so search can land
    on it) with the text of its definition."""
    terms = {}
    for heading in soup(site, "glossary/index.html").select("article h3[id]"):
        for permalink in heading.select(".headerlink"):
            permalink.decompose()
        definition = heading.find_next_sibling("p")
        terms[heading.get_text(strip=True)] = definition.get_text(" ", strip=True) if definition else ""
    return terms


def test_glossary_defines_every_abbreviation(site):
    terms = glossary_terms(site)
    assert len(terms) >= 16, f"{len(terms)} glossary terms"
    for term, definition in terms.items():
        assert len(definition.split()) >= 5, f"{term} has no real definition"
    abbrs = abbreviations()
    assert {"RAG", "LLM", "API", "SLO", "SLA", "p95", "PoC", "CI"} <= set(abbrs)
    missing = [a for a in abbrs if a not in terms and a.removesuffix("s") not in terms]
    assert not missing, f"in includes/abbreviations.md but not in docs/glossary.md: {missing}"
    acronyms = [t for t in terms if re.fullmatch(r"[A-Za-z]*[A-Z0-9][A-Za-z0-9]*", t) and t.upper() == t or re.fullmatch(r"p\d+|PoC", t)]
    untipped = [t for t in acronyms if t not in abbrs]
    assert not untipped, f"glossary acronyms with no tooltip in includes/abbreviations.md: {untipped}"


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_abbreviations_show_as_tooltips_on_every_page(site, page):
    abbrs = abbreviations()
    found = {a.get_text(): a.get("title") for a in soup(site, page).select("article abbr")}
    assert found, f"{page} shows no abbreviation tooltips"
    for term, title in found.items():
        assert title == abbrs[term], f"{page}: <abbr>{term}</abbr> has title {title!r}"


def test_code_example_prints_what_the_page_says(site):
    source = (ROOT / "docs" / "ai-examples.md").read_text(encoding="utf-8")
    match = re.search(r'```text title="Output"\n(.*?)```', source, re.S)
    assert match, 'docs/ai-examples.md has no ```text title="Output" block'
    run = subprocess.run(
        [sys.executable, str(ROOT / "includes" / "code" / "cosine_similarity.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout == match[1]
    shown = soup(site, "ai-examples/index.html").get_text()
    assert "def cosine_similarity" in shown or "def cosine" in shown, "the page shows the code it runs"


def test_home_links_to_every_page(site):
    links = {a["href"].split("#")[0].split("?")[0] for a in soup(site, "index.html").select("article a[href]")}
    missing = [path for path in NAV_PAGES if path and path not in links]
    assert not missing, f"the home page does not link to {missing}"
