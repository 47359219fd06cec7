// An order's status as a line of steps, Received → In progress → Shipped → Completed: the steps
// it passed are done (with when), the one it is at is highlighted, those to come are dim. A
// cancelled order shows the steps it reached and then "Cancelled"; a status this app does not
// know yet comes after the steps it reached, as the service named it.

import { element } from "../../lib/dom.js";
import { dateTime } from "../../lib/format.js";
import { STATUS_IDS } from "./labels.js";

const LIFECYCLE = ["received", "in_progress", "shipped", "completed"];

// What a screen reader hears after each step's name: the line's look says it to the eye.
const STATE_IDS = {
  done: "history-progress-done",
  current: "history-progress-current",
  cancelled: "history-progress-current",
  todo: "history-progress-todo",
};

/** Each step `{ status, state, at }` of `order`'s line; `at` is when it was reached, if known. */
export function progressSteps(order) {
  const reached = new Map();
  for (const change of Array.isArray(order.timeline) ? order.timeline : []) reached.set(change.status, change.changed_at);
  if (!reached.has("received") && order.created_at) reached.set("received", order.created_at);
  const at = LIFECYCLE.indexOf(order.status);
  if (at >= 0) {
    return LIFECYCLE.map((status, index) => {
      if (index < at) return { status, state: "done", at: reached.get(status) ?? null };
      if (index === at) return { status, state: "current", at: reached.get(status) ?? null };
      return { status, state: "todo", at: null };
    });
  }
  // Cancelled (or unknown): the lifecycle up to the furthest step it reached, then its status.
  const furthest = Math.max(0, ...LIFECYCLE.map((status, index) => (reached.has(status) ? index : 0)));
  const passed = LIFECYCLE.slice(0, furthest + 1).map((status) => ({ status, state: "done", at: reached.get(status) ?? null }));
  const state = order.status === "cancelled" ? "cancelled" : "current";
  return [...passed, { status: order.status, state, at: reached.get(order.status) ?? null }];
}

function stepItem({ status, state, at }) {
  const id = STATUS_IDS[status];
  return element("li", {
    class: "order-progress-step",
    "data-status": status,
    "data-state": state,
    "aria-current": state === "current" || state === "cancelled" ? "step" : null,
  }, [
    element("span", { class: "order-progress-marker", "aria-hidden": "true" }),
    element("span", { class: "order-progress-label", "data-i18n": id ?? null, text: id ? null : status }),
    element("span", { class: "visually-hidden", "data-i18n": STATE_IDS[state] }),
    at ? element("time", { datetime: at, text: dateTime(at) }) : null,
  ]);
}

/** The progress line of `order` as an ordered list (translated by the caller). */
export function progressLine(order, attributes = {}) {
  return element("ol", { ...attributes, class: "order-progress" }, progressSteps(order).map(stepItem));
}
