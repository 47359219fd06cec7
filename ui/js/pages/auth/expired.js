// The password lasts 60 days; when it has expired the user chooses a new one and goes on
// signed in, or logs out.

import { profileChangePassword } from "../../lib/gateway.js";
import { connectForm, field, newPassword, required, value } from "../../lib/forms.js";
import { PASSWORD_MESSAGES } from "../../lib/errors.js";
import { applySession, logOut } from "../../lib/session.js";

const FIELDS = {
  current_password: field("expired-current", [required]),
  new_password: field("expired-new", [required, newPassword], PASSWORD_MESSAGES),
};

export function startExpired() {
  const form = document.getElementById("expired-form");
  connectForm(form, {
    fields: FIELDS,
    send: () =>
      profileChangePassword(value("expired-current"), value("expired-new")),
    // Leaving this mode empties the card (see the session listener in auth/index.js).
    done: (view) => applySession(view, { reason: "password-changed" }),
  });

  const logOutButton = document.getElementById("expired-log-out");
  logOutButton.addEventListener("click", () => logOut(logOutButton));
}
