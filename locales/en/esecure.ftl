## eSecure: who may use the account numbers you administer

esecure-loading = Loading…
esecure-retry = Try again
esecure-all-accounts = All account numbers
esecure-account-label = { $number } · { $company }

## Tabs
esecure-tabs = eSecure sections
esecure-tab-requests = Authorised users
esecure-tab-add-users = Add users
esecure-tab-administrators = Customer administrators
esecure-tab-domains = Domains
esecure-tab-audit = Audit trail

## Authorised users: requests and decisions
esecure-requests-intro = Someone who wants to order on one of your account numbers has to be approved first. Approve or reject each request on its row, or tick several and decide them together.
esecure-filter-status = Show
esecure-filter-account = Account number
esecure-status-pending = Open requests
esecure-status-approved = Approved
esecure-status-rejected = Rejected
esecure-status-revoked = Access revoked
esecure-request-pending = Open
esecure-status-all = All
esecure-select-all = Select all
esecure-select-row = Select { $email }
esecure-approve = Approve
esecure-reject = Reject
esecure-selected =
    { $count ->
        [one] { $count } selected
       *[other] { $count } selected
    }
esecure-column-email = E-mail address
esecure-column-account = Account number
esecure-column-requested = Requested
esecure-column-status = Status
esecure-decided-by = by { $email }
esecure-forgotten-person = a forgotten user
esecure-requests-empty-pending = There are no open requests. New ones appear here, and OSO tells you as soon as one arrives.
esecure-requests-empty = No requests match these filters.
esecure-approved =
    { $count ->
        [one] { $count } request approved.
       *[other] { $count } requests approved.
    }
esecure-rejected =
    { $count ->
        [one] { $count } request rejected.
       *[other] { $count } requests rejected.
    }
esecure-approve-row = Approve { $email }
esecure-reject-row = Reject { $email }
esecure-rejecting = Being rejected…
esecure-reject-question =
    { $count ->
        [one] Reject { $count } request? The requester is told by e-mail.
       *[other] Reject { $count } requests? The requesters are told by e-mail.
    }
esecure-undo-text =
    { $count ->
        [one] { $count } request will be rejected in a few seconds.
       *[other] { $count } requests will be rejected in a few seconds.
    }
esecure-undo = Undo
esecure-undone = Nothing was rejected: the requests are open again.
esecure-add = Add
esecure-keyboard-hint = Keyboard: on a request's row, A approves it and R rejects it.
esecure-link-not-found = That request is not among the account numbers you administer, or it no longer exists.
esecure-link-not-yours = That request is for the administrators of its account number.
esecure-revoke = Revoke
esecure-revoke-question = Revoke access for { $email }? They can no longer order on account number { $number }.
esecure-revoke-confirm = Revoke access
esecure-cancel = Cancel
esecure-revoked = Access for { $email } has been revoked.

## Add users
esecure-add-users-intro = Users you add here are approved at once: they can order on the account number without asking.
esecure-add-users-account = Account number
esecure-add-users-emails = E-mail addresses
esecure-add-users-emails-help = One address per line, or separated by commas.
esecure-add-users-submit = Save
esecure-add-users-bad = Address { $position } ({ $email }): { $reason }
esecure-users-added =
    { $count ->
        [one] { $emails } has been added and approved.
       *[other] { $count } users have been added and approved: { $emails }.
    }

## Customer administrators
esecure-administrators-intro = Administrators decide who may use an account number and receive the e-mails about new requests. Tick an account number and choose Add to add an administrator.
esecure-administrators-add = Add
esecure-administrators-add-hint = Tick one or more account numbers first.
esecure-administrators-select = Select account number { $number }
esecure-administrator-form-title = New administrator
esecure-administrator-form-for = For account number { $numbers }
esecure-administrator-name = Name
esecure-administrator-email = E-mail address
esecure-administrator-language = Language of the e-mails
esecure-administrator-submit = Add administrator
esecure-administrator-added = { $name } is now an administrator of account number { $numbers }.
esecure-administrator-no-login = No OSO login yet
esecure-administrator-remove = Remove
esecure-administrator-remove-question = Remove { $email } as administrator of account number { $number }?
esecure-administrator-remove-confirm = Remove administrator
esecure-administrator-removed = { $email } is no longer an administrator of account number { $number }.
esecure-administrators-empty = You administer no account numbers.
esecure-protected = Protected by eSecure
esecure-unprotected = Not protected

