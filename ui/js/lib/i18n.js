// Every visible string comes from the Fluent catalogue the desktop sends (locales/*/*.ftl).
// Elements name their message: data-i18n (text), data-i18n-title, data-i18n-aria-label,
// data-i18n-placeholder. Messages with variables arrive with `{$name}` placeholders.

import { l10nGet, l10nSetLanguage } from "./gateway.js";

let current = { language: "en", languages: [], messages: {} };
const listeners = new Set();

export function t(id, args = {}) {
  const text = current.messages[id];
  if (text === undefined) {
    console.warn(`missing message ${id}`);
    return id;
  }
  return text.replace(/\{\$([A-Za-z0-9_-]+)\}/g, (placeholder, name) =>
    name in args ? String(args[name]) : placeholder,
  );
}

export function language() {
  return current.language;
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

function apply(payload) {
  current = payload;
  document.documentElement.lang = payload.language;
  translate();
  for (const listener of listeners) listener(payload.language);
}

export async function loadLanguage() {
  apply(await l10nGet());
}

export async function chooseLanguage(code) {
  apply(await l10nSetLanguage(code));
}
