// "Ik wil worden vergeten": revokes the login and makes the personal data in past orders
// unrecognisable. The password and a ticked box confirm it; the session ends with it.

import { profileForgetMe } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { connectForm, field, required, resetForm, showStatus, value } from "../../lib/forms.js";
import { CONFIRM_MESSAGES } from "../../lib/errors.js";
import { applySession, onSessionChange } from "../../lib/session.js";

// A login without an OSO password confirms with the box alone (its session is the proof).
function requiredWhenShown(input) {
  return input.closest(".field").hidden ? null : required(input);
}

const FIELDS = {
  password: field("forget-password", [requiredWhenShown]),
  confirm: field("forget-confirm", [required], CONFIRM_MESSAGES),
};

export function startForgetMe() {
  const form = document.getElementById("forget-form");
  connectForm(form, {
    fields: FIELDS,
    send: () => profileForgetMe(value("forget-password")),
    done: (view) => {
      resetForm(form);
      applySession(view, { reason: "forgotten" });
    },
    // The service keeps the only administrator of a protected account number: say what to do.
    failed: (problem) => {
      if (problem.code === "last_administrator") {
        showStatus(form, () => t("personal-forget-last-administrator"), "error");
      }
    },
  });
  onSessionChange((session) => {
    if (session.state !== "signed_in") resetForm(form);
    document.getElementById("forget-password-field").hidden = session.profile?.has_password === false;
  });
}
