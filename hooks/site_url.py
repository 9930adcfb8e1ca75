"""Build step, MkDocs only: site_url is the readers' address, or the build stops.

mkdocs.yml reads site_url from SITE_URL and falls back to the local address
`mkdocs serve` uses, so `./scripts/serve` and `mkdocs serve` need nothing.

- A plain `mkdocs build` or `gh-deploy` without SITE_URL would quietly
  publish canonical links, link previews, the linking page's addresses and
  the 404 page's links to 127.0.0.1: it says so here, naming SITE_URL. A
  line on stderr, not a logged warning: `--strict` would turn that into a
  failure, and a contributor's local `mkdocs build --strict` should pass.
- An address that is not one (quotes, markup, credentials, a query...) stops
  with the same message scripts/build gives (scripts/site_address.py). Why a
  hook as well as escaping in the templates: on the 404 page, Material writes
  the address's path raw into every link and script (its `url` filter),
  which no template block of ours reaches.

./scripts/build checks both before it starts, for either engine; Zensical
runs no hooks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import site_address  # noqa: E402

_command = {"name": None}


def on_startup(command, dirty):
    _command["name"] = command


def on_config(config):
    if _command["name"] in ("build", "gh-deploy") and not os.environ.get("SITE_URL", "").strip():
        print(f"hooks/site_url.py: SITE_URL is not set, so this build's links point to {config.site_url}; "
              "before publishing it, set SITE_URL to the address readers will use, sub-path included: "
              "SITE_URL=https://portal.example.com/handbook/dev-vs-eng/ mkdocs build "
              "(or ./scripts/build OUT_DIR, which refuses to build without it).", file=sys.stderr)
    if config.site_url:
        try:
            site_address.check(config.site_url)
        except site_address.AddressError as error:
            raise PluginError(f"mkdocs.yml: site_url (SITE_URL) {site_address.excerpt(config.site_url)} is not a site address: "
                              f"{error}; set SITE_URL to the address readers will use, such as {site_address.EXAMPLE}") from None
    return config
