"""The tests' own library: what more than one test module needs, defined once.

- `config`: the checkout (ROOT) and mkdocs.yml, read once, with its tags;
- `pages`: the site's pages, from the nav (and the moved pages' old addresses);
- `contract`: editorial/url-contract.txt, parsed;
- `editorial`: the abbreviations, the glossary, the glossary word list and
  editorial/quantities.yml (how much the site promises its readers);
- `views`: the Developer/Engineer views as a browser shows them, on top of
  scripts/view_contract.py, which names the views;
- `servers`: HTTP servers on 127.0.0.1, as a static host serves the site;
- `builds`: the builds a run needs, each made once, lazily, and counted; each
  built page parsed once a run (`parsed`, `parsed_html`, `BuiltSite.soup`) and
  shared by every test that reads it: copy.copy() the part a test cuts up;
- `browser`: Debian's Chromium, and the watch that fails a test on a request
  to another host, a JavaScript error or a file that does not load;
- `reused_pages`: a browser page a test left clean, emptied and handed to the
  next test, instead of a new one each (half the cost of a first page load);
- `a11y`: axe-core, and its findings as a message a person can act on;
- `engines`: one reader in Chromium, Firefox and WebKit, and its watched server;
- `checkout`: the tracked files, and a copy of them; `comments`: their comments;
- `build_script`: ./scripts/build as a person runs it; `org_files`: org.yml in tests;
- `policy`: the Content-Security-Policy and docs/_headers; `nginx`: deploy/nginx.conf, run;
- `page_weight`, `paper`, `prose`, `reading_time`, `examples`, `self_check`,
  `workflow`, `html_checker`, `techdocs`: what one check or two read, each named for it;
- `suite`: the test suite's own shape (imports, helpers), for the house rules.

Fixtures stay in tests/conftest.py and in the test modules. Test modules
import from here, from conftest and from scripts/view_contract.py, never from
one another; their other code lives here, each name defined once
(tests/test_house.py checks all three).
"""

from __future__ import annotations

import sys
from pathlib import Path

# scripts/ holds the Python the tests share with the build and the scripts:
# view_contract, stock_site, sync.
_SCRIPTS = str(Path(__file__).resolve().parents[2] / "scripts")
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)
