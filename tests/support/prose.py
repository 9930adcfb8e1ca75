"""A built page's prose: its text, and runs of words in a row (the originality, said-once and glossary checks)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import urlsplit


from .builds import BuiltSite, parsed_html
from .config import ROOT

# A word of prose, its apostrophe (either kind) kept.
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Where a run ends: a block's edge, a code sample, a cited title (prose_words writes it between words).
BREAK = "|"


def word_runs(words: list[str], length: int) -> set[tuple[str, ...]]:
    """Every `length` words in a row that no BREAK cuts."""
    found = set()
    for start in range(len(words) - length + 1):
        run = tuple(words[start : start + length])
        if BREAK not in run:
            found.add(run)
    return found


def sitemap_pages(site: BuiltSite, leave_out: set[str] = frozenset()) -> list[str]:
    """The pages the build's sitemap lists, as paths from the site's root ("" is home), but those in `leave_out`."""
    sitemap = (site.path / "sitemap.xml").read_text(encoding="utf-8")
    paths = [urlsplit(loc).path.lstrip("/") for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    assert len(paths) >= 8, f"the sitemap lists {len(paths)} pages"
    return [p for p in paths if p not in leave_out]


def prose_words(site: BuiltSite, page: str) -> list[str]:
    """A built page's prose in lower case, word by word, with BREAK wherever a run must end."""
    html = (site.path / page / "index.html").read_text(encoding="utf-8")
    article = copy.copy(parsed_html(html).select_one("article"))
    # The address line, the printed credit and the note on tab sets without scripts are the template's, on every page.
    for hidden in article.select("pre, code, script, svg, .headerlink, .tabbed-labels, .link-table, [data-print-address], .views-need-scripts, .print-credit"):
        hidden.decompose()
    # A cited work's title is a reference, not prose: it ends a run like a block does.
    for citation in article.select("a[href^='http']"):
        citation.replace_with(f" {BREAK} ")
    # Block boundaries end a run: a heading and the paragraph after it are not one sentence.
    for block in article.select("p, li, h1, h2, h3, h4, td, th, figcaption, summary, blockquote, label"):
        block.insert_after(f" {BREAK} ")
    return re.findall(r"\||" + WORD.pattern, article.get_text(" ").lower())


def allowed_runs(listed: Path, length: int) -> tuple[set[tuple[str, ...]], list[str]]:
    """Every run of `length` words inside a phrase the file lists (one a line, # comments), and the phrases themselves."""
    phrases = []
    for number, line in enumerate(listed.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = WORD.findall(line.lower())
        assert len(words) >= length, f"{listed.relative_to(ROOT)}:{number}: fewer than {length} words, never flagged: {line!r}"
        phrases.append(" ".join(words))
    allowed = set()
    for phrase in phrases:
        allowed |= word_runs(phrase.split(), length)
    return allowed, phrases
