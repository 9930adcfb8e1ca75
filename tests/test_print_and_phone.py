"""On paper and on a phone: printouts that read as handouts, and a 390 px screen that shows it all.

Paper: Chromium prints pages to A4 PDFs (page.pdf, as "Save as PDF" does) and
poppler's pdftotext reads them back, so the checks see what a reader holds:
how many sheets, which lists, what sits at the foot of each page, whether a
table row was torn in two, and the addresses printed after links.

Phone: the header, the view switch, the wide tables of the roles page and
the self-check's marker at 390 px, measured in the page.
"""

from __future__ import annotations

import re

import pytest

from conftest import NAV_PAGES
from support.browser import PHONE, print_media
from support.paper import bare, pdftotext, printout, squeeze

VIEWS = ["developer", "engineer"]

# Sheets of A4 each printout may take. Measured on 2026-12-01 before the
# handoff printed both lists and before labels, headings and table rows were
# kept together: article 8 and roles 5 in either view, handoff 2 (one list).
# After: article 8, roles 5, handoff 3 (both lists). Each budget leaves one
# sheet of room. A printout that grows past its
# budget is a change a person should look at (what moved, and is it worth a
# sheet of paper for every reader). Measured 2026-12-05, with the roles
# page's sections on one person wearing both hats and on where the words
# come from: roles 7 in either view.
PAGE_BUDGET = {"article/": 9, "roles/": 8, "handoff/": 4}


# --- Paper ---------------------------------------------------------------------

PRINTED = [(path, view) for path in PAGE_BUDGET for view in VIEWS]


@pytest.mark.parametrize("path,view", PRINTED)
def test_a_printout_stays_within_its_page_budget_and_leaves_no_label_or_heading_at_a_page_foot(fresh_context, tmp_path, path, view):
    page, pdf = printout(fresh_context, tmp_path, path, view)
    pages = pdftotext(pdf, "-layout")
    assert len(pages) <= PAGE_BUDGET[path], f"/{path} in the {view} view prints on {len(pages)} A4 pages, over its budget of {PAGE_BUDGET[path]}"
    # What must never end a page: a view's label, a heading (or its first line).
    headings = page.evaluate("""() => [...document.querySelectorAll('article :is(h1, h2, h3, h4)')]
      .map(h => h.textContent.replace('¶', '').trim())""")
    alone = []
    for number, text in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        last = lines[-1] if lines else ""
        if last in ("Developer", "Engineer") or any(h.startswith(last) for h in headings if len(last) > 3):
            alone.append(f"page {number} ends with {last!r}")
    assert not alone, f"/{path} ({view}): " + "; ".join(alone)


@pytest.mark.parametrize("view", VIEWS)
def test_the_handoff_prints_both_lists_each_under_its_label_other_pages_the_readers_view(fresh_context, tmp_path, view):
    other = VIEWS[1 - VIEWS.index(view)]
    for path, both in [("handoff/", True), ("article/", False)]:
        page, pdf = printout(fresh_context, tmp_path, path, view)
        # Each panel's first lines, as the page holds them.
        firsts = page.evaluate("""() => [...document.querySelectorAll('.tabbed-set')].map(set =>
          [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')].map(b => b.textContent.trim().split(/\\s+/).slice(0, 8).join(' ')))""")
        text = squeeze(" ".join(pdftotext(pdf)))
        for n, (developer, engineer) in enumerate(firsts, start=1):
            shown = {"developer": developer, "engineer": engineer}
            assert shown[view] in text, f"/{path} ({view}), set {n}: the reader's view is not printed"
            if both:
                assert shown[other] in text, f"/{path} ({view}), set {n}: the {other} list is not printed"
                assert f"Developer {developer}" in text and f"Engineer {engineer}" in text, f"/{path} ({view}), set {n}: a list is not under its label"
            else:
                assert shown[other] not in text, f"/{path} ({view}), set {n}: the other view is printed too"


def test_table_rows_print_whole(fresh_context, tmp_path):
    page, pdf = printout(fresh_context, tmp_path, "roles/", "engineer")
    # In content order (-raw) a cell's text is one run on one page, unless
    # its row was torn across a page break.
    # (Compared without spaces and hyphens: a word may wrap at its hyphen.)
    pages = [bare(text) for text in pdftotext(pdf, "-raw")]
    cells = page.evaluate("[...document.querySelectorAll('article td')].map(td => td.textContent)")
    assert len(cells) > 40, cells
    torn = [squeeze(cell) for cell in cells if not any(bare(cell) in text for text in pages)]
    assert not torn, f"/roles/: table cells split across printed pages: {torn}"


