/*{#
 * Work a reader does not need in the page's first second, kept off the task
 * that starts the page.
 *
 * Why this exists: Material's start-up and every `document$` subscriber of
 * site.js run in one task when the page is parsed; while it runs, the page
 * cannot answer a tap (Lighthouse counts it as total blocking time). Tab
 * roles, table focus, checklist labels and permalinks that name the view
 * are not needed for the first paint or the first tap, so the files that do
 * them queue a job here instead: `window.__idle.later(name, job)`.
 *
 * - Each job runs in idle time, one job a task (requestIdleCallback; a
 *   timeout makes sure it runs within a second on a page that never idles;
 *   WebKit has no requestIdleCallback, so there a timer). A job that has
 *   more to do returns a function for the rest, which runs in a later task:
 *   no task grows long enough to hold up a tap.
 * - A job queued again before it ran runs once, with what is true by then
 *   (three view changes, one rewrite of the permalinks).
 * - `flush(name)` runs a waiting job now, for the moment its result is used;
 *   printing flushes every job first (`beforeprint`, and the print media
 *   query for engines and tools that switch to print without that event).
 * - `settled()` is a promise of the moment nothing waits (the tests read
 *   the finished page after it).
 * - `forPrint(name, job)`: work only paper reads (the printed address line,
 *   every link's printed address). It never runs in idle time, where it
 *   would still be script time on every visit (BENCHMARKS.md, 2026-12-05);
 *   it runs, all of it, when the page is printed.
 * - `beforePrint(job)`: runs first each time the page is printed, before
 *   any job above (a view a reader's click chose that still waits for the
 *   paint, so that paper shows it everywhere).
 #}*/
(function () {
  var waiting = {}; /*{# name -> job, in the order first queued #}*/
  var paper = {}; /*{# name -> job that only printing runs #}*/
  var first = []; /*{# jobs printing runs before the others #}*/
  var scheduled = false;
  var settling = [];

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    if (window.requestIdleCallback) requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 1);
  }

  function take(name) {
    var job = waiting[name];
    delete waiting[name];
    return job;
  }

  function report(error) {
    setTimeout(function () { throw error; }); /*{# reported, the queue goes on #}*/
  }

  /*{# Runs a job; what it returns (the rest of its work) waits its turn. #}*/
  function finish(name, job) {
    var rest = null;
    try { rest = job(); } catch (error) { report(error); }
    if (typeof rest === "function" && !waiting[name]) waiting[name] = rest;
  }

  function run() {
    scheduled = false;
    var name = Object.keys(waiting)[0];
    if (name !== undefined) finish(name, take(name));
    if (Object.keys(waiting).length) schedule();
    else settling.splice(0).forEach(function (resolve) { resolve(); });
  }

  window.__idle = {
    later: function (name, job) {
      waiting[name] = job;
      schedule();
    },
    flush: function (name) {
      while (waiting[name]) finish(name, take(name));
    },
    forPrint: function (name, job) {
      paper[name] = job;
    },
    beforePrint: function (job) {
      first.push(job);
    },
    settled: function () {
      return new Promise(function (resolve) {
        if (Object.keys(waiting).length) settling.push(resolve);
        else resolve();
      });
    }
  };
  function flushAll() {
    first.forEach(function (job) {
      try { job(); } catch (error) { report(error); }
    });
    Object.keys(waiting).forEach(window.__idle.flush);
    Object.keys(paper).forEach(function (name) {
      var job = paper[name];
      delete paper[name];
      try {
        for (var rest = job(); typeof rest === "function"; rest = rest()) { /*{# the rest, at once #}*/ }
      } catch (error) { report(error); }
    });
  }
  window.addEventListener("beforeprint", flushAll);
  var print = window.matchMedia && matchMedia("print");
  if (print && print.addEventListener) {
    print.addEventListener("change", function (event) { if (event.matches) flushAll(); });
  }
})();
