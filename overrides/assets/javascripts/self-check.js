/*{#
 * The self-check (docs/self-check.md): adds up the reader's answers, shows the
 * reading whose range holds the total and marks the place on the spectrum.
 *
 * Why own code: no Material feature scores a form. The page holds everything a
 * writer edits: each radio's value is its points, each reading's data-upto the
 * highest total it covers. Nothing leaves the page: the form's method is
 * "dialog", so even a submit this script missed makes no request, and nothing
 * is stored. Without JavaScript the page tells the reader how to score by hand.
 #}*/
document$.subscribe(function () {
  var form = document.querySelector("form.self-check");
  if (!form) return;
  var SVG = "http://www.w3.org/2000/svg";
  var article = form.closest("article");
  var readings = article.querySelectorAll(".self-check-result");
  var status = form.querySelector(".self-check-status");

  function show(selector, visible) {
    article.querySelectorAll(selector).forEach(function (el) { el.hidden = !visible; });
  }
  // A reading and its entry in the table of contents are shown together.
  function showReading(reading, visible) {
    reading.hidden = !visible;
    document.querySelectorAll('.md-nav a[href="#' + reading.querySelector("h3").id + '"]')
      .forEach(function (link) { link.parentNode.hidden = !visible; });
  }
  readings.forEach(function (r) { showReading(r, false); });
  show(".self-check-by-hand, .self-check-score", false);
  show(".self-check-submit, .self-check-prompt", true);

  // The marker: a ring on the spectrum's line (x from 40 to 440 in its viewBox).
  var spectrum = article.querySelector("svg.spectrum");
  var marker = document.createElementNS(SVG, "g");
  marker.setAttribute("class", "self-check-marker");
  marker.innerHTML = '<circle r="15" cy="130"/><text y="104" text-anchor="middle">You</text>';

  // Where an unanswered statement is named: inside that statement, beside
  // the radio that gets focus, so the reader sees why focus moved.
  var missing = document.createElement("p");
  missing.className = "self-check-missing";
  missing.id = "self-check-missing";

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var total = 0, max = 0, open = null;
    form.querySelectorAll("fieldset").forEach(function (set) {
      var checked = set.querySelector("input:checked");
      var scored = set.querySelectorAll("input:not([data-unscored])");
      set.querySelectorAll("input").forEach(function (i) { i.removeAttribute("aria-describedby"); });
      if (!checked) { if (!open) open = set; return; }
      if (checked.hasAttribute("data-unscored")) return; // left out of the score
      total += +checked.value;
      max += Math.max.apply(null, [].map.call(scored, function (i) { return +i.value; }));
    });
    if (open) {
      missing.textContent = "Please answer this statement too, then press the button again.";
      open.querySelector("legend").after(missing);
      open.querySelectorAll("input").forEach(function (i) { i.setAttribute("aria-describedby", missing.id); });
      status.textContent = "Please answer every statement first: " + open.querySelector("legend").textContent;
      open.querySelector("input").focus();
      return;
    }
    missing.remove();
    status.textContent = "";
    // The readings' ranges are on the full scale; an answer left out of the
    // score shrinks the maximum, so the total is scaled back to it.
    var full = +article.querySelector("[data-max]").dataset.full;
    var scaled = Math.round((total * full) / max);
    var reading = [].find.call(readings, function (r) { return scaled <= +r.dataset.upto; });
    readings.forEach(function (r) { showReading(r, r === reading); });
    article.querySelector("[data-score]").textContent = total;
    article.querySelector("[data-max]").textContent = max;
    show(".self-check-score", true);
    show(".self-check-prompt", false);
    var x = String(40 + (400 * total) / max);
    marker.querySelector("circle").setAttribute("cx", x);
    marker.querySelector("text").setAttribute("x", x);
    spectrum.appendChild(marker);
    reading.querySelector("h3").focus(); // screen readers announce the heading
  });
});
