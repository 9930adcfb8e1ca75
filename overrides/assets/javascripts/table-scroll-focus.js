/*
 * A table wider than the screen scrolls sideways inside Material's frame
 * (.md-typeset__scrollwrap). A frame with nothing focusable inside cannot be
 * scrolled from the keyboard (WCAG 2.1.1; axe `scrollable-region-focusable`).
 * Make each frame that actually overflows a named, focusable region, and
 * drop that again when the window grows wide enough to show the whole table.
 */
document$.subscribe(function () {
  var frames = document.querySelectorAll(".md-typeset__scrollwrap");
  function heading(frame) {
    var found = "";
    document.querySelectorAll("article h2, article h3").forEach(function (h) {
      if (h.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = h.textContent.replace(/¶$/, "").trim();
      }
    });
    return found;
  }
  function update() {
    frames.forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1) {
        frame.tabIndex = 0;
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", "Table: " + heading(frame) + " (scrolls sideways)");
      } else {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }
  update();
  window.addEventListener("resize", update);
});
