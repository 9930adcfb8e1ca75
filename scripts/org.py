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

A bad file stops the build with one line naming the file, the key and the fix.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

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


# --- Checking -------------------------------------------------------------------


def _mapping(value, where: str, keys: dict[str, bool], file: str) -> dict:
    if not isinstance(value, dict):
        raise OrgError(f"{file}: {where or 'the file'} must be a mapping of keys ({', '.join(keys)}).")
    for key in value:
        if key not in keys:
            raise OrgError(f"{file}: {_join(where, key)}: unknown key; the keys here are {', '.join(keys)}.")
    for key, required in keys.items():
        if required and (value.get(key) is None or value.get(key) == ""):
            raise OrgError(f"{file}: {_join(where, key)}: missing; it is required.")
    return value


def _join(where: str, key) -> str:
    return f"{where}.{key}" if where else str(key)


def _text(value, where: str, file: str) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise OrgError(f"{file}: {where}: must be text.")
    return str(value).strip()


def _link(value, where: str, file: str) -> str:
    url = _text(value, where, file)
    # https, or relative to this site's host (a path, `../x`, `/wiki/x`);
    # http, mailto:, javascript: and protocol-relative `//host` are refused.
    if url.startswith("https://") or not (re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) or url.startswith("//")):
        if url.startswith("https://") and len(url) <= len("https://"):
            raise OrgError(f"{file}: {where}: {url!r} names no host.")
        return url
    raise OrgError(f"{file}: {where}: {url!r} is neither an https:// link nor a relative one; use https:// (or a path on this site's host).")


def _per_view(value, where: str, file: str) -> dict:
    if not isinstance(value, dict):
        raise OrgError(f"{file}: {where}: must map a view ({' or '.join(VIEWS)}) to a list.")
    for view, items in value.items():
        if view not in VIEWS:
            raise OrgError(f"{file}: {where}.{view}: {view!r} is not a view; use {' or '.join(VIEWS)}.")
        if not isinstance(items, list):
            raise OrgError(f"{file}: {where}.{view}: must be a list.")
    return value


def check(data, file: str = ORG_FILE) -> dict:
    """The organisation's data, checked and tidied; OrgError names the first problem."""
    data = _mapping(data, "", TOP_KEYS, file)
    org = {
        "name": _text(data["name"], "name", file),
        "team": _text(data["team"], "team", file),
        "titles": [],
        "first_week": {view: [] for view in VIEWS},
        "links": {view: [] for view in VIEWS},
    }
    contact = _mapping(data["contact"], "contact", CONTACT_KEYS, file)
    org["contact"] = {"label": _text(contact["label"], "contact.label", file),
                      "url": _link(contact["url"], "contact.url", file)}
    titles = data.get("titles") or []
    if not isinstance(titles, list):
        raise OrgError(f"{file}: titles: must be a list of titles, each with {', '.join(TITLE_KEYS)}.")
    for i, entry in enumerate(titles):
        where = f"titles[{i}]"
        entry = _mapping(entry, where, TITLE_KEYS, file)
        view = _text(entry["view"], f"{where}.view", file)
        if view not in VIEWS:
            raise OrgError(f"{file}: {where}.view: {view!r} is not a view; use {' or '.join(VIEWS)}.")
        level = _text(entry["level"], f"{where}.level", file)
        if level not in LEVELS:
            raise OrgError(f"{file}: {where}.level: {level!r} is not one of the site's levels; use {', '.join(LEVELS)}.")
        org["titles"].append({"title": _text(entry["title"], f"{where}.title", file),
                              "role": _text(entry["role"], f"{where}.role", file),
                              "level": level, "view": view})
    for view, items in _per_view(data.get("first_week") or {}, "first_week", file).items():
        org["first_week"][view] = [_text(item, f"first_week.{view}[{i}]", file) for i, item in enumerate(items)]
    for view, items in _per_view(data.get("links") or {}, "links", file).items():
        for i, entry in enumerate(items):
            where = f"links.{view}[{i}]"
            entry = _mapping(entry, where, LINK_KEYS, file)
            org["links"][view].append({"label": _text(entry["label"], f"{where}.label", file),
                                       "url": _link(entry["url"], f"{where}.url", file)})
    return _ownership(data, org, file)


def _ownership(data: dict, org: dict, file: str) -> dict:
    """The copy's own repository, feedback route and changes, each optional.

    `repository` (https://) is where the copy's source lives: the footer links
    it, and without it no page links to any repository. `feedback` (label and
    url) is where corrections go; without it, the contact takes them.
    `changes` says in a sentence or a list what the organisation changed in
    the original: the footer says it beside the credit to the original."""
    repository = data.get("repository")
    org["repository"] = None
    if repository not in (None, ""):
        url = _link(repository, "repository", file)
        if not url.startswith("https://"):
            raise OrgError(f"{file}: repository: {url!r} is not an https:// address; give the address of your copy's repository.")
        org["repository"] = url
    feedback = data.get("feedback")
    org["feedback"] = None
    if feedback not in (None, ""):
        feedback = _mapping(feedback, "feedback", LINK_KEYS, file)
        org["feedback"] = {"label": _text(feedback["label"], "feedback.label", file),
                           "url": _link(feedback["url"], "feedback.url", file)}
    changes = data.get("changes")
    if changes in (None, ""):
        changes = []
    elif not isinstance(changes, list):
        changes = [changes]
    org["changes"] = [_text(change, "changes" if len(changes) == 1 else f"changes[{i}]", file)
                      for i, change in enumerate(changes)]
    return org


def load(path: Path) -> dict:
    """Read and check an organisation's file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise OrgError(f"{path.name}: not valid YAML: {error}") from None
    return check(data, path.name)


# --- Writing --------------------------------------------------------------------


def _md(text: str) -> str:
    """Text from the file as literal Markdown: no markup, no HTML, no template syntax."""
    text = html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")
    return re.sub(r"([\\`*_\[\]()#+!|])", r"\\\1", text)


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
            + "".join(f'- <a href="{_attr(link["url"])}">{_attr(link["label"])}</a>\n' for link in links)
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
    if not source.exists():
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
