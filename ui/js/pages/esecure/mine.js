// For someone who administers no account number: what eSecure is, and their own requests to use
// protected account numbers with what became of each.

import { esecureMyRequests } from "../../lib/gateway.js";
import { say } from "../../lib/forms.js";
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
};

const byId = (id) => document.getElementById(id);
let requests = null;
const ticket = latestRequest();

function row(request) {
  return element("li", { class: "item-row esecure-my-row", "data-account-number": request.account_number, "data-status": request.status }, [
    element("div", { class: "item-body" }, [
      element("div", { class: "item-main" }, [
        element("span", { class: "account-number", text: groupNumber(request.account_number) }),
        element("span", { class: "esecure-badge", "data-status": request.status, "data-i18n": STATUSES[request.status] ?? STATUSES.pending }),
        element("span", { class: "draft-time", text: dateTime(request.decided_at ?? request.requested_at) }),
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
