// Quantities in packs, kept exactly as typed, per article (SKU). What the user typed is never
// changed or dropped: a quantity over an item's maximum, an order over its maximum, or text that
// is not a number stays on screen, is marked with a message, and the step cannot be left until
// it is fixed. Only whole numbers of packs go into the draft's lines.

import { t } from "../../lib/i18n.js";
import { clearStatus, focusField, say, showStatus } from "../../lib/forms.js";
import { errorMessage, fieldMessage } from "../../lib/errors.js";
import { element, translated } from "../../lib/dom.js";
import { changed, current } from "./draft.js";
import { items, number, packs } from "../../lib/format.js";

/** oso-core's MAX_QUANTITY: the most packs one line can hold. */
const MAX_QUANTITY = 9999;

/** SKU → text as typed, in the order first typed (the order of the draft's lines). */
const typed = new Map();
/** SKU → { card, input, minus, plus, note, item } of the items on screen. */
let cards = new Map();
let orderMax = null;
/** Codes the desktop's check or the service gave, shown until the line is edited. */
const external = new Map();
let linesProblem = null;

const byId = (id) => document.getElementById(id);

function parse(text) {
  const trimmed = text.trim();
  if (!trimmed) return { value: null, code: null };
  if (/^\+?\d+$/.test(trimmed)) return { value: Number(trimmed.replace("+", "")), code: null };
  if (/^-\d+$/.test(trimmed)) return { value: null, code: "too_small" };
  return { value: null, code: "invalid_quantity" };
}

/** The packs a text puts in the draft: a whole number a line can hold; 0 or empty is none. */
function packsOf(text) {
  const { value } = parse(text);
  return value !== null && value >= 1 && value <= MAX_QUANTITY ? value : null;
}

function localCode(sku) {
  const { value, code } = parse(typed.get(sku) ?? "");
  if (code) return code;
  const max = cards.get(sku)?.item.max_packs_per_order;
  if (value !== null && max !== undefined && value > max) return "over_item_maximum";
  if (value !== null && value > MAX_QUANTITY) return "too_large";
  return null;
}

function totals() {
  let lines = 0;
  let total = 0;
  for (const text of typed.values()) {
    const count = packsOf(text);
    if (count === null) continue;
    lines += 1;
    total += count;
  }
  return { lines, total };
}

function isFull() {
  return orderMax !== null && totals().total >= orderMax;
}

function messageFor(code, item) {
  if (code === "over_item_maximum" && item) {
    const max = item.max_packs_per_order;
    return () => t("order-item-over-maximum", { packs: packs(max) });
  }
  return fieldMessage(code);
}

function setDisabled(button, disabled) {
  // aria-disabled rather than disabled: a focused button that is disabled drops focus.
  if ((button.getAttribute("aria-disabled") === "true") === disabled) return;
  if (disabled) button.setAttribute("aria-disabled", "true");
  else button.removeAttribute("aria-disabled");
}

function renderItem(sku, full) {
  const parts = cards.get(sku);
  if (!parts) return;
  const text = typed.get(sku) ?? "";
  const code = external.get(sku) ?? localCode(sku);
  const { value } = parse(text);
  const max = parts.item.max_packs_per_order;
  const invalid = code !== null;
  // Clearing a step's errors (forms.js) takes the message out of the description; put it back.
  if (parts.input.getAttribute("aria-describedby") !== parts.note.id) {
    parts.input.setAttribute("aria-describedby", parts.note.id);
  }
  if (invalid) parts.input.setAttribute("aria-invalid", "true");
  else parts.input.removeAttribute("aria-invalid");
  parts.card.dataset.invalid = String(invalid);
  parts.card.dataset.chosen = String(packsOf(text) !== null);
  if (invalid) say(parts.note, messageFor(code, parts.item), "error");
  else if (value === max) say(parts.note, () => t("order-item-at-maximum", { packs: packs(max) }), "info");
  else say(parts.note, null);
  setDisabled(parts.minus, !(value > 0));
  setDisabled(parts.plus, value !== null && value >= max ? true : full);
}

function renderTotal() {
  const totalText = byId("order-total");
  const limit = byId("order-limit-message");
  if (orderMax === null) {
    say(totalText, null);
    say(limit, null);
    return;
  }
  const { lines, total } = totals();
  const max = orderMax;
  say(totalText, () => t("order-total", { lines: items(lines), packs: number(total), max: number(max) }));
  if (total > max) {
    say(limit, () => t("order-total-over", { total: number(total), max: number(max) }), "error");
  } else if (linesProblem === "required") {
    say(limit, () => t("order-lines-required"), "error");
  } else if (linesProblem) {
    say(limit, fieldMessage(linesProblem), "error");
  } else if (total === max) {
    say(limit, () => t("order-total-at", { max: number(max) }), "info");
  } else {
    say(limit, null);
  }
  byId("order-total-bar").dataset.state = total > max ? "over" : total === max ? "full" : "ok";
}

