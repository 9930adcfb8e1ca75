"""The example pages' runnable programs (includes/code/), run, and the sections of built pages that quote them."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from .builds import BuiltSite
from .views import VIEWS, panels, tab_set_under


def run_example(program: Path) -> str:
    """What a program of includes/code/ prints, run with this Python (once a run, again if it changes)."""
    return _printed(program, program.stat().st_mtime_ns)


@functools.cache
def _printed(program: Path, mtime_ns: int) -> str:
    return subprocess.run([sys.executable, str(program)], capture_output=True, text=True, check=True).stdout


def section(heading) -> list:
    """The elements from an h2 to the next one."""
    parts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(element)
    return parts


def section_text(site: BuiltSite, page: str, heading_id: str) -> str:
    """The text of a built page's section (from its h2 to the next), white space folded."""
    heading = site.soup(page).find(id=heading_id)
    assert heading, f"{page}/#{heading_id} is missing"
    return " ".join(" ".join(element.get_text(" ") for element in section(heading)).split())


PARTS = ["Does:", "Measures:", "Watches out for:"]  # what each view gives every project


def projects(page: BeautifulSoup) -> list:
    """The project sections: an h2 whose tab set's views both give the three parts."""
    found = []
    for heading in page.select("article h2[id]"):
        tab_set = tab_set_under(page, heading["id"])
        if tab_set and all(part in panels(tab_set)[VIEWS[0]].get_text(" ") for part in PARTS):
            found.append(heading)
    return found


def rows(output: str) -> dict[int, tuple[int, int, int]]:
    """Load (utilization) in % -> (median, p99, p99 in theory), in ms, from the program's table."""
    found = re.findall(r"^\s*(\d+)%\s+(\d+) ms\s+(\d+) ms\s+(\d+) ms$", output, re.M)
    return {int(u): (int(m), int(p), int(t)) for u, m, p, t in found}


def printed_latencies(output: str) -> set[int]:
    """Every latency the program prints, in ms: its table and the extra runs at 95%."""
    table = {n for row in rows(output).values() for n in row}
    extra = re.search(r"three more runs:\s*(.*)$", output, re.M)
    assert extra, "queue_latency.py no longer prints the p99 of further runs at 95%"
    return table | {int(n) for n in re.findall(r"(\d+) ms", extra[1])}
