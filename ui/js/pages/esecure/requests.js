// "Geautoriseerde gebruikers": the requests to use the administered account numbers. Open ones
// have a check box and their own Approve and Reject ("Goedkeuren" / "Afwijzen", as the guide
// words it; the keys A and R on the focused row do the same); the bulk buttons decide every
// checked one at once, and a bulk Reject asks once. A rejection waits 10 seconds under an Undo
// before it is sent. An approved user has a Revoke button that asks in place first. Filters:
// status and account number. "Toevoegen" opens adding users, as the guide's steps say.

import { esecureDecide, esecureRequests, esecureRevoke } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { say } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { element, emptyOut, translated } from "../../lib/dom.js";
import { dateTime } from "../../lib/format.js";
import { counted, groupNumber, person, when } from "./shared.js";
import { latestRequest } from "../../lib/latest.js";

const STATUS_LABELS = {
  pending: "esecure-request-pending",
  approved: "esecure-status-approved",
  rejected: "esecure-status-rejected",
  revoked: "esecure-status-revoked",
  expired: "esecure-status-expired",
};
const DECIDED = { approve: "esecure-approved", reject: "esecure-rejected" };
const SELECTED = "esecure-selected";
const REJECT_QUESTION = "esecure-reject-question";
const UNDO_TEXT = "esecure-undo-text";
/** How long a rejection can be taken back before it is sent. */
const UNDO_FOR_MS = 10_000;

const byId = (id) => document.getElementById(id);
/** The requests shown, newest first; null until read. */
let requests = null;
const checked = new Set();
/** The request whose Revoke asks for confirmation, if any. */
let confirming = null;
const ticket = latestRequest();
let busy = false;
let hooks = { changed: () => {}, addUsers: () => {} };
/** A rejection waiting out its Undo: `{ ids, timer }`, or null. */
let rejecting = null;
/** The request a link asked to show: marked, and focusable whatever its status. */
let linked = null;

function announce(message, tone) {
  const status = byId("esecure-requests-status");
  say(status, null);
  say(status, message, tone);
}

function isRejecting(id) {
  return rejecting?.ids.includes(id) ?? false;
}

function checkBox(request) {
  if (request.status !== "pending" || isRejecting(request.id)) return null;
  return element("input", {
    type: "checkbox",
    class: "esecure-check",
    id: `esecure-request-${request.id}-check`,
    "data-id": request.id,
    checked: checked.has(request.id),
    "aria-label": t("esecure-select-row", { email: request.email }),
  });
}

/** The strip asking to confirm a revocation, across the whole table under its row. */
function confirmRow(request) {
  return element("tr", { class: "esecure-confirm-row", "data-id": request.id }, [
    element("td", { colspan: 5 }, [
      element("div", { class: "item-confirm", role: "group" }, [
        element("p", { class: "item-confirm-text", text: t("esecure-revoke-question", { email: request.email, number: groupNumber(request.account_number) }) }),
        element("div", { class: "item-actions" }, [
          element("button", { type: "button", class: "button button-danger button-compact", "data-action": "confirm-revoke", "data-id": request.id, "data-i18n": "esecure-revoke-confirm" }),
          element("button", { type: "button", class: "button button-secondary button-compact", "data-action": "cancel", "data-id": request.id, "data-i18n": "esecure-cancel" }),
        ]),
      ]),
    ]),
  ]);
}

function revokeButton(request) {
  if (request.status !== "approved" || confirming === request.id) return null;
  return element("button", {
    type: "button",
    class: "button button-secondary button-compact esecure-revoke",
    "data-action": "revoke",
    "data-id": request.id,
    "aria-label": `${t("esecure-revoke")} ${request.email}`,
    "data-i18n": "esecure-revoke",
  });
}

