"""The site's Content-Security-Policy as mkdocs.yml, the built pages and docs/_headers state it."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import sync
from .builds import parsed
from .config import ROOT, mkdocs_yml


# Only a header can carry these (a <meta> policy ignores frame-ancestors).
HEADER_ONLY = sync.HEADER_ONLY


def policy() -> dict[str, list[str]]:
    """The published policy, directive -> sources, from mkdocs.yml."""
    return {name: list(sources) for name, sources in mkdocs_yml()["extra"]["content_security_policy"].items()}


def parse(text: str) -> dict[str, list[str]]:
    """A policy's text as directive -> sources."""
    directives = [d.split() for d in text.split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def header_policy() -> dict[str, list[str]]:
    """The policy a header carries: mkdocs.yml's, and what only a header can say."""
    return {**policy(), **HEADER_ONLY}


def render(directives: dict[str, list[str]]) -> str:
    """directive -> sources as a policy's text."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def sha256(text: str) -> str:
    """The policy's source for an inline script or style: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline(html: Path) -> list[tuple[str, str]]:
    """(kind, text) of every inline script a browser runs and every <style>."""
    soup = parsed(html)
    found = [("script-src", s.string or "") for s in soup.find_all("script")
             if not s.get("src") and s.get("type") in (None, "", "text/javascript", "module")]
    found += [("style-src", s.string or "") for s in soup.find_all("style")]
    found += [("style-src (attribute)", el["style"]) for el in soup.find_all(style=True)]
    return found


HEADERS_FILE = ROOT / "docs" / "_headers"


def published_headers() -> dict[str, str]:
    """What docs/_headers tells a host to send with every file (the policy among them)."""
    return dict(re.findall(r"^\s+([\w-]+):\s*(.+?)\s*$", HEADERS_FILE.read_text(encoding="utf-8"), re.M))
