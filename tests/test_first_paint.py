"""What keeps the first paint ahead of stock Material, on both engines.

overrides/page.html makes two changes to what Material loads, each measured
with ./scripts/bench (ARCHITECTURE.md, "Performance"):

- Material's palette stylesheet is inlined, not linked (extra.inline_theme_css
  in mkdocs.yml names it for each engine), so main.css is the only stylesheet
  the first paint waits for; ./scripts/sync prunes it to the colours
  mkdocs.yml names, which must paint as the whole file would;
- Material's JavaScript bundle is deferred, so it does not count as
  render-blocking; it still runs before DOMContentLoaded and before site.js.

Theme upgrades rename these files (their names carry a hash; ./scripts/sync
lists the new ones) and could change the markup the template rewrites: these
tests fail, naming what to change, instead of letting the site quietly fall
back to Material's defaults.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

import sync  # scripts/sync.py
from conftest import both_engines
from support.config import mkdocs_yml as config


def inline_theme_css() -> list[str]:
    return config()["extra"]["inline_theme_css"]


@both_engines
def test_material_palette_is_inlined_on_every_page(site):
    problems = []
    for html, page in site.theme_pages():
        where = html.relative_to(site.path)
        linked = [link["href"] for link in page.select('link[rel~="stylesheet"][href*="palette."]')]
        if linked:
            problems.append(f"{where}: links {', '.join(linked)}, which mkdocs.yml's extra.inline_theme_css "
                            f"does not name (it names {inline_theme_css()}): run ./scripts/sync, which reads "
                            "the new name from the builds")
        styles = [style.get_text() for style in page.head.find_all("style")]
        if not any("[data-md-color-scheme=slate]" in text for text in styles):
            problems.append(f"{where}: no inlined palette <style> in <head> (overrides/page.html, block styles)")
        else:
            first_style = page.head.find("style")
            main_css = page.head.select_one('link[rel~="stylesheet"][href*="main."]')
            # The palette overrides main.css's defaults at equal specificity: it must come after it.
            if main_css is None or main_css.find_next("style") is not first_style:
                problems.append(f"{where}: the inlined palette does not follow Material's main.css")
    assert not problems, "Material's palette is not inlined:\n" + "\n".join(problems)


@both_engines
def test_material_bundle_is_deferred_and_runs_before_site_js(site):
    problems = []
    for html, page in site.theme_pages():
        where = html.relative_to(site.path)
        scripts = [s for s in page.find_all("script", src=True)]
        names = [s["src"].rsplit("/", 1)[-1] for s in scripts]
        bundle = [i for i, name in enumerate(names) if name.startswith("bundle.") and name.endswith(".min.js")]
        ours = [i for i, name in enumerate(names) if name == "site.js"]
        if len(bundle) != 1 or len(ours) != 1:
            problems.append(f"{where}: scripts {names}, expected one Material bundle and one site.js")
            continue
        if "defer" not in scripts[bundle[0]].attrs:
            problems.append(f"{where}: {names[bundle[0]]} is not deferred; overrides/page.html (block scripts) "
                            "rewrites '.min.js\"></script>', so check Material's tag still ends that way")
        if "defer" not in scripts[ours[0]].attrs or ours[0] < bundle[0]:
            problems.append(f"{where}: site.js must be deferred and come after Material's bundle")
    assert not problems, "\n".join(problems)


@both_engines
def test_dark_scheme_colours_come_from_the_inlined_palette(site, fresh_context):
    """With the palette inlined, the dark scheme must still paint dark, and the light one light."""
    for scheme, dark in (("dark", True), ("light", False)):
        page = fresh_context(color_scheme=scheme).new_page()
        page.goto("article/")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if dark else "default")
        # Relative luminance of the page background, 0 (black) to 1 (white).
        luminance = page.evaluate("""() => {
          const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        }""")
        assert (luminance < 0.3) if dark else (luminance > 0.9), (
            f"{site.engine}, {scheme} scheme: page background luminance {luminance:.2f}; "
            "the palette's colours did not apply (overrides/page.html, block styles)")


@both_engines
def test_the_pruned_palette_paints_what_the_engines_own_palette_would(site, fresh_context):
    """./scripts/sync inlines the palette with only mkdocs.yml's colours (scripts/sync.py, "The palette,
    pruned"): every colour the engine's whole file gives this site's pages must come out the same."""
    path = next(name for name in inline_theme_css() if (sync.theme_folder(site.engine) / name).is_file())
    original = (sync.theme_folder(site.engine) / path).read_text(encoding="utf-8")
    names = sorted(set(re.findall(r"(--md-[\w-]+):", original)))
    assert len(names) > 30, f"{path}: found {len(names)} custom properties; is it still the palette?"
    read = """names => {
      const body = getComputedStyle(document.body), header = getComputedStyle(document.querySelector('.md-header'));
      return [...names.map(name => name + ': ' + body.getPropertyValue(name).trim()),
              'header: ' + header.backgroundColor, 'link: ' + getComputedStyle(document.querySelector('.md-content a')).color];
    }"""
    for scheme in ("dark", "light"):
        # Policy off, so the test may swap the inlined palette's text for the engine's own file.
        page = fresh_context(color_scheme=scheme, bypass_csp=True).new_page()
        page.goto("article/")
        pruned = page.evaluate(read, names)
        swapped = page.evaluate("""original => {
          const style = [...document.querySelectorAll('head > style')].find(s => s.textContent.includes('color-scheme:dark'));
          if (!style) return false;
          style.textContent = original;
          return true;
        }""", original)
        assert swapped, f"{site.engine}: no inlined palette <style> on article/ (overrides/page.html, block styles)"
        whole = page.evaluate(read, names)
        differ = [f"{a}  (with the whole file: {b})" for a, b in zip(pruned, whole) if a != b]
        assert not differ, (f"{site.engine}, {scheme} scheme: the pruned palette paints differently; "
                            "scripts/sync.py (pruned_palette) dropped a rule this site's colours need:\n" + "\n".join(differ))


