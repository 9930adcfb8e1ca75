"""What writers own, parsed once: abbreviations, the glossary, its word list, the quantities.

- includes/abbreviations.md: `*[TERM]: meaning`, one tooltip a line;
- docs/glossary.md: one `### Term { #id }` heading a term, its definition the
  paragraph below;
- editorial/glossary-terms.txt: `glossary-id: word, word`, the words in page
  text that send a reader to an entry;
- editorial/quantities.yml: how much the site promises (at least 12 aspects,
  8 to 12 statements, ...), content decisions the tests read.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

import yaml
from pymdownx.slugs import slugify

from .config import ROOT

ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
GLOSSARY = ROOT / "docs" / "glossary.md"
GLOSSARY_TERMS = ROOT / "editorial" / "glossary-terms.txt"
QUANTITIES = ROOT / "editorial" / "quantities.yml"

_ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")
_TERM_HEADING = re.compile(r"^###\s+(?P<term>.+?)(?:\s*\{\s*#(?P<id>[\w-]+)[^}]*\})?\s*$")
_SLUG = slugify(case="lower")


def abbreviations() -> dict[str, str]:
    """Abbreviation -> the meaning its tooltip shows."""
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    return {m["term"]: m["meaning"] for m in map(_ABBREVIATION.match, lines) if m}


@dataclass(frozen=True)
class Term:
    id: str  # the anchor: glossary/#id
    term: str  # the heading's text
    definition: str  # the paragraph under the heading, as plain text

    def words(self) -> int:
        return len(self.definition.split())


def _plain(markdown: str) -> str:
    """Markdown text as read: links, emphasis and code marks dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text)


def glossary() -> dict[str, Term]:
    """The glossary's terms by id, in the page's order."""
    terms: dict[str, Term] = {}
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        match = _TERM_HEADING.match(line)
        if not match:
            continue
        paragraph = []
        for following in lines[number + 1:]:
            if following.startswith("#"):
                break
            if not following.strip():
                if paragraph:
                    break
                continue
            paragraph.append(following.strip())
        term_id = match["id"] or _SLUG(match["term"], "-")
        terms[term_id] = Term(term_id, match["term"], _plain(" ".join(paragraph)))
    return terms


def term_headings() -> dict[str, str]:
    """Glossary id -> the term's heading text."""
    return {term_id: entry.term for term_id, entry in glossary().items()}


def glossary_words() -> dict[str, list[str]]:
    """editorial/glossary-terms.txt: glossary id -> the words that need that entry."""
    entries = {}
    for number, line in enumerate(GLOSSARY_TERMS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        term_id, sep, words = line.partition(":")
        assert sep and words.strip(), f"editorial/glossary-terms.txt:{number}: write 'glossary-id: word, word'"
        entries[term_id.strip()] = [w.strip() for w in words.split(",") if w.strip()]
    return entries


@functools.cache
def _quantities(mtime_ns: int) -> dict:
    return yaml.load(QUANTITIES.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def quantity(name: str):
    """A number (or list) from editorial/quantities.yml, by dotted name: quantity("comparison.aspects")."""
    value = _quantities(QUANTITIES.stat().st_mtime_ns)
    for part in name.split("."):
        assert isinstance(value, dict) and part in value, (
            f"editorial/quantities.yml has no {name}: add it (the tests read it from there)")
        value = value[part]
    return copy.deepcopy(value)  # the file is read once a run: a caller's change stays its own
