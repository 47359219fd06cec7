// "Ik wil worden vergeten": revokes the login and makes the personal data in past orders
// unrecognisable. The password and a ticked box confirm it; the session ends with it.

import { invoke } from "../tauri.js";
import { t } from "../i18n.js";
import { connectForm, field, required, resetForm, showStatus, value } from "../forms.js";
import { CONFIRM_MESSAGES } from "../errors.js";
import { applySession, onSessionChange } from "../session.js";

const FIELDS = {
  password: field("forget-password", [required]),
  confirm: field("forget-confirm", [required], CONFIRM_MESSAGES),
};

export function startForgetMe() {
  const form = document.getElementById("forget-form");
  connectForm(form, {
    fields: FIELDS,
    send: () => invoke("profile_forget_me", { password: value("forget-password") }),
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
  });
}
