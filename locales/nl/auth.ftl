## Shared by the forms
form-required-mark = ✓
form-required-note = Velden gemarkeerd met een vinkje (✓) zijn verplicht.
password-rule = Minstens 12 tekens. Een lange wachtzin is welkom.
password-show = Tonen
password-hide = Verbergen
password-show-label = Wachtwoord tonen
password-hide-label = Wachtwoord verbergen

## Signed out: the cards around logging in
auth-email = E-mailadres
auth-password = Wachtwoord
auth-new-password = Nieuw wachtwoord
auth-current-password = Huidig wachtwoord
auth-back-to-login = Terug naar inloggen

auth-login-title = Inloggen
auth-login-intro = Log in met uw e-mailadres en wachtwoord.
auth-stay-signed-in = Ingelogd blijven op deze computer
auth-login-submit = Inloggen
auth-login-activate = Mijn activatiecode invoeren
auth-show-forgot = Wachtwoord vergeten?
auth-show-register = Nieuwe klant? Registreer nu!
auth-show-activate = Activatiecode ontvangen? Activeer uw account
auth-logged-out = U bent uitgelogd.
auth-forgotten = Uw login is ingetrokken en uw persoonlijke gegevens zijn onherkenbaar gemaakt.

auth-register-title = Registreren
auth-register-intro = Vraag een login aan voor uw bedrijf. We sturen u een e-mail met een code om die te activeren.
auth-company-name = Bedrijfsnaam
auth-contact-name = Contactpersoon
auth-email-language = Taal van uw e-mails
auth-register-submit = Registreren
auth-show-login = Al geregistreerd? Log in

auth-activate-title = Uw account activeren
auth-activate-intro = Voer de activatiecode in uit de e-mail die we u stuurden.
auth-activate-code = Activatiecode
auth-code-help = Zoals in de e-mail, bijvoorbeeld K7QM-4XPA.
auth-activate-submit = Activeren
auth-activate-resend = Nieuwe code sturen
auth-activate-sent = We hebben een e-mail gestuurd naar { $email }. Voer hieronder de activatiecode uit die e-mail in. Het kan enkele minuten duren voor die aankomt; kijk ook bij uw ongewenste e-mail.
auth-activate-resent = Als de account { $email } nog geactiveerd moet worden, is er een nieuwe code onderweg.
auth-activated = Uw account is geactiveerd. U kan nu inloggen.

auth-forgot-title = Wachtwoord vergeten?
auth-forgot-intro = Voer het e-mailadres van uw login in. We sturen u een code om een nieuw wachtwoord te kiezen.
auth-forgot-submit = Stuur mij een code
auth-show-reset = Al een code ontvangen? Kies een nieuw wachtwoord

auth-reset-title = Nieuw wachtwoord kiezen
auth-reset-intro = Voer de code uit de e-mail in en kies een nieuw wachtwoord.
auth-reset-code = Code uit de e-mail
auth-reset-submit = Nieuw wachtwoord opslaan
auth-reset-resend = Nieuwe code sturen
auth-reset-sent = Als { $email } bij een login hoort, hebben we er een e-mail met een code naartoe gestuurd. Het kan enkele minuten duren voor die aankomt; kijk ook bij uw ongewenste e-mail.
auth-reset-done = Uw nieuwe wachtwoord is opgeslagen. U kan er nu mee inloggen.

## The password lasts 60 days
auth-expired-title = Uw wachtwoord is vervallen
auth-expired-intro = Voor uw veiligheid vraagt OSO om de 60 dagen een nieuw wachtwoord. Kies een nieuw wachtwoord om verder te gaan.
auth-expired-submit = Opslaan en verdergaan

## Signed in
session-signed-in-as = Ingelogd als
keyring-warning = De beveiligde wachtwoordopslag van deze computer (sleutelbos) is niet beschikbaar. OSO bewaart uw aanmelding daarom alleen in het geheugen: de volgende keer dat u OSO start, moet u opnieuw inloggen.

## Links uit e-mails, geopend in de app (oso://activate, oso://reset-password)
auth-link-activating = Uw account wordt geactiveerd met de link uit de e-mail…
auth-reset-link-intro = U opende de link uit de e-mail. Kies een nieuw wachtwoord voor uw login.
auth-reset-link-new = Link verlopen of al gebruikt? Vraag een nieuwe e-mail aan
app-link-sign-out-first = U opende een link uit een OSO-e-mail terwijl u ingelogd bent. Log uit en open de link opnieuw.

## "Login via …": het account bij de vervoerder (OpenID Connect)
auth-oidc-or = of
auth-oidc-start = Login via { $provider }
auth-oidc-waiting = Rond het inloggen bij { $provider } af in uw browser. OSO wacht er tot 5 minuten op.
auth-oidc-cancel = Annuleren
auth-oidc-register-title = Nog één stap
auth-oidc-register-intro = U bent ingelogd via { $provider } als { $email }. Het is uw eerste keer in OSO: voor welk bedrijf bestelt u? U hebt geen OSO-wachtwoord nodig.
auth-oidc-register-submit = Mijn login aanmaken
auth-oidc-link-title = Uw logins koppelen
auth-oidc-link-intro = Er bestaat al een OSO-login met het adres { $email }. Geef één keer het OSO-wachtwoord ervan om die aan uw { $provider }-account te koppelen; daarna kunt u op beide manieren inloggen.
auth-oidc-link-submit = Koppelen en inloggen
auth-oidc-step-lost = Die stap duurde te lang of is al gedaan. Begin opnieuw met "Login via { $provider }".
auth-forgot-oidc-note = Logt u in via { $provider }? Dan heeft uw login geen OSO-wachtwoord om te herstellen: gebruik de knop "Login via { $provider }".
oidc-return-done-title = Terug naar OSO
oidc-return-done-text = U kunt dit tabblad sluiten en terugkeren naar OSO, dat het verder afhandelt.
oidc-return-failed-title = Inloggen is niet afgerond
oidc-return-failed-text = Keer terug naar OSO om te zien waarom en om het opnieuw te proberen.
