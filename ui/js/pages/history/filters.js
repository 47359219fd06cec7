// The history's filters: a search by order or tracking number, the order dates from and to, the
// status and the account number. The service filters (over every page, not the page shown);
// here the fields are read, checked for convenience (a "to" before "from" is told at its field
// and nothing is asked), and the service's refusals are shown at their fields. What was typed is
// always kept.

import { clearErrors, field, markInvalid, say, showError } from "../../lib/forms.js";
import { fieldMessage, readError } from "../../lib/errors.js";

/** As `OrderSearch` in oso-core: spaces do not count. */
const SEARCH_MAX_CHARS = 64;
/** Typing pauses this long before the search runs; Enter runs it at once. */
const SEARCH_PAUSE_MS = 300;

/** The fields by the names the desktop and the service refuse them with. */
const FIELDS = {
  search: field("history-search"),
  from: field("history-from"),
  to: field("history-to"),
  created_from: field("history-from"),
  created_before: field("history-to"),
  status: field("history-status"),
  account_number: field("history-account"),
};

const EMPTY = { status: null, accountNumber: null, search: null, from: null, to: null };

let form;
let inputs;
let announce;
let onChange = () => {};
/** The filters the list shows now: the last ones that passed the checks. */
let applied = { ...EMPTY };
let pause = null;
/** The problems last told, so leaving a field does not tell them again. */
let told = "";

/** `{ status, accountNumber, search, from, to }` as the list shows them (null when not set). */
export function currentFilters() {
  return { ...applied };
}

export function isFiltered() {
  return Object.values(applied).some((value) => value !== null);
}

function typed() {
  const value = (input) => input.value.trim() || null;
  return {
    status: value(inputs.status),
    accountNumber: value(inputs.account),
    search: value(inputs.search),
    from: value(inputs.from),
    to: value(inputs.to),
  };
}

/** The field codes of what was typed that the service would refuse anyway. */
function problems(filters) {
  const found = {};
  // A date field holding a date it cannot read reports no value, only `badInput`.
  if (inputs.from.validity?.badInput) found.from = "invalid_date";
  if (inputs.to.validity?.badInput) found.to = "invalid_date";
  if (filters.search && [...filters.search.replace(/\s/g, "")].length > SEARCH_MAX_CHARS) found.search = "too_long";
  // Days as date fields give them (YYYY-MM-DD) sort as text.
  if (!found.from && !found.to && filters.from && filters.to && filters.to < filters.from) found.to = "before_from";
  return found;
}

function same(a, b) {
  return Object.keys(EMPTY).every((key) => a[key] === b[key]);
}

/** Shows `codes` at their fields and tells a screen reader the first, wherever focus is. */
function showProblems(codes) {
  for (const [name, code] of Object.entries(codes)) markInvalid(FIELDS[name], code);
  const now = JSON.stringify(codes);
  if (now === told) return;
  told = now;
  say(announce, null);
  say(announce, fieldMessage(Object.values(codes)[0]));
}

/** Takes what was typed as the filters when it passes the checks, and reloads the list. */
function apply() {
  clearTimeout(pause);
  clearErrors(form);
  const filters = typed();
  const codes = problems(filters);
  if (Object.keys(codes).length) {
    showProblems(codes);
    return;
  }
  told = "";
  if (same(filters, applied)) return;
  applied = filters;
  onChange();
}

/**
 * Shows a refusal of the list at the filter fields it names; false when it names none of them
 * (the list shows it then).
 */
export function showFilterError(error) {
  const problem = readError(error);
  const named = Object.keys(problem.fields).filter((name) => FIELDS[name]);
  if (problem.code !== "validation_failed" || named.length === 0) return false;
  showError(form, FIELDS, error);
  return true;
}

/** Back to every order: all fields emptied, errors gone, the list read again. */
export function clearFilters() {
  for (const input of Object.values(inputs)) input.value = "";
  apply();
  inputs.search.focus();
}

/** Empties the fields without reading the list (after signing out). */
export function forgetFilters() {
  clearTimeout(pause);
  for (const input of Object.values(inputs)) input.value = "";
  clearErrors(form);
  applied = { ...EMPTY };
  told = "";
}

export function startFilters(options) {
  onChange = options.onChange;
  form = document.getElementById("history-filters");
  announce = document.getElementById("history-announce");
  inputs = {
    search: document.getElementById("history-search"),
    from: document.getElementById("history-from"),
    to: document.getElementById("history-to"),
    status: document.getElementById("history-status"),
    account: document.getElementById("history-account"),
  };
  form.noValidate = true;
  // Enter in the search runs it at once.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  inputs.search.addEventListener("input", () => {
    clearTimeout(pause);
    pause = setTimeout(apply, SEARCH_PAUSE_MS);
  });
  // A date is taken once it is complete (change) or when the field is left half typed (blur).
  for (const input of [inputs.from, inputs.to]) {
    input.addEventListener("change", () => apply());
    input.addEventListener("blur", () => apply());
  }
  inputs.status.addEventListener("change", () => apply());
  inputs.account.addEventListener("change", () => apply());
}
