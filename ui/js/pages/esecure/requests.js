// "Geautoriseerde gebruikers": the requests to use the administered account numbers. Open ones
// have a check box each; Approve and Reject decide every checked one at once. An approved user
// has a Revoke button that asks in place first. Filters: status and account number.

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
};
const DECIDED = {
  approve: { one: "esecure-approved-one", other: "esecure-approved-other" },
  reject: { one: "esecure-rejected-one", other: "esecure-rejected-other" },
};
const SELECTED = { one: "esecure-selected-one", other: "esecure-selected-other" };

const byId = (id) => document.getElementById(id);
/** The requests shown, newest first; null until read. */
let requests = null;
const checked = new Set();
/** The request whose Revoke asks for confirmation, if any. */
let confirming = null;
const ticket = latestRequest();
let busy = false;
let hooks = { changed: () => {} };

function announce(message, tone) {
  const status = byId("esecure-requests-status");
  say(status, null);
  say(status, message, tone);
}

function checkBox(request) {
  if (request.status !== "pending") return null;
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

function statusCell(request) {
  const parts = [element("span", { class: "esecure-badge", "data-status": request.status, "data-i18n": STATUS_LABELS[request.status] ?? STATUS_LABELS.pending })];
  if (request.decided_at) {
    const by = request.decided_by ? ` ${t("esecure-decided-by", { email: person(request.decided_by) })}` : "";
    parts.push(element("span", { class: "esecure-decided", text: `${dateTime(request.decided_at)}${by}` }));
  }
  parts.push(revokeButton(request));
  return element("td", { "data-column": "status", class: "esecure-status" }, parts);
}

function rowsFor(request) {
  const main = element("tr", { class: "esecure-request", "data-id": request.id, "data-email": request.email, "data-status": request.status }, [
    element("td", { class: "esecure-check-column" }, [checkBox(request)]),
    element("td", { "data-column": "email" }, [
      element("span", { class: "esecure-email", text: request.email }),
      request.company ? element("span", { class: "esecure-company", text: request.company }) : null,
    ]),
    element("td", { "data-column": "account_number" }, [element("span", { class: "account-number", text: groupNumber(request.account_number) })]),
    element("td", { "data-column": "requested" }, when(request.requested_at)),
    statusCell(request),
  ]);
  return confirming === request.id ? [main, confirmRow(request)] : [main];
}

function pendingIds() {
  return (requests ?? []).filter((request) => request.status === "pending").map((request) => request.id);
}

function renderBulk() {
  const pending = pendingIds();
  const all = byId("esecure-select-all");
  all.disabled = pending.length === 0 || busy;
  all.checked = pending.length > 0 && pending.every((id) => checked.has(id));
  all.indeterminate = checked.size > 0 && !all.checked;
  byId("esecure-selected").textContent = checked.size ? counted(SELECTED, checked.size) : "";
  for (const id of ["esecure-approve", "esecure-reject"]) byId(id).disabled = checked.size === 0 || busy;
  byId("esecure-bulk").hidden = requests !== null && pending.length === 0 && checked.size === 0;
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

async function decide(decision) {
  if (busy || checked.size === 0) return;
  const ids = [...checked];
  const button = byId(decision === "approve" ? "esecure-approve" : "esecure-reject");
  busy = true;
  button.classList.add("is-busy");
  renderBulk();
  try {
    const decided = await esecureDecide(ids, decision);
    checked.clear();
    const count = typeof decided === "number" ? decided : ids.length;
    announce(() => counted(DECIDED[decision], count), "success");
    hooks.changed();
  } catch (error) {
    announce(errorMessage(readError(error)), "error");
  } finally {
    busy = false;
    button.classList.remove("is-busy");
    await loadRequests();
    byId("esecure-select-all").focus();
  }
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

export function forgetRequests() {
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
  byId("esecure-approve").addEventListener("click", () => decide("approve"));
  byId("esecure-reject").addEventListener("click", () => decide("reject"));

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
    }
  });
  rows.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || confirming === null) return;
    const id = confirming;
    confirming = null;
    renderRequests();
    rows.querySelector(`tr[data-id="${id}"] [data-action="revoke"]`)?.focus();
  });
}
