// For someone who administers no account number: what eSecure is, and their own requests to use
// protected account numbers with what became of each. An open request takes a note for its
// administrators ("I am the new office manager"), which they are mailed and see in their list.

import { esecureMyRequests, esecureRequestNote } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { showError, say } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { element, emptyOut, translated } from "../../lib/dom.js";
import { dateTime } from "../../lib/format.js";
import { groupNumber } from "./shared.js";
import { latestRequest } from "../../lib/latest.js";

const STATUSES = {
  pending: "esecure-my-status-pending",
  approved: "esecure-my-status-approved",
  rejected: "esecure-my-status-rejected",
  revoked: "esecure-my-status-revoked",
  expired: "esecure-my-status-expired",
};
const NOTE_MAX_CHARS = 500;

const byId = (id) => document.getElementById(id);
let requests = null;
const ticket = latestRequest();

/** An open request's note: what the administrators read with it. */
function noteForm(request) {
  if (request.status !== "pending") {
    return request.note ? element("p", { class: "esecure-note", text: `“${request.note}”` }) : null;
  }
  const id = `esecure-note-${request.id}`;
  return element("form", { class: "form esecure-note-form", id: `${id}-form`, "data-id": request.id, novalidate: true }, [
    element("div", { class: "field" }, [
      element("label", { class: "field-label", for: id, "data-i18n": "esecure-note-label" }),
      element("p", { class: "field-help", id: `${id}-help`, "data-i18n": "esecure-note-help" }),
      element("textarea", { class: "input textarea", id, rows: 2, maxlength: NOTE_MAX_CHARS, "aria-describedby": `${id}-help` }),
      element("p", { class: "field-error", id: `${id}-error` }),
    ]),
    element("p", { class: "form-status", id: `${id}-form-status`, role: "status", "aria-live": "polite" }),
    element("div", { class: "form-actions" }, [
      element("button", { type: "submit", class: "button button-secondary button-compact", "data-i18n": "esecure-note-send" }),
    ]),
  ]);
}

function row(request) {
  const shown = request.expired ? "expired" : request.status;
  const item = element("li", { class: "item-row esecure-my-row", "data-account-number": request.account_number, "data-status": request.status }, [
    element("div", { class: "item-body" }, [
      element("div", { class: "item-main" }, [
        element("span", { class: "account-number", text: groupNumber(request.account_number) }),
        element("span", { class: "esecure-badge", "data-status": shown, "data-i18n": STATUSES[shown] ?? STATUSES.pending }),
        element("span", { class: "draft-time", text: dateTime(request.decided_at ?? request.requested_at) }),
      ]),
      noteForm(request),
    ]),
  ]);
  // The note as saved; what the user types afterwards stays until they send it.
  const area = item.querySelector("textarea");
  if (area) area.value = request.note ?? "";
  return item;
}

async function sendNote(form) {
  if (form.getAttribute("aria-busy") === "true") return;
  const id = Number(form.dataset.id);
  const area = form.querySelector("textarea");
  const button = form.querySelector('button[type="submit"]');
  const fields = { note: { id: area.id, rules: [], messages: {} } };
  form.setAttribute("aria-busy", "true");
  button.disabled = true;
  try {
    await esecureRequestNote(id, area.value);
    const request = requests?.find((candidate) => candidate.id === id);
    if (request) request.note = area.value.trim() || null;
    say(byId(`esecure-note-${id}-error`), null);
    say(byId(`esecure-note-${id}-form-status`), () => t(area.value.trim() ? "esecure-note-sent" : "esecure-note-removed"), "success");
  } catch (error) {
    showError(form, fields, error);
  } finally {
    form.removeAttribute("aria-busy");
    button.disabled = false;
  }
}

export function startMine() {
  byId("esecure-my-list").addEventListener("submit", (event) => {
    const form = event.target.closest(".esecure-note-form");
    if (!form) return;
    event.preventDefault();
    sendNote(form);
  });
}

export function renderMine() {
  const list = byId("esecure-my-list");
  emptyOut(list);
  list.append(...(requests ?? []).map((request) => translated(row(request))));
  byId("esecure-my-empty").hidden = !(requests && requests.length === 0);
}

export async function loadMine() {
  const isLatest = ticket.begin();
  const loading = byId("esecure-my-loading");
  loading.hidden = requests !== null;
  say(byId("esecure-my-status"), null);
  try {
    const answer = await esecureMyRequests();
    if (!isLatest()) return;
    requests = Array.isArray(answer) ? answer : [];
    renderMine();
  } catch (error) {
    if (!isLatest()) return;
    say(byId("esecure-my-status"), errorMessage(readError(error)), "error");
  } finally {
    if (isLatest()) loading.hidden = true;
  }
}

export function forgetMine() {
  ticket.forget();
  requests = null;
  renderMine();
  say(byId("esecure-my-status"), null);
}
