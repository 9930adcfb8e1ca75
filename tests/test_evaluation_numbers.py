"""The evaluation numbers on the AI examples page are the ones its program prints.

The page states margins of error (91% on 2,000 tickets is about ±1.3 points,
80% on 300 about ±4.5) and shows includes/code/evaluation_numbers.py with its
output (the block on the page is what it prints: test_content.py). The
program is run here: every margin the prose and the article quote must be in
its output.
"""

from __future__ import annotations

import re

from conftest import ROOT
from support.builds import parsed_html
from support.examples import run_example, section_text

PROGRAM = ROOT / "includes" / "code" / "evaluation_numbers.py"


def test_every_margin_the_prose_quotes_is_printed(site):
    printed = set(re.findall(r"± (\d+\.\d) points", run_example(PROGRAM)))
    prose = section_text(site, "ai-examples", "how-many-examples-an-evaluation-needs")
    prose = prose.split("Output of evaluation_numbers.py")[0] + prose.split("+5.0 points")[-1]
    quoted = set(re.findall(r"±\s?(\d+\.\d) points", prose))
    assert {"1.3", "4.5"} <= quoted, f"the section no longer quotes the margins for 91% of 2,000 and 80% of 300: {quoted}"
    assert quoted <= printed, f"the prose quotes margins the program does not print: {quoted - printed}"


def test_the_article_quotes_the_same_margin(site):
    html = (site.path / "article" / "index.html").read_text(encoding="utf-8")
    text = " ".join(parsed_html(html).select_one("article").get_text(" ").split())
    margin = re.search(r"within about (\d+\.\d) points", text)
    assert margin, "the article's ticket-tagging example no longer states the score's margin of error"
    assert f"± {margin[1]} points" in run_example(PROGRAM).splitlines()[1], "the article's margin differs from the program's"
