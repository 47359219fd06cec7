// One page visible at a time, chosen by the location hash (#/order-history), so the back key and
// a reload keep the user where they were.

const DEFAULT_PAGE = "new-order";

function pageFromHash() {
  const name = window.location.hash.replace(/^#\//, "");
  return document.querySelector(`.page[data-page="${CSS.escape(name)}"]`) ? name : DEFAULT_PAGE;
}

function show(name, { focus }) {
  for (const page of document.querySelectorAll(".page")) {
    page.hidden = page.dataset.page !== name;
  }
  for (const tab of document.querySelectorAll(".nav-item[data-page]")) {
    if (tab.dataset.page === name) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  if (focus) document.getElementById("content").focus({ preventScroll: true });
}

export function startRouter() {
  window.addEventListener("hashchange", () => show(pageFromHash(), { focus: true }));
  show(pageFromHash(), { focus: false });
}
