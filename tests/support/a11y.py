"""axe-core for the browser tests, and its findings as a message a person can act on.

`axe_violations(page)` runs the axe-core that axe-playwright-python bundles
against the page as it is on screen and returns its violations; every rule is
on, none is silenced. `describe(violations)` turns them into a message a person
can act on: rule, impact, the elements' selectors and, for contrast, the
colours and ratio axe measured.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from .browser import settled

_AXE = Axe()


def axe_violations(page) -> list[dict]:
    """Run every axe-core rule on the page once its idle-time work is done; return the violations."""
    settled(page)
    results = _AXE.run(page, options={"resultTypes": ["violations"]})
    return results.response["violations"]


def _contrast(node: dict) -> str:
    for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
        data = check.get("data")
        if isinstance(data, dict) and "contrastRatio" in data:
            if not data.get("fgColor"):  # link-in-text-block: link against the text around it
                return f" contrast {data['contrastRatio']}:1 with the text around it, and no underline"
            return (
                f" contrast {data['contrastRatio']}:1 (needs {data.get('expectedContrastRatio')}),"
                f" {data.get('fgColor')} on {data.get('bgColor')},"
                f" {data.get('fontSize')} {data.get('fontWeight')}"
            )
    return ""


def describe(violations: list[dict]) -> str:
    """A readable list: one line per rule, one indented line per element."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} element(s)]")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    {target}{_contrast(node)}")
    return "\n".join(lines)
