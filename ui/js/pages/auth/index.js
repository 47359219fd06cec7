// The signed-out and expired-password modes: which card to show when the session changes, and
// emptying the cards once the user is in, so no password stays behind in the page.

import { t } from "../../lib/i18n.js";
import { resetForm, showStatus } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { onSessionChange } from "../../lib/session.js";
import { goToPage } from "../../lib/router.js";
import { showView, startViewSwitches } from "./views.js";
import { startLogin } from "./login.js";
import { startOidc } from "./oidc.js";
import { startRegistration } from "./register.js";
import { startRecovery } from "./recovery.js";
import { startExpired } from "./expired.js";

function resetAuthForms() {
  for (const form of document.querySelectorAll("#auth form")) resetForm(form);
}

function showSignedOut(previous, context) {
  const lastEmail = previous?.profile?.email;
  switch (context.reason) {
    case "logout":
      showView("login", { email: lastEmail, message: () => t("auth-logged-out"), tone: "info" });
      break;
    case "forgotten":
      showView("login", { email: "", message: () => t("auth-forgotten"), tone: "success" });
      break;
    case "session-lost":
      showView("login", {
        email: lastEmail,
        message: () => t("error-unauthenticated"),
        tone: "error",
      });
      break;
    case "boot":
      // The page is still hidden, so nothing could take focus yet; main.js focuses it later.
      showView("login", { focus: false });
      if (context.error) {
        const form = document.getElementById("login-form");
        showStatus(form, errorMessage(readError(context.error)), "error");
      }
      break;
    default:
      showView("login");
  }
}

function followSession(session, previous, context) {
  const before = previous?.state;
  if (session.state === "signed_out") {
    if (before !== "signed_out") resetAuthForms();
    showSignedOut(previous, context);
  } else if (session.state === "password_expired") {
    if (before !== "password_expired") resetAuthForms();
    const lost = context.reason === "session-lost";
    showView("expired", {
      focus: context.reason !== "boot",
      message: lost ? () => t("error-password_expired") : undefined,
      tone: "info",
    });
  } else if (before !== "signed_in") {
    resetAuthForms();
    // The manual: after logging in the user lands on "New order". A restart keeps the page.
    if (context.reason !== "boot") goToPage("new-order");
  }
}

export function startAuth() {
  startViewSwitches();
  startLogin();
  startOidc();
  startRegistration();
  startRecovery();
  startExpired();
  onSessionChange(followSession);
}
