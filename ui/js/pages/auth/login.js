// The login card. A login for an account that is not activated yet offers the way to activate it.

import { authLogin } from "../../lib/gateway.js";
import { connectForm, emailShape, field, required, trimmed, value } from "../../lib/forms.js";
import { applySession } from "../../lib/session.js";
import { onViewShow, showView } from "./views.js";

const FIELDS = {
  email: field("login-email", [required, emailShape]),
  password: field("login-password", [required]),
};

export function startLogin() {
  const form = document.getElementById("login-form");
  const activate = document.getElementById("login-activate");
  activate.addEventListener("click", () => showView("activate", { email: trimmed("login-email") }));
  const hideActivate = () => {
    activate.hidden = true;
  };
  onViewShow((name) => {
    if (name === "login") hideActivate();
  });
  // Registered before connectForm's own listener, so the old offer is gone before a new answer.
  form.addEventListener("submit", hideActivate);

  connectForm(form, {
    fields: FIELDS,
    send: () =>
      authLogin(trimmed("login-email"), value("login-password"), document.getElementById("login-stay").checked),
    // The session listener empties the card and opens the first page.
    done: (view) => applySession(view, { reason: "login" }),
    failed: (problem) => {
      activate.hidden = problem.code !== "account_inactive";
    },
  });
}
