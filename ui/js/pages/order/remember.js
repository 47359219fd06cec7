// "Save for next time": step 1's account number and step 2's address are saved as soon as the
// step is left with the box ticked, not only when the order is confirmed, and the next step
// says how it went. Offline the tick stays on the draft: it is saved when the service answers
// again while the draft is open (here), or when the order goes out (the desktop does that from
// the queue). A refusal is said on the page; the order itself is never held up by it.

import { accountNumbersSave, addressesAdd } from "../../lib/gateway.js";
import { groupNumber } from "../../lib/format.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { showStatus } from "../../lib/forms.js";
import { t } from "../../lib/i18n.js";
import { changed, current } from "./draft.js";

/** Codes that mean the service cannot be reached now, rather than that it refused. */
const OFFLINE = new Set(["unreachable", "service_unavailable"]);

const statusOfStep = (n) => document.getElementById(`order-step-${n}`);

/** Says `message` on step `n` (the one just entered). */
function tell(n, message, tone) {
  showStatus(statusOfStep(n), message, tone);
}

function failed(n, error, { offline, refused }) {
  const problem = readError(error);
  if (OFFLINE.has(problem.code)) {
    tell(n, offline, "info");
  } else {
    const reason = errorMessage(problem);
    tell(n, () => refused(reason()), "error");
  }
  return false;
}

/** Saves the draft's ticked account number; `shownOn` is the step that says how it went. */
async function rememberAccountNumber(shownOn) {
  const draft = current();
  if (!draft.save_account_number) return true;
  const number = draft.account_number.replace(/[\s.-]/g, "");
  try {
    await accountNumbersSave(number, draft.account_name.trim() || null);
  } catch (error) {
    return failed(shownOn, error, {
      offline: () => t("order-remember-number-offline"),
      refused: (reason) => t("order-remember-number-failed", { reason }),
    });
  }
  // Saved: the confirmation must not save it again.
  if (current() === draft && draft.account_number.replace(/[\s.-]/g, "") === number) {
    draft.save_account_number = false;
    changed();
  }
  tell(shownOn, () => t("order-remember-number-saved", { number: groupNumber(number) }), "success");
  return true;
}

/** Saves the draft's ticked address to the address book. */
async function rememberAddress(shownOn) {
  const draft = current();
  if (!draft.save_address || draft.address_book_id !== null) return true;
  const address = { ...draft.address };
  let saved;
  try {
    saved = await addressesAdd(address);
  } catch (error) {
    return failed(shownOn, error, {
      offline: () => t("order-remember-address-offline"),
      refused: (reason) => t("order-remember-address-failed", { reason }),
    });
  }
  // The draft's address is now the book's, as if it had been picked there.
  if (current() === draft && JSON.stringify(draft.address) === JSON.stringify(address)) {
    draft.save_address = false;
    draft.address_book_id = Number.isInteger(saved?.id) ? saved.id : null;
    changed();
  }
  tell(shownOn, () => t("order-remember-address-saved", { company: address.company }), "success");
  return true;
}

/** Step 1 was left forward; `shownOn` is the step now shown. */
export const rememberLeavingAccount = (shownOn) => rememberAccountNumber(shownOn);

/** Step 2 was left forward; `shownOn` is the step now shown. */
export const rememberLeavingAddress = (shownOn) => rememberAddress(shownOn);

/** The service answers again: what could not be saved while it was away is saved now. */
export async function rememberPending(step) {
  if (step > 1 && current().save_account_number) await rememberAccountNumber(step);
  if (step > 2 && current().save_address) await rememberAddress(step);
}
