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

/** How the country lists are grouped: Belgium and its neighbours, then the rest in the reader's alphabet. */
export const COUNTRY_GROUPS = [
  { kind: "near", codes: ["BE", "NL", "LU", "FR", "DE"] },
  { kind: "other", codes: ["AT", "CZ", "DK", "ES", "IE", "IT", "PL", "PT", "SE"] },
];

const GROUP_LABELS = {
  near: () => t("address-countries-near"),
  other: () => t("address-countries-other"),
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

/** The country's name as an element: translated when known, the code itself otherwise. */
export function countryName(code) {
  const id = COUNTRY_NAMES[code];
  return id ? element("span", { "data-i18n": id }) : element("span", { text: code });
}

/** Street and number in the order the address's country writes them. */
function streetAndNumber(address) {
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

/** Makes `code` choosable in `list` even when it is not offered (an address saved elsewhere). */
export function offerCountry(list, code) {
  withdrawExtraCountries(list, code);
  if (!code || [...list.options].some((option) => option.value === code)) return;
  list.append(element("option", { value: code, "data-extra": true, text: code }));
}

/** Removes the countries added by offerCountry (except `keep`). */
export function withdrawExtraCountries(list, keep = null) {
  for (const option of list.querySelectorAll("option[data-extra]")) {
    if (option.value !== keep) option.remove();
  }
}

function relabel(list) {
  for (const group of list.querySelectorAll("optgroup[data-kind]")) {
    const text = GROUP_LABELS[group.dataset.kind]();
    if (group.label !== text) group.label = text;
  }
  sortCountries(list, list.querySelector('optgroup[data-kind="other"]'));
}

/** Puts the countries of `group` (in `list`) in the display language's alphabet, keeping the choice. */
function sortCountries(list, group) {
  // Only a changed order is written: moving options makes the engine redraw the select.
  const options = [...group.querySelectorAll("option")];
  const collator = new Intl.Collator(language());
  const sorted = [...options].sort((a, b) => collator.compare(a.textContent, b.textContent));
  if (sorted.every((option, index) => option === options[index])) return;
  const chosen = list.value;
  group.append(...sorted);
  list.value = chosen;
}

/** Keeps a country select built by address.js labelled and sorted in the display language. */
export function startCountrySelect(list) {
  onLanguageChange(() => relabel(list));
  relabel(list);
}
