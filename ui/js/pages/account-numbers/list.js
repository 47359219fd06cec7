// The saved account numbers, one row each. A row is renamed in place (Enter saves, Escape
// cancels) and asks in place before it is removed; one row at a time is open for either.

import { accountNumbersList, accountNumbersRemove, accountNumbersRename } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearErrors, clearStatus, field, run, say, showStatus, trimmed } from "../../lib/forms.js";
import { groupNumber } from "../../lib/format.js";
import { buttonIn, element, emptyOut, focusAfterRemoval, presentWhen, rowButton, translated } from "../../lib/dom.js";
import { listReading } from "../../lib/list-reading.js";

let list;
let heading;
let status;
let loading;
let empty;
let retry;

/** As the service last gave them, in its order; null until a list has arrived. */
let items = null;
/** The row open for renaming or removing: `{ id, kind }`, or null. */
let open = null;
/** Only the answer to the newest request is shown. */
const reading = listReading({
  parts: () => ({ list, retry }),
  read: accountNumbersList,
  showStates: renderStates,
  arrived: (answer) => {
    items = answer;
    open = null;
    render();
  },
});

function rowId(item) {
  return `account-number-row-${item.id}`;
}

function rowOf(item) {
  return document.getElementById(rowId(item));
}

function itemOf(row) {
  return items?.find((item) => String(item.id) === row.dataset.id) ?? null;
}

function busy(row) {
  return row?.getAttribute("aria-busy") === "true";
}

/** Says `message` in `region` without scrolling to it: focus stays where the user works. */
function announce(region, message, tone) {
  say(region, null);
  say(region, message, tone);
}

// --- Rows ------------------------------------------------------------------------------------

function numberOf(item) {
  return element("span", { class: "account-number", id: `${rowId(item)}-number`, text: groupNumber(item.number) });
}

function nameOf(item) {
  return item.name
    ? element("span", { class: "item-name", text: item.name })
    : element("span", { class: "item-name item-name-empty", "data-i18n": "account-numbers-no-name" });
}

/** A row's button, named with the row's number for screen readers ("Rename 951 234 567"). */
function button(item, action, message, style = "button-secondary", type = "button") {
  return rowButton(rowId(item), action, message, { "aria-labelledby": `${rowId(item)}-number` }, { style, type });
}

function viewing(item) {
  return element("div", { class: "item-body" }, [
    element("div", { class: "item-main" }, [numberOf(item), nameOf(item)]),
    element("div", { class: "item-actions" }, [
      button(item, "rename", "account-numbers-rename"),
      button(item, "remove", "account-numbers-remove"),
    ]),
  ]);
}

function renaming(item) {
  const inputId = `${rowId(item)}-name`;
  const input = element("input", {
    class: "input item-input",
    id: inputId,
    type: "text",
    "data-field": "name",
    maxlength: 120,
    autocomplete: "off",
  });
  input.value = item.name;
  return element("form", { class: "item-body item-edit", novalidate: true }, [
    numberOf(item),
    element("div", { class: "field item-field" }, [
      element("label", { class: "visually-hidden", for: inputId }, [
        element("span", { "data-i18n": "account-numbers-name" }),
        " ",
        element("span", { text: groupNumber(item.number) }),
      ]),
      input,
      element("p", { class: "field-error", id: `${inputId}-error` }),
    ]),
    element("div", { class: "item-actions" }, [
      button(item, "save-name", "account-numbers-save-name", "button-primary", "submit"),
      button(item, "cancel", "account-numbers-cancel"),
    ]),
  ]);
}

function removing(item) {
  const question = `${rowId(item)}-question`;
  return element("div", { class: "item-body" }, [
    element("div", { class: "item-main" }, [numberOf(item), nameOf(item)]),
    element("div", { class: "item-confirm", role: "group", "aria-labelledby": question }, [
      element("p", { class: "item-confirm-text", id: question }, [
        element("strong", { "data-i18n": "account-numbers-remove-question" }),
        " ",
        element("span", { "data-i18n": "account-numbers-remove-history" }),
      ]),
      element("div", { class: "item-actions" }, [
        button(item, "confirm-remove", "account-numbers-confirm-remove", "button-danger"),
        button(item, "cancel", "account-numbers-cancel"),
      ]),
    ]),
  ]);
}

const BODIES = { view: viewing, rename: renaming, remove: removing };

function rowFor(item) {
  const row = element("li", {
    class: "item-row",
    id: rowId(item),
    "data-account-number": item.number,
    "data-id": item.id,
  }, [
    viewing(item),
    element("p", { class: "form-status item-status", id: `${rowId(item)}-status`, role: "status", "aria-live": "polite" }),
  ]);
  return translated(row);
}

/** Shows `item`'s row as `kind` (view, rename, remove), closing the row open before. */
function show(item, kind) {
  const row = rowOf(item);
  if (!row) return null;
  if (open && open.id !== item.id) {
    const other = items.find((candidate) => candidate.id === open.id);
    const otherRow = other && rowOf(other);
    if (otherRow && !busy(otherRow)) show(other, "view");
  }
  open = kind === "view" ? null : { id: item.id, kind };
  // A message left in another row is about an earlier step; only this row's stays relevant.
  for (const other of list.children) if (other !== row) clearStatus(other);
  clearErrors(row);
  row.dataset.mode = kind;
  row.firstElementChild.replaceWith(translated(BODIES[kind](item)));
  return row;
}

