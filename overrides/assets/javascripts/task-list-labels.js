/*
 * pymdownx.tasklist puts each checkbox in a <label> of its own and leaves the
 * item's text outside it, so the checkbox has no name: a screen reader says
 * "checkbox, not checked" and nothing more (axe `label`). Move the item's
 * text into that label: the checkbox is named by its own item, and a click on
 * the text ticks the box, as it would in any form. Nothing is stored.
 */
document$.subscribe(function () {
  document.querySelectorAll(".task-list-item > .task-list-control").forEach(function (label) {
    while (label.nextSibling && !/^(UL|OL)$/.test(label.nextSibling.nodeName)) {
      label.appendChild(label.nextSibling);
    }
  });
});
