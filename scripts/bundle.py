"""Join the site's deferred scripts into overrides/assets/javascripts/site.js.

Run it (`./scripts/bundle`) after changing a file listed under
`extra: deferred_js` in mkdocs.yml, and commit the result; tests/test_site_assets.py
fails, naming this script, when site.js is not what it would write.

Why a committed file: what runs after the page is drawn (tab roles, the
self-check, ...) stays one job per file, yet a page should pay one request
for all of it, loaded with `defer` so it never holds up the first paint, and
keep its HTML small. Neither MkDocs' hooks (Zensical skips them) nor
templates (Zensical renders only pages) can write a joined file at build
time on both engines, so it is written once here and published as a theme
file by both. Minified with jsmin, as mkdocs-minify-plugin does.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jsmin
import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
BUNDLE = "assets/javascripts/site.js"  # under overrides/; mkdocs.yml's extra_javascript names it


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!ENV, !!python/...) as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def sources(root: Path = ROOT) -> list[str]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return list((config.get("extra") or {}).get("deferred_js") or [])


def bundle(root: Path = ROOT) -> str:
    """site.js as this script writes it: a header, then each source minified, in order."""
    parts = []
    for path in sources(root):
        text = (root / "overrides" / path).read_text(encoding="utf-8")
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # the /*{# ... #}*/ comments
        parts.append(f"/*! overrides/{path} */\n" + jsmin.jsmin(text, quote_chars="'\"`").strip() + "\n")
    head = "/*! Written by scripts/bundle from mkdocs.yml's extra: deferred_js; edit the sources, not this file. */\n"
    return head + "".join(parts)


def main() -> None:
    missing = [p for p in sources() if not (OVERRIDES / p).is_file()]
    if missing:
        sys.exit(f"scripts/bundle: mkdocs.yml lists {', '.join(missing)} under extra: deferred_js, "
                 "but no such file is in overrides/: create it or drop the line.")
    (OVERRIDES / BUNDLE).write_text(bundle(), encoding="utf-8")
    print(f"wrote overrides/{BUNDLE} from {len(sources())} files")


if __name__ == "__main__":
    main()
