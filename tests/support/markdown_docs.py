"""The Markdown docs beside the code (README, CONTRIBUTING, ...), read for what goes stale.

Each check takes the checkout's root, so a test can plant a mistake in a copy.
Every check returns one line per problem, naming the doc, its line and the fix.

- paths: a repository path the docs name in backticks or a link exists (a
  pattern such as `docs/<name>.md` is not one path; a file git ignores, such as
  `screenshots/`, is one a script or a reader writes);
- commands: each `./scripts/NAME` is a script of the checkout;
- tests: each test named as `FILE::test_name` (or `::test_name`,
  of the file named last) is defined there;
- sections: a link `FILE.md#anchor`, or a doc's name then a section's name
  in quotes, names a heading that doc has;
- plugins: a MkDocs plugin or Markdown extension the docs (and the comments
  of editorial/*.txt) name is configured (mkdocs.yml, or mkdocs-techdocs.yml
  for the portal's build);
- link definitions: every `[label]: address` at a doc's foot is used;
- length: ARCHITECTURE.md stays a map, not a history (LIMITS).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml

# The docs a contributor reads, at the checkout's root; and any under editorial/.
DOCS = ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", "PUBLISHING.md", "BENCHMARKS.md"]
# Most lines a doc may have: past it, structure has turned into history or measurements.
LIMITS = {"ARCHITECTURE.md": 250}
# Files named by bare name that are not the checkout's: an organisation's own file, what the
# engines publish (Material's main.css, Zensical's redirect.json), Backstage's.
WRITTEN_ELSEWHERE = {"org.yml", "main.css", "redirect.json", "search.json", "search_index.json", "sitemap.xml",
                     "app-config.yaml", "techdocs_metadata.json"}
# Config files that configure plugins and Markdown extensions.
CONFIGS = ["mkdocs.yml", "mkdocs-techdocs.yml"]

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_CODE = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_DEFINITION = re.compile(r"^\[([^\]]+)\]:\s*(\S+)", re.M)
_SCRIPT = re.compile(r"\./scripts/([\w.-]+)")
_TEST = re.compile(r"(tests/[\w/]+\.py)?::(test_\w+)")
_SECTION = re.compile(r"\b([A-Z]+\.md|README),? \"([^\"]+)\"")
_BARE_FILE = re.compile(r"[\w.-]+\.(?:md|ya?ml|txt|py|js|css|html|json|toml|ini|cfg|svg)")
_EXTENSION = re.compile(r"\bpymdownx\.\w+")
_PLUGIN = re.compile(r"`([\w-]+)` plugin|\bmkdocs-(?!material\b|techdocs\b(?!-))([\w-]+?)(?:-plugin)?\b(?![\w./-])")


def docs(root: Path) -> list[Path]:
    return [root / name for name in DOCS if (root / name).is_file()] + sorted((root / "editorial").glob("*.md"))


def _lines(doc: Path) -> list[tuple[int, str]]:
    """(line number, text) of a doc, with fenced code blocks blanked (their lines kept for numbering)."""
    text = _FENCE.sub(lambda m: "\n" * m[0].count("\n"), doc.read_text(encoding="utf-8"))
    return list(enumerate(text.splitlines(), 1))


def _ignored(root: Path, path: str) -> bool:
    return subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=root,
                          stderr=subprocess.DEVNULL).returncode == 0


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def headings(doc: Path) -> list[str]:
    return [text.lstrip("#").strip() for _, text in _lines(doc) if re.match(r"#{1,6} ", text)]


def _named_paths(text: str) -> list[str]:
    spans = [s.strip() for s in _CODE.findall(text)]
    links = [t for t in _LINK.findall(text) + [d[1] for d in _DEFINITION.findall(text)]
             if not re.match(r"[a-z]+:|#", t)]
    found = []
    for name in [s for s in spans if " " not in s] + links:
        name = name.split("#")[0]
        if not name or re.search(r"[<>*{}$?=:\\]", name) or name.startswith(("/", "~", "-")):
            continue  # a pattern, a site address, an option
        if "/" in name or _BARE_FILE.fullmatch(name):
            found.append(name.removeprefix("./"))
    return found


# Installed or built trees, never named by the docs: walking them (.venv and
# node_modules hold some 100,000 files) took seconds of every test run.
NOT_THE_CHECKOUTS = {".git", ".venv", ".venv-techdocs", "node_modules", ".cache", "site", "__pycache__"}


def _names(root: Path) -> set[str]:
    """The name of every file and folder under `root`, outside NOT_THE_CHECKOUTS."""
    names = set()
    for _, folders, files in os.walk(root, followlinks=True):
        folders[:] = [f for f in folders if f not in NOT_THE_CHECKOUTS]
        names.update(folders, files)
    return names


def missing_paths(root: Path) -> list[str]:
    top = {p.name for p in root.iterdir()}
    names = _names(root)
    problems = []
    for doc in docs(root):
        for number, text in _lines(doc):
            for name in _named_paths(text):
                first = name.split("/")[0]
                if "/" in name:
                    if first not in top and not first.startswith("."):
                        continue  # a site address such as article/?view=engineer, not a path of the checkout
                    if (root / name).exists() or _ignored(root, name):
                        continue
                elif (root / name).exists() or name.rstrip("/") in names or name in WRITTEN_ELSEWHERE or _ignored(root, name):
                    continue
                problems.append(f"{doc.name}:{number}: names {name}, which is not in the checkout; "
                                "name the file that does the job now")
    return problems


def missing_commands(root: Path) -> list[str]:
    return [f"{doc.name}:{number}: ./scripts/{name} does not exist; name a script in scripts/"
            for doc in docs(root) for number, text in _lines(doc)
            for name in _SCRIPT.findall(text) if not (root / "scripts" / name).is_file()]


def missing_tests(root: Path) -> list[str]:
    problems = []
    for doc in docs(root):
        file = None
        for number, text in _lines(doc):
            for named_file, name in _TEST.findall(text):
                file = named_file or file
                source = root / file if file else None
                if not source or not source.is_file() or not re.search(rf"^def {name}\(", source.read_text(encoding="utf-8"), re.M):
                    problems.append(f"{doc.name}:{number}: names the test {file}::{name}, which is not there; "
                                    "name the test that holds the rule now")
    return problems


def missing_sections(root: Path) -> list[str]:
    problems = []
    for doc in docs(root):
        for number, text in _lines(doc):
            for target in _LINK.findall(text) + [d[1] for d in _DEFINITION.findall(text)]:
                file, _, anchor = target.partition("#")
                if re.match(r"[a-z]+:", target) or not anchor or (file and not file.endswith(".md")):
                    continue
                linked = root / file if file else doc
                if linked.is_file() and anchor not in {slug(h) for h in headings(linked)}:
                    problems.append(f"{doc.name}:{number}: links {target}, but {linked.name} has no heading "
                                    f"with the anchor #{anchor}")
            for file, section in _SECTION.findall(text):
                linked = root / (file if file.endswith(".md") else "README.md")
                if linked.is_file() and section not in headings(linked):
                    problems.append(f'{doc.name}:{number}: names the section "{section}" of {linked.name}, '
                                    "which has no such heading")
    return problems


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's tags (!ENV, !!python/...) read as nothing: only the names matter here."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def configured(root: Path) -> set[str]:
    """The plugin and Markdown extension names the config files list."""
    names = set()
    for config in CONFIGS:
        if not (root / config).is_file():
            continue
        data = yaml.load((root / config).read_text(encoding="utf-8"), Loader=_AnyTag) or {}
        for key in ("plugins", "markdown_extensions"):
            for entry in data.get(key) or []:
                names |= set(entry) if isinstance(entry, dict) else {entry}
    return names


def unconfigured_plugins(root: Path) -> list[str]:
    names = configured(root)
    problems = []
    # The writers' data files say in comments how the site treats them (the URL contract: moved pages).
    for doc in docs(root) + sorted((root / "editorial").glob("*.txt")):
        for number, text in _lines(doc):
            named = _EXTENSION.findall(text) + [a or b for a, b in _PLUGIN.findall(text)]
            for name in named:
                if name not in names:
                    problems.append(f"{doc.name}:{number}: names {name}, which neither {' nor '.join(CONFIGS)} "
                                    "configures; name what the site uses")
    return problems


def unused_link_definitions(root: Path) -> list[str]:
    problems = []
    for doc in docs(root):
        text = _FENCE.sub("", doc.read_text(encoding="utf-8"))
        body = _DEFINITION.sub("", text)
        for label, _ in _DEFINITION.findall(text):
            if f"[{label.lower()}]" not in body.lower():
                problems.append(f"{doc.name}: the link definition [{label}] is used nowhere; remove it")
    return problems


def too_long(root: Path) -> list[str]:
    problems = []
    for name, limit in LIMITS.items():
        lines = len((root / name).read_text(encoding="utf-8").splitlines())
        if lines > limit:
            problems.append(f"{name}: {lines} lines, over its {limit}; keep the structure, move measurements "
                            "to BENCHMARKS.md and history to the changelog or commits")
    return problems
