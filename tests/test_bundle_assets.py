"""hooks/bundle_assets.py: one stylesheet and one script per page, however many sources."""

from __future__ import annotations

import textwrap

from conftest import ROOT, build


def tiny_site(tmp_path, scripts: str):
    docs = tmp_path / "docs"
    (docs / "js").mkdir(parents=True)
    (docs / "index.md").write_text("# Page\n")
    (docs / "a.css").write_text("a { color: red; }\n")
    (docs / "js" / "now.js").write_text("console.log('now');\n")
    (docs / "js" / "later.js").write_text("console.log('later');\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: Bundle test
            strict: true
            hooks: [{ROOT / "hooks" / "bundle_assets.py"}]
            extra_css: [a.css]
            extra_javascript:
            """
        )
        + textwrap.indent(textwrap.dedent(scripts), "  ")
    )
    return build(config, tmp_path / "site", "http://127.0.0.1/", cwd=tmp_path)


def test_sources_are_joined_and_deferred_ones_wait_for_the_page(tmp_path):
    result = tiny_site(tmp_path, "- js/now.js\n- path: js/later.js\n  defer: true\n")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    script = (site / "assets" / "site.js").read_text()
    assert "\n\n" not in script.strip(), "site.js is minified"
    assert script.index("console.log('now')") < script.index("DOMContentLoaded") < script.index("console.log('later')")
    assert "a{color:red}" in (site / "assets" / "site.css").read_text()  # joined and minified
    assert not (site / "js" / "now.js").exists() and not (site / "a.css").exists(), "sources are not published"
    page = (site / "index.html").read_text()
    assert "assets/site.css" in page and "js/now.js" not in page


def test_a_missing_source_fails_the_build_naming_it(tmp_path):
    result = tiny_site(tmp_path, "- js/gone.js\n")
    assert result.returncode != 0
    assert "mkdocs.yml lists js/gone.js, but docs/js/gone.js does not exist" in result.stderr, result.stderr
