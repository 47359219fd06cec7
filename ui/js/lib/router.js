// One page visible at a time, chosen by the location hash (#/order-history), so the back key and
// a reload keep the user where they were. Only `#/…` hashes are routes; others are left alone.

const DEFAULT_PAGE = "new-order";
const listeners = new Set();

function pageFromHash() {
  const name = window.location.hash.replace(/^#\//, "");
  return document.querySelector(`.page[data-page="${CSS.escape(name)}"]`) ? name : DEFAULT_PAGE;
}

function signedIn() {
  return document.body.dataset.session === "signed-in";
}

function show(name, { focus }) {
  for (const page of document.querySelectorAll(".page")) {
    page.hidden = page.dataset.page !== name;
  }
  for (const tab of document.querySelectorAll(".nav-item[data-page]")) {
    if (tab.dataset.page === name) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  if (focus && signedIn()) document.getElementById("content").focus({ preventScroll: true });
  for (const listener of listeners) listener(name);
}

/** listener(pageName) after a page is shown. */
export function onPageShow(listener) {
  listeners.add(listener);
}

export function currentPage() {
  return pageFromHash();
}

/** Shows `name` and moves focus to it (after signing in, say). */
export function goToPage(name) {
  const hash = `#/${name}`;
  if (window.location.hash === hash) show(name, { focus: true });
  else window.location.hash = hash;
}

/** Shows the page the location asks for again: pages mounted after the first screen. */
export function refreshRoute() {
  show(pageFromHash(), { focus: false });
}

export function startRouter() {
  window.addEventListener("hashchange", () => {
    if (window.location.hash && !window.location.hash.startsWith("#/")) return;
    show(pageFromHash(), { focus: true });
  });
  show(pageFromHash(), { focus: false });
}
