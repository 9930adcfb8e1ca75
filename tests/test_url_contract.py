"""The URL contract: every public address of the site keeps working.

editorial/url-contract.txt lists every URL that onboarding docs, wikis and chat
messages may hold: pages, section anchors, glossary terms, tab anchors, view
links and the old addresses of moved pages. Each line is checked against the
built site; pages, anchors and view links from its HTML, a sample of the view
links and every redirect in Chromium, as a reader arriving from a link. The
site may not publish a page or an anchor the list does not name:
./scripts/sync appends new ones.

Why a sample: which view a link selects is a rule (scripts/view_contract.py,
and the same rule in the browser's view-choice.js, kept equal by
tests/test_view_contract.py), and the site's CSS shows each set's panel by its
place from `<html data-view>`. So every view link is checked in the built HTML
(a page with tab sets, each labelled in the views' order, the section outside
the other view's panels), and a few of each view in Chromium prove the browser
reads them so; one page load costs a third of a second of CPU.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

import sync  # scripts/sync.py, which appends new addresses to the contract
import view_contract
from conftest import ROOT, both_engines
from support.contract import CONTRACT, ENTRIES
from support.editorial import quantity
from support.views import assert_every_set_shows, labels
from support.builds import parsed_html, parsed

# The views, links, previews and accessibility hold on both engines' builds.
pytestmark = both_engines

VIEWS = tuple(view.lower() for view in view_contract.VIEWS)  # as URLs write them


def page_file(site_path: Path, path: str) -> Path:
    return site_path / path.lstrip("/") / "index.html"


# Where a moved page's old address (docs/<old>/index.html) sends the reader, from the site's root.
redirect_target = sync.redirect_target


@dataclass
class Published:
    """What the built site offers at one page address."""

    headings: list[str]  # section anchors and glossary terms, in page order
    tabs: list[str]
    redirect: str | None = None
    # Every id in the article: an old id kept on a <span id> still resolves.
    anchors: frozenset[str] = frozenset()
    # Each tab set's labels, in order, and the view whose panel holds an id (ids outside panels are absent).
    set_labels: list[tuple[str, ...]] = field(default_factory=list)
    in_panel: dict[str, str] = field(default_factory=dict)


def published(site_path: Path) -> dict[str, Published]:
    pages = {}
    for file in sorted(site_path.rglob("index.html")):
        path = "/" + "".join(p + "/" for p in file.parent.relative_to(site_path).parts)
        html = file.read_text(encoding="utf-8")
        target = redirect_target(html, path)
        if target:
            pages[path] = Published([], [], redirect=target)
            continue
        article = parsed_html(html).select_one("article")
        sets = article.select(".tabbed-set")
        in_panel = {}
        for tab_set in sets:  # an inner set's panels come later and overwrite its outer panel's claim
            for label, block in zip(labels(tab_set), tab_set.select(":scope > .tabbed-content > .tabbed-block")):
                in_panel.update({el["id"]: label for el in block.select("[id]")})
        pages[path] = Published(
            # span[id]: an old anchor kept on purpose beside its term (glossary's #proof-of-concept).
            headings=[el["id"] for el in article.select("h2[id], h3[id], h4[id], h5[id], h6[id], dt[id], span[id]")],
            tabs=[el["id"] for el in article.select(".tabbed-set > input[id]")],
            anchors=frozenset(el["id"] for el in article.select("[id]")),
            set_labels=[tuple(labels(tab_set)) for tab_set in sets],
            in_panel=in_panel,
        )
    return pages


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Published]:
    return published(site.path)


def test_the_contract_names_every_page_anchor_tab_and_view(pages):
    """A new page, section or tab is public the moment it is published: list it."""
    listed = {e.url for e in ENTRIES}
    redirects = {e.url for e in ENTRIES if e.target}
    missing = []
    for path, page in pages.items():
        if page.redirect:
            if path not in redirects:
                missing.append(f"{path} -> {page.redirect}")
            continue
        wanted = [path] + [f"{path}?view={view}" for view in VIEWS] if page.tabs else [path]
        wanted += [f"{path}#{anchor}" for anchor in page.headings + page.tabs]
        missing += [url for url in wanted if url not in listed]
    assert not missing, (
        f"The site publishes URLs that {CONTRACT.relative_to(ROOT)} does not name yet. Readers can link "
        "to them from now on: run ./scripts/sync, which appends them, and commit the file:\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.url)
def test_every_listed_url_resolves(pages, entry):
    """Page, anchor and view of each line, from the built HTML."""
    where = f"{CONTRACT.relative_to(ROOT)}:{entry.line} {entry.url}"
    page = pages.get(entry.path)
    assert page, (
        f"{where}: no page is published there any more. If the page moved, keep this line and "
        "leave a forwarding page at the old address (copy docs/examples/index.html); never delete a contract line."
    )
    if entry.target:
        assert page.redirect == entry.target, f"{where}: redirects to {page.redirect}, not {entry.target}"
        assert entry.target in {e.url for e in ENTRIES if not e.target}, f"{where}: the target is not in the contract"
        return
    assert not page.redirect or entry.anchor is None, f"{where}: the page now redirects to {page.redirect}; list it as a redirect"
    if entry.anchor:
        heading_id = view_contract.heading_of_tab(entry.anchor)  # a tab's id is its heading's plus the view
        assert entry.anchor in page.anchors, (
            f"{where}: #{entry.anchor} is gone from {entry.path}. Give the renamed heading (or term) its old id "
            "back with `{#" + heading_id + "}` after its text."
        )
    if entry.anchor in page.tabs or entry.view is not None:
        view = entry.view.lower() if entry.view is not None else (view_contract.view_of_fragment(entry.anchor) or entry.anchor).lower()
        assert view in VIEWS, f"{where}: {view!r} is not a view ({', '.join(VIEWS)})"
        assert page.tabs, f"{where}: {entry.path} has no Developer/Engineer tabs for the view to select"


def test_the_linking_page_shows_only_contract_urls(site):
    """What an onboarding lead copies from the linking page is a promised URL."""
    html = (site.path / "linking" / "index.html").read_text(encoding="utf-8")
    shown = [code.get_text().strip() for code in parsed_html(html).select("article pre code")]
    links = [text for text in shown if text.startswith(site.url)]
    promised = quantity("linking.links_to_copy")
    assert len(links) >= promised, f"the linking page shows {len(links)} links to copy; at least {promised} promised (editorial/quantities.yml)"
    listed = {e.url for e in ENTRIES}
    unlisted = [link for link in links if "/" + link[len(site.url):] not in listed]
    assert not unlisted, f"docs/linking.md recommends links the contract does not promise: {unlisted}"


VIEW_LINKS = [e for e in ENTRIES if e.view is not None]


@pytest.mark.parametrize("entry", VIEW_LINKS, ids=lambda e: e.url)
def test_every_view_link_selects_its_view_in_the_built_html(pages, entry):
    """What a browser shows for a view link, read from the HTML: the link names a view, the
    site's CSS shows that view's panel in every set (each labelled in the views' order, the
    panel's place is the view's), and the section it names is not hidden in the other view."""
    where = f"{CONTRACT.relative_to(ROOT)}:{entry.line} {entry.url}"
    view = next((v for v in view_contract.VIEWS if v.lower() == entry.view.lower()), None)
    assert view, f"{where}: {entry.view!r} is not a view ({', '.join(VIEWS)})"
    page = pages.get(entry.path)
    assert page and not page.redirect, f"{where}: no page with tab sets is published there"
    assert page.set_labels, f"{where}: {entry.path} has no Developer/Engineer tabs for the view to select"
    unordered = [set_labels for set_labels in page.set_labels if set_labels != view_contract.VIEWS]
    assert not unordered, f"{where}: tab sets labelled {unordered}; the CSS shows a view by its place, {view_contract.VIEWS}"
    if entry.anchor:
        assert entry.anchor in page.anchors, f"{where}: #{entry.anchor} is gone from {entry.path}"
        holder = page.in_panel.get(entry.anchor)
        assert holder in (None, view), f"{where}: #{entry.anchor} sits in the {holder} panel, hidden in the {view} view"


# The browser's sample: for each view, its first link to a page and its first to a section.
VIEW_LINK_SAMPLE = [next(e for e in VIEW_LINKS if e.view == view.lower() and bool(e.anchor) == anchored)
                    for view in view_contract.VIEWS for anchored in (False, True)]


@pytest.mark.parametrize("entry", VIEW_LINK_SAMPLE, ids=lambda e: e.url)
def test_a_sample_of_view_links_selects_its_view_in_the_browser(fresh_context, entry):
    page = fresh_context().new_page()
    response = page.goto(entry.url.lstrip("/") or "./")
    assert response.ok, f"{entry.url}: HTTP {response.status}"
    assert_every_set_shows(page, entry.view.capitalize())
    if entry.anchor:  # the reader lands on the section, scrolled to it
        assert page.evaluate("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top") < 200


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.target], ids=lambda e: e.url)
def test_an_old_address_takes_the_reader_to_the_new_page(fresh_context, site, pages, entry):
    """A link to a moved page's section still lands on that section."""
    section = pages[entry.target].headings[-1]
    page = fresh_context().new_page()
    page.goto(f"{entry.url.lstrip('/')}#{section}")
    new_page = f"{site.url}{entry.target.lstrip('/')}"
    # The new page's address also names the view it shows (?view=, tests/test_view_state.py).
    page.wait_for_url(lambda url: url.startswith(new_page) and url.endswith(f"#{section}"))
    title = parsed(page_file(site.path, entry.target)).title.string
    assert page.title() == title
    assert page.evaluate("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top") < 200


def test_each_recommended_link_has_a_copy_button_that_copies_it(fresh_context, site):
    context = fresh_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("linking/")
    rows = page.locator("article table tbody tr")
    assert rows.count() >= quantity("linking.links_to_copy")
    for row in [rows.first, rows.nth(rows.count() // 2), rows.last]:
        link = row.locator("pre code").inner_text().strip()
        row.locator("button.md-code__button").click()
        assert page.evaluate("navigator.clipboard.readText()").strip() == link
    assert page.locator("article table button.md-code__button").count() == rows.count()
