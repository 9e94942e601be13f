// Autosave for a form step: sends the step's values a few seconds after typing stops, when
// the page is hidden or left, and just before the idle timeout signs the user out. The page
// works without this script: its buttons save everything.
(function () {
  "use strict";

  var form = document.querySelector("form[data-ehc-autosave]");
  if (!form) return;
  var url = form.getAttribute("data-ehc-autosave");
  var status = form.querySelector("[data-ehc-autosave-status]");
  var versionInput = form.querySelector("input[name=version]");
  var DELAY = 3000;
  var timer = null;
  var dirty = false;
  var stopped = false;
  var inFlight = false;
  var pending = null;

  function say(text) {
    if (status) status.textContent = text;
  }

  function send(leaving) {
    if (inFlight) return pending;
    if (!dirty || stopped) return null;
    clearTimeout(timer);
    dirty = false;
    inFlight = !leaving;
    var body = new FormData(form);
    // Files upload only when the step is saved with a button; autosave sends the answers.
    form.querySelectorAll("input[type=file]").forEach(function (input) { body.delete(input.name); });
    // keepalive lets the request finish after the page has gone.
    pending = fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: !!leaving, redirect: "error" })
      .then(function (response) {
        return response.json().then(function (data) { return { response: response, data: data }; });
      })
      .then(function (result) {
        inFlight = false;
        if (result.response.status === 409) {
          // Another window saved this step: stop, and let the person decide after a reload.
          stopped = true;
          say(result.data.message);
          return;
        }
        if (!result.response.ok) throw new Error("not saved");
        versionInput.value = result.data.version;
        say("Saved at " + result.data.saved_at);
        if (dirty) schedule();
      })
      .catch(function () {
        inFlight = false;
        dirty = true;
        if (!leaving) say("Your latest changes are not saved yet. Use the buttons below to save them.");
      });
    return pending;
  }

  function schedule() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(function () { send(false); }, DELAY);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  // The buttons save the same values themselves; an autosave racing them would make the
  // button's save look stale.
  form.addEventListener("submit", function () {
    stopped = true;
    clearTimeout(timer);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send(true);
  });
  window.addEventListener("pagehide", function () { send(true); });
  // The session-timeout script may pass `detail.waitUntil(promise)` to hold the sign-out
  // until this save has reached the server.
  document.addEventListener("portal:before-signout", function (event) {
    var saving = send(true);
    if (saving && event.detail && typeof event.detail.waitUntil === "function") {
      event.detail.waitUntil(saving);
    }
  });

  // Questions shown only for a given answer to another question on this step.
  var dependants = form.querySelectorAll("[data-show-if-key]");
  function currentValues(key) {
    var values = [];
    form.querySelectorAll("[name='" + key + "']").forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      // An answer to a hidden question does not count, so follow-up questions hide too.
      if (input.closest("[hidden]")) return;
      values.push(String(input.value).trim().toLowerCase());
    });
    return values;
  }
  function applyConditions() {
    // Repeat so that a chain of follow-up questions settles, one level per pass.
    for (var pass = 0; pass < dependants.length; pass++) {
      if (!applyConditionsOnce()) return;
    }
  }
  function applyConditionsOnce() {
    var changed = false;
    dependants.forEach(function (element) {
      var key = element.getAttribute("data-show-if-key");
      if (!form.querySelector("[name='" + key + "']")) return;
      var expected = element.getAttribute("data-show-if-value").trim().toLowerCase();
      var hidden = currentValues(key).indexOf(expected) === -1;
      if (element.hidden !== hidden) changed = true;
      element.hidden = hidden;
    });
    return changed;
  }
  if (dependants.length) {
    form.addEventListener("change", applyConditions);
    applyConditions();
  }
})();
