/*{#
 * The view contract in the browser (window.__view), and what must happen
 * before the first tab set is drawn.
 *
 * Why this exists: Material's `content.tabs.link` links tab sets once a reader
 * clicks a tab, but it has no `?view=` parameter, and a fresh load of a tab's
 * fragment (`article/#success-metric-engineer`) switches only that one set and
 * stores nothing (mkdocs-material #8364). Onboarding docs link with both.
 *
 * It is inlined in <head> (mkdocs.yml, extra: inline_head_js), after Material's
 * `__md_get`/`__md_set` and before the page's body is parsed. It defines, once,
 * what the views are, how a URL names one and how the choice is stored, as
 * `window.__view` (the way Material's head defines `__md_get`); view-state.js
 * uses it once the page is parsed. scripts/view_contract.py is the same rule in
 * Python, and the tests keep the two equal.
 #}*/
(function () {
  var VIEWS = ["Developer", "Engineer"];
  var KEY = "__tabs";

  /*{# Material 9.8's `__md_get(key, storage = localStorage)` and `__md_set`
     read the default storage outside their `try`, so with site data blocked
     (the `localStorage` getter throws) every call throws, in Material's inline
     scripts and bundle as in ours; and `__md_get` throws on a stored value that
     is not JSON. Wrapped, each reads null and writes nothing instead. #}*/
  var get = window.__md_get, set = window.__md_set;
  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }
  window.__md_get = function (key, store, scope) {
    try { return get(key, store || storage(), scope); } catch (error) { return null; }
  };
  window.__md_set = function (key, value, store, scope) {
    try { set(key, value, store || storage(), scope); } catch (error) { /*{# no storage #}*/ }
  };
  function drop(key) {
    try { storage().removeItem(__md_scope.pathname + "." + key); } catch (error) { /*{# no storage #}*/ }
  }
  function raw(key) {
    try { return storage().getItem(__md_scope.pathname + "." + key); } catch (error) { return null; }
  }

  /*{# Material's inline scripts use stored values without checking their
     shape (a colour key that is no attribute name throws, an index that is no
     number breaks the scheme toggle): drop what Material would not have
     written, so the next choice overwrites it. #}*/
  function valid(key, test) {
    var text = raw(key);
    if (text === null) return null;
    var value = null;
    try { value = JSON.parse(text); } catch (error) { /*{# not JSON #}*/ }
    if (value !== null && test(value)) return value;
    drop(key);
    return null;
  }
  var COLOUR = /^[\w() :.-]*$/;
  valid("__palette", function (palette) {
    var color = palette && palette.color;
    return typeof palette === "object" && typeof palette.index === "number" && isFinite(palette.index) &&
      color && typeof color === "object" && !Array.isArray(color) &&
      Object.keys(color).every(function (name) {
        return ["media", "scheme", "primary", "accent"].indexOf(name) >= 0 &&
          typeof color[name] === "string" && COLOUR.test(color[name]);
      });
  });
  function isLabels(labels) {
    return Array.isArray(labels) && labels.every(function (l) { return typeof l === "string"; });
  }
  valid(KEY, isLabels);

  /*{# A fragment as text; one that is not valid percent-encoding (`#%`,
     `#%E0%A4%A`) is read as written instead of throwing. #}*/
  function decode(fragment) {
    try { return decodeURIComponent(fragment); } catch (error) { return fragment; }
  }

  /*{# "engineer" or "Engineer" -> "Engineer"; anything else -> null. #}*/
  function named(word) {
    var lower = String(word || "").toLowerCase();
    return VIEWS.filter(function (v) { return v.toLowerCase() === lower; })[0] || null;
  }

  /*{# A tab fragment names a view: `#success-metric-engineer`. The build hook
     and tests/test_engines.py keep heading ids from ending like one. #}*/
  var TAB = new RegExp("^(.*)-(" + VIEWS.join("|").toLowerCase() + ")$");
  function ofFragment(hash) {
    var match = TAB.exec(decode(String(hash || "").replace(/^#/, "")));
    return match ? { view: named(match[2]), heading: match[1] } : null;
  }

  /*{# `?view=engineer`, else a tab fragment, else null. #}*/
  function fromUrl(href) {
    var url = new URL(href || location.href);
    var tab = ofFragment(url.hash);
    return named(url.searchParams.get("view")) || (tab && tab.view);
  }

  /*{# Material's tab store: labels, most recent first. #}*/
  function stored() {
    var labels = __md_get(KEY);
    return isLabels(labels) ? labels : [];
  }
  function storedView() {
    return stored().filter(function (l) { return VIEWS.indexOf(l) >= 0; })[0] || null;
  }
  function remember(view) {
    __md_set(KEY, [view].concat(stored().filter(function (l) { return l !== view; })));
  }

  /*{# Addresses Material's own scripts cannot take, made harmless before its
     deferred bundle reads them:
     - a fragment that is not valid percent-encoding: Zensical's bundle calls
       decodeURIComponent on it and throws, so it is re-encoded as written;
       one holding `"` or `\` names no id of this site and breaks the
       `[id="..."]` selectors both bundles build from it, so it is dropped;
     - `?h=` (a followed search hit): Material 9.8's highlighter strips
       `* + - : ~ ^` and spaces from it, and a query left empty matches
       everywhere, inserting empty marks through innerHTML (every tab panel
       hidden); a word inside an entity its escaping writes (`quot`, `amp`,
       `lt`, `gt`, `#39`) splits that entity and prints it as text; and it
       builds one regular expression of the words, which throws past about
       30,000 characters. Such words, any longer than WORD (no word of the
       pages is) and any after the first WORDS are dropped, and with them `h`
       if none is left. #}*/
  var WORD = 64, WORDS = 32;
  function cleanAddress() {
    var url = new URL(location.href);
    var hash = url.hash.slice(1);
    if (hash) {
      var text = decode(hash);
      if (/["\\]/.test(text)) url.hash = "";
      else if (text === hash && /%/.test(hash)) url.hash = "#" + encodeURIComponent(hash);
    }
    var query = url.searchParams.get("h");
    if (query !== null) {
      var words = query.replace(/[\s*+\-:~^]+/g, " ").trim().split(" ").filter(function (word) {
        /*{# Zensical's highlighter splits words at more characters than Material's. #}*/
        return word && word.length <= WORD && !word.toLowerCase().split(/[^\w&#;]+/).some(function (piece) {
          return piece && ["&quot;", "&amp;", "&lt;", "&gt;", "&#39;"].some(function (entity) {
            return entity.indexOf(piece) >= 0;
          });
        });
      });
      words = words.slice(0, WORDS);
      if (words.length) url.searchParams.set("h", words.join(" "));
      else url.searchParams.delete("h");
    }
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }
  try { cleanAddress(); } catch (error) { /*{# an address the URL parser refuses: leave it #}*/ }

  /*{# The view this page opens in, if one was chosen: by the URL (then stored
     for the pages that follow), else by an earlier choice. null: nothing was
     chosen, and the page opens in the first view. #}*/
  var chosen = fromUrl();
  if (chosen) remember(chosen);
  else chosen = storedView();

  window.__view = {
    views: VIEWS,
    named: named,
    decode: decode,
    ofFragment: ofFragment,
    fromUrl: fromUrl,
    stored: stored,
    storedView: storedView,
    remember: remember,
    chosen: chosen
  };

  /*{# The first painted frame already shows the chosen view: Material's
     restore script sits after the article, so a slow page would draw its
     first tab sets in the first view, then swap. Each tab's radio is checked
     as the parser adds it (mutation records are delivered before the browser
     paints). Without JavaScript, every set shows its first tab as before. #}*/
  if (!chosen || !window.MutationObserver) return;
  var observer = new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.tagName !== "INPUT" || !node.parentNode || !node.parentNode.classList ||
            !node.parentNode.classList.contains("tabbed-set")) return;
        var tab = ofFragment(node.id);
        if (tab && tab.view === chosen) node.checked = true;
      });
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { observer.disconnect(); });
})();
