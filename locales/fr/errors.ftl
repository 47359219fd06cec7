## Errors: error-<code> for every code the service or the desktop can answer
error-bad_request = La demande n'a pas pu être lue. Veuillez réessayer.
error-validation_failed = Certains champs demandent votre attention.
error-unauthenticated = Veuillez vous reconnecter.
error-forbidden = Vous n'êtes pas autorisé à faire ceci.
error-not_found = Cet élément n'existe plus.
error-method_not_allowed = Cette action n'est pas possible ici.
error-conflict = Ceci est en conflit avec une modification faite ailleurs. Rechargez et réessayez.
error-payload_too_large = C'est trop volumineux pour être envoyé.
error-rate_limited = Trop de tentatives. Patientez un instant puis réessayez.
error-service_unavailable = Le service est temporairement indisponible. Veuillez réessayer sous peu.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer plus tard.
error-unreachable = Le service est injoignable. Vérifiez votre connexion.
error-local_store = OSO ne peut pas lire ou écrire ses données sur cet ordinateur.
