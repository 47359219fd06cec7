// The saved addresses as cards, in the order the service gives them. A card is edited in the
// page's form and asks in place before it is deleted: past orders keep their own copy.

import { addressesList, addressesRemove } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearErrors, clearStatus, run, say } from "../../lib/forms.js";
import { buttonIn, element, emptyOut, focusAfterRemoval, presentWhen, rowButton, translated } from "../../lib/dom.js";
import { addressDetails, addressLines } from "../../lib/address.js";
import { listReading } from "../../lib/list-reading.js";

let list;
let heading;
let status;
let loading;
let empty;
let retry;
let hooks = { onEdit: () => {}, onDeleted: () => {} };

/** As the service last gave them; null until a list has arrived. */
let items = null;
/** The card asking to confirm its deletion, by address id, or null. */
let confirming = null;
/** The card whose address is in the form, marked so the user sees which one they change. */
let editing = null;
const reading = listReading({
  parts: () => ({ list, retry }),
  read: addressesList,
  showStates: renderStates,
  arrived: (answer) => {
    items = answer;
    confirming = null;
    render();
  },
});

function cardId(address) {
  return `address-card-${address.id}`;
}

function cardOf(id) {
  return document.getElementById(`address-card-${id}`);
}

function itemOf(card) {
  return items?.find((address) => String(address.id) === card.dataset.addressId) ?? null;
}

function busy(card) {
  return card?.getAttribute("aria-busy") === "true";
}

/** Says `message` in the list's status without scrolling to it. */
export function announce(message, tone) {
  say(status, null);
  say(status, message, tone);
}

// --- Cards -----------------------------------------------------------------------------------

function button(address, action, message, style = "button-secondary") {
  return rowButton(cardId(address), action, message, { "aria-labelledby": `${cardId(address)}-company` }, { style });
}

function actions(address) {
  return element("div", { class: "address-card-actions" }, [
    button(address, "edit", "address-edit"),
    button(address, "delete", "address-delete"),
  ]);
}

function confirmation(address) {
  const question = `${cardId(address)}-question`;
  return element("div", { class: "address-card-actions item-confirm", role: "group", "aria-labelledby": question }, [
    element("p", { class: "item-confirm-text", id: question }, [
      element("strong", { "data-i18n": "address-delete-question" }),
      " ",
      element("span", { "data-i18n": "address-delete-orders" }),
    ]),
    element("div", { class: "item-actions" }, [
      button(address, "confirm-delete", "address-confirm-delete", "button-danger"),
      button(address, "cancel", "address-cancel"),
    ]),
  ]);
}

function cardFor(address) {
  const id = cardId(address);
  const card = element("li", {
    class: "address-card",
    id,
    "data-address-id": address.id,
    "data-editing": editing === address.id,
  }, [
    element("h3", { class: "address-company", id: `${id}-company`, text: address.company }),
    addressLines(address, { company: false }),
    addressDetails(address),
    confirming === address.id ? confirmation(address) : actions(address),
    element("p", { class: "form-status item-status", id: `${id}-status`, role: "status", "aria-live": "polite" }),
  ]);
  return translated(card);
}

function showActions(address, asking) {
  const card = cardOf(address.id);
  if (!card) return null;
  if (confirming !== null && confirming !== address.id) {
    const other = cardOf(confirming);
    const previous = other && itemOf(other);
    confirming = null;
    if (previous && !busy(other)) showActions(previous, false);
  }
  confirming = asking ? address.id : null;
  for (const other of list.children) if (other !== card) clearStatus(other);
  clearErrors(card);
  card.querySelector(".address-card-actions").replaceWith(translated(asking ? confirmation(address) : actions(address)));
  return card;
}

function renderStates(fetching) {
  loading.hidden = !(fetching && items === null);
  presentWhen(empty, list, items !== null && items.length === 0);
}

function render() {
  emptyOut(list);
  list.append(...(items ?? []).map(cardFor));
  renderStates(false);
}

