## E-mails sent by the OSO service
email-product = OSO · Online Supplies Ordering
email-footer = Deze e-mail werd door OSO verstuurd naar aanleiding van een actie op een OSO-login met dit adres. Hij bevat geen tracking.
email-greeting = Beste { $name },

email-activation-subject = Activeer uw OSO-login
email-activation-body = Bedankt om { $company } bij OSO te registreren. Bevestig uw e-mailadres om uw login te activeren.
email-activation-button = Mijn login activeren
email-activation-code = Of typ deze code in de OSO-app:
email-activation-expiry = De link en de code zijn 48 uur geldig. Hebt u zich niet geregistreerd, negeer dan deze e-mail.

email-already-registered-subject = Iemand probeerde zich te registreren met uw e-mailadres
email-already-registered-body = Iemand, misschien uzelf, probeerde een nieuwe OSO-login te registreren met dit e-mailadres. U hebt er al een login mee. Bent u uw wachtwoord vergeten, kies dan "Wachtwoord vergeten" op het aanmeldscherm van OSO. Was u het niet, dan kunt u deze e-mail negeren.

email-reset-subject = Kies een nieuw OSO-wachtwoord
email-reset-body = We ontvingen een aanvraag om een nieuw wachtwoord te kiezen voor uw OSO-login.
email-reset-button = Een nieuw wachtwoord kiezen
email-reset-code = Of typ deze code in de OSO-app:
email-reset-expiry = De link en de code zijn 1 uur geldig. Hebt u dit niet gevraagd, negeer dan deze e-mail: uw wachtwoord blijft ongewijzigd.
email-no-password-subject = Uw OSO-login heeft geen wachtwoord
email-no-password-body = We ontvingen een vraag om een nieuw wachtwoord te kiezen voor uw OSO-login. Uw login heeft geen OSO-wachtwoord: u meldt zich aan met uw { $provider }-account, via "Login via { $provider }" op het aanmeldscherm van OSO. Bent u dat wachtwoord vergeten, vraag dan een nieuw aan bij { $provider }.
email-no-password-ignore = Hebt u dit niet gevraagd, negeer dan deze e-mail: er is niets gewijzigd.

email-invitation-subject = Kies uw OSO-wachtwoord
email-invitation-body = U werd beheerder van de OSO-klantenrekening van { $company }. Kies een wachtwoord om uw OSO-login te openen.
email-invitation-button = Mijn wachtwoord kiezen
email-invitation-code = Of kies in de OSO-app "Wachtwoord vergeten" en typ deze code samen met uw nieuwe wachtwoord:
email-invitation-expiry = De link en de code zijn 48 uur geldig. Verwachtte u zo'n uitnodiging niet, negeer dan deze e-mail.

email-password-changed-subject = Uw OSO-wachtwoord werd gewijzigd
email-password-changed-body = Het wachtwoord van uw OSO-login { $login } werd zonet gewijzigd.
email-password-was-reset-subject = Uw OSO-wachtwoord werd opnieuw ingesteld
email-password-was-reset-body = Voor uw OSO-login { $login } werd zonet een nieuw wachtwoord gekozen met een code of link uit een e-mail om het wachtwoord opnieuw in te stellen. Alle sessies van de login werden beëindigd.
email-address-changed-subject = Uw OSO-e-mailadres werd gewijzigd
email-address-changed-body = De e-mails van uw OSO-login { $login } gaan voortaan naar { $address } in plaats van naar dit adres.
email-not-you = Was u dit niet, kies dan meteen "Wachtwoord vergeten" op het aanmeldscherm van OSO om een nieuw wachtwoord te kiezen, en verwittig uw OSO-contactpersoon.

email-expiry-subject = Uw OSO-wachtwoord vervalt op { $date }
email-expiry-body = Voor uw veiligheid vraagt OSO u om de { $max_days } dagen een nieuw wachtwoord te kiezen. Uw huidige wachtwoord vervalt op { $date }.
email-expiry-action = Kies een nieuw wachtwoord in OSO onder Persoonlijke gegevens, Wachtwoord beheren. Na de vervaldatum vraagt OSO bij het aanmelden om een nieuw wachtwoord.

