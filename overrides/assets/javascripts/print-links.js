/*
 * Gives every link in a page's text its full address for print
 * (print.css shows it after the link): on paper, "the glossary" is of no use
 * without https://.../glossary/. The pages link to each other by relative
 * paths, which only a script can turn into full addresses. Links within the
 * page and links whose text already is the address get none (empty value).
 */
document$.subscribe(function () {
  document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
    if (link.closest(".headerlink, .tabbed-labels, .md-code__nav") || link.matches(".headerlink, .footnote-backref")) return;
    var url = new URL(link.href, location.href);
    var samePage = url.origin + url.pathname === location.origin + location.pathname && url.hash;
    var shown = link.textContent.trim();
    link.setAttribute("data-print-href", samePage || shown === url.href || shown === link.getAttribute("href") ? "" : url.href);
  });
});
