// Keyboard shortcuts and the application menu (a Mac's menu bar, src-tauri/src/app_menu.rs) run
// the same actions, by name, through runAction: Ctrl + and Ctrl − zoom, Ctrl 0 back to 100 %
// (remembered, at any time); signed in, Ctrl+1 … Ctrl+6 open the pages in the order of the
// navigation, Ctrl+N a new order and Ctrl+F the current page's search field; F1 (or ? outside a
// field) lists them. Never with Alt (which the desktop keeps). ⌘ counts as Ctrl.

import { listen, zoomRestore, zoomStep } from "./gateway.js";
import { goToPage } from "./router.js";

const ZOOM_KEYS = { "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "0": "zoom-reset" };

/** "Open page X" is named `page-X` (`page-order-history`), as the menu's View items are. */
const PAGE_ACTION = "page-";

/** The event the application menu sends with the name of the item chosen. */
const MENU_EVENT = "menu-action";

function zoom(step) {
  zoomStep(step).catch((error) => console.warn("cannot zoom", error));
  return true;
}

function signedIn() {
  return document.body.dataset.session === "signed-in";
}

function pages() {
  return [...document.querySelectorAll(".nav-item[data-page]")].map((link) => link.dataset.page);
}

/** The search field of what is on screen (a page's `input[type=search]`), if it has one. */
function visibleSearch() {
  return [...document.querySelectorAll('#content input[type="search"]')].find(
    (input) => input.getClientRects().length > 0 && !input.disabled,
  );
}

function openPage(page) {
  if (!signedIn() || !pages().includes(page)) return false;
  goToPage(page);
  return true;
}

function find() {
  if (!signedIn()) return false;
  const search = visibleSearch();
  if (!search) return false;
  search.focus();
  search.select();
  return true;
}

function showShortcuts() {
  const dialog = document.getElementById("shortcuts");
  if (dialog.open) return false;
  dialog.showModal();
  return true;
}

/** Every action by name, but the pages (`page-X`). */
const ACTIONS = {
  "new-order": () => openPage("new-order"),
  "find": find,
  "zoom-in": () => zoom("in"),
  "zoom-out": () => zoom("out"),
  "zoom-reset": () => zoom("reset"),
  "shortcuts": showShortcuts,
};

/**
 * Runs the action named `id` when it applies now (the pages, a new order and the search only
 * signed in; the search only where the page has one); true when it ran, so a key that did
 * nothing keeps its usual meaning.
 */
export function runAction(id) {
  if (Object.hasOwn(ACTIONS, id)) return ACTIONS[id]();
  if (id.startsWith(PAGE_ACTION)) return openPage(id.slice(PAGE_ACTION.length));
  console.warn("no such action", id);
  return false;
}

/** F1, or ? outside a field: the list of shortcuts. */
function isHelpKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === "F1") return true;
  const typing = event.target.matches?.("input, textarea, select, [contenteditable]");
  return event.key === "?" && !typing;
}

/** The action a key press asks for, or null. */
function actionOfKey(event) {
  if (isHelpKey(event)) return "shortcuts";
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (ZOOM_KEYS[event.key]) return ZOOM_KEYS[event.key];
  if (event.shiftKey) return null;
  if (event.key === "f" || event.key === "F") return "find";
  if (event.key === "n" || event.key === "N") return "new-order";
  if (/^[1-9]$/.test(event.key)) {
    const page = pages()[Number(event.key) - 1];
    return page ? `${PAGE_ACTION}${page}` : null;
  }
  return null;
}

export function startShortcuts() {
  document.addEventListener("keydown", (event) => {
    const action = actionOfKey(event);
    if (action && runAction(action)) event.preventDefault();
  });
  listen(MENU_EVENT, (id) => runAction(id)).catch((error) => console.warn("no application menu actions", error));
  zoomRestore().catch((error) => console.warn("cannot restore the zoom", error));
}
