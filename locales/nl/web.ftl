## Pages the service shows in a browser, behind the links in e-mails
web-activate-title = Activeer uw OSO-login
web-activate-intro = Druk op de knop om uw login te activeren. Meld u daarna aan in de OSO-app.
web-activate-button = Mijn login activeren
web-activate-done = Uw login is actief. U kunt zich nu aanmelden in de OSO-app.
web-link-invalid = Deze link is niet geldig of werd al gebruikt. In de OSO-app kunt u een nieuwe e-mail aanvragen.
web-link-expired = Deze link is verlopen. In de OSO-app kunt u een nieuwe e-mail aanvragen.
web-open-in-app = Openen in de OSO-app
web-open-in-app-hint = Als de OSO-app op deze computer geïnstalleerd is, neemt die het hier over.
web-failed = Er ging aan onze kant iets mis. Probeer het later opnieuw.
web-reset-title = Kies een nieuw OSO-wachtwoord
web-reset-rule = Minstens 12 tekens. Lange wachtzinnen zijn welkom.
web-reset-new = Nieuw wachtwoord
web-reset-confirm = Herhaal het nieuwe wachtwoord
web-reset-button = Nieuw wachtwoord opslaan
web-reset-done = Uw nieuwe wachtwoord is opgeslagen. Meld u ermee aan in de OSO-app; andere sessies werden afgemeld.
web-error-passwords_differ = De twee wachtwoorden zijn niet gelijk.
web-error-too_short = Het wachtwoord moet minstens 12 tekens hebben.
web-error-too_long = Het wachtwoord mag hoogstens 128 tekens hebben.
web-error-common_password = Dit wachtwoord komt te vaak voor. Kies een ander.
web-error-password_like_identity = Het wachtwoord mag niet uw e-mailadres of bedrijfsnaam zijn.

## eSecure: the page behind the Reject button
web-esecure-reject-title = Deze aanvraag afwijzen?
web-esecure-reject-intro = { $email } van { $company } vroeg op { $time } om klantnummer { $account } te gebruiken.
web-esecure-reject-button = Aanvraag afwijzen
web-esecure-reject-approve-hint = Wilt u ze liever goedkeuren, open ze dan in de OSO-app:
web-esecure-open-in-app = De aanvraag openen in de OSO-app
web-esecure-rejected-title = Aanvraag afgewezen
web-esecure-rejected-text = { $email } mag klantnummer { $account } niet gebruiken. De aanvrager is per e-mail verwittigd.
web-esecure-decided-title = Al beslist
web-esecure-decided-text = Over deze aanvraag is al beslist. De eSecure-pagina van de OSO-app toont elke beslissing.
web-esecure-invalid-title = Deze link is niet geldig
web-esecure-invalid-text = De link is onbekend, al gebruikt of verlopen. Open eSecure in de OSO-app om over aanvragen te beslissen.
