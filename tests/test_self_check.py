"""The self-check page: statements a reader answers, a place on the spectrum, a view to read in.

The browser tests answer as a reader does (clicks, or the keyboard alone) and
check what the reader then sees. The first tests read the built HTML: they keep
the statements and the score ranges a writer edits in step with each other.
"""

from __future__ import annotations

import copy
import re

import pytest

from support.a11y import axe_violations, describe
from support.browser import fragments_seen_while_scrolling
from support.editorial import quantity
from support.self_check import (
    SKIP,
    answer,
    marker_x,
    position,
    reading,
    runs_from_the_engineer_end,
    scored_radios,
    view_links,
)
from support.views import VIEWS, assert_every_set_shows, other_view

URL = "self-check/"
DEVELOPER, ENGINEER = "../article/?view=developer", "../article/?view=engineer"


# --- The page as a writer keeps it ---------------------------------------------------


def test_statements_are_radio_scales_from_developer_to_engineer(site):
    form = site.soup(URL).select_one("article form.self-check")
    assert form is not None and form.get("method") == "dialog", "the form must never send answers anywhere"
    statements = form.select("fieldset")
    fewest, most = quantity("self_check.statements_at_least"), quantity("self_check.statements_at_most")
    assert fewest <= len(statements) <= most, (
        f"{len(statements)} statements; the page promises {fewest} to {most} (editorial/quantities.yml)")
    names = set()
    for fieldset in statements:
        legend = fieldset.find("legend")
        assert legend and legend.get_text(strip=True), "every statement has a legend"
        radios = fieldset.select("input")
        assert all(r.get("type") == "radio" for r in radios), legend.get_text()
        assert len({r["name"] for r in radios}) == 1, f"{legend.get_text()}: radios with different names"
        names.add(radios[0]["name"])
        # Each ending's value is its place on the line, 0 at the developer end:
        # every place once, listed from either end (the order alternates).
        scored = scored_radios(fieldset)
        values = [int(r["value"]) for r in scored]
        assert values in (list(range(len(scored))), list(range(len(scored)))[::-1]), legend.get_text()
        # An answer the score leaves out comes last, with no points.
        unscored = [r for r in radios if r not in scored]
        assert unscored in ([], radios[-1:]), f"{legend.get_text()}: the unscored answer must be the last"
        assert all(r["value"] == "" for r in unscored), legend.get_text()
        assert all(r.find_parent("label") and r.find_parent("label").get_text(strip=True) for r in radios)
    assert len(names) == len(statements), "two statements share a radio name"


