"""Reading times as Start here states them, from words counted the way ./scripts/sync counts them."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

import sync  # scripts/sync.py, which writes the reading times

from .editorial import quantity

WORDS_PER_MINUTE = quantity("start_here.words_per_minute")


def words_in_view(page: BeautifulSoup, view: str) -> int:
    """Words a reader of one view sees on a page, counted as ./scripts/sync counts them."""
    return sync.words_in_view(str(page), view)


def minutes(words: int) -> int:
    """Whole minutes to read `words` of prose, at least one."""
    return max(1, int(words / WORDS_PER_MINUTE + 0.5))


def read_time(page: BeautifulSoup, view: str) -> str:
    """What Start here should say for a page in a view: prose and code apart,
    "12 min" or "12 min, plus 5 min of code"."""
    prose, code = sync.prose_and_code_words(str(page), view)
    return f"{minutes(prose)} min" + (f", plus {int(code / WORDS_PER_MINUTE + 0.5)} min of code" if code >= WORDS_PER_MINUTE / 2 else "")


def typed_minutes(text: str) -> tuple[int, int]:
    """(prose, code) minutes of a typed time: "12 min, plus 5 min of code" is (12, 5)."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    return numbers[0], (numbers[1] if len(numbers) > 1 else 0)