/** Lines in the draft that no item on screen shows: no longer sold, or sold no more. */
function renderUnavailable() {
  const missing = orderMax === null ? [] : [...typed.keys()].filter((sku) => !cards.has(sku));
  byId("order-unavailable").hidden = !missing.length;
  byId("order-unavailable-list").replaceChildren(
    ...missing.map((sku) => {
      const code = external.get(sku) ?? "not_sold";
      const count = packsOf(typed.get(sku) ?? "");
      return translated(element("li", { class: "item-row", "data-unavailable-sku": sku }, [
        element("div", { class: "item-body" }, [
          element("div", { class: "item-main" }, [
            element("span", { class: "supply-code", text: sku }),
            count === null ? null : element("span", { text: packs(count) }),
            element("span", { class: "field-error supply-unavailable-reason", text: fieldMessage(code)() }),
          ]),
          element("button", {
            type: "button",
            class: "button button-secondary button-compact",
            "data-remove-line": sku,
            "data-i18n": "order-remove-line",
          }),
        ]),
      ]));
    }),
  );
}

/** Renders every item's state, the total and the unavailable lines. */
export function renderQuantities() {
  const full = isFull();
  byId("order-total-bar").dataset.full = String(full);
  for (const sku of cards.keys()) renderItem(sku, full);
  renderTotal();
  renderUnavailable();
}

function writeLines() {
  const lines = [];
  for (const [sku, text] of typed) {
    const count = packsOf(text);
    if (count !== null) lines.push({ sku, packs: count });
  }
  const draft = current();
  if (JSON.stringify(draft.lines) === JSON.stringify(lines)) return;
  draft.lines = lines;
  changed();
}

/** The text typed for `sku`, "" when none. */
export function typedText(sku) {
  return typed.get(sku) ?? "";
}

/** The user typed `text` in the quantity of `sku`. */
export function typedInto(sku, text) {
  if (text === "") typed.delete(sku);
  else typed.set(sku, text);
  external.delete(sku);
  linesProblem = null;
  const full = isFull();
  // Reaching or leaving the order's maximum changes every item's + button.
  if (full !== (byId("order-total-bar").dataset.full === "true")) {
    byId("order-total-bar").dataset.full = String(full);
    for (const other of cards.keys()) renderItem(other, full);
  } else {
    renderItem(sku, full);
  }
  renderTotal();
  writeLines();
  // "Some fields need your attention" goes once nothing needs it any more.
  const step = byId("order-step-3");
  if (byId("order-step-3-status").dataset.tone === "error" && !suppliesBlocked() && !external.size) {
    clearStatus(step);
  }
}

/** − and +: one pack less or more; text that is not a number is left for the user to fix. */
export function stepBy(sku, delta, button = null) {
  const parts = cards.get(sku);
  if (!parts || button?.getAttribute("aria-disabled") === "true") return;
  const { value, code } = parse(typed.get(sku) ?? "");
  if (code) {
    parts.input.focus();
    return;
  }
  const next = Math.max(0, (value ?? 0) + delta);
  parts.input.value = next === 0 ? "" : String(next);
  typedInto(sku, parts.input.value);
}

export function removeLine(sku) {
  typed.delete(sku);
  external.delete(sku);
  renderQuantities();
  writeLines();
}

/** The items now on screen, after the catalogue was (re)built. */
export function useCards(nextCards, maxPacks) {
  cards = nextCards;
  orderMax = maxPacks;
  for (const [sku, parts] of cards) parts.input.value = typed.get(sku) ?? "";
  renderQuantities();
}

/** Shows a draft's lines. */
export function fillQuantities(lines) {
  typed.clear();
  external.clear();
  linesProblem = null;
  for (const line of lines) typed.set(line.sku, String(line.packs));
  for (const [sku, parts] of cards) parts.input.value = typed.get(sku) ?? "";
  renderQuantities();
}

/** Whether the step has problems of its own; `explain` shows them and focuses the first. */
export function suppliesBlocked({ explain = false } = {}) {
  const invalid = [...cards.keys()].filter((sku) => localCode(sku) !== null);
  const over = orderMax !== null && totals().total > orderMax;
  if (!invalid.length && !over) return false;
  if (explain) {
    renderQuantities();
    showStatus(byId("order-step-3"), errorMessage({ code: "validation_failed" }), "error");
    if (invalid.length) focusField(cards.get(invalid[0]).input);
  }
  return true;
}

/** Refused lines from the desktop's check or the service: `lines` and `lines.<SKU>`. */
export function showSupplyProblems(fields) {
  for (const [name, code] of Object.entries(fields)) {
    if (name === "lines") linesProblem = code;
    else external.set(name.slice("lines.".length), code);
  }
  renderQuantities();
  showStatus(byId("order-step-3"), errorMessage({ code: "validation_failed" }), "error");
  const first = [...cards.keys()].find((sku) => external.has(sku));
  if (first) focusField(cards.get(first).input);
}

/** The step's errors were cleared for a new check: only what the user typed is judged again. */
export function quantitiesCleared() {
  external.clear();
  linesProblem = null;
  renderQuantities();
}

export function forgetQuantities() {
  typed.clear();
  external.clear();
  linesProblem = null;
  cards = new Map();
  orderMax = null;
  renderQuantities();
}
