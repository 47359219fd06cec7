// Building list rows without innerHTML: what the service returns is set as text, never parsed.
// Translated parts are written as data-i18n attributes and filled by translate(), so a language
// switch renders them again with the rest of the page.

import { t, translate } from "./i18n.js";
import { clearErrors } from "./forms.js";

/**
 * `element("button", { class: "button", "data-i18n": "address-edit" }, [children])`.
 * `text` sets the text; an attribute that is null, undefined or false is left out.
 */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/**
 * A small button of a list row, `<rowId>-<action>`, with `message` as its text. `names` is what
 * it is read with: `{ "aria-labelledby": … }` or `{ "aria-describedby": … }` (its id comes first
 * for a label, so "Rename" is followed by the row's number).
 */
export function rowButton(rowId, action, message, names, { style = "button-secondary", type = "button" } = {}) {
  const id = `${rowId}-${action}`;
  const [[aria, target]] = Object.entries(names);
  return element("button", {
    type,
    class: `button ${style} button-compact`,
    id,
    "data-action": action,
    "data-i18n": message,
    [aria]: aria === "aria-labelledby" ? `${id} ${target}` : target,
  });
}

/** Fills the data-i18n texts of a freshly built element, its own included. */
export function translated(node) {
  translate(node);
  if (node.dataset.i18n) node.textContent = t(node.dataset.i18n);
  return node;
}

/** Pages' markup (js/pages/<page>/markup.js) as one fragment, translated, ready to mount. */
export function translatedMarkup(...markups) {
  const template = document.createElement("template");
  template.innerHTML = markups.join("");
  translate(template.content);
  return template.content;
}

/** Empties `container`, first forgetting the messages shown in it so none lingers in memory. */
export function emptyOut(container) {
  for (const child of container.children) clearErrors(child);
  container.replaceChildren();
}

/** The first enabled button in `root` that matches `selector`, if any. */
export function buttonIn(root, selector) {
  return root?.querySelector(`${selector}:not(:disabled)`) ?? null;
}

/**
 * Focus after a row disappears: the same kind of button in the row that took its place, or in the
 * one before, else `fallback` (the list's heading).
 */
export function focusAfterRemoval(next, previous, selector, fallback) {
  const target = buttonIn(next, selector) ?? buttonIn(previous, selector) ?? fallback;
  target?.focus();
}

/**
 * Keeps `node` in the document, just before `anchor`, only while `shown`: an empty state that is
 * absent rather than hidden, so whatever looks for it finds it only when the list is empty.
 */
export function presentWhen(node, anchor, shown) {
  if (shown && !node.isConnected) {
    node.hidden = false;
    anchor.before(translated(node));
  } else if (!shown && node.isConnected) {
    node.remove();
  }
}
