"""Pages read in their stated time, and each view reads as fully as the other.

What a reader would notice: a tab pair whose views differ by more than a
quarter in words, a page summary past five lines, folded research notes that
hide from a printout, from a reader without JavaScript or from search, and a
heading copied from the source.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import NAV_PAGES, ROOT
from support.browser import print_media
from support.pages import source_of
from support.views import tab_pairs

SOURCE = ROOT.parent / "shared" / "source" / "article.txt"
RATIO = 1.25  # the most one view of a tab pair may have over the other, in words


# --- Every tab pair in balance ---------------------------------------------------


def test_every_tab_pair_is_within_a_quarter_of_its_partner_in_words(site):
    pairs = list(tab_pairs(site))
    assert len(pairs) >= 20, f"only {len(pairs)} Developer/Engineer tab pairs found: the check reads no tabs"
    lopsided = [f"{source_of(path)}, #{anchor}: Developer {n['Developer']} words, Engineer {n['Engineer']}"
                for path, anchor, n in pairs if max(n.values()) > RATIO * min(n.values())]
    assert not lopsided, (f"each view must carry as much as the other, within {RATIO} times in words; "
                          "move shared detail before or after the tabs, or fill the shorter view:\n" + "\n".join(lopsided))


# --- The AI examples: a short summary, research in folded notes -------------------

AI = "ai-examples/"
NOTES = ["cosine", "judge", "temperature"]  # what the research notes are about, one each


def test_the_ai_examples_open_with_a_summary_of_at_most_five_lines(site):
    page = site.soup(AI)
    summary = page.select_one("article .admonition.abstract")
    assert summary is not None, "docs/ai-examples.md opens with no `!!! abstract` summary"
    first = page.select_one("article h1").find_next_sibling()
    if first is not None and "views-need-scripts" in (first.get("class") or []):
        first = first.find_next_sibling()  # the template's note for readers without scripts
    assert first is summary, "the summary is not the first thing under the page's title"
    items = summary.select("li")
    assert 1 <= len(items) <= 5, f"the summary has {len(items)} lines; at most five"
    text = summary.get_text(" ")
    for words in ["Developer", "Engineer"]:
        assert words in text, f"the summary does not say who reads the {words} tabs"


def test_the_research_detail_sits_in_folded_notes_outside_the_tabs(site):
    """Folded (no `open`), so the page reads in its time; outside any tab, so
    both views meet the research."""
    notes = site.soup(AI).select("article details")  # the research notes
    titles = [n.find("summary").get_text(" ", strip=True) for n in notes]
    for topic in NOTES:
        assert any(topic in t.lower() for t in titles), f"no folded research note about {topic!r}: {titles}"
    for note, title in zip(notes, titles):
        assert not note.has_attr("open"), f"{title!r} is open: a research note starts folded"
        assert note.find_parent(class_="tabbed-set") is None, f"{title!r} sits inside one view's tab"
        assert len(note.get_text(" ").split()) > 60, f"{title!r} holds no detail"


def test_search_finds_the_words_inside_folded_notes(site):
    index = json.loads((site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(AI))
    for words in ["self-enhancement bias", "80 different completions", "stretched on the query side"]:
        assert words in text, f"search does not index {words!r}, which sits in a folded note on /{AI}"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_folded_note_opens_on_a_click_and_prints_open(fresh_context, javascript):
    page = fresh_context(java_script_enabled=javascript).new_page()
    page.goto(AI)
    notes = page.locator("article details")
    assert notes.count() >= len(NOTES)
    body = notes.first.locator("p").first
    assert notes.first.locator("summary").is_visible() and not body.is_visible(), "a note is not folded on screen"
    for n in range(notes.count()):
        assert not notes.nth(n).locator("p").first.is_visible()
    if javascript:
        print_media(page)
    else:
        page.emulate_media(media="print")
    hidden = [notes.nth(n).locator("summary").inner_text() for n in range(notes.count())
              if not notes.nth(n).locator("p").first.is_visible()]
    assert not hidden, f"on paper these notes print folded, their text lost: {hidden}"
    page.emulate_media(media="screen")
    notes.first.locator("summary").click()
    assert body.is_visible(), "clicking a note's title does not open it"


def test_the_summary_fits_five_lines_on_a_wide_screen(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(AI)
    lines = page.locator("article .admonition.abstract li").evaluate_all(
        "items => items.reduce((n, li) => n + Math.round(li.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(li).lineHeight)), 0)")
    assert lines <= 5, f"the summary takes {lines} lines at 1280 px; at most five"


# --- Headings in the site's own words ---------------------------------------------


def normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")))


@pytest.mark.parametrize("path", NAV_PAGES)
def test_no_heading_repeats_a_line_of_the_source(site, path):
    if not SOURCE.is_file():
        pytest.skip(f"{SOURCE} is missing: this check needs the team's shared/ folder beside the checkout")
    lines = {normal(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if normal(line)}
    headings = [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in site.soup(path).select("article :is(h1, h2, h3, h4)")]
    # A whole line, or five words of one (shorter runs, such as the success
    # metric's "for all users", are the site's deliberate quotes).
    copied = [h for h in headings if normal(h) in lines or (len(normal(h).split()) >= 5 and any(normal(h) in line for line in lines))]
    assert not copied, f"{source_of(path)}: headings that repeat the source word for word; reword them, keeping the old id: {copied}"


# Headings whose words changed, by the id they kept: links in onboarding docs
# still land on them and on their tabs.
KEPT_IDS = {"article/": ["titles-vary-responsibilities-matter-more", "takeaway", "what-an-ai-engineer-does"],
            "comparison/": ["key-differences-at-a-glance"], AI: ["two-roles-in-ai-work"]}


@pytest.mark.parametrize("path", KEPT_IDS)
def test_reworded_headings_keep_their_old_ids(site, path):
    page = site.soup(path)
    for anchor in KEPT_IDS[path]:
        heading = page.find(id=anchor)
        assert heading is not None and heading.name in ("h2", "h3"), f"/{path}#{anchor} no longer names a heading"
        tabs = heading.find_next_sibling(class_="tabbed-set")
        if tabs is not None and tabs.find_previous_sibling(re.compile("^h[23]$")) is heading:
            assert page.find(id=f"{anchor}-developer") and page.find(id=f"{anchor}-engineer"), f"/{path}#{anchor}: its tabs lost their ids"