@pytest.mark.parametrize("view", VIEWS)
def test_links_to_other_pages_print_with_the_readers_view(fresh_context, tmp_path, site, view):
    page, pdf = printout(fresh_context, tmp_path, "article/", view)
    # Laid out as printed (pdftotext would otherwise join "sre-" and "book").
    text = re.sub(r"\s+", "", "".join(pdftotext(pdf, "-layout")))
    for target in ["comparison/", "self-check/", "ai-examples/"]:
        assert f"<{site.url}{target}?view={view}>" in text, f"/article/ ({view}): the link to /{target} prints without ?view={view}"
    assert "<https://sre.google/sre-book/embracing-risk/>" in text, "a link to another site prints as it is"
    # A view chosen on the page (the header switch) is the one links print.
    other = VIEWS[1 - VIEWS.index(view)]
    page.locator(".md-header [role=radiogroup] label", has_text=other.capitalize()).click()
    print_media(page)
    after = page.evaluate("""() => [...document.querySelectorAll('article a[href$="comparison/"]')]
      .map(a => getComputedStyle(a, '::after').content)""")
    assert after and all(f"comparison/?view={other}" in content for content in after), after


def test_the_printed_address_line_breaks_between_words_not_inside_an_address(fresh_context):
    # A narrow sheet makes the line wrap; an address that fits a line must not
    # break at its hyphens.
    page = fresh_context(viewport={"width": 520, "height": 800}).new_page()
    page.goto("further-reading/?view=developer")
    print_media(page)
    torn = page.evaluate("""() => {
      const line = document.querySelector('.print-address');
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const text = nodes.map(n => n.data).join('');
      // The text node and offset where character `offset` of the line starts (end 0) or ends (end 1).
      const at = (offset, end) => { for (const n of nodes) { if (offset < n.data.length + end) return [n, offset]; offset -= n.data.length; } };
      const half = parseFloat(getComputedStyle(line).fontSize) / 2;
      return [...text.matchAll(/https?:\\/\\/\\S+?(?=\\.?(\\s|$))/g)].map(m => {
        const range = document.createRange();
        range.setStart(...at(m.index, 0));
        range.setEnd(...at(m.index + m[0].length, 1));
        const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
        return Math.max(...tops) - Math.min(...tops) > half ? m[0] : '';
      }).filter(Boolean);
    }""")
    assert not torn, f"addresses broken across lines in the printed address line: {torn}"


def test_print_rules_keep_labels_with_panels_headings_with_text_and_rows_whole(fresh_context):
    page = fresh_context().new_page()
    page.goto("roles/?view=engineer")
    print_media(page)
    rules = page.evaluate("""() => {
      const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
      return {
        label: style('.tabbed-labels > label', 'breakAfter'),
        h2: style('article h2', 'breakAfter'),
        h3: style('article h3', 'breakAfter'),
        row: style('article tr', 'breakInside'),
        head: style('article thead', 'display'),
      };
    }""")
    assert rules == {"label": "avoid", "h2": "avoid", "h3": "avoid", "row": "avoid", "head": "table-header-group"}, rules


# --- Phone ---------------------------------------------------------------------


HEADER = """() => {
  const bar = document.querySelector('.md-header__inner');
  const title = document.querySelector('.md-header__title');
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const cut = [...document.querySelectorAll('.md-header__topic')].filter(visible).flatMap(topic =>
    [...topic.querySelectorAll('.md-ellipsis')].filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map(e => e.textContent.trim()));
  const sw = document.querySelector('.view-switch').getBoundingClientRect();
  const t = title && visible(title) ? title.getBoundingClientRect() : null;
  return {
    cut,
    overlap: t && t.width > 0 && t.right > sw.left + 0.5 && t.left < sw.right - 0.5,
    switchInside: sw.left >= 0 && sw.right <= innerWidth,
    labels: [...document.querySelectorAll('.view-switch label')].map(l => [l.textContent, parseFloat(getComputedStyle(l).fontSize), l.getBoundingClientRect().height]),
    bar: bar.getBoundingClientRect().height,
  };
}"""


