// "Klantaccountbeheerder": the administered account numbers with a check box each and their
// administrators. Tick one or more, Add → name, e-mail and language → added to each. Every
// administrator has a Remove that asks in place; the service refuses to remove the last one.

import { esecureAddAdministrator, esecureRemoveAdministrator } from "../../lib/gateway.js";
import { language, t } from "../../lib/i18n.js";
import { clearErrors, connectForm, emailShape, field, focusField, required, resetForm, say, trimmed, value } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { element, emptyOut, translated } from "../../lib/dom.js";
import { administeredAccounts, groupNumber } from "./shared.js";

const byId = (id) => document.getElementById(id);
const ticked = new Set();
/** `{ number, email }` of the administrator whose Remove asks for confirmation. */
let confirming = null;
let hooks = { changed: async () => {} };

const FIELDS = {
  name: field("esecure-administrator-name", [required]),
  email: field("esecure-administrator-email", [required, emailShape]),
  language: field("esecure-administrator-language", [required]),
};

function announce(message, tone) {
  const status = byId("esecure-administrators-status");
  say(status, null);
  say(status, message, tone);
}

function numbers(list) {
  return list.map(groupNumber).join(", ");
}

function administratorRow(account, administrator) {
  const asking = confirming?.number === account.number && confirming?.email === administrator.email;
  const data = { "data-number": account.number, "data-email": administrator.email };
  return element("li", { class: "esecure-administrator", ...data }, [
    element("div", { class: "esecure-administrator-who" }, [
      element("span", { class: "esecure-administrator-name", text: administrator.name || administrator.email }),
      element("span", { class: "esecure-administrator-email", text: administrator.email }),
      administrator.has_login ? null : element("span", { class: "esecure-note", "data-i18n": "esecure-administrator-no-login" }),
    ]),
    asking
      ? element("div", { class: "item-confirm esecure-confirm", role: "group" }, [
        element("p", { class: "item-confirm-text", text: t("esecure-administrator-remove-question", { email: administrator.email, number: groupNumber(account.number) }) }),
        element("div", { class: "item-actions" }, [
          element("button", { type: "button", class: "button button-danger button-compact", "data-action": "confirm-remove", ...data, "data-i18n": "esecure-administrator-remove-confirm" }),
          element("button", { type: "button", class: "button button-secondary button-compact", "data-action": "cancel", ...data, "data-i18n": "esecure-cancel" }),
        ]),
      ])
      : element("button", {
        type: "button",
        class: "button button-secondary button-compact",
        "data-action": "remove",
        ...data,
        "aria-label": `${t("esecure-administrator-remove")} ${administrator.email}`,
        "data-i18n": "esecure-administrator-remove",
      }),
  ]);
}

function accountRow(account) {
  const id = `esecure-account-${account.number}`;
  return element("li", { class: "esecure-account", "data-number": account.number, "data-checked": String(ticked.has(account.number)) }, [
    element("div", { class: "esecure-account-head" }, [
      element("input", { type: "checkbox", class: "esecure-account-check", id: `${id}-check`, "data-number": account.number, checked: ticked.has(account.number), "aria-label": t("esecure-administrators-select", { number: groupNumber(account.number) }) }),
      element("label", { for: `${id}-check`, class: "esecure-account-label" }, [
        element("span", { class: "account-number", text: groupNumber(account.number) }),
        element("span", { class: "item-name", text: account.company ?? "" }),
      ]),
      element("span", { class: "esecure-badge", "data-status": account.protected ? "approved" : "none", "data-i18n": account.protected ? "esecure-protected" : "esecure-unprotected" }),
    ]),
    element("ul", { class: "esecure-administrators", role: "list" }, (account.administrators ?? []).map((administrator) => administratorRow(account, administrator))),
  ]);
}

export function renderAdministrators() {
  const list = byId("esecure-accounts");
  const accounts = administeredAccounts();
  for (const number of [...ticked]) if (!accounts.some((account) => account.number === number)) ticked.delete(number);
  emptyOut(list);
  list.append(...accounts.map((account) => translated(accountRow(account))));
  byId("esecure-administrators-empty").hidden = accounts.length > 0;
  byId("esecure-administrator-add").disabled = ticked.size === 0;
  byId("esecure-administrator-add-hint").hidden = ticked.size > 0;
  const forNumbers = [...ticked];
  byId("esecure-administrator-form-for").textContent = forNumbers.length ? t("esecure-administrator-form-for", { numbers: numbers(forNumbers) }) : "";
}

