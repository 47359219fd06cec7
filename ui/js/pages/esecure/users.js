// "Gebruikers toevoegen": an account number and one or more e-mail addresses, approved at once.
// A refused address is named at the field with its place in the list and the address itself.

import { esecureAddUsers } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearErrors, connectForm, field, required, showStatus, value } from "../../lib/forms.js";
import { fieldMessage } from "../../lib/errors.js";
import { number } from "../../lib/format.js";
import { splitList } from "./shared.js";

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const byId = (id) => document.getElementById(id);

/** The place in the list of the address the service refused; null for the UI's own check. */
let refusedIndex = null;

function typed() {
  return splitList(value("esecure-users-emails"));
}

/** The service takes at most this many addresses at once (oso_core::list_limit). */
const MAX_USERS_AT_ONCE = 100;

/** A first check of each address; the service has the last word. */
function emailsShape(input) {
  return splitList(input.value).some((email) => !EMAIL_SHAPE.test(email)) ? "invalid_email" : null;
}

function notTooMany(input) {
  return splitList(input.value).length > MAX_USERS_AT_ONCE ? "too_many" : null;
}

/** "Address 2 (b@y.example): Enter an e-mail address such as name@company.be." */
function namedAddress(code) {
  return () => {
    const emails = typed();
    const index = refusedIndex ?? emails.findIndex((email) => !EMAIL_SHAPE.test(email));
    if (index < 0) return fieldMessage(code)();
    return t("esecure-add-users-bad", { position: number(index + 1), email: emails[index] ?? "", reason: fieldMessage(code)() });
  };
}

const FIELDS = {
  account_number: field("esecure-users-account", [required]),
  emails: field("esecure-users-emails", [required, notTooMany, emailsShape], {
    invalid_email: namedAddress("invalid_email"),
    duplicate: namedAddress("duplicate"),
    too_long: namedAddress("too_long"),
  }),
};

/** The service names a bad address `emails.<index>`: shown at the one field, index kept. */
async function send() {
  refusedIndex = null;
  try {
    return await esecureAddUsers(value("esecure-users-account"), typed());
  } catch (error) {
    const fields = error?.fields;
    if (!fields || typeof fields !== "object") throw error;
    const renamed = {};
    for (const [name, code] of Object.entries(fields)) {
      const match = /^emails\.(\d+)$/.exec(name);
      if (match && refusedIndex === null) {
        refusedIndex = Number(match[1]);
        renamed.emails = code;
      } else if (!match) {
        renamed[name] = code;
      }
    }
    throw { ...error, fields: renamed };
  }
}

function addedMessage(emails) {
  const list = emails.join(", ");
  return () => t("esecure-users-added", { count: emails.length, emails: list });
}

/** hooks.added() after users were added, so the lists follow. */
export function startUsers(hooks = {}) {
  const form = byId("esecure-users-form");
  byId("esecure-users-emails").addEventListener("input", () => {
    refusedIndex = null;
  });
  connectForm(form, {
    fields: FIELDS,
    send,
    done: (added) => {
      const emails = Array.isArray(added) && added.length ? added : typed();
      byId("esecure-users-emails").value = "";
      clearErrors(form);
      showStatus(form, addedMessage(emails), "success");
      hooks.added?.();
    },
  });
}
