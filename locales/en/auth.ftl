## Shared by the forms
form-required-mark = ✓
form-required-note = Fields marked with a check mark (✓) are required.
password-rule = At least 12 characters. Long passphrases are welcome.
password-show = Show
password-hide = Hide
password-show-label = Show password
password-hide-label = Hide password

## Signed out: the cards around logging in
auth-email = E-mail address
auth-password = Password
auth-new-password = New password
auth-current-password = Current password
auth-back-to-login = Back to log in

auth-login-title = Log in
auth-login-intro = Log in with your e-mail address and password.
auth-stay-signed-in = Stay logged in on this computer
auth-login-submit = Log in
auth-login-activate = Enter my activation code
auth-show-forgot = Forgot your password?
auth-show-register = New customer? Register now!
auth-show-activate = Received an activation code? Activate your account
auth-logged-out = You have logged out.
auth-forgotten = Your login has been revoked and your personal data has been made unrecognisable.

auth-register-title = Register
auth-register-intro = Ask for a login for your company. We will send you an e-mail with a code to activate it.
auth-company-name = Company name
auth-contact-name = Contact person
auth-email-language = Language of your e-mails
auth-register-submit = Register
auth-show-login = Already registered? Log in

auth-activate-title = Activate your account
auth-activate-intro = Enter the activation code from the e-mail we sent you.
auth-activate-code = Activation code
auth-code-help = As in the e-mail, for example K7QM-4XPA.
auth-activate-submit = Activate
auth-activate-resend = Send a new code
auth-activate-sent = We sent an e-mail to { $email }. Enter the activation code from that e-mail below. It can take a few minutes to arrive; also look in your spam folder.
auth-activate-resent = If the account { $email } still has to be activated, a new code is on its way.
auth-activated = Your account is activated. You can now log in.

auth-forgot-title = Forgot your password?
auth-forgot-intro = Enter the e-mail address of your login. We will send you a code to choose a new password.
auth-forgot-submit = Send me a code
auth-show-reset = Already received a code? Choose a new password

auth-reset-title = Choose a new password
auth-reset-intro = Enter the code from the e-mail and choose a new password.
auth-reset-code = Code from the e-mail
auth-reset-submit = Save new password
auth-reset-resend = Send a new code
auth-reset-sent = If { $email } belongs to a login, we sent it an e-mail with a code. It can take a few minutes to arrive; also look in your spam folder.
auth-reset-done = Your new password is saved. You can now log in with it.

## The password lasts 60 days
auth-expired-title = Your password has expired
auth-expired-intro = For your security, OSO asks for a new password every 60 days. Choose a new one to continue.
auth-expired-submit = Save and continue

## Signed in
session-signed-in-as = Logged in as
keyring-warning = This computer's secure password storage (keyring) is not available, so OSO keeps your login in memory only. You will have to log in again the next time you start OSO.

## Links from e-mails opened in the app (oso://activate, oso://reset-password)
auth-link-activating = Activating your account with the link from the e-mail…
auth-reset-link-intro = You opened the link from the e-mail. Choose a new password for your login.
auth-reset-link-new = Link expired or used? Ask for a new e-mail
app-link-sign-out-first = You opened a link from an OSO e-mail while you are logged in. Log out, then open the link again.

## "Log in via …": the carrier's account (OpenID Connect)
auth-oidc-or = or
auth-oidc-start = Log in via { $provider }
auth-oidc-waiting = Finish logging in with { $provider } in your browser. OSO waits for it up to 5 minutes.
auth-oidc-cancel = Cancel
auth-oidc-register-title = One more step
auth-oidc-register-intro = You logged in with { $provider } as { $email }. This is your first time in OSO: tell us which company you order for. You will not need an OSO password.
auth-oidc-register-submit = Create my login
auth-oidc-link-title = Link your logins
auth-oidc-link-intro = An OSO login with the address { $email } already exists. Enter its OSO password once to link it to your { $provider } account; afterwards both ways log you in.
auth-oidc-link-submit = Link and log in
auth-oidc-step-lost = That step took too long or was already done. Start again with "Log in via { $provider }".
auth-forgot-oidc-note = Do you log in via { $provider }? Then your login has no OSO password to reset: use the "Log in via { $provider }" button instead.
oidc-return-done-title = Back to OSO
oidc-return-done-text = You can close this tab and return to OSO, which takes it from here.
oidc-return-failed-title = Logging in did not finish
oidc-return-failed-text = Return to OSO to see why and to try again.
