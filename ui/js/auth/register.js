// Registering asks for a login; the e-mail that follows carries the code that activates it.

import { invoke } from "../tauri.js";
import { language, onLanguageChange, t } from "../i18n.js";
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
import { onViewShow, showView } from "./views.js";

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
      invoke("auth_register", {
        form: {
          companyName: trimmed("register-company"),
          contactName: trimmed("register-contact"),
          email: trimmed("register-email"),
          password: value("register-password"),
          language: value("register-language"),
        },
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
  const form = document.getElementById("activate-form");
  connectForm(form, {
    fields: ACTIVATE_FIELDS,
    send: () =>
      invoke("auth_activate", { email: trimmed("activate-email"), code: trimmed("activate-code") }),
    done: () => {
      const email = trimmed("activate-email");
      resetForm(form);
      showView("login", { email, message: () => t("auth-activated"), tone: "success" });
    },
  });

  const resend = document.getElementById("activate-resend");
  resend.addEventListener("click", () =>
    run(form, resend, {
      fields: ACTIVATE_FIELDS,
      check: ["email"],
      send: () => invoke("auth_resend_activation", { email: trimmed("activate-email") }),
      done: () => {
        const email = trimmed("activate-email");
        showStatus(form, () => t("auth-activate-resent", { email }), "success");
        document.getElementById("activate-code").focus();
      },
    }),
  );
}

export function startRegistration() {
  startRegister();
  startActivate();
}
