// Authorised and restricted domains of one account, and the switch that makes it accept requests
// only from the listed domains. A refused domain is named at its box with its place in the list.

import { esecureSetDomains } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearStatus, connectForm, field, showStatus, value } from "../../lib/forms.js";
import { fieldMessage } from "../../lib/errors.js";
import { number } from "../../lib/format.js";
import { administeredAccounts, groupNumber, keepAccount, splitList } from "./shared.js";

const byId = (id) => document.getElementById(id);
/** Per box, the place in its list of the domain the service refused. */
const refused = { authorised: null, restricted: null };

function named(box, code) {
  return () => {
    const domains = splitList(value(`esecure-domains-${box}`));
    const index = refused[box];
    if (index === null || index >= domains.length) return fieldMessage(code)();
    return t("esecure-domains-bad", { position: number(index + 1), domain: domains[index], reason: fieldMessage(code)() });
  };
}

function box(name) {
  return field(`esecure-domains-${name}`, [], {
    invalid_domain: named(name, "invalid_domain"),
    duplicate: named(name, "duplicate"),
    too_long: named(name, "too_long"),
  });
}

const FIELDS = { account_number: field("esecure-domains-account"), authorised: box("authorised"), restricted: box("restricted") };

/** Shows the chosen account's lists. */
export function fillDomains() {
  const account = administeredAccounts().find((candidate) => candidate.number === value("esecure-domains-account"));
  byId("esecure-domains-authorised").value = (account?.authorised_domains ?? []).join("\n");
  byId("esecure-domains-restricted").value = (account?.restricted_domains ?? []).join("\n");
  byId("esecure-domains-restrict").checked = Boolean(account?.restrict_requests);
  byId("esecure-domains-submit").disabled = !account;
}

async function send() {
  refused.authorised = null;
  refused.restricted = null;
  try {
    return await esecureSetDomains(value("esecure-domains-account"), {
      authorised: splitList(value("esecure-domains-authorised")),
      restricted: splitList(value("esecure-domains-restricted")),
      restrict_requests: byId("esecure-domains-restrict").checked,
    });
  } catch (error) {
    const fields = error?.fields;
    if (!fields || typeof fields !== "object") throw error;
    const renamed = {};
    for (const [name, code] of Object.entries(fields)) {
      const match = /^(authorised|restricted)\.(\d+)$/.exec(name);
      if (!match) {
        renamed[name] = code;
      } else if (refused[match[1]] === null) {
        refused[match[1]] = Number(match[2]);
        renamed[match[1]] = code;
      }
    }
    throw { ...error, fields: renamed };
  }
}

export function startDomains() {
  const form = byId("esecure-domains-form");
  byId("esecure-domains-account").addEventListener("change", () => {
    clearStatus(form);
    fillDomains();
  });
  for (const name of ["authorised", "restricted"]) {
    byId(`esecure-domains-${name}`).addEventListener("input", () => {
      refused[name] = null;
    });
  }
  connectForm(form, {
    fields: FIELDS,
    send,
    done: (account) => {
      if (account?.number) keepAccount(account);
      fillDomains();
      const shown = groupNumber(account?.number ?? value("esecure-domains-account"));
      showStatus(form, () => t("esecure-domains-saved", { number: shown }), "success");
    },
  });
}
