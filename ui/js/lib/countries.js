// The countries an address can be in: Belgium and its neighbours first, whose postal codes and
// national phone numbers the service knows, then other EU countries in the reader's alphabet.
// Values are ISO 3166-1 codes; names come from the catalogue.

import { language, onLanguageChange, t } from "./i18n.js";
import { element } from "./dom.js";

/** Message id of each country's name. */
const COUNTRY_NAMES = {
  BE: "country-be",
  NL: "country-nl",
  LU: "country-lu",
  FR: "country-fr",
  DE: "country-de",
  AT: "country-at",
  CZ: "country-cz",
  DK: "country-dk",
  ES: "country-es",
  IE: "country-ie",
  IT: "country-it",
  PL: "country-pl",
  PT: "country-pt",
  SE: "country-se",
};

const GROUP_LABELS = {
  "address-countries-near": () => t("address-countries-near"),
  "address-countries-other": () => t("address-countries-other"),
};

/** The format of the countries whose postal codes the service checks exactly. */
const POSTAL_FORMATS = {
  BE: () => t("address-postal-code-invalid-be"),
  NL: () => t("address-postal-code-invalid-nl"),
  LU: () => t("address-postal-code-invalid-lu"),
  FR: () => t("address-postal-code-invalid-fr"),
  DE: () => t("address-postal-code-invalid-de"),
};

/** In these countries the house number is written before the street: `12 rue de la Paix`. */
const NUMBER_FIRST = new Set(["FR", "LU"]);

const select = () => document.getElementById("address-country");

/**
 * Messages for a postal code field. The refused code is explained with the format of the
 * country chosen when the error arrived (`chosenCountry()`); other countries get the general
 * message.
 */
export function postalMessages(chosenCountry) {
  return {
    get invalid_postal_code() {
      return POSTAL_FORMATS[chosenCountry()];
    },
  };
}

/** The address book form's postal code messages. */
export const POSTAL_MESSAGES = postalMessages(() => select().value);

/** The country's name as an element: translated when known, the code itself otherwise. */
export function countryName(code) {
  const id = COUNTRY_NAMES[code];
  return id ? element("span", { "data-i18n": id }) : element("span", { text: code });
}

/** Street and number in the order the address's country writes them. */
export function streetAndNumber(address) {
  return NUMBER_FIRST.has(address.country)
    ? `${address.number} ${address.street}`
    : `${address.street} ${address.number}`;
}

/** One line of an address as it is shown in lists and details. */
export function addressLine(...content) {
  return element("span", { class: "address-line" }, content);
}

/** "Kerkstraat 12 bus 3": the word for box follows the interface's language. */
export function streetLine(address) {
  if (!address.box_number) return addressLine(streetAndNumber(address));
  return addressLine(
    streetAndNumber(address),
    " ",
    element("span", { "data-i18n": "address-box-label" }),
    ` ${address.box_number}`,
  );
}

/** Makes `code` choosable even when it is not in the list (an address saved elsewhere). */
export function offerCountry(code) {
  const list = select();
  if (!code || [...list.options].some((option) => option.value === code)) return;
  list.append(element("option", { value: code, "data-extra": true, text: code }));
}

/** Removes the countries added by offerCountry. */
export function withdrawExtraCountries() {
  for (const option of select().querySelectorAll("option[data-extra]")) option.remove();
}

function relabel() {
  for (const [id, label] of Object.entries(GROUP_LABELS)) {
    const group = document.getElementById(id);
    const text = label();
    if (group.label !== text) group.label = text;
  }
  sortCountries(select(), document.getElementById("address-countries-other"));
}

/** Puts the countries of `group` (in `list`) in the display language's alphabet, keeping the choice. */
export function sortCountries(list, group) {
  // Only a changed order is written: moving options makes the engine redraw the select.
  const options = [...group.querySelectorAll("option")];
  const collator = new Intl.Collator(language());
  const sorted = [...options].sort((a, b) => collator.compare(a.textContent, b.textContent));
  if (sorted.every((option, index) => option === options[index])) return;
  const chosen = list.value;
  group.append(...sorted);
  list.value = chosen;
}

export function startCountries() {
  onLanguageChange(relabel);
  relabel();
}
