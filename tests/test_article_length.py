"""The article reads in about ten minutes in either view.

A reader of one view reads the text shared by both views plus that view's
tabs. The article promises the whole argument in 2,400 words or fewer a view,
about ten and a half minutes at 230 words a minute; past that, new hires skim.
Counted as docs/start-here.md's reading times are: the built page's article,
without the other view's tabs, tab labels, hidden elements and ¶ signs.
"""

from __future__ import annotations

import pytest

import sync  # scripts/sync.py
from view_contract import VIEWS

MOST_WORDS = 2400


# Words a reader of one view sees, counted as the reading times are.
words_in_view = sync.words_in_view


@pytest.mark.parametrize("view", VIEWS)
def test_the_article_fits_in_2400_words_a_view(site, view):
    html = (site.path / "article" / "index.html").read_text(encoding="utf-8")
    words = words_in_view(html, view)
    assert words <= MOST_WORDS, (
        f"docs/article.md: the {view} view has {words} words, over {MOST_WORDS}. Cut prose (shared text first, "
        "it counts in both views) or move a detail to the page that owns it and link there."
    )
