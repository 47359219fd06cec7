// The cards of the signed-out window (log in, register, activate, forgot, reset) and the
// expired-password card: one visible at a time, switched by buttons, never by the URL.

import { clearErrors, focusField, showStatus } from "../../lib/forms.js";

let visible = null;
const showHooks = [];

function viewElement(name) {
  return document.querySelector(`[data-auth-view="${name}"]`);
}

function emailInput(view) {
  return view?.querySelector('input[type="email"]') ?? null;
}

function focusFirstEmpty(view) {
  const target =
    [...view.querySelectorAll("input:not([type=checkbox]), select")].find((input) => !input.value) ??
    view.querySelector('button[type="submit"]');
  if (target) focusField(target);
}

/**
 * Shows card `name`. Options: `email` prefills its e-mail field; `message` (a function giving
 * the text) and `tone` fill its status; `focus` (default true) focuses the first empty field.
 * Errors left from an earlier visit are removed; what was typed stays.
 */
export function showView(name, { email, message, tone = "success", focus = true } = {}) {
  const view = viewElement(name);
  if (!view) return;
  const before = viewElement(visible);
  const target = emailInput(view);
  // Carry the e-mail address along, so the user types it once.
  const carried = email ?? (target && !target.value ? emailInput(before)?.value : undefined);
  if (target && carried !== undefined) target.value = carried;

  for (const other of document.querySelectorAll("[data-auth-view]")) {
    other.hidden = other !== view;
  }
  // Back to the top when the card changes. The first card has never been scrolled, and setting
  // the position lays the whole page out at once, so the start leaves it alone.
  if (visible !== null) document.getElementById("auth").scrollTop = 0;
  visible = name;
  const form = view.querySelector("form");
  clearErrors(form);
  if (message) showStatus(form, message, tone);
  for (const hook of showHooks) hook(name);
  if (focus) focusFirstEmpty(view);
}

/** hook(name) each time a card is shown, before focus moves. */
export function onViewShow(hook) {
  showHooks.push(hook);
}

export function startViewSwitches() {
  for (const button of document.querySelectorAll("[data-show-view]")) {
    button.addEventListener("click", () => showView(button.dataset.showView));
  }
}

/** Focuses the first empty field of the visible card (once the page can take focus). */
export function focusCurrentView() {
  const view = viewElement(visible);
  if (view && !view.hidden) focusFirstEmpty(view);
}