function renderStates(fetching) {
  loading.hidden = !(fetching && items === null);
  presentWhen(empty, list, items !== null && items.length === 0);
}

function render() {
  emptyOut(list);
  list.append(...(items ?? []).map(rowFor));
  renderStates(false);
}

// --- Commands ------------------------------------------------------------------------------

/** Reads the list again; true when it arrived. Rows open for editing are closed. */
export function load() {
  return reading.load();
}

/** The item was removed elsewhere meanwhile: show the list as it is now, and say so. */
async function reloadGone(problem) {
  if (problem.code !== "not_found") return;
  if (await load()) {
    announce(status, () => t("account-numbers-gone"), "info");
    heading.focus();
  }
}

function saveName(row, item) {
  const inputId = `${row.id}-name`;
  run(row, row.querySelector('[data-action="save-name"]'), {
    fields: { name: field(inputId) },
    send: () => accountNumbersRename(item.id, trimmed(inputId)),
    done: (saved) => {
      replace(saved);
      const shown = groupNumber(saved.number);
      const current = rowOf(saved);
      if (!current) return;
      buttonIn(current, '[data-action="rename"]')?.focus();
      showStatus(current, () => t("account-numbers-renamed", { number: shown }), "success");
    },
    failed: reloadGone,
  });
}

function remove(row, item) {
  run(row, row.querySelector('[data-action="confirm-remove"]'), {
    send: () => accountNumbersRemove(item.id),
    done: () => {
      items = items.filter((candidate) => candidate.id !== item.id);
      if (open?.id === item.id) open = null;
      const current = rowOf(item);
      const next = current?.nextElementSibling;
      const previous = current?.previousElementSibling;
      if (current) {
        clearErrors(current);
        current.remove();
      }
      renderStates(false);
      const shown = groupNumber(item.number);
      announce(status, () => t("account-numbers-removed", { number: shown }), "success");
      focusAfterRemoval(next, previous, '[data-action="remove"]', heading);
    },
    failed: reloadGone,
  });
}

/** Puts a saved number in the list; true when it is new, false when it replaced one. */
export function merge(saved) {
  if (items === null || busy(list)) {
    // No list yet, or one on its way that may predate this save: read it afresh.
    load();
    return !items?.some((item) => item.id === saved.id);
  }
  if (items.some((item) => item.id === saved.id)) {
    replace(saved);
    return false;
  }
  items.push(saved);
  list.append(rowFor(saved));
  renderStates(false);
  return true;
}

function replace(saved) {
  items = items.map((item) => (item.id === saved.id ? saved : item));
  const row = rowOf(saved);
  if (row) {
    row.dataset.accountNumber = saved.number;
    show(saved, "view");
  }
}

/** Signed out: nothing of the previous user stays on screen. */
export function forget() {
  reading.forget();
  items = null;
  open = null;
  emptyOut(list);
  clearStatus(list);
  list.removeAttribute("aria-busy");
  retry.hidden = true;
  renderStates(false);
}

// --- Wiring --------------------------------------------------------------------------------

function cancel(row, item) {
  const kind = open?.id === item.id ? open.kind : "view";
  show(item, "view");
  buttonIn(row, `[data-action="${kind === "remove" ? "remove" : "rename"}"]`)?.focus();
}

export function startList() {
  list = document.getElementById("account-number-list");
  heading = document.getElementById("account-number-list-title");
  status = document.getElementById("account-number-list-status");
  loading = document.getElementById("account-number-loading");
  empty = document.getElementById("account-number-empty");
  empty.remove();
  retry = document.getElementById("account-number-retry");

  retry.addEventListener("click", () => load());

  list.addEventListener("click", (event) => {
    const target = event.target.closest("button[data-action]");
    const row = target?.closest(".item-row");
    const item = row && itemOf(row);
    if (!item || busy(row)) return;
    const action = target.dataset.action;
    if (action === "rename") {
      const input = show(item, "rename")?.querySelector('[data-field="name"]');
      input?.focus();
      input?.select();
    } else if (action === "remove") {
      show(item, "remove")?.querySelector('[data-action="confirm-remove"]')?.focus();
    } else if (action === "confirm-remove") {
      remove(row, item);
    } else if (action === "cancel") {
      cancel(row, item);
    }
  });

  list.addEventListener("submit", (event) => {
    event.preventDefault();
    const row = event.target.closest(".item-row");
    const item = row && itemOf(row);
    if (item && !busy(row)) saveName(row, item);
  });

  list.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const row = event.target.closest(".item-row");
    const item = row && itemOf(row);
    if (!item || busy(row) || open?.id !== item.id) return;
    event.preventDefault();
    cancel(row, item);
  });

  // A field error goes as soon as the name is edited again.
  list.addEventListener("input", (event) => {
    const row = event.target.closest(".item-row");
    if (event.target.getAttribute("aria-invalid") === "true" && row) clearErrors(row);
  });
}