/** A pending request's own Approve and Reject, or what happens to it while a Reject waits. */
function rowDecisions(request) {
  if (request.status !== "pending") return null;
  if (isRejecting(request.id)) {
    return element("span", { class: "esecure-rejecting", "data-i18n": "esecure-rejecting" });
  }
  return element("span", { class: "esecure-row-actions" }, [
    element("button", {
      type: "button",
      class: "button button-primary button-compact",
      "data-action": "approve-one",
      "data-id": request.id,
      "aria-label": t("esecure-approve-row", { email: request.email }),
      "data-i18n": "esecure-approve",
      disabled: busy,
    }),
    element("button", {
      type: "button",
      class: "button button-danger button-compact",
      "data-action": "reject-one",
      "data-id": request.id,
      "aria-label": t("esecure-reject-row", { email: request.email }),
      "data-i18n": "esecure-reject",
      disabled: busy,
    }),
  ]);
}

function statusCell(request) {
  const shown = request.expired ? "expired" : request.status;
  const parts = [element("span", { class: "esecure-badge", "data-status": shown, "data-i18n": STATUS_LABELS[shown] ?? STATUS_LABELS.pending })];
  if (request.decided_at) {
    const by = request.decided_by ? ` ${t("esecure-decided-by", { email: person(request.decided_by) })}` : "";
    parts.push(element("span", { class: "esecure-decided", text: `${dateTime(request.decided_at)}${by}` }));
  }
  parts.push(revokeButton(request));
  parts.push(rowDecisions(request));
  return element("td", { "data-column": "status", class: "esecure-status" }, parts);
}

function rowsFor(request) {
  const decidable = request.status === "pending" && !isRejecting(request.id);
  const main = element("tr", {
    class: "esecure-request",
    "data-id": request.id,
    "data-email": request.email,
    "data-status": request.status,
    // The keys A and R act on the focused row; a linked row takes focus whatever its status.
    tabindex: decidable ? "0" : linked === request.id ? "-1" : null,
    "data-linked": linked === request.id ? "true" : null,
    "aria-keyshortcuts": decidable ? "A R" : null,
  }, [
    element("td", { class: "esecure-check-column" }, [checkBox(request)]),
    element("td", { "data-column": "email" }, [
      element("span", { class: "esecure-email", text: request.email }),
      request.company ? element("span", { class: "esecure-company", text: request.company }) : null,
      request.note ? element("span", { class: "esecure-note", text: `“${request.note}”` }) : null,
    ]),
    element("td", { "data-column": "account_number" }, [element("span", { class: "account-number", text: groupNumber(request.account_number) })]),
    element("td", { "data-column": "requested" }, when(request.requested_at)),
    statusCell(request),
  ]);
  return confirming === request.id ? [main, confirmRow(request)] : [main];
}

function pendingIds() {
  return (requests ?? [])
    .filter((request) => request.status === "pending" && !isRejecting(request.id))
    .map((request) => request.id);
}

function renderBulk() {
  const pending = pendingIds();
  const all = byId("esecure-select-all");
  all.disabled = pending.length === 0 || busy;
  all.checked = pending.length > 0 && pending.every((id) => checked.has(id));
  all.indeterminate = checked.size > 0 && !all.checked;
  byId("esecure-selected").textContent = checked.size ? counted(SELECTED, checked.size) : "";
  for (const id of ["esecure-approve", "esecure-reject"]) byId(id).disabled = checked.size === 0 || busy;
  byId("esecure-keyboard-hint").hidden = pending.length === 0;
}

function renderUndo() {
  const bar = byId("esecure-undo");
  bar.hidden = rejecting === null;
  const count = rejecting?.ids.length ?? 0;
  say(byId("esecure-undo-text"), count ? () => counted(UNDO_TEXT, count) : null);
}

export function renderRequests() {
  const body = byId("esecure-requests-rows");
  emptyOut(body);
  body.append(...(requests ?? []).flatMap(rowsFor).map(translated));
  const empty = byId("esecure-requests-empty");
  empty.hidden = !(requests && requests.length === 0);
  const filter = byId("esecure-filter-status").value;
  empty.textContent = t(filter === "pending" ? "esecure-requests-empty-pending" : "esecure-requests-empty");
  byId("esecure-requests-table").hidden = !requests?.length;
  renderBulk();
}

