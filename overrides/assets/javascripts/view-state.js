/*
 * The reader's view (Developer or Engineer): one piece of state, one owner.
 *
 * Why this exists: a view shows in many places (every tab set, the header
 * switch, the address bar, heading permalinks, the printed page); each
 * following it on its own, they could disagree: an address naming one
 * view while the page shows the other. This file reads the view once
 * (URL, then Material's stored tab choice) and writes it everywhere. Every
 * way of changing it ends in `show()`: the header switch calls it, and a tab
 * click, an arrow key (tabs-aria.js clicks the tab) or a tab fragment checks
 * a tab's radio, whose change this file takes over from Material's linking.
 *
 * The rules it applies are view-choice.js's (`window.__view`, inlined in
 * <head>): the views, how a URL names one, Material's own store
 * (`__md_get("__tabs")`: labels, most recent first). That script has already
 * read the URL and the stored choice, and checked the chosen tabs as the page
 * was parsed, so the first paint shows the view; this file runs once the page
 * is parsed.
 *
 * The URL rule: once a view is chosen (by a link, the switch, a tab or an
 * earlier visit), the address is the page with `?view=<view>` (other
 * parameters kept) and its fragment, a tab fragment turned into its section's
 * heading; replaced in place, never a new history entry. Copied, it opens the
 * same view at the same heading for anyone. Until a view is chosen, the
 * address is left as it was.
 */
(function () {
  // The contract (views, URL reading, stored choice), defined once by
  // view-choice.js in <head>. Without it (a policy that blocked it) the tabs
  // still work as Material's.
  var contract = window.__view;
  if (!contract) return;
  var VIEWS = contract.views;
  var current = null;

  function labelOf(input) {
    var set = input.closest(".tabbed-set");
    return set && set.querySelector(':scope > .tabbed-labels > label[for="' + CSS.escape(input.id) + '"]');
  }

  function viewOf(input) {
    var label = labelOf(input);
    return contract.named(label ? label.textContent.trim() : "");
  }

  function sets() {
    return Array.prototype.slice.call(document.querySelectorAll(".md-content .tabbed-set"));
  }

  // The address that shows `view`: see "The URL rule" above. A tab fragment
  // becomes its section's heading, so the address opens on the heading.
  function addressFor(view) {
    var url = new URL(location.href);
    url.searchParams.set("view", view.toLowerCase());
    var tab = contract.ofFragment(url.hash);
    if (tab && document.getElementById(tab.heading)) url.hash = "#" + tab.heading;
    return url;
  }

  // Check the view's tab in every set. Material's linking would click them
  // too; `data-md-switching` tells it this change is handled (it then only
  // moves the set's underline), and the bubbling listener below clears the
  // mark should Material not be listening.
  var selecting = false;
  function selectTabs(view) {
    selecting = true;
    try {
      selectEach(view);
    } finally {
      selecting = false;
    }
  }
  function selectEach(view) {
    sets().forEach(function (set) {
      set.querySelectorAll(":scope > input").forEach(function (input) {
        if (input.checked || viewOf(input) !== view) return;
        var label = labelOf(input);
        if (label) label.setAttribute("data-md-switching", "");
        input.click();
      });
    });
  }

  // `how.store` false: the view was not chosen now (the page opened in it);
  // `how.address` false: nothing was ever chosen, so the address stays as the
  // reader typed it (a first visit's `/` is not turned into `/?view=developer`).
  function show(view, how) {
    how = how || {};
    if (view !== current && !how.keepNote) dismissNote();
    current = view;
    document.documentElement.setAttribute("data-view", view.toLowerCase());
    selectTabs(view);
    if (how.store !== false) contract.remember(view);
    document.querySelectorAll(".view-switch input").forEach(function (radio) {
      radio.checked = radio.value === view;
    });
    if (!sets().length) return; // a page without views (404) has no view to name
    if (how.address !== false) {
      history.replaceState(history.state, "", addressFor(view).href);
      __idle.later("permalinks", writePermalinks);
    }
    __idle.later("print-address", writePrintAddress);
  }

  // What shows the view but is not needed for the first tap waits for idle
  // time (idle-work.js), and runs once however often the view changed by then:
  // permalinks (written at the latest when a reader points at, focuses or
  // right-clicks one) and the printed address line (at the latest on print).
  // Permalinks name the view too, so a copied ¶ opens the section as seen.
  function writePermalinks() {
    document.querySelectorAll(".md-content .headerlink").forEach(function (link) {
      link.setAttribute("href", "?view=" + current.toLowerCase() + "#" + link.getAttribute("href").split("#")[1]);
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
    var address = addressFor(current);
    var page = address.origin + address.pathname + "?view=";
    var other = VIEWS[1 - VIEWS.indexOf(current)];
    line.replaceChildren("Printed in the " + current + " view from ", printUrl(page + current.toLowerCase()),
      ". The " + other + " view: ", printUrl(page + other.toLowerCase()));
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

  // A tab the reader chose (click, key, fragment): the owner links the sets,
  // stores the choice and keeps the chosen set where it was on screen (the
  // sets above it change height), as Material's linking would.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches(".tabbed-set > input") || !input.checked) return;
    var label = labelOf(input);
    var view = viewOf(input);
    if (!label || !view || label.hasAttribute("data-md-switching") || current === null) return;
    label.setAttribute("data-md-switching", "");
    keepingPlace(input.closest(".tabbed-set"), function () { show(view); });
  }, true);
  document.addEventListener("change", function (event) {
    var label = event.target.matches(".tabbed-set > input") && labelOf(event.target);
    if (label) label.removeAttribute("data-md-switching");
  });
  // A click on the tab already shown changes nothing, so no change event:
  // Material has still put the tab's fragment in the address, and the click
  // is a choice all the same. (A click on the other tab checks it before this
  // runs; the change event above takes it.)
  document.addEventListener("click", function (event) {
    var input = event.target;
    if (selecting || current === null || !input.matches || !input.matches(".tabbed-set > input")) return;
    if (input.checked && viewOf(input) === current) show(current);
  }, true);

  // The header switch: two radios named for assistive technology. Built
  // here, so that without JavaScript there is no switch that cannot work.
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
      // A click, not a change: choosing the view already shown is a choice too.
      // The reader stays in the section they were reading.
      radio.addEventListener("click", function () {
        if (radio.checked) keepingPlace(headingInView(), function () { show(view); });
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
    if (!terms.length || !article || current === null) return;
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
    var other = VIEWS[1 - VIEWS.indexOf(current)];
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
    var first = sets()[0];
    var checked = first && first.querySelector(":scope > input:checked");
    // view-choice.js has read the URL and the stored choice; the default is not a choice.
    var chosen = contract.chosen;
    var tab = contract.ofFragment(location.hash);
    // A view the address names (`?view=`, a tab fragment) was picked on
    // purpose, by a link or the reader: a search highlight does not overrule it.
    var named = contract.fromUrl();
    show(chosen || (checked && viewOf(checked)) || VIEWS[0], { store: false, address: !!chosen });
    // An incoming tab fragment now names its heading: open on the heading.
    var heading = tab && location.hash === "#" + tab.heading && document.getElementById(tab.heading);
    if (heading) heading.scrollIntoView();
    revealFragment();
    if (!named) revealSearchHit();
  });
  window.addEventListener("hashchange", revealFragment);
})();
