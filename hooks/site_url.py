"""Build step, MkDocs only: a plain `mkdocs build` without SITE_URL stops, naming it.

mkdocs.yml reads site_url from SITE_URL and falls back to the local address
`mkdocs serve` uses, so `./scripts/serve` and `mkdocs serve` need nothing.
A build without it would quietly publish canonical links, link previews, the
linking page's addresses and the 404 page's links to 127.0.0.1. So `build`
and `gh-deploy` stop here, in words naming SITE_URL. (./scripts/build checks
the same before it starts, for either engine; Zensical runs no hooks.)
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

_command = {"name": None}


def on_startup(command, dirty):
    _command["name"] = command


def on_config(config):
    if _command["name"] in ("build", "gh-deploy") and not os.environ.get("SITE_URL", "").strip():
        raise PluginError(
            f"SITE_URL is not set, so this build would publish links to {config.site_url}. "
            "Set it to the address readers will use, sub-path included: "
            "SITE_URL=https://portal.example.com/handbook/dev-vs-eng/ mkdocs build "
            "(or ./scripts/build OUT_DIR). `mkdocs serve` and ./scripts/serve need none."
        )
    return config
