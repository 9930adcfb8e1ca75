/*
 * The reader's view (Developer or Engineer): one piece of state, one owner.
 *
 * Why this exists: a view shows in many places (every tab set, the header
 * switch, the address bar, heading permalinks, the printed page); each
 * following it on its own, they could disagree: an address naming one view
 * while the page shows the other. The state is `<html data-view>`, put there
 * by the head script (view-choice.js) before the body is parsed; the CSS
 * shows every set's panel from it (view-tabs.css, print.css). This file is
 * the only one that changes it, in `show()`, and writes it everywhere else it
 * shows: the tabs' radios (so assistive technology and Material's underline
 * follow), the header switch, the address bar, the permalinks, the printed
 * line. Every way of changing the view ends in `show()`: the header switch
 * calls it, and a tab click, an arrow key (tabs-aria.js clicks the tab) or a
 * tab fragment changes a tab's radio, which this file takes as the choice.
 * Material's own tab linking is off (mkdocs.yml).
 *
 * The rules are the contract's (`window.__view`, view-choice.js): the views,
 * how a URL names one, the URL rule, the other view, the stored choice.
 */
(function () {
  // The contract (views, URL reading, stored choice), defined once by
  // view-choice.js in <head>. Without it (a policy that blocked it) the tabs
  // still work as Material's.
  var contract = window.__view;
  if (!contract) return;
  var VIEWS = contract.views;
  var root = document.documentElement;
  var current = contract.named(root.getAttribute("data-view")) || VIEWS[0];

  // A tab's view, from its id (the heading's id plus the view: the build
  // checks every set is Developer then Engineer, under a heading).
  function viewOf(input) {
    var tab = contract.ofFragment(input.id);
    return tab && tab.view;
  }

  function sets() {
    return Array.prototype.slice.call(document.querySelectorAll(".md-content .tabbed-set"));
  }

  // The radios follow the state: the view's radio checked in every set.
  // `announce`: tell Material (its underline) and tabs-aria.js (ARIA states)
  // with a change event; before Material has mounted the sets it reads the
  // checked radio itself. `selecting` keeps these events from counting as a
  // reader's choice.
  var selecting = false;
  function checkRadios(view, announce) {
    selecting = true;
    try {
      document.querySelectorAll(".md-content .tabbed-set:not([data-view-later]) > input").forEach(function (input) {
        if (input.checked || viewOf(input) !== view) return;
        input.checked = true;
        if (announce) input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    } finally {
      selecting = false;
    }
  }
  // Before Material mounts the sets (at DOMContentLoaded; this file runs just
  // before it), so its underline starts under the view's tab.
  checkRadios(current, false);

  // Runs `job` in the first task after the next paint: what a reader's
  // click does not have to hold up (requestAnimationFrame runs before the
  // paint; a timer set there, after it).
  function afterPaint(job) {
    requestAnimationFrame(function () { setTimeout(job); });
  }

  // Material's anchor tracking (navigation.tracking) measures the headings'
  // offsets only when the page's height changes (its table-of-contents
  // component watches document.body's size; a window `resize` only
  // re-partitions the old offsets). A change of view moves the headings but
  // often keeps the height, and the address it wrote while scrolling, like
  // the contents' highlight, then named the section above. One frame of one
  // extra pixel (view-tabs.css) makes it measure again, after the change.
  // An attribute, not a class: a class on <html> or <body> makes Chromium
  // restyle the whole page (Material's CSS), some 20 ms at full speed on
  // /linking/ each time it is added or removed; this attribute, about 0.2 ms.
  function remeasure() {
    root.setAttribute("data-view-measuring", "");
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { root.removeAttribute("data-view-measuring"); });
    });
  }

  // Sets a click leaves for later: each set shown anew costs a style and
  // layout pass over its panels, and Material's underline and size watchers
  // a task each (BENCHMARKS.md, 2026-12-05), so a click answers with what the
  // reader sees. A click on a tab or the header switch leaves the sets below
  // the window (`follow`, below, measures them before anything is written,
  // so measuring costs no layout of its own).
  // Meanwhile `data-view-later` keeps each showing the view it showed
  // (view-tabs.css; the views are two, so that is the other one), with its
  // radios; they change in idle time (idle-work.js), at once when the reader
  // scrolls, moves the focus into one or prints (what else a reader does,
  // opening the menu say, does not wait for them).
  function setsBelow() {
    return sets().filter(function (set) { return set.getBoundingClientRect().top > innerHeight; });
  }
  // A set that catches up may by then be above the section being read (the
  // reader jumped past it): its new height must not move that section.
  function catchUpSets(marked) {
    if (!marked.length) return;
    keepingPlace(headingInView(), function () {
      marked.forEach(function (set) { set.removeAttribute("data-view-later"); });
      checkRadios(current, true);
    });
  }
  function waitingSets() {
    return Array.prototype.slice.call(document.querySelectorAll(".md-content .tabbed-set[data-view-later]"));
  }
  function catchUp(waiting) {
    var set = waiting.shift();
    if (!set) return null;
    follow(); // a click's view first, if it is still waiting for the paint
    if (set.hasAttribute("data-view-later")) catchUpSets([set]);
    return function () { return catchUp(waiting); };
  }
  function laterSets(later) {
    // A change of view makes the sets still waiting right (they show the
    // other view, which is now the view); the sets left for later that show
    // the old view wait.
    var right = waitingSets();
    right.forEach(function (set) { set.removeAttribute("data-view-later"); });
    var waiting = later.filter(function (set) { return right.indexOf(set) < 0; });
    waiting.forEach(function (set) { set.setAttribute("data-view-later", ""); });
    if (!waiting.length) return;
    __idle.later("view-later", function () { return catchUp(waiting); });
    // The scroll that keeps the clicked set in place comes before this frame's
    // animation callbacks; a reader's scroll, after.
    requestAnimationFrame(function () { watchingScroll = true; });
  }
  var watchingScroll = false;
  function catchUpNow() {
    follow();
    watchingScroll = false;
    catchUpSets(waitingSets());
    __idle.flush("view-later"); // finds nothing left to change
  }
  document.addEventListener("focusin", function (event) {
    var set = event.target.closest && event.target.closest("[data-view-later]");
    // The set a reader just clicked shows what they chose (an arrow key
    // focuses the tab it clicked).
    if (set && !(clicked && clicked.own === set)) catchUpNow();
  }, true);
  window.addEventListener("scroll", function () { if (watchingScroll) catchUpNow(); }, { passive: true });

  // `how.store` false: the view was not chosen now (the page opened in it);
  // `how.address` false: nothing was ever chosen, so the address stays as the
  // reader typed it (a first visit's `/` is not turned into `/?view=developer`);
  // `how.section`: the heading whose section the address names (a tab click
  // names the set's own); `how.later`: the sets that change after the paint;
  // `how.afterPaint`: a reader's click, whose address waits for the paint.
  function show(view, how) {
    how = how || {};
    follow(); // a click's view first, if it is still waiting for the paint
    if (view !== current && !how.keepNote) dismissNote();
    var changed = view !== current;
    current = view;
    if (changed) laterSets(how.later || []);
    root.setAttribute("data-view", view.toLowerCase());
    checkRadios(view, true);
    if (changed) remeasure();
    if (how.store !== false) contract.remember(view);
    document.querySelectorAll(".view-switch input").forEach(function (radio) {
      if (radio.checked !== (radio.value === view)) radio.checked = radio.value === view;
    });
    if (!sets().length) return; // a page without views (404) has no view to name
    if (how.address !== false) {
      if (how.afterPaint) writeAddressAfterPaint(how.section);
      else writeAddress(how.section);
      __idle.later("permalinks", writePermalinks);
    }
    __idle.forPrint("print-address", writePrintAddress);
  }

  // The address bar names the view, and `section` (the section a tab was
  // chosen in) when given.
  function writeAddress(section) {
    var address = new URL(contract.addressFor(location.href, current, function (id) {
      return !!document.getElementById(id);
    }));
    if (section) address.hash = "#" + section;
    history.replaceState(history.state, "", address.href);
  }
  // After a reader's click (a tab, an arrow key on one, the header switch) the
  // address follows just after the next paint, not in the click's task: a
  // change of address (history.replaceState) took some 17 ms at full speed
  // inside a tab click, here and on stock alike, more than the rest of the
  // click (BENCHMARKS.md, 2026-12-05), and the reader waits for the tabs, not
  // the address bar. Several clicks before then write once, with the last
  // view; an address the reader moved on from meanwhile keeps its own
  // section. A view from the address, a fragment or a search hit writes it at
  // once: the code that lands on a section reads it.
  var addressDue = null;
  function writeAddressAfterPaint(section) {
    var due = addressDue;
    addressDue = { section: section, from: location.href };
    if (due) return;
    afterPaint(function () {
      var want = addressDue;
      addressDue = null;
      writeAddress(location.href === want.from ? want.section : null);
    });
  }

  // What shows the view but is not needed for the first tap waits
  // (idle-work.js), and runs once however often the view changed by then:
  // permalinks in idle time (at the latest when a reader points at, focuses
  // or right-clicks one), the printed address line when the page is printed
  // (paper alone reads it). Permalinks name the view too, so a copied ¶ opens
  // the section as seen.
  function writePermalinks() {
    document.querySelectorAll(".md-content .headerlink").forEach(function (link) {
      link.setAttribute("href", contract.permalink(current, link.getAttribute("href").split("#")[1]));
    });
  }
  ["pointerover", "focusin", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest(".md-content .headerlink")) __idle.flush("permalinks");
    }, true);
  });

  function writePrintAddress() {
    var line = document.querySelector("[data-print-address]");
    if (!line) return;
    var page = location.origin + location.pathname;
    var other = contract.other(current);
    line.replaceChildren("Printed in the " + current + " view from ", printUrl(contract.addressFor(page, current)),
      ". The " + other + " view: ", printUrl(contract.addressFor(page, other)));
  }

  // A search hit that switched the view says so, on screen and to assistive
  // technology (a polite live region that exists before it speaks), with one
  // button back to the view the reader had.
  var announcer = null;
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 50);
  }
  function dismissNote() {
    var note = document.querySelector(".view-note");
    if (note) note.remove();
  }
  function noteSwitch(view, previous, before) {
    var note = document.createElement("p");
    note.className = "view-note";
    note.append("Showing the " + view + " view for this result. ");
    var back = document.createElement("button");
    back.type = "button";
    back.textContent = "Back to " + previous;
    back.addEventListener("click", function () {
      show(previous);
      announce("Showing the " + previous + " view.");
    });
    note.append(back);
    before.parentNode.insertBefore(note, before);
    announce("Showing the " + view + " view for this result.");
  }

  // An address on the printed line, in its own element so that print.css
  // can keep it whole on one line.
  function printUrl(href) {
    var span = document.createElement("span");
    span.className = "print-url";
    span.textContent = href;
    return span;
  }

  // Run `change` (which shows a view, so panels change height) keeping
  // `anchor` where it was on screen, as Material's linking does for a set.
  function keepingPlace(anchor, change) {
    var before = anchor.getBoundingClientRect().top;
    change();
    window.scrollBy(0, anchor.getBoundingClientRect().top - before);
  }

  // The heading of the section the reader is in: the last one that starts in
  // the top third of the window or above it, else the page's title. Headings
  // sit outside the panels, so they never hide when the view changes.
  function headingInView() {
    var headings = document.querySelectorAll(".md-content article :is(h1, h2, h3, h4, h5, h6)");
    var found = headings[0] || document.body;
    for (var i = 0; i < headings.length && headings[i].getBoundingClientRect().top <= innerHeight / 3; i++) {
      found = headings[i];
    }
    return found;
  }

  // A tab chosen (a fragment, which Material answers by clicking the radio;
  // a click on the label's edge or a script's; a reader's click on its link,
  // below, after the paint): the owner shows its view in every set, stores
  // it, names the set's section in the address and keeps the set where it
  // was on screen (the sets above it change height). Keeping it in place
  // scrolls the page, and Material's anchor tracking would then rewrite the
  // address 250 ms later to the section at the top of the window. Its
  // tracking stops at a `hashchange`, which drops the write it has waiting,
  // and 250 ms later restarts ignoring the position it finds; it also
  // ignores the first such event when the page opened without a fragment
  // (it skips one emission of its location target), so the event goes out
  // twice (`stopTracking`; Material's table-of-contents component,
  // mountTableOfContents). They go out just after the next paint, well
  // inside those 250 ms: Material's listeners are no part of what the
  // reader waits for.
  function choose(input) {
    var view = viewOf(input);
    if (!view) return;
    var own = input.closest(".tabbed-set");
    var below = setsBelow().filter(function (set) { return set !== own; });
    keepingPlace(own, function () { show(view, { section: contract.ofFragment(input.id).heading, later: below }); });
    afterPaint(stopTracking);
  }
  function stopTracking() {
    for (var i = 0; i < 2; i++) window.dispatchEvent(new HashChangeEvent("hashchange"));
  }

  // A reader's click answers as a click on stock does: in its task, only
  // the control the reader used changes, and the choice is stored. On a tab
  // (a pointer, or an arrow key through tabs-aria.js) that is the clicked
  // set, which shows the chosen view (its `data-view-later` sets it against
  // the root's); on the header switch, the switch itself (the browser checks
  // the radio). The view itself, with every other set on screen or above it,
  // the switch and the address, follows in one task just after the paint
  // (`follow`), keeping the clicked set, or the section being read, where
  // the reader sees it while the sets above change height; the sets below
  // the window follow in idle time (laterSets). Anything that shows a view
  // or catches up a set before then runs the follow first. Changing the root
  // in the click restyled every set's panels and labels, the header switch
  // and the page's end within the click's frame: at full speed on /roles/,
  // 41 elements restyled and 24 laid out, against stock's 13 and 13
  // (BENCHMARKS.md, 2026-12-05).
  var readerClick = false; // a reader's click on a tab's link is being answered
  var clicked = null; // the click waiting for the paint: { view, own, section }; own: its set, null for the switch
  function answerClick(view, own, section) {
    if (own) own.toggleAttribute("data-view-later", view !== current);
    contract.remember(view);
    if (!clicked) afterPaint(follow);
    clicked = { view: view, own: own, section: section };
  }
  function follow() {
    var due = clicked;
    if (!due) return;
    clicked = null;
    var below = setsBelow().filter(function (set) { return set !== due.own; });
    // The scroll that keeps the place is no reader's: it does not bring in
    // the sets below (see laterSets).
    watchingScroll = false;
    keepingPlace(due.own || headingInView(), function () {
      // Back to the view the page shows (clicks there and back): every set shows it.
      if (due.view === current) waitingSets().forEach(function (set) { set.removeAttribute("data-view-later"); });
      show(due.view, { section: due.section, later: below, afterPaint: true, store: false });
    });
    if (due.own) afterPaint(stopTracking);
  }
  // A page printed before that paint (a script's print() in the click's task) prints the chosen view.
  __idle.beforePrint(follow);
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (selecting || readerClick || !input.matches(".tabbed-set > input") || !input.checked) return;
    choose(input);
  }, true);
  // A click on the tab already shown changes nothing, so no change event:
  // the click is a choice all the same. (A click on the other tab checks it
  // before this runs; the change event above takes it.)
  document.addEventListener("click", function (event) {
    var input = event.target;
    if (selecting || readerClick || !input.matches || !input.matches(".tabbed-set > input")) return;
    if (input.checked && viewOf(input) === current) choose(input);
  }, true);

  // Material wraps each tab's label in a link that writes `#<tab id>` to the
  // address (history.replaceState) and then clicks the label; the choice
  // above writes the address again, with the view. Changing the address took
  // from 1 to 45 ms at 4x slowdown inside a click here, more than on stock
  // (BENCHMARKS.md, 2026-12-05), so the label is clicked here, as Material
  // would, and the address written once. A click with Ctrl or Cmd still copies or
  // opens the link, as Material leaves it. Only a reader clicks that link
  // (a pointer, or an arrow key through tabs-aria.js): Material answers a tab
  // fragment by clicking the radio itself.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-content .tabbed-set > .tabbed-labels > label > a");
    if (!link || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    event.stopPropagation();
    readerClick = true;
    try { link.parentElement.click(); } finally { readerClick = false; }
    var input = document.getElementById(link.parentElement.htmlFor);
    var view = input && viewOf(input);
    if (view) answerClick(view, input.closest(".tabbed-set"), contract.ofFragment(input.id).heading);
  }, true);

  // The header switch: two radios named for assistive technology, built
  // whole (labels, name, the view checked) before it is inserted in one step.
  // Built here, so that without JavaScript there is no switch that cannot work.
  function mountSwitch() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".view-switch")) return;
    var group = document.createElement("div");
    group.className = "view-switch";
    group.setAttribute("role", "radiogroup");
    group.setAttribute("aria-label", "View");
    VIEWS.forEach(function (view) {
      var id = "__view-" + view.toLowerCase();
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "__view";
      radio.id = id;
      radio.value = view;
      if (view === current) radio.checked = true;
      // A click, not a change: choosing the view already shown is a choice too.
      // The reader stays in the section they were reading (`follow`).
      radio.addEventListener("click", function () {
        if (radio.checked) answerClick(view, null);
      });
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = view;
      group.append(radio, label);
    });
    // Before the colour scheme toggle and search, where readers look for page options.
    var before = header.querySelector('[data-md-component="palette"]') || header.querySelector('label[for="__search"]');
    header.insertBefore(group, before);
  }

  // A search hit or a fragment inside the other view's panel: show that view.
  function blockView(block) {
    var index = Array.prototype.indexOf.call(block.parentElement.children, block);
    var input = block.closest(".tabbed-set").querySelectorAll(":scope > input")[index];
    return input ? viewOf(input) : null;
  }

  function panelView(el) {
    var block = el && el.closest && el.closest(".tabbed-block");
    if (!block || block.getClientRects().length) return null; // not in a panel, or on screen
    return blockView(block);
  }

  function target() {
    return location.hash ? document.getElementById(contract.decode(location.hash.slice(1))) : null;
  }

  function revealFragment() {
    var el = target();
    var view = panelView(el);
    if (view) {
      show(view);
      el.scrollIntoView();
    }
  }

  // Following a search hit adds `?h=<query>`; Material then marks the words
  // it finds, but only in text on screen (mkdocs-material #4125), once its
  // index has loaded, after this runs. So: read the section the hit names
  // (its fragment up to the next heading of its level) in each view, and if
  // the other view holds more of the query, show it before Material marks.
  function revealSearchHit() {
    var query = (new URL(location.href).searchParams.get("h") || "").toLowerCase();
    var terms = query.split(/[\s*+:~^]+/).filter(Boolean);
    var article = document.querySelector(".md-content article");
    if (!terms.length || !article) return;
    var start = target();
    var parts = [start || article];
    var level = start && /^H([1-6])$/.exec(start.tagName);
    for (var el = level ? start.nextElementSibling : null; el; el = el.nextElementSibling) {
      var heading = /^H([1-6])$/.exec(el.tagName);
      if (heading && heading[1] <= level[1]) break;
      parts.push(el);
    }
    function score(view) {
      var text = "";
      parts.forEach(function (part) {
        var walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
          var block = node.parentElement.closest(".tabbed-block");
          if (!block || blockView(block) === view) text += " " + node.textContent;
        }
      });
      text = text.toLowerCase().replace(/\s+/g, " ");
      if (text.indexOf(terms.join(" ")) >= 0) return terms.length + 1;
      return terms.filter(function (term) { return text.indexOf(term) >= 0; }).length;
    }
    var other = contract.other(current);
    if (score(other) > score(current)) {
      var previous = current;
      show(other, { keepNote: true });
      // Under the heading the hit names (or the page's title), where the reader lands.
      var heading = start || article.querySelector("h1");
      noteSwitch(other, previous, heading ? heading.nextSibling : article.firstChild);
      (start || article).scrollIntoView();
    }
  }

  function mountAnnouncer() {
    if (document.querySelector(".view-announce")) return;
    announcer = document.createElement("div");
    announcer.className = "view-announce";
    announcer.setAttribute("role", "status");
    announcer.setAttribute("aria-live", "polite");
    document.body.append(announcer);
  }

  document$.subscribe(function () {
    mountSwitch();
    mountAnnouncer();
    // view-choice.js has read the URL and the stored choice and put the view
    // on the page; the default is not a choice, so it writes no address.
    var tab = contract.ofFragment(location.hash);
    // A view the address names (`?view=`, a tab fragment) was picked on
    // purpose, by a link or the reader: a search highlight does not overrule it.
    var named = contract.fromUrl();
    show(current, { store: false, address: !!contract.chosen });
    // An incoming tab fragment now names its heading: open on the heading.
    var heading = tab && location.hash === "#" + tab.heading && document.getElementById(tab.heading);
    if (heading) heading.scrollIntoView();
    revealFragment();
    if (!named) revealSearchHit();
  });
  window.addEventListener("hashchange", revealFragment);
})();
