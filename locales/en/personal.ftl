## Personal data: the manual's three options, as tabs
personal-tab-profile = Manage profile
personal-tab-password = Manage password
personal-tab-forget = Forget me

## Manage profile
personal-profile-intro = These details are used for your orders and e-mails.
personal-email = Default e-mail address
personal-email-help = OSO sends order and account e-mails to this address. You keep logging in with the address you registered.
personal-email-password-help = Your e-mails will go to another address: confirm with your current password. The old address is told of the change.
personal-company-name = Company name
personal-contact-name = Contact person
personal-phone = Phone number
personal-phone-help = With the country code, for example +32 2 123 45 67.
personal-language = Preferred language
personal-language-help = OSO writes your e-mails in this language.
personal-time-zone = Time zone
personal-time-zone-help = OSO writes the dates and times in your e-mails in this time zone.
personal-profile-submit = Save changes
personal-profile-saved = Your profile has been saved.

## Manage password
personal-password-intro = Change the password of your login. OSO asks you to choose a new one every 60 days, and warns you by e-mail before it expires.
personal-current-password = Current password
personal-new-password = New password
personal-confirm-password = Repeat the new password
personal-password-submit = Change password
personal-password-changed = Your password has been changed.
personal-password-forgot = Forgot your current password? Log out and choose "Forgot your password?" on the login page.

## Forget me
personal-forget-intro = What happens when you ask to be forgotten:
personal-forget-revoked = Your login is revoked at once and you are logged out.
personal-forget-orders = Your personal data in past orders is made unrecognisable.
personal-forget-esecure = Your eSecure requests and approvals end, and you stop administering account numbers. The only administrator of a protected account number adds another administrator first.
personal-forget-statistics = Anonymised order information is kept for statistics and for managing your account numbers.
personal-forget-final = This cannot be undone. To use OSO again, you would have to register again.
personal-forget-password = Your password
personal-forget-password-help = To confirm that it is you.
personal-forget-confirm = I understand that my login and my personal data will be removed for good.
personal-forget-submit = Forget me
personal-forget-last-administrator = You are the only administrator of an account number protected by eSecure, so you cannot be forgotten yet. Add another administrator for it on the eSecure page (or ask the supplier to), then try again.

## This computer
personal-tab-computer = This computer
personal-computer-intro = These settings belong to this computer, not to your login.
personal-autostart = Start OSO when I log in to this computer
personal-autostart-help = OSO then opens by itself at the start of your session. Off unless you turn it on.
personal-autostart-on = OSO will start when you log in to this computer.
personal-autostart-off = OSO will no longer start by itself.
personal-autostart-unsupported = This system does not let OSO start with your session.

personal-password-none = Your login has no OSO password: you log in via your carrier account. Password changes and the 60-day renewal do not apply; your carrier account's own password is changed there.
personal-email-from-provider = OSO sends order and account e-mails to this address, the one of your carrier account. A new address is confirmed with an OSO password, which your login does not have, so it stays this one.
