// One delivery address in the UI, written once: its fields in the order the forms show them, the
// form's markup (the order wizard's step 2 and the address book build theirs from it), reading and
// filling a form, and how an address reads in lists, the review and the order details.
//
// A new address field is one entry in ADDRESS_FIELDS (and its label in the locale files): the
// forms, the draft, the refusal labels and the details under an address follow from it.

import { element } from "./dom.js";
import { COUNTRY_GROUPS, addressLine, countryName, streetLine } from "./countries.js";
import { field, say } from "./forms.js";
import { t } from "./i18n.js";

/**
 * `key`: the property in the contract (`AddressInput`); `id`: the element id after the form's
 * prefix; `label`: the message id; `shown: "detail"` lists it under the address's lines.
 */
export const ADDRESS_FIELDS = [
  { key: "company", id: "company", label: "address-company", required: true, maxlength: 120 },
  { key: "contact_person", id: "contact", label: "address-contact", required: true, maxlength: 120 },
  { key: "country", id: "country", label: "address-country", required: true, kind: "country" },
  { key: "street", id: "street", label: "address-street", required: true, maxlength: 120 },
  { key: "number", id: "number", label: "address-number", required: true, maxlength: 10, row: "number", short: true },
  { key: "box_number", id: "box", label: "address-box", maxlength: 10, row: "number", short: true },
  {
    key: "postal_code", id: "postal-code", label: "address-postal-code", required: true, maxlength: 12,
    inputClass: "input-postal-code", plain: true,
  },
  { key: "city", id: "city", label: "address-city", required: true, maxlength: 120 },
  {
    key: "phone", id: "phone", label: "address-phone", required: true, maxlength: 32, type: "tel",
    inputClass: "input-phone", help: "address-phone-help", shown: "detail",
  },
  { key: "email", id: "email", label: "address-email", maxlength: 254, type: "email", plain: true, shown: "detail" },
  { key: "driver_note", id: "note", label: "address-note", kind: "note", help: "address-note-help", shown: "detail" },
];

export const ADDRESS_KEYS = ADDRESS_FIELDS.map((entry) => entry.key);

/** What fits in the note field of the carrier's driver app. */
export const NOTE_MAX_CHARS = 200;

/** The element id of `key`'s field in the form whose ids start with `prefix`. */
export function fieldId(prefix, key) {
  return `${prefix}-${ADDRESS_FIELDS.find((entry) => entry.key === key).id}`;
}

/** The note as the service will store it: one line, runs of spaces as one, in characters. */
export function noteLength(text) {
  return [...text.split(/\s+/).filter(Boolean).join(" ")].length;
}

/** A rule for forms.js: a note longer than the driver app shows is refused before sending. */
export function noteFits(input) {
  return noteLength(input.value) > NOTE_MAX_CHARS ? "too_long" : null;
}

/** Updates the "12 of 200" counter under the note of the form with `prefix`. */
export function countNote(prefix) {
  const counter = document.getElementById(`${prefix}-note-count`);
  const used = noteLength(document.getElementById(fieldId(prefix, "driver_note")).value);
  say(counter, () => t("address-note-count", { count: used, max: NOTE_MAX_CHARS }));
  counter.dataset.over = String(used > NOTE_MAX_CHARS);
}

// --- The form ----------------------------------------------------------------------------------

const REQUIRED_MARK =
  '<span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>';

function countryOptions(prefix) {
  return COUNTRY_GROUPS.map(({ kind, codes }) => `
      <optgroup id="${prefix}-countries-${kind}" data-kind="${kind}">
        ${codes.map((code) => `<option value="${code}" data-i18n="country-${code.toLowerCase()}"></option>`).join("")}
      </optgroup>`).join("");
}

function control(prefix, entry) {
  const id = `${prefix}-${entry.id}`;
  const required = entry.required ? " required" : "";
  const described = [entry.help ? `${id}-help` : null, entry.kind === "note" ? `${id}-count` : null]
    .filter(Boolean).join(" ");
  const describedBy = described ? ` aria-describedby="${described}"` : "";
  if (entry.kind === "country") {
    return `<select class="input input-country" id="${id}"${required}>${countryOptions(prefix)}</select>`;
  }
  if (entry.kind === "note") {
    return `<textarea class="input textarea" id="${id}" rows="3"${describedBy}></textarea>`;
  }
  const classes = ["input", entry.short ? "input-short" : null, entry.inputClass ?? null].filter(Boolean).join(" ");
  const plain = entry.plain ? ' spellcheck="false" autocapitalize="off"' : "";
  return `<input class="${classes}" id="${id}" type="${entry.type ?? "text"}" autocomplete="off"${plain}
         maxlength="${entry.maxlength}"${required}${describedBy}>`;
}

