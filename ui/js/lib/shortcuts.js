// Keyboard shortcuts of the signed-in window: Ctrl+1 … Ctrl+6 open the pages in the order of
// the navigation, Ctrl+N a new order (as the first page is). Not while signed out, and never
// with Alt (which the desktop keeps for its own).

import { goToPage } from "./router.js";

function pages() {
  return [...document.querySelectorAll(".nav-item[data-page]")].map((link) => link.dataset.page);
}

export function startShortcuts() {
  document.addEventListener("keydown", (event) => {
    if (document.body.dataset.session !== "signed-in") return;
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    let page = null;
    if (/^[1-9]$/.test(event.key)) page = pages()[Number(event.key) - 1] ?? null;
    else if (event.key === "n" || event.key === "N") page = "new-order";
    if (!page) return;
    event.preventDefault();
    goToPage(page);
  });
}
