// "Choose from address book" in step 2: the saved addresses as a list under the button; choosing
// one fills the address fields and closes the list. The list is read each time it opens, so an
// address added on the Address book page meanwhile is there.

import { addressesList } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { say, showError } from "../../lib/forms.js";
import { currentSession } from "../../lib/session.js";
import { element, emptyOut, presentWhen, translated } from "../../lib/dom.js";
import { addressLines } from "../../lib/address.js";
import { useBookAddress } from "./address.js";
import { latestRequest } from "../../lib/latest.js";

let toggle;
let panel;
let list;
let loading;
let empty;
let stepStatus;

/** As last read; null until read. */
let addresses = null;
const ticket = latestRequest();

function row(address) {
  const id = `order-address-choice-${address.id}`;
  return element("li", { class: "order-address-choice-item" }, [
    element("button", {
      type: "button",
      class: "order-address-choice",
      id,
      "data-choose-address": address.id,
    }, [
      element("span", { class: "address-company", text: address.company }),
      addressLines(address, { company: false, tag: "span" }),
    ]),
  ]);
}

function render() {
  emptyOut(list);
  list.append(...(addresses ?? []).map((address) => translated(row(address))));
  presentWhen(empty, list, addresses !== null && addresses.length === 0);
}

async function load() {
  if (currentSession()?.state !== "signed_in") return;
  const isLatest = ticket.begin();
  say(document.getElementById("order-address-book-status"), null);
  loading.hidden = addresses !== null;
  list.setAttribute("aria-busy", "true");
  try {
    const answer = await addressesList();
    if (!isLatest()) return;
    addresses = Array.isArray(answer) ? answer : [];
    render();
  } catch (error) {
    if (!isLatest()) return;
    showError(panel, {}, error);
  } finally {
    if (isLatest()) {
      loading.hidden = true;
      list.removeAttribute("aria-busy");
    }
  }
}

function setOpen(open) {
  panel.hidden = !open;
  toggle.setAttribute("aria-expanded", String(open));
  if (open) load();
}

function choose(id) {
  const address = addresses?.find((candidate) => String(candidate.id) === String(id));
  if (!address) return;
  useBookAddress(address);
  setOpen(false);
  toggle.focus();
  const company = address.company;
  say(stepStatus, null);
  say(stepStatus, () => t("order-address-chosen", { company }), "success");
}

/** Closes the list (leaving the step, another draft, signing out). */
export function closeAddressChoice() {
  setOpen(false);
}

export function forgetAddressChoice() {
  ticket.forget();
  addresses = null;
  setOpen(false);
  render();
}

export function startAddressChoice() {
  toggle = document.getElementById("order-choose-address");
  panel = document.getElementById("order-address-book");
  list = document.getElementById("order-address-book-list");
  loading = document.getElementById("order-address-book-loading");
  empty = document.getElementById("order-address-book-empty");
  empty.remove();
  stepStatus = document.getElementById("order-step-2-status");

  toggle.addEventListener("click", () => setOpen(panel.hidden));
  list.addEventListener("click", (event) => {
    const button = event.target.closest("[data-choose-address]");
    if (button) choose(button.dataset.chooseAddress);
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    setOpen(false);
    toggle.focus();
  });
}
