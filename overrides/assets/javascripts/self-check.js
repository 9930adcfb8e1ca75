/*{#
 * The self-check (docs/self-check.md): adds up the reader's answers into a
 * place on a line from the developer end, 0, to the engineer end (the sum of
 * every statement's last ending), shows the reading whose range holds that
 * place and marks it on the spectrum.
 *
 * Why own code: no Material feature places a form's answers. The page holds
 * everything a writer edits: each radio's value is its place on the line
 * (0 at the developer end), whatever its place in the list, since the
 * statements alternate which end they list first; each reading's data-upto
 * is the highest place it covers. Nothing leaves the
 * page: the form's method is "dialog", so even a submit this script missed
 * makes no request, and nothing is stored. Without JavaScript the page tells
 * the reader how to do it by hand.
 *
 * Values edited in the browser are harmless: an answer whose value is not a
 * whole number within its statement's range counts as unanswered, and a
 * fieldset with no radios is not a statement.
 #}*/
(function () {
  // Material's anchor tracking (navigation.tracking) measures the headings of
  // the table of contents once, when its bundle mounts after this file runs,
  // and puts a hidden heading at the top of the page: the address would then
  // name a reading the reader cannot see. So the readings' entries lose the
  // class the tracking looks for (and are hidden) before that mount; each gets
  // it back when its reading is shown. They keep their address: a link with
  // none is a link to nowhere, which search engines flag (Lighthouse,
  // crawlable-anchors). Without JavaScript every reading shows and its entry
  // works as usual.
  document.querySelectorAll(".self-check-result h3[id]").forEach(function (heading) {
    document.querySelectorAll('.md-nav a[href="#' + heading.id + '"]').forEach(function (link) {
      link.setAttribute("data-self-check-target", link.getAttribute("href"));
      link.classList.remove("md-nav__link");
      link.parentNode.hidden = true;
    });
  });
})();

document$.subscribe(function () {
  var form = document.querySelector("form.self-check");
  if (!form) return;
  var SVG = "http://www.w3.org/2000/svg";
  var WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
  var article = form.closest("article");
  var readings = [].slice.call(article.querySelectorAll(".self-check-result"));
  var status = form.querySelector(".self-check-status");
  var scaling = article.querySelector(".self-check-scaling");

  function show(selector, visible) {
    article.querySelectorAll(selector).forEach(function (el) { el.hidden = !visible; });
  }
  // A reading and its entry in the table of contents are shown together.
  function showReading(reading, visible) {
    reading.hidden = !visible;
    var heading = reading.querySelector("h3");
    if (!heading) return;
    document.querySelectorAll('.md-nav a[data-self-check-target="#' + heading.id + '"]').forEach(function (link) {
      link.classList.toggle("md-nav__link", visible);
      link.parentNode.hidden = !visible;
    });
  }
  function hideResult() {
    readings.forEach(function (r) { showReading(r, false); });
    show(".self-check-score, .self-check-scaling", false);
    if (marker.parentNode) marker.remove();
  }

  // The marker: a ring on the spectrum's line (x from 40 to 440 in its viewBox).
  var spectrum = article.querySelector("svg.spectrum");
  var marker = document.createElementNS(SVG, "g");
  marker.setAttribute("class", "self-check-marker");
  marker.innerHTML = '<circle r="15" cy="130"/><text y="104" text-anchor="middle">You</text>';

  hideResult();
  show(".self-check-by-hand", false);
  show(".self-check-submit, .self-check-prompt", true);

  // Where an unanswered statement is named: inside that statement, beside
  // the radio that gets focus, so the reader sees why focus moved.
  var missing = document.createElement("p");
  missing.className = "self-check-missing";
  missing.id = "self-check-missing";

  // A statement's answer: its place (0 to the count of its scored endings,
  // less one), "left out", or null when there is no usable answer.
  function answerOf(set) {
    var checked = set.querySelector("input:checked");
    if (!checked) return null;
    if (checked.hasAttribute("data-unscored")) return "left out";
    var top = set.querySelectorAll("input:not([data-unscored])").length - 1;
    var value = checked.value.trim();
    return /^\d+$/.test(value) && +value <= top ? { place: +value, top: top } : null;
  }

  // "7", "3 and 7", "2, 3 and 7"
  function list(numbers) {
    return numbers.length < 2 ? String(numbers[0]) : numbers.slice(0, -1).join(", ") + " and " + numbers[numbers.length - 1];
  }
  function decimal(n) {
    return Number.isInteger(n) ? String(n) : n.toFixed(1);
  }

  function askFor(set) {
    var legend = set && set.querySelector("legend");
    status.textContent = "Please answer every statement first" + (legend ? ": " + legend.textContent : ".");
    if (!legend) return;
    missing.textContent = "Please answer this statement too, then press the button again.";
    legend.after(missing);
    set.querySelectorAll("input").forEach(function (i) { i.setAttribute("aria-describedby", missing.id); });
    set.querySelector("input").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var sum = 0, possible = 0, open = null, leftOut = [];
    var statements = [].filter.call(form.querySelectorAll("fieldset"), function (set) {
      return set.querySelector("input[type=radio]"); // a fieldset with no radios asks nothing
    });
    statements.forEach(function (set, index) {
      set.querySelectorAll("input").forEach(function (i) { i.removeAttribute("aria-describedby"); });
      var answer = answerOf(set);
      if (answer === null) { if (!open) open = set; return; }
      if (answer === "left out") { leftOut.push(index + 1); return; }
      sum += answer.place;
      possible += answer.top;
    });
    missing.remove();
    hideResult();
    if (open || possible === 0 || readings.length === 0) {
      askFor(open);
      return;
    }
    status.textContent = "";
    // The line ends where the last reading's range does (a test keeps that
    // equal to the sum of every last ending). A statement left out shrinks
    // the most the others can add up to, so their sum is scaled to the line.
    var full = +readings[readings.length - 1].dataset.upto;
    if (!(full > 0)) full = possible;
    var exact = (sum * full) / possible;
    var place = Math.round(exact);
    var reading = readings.find(function (r) { return place <= +r.dataset.upto; }) || readings[readings.length - 1];
    showReading(reading, true);
    article.querySelector("[data-position]").textContent = place;
    article.querySelector("[data-full]").textContent = full;
    show(".self-check-score", true);
    show(".self-check-prompt", false);
    if (leftOut.length && scaling) {
      var others = statements.length - leftOut.length;
      scaling.textContent = (leftOut.length === 1 ? "Statement " : "Statements ") + list(leftOut) +
        (leftOut.length === 1 ? " is" : " are") + " left out, so your place comes from the other " +
        (WORDS[others] || others) + " answers, stretched to the same line: they add up to " + sum +
        " of a possible " + possible + ", and " + sum + " × " + full + " ÷ " + possible + " = " + decimal(exact) +
        (Number.isInteger(exact) ? "." : ", which rounds to " + place + ".");
      scaling.hidden = false;
    }
    if (spectrum) {
      var x = String(40 + (400 * place) / full);
      marker.querySelector("circle").setAttribute("cx", x);
      marker.querySelector("text").setAttribute("x", x);
      spectrum.appendChild(marker);
    }
    var heading = reading.querySelector("h3");
    if (heading) heading.focus(); // screen readers announce the heading
  });
});
