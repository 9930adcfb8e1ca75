/*{#
 * Lets Material's start-up restyle the page once, as it does on a stock site.
 *
 * Why this exists: Material's palette marks <body> with
 * `data-md-color-switching` when it starts (its CSS turns every transition off
 * under it) and takes the mark away a timer later. On a stock site that timer
 * fires while the page is still being parsed. Here Material's bundle is
 * deferred, for the earlier first paint (BENCHMARKS.md, 2026-11-26), so the
 * timer fires only after the DOMContentLoaded task and the paint, and taking
 * the mark away restyles every element again, in a long task of its own
 * (270 ms at 4x slowdown on /software-examples/; BENCHMARKS.md, 2026-12-05).
 * This file runs after the bundle and before that task, and takes the mark
 * away there: its restyle joins the one Material's start-up does anyway. The
 * scheme was already applied before the first paint, so no colour is changing
 * and nothing needs the transitions held. A reader's later switch of scheme
 * sets and clears the mark as Material always does.
 #}*/
document.body.removeAttribute("data-md-color-switching");
