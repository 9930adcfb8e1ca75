"""The Nu Html Checker (vnu-jar from npm, run with Debian's Java) and what its findings mean here."""

from __future__ import annotations

import re

from .config import ROOT


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker runs a few seconds, too short for Java's optimising compiler to
# pay for itself: the quick compiler alone takes about half the CPU time
# (10.9 s to 4.7 s of user time over one build). It then needs a deeper
# stack than the default to read its HTML schema.
CHECKER_JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"]


def checker_artifact(message: dict) -> bool:
    """A finding that says nothing about the page as a browser gets it over HTTP."""
    text = message.get("message", "")
    if "Content Security Policy" not in text:
        return False
    # On a file: URL the policy's 'self' matches no file, so every script and
    # stylesheet of the site's own (a relative or root-relative address) reads
    # as blocked. A file from another host would still be reported.
    own = re.match(r"Resource violates Content Security Policy \(meta tag\): external \w+ “([^”]*)”", text)
    if own and not re.match(r"^[a-z][a-z0-9+.-]*:|^//", own.group(1), re.I):
        return True
    # The theme's settings block, <script id="__config" type="application/json">,
    # is data a browser never runs; the checker counts it as an inline script.
    extract = message.get("extract", "")
    if text.startswith("Inline script violates") and re.search(r"<script id=\"?__config\"? type=\"?application/json", extract):
        return True
    return False


def describe_finding(message: dict) -> str:
    """A finding as one line a person can act on: file, line, kind, message, and the code it points at."""
    where = message.get("url", "").split("/site/", 1)[-1]
    kind = message.get("subType") or message.get("type")
    return f"{where}:{message.get('lastLine', '?')}: {kind}: {message.get('message')}\n    {message.get('extract', '').strip()[:160]}"
