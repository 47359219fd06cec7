// "Ik wil worden vergeten": revokes the login and makes the personal data in past orders
// unrecognisable. The password and a ticked box confirm it; the session ends with it.

import { invoke } from "../tauri.js";
import { connectForm, field, required, resetForm, value } from "../forms.js";
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
  });
  onSessionChange((session) => {
    if (session.state !== "signed_in") resetForm(form);
  });
}