function openForm() {
  if (ticked.size === 0) return;
  const form = byId("esecure-administrator-form");
  form.hidden = false;
  byId("esecure-administrator-language").value = language();
  renderAdministrators();
  focusField(byId("esecure-administrator-name"));
}

function closeForm({ focus = true } = {}) {
  const form = byId("esecure-administrator-form");
  resetForm(form);
  form.hidden = true;
  if (focus) byId("esecure-administrator-add").focus();
}

/** Adds the administrator to every ticked account, one call each; stops at the first refusal. */
async function addToTicked() {
  const administrator = {
    name: trimmed("esecure-administrator-name"),
    email: trimmed("esecure-administrator-email"),
    language: value("esecure-administrator-language"),
  };
  const done = [];
  for (const accountNumber of ticked) {
    await esecureAddAdministrator(accountNumber, administrator);
    done.push(accountNumber);
  }
  return { name: administrator.name, numbers: done };
}

async function remove(number, email, button) {
  button.disabled = true;
  button.classList.add("is-busy");
  try {
    await esecureRemoveAdministrator(number, email);
    confirming = null;
    const shown = groupNumber(number);
    announce(() => t("esecure-administrator-removed", { email, number: shown }), "success");
    await hooks.changed();
    byId("esecure-tab-administrators").focus();
  } catch (error) {
    // Most often the last administrator: the row stays, the reason is said above the list.
    confirming = null;
    renderAdministrators();
    announce(errorMessage(readError(error)), "error");
    byId("esecure-administrators-status").scrollIntoView({ block: "nearest" });
  }
}

export function forgetAdministrators() {
  ticked.clear();
  confirming = null;
  closeForm({ focus: false });
  say(byId("esecure-administrators-status"), null);
  emptyOut(byId("esecure-accounts"));
}

/** hooks.changed() re-reads the accounts after a change. */
export function startAdministrators(callbacks) {
  hooks = { ...hooks, ...callbacks };
  const form = byId("esecure-administrator-form");
  const list = byId("esecure-accounts");
  byId("esecure-administrator-add").addEventListener("click", openForm);
  byId("esecure-administrator-cancel").addEventListener("click", () => closeForm());
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeForm();
  });
  connectForm(form, {
    fields: FIELDS,
    send: addToTicked,
    done: async ({ name, numbers: added }) => {
      closeForm({ focus: false });
      const shown = numbers(added);
      announce(() => t("esecure-administrator-added", { name, numbers: shown }), "success");
      await hooks.changed();
      byId("esecure-administrator-add").focus();
    },
  });
  list.addEventListener("change", (event) => {
    const box = event.target.closest(".esecure-account-check");
    if (!box) return;
    if (box.checked) ticked.add(box.dataset.number);
    else ticked.delete(box.dataset.number);
    box.closest(".esecure-account").dataset.checked = String(box.checked);
    byId("esecure-administrator-add").disabled = ticked.size === 0;
    byId("esecure-administrator-add-hint").hidden = ticked.size > 0;
    byId("esecure-administrator-form-for").textContent = ticked.size ? t("esecure-administrator-form-for", { numbers: numbers([...ticked]) }) : "";
    if (ticked.size === 0 && !form.hidden) closeForm({ focus: false });
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const { number, email } = button.dataset;
    const action = button.dataset.action;
    if (action === "remove" || action === "cancel") {
      confirming = action === "remove" ? { number, email } : null;
      say(byId("esecure-administrators-status"), null);
      renderAdministrators();
      const focus = action === "remove" ? "confirm-remove" : "remove";
      list.querySelector(`[data-action="${focus}"][data-number="${CSS.escape(number)}"][data-email="${CSS.escape(email)}"]`)?.focus();
    } else if (action === "confirm-remove") {
      remove(number, email, button);
    }
  });
  clearErrors(form);
}
