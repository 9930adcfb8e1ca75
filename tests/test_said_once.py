"""Each thing is said once: no run of six words of prose appears on two pages.

A reader who follows the site's reading path meets every page; a paragraph
copied from one page to the next reads as padding, and two copies drift apart
when only one is edited. So the prose of every page in the sitemap is cut
into runs of six words, and a run found on two pages or more fails the test,
unless it belongs to a deliberate cross-reference listed in
editorial/repeated-phrases.txt (a section's name used as link text, the
success metric's question quoted where it is discussed).

Left out: the titles of cited works, the glossary and further reading, which restate the other pages by
design (one definition or one line per entry), the handoff checklist and the one-page handouts,
each made to be printed and read on its own. Code, tables of links,
tab labels and the template's lines on every page are not prose.
"""

from __future__ import annotations

from collections import defaultdict

from conftest import ROOT
from support.prose import allowed_runs, prose_words, sitemap_pages, word_runs

RUN = 6
ALLOWED = ROOT / "editorial" / "repeated-phrases.txt"
RESTATE_BY_DESIGN = {"glossary/", "further-reading/", "handoff/", "handout/", "handout-model-work/"}


def test_no_six_word_run_of_prose_is_on_two_pages(site):
    where = defaultdict(set)
    for page in sitemap_pages(site, RESTATE_BY_DESIGN):
        for run in word_runs(prose_words(site, page), RUN):
            where[run].add(page or "home")
    allowed, _ = allowed_runs(ALLOWED, RUN)
    repeated = {run: places for run, places in where.items() if len(places) > 1 and run not in allowed}
    # Overlapping runs on the same pages are one repeated passage: print it once.
    passages: dict[frozenset, list[str]] = defaultdict(list)
    for run in sorted(repeated, key=lambda r: " ".join(r)):
        passages[frozenset(repeated[run])].append(" ".join(run))
    message = "\n".join(
        f"  on {', '.join(sorted(places))}: " + " / ".join(sorted(found)[:3]) + (f" (+{len(found) - 3} more runs)" if len(found) > 3 else "")
        for places, found in sorted(passages.items(), key=lambda item: sorted(item[0]))
    )
    assert not repeated, (
        f"{len(repeated)} runs of {RUN} words of prose appear on more than one page. Say each thing on one page "
        "and link to it there; if the words are a deliberate cross-reference (a section's name as link text), "
        f"add the phrase to editorial/repeated-phrases.txt:\n{message}"
    )


def test_every_listed_phrase_is_still_used(site):
    """A listed phrase no page repeats any more is an exception nobody needs: remove it."""
    _, phrases = allowed_runs(ALLOWED, RUN)
    text = {page: " ".join(prose_words(site, page)) for page in sitemap_pages(site, RESTATE_BY_DESIGN)}
    stale = [p for p in phrases if sum(p in t for t in text.values()) < 2]
    assert not stale, f"editorial/repeated-phrases.txt lists phrases found on fewer than two pages; remove them: {stale}"
