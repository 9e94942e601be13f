// Autosave for a form step: sends the step's values a few seconds after typing stops, when
// the page is hidden or left, and just before the idle timeout signs the user out. What is
// typed is also kept in the tab's sessionStorage until a save is confirmed: the save sent as
// the page is left may reach the server after the next page has already read the step, so
// that page puts the typed values back and sends them again from the version they were
// typed on (the server treats a save that changes nothing as no conflict). The same happens
// after signing in again when the session ended while typing: the values are kept when a
// button is pressed, and forgotten only once the next page shows the button's save landed.
// The page works without this script: its buttons save everything.
function startAutosave(form) {
  const url = form.getAttribute("data-ehc-autosave");
  const status = form.querySelector("[data-ehc-autosave-status]");
  const versionInput = form.querySelector("input[name=version]");
  const DELAY = 3000;
  // After a failed save (the service unavailable, or no network), try again this much later.
  const RETRY_DELAY = 30000;
  let timer = null;
  let dirty = false;
  let stopped = false;
  let inFlight = false;
  let pending = null;
  const storageKey = "ehc-autosave:" + url;

  function say(text) {
    if (status) status.textContent = text;
  }

  function typedValues() {
    const values = [];
    new FormData(form).forEach(function (value, name) {
      // A chosen file cannot be kept; its upload is saved by the buttons.
      if (typeof value !== "string" || name === "csrfmiddlewaretoken" || name === "version") return;
      values.push([name, value]);
    });
    return values;
  }

  function remembered() {
    try {
      return JSON.parse(window.sessionStorage.getItem(storageKey) || "null");
    } catch {
      return null;
    }
  }

  function remember(submitted) {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify({
        // The last version this window saw confirmed: the unsaved values were typed on it.
        version: versionInput.value,
        values: typedValues(),
        // Sent with a button: a signed-out session sends that save to the sign-in page.
        submitted: !!submitted
      }));
    } catch {
      // Storage full or switched off: the save sent as the page is left still runs.
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing was kept.
    }
  }

  function fill(values) {
    const byName = {};
    values.forEach(function (pair) {
      (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]);
    });
    Array.prototype.forEach.call(form.elements, function (element) {
      const name = element.name;
      const kept = byName[name] || [];
      if (!name || name === "csrfmiddlewaretoken" || name === "version") return;
      if (element.type === "file" || element.type === "submit" || element.type === "button") return;
      if (element.type === "radio" || element.type === "checkbox") {
        element.checked = kept.indexOf(element.value) !== -1;
      } else if (element.type === "select-multiple") {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = kept.indexOf(option.value) !== -1;
        });
      } else if (kept.length) {
        element.value = kept.shift();
      }
    });
  }

  function send(leaving) {
    if (inFlight) return pending;
    if (!dirty || stopped) return null;
    clearTimeout(timer);
    dirty = false;
    inFlight = !leaving;
    const body = new FormData(form);
    // Files upload only when the step is saved with a button; autosave sends the answers.
    form.querySelectorAll("input[type=file]").forEach(function (input) { body.delete(input.name); });
    // keepalive lets the request finish after the page has gone.
    pending = fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      keepalive: !!leaving,
      // Only a session that has ended redirects (to sign in); it is told apart from errors.
      redirect: "manual",
      // Errors then come back as JSON with a message, even when the database is down.
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        if (response.type === "opaqueredirect") throw new Error("signed out");
        return response.json().then(function (data) { return { response: response, data: data }; });
      })
      .then(function (result) {
        inFlight = false;
        if (result.response.status === 409) {
          // Another window saved this step: stop, and let the person decide after a reload
          // (which shows the other window's answers, so the kept values are dropped).
          stopped = true;
          forget();
          say(result.data.message);
          return;
        }
        if (!result.response.ok) throw new Error("not saved");
        versionInput.value = result.data.version;
        say("Saved at " + result.data.saved_at);
        if (dirty) {
          remember();
          schedule();
        } else {
          forget();
        }
      })
      .catch(function (error) {
        inFlight = false;
        dirty = true;
        if (leaving) return;
        if (error.message === "signed out") {
          say("You have been signed out, so your latest changes are not saved yet. They are " +
            "kept in this browser tab: use a button below and sign in again to save them.");
          return;
        }
        say("Your latest changes are not saved yet and nothing saved before is lost. " +
          "We will try again, or use the buttons below to save them.");
        clearTimeout(timer);
        timer = setTimeout(function () { send(false); }, RETRY_DELAY);
      });
    return pending;
  }

  function schedule() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(function () { send(false); }, DELAY);
  }

  function typed() {
    if (stopped) return;
    remember();
    schedule();
  }

  form.addEventListener("input", typed);
  form.addEventListener("change", typed);
  // The buttons save the same values themselves; an autosave racing them would make the
  // button's save look stale.
  form.addEventListener("submit", function () {
    stopped = true;
    clearTimeout(timer);
    remember(true);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send(true);
  });
  window.addEventListener("pagehide", function () { send(true); });
  // The session-timeout script may pass `detail.waitUntil(promise)` to hold the sign-out
  // until this save has reached the server.
  document.addEventListener("portal:before-signout", function (event) {
    const saving = send(true);
    if (saving && event.detail && typeof event.detail.waitUntil === "function") {
      event.detail.waitUntil(saving);
    }
  });

  // Questions shown only for a given answer to another question on this step.
  const dependants = form.querySelectorAll("[data-show-if-key]");
  function currentValues(key) {
    const values = [];
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
    for (let pass = 0; pass < dependants.length; pass++) {
      if (!applyConditionsOnce()) return;
    }
  }
  function applyConditionsOnce() {
    let changed = false;
    dependants.forEach(function (element) {
      const key = element.getAttribute("data-show-if-key");
      if (!form.querySelector("[name='" + key + "']")) return;
      const expected = element.getAttribute("data-show-if-value").trim().toLowerCase();
      const hidden = currentValues(key).indexOf(expected) === -1;
      if (element.hidden !== hidden) changed = true;
      element.hidden = hidden;
    });
    return changed;
  }
  // Values typed on this step in this tab that no save has confirmed yet: show them again,
  // and send them from the version they were typed on.
  const kept = remembered();
  if (kept && kept.submitted && kept.version !== versionInput.value) {
    // The button's save landed (it moved the version on): nothing is left to send.
    forget();
  } else if (kept && JSON.stringify(kept.values) !== JSON.stringify(typedValues())) {
    fill(kept.values);
    versionInput.value = kept.version;
    dirty = true;
    send(false);
  } else if (kept) {
    forget();
  }

  if (dependants.length) {
    form.addEventListener("change", applyConditions);
    applyConditions();
  }
}

const stepForm = document.querySelector("form[data-ehc-autosave]");
if (stepForm) startAutosave(stepForm);
