/*
 * The reader's view (Developer or Engineer): one piece of state, one owner.
 *
 * Why this exists: a view shows in many places (every tab set, the header
 * switch, the address bar, heading permalinks, the printed page), and each
 * used to follow it on its own, so they could disagree: an address naming
 * one view while the page showed the other. This file reads the view once
 * (URL, then Material's stored tab choice) and writes it everywhere. Every
 * way of changing it ends in `show()`: the header switch calls it, and a tab
 * click, an arrow key (tabs-aria.js clicks the tab) or a tab fragment checks
 * a tab's radio, whose change this file takes over from Material's linking.
 *
 * The store is Material's own (`__md_get("__tabs")`: labels, most recent
 * first), so Material's inline script selects the stored view before the
 * first paint. view-choice.js, in <head>, stores a view named in the URL
 * before that happens; this file runs once the page is parsed.
 *
 * The URL rule: whenever the page shows a view, the address is the page with
 * `?view=<view>` (other parameters kept) and its fragment, a tab fragment
 * turned to the view shown; replaced in place, never a new history entry.
 * Copied, it opens the same view for anyone.
 */
(function () {
  var VIEWS = ["Developer", "Engineer"];
  var KEY = "__tabs";
  var current = null;

  function labelOf(input) {
    var set = input.closest(".tabbed-set");
    return set && set.querySelector(':scope > .tabbed-labels > label[for="' + input.id + '"]');
  }

  function viewOf(input) {
    var label = labelOf(input);
    var text = label ? label.textContent.trim() : "";
    return VIEWS.indexOf(text) >= 0 ? text : null;
  }

  function sets() {
    return Array.prototype.slice.call(document.querySelectorAll(".md-content .tabbed-set"));
  }

  function stored() {
    try {
      var labels = __md_get(KEY);
      return Array.isArray(labels) ? labels : [];
    } catch (error) {
      return []; // view-choice.js drops a corrupt value before Material reads it
    }
  }

  // `?view=engineer`, or a tab fragment such as `#success-metric-engineer`
  // (the same reading as view-choice.js, which runs before the page exists).
  function viewFromUrl() {
    var url = new URL(location.href);
    var param = (url.searchParams.get("view") || "").toLowerCase();
    var match = /-(developer|engineer)$/.exec(decodeURIComponent(url.hash)) || [];
    var name = VIEWS.filter(function (v) { return v.toLowerCase() === param || v.toLowerCase() === match[1]; });
    return name[0] || null;
  }

  // The address that shows `view`: see "The URL rule" above.
  function addressFor(view) {
    var url = new URL(location.href);
    url.searchParams.set("view", view.toLowerCase());
    var tab = /^#(.+)-(developer|engineer)$/.exec(url.hash);
    if (tab && document.getElementById(tab[1] + "-" + view.toLowerCase())) {
      url.hash = "#" + tab[1] + "-" + view.toLowerCase();
    }
    return url;
  }

  // Check the view's tab in every set. Material's linking would click them
  // too; `data-md-switching` tells it this change is handled (it then only
  // moves the set's underline), and the bubbling listener below clears the
  // mark should Material not be listening.
  function selectTabs(view) {
    sets().forEach(function (set) {
      set.querySelectorAll(":scope > input").forEach(function (input) {
        if (input.checked || viewOf(input) !== view) return;
        labelOf(input).setAttribute("data-md-switching", "");
        input.click();
      });
    });
  }

  // `keep` false: the page opened in the view it shows; nothing was chosen.
  function show(view, keep) {
    current = view;
    document.documentElement.setAttribute("data-view", view.toLowerCase());
    selectTabs(view);
    if (keep !== false) __md_set(KEY, [view].concat(stored().filter(function (l) { return l !== view; })));
    document.querySelectorAll(".view-switch input").forEach(function (radio) {
      radio.checked = radio.value === view;
    });
    if (!sets().length) return; // a page without views (404) has no view to name
    var address = addressFor(view);
    history.replaceState(history.state, "", address.href);
    // Permalinks name the view too, so a copied ¶ opens the section as seen.
    document.querySelectorAll(".md-content .headerlink").forEach(function (link) {
      link.setAttribute("href", "?view=" + view.toLowerCase() + "#" + link.getAttribute("href").split("#")[1]);
    });
    var line = document.querySelector("[data-print-address]");
    if (line) {
      var page = address.origin + address.pathname + "?view=";
      var other = VIEWS[1 - VIEWS.indexOf(view)];
      line.replaceChildren("Printed in the " + view + " view from ", printUrl(page + view.toLowerCase()),
        ". The " + other + " view: ", printUrl(page + other.toLowerCase()));
    }
  }

  // An address on the printed line, in its own element so that print.css
  // can keep it whole on one line.
  function printUrl(href) {
    var span = document.createElement("span");
    span.className = "print-url";
    span.textContent = href;
    return span;
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
    var set = input.closest(".tabbed-set");
    var before = set.getBoundingClientRect().top;
    show(view);
    window.scrollBy(0, set.getBoundingClientRect().top - before);
  }, true);
  document.addEventListener("change", function (event) {
    var label = event.target.matches(".tabbed-set > input") && labelOf(event.target);
    if (label) label.removeAttribute("data-md-switching");
  });

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
      radio.addEventListener("change", function () { if (radio.checked) show(view); });
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
    try {
      return location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch (error) {
      return null;
    }
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
      show(other);
      (start || article).scrollIntoView();
    }
  }

  document$.subscribe(function () {
    mountSwitch();
    var first = sets()[0];
    var checked = first && first.querySelector(":scope > input:checked");
    var storedView = stored().filter(function (l) { return VIEWS.indexOf(l) >= 0; })[0];
    // view-choice.js has stored a view the URL names; the default is not a choice.
    show(viewFromUrl() || storedView || (checked && viewOf(checked)) || VIEWS[0], false);
    revealFragment();
    revealSearchHit();
  });
  window.addEventListener("hashchange", revealFragment);
})();
