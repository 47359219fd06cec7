## Personal data: the manual's three options, as tabs
personal-tab-profile = Profiel beheren
personal-tab-password = Wachtwoord beheren
personal-tab-forget = Ik wil worden vergeten

## Manage profile
personal-profile-intro = Deze gegevens worden gebruikt voor uw bestellingen en e-mails.
personal-email = Standaard e-mailadres
personal-email-help = OSO stuurt e-mails over bestellingen en uw login naar dit adres. U blijft inloggen met het adres waarmee u zich registreerde.
personal-email-password-help = Uw e-mails gaan voortaan naar een ander adres: bevestig met uw huidige wachtwoord. Het oude adres krijgt bericht van de wijziging.
personal-company-name = Bedrijfsnaam
personal-contact-name = Contactpersoon
personal-phone = Telefoonnummer
personal-phone-help = Met landcode, bijvoorbeeld +32 2 123 45 67.
personal-language = Voorkeurstaal
personal-language-help = OSO schrijft uw e-mails in deze taal.
personal-time-zone = Tijdzone
personal-time-zone-help = OSO schrijft de datums en tijden in uw e-mails in deze tijdzone.
personal-profile-submit = Wijzigingen opslaan
personal-profile-saved = Uw profiel is opgeslagen.

## Manage password
personal-password-intro = Wijzig het wachtwoord van uw login. OSO vraagt u om de 60 dagen een nieuw wachtwoord te kiezen en waarschuwt u per e-mail voordat het vervalt.
personal-current-password = Huidig wachtwoord
personal-new-password = Nieuw wachtwoord
personal-confirm-password = Herhaal het nieuwe wachtwoord
personal-password-submit = Wachtwoord wijzigen
personal-password-changed = Uw wachtwoord is gewijzigd.
personal-password-forgot = Huidig wachtwoord vergeten? Log uit en kies "Wachtwoord vergeten?" op de loginpagina.

## Forget me
personal-forget-intro = Wat er gebeurt als u vraagt om vergeten te worden:
personal-forget-revoked = Uw login wordt meteen ingetrokken en u wordt uitgelogd.
personal-forget-orders = Uw persoonlijke gegevens in historische orders worden onherkenbaar gemaakt.
personal-forget-esecure = Uw eSecure-aanvragen en -goedkeuringen vervallen, en u beheert geen klantnummers meer. De enige beheerder van een beschermd klantnummer voegt eerst een andere beheerder toe.
personal-forget-statistics = Geanonimiseerde bestelinformatie blijft bewaard voor statistische doeleinden en het beheer van uw klantnummers.
personal-forget-final = Dit kan niet ongedaan gemaakt worden. Om OSO opnieuw te gebruiken, moet u zich opnieuw registreren.
personal-forget-password = Uw wachtwoord
personal-forget-password-help = Om te bevestigen dat u het bent.
personal-forget-confirm = Ik begrijp dat mijn login en mijn persoonlijke gegevens definitief verwijderd worden.
personal-forget-submit = Ik wil worden vergeten
personal-forget-last-administrator = U bent de enige beheerder van een klantnummer dat eSecure beschermt, dus u kunt nog niet worden vergeten. Voeg er eerst een andere beheerder voor toe op de eSecure-pagina (of vraag het de leverancier) en probeer het dan opnieuw.

## Deze computer
personal-tab-computer = Deze computer
personal-computer-intro = Deze instellingen horen bij deze computer, niet bij uw login.
personal-autostart = OSO starten wanneer ik op deze computer aanmeld
personal-autostart-help = OSO opent dan vanzelf bij het begin van uw sessie. Staat uit tot u het aanzet.
personal-autostart-on = OSO start voortaan wanneer u op deze computer aanmeldt.
personal-autostart-off = OSO start niet langer vanzelf.
personal-autostart-unsupported = Op dit systeem kan OSO niet met uw sessie mee starten.

personal-password-none = Uw login heeft geen OSO-wachtwoord: u logt in via uw account bij de vervoerder. Wachtwoord wijzigen en de vernieuwing om de 60 dagen zijn niet van toepassing; het wachtwoord van dat account wijzigt u daar.
personal-email-from-provider = OSO stuurt bestel- en account-e-mails naar dit adres, dat van uw account bij de vervoerder. Een nieuw adres bevestigt u met een OSO-wachtwoord, dat uw login niet heeft; het blijft dus dit adres.
