"""The house rules a newcomer relies on: tests share helpers through tests/support/,
and comments stay true.

- No test module imports another: what two modules need lives in tests/support/.
- The CSS and JavaScript that overrides/page.html inlines into every page
  (mkdocs.yml, extra: inline_css and inline_head_js) write every comment as
  `/*{# ... #}*/`: the template drops it, so no comment reaches a reader's
  page, where it would cost bytes on every load and change the policy's
  hash. (./scripts/sync minifies the deferred scripts, dropping every comment.)
- A comment that names a file (`overrides/main.html`) or a README section
  names one that exists.
- Comments say why, not history: no "issue 12", "requirement 3", "made to
  fail first" or "used to" (commit messages keep the history).
- The Markdown docs (README, CONTRIBUTING, ARCHITECTURE, PUBLISHING,
  BENCHMARKS) stay true and short: the paths, scripts, tests, sections,
  plugins and extensions they name exist, no link definition is unused, and ARCHITECTURE
  stays within its length (tests/support/markdown_docs.py).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import material
import pytest

from conftest import ROOT
from support.comments import code_comments, every_comment
from support import markdown_docs
from support.config import mkdocs_yml
from support.suite import constants, helpers, imported_modules

TESTS = ROOT / "tests"

# --- Tests share helpers through tests/support/ ----------------------------------


def test_no_test_module_imports_another():
    modules = {p.stem for p in TESTS.glob("*.py")} - {"conftest"}
    problems = []
    for source in sorted(TESTS.rglob("*.py")):
        for name in sorted(imported_modules(source) & modules):
            problems.append(f"{source.relative_to(ROOT)} imports {name}: move what it needs into tests/support/ "
                            "and import it from there")
    stray = [f"tests/{name}.py is no test module: move it into tests/support/" for name in sorted(modules)
             if not name.startswith("test_")]
    assert not (problems + stray), "\n".join(problems + stray)


# Test modules keep their tests and fixtures; code they share, or that only
# serves them, lives in tests/support/, so a reader sees what is tested first.
HELPER_LINES = 300


def test_test_modules_keep_their_helpers_short():
    counts = {p.name: sum(helpers(p).values()) for p in sorted(TESTS.glob("test_*.py"))}
    total = sum(counts.values())
    largest = ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda item: -item[1])[:5] if n)
    assert total <= HELPER_LINES, (f"test modules hold {total} lines of functions and classes that are no test or fixture "
                                   f"(at most {HELPER_LINES}; most in {largest}): move them into a module of tests/support/")


def test_no_helper_is_defined_twice():
    # Functions and classes anywhere in tests/ (conftest's fixtures and hooks
    # aside), and the constants of tests/support/: each has one home. A test
    # module's own data (URL, SOURCE) may share a name with another module's.
    modules = sorted(p for p in TESTS.rglob("*.py") if p.name not in ("conftest.py", "__init__.py"))
    homes: dict[str, list[str]] = {}
    for path in modules:
        names = set(helpers(path))
        if path.parent.name == "support":
            names |= constants(path)
        else:
            names |= constants(path) & {c for p in modules if p.parent.name == "support" for c in constants(p)}
        for name in names:
            homes.setdefault(name, []).append(path.relative_to(ROOT).as_posix())
    twice = [f"{name} is defined in {' and '.join(where)}: keep one, in tests/support/, and import it"
             for name, where in sorted(homes.items()) if len(where) > 1]
    assert not twice, "\n".join(twice)


# --- Comments in the inlined CSS and JavaScript ------------------------------------


def inlined_files() -> list[Path]:
    extra = mkdocs_yml().get("extra") or {}
    return [ROOT / "overrides" / path for name in ("inline_css", "inline_head_js") for path in extra.get(name) or []] + [
        ROOT / "overrides" / path for path in (extra.get("page_css") or {}).values()]


def test_every_comment_in_inlined_css_and_javascript_is_a_template_comment():
    problems = []
    for path in inlined_files():
        text = path.read_text(encoding="utf-8")
        for comment in code_comments(text, line_comments=path.suffix == ".js"):
            if not re.fullmatch(r"/\*\{#.*#\}\*/", comment, re.S):
                line = text[:text.index(comment)].count("\n") + 1
                problems.append(f"{path.relative_to(ROOT)}:{line}: {comment[:60]!r} reaches every page; "
                                "write it as /*{# ... #}*/, which the template drops")
    assert inlined_files(), "mkdocs.yml lists no inlined files: nothing tested"
    assert not problems, "\n".join(problems)


# --- Comments point at what exists --------------------------------------------------

# A path with a folder and a file extension, not part of a URL.
PATH = re.compile(r"(?<![\w/.:@-])((?:\.?[\w-]+/)+[\w.-]*\w\.[a-z]{1,5})(?![\w/])")
# Where a comment's path may be rooted: the checkout, the published site
# (docs/, overrides/), the snippets, and Material's templates (partials/...).
BASES = [ROOT, ROOT / "docs", ROOT / "overrides", ROOT / "includes", Path(material.__file__).parent / "templates"]
# Outside the checkout: the team's shared/ folder, builds, the virtual environment.
ELSEWHERE = ("shared/", "site/", ".venv/")
# Files the engines publish themselves, named by the comments about them.
ENGINE_FILES = {"assets/javascripts/bundle.js", "assets/stylesheets/main.css", "assets/stylesheets/palette.css",
                "assets/stylesheets/classic/palette.css",
                "search/search_index.json", "sitemap.xml"}


def _engine_file(path: str) -> bool:
    generic = re.sub(r"\.[0-9a-f]{8}(\.min)?\.", ".", path)
    return path.startswith(ELSEWHERE) or generic in ENGINE_FILES or Path(path).name == "redirect.json"


def _generated(path: str) -> bool:
    """A file a script writes and git ignores (such as what scripts/org.py writes from org.yml)."""
    return subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0


def _exists(path: str, where: Path) -> bool:
    if any(ch in path for ch in "*<>{}"):
        return True  # a pattern, not one file
    return any((base / path).exists() for base in [where.parent, *BASES]) or _generated(path)


def test_every_file_a_comment_names_exists():
    missing = []
    for name, comment in every_comment():
        for path in PATH.findall(comment):
            if not _engine_file(path) and not _exists(path, ROOT / name):
                missing.append(f"{name}: a comment names {path}, which does not exist; name the file that does the job now")
    assert not missing, "\n".join(sorted(set(missing)))


README_SECTION = re.compile(r"\b([\w-]+\.md|README),? \"([^\"]+)\"")


def test_every_section_a_comment_names_exists():
    missing = []
    for name, comment in every_comment():
        for file, section in README_SECTION.findall(" ".join(comment.split())):
            target = ROOT / (file if file.endswith(".md") else "README.md")
            if not target.is_file() or section not in markdown_docs.headings(target):
                missing.append(f'{name}: a comment names the section "{section}" of {target.name}, which has no such heading')
    assert not missing, "\n".join(sorted(set(missing)))


# --- Comments say why, not history ------------------------------------------------------

HISTORY = re.compile(
    r"\b(?:issues? \d+|requirements? \d+|made to fail|used to\b|no longer|previously|formerly)",
    re.I,
)


def test_no_comment_records_history_or_process():
    found = []
    for name, comment in every_comment():
        if name == "tests/test_house.py":
            continue  # names the phrases it looks for
        for match in HISTORY.finditer(" ".join(comment.split())):
            found.append(f"{name}: {match[0]!r} in a comment; say why the code is as it is now "
                         "(the history belongs in commit messages)")
    assert not found, "\n".join(sorted(set(found)))


@pytest.mark.parametrize("text, expected", [
    ('var a = "http://x"; // a note\n/*{# kept #}*/ /* plain */', ["// a note", "/*{# kept #}*/", "/* plain */"]),
    ("a { b: url('//x') } /* c */", ["/* c */"]),
])
def test_the_comment_reader_finds_comments_outside_strings(text, expected):
    assert code_comments(text, line_comments=True) == expected


# --- The Markdown docs stay true and short ---------------------------------------------

DOC_CHECKS = {
    "paths": markdown_docs.missing_paths,
    "commands": markdown_docs.missing_commands,
    "tests": markdown_docs.missing_tests,
    "sections": markdown_docs.missing_sections,
    "plugins": markdown_docs.unconfigured_plugins,
    "link definitions": markdown_docs.unused_link_definitions,
    "length": markdown_docs.too_long,
}
# One mistake per check, planted in a copy's CONTRIBUTING.md, and a word its message must name.
PLANTED = {
    "paths": ("Run `scripts/gone.py` and read [the notes](tests/support/gone.md).", "scripts/gone.py"),
    "commands": ("Then `./scripts/deploy --now`.", "./scripts/deploy"),
    "tests": ("(`tests/test_house.py::test_no_test_module_imports_another`, `::test_that_is_gone`)", "test_that_is_gone"),
    "sections": ('See [hosting](PUBLISHING.md#no-such-section) and ARCHITECTURE.md, "Nowhere".', "no-such-section"),
    "plugins": ("Forwarding is the `redirects` plugin's job; emoji are pymdownx.emoji.", "redirects"),
    "link definitions": ("[Unused label]: https://example.org/", "[Unused label]"),
    "length": ("\n" * 250, "ARCHITECTURE.md"),
}


@pytest.mark.parametrize("check", DOC_CHECKS)
def test_the_markdown_docs_stay_true_and_short(check):
    problems = DOC_CHECKS[check](ROOT)
    assert not problems, "\n".join(problems)


@pytest.fixture
def docs_copy(tmp_path):
    """The checkout seen through links, with its Markdown docs copied so a test can edit them."""
    for entry in ROOT.iterdir():
        if entry.name == ".git":
            continue
        if entry.name in markdown_docs.DOCS:
            (tmp_path / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            (tmp_path / entry.name).symlink_to(entry)
    return tmp_path


@pytest.mark.parametrize("check", DOC_CHECKS)
def test_each_docs_check_names_a_planted_mistake(docs_copy, check):
    line, named = PLANTED[check]
    target = docs_copy / ("ARCHITECTURE.md" if check == "length" else "CONTRIBUTING.md")
    target.write_text(target.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    problems = DOC_CHECKS[check](docs_copy)
    assert any(named in problem for problem in problems), f"{check}: the planted {named!r} went unnoticed: {problems}"
