## eSecure: wie de klantnummers mag gebruiken die u beheert

esecure-loading = Laden…
esecure-retry = Opnieuw proberen
esecure-all-accounts = Alle klantnummers
esecure-account-label = { $number } · { $company }

## Tabbladen
esecure-tabs = Onderdelen van eSecure
esecure-tab-requests = Geautoriseerde gebruikers
esecure-tab-add-users = Gebruikers toevoegen
esecure-tab-administrators = Klantaccountbeheerders
esecure-tab-domains = Domeinen
esecure-tab-audit = Logboek

## Geautoriseerde gebruikers: aanvragen en beslissingen
esecure-requests-intro = Wie op een van uw klantnummers wil bestellen, moet eerst goedgekeurd worden. Keur elke aanvraag op haar rij goed of wijs ze af, of vink er meerdere aan en beslis ze samen.
esecure-filter-status = Toon
esecure-filter-account = Klantnummer
esecure-status-pending = Openstaande aanvragen
esecure-status-approved = Goedgekeurd
esecure-status-rejected = Afgewezen
esecure-status-revoked = Toegang ingetrokken
esecure-request-pending = Open
esecure-status-all = Alle
esecure-select-all = Alles selecteren
esecure-select-row = { $email } selecteren
esecure-approve = Goedkeuren
esecure-reject = Afwijzen
esecure-selected =
    { $count ->
        [one] { $count } geselecteerd
       *[other] { $count } geselecteerd
    }
esecure-column-email = E-mailadres
esecure-column-account = Klantnummer
esecure-column-requested = Aangevraagd
esecure-column-status = Status
esecure-decided-by = door { $email }
esecure-forgotten-person = een vergeten gebruiker
esecure-requests-empty-pending = Er zijn geen openstaande aanvragen. Nieuwe verschijnen hier, en OSO meldt het zodra er een binnenkomt.
esecure-requests-empty = Geen aanvragen voor deze filters.
esecure-approved =
    { $count ->
        [one] { $count } aanvraag goedgekeurd.
       *[other] { $count } aanvragen goedgekeurd.
    }
esecure-rejected =
    { $count ->
        [one] { $count } aanvraag afgewezen.
       *[other] { $count } aanvragen afgewezen.
    }
esecure-approve-row = { $email } goedkeuren
esecure-reject-row = { $email } afwijzen
esecure-rejecting = Wordt afgewezen…
esecure-reject-question =
    { $count ->
        [one] { $count } aanvraag afwijzen? De aanvrager krijgt een e-mail.
       *[other] { $count } aanvragen afwijzen? De aanvragers krijgen een e-mail.
    }
esecure-undo-text =
    { $count ->
        [one] { $count } aanvraag wordt over enkele seconden afgewezen.
       *[other] { $count } aanvragen worden over enkele seconden afgewezen.
    }
esecure-undo = Ongedaan maken
esecure-undone = Er werd niets afgewezen: de aanvragen staan weer open.
esecure-add = Toevoegen
esecure-keyboard-hint = Toetsenbord: op de rij van een aanvraag keurt A ze goed en wijst R ze af.
esecure-link-not-found = Die aanvraag hoort niet bij de klantnummers die u beheert, of bestaat niet meer.
esecure-link-not-yours = Die aanvraag is voor de beheerders van het klantnummer.
esecure-revoke = Intrekken
esecure-revoke-question = Toegang van { $email } intrekken? Die kan dan niet meer bestellen op klantnummer { $number }.
esecure-revoke-confirm = Toegang intrekken
esecure-cancel = Annuleren
esecure-revoked = De toegang van { $email } is ingetrokken.

## Gebruikers toevoegen
esecure-add-users-intro = Gebruikers die u hier toevoegt, zijn meteen goedgekeurd: zij kunnen op het klantnummer bestellen zonder aanvraag.
esecure-add-users-account = Klantnummer
esecure-add-users-emails = E-mailadressen
esecure-add-users-emails-help = Eén adres per regel, of gescheiden door komma's.
esecure-add-users-submit = Opslaan
esecure-add-users-bad = Adres { $position } ({ $email }): { $reason }
esecure-users-added =
    { $count ->
        [one] { $emails } is toegevoegd en goedgekeurd.
       *[other] { $count } gebruikers zijn toegevoegd en goedgekeurd: { $emails }.
    }

## Klantaccountbeheerders
esecure-administrators-intro = Beheerders beslissen wie een klantnummer mag gebruiken en krijgen de e-mails over nieuwe aanvragen. Vink een klantnummer aan en kies Toevoegen om een beheerder toe te voegen.
esecure-administrators-add = Toevoegen
esecure-administrators-add-hint = Vink eerst een of meer klantnummers aan.
esecure-administrators-select = Klantnummer { $number } selecteren
esecure-administrator-form-title = Nieuwe beheerder
esecure-administrator-form-for = Voor klantnummer { $numbers }
esecure-administrator-name = Naam
esecure-administrator-email = E-mailadres
esecure-administrator-language = Taal van de e-mails
esecure-administrator-submit = Beheerder toevoegen
esecure-administrator-added = { $name } is nu beheerder van klantnummer { $numbers }.
esecure-administrator-no-login = Nog geen OSO-login
esecure-administrator-remove = Verwijderen
esecure-administrator-remove-question = { $email } verwijderen als beheerder van klantnummer { $number }?
esecure-administrator-remove-confirm = Beheerder verwijderen
esecure-administrator-removed = { $email } is geen beheerder meer van klantnummer { $number }.
esecure-administrators-empty = U beheert geen klantnummers.
esecure-protected = Beschermd met eSecure
esecure-unprotected = Niet beschermd

