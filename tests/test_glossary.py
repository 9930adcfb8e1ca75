"""Every term a page uses is in the glossary, and every tab stands alone.

The glossary test reads the built pages as a reader meets them (article text,
without code blocks) and the glossary's A-Z entries (docs/glossary.md, one
h3 heading per term). Abbreviations are found by their shape; other terms by
the list in editorial/glossary-terms.txt, which names the glossary entry each
word needs.
"""

from __future__ import annotations

import copy
import re

import pytest

from conftest import NAV_PAGES
from support.editorial import GLOSSARY_TERMS, abbreviations, glossary_words
from support.editorial import glossary as glossary_entries
from support.editorial import term_headings
from support.pages import source_of
from support.views import VIEWS
from support.builds import parsed_html

# Capitals that name a publisher in a citation, not a term a reader must learn.
NOT_TERMS = {"IEEE"}
# Two or more capitals (or PoC, p95), with an optional plural s. Part of a
# hyphenated name, such as MT-Bench in a cited paper's title, is not a term.
ACRONYM = re.compile(r"(?<![\w-])(?:[A-Z][A-Z]+|PoC)s?(?![\w-])|\bp\d\d\b")


def article_text(html: str, citations: bool = True) -> str:
    article = copy.copy(parsed_html(html).select_one("article"))
    # The printed credit line (.print-credit) is the footer's, on paper: furniture, not the page's prose.
    for hidden in article.select("pre, code, script, svg, .headerlink, .print-credit"):
        hidden.decompose()
    if not citations:
        # A link to another site is a citation: its text names a work or its publisher.
        for citation in article.select("a[href^='http']"):
            citation.decompose()
    return article.get_text(" ")


def page_text(site, page: str) -> str:
    return article_text((site.path / page / "index.html").read_text(encoding="utf-8"))


def abbreviations_used(html: str) -> set[str]:
    return set(ACRONYM.findall(article_text(html, citations=False)))


@pytest.mark.parametrize("page", NAV_PAGES)
def test_every_abbreviation_a_page_uses_is_defined(site, page):
    terms = set(term_headings().values())
    used = abbreviations_used((site.path / page / "index.html").read_text(encoding="utf-8"))
    undefined = sorted(a for a in used - NOT_TERMS if a not in terms and a.removesuffix("s") not in terms)
    assert not undefined, (
        f"{source_of(page)}: {undefined} used but not in docs/glossary.md; add a "
        "'### TERM { #id }' entry there and a tooltip line to includes/abbreviations.md"
    )
    plurals = sorted(a for a in used if a.endswith("s") and a.removesuffix("s") in terms)
    untipped = [a for a in plurals if a not in abbreviations()]
    assert not untipped, f"{source_of(page)}: plurals {untipped} need their own line in includes/abbreviations.md"


def test_capitals_in_a_citations_link_text_are_no_term_to_define():
    """A cited work's title or publisher (ACME, NIST) is a name to follow, not a term a reader must learn."""
    html = '<article><p>An SLO, as <a href="https://example.org/r">the ACME Report, 2024</a> defines it.</p></article>'
    assert abbreviations_used(html) == {"SLO"}


@pytest.mark.parametrize("page", NAV_PAGES)
def test_every_glossary_worthy_word_a_page_uses_is_defined(site, page):
    text = page_text(site, page)
    defined = term_headings()
    missing = []
    for term_id, words in glossary_words().items():
        for word in words:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I) and term_id not in defined:
                missing.append(f"{word!r} needs the glossary entry #{term_id}")
                break
    assert not missing, f"{source_of(page)}:\n" + "\n".join(missing)


def test_the_word_list_and_the_glossary_agree():
    """A new glossary entry gets its words listed; a listed id exists."""
    defined, listed = set(term_headings()), set(glossary_words())
    abbreviation_ids = {i for i, term in term_headings().items() if ACRONYM.fullmatch(term)}
    unlisted = sorted(defined - listed - abbreviation_ids)
    assert not unlisted, f"glossary entries with no line in editorial/glossary-terms.txt: {unlisted}"
    stale = sorted(listed - defined)
    assert not stale, f"editorial/glossary-terms.txt names ids the glossary does not define: {stale}"


def test_the_word_list_names_each_id_once():
    """A second line for an id silently replaces the first, and its words stop being checked."""
    ids = [line.partition(":")[0].strip() for line in GLOSSARY_TERMS.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    assert not twice, f"editorial/glossary-terms.txt lists {twice} more than once; merge their words into one line"


def test_the_entries_run_in_alphabetical_order():
    """A reader scans the A to Z list by eye: an entry out of order is one they miss."""
    terms = list(term_headings().values())
    key = [re.sub(r"[^a-z0-9 ]", "", term.lower()) for term in terms]
    misplaced = [f"{terms[i]!r} comes after {terms[i - 1]!r}" for i in range(1, len(terms)) if key[i] < key[i - 1]]
    assert not misplaced, "docs/glossary.md, Terms A to Z, out of order: " + "; ".join(misplaced)


# Terms and risk names the pages use that a newcomer meets undefined without an
# entry: the OWASP risks the AI examples cite, and words of the article and examples.
NAMED_TERMS = ["improper-output-handling", "vector-and-embedding-weaknesses", "currency-without-a-minor-unit",
               "quadratic", "glue-code", "safe-rollout", "model-family", "batching", "escalation", "handling-time",
               "time-split-evaluation", "capacity-planning", "tool-loop", "design-review"]


@pytest.mark.parametrize("term_id", NAMED_TERMS)
def test_named_terms_have_an_entry(term_id):
    assert term_id in term_headings(), f"docs/glossary.md has no entry {{ #{term_id} }}"


def test_temperature_zero_and_a_seed_promise_no_determinism():
    """The AI examples show that a temperature of zero and a fixed seed do not
    make a served model repeat itself; the glossary must not promise otherwise."""
    entries = glossary_entries()
    for term_id in ["temperature", "random-seed"]:
        assert "no guarantee" in entries[term_id].definition, f"docs/glossary.md, {term_id}: does not say it is no guarantee of the same output"


def test_plurals_of_abbreviations_are_explained():
    """Each plural tooltip has its singular entry, whose definition names the plural."""
    entries = {entry.term: entry for entry in glossary_entries().values()}
    for plural in [a for a in abbreviations() if a.endswith("s") and a.removesuffix("s") in abbreviations()]:
        singular = plural.removesuffix("s")
        assert singular in entries, f"docs/glossary.md: no entry for {singular}"
        assert plural in entries[singular].definition, (
            f"docs/glossary.md: the entry for {singular} does not mention its plural {plural}")


# --- Every tab stands alone -------------------------------------------------------------

POINTING = re.compile(r"^\W*(?:take\s+)?(?:the\s+)?same\b", re.I)
BACKWARD = re.compile(r"\b(?:above|other tab|(?:" + "|".join(VIEWS) + r") tab)\b", re.I)


@pytest.mark.parametrize("page", NAV_PAGES)
def test_no_tab_panel_leans_on_the_other_view(site, page):
    html = (site.path / page / "index.html").read_text(encoding="utf-8")
    leaning = []
    for panel in parsed_html(html).select(".tabbed-block"):
        text = panel.get_text(" ", strip=True)
        if POINTING.search(text) or BACKWARD.search(text):
            leaning.append(text[:90])
    assert not leaning, (
        f"{source_of(page)}: a tab panel points at the other view or at text above it; "
        "introduce what it needs in the shared text before the tabs or in the panel itself:\n"
        + "\n".join(leaning)
    )
