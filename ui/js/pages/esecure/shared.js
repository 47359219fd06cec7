// What the eSecure sections share: the accounts this user administers (read once per visit),
// the selects that offer them, and how account numbers and lists of addresses are shown.

import { esecureAccounts } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { element } from "../../lib/dom.js";
import { formatDate, groupNumber } from "../../lib/format.js";

/** The administered accounts as the service last gave them; null until read. */
let accounts = null;
const listeners = new Set();

export function administeredAccounts() {
  return accounts ?? [];
}

/** listener(accounts) after they were read again. */
export function onAccounts(listener) {
  listeners.add(listener);
}

export async function loadAccounts() {
  const answer = await esecureAccounts();
  accounts = Array.isArray(answer) ? answer : [];
  for (const listener of listeners) listener(accounts);
  return accounts;
}

/** Replaces one account after a change (its domains, say) without reading them all again. */
export function keepAccount(account) {
  if (!accounts) return;
  accounts = accounts.map((known) => (known.number === account.number ? account : known));
}

export function forgetAccounts() {
  accounts = null;
}

export function accountLabel(account) {
  const number = groupNumber(account.number);
  return account.company ? t("esecure-account-label", { number, company: account.company }) : number;
}

/**
 * Fills `select` with the administered accounts, keeping the choice when it is still offered.
 * The first option (an "All account numbers" placeholder) stays when the select has one.
 */
export function fillAccountSelect(select) {
  const chosen = select.value;
  const keep = select.querySelector('option[value=""]');
  const options = administeredAccounts().map((account) =>
    element("option", { value: account.number, text: accountLabel(account) }),
  );
  select.replaceChildren(...(keep ? [keep] : []), ...options);
  if ([...select.options].some((option) => option.value === chosen)) select.value = chosen;
}

/** The addresses or domains typed in a box: one per line or separated by commas. */
export function splitList(typed) {
  return typed
    .split(/[\n\r,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** "3 requests approved" and the like: message `id`, whose selector chooses by `count`. */
export function counted(id, count) {
  return t(id, { count });
}

/** The date above the time, so the column stays narrow. */
export function when(iso) {
  const date = new Date(iso ?? "");
  if (Number.isNaN(date.getTime())) return [];
  return [
    element("span", { class: "esecure-date", text: formatDate(date, { dateStyle: "medium" }) }),
    element("span", { class: "esecure-time", text: formatDate(date, { timeStyle: "short" }) }),
  ];
}

export { groupNumber };

/** What the service writes instead of a forgotten person's address ("forget me"). */
export const FORGOTTEN = "forgotten";

/** An address as shown, or "a forgotten user" in the reader's language. */
export function person(address) {
  return address === FORGOTTEN ? t("esecure-forgotten-person") : address;
}
