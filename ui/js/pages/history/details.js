// One order's details below the table: what was ordered, where to, by whom, its progress line,
// the Track & Trace link (opened in the system browser) and cancelling while that is allowed.

import { openTrackingLink, orderAgain, orderCancel, orderDetails } from "../../lib/gateway.js";
import { onLanguageChange, t } from "../../lib/i18n.js";
import { say } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { element, translated } from "../../lib/dom.js";
import { addressDetails, addressLines } from "../../lib/address.js";
import { dateTime, groupNumber, packs } from "../../lib/format.js";
import { statusBadge } from "./labels.js";
import { progressLine } from "./progress.js";
import { latestRequest } from "../../lib/latest.js";

let panel;
let hooks = { onChanged: () => {}, orderAgain: async () => {} };
/** The order shown (or being read), or null. */
let current = null;
/** The details as last read. */
let details = null;
let confirming = false;
const ticket = latestRequest();

export function openOrder() {
  return current;
}

function status() {
  return document.getElementById("order-details-message");
}

// --- Building ----------------------------------------------------------------------------------

function detail(label, value, attributes = {}) {
  return element("div", { class: "history-detail" }, [
    element("dt", { "data-i18n": label }),
    element("dd", attributes, [value ?? ""]),
  ]);
}

function addressBlock(address) {
  if (!address) return element("p", { class: "history-muted", "data-i18n": "history-details-no-address" });
  return element("div", {}, [addressLines(address), addressDetails(address)]);
}

function lineItem(item) {
  const name = item.sold === false || !item.name
    ? element("span", { class: "history-line-name" }, [
      element("span", { class: "supply-code", text: item.sku }),
      item.sold === false ? element("span", { class: "history-not-sold", "data-i18n": "history-details-not-sold" }) : null,
    ])
    : element("span", { class: "history-line-name" }, [
      element("span", { text: item.name }),
      element("span", { class: "supply-code", text: item.sku }),
    ]);
  return element("li", { class: "history-line" }, [name, element("span", { class: "history-line-packs", text: packs(item.packs) })]);
}

function actions(order) {
  if (confirming) {
    return element("div", { class: "item-confirm history-confirm", role: "group", "aria-labelledby": "order-details-question" }, [
      element("p", { class: "item-confirm-text", id: "order-details-question" }, [
        element("strong", { "data-i18n": "history-cancel-question" }),
        " ",
        element("span", { "data-i18n": "history-cancel-consequence" }),
      ]),
      element("div", { class: "item-actions" }, [
        element("button", { type: "button", class: "button button-danger button-compact", id: "order-details-confirm-cancel", "data-i18n": "history-cancel-confirm" }),
        element("button", { type: "button", class: "button button-secondary button-compact", id: "order-details-keep", "data-i18n": "history-cancel-keep" }),
      ]),
    ]);
  }
  return element("div", { class: "item-actions history-actions" }, [
    order.track_and_trace_url
      ? element("button", { type: "button", class: "button button-primary button-compact", id: "order-details-track", "data-i18n": "history-track" })
      : null,
    element("button", { type: "button", class: "button button-secondary button-compact", id: "order-details-again", "data-i18n": "history-again" }),
    order.can_cancel
      ? element("button", { type: "button", class: "button button-secondary button-compact", id: "order-details-cancel", "data-i18n": "history-cancel" })
      : null,
  ]);
}

function body(order) {
  return [
    element("dl", { class: "history-summary" }, [
      detail("history-column-order_number", order.order_number),
      detail("history-column-created_at", dateTime(order.created_at)),
      detail("history-column-status", statusBadge(order.status), { id: "order-details-status", "data-status": order.status }),
      detail("history-column-account_number", groupNumber(order.account_number ?? "")),
      order.tracking_number ? detail("history-details-tracking-number", order.tracking_number) : null,
      detail("history-details-ordered-by", order.ordered_by || t("history-details-unknown"),
        order.ordered_by ? {} : { class: "history-muted", "data-i18n": "history-details-unknown" }),
    ]),
    element("section", { "aria-labelledby": "order-details-progress-title" }, [
      element("h3", { class: "order-subtitle", id: "order-details-progress-title", "data-i18n": "history-details-progress" }),
      progressLine(order, { id: "order-details-progress", "aria-labelledby": "order-details-progress-title" }),
    ]),
    element("div", { class: "history-details-grid" }, [
      element("section", { "aria-labelledby": "order-details-address-title" }, [
        element("h3", { class: "order-subtitle", id: "order-details-address-title", "data-i18n": "history-details-address" }),
        addressBlock(order.address),
      ]),
    ]),
    element("section", { "aria-labelledby": "order-details-lines-title" }, [
      element("h3", { class: "order-subtitle", id: "order-details-lines-title", "data-i18n": "history-details-lines" }),
      element("ul", { class: "history-lines", role: "list" }, (order.lines ?? []).map(lineItem)),
    ]),
    actions(order),
  ];
}

function frame(content) {
  const number = current;
  return [
    element("div", { class: "history-details-head" }, [
      element("h2", {
        class: "card-title",
        id: "order-details-title",
        tabindex: "-1",
        text: t("history-details-title", { orderNumber: number }),
      }),
      element("button", { type: "button", class: "button button-secondary button-compact", id: "order-details-close", "data-i18n": "history-details-close" }),
    ]),
    element("p", { id: "order-details-message", class: "form-status", role: "status", "aria-live": "polite" }),
    ...content,
  ];
}

