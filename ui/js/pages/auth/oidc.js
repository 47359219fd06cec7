// "Log in via …": the carrier's account. The desktop opens the browser and waits for it; a first
// sign-in then asks for a company name (a new login) or, once, the password of the OSO login
// with the same address (a link). The step's ticket stays in the desktop.

import { oidcCancel, oidcLink, oidcOffer, oidcRegister, oidcSignIn } from "../../lib/gateway.js";
import { language, onLanguageChange, t } from "../../lib/i18n.js";
import { clearStatus, connectForm, field, required, say, showStatus, trimmed, value } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { applySession } from "../../lib/session.js";
import { onViewShow, showView } from "./views.js";

const REGISTER_FIELDS = {
  company_name: field("oidc-register-company", [required]),
  contact_name: field("oidc-register-contact", [required]),
  language: field("oidc-register-language", [required]),
};

const LINK_FIELDS = {
  password: field("oidc-link-password", [required]),
};

// The codes that mean the step's ticket is gone: back to the start.
const STEP_LOST = new Set(["token_invalid", "token_expired"]);

const byId = (id) => document.getElementById(id);

let provider = null;
let waiting = false;
let cancelledHere = false;

function renderProvider() {
  const box = byId("oidc-sign-in");
  box.hidden = provider === null;
  if (provider !== null) byId("oidc-start").textContent = t("auth-oidc-start", { provider });
  const note = byId("forgot-oidc-note");
  note.hidden = provider === null;
  say(note, provider === null ? null : () => t("auth-forgot-oidc-note", { provider }));
}

async function fetchOffer() {
  try {
    const offer = await oidcOffer();
    provider = offer?.display_name ?? null;
  } catch (error) {
    // The password form is there in any case; the button waits for the next visit.
    console.warn("no sign-in offer", error);
    provider = null;
  }
  renderProvider();
}

function setWaiting(on) {
  waiting = on;
  const start = byId("oidc-start");
  start.disabled = on;
  start.classList.toggle("is-busy", on);
  byId("oidc-waiting").hidden = !on;
  say(byId("oidc-waiting-text"), on ? () => t("auth-oidc-waiting", { provider }) : null);
  if (on) byId("oidc-cancel").focus();
}

function backToLogin(message) {
  oidcCancel().catch(() => {});
  showView("login", message ? { message, tone: "error" } : {});
}

function stepLost(problem) {
  if (!STEP_LOST.has(problem.code)) return;
  backToLogin(() => t("auth-oidc-step-lost", { provider }));
}

function showRegister(step) {
  byId("oidc-register-company").value = "";
  byId("oidc-register-contact").value = step.contact_name ?? "";
  const languages = ["nl", "en", "fr"];
  byId("oidc-register-language").value = languages.includes(step.language) ? step.language : language();
  say(byId("oidc-register-intro"), () => t("auth-oidc-register-intro", { provider, email: step.email }));
  showView("oidc-register");
}

function showLink(step) {
  byId("oidc-link-password").value = "";
  say(byId("oidc-link-intro"), () => t("auth-oidc-link-intro", { provider, email: step.email }));
  showView("oidc-link");
}

async function signIn() {
  if (waiting || provider === null) return;
  const loginForm = byId("login-form");
  clearStatus(loginForm);
  cancelledHere = false;
  setWaiting(true);
  let step;
  try {
    step = await oidcSignIn(byId("login-stay").checked);
  } catch (error) {
    setWaiting(false);
    byId("oidc-start").focus();
    const problem = readError(error);
    // Cancel in the app needs no message; everything else says what happened.
    if (!(problem.code === "external_cancelled" && cancelledHere)) {
      showStatus(loginForm, errorMessage(problem), "error");
    }
    return;
  }
  setWaiting(false);
  if (step.step === "signed_in") applySession(step.session, { reason: "login" });
  else if (step.step === "register") showRegister(step);
  else if (step.step === "link") showLink(step);
}

export function startOidc() {
  byId("oidc-start").addEventListener("click", signIn);
  byId("oidc-cancel").addEventListener("click", () => {
    cancelledHere = true;
    oidcCancel().catch((error) => console.warn("cancel failed", error));
  });
  byId("oidc-register-back").addEventListener("click", () => backToLogin());
  byId("oidc-link-back").addEventListener("click", () => backToLogin());
  onLanguageChange(renderProvider);
  onViewShow((name) => {
    if (name === "login" && !waiting) fetchOffer();
  });

  connectForm(byId("oidc-register-form"), {
    fields: REGISTER_FIELDS,
    send: () =>
      oidcRegister(trimmed("oidc-register-company"), trimmed("oidc-register-contact"), value("oidc-register-language")),
    done: (view) => applySession(view, { reason: "login" }),
    failed: stepLost,
  });
  connectForm(byId("oidc-link-form"), {
    fields: LINK_FIELDS,
    send: () => oidcLink(value("oidc-link-password")),
    done: (view) => applySession(view, { reason: "login" }),
    failed: stepLost,
  });
}
