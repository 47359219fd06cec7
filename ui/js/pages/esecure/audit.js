// The audit trail: every decision about the administered account numbers, newest first.

import { esecureAudit } from "../../lib/gateway.js";
import { say } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { element, emptyOut, translated } from "../../lib/dom.js";
import { FORGOTTEN, groupNumber, when } from "./shared.js";
import { latestRequest } from "../../lib/latest.js";

// Message ids spelled out, so the translation test sees each one is used.
const ACTIONS = {
  approved: "esecure-action-approved",
  rejected: "esecure-action-rejected",
  revoked: "esecure-action-revoked",
  users_added: "esecure-action-users_added",
  administrator_added: "esecure-action-administrator_added",
  administrator_removed: "esecure-action-administrator_removed",
  domains_changed: "esecure-action-domains_changed",
  requested: "esecure-action-requested",
  expired: "esecure-action-expired",
};

const byId = (id) => document.getElementById(id);
let entries = null;
const ticket = latestRequest();

/** Who acted or was concerned: an address, an operator, or a forgotten person, translated. */
function who(value) {
  return value === FORGOTTEN
    ? element("span", { class: "esecure-email esecure-forgotten", "data-i18n": "esecure-forgotten-person" })
    : element("span", { class: "esecure-email", text: value ?? "" });
}

function row(entry) {
  const action = ACTIONS[entry.action]
    ? element("span", { class: "esecure-badge", "data-status": entry.action, "data-i18n": ACTIONS[entry.action] })
    : element("span", { text: entry.action });
  return element("tr", { class: "esecure-audit-row", "data-action": entry.action }, [
    element("td", { "data-column": "at" }, when(entry.at)),
    element("td", {}, [who(entry.actor)]),
    element("td", {}, [action]),
    element("td", {}, [who(entry.subject)]),
    element("td", {}, [element("span", { class: "account-number", text: groupNumber(entry.account_number ?? "") })]),
  ]);
}

export function renderAudit() {
  const rows = byId("esecure-audit-rows");
  emptyOut(rows);
  rows.append(...(entries ?? []).map((entry) => translated(row(entry))));
  byId("esecure-audit-empty").hidden = !(entries && entries.length === 0);
  byId("esecure-audit-table").hidden = !entries?.length;
}

export async function loadAudit() {
  const isLatest = ticket.begin();
  byId("esecure-audit-loading").hidden = entries !== null;
  say(byId("esecure-audit-status"), null);
  try {
    const answer = await esecureAudit(byId("esecure-audit-account").value || null, 50);
    if (!isLatest()) return;
    entries = Array.isArray(answer) ? answer : [];
    renderAudit();
  } catch (error) {
    if (!isLatest()) return;
    say(byId("esecure-audit-status"), errorMessage(readError(error)), "error");
  } finally {
    if (isLatest()) byId("esecure-audit-loading").hidden = true;
  }
}

export function forgetAudit() {
  ticket.forget();
  entries = null;
  renderAudit();
}

export function startAudit() {
  byId("esecure-audit-account").addEventListener("change", loadAudit);
}