## Domeinen
esecure-domains-intro = Adressen bij een geautoriseerd domein mogen het klantnummer gebruiken zonder aanvraag. Met de schakelaar aan worden aanvragen van adressen buiten de vermelde domeinen meteen afgewezen.
esecure-domains-account = Klantnummer
esecure-domains-authorised = Geautoriseerde domeinen
esecure-domains-authorised-help = Eén domein per regel, zoals zebra.example. Gebruikers bij deze domeinen zijn goedgekeurd zonder aanvraag.
esecure-domains-restricted = Domeinen die mogen aanvragen
esecure-domains-restricted-help = Eén domein per regel. Geldt wanneer de schakelaar hieronder aan staat.
esecure-domains-restrict = Alleen aanvragen van deze domeinen aanvaarden
esecure-domains-submit = Domeinen opslaan
esecure-domains-saved = De domeinen van klantnummer { $number } zijn opgeslagen.
esecure-domains-bad = Domein { $position } ({ $domain }): { $reason }

## Logboek
esecure-audit-intro = Elke beslissing over uw klantnummers, de nieuwste eerst.
esecure-audit-column-at = Wanneer
esecure-audit-column-actor = Wie
esecure-audit-column-action = Wat
esecure-audit-column-subject = Over
esecure-audit-column-account = Klantnummer
esecure-audit-empty = Er is nog niets gebeurd.
esecure-action-approved = Goedgekeurd
esecure-action-rejected = Afgewezen
esecure-action-expired = Vervallen zonder beslissing
esecure-action-revoked = Toegang ingetrokken
esecure-action-users_added = Gebruiker toegevoegd
esecure-action-administrator_added = Beheerder toegevoegd
esecure-action-administrator_removed = Beheerder verwijderd
esecure-action-domains_changed = Domeinen gewijzigd
esecure-action-requested = Toegang gevraagd

## Op deze computer
esecure-tray-title = Op deze computer
esecure-keep-in-tray = OSO in het systeemvak laten draaien wanneer het venster sluit
esecure-keep-in-tray-help = OSO meldt dan nieuwe aanvragen, ook met het venster dicht. Sluit het af via het pictogram in het systeemvak.
esecure-no-tray = Dit bureaublad toont geen systeemvak, dus het venster sluiten sluit OSO af.
esecure-keep-in-tray-saved = Opgeslagen.

## Wie geen klantnummer beheert
esecure-about-title = Wat is eSecure?
esecure-about-text = eSecure voorkomt dat klantnummers gebruikt worden door wie dat niet mag. Bestelt u voor het eerst op een beschermd klantnummer, dan wordt de beheerders gevraagd u goed te keuren; uw bestelling wacht en wordt verzonden zodra zij dat doen.
esecure-about-administrators = De beheerders van een klantnummer beheren eSecure hier. Uw leverancier duidt de eerste beheerder van een account aan.
esecure-my-title = Uw aanvragen
esecure-my-empty = U hebt nog niet gevraagd om een beschermd klantnummer te gebruiken.
esecure-my-status-pending = Wacht op goedkeuring
esecure-my-status-approved = Goedgekeurd
esecure-my-status-rejected = Afgewezen
esecure-my-status-expired = Vervallen zonder beslissing
esecure-status-expired = Vervallen
esecure-note-label = Een opmerking voor de beheerders (optioneel)
esecure-note-help = Bijvoorbeeld "Ik ben de nieuwe officemanager". Ze krijgen ze per e-mail en zien ze bij uw aanvraag.
esecure-note-send = Opmerking versturen
esecure-note-sent = Uw opmerking werd naar de beheerders gestuurd.
esecure-note-removed = Uw opmerking werd verwijderd.
esecure-my-status-revoked = Toegang ingetrokken

## Systeemvak en meldingen (buiten het venster)
tray-open = OSO openen
tray-quit = Afsluiten
tray-kept-for-approval-title = OSO blijft actief in het systeemvak
tray-kept-for-approval-body = Uw bestelling wacht op goedkeuring en wordt verzonden zodra die er is. Open OSO opnieuw via het pictogram in het systeemvak.
tray-esecure =
    { $count ->
        [0] eSecure: geen openstaande aanvragen
        [one] eSecure: { $count } openstaande aanvraag
       *[other] eSecure: { $count } openstaande aanvragen
    }
tray-tooltip =
    { $count ->
        [0] OSO
        [one] OSO: { $count } openstaande aanvraag
       *[other] OSO: { $count } openstaande aanvragen
    }
esecure-notification-title = eSecure: nieuwe aanvraag
esecure-notification-open = Openen in OSO
esecure-expired-notification-title = Aanvraag vervallen
esecure-expired-notification-body = Niemand heeft binnen 14 dagen over uw aanvraag om klantnummer { $number } te gebruiken beslist, dus is ze vervallen.
esecure-notification =
    { $count ->
        [one] { $email } vraagt klantnummer { $number } te gebruiken.
       *[other] { $count } nieuwe aanvragen om uw klantnummers te gebruiken.
    }
nav-esecure-count = { $count } openstaande aanvragen
