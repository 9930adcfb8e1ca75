"""An organisation's own file, org.yml: check it and write what the pages include.

An organisation that adopts the site writes `org.yml` at the repository root
(`org.example.yml` shows every key, for a made-up company). This script
checks it and writes, from it, the files the pages and templates include:

- `includes/org/*.md`: Markdown snippets (pymdownx.snippets) for Roles and
  levels and Start here. `mkdocs.yml` lists `includes/org` before
  `includes/no-org`, whose committed files of the same names are empty, so a
  checkout without `org.yml` builds with no trace of an organisation;
- `overrides/partials/org.html`: the organisation's line for the footer and
  the printed page, included with `ignore missing` by `overrides/page.html`.

Why a generated file and not a build hook: Zensical runs no hooks and no
MkDocs plugins, while both engines read snippets and template includes. So
every build path runs `prepare` first: `scripts/serve`, the tests
(`tests/conftest.py`), the publish build and, for MkDocs, the hook
`hooks/org.py` too. Without `org.yml`, `prepare` removes what an earlier run
wrote. Usage:

    python scripts/org.py prepare          # org.yml at the repository root
    python scripts/org.py check FILE       # only check a file
    python scripts/org.py publishable      # refuse placeholders (./scripts/build runs it)

A bad file stops the build with one line naming the file, the line in it,
the key (list positions counted from 1) and the fix.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
import shutil
import stat
import sys
import unicodedata
from pathlib import Path
from typing import NoReturn

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from view_contract import VIEWS  # noqa: E402

ORG_FILE = "org.yml"
SNIPPETS = Path("includes/org")  # generated; listed first in snippets' base_path
EMPTY_SNIPPETS = Path("includes/no-org")  # committed, empty: the build without org.yml
PARTIAL = Path("overrides/partials/org.html")  # generated; included with `ignore missing`

# The site's levels (Roles and levels, "Levels").
LEVELS = ("First job", "Senior", "Staff")

# Each key: required or not. Nested mappings and list items have their own.
TOP_KEYS = {"name": True, "team": True, "contact": True, "titles": False, "first_week": False, "links": False,
            # Who owns this copy's text, where corrections go, and what it changed.
            "repository": False, "feedback": False, "changes": False}
CONTACT_KEYS = {"label": True, "url": True}
TITLE_KEYS = {"title": True, "role": True, "level": True, "view": True}
LINK_KEYS = {"label": True, "url": True}


class OrgError(Exception):
    """A problem with the organisation's file; the message names the file, the key and the fix."""


def snippet_names() -> list[str]:
    """Every snippet the pages include from includes/org (or its empty twin)."""
    return ["org-roles.md"] + [f"org-{part}-{view.lower()}.md" for part in ("first-week", "links") for view in VIEWS]


# --- Reading --------------------------------------------------------------------

MAX_BYTES = 256 * 1024  # far above any real org.yml (the example is 2 KB)
MAX_DEPTH = 6  # the deepest key is links.Engineer #1.url: four levels
EXCERPT = 40  # characters of a value an error message shows at most


class _Loader(yaml.SafeLoader):
    """YAML's safe loader; load() walks what it composes for line numbers, depth and duplicate keys."""


# A file is read first with PyYAML's C loader (libyaml, in PyYAML's wheels),
# where it is installed: it refuses 50,000 nested brackets in about a
# millisecond, at libyaml's own limit of 1,000 levels, where the loader above
# scans them for seconds. A file it refuses for anything else is read again
# with the loader above, whose messages say more (a lone surrogate escape is
# "the control character U+D800" of a key, not an "invalid escape code").
class _FastLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """libyaml's safe loader, with the same constructors and resolver as _Loader."""


# libyaml's words when a file nests past its limit.
_TOO_DEEP = "maximum nesting depth"


def _show(value, limit: int = EXCERPT) -> str:
    """A value for an error message: quoted, and cut short."""
    text = repr(value) if not isinstance(value, str) else value
    cut = text if len(text) <= limit else text[:limit] + "…"
    return repr(cut) if isinstance(value, str) else cut


