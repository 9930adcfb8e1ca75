"""Build step: join the site's own scripts into one file and its stylesheets into another.

Each source in ``docs/assets/`` keeps one job, so it stays small and easy to
change. But every file a page loads is a request on a reader's first visit,
and the budget (tests/test_budgets.py) allows two beyond Material's own.
Nothing maintained joins files for MkDocs (mkdocs-minify-plugin minifies but
does not join), so this hook does, in the order ``mkdocs.yml`` lists them:

- ``extra_css`` becomes ``assets/site.css``, loaded where Material loads extra CSS.
- ``extra_javascript`` becomes ``assets/site.js``, which ``overrides/main.html``
  loads in ``<head>``: the view a link names must be stored before Material
  draws the tab sets. A script listed with ``defer: true`` is wrapped to run
  once the page is parsed and Material's ``document$`` exists, as it would
  have at the end of the page; one without runs at once, in ``<head>``.

Both files are minified with the minifiers mkdocs-minify-plugin uses (jsmin,
csscompressor); the plugin itself would rename them to ``.min.*``. The
sources are left out of the build, so nothing loads them by mistake.
"""

from __future__ import annotations

import csscompressor
import jsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

CSS_BUNDLE = "assets/site.css"
JS_BUNDLE = "assets/site.js"  # overrides/main.html names it too

_sources: dict[str, list] = {}


def on_config(config):
    scripts = [s if isinstance(s, ExtraScriptValue) else ExtraScriptValue(str(s)) for s in config.extra_javascript]
    _sources["css"] = list(config.extra_css)
    _sources["js"] = scripts
    config.extra_css = [CSS_BUNDLE]
    config.extra_javascript = []  # site.js is loaded in <head> instead
    return config


def _take(files, path: str) -> str:
    source = files.get_file_from_path(path)
    if source is None:
        raise PluginError(
            f"hooks/bundle_assets.py: mkdocs.yml lists {path}, but docs/{path} does not exist. "
            "Create the file or remove it from extra_css / extra_javascript."
        )
    files.remove(source)
    return f"/*! docs/{path} */\n{source.content_string.strip()}\n"


def on_files(files, config):
    css = "\n".join(_take(files, path) for path in _sources["css"])
    parts = []
    for script in _sources["js"]:
        code = _take(files, script.path)
        if script.defer:
            code = f'document.addEventListener("DOMContentLoaded", function () {{\n{code}}});\n'
        parts.append(code)
    files.append(File.generated(config, CSS_BUNDLE, content=csscompressor.compress(css)))
    files.append(File.generated(config, JS_BUNDLE, content=jsmin.jsmin("\n".join(parts), quote_chars="'\"`")))
    return files
