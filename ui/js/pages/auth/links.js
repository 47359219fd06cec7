// Links from OSO's e-mails opened in the app (oso://activate, oso://reset-password). The desktop
// keeps the link's token; this module only learns which kind of link was opened, then activates
// at once, or shows the card to choose a new password. A link is for someone signed out: while
// a session is open, a banner asks to log out and open the link again.

import { appLinkTake, authActivateLink, authResetPasswordLink, listen } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import {
  connectForm,
  field,
  newPassword,
  required,
  resetForm,
  showStatus,
  value,
} from "../../lib/forms.js";
import { PASSWORD_MESSAGES, errorMessage, readError } from "../../lib/errors.js";
import { currentSession, onSessionChange } from "../../lib/session.js";
import { showView } from "./views.js";

const RESET_LINK_FIELDS = {
  new_password: field("reset-link-password", [required, newPassword], PASSWORD_MESSAGES),
};

const notice = () => document.getElementById("app-link-notice");

async function activate() {
  showView("activate", { message: () => t("auth-link-activating"), tone: "info", focus: false });
  const form = document.getElementById("activate-form");
  form.setAttribute("aria-busy", "true");
  try {
    await authActivateLink();
    resetForm(form);
    showView("login", { message: () => t("auth-activated"), tone: "success" });
  } catch (error) {
    // The code from the same e-mail still works on this card.
    showStatus(form, errorMessage(readError(error)), "error");
  } finally {
    form.removeAttribute("aria-busy");
  }
}

/**
 * Shows the card of a link of `kind` ("activate", "reset-password"; null: none) before its first
 * await, so a caller that does not wait still has the card on screen.
 */
async function followKind(kind) {
  if (!kind) return;
  if (currentSession()?.state !== "signed_out") {
    notice().hidden = false;
    return;
  }
  notice().hidden = true;
  if (kind === "activate") {
    await activate();
  } else if (kind === "reset-password") {
    resetForm(document.getElementById("reset-link-form"));
    showView("reset-link");
  }
}

function followed(kind) {
  followKind(kind).catch((error) => console.error("cannot follow the e-mail link", error));
}

function follow() {
  appLinkTake()
    .then(followed)
    .catch((error) => console.error("cannot take the e-mail link", error));
}

function startResetLink() {
  const form = document.getElementById("reset-link-form");
  connectForm(form, {
    fields: RESET_LINK_FIELDS,
    send: () => authResetPasswordLink(value("reset-link-password")),
    done: () => {
      resetForm(form);
      showView("login", { message: () => t("auth-reset-done"), tone: "success" });
    },
  });
}

/**
 * Call once the session is known, before the first screen is revealed: `launchLink` is the
 * app_link_take asked at start (the link the app was started with), whose card is shown at once,
 * so the first screen drawn is that card, not the login card under it. Events for later links
 * are followed from then on, without holding the first screen back: a link that arrives before
 * the listener is registered is taken again once it is.
 */
export async function startAppLinks(launchLink) {
  startResetLink();
  onSessionChange((session) => {
    if (session.state === "signed_out") notice().hidden = true;
  });
  // Its card is shown before this returns; an activation goes on after the first screen.
  followed(await launchLink.catch((error) => console.error("cannot take the e-mail link", error)));
  listen("app-link", follow)
    .then(follow)
    .catch((error) => console.error("cannot follow the e-mail links", error));
}
