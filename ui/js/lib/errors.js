// What a failed command means to the user. Every code maps to a message function written with a
// literal id, so the translation test sees each id is used and exists; a message is a function
// so that it can be rendered again when the language changes.

import { t } from "./i18n.js";
import { number } from "./format.js";

const ERRORS = {
  bad_request: () => t("error-bad_request"),
  validation_failed: () => t("error-validation_failed"),
  unauthenticated: () => t("error-unauthenticated"),
  forbidden: () => t("error-forbidden"),
  not_found: () => t("error-not_found"),
  method_not_allowed: () => t("error-method_not_allowed"),
  conflict: () => t("error-conflict"),
  payload_too_large: () => t("error-payload_too_large"),
  rate_limited: () => t("error-rate_limited"),
  service_unavailable: () => t("error-service_unavailable"),
  internal: () => t("error-internal"),
  unreachable: () => t("error-unreachable"),
  local_store: () => t("error-local_store"),
  autostart_failed: () => t("error-autostart_failed"),
  export_failed: () => t("error-export_failed"),
  invalid_credentials: () => t("error-invalid_credentials"),
  account_inactive: () => t("error-account_inactive"),
  token_invalid: () => t("error-token_invalid"),
  token_expired: () => t("error-token_expired"),
  password_expired: () => t("error-password_expired"),
  approval_pending: () => t("error-approval_pending"),
  approval_rejected: () => t("error-approval_rejected"),
  access_refused: () => t("error-access_refused"),
  last_administrator: () => t("error-last_administrator"),
  misdirected_request: () => t("error-misdirected_request"),
  external_provider_unreachable: () => t("error-external_provider_unreachable"),
  external_code_refused: () => t("error-external_code_refused"),
  external_token_invalid: () => t("error-external_token_invalid"),
  external_clock_skew: () => t("error-external_clock_skew"),
  external_email_unverified: () => t("error-external_email_unverified"),
  no_password: () => t("error-no_password"),
  external_cancelled: () => t("error-external_cancelled"),
  external_state_mismatch: () => t("error-external_state_mismatch"),
  external_timed_out: () => t("error-external_timed_out"),
};

/** eSecure's answers about an account number this user may not (yet) use. */
export const ESECURE_CODES = ["approval_pending", "approval_rejected", "access_refused"];

// Field codes: the service's, plus the UI-only `passwords_differ`.
const FIELD_ERRORS = {
  required: () => t("field-error-required"),
  too_long: () => t("field-error-too_long"),
  too_many: () => t("field-error-too_many"),
  too_short: () => t("field-error-too_short"),
  invalid_email: () => t("field-error-invalid_email"),
  invalid_phone: () => t("field-error-invalid_phone"),
  invalid_characters: () => t("field-error-invalid_characters"),
  common_password: () => t("field-error-common_password"),
  password_like_identity: () => t("field-error-password_like_identity"),
  wrong_password: () => t("field-error-wrong_password"),
  unknown_language: () => t("field-error-unknown_language"),
  invalid_time_zone: () => t("field-error-invalid_time_zone"),
  invalid_cursor: () => t("field-error-invalid_cursor"),
  invalid_code: () => t("field-error-invalid_code"),
  passwords_differ: () => t("field-error-passwords_differ"),
  same_as_current: () => t("field-error-same_as_current"),
  invalid_account_number: () => t("field-error-invalid_account_number"),
  invalid_postal_code: () => t("field-error-invalid_postal_code"),
  invalid_country: () => t("field-error-invalid_country"),
  over_item_maximum: () => t("field-error-over_item_maximum"),
  over_order_maximum: () => t("field-error-over_order_maximum"),
  not_sold: () => t("field-error-not_sold"),
  duplicate: () => t("field-error-duplicate"),
  too_small: () => t("field-error-too_small"),
  too_large: () => t("field-error-too_large"),
  invalid_quantity: () => t("field-error-invalid_quantity"),
  needs_approval: () => t("field-error-needs_approval"),
  approval_pending: () => t("field-error-approval_pending"),
  approval_rejected: () => t("field-error-approval_rejected"),
  access_refused: () => t("field-error-access_refused"),
  invalid_domain: () => t("field-error-invalid_domain"),
  invalid_date: () => t("field-error-invalid_date"),
  before_from: () => t("field-error-before_from"),
};

/** Messages a field can use instead of the general one, for a clearer sentence. */
export const PASSWORD_MESSAGES = {
  too_short: () => t("field-error-password-too_short"),
};
export const CONFIRM_MESSAGES = {
  required: () => t("field-error-confirm-required"),
};

/** `{ code, fields, retryAfterSeconds }` from whatever a rejected command gave. */
export function readError(error) {
  if (error && typeof error === "object" && typeof error.code === "string") {
    const fields = error.fields && typeof error.fields === "object" ? error.fields : {};
    const retry = error.retry_after_seconds ?? null;
    return { code: error.code, fields, retryAfterSeconds: typeof retry === "number" ? retry : null };
  }
  // A string rejection comes from Tauri itself (say, a command that is not registered).
  console.error("unexpected failure", error);
  return { code: "internal", fields: {}, retryAfterSeconds: null };
}

/** The message of a general error, with the wait time when the service gave one. */
export function errorMessage(problem) {
  const wait = problem.retryAfterSeconds;
  if (problem.code === "rate_limited" && Number.isFinite(wait) && wait > 0) {
    const seconds = Math.ceil(wait);
    if (seconds < 120) return () => t("error-rate_limited-seconds", { seconds: number(seconds) });
    const minutes = Math.ceil(seconds / 60);
    return () => t("error-rate_limited-minutes", { minutes: number(minutes) });
  }
  return ERRORS[problem.code] ?? ERRORS.internal;
}

export function fieldMessage(code) {
  return FIELD_ERRORS[code] ?? (() => t("field-error-invalid"));
}