export async function loadRequests() {
  const isLatest = ticket.begin();
  byId("esecure-requests-loading").hidden = requests !== null;
  byId("esecure-requests-rows").setAttribute("aria-busy", "true");
  try {
    const answer = await esecureRequests(byId("esecure-filter-status").value, byId("esecure-filter-account").value || null);
    if (!isLatest()) return;
    requests = Array.isArray(answer) ? answer : [];
    const present = new Set(pendingIds());
    for (const id of [...checked]) if (!present.has(id)) checked.delete(id);
    if (confirming !== null && !requests.some((request) => request.id === confirming)) confirming = null;
    renderRequests();
  } catch (error) {
    if (!isLatest()) return;
    announce(errorMessage(readError(error)), "error");
  } finally {
    if (isLatest()) {
      byId("esecure-requests-loading").hidden = true;
      byId("esecure-requests-rows").removeAttribute("aria-busy");
    }
  }
}

/** Sends a decision on `ids` now; `focusAfter` is where the focus goes once the list is back. */
async function send(ids, decision, button, focusAfter) {
  busy = true;
  button?.classList.add("is-busy");
  renderRequests();
  try {
    const decided = await esecureDecide(ids, decision);
    for (const id of ids) checked.delete(id);
    const count = typeof decided === "number" ? decided : ids.length;
    announce(() => counted(DECIDED[decision], count), "success");
    hooks.changed();
  } catch (error) {
    announce(errorMessage(readError(error)), "error");
  } finally {
    busy = false;
    button?.classList.remove("is-busy");
    await loadRequests();
    focusAfter?.();
  }
}

/** The bulk Approve: every checked request, at once. */
function approveChecked() {
  if (busy || checked.size === 0) return;
  send([...checked], "approve", byId("esecure-approve"), () => byId("esecure-select-all").focus());
}

/** The bulk Reject asks once first, naming how many. */
function askToRejectChecked() {
  if (busy || checked.size === 0) return;
  const count = checked.size;
  say(byId("esecure-reject-confirm-text"), () => counted(REJECT_QUESTION, count));
  byId("esecure-reject-confirm").hidden = false;
  byId("esecure-reject-confirm-yes").focus();
}

function closeRejectQuestion() {
  byId("esecure-reject-confirm").hidden = true;
  say(byId("esecure-reject-confirm-text"), null);
}

/** A rejection is sent after 10 seconds unless taken back; one waiting already goes now. */
function rejectLater(ids) {
  flushRejection();
  for (const id of ids) checked.delete(id);
  rejecting = { ids, timer: setTimeout(flushRejection, UNDO_FOR_MS) };
  say(byId("esecure-requests-status"), null);
  renderRequests();
  renderUndo();
  byId("esecure-undo-button").focus();
}

/** Sends the waiting rejection now (its time is up, or another one comes, or the page goes). */
function flushRejection() {
  if (rejecting === null) return;
  const { ids, timer } = rejecting;
  clearTimeout(timer);
  rejecting = null;
  renderUndo();
  send(ids, "reject", null, () => byId("esecure-filter-status").focus());
}

function undoRejection() {
  if (rejecting === null) return;
  clearTimeout(rejecting.timer);
  const first = rejecting.ids[0];
  rejecting = null;
  renderUndo();
  renderRequests();
  announce(() => t("esecure-undone"), "info");
  byId("esecure-requests-rows").querySelector(`tr[data-id="${first}"]`)?.focus();
}

/** One row's Approve (its button, or A on the row). */
function approveOne(id) {
  if (busy || isRejecting(id)) return;
  const row = () => byId("esecure-requests-rows").querySelector("tr[tabindex='0']") ?? byId("esecure-filter-status");
  send([id], "approve", null, () => row().focus());
}

async function revoke(id, button) {
  const request = requests?.find((candidate) => candidate.id === id);
  if (!request) return;
  button.disabled = true;
  button.classList.add("is-busy");
  try {
    await esecureRevoke(id);
    confirming = null;
    const email = request.email;
    announce(() => t("esecure-revoked", { email }), "success");
    hooks.changed();
    await loadRequests();
    byId("esecure-filter-status").focus();
  } catch (error) {
    button.disabled = false;
    button.classList.remove("is-busy");
    announce(errorMessage(readError(error)), "error");
  }
}

