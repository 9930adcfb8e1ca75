/*{#
 * Makes the Developer/Engineer tab sets real tabs for assistive technology and
 * the keyboard (WAI-ARIA Authoring Practices, "Tabs with automatic activation").
 *
 * Why this exists: pymdownx.tabbed writes radio inputs and labels, which a
 * screen reader announces as radio buttons, not tabs (pymdown-extensions
 * #2400), and Material adds no tab roles. This file only adds roles, states
 * and keys: a key selects a tab by clicking it, as a pointer does, so the
 * view's owner (view-state.js) links the sets, stores the choice and updates
 * the address bar alike.
 * Without JavaScript the radios and labels work as before.
 *
 *   Material's link in each label -> role="tab", aria-selected, aria-controls, roving tabindex
 *   .tabbed-labels -> role="tablist", named after the heading above the set
 *   panels     -> role="tabpanel", aria-labelledby, tabindex="0"
 *   radios     -> out of the tab order and the accessibility tree (the tabs speak for them)
 *   Left/Right select the previous/next tab (wrapping), Home/End the first/last.
 #}*/
(function () {
  // The heading the set sits under (the build hook guarantees one), without its ¶ permalink.
  function headingText(set) {
    for (var el = set.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) {
        var copy = el.cloneNode(true);
        copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
        return copy.textContent.trim();
      }
    }
    return "";
  }

  function parts(set) {
    var inputs = Array.prototype.slice.call(set.querySelectorAll(":scope > input"));
    return inputs.map(function (input, i) {
      var label = set.querySelector(':scope > .tabbed-labels > label[for="' + input.id + '"]');
      return {
        input: input,
        // Material wraps each label's text in a link (`#<tab id>`) that updates
        // the URL and clicks the label. That link is what a pointer clicks, and
        // a link may be a tab where a label may not.
        tab: label && label.querySelector(":scope > a[href]"),
        panel: set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")[i]
      };
    });
  }

  // Reflect which radio is checked; called after every change, wherever it
  // came from. Writes only what differs, so a change costs a few writes.
  function sync(set) {
    parts(set).forEach(function (p) {
      var selected = String(p.input.checked);
      if (p.tab.getAttribute("aria-selected") === selected) return;
      p.tab.setAttribute("aria-selected", selected);
      p.tab.tabIndex = p.input.checked ? 0 : -1;
    });
  }

  function enhance(set) {
    if (set.hasAttribute("data-aria-tabs")) return;
    var list = set.querySelector(":scope > .tabbed-labels");
    var items = parts(set);
    if (!list || !items.length || items.some(function (p) { return !p.panel; })) return;
    // Material adds its links when it mounts the set, which may come after
    // this runs: wait for them.
    if (items.some(function (p) { return !p.tab; })) {
      var observer = new MutationObserver(function () {
        if (parts(set).every(function (p) { return p.tab; })) {
          observer.disconnect();
          enhance(set);
        }
      });
      observer.observe(list, { childList: true, subtree: true });
      return;
    }
    set.setAttribute("data-aria-tabs", "");
    list.setAttribute("role", "tablist");
    var name = headingText(set);
    if (name) list.setAttribute("aria-label", name);
    items.forEach(function (p) {
      p.tab.id = p.input.id + "-tab";
      p.panel.id = p.input.id + "-panel";
      p.tab.setAttribute("role", "tab");
      p.tab.setAttribute("aria-controls", p.panel.id);
      p.panel.setAttribute("role", "tabpanel");
      p.panel.setAttribute("aria-labelledby", p.tab.id);
      p.panel.tabIndex = 0;
      p.input.tabIndex = -1;
      p.input.setAttribute("aria-hidden", "true");
    });
    sync(set);

    list.addEventListener("keydown", function (event) {
      var tabs = items.map(function (p) { return p.tab; });
      var now = tabs.indexOf(event.target);
      if (now < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      var next = {
        ArrowLeft: (now - 1 + tabs.length) % tabs.length,
        ArrowRight: (now + 1) % tabs.length,
        Home: 0,
        End: tabs.length - 1,
        Enter: now,
        " ": now
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      // The same element a pointer clicks, so view-state.js links, stores and updates the URL.
      tabs[next].click();
      tabs[next].focus();
    });
  }

  document.addEventListener("change", function (event) {
    var set = event.target.closest && event.target.closest(".tabbed-set[data-aria-tabs]");
    if (set) sync(set);
  });

  // Roles and keys are written in idle time (idle-work.js), not in the task
  // that starts the page: a page with seven sets would take some two hundred
  // writes there. One set a task: all six sets of a page in one task took up
  // to 150 ms at 4x slowdown, a long task after the page had gone quiet
  // (BENCHMARKS.md, 2026-12-05). A reader who reaches a set before then (a
  // pointer over it, the keyboard's focus) has them all written at once.
  function enhanceFrom(sets, index) {
    return function () {
      if (index < sets.length) enhance(sets[index]);
      return index + 1 < sets.length ? enhanceFrom(sets, index + 1) : null;
    };
  }
  function enhanceAll() {
    return enhanceFrom(document.querySelectorAll(".tabbed-set"), 0)();
  }
  ["pointerover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest(".tabbed-set")) __idle.flush("tabs-aria");
    }, true);
  });
  document$.subscribe(function () {
    __idle.later("tabs-aria", enhanceAll);
  });
})();
