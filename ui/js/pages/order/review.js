// Step 4: the whole order on one page (account number, delivery address, supplies), each part
// with an Edit link back to its step, and "Confirm order". The draft is saved before it is
// placed, since the desktop places what it has stored; refused fields are shown at their step.

import { orderPlace } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearStatus, showError, showStatus } from "../../lib/forms.js";
import { readError } from "../../lib/errors.js";
import { element, emptyOut, translated } from "../../lib/dom.js";
import { ADDRESS_KEYS, addressDetails, addressLines } from "../../lib/address.js";
import { current, flush } from "./draft.js";
import { savedName } from "./account.js";
import { catalogueItem } from "./supplies.js";
import { edit, showProblems } from "./wizard.js";
import { groupNumber, packs } from "../../lib/format.js";
import { esecureRefusal } from "./drafts.js";

let hooks = { placed: () => {} };
let placing = false;

const byId = (id) => document.getElementById(id);

function part(key, step, title, children) {
  const id = `order-review-${key}`;
  const editId = `order-edit-${step}`;
  return element("section", { class: "review-part", id, "aria-labelledby": `${id}-title` }, [
    element("div", { class: "review-part-head" }, [
      element("h3", { class: "order-subtitle", id: `${id}-title`, "data-i18n": title }),
      element("button", {
        type: "button",
        class: "link-button",
        id: editId,
        "data-edit-step": step,
        "data-i18n": "order-edit",
        "aria-labelledby": `${editId} ${id}-title`,
      }),
    ]),
    ...children,
  ]);
}

/** The account number as people read it: in threes when it has its nine digits. */
function shownNumber(typed) {
  const digits = typed.trim().replace(/[\s.-]/g, "");
  return /^\d{9}$/.test(digits) ? groupNumber(digits) : typed.trim();
}

function accountPart(draft) {
  const name = savedName(draft.account_number) || (draft.save_account_number ? draft.account_name.trim() : "");
  return part("account", 1, "order-step-account", [
    element("p", { class: "review-line" }, [
      element("span", { class: "account-number", text: shownNumber(draft.account_number) }),
      name ? element("span", { class: "item-name", text: name }) : null,
    ]),
    draft.save_account_number ? element("p", { class: "review-note", "data-i18n": "order-review-save-number" }) : null,
  ]);
}

function addressPart(draft) {
  const a = Object.fromEntries(ADDRESS_KEYS.map((key) => [key, draft.address[key].trim()]));
  return part("address", 2, "order-step-address", [
    addressLines(a),
    addressDetails(a),
    draft.save_address && draft.address_book_id === null
      ? element("p", { class: "review-note", "data-i18n": "order-review-save-address" })
      : null,
  ]);
}

function suppliesPart(draft) {
  let total = 0;
  const rows = draft.lines.map((entry) => {
    total += entry.packs;
    const item = catalogueItem(entry.sku);
    return element("tr", { "data-review-sku": entry.sku }, [
      element("th", { scope: "row", class: "review-item", text: item?.name ?? entry.sku }),
      element("td", { class: "supply-code", text: entry.sku }),
      element("td", { class: "review-packs", text: packs(entry.packs) }),
    ]);
  });
  return part("supplies", 3, "order-step-supplies", [
    element("table", { class: "review-table" }, [
      element("thead", {}, [
        element("tr", {}, [
          element("th", { scope: "col", "data-i18n": "order-review-item" }),
          element("th", { scope: "col", "data-i18n": "order-review-code" }),
          element("th", { scope: "col", class: "review-packs", "data-i18n": "order-review-packs" }),
        ]),
      ]),
      element("tbody", {}, rows),
      element("tfoot", {}, [
        element("tr", {}, [
          element("th", { scope: "row", colspan: 2, "data-i18n": "order-review-total" }),
          element("td", { class: "review-packs", text: packs(total) }),
        ]),
      ]),
    ]),
  ]);
}

/** Draws the review from the draft (again after a language change or a new catalogue). */
export function renderReview() {
  const review = byId("order-review");
  const draft = current();
  emptyOut(review);
  review.append(
    translated(accountPart(draft)),
    translated(addressPart(draft)),
    translated(suppliesPart(draft)),
  );
}

function setPlacing(busy) {
  placing = busy;
  const button = byId("order-confirm");
  button.classList.toggle("is-busy", busy);
  button.setAttribute("aria-busy", String(busy));
  byId("order-form").setAttribute("aria-busy", String(busy));
}

async function confirmOrder() {
  if (placing) return;
  const step = byId("order-step-4");
  clearStatus(step);
  setPlacing(true);
  try {
    const saved = await flush();
    const id = current().id;
    if (!saved || !id) {
      showStatus(step, () => t("order-not-saved"), "error");
      return;
    }
    const outcome = await orderPlace(id);
    hooks.placed(outcome, id);
  } catch (error) {
    const problem = readError(error);
    const accountNumber = current().account_number;
    if (esecureRefusal(problem, accountNumber)) {
      // eSecure said no for good: the reason names the account number, in the step's status.
      showStatus(step, () => esecureRefusal(problem, accountNumber), "error");
    } else if (problem.code === "validation_failed" && Object.keys(problem.fields).length) {
      showProblems(problem.fields);
    } else {
      showError(step, {}, error);
    }
  } finally {
    setPlacing(false);
  }
}

/** hooks.placed(outcome, draftId) once the order is accepted or waits to be sent. */
export function startReview(callbacks) {
  hooks = { ...hooks, ...callbacks };
  byId("order-confirm").addEventListener("click", confirmOrder);
  byId("order-review").addEventListener("click", (event) => {
    const button = event.target.closest("[data-edit-step]");
    if (button && !placing) edit(Number(button.dataset.editStep));
  });
}