/** Shows the request `id` (from a link): in the open requests, else among all; marked and
 * focused, or a word that it is not among this administrator's. */
export async function showRequest(id) {
  linked = id;
  const filter = byId("esecure-filter-status");
  const find = () => byId("esecure-requests-rows").querySelector(`tr[data-id="${id}"]`);
  await loadRequests();
  if (!find() && filter.value !== "all") {
    filter.value = "all";
    await loadRequests();
  }
  const row = find();
  if (!row) {
    linked = null;
    announce(() => t("esecure-link-not-found"), "info");
    return;
  }
  row.scrollIntoView({ block: "center" });
  row.focus();
}

export function forgetRequests() {
  linked = null;
  // Leaving (signing out) sends a rejection that was waiting out its Undo.
  flushRejection();
  closeRejectQuestion();
  ticket.forget();
  requests = null;
  checked.clear();
  confirming = null;
  say(byId("esecure-requests-status"), null);
  renderRequests();
}

/** hooks.changed() after a decision, so the count and the audit trail follow. */
export function startRequests(callbacks) {
  hooks = { ...hooks, ...callbacks };
  byId("esecure-filter-status").addEventListener("change", () => {
    checked.clear();
    loadRequests();
  });
  byId("esecure-filter-account").addEventListener("change", () => {
    checked.clear();
    loadRequests();
  });
  byId("esecure-select-all").addEventListener("change", (event) => {
    checked.clear();
    if (event.target.checked) for (const id of pendingIds()) checked.add(id);
    for (const box of byId("esecure-requests-rows").querySelectorAll(".esecure-check")) {
      box.checked = checked.has(Number(box.dataset.id));
    }
    renderBulk();
  });
  byId("esecure-approve").addEventListener("click", approveChecked);
  byId("esecure-reject").addEventListener("click", askToRejectChecked);
  byId("esecure-reject-confirm-yes").addEventListener("click", () => {
    closeRejectQuestion();
    rejectLater([...checked]);
  });
  byId("esecure-reject-confirm-no").addEventListener("click", () => {
    closeRejectQuestion();
    byId("esecure-reject").focus();
  });
  byId("esecure-reject-confirm").addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    closeRejectQuestion();
    byId("esecure-reject").focus();
  });
  byId("esecure-undo-button").addEventListener("click", undoRejection);
  byId("esecure-requests-add").addEventListener("click", () => hooks.addUsers());

  const rows = byId("esecure-requests-rows");
  rows.addEventListener("change", (event) => {
    const box = event.target.closest(".esecure-check");
    if (!box) return;
    const id = Number(box.dataset.id);
    if (box.checked) checked.add(id);
    else checked.delete(id);
    renderBulk();
  });
  rows.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.id);
    const action = button.dataset.action;
    if (action === "revoke" || action === "cancel") {
      confirming = action === "revoke" ? id : null;
      renderRequests();
      const focus = action === "revoke" ? "confirm-revoke" : "revoke";
      rows.querySelector(`tr[data-id="${id}"] [data-action="${focus}"]`)?.focus();
    } else if (action === "confirm-revoke") {
      revoke(id, button);
    } else if (action === "approve-one") {
      approveOne(id);
    } else if (action === "reject-one") {
      rejectLater([id]);
    }
  });
  rows.addEventListener("keydown", (event) => {
    const row = event.target.closest?.("tr.esecure-request[tabindex='0']");
    const typing = event.target.matches?.("input:not([type=checkbox]), textarea, select");
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (row && !typing && plain && (event.key === "a" || event.key === "A")) {
      event.preventDefault();
      approveOne(Number(row.dataset.id));
      return;
    }
    if (row && !typing && plain && (event.key === "r" || event.key === "R")) {
      event.preventDefault();
      rejectLater([Number(row.dataset.id)]);
      return;
    }
    if (event.key !== "Escape" || confirming === null) return;
    const id = confirming;
    confirming = null;
    renderRequests();
    rows.querySelector(`tr[data-id="${id}"] [data-action="revoke"]`)?.focus();
  });
}
