"""A strict Content-Security-Policy that the site publishes, and passes.

The policy lives in one place, `extra.content_security_policy` in mkdocs.yml.
overrides/page.html writes it into every page as a <meta> tag; docs/_headers
(Netlify, Cloudflare Pages) and deploy/nginx.conf carry the same policy plus
what only a header can say. ./scripts/sync writes the hashes and both header
files; the tests here keep the three equal, keep every inline <script> and
<style> of both engines' builds (at the root and under a sub-path) in the
policy by its sha256 hash, and drive Chromium under the policy, sent as a
header beside the meta tag, failing on any violation Chromium reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import sync  # scripts/sync.py, which writes the policy's hashes and the header files
from conftest import ENGINES, NAV_PAGES, ROOT, SUBPATH, BuiltSite
from support.browser import print_media
from support.config import mkdocs_yml
from support.policy import header_policy, inline, parse, policy, published_headers, render, sha256
from support.views import assert_every_set_shows

# Hashes of styles that scripts add at run time, so no built page holds them;
# the browser test below fails without them.
RUNTIME = sync.RUNTIME_STYLES

EXTRA_HEADERS = sync.EXTRA_HEADERS
NGINX = ROOT / "deploy" / "nginx.conf"


def test_the_policy_is_strict():
    p = policy()
    assert p["default-src"] == ["'self'"]
    assert p["object-src"] == ["'none'"]
    assert p["base-uri"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        loose = [s for s in p[directive] if s in ("'unsafe-inline'", "'unsafe-eval'", "*") or ":" in s.strip("'").split("-")[0]]
        assert not loose, f"{directive} allows {loose}: allow an inline script or style by its 'sha256-...' hash only"
    assert all(s == "'self'" or s.startswith("'sha256-") for s in p["script-src"]), p["script-src"]


# --- Every inline script and style is in the policy ---------------------------


@pytest.fixture(scope="module")
def every_build(builds) -> list[BuiltSite]:
    """Both engines' builds, at a site's root and under a portal's sub-path (the 404 page differs)."""
    return [builds.get(engine, base) for engine in ENGINES for base in ("", SUBPATH)]


def test_every_inline_script_and_style_of_both_engines_is_in_the_policy(every_build):
    p = policy()
    missing: dict[tuple[str, str], list[str]] = {}
    for built in every_build:
        for html in built.pages():
            for kind, text in inline(html):
                directive = kind.split()[0]
                if kind.endswith("(attribute)") or sha256(text) not in p[directive]:
                    where = f"{built.engine} {built.url.split('/', 3)[3] or '/'}{html.relative_to(built.path)}"
                    missing.setdefault((kind, sha256(text) if not kind.endswith("(attribute)") else text), []).append(where)
    lines = []
    for (kind, value), pages in missing.items():
        if kind.endswith("(attribute)"):
            lines.append(f'a style="{value}" attribute ({", ".join(pages[:3])}): use a class in overrides/assets/stylesheets/ instead')
        else:
            lines.append(f"{kind} {value}: {', '.join(pages[:3])}{' ...' if len(pages) > 3 else ''}")
    assert not lines, ("inline code the published policy does not allow; run ./scripts/sync, which writes "
                       "the hashes into mkdocs.yml, docs/_headers and deploy/nginx.conf:\n" + "\n".join(lines))


def test_every_hash_in_the_policy_is_still_used(every_build):
    """A hash that no page needs any more only widens the policy: drop it."""
    used = {sha256(text) for built in every_build for html in built.pages() for _, text in inline(html)}
    p = policy()
    stale = [f"{d}: {s}" for d in ("script-src", "style-src") for s in p[d]
             if s.startswith("'sha256-") and s not in used and s not in RUNTIME]
    assert not stale, "hashes no page of either build needs; run ./scripts/sync, which drops them:\n" + "\n".join(stale)


