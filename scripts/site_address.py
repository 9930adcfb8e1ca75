"""SITE_URL, checked: the address a build is made for, or a one-line reason it is not one.

Used by scripts/build.py (both engines, before anything is written) and by
the MkDocs hook hooks/site_url.py (a plain `mkdocs build`). The address
reaches every page's canonical link and previews, the linking page and the
404 page, where Material's own templates write it unescaped: so only what
an address needs is let through. Standard library only: scripts/build.py
checks before it installs anything.
"""

from __future__ import annotations

import re

EXAMPLE = "https://portal.example.com/handbook/dev-vs-eng/"

HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                  r"|\[[0-9A-Fa-f:.]+\]")
PORT = re.compile(r"[0-9]{1,5}")
# Letters, digits, - . _ ~ and /, or a percent-encoded byte: nothing a page's markup could read.
PATH = re.compile(r"(?:[A-Za-z0-9._~/-]|%[0-9A-Fa-f]{2})*")


class AddressError(ValueError):
    """Why a SITE_URL is not an address; the message is a sentence without the value."""


def check(value: str) -> str:
    """`value` as a site address, ending in "/"; raises AddressError saying what is wrong."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value):
        raise AddressError("it holds a space, tab, line break or control character")
    if any(c in value for c in "\"'<>`\\"):
        raise AddressError("it holds a quote, angle bracket, backtick or backslash")
    scheme, sep, rest = value.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        raise AddressError("it must start with https:// (or http://)")
    if "#" in rest:
        raise AddressError("it holds a fragment (#...); a site address has none")
    if "?" in rest:
        raise AddressError("it holds a query (?...); a site address has none")
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        raise AddressError("it holds a user name or password (...@); leave them out")
    host, colon, port = authority.rpartition(":") if not authority.endswith("]") else (authority, "", "")
    if not colon:
        host = authority
    if not host:
        raise AddressError("it has no host after the scheme")
    if not HOST.fullmatch(host):
        raise AddressError("its host is not a host name or IP address (letters, digits, dots and hyphens)")
    if colon and not (PORT.fullmatch(port) and 0 < int(port) < 65536):
        raise AddressError("its port is not a number from 1 to 65535")
    if not PATH.fullmatch(path):
        raise AddressError("its path holds characters other than letters, digits, - . _ ~ / (percent-encode them)")
    if any(part in (".", "..") for part in path.split("/")):
        raise AddressError("its path holds a . or .. folder")
    address = f"{scheme.lower()}://{authority}/{path}"
    return address if address.endswith("/") else address + "/"


def excerpt(value: str, limit: int = 60) -> str:
    """A short, printable quotation of a value for a message."""
    return repr(value if len(value) <= limit else value[:limit] + "...")
