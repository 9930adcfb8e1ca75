/*{#
 * A first visit paints in the colour scheme the reader's system asks for.
 *
 * Why this exists: with no scheme stored, Material picks the palette whose
 * `media` matches (slate for a system that prefers dark) when its bundle
 * starts, and stores it. Stock Material's bundle blocks the parser at the end
 * of <body>, so that pick comes before the first paint. Here the bundle is
 * deferred (overrides/page.html, block scripts), and a first visit painted
 * in the first palette until the bundle ran: on a slow phone, a light page
 * for a second or more before it turned dark, and on Zensical every link's
 * colour then faded across.
 *
 * So this makes Material's pick (the first palette toggle whose media
 * matches, its scheme and colours on <body>) as soon as the header's toggles
 * are parsed. A MutationObserver's callback runs at the end of each parsing
 * task, before the browser can paint what that task parsed. Material's bundle
 * then makes the same pick, so nothing changes colour, and stores it as on
 * stock. A stored choice is applied by Material's own inline script; this
 * does nothing then. Inlined in <head> (mkdocs.yml, extra: inline_head_js).
 #}*/
(function () {
  if (!window.MutationObserver || __md_get("__palette")) return;
  var observer = new MutationObserver(pick);
  function pick() {
    var toggles = document.querySelectorAll("[data-md-component=palette] input[data-md-color-media]");
    for (var i = 0; i < toggles.length; i++) {
      if (!matchMedia(toggles[i].getAttribute("data-md-color-media")).matches) continue;
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        var value = toggles[i].getAttribute("data-md-color-" + key);
        if (value !== null) document.body.setAttribute("data-md-color-" + key, value);
      });
      observer.disconnect();
      return;
    }
  }
  observer.observe(document, { childList: true, subtree: true });
  /*{# No toggle matched (or none exists): the first palette stays, as Material's pick would keep it. #}*/
  document.addEventListener("DOMContentLoaded", function () { observer.disconnect(); });
})();