def test_the_endings_alternate_which_end_they_start_from(site):
    """Endings listed developer end first in every statement are an order a
    careful reader can steer by: every other statement starts from the engineer end."""
    statements = site.soup(URL).select("form.self-check fieldset")
    order = ["engineer end first" if runs_from_the_engineer_end(f) else "developer end first" for f in statements]
    expected = ["developer end first", "engineer end first"] * (len(statements) // 2) + ["developer end first"] * (len(statements) % 2)
    assert order == expected, f"docs/self-check.md: the statements' endings run {order}; alternate them, starting developer end first"


def test_the_by_hand_text_names_the_statements_that_count_the_other_way(site):
    page = site.soup(URL)
    reversed_ = [str(i + 1) for i, f in enumerate(page.select("form.self-check fieldset")) if runs_from_the_engineer_end(f)]
    by_hand = " ".join(page.select_one(".self-check-by-hand").get_text(" ").split())
    named = re.search(r"In statements ([\d, and]+), count the other way: \*?3\*? for the first ending", by_hand.replace("**", ""))
    assert named, f"the by-hand text does not say which statements count from 3 down: {by_hand[:200]!r}"
    assert re.findall(r"\d+", named[1]) == reversed_, f"the by-hand text names statements {named[1]!r}; the page lists {reversed_} from the engineer end"


# Endings that only a long tenure or a wide scope can pick: every ending is
# one piece of work, so a reader in a first job can choose either end.
TENURE_OR_SCOPE = ["runbook I helped write", "every region", "each service has left", "for a few weeks"]


def test_no_ending_needs_tenure_or_scope(site):
    endings = [label.get_text(" ", strip=True) for label in site.soup(URL).select("form.self-check label")]
    found = [(words, e) for e in endings for words in TENURE_OR_SCOPE if words in e]
    assert not found, f"docs/self-check.md: endings a first-job reader cannot pick: {found}"


def test_the_two_end_readings_say_the_same_of_seniority(site):
    """The results are symmetric: neither end grows by becoming the other."""
    readings = site.soup(URL).select(".self-check-result")
    first, last = (" ".join(r.get_text(" ").split()) for r in (readings[0], readings[-1]))
    for said in ["a craft with its own depth", "seniority at this end means owning harder and vaguer problems, not moving toward the other end", "a larger share in"]:
        assert said in first and said in last, f"docs/self-check.md: the two end readings differ; only one says {said!r}"


def test_score_ranges_cover_every_total_and_match_the_by_hand_text(site):
    page = site.soup(URL)
    top = sum(len(scored_radios(f)) - 1 for f in page.select("form.self-check fieldset"))
    limits = [int(r["data-upto"]) for r in page.select(".self-check-result")]
    assert len(limits) == 3 and limits == sorted(limits), f"three readings in order, got limits {limits}"
    assert limits[-1] == top, f"the engineer-end reading must end at the highest total, {top}"
    ranges = list(zip([0] + [limit + 1 for limit in limits[:-1]], limits))
    by_hand = page.select_one(".self-check-by-hand").get_text(" ")
    headings = [r.find("h3").get_text() for r in page.select(".self-check-result")]
    for (low, high), heading in zip(ranges, headings):
        assert f"{low} to {high}" in by_hand, f"the by-hand instructions do not name {low} to {high}"
        assert heading.startswith(f"{low} to {high}:"), heading
    assert page.select_one("[data-full]").get_text() == str(top)


# A place on a line, not a grade: words of marking stay out of what the reader
# is told about their answers.
GRADE_WORDS = re.compile(r"\b(points?|scored?|scores)\b", re.I)


def test_the_result_and_the_by_hand_text_read_as_a_place_not_a_grade(site):
    page = site.soup(URL)
    for selector in [".self-check-by-hand", ".self-check-score", ".self-check-result", ".self-check-scaling"]:
        for element in page.select(selector):
            text = element.get_text(" ", strip=True)
            assert not GRADE_WORDS.search(text), f"docs/self-check.md, {selector}: {GRADE_WORDS.search(text)[0]!r} in {text[:80]!r}"


def test_the_page_does_not_say_which_end_each_ending_belongs_to(site):
    """Said up front, the order invites answering for a place instead of for the work."""
    article = copy.copy(site.soup(URL).select_one("article"))
    article.select_one(".self-check-by-hand").decompose()  # scoring by hand needs the order
    text = article.get_text(" ")
    said = re.search(r"(runs?|go(es)?) from the developer end|developer end \(first\)", text)
    assert not said, f"docs/self-check.md announces the order of the endings: {said[0]!r}"


# Endings the comparison (docs/comparison.md) puts wholly at the developer end:
# evaluation results on held-out data, and the people who asked for the work.
DEVELOPER_END = ["evaluation set", "evaluation data", "asked for it"]


@pytest.mark.parametrize("words", DEVELOPER_END)
def test_endings_the_comparison_puts_at_the_developer_end_sit_there(site, words):
    endings = [label for label in site.soup(URL).select("form.self-check label") if words in label.get_text()]
    assert endings, f"no ending mentions {words!r}"
    for label in endings:
        value = label.find("input")["value"]
        assert value == "0", f"{label.get_text(strip=True)!r} is worth {value}; the comparison puts it at the developer end, 0"


# --- In the browser -------------------------------------------------------------------

# Which ending to pick in each statement: 0 is the developer end, -1 the engineer end.
ALL_DEVELOPER = [0] * 10
ALL_ENGINEER = [-1] * 10
MIXED = [0, -1] * 5


@pytest.mark.parametrize(
    "picks, score, end, links, x",
    [
        (ALL_DEVELOPER, "0", "toward the developer end", [DEVELOPER], 40),
        (ALL_ENGINEER, "30", "toward the engineer end", [ENGINEER], 440),
        (MIXED, "15", "in the middle", [DEVELOPER, ENGINEER], 240),
    ],
    ids=["developer", "engineer", "mixed"],
)
def test_answers_place_the_reader_and_link_to_the_view(page, picks, score, end, links, x):
    """The developer end and the engineer end are both skilled answers: every
    developer-end ending places the reader at 0, every engineer-end one at 30,
    and alternating ones at 15."""
    page.goto(URL)
    assert page.locator(".self-check-result:visible").count() == 0, "a reading shows before any answer"
    assert page.locator("svg.spectrum .self-check-marker").count() == 0
    answer(page, picks)
    assert end in reading(page)
    assert view_links(page) == links
    assert marker_x(page) == x, "the marker is not where the position puts it on the line"
    assert page.locator(".self-check-score").inner_text() == position(score)
    assert not page.locator(".self-check-scaling").is_visible(), "nothing was left out, so nothing was scaled"
    # Screen readers hear the result: focus moves to its heading.
    assert page.evaluate("document.activeElement.matches('.self-check-result h3')")


MODEL = 6  # statement 7, about machine-learning models, may be left out of the score


@pytest.mark.parametrize(
    "picks, at, sum_, end",
    [
        ([-1] * MODEL + [SKIP] + [-1] * 3, 30, 27, "toward the engineer end"),
        ([0] * MODEL + [SKIP] + [0] * 3, 0, 0, "toward the developer end"),
        # 10 of 27 is 11.1 on the 0-30 line: the middle, though 10 of 30 would not be.
        ([-1, -1, -1, 1, 0, 0, SKIP, 0, 0, 0], 11, 10, "in the middle"),
    ],
    ids=["engineer", "developer", "scaled-to-the-middle"],
)
def test_work_without_models_is_placed_on_the_same_line_and_says_how(page, picks, at, sum_, end):
    page.goto(URL)
    answer(page, picks)
    assert page.locator(".self-check-score").inner_text() == position(at)
    assert end in reading(page)
    assert marker_x(page) == pytest.approx(40 + 400 * at / 30), "the marker and the number disagree"
    scaling = page.locator(".self-check-scaling")
    assert scaling.is_visible(), "the reader is not told that the other answers were scaled"
    note = scaling.inner_text()
    for said in ["Statement 7", "other nine", f"{sum_} of a possible 27", f"{at}"]:
        assert said in note, f"the scaling note does not say {said!r}: {note!r}"


@pytest.mark.parametrize("view", VIEWS)
def test_the_link_opens_the_article_in_that_view(fresh_context, view):
    page = fresh_context().new_page()
    page.goto(URL)
    page.locator(".tabbed-labels label", has_text=other_view(view)).click()  # an earlier choice the link overrides
    answer(page, ALL_DEVELOPER if view == "Developer" else ALL_ENGINEER)
    page.get_by_role("link", name=f"Read the article in the {view} view").click()
    page.wait_for_url(f"**/article/?view={view.lower()}")
    assert_every_set_shows(page, view)
    page.goto(URL)  # the choice is kept for the pages that follow
    assert_every_set_shows(page, view)


def test_a_missing_answer_is_named_and_nothing_is_scored(page):
    page.goto(URL)
    statements = page.locator("form.self-check fieldset")
    for i in [0, 1, 2, 4, 5, 6, 7, 8, 9]:  # statement 4 left open
        statements.nth(i).locator("label").first.click()
    page.get_by_role("button", name="Show my place on the spectrum").click()
    assert "4. When something I worked on breaks" in page.locator(".self-check-status[role=status]").inner_text()
    assert page.evaluate("document.activeElement.name") == "breaks", "focus goes to the open statement"
    assert page.locator(".self-check-result:visible").count() == 0
    # The reason is shown where focus lands, not only by the button far below.
    open_statement = page.locator("form.self-check fieldset").nth(3)
    message = open_statement.locator(".self-check-missing")
    assert message.is_visible() and "answer this statement" in message.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == message.get_attribute("id")
    top = page.evaluate("document.activeElement.getBoundingClientRect().top")
    box = message.bounding_box()
    assert abs(box["y"] - top) < 120, f"the message is {abs(box['y'] - top):.0f} px from the focused answer"
    assert 0 <= box["y"] <= page.viewport_size["height"], "the message is off screen when focus lands"
    # Answering and pressing the button again clears the message.
    open_statement.locator("label").first.click()
    page.get_by_role("button", name="Show my place on the spectrum").click()
    assert page.locator(".self-check-missing").count() == 0


def test_answering_stores_nothing(page):
    page.goto(URL)
    before = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])")
    answer(page, MIXED)
    after = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])")
    assert after == before


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_keyboard_alone_answers_and_submits(page, key):
    page.goto(URL)
    page.locator("form.self-check input").first.focus()  # as after tabbing through the header
    statements = page.locator("form.self-check fieldset").count()
    # Enter: the engineer end of every statement; Space: the developer end.
    wanted = "3" if key == "Enter" else "0"
    fieldsets = page.locator("form.self-check fieldset")
    for i in range(statements):
        values = fieldsets.nth(i).locator("input").evaluate_all("rs => rs.map(r => r.value)")
        steps = values.index(wanted)
        if steps == 0:
            page.keyboard.press("Space")  # picks the focused, first ending
        for _ in range(steps):  # arrow keys move the choice down the list
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")  # Tab leaves the group for the next one
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press(key)
    assert ("engineer" if key == "Enter" else "developer") + " end" in reading(page)
    assert page.evaluate("document.activeElement.tagName") == "H3"


