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
 *
 * Only paper reads these addresses, so they are written when the page is
 * printed (idle-work.js, `forPrint`), once however often the view changed
 * before then: on screen they would cost script time on every visit and be
 * read by nobody.
 */
(function () {
  function sitePage(url) {
    var root = typeof __md_scope !== "undefined" ? __md_scope : new URL("/", location.href);
    return url.origin === root.origin && url.pathname.indexOf(root.pathname) === 0 &&
      /(\/|\.html)$/.test(url.pathname) && !/\/404\.html$/.test(url.pathname);
  }

  // A handout (a page with .handout-intro) is read from paper by someone who
  // types what it says: each link to a page of the site also gets its short
  // address, the part after the site's own (handout.css prints it).
  function writeShort(link, url) {
    var root = typeof __md_scope !== "undefined" ? __md_scope : new URL("/", location.href);
    if (document.querySelector(".handout-intro") && sitePage(url)) {
      link.setAttribute("data-print-short", url.href.slice(root.href.length).replace(/index\.html$/, "") || "./");
    }
  }

  // One link's printed address: empty for a link within the page or one
  // whose text already is its address.
  function write(link, view) {
    if (link.closest(".headerlink, .tabbed-labels, .md-code__nav") || link.matches(".headerlink, .footnote-backref")) return;
    var url = new URL(link.href, location.href);
    var samePage = url.origin + url.pathname === location.origin + location.pathname && url.hash;
    var shown = link.textContent.trim();
    if (samePage || shown === url.href || shown === link.getAttribute("href")) {
      link.setAttribute("data-print-href", "");
      return;
    }
    // The tab-fragment rule is view-choice.js's (window.__view), defined once.
    var contract = window.__view;
    var named = url.searchParams.has("view") || !!(contract && contract.ofFragment(url.hash));
    if (view && sitePage(url) && !named) url.searchParams.set("view", view);
    link.setAttribute("data-print-href", url.href);
    writeShort(link, url);
  }

  var written; // the view the addresses were last written with

  // Every link of the page, a hundred at a time (the glossary has over four hundred).
  function writeFrom(links, start) {
    var view = written = document.documentElement.getAttribute("data-view");
    var end = Math.min(start + 100, links.length);
    for (var i = start; i < end; i++) write(links[i], view);
    return end < links.length ? function () { return writeFrom(links, end); } : null;
  }

  function writeAll() {
    return writeFrom(document.querySelectorAll(".md-content article a[href]"), 0);
  }

  function queue() { __idle.forPrint("print-links", writeAll); }
  document$.subscribe(queue);
  new MutationObserver(queue).observe(document.documentElement, { attributes: true, attributeFilter: ["data-view"] });
  // Printed just after a reader's click, the view reaches the root only as
  // printing starts (view-state.js's follow, which printing runs first), and
  // the observer would tell us after the printout: queue the addresses again
  // then, if they carry another view.
  __idle.beforePrint(function () {
    if (document.documentElement.getAttribute("data-view") !== written) queue();
  });
})();
