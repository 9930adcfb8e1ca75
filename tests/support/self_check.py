"""The self-check page (docs/self-check.md) as a reader answers it and as its built form reads."""

from __future__ import annotations


def scored_radios(fieldset) -> list:
    """A statement's answers that count, in the order listed."""
    return [r for r in fieldset.select("input") if not r.has_attr("data-unscored")]


def runs_from_the_engineer_end(fieldset) -> bool:
    """Whether a statement lists its engineer end first."""
    values = [int(r["value"]) for r in scored_radios(fieldset)]
    return values[0] > values[-1]


SKIP = "skip"  # the answer a statement may leave out of the score


def answer(page, picks) -> None:
    """Pick by place on the line, whatever order the endings are listed in:
    0 is the developer end, -1 the engineer end, 1 and 2 between."""
    statements = page.locator("form.self-check fieldset")
    assert statements.count() == len(picks)
    for i, pick in enumerate(picks):
        if pick == SKIP:
            statements.nth(i).locator("label.self-check-unscored").click()
        else:
            values = statements.nth(i).locator("input:not([data-unscored])").evaluate_all("rs => rs.map(r => +r.value)")
            place = max(values) if pick == -1 else pick
            statements.nth(i).locator(f"label:not(.self-check-unscored):has(input[value='{place}'])").click()
    page.get_by_role("button", name="Show my place on the spectrum").click()


def reading(page) -> str:
    """The heading of the one reading on screen."""
    shown = page.locator(".self-check-result:visible h3")
    assert shown.count() == 1, f"{shown.count()} readings on screen"
    return shown.inner_text()


def view_links(page) -> list[str]:
    """The addresses of the article's view links on screen."""
    return [a.get_attribute("href") for a in page.locator("article a[href*='article/?view=']:visible").all()]


def marker_x(page) -> float:
    """Where the reader's marker sits on the spectrum's line (its x)."""
    return float(page.locator("svg.spectrum .self-check-marker circle").get_attribute("cx"))


def position(at) -> str:
    """The sentence the reading gives for a score of `at`."""
    return f"You sit at {at} on a line from the developer end, 0, to the engineer end, 30."
