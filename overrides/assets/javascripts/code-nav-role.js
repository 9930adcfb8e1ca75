/*{#
 * Material 9.8 wraps each code block's copy button in an unnamed <nav>, so a
 * page with two code blocks has two identical navigation landmarks (axe
 * `landmark-unique`), and a screen reader's landmark list fills with "navigation"
 * entries that lead to a single button. They are not navigation: drop the
 * landmark role and keep the button as it is. In idle time (idle-work.js):
 * nothing on screen changes.
 #}*/
document$.subscribe(function () {
  __idle.later("code-nav-role", function () {
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  });
});
