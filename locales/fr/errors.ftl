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
error-autostart_failed = OSO ne peut pas modifier la liste des programmes qui démarrent avec votre session.
error-export_failed = Le fichier n'a pas pu être enregistré à cet endroit. Choisissez un autre dossier, ou fermez le fichier s'il est ouvert dans un tableur.
error-invalid_credentials = L'adresse e-mail ou le mot de passe est incorrect.
error-account_inactive = Ce compte n'est pas encore activé. Saisissez le code de l'e-mail d'activation, ou demandez un nouveau code.
error-token_invalid = Ce code ou ce lien n'est pas valable. Vérifiez le code dans l'e-mail, ou demandez-en un nouveau.
error-token_expired = Ce code a expiré. Demandez-en un nouveau.
error-password_expired = Votre mot de passe a expiré. Choisissez-en un nouveau.
error-rate_limited-seconds = Trop de tentatives. Réessayez dans { $seconds } s.
error-rate_limited-minutes = Trop de tentatives. Réessayez dans { $minutes } min.

## Field errors: field-error-<code>, shown under the field
field-error-required = Ce champ est obligatoire.
field-error-too_long = C'est trop long.
field-error-too_many = Trop à la fois : divisez la liste et envoyez-la en plusieurs fois.
field-error-too_short = C'est trop court.
field-error-password-too_short = Utilisez au moins 12 caractères.
field-error-invalid_email = Saisissez une adresse e-mail comme nom@entreprise.be.
field-error-invalid_phone = Saisissez un numéro de téléphone avec l'indicatif du pays, comme +32 2 123 45 67.
field-error-invalid_characters = Ceci contient des caractères non autorisés.
field-error-common_password = Ce mot de passe est trop courant ou est apparu dans une fuite de données. Choisissez-en un autre.
field-error-password_like_identity = Votre mot de passe ne peut pas être votre adresse e-mail ni le nom de votre entreprise.
field-error-wrong_password = Ce mot de passe n'est pas correct.
field-error-unknown_language = Choisissez l'une des langues proposées.
field-error-invalid_time_zone = Choisissez l'un des fuseaux horaires proposés.
field-error-invalid_cursor = Cette page de l'historique n'est plus valable. Revenez à la première page.
field-error-invalid_code = Ce code n'est pas valable. Vérifiez-le dans l'e-mail.
field-error-passwords_differ = Les deux mots de passe ne sont pas identiques.
field-error-confirm-required = Cochez cette case pour confirmer.
field-error-invalid = Vérifiez ce champ.
field-error-invalid_date = Saisissez une date complète.
field-error-before_from = Cette date précède la date de début. Choisissez ce jour-là ou un jour suivant.
field-error-same_as_current = Choisissez un mot de passe différent de l'actuel.

## eSecure
field-error-approval_pending = Ses administrateurs ont été invités à vous approuver (eSecure). Vous pourrez l'utiliser dès qu'ils l'auront fait.
field-error-approval_rejected = Ses administrateurs ont refusé votre demande de l'utiliser (eSecure).
field-error-access_refused = Il n'accepte que les demandes d'adresses des domaines choisis par ses administrateurs (eSecure).
field-error-invalid_domain = Saisissez un domaine, par exemple zebra.example.
error-approval_pending = Ce numéro de compte est protégé par eSecure. Ses administrateurs ont été invités à vous approuver ; vous recevrez leur réponse par e-mail.
error-approval_rejected = Les administrateurs de ce numéro de compte ne vous ont pas autorisé à l'utiliser.
error-access_refused = Ce numéro de compte n'accepte que les demandes provenant des adresses e-mail de sa propre société.
error-last_administrator = Un numéro de compte garde au moins un administrateur. Ajoutez d'abord un autre administrateur.
error-misdirected_request = Ce service ne répond pas à l'adresse utilisée. Ouvrez OSO lui-même, ou le lien de votre e-mail tel qu'il a été envoyé.

## Signing in with the carrier account (OpenID Connect)
error-external_provider_unreachable = Le service de connexion de votre compte transporteur est injoignable pour le moment. Réessayez dans un instant, ou connectez-vous avec votre e-mail et votre mot de passe OSO.
error-external_code_refused = La connexion a expiré ou a déjà été utilisée. Recommencez avec le bouton.
error-external_token_invalid = La réponse du service de connexion de votre compte transporteur n'était pas fiable : vous n'êtes pas connecté. Recommencez ; si cela se répète, prévenez votre administrateur OSO.
error-external_clock_skew = L'horloge de ce service et celle du service de connexion diffèrent de plus de deux minutes : vous n'êtes pas connecté. Prévenez votre administrateur OSO.
error-external_email_unverified = L'adresse e-mail de votre compte transporteur n'a pas encore été vérifiée. Vérifiez-la d'abord là-bas, puis réessayez ; ou connectez-vous avec votre e-mail et votre mot de passe OSO.
error-no_password = Cet identifiant n'a pas de mot de passe OSO : vous vous connectez avec votre compte transporteur, il n'y a donc pas de mot de passe à changer ou à renouveler.
error-external_cancelled = La connexion a été annulée dans le navigateur. Vous n'êtes pas connecté.
error-external_state_mismatch = Le navigateur a renvoyé une réponse qui n'appartient pas à cette connexion ; elle a été ignorée. Recommencez avec le bouton.
error-external_timed_out = Aucune réponse du navigateur en 5 minutes. Recommencez avec le bouton.
