// The session decides what the window shows: the sign-in cards (signed out), the card asking for
// a new password (expired), or the sidebar and pages (signed in). Every command that answers a
// SessionView passes it to applySession, which renders the mode and tells the other modules.

import { authLogout, sessionGet } from "./gateway.js";
import { onFailure } from "./forms.js";

const MODES = {
  signed_out: "signed-out",
  signed_in: "signed-in",
  password_expired: "password-expired",
};

let current = null;
const listeners = [];

export function currentSession() {
  return current;
}

/**
 * listener(session, previous, context): context.reason says why (boot, login, logout…). A
 * listener added once the session is known (a page started after the first screen) hears it at
 * once, as if it had been there at boot.
 */
export function onSessionChange(listener) {
  listeners.push(listener);
  if (current) tell(listener, null, { reason: "boot" });
}

/** One listener told of the current session; a listener that fails stops no other. */
function tell(listener, previous, context) {
  try {
    listener(current, previous, context);
  } catch (error) {
    console.error("a session listener failed", error);
  }
}

function normalise(view) {
  const state = view && view.state in MODES ? view.state : "signed_out";
  return {
    state,
    profile: state === "signed_out" ? null : (view.profile ?? null),
    keyring: view?.keyring === "unavailable" ? "unavailable" : "available",
  };
}

function renderMode() {
  const mode = MODES[current.state];
  const signedIn = mode === "signed-in";
  document.body.dataset.session = mode;
  document.getElementById("auth").hidden = signedIn;
  document.getElementById("content").hidden = !signedIn;
  document.getElementById("main-nav").hidden = !signedIn;
  document.getElementById("keyring-warning").hidden = !(signedIn && current.keyring === "unavailable");
  document.querySelector(".skip-link").setAttribute("href", signedIn ? "#content" : "#auth");
  renderUser();
}

function renderUser() {
  document.getElementById("session-email").textContent = current.profile?.email ?? "";
}

export function applySession(view, context = {}) {
  const previous = current;
  current = normalise(view);
  renderMode();
  for (const listener of listeners) tell(listener, previous, context);
}

/** After a profile change: the session's copy follows, without changing mode. */
export function setSessionProfile(profile) {
  if (!current || current.state === "signed_out") return;
  current = { ...current, profile };
  renderUser();
}

export async function refreshSession(context = {}) {
  applySession(await sessionGet(), context);
}

/** Logs out; the desktop forgets the session even when the service cannot be reached. */
export async function logOut(button) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    applySession(await authLogout(), { reason: "logout" });
  } catch (error) {
    console.error("logging out failed", error);
    await refreshSession({ reason: "logout" }).catch((again) =>
      console.error("cannot read the session", again),
    );
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

/**
 * Reads the session once at start (`pending`: a session_get already asked for); the body stays
 * hidden until this has rendered a mode.
 */
export async function startSession(pending = sessionGet()) {
  const logOutButton = document.getElementById("log-out");
  logOutButton.addEventListener("click", () => logOut(logOutButton));

  // A command refused because the session ended or the password expired: ask the desktop what
  // the session is now, and show that mode.
  onFailure((problem) => {
    if (!current || current.state === "signed_out") return;
    if (problem.code !== "unauthenticated" && problem.code !== "password_expired") return;
    refreshSession({ reason: "session-lost" }).catch((error) =>
      console.error("cannot read the session", error),
    );
  });

  try {
    const view = await pending;
    performance.mark("session_answered");
    applySession(view, { reason: "boot" });
  } catch (error) {
    console.error("cannot read the session", error);
    applySession(null, { reason: "boot", error });
  }
}