function render({ keepMessage = false } = {}) {
  const message = status();
  const kept = keepMessage && message?.textContent ? message : null;
  if (!kept) say(message, null);
  let content;
  if (details) content = body(details);
  else content = [element("p", { class: "list-state list-loading", "data-i18n": "history-details-loading" })];
  panel.replaceChildren(...frame(content));
  translated(panel);
  panel.setAttribute("aria-busy", details ? "false" : "true");
  if (kept) panel.querySelector("#order-details-message").replaceWith(kept);
}

function showProblem(error) {
  say(status(), errorMessage(readError(error)), "error");
}

// --- Commands ----------------------------------------------------------------------------------

async function read(orderNumber) {
  const isLatest = ticket.begin();
  try {
    const answer = await orderDetails(orderNumber);
    if (!isLatest()) return;
    details = answer;
    render();
  } catch (error) {
    if (!isLatest()) return;
    panel.removeAttribute("aria-busy");
    panel.querySelector(".list-loading")?.remove();
    showProblem(error);
    const retry = translated(element("button", { type: "button", class: "button button-secondary list-retry", id: "order-details-retry", "data-i18n": "history-retry" }));
    panel.append(retry);
  }
}

/** Shows the details of `orderNumber` and moves focus to them. */
export function openDetails(orderNumber) {
  const same = current === orderNumber && details;
  current = orderNumber;
  confirming = false;
  if (!same) details = null;
  panel.hidden = false;
  render();
  panel.querySelector("#order-details-title").focus({ preventScroll: true });
  panel.scrollIntoView({ block: "nearest" });
  read(orderNumber);
}

export function closeDetails({ focus = true } = {}) {
  if (current === null) return;
  const number = current;
  ticket.forget();
  current = null;
  details = null;
  confirming = false;
  say(status(), null);
  panel.hidden = true;
  panel.replaceChildren();
  const row = document.querySelector(`#history-rows tr[data-order-number="${CSS.escape(number)}"]`);
  row?.removeAttribute("aria-current");
  if (focus) (row ?? document.getElementById("history-table").querySelector("button[data-sort]"))?.focus();
}

export function forgetDetails() {
  closeDetails({ focus: false });
}

async function openTracking(button) {
  button.disabled = true;
  try {
    await openTrackingLink(current);
  } catch (error) {
    showProblem(error);
  } finally {
    button.disabled = false;
  }
}

async function cancelOrder(button) {
  const orderNumber = current;
  button.disabled = true;
  button.classList.add("is-busy");
  panel.setAttribute("aria-busy", "true");
  const isLatest = ticket.begin();
  try {
    const answer = await orderCancel(orderNumber);
    if (!isLatest()) return;
    details = answer;
    confirming = false;
    render();
    say(status(), () => t("history-cancelled", { orderNumber }), "success");
    panel.querySelector("#order-details-status")?.closest(".history-detail")?.scrollIntoView({ block: "nearest" });
    panel.querySelector("#order-details-title").focus({ preventScroll: true });
    hooks.onChanged();
  } catch (error) {
    if (!isLatest()) return;
    confirming = false;
    panel.removeAttribute("aria-busy");
    // The order may have moved on meanwhile (shipped, say): show it as it is now.
    try {
      details = await orderDetails(orderNumber);
    } catch {
      // keep what was shown
    }
    if (!isLatest()) return;
    render();
    showProblem(error);
    hooks.onChanged();
    panel.querySelector("#order-details-title").focus({ preventScroll: true });
  }
}

/** Copies the order into a new draft and opens it in the wizard. */
async function reorder(button) {
  const orderNumber = current;
  button.disabled = true;
  button.classList.add("is-busy");
  try {
    const result = await orderAgain(orderNumber);
    closeDetails({ focus: false });
    await hooks.orderAgain(result, orderNumber);
  } catch (error) {
    showProblem(error);
  } finally {
    button.disabled = false;
    button.classList.remove("is-busy");
  }
}

export function startDetails(options) {
  hooks = { ...hooks, ...options };
  panel = document.getElementById("order-details");
  panel.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || button.disabled) return;
    switch (button.id) {
      case "order-details-close":
        closeDetails();
        break;
      case "order-details-retry":
        openDetails(current);
        break;
      case "order-details-track":
        openTracking(button);
        break;
      case "order-details-again":
        reorder(button);
        break;
      case "order-details-cancel":
        confirming = true;
        render({ keepMessage: false });
        panel.querySelector("#order-details-keep")?.focus();
        break;
      case "order-details-keep":
        confirming = false;
        render();
        panel.querySelector("#order-details-cancel")?.focus();
        break;
      case "order-details-confirm-cancel":
        cancelOrder(button);
        break;
      default:
    }
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (confirming) {
      confirming = false;
      render();
      panel.querySelector("#order-details-cancel")?.focus();
    } else closeDetails();
  });
  // Dates and the title are written out; build them again in the new language.
  onLanguageChange(() => {
    if (current !== null && details) render({ keepMessage: true });
  });
}
