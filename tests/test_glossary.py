"""Every term a page uses is in the glossary, and every tab stands alone.

The glossary test reads the built pages as a reader meets them (article text,
without code blocks) and the glossary's A-Z entries (h3 headings, one per
term). Abbreviations are found by their shape; other terms by the list in
editorial/glossary-terms.txt, which names the glossary entry each word needs.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import NAV_PAGES, ROOT

WATCHLIST = ROOT / "editorial" / "glossary-terms.txt"
# Capitals that name a publisher in a citation, not a term a reader must learn.
NOT_TERMS = {"IEEE"}
# Two or more capitals (or PoC, p95), with an optional plural s. Part of a
# hyphenated name, such as MT-Bench in a cited paper's title, is not a term.
ACRONYM = re.compile(r"(?<![\w-])(?:[A-Z][A-Z]+|PoC)s?(?![\w-])|\bp\d\d\b")


def page_text(site, page: str) -> str:
    html = (site.path / page / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    for hidden in article.select("pre, code, script, svg, .headerlink"):
        hidden.decompose()
    return article.get_text(" ")


def glossary(site) -> dict[str, str]:
    """Glossary id -> the term's heading text."""
    html = (site.path / "glossary" / "index.html").read_text(encoding="utf-8")
    terms = {}
    for heading in BeautifulSoup(html, "html.parser").select("article h3[id]"):
        for permalink in heading.select(".headerlink"):
            permalink.decompose()
        terms[heading["id"]] = heading.get_text(strip=True)
    return terms


def watchlist() -> dict[str, list[str]]:
    entries = {}
    for number, line in enumerate(WATCHLIST.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        term_id, sep, words = line.partition(":")
        assert sep and words.strip(), f"editorial/glossary-terms.txt:{number}: write 'glossary-id: word, word'"
        entries[term_id.strip()] = [w.strip() for w in words.split(",") if w.strip()]
    return entries


def abbreviations() -> dict[str, str]:
    text = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[(.+?)\]: (.+)$", text, re.M))


@pytest.mark.parametrize("page", NAV_PAGES)
def test_every_abbreviation_a_page_uses_is_defined(site, page):
    terms = set(glossary(site).values())
    used = set(ACRONYM.findall(page_text(site, page)))
    undefined = sorted(a for a in used - NOT_TERMS if a not in terms and a.removesuffix("s") not in terms)
    assert not undefined, (
        f"docs/{page.rstrip('/') or 'index'}.md: {undefined} used but not in docs/glossary.md; add a "
        "'### TERM { #id }' entry there and a tooltip line to includes/abbreviations.md"
    )
    plurals = sorted(a for a in used if a.endswith("s") and a.removesuffix("s") in terms)
    untipped = [a for a in plurals if a not in abbreviations()]
    assert not untipped, f"docs/{page.rstrip('/') or 'index'}.md: plurals {untipped} need their own line in includes/abbreviations.md"


@pytest.mark.parametrize("page", NAV_PAGES)
def test_every_glossary_worthy_word_a_page_uses_is_defined(site, page):
    text = page_text(site, page)
    defined = glossary(site)
    missing = []
    for term_id, words in watchlist().items():
        for word in words:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I) and term_id not in defined:
                missing.append(f"{word!r} needs the glossary entry #{term_id}")
                break
    assert not missing, f"docs/{page.rstrip('/') or 'index'}.md:\n" + "\n".join(missing)


def test_the_word_list_and_the_glossary_agree(site):
    """A new glossary entry gets its words listed; a listed id exists."""
    defined, listed = set(glossary(site)), set(watchlist())
    abbreviation_ids = {i for i, term in glossary(site).items() if ACRONYM.fullmatch(term)}
    unlisted = sorted(defined - listed - abbreviation_ids)
    assert not unlisted, f"glossary entries with no line in editorial/glossary-terms.txt: {unlisted}"
    stale = sorted(listed - defined)
    assert not stale, f"editorial/glossary-terms.txt names ids the glossary does not define: {stale}"


def test_plurals_of_abbreviations_are_explained(site):
    """Each plural tooltip has its singular entry, whose definition names the plural."""
    html = (site.path / "glossary" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    for plural in [a for a in abbreviations() if a.endswith("s") and a.removesuffix("s") in abbreviations()]:
        singular = plural.removesuffix("s")
        heading = page.find(lambda tag: tag.name == "h3" and tag.get_text(strip=True).rstrip("¶") == singular)
        assert heading, f"no glossary entry for {singular}"
        definition = heading.find_next_sibling("p").get_text(" ")
        assert plural in definition, f"the glossary entry for {singular} does not mention its plural {plural}"


# --- Every tab stands alone -------------------------------------------------------------

POINTING = re.compile(r"^\W*(?:take\s+)?(?:the\s+)?same\b", re.I)
BACKWARD = re.compile(r"\b(?:above|other tab|(?:developer|engineer) tab)\b", re.I)


@pytest.mark.parametrize("page", NAV_PAGES)
def test_no_tab_panel_leans_on_the_other_view(site, page):
    html = (site.path / page / "index.html").read_text(encoding="utf-8")
    leaning = []
    for panel in BeautifulSoup(html, "html.parser").select(".tabbed-block"):
        text = panel.get_text(" ", strip=True)
        if POINTING.search(text) or BACKWARD.search(text):
            leaning.append(text[:90])
    assert not leaning, (
        f"docs/{page.rstrip('/') or 'index'}.md: a tab panel points at the other view or at text above it; "
        "introduce what it needs in the shared text before the tabs or in the panel itself:\n"
        + "\n".join(leaning)
    )
