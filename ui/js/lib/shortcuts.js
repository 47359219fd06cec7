// Keyboard shortcuts: Ctrl + and Ctrl − zoom, Ctrl 0 back to 100 % (remembered, at any time);
// signed in, Ctrl+1 … Ctrl+6 open the pages in the order of the navigation, Ctrl+N a new
// order and Ctrl+F the current page's search field; F1 (or ? outside a field) lists them. Never with Alt (which the desktop keeps).

import { zoomRestore, zoomStep } from "./gateway.js";
import { goToPage } from "./router.js";

const ZOOM_KEYS = { "+": "in", "=": "in", "-": "out", "0": "reset" };

function zoom(step) {
  zoomStep(step).catch((error) => console.warn("cannot zoom", error));
}

function pages() {
  return [...document.querySelectorAll(".nav-item[data-page]")].map((link) => link.dataset.page);
}

/** F1, or ? outside a field: the list of shortcuts. */
function isHelpKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === "F1") return true;
  const typing = event.target.matches?.("input, textarea, select, [contenteditable]");
  return event.key === "?" && !typing;
}

/** The search field of what is on screen (a page's `input[type=search]`), if it has one. */
function visibleSearch() {
  return [...document.querySelectorAll('#content input[type="search"]')].find(
    (input) => input.getClientRects().length > 0 && !input.disabled,
  );
}

export function startShortcuts() {
  const dialog = document.getElementById("shortcuts");
  document.addEventListener("keydown", (event) => {
    if (!isHelpKey(event) || dialog.open) return;
    event.preventDefault();
    dialog.showModal();
  });
  zoomRestore().catch((error) => console.warn("cannot restore the zoom", error));
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (ZOOM_KEYS[event.key]) {
      event.preventDefault();
      zoom(ZOOM_KEYS[event.key]);
      return;
    }
    if (document.body.dataset.session !== "signed-in" || event.shiftKey) return;
    if (event.key === "f" || event.key === "F") {
      const search = visibleSearch();
      if (!search) return;
      event.preventDefault();
      search.focus();
      search.select();
      return;
    }
    let page = null;
    if (/^[1-9]$/.test(event.key)) page = pages()[Number(event.key) - 1] ?? null;
    else if (event.key === "n" || event.key === "N") page = "new-order";
    if (!page) return;
    event.preventDefault();
    goToPage(page);
  });
}
