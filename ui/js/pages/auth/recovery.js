// A forgotten password: ask for a code by e-mail, then enter it with a new password.
// The answers never say whether an address has a login.

import { authRequestPasswordReset, authResetPassword } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import {
  connectForm,
  emailShape,
  field,
  newPassword,
  required,
  resetForm,
  trimmed,
  value,
} from "../../lib/forms.js";
import { PASSWORD_MESSAGES } from "../../lib/errors.js";
import { showView } from "./views.js";
import { startCodeCard } from "./code-card.js";

const FORGOT_FIELDS = {
  email: field("forgot-email", [required, emailShape]),
};

const RESET_FIELDS = {
  email: field("reset-email", [required, emailShape]),
  code: field("reset-code", [required]),
  new_password: field("reset-password", [required, newPassword], PASSWORD_MESSAGES),
};

function startForgot() {
  const form = document.getElementById("forgot-form");
  connectForm(form, {
    fields: FORGOT_FIELDS,
    send: () => authRequestPasswordReset(trimmed("forgot-email")),
    done: () => {
      const email = trimmed("forgot-email");
      resetForm(form);
      document.getElementById("reset-code").value = "";
      showView("reset", { email, message: () => t("auth-reset-sent", { email }), tone: "success" });
    },
  });
}

function startReset() {
  startCodeCard("reset", {
    fields: RESET_FIELDS,
    send: () => authResetPassword(trimmed("reset-email"), trimmed("reset-code"), value("reset-password")),
    done: (email) => showView("login", { email, message: () => t("auth-reset-done"), tone: "success" }),
    resend: authRequestPasswordReset,
    resent: (email) => t("auth-reset-sent", { email }),
  });
}

export function startRecovery() {
  startForgot();
  startReset();
}
