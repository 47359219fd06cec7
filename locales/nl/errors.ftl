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
