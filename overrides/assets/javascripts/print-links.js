/*
 * Gives every link in a page's text its full address for print
 * (print.css shows it after the link): on paper, "the glossary" is of no use
 * without https://.../glossary/. The pages link to each other by relative
 * paths, which only a script can turn into full addresses. Links within the
 * page and links whose text already is the address get none (empty value).
 *
 * A link to another page of this site prints with the reader's view
 * (`.../comparison/?view=engineer`), as the printed address line does, so a
 * reader who types it from the paper opens what the paper shows. The view is
 * the one view-state.js writes on <html data-view>; when it changes, the
 * addresses follow. A link that names a view already (`?view=` or a tab
 * fragment such as `#success-metric-engineer`) keeps its own.
 */
(function () {
  function sitePage(url) {
    var root = typeof __md_scope !== "undefined" ? __md_scope : new URL("/", location.href);
    return url.origin === root.origin && url.pathname.indexOf(root.pathname) === 0 &&
      /(\/|\.html)$/.test(url.pathname) && !/\/404\.html$/.test(url.pathname);
  }

  function write() {
    var view = document.documentElement.getAttribute("data-view");
    document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
      if (link.closest(".headerlink, .tabbed-labels, .md-code__nav") || link.matches(".headerlink, .footnote-backref")) return;
      var url = new URL(link.href, location.href);
      var samePage = url.origin + url.pathname === location.origin + location.pathname && url.hash;
      var shown = link.textContent.trim();
      if (samePage || shown === url.href || shown === link.getAttribute("href")) {
        link.setAttribute("data-print-href", "");
        return;
      }
      var named = url.searchParams.has("view") || /-(developer|engineer)$/.test(url.hash);
      if (view && sitePage(url) && !named) url.searchParams.set("view", view);
      link.setAttribute("data-print-href", url.href);
    });
  }

  document$.subscribe(write);
  new MutationObserver(write).observe(document.documentElement, { attributes: true, attributeFilter: ["data-view"] });
})();
