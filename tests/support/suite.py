"""The test suite's own shape, read with `ast`: what a module imports, which helpers it defines."""

from __future__ import annotations

import ast
import functools
from pathlib import Path


@functools.cache
def _parsed(source: Path, mtime_ns: int) -> ast.Module:
    return ast.parse(source.read_text(encoding="utf-8"))


def _tree(source: Path) -> ast.Module:
    """A Python file's syntax tree, parsed once a run (again if the file changes): read it, never change it."""
    return _parsed(source, source.stat().st_mtime_ns)


def imported_modules(source: Path) -> set[str]:
    """The top-level packages a Python file imports (absolute imports only)."""
    tree = _tree(source)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def _is_fixture(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
    return any("fixture" in ast.unparse(decorator) for decorator in node.decorator_list)


def helpers(source: Path) -> dict[str, int]:
    """A module's top-level functions and classes that are no test, fixture or pytest hook: name -> lines (decorators included)."""
    found = {}
    for node in _tree(source).body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if node.name.startswith(("test_", "Test", "pytest_")) or _is_fixture(node):
            continue
        found[node.name] = node.end_lineno - node.lineno + 1 + len(node.decorator_list)
    return found


def constants(source: Path) -> set[str]:
    """The UPPER_CASE names a module assigns at top level."""
    names = set()
    for node in _tree(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id.isupper():
                    names.add(name.id)
    return names
