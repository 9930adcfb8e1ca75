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

import re
from collections import defaultdict
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from conftest import ROOT

RUN = 6
ALLOWED = ROOT / "editorial" / "repeated-phrases.txt"
RESTATE_BY_DESIGN = {"glossary/", "further-reading/", "handoff/", "handout/", "handout-model-work/"}
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def pages(site) -> list[str]:
    sitemap = (site.path / "sitemap.xml").read_text(encoding="utf-8")
    paths = [urlsplit(loc).path.lstrip("/") for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    assert len(paths) >= 8, f"the sitemap lists {len(paths)} pages"
    return [p for p in paths if p not in RESTATE_BY_DESIGN]


def prose_words(site, page: str) -> list[str]:
    html = (site.path / page / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    # The address line, the printed credit and the note on tab sets without scripts are the template's, on every page.
    for hidden in article.select("pre, code, script, svg, .headerlink, .tabbed-labels, .link-table, [data-print-address], .views-need-scripts, .print-credit"):
        hidden.decompose()
    # A cited work's title is a reference, not prose: it ends a run like a block does.
    for citation in article.select("a[href^='http']"):
        citation.replace_with(" | ")
    # Block boundaries end a run: a heading and the paragraph after it are not one sentence.
    for block in article.select("p, li, h1, h2, h3, h4, td, th, figcaption, summary, blockquote, label"):
        block.insert_after(" | ")
    return re.findall(r"\||" + WORD.pattern, article.get_text(" ").lower())


def runs(words: list[str]) -> set[tuple[str, ...]]:
    found = set()
    for start in range(len(words) - RUN + 1):
        run = tuple(words[start : start + RUN])
        if "|" not in run:
            found.add(run)
    return found


def allowed_runs() -> tuple[set[tuple[str, ...]], list[str]]:
    """Every six-word run inside a listed phrase, and the phrases themselves."""
    phrases = []
    for number, line in enumerate(ALLOWED.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = WORD.findall(line.lower())
        assert len(words) >= RUN, f"editorial/repeated-phrases.txt:{number}: fewer than {RUN} words, never flagged: {line!r}"
        phrases.append(" ".join(words))
    allowed = set()
    for phrase in phrases:
        allowed |= runs(phrase.split())
    return allowed, phrases


def test_no_six_word_run_of_prose_is_on_two_pages(site):
    where = defaultdict(set)
    for page in pages(site):
        for run in runs(prose_words(site, page)):
            where[run].add(page or "home")
    allowed, _ = allowed_runs()
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
    _, phrases = allowed_runs()
    text = {page: " ".join(prose_words(site, page)) for page in pages(site)}
    stale = [p for p in phrases if sum(p in t for t in text.values()) < 2]
    assert not stale, f"editorial/repeated-phrases.txt lists phrases found on fewer than two pages; remove them: {stale}"