# The light scheme as Material stores a reader's choice of it.
LIGHT_CHOSEN = {"index": 0, "color": {"media": "(prefers-color-scheme: light)", "scheme": "default",
                                      "primary": "indigo", "accent": "indigo"}}


@both_engines
@pytest.mark.parametrize("stored, expected", [(None, "slate"), (LIGHT_CHOSEN, "default")])
def test_a_first_visit_paints_in_the_scheme_the_readers_system_asks_for(site, fresh_context, stored, expected):
    """With nothing stored, Material picks the palette whose media matches when its bundle starts,
    and the bundle is deferred: the page paints before it. palette-before-paint.js makes the same
    pick before the first paint, so a reader whose system prefers dark never sees the light page,
    and the bundle's own pick then changes no colour (on Zensical every link faded across).
    A scheme the reader chose (stored) still wins over the system's."""
    context = fresh_context(color_scheme="dark")
    if stored:
        context.add_init_script(f"localStorage.setItem('/.__palette', {json.dumps(json.dumps(stored))})")
    # Every colour that starts fading, as it starts (Chromium also starts
    # transitions from a colour to itself, which nobody can see).
    context.add_init_script("""window.__fades = [];
      addEventListener("transitionrun", event => {
        if (!/color/.test(event.propertyName)) return;
        const fade = event.target.getAnimations().find(a => a.transitionProperty === event.propertyName);
        const [from, to] = fade ? fade.effect.getKeyframes().map(k => k.color || k.backgroundColor) : [];
        if (from !== to) __fades.push(`${event.propertyName} of ${event.target.tagName.toLowerCase()} from ${from} to ${to}`);
      }, true);""")
    page = context.new_page()
    held = []  # Material's bundle, kept back until the page has painted
    page.route(re.compile(r".*/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), lambda route: held.append(route))
    try:
        page.goto("article/", wait_until="commit")
        page.wait_for_function("() => performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')")
        assert held, "Material's bundle was not requested"
        scheme, background = page.evaluate(
            "() => [document.body.dataset.mdColorScheme, getComputedStyle(document.body).backgroundColor]")
        assert scheme == expected, (
            f"{site.engine}: a system that prefers dark, {'the light scheme chosen' if stored else 'nothing stored'}: "
            f"the page paints in the {scheme!r} scheme "
            f"({background}) until Material's bundle runs (mkdocs.yml, extra: inline_head_js: palette-before-paint.js)")
        while held:
            held.pop().continue_()
        page.wait_for_load_state("load")
        page.evaluate("() => new Promise(done => setTimeout(done, 300))")  # longer than any fade starts after load
        fading = page.evaluate("window.__fades")
        assert not fading, f"{site.engine}: colours fade when Material's bundle starts: {sorted(set(fading))[:5]}"
    finally:
        while held:  # a failed check: the page still gets its bundle, and is left clean
            held.pop().continue_()
        page.unroute_all()
