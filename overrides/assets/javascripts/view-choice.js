/*{#
 * The view contract in the browser (window.__view), and the view put on the
 * page before the first tab set is drawn.
 *
 * Why this exists: the reader's view (Developer or Engineer) is one piece of
 * state, `<html data-view="engineer">`, and the site's CSS shows each tab
 * set's panel from it (view-tabs.css), so the first painted frame and the
 * printed page are right with no script per tab. Material's own tab linking
 * (`content.tabs.link`) is off: it has no `?view=` parameter, and a fresh load
 * of a tab's fragment switches only that set (mkdocs-material #8364).
 *
 * It is inlined in <head> (mkdocs.yml, extra: inline_head_js), after Material's
 * `__md_get`/`__md_set` and before the page's body is parsed. It defines, once,
 * the views, how a URL names one, the URL rule, the other view and the stored
 * choice, as `window.__view` (the way Material's head defines `__md_get`);
 * view-state.js, the view's one owner, uses it once the page is parsed.
 * scripts/view_contract.py is the same rule in Python, and
 * tests/test_view_contract.py runs this file in Node to keep the two equal.
 #}*/
(function () {
  var VIEWS = ["Developer", "Engineer"];
  /*{# The one stored key: the view's label as JSON ("Engineer"), under the
     site's path like Material's own keys (`/.__view`). #}*/
  var KEY = "__view";
  /*{# Where Material's tab linking kept a choice (a list of labels, most recent
     first). An earlier reader's choice there is carried over once, then the
     key is removed: two lines, and nobody loses a choice to the upgrade. #}*/
  var OLD_KEY = "__tabs";

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
  valid(KEY, function (view) { return VIEWS.indexOf(view) >= 0; });

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

  /*{# The other view: "Engineer" for "Developer". #}*/
  function other(view) {
    return VIEWS[1 - VIEWS.indexOf(view)];
  }

  /*{# The URL rule: the page's address with `?view=<view>` (other parameters
     kept) and its fragment, a tab fragment (`#success-metric-engineer`)
     turned into its section's heading (`#success-metric`) when `has(id)` says
     the page has that heading. Copied, it opens the same view at the same
     heading for anyone. #}*/
  function addressFor(href, view, has) {
    var url = new URL(href);
    url.searchParams.set("view", view.toLowerCase());
    var tab = ofFragment(url.hash);
    if (tab && (!has || has(tab.heading))) url.hash = "#" + tab.heading;
    return url.href;
  }

  /*{# A heading's permalink: the heading in the view it was copied in. #}*/
  function permalink(view, id) {
    return "?view=" + view.toLowerCase() + "#" + id;
  }

  /*{# The stored choice, or null. #}*/
  function storedView() {
    return named(__md_get(KEY)) || null;
  }
  function remember(view) {
    __md_set(KEY, view);
  }
  if (raw(OLD_KEY) !== null) {
    var old = valid(OLD_KEY, isLabels) || [];
    var view = old.filter(function (l) { return VIEWS.indexOf(l) >= 0; })[0];
    if (view && !storedView()) remember(view);
    drop(OLD_KEY);
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
    other: other,
    addressFor: addressFor,
    permalink: permalink,
    storedView: storedView,
    remember: remember,
    chosen: chosen
  };

  /*{# The state, on the root element before the body is parsed: every tab
     set is drawn in this view from its first frame (view-tabs.css). Without
     JavaScript there is no attribute, and each set switches on its own. #}*/
  document.documentElement.setAttribute("data-view", (chosen || VIEWS[0]).toLowerCase());
})();
