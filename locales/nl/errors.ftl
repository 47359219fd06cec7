## Errors: error-<code> for every code the service or the desktop can answer
error-bad_request = Het verzoek kon niet worden gelezen. Probeer het opnieuw.
error-validation_failed = Enkele velden vragen uw aandacht.
error-unauthenticated = Meld u opnieuw aan.
error-forbidden = U mag dit niet doen.
error-not_found = Dit item bestaat niet meer.
error-method_not_allowed = Deze actie is hier niet mogelijk.
error-conflict = Dit botst met een wijziging die elders is gemaakt. Laad opnieuw en probeer het nog eens.
error-payload_too_large = Dit is te groot om te versturen.
error-rate_limited = Te veel pogingen. Wacht even en probeer het opnieuw.
error-service_unavailable = De dienst is tijdelijk niet beschikbaar. Probeer het straks opnieuw.
error-internal = Er ging aan onze kant iets mis. Probeer het later opnieuw.
error-unreachable = De dienst is niet bereikbaar. Controleer uw verbinding.
error-local_store = OSO kan zijn gegevens op deze computer niet lezen of schrijven.
error-autostart_failed = OSO kan de lijst van programma's die met uw sessie starten niet aanpassen.
error-export_failed = Het bestand kon daar niet worden opgeslagen. Kies een andere map, of sluit het bestand als een rekenblad het open heeft.
error-invalid_credentials = E-mailadres of wachtwoord is onjuist.
error-account_inactive = Deze account is nog niet geactiveerd. Voer de code uit de activatie-e-mail in, of vraag een nieuwe code aan.
error-token_invalid = Deze code of link is niet geldig. Controleer de code in de e-mail, of vraag een nieuwe aan.
error-token_expired = Deze code is vervallen. Vraag een nieuwe aan.
error-password_expired = Uw wachtwoord is vervallen. Kies een nieuw wachtwoord.
error-rate_limited-seconds = Te veel pogingen. Probeer het opnieuw over { $seconds } s.
error-rate_limited-minutes = Te veel pogingen. Probeer het opnieuw over { $minutes } min.

## Field errors: field-error-<code>, shown under the field
field-error-required = Dit veld is verplicht.
field-error-too_long = Dit is te lang.
field-error-too_many = Te veel tegelijk: verdeel de lijst en verstuur ze in delen.
field-error-too_short = Dit is te kort.
field-error-password-too_short = Gebruik minstens 12 tekens.
field-error-invalid_email = Voer een e-mailadres in zoals naam@bedrijf.be.
field-error-invalid_phone = Voer een telefoonnummer in met landcode, zoals +32 2 123 45 67.
field-error-invalid_characters = Dit bevat tekens die niet toegestaan zijn.
field-error-common_password = Dit wachtwoord is te gangbaar of is al in een datalek opgedoken. Kies een ander.
field-error-password_like_identity = Uw wachtwoord mag niet uw e-mailadres of uw bedrijfsnaam zijn.
field-error-wrong_password = Dit wachtwoord is niet juist.
field-error-unknown_language = Kies een van de aangeboden talen.
field-error-invalid_time_zone = Kies een van de aangeboden tijdzones.
field-error-invalid_cursor = Deze pagina van de geschiedenis is niet meer geldig. Ga terug naar de eerste pagina.
field-error-invalid_code = Deze code is niet geldig. Controleer de code in de e-mail.
field-error-passwords_differ = De twee wachtwoorden zijn niet gelijk.
field-error-confirm-required = Vink dit vakje aan om te bevestigen.
field-error-invalid = Controleer dit veld.
field-error-invalid_date = Vul een volledige datum in.
field-error-before_from = Deze datum ligt vóór de begindatum. Kies die dag of een latere.
field-error-same_as_current = Kies een wachtwoord dat verschilt van het huidige.

## eSecure
field-error-approval_pending = De beheerders is gevraagd u goed te keuren (eSecure). U kan het gebruiken zodra zij dat doen.
field-error-approval_rejected = De beheerders hebben uw aanvraag om het te gebruiken afgewezen (eSecure).
field-error-access_refused = Het aanvaardt alleen aanvragen van adressen bij domeinen die de beheerders kozen (eSecure).
field-error-invalid_domain = Vul een domein in, zoals zebra.example.
error-approval_pending = Dit klantnummer is beveiligd met eSecure. De beheerders is gevraagd u goed te keuren; u krijgt hun antwoord per e-mail.
error-approval_rejected = De beheerders van dit klantnummer hebben u niet goedgekeurd om het te gebruiken.
error-access_refused = Dit klantnummer aanvaardt alleen aanvragen van e-mailadressen van het eigen bedrijf.
error-last_administrator = Een klantnummer houdt minstens één beheerder. Voeg eerst een andere beheerder toe.
error-misdirected_request = Deze dienst antwoordt niet op het gebruikte adres. Open OSO zelf, of de link uit uw e-mail precies zoals die verstuurd is.

## Signing in with the carrier account (OpenID Connect)
error-external_provider_unreachable = De aanmeldservice van uw vervoerdersaccount is nu niet bereikbaar. Probeer het zo opnieuw, of meld u aan met uw OSO-e-mailadres en wachtwoord.
error-external_code_refused = De aanmelding is verlopen of al gebruikt. Begin opnieuw met de knop.
error-external_token_invalid = Het antwoord van de aanmeldservice van uw vervoerdersaccount was niet te vertrouwen, dus u bent niet aangemeld. Begin opnieuw; gebeurt het steeds, meld het dan aan uw OSO-beheerder.
error-external_clock_skew = De klok van deze dienst en die van de aanmeldservice verschillen meer dan twee minuten, dus u bent niet aangemeld. Meld het aan uw OSO-beheerder.
error-external_email_unverified = Het e-mailadres van uw vervoerdersaccount is nog niet bevestigd. Bevestig het daar eerst en probeer het dan opnieuw; of meld u aan met uw OSO-e-mailadres en wachtwoord.
error-no_password = Deze login heeft geen OSO-wachtwoord: u meldt zich aan met uw vervoerdersaccount, dus er is geen wachtwoord om te wijzigen of te vernieuwen.
error-external_cancelled = De aanmelding is in de browser geannuleerd. U bent niet aangemeld.
error-external_state_mismatch = De browser gaf een antwoord dat niet bij deze aanmelding hoort; het is genegeerd. Begin opnieuw met de knop.
error-external_timed_out = Er kwam binnen 5 minuten geen antwoord van de browser. Begin opnieuw met de knop.
