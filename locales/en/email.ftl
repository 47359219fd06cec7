## E-mails sent by the OSO service
email-product = OSO · Online Supplies Ordering
email-footer = This e-mail was sent by OSO because of an action on an OSO login with this address. It contains no tracking.
email-greeting = Hello { $name },

email-activation-subject = Activate your OSO login
email-activation-body = Thank you for registering { $company } with OSO. Confirm your e-mail address to activate your login.
email-activation-button = Activate my login
email-activation-code = Or type this code in the OSO app:
email-activation-expiry = The link and the code are valid for 48 hours. If you did not register, ignore this e-mail.

email-already-registered-subject = Someone tried to register with your e-mail address
email-already-registered-body = Someone, perhaps you, tried to register a new OSO login with this e-mail address. You already have a login with it. If you forgot your password, choose "Forgot password" on the sign-in screen of OSO. If it was not you, you can ignore this e-mail.

email-reset-subject = Choose a new OSO password
email-reset-body = We received a request to choose a new password for your OSO login.
email-reset-button = Choose a new password
email-reset-code = Or type this code in the OSO app:
email-reset-expiry = The link and the code are valid for 1 hour. If you did not ask for this, ignore this e-mail: your password stays as it is.
email-no-password-subject = Your OSO login has no password
email-no-password-body = We received a request to choose a new password for your OSO login. Your login has no OSO password: you sign in with your { $provider } account, with "Log in via { $provider }" on the sign-in screen of OSO. If you have forgotten that password, ask { $provider } for a new one.
email-no-password-ignore = If you did not ask for this, ignore this e-mail: nothing has changed.

email-invitation-subject = Choose your OSO password
email-invitation-body = You were made an administrator of the OSO customer account of { $company }. Choose a password to open your OSO login.
email-invitation-button = Choose my password
email-invitation-code = Or, in the OSO app, choose "Forgot password" and type this code with your new password:
email-invitation-expiry = The link and the code are valid for 48 hours. If you expected no such invitation, ignore this e-mail.

email-password-changed-subject = Your OSO password was changed
email-password-changed-body = The password of your OSO login { $login } was just changed.
email-password-was-reset-subject = Your OSO password was reset
email-password-was-reset-body = A new password was just chosen for your OSO login { $login } with a code or link from a password-reset e-mail. Every session of the login was ended.
email-address-changed-subject = Your OSO e-mail address was changed
email-address-changed-body = The e-mails of your OSO login { $login } now go to { $address } instead of this address.
email-not-you = If this was not you, choose "Forgot password" on the sign-in screen of OSO at once to choose a new password, and tell your OSO contact.

email-expiry-subject = Your OSO password expires on { $date }
email-expiry-body = For your security, OSO asks you to choose a new password every { $max_days } days. Your current password expires on { $date }.
email-expiry-action = Choose a new one in OSO under Personal data, Manage password. After the expiry date, OSO will ask for a new password when you sign in.

email-order-subject = OSO order { $number } received
email-order-body = Thank you. We received your order { $number } for account number { $account }.
email-order-placed = Placed on { $time }.
email-order-lines-title = Supplies ordered:
email-order-line = { $packs } × { $name } ({ $sku })
email-order-address = Delivery address: { $address }
email-order-follow = You can follow the order in OSO under Order history.
email-shipped-subject = OSO order { $number } is on its way
email-shipped-body = Your order { $number } has been shipped. Its tracking number is { $tracking }.

## eSecure
email-esecure-request-subject = Approval requested for account number { $account }
email-esecure-request-body = { $email } of { $company } asked on { $time } to use your account number { $account }.
email-esecure-request-note = Their note: "{ $note }"
email-esecure-request-open = Open in OSO
email-esecure-request-reject = Reject
email-esecure-request-approve-hint = "Open in OSO" shows the request in the OSO app, where you approve or reject it (or open eSecure in OSO). If you do nothing, the user cannot use the account number.
email-esecure-reminder-subject = Reminder: approval still requested for account number { $account }
email-esecure-reminder-intro = This request has waited for a decision for two days. It expires after 14 days without one.
email-esecure-note-subject = A note on the request for account number { $account }
email-esecure-approved-subject = You may use account number { $account }
email-esecure-approved-body = The administrators of account number { $account } have approved your request. Orders waiting for their approval are now sent.
email-esecure-rejected-subject = Your request for account number { $account } was rejected
email-esecure-rejected-body = The administrators of account number { $account } have rejected your request to use it. Orders with this account number are not sent. Contact the account's company if you think this is a mistake.
email-esecure-expired-subject = Your request for account number { $account } expired
email-esecure-expired-body = Nobody decided on your request to use account number { $account } within 14 days, so it expired. Orders with this account number are not sent. Ask the company of the account number to add you as a user.
email-esecure-administrator-subject = You are an administrator of account number { $account }
email-esecure-administrator-body = { $by } made you an administrator of account number { $account } ({ $company }) in OSO. You decide who may use this account number: you get an e-mail for every request, and you approve or reject requests on the eSecure page of the OSO app.
email-esecure-administrator-no-login = An OSO login has been prepared for this address. Choose its password within 48 hours with the button below, then sign in to the OSO app to approve requests.
email-esecure-administrator-choose-password = Choose your password

## Dates and times in e-mails and the service's pages (crates/oso-service/src/mail/when.rs):
## $day and $year are numbers written as digits, $month is 1 to 12, $time is "14:03",
## $zone the reader's zone abbreviation ("CET", "CEST").
email-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
email-moment = { $date } at { $time } { $zone }
