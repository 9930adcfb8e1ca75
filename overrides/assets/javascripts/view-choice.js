/*{#
 * Applies a view (Developer or Engineer) named in the URL to every tab set,
 * and keeps it for the pages that follow.
 *
 * Why this exists: Material's `content.tabs.link` links tab sets once a reader
 * clicks a tab, but it has no `?view=` parameter, and a fresh load of a tab's
 * fragment (`article/#success-metric-engineer`) switches only that one set and
 * stores nothing (mkdocs-material #8364). Onboarding docs link with both.
 *
 * It is inlined in <head> (mkdocs.yml, extra: inline_head_js), after Material's
 * `__md_get`/`__md_set` and before the page's tab sets are parsed, so Material's own inline script selects the view
 * before the first paint (nothing moves).
 #}*/
(function () {
  var VIEWS = { developer: "Developer", engineer: "Engineer" };
  var KEY = "__tabs";

  /*{# Material's inline scripts call JSON.parse on stored values and throw on
     every page if one is corrupt: drop what is not a list of labels. #}*/
  function storedLabels() {
    try {
      var labels = __md_get(KEY);
      if (labels === null) return [];
      if (Array.isArray(labels) && labels.every(function (l) { return typeof l === "string"; })) {
        return labels;
      }
    } catch (error) { /*{# not JSON #}*/ }
    try { localStorage.removeItem(__md_scope.pathname + "." + KEY); } catch (error) { /*{# no storage #}*/ }
    return [];
  }

  /*{# `?view=engineer`, or a tab fragment such as `#success-metric-engineer`.
     The build hook and tests/test_engines.py keep heading ids from ending in a view name. #}*/
  function viewFromUrl(url) {
    var param = (url.searchParams.get("view") || "").toLowerCase();
    if (VIEWS.hasOwnProperty(param)) return VIEWS[param];
    var fragment = /-(developer|engineer)$/.exec(decodeURIComponent(url.hash));
    return fragment ? VIEWS[fragment[1]] : null;
  }

  /*{# Most recent choice first, as Material stores it. #}*/
  function remember(label) {
    var labels = storedLabels().filter(function (l) { return l !== label; });
    __md_set(KEY, [label].concat(labels));
  }

  var first = viewFromUrl(new URL(location.href));
  storedLabels();
  if (first) remember(first);

  /*{# Everything after the page is parsed (every tab set, the header switch,
     the address bar, ...) is view-state.js's job. #}*/
})();
