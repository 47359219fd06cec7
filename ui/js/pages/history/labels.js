// Names of statuses and columns as explicit maps of literal message ids, so the translation test
// sees every id; anything the service adds later is shown as it came.

import { t } from "../../lib/i18n.js";
import { element } from "../../lib/dom.js";

export const STATUS_IDS = {
  received: "history-status-received",
  in_progress: "history-status-in_progress",
  shipped: "history-status-shipped",
  completed: "history-status-completed",
  cancelled: "history-status-cancelled",
};

export const COLUMN_NAMES = {
  order_number: () => t("history-column-order_number"),
  created_at: () => t("history-column-created_at"),
  status: () => t("history-column-status"),
  account_number: () => t("history-column-account_number"),
  company: () => t("history-column-company"),
  packs: () => t("history-column-packs"),
};

/** The status as a translated badge; translate() renders it again after a language switch. */
export function statusBadge(status, attributes = {}) {
  const id = STATUS_IDS[status];
  return element("span", {
    ...attributes,
    class: "history-badge",
    "data-status": status,
    "data-i18n": id ?? null,
    text: id ? t(id) : status,
  });
}
