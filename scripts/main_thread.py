"""Main-thread cost, measured the same way on this site and on stock Material.

Lighthouse's total blocking time counts long tasks only after its estimate of
first paint, so a site that paints before Material's bundle runs is charged
for the bundle and stock is not (BENCHMARKS.md, 2026-12-03). These figures
compare like with like instead: one page load in Debian's Chromium at a phone
viewport with the CPU slowed 4x (CDP `Emulation.setCPUThrottlingRate`), then

- script ms: `Performance.getMetrics` ScriptDuration 2.5 s after `load`, all
  scripts of the page (Material's and this site's) together;
- quiet ms: the end of the last long task (a buffered `longtask` observer),
  from the start of navigation; with no long task, DOMContentLoaded's end;
- tab ms: the interaction time of a mouse click on the first tab set's other
  tab (Event Timing, `durationThreshold: 16`, the longest event of the
  click's interaction); 0 when it answered inside 16 ms;
- switch ms: the same for the header's view switch (this site only; stock
  has none).

Used by scripts/bench.py (`--measure main-thread`); needs Playwright
(requirements-test.txt) and Debian's Chromium.
"""

from __future__ import annotations

import statistics

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
SLOWDOWN = 4
SETTLE_MS = 2500

# Before any page script: record long tasks and slow events from the start.
OBSERVE = """(() => {
  const seen = window.__mainThread = { longtasks: [], events: [] };
  try {
    new PerformanceObserver(list => list.getEntries().forEach(e => seen.longtasks.push([e.startTime, e.duration])))
      .observe({ type: "longtask", buffered: true });
    new PerformanceObserver(list => list.getEntries().forEach(e => {
      if (e.interactionId) seen.events.push([e.interactionId, e.startTime, e.duration]);
    })).observe({ type: "event", buffered: true, durationThreshold: 16 });
  } catch (error) { seen.error = String(error); }
})()"""

QUIET = """() => {
  const ends = window.__mainThread.longtasks.map(([start, duration]) => start + duration);
  return ends.length ? Math.max(...ends) : performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd;
}"""

# The centre of a control to click, scrolled into view first; null when the page has none.
TARGETS = {
    "tab": """() => {
      const set = document.querySelector("article .tabbed-set");
      if (!set) return null;
      const checked = set.querySelector(":scope > input:checked");
      const label = [...set.querySelectorAll(":scope > .tabbed-labels > label")]
        .find(l => !checked || l.htmlFor !== checked.id);
      return label ? (label.scrollIntoView({ block: "center" }), label) : null;
    }""",
    "switch": """() => {
      const labels = [...document.querySelectorAll(".view-switch label")];
      const label = labels.find(l => { const i = document.getElementById(l.htmlFor); return i && !i.checked; });
      return label || null;
    }""",
}

INTERACTION = """since => {
  const events = window.__mainThread.events.filter(([id, start]) => start >= since);
  return events.length ? Math.max(...events.map(([, , duration]) => duration)) : 0;
}"""


def _click_time(page, kind: str) -> float | None:
    handle = page.evaluate_handle(TARGETS[kind])
    element = handle.as_element()
    if element is None:
        return None
    page.wait_for_timeout(300)  # let scrolling settle before the click
    box = element.bounding_box()
    if box is None:
        return None
    since = page.evaluate("performance.now()")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(1000)
    return page.evaluate(INTERACTION, since)


def measure(browser, url: str) -> dict:
    """One first load of `url` in a new context: script, quiet, tab and switch figures in ms."""
    context = browser.new_context(viewport=PHONE, is_mobile=False, device_scale_factor=1)
    try:
        page = context.new_page()
        page.add_init_script(OBSERVE)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
        page.goto(url, wait_until="load")
        page.wait_for_timeout(SETTLE_MS)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        result = {
            "script_ms": round(metrics["ScriptDuration"] * 1000, 1),
            "task_ms": round(metrics["TaskDuration"] * 1000, 1),
            "quiet_ms": round(page.evaluate(QUIET), 1),
        }
        for kind in TARGETS:
            result[f"{kind}_ms"] = _click_time(page, kind)
        return result
    finally:
        context.close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


# key, column title, the target: this site at most stock's + this many ms.
FIGURES = [("script_ms", "script ms", 10), ("quiet_ms", "quiet ms", 16), ("tab_ms", "tab ms", 16)]


def table(medians: dict) -> str:
    """One line a page: each figure this / stock (this - stock), and whether it is within its target."""
    head = ["page", *(title for _, title, _ in FIGURES), "switch ms", "within"]
    rows = [head]
    for page, sides in medians.items():
        this, stock = sides["this"], sides["stock"]
        row, ok = [page], []
        for key, _, allowance in FIGURES:
            a, b = this.get(key), stock.get(key)
            if a is None or b is None:
                row.append("-")
                continue
            row.append(f"{a:.0f}/{b:.0f} ({a - b:+.0f})")
            ok.append(a <= b + allowance)
        switch, tab = this.get("switch_ms"), stock.get("tab_ms")
        row.append("-" if switch is None else f"{switch:.0f}")
        if switch is not None and tab is not None:
            ok.append(switch <= tab + 16)
        row.append(f"{sum(ok)}/{len(ok)}")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
