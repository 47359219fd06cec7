## Shared by the forms
form-required-mark = ✓
form-required-note = Les champs marqués d'une coche (✓) sont obligatoires.
password-rule = Au moins 12 caractères. Les longues phrases de passe sont bienvenues.
password-show = Afficher
password-hide = Masquer
password-show-label = Afficher le mot de passe
password-hide-label = Masquer le mot de passe

## Signed out: the cards around logging in
auth-email = Adresse e-mail
auth-password = Mot de passe
auth-new-password = Nouveau mot de passe
auth-current-password = Mot de passe actuel
auth-back-to-login = Retour à la connexion

auth-login-title = Connexion
auth-login-intro = Connectez-vous avec votre adresse e-mail et votre mot de passe.
auth-stay-signed-in = Rester connecté sur cet ordinateur
auth-login-submit = Se connecter
auth-login-activate = Saisir mon code d'activation
auth-show-forgot = Mot de passe oublié ?
auth-show-register = Nouveau client ? Inscrivez-vous maintenant !
auth-show-activate = Vous avez reçu un code d'activation ? Activez votre compte
auth-logged-out = Vous êtes déconnecté.
auth-forgotten = Votre identifiant a été révoqué et vos données personnelles ont été rendues méconnaissables.

auth-register-title = Inscription
auth-register-intro = Demandez un identifiant pour votre entreprise. Nous vous enverrons un e-mail avec un code pour l'activer.
auth-company-name = Nom de l'entreprise
auth-contact-name = Personne de contact
auth-email-language = Langue de vos e-mails
auth-register-submit = S'inscrire
auth-show-login = Déjà inscrit ? Connectez-vous

auth-activate-title = Activer votre compte
auth-activate-intro = Saisissez le code d'activation figurant dans l'e-mail que nous vous avons envoyé.
auth-activate-code = Code d'activation
auth-code-help = Tel qu'il figure dans l'e-mail, par exemple K7QM-4XPA.
auth-activate-submit = Activer
auth-activate-resend = Envoyer un nouveau code
auth-activate-sent = Nous avons envoyé un e-mail à { $email }. Saisissez ci-dessous le code d'activation qu'il contient. Il peut mettre quelques minutes à arriver ; regardez aussi dans vos courriers indésirables.
auth-activate-resent = Si le compte { $email } doit encore être activé, un nouveau code est en route.
auth-activated = Votre compte est activé. Vous pouvez maintenant vous connecter.

auth-forgot-title = Mot de passe oublié ?
auth-forgot-intro = Saisissez l'adresse e-mail de votre identifiant. Nous vous enverrons un code pour choisir un nouveau mot de passe.
auth-forgot-submit = M'envoyer un code
auth-show-reset = Vous avez déjà reçu un code ? Choisissez un nouveau mot de passe

auth-reset-title = Choisir un nouveau mot de passe
auth-reset-intro = Saisissez le code reçu par e-mail et choisissez un nouveau mot de passe.
auth-reset-code = Code reçu par e-mail
auth-reset-submit = Enregistrer le nouveau mot de passe
auth-reset-resend = Envoyer un nouveau code
auth-reset-sent = Si { $email } correspond à un identifiant, nous y avons envoyé un e-mail avec un code. Il peut mettre quelques minutes à arriver ; regardez aussi dans vos courriers indésirables.
auth-reset-done = Votre nouveau mot de passe est enregistré. Vous pouvez maintenant vous connecter avec celui-ci.

## The password lasts 60 days
auth-expired-title = Votre mot de passe a expiré
auth-expired-intro = Pour votre sécurité, OSO demande un nouveau mot de passe tous les 60 jours. Choisissez-en un nouveau pour continuer.
auth-expired-submit = Enregistrer et continuer

## Signed in
session-signed-in-as = Connecté en tant que
keyring-warning = Le stockage sécurisé des mots de passe de cet ordinateur (trousseau) n'est pas disponible : OSO ne garde donc votre connexion qu'en mémoire. Vous devrez vous reconnecter au prochain démarrage d'OSO.

## Liens des e-mails ouverts dans l'application (oso://activate, oso://reset-password)
auth-link-activating = Activation de votre compte avec le lien de l'e-mail…
auth-reset-link-intro = Vous avez ouvert le lien de l'e-mail. Choisissez un nouveau mot de passe pour votre identifiant.
auth-reset-link-new = Lien expiré ou déjà utilisé ? Demandez un nouvel e-mail
app-link-sign-out-first = Vous avez ouvert un lien d'un e-mail OSO alors que vous êtes connecté. Déconnectez-vous, puis ouvrez à nouveau le lien.

## « Connexion via … » : le compte chez le transporteur (OpenID Connect)
auth-oidc-or = ou
auth-oidc-start = Connexion via { $provider }
auth-oidc-waiting = Terminez la connexion à { $provider } dans votre navigateur. OSO l'attend jusqu'à 5 minutes.
auth-oidc-cancel = Annuler
auth-oidc-register-title = Encore une étape
auth-oidc-register-intro = Vous êtes connecté via { $provider } en tant que { $email }. C'est votre première visite dans OSO : pour quelle entreprise commandez-vous ? Vous n'aurez pas besoin de mot de passe OSO.
auth-oidc-register-submit = Créer mon identifiant
auth-oidc-link-title = Relier vos identifiants
auth-oidc-link-intro = Un identifiant OSO avec l'adresse { $email } existe déjà. Saisissez une fois son mot de passe OSO pour le relier à votre compte { $provider } ; ensuite, les deux façons vous connectent.
auth-oidc-link-submit = Relier et se connecter
auth-oidc-step-lost = Cette étape a pris trop de temps ou a déjà été faite. Recommencez avec « Connexion via { $provider } ».
auth-forgot-oidc-note = Vous vous connectez via { $provider } ? Votre identifiant n'a alors pas de mot de passe OSO à réinitialiser : utilisez le bouton « Connexion via { $provider } ».
oidc-return-done-title = Retour à OSO
oidc-return-done-text = Vous pouvez fermer cet onglet et retourner à OSO, qui s'occupe de la suite.
oidc-return-failed-title = La connexion n'a pas abouti
oidc-return-failed-text = Retournez à OSO pour voir pourquoi et réessayer.
