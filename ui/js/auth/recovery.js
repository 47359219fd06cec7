// A forgotten password: ask for a code by e-mail, then enter it with a new password.
// The answers never say whether an address has a login.

import { invoke } from "../tauri.js";
import { t } from "../i18n.js";
import {
  connectForm,
  emailShape,
  field,
  newPassword,
  required,
  resetForm,
  run,
  showStatus,
  trimmed,
  value,
} from "../forms.js";
import { PASSWORD_MESSAGES } from "../errors.js";
import { showView } from "./views.js";

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
    send: () => invoke("auth_request_password_reset", { email: trimmed("forgot-email") }),
    done: () => {
      const email = trimmed("forgot-email");
      resetForm(form);
      document.getElementById("reset-code").value = "";
      showView("reset", { email, message: () => t("auth-reset-sent", { email }), tone: "success" });
    },
  });
}

function startReset() {
  const form = document.getElementById("reset-form");
  connectForm(form, {
    fields: RESET_FIELDS,
    send: () =>
      invoke("auth_reset_password", {
        email: trimmed("reset-email"),
        code: trimmed("reset-code"),
        newPassword: value("reset-password"),
      }),
    done: () => {
      const email = trimmed("reset-email");
      resetForm(form);
      showView("login", { email, message: () => t("auth-reset-done"), tone: "success" });
    },
  });

  const resend = document.getElementById("reset-resend");
  resend.addEventListener("click", () =>
    run(form, resend, {
      fields: RESET_FIELDS,
      check: ["email"],
      send: () => invoke("auth_request_password_reset", { email: trimmed("reset-email") }),
      done: () => {
        const email = trimmed("reset-email");
        showStatus(form, () => t("auth-reset-sent", { email }), "success");
        document.getElementById("reset-code").focus();
      },
    }),
  );
}

export function startRecovery() {
  startForgot();
  startReset();
}
