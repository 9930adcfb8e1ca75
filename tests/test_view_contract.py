"""One view contract, in two languages, and no reliance on Material's tab linking (static layer).

The browser's contract (`window.__view`, overrides/assets/javascripts/view-choice.js)
runs here in Node, with stand-ins for the page it is inlined in, and must
give what scripts/view_contract.py gives: the views and their order, the view
a fragment names, the other view, the URL rule. No browser: `--fast` runs it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT
from view_contract import VIEWS, address_for, other_view, view_of_fragment

HEAD_SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "view-choice.js"

# The head script needs a page: an address, storage and Material's helpers.
HARNESS = r"""
const vm = require("vm");
const [source, cases] = [process.argv[1], JSON.parse(process.argv[2])];
const store = new Map();
const attributes = {};
const sandbox = {
  URL, JSON, console,
  location: new URL("http://127.0.0.1/article/"),
  history: { state: null, replaceState() {} },
  document: { documentElement: { setAttribute: (k, v) => { attributes[k] = v; } } },
  localStorage: { getItem: k => store.has(k) ? store.get(k) : null, setItem: (k, v) => store.set(k, String(v)), removeItem: k => store.delete(k) },
  __md_scope: new URL("http://127.0.0.1/"),
};
sandbox.window = sandbox;
sandbox.__md_get = (key, storage) => JSON.parse(storage.getItem(sandbox.__md_scope.pathname + "." + key));
sandbox.__md_set = (key, value, storage) => storage.setItem(sandbox.__md_scope.pathname + "." + key, JSON.stringify(value));
vm.runInNewContext(require("fs").readFileSync(source, "utf8"), sandbox);
const v = sandbox.__view;
process.stdout.write(JSON.stringify({
  views: [...v.views],
  state: attributes["data-view"],
  fragments: cases.fragments.map(f => { const t = v.ofFragment("#" + f); return t && t.view; }),
  other: v.views.map(v.other),
  addresses: cases.addresses.map(([url, view]) => v.addressFor(url, view)),
}));
"""

FRAGMENTS = ["success-metric-engineer", "success-metric-developer", "success-metric", "engineer", "-engineer",
             "x-Engineer", "a-engineers", "the-high-level-split-developer", "100%25-engineer", "%E0%A4%A"]
ADDRESSES = [
    ("http://127.0.0.1/article/", "Engineer"),
    ("http://127.0.0.1/article/?view=developer#success-metric", "Engineer"),
    ("http://127.0.0.1/article/?utm_source=wiki&view=engineer&x=1#success-metric-engineer", "Developer"),
    ("http://127.0.0.1/article/?h=error+budget#success-metric-developer", "Engineer"),
    ("http://127.0.0.1/article/?a=b%20c&view=x&view=y&t=~*", "Developer"),
    ("http://127.0.0.1/comparison/#growing-toward-the-other-side", "Engineer"),
]


@pytest.fixture(scope="module")
def browser_contract():
    node = shutil.which("node")
    assert node, "Node.js is missing: ./scripts/test installs npm, which brings it"
    cases = {"fragments": FRAGMENTS, "addresses": ADDRESSES}
    result = subprocess.run([node, "-e", HARNESS, str(HEAD_SCRIPT), json.dumps(cases)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"view-choice.js did not run in Node: {result.stderr[-2000:]}"
    return json.loads(result.stdout)


def test_the_browser_and_python_contracts_name_the_same_views(browser_contract):
    assert browser_contract["views"] == list(VIEWS)
    assert browser_contract["state"] == VIEWS[0].lower(), "with nothing chosen, the page opens in the first view"
    assert browser_contract["other"] == [other_view(v) for v in VIEWS]


def test_the_browser_and_python_contracts_read_fragments_alike(browser_contract):
    python = [view_of_fragment(f) for f in FRAGMENTS]
    assert browser_contract["fragments"] == python, list(zip(FRAGMENTS, browser_contract["fragments"], python))


def test_the_browser_and_python_contracts_write_addresses_alike(browser_contract):
    python = [address_for(url, view) for url, view in ADDRESSES]
    assert browser_contract["addresses"] == python, list(zip(browser_contract["addresses"], python))


# --- Material's tab linking is not relied on -----------------------------------------

# Material's tab-linking internals: its switching mark, its inline restore script's
# call, its feature flag. The head script's one mention of the old key (`OLD_KEY`,
# carried over once) is the only `__tabs` a file of the site may hold.
INTERNALS = re.compile(r"data-md-switching|__md_[gs]et\(\s*[\"']__tabs|\[data-tabs\]")
SITE_FILES = ["overrides", "hooks", "markdown-extensions", "includes", "docs", "scripts"]


def test_no_file_of_the_site_relies_on_materials_tab_linking():
    found = []
    for folder in SITE_FILES:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".js", ".css", ".html", ".py", ".md", ".yml", ".txt"}:
                text = path.read_text(encoding="utf-8", errors="replace")
                found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in INTERNALS.finditer(text)]
                if "__tabs" in text and path != HEAD_SCRIPT and not path.name.endswith(".min.js"):
                    found.append(f"{path.relative_to(ROOT)}: __tabs")
    head = HEAD_SCRIPT.read_text(encoding="utf-8")
    assert head.count('"__tabs"') == 1 and 'var OLD_KEY = "__tabs";' in head, "view-choice.js names __tabs outside its one carry-over"
    assert not found, "files rely on Material's tab linking (the view has one owner, view-state.js):\n" + "\n".join(found)


def test_materials_tab_linking_is_off():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert "content.tabs.link" not in config["theme"]["features"], (
        "mkdocs.yml turns on content.tabs.link: the view has one owner (view-state.js); "
        "Material's linking would switch the sets a second time and store a second key")