def test_a_pages_meta_policy_leaves_out_what_only_the_other_engine_uses(every_build):
    """Each engine's pages carry only their engine's hashes (extra.engine_hashes): about 160
    bytes a page that the other engine's palette, storage helpers and search dialog would add."""
    used: dict[str, set[str]] = {}
    for built in every_build:
        for html in built.pages():
            for _, text in inline(html):
                used.setdefault(sha256(text), set()).add(built.engine)
    for source, (engine, _) in RUNTIME.items():
        used.setdefault(source, set()).add(engine)
    for built in every_build:
        others = {s for s, engines in used.items() if built.engine not in engines}
        for html, soup in built.theme_pages():
            meta = soup.select_one('head meta[http-equiv="Content-Security-Policy"]')
            carried = others & {s for sources in parse(meta["content"]).values() for s in sources}
            assert not carried, (f"{built.engine} {html.relative_to(built.path)}: its <meta> policy carries hashes only "
                                 f"the other engine uses ({', '.join(sorted(carried))}); run ./scripts/sync, which "
                                 "writes extra.engine_hashes")


# --- The three deliveries agree -------------------------------------------------


def test_meta_headers_file_and_nginx_config_publish_the_same_policy(every_build):
    # A page's meta leaves out the hashes of the page_css files it does not
    # inline (extra.page_css_hashes) and the other engine's (extra.engine_hashes).
    page_hashes = mkdocs_yml()["extra"].get("page_css_hashes") or {}
    engine_hashes = mkdocs_yml()["extra"].get("engine_hashes") or {}
    for built in every_build:
        for html, soup in built.theme_pages():  # a moved page's forwarder has no theme; the header covers it
            meta = soup.select_one('head meta[http-equiv="Content-Security-Policy"]')
            assert meta, f"{built.engine} {html.relative_to(built.path)}: no Content-Security-Policy meta tag"
            own = {sha256(style.string or "") for style in soup.select("head > style")}
            expected = {name: [s for s in sources if (s not in page_hashes or s in own)
                               and engine_hashes.get(s, built.engine) == built.engine]
                        for name, sources in policy().items()}
            assert parse(meta["content"]) == expected, f"{html}: meta says {meta['content']!r}, mkdocs.yml {render(expected)!r}"
            first_script = soup.head.find("script")
            assert first_script is None or meta.sourceline < first_script.sourceline or (
                meta.sourceline == first_script.sourceline and meta.sourcepos < first_script.sourcepos
            ), f"{html}: the meta tag comes after a script, which it then does not cover"

    expected_header = render(header_policy())
    headers = (ROOT / "docs" / "_headers").read_text(encoding="utf-8")
    found = dict(re.findall(r"^\s+([\w-]+):\s*(.+?)\s*$", headers, re.M))
    stale = "is out of date; run ./scripts/sync, which writes it"
    assert parse(found.get("Content-Security-Policy", "")) == header_policy(), (
        f"docs/_headers {stale}: its policy should be\n  {expected_header}"
    )
    for name, value in EXTRA_HEADERS.items():
        assert found.get(name) == value, f"docs/_headers {stale}: {name} should be {value}"

    nginx = dict(re.findall(r'^\s*add_header ([\w-]+) "([^"]+)" always;', NGINX.read_text(encoding="utf-8"), re.M))
    assert parse(nginx.get("Content-Security-Policy", "")) == header_policy(), (
        f"deploy/nginx.conf {stale}: its policy should be\n  {expected_header}"
    )
    for name, value in EXTRA_HEADERS.items():
        assert nginx.get(name) == value, f"deploy/nginx.conf {stale}: {name} should be {value}"


def test_both_engines_publish_the_headers_file_at_the_site_root(every_build):
    source = (ROOT / "docs" / "_headers").read_text(encoding="utf-8")
    for built in every_build:
        published = built.path / "_headers"
        assert published.is_file() and published.read_text(encoding="utf-8") == source, f"{built.engine}: _headers not published as is"


# --- The site under the policy, in Chromium --------------------------------------