// --- Commands ------------------------------------------------------------------------------

/** Reads the list again; true when it arrived. */
export function load() {
  return reading.load();
}

/** After a save when the list could not be read again: show the saved address anyway. */
export function keep(saved) {
  if (items === null) items = [];
  const known = items.some((address) => address.id === saved.id);
  items = known ? items.map((address) => (address.id === saved.id ? saved : address)) : [...items, saved];
  render();
}

/** The item was deleted elsewhere meanwhile: show the list as it is now, and say so. */
export async function reloadGone(message) {
  if (await load()) {
    announce(message, "info");
    heading.focus();
  }
}

function remove(card, address) {
  run(card, card.querySelector('[data-action="confirm-delete"]'), {
    send: () => addressesRemove(address.id),
    done: () => {
      items = items.filter((candidate) => candidate.id !== address.id);
      if (confirming === address.id) confirming = null;
      const current = cardOf(address.id);
      const next = current?.nextElementSibling;
      const previous = current?.previousElementSibling;
      if (current) {
        clearErrors(current);
        current.remove();
      }
      renderStates(false);
      const company = address.company;
      announce(() => t("address-deleted", { company }), "success");
      focusAfterRemoval(next, previous, '[data-action="delete"]', heading);
      hooks.onDeleted(address.id);
    },
    failed: (problem) => {
      if (problem.code === "not_found") {
        reloadGone(() => t("address-gone"));
        hooks.onDeleted(address.id);
      }
    },
  });
}

/** Marks the card whose address is in the form (null: none). */
export function markEditing(id) {
  editing = id;
  for (const card of list.children) {
    if (card.dataset.addressId === String(id)) card.dataset.editing = "";
    else delete card.dataset.editing;
  }
}

/** Moves focus to a card's Edit button, or to the list's heading when the card is not shown. */
export function focusCard(id) {
  const target = buttonIn(cardOf(id), '[data-action="edit"]') ?? heading;
  target.focus({ preventScroll: true });
  (cardOf(id) ?? heading).scrollIntoView({ block: "nearest" });
}

/** Signed out: nothing of the previous user stays on screen. */
export function forget() {
  reading.forget();
  items = null;
  confirming = null;
  editing = null;
  emptyOut(list);
  clearStatus(list);
  list.removeAttribute("aria-busy");
  retry.hidden = true;
  renderStates(false);
}

// --- Wiring --------------------------------------------------------------------------------

function cancel(card, address) {
  showActions(address, false);
  buttonIn(card, '[data-action="delete"]')?.focus();
}

/** hooks.onEdit(address) opens the form; hooks.onDeleted(id) after an address is gone. */
export function startList(callbacks) {
  hooks = { ...hooks, ...callbacks };
  list = document.getElementById("address-list");
  heading = document.getElementById("address-list-title");
  status = document.getElementById("address-list-status");
  loading = document.getElementById("address-loading");
  empty = document.getElementById("address-empty");
  empty.remove();
  retry = document.getElementById("address-retry");

  retry.addEventListener("click", () => load());

  list.addEventListener("click", (event) => {
    const target = event.target.closest("button[data-action]");
    const card = target?.closest(".address-card");
    const address = card && itemOf(card);
    if (!address || busy(card)) return;
    const action = target.dataset.action;
    if (action === "edit") {
      if (confirming === address.id) showActions(address, false);
      hooks.onEdit(address);
    } else if (action === "delete") {
      showActions(address, true)?.querySelector('[data-action="confirm-delete"]')?.focus();
    } else if (action === "confirm-delete") {
      remove(card, address);
    } else if (action === "cancel") {
      cancel(card, address);
    }
  });

  list.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const card = event.target.closest(".address-card");
    const address = card && itemOf(card);
    if (!address || busy(card) || confirming !== address.id) return;
    event.preventDefault();
    cancel(card, address);
  });
}
