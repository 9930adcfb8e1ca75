"""The build hook turns a broken Developer/Engineer tab set into a failed build
whose message names the file, the line and the fix."""

from __future__ import annotations

import pytest

from support.builds import tiny_site

GOOD_TABS = '''# Page

## Success metric

=== "Developer"

    It works for the ticket.

=== "Engineer"

    It keeps working in production.
'''


def test_correct_tab_set_builds(tmp_path):
    result = tiny_site(tmp_path, GOOD_TABS)
    assert result.returncode == 0, result.stderr


def test_the_mkdocs_command_stops_on_a_broken_tab_set_naming_it(tmp_path):
    # The cases below run the build in the test's process; this one, as a contributor runs it.
    result = tiny_site(tmp_path, GOOD_TABS.replace('"Engineer"', '"Enginer"'), command_line=True)
    assert result.returncode == 1, result.stderr
    assert 'docs/index.md:5: tab set labelled "Developer", "Enginer"' in result.stderr, result.stderr


@pytest.mark.parametrize(
    "page, expected",
    [
        (GOOD_TABS.replace('"Engineer"', '"Enginer"'), 'docs/index.md:5: tab set labelled "Developer", "Enginer"'),
        (GOOD_TABS.replace('=== "Engineer"', "Missing view:"), 'docs/index.md:5: tab set labelled "Developer".'),
        (GOOD_TABS + '\n=== "Researcher"\n\n    A third view.\n', '"Developer", "Engineer", "Researcher"'),
        (GOOD_TABS.replace('=== "Developer"', '=== "Engineer"', 1).replace('Engineer"\n\n    It keeps', 'Developer"\n\n    It keeps'),
         'tab set labelled "Engineer", "Developer"'),
        ("# Plain page\n\nNo views at all.\n", "docs/index.md: no Developer/Engineer tab set"),
        (GOOD_TABS + "\n## The AI engineer\n\nText.\n", 'heading "The AI engineer" has the id "the-ai-engineer"'),
        ('=== "Developer"\n\n    a\n\n=== "Engineer"\n\n    b\n', "a tab set comes before any heading"),
    ],
    ids=["typo", "missing-view", "third-view", "wrong-order", "no-views", "heading-like-a-view", "no-heading"],
)
def test_broken_tab_set_fails_with_file_and_fix(tmp_path, page, expected):
    result = tiny_site(tmp_path, page)
    assert result.returncode != 0, "the build should have failed"
    assert expected in result.stderr, result.stderr
