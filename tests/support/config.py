"""The checkout and its mkdocs.yml, read the one way every test reads it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml

ROOT = Path(__file__).resolve().parents[2]
# Where tests write screenshots for a person to look at (git ignores it).
SCREENSHOTS = ROOT / "screenshots"


@dataclass(frozen=True)
class PythonTag:
    """A `!!python/...` value of mkdocs.yml (such as the tab slugify), kept as written."""

    name: str
    value: object


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags as plain values: `!ENV [NAME, default]` reads as its default."""


def _env(loader, node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return value[-1] if len(value) > 1 else None


def _python(loader, suffix, node):
    if isinstance(node, yaml.MappingNode):
        return PythonTag(suffix, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return PythonTag(suffix, loader.construct_sequence(node, deep=True))
    return PythonTag(suffix, loader.construct_scalar(node))


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python)


@functools.cache
def _read(path: Path, mtime: float) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def mkdocs_yml(root: Path = ROOT) -> dict:
    """mkdocs.yml as data (read again only when the file changes); do not modify the result."""
    path = root / "mkdocs.yml"
    return _read(path, path.stat().st_mtime)


def nav_sources(nav=None) -> list[str]:
    """The Markdown files of the nav, in reading order ("index.md", "start-here.md", ...)."""
    files: list[str] = []
    for entry in mkdocs_yml()["nav"] if nav is None else nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            files += nav_sources(value) if isinstance(value, list) else [value]
    return files


@functools.cache
def _markdown_settings(mtime_ns: int) -> tuple[list, dict]:
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with this site's extensions, as both engines convert the pages (mkdocs.yml read once a run)."""
    extensions, configs = _markdown_settings((ROOT / "mkdocs.yml").stat().st_mtime_ns)
    return markdown.Markdown(extensions=extensions, extension_configs=configs)
