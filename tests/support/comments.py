"""The comments of the checkout's files, as each file's language writes them (for the house rules on comments)."""

from __future__ import annotations

import ast
import functools
import io
import re
import tokenize
from pathlib import Path

from .checkout import tracked_files
from .config import ROOT


def _python_comments(text: str) -> list[str]:
    found = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
        found += [t.string for t in tokens if t.type == tokenize.COMMENT]
        tree = ast.parse(text)
    except (tokenize.TokenError, SyntaxError):
        return found
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                found.append(docstring)
    return found


def code_comments(text: str, line_comments: bool) -> list[str]:
    """`/* ... */` comments, and `// ...` ones if `line_comments`, outside string literals."""
    found, i, quote = [], 0, None
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 2
                continue
            if char == quote:
                quote = None
        elif char in "\"'`":
            quote = char
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            found.append(text[i:end])
            i = end
            continue
        elif line_comments and text.startswith("//", i) and (i == 0 or text[i - 1] not in ":\\"):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            found.append(text[i:end])
            i = end
            continue
        i += 1
    return found


HASH_COMMENT = re.compile(r"(?:^|\s)(#(?![!{]).*)$", re.M)


def comments(path: Path) -> list[str]:
    """The comments of a file, as its language writes them."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    suffix = path.suffix.lower()
    if suffix == ".py":
        return _python_comments(text)
    if suffix in (".js", ".css"):
        return code_comments(text, line_comments=suffix == ".js")
    if suffix in (".html", ".md"):
        return re.findall(r"\{#.*?#\}|<!--.*?-->", text, re.S)
    if suffix in (".yml", ".yaml", ".txt", ".ini", ".toml", ".cfg", ".sh") or (
            not suffix and text.startswith("#!")):
        return [m[1] for m in HASH_COMMENT.finditer(text)]
    return []


@functools.cache
def every_comment() -> list[tuple[str, str]]:
    """(file, comment) for every tracked file's comments, read once a run (three house tests read them)."""
    return [(path.relative_to(ROOT).as_posix(), comment) for path in tracked_files() for comment in comments(path)]
