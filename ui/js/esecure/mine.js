// For someone who administers no account number: what eSecure is, and their own requests to use
// protected account numbers with what became of each.

import { invoke } from "../tauri.js";
import { say } from "../forms.js";
import { errorMessage, readError } from "../errors.js";
import { element, emptyOut, translated } from "../address-book/dom.js";
import { dateTime } from "../order/format.js";
import { groupNumber } from "./shared.js";

const STATUSES = {
  pending: "esecure-my-status-pending",
  approved: "esecure-my-status-approved",
  rejected: "esecure-my-status-rejected",
  revoked: "esecure-my-status-revoked",
};

const byId = (id) => document.getElementById(id);
let requests = null;
let ticket = 0;

function row(request) {
  return element("li", { class: "item-row esecure-my-row", "data-account-number": request.accountNumber, "data-status": request.status }, [
    element("div", { class: "item-body" }, [
      element("div", { class: "item-main" }, [
        element("span", { class: "account-number", text: groupNumber(request.accountNumber) }),
        element("span", { class: "esecure-badge", "data-status": request.status, "data-i18n": STATUSES[request.status] ?? STATUSES.pending }),
        element("span", { class: "draft-time", text: dateTime(request.decidedAt ?? request.requestedAt) }),
      ]),
    ]),
  ]);
}

export function renderMine() {
  const list = byId("esecure-my-list");
  emptyOut(list);
  list.append(...(requests ?? []).map((request) => translated(row(request))));
  byId("esecure-my-empty").hidden = !(requests && requests.length === 0);
}

export async function loadMine() {
  const mine = ++ticket;
  const loading = byId("esecure-my-loading");
  loading.hidden = requests !== null;
  say(byId("esecure-my-status"), null);
  try {
    const answer = await invoke("esecure_my_requests");
    if (mine !== ticket) return;
    requests = Array.isArray(answer) ? answer : [];
    renderMine();
  } catch (error) {
    if (mine !== ticket) return;
    say(byId("esecure-my-status"), errorMessage(readError(error)), "error");
  } finally {
    if (mine === ticket) loading.hidden = true;
  }
}

export function forgetMine() {
  ticket += 1;
  requests = null;
  renderMine();
  say(byId("esecure-my-status"), null);
}
