// Forms: quick checks in the UI, the service's answer shown at its fields, busy and status states.
// What the user typed is never cleared on an error; fields are emptied only after a success.
// Each field has its error element `#<field-id>-error`, each form a status `#<form-id>-status`.

import { onLanguageChange, t } from "./i18n.js";
import { errorMessage, fieldMessage, readError } from "./errors.js";

// Messages on screen, as functions, so a language switch can render them again.
const live = new Map();

onLanguageChange(() => {
  for (const [element, message] of live) element.textContent = message();
});

/** Shows `message` (a function returning the text) in `element`; `null` empties it. */
export function say(element, message, tone) {
  if (!element) return;
  if (message) {
    live.set(element, message);
    element.textContent = message();
    if (tone) element.dataset.tone = tone;
  } else {
    live.delete(element);
    element.textContent = "";
    delete element.dataset.tone;
  }
}

function byId(id) {
  return document.getElementById(id);
}

export function statusOf(form) {
  return byId(`${form.id}-status`);
}

/** tone: "success", "info" or "error". */
export function showStatus(form, message, tone = "info") {
  const status = statusOf(form);
  // Emptied first, so that the same message twice in a row is announced twice.
  say(status, null);
  say(status, message, tone);
  // A long form may be scrolled away from its status; bring it into view, moving no more than needed.
  status?.scrollIntoView({ block: "nearest" });
}

export function clearStatus(form) {
  say(statusOf(form), null);
}

// --- Fields and their checks ----------------------------------------------------------------

