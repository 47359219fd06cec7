// "Wachtwoord beheren": a new password for the login, typed twice.

import { invoke } from "../tauri.js";
import { t } from "../i18n.js";
import { connectForm, field, newPassword, required, resetForm, sameAs, showStatus, value } from "../forms.js";
import { PASSWORD_MESSAGES } from "../errors.js";
import { applySession, onSessionChange } from "../session.js";

const FIELDS = {
  current_password: field("password-current", [required]),
  new_password: field("password-new", [required, newPassword], PASSWORD_MESSAGES),
  // Only the UI knows this one: the service never sees the repetition.
  confirm_password: field("password-confirm", [required, sameAs("password-new")]),
};

export function startPasswordChange() {
  const form = document.getElementById("password-form");
  connectForm(form, {
    fields: FIELDS,
    send: () =>
      invoke("profile_change_password", {
        currentPassword: value("password-current"),
        newPassword: value("password-new"),
      }),
    done: (view) => {
      resetForm(form);
      applySession(view, { reason: "password-changed" });
      showStatus(form, () => t("personal-password-changed"), "success");
    },
  });
  onSessionChange((session) => {
    if (session.state !== "signed_in") resetForm(form);
  });
}
