/*{#
 * A table wider than the screen scrolls sideways inside Material's frame
 * (.md-typeset__scrollwrap). A frame with nothing focusable inside cannot be
 * scrolled from the keyboard (WCAG 2.1.1; axe `scrollable-region-focusable`).
 * Make each frame that actually overflows a named, focusable region, and
 * drop that again when the window grows wide enough to show the whole table.
 *
 * Not needed for the first tap: done in idle time (idle-work.js), and again
 * after a resize. Every frame's width is read first and then every frame
 * written, so the page is laid out once, not once a frame.
 #}*/
document$.subscribe(function () {
  var frames = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
  if (!frames.length) return;

  // The heading a frame sits under: the last h2 or h3 before it.
  function heading(frame) {
    var found = "";
    var headings = document.querySelectorAll("article h2, article h3");
    for (var i = 0; i < headings.length; i++) {
      if (!(headings[i].compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      found = headings[i].textContent.replace(/¶$/, "").trim();
    }
    return found;
  }

  function update() {
    var overflowing = frames.map(function (frame) { return frame.scrollWidth > frame.clientWidth + 1; });
    frames.forEach(function (frame, i) {
      if (overflowing[i]) {
        if (frame.getAttribute("role") === "region") return;
        frame.tabIndex = 0;
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", "Table: " + heading(frame) + " (scrolls sideways)");
      } else if (frame.hasAttribute("role")) {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }

  __idle.later("table-scroll-focus", update);
  window.addEventListener("resize", function () { __idle.later("table-scroll-focus", update); });
});
