// Numbers, sizes, weights and times as the display language writes them. Every call reads the
// language afresh, so a message rendered again after a language switch comes out right.

import { formatLocale, t } from "./i18n.js";

/** The display language in the desktop's region: `nl-BE` writes "6 dec. 2026". */
function lang() {
  return formatLocale();
}

/**
 * One formatter per kind, language and options, made once and kept: making an `Intl` formatter
 * opens the language's ICU data, and lists made one per row (a date in each of 50 drafts). The
 * language is in the key, so a language switch gets new ones.
 */
const formatters = new Map();

function formatter(Kind, options) {
  const language = lang();
  const key = `${Kind.name}|${language}|${JSON.stringify(options ?? {})}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Kind(language, options);
    formatters.set(key, made);
  }
  return made;
}

export function number(value, options) {
  return formatter(Intl.NumberFormat, options).format(value);
}

// Plural forms are Fluent selectors in the messages; a count is passed as a number, which
// Fluent both formats and uses to choose the form by the language's plural rules.

/** "1 pack", "12 packs". */
export function packs(count) {
  return t("order-packs", { count });
}

/** "1 item", "3 items": the lines of an order. */
export function items(count) {
  return t("order-items", { count });
}

/** `L × W × H mm`; a flat item (height 0) as `L × W mm`. */
export function dimensions([length, width, height]) {
  const args = { length: number(length), width: number(width), height: number(height) };
  return height ? t("order-dimensions-3", args) : t("order-dimensions-2", args);
}

/** Grams under a kilo, kilograms from a kilo up. */
export function weight(grams) {
  if (grams >= 1000) {
    return t("order-weight-kg", { weight: number(grams / 1000, { maximumFractionDigits: 2 }) });
  }
  return t("order-weight-g", { weight: number(grams) });
}

const DATE_TIME = { dateStyle: "medium", timeStyle: "short" };

/** A moment as date and time, or "" when it cannot be read. */
export function dateTime(iso) {
  const date = new Date(iso ?? "");
  if (Number.isNaN(date.getTime())) return "";
  return formatDate(date, DATE_TIME);
}

/** `date` (a Date) as the display language writes it with `options` (`Intl.DateTimeFormat`'s). */
export function formatDate(date, options) {
  return formatter(Intl.DateTimeFormat, options).format(date);
}

/**
 * `••••• 4567`: an account number named in a message about eSecure, where only its owner's
 * administrators need to recognise it.
 */
export function maskedAccountNumber(typed) {
  const digits = String(typed ?? "").replace(/[\s.-]/g, "");
  return digits.length > 4 ? `\u2022\u2022\u2022\u2022\u2022 ${digits.slice(-4)}` : digits;
}

/** `951 234 567`: the nine digits in threes, as people read them out. */
export function groupNumber(digits) {
  return /^\d{9}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
}
