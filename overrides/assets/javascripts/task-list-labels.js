/*{#
 * pymdownx.tasklist puts each checkbox in a <label> of its own and leaves the
 * item's text outside it, so the checkbox has no name: a screen reader says
 * "checkbox, not checked" and nothing more (axe `label`). Move the item's
 * text into that label: the checkbox is named by its own item, and a click on
 * the text ticks the box, as it would in any form. Nothing is stored.
 * The page looks the same before and after, so it waits for idle time
 * (idle-work.js).
 #}*/
document$.subscribe(function () {
  var labels = document.querySelectorAll(".task-list-item > .task-list-control");
  if (!labels.length) return;
  __idle.later("task-list-labels", function () {
    labels.forEach(function (label) {
      while (label.nextSibling && !/^(UL|OL)$/.test(label.nextSibling.nodeName)) {
        label.appendChild(label.nextSibling);
      }
    });
  });
});
