// "Accountnummers beheren": the customer account numbers (klantnummers) saved for new orders.
// Removing one leaves the order history as it is; the page says so where it matters.

import { accountNumbersSave } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearStatus, connectForm, field, required, resetForm, showStatus, trimmed } from "../../lib/forms.js";
import { onSessionChange } from "../../lib/session.js";
import { currentPage, onPageShow } from "../../lib/router.js";
import { groupNumber } from "../../lib/format.js";
import { forget, load, merge, startList } from "./list.js";

const PAGE = "account-numbers";

/**
 * Nine digits once the spaces, dots and dashes people copy from an invoice are left out. Only a
 * first check: the service reads the number and has the last word.
 */
function accountNumberShape(input) {
  const typed = input.value.trim();
  const digits = typed.replace(/[\s.-]/g, "");
  return typed && !/^\d{9}$/.test(digits) ? "invalid_account_number" : null;
}

const FIELDS = {
  number: field("account-number-input", [required, accountNumberShape]),
  name: field("account-number-name"),
};
// eSecure names the field `account_number` (approval_pending and the like): the same input.
const ANSWER_FIELDS = { ...FIELDS, account_number: FIELDS.number };

export function startAccountNumbers() {
  const form = document.getElementById("account-number-form");
  const number = document.getElementById("account-number-input");
  startList();

  connectForm(form, {
    fields: ANSWER_FIELDS,
    check: Object.keys(FIELDS),
    send: () =>
      accountNumbersSave(trimmed("account-number-input"), trimmed("account-number-name")),
    done: (saved) => {
      const added = merge(saved);
      resetForm(form);
      const shown = groupNumber(saved.number);
      const message = added
        ? () => t("account-numbers-added", { number: shown })
        : () => t("account-numbers-resaved", { number: shown });
      showStatus(form, message, "success");
      // Ready for the next one.
      number.focus();
    },
  });

  onSessionChange((session, previous) => {
    if (session.state !== "signed_in") {
      resetForm(form);
      forget();
    } else if (previous?.state !== "signed_in" && currentPage() === PAGE) {
      load();
    }
  });
  onPageShow((page) => {
    if (page !== PAGE) return;
    clearStatus(form);
    load();
  });
}
