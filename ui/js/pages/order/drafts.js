// "Drafts and queued orders": unfinished orders kept on this computer, and confirmed ones with
// what became of them: waiting to be sent, accepted (with the order number) or refused (with the
// reason, and open again to correct). An unfinished or refused one opens in the wizard.

import { draftDiscard, draftOpen, draftsList } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { say } from "../../lib/forms.js";
import { ESECURE_CODES, errorMessage, fieldMessage, readError } from "../../lib/errors.js";
import { currentSession } from "../../lib/session.js";
import { element, emptyOut, presentWhen, rowButton, translated } from "../../lib/dom.js";
import { catalogueItem } from "./supplies.js";
import { dateTime, groupNumber, items, maskedAccountNumber, number, packs } from "../../lib/format.js";
import { latestRequest } from "../../lib/latest.js";
import { ADDRESS_LABELS } from "../../lib/address.js";

/** eSecure's final answers, naming the account number. */
const ESECURE_REFUSALS = {
  approval_rejected: "order-esecure-approval_rejected",
  access_refused: "order-esecure-access_refused",
};

/** The eSecure message for a refusal of an order for `accountNumber`, or null. */
export function esecureRefusal(problem, accountNumber) {
  const code = ESECURE_CODES.find((candidate) =>
    candidate === problem.code || candidate === problem.fields?.account_number);
  if (!code || !ESECURE_REFUSALS[code]) return null;
  return t(ESECURE_REFUSALS[code], { number: maskedAccountNumber(accountNumber) });
}

const STATES = {
  editing: "order-draft-state-editing",
  waiting: "order-draft-state-waiting",
  approval: "order-draft-state-approval",
  accepted: "order-draft-state-accepted",
  refused: "order-draft-state-refused",
};

/** The fields a refusal can name → the label the user knows them by. */
const FIELD_LABELS = {
  account_number: "account-numbers-number",
  ...ADDRESS_LABELS,
  lines: "order-step-supplies",
};

let list;
let empty;
let loading;
let count;
let pageStatus;
/** From drafts_list, newest first; null until read. */
let summaries = null;
/** The queue as the desktop last reported it, by draft id. */
const queue = new Map();
let confirming = null;
const ticket = latestRequest();
let hooks = { open: async () => {}, discarded: () => {}, currentId: () => null };

const byId = (id) => document.getElementById(id);

function fieldLabel(name) {
  if (name.startsWith("lines.")) {
    const sku = name.slice("lines.".length);
    return catalogueItem(sku)?.name ?? sku;
  }
  return FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : name;
}

/** Why the service refused an order, in words. */
function refusalText(refusal, accountNumber) {
  const problem = readError(refusal);
  const esecure = esecureRefusal(problem, accountNumber);
  if (esecure) return t("order-draft-refusal", { reason: esecure });
  const fields = Object.entries(problem.fields).map(
    ([name, code]) => `${fieldLabel(name)}: ${fieldMessage(code)()}`,
  );
  const reason = fields.length ? fields.join(" ") : errorMessage(problem)();
  return t("order-draft-refusal", { reason });
}

function shownNumber(typed) {
  const digits = (typed ?? "").trim().replace(/[\s.-]/g, "");
  return /^\d{9}$/.test(digits) ? groupNumber(digits) : (typed ?? "").trim();
}

function button(summary, action, message, style = "button-secondary") {
  const row = `order-draft-${summary.id}`;
  return rowButton(row, action, message, { "aria-describedby": `${row}-summary` }, { style });
}

function actions(summary, isCurrent) {
  if (confirming === summary.id) {
    return element("div", { class: "item-confirm", role: "group" }, [
      element("p", { class: "item-confirm-text", "data-i18n": "order-draft-discard-question" }),
      element("div", { class: "item-actions" }, [
        button(summary, "confirm-discard", "order-draft-confirm-discard", "button-danger"),
        button(summary, "cancel", "order-draft-cancel"),
      ]),
    ]);
  }
  const editable = summary.state === "editing" || summary.state === "refused";
  return element("div", { class: "item-actions" }, [
    editable && !isCurrent ? button(summary, "open", "order-draft-open", "button-primary") : null,
    editable ? button(summary, "discard", "order-draft-discard") : null,
    summary.state === "accepted" ? button(summary, "discard", "order-draft-remove") : null,
    summary.state === "approval" ? button(summary, "discard", "order-draft-withdraw") : null,
  ]);
}

function row(summary) {
  const isCurrent = summary.id === hooks.currentId();
  const openable = (summary.state === "editing" || summary.state === "refused") && !isCurrent;
  const refusal = summary.refusal ?? queue.get(summary.id)?.refusal ?? null;
  const number = shownNumber(summary.account_number);
  return element("li", {
    class: "item-row order-draft",
    "data-draft-id": summary.id,
    "data-draft-state": summary.state,
    "data-openable": String(openable),
    "data-current": String(isCurrent),
  }, [
    element("div", { class: "item-body" }, [
      element("div", { class: "item-main", id: `order-draft-${summary.id}-summary` }, [
        element("span", { class: "draft-state", "data-state-tone": summary.state, "data-i18n": STATES[summary.state] ?? STATES.editing }),
        number
          ? element("span", { class: "account-number", text: number })
          : element("span", { class: "item-name-empty", "data-i18n": "order-draft-no-number" }),
        element("span", { class: "draft-contents", text: t("order-draft-contents", { lines: items(summary.lines ?? 0), packs: packs(summary.packs ?? 0) }) }),
        element("span", { class: "draft-time", text: t("order-draft-updated", { time: dateTime(summary.updated_at) }) }),
        summary.order_number
          ? element("span", { class: "draft-order-number", text: t("order-draft-order-number", { number: summary.order_number }) })
          : null,
        isCurrent ? element("span", { class: "draft-current", "data-i18n": "order-draft-current" }) : null,
      ]),
      actions(summary, isCurrent),
    ]),
    summary.state === "refused" && refusal ? element("p", { class: "draft-refusal", text: refusalText(refusal, summary.account_number) }) : null,
    summary.state === "approval"
      ? element("p", { class: "draft-approval", text: t("order-draft-approval", { number: maskedAccountNumber(summary.account_number) }) })
      : null,
  ]);
}