/** A field of a form: its element id, its checks (first failing one wins) and special messages. */
export function field(id, rules = [], messages = {}) {
  return { id, rules, messages };
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD_LENGTH = 12;

function isPassword(input) {
  return input.closest(".password-input") !== null;
}

export function required(input) {
  if (input.type === "checkbox") return input.checked ? null : "required";
  // A password is taken as typed; other fields must hold more than spaces.
  const empty = isPassword(input) ? input.value === "" : input.value.trim() === "";
  return empty ? "required" : null;
}

export function emailShape(input) {
  const value = input.value.trim();
  return value && !EMAIL_SHAPE.test(value) ? "invalid_email" : null;
}

export function newPassword(input) {
  // Counted in characters as a person sees them, not UTF-16 units.
  return input.value && [...input.value].length < MIN_PASSWORD_LENGTH ? "too_short" : null;
}

export function sameAs(otherId) {
  return (input) => (input.value !== byId(otherId).value ? "passwords_differ" : null);
}

function describedBy(input, id, present) {
  const ids = new Set((input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean));
  if (present) ids.add(id);
  else ids.delete(id);
  if (ids.size) input.setAttribute("aria-describedby", [...ids].join(" "));
  else input.removeAttribute("aria-describedby");
}

/** Shows `code` at the field of `spec` (its message, aria-invalid), moving no focus. */
export function markInvalid(spec, code) {
  const input = byId(spec.id);
  const error = byId(`${spec.id}-error`);
  say(error, spec.messages[code] ?? fieldMessage(code));
  input.setAttribute("aria-invalid", "true");
  describedBy(input, error.id, true);
  return input;
}

function clearInput(input) {
  if (input.getAttribute("aria-invalid") !== "true") return;
  const errorId = `${input.id}-error`;
  say(byId(errorId), null);
  input.removeAttribute("aria-invalid");
  describedBy(input, errorId, false);
}

/** Removes every field error and the status of `form`, keeping what was typed. */
export function clearErrors(form) {
  for (const input of form.querySelectorAll('[aria-invalid="true"]')) clearInput(input);
  clearStatus(form);
}

/** Focuses `input` and brings its whole field, label included, into view. */
export function focusField(input) {
  input.focus({ preventScroll: true });
  (input.closest(".field") ?? input).scrollIntoView({ block: "nearest" });
}

function focusFirst(inputs) {
  if (!inputs.length) return false;
  const [first] = [...inputs].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  focusField(first);
  return true;
}

// --- Errors from the service ----------------------------------------------------------------

let sessionProblem = () => {};

/** Called with every failure, so the session can react to `unauthenticated` and the like. */
export function onFailure(handler) {
  sessionProblem = handler;
}

/**
 * Shows a rejected command at the fields it names (service names, e.g. `company_name`) and,
 * when some of it does not belong to a field, in the form's status. Returns the problem.
 */
export function showError(form, fields, error) {
  const problem = readError(error);
  const invalid = [];
  let unplaced = false;
  for (const [name, code] of Object.entries(problem.fields)) {
    const spec = fields[name] ?? fields[name.split(".").pop()];
    if (spec && byId(spec.id)) invalid.push(markInvalid(spec, code));
    else unplaced = true;
  }
  if (!invalid.length || unplaced || problem.code !== "validation_failed") {
    showStatus(form, errorMessage(problem), "error");
  }
  focusFirst(invalid);
  sessionProblem(problem);
  return problem;
}

// --- Running a command from a form ----------------------------------------------------------

function setBusy(form, button, busy) {
  form.setAttribute("aria-busy", String(busy));
  button.disabled = busy;
  button.classList.toggle("is-busy", busy);
}

/**
 * Checks the fields named in `check` (all by default), then runs `send()` with `button` busy.
 * On success calls `done(result)`; on failure shows the error and calls `failed(problem)`.
 */
export async function run(form, button, { fields = {}, check, send, done, failed }) {
  if (form.getAttribute("aria-busy") === "true") return;
  clearErrors(form);
  const invalid = [];
  for (const name of check ?? Object.keys(fields)) {
    const spec = fields[name];
    const input = byId(spec.id);
    for (const rule of spec.rules) {
      const code = rule(input);
      if (code) {
        invalid.push(markInvalid(spec, code));
        break;
      }
    }
  }
  if (focusFirst(invalid)) return;

  const hadFocus = document.activeElement === button;
  setBusy(form, button, true);
  let result;
  let failure = null;
  try {
    result = await send();
  } catch (error) {
    failure = error;
  }
  setBusy(form, button, false);
  // Disabling the focused button drops focus to the page; give it back.
  if (hadFocus && (document.activeElement === document.body || !document.activeElement)) {
    button.focus();
  }
  if (failure !== null) {
    const problem = showError(form, fields, failure);
    failed?.(problem);
    return;
  }
  await done?.(result);
}

/** Submits `form` (also with Enter) through `run`, and clears a field's error as it is edited. */
export function connectForm(form, options) {
  form.noValidate = true;
  const button = form.querySelector('button[type="submit"]');
  for (const spec of Object.values(options.fields ?? {})) {
    const input = byId(spec.id);
    input.addEventListener("input", () => clearInput(input));
    input.addEventListener("change", () => clearInput(input));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(form, button, options);
  });
}

/** Empties `form` after a success or when the user leaves: values, errors, status, visibility. */
export function resetForm(form) {
  form.reset();
  clearErrors(form);
  hidePasswords(form);
}

export function value(id) {
  return byId(id).value;
}

export function trimmed(id) {
  return byId(id).value.trim();
}

// --- Password visibility --------------------------------------------------------------------

function showPassword(button, input, visible) {
  input.type = visible ? "text" : "password";
  button.dataset.i18n = visible ? "password-hide" : "password-show";
  button.dataset.i18nAriaLabel = visible ? "password-hide-label" : "password-show-label";
  button.textContent = visible ? t("password-hide") : t("password-show");
  button.setAttribute("aria-label", visible ? t("password-hide-label") : t("password-show-label"));
}

export function hidePasswords(root) {
  for (const button of root.querySelectorAll(".password-toggle")) {
    showPassword(button, byId(button.getAttribute("aria-controls")), false);
  }
}

export function startPasswordToggles(root = document) {
  for (const button of root.querySelectorAll(".password-toggle")) {
    const input = byId(button.getAttribute("aria-controls"));
    button.addEventListener("click", () => showPassword(button, input, input.type === "password"));
  }
}
