## Errors: error-<code> for every code the service or the desktop can answer
error-bad_request = The request could not be read. Please try again.
error-validation_failed = Some fields need your attention.
error-unauthenticated = Please sign in again.
error-forbidden = You are not allowed to do this.
error-not_found = This item no longer exists.
error-method_not_allowed = This action is not possible here.
error-conflict = This conflicts with a change made elsewhere. Reload and try again.
error-payload_too_large = This is too large to send.
error-rate_limited = Too many attempts. Please wait a moment and try again.
error-service_unavailable = The service is temporarily unavailable. Please try again shortly.
error-internal = Something went wrong on our side. Please try again later.
error-unreachable = The service cannot be reached. Check your connection.
error-local_store = OSO cannot read or write its data on this computer.
error-autostart_failed = OSO cannot change the list of programs that start with your session.
error-export_failed = The file could not be saved there. Choose another folder, or close the file if a spreadsheet has it open.
error-invalid_credentials = E-mail address or password is incorrect.
error-account_inactive = This account is not activated yet. Enter the code from the activation e-mail, or ask for a new code.
error-token_invalid = This code or link is not valid. Check the code in the e-mail, or ask for a new one.
error-token_expired = This code has expired. Ask for a new one.
error-password_expired = Your password has expired. Choose a new one.
error-rate_limited-seconds = Too many attempts. Try again in { $seconds } s.
error-rate_limited-minutes = Too many attempts. Try again in { $minutes } min.

## Field errors: field-error-<code>, shown under the field
field-error-required = This field is required.
field-error-too_long = This is too long.
field-error-too_many = Too many at once: split the list and send it in parts.
field-error-too_short = This is too short.
field-error-password-too_short = Use at least 12 characters.
field-error-invalid_email = Enter an e-mail address such as name@company.be.
field-error-invalid_phone = Enter a phone number with its country code, such as +32 2 123 45 67.
field-error-invalid_characters = This contains characters that are not allowed.
field-error-common_password = This password is too common or has appeared in a data breach. Choose another one.
field-error-password_like_identity = Your password must not be your e-mail address or your company name.
field-error-wrong_password = This password is not correct.
field-error-unknown_language = Choose one of the languages offered.
field-error-invalid_time_zone = Choose one of the time zones offered.
field-error-invalid_cursor = This page of the history is no longer valid. Go back to its first page.
field-error-invalid_code = This code is not valid. Check it in the e-mail.
field-error-passwords_differ = The two passwords are not the same.
field-error-confirm-required = Tick this box to confirm.
field-error-invalid = Check this field.
field-error-invalid_date = Enter a complete date.
field-error-before_from = This date is before the “from” date. Choose that day or a later one.
field-error-same_as_current = Choose a password that differs from the current one.

## eSecure
field-error-approval_pending = Its administrators have been asked to approve you (eSecure). You can use it as soon as they do.
field-error-approval_rejected = Its administrators rejected your request to use it (eSecure).
field-error-access_refused = It only accepts requests from addresses at domains its administrators chose (eSecure).
field-error-invalid_domain = Enter a domain such as zebra.example.
error-approval_pending = This account number is protected by eSecure. Its administrators have been asked to approve you; you will get an e-mail with their answer.
error-approval_rejected = The administrators of this account number have not approved you to use it.
error-access_refused = This account number only accepts requests from its company's own e-mail addresses.
error-last_administrator = An account number keeps at least one administrator. Add another administrator first.
error-misdirected_request = This service does not answer for the address that was used. Open OSO itself, or the link from your e-mail exactly as it was sent.

## Signing in with the carrier account (OpenID Connect)
error-external_provider_unreachable = The sign-in service of your carrier account cannot be reached right now. Try again in a moment, or log in with your OSO e-mail and password.
error-external_code_refused = The sign-in expired or was already used. Start again with the button.
error-external_token_invalid = The answer of your carrier account's sign-in service could not be trusted, so you were not signed in. Start again; if it keeps happening, tell your OSO administrator.
error-external_clock_skew = The clock of this service and that of the sign-in service differ by more than two minutes, so you were not signed in. Tell your OSO administrator.
error-external_email_unverified = Your carrier account's e-mail address has not been verified yet. Verify it there first, then try again; or log in with your OSO e-mail and password.
error-no_password = This login has no OSO password: you sign in with your carrier account, so there is no password to change or renew.
error-external_cancelled = The sign-in was cancelled in the browser. You are not signed in.
error-external_state_mismatch = The browser returned an answer that does not belong to this sign-in, so it was ignored. Start again with the button.
error-external_timed_out = No answer came from the browser within 5 minutes. Start again with the button.
