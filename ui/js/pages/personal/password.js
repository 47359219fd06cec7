// "Wachtwoord beheren": a new password for the login, typed twice.

import { profileChangePassword } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { connectForm, field, newPassword, required, resetForm, sameAs, showStatus, value } from "../../lib/forms.js";
import { PASSWORD_MESSAGES } from "../../lib/errors.js";
import { applySession, onSessionChange } from "../../lib/session.js";

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
      profileChangePassword(value("password-current"), value("password-new")),
    done: (view) => {
      resetForm(form);
      applySession(view, { reason: "password-changed" });
      showStatus(form, () => t("personal-password-changed"), "success");
    },
  });
  onSessionChange((session) => {
    if (session.state !== "signed_in") resetForm(form);
    // A login that signs in with the carrier's account has no OSO password to change.
    const none = session.profile?.has_password === false;
    form.hidden = none;
    document.getElementById("password-intro").hidden = none;
    document.getElementById("password-forgot-hint").hidden = none;
    document.getElementById("password-none").hidden = !none;
  });
}
