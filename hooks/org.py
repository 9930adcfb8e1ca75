"""Build step, MkDocs only: an organisation's org.yml, checked and written for the pages.

The work is scripts/org.py's `prepare`, which every build path also runs itself
(Zensical runs no hooks). Here it makes a plain `mkdocs build` or `mkdocs serve`
show the current org.yml too, and stops the build on a bad one with the
message naming the file and the key. `mkdocs serve` (so ./scripts/serve)
also watches org.yml: saving it rebuilds, and the rebuild runs `prepare` again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import org  # noqa: E402


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    try:
        org.prepare(_root(config))
    except org.OrgError as error:
        raise PluginError(str(error)) from None
    return config


def on_serve(server, config, builder):
    # Not `watch:` in mkdocs.yml: that list must name files that exist, and
    # the public checkout has no org.yml. One created while serving needs a restart.
    source = _root(config) / org.ORG_FILE
    if source.is_file():
        server.watch(str(source))
    return server
