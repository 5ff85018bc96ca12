/* The "making your book" page: ask the server how the build is going every few seconds and say
 * so once, in the live region, when it changes; no page reloads, which would restart a screen
 * reader at the top of the page each time. */
(function () {
  "use strict";

  var box = document.querySelector(".build-progress");
  if (!box) {
    return;
  }
  var status = document.getElementById("build-status");
  var link = document.getElementById("build-download");
  var hint = box.querySelector(".no-script-hint");
  if (hint) {
    hint.hidden = true;
  }
  link.hidden = true;
  var delay = 3000;

  function poll() {
    fetch(box.getAttribute("data-status-url"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.state === "ready") {
          status.textContent = box.getAttribute("data-ready-text");
          link.hidden = false;
          return;
        }
        if (answer.state === "failed") {
          status.textContent = box.getAttribute("data-failed-text") + " " + (answer.message || "");
          link.hidden = false;
          return;
        }
        delay = Math.min(delay + 1000, 10000);
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        window.setTimeout(poll, 10000);
      });
  }

  window.setTimeout(poll, delay);
}());