def _read(path: Path) -> str:
    """The file's text, or OrgError in one line naming the file: never a traceback."""
    name = path.name
    if path.is_symlink() and not path.exists():
        raise OrgError(f"{name}: a link to {_show(str(path.readlink()))}, which does not exist; point it at a file or remove it.")
    if path.is_dir():
        raise OrgError(f"{name}: a folder, not a file; the organisation's file is one YAML file (see org.example.yml).")
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise OrgError(f"{name}: not a regular file; write the organisation's file as a plain YAML file.")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise OrgError(f"{name}: cannot be read ({error.strerror or error}).") from None
    if len(data) > MAX_BYTES:
        raise OrgError(f"{name}: larger than {MAX_BYTES // 1024} KB; an organisation's file is a few KB (see org.example.yml).")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise OrgError(f"{name}: saved as UTF-16; save it as UTF-8.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise OrgError(f"{name} line {line}: not UTF-8 (byte 0x{data[error.start]:02X}); save the file as UTF-8.") from None
    text = text.removeprefix("\ufeff")  # a byte-order mark at the start is harmless
    if "\ufeff" in text:
        line = text[:text.index("\ufeff")].count("\n") + 1
        raise OrgError(f"{name} line {line}: a byte-order mark (U+FEFF) in the middle of the file, "
                       "often left by pasting two files together; delete it.")
    return text


def _walk(node, path: tuple, lines: dict, file: str, depth: int = 0, seen: set | None = None) -> None:
    """Record each key's and item's line; refuse duplicate keys and nesting past MAX_DEPTH."""
    seen = set() if seen is None else seen
    if id(node) in seen:  # an alias: walked once already
        return
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise OrgError(f"{file} line {node.start_mark.line + 1}: {_where(path)}: nested too deeply; "
                       "no key of the file goes deeper than a list of mappings (see org.example.yml).")
    if isinstance(node, yaml.MappingNode):
        keys: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is not None and key_node.tag != "tag:yaml.org,2002:merge":
                if key in keys:
                    raise OrgError(f"{file} line {line}: {_where(path + (key,))}: given twice (first on line {keys[key]}); "
                                   "keep one.")
                keys[key] = line
                lines.setdefault(path + (key,), line)
            _walk(value_node, path + (key,), lines, file, depth + 1, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines.setdefault(path + (i,), item.start_mark.line + 1)
            _walk(item, path + (i,), lines, file, depth + 1, seen)


def parse(text: str, file: str = ORG_FILE) -> tuple[object, dict]:
    """YAML text as data, with the line of each key and list item: {("titles", 1, "role"): 12}."""
    if yaml.__with_libyaml__:
        try:
            return _parse(text, file, _FastLoader)
        except OrgError as error:
            if "nested too deeply" in str(error):
                raise
    return _parse(text, file, _Loader)


def _parse(text: str, file: str, loader_class: type) -> tuple[object, dict]:
    loader = None
    lines: dict = {}
    try:
        loader = loader_class(text)  # reads the text for characters YAML refuses
        node = loader.get_single_node()
        if node is None:
            return None, lines
        _walk(node, (), lines, file)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{file} line {mark.line + 1}" if mark else file
        problem = "; ".join(filter(None, (error.context, error.problem)))  # may quote a tag or a character
        if _TOO_DEEP in problem:
            raise OrgError(f"{where}: nested too deeply; no key of the file goes deeper than a list of mappings "
                           "(see org.example.yml).") from None
        raise OrgError(f"{where}: not valid YAML: {_show(problem, 3 * EXCERPT)[1:-1]}.") from None
    except yaml.reader.ReaderError as error:
        line = text[:error.position].count("\n") + 1
        raise OrgError(f"{file} line {line}: a control character (U+{error.character:04X}) YAML does not allow; "
                       "delete it.") from None
    except yaml.YAMLError as error:
        raise OrgError(f"{file}: not valid YAML: {_show(str(error).splitlines()[0])}.") from None
    except RecursionError:
        raise OrgError(f"{file}: nested too deeply; no key of the file goes deeper than a list of mappings "
                       "(see org.example.yml).") from None
    finally:
        if loader:
            loader.dispose()


def load(path: Path) -> dict:
    """Read and check an organisation's file."""
    text = _read(path)
    data, lines = parse(text, path.name)
    return check(data, path.name, lines, text.splitlines())


# --- Checking -------------------------------------------------------------------

# Characters no value may hold: controls (a tab or line break inside a link's
# scheme still runs in a browser), unpaired surrogates, and the marks that
# reverse or isolate the text around them.
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Never in a link as written: a browser reads `\` as `/` (`/\host` is another
# host), and the rest end an attribute or start markup.
LINK_NEVER = set('\\<>"`')
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
HOST = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.?(?::\d{1,5})?$")
MAILTO = re.compile(r"^mailto:[^@?/:]+@[^@?/:]+\.[^@?/:]+(?:\?.*)?$", re.I)


def _where(path: tuple) -> str:
    """("titles", 1, "role") -> "titles #2.role": list positions counted from 1."""
    out = ""
    for part in path:
        name = _show(part).strip("'") if isinstance(part, str) else str(part)  # a long key, cut short
        out += f" #{part + 1}" if isinstance(part, int) else (f".{name}" if out else name)
    return out


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@functools.cache
def site_roles(page: Path = ROOT / "docs" / "roles.md") -> dict[str, str]:
    """The titles of Roles and levels' table, by each way of writing one in lower case:
    "site reliability engineer (sre)", "site reliability engineer" and "sre" -> the site's spelling of that form."""
    try:
        table = page.read_text(encoding="utf-8").split('<div class="roles-table" markdown>')[1].split("</div>")[0]
    except (OSError, IndexError):
        return {}
    forms = {}
    for row in [line for line in table.splitlines() if line.startswith("|")][2:]:
        title = row.split("|")[1].strip()
        short = re.sub(r"\s*\(([^)]*)\)$", "", title)
        for form in (title, short, *re.findall(r"\(([^)]*)\)$", title)):
            forms.setdefault(form.lower(), form)
    return forms


class _Check:
    """One file's check: every message names the file, the line (when known), the key and the fix."""

    def __init__(self, file: str, lines: dict | None, source: list[str] | None):
        self.file, self.lines, self.source = file, lines or {}, source or []

    def line(self, path: tuple) -> int | None:
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def fail(self, path: tuple, message: str) -> NoReturn:
        line = self.line(path)
        head = f"{self.file} line {line}" if line else self.file
        raise OrgError(f"{head}: {_where(path) or 'the file'}: {message}")

    def hint(self, path: tuple) -> str:
        """For a value YAML read as nothing: was it a comment?"""
        line = self.lines.get(path)
        text = self.source[line - 1] if line and line <= len(self.source) else ""
        if re.search(r"(:|^\s*-)\s+#", text):
            return " YAML reads everything after ' #' as a comment: put the value in quotes, as in label: \"#team-chat\"."
        return ""

    def mapping(self, value, path: tuple, keys: dict[str, bool]) -> dict:
        if not isinstance(value, dict):
            self.fail(path, f"must be a mapping of keys ({', '.join(keys)}).")
        for key in value:
            if key not in keys:
                self.fail(path + (key,), f"unknown key; the keys here are {', '.join(keys)}.")
        for key, required in keys.items():
            if required and _blank(value.get(key)):
                self.fail(path + (key,), "missing; it is required." + self.hint(path + (key,)))
        return value

    def text(self, value, path: tuple) -> str:
        """One line of text. A line break or tab inside folds into a space; Markdown stays literal (see _md)."""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.fail(path, "must be text." + (self.hint(path) if value is None else ""))
        text = " ".join(str(value).split())
        bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Cs") or c in BIDI), None)
        if bad:
            self.fail(path, f"holds the control character U+{ord(bad):04X}; delete it.")
        if not text:
            self.fail(path, "empty; write it or delete the line.")
        return text

    def link(self, value, path: tuple) -> str:
        """A link exactly as written: https://host..., mailto:address or a path on this site's host."""
        if not isinstance(value, str):
            self.text(value, path)  # nothing, or a list: "must be text"
            self.fail(path, f"{_show(value)} is not a link; write https://….")
        url, shown = value, _show(value)
        bad = next((c for c in url if c.isspace() or c in LINK_NEVER or c in BIDI
                    or unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Zs", "Zl", "Zp")), None)
        if bad:
            what = "a space or line break" if bad.isspace() else "a backslash" if bad == "\\" else f"the character U+{ord(bad):04X}"
            self.fail(path, f"{shown} holds {what}; a link is written without it (a space inside a path is %20).")
        lower = url.lower()
        if lower.startswith("https://"):
            host = re.split(r"[/?#]", url[len("https://"):], maxsplit=1)[0]
            if not host:
                self.fail(path, f"{shown} names no host; write https://host/path.")
            if "@" in host:
                self.fail(path, f"{shown} holds a user name or password before '@'; write https://host/path without them.")
            if not HOST.match(host):
                self.fail(path, f"{shown}: {_show(host)} is not a host name; write https://host/path.")
            return url
        if lower.startswith("mailto:"):
            if not MAILTO.match(url):
                self.fail(path, f"{shown} names no address; write mailto:team@example.com.")
            return url
        if url.startswith("//"):
            self.fail(path, f"{shown} reads as another host (protocol-relative); write https://{url[2:] or 'host/path'}.")
        if SCHEME.match(url):
            self.fail(path, f"{shown} is not an https:// or mailto: link, nor a path on this site's host; "
                            + ("use https://." if lower.startswith("http:") else "no other scheme is allowed."))
        return url

    def view(self, value, path: tuple) -> str:
        view = next((v for v in VIEWS if v.lower() == self.text(value, path).lower()), None)
        if not view:
            self.fail(path, f"{_show(value)} is not a view; use {' or '.join(VIEWS)} (in any case).")
        return view

    def one_of(self, value, path: tuple, forms: dict[str, str], what: str, page: str) -> str:
        """A value from a list (in any case); for a typo, the closest one."""
        text = self.text(value, path)
        if text.lower() in forms:
            return forms[text.lower()]
        close = difflib.get_close_matches(text.lower(), forms, n=1, cutoff=0.6)
        guess = f"; did you mean {forms[close[0]]!r}?" if close else "."
        self.fail(path, f"{_show(value)} is not one of the site's {what} ({page}){guess}")

    def per_view(self, value, path: tuple) -> dict[str, list]:
        """{Developer: [...], engineer: [...]} -> {"Developer": [...], "Engineer": [...]}, views in any case."""
        if not isinstance(value, dict):
            self.fail(path, f"must map a view ({' or '.join(VIEWS)}) to a list.")
        out = {}
        for key, items in value.items():
            view = self.view(key, path + (key,))
            if view in out:
                self.fail(path + (key,), f"{view} is given twice; keep one list.")
            if not isinstance(items, (list, type(None))):
                self.fail(path + (key,), "must be a list (each item on a line starting with '- ').")
            out[view] = [(key, i, item) for i, item in enumerate(items or [])]
        return out


# The handout (docs/handout.md) prints on one A4 and one Letter sheet per
# view, with room left for about 3 lines of the organisation's: a build cannot
# count printed pages (no browser), so it counts lines. An item takes a line
# per 100 characters, as does the "Added by <name>" line above them; the
# printed credit line ("Kept for <name> by <team>. Questions...") a line per
# 130 beyond its first. Measured in Chromium: 3 items of 110 characters fit
# each view on both sheets, a fourth short one does not; 2 items of 200
# do not; an 80-character name leaves room for 1 item.
# tests/test_org_input.py prints a handout at the limit.
HANDOUT_ROOM = 3
HANDOUT_LINE = 100
CREDIT_LINE = 130


def handout_lines(org: dict, view: str) -> int:
    """How many lines of the printed handout the organisation's items and credit take in `view`, beyond the site's own."""
    lines = lambda text, width: -(-len(text) // width)  # noqa: E731 (rounded up)
    credit = f"Kept for {org['name']} by {org['team']}. Questions and corrections: {org['contact']['label']}."
    items = org["first_week"][view]
    mark = f"Added by {org['name']} for its own teams:" if items else ""
    return sum(lines(item, HANDOUT_LINE) for item in items) + max(lines(mark, HANDOUT_LINE) - 1, 0) + lines(credit, CREDIT_LINE) - 1


# One value checked on its own, by a key's name: no line number in the message.
def _text(value, where: str, file: str = ORG_FILE) -> str:
    return _Check(file, None, None).text(value, (where,))


def _link(value, where: str, file: str = ORG_FILE) -> str:
    return _Check(file, None, None).link(value, (where,))


def check(data, file: str = ORG_FILE, lines: dict | None = None, source: list[str] | None = None) -> dict:
    """The organisation's data, checked and tidied; OrgError names the first problem.

    `lines` and `source` (from parse()) let messages give each key's line and
    spot a value YAML read as a comment; without them messages name the key only."""
    c = _Check(file, lines, source)
    data = c.mapping(data, (), TOP_KEYS)
    org = {
        "name": c.text(data["name"], ("name",)),
        "team": c.text(data["team"], ("team",)),
        "titles": [],
        "first_week": {view: [] for view in VIEWS},
        "links": {view: [] for view in VIEWS},
    }
    contact = c.mapping(data["contact"], ("contact",), CONTACT_KEYS)
    org["contact"] = {"label": c.text(contact["label"], ("contact", "label")),
                      "url": c.link(contact["url"], ("contact", "url"))}
    titles = data.get("titles") or []
    if not isinstance(titles, list):
        c.fail(("titles",), f"must be a list of titles, each with {', '.join(TITLE_KEYS)}.")
    levels = {level.lower(): level for level in LEVELS}
    for i, entry in enumerate(titles):
        at = ("titles", i)
        entry = c.mapping(entry, at, TITLE_KEYS)
        roles = site_roles()
        org["titles"].append({
            "title": c.text(entry["title"], at + ("title",)),
            "role": c.one_of(entry["role"], at + ("role",), roles, "roles", "the titles on Roles and levels")
            if roles else c.text(entry["role"], at + ("role",)),
            "level": c.one_of(entry["level"], at + ("level",), levels, "levels", ", ".join(LEVELS)),
            "view": c.view(entry["view"], at + ("view",)),
        })
    first_week = c.per_view(data.get("first_week") or {}, ("first_week",))
    for view, items in first_week.items():
        org["first_week"][view] = [c.text(item, ("first_week", key, i)) for key, i, item in items]
    for view in VIEWS:
        if handout_lines(org, view) > HANDOUT_ROOM:
            key = next((key for key, _, _ in first_week.get(view, [])), None)
            c.fail(("first_week", key) if key else ("name",),
                   f"the handout would print on two pages in the {view} view: these take about "
                   f"{handout_lines(org, view)} lines, and it has room for {HANDOUT_ROOM} (an item is a line per "
                   f"{HANDOUT_LINE} characters); shorten or drop items, or move them to links.")
    for view, items in c.per_view(data.get("links") or {}, ("links",)).items():
        for key, i, entry in items:
            at = ("links", key, i)
            entry = c.mapping(entry, at, LINK_KEYS)
            org["links"][view].append({"label": c.text(entry["label"], at + ("label",)),
                                       "url": c.link(entry["url"], at + ("url",))})
    return _ownership(c, data, org)


def _ownership(c: "_Check", data: dict, org: dict) -> dict:
    """The copy's own repository, feedback route and changes, each optional.

    `repository` (https://) is where the copy's source lives: the footer links
    it, and without it no page links to any repository. `feedback` (label and
    url) is where corrections go; without it, the contact takes them.
    `changes` says in a sentence or a list what the organisation changed in
    the original: the footer says it beside the credit to the original."""
    repository = data.get("repository")
    org["repository"] = None
    if not _blank(repository):
        url = c.link(repository, ("repository",))
        if not url.startswith("https://"):
            c.fail(("repository",), f"{_show(url)} is not an https:// address; give the address of your copy's repository.")
        org["repository"] = url
    feedback = data.get("feedback")
    org["feedback"] = None
    if not _blank(feedback):
        feedback = c.mapping(feedback, ("feedback",), LINK_KEYS)
        org["feedback"] = {"label": c.text(feedback["label"], ("feedback", "label")),
                           "url": c.link(feedback["url"], ("feedback", "url"))}
    changes = data.get("changes")
    if _blank(changes):
        changes = []
    elif not isinstance(changes, list):
        changes = [changes]
    org["changes"] = [c.text(change, ("changes",) if len(changes) == 1 else ("changes", i))
                      for i, change in enumerate(changes)]
    return org


# --- Writing --------------------------------------------------------------------


def _md(text: str) -> str:
    """Text from the file as literal Markdown: no markup, no HTML, no template syntax.

    Every ASCII character but letters, digits and the space is written as a
    numeric character reference (`#` -> `&#35;`): no Markdown extension of the
    site (links, autolinks of bare addresses, emoji shortcodes, snippets,
    tables' `|`, attribute lists' `{...}`) reads one, and the reader sees the
    character as written. Backslash escapes cover only some of them."""
    return "".join(c if c.isalnum() or c == " " or ord(c) > 127 else f"&#{ord(c)};" for c in text)


def _attr(text: str) -> str:
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


def render(org: dict) -> dict[str, str]:
    """What the pages include, by file name (snippets) and the footer partial."""
    name, team = _md(org["name"]), _md(org["team"])
    out = {}
    rows = "".join(f"| {_md(t['title'])} | {_md(t['role'])} | {t['level']} | {t['view']} |\n" for t in org["titles"])
    out["org-roles.md"] = (
        f"## At {name} {{ #at-your-organisation }}\n\n"
        f"How the titles used at {name} map onto the roles and levels on this page, as {team} keeps them. "
        "Where the two disagree about a person's work, the work wins: see the next section.\n\n"
        # In a div for the phone's stacked layout (stacked-tables.css).
        f'<div class="org-titles-table" markdown>\n\n'
        f"| Title at {name} | Closest role on this site | Level | Read first |\n| --- | --- | --- | --- |\n{rows}\n</div>\n"
        if org["titles"] else ""
    )
    for view in VIEWS:
        items = org["first_week"][view]
        out[f"org-first-week-{view.lower()}.md"] = (
            f"Added by {name} for its own teams:\n{{ .org-mark }}\n\n" + "".join(f"- [ ] {_md(i)}\n" for i in items)
            if items else ""
        )
        links = org["links"][view]
        out[f"org-links-{view.lower()}.md"] = (
            f"Pages at {name} for this work:\n{{ .org-mark }}\n\n"
            # Raw links: relative ones point at the organisation's own host, not at this site's pages.
            # Both through _md: Markdown reads links inside a raw tag's attribute before the tag.
            + "".join(f'- <a href="{_md(link["url"])}">{_md(link["label"])}</a>\n' for link in links)
            if links else ""
        )
    out["org.html"] = "{#- Written by scripts/org.py from org.yml; do not edit. -#}\n" + _ownership_html(org)
    return out


def _a(link: dict) -> str:
    return f'<a href="{_attr(link["url"])}">{_attr(link["label"])}</a>'


def _ownership_html(org: dict) -> str:
    """The organisation's line for the footer and the printed page: who keeps
    the copy, where questions and corrections go, its repository if it names
    one, and what it changed in the original."""
    contact, feedback = org["contact"], org.get("feedback")
    route = (f"Questions: {_a(contact)}. Corrections: {_a(feedback)}." if feedback
             else f"Questions and corrections: {_a(contact)}.")
    source = (f' Source: <a href="{_attr(org["repository"])}">its repository</a>.' if org.get("repository") else "")
    line = f'<span class="org-credit">Kept for <strong>{_attr(org["name"])}</strong> by {_attr(org["team"])}. {route}{source}</span>'
    if org.get("changes"):
        changed = " ".join(_attr(c if c.endswith((".", "!", "?")) else c + ".") for c in org["changes"])
        line += f' <span class="org-changes">Changed by {_attr(org["name"])} from the original: {changed}</span>'
    return line + "\n"


def _write(path: Path, text: str) -> None:
    # Unchanged files are left alone, so `mkdocs serve` does not rebuild in a loop.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def prepare(root: Path = ROOT) -> dict | None:
    """Check the org.yml at `root` and write what the pages include; without it, remove that. Returns the data."""
    source = root / ORG_FILE
    if not source.exists() and not source.is_symlink():  # a dangling link is a mistake, for load() to name
        shutil.rmtree(root / SNIPPETS, ignore_errors=True)
        (root / PARTIAL).unlink(missing_ok=True)
        return None
    org = load(source)
    files = render(org)
    for name in snippet_names():
        _write(root / SNIPPETS / name, files[name])
    _write(root / PARTIAL, files["org.html"])
    return org


# --- Before publishing --------------------------------------------------------------

# Addresses that stand in for a real owner: the public site's old placeholder
# repository, and hosts reserved for examples (RFC 2606 and 6761), such as
# org.example.yml's northwind.example.
PLACEHOLDER_URLS = ("https://github.com/dev-vs-eng/dev-vs-eng",)
EXAMPLE_HOSTS = re.compile(r"(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$")


def placeholder(url: str) -> bool:
    host = re.match(r"^https?://([^/:?#]+)", url or "")
    return url.rstrip("/") in PLACEHOLDER_URLS or bool(host and EXAMPLE_HOSTS.search(host[1].lower()))


def publish_problems(root: Path = ROOT) -> list[str]:
    """What a published build must not carry: a repository or contact that is a
    placeholder, in mkdocs.yml's repo_url or in org.yml. One line each, naming
    the file, the key and the fix. ./scripts/build refuses to build on any."""
    problems = []
    repo = re.search(r"^repo_url:[ \t]*['\"]?([^'\"\s#]+)", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    if repo and placeholder(repo[1]):
        problems.append(f"mkdocs.yml: repo_url: {repo[1]!r} is a placeholder, not a repository anyone keeps; "
                        "set it to your repository, or leave it out and no page links to one.")
    if (root / ORG_FILE).exists():
        org = load(root / ORG_FILE)
        urls = [("repository", org["repository"]), ("contact.url", org["contact"]["url"])]
        urls += [("feedback.url", org["feedback"]["url"])] if org["feedback"] else []
        urls += [(f"links.{view}[{i}].url", link["url"]) for view in VIEWS for i, link in enumerate(org["links"][view])]
        problems += [f"{ORG_FILE}: {key}: {url!r} is a placeholder (an example address); put your own, "
                     "or leave the key out where it is optional." for key, url in urls if url and placeholder(url)]
    return problems


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["prepare"] and len(argv) == 1:
            org = prepare()
            print(f"scripts/org.py: {'built with ' + org['name'] if org else 'no org.yml; the public site'}", file=sys.stderr)
            return 0
        if argv[:1] == ["publishable"] and len(argv) == 1:
            problems = publish_problems()
            for problem in problems:
                print(f"error: {problem}", file=sys.stderr)
            return 1 if problems else 0
        if argv[:1] == ["check"] and len(argv) == 2:
            load(Path(argv[1]))
            return 0
    except OrgError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(__doc__.split("Usage:")[1].split("A bad file")[0].rstrip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
