// Step 1: the customer account number (klantnummer). One of the saved numbers is picked from a
// list, or another one is typed, and that one can be saved for next time. The typed field is
// the single truth: picking a saved number fills it, and typing a saved number picks it.

import { groupNumber } from "../../lib/format.js";
import { accountNumbersList } from "../../lib/gateway.js";
import { field, showError } from "../../lib/forms.js";
import { currentSession } from "../../lib/session.js";
import { element, translated } from "../../lib/dom.js";
import { changed, current } from "./draft.js";
import { latestRequest } from "../../lib/latest.js";

/** The desktop's field names → this step's fields. */
const FIELDS = {
  account_number: field("order-account-number"),
  account_name: field("order-account-name"),
};

let input;
let saveBox;
let nameInput;
let nameField;
let saveGroup;
let list;
let group;
let loading;

/** The saved numbers, `[{ id, number, name }]`; null until they have arrived. */
let saved = null;
const ticket = latestRequest();

/** The nine digits, once what people copy from an invoice (spaces, dots, dashes) is left out. */
function digits(text) {
  return text.trim().replace(/[\s.-]/g, "");
}

function savedEntry(text) {
  const wanted = digits(text);
  return saved?.find((item) => item.number === wanted) ?? null;
}

/** The saved name of `number`, or "" when it is not saved or has no name. */
export function savedName(number) {
  return savedEntry(number)?.name ?? "";
}

function choice(item) {
  const id = `order-saved-number-${item.id}`;
  return element("label", { class: "order-choice", for: id }, [
    element("input", { type: "radio", name: "order-saved-number", id, value: item.number }),
    element("span", { class: "account-number", text: groupNumber(item.number) }),
    item.name
      ? element("span", { class: "item-name", text: item.name })
      : element("span", { class: "item-name item-name-empty", "data-i18n": "account-numbers-no-name" }),
  ]);
}

/** Checks the radio of the typed number; offers saving only a number that is not saved yet. */
function sync() {
  const wanted = digits(input.value);
  for (const radio of list.querySelectorAll('input[name="order-saved-number"]')) {
    radio.checked = radio.value === wanted;
  }
  const known = savedEntry(input.value) !== null;
  saveGroup.hidden = known;
  nameField.hidden = known || !saveBox.checked;
}

/** What the list shows now, so the same numbers read again do not redraw it under the pointer. */
let drawn = null;

function render() {
  const wanted = JSON.stringify(saved ?? []);
  if (wanted !== drawn) {
    list.replaceChildren(...(saved ?? []).map((item) => translated(choice(item))));
    drawn = wanted;
  }
  group.hidden = !saved?.length;
  sync();
}

function write() {
  const draft = current();
  draft.account_number = input.value;
  // A number already saved is not saved again: that would overwrite its name.
  draft.save_account_number = saveBox.checked && savedEntry(input.value) === null;
  draft.account_name = nameInput.value;
  changed();
}

/** Reads the saved numbers again (the desktop's copy when the service is away). */
export async function loadSavedNumbers() {
  if (currentSession()?.state !== "signed_in") return;
  const isLatest = ticket.begin();
  loading.hidden = saved !== null;
  try {
    const answer = await accountNumbersList();
    if (!isLatest()) return;
    saved = Array.isArray(answer) ? answer : [];
  } catch (error) {
    // Not fatal: the number can still be typed.
    console.error("cannot read the saved account numbers", error);
    if (!isLatest()) return;
    saved ??= [];
  } finally {
    if (isLatest()) loading.hidden = true;
  }
  render();
  if (current().save_account_number && savedEntry(input.value)) write();
}

/** Shows the draft's choices in the step. */
export function fillAccount(draft) {
  input.value = draft.account_number;
  saveBox.checked = draft.save_account_number;
  nameInput.value = draft.account_name;
  sync();
}

export function showAccountProblems(fields) {
  showError(document.getElementById("order-step-1"), FIELDS, { code: "validation_failed", fields });
}

/** Signed out: nothing of the previous user stays. */
export function forgetAccount() {
  ticket.forget();
  saved = null;
  loading.hidden = true;
  render();
}

export function startAccount() {
  input = document.getElementById("order-account-number");
  saveBox = document.getElementById("order-save-account-number");
  nameInput = document.getElementById("order-account-name");
  nameField = document.getElementById("order-account-name-field");
  saveGroup = document.getElementById("order-save-number-group");
  list = document.getElementById("order-saved-number-list");
  group = document.getElementById("order-saved-numbers");
  loading = document.getElementById("order-saved-numbers-loading");

  list.addEventListener("change", (event) => {
    const radio = event.target.closest('input[name="order-saved-number"]');
    if (!radio?.checked) return;
    input.value = groupNumber(radio.value);
    input.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
    write();
  });
  const typed = () => {
    if (input.value === current().account_number) return;
    sync();
    write();
  };
  input.addEventListener("input", typed);
  input.addEventListener("change", typed);
  saveBox.addEventListener("change", () => {
    sync();
    write();
  });
  nameInput.addEventListener("input", write);
  nameInput.addEventListener("change", () => {
    if (nameInput.value !== current().account_name) write();
  });
}