function fieldMarkup(prefix, entry) {
  const id = `${prefix}-${entry.id}`;
  const help = entry.help ? `<p class="field-help" id="${id}-help" data-i18n="${entry.help}"></p>` : "";
  const error = entry.kind === "note"
    ? `<div class="field-footer"><p class="field-error" id="${id}-error"></p><p class="field-counter" id="${id}-count"></p></div>`
    : `<p class="field-error" id="${id}-error"></p>`;
  return `
      <div class="field">
        <label class="field-label" for="${id}"><span data-i18n="${entry.label}"></span>${entry.required ? REQUIRED_MARK : ""}</label>
        ${help}
        ${control(prefix, entry)}
        ${error}
      </div>`;
}

/** The address's fields as markup, every id starting with `prefix` (fields side by side in rows). */
export function addressFieldsMarkup(prefix) {
  let html = "";
  for (let index = 0; index < ADDRESS_FIELDS.length; index += 1) {
    const entry = ADDRESS_FIELDS[index];
    if (!entry.row) {
      html += fieldMarkup(prefix, entry);
      continue;
    }
    const row = ADDRESS_FIELDS.slice(index).filter((other) => other.row === entry.row);
    html += `<div class="field-row">${row.map((other) => fieldMarkup(prefix, other)).join("")}</div>`;
    index += row.length - 1;
  }
  return html;
}

/**
 * The fields as forms.js knows them, keyed as the service names them (`keyOf` turns the key
 * into the name a refusal uses, e.g. `address.city`); `rules` adds checks made before sending.
 */
export function addressFields(prefix, { keyOf = (key) => key, rules = {}, messages = {} } = {}) {
  return Object.fromEntries(
    ADDRESS_FIELDS.map((entry) => [
      keyOf(entry.key),
      field(`${prefix}-${entry.id}`, rules[entry.key] ?? [], messages[entry.key] ?? {}),
    ]),
  );
}

/** What the form with `prefix` holds, as the contract's address (text trimmed). */
export function readAddress(prefix) {
  return Object.fromEntries(
    ADDRESS_FIELDS.map((entry) => [entry.key, document.getElementById(`${prefix}-${entry.id}`).value.trim()]),
  );
}

/** Puts `address` into the form with `prefix` (a missing property empties its field). */
export function fillAddressFields(prefix, address) {
  for (const entry of ADDRESS_FIELDS) {
    document.getElementById(`${prefix}-${entry.id}`).value = address[entry.key] ?? "";
  }
}

/** The form's property for an element id of the form with `prefix`, or undefined. */
export function keyOfFieldId(prefix, id) {
  return ADDRESS_FIELDS.find((entry) => `${prefix}-${entry.id}` === id)?.key;
}

/** A refusal's field name (`address.city`) → the label the user knows it by. */
export const ADDRESS_LABELS = Object.fromEntries(
  ADDRESS_FIELDS.map((entry) => [`address.${entry.key}`, entry.label]),
);

// --- Showing an address ------------------------------------------------------------------------

/**
 * The address's lines: company (unless the caller shows it as a heading), contact person, street
 * and number in the country's order, postal code and city, country. Empty lines are left out.
 * `tag: "span"` where only phrasing content may stand (inside a button).
 */
export function addressLines(address, { company = true, tag = "p" } = {}) {
  const cityLine = `${address.postal_code ?? ""} ${address.city ?? ""}`.trim();
  return element(tag, { class: "address-lines" }, [
    company ? element("strong", { class: "address-line", text: address.company ?? "" }) : null,
    address.contact_person ? addressLine(address.contact_person) : null,
    streetLine(address),
    cityLine ? addressLine(cityLine) : null,
    address.country ? addressLine(countryName(address.country)) : null,
  ]);
}

/** The fields shown under the lines (phone, e-mail, note …), each with its label; empty ones left out. */
export function addressDetails(address) {
  return element(
    "dl",
    { class: "address-details" },
    ADDRESS_FIELDS.filter((entry) => entry.shown === "detail" && address[entry.key]).map((entry) =>
      element("div", { class: `address-detail address-detail-${entry.id}` }, [
        element("dt", { "data-i18n": entry.label }),
        element("dd", { text: address[entry.key] }),
      ])),
  );
}
