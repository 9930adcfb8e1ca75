"""The pages explain the source material's ideas in their own words.

The source (shared/source/article.txt, beside the checkout) gives the ideas and
their order; its sentences must not be copied. This fails when a page repeats
a run of eight or more of the source's words, other than the few phrases the
site quotes on purpose.
"""

from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT
from support.config import nav_sources
from support.editorial import quantity
from support.prose import word_runs

SOURCE = ROOT.parent / "shared" / "source" / "article.txt"
RUN = quantity("originality.copied_run_words")  # words in a row that count as copying
# Quoted on purpose, under its heading: the success metric is the site's one key question.
ALLOWED = ["success metric does this system work reliably under load for all users over time"]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


@pytest.mark.parametrize("page", nav_sources())
def test_no_sentence_is_copied_from_the_source(page):
    if not SOURCE.is_file():
        # CI always has shared/ beside the clone; a contributor's machine may not.
        message = f"{SOURCE} is missing: this check needs the team's shared/ folder beside the checkout"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    allowed = set().union(*(word_runs(words(a), RUN) for a in ALLOWED))
    ours = word_runs(words((ROOT / "docs" / page).read_text(encoding="utf-8")), RUN)
    copied = ours & word_runs(words(SOURCE.read_text(encoding="utf-8")), RUN) - allowed
    assert not copied, f"docs/{page} repeats the source word for word; rewrite: {sorted(' '.join(run) for run in copied)}"
