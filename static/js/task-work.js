/* A practical task's draft saves itself as the student works, and survives a lost connection.
 *
 * Every change is kept at once in this browser (localStorage) and sent to the server a moment
 * later. Without a connection the copy stays on the phone and is sent when the phone is back
 * online, or when the page is opened again. The server numbers each saved draft; a copy made
 * from an older draft than the server's is not sent over it.
 */
(function () {
  "use strict";
  var form = document.getElementById("task-work");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var key = form.getAttribute("data-storage-key");
  var status = form.querySelector(".save-status");
  var revision = form.querySelector("input[name=revision]");
  var timer = null;
  var sending = false;
  var pending = false;

  function say(name) {
    status.textContent = form.getAttribute("data-" + name + "-text");
    status.setAttribute("data-state", name);
  }

  function fields() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "file" || el.type === "hidden" || el.type === "submit") {
        return;
      }
      if (el.type === "checkbox") {
        if (el.checked) {
          (data[el.name] = data[el.name] || []).push(el.value);
        }
      } else {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify({revision: revision.value, fields: fields()}));
    } catch (e) { /* private mode or full: the server copy still works */ }
  }

  function kept() {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch (e) {
      return null;
    }
  }

  function restore(copy) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "file" || el.type === "hidden" || el.type === "submit") {
        return;
      }
      var value = copy.fields[el.name];
      if (el.type === "checkbox") {
        el.checked = Array.isArray(value) && value.indexOf(el.value) !== -1;
      } else if (typeof value === "string") {
        el.value = value;
      }
    });
  }

  function send() {
    if (sending) {
      pending = true;
      return;
    }
    sending = true;
    say("saving");
    var body = new FormData();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "file" || el.type === "submit" || el.name === "submission_key") {
        return;
      }
      if (el.type === "checkbox" && !el.checked) {
        return;
      }
      body.append(el.name, el.value);
    });
    fetch(form.getAttribute("data-draft-url"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "application/json"}
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) {
          revision.value = answer.revision;
          keep();
          say("saved");
        } else if (response.status === 409) {
          say("conflict");
        } else {
          status.textContent = answer.error || "";
        }
      });
    }).catch(function () {
      say("offline");
    }).then(function () {
      sending = false;
      if (pending) {
        pending = false;
        send();
      }
    });
  }

  function changed() {
    keep();
    clearTimeout(timer);
    timer = setTimeout(send, 1200);
  }

  var copy = kept();
  if (copy && String(copy.revision) === String(revision.value) &&
      JSON.stringify(copy.fields) !== JSON.stringify(fields())) {
    restore(copy);  // typed here while offline, never reached the server
    send();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", function (event) {
    if (event.target.type !== "file") {
      changed();
    }
  });
  window.addEventListener("online", function () {
    if (status.getAttribute("data-state") === "offline") {
      send();
    }
  });
  setInterval(function () {
    if (status.getAttribute("data-state") === "offline") {
      send();
    }
  }, 15000);
  var saveButton = form.querySelector("[data-save-button]");
  if (saveButton) {
    saveButton.addEventListener("click", function (event) {
      event.preventDefault();
      keep();
      send();
    });
  }
}());
