"""Benchmark this site against a stock Material build of the same pages.

Run it through `scripts/bench`, which installs what it needs first. It

1. builds this site (with MkDocs, or with `--engine zensical`) and the stock
   site (scripts/stock_site.py, always MkDocs and Material) cold, timing each;
2. serves both with one nginx process of its own (config, pid and logs in a
   temporary folder; 127.0.0.1 only; gzip on), stopped at the end;
3. runs Lighthouse 12.2.3 (mobile preset, Debian's Chromium) on every page of
   both, pages read from each build's sitemap.xml, three runs each;
4. measures the main thread the same way on both (scripts/main_thread.py:
   script time, when the page goes quiet, how fast a tab and the header
   switch answer, at 4x CPU slowdown), alternating the sites as Lighthouse;
5. prints medians side by side with the ratio this/stock, and writes every
   run to bench-results/<UTC time>.json.

`--measure lighthouse` or `--measure main-thread` runs only one of the two.
`--throttling devtools` has Chromium slow the network and CPU while the page
loads, so Lighthouse reports the paints the page made, instead of simulating
them from an unthrottled load (its default). Why the two differ: the
BENCHMARKS.md entry on the largest paint, simulated and observed.
`--control` measures the stock site against a copy of itself, served by the
same nginx on its own port: how far apart two identical sites come out, the
scatter a difference between this site and stock has to beat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

import local_nginx
import main_thread
from stock_site import ROOT, build, build_zensical, sitemap_pages, write_stock_config

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# Inside the http block of scripts/local_nginx.py's main configuration.
GZIP = """\
    sendfile on;
    # HTML is always compressed once gzip is on; the rest is listed.
    gzip on;
    gzip_comp_level 6;
    gzip_types text/css application/javascript text/javascript image/svg+xml application/json application/xml;
"""

SERVER = """\
    server {{
        listen 127.0.0.1:{port};
        root {root};
        error_page 404 /404.html;
    }}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_binary() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(found):
        sys.exit("scripts/bench: nginx not found; install Debian's nginx-light (scripts/bench does).")
    return found


