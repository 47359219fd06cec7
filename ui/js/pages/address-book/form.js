// The address form, shown in the page above the list: empty to add an address, filled to edit
// one. The service checks the postal code and phone number against the chosen country.

import { addressesAdd, addressesUpdate } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import {
  connectForm,
  emailShape,
  focusField,
  required,
  resetForm,
  showStatus,
} from "../../lib/forms.js";
import {
  ADDRESS_FIELDS,
  addressFields,
  countNote,
  fieldId,
  fillAddressFields,
  noteFits,
  readAddress,
} from "../../lib/address.js";
import {
  offerCountry,
  postalMessages,
  startCountrySelect,
  withdrawExtraCountries,
} from "../../lib/countries.js";

/** The form's ids start with this: `address-company`, `address-postal-code`, … */
const PREFIX = "address";
const byKey = (key) => document.getElementById(fieldId(PREFIX, key));

/** Service field names → the form's fields, with what is checked before sending. */
const FIELDS = addressFields(PREFIX, {
  rules: {
    ...Object.fromEntries(ADDRESS_FIELDS.filter((entry) => entry.required).map((entry) => [entry.key, [required]])),
    email: [emailShape],
    driver_note: [noteFits],
  },
  messages: {
    postal_code: postalMessages(() => byKey("country").value),
    driver_note: { too_long: () => t("address-note-too-long") },
  },
});

let form;
let card;
let toolbar;
let title;
let submit;
/** The address being edited, or null while adding one. */
let editing = null;
let hooks = { onSaved: async () => {}, onGone: () => {}, onClosed: () => {}, onCancelled: () => {} };

function showMode() {
  title.dataset.i18n = editing ? "address-form-title-edit" : "address-form-title-add";
  submit.dataset.i18n = editing ? "address-submit-edit" : "address-submit-add";
  title.textContent = t(title.dataset.i18n);
  submit.textContent = t(submit.dataset.i18n);
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
  withdrawExtraCountries(byKey("country"));
  editing = address;
  if (address) {
    offerCountry(byKey("country"), address.country);
    fillAddressFields(PREFIX, address);
  }
  showMode();
  countNote(PREFIX);
  toolbar.hidden = true;
  card.hidden = false;
  title.scrollIntoView({ block: "nearest" });
  focusField(byKey("company"));
  return true;
}

/** Empties and hides the form; `force` even while it is busy (the user signed out). */
export function closeForm({ force = false } = {}) {
  if (busy() && !force) return;
  resetForm(form);
  withdrawExtraCountries(byKey("country"));
  editing = null;
  showMode();
  countNote(PREFIX);
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
  startCountrySelect(byKey("country"));
  byKey("driver_note").addEventListener("input", () => countNote(PREFIX));
  countNote(PREFIX);

  connectForm(form, {
    fields: FIELDS,
    send: () =>
      editing
        ? addressesUpdate(editing.id, readAddress(PREFIX))
        : addressesAdd(readAddress(PREFIX)),
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
