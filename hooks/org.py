"""Build step, MkDocs only: an organisation's org.yml, checked and written for the pages.

The work is scripts/org.py's `prepare`, which every build path also runs itself
(Zensical runs no hooks). Here it makes a plain `mkdocs build` or `mkdocs serve`
show the current org.yml too, and stops the build on a bad one with the
message naming the file and the key.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import org  # noqa: E402


def on_config(config):
    try:
        org.prepare(Path(config.config_file_path).resolve().parent)
    except org.OrgError as error:
        raise PluginError(str(error)) from None
    return config
