// Warns before the server-side idle timeout and lets the person stay signed in.
//
// The server is the clock: the page starts from the seconds it says are left, and asks
// again before warning, because an autosave or another tab may have kept the session
// alive. Before signing out (the button, or the countdown reaching zero) it dispatches
// "portal:before-signout" on document; a form page can save what was typed, and may call
// event.detail.waitUntil(promise) to be waited for (up to 3 seconds).
const dialog = document.getElementById("portal-session-timeout");

if (dialog && typeof dialog.showModal === "function") {
  const warningSeconds = Number(dialog.dataset.warningSeconds);
  const statusUrl = dialog.dataset.statusUrl;
  const keepAliveUrl = dialog.dataset.keepAliveUrl;
  const form = dialog.querySelector("[data-sign-out-form]");
  const countdown = dialog.querySelector("[data-countdown]");
  const announcement = dialog.querySelector("[data-countdown-announcement]");
  let warnTimer = null;
  let tickTimer = null;
  let deadline = 0;
  let signingOut = false;

  const describe = (seconds) => {
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60);
      return `${minutes} minute${minutes === 1 ? "" : "s"}`;
    }
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  };

  const clearTimers = () => {
    clearTimeout(warnTimer);
    clearInterval(tickTimer);
  };

  const schedule = (remainingSeconds) => {
    clearTimers();
    deadline = Date.now() + remainingSeconds * 1000;
    warnTimer = setTimeout(check, Math.max(0, remainingSeconds - warningSeconds) * 1000);
  };

  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    countdown.textContent = describe(left);
    // Screen readers hear the time now and then, not every second.
    if (left % 30 === 0 || left === 10) {
      announcement.textContent = `You will be signed out in ${describe(left)}`;
    }
    if (left <= 0) {
      signOut(true);
    }
  };

  const open = (remainingSeconds) => {
    clearTimers();
    deadline = Date.now() + remainingSeconds * 1000;
    countdown.textContent = describe(remainingSeconds);
    if (!dialog.open) {
      dialog.showModal();
    }
    dialog.querySelector("[data-stay]").focus();
    tickTimer = setInterval(tick, 1000);
  };

  async function check() {
    try {
      const response = await fetch(statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.status === 401) {
        signOut(true);
        return;
      }
      const { remaining } = await response.json();
      if (remaining > warningSeconds + 1) {
        schedule(remaining);
      } else {
        open(remaining);
      }
    } catch {
      // Offline for a moment: warn on the page's own clock rather than not at all.
      open(Math.max(0, Math.round((deadline - Date.now()) / 1000)));
    }
  }

  async function stay() {
    const response = await fetch(keepAliveUrl, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "X-CSRFToken": form.elements.csrfmiddlewaretoken.value,
      },
      credentials: "same-origin",
    });
    if (!response.ok) {
      signOut(true);
      return;
    }
    const { remaining } = await response.json();
    dialog.close();
    announcement.textContent = "";
    schedule(remaining);
  }

  async function signOut(timedOut) {
    if (signingOut) {
      return;
    }
    signingOut = true;
    clearTimers();
    const pending = [];
    document.dispatchEvent(
      new CustomEvent("portal:before-signout", {
        detail: { timedOut, waitUntil: (promise) => pending.push(promise) },
      }),
    );
    const limit = new Promise((resolve) => setTimeout(resolve, 3000));
    await Promise.race([Promise.allSettled(pending), limit]);
    form.elements.next.value = timedOut ? window.location.pathname + window.location.search : "";
    form.submit();
  }

  dialog.querySelector("[data-stay]").addEventListener("click", stay);
  dialog.querySelector("[data-sign-out]").addEventListener("click", () => signOut(false));
  // Escape means "stay signed in", never a silent dismissal that leaves the timer running.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    stay();
  });

  schedule(Number(dialog.dataset.remainingSeconds));
}
