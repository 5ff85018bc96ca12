/* Small enhancements of the public pages; every page works without them.
 * - Glossary links show their definition in a popover on tap, click or keyboard focus,
 *   instead of a title tooltip that touch and keyboard users never see. A second tap on the
 *   word, or the link inside the popover, opens the glossary entry.
 * - Print buttons print the page.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var glossaryLabel = (script && script.getAttribute("data-glossary-label")) || "Open in the glossary";
  var openLink = null;
  var pointerDown = false;
  var counter = 0;

  function popoverOf(link) {
    var id = link.getAttribute("data-popover");
    if (id) {
      return document.getElementById(id);
    }
    var definition = link.getAttribute("title");
    if (!definition) {
      return null;
    }
    counter += 1;
    id = "term-popover-" + counter;
    var box = document.createElement("span");
    box.className = "term-popover";
    box.id = id;
    box.hidden = true;
    var text = document.createElement("span");
    text.className = "term-definition";
    text.textContent = definition;
    var more = document.createElement("a");
    more.href = link.getAttribute("href");
    more.className = "term-more";
    more.textContent = glossaryLabel;
    box.appendChild(text);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(more);
    link.insertAdjacentElement("afterend", box);
    link.removeAttribute("title");
    link.setAttribute("data-popover", id);
    link.setAttribute("aria-describedby", id + "-text");
    text.id = id + "-text";
    link.setAttribute("aria-expanded", "false");
    return box;
  }

  function place(link, box) {
    var parent = box.offsetParent || document.body;
    var width = Math.min(box.offsetWidth, parent.clientWidth);
    var left = Math.max(0, Math.min(link.offsetLeft, parent.clientWidth - width));
    box.style.left = left + "px";
    box.style.top = (link.offsetTop + link.offsetHeight + 4) + "px";
  }

  function show(link) {
    if (openLink === link) {
      return;
    }
    hide();
    var box = popoverOf(link);
    if (!box) {
      return;
    }
    box.hidden = false;
    place(link, box);
    link.setAttribute("aria-expanded", "true");
    openLink = link;
  }

  function hide() {
    if (!openLink) {
      return;
    }
    var box = popoverOf(openLink);
    if (box) {
      box.hidden = true;
    }
    openLink.setAttribute("aria-expanded", "false");
    openLink = null;
  }

  function termLink(target) {
    return target && target.closest ? target.closest("a.term") : null;
  }

  document.addEventListener("pointerdown", function (event) {
    pointerDown = true;
    if (openLink && !event.target.closest(".term-popover") && termLink(event.target) !== openLink) {
      hide();
    }
  });

  document.addEventListener("click", function (event) {
    pointerDown = false;
    var link = termLink(event.target);
    if (!link || openLink === link) {
      return; /* the second tap follows the link */
    }
    if (popoverOf(link)) {
      event.preventDefault();
      show(link);
    }
  });

  document.addEventListener("focusin", function (event) {
    var link = termLink(event.target);
    if (link && !pointerDown) {
      show(link);
    } else if (!link && !event.target.closest(".term-popover")) {
      hide();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && openLink) {
      var link = openLink;
      hide();
      link.focus();
    }
  });

  window.addEventListener("resize", function () {
    if (openLink) {
      place(openLink, popoverOf(openLink));
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
}());
