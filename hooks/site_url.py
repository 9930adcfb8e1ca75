"""Build step, MkDocs only: site_url is an address, or the build stops.

scripts/build checks SITE_URL before it builds (scripts/site_address.py);
this stops a plain `mkdocs build` or `mkdocs serve` with the same message.
Why a hook as well as escaping in the templates: on the 404 page, Material
writes the address's path raw into every link and script (its `url`
filter), which no template block of ours reaches.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import site_address  # noqa: E402


def on_config(config):
    if config.site_url:
        try:
            site_address.check(config.site_url)
        except site_address.AddressError as error:
            raise PluginError(f"mkdocs.yml: site_url (SITE_URL) {site_address.excerpt(config.site_url)} is not a site address: "
                              f"{error}; set SITE_URL to the address readers will use, such as {site_address.EXAMPLE}") from None
    return config
