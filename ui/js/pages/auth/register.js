// Registering asks for a login; the e-mail that follows carries the code that activates it.

import { authActivate, authRegister, authResendActivation } from "../../lib/gateway.js";
import { language, onLanguageChange, t } from "../../lib/i18n.js";
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
import { onViewShow, showView } from "./views.js";
import { startCodeCard } from "./code-card.js";

const REGISTER_FIELDS = {
  company_name: field("register-company", [required]),
  contact_name: field("register-contact", [required]),
  email: field("register-email", [required, emailShape]),
  language: field("register-language", [required]),
  password: field("register-password", [required, newPassword], PASSWORD_MESSAGES),
};

const ACTIVATE_FIELDS = {
  email: field("activate-email", [required, emailShape]),
  code: field("activate-code", [required]),
};

// The e-mail language follows the interface language until the user picks one.
function startLanguageDefault() {
  const select = document.getElementById("register-language");
  let chosen = false;
  select.addEventListener("change", () => {
    chosen = true;
  });
  const follow = () => {
    if (!chosen) select.value = language();
  };
  onLanguageChange(follow);
  onViewShow((name) => {
    if (name === "register") follow();
  });
  follow();
  return () => {
    chosen = false;
    follow();
  };
}

function startRegister() {
  const form = document.getElementById("register-form");
  const resetLanguage = startLanguageDefault();
  connectForm(form, {
    fields: REGISTER_FIELDS,
    send: () =>
      authRegister({
        company_name: trimmed("register-company"),
        contact_name: trimmed("register-contact"),
        email: trimmed("register-email"),
        password: value("register-password"),
        language: value("register-language"),
      }),
    done: () => {
      const email = trimmed("register-email");
      resetForm(form);
      resetLanguage();
      document.getElementById("activate-code").value = "";
      showView("activate", {
        email,
        message: () => t("auth-activate-sent", { email }),
        tone: "success",
      });
    },
  });
}

function startActivate() {
  startCodeCard("activate", {
    fields: ACTIVATE_FIELDS,
    send: () => authActivate(trimmed("activate-email"), trimmed("activate-code")),
    done: (email) => showView("login", { email, message: () => t("auth-activated"), tone: "success" }),
    resend: authResendActivation,
    resent: (email) => t("auth-activate-resent", { email }),
  });
}

export function startRegistration() {
  startRegister();
  startActivate();
}