def test_fits_a_phone_without_sideways_scrolling(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(URL)
    widths = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    for moment in ["before answering", "after answering"]:
        if moment == "after answering":
            answer(page, MIXED)
        scroll, window = page.evaluate(widths)
        assert scroll <= window, f"{moment}: the page is {scroll} px wide in a {window} px window"


def test_without_javascript_the_page_explains_scoring_by_hand(fresh_context):
    page = fresh_context(java_script_enabled=False).new_page()
    page.goto(URL)
    by_hand = page.locator(".self-check-by-hand")
    assert by_hand.is_visible()
    assert "0 for the first ending" in by_hand.inner_text() and "Add up" in by_hand.inner_text()
    assert page.locator(".self-check-result:visible").count() == 3, "every reading shows, for the reader to pick"
    assert page.locator("form.self-check input[type=radio]:visible").count() >= 32
    assert not page.get_by_role("button", name="Show my place on the spectrum").is_visible()


def test_axe_finds_nothing_before_and_after_answering(page):
    page.goto(URL)
    for moment in ["before answering", "after answering"]:
        if moment == "after answering":
            answer(page, MIXED)
            page.locator(".self-check-result:visible .md-button").last.hover()  # hover colours count too
        violations = axe_violations(page)
        assert not violations, f"{moment}:\n" + describe(violations)
        # A link with no address leads nowhere, and search engines flag it (Lighthouse's crawlable-anchors).
        assert page.evaluate("[...document.querySelectorAll('a:not([href])')].map(a => a.outerHTML)") == [], moment


# --- Incomplete and tampered answers -------------------------------------------------

SUBMIT = "Show my place on the spectrum"


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}], ids=["1280", "390"])
@pytest.mark.parametrize("open_statements", [range(10), [0], [9]], ids=["empty", "first-open", "last-open"])
def test_an_incomplete_submit_never_names_a_hidden_reading_in_the_address(page, viewport, open_statements):
    """Material's anchor tracking places a hidden heading at the top of the page,
    so a reading the reader cannot see would otherwise end up in a link they copy."""
    page.set_viewport_size(viewport)
    page.clock.install()
    page.goto(URL)
    statements = page.locator("form.self-check fieldset")
    for i in range(10):
        if i not in open_statements:
            statements.nth(i).locator("label").first.click()
    page.get_by_role("button", name=SUBMIT).click()
    assert page.locator(".self-check-result:visible").count() == 0
    seen = fragments_seen_while_scrolling(page)
    assert any(seen), "the address named no section while scrolling: anchor tracking never ran"
    for fragment in seen:
        if fragment:
            target = page.locator(f"[id='{fragment[1:]}']")
            assert target.count() == 1 and target.is_visible(), f"the address names {fragment}, which is not on screen"


