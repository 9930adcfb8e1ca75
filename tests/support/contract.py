"""The URL contract (editorial/url-contract.txt): every public address of the site.

One line per URL from the site's root: a page, a section anchor, a glossary
term, a tab anchor, a view link, or a moved page's old address written
`/old/ -> /new/`. Comments start with #.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import ROOT

CONTRACT = ROOT / "editorial" / "url-contract.txt"


@dataclass(frozen=True)
class Entry:
    line: int
    url: str  # from the site's root, starting with "/"
    target: str | None = None  # set for a moved page: "/old/ -> /new/"

    @property
    def path(self) -> str:
        return re.split(r"[?#]", self.url, maxsplit=1)[0]

    @property
    def anchor(self) -> str | None:
        return self.url.split("#", 1)[1] if "#" in self.url else None

    @property
    def view(self) -> str | None:
        match = re.search(r"[?&]view=([^&#]*)", self.url)
        return match[1] if match else None


def read_contract() -> list[Entry]:
    entries = []
    for number, raw in enumerate(CONTRACT.read_text(encoding="utf-8").splitlines(), start=1):
        words = raw.split()
        if not words or words[0].startswith("#"):
            continue
        where = f"{CONTRACT.relative_to(ROOT)}:{number}"
        assert words[0].startswith("/"), f"{where}: {words[0]!r} must start with / (the site's root)"
        if len(words) > 1 and words[1] == "->":
            entry, rest = Entry(number, words[0], words[2]), words[3:]
        else:
            entry, rest = Entry(number, words[0]), words[1:]
        assert not rest or rest[0].startswith("#"), f"{where}: unexpected {' '.join(rest)!r}; comments start with #"
        entries.append(entry)
    return entries


ENTRIES = read_contract()

# The old addresses of moved pages, as relative URL folders ("examples/"),
# each forwarding to a page of the nav.
MOVED_PAGES = [e.url.lstrip("/") for e in ENTRIES if e.target]