def start_nginx(tmp: Path, sites: dict[int, Path]) -> subprocess.Popen:
    servers = "".join(SERVER.format(port=port, root=root) for port, root in sites.items())
    conf = tmp / "nginx.conf"
    conf.write_text(local_nginx.main_config(tmp, GZIP + servers), encoding="utf-8")
    process = subprocess.Popen(
        [nginx_binary(), "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for port in sites:
        for _ in range(100):
            try:
                urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    sys.exit(f"scripts/bench: nginx stopped:\n{process.stderr.read().decode()}")
                time.sleep(0.1)
    return process


def stop_nginx(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def lighthouse(url: str, output: Path, throttling: str = "simulate") -> dict:
    """One Lighthouse run (mobile preset, the default); the numbers the table shows."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [
        str(LIGHTHOUSE), url,
        "--output=json", f"--output-path={output}", "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        # Neither has a weight in any score; skipping them saves time a run
        # (bf-cache navigates away and back once more).
        "--disable-full-page-screenshot",
        "--skip-audits=bf-cache",
        f"--throttling-method={throttling}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not output.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    return {
        **{c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "requests": len(requests),
        "bytes": audits["total-byte-weight"]["numericValue"],
        # Where blocking time comes from: each long task's simulated start and
        # length (ms) and the script it is charged to; only tasks after the
        # first paint count. In the results file, not the table.
        "long_tasks": sorted([round(t["startTime"]), round(t["duration"]), t.get("url", "")]
                             for t in audits.get("long-tasks", {}).get("details", {}).get("items", [])),
    }


METRICS = [
    # key, column title, format
    ("performance", "perf", "{:.0f}"),
    ("accessibility", "a11y", "{:.0f}"),
    ("best-practices", "bp", "{:.0f}"),
    ("seo", "seo", "{:.0f}"),
    ("fcp_ms", "FCP ms", "{:.0f}"),
    ("lcp_ms", "LCP ms", "{:.0f}"),
    ("tbt_ms", "TBT ms", "{:.0f}"),
    ("cls", "CLS", "{:.3f}"),
    ("requests", "req", "{:.0f}"),
    ("bytes", "KiB", None),
]


def fmt(key: str, value: float) -> str:
    if key == "bytes":
        return f"{value / 1024:.1f}"
    return dict((k, f) for k, _, f in METRICS)[key].format(value)


def ratio(this: float, stock: float) -> str:
    if stock == 0:
        return "=" if this == 0 else "inf"
    return f"{this / stock:.2f}"


def table(medians: dict, builds: dict) -> str:
    rows = [["page", "metric", "this", "stock", "this/stock"]]
    for page, sides in medians.items():
        for key, title, _ in METRICS:
            this, stock = sides["this"].get(key), sides["stock"].get(key)
            rows.append([
                page, title,
                fmt(key, this) if this is not None else "-",
                fmt(key, stock) if stock is not None else "-",
                ratio(this, stock) if None not in (this, stock) else "-",
            ])
            page = ""
    rows.append(["(build)", "cold build s", f"{builds['this']:.2f}", f"{builds['stock']:.2f}",
                 ratio(builds["this"], builds["stock"])])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def wide_table(medians: dict, builds: dict) -> str:
    """One line a page: each metric as this / stock (ratio)."""
    head = ["page"] + [title for _, title, _ in METRICS]
    rows = [head]
    for page, sides in medians.items():
        row = [page]
        for key, _, _ in METRICS:
            this, stock = sides["this"].get(key), sides["stock"].get(key)
            if this is None or stock is None:
                row.append("-")
            else:
                row.append(f"{fmt(key, this)}/{fmt(key, stock)} ({ratio(this, stock)})")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"cold build: this {builds['this']:.2f} s, stock {builds['stock']:.2f} s "
                 f"({ratio(builds['this'], builds['stock'])})")
    return "\n".join(lines)


def run_lighthouse(pages, stock_pages, ports, count, tmp: Path, runs: dict, throttling: str) -> None:
    """Lighthouse on every page of both sites, alternating the two run by run, so a noisy moment hits both alike."""
    total = sum(2 if page in stock_pages else 1 for page in pages) * count
    done, started = 0, time.perf_counter()
    for _ in range(count):
        for page in pages:
            for side in ("this", "stock"):
                if side == "stock" and page not in stock_pages:
                    continue
                result = lighthouse(f"http://127.0.0.1:{ports[side]}{page}", tmp / "lhr.json", throttling)
                runs[page][side].append(result)
                done += 1
                eta = (time.perf_counter() - started) / done * (total - done)
                print(f"[{done}/{total}] {side:5} {page:20} perf {result['performance']:3} "
                      f"TBT {result['tbt_ms']:4.0f} ms  ~{eta / 60:.1f} min left",
                      file=sys.stderr, flush=True)


def run_main_thread(pages, stock_pages, ports, count, threads: dict) -> None:
    """scripts/main_thread.py's figures on every page of both sites, alternating as Lighthouse does."""
    from playwright.sync_api import sync_playwright  # requirements-test.txt; scripts/bench installs it

    with sync_playwright() as playwright:
        browser = main_thread.launch(playwright)
        try:
            for run in range(count):
                for page in pages:
                    for side in ("this", "stock"):
                        if side == "stock" and page not in stock_pages:
                            continue
                        result = main_thread.measure(browser, f"http://127.0.0.1:{ports[side]}{page}")
                        threads[page][side].append(result)
                        print(f"[main thread {run + 1}/{count}] {side:5} {page:20} {result}",
                              file=sys.stderr, flush=True)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs a page and site (default 3)")
    parser.add_argument("--page", action="append", default=[],
                        help="only this page path, e.g. /article/ (repeatable; default every page)")
    parser.add_argument("--wide", action="store_true", help="one line a page instead of one line a metric")
    parser.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs",
                        help="what builds this site (default mkdocs); the stock site is always MkDocs with Material")
    parser.add_argument("--measure", choices=["all", "lighthouse", "main-thread"], default="all",
                        help="what to measure (default all: Lighthouse, then the main thread)")
    parser.add_argument("--throttling", choices=["simulate", "devtools"], default="simulate",
                        help="Lighthouse's throttling: simulate (its default: timings modelled from an "
                             "unthrottled load) or devtools (Chromium slows the load; timings observed)")
    parser.add_argument("--control", action="store_true",
                        help="measure a copy of the stock site in this site's place: the figures' own scatter")
    args = parser.parse_args()
    measures = ["lighthouse", "main-thread"] if args.measure == "all" else [args.measure]
    if "lighthouse" in measures and not LIGHTHOUSE.exists():
        sys.exit("scripts/bench: Lighthouse is missing; run scripts/bench (it runs `npm ci`).")

    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    ports = {"this": free_port(), "stock": free_port()}
    configs = {"this": ROOT / "mkdocs.yml", "stock": write_stock_config(tmp / "stock-config")}
    builds, dirs = {}, {}
    for side in ("stock", "this"):
        dirs[side] = tmp / f"site-{side}"
        if side == "this" and args.control:
            # The same files, so every difference measured is the measure's own.
            shutil.copytree(dirs["stock"], dirs[side])
            builds[side] = builds["stock"]
            continue
        print(f"building {side} site{' with ' + args.engine if side == 'this' else ''} ...", file=sys.stderr, flush=True)
        url = f"http://127.0.0.1:{ports[side]}/"
        if side == "this" and args.engine == "zensical":
            builds[side] = build_zensical(dirs[side], url)
        else:
            builds[side] = build(configs[side], dirs[side], url, strict=side == "this")
    pages = sitemap_pages(dirs["this"])
    if args.page:
        pages = [p for p in pages if p in args.page]
    stock_pages = set(sitemap_pages(dirs["stock"]))

    nginx = start_nginx(tmp, {ports[s]: dirs[s] for s in ports})
    runs: dict = {p: {"this": [], "stock": []} for p in pages}
    threads: dict = {p: {"this": [], "stock": []} for p in pages}
    try:
        if "lighthouse" in measures:
            run_lighthouse(pages, stock_pages, ports, args.runs, tmp, runs, args.throttling)
        if "main-thread" in measures:
            run_main_thread(pages, stock_pages, ports, args.runs, threads)
    finally:
        stop_nginx(nginx)

    medians = {
        page: {
            side: {key: statistics.median(r[key] for r in results) for key, _, _ in METRICS} if results else {}
            for side, results in sides.items()
        }
        for page, sides in runs.items()
    } if "lighthouse" in measures else {}
    thread_medians = {
        page: {
            side: {key: main_thread.median(r[key] for r in results) for key in results[0]} if results else {}
            for side, results in sides.items()
        }
        for page, sides in threads.items()
    } if "main-thread" in measures else {}
    if args.control:
        print("\ncontrol run: 'this' below is a copy of the stock site (--control)")
    if medians:
        print()
        print(f"Lighthouse 12.2.3, mobile preset, {args.throttling} throttling, median of {args.runs} runs; "
              "nginx gzip on 127.0.0.1; "
              f"KiB = bytes transferred; this site built with {args.engine}, stock with MkDocs")
        print(wide_table(medians, builds) if args.wide else table(medians, builds))
    if thread_medians:
        print()
        print(f"Main thread, Chromium at {main_thread.SLOWDOWN}x CPU slowdown, 390 px, median of {args.runs} "
              "runs; this/stock (difference); targets: script +10 ms, quiet +16 ms, tab and switch "
              "within 16 ms of stock's tab (scripts/main_thread.py)")
        print(main_thread.table(thread_medians))

    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = out / f"{stamp}.json"
    path.write_text(json.dumps({
        "when": stamp, "lighthouse": "12.2.3", "preset": "mobile", "throttling": args.throttling, "runs": args.runs, "engine": args.engine, "control": args.control,
        "build_seconds": builds, "medians": medians, "all_runs": runs,
        "main_thread": {"slowdown": main_thread.SLOWDOWN, "medians": thread_medians, "all_runs": threads},
    }, indent=2), encoding="utf-8")
    print(f"\nresults: {path.relative_to(ROOT)}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
