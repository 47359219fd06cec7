## Pages the service shows in a browser, behind the links in e-mails
web-activate-title = Activate your OSO login
web-activate-intro = Press the button to activate your login. Afterwards, sign in in the OSO app.
web-activate-button = Activate my login
web-activate-done = Your login is active. You can now sign in in the OSO app.
web-link-invalid = This link is not valid or has already been used. In the OSO app you can ask for a new e-mail.
web-link-expired = This link has expired. In the OSO app you can ask for a new e-mail.
web-open-in-app = Open in the OSO app
web-open-in-app-hint = If the OSO app is installed on this computer, it takes over from here.
web-failed = Something went wrong on our side. Please try again later.
web-reset-title = Choose a new OSO password
web-reset-rule = At least 12 characters. Long passphrases are welcome.
web-reset-new = New password
web-reset-confirm = Repeat the new password
web-reset-button = Save the new password
web-reset-done = Your new password is saved. Sign in with it in the OSO app; other sessions have been signed out.
web-error-passwords_differ = The two passwords are not the same.
web-error-too_short = The password needs at least 12 characters.
web-error-too_long = The password may have at most 128 characters.
web-error-common_password = This password is too common. Choose another one.
web-error-password_like_identity = The password may not be your e-mail address or company name.

## eSecure: the page behind the Reject button
web-esecure-reject-title = Reject this request?
web-esecure-reject-intro = { $email } of { $company } asked on { $time } to use account number { $account }.
web-esecure-reject-button = Reject the request
web-esecure-reject-approve-hint = To approve it instead, open it in the OSO app:
web-esecure-open-in-app = Open the request in the OSO app
web-esecure-rejected-title = Request rejected
web-esecure-rejected-text = { $email } may not use account number { $account }. They have been told by e-mail.
web-esecure-decided-title = Already decided
web-esecure-decided-text = This request was decided already. The eSecure page of the OSO app shows every decision.
web-esecure-invalid-title = This link is not valid
web-esecure-invalid-text = The link is unknown, was used already or has expired. Open eSecure in the OSO app to decide on requests.
