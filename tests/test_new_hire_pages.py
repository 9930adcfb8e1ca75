"""The pages a new hire asks for after the article: start here, roles and levels,
the handoff checklist, the fifth AI example and further reading.

Read from the built HTML (and, for the phone and print checks, in Chromium),
so each test sees what a reader sees. The reading times on the start-here
page are written in its Markdown by ./scripts/sync, so the site builds the
same on MkDocs and on Zensical (which runs no hooks); this file computes them
from the pages and fails, naming ./scripts/sync, when a page grows or shrinks.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from urllib.parse import urljoin, urlsplit

import pytest

import sync  # scripts/sync.py, which writes the reading times
from support.browser import DESKTOP, PHONE, print_media, settled
from support.editorial import quantity
from support.reading_time import WORDS_PER_MINUTE, read_time, typed_minutes
from support.views import VIEWS, panels, tab_set_under

YEAR = re.compile(r"\b(19|20)\d\d\b")


# --- Roles and levels ----------------------------------------------------------

ROLE_COLUMNS = ["Title", "What it usually owns", "What it measures", "Where it tends to sit", "Read first"]


def test_the_roles_table_has_the_promised_titles_with_every_column_filled(site):
    table = site.soup("roles").select_one("article .roles-table table")
    assert table, "docs/roles.md: the roles table sits in a <div class=\"roles-table\">"
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ROLE_COLUMNS, f"the roles table's columns are {headers}, not {ROLE_COLUMNS}"
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    promised = quantity("roles.titles")
    assert len(rows) >= promised, f"the roles table lists {len(rows)} titles; at least {promised} promised (editorial/quantities.yml)"
    for cells in rows:
        assert len(cells) == len(ROLE_COLUMNS) and all(cells), f"incomplete row: {cells}"
    titles = [cells[0] for cells in rows]
    assert len(set(titles)) == len(titles), f"a title is listed twice: {titles}"


@pytest.mark.parametrize("level", ["first-job", "senior", "staff"])
def test_each_level_has_an_example_at_each_end(site, level):
    tab_set = tab_set_under(site.soup("roles"), level)
    assert tab_set, f"roles/#{level} has no Developer/Engineer examples"
    for view, block in panels(tab_set).items():
        assert len(block.get_text(" ", strip=True).split()) >= quantity("roles.level_example_words"), f"roles/#{level}: the {view} example is a stub"


def test_the_handoff_checklist_has_the_promised_checkboxes_in_each_view(site):
    tab_set = tab_set_under(site.soup("handoff"), "the-checklist")
    assert tab_set, "handoff/#the-checklist has no Developer/Engineer tabs"
    views = panels(tab_set)
    assert tuple(views) == VIEWS
    promised = quantity("handoff.checklist_items")
    for view, block in views.items():
        boxes = block.select("li.task-list-item input[type=checkbox]")
        assert len(boxes) >= promised, f"the handoff checklist's {view} view has {len(boxes)} checkboxes; at least {promised} promised (editorial/quantities.yml)"
        items = [li.get_text(" ", strip=True) for li in block.select("li.task-list-item")]
        assert all(len(item.split()) >= quantity("handoff.item_words") for item in items), f"{view}: an item is too short to act on: {items}"


def test_checklist_boxes_are_named_by_their_items_and_print_as_boxes(fresh_context):
    page = fresh_context().new_page()
    page.goto("handoff/")
    settled(page)
    boxes = page.locator("#the-checklist-engineer-panel input[type=checkbox]")
    assert boxes.count() >= quantity("handoff.checklist_items")
    # A screen reader announces the item's text with the checkbox.
    first_item = page.locator("#the-checklist-engineer-panel li.task-list-item").first.inner_text().strip()
    name = boxes.first.evaluate("b => b.closest('label') ? b.closest('label').innerText.trim() : ''")
    assert name == first_item, f"checkbox named {name!r}, item reads {first_item!r}"
    # On paper, an open box is drawn with a border, which browsers print.
    print_media(page)
    border = boxes.first.evaluate(
        "b => parseFloat(getComputedStyle(b.nextElementSibling, '::before').borderTopWidth)"
    )
    assert border > 0, "an open checklist box prints as nothing: it must have a border"


# --- The fifth AI example --------------------------------------------------------


def test_the_generative_feature_example_has_both_views_and_cites_its_research(site):
    page = site.soup("ai-examples")
    tab_set = tab_set_under(page, "evaluating-a-generative-feature")
    assert tab_set, "ai-examples/#evaluating-a-generative-feature has no Developer/Engineer tabs"
    views = panels(tab_set)
    assert tuple(views) == VIEWS
    for view, block in views.items():
        assert len(block.get_text(" ", strip=True).split()) >= quantity("ai_examples.generative_example_words"), f"the {view} view of the fifth example is a stub"
    cited = " ".join(a["href"] for a in views["Developer"].select("a[href]"))
    assert "2306.05685" in cited, "the LLM-judge biases cite Zheng et al. 2023 (arXiv:2306.05685)"


def money(text: str) -> Decimal:
    return Decimal(text.replace("$", "").replace(",", ""))


def test_the_worked_cost_per_request_adds_up(site):
    heading = site.soup("ai-examples").find(id="cost-per-request-worked-through")
    assert heading, "ai-examples/#cost-per-request-worked-through is missing"
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in heading.find_next("table").select("tbody tr")]
    *parts, total = rows
    for label, tokens, price, cost in parts:
        expected = money(tokens) * money(price) / 1_000_000
        assert money(cost) == expected, f"{label}: {tokens} tokens at {price} per million cost {expected}, not {cost}"
    assert money(total[-1]) == sum(money(row[-1]) for row in parts), f"the parts do not add up to {total[-1]}"


# --- Further reading -------------------------------------------------------------


def test_every_further_reading_link_is_https_named_and_dated(site):
    article = site.soup("further-reading").select_one("article")
    sources = [li for li in article.select("li") if li.select_one("a[href^='http']")]
    promised = quantity("further_reading.sources")
    assert len(sources) >= promised, f"further reading lists {len(sources)} sources; at least {promised} promised (editorial/quantities.yml)"
    developer, engineer = panels(tab_set_under(site.soup("further-reading"), "by-view")).values()
    assert developer.select("li") and engineer.select("li"), "both views recommend sources"
    for li in sources:
        link = li.select_one("a[href^='http']")
        name = link.get_text(" ", strip=True)
        assert link["href"].startswith("https://"), f"{name!r} links over plain http: {link['href']}"
        assert name and not name.startswith("http"), f"a link is not named: {link['href']}"
        assert YEAR.search(li.get_text(" ", strip=True)), f"{name!r} is cited without a year"
        assert "Why:" in li.get_text(" ", strip=True), f"{name!r} does not say why to read it"


# --- Start here ----------------------------------------------------------------


# The reading paths on Start here: the one for every new hire, and the one for
# people whose work is models (ML and AI engineers, applied scientists).
PATHS = ["reading-path", "reading-path-for-model-work"]


@pytest.mark.parametrize("path", PATHS)
def test_reading_times_on_start_here_are_computed_from_the_pages(site, path):
    page = site.soup("start-here")
    tab_set = tab_set_under(page, path)
    assert tab_set, f"start-here/#{path} has no Developer/Engineer tabs"
    wrong = []
    for view, block in panels(tab_set).items():
        steps = block.select("ol > li")
        assert len(steps) >= quantity("start_here.reading_path_steps"), f"the {view} reading path has {len(steps)} steps"
        assert any(urlsplit(li.a["href"]).path.endswith("self-check/") for li in steps), f"the {view} path skips the self-check"
        for li in steps:
            target = urlsplit(urljoin("/start-here/", li.a["href"])).path.strip("/")
            typed = li.select_one(".read-time")
            assert typed, f"start-here, {view} path: {li.a.get_text()} has no *N min*{{ .read-time }}"
            expected = read_time(site.soup(target), view)
            if typed.get_text(strip=True) != expected:
                prose, code = sync.prose_and_code_words(str(site.soup(target)), view)
                wrong.append(
                    f"{view} path, {li.a.get_text()}: says {typed.get_text(strip=True)!r}, the page has {prose} words "
                    f"of prose and {code} of code in the {view} view: {expected!r}"
                )
        total = block.select_one(".read-total")
        assert total, f"start-here, {view} path: no *N min*{{ .read-total }} after the steps"
        steps = [typed_minutes(t.get_text(strip=True)) for t in block.select(".read-time")]
        prose_sum, code_sum = sum(p for p, _ in steps), sum(c for _, c in steps)
        summed = f"{prose_sum} min" + (f", plus {code_sum} min of code" if code_sum else "")
        if total.get_text(strip=True) != summed:
            wrong.append(f"{view} path, in all: says {total.get_text(strip=True)!r}; the steps add up to {summed!r}")
    assert not wrong, (f"docs/start-here.md, #{path} (the first path from includes/reading-path-<view>.md): reading times are out of date ({WORDS_PER_MINUTE} words a minute); "
                       "run ./scripts/sync, which writes them:\n" + "\n".join(wrong))


@pytest.mark.parametrize("path", PATHS)
def test_a_page_with_programs_shows_its_code_time_apart_from_its_prose(site, path):
    """The AI examples carry two programs and their output: a reader who skips
    them should see how long the prose alone takes."""
    prose, code = sync.prose_and_code_words(str(site.soup("ai-examples")), "Developer")
    assert code >= WORDS_PER_MINUTE / 2, f"ai-examples/ has {code} words of code: the check needs its programs"
    for view, block in panels(tab_set_under(site.soup("start-here"), path)).items():
        step = next(li for li in block.select("ol > li") if li.a["href"].startswith("../ai-examples/"))
        typed = step.select_one(".read-time").get_text(strip=True)
        assert re.fullmatch(r"\d+ min, plus \d+ min of code", typed), (
            f"start-here/#{path}, {view}: the AI examples' time {typed!r} does not count prose and code apart")


def test_the_path_for_model_work_says_which_view_and_starts_with_the_ai_pages(site):
    page = site.soup("start-here")
    intro = page.select_one("article").find("ul")
    assert intro.select_one("a[href='#reading-path-for-model-work']"), (
        "the list of paths at the top of start-here does not point to #reading-path-for-model-work")
    heading = page.find(id="reading-path-for-model-work")
    shared = []
    for element in heading.find_next_siblings():
        if "tabbed-set" in (element.get("class") or []):
            break
        shared.append(element.get_text(" ", strip=True))
    shared = " ".join(shared)
    for words in ["applied scientist", "ML engineer", "Developer view", "Engineer view"]:
        assert words in shared, f"start-here/#reading-path-for-model-work: the text before the tabs does not name {words!r}"
    for view, block in panels(tab_set_under(page, "reading-path-for-model-work")).items():
        first = block.select_one("ol > li a")["href"]
        assert first.startswith("../ai-examples/"), f"the {view} path for model work starts with {first}, not the AI examples"


# --- Linking for onboarding leads ----------------------------------------------


def test_each_audience_on_the_linking_page_starts_with_start_here(site):
    page = site.soup("linking")
    views = panels(tab_set_under(page, "linking-for-each-audience"))
    assert tuple(views) == VIEWS
    for view, block in views.items():
        first = block.select_one("pre, code")
        assert first and "/start-here/?view=" + view.lower() in first.get_text(), (
            f"linking/#linking-for-each-audience, {view}: the first link to send is not Start here in that view")


def test_the_linking_page_says_a_permalink_carries_the_current_view(site):
    article = copy.copy(site.soup("linking").select_one("article"))
    for element in article.select(".headerlink, pre"):
        element.decompose()
    sentences = re.split(r"(?<=[.!?])\s", article.get_text(" ", strip=True))
    assert any("¶" in s and re.search(r"\bview (you|it)\b", s) for s in sentences), (
        "docs/linking.md does not say that a heading's ¶ link carries the view it was copied in")


def test_start_here_has_terms_and_a_first_week_checklist_for_each_kind_of_hire(site):
    page = site.soup("start-here")
    for view, block in panels(tab_set_under(page, "terms-you-meet-first")).items():
        terms = [a for a in block.select("a[href*='glossary/#']")]
        assert len(terms) >= quantity("start_here.first_terms"), f"the {view} view names {len(terms)} glossary terms"
    for view, block in panels(tab_set_under(page, "your-first-week")).items():
        assert len(block.select("input[type=checkbox]")) >= quantity("start_here.first_week_items"), f"the {view} first week has too few items"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_home_page_shows_the_way_to_start_here_on_its_first_screen(fresh_context, viewport):
    page = fresh_context(viewport=viewport).new_page()
    page.goto("./")
    for target in ["start-here/", "linking/#recommended-links"]:
        link = page.locator(f"article a[href='{target}']").first
        top = link.evaluate("a => a.getBoundingClientRect().bottom")
        assert 0 < top <= viewport["height"], f"the link to {target} is {top:.0f} px down, below the first screen"
