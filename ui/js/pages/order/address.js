// Step 2: the delivery address (leveradres), with the fields of the address book's form. It is
// typed, or filled from the address book (address-choice.js), and can be saved to the address
// book. An address taken from the book and left unchanged is not saved again.

import { t } from "../../lib/i18n.js";
import { offerCountry, postalMessages, startCountrySelect } from "../../lib/countries.js";
import { clearErrors, showError } from "../../lib/forms.js";
import {
  ADDRESS_KEYS,
  addressFields,
  countNote,
  fieldId,
  fillAddressFields,
  keyOfFieldId,
} from "../../lib/address.js";
import { orderStartAddress } from "../../lib/gateway.js";
import { DEFAULT_COUNTRY, changed, current } from "./draft.js";

/** The step's ids start with this: `order-address-company`, `order-address-postal-code`, … */
const PREFIX = "order-address";

const byId = (id) => document.getElementById(id);
const byKey = (key) => byId(fieldId(PREFIX, key));

/** The service's checks (of check_step) name the fields `address.<key>`; nothing is checked here. */
const FIELDS = addressFields(PREFIX, {
  keyOf: (key) => `address.${key}`,
  messages: {
    postal_code: postalMessages(() => byKey("country").value),
    driver_note: { too_long: () => t("address-note-too-long") },
  },
});

function showOrigin() {
  const fromBook = current().address_book_id !== null;
  byId("order-address-from-book").hidden = !fromBook;
  byId("order-save-address-group").hidden = fromBook;
}

/** Shows `address` in the fields; `bookId` says it comes unchanged from the address book. */
export function fillAddress(address, { saveAddress = false, bookId = null } = {}) {
  byId("order-address-prefilled").hidden = true;
  offerCountry(byKey("country"), address.country);
  fillAddressFields(PREFIX, address);
  byId("order-save-address").checked = saveAddress;
  countNote(PREFIX);
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
  for (const key of ADDRESS_KEYS) draft.address[key] = byKey(key).value;
  changed();
}

/** Drafts whose address was started already: a person who empties it means it. */
const started = new WeakSet();

function untouched(draft) {
  return (
    draft.address_book_id === null &&
    ADDRESS_KEYS.every((key) => (key === "country" ? [DEFAULT_COUNTRY, ""].includes(draft.address[key]) : !draft.address[key]))
  );
}

/**
 * A new order's address starts from the profile and the last order's address (the manual keeps
 * the profile "voor uw bestellingen"), once per draft and only while nothing was typed.
 */
export async function startFromProfile() {
  const draft = current();
  if (started.has(draft) || !untouched(draft)) return;
  started.add(draft);
  let suggestion;
  try {
    suggestion = await orderStartAddress();
  } catch (error) {
    // Nothing to start from (signed out meanwhile, say): the fields stay empty to type in.
    console.info("no address to start from", error);
    return;
  }
  // Typed, picked from the book or replaced by another draft while it was asked for: leave it.
  if (current() !== draft || !untouched(draft)) return;
  const start = { ...draft.address, ...suggestion?.address };
  if (ADDRESS_KEYS.every((key) => key === "country" || !start[key])) return;
  fillAddress(start, { saveAddress: draft.save_address });
  for (const key of ADDRESS_KEYS) draft.address[key] = byKey(key).value;
  changed();
  const note = byId("order-address-prefilled");
  note.dataset.i18n = suggestion.from_last_order ? "order-address-prefilled" : "order-address-prefilled-profile";
  note.textContent = t(note.dataset.i18n);
  note.hidden = false;
}

export function showAddressProblems(fields) {
  showError(byId("order-step-2"), FIELDS, { code: "validation_failed", fields });
}

export function startAddress() {
  startCountrySelect(byKey("country"));
  countNote(PREFIX);
  const step = byId("order-step-2");
  const typed = (event) => {
    const key = keyOfFieldId(PREFIX, event.target.id);
    const draft = current();
    if (!key || draft.address[key] === event.target.value) return;
    draft.address[key] = event.target.value;
    // Changed after it was taken from the address book: it is an address of its own now.
    if (draft.address_book_id !== null) {
      draft.address_book_id = null;
      showOrigin();
    }
    if (key === "driver_note") countNote(PREFIX);
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