## Domains
esecure-domains-intro = Addresses at an authorised domain may use the account number without asking. With the switch on, requests from addresses outside the listed domains are refused at once.
esecure-domains-account = Account number
esecure-domains-authorised = Authorised domains
esecure-domains-authorised-help = One domain per line, such as zebra.example. Users at these domains are approved without a request.
esecure-domains-restricted = Domains that may ask
esecure-domains-restricted-help = One domain per line. Used when the switch below is on.
esecure-domains-restrict = Only accept requests from these domains
esecure-domains-submit = Save domains
esecure-domains-saved = The domains of account number { $number } have been saved.
esecure-domains-bad = Domain { $position } ({ $domain }): { $reason }

## Audit trail
esecure-audit-intro = Every decision about your account numbers, newest first.
esecure-audit-column-at = When
esecure-audit-column-actor = Who
esecure-audit-column-action = What
esecure-audit-column-subject = About
esecure-audit-column-account = Account number
esecure-audit-empty = Nothing has happened yet.
esecure-action-approved = Approved
esecure-action-rejected = Rejected
esecure-action-expired = Expired without a decision
esecure-action-revoked = Access revoked
esecure-action-users_added = User added
esecure-action-administrator_added = Administrator added
esecure-action-administrator_removed = Administrator removed
esecure-action-domains_changed = Domains changed
esecure-action-requested = Requested access

## On this computer
esecure-tray-title = On this computer
esecure-keep-in-tray = Keep OSO running in the tray when the window is closed
esecure-keep-in-tray-help = OSO then tells you about new requests even with its window closed. Quit it from the tray icon.
esecure-no-tray = This desktop shows no tray icon, so closing the window quits OSO.
esecure-keep-in-tray-saved = Saved.

## Someone who administers no account number
esecure-about-title = What is eSecure?
esecure-about-text = eSecure keeps account numbers from being used by people who are not allowed to. When you order on a protected account number for the first time, its administrators are asked to approve you; your order waits and is sent as soon as they do.
esecure-about-administrators = The administrators of an account number manage eSecure here. Your supplier names the first administrator of an account.
esecure-my-title = Your requests
esecure-my-empty = You have not asked to use any protected account number.
esecure-my-status-pending = Waiting for approval
esecure-my-status-approved = Approved
esecure-my-status-rejected = Rejected
esecure-my-status-expired = Expired without a decision
esecure-status-expired = Expired
esecure-note-label = A note for the administrators (optional)
esecure-note-help = For example "I am the new office manager". They get it by e-mail and see it with your request.
esecure-note-send = Send the note
esecure-note-sent = Your note was sent to the administrators.
esecure-note-removed = Your note was removed.
esecure-my-status-revoked = Access revoked

## Tray and notifications (shown by the desktop, outside the window)
tray-open = Open OSO
tray-quit = Quit
tray-kept-for-approval-title = OSO keeps running in the tray
tray-kept-for-approval-body = Your order waits for approval and is sent as soon as it comes. Open OSO again from the tray icon.
tray-esecure =
    { $count ->
        [0] eSecure: no open requests
        [one] eSecure: { $count } open request
       *[other] eSecure: { $count } open requests
    }
tray-tooltip =
    { $count ->
        [0] OSO
        [one] OSO: { $count } open request
       *[other] OSO: { $count } open requests
    }
esecure-notification-title = eSecure: new request
esecure-notification-open = Open in OSO
esecure-expired-notification-title = Request expired
esecure-expired-notification-body = Nobody decided on your request to use account number { $number } within 14 days, so it expired.
esecure-notification =
    { $count ->
        [one] { $email } asks to use account number { $number }.
       *[other] { $count } new requests to use your account numbers.
    }
nav-esecure-count = { $count } open requests
