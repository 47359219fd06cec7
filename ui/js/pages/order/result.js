// After "Confirm order": the order number, "Waiting to be sent" while the service cannot be
// reached, or "Waiting for approval" when eSecure asked the account's administrators first. A waiting order shown here follows the queue, so its number appears once it is sent.
// Only the state that applies is in the page, so nothing stale can be read from it.

import { element, emptyOut, translated } from "../../lib/dom.js";
import { t } from "../../lib/i18n.js";
import { maskedAccountNumber } from "../../lib/format.js";
import { esecureRefusal } from "./drafts.js";
import { readError } from "../../lib/errors.js";

let shown = null;
let hooks = { newOrder: () => {} };

const byId = (id) => document.getElementById(id);

function body() {
  if (shown.state === "accepted") {
    return element("div", { class: "order-result-body", "data-state": "accepted" }, [
      element("h2", { class: "card-title", id: "order-result-title", "data-i18n": "order-result-accepted-title" }),
      element("p", { class: "order-result-number" }, [
        element("span", { "data-i18n": "order-result-number" }),
        " ",
        element("strong", { id: "order-number", text: shown.orderNumber ?? "" }),
      ]),
      element("p", { "data-i18n": "order-result-accepted-text" }),
    ]);
  }
  if (shown.state === "refused") {
    const esecure = shown.refusal ? esecureRefusal(readError(shown.refusal), shown.accountNumber) : null;
    return element("div", { class: "order-result-body", "data-state": "refused" }, [
      element("h2", { class: "card-title", id: "order-result-title", "data-i18n": "order-result-refused-title" }),
      esecure ? element("p", { id: "order-result-reason", text: esecure }) : null,
      element("p", { "data-i18n": "order-result-refused-text" }),
    ]);
  }
  if (shown.state === "approval") {
    const number = maskedAccountNumber(shown.accountNumber);
    return element("div", { class: "order-result-body", "data-state": "approval" }, [
      element("h2", { class: "card-title", id: "order-result-title", "data-i18n": "order-result-approval-title" }),
      element("p", { id: "order-result-approval", text: t("order-result-approval-text", { number }) }),
    ]);
  }
  return element("div", { class: "order-result-body", "data-state": "waiting" }, [
    element("h2", { class: "card-title", id: "order-result-title", "data-i18n": "order-result-waiting-title" }),
    element("p", { "data-i18n": "order-result-waiting-text" }),
  ]);
}

function render() {
  const result = byId("order-result");
  emptyOut(result);
  if (!shown) return;
  result.dataset.result = shown.state;
  result.append(
    translated(body()),
    translated(element("div", { class: "form-actions" }, [
      element("button", { type: "button", class: "button button-primary", id: "order-new", "data-i18n": "order-new" }),
    ])),
  );
}

/** Shows what became of draft `id`: `{ state, orderNumber }`. */
export function showResult(outcome, id) {
  const state = ["accepted", "approval"].includes(outcome?.state) ? outcome.state : "waiting";
  shown = { id, state, orderNumber: outcome?.order_number ?? null, accountNumber: outcome?.account_number ?? "", refusal: null };
  render();
  byId("order-wizard").hidden = true;
  byId("order-footer").hidden = true;
  const result = byId("order-result");
  result.hidden = false;
  result.focus({ preventScroll: true });
  result.scrollIntoView({ block: "nearest" });
}

export function hideResult() {
  shown = null;
  render();
  byId("order-result").hidden = true;
  byId("order-wizard").hidden = false;
  byId("order-footer").hidden = false;
}

/** The queue changed: a waiting order shown here may have been sent or refused. */
export function followQueue(entries) {
  const entry = shown && entries.find((candidate) => candidate.id === shown.id);
  if (!entry || entry.state === shown.state || entry.state === "editing") return;
  shown = { ...shown, state: entry.state, orderNumber: entry.order_number ?? null, refusal: entry.refusal ?? null };
  render();
}

/** Drawn again in the new language (the texts with a number are built here). */
export function renderResult() {
  render();
}

/** hooks.newOrder() when the user starts again. */
export function startResult(callbacks) {
  hooks = { ...hooks, ...callbacks };
  byId("order-result").addEventListener("click", (event) => {
    if (event.target.closest("#order-new")) hooks.newOrder();
  });
}
