"""The figure of an AI product on the AI examples page (includes/ai-product.svg).

A reader who cannot see it gets its title, description and a caption in
words; a reader in either colour scheme can read every label; and it needs no
inline style, so the page's Content-Security-Policy holds without
'unsafe-inline'.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.builds import parsed_html

URL = "ai-examples/"
SCHEMES = {"light": "default", "dark": "slate"}


def figure(site):
    html = (site.path / "ai-examples" / "index.html").read_text(encoding="utf-8")
    svgs = parsed_html(html).select("article svg.ai-product")
    assert len(svgs) == 1, f"ai-examples/ shows {len(svgs)} figures of an AI product; docs/ai-examples.md includes ai-product.svg once"
    return svgs[0]


def test_the_figure_has_a_title_a_description_and_a_caption_in_words(site):
    svg = figure(site)
    assert svg.get("role") == "img"
    title, desc = svg.find("title"), svg.find("desc")
    assert title and title.get_text(strip=True), "includes/ai-product.svg: no <title>"
    assert desc and len(desc.get_text(strip=True).split()) >= 40, "includes/ai-product.svg: the <desc> does not describe the figure"
    assert svg.get("aria-labelledby") == title.get("id"), "the figure is not named by its <title>"
    assert svg.get("aria-describedby") == desc.get("id"), "the figure is not described by its <desc>"
    for part in ["Developer view", "Engineer view", "handoff", "model", "data", "pipelines", "serving", "evaluation", "monitoring"]:
        assert part.lower() in desc.get_text().lower(), f"the <desc> does not name {part!r}"
    in_words = svg.find_parent("figure").find_next_sibling("p")
    assert in_words and in_words.get_text().startswith("In words:"), "no paragraph \"In words: ...\" follows the figure"
    assert all(w in in_words.get_text() for w in ["Developer view", "Engineer view", "handoff"]), (
        "the text after the figure does not say in words which view owns which part")


def test_no_label_of_the_figure_is_swallowed_by_a_tooltip(site):
    """Abbreviations on every page become <abbr> tooltips, which SVG text does not draw."""
    wrapped = [abbr.get_text() for abbr in figure(site).find_all("abbr")]
    assert not wrapped, (f"includes/ai-product.svg: {wrapped} became <abbr> and vanish from the drawing; "
                         "spell them out (includes/abbreviations.md lists the abbreviations)")


def test_the_figure_needs_no_inline_style(site):
    svg = figure(site)
    styled = [tag.name for tag in [svg, *svg.find_all(True)] if tag.has_attr("style")]
    assert not styled, f"includes/ai-product.svg: style=\"\" on {styled}; use classes in overrides/assets/stylesheets/ai-product.css"
    assert not svg.find("style"), "includes/ai-product.svg: a <style> element needs its own CSP hash; use ai-product.css"


# The colours of every label and outline, composited over the page, and the
# WCAG contrast ratio of each against what is behind it.
MEASURE = """svg => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = parse(getComputedStyle(document.body).backgroundColor);
  const boxes = [...svg.querySelectorAll('rect')].map(r => over(parse(getComputedStyle(r).fill === 'none' ? 'rgba(0,0,0,0)' : getComputedStyle(r).fill), page));
  const behind = [page, ...boxes];
  const texts = [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, worst: Math.min(...behind.map(b => ratio(over(parse(getComputedStyle(t).fill), b), b))) }));
  const lines = [...svg.querySelectorAll('rect, line')].map(l => ({
    text: l.getAttribute('class'), worst: ratio(over(parse(getComputedStyle(l).stroke), page), page) }));
  return {scheme: document.body.getAttribute('data-md-color-scheme'), texts, lines};
}"""


@pytest.mark.parametrize("scheme", SCHEMES, ids=SCHEMES)
def test_every_label_and_outline_is_readable_in_both_schemes(fresh_context, scheme):
    page = fresh_context(color_scheme=scheme).new_page()
    page.goto(URL)
    measured = page.locator("svg.ai-product").evaluate(MEASURE)
    assert measured["scheme"] == SCHEMES[scheme], f"the page did not follow the {scheme} system preference"
    faint = [f"{t['text']!r} at {t['worst']:.2f}:1" for t in measured["texts"] if t["worst"] < 4.5]
    assert not faint, f"{scheme}: labels under 4.5:1 against what is behind them: {faint}"
    outlines = [f"{line['text']} at {line['worst']:.2f}:1" for line in measured["lines"] if line["worst"] < 3]
    assert not outlines, f"{scheme}: outlines under 3:1 against the page: {outlines}"


CSP_WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));"""


@pytest.mark.parametrize("scheme", SCHEMES, ids=SCHEMES)
def test_the_page_with_the_figure_passes_axe_and_its_csp(fresh_context, scheme):
    context = fresh_context(color_scheme=scheme)
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    page.goto(URL)
    page.locator("svg.ai-product").scroll_into_view_if_needed()
    assert page.evaluate("window.__csp") == [], "the page broke its own Content-Security-Policy"
    found = Axe().run(page).response["violations"]
    lines = [f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'])}" for v in found]
    assert not lines, f"{scheme}:\n" + "\n".join(lines)