email-order-subject = OSO-bestelling { $number } ontvangen
email-order-body = Bedankt. We ontvingen uw bestelling { $number } voor klantnummer { $account }.
email-order-placed = Geplaatst op { $time }.
email-order-lines-title = Besteld verzendmateriaal:
email-order-line = { $packs } × { $name } ({ $sku })
email-order-address = Leveradres: { $address }
email-order-follow = U kunt de bestelling volgen in OSO onder Bestelgeschiedenis.
email-shipped-subject = OSO-bestelling { $number } is onderweg
email-shipped-body = Uw bestelling { $number } is verzonden. Het trackingnummer is { $tracking }.

## eSecure
email-esecure-request-subject = Goedkeuring gevraagd voor klantnummer { $account }
email-esecure-request-body = { $email } van { $company } vroeg op { $time } om uw klantnummer { $account } te gebruiken.
email-esecure-request-note = Hun opmerking: "{ $note }"
email-esecure-request-open = Openen in OSO
email-esecure-request-reject = Afwijzen
email-esecure-request-approve-hint = "Openen in OSO" toont de aanvraag in de OSO-app, waar u ze goedkeurt of afwijst (of open eSecure in OSO). Doet u niets, dan kan de gebruiker het klantnummer niet gebruiken.
email-esecure-reminder-subject = Herinnering: goedkeuring nog gevraagd voor klantnummer { $account }
email-esecure-reminder-intro = Deze aanvraag wacht al twee dagen op een beslissing. Zonder beslissing vervalt ze na 14 dagen.
email-esecure-note-subject = Een opmerking bij de aanvraag voor klantnummer { $account }
email-esecure-approved-subject = U mag klantnummer { $account } gebruiken
email-esecure-approved-body = De beheerders van klantnummer { $account } hebben uw aanvraag goedgekeurd. Bestellingen die op hun goedkeuring wachtten, worden nu verstuurd.
email-esecure-rejected-subject = Uw aanvraag voor klantnummer { $account } is afgewezen
email-esecure-rejected-body = De beheerders van klantnummer { $account } hebben uw aanvraag om het te gebruiken afgewezen. Bestellingen met dit klantnummer worden niet verstuurd. Neem contact op met het bedrijf van het klantnummer als u denkt dat dit een vergissing is.
email-esecure-expired-subject = Uw aanvraag voor klantnummer { $account } is vervallen
email-esecure-expired-body = Niemand heeft binnen 14 dagen over uw aanvraag om klantnummer { $account } te gebruiken beslist, dus is ze vervallen. Bestellingen met dit klantnummer worden niet verstuurd. Vraag het bedrijf van het klantnummer om u als gebruiker toe te voegen.
email-esecure-administrator-subject = U bent beheerder van klantnummer { $account }
email-esecure-administrator-body = { $by } heeft u in OSO beheerder gemaakt van klantnummer { $account } ({ $company }). U beslist wie dit klantnummer mag gebruiken: u krijgt een e-mail bij elke aanvraag en u keurt aanvragen goed of af op de eSecure-pagina van de OSO-app.
email-esecure-administrator-no-login = Er is een OSO-login voor dit adres klaargezet. Kies binnen 48 uur het wachtwoord met de knop hieronder en log dan in in de OSO-app om aanvragen goed te keuren.
email-esecure-administrator-choose-password = Kies uw wachtwoord

## Dates and times in e-mails and the service's pages (crates/oso-service/src/mail/when.rs):
## $day and $year are numbers written as digits, $month is 1 to 12, $time is "14:03",
## $zone the reader's zone abbreviation ("CET", "CEST").
email-date = { $day } { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
email-moment = { $date } om { $time } { $zone }
