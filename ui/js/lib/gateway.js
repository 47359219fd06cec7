// The Tauri gateway: the only module that touches Tauri's global API (enabled by
// `withGlobalTauri`), with one function per command the app offers, so every command and its
// arguments are spelled in one place and the rest of the UI stays plain ES modules. Argument
// names cross the boundary as the Rust parameters spell them (snake_case): every command is
// declared with `#[tauri::command(rename_all = "snake_case")]`, so Tauri renames nothing.
// tests/command_lists.rs fails when these functions and the app's command lists
// (`generate_handler!`, build.rs, the capability) disagree.

function invoke(command, args = {}) {
  return window.__TAURI__.core.invoke(command, args);
}

/** handler(payload) for each `event` the app emits; resolves to the function that stops it. */
export function listen(event, handler) {
  return window.__TAURI__.event.listen(event, (message) => handler(message.payload));
}

/** The native window's title (the page's own title does not reach it by itself). */
export function setWindowTitle(title) {
  return window.__TAURI__.window.getCurrentWindow().setTitle(title);
}

// Start-up and connection.
export const appReady = () => invoke("app_ready");
export const firstScreenShown = (page) => invoke("first_screen_shown", { page });
// The round-trip benchmark's baselines (tests/e2e/roundtrip.rs), which calls them by name.
export const ping = () => invoke("ping");
export const pingAsync = () => invoke("ping_async");
export const connectionStatus = () => invoke("connection_status");

// Zoom: the remembered level at start, and one step (in, out, reset).
export const zoomRestore = () => invoke("zoom_restore");
export const zoomStep = (step) => invoke("zoom_step", { step });

// Translations.
export const l10nGet = () => invoke("l10n_get");
export const l10nSetLanguage = (language) => invoke("l10n_set_language", { language });

// Session and sign-in.
export const sessionGet = () => invoke("session_get");
export const authRegister = (form) => invoke("auth_register", { form });
export const authActivate = (email, code) => invoke("auth_activate", { email, code });
export const authResendActivation = (email) => invoke("auth_resend_activation", { email });
export const authLogin = (email, password, staySignedIn) =>
  invoke("auth_login", { email, password, stay_signed_in: staySignedIn });
export const authLogout = () => invoke("auth_logout");

// "Log in via …" (the carrier's account): the browser, then maybe one form.
export const oidcOffer = () => invoke("oidc_offer");
export const oidcSignIn = (staySignedIn) => invoke("oidc_sign_in", { stay_signed_in: staySignedIn });
export const oidcCancel = () => invoke("oidc_cancel");
export const oidcRegister = (companyName, contactName, language) =>
  invoke("oidc_register", { company_name: companyName, contact_name: contactName, language });
export const oidcLink = (password) => invoke("oidc_link", { password });
export const authRequestPasswordReset = (email) => invoke("auth_request_password_reset", { email });
export const authResetPassword = (email, code, newPassword) =>
  invoke("auth_reset_password", { email, code, new_password: newPassword });

// Links the app was opened with (oso://activate, oso://reset-password).
export const appLinkTake = () => invoke("app_link_take");
// The requester's note on their open request, for its administrators.
export const esecureRequestNote = (id, note) => invoke("esecure_request_note", { id, note });
// oso://esecure/requests/<id>: the request to show, once signed in.
export const esecureLinkTake = () => invoke("esecure_link_take");
export const authActivateLink = () => invoke("auth_activate_link");
export const authResetPasswordLink = (newPassword) =>
  invoke("auth_reset_password_link", { new_password: newPassword });

// "This computer" and personal data.
export const autostartGet = () => invoke("autostart_get");
export const autostartSet = (enabled) => invoke("autostart_set", { enabled });
export const profileGet = () => invoke("profile_get");
export const profileUpdate = (profile, currentPassword) =>
  invoke("profile_update", { profile, current_password: currentPassword });
export const profileChangePassword = (currentPassword, newPassword) =>
  invoke("profile_change_password", {
    current_password: currentPassword,
    new_password: newPassword,
  });
export const profileForgetMe = (password) => invoke("profile_forget_me", { password });

