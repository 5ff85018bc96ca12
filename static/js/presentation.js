/* The showcase's presentation view: one work per slide, moved by keyboard or buttons without reloading
 * the page (so full screen stays on), the slide said in the live region. Without this script, the
 * previous and next links open ?slide=N. */
(function () {
  "use strict";

  var box = document.getElementById("presentation");
  if (!box) {
    return;
  }
  var count = parseInt(box.getAttribute("data-count"), 10);
  var current = parseInt(box.getAttribute("data-current"), 10);
  var statusText = box.getAttribute("data-status-text");
  var status = document.getElementById("slide-status");
  var previous = document.getElementById("slide-previous");
  var next = document.getElementById("slide-next");
  var fullscreen = document.getElementById("slide-fullscreen");
  document.getElementById("presentation-keys").hidden = false;

  function address(number) {
    var url = new URL(window.location.href);
    url.searchParams.set("slide", String(number));
    return url.pathname + url.search;
  }

  function go(number) {
    number = Math.min(Math.max(number, 1), count);
    if (number === current) {
      return;
    }
    document.getElementById("slide-" + current).hidden = true;
    document.getElementById("slide-" + number).hidden = false;
    current = number;
    status.textContent = statusText.replace("{number}", String(number));
    previous.hidden = number === 1;
    next.hidden = number === count;
    previous.href = address(number - 1);
    next.href = address(number + 1);
    window.history.replaceState(null, "", address(number));
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (box.requestFullscreen) {
      box.requestFullscreen();
    }
  }

  previous.addEventListener("click", function (event) { event.preventDefault(); go(current - 1); });
  next.addEventListener("click", function (event) { event.preventDefault(); go(current + 1); });
  if (document.fullscreenEnabled) {
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", toggleFullscreen);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var keys = {
      ArrowRight: function () { go(current + 1); }, PageDown: function () { go(current + 1); },
      ArrowLeft: function () { go(current - 1); }, PageUp: function () { go(current - 1); },
      Home: function () { go(1); }, End: function () { go(count); },
      Escape: function () { if (!document.fullscreenElement) { window.location.href = box.getAttribute("data-gallery-url"); } },
      f: toggleFullscreen, F: toggleFullscreen
    };
    var action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}());