# Changes a reader could make in the browser's developer tools: the page must
# neither throw nor print NaN, and must not place anyone from such answers.
TAMPERED = {
    "non-numeric": "form => { form.querySelector('input[name=done]').value = 'abc'; }",
    "out-of-range": "form => { form.querySelector('input[name=done]').value = '99'; }",
    "negative": "form => { form.querySelector('input[name=done]').value = '-5'; }",
    "fractional": "form => { form.querySelector('input[name=done]').value = '1.5'; }",
    "no-radios": "form => { form.querySelector('fieldset').querySelectorAll('label').forEach(l => l.remove()); }",
    "every-answer-left-out": "form => { form.querySelectorAll('input').forEach(i => i.setAttribute('data-unscored', '')); }",
}


@pytest.mark.parametrize("change", TAMPERED.values(), ids=TAMPERED.keys())
def test_tampered_answers_ask_for_an_answer_or_are_ignored(page, change):
    page.goto(URL)
    page.locator("form.self-check").evaluate(change)
    statements = page.locator("form.self-check fieldset")
    for i in range(statements.count()):
        labels = statements.nth(i).locator("label")
        if labels.count():
            labels.first.click()
    page.get_by_role("button", name=SUBMIT).click()
    text = page.locator("article").inner_text()
    assert "NaN" not in text and "undefined" not in text, text[-400:]
    status = page.locator(".self-check-status[role=status]").inner_text()
    if page.locator(".self-check-result:visible").count():
        # Ignored: the reader is placed from the answers that are well formed.
        assert status == ""
        assert re.fullmatch(r"You sit at \d+ on a line from the developer end, 0, to the engineer end, 30\.",
                            page.locator(".self-check-score").inner_text())
        assert 40 <= marker_x(page) <= 440
    else:
        assert status.startswith("Please answer every statement"), f"neither placed nor asked: {status!r}"
        assert not page.locator(".self-check-score").is_visible()
