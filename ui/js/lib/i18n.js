// Every visible string comes from the Fluent catalogue the desktop sends (locales/*/*.ftl), as
// Fluent source: it is formatted here by Project Fluent's own implementation (@fluent/bundle,
// vendored in ui/vendor), so arguments, selectors and plurals work as they do in Rust. Elements
// name their message: data-i18n (text), data-i18n-title, data-i18n-aria-label,
// data-i18n-placeholder; those take no arguments. Code calls t(id, { name: value }); a count
// that chooses a plural form is passed as a number.

import { FluentBundle, FluentResource } from "../../vendor/fluent-bundle/index.js";
import { l10nGet, l10nSetLanguage } from "./gateway.js";
import { pseudo } from "./pseudo.js";

let current = { language: "en", languages: [], pseudo: false };
let bundle = new FluentBundle("en");
const listeners = new Set();

export function t(id, args = {}) {
  const message = bundle.getMessage(id);
  if (!message?.value) {
    console.warn(`missing message ${id}`);
    return id;
  }
  const errors = [];
  const text = bundle.formatPattern(message.value, args, errors);
  if (errors.length) console.warn(`message ${id}:`, ...errors);
  return text;
}

export function language() {
  return current.language;
}

/** The codes the picker offers (`en-XA` only when the pseudo-locale is offered). */
export function languages() {
  return current.languages ?? [];
}

/** The language the picker shows: the display language, or `en-XA` for the pseudo-locale. */
export function shownLanguage() {
  return current.pseudo ? "en-XA" : current.language;
}

/** The locale of dates, times and numbers: the language in the desktop's region (`nl-BE`). */
export function formatLocale() {
  return current.format_locale || current.language;
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

const ATTRIBUTES = [
  ["i18nTitle", "title"],
  ["i18nAriaLabel", "aria-label"],
  ["i18nPlaceholder", "placeholder"],
];

export function translate(root = document) {
  // Only what changed is written: rewriting identical text (the language names, say) would
  // make the engine redraw controls such as an open <select> for nothing.
  for (const element of root.querySelectorAll("[data-i18n]")) {
    const text = t(element.dataset.i18n);
    if (element.textContent !== text) element.textContent = text;
  }
  for (const [key, attribute] of ATTRIBUTES) {
    const selector = `[data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const element of root.querySelectorAll(selector)) {
      const text = t(element.dataset[key]);
      if (element.getAttribute(attribute) !== text) element.setAttribute(attribute, text);
    }
  }
}

/** A bundle of `payload.source`. Isolation marks are for right-to-left scripts, which OSO's
 * three languages do not use; they would show in window titles and tests. */
function bundleOf(payload) {
  const locales = [payload.format_locale, payload.language].filter(Boolean);
  const transform = payload.pseudo ? pseudo : (text) => text;
  const next = new FluentBundle(locales, { useIsolating: false, transform });
  const errors = next.addResource(new FluentResource(payload.source ?? ""));
  for (const error of errors) console.warn("Fluent source:", error);
  return next;
}

function apply(payload) {
  bundle = bundleOf(payload);
  current = payload;
  document.documentElement.lang = payload.pseudo ? "en-XA" : payload.language;
  translate();
  for (const listener of listeners) listener(payload.language);
}

export async function loadLanguage() {
  apply(await l10nGet());
}

export async function chooseLanguage(code) {
  apply(await l10nSetLanguage(code));
}