# The meta tag's policy is the header's (test_meta_headers_file_and_nginx_config_publish_the_same_policy),
# and a page sent with the header enforces both: a run under the header is
# also the run of a host that cannot send one.
DELIVERIES = [(engine, base) for engine in ENGINES for base in ("", SUBPATH)]


@pytest.fixture(params=DELIVERIES, ids=lambda d: f"{d[0]}{'-subpath' if d[1] else ''}")
def policed(request, builds) -> Iterator[BuiltSite]:
    """A build served by a host that sends docs/_headers' policy with every file."""
    engine, base = request.param
    with builds.get(engine, base).sending(published_headers()) as served:
        yield served


def test_the_site_works_under_the_policy_with_no_violation(policed, fresh_context):
    built = policed
    context = fresh_context(base_url=built.url, permissions=["clipboard-read", "clipboard-write"])
    violations: list[str] = []
    context.on("console", lambda m: violations.append(f"{m.page.url if m.page else '?'}: {m.text}")
               if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)
    page = context.new_page()

    # Every page loads with its scripts (a blocked one throws: conftest's watch).
    for path in NAV_PAGES:
        page.goto(path)
        assert page.evaluate("typeof __md_get") == "function", f"{path}: Material's head script was blocked"

    # The header reached the browser. Both schemes: the toggle stores the choice, the next page's inline script applies it.
    sent = page.goto("").headers.get("content-security-policy")
    assert sent == published_headers()["Content-Security-Policy"], f"the policy header the browser received: {sent!r}"
    page.locator("label[title='Switch to dark mode']:visible").first.click()
    page.goto("article/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"

    # The views: a link's ?view=, a tab's fragment, the stored choice.
    page.goto("article/?view=engineer")
    assert_every_set_shows(page, "Engineer")
    page.goto("comparison/")
    assert_every_set_shows(page, "Engineer")
    page.goto("glossary/#which-terms-matter-most-in-each-view-developer")
    assert_every_set_shows(page, "Developer")
    page.locator(".tabbed-labels label", has_text="Engineer").first.click()
    page.goto("ai-examples/")
    assert_every_set_shows(page, "Engineer")

    # The header switch: every set follows, and the address names the view.
    page.goto("article/")
    page.locator(".md-header [role=radiogroup] label", has_text="Developer").click()
    assert_every_set_shows(page, "Developer")
    assert "view=developer" in page.url

    # A moved page's old address forwards, keeping the view.
    page.goto("examples/?view=engineer")
    page.wait_for_url("**/ai-examples/?view=engineer*")
    assert_every_set_shows(page, "Engineer")

    # Search, in its worker.
    page.goto("")
    if built.engine == "zensical":  # Zensical 0.0.73 has a search dialog of its own
        page.locator(".md-search__button").click()
        page.keyboard.type("drifting", delay=50)
        page.locator("a[role=option]", has_text="drifting").first.wait_for()
    else:
        page.keyboard.press("/")
        page.keyboard.type("drifting", delay=50)
        page.locator(".md-search-result__item a").first.wait_for()

    # The self-check scores and draws its marker.
    page.goto("self-check/")
    statements = page.locator("form.self-check fieldset")
    for i in range(statements.count()):
        statements.nth(i).locator("label").last.click()
    page.get_by_role("button", name="Show my place on the spectrum").click()
    page.locator(".self-check-result:visible h3").wait_for()

    # A copy button copies.
    page.goto("linking/")
    row = page.locator("article table tbody tr").first
    row.locator("button.md-code__button").click()
    assert page.evaluate("navigator.clipboard.readText()").strip() == row.locator("pre code").inner_text().strip()

    # Print.
    print_media(page)
    page.goto("article/")
    page.emulate_media(media="screen")

    # The 404 page, styled and scripted.
    response = page.goto("no/such/page/")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    assert page.evaluate("typeof __md_get") == "function", "the 404 page's head script was blocked"

    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)