@pytest.mark.parametrize("width", [390, 480, 768, 1280])
def test_the_header_never_cuts_a_word_and_the_switch_is_a_primary_control(fresh_context, width):
    page = fresh_context(viewport={"width": width, "height": 844}).new_page()
    problems = []
    for path in NAV_PAGES:
        page.goto(path)
        for scrolled in (False, True):
            if scrolled:  # Material swaps the site's name for the page's once the title scrolls away
                page.evaluate("document.querySelector('.md-header__title').classList.add('md-header__title--active')")
            header = page.evaluate(HEADER)
            where = f"/{path} at {width} px{' scrolled' if scrolled else ''}"
            if header["cut"]:
                problems.append(f"{where}: the header cuts {header['cut']}")
            if header["overlap"]:
                problems.append(f"{where}: the title runs under the view switch")
            if not header["switchInside"]:
                problems.append(f"{where}: the view switch is off screen")
            for text, size, height in header["labels"]:
                if size < 14 or height < 44:
                    problems.append(f"{where}: switch option {text} is {size} px text, {height:.0f} px tall (want 14 and 44)")
    assert not problems, "\n".join(problems)


TABLE = """(selector) => {
  const wrap = document.querySelector(selector);
  const frame = wrap.querySelector('.md-typeset__scrollwrap') || wrap.querySelector('table').parentElement;
  const box = frame.getBoundingClientRect();
  const inView = el => { const r = el.getBoundingClientRect(); return r.left >= box.left - 0.5 && r.right <= box.right + 0.5; };
  const heads = [...wrap.querySelectorAll('th')];
  const firstCells = () => [...wrap.querySelectorAll('tr > :first-child')];
  const hint = getComputedStyle(wrap, '::before');
  const result = {
    scrolls: frame.scrollWidth > frame.clientWidth,
    hint: hint.content !== 'none' && hint.display !== 'none' ? hint.content : null,
    hidden: heads.filter(th => !inView(th)).map(th => th.textContent.trim()),
  };
  frame.scrollLeft = frame.scrollWidth;
  result.heldAtEnd = firstCells().every(inView);
  result.hiddenAtEnd = heads.filter(th => !inView(th)).map(th => th.textContent.trim());
  frame.scrollLeft = 0;
  return result;
}"""


# The roles table stacks into one card a row on a phone instead (tests/test_trust.py).
@pytest.mark.parametrize("selector,columns", [(".levels-table", 4)])
def test_wide_tables_on_a_phone_show_they_scroll_and_hold_their_first_column(fresh_context, selector, columns):
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("roles/")
    assert page.locator(f"{selector} th").count() == columns
    table = page.evaluate(TABLE, selector)
    assert table["scrolls"], table
    assert table["hint"], f"{selector}: nothing tells a phone reader the table scrolls sideways"
    assert table["heldAtEnd"], f"{selector}: the first column scrolls away"


@pytest.mark.parametrize("answer,end", [("first", "spectrum-developer"), ("last", "spectrum-engineer")])
def test_the_self_check_marker_leaves_the_arrowhead_in_view(fresh_context, answer, end):
    page = fresh_context(viewport=PHONE).new_page()
    page.goto("self-check/")
    for fieldset in page.locator(".self-check fieldset").all():
        scored = fieldset.locator("input:not([data-unscored])")
        (scored.first if answer == "first" else scored.last).check()
    page.locator(".self-check [type=submit]").click()
    boxes = page.evaluate("""(end) => {
      const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
      return {marker: box(document.querySelector('.self-check-marker circle')), arrow: box(document.querySelector('.' + end))};
    }""", end)
    m, a = boxes["marker"], boxes["arrow"]
    overlap = min(m[2], a[2]) - max(m[0], a[0])
    assert overlap <= 0, f"the 'You' marker covers {overlap:.1f} px of the {end} arrowhead: {boxes}"


def test_a_link_that_names_a_view_prints_with_its_own(fresh_context, site):
    """A link to a tab fragment (`#...-engineer`) keeps the view it names on paper."""
    page = fresh_context().new_page()
    page.goto("article/?view=developer")
    page.evaluate("""() => {
      const p = document.querySelector('.md-content article p');
      for (const href of ['../comparison/#test-section-engineer', '../comparison/']) {
        const a = document.createElement('a');
        a.href = href;
        a.className = 'test-link';
        a.textContent = 'link';
        p.append(' ', a);
      }
    }""")
    # A change of view rewrites every link's printed address.
    page.locator(".md-header [role=radiogroup] label", has_text="Engineer").click()
    page.locator(".md-header [role=radiogroup] label", has_text="Developer").click()
    print_media(page)
    printed = page.evaluate("[...document.querySelectorAll('a.test-link')].map(a => a.getAttribute('data-print-href'))")
    assert printed == [f"{site.url}comparison/#test-section-engineer", f"{site.url}comparison/?view=developer"], printed
