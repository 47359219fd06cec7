// The address form, shown in the page above the list: empty to add an address, filled to edit
// one. The service checks the postal code and phone number against the chosen country.

import { addressesAdd, addressesUpdate } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import {
  connectForm,
  emailShape,
  field,
  focusField,
  required,
  resetForm,
  say,
  showStatus,
  trimmed,
  value,
} from "../../lib/forms.js";
import { POSTAL_MESSAGES, offerCountry, withdrawExtraCountries } from "../../lib/countries.js";

/** What fits in the note field of the carrier's driver app. */
const NOTE_MAX_CHARS = 200;

const NOTE_MESSAGES = {
  too_long: () => t("address-note-too-long"),
};

/** The note as the service will store it: one line, runs of spaces as one, in characters. */
function noteLength(text) {
  return [...text.split(/\s+/).filter(Boolean).join(" ")].length;
}

function noteFits(input) {
  return noteLength(input.value) > NOTE_MAX_CHARS ? "too_long" : null;
}

/** Service field names → the form's fields. */
const FIELDS = {
  company: field("address-company", [required]),
  contact_person: field("address-contact", [required]),
  country: field("address-country", [required]),
  street: field("address-street", [required]),
  number: field("address-number", [required]),
  box_number: field("address-box"),
  postal_code: field("address-postal-code", [required], POSTAL_MESSAGES),
  city: field("address-city", [required]),
  phone: field("address-phone", [required]),
  email: field("address-email", [emailShape]),
  driver_note: field("address-note", [noteFits], NOTE_MESSAGES),
};

/** Form field id → the address's property, for filling the form to edit. */
const PROPERTIES = {
  "address-company": "company",
  "address-contact": "contact_person",
  "address-street": "street",
  "address-number": "number",
  "address-box": "box_number",
  "address-postal-code": "postal_code",
  "address-city": "city",
  "address-phone": "phone",
  "address-email": "email",
  "address-note": "driver_note",
};

let form;
let card;
let toolbar;
let title;
let submit;
let counter;
/** The address being edited, or null while adding one. */
let editing = null;
let hooks = { onSaved: async () => {}, onGone: () => {}, onClosed: () => {}, onCancelled: () => {} };

function typed() {
  return {
    company: trimmed("address-company"),
    contact_person: trimmed("address-contact"),
    street: trimmed("address-street"),
    number: trimmed("address-number"),
    box_number: trimmed("address-box"),
    postal_code: trimmed("address-postal-code"),
    city: trimmed("address-city"),
    country: value("address-country"),
    phone: trimmed("address-phone"),
    email: trimmed("address-email"),
    driver_note: trimmed("address-note"),
  };
}

function showMode() {
  title.dataset.i18n = editing ? "address-form-title-edit" : "address-form-title-add";
  submit.dataset.i18n = editing ? "address-submit-edit" : "address-submit-add";
  title.textContent = t(title.dataset.i18n);
  submit.textContent = t(submit.dataset.i18n);
}

function countNote() {
  const used = noteLength(document.getElementById("address-note").value);
  say(counter, () => t("address-note-count", { count: used, max: NOTE_MAX_CHARS }));
  counter.dataset.over = String(used > NOTE_MAX_CHARS);
}

function busy() {
  return form.getAttribute("aria-busy") === "true";
}

export function editingId() {
  return editing?.id ?? null;
}

export function isOpen() {
  return !card.hidden;
}

/** Opens the form, empty (`address` null) or filled with `address`; false while it is busy. */
export function openForm(address = null) {
  if (busy()) return false;
  resetForm(form);
  withdrawExtraCountries();
  editing = address;
  if (address) {
    for (const [id, property] of Object.entries(PROPERTIES)) {
      document.getElementById(id).value = address[property] ?? "";
    }
    offerCountry(address.country);
    document.getElementById("address-country").value = address.country;
  }
  showMode();
  countNote();
  toolbar.hidden = true;
  card.hidden = false;
  title.scrollIntoView({ block: "nearest" });
  focusField(document.getElementById("address-company"));
  return true;
}

/** Empties and hides the form; `force` even while it is busy (the user signed out). */
export function closeForm({ force = false } = {}) {
  if (busy() && !force) return;
  resetForm(form);
  withdrawExtraCountries();
  editing = null;
  showMode();
  countNote();
  card.hidden = true;
  toolbar.hidden = false;
  hooks.onClosed();
}

/**
 * hooks.onSaved(saved, wasEdit) after a save (the form is closed by then); hooks.onGone() when
 * the edited address was deleted meanwhile; hooks.onClosed() whenever the form closes;
 * hooks.onCancelled(id) when the user cancels (id: the address that was being edited, or null).
 */
export function startForm(callbacks) {
  hooks = { ...hooks, ...callbacks };
  form = document.getElementById("address-form");
  card = document.getElementById("address-form-card");
  toolbar = document.getElementById("address-toolbar");
  title = document.getElementById("address-form-title");
  submit = document.getElementById("address-submit");
  counter = document.getElementById("address-note-count");

  document.getElementById("address-note").addEventListener("input", countNote);
  countNote();

  connectForm(form, {
    fields: FIELDS,
    send: () =>
      editing
        ? addressesUpdate(editing.id, typed())
        : addressesAdd(typed()),
    done: async (saved) => {
      const wasEdit = editing !== null;
      closeForm();
      await hooks.onSaved(saved, wasEdit);
    },
    failed: (problem) => {
      if (problem.code !== "not_found" || !editing) return;
      // Deleted elsewhere meanwhile: keep what was typed, so it can be saved as a new address.
      editing = null;
      showMode();
      showStatus(form, () => t("address-edit-gone"), "error");
      hooks.onGone();
    },
  });

  document.getElementById("address-cancel").addEventListener("click", () => {
    if (busy()) return;
    const was = editingId();
    closeForm();
    hooks.onCancelled(was);
  });
}