// The order wizard, its drafts and the outbound queue.
export const draftCurrent = () => invoke("draft_current");
export const draftSave = (draft) => invoke("draft_save", { draft });
export const draftsList = () => invoke("drafts_list");
export const draftOpen = (id) => invoke("draft_open", { id });
export const draftDiscard = (id) => invoke("draft_discard", { id });
export const draftCheck = (step, draft) => invoke("draft_check", { step, draft });
export const orderStartAddress = () => invoke("order_start_address");
export const orderPlace = (id) => invoke("order_place", { id });
export const outboundList = () => invoke("outbound_list");
export const catalogueGet = () => invoke("catalogue_get");
/** `{ query, category, size }`, the last two null for any. */
export const catalogueSearch = ({ query, category, size }) =>
  invoke("catalogue_search", { query, category, size });

// The order history.
/** `{ sort, direction, status, accountNumber, search, from, to, limit, after }`; `from` and `to`
 * are days as a date field gives them (`2026-11-21`). */
/** A page of the history; `count: false` leaves the count out of a first page (the caller has
 * it for these filters already). */
export const historyList = ({ sort, direction, status, accountNumber, search, from, to, limit, after, count }) =>
  invoke("history_list", { sort, direction, status, account_number: accountNumber, search, from, to, limit, after, count });
export const historyAccountNumbers = () => invoke("history_account_numbers");
/** `{ sort, direction, status, accountNumber, search, from, to }`: the filtered history, every
 * page, saved where the user chooses in the save dialog; `null` when they cancelled it. */
export const historyExport = ({ sort, direction, status, accountNumber, search, from, to }) =>
  invoke("history_export", { sort, direction, status, account_number: accountNumber, search, from, to });
export const historyExportOpen = () => invoke("history_export_open");
export const orderDetails = (orderNumber) => invoke("order_details", { order_number: orderNumber });
export const orderCancel = (orderNumber) => invoke("order_cancel", { order_number: orderNumber });
export const orderAgain = (orderNumber) => invoke("order_again", { order_number: orderNumber });
export const openTrackingLink = (orderNumber) => invoke("open_tracking_link", { order_number: orderNumber });

// Account numbers and the address book.
export const accountNumbersList = () => invoke("account_numbers_list");
export const accountNumbersSave = (number, name) => invoke("account_numbers_save", { number, name });
export const accountNumbersRename = (id, name) => invoke("account_numbers_rename", { id, name });
export const accountNumbersRemove = (id) => invoke("account_numbers_remove", { id });
export const addressesList = () => invoke("addresses_list");
export const addressesAdd = (address) => invoke("addresses_add", { address });
export const addressesUpdate = (id, address) => invoke("addresses_update", { id, address });
export const addressesRemove = (id) => invoke("addresses_remove", { id });

// eSecure.
export const esecureSummary = () => invoke("esecure_summary");
export const esecureAccounts = () => invoke("esecure_accounts");
export const esecureRequests = (status, accountNumber) =>
  invoke("esecure_requests", { status, account_number: accountNumber });
export const esecureDecide = (ids, decision) => invoke("esecure_decide", { ids, decision });
export const esecureRevoke = (id) => invoke("esecure_revoke", { id });
export const esecureAddUsers = (accountNumber, emails) =>
  invoke("esecure_add_users", { account_number: accountNumber, emails });
export const esecureAddAdministrator = (accountNumber, administrator) =>
  invoke("esecure_add_administrator", { account_number: accountNumber, administrator });
export const esecureRemoveAdministrator = (accountNumber, email) =>
  invoke("esecure_remove_administrator", { account_number: accountNumber, email });
export const esecureSetDomains = (accountNumber, domains) =>
  invoke("esecure_set_domains", { account_number: accountNumber, domains });
export const esecureAudit = (accountNumber, limit) =>
  invoke("esecure_audit", { account_number: accountNumber, limit });
export const esecureMyRequests = () => invoke("esecure_my_requests");
export const esecureStatus = () => invoke("esecure_status");
export const esecureSetKeepInTray = (keep) => invoke("esecure_set_keep_in_tray", { keep });