/** Draws the list again (after a change, a language switch, another draft in the wizard). */
export function renderDrafts() {
  emptyOut(list);
  list.append(...(summaries ?? []).map((summary) => translated(row(summary))));
  presentWhen(empty, list, summaries !== null && summaries.length === 0);
  count.textContent = summaries?.length ? number(summaries.length) : "";
}

export async function loadDrafts() {
  if (currentSession()?.state !== "signed_in") return;
  const isLatest = ticket.begin();
  loading.hidden = summaries !== null;
  try {
    const answer = await draftsList();
    if (!isLatest()) return;
    summaries = Array.isArray(answer) ? answer : [];
    if (confirming && !summaries.some((summary) => summary.id === confirming)) confirming = null;
    renderDrafts();
  } catch (error) {
    if (!isLatest()) return;
    say(byId("order-drafts-status"), errorMessage(readError(error)), "error");
  } finally {
    if (isLatest()) loading.hidden = true;
  }
}

function announce(message, tone = "info") {
  say(pageStatus, null);
  say(pageStatus, message, tone);
}

/**
 * The queue as the desktop reports it. With `tell`, an order that was waiting and is now
 * accepted or refused is announced.
 */
export function followQueue(entries, { tell = false } = {}) {
  for (const entry of Array.isArray(entries) ? entries : []) {
    const before = queue.get(entry.id);
    queue.set(entry.id, entry);
    if (!tell || (before?.state !== "waiting" && before?.state !== "approval")) continue;
    if (entry.state === "accepted") {
      const orderNumber = entry.order_number ?? "";
      announce(() => t("order-sent-accepted", { number: orderNumber }), "success");
    } else if (entry.state === "refused" && before.state === "approval") {
      const reason = esecureRefusal(readError(entry.refusal ?? {}), entry.account_number) ?? "";
      announce(() => t("order-sent-approval-refused", { reason }), "error");
    } else if (entry.state === "refused") {
      announce(() => t("order-sent-refused"), "error");
    }
  }
  loadDrafts();
}

/** Notes that draft `id` now waits in the queue (`state`), so its sending is announced. */
export function noteWaiting(id, state = "waiting") {
  queue.set(id, { id, state });
}

/** What the queue last said about draft `id`. */
export function queued(id) {
  return queue.get(id) ?? null;
}

async function open(id) {
  try {
    const draft = await draftOpen(id);
    const refusal = summaries?.find((summary) => summary.id === id)?.refusal ?? queue.get(id)?.refusal ?? null;
    await hooks.open(draft, refusal);
  } catch (error) {
    say(byId("order-drafts-status"), errorMessage(readError(error)), "error");
    loadDrafts();
  }
}

async function discard(id) {
  try {
    await draftDiscard(id);
    confirming = null;
    summaries = (summaries ?? []).filter((summary) => summary.id !== id);
    queue.delete(id);
    renderDrafts();
    say(byId("order-drafts-status"), () => t("order-draft-discarded"), "success");
    list.closest("details").querySelector("summary").focus();
    hooks.discarded(id);
  } catch (error) {
    say(byId("order-drafts-status"), errorMessage(readError(error)), "error");
  }
}

export function forgetDrafts() {
  ticket.forget();
  summaries = null;
  confirming = null;
  queue.clear();
  say(byId("order-drafts-status"), null);
  renderDrafts();
}

/** hooks.open(draft, refusal), hooks.discarded(id), hooks.currentId(). */
export function startDrafts(callbacks) {
  hooks = { ...hooks, ...callbacks };
  list = byId("order-drafts");
  empty = byId("order-drafts-empty");
  empty.remove();
  loading = byId("order-drafts-loading");
  count = byId("order-drafts-count");
  pageStatus = byId("order-page-status");

  list.addEventListener("click", (event) => {
    const rowElement = event.target.closest("[data-draft-id]");
    if (!rowElement) return;
    const id = rowElement.dataset.draftId;
    const action = event.target.closest("button[data-action]")?.dataset.action;
    say(byId("order-drafts-status"), null);
    if (action === "discard" || action === "cancel") {
      confirming = action === "discard" ? id : null;
      renderDrafts();
      const focus = action === "discard" ? "confirm-discard" : "discard";
      list.querySelector(`[data-draft-id="${CSS.escape(id)}"] [data-action="${focus}"]`)?.focus();
    } else if (action === "confirm-discard") {
      discard(id);
    } else if (action === "open" || (!action && confirming !== id && rowElement.dataset.openable === "true")) {
      open(id);
    }
  });
}
