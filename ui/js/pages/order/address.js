// Step 2: the delivery address (leveradres), with the fields of the address book's form. It is
// typed, or filled from the address book (address-choice.js), and can be saved to the address
// book. An address taken from the book and left unchanged is not saved again.

import { onLanguageChange, t } from "../../lib/i18n.js";
import { postalMessages, sortCountries } from "../../lib/countries.js";
import { clearErrors, field, say, showError } from "../../lib/forms.js";
import { element } from "../../lib/dom.js";
import { ADDRESS_KEYS, changed, current } from "./draft.js";

/** The draft's address property → its field. */
const INPUTS = {
  company: "order-address-company",
  contact_person: "order-address-contact",
  street: "order-address-street",
  number: "order-address-number",
  box_number: "order-address-box",
  postal_code: "order-address-postal-code",
  city: "order-address-city",
  country: "order-address-country",
  phone: "order-address-phone",
  email: "order-address-email",
  driver_note: "order-address-note",
};

/** What fits in the note field of the carrier's driver app (as in the address book). */
const NOTE_MAX_CHARS = 200;

const GROUP_LABELS = {
  near: () => t("address-countries-near"),
  other: () => t("address-countries-other"),
};

const byId = (id) => document.getElementById(id);
const country = () => byId(INPUTS.country);

const MESSAGES = {
  postal_code: postalMessages(() => country().value),
  driver_note: { too_long: () => t("address-note-too-long") },
};

const FIELDS = Object.fromEntries(
  ADDRESS_KEYS.map((key) => [`address.${key}`, field(INPUTS[key], [], MESSAGES[key] ?? {})]),
);

/** The note as the service will count it: one line, runs of spaces as one, in characters. */
function noteLength(text) {
  return [...text.split(/\s+/).filter(Boolean).join(" ")].length;
}

function countNote() {
  const counter = byId("order-address-note-count");
  const used = noteLength(byId(INPUTS.driver_note).value);
  say(counter, () => t("address-note-count", { count: used, max: NOTE_MAX_CHARS }));
  counter.dataset.over = String(used > NOTE_MAX_CHARS);
}

/**
 * The countries are the address book's own list (its select in the page), copied once, so both
 * forms always offer the same countries; the other EU countries follow the reader's alphabet.
 */
function copyCountries() {
  const source = byId("address-country");
  for (const [kind, id] of [["near", "address-countries-near"], ["other", "address-countries-other"]]) {
    const group = byId(id).cloneNode(true);
    group.id = `order-countries-${kind}`;
    group.dataset.kind = kind;
    country().append(group);
  }
  country().value = source.querySelector("option")?.value ?? "";
}

function relabelCountries() {
  for (const group of country().querySelectorAll("optgroup")) {
    const label = GROUP_LABELS[group.dataset.kind]();
    if (group.label !== label) group.label = label;
  }
  sortCountries(country(), byId("order-countries-other"));
}

/** Makes `code` choosable even when the list lacks it (an address saved elsewhere). */
function offerCountry(code) {
  for (const extra of country().querySelectorAll("option[data-extra]")) {
    if (extra.value !== code) extra.remove();
  }
  if (!code || [...country().options].some((option) => option.value === code)) return;
  country().append(element("option", { value: code, "data-extra": true, text: code }));
}

function showOrigin() {
  const fromBook = current().address_book_id !== null;
  byId("order-address-from-book").hidden = !fromBook;
  byId("order-save-address-group").hidden = fromBook;
}

/** Shows `address` in the fields; `bookId` says it comes unchanged from the address book. */
export function fillAddress(address, { saveAddress = false, bookId = null } = {}) {
  offerCountry(address.country);
  for (const key of ADDRESS_KEYS) byId(INPUTS[key]).value = address[key] ?? "";
  byId("order-save-address").checked = saveAddress;
  countNote();
  const draft = current();
  draft.address_book_id = bookId;
  showOrigin();
}

/** Takes an address from the address book into the draft. */
export function useBookAddress(address) {
  const draft = current();
  // What was refused before is about the address that was there.
  clearErrors(byId("order-step-2"));
  fillAddress(address, { saveAddress: draft.save_address, bookId: address.id });
  for (const key of ADDRESS_KEYS) draft.address[key] = byId(INPUTS[key]).value;
  changed();
}

export function showAddressProblems(fields) {
  showError(byId("order-step-2"), FIELDS, { code: "validation_failed", fields });
}

export function startAddress() {
  copyCountries();
  relabelCountries();
  onLanguageChange(relabelCountries);
  countNote();
  const step = byId("order-step-2");
  const keyOf = Object.fromEntries(Object.entries(INPUTS).map(([key, id]) => [id, key]));
  const typed = (event) => {
    const key = keyOf[event.target.id];
    const draft = current();
    if (!key || draft.address[key] === event.target.value) return;
    draft.address[key] = event.target.value;
    // Changed after it was taken from the address book: it is an address of its own now.
    if (draft.address_book_id !== null) {
      draft.address_book_id = null;
      showOrigin();
    }
    if (key === "driver_note") countNote();
    changed();
  };
  // "change" too: a field can be emptied without an input event (by automation, say).
  step.addEventListener("input", typed);
  step.addEventListener("change", typed);
  byId("order-save-address").addEventListener("change", (event) => {
    current().save_address = event.target.checked;
    changed();
  });
}
