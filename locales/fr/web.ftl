## Pages the service shows in a browser, behind the links in e-mails
web-activate-title = Activez votre identifiant OSO
web-activate-intro = Appuyez sur le bouton pour activer votre identifiant. Connectez-vous ensuite dans l'application OSO.
web-activate-button = Activer mon identifiant
web-activate-done = Votre identifiant est actif. Vous pouvez maintenant vous connecter dans l'application OSO.
web-link-invalid = Ce lien n'est pas valable ou a déjà été utilisé. Dans l'application OSO, vous pouvez demander un nouvel e-mail.
web-link-expired = Ce lien a expiré. Dans l'application OSO, vous pouvez demander un nouvel e-mail.
web-open-in-app = Ouvrir dans l'application OSO
web-open-in-app-hint = Si l'application OSO est installée sur cet ordinateur, elle prend le relais.
web-failed = Un problème est survenu de notre côté. Veuillez réessayer plus tard.
web-reset-title = Choisissez un nouveau mot de passe OSO
web-reset-rule = Au moins 12 caractères. Les longues phrases de passe sont les bienvenues.
web-reset-new = Nouveau mot de passe
web-reset-confirm = Répétez le nouveau mot de passe
web-reset-button = Enregistrer le nouveau mot de passe
web-reset-done = Votre nouveau mot de passe est enregistré. Connectez-vous avec celui-ci dans l'application OSO ; les autres sessions ont été fermées.
web-error-passwords_differ = Les deux mots de passe ne sont pas identiques.
web-error-too_short = Le mot de passe doit comporter au moins 12 caractères.
web-error-too_long = Le mot de passe peut comporter au plus 128 caractères.
web-error-common_password = Ce mot de passe est trop courant. Choisissez-en un autre.
web-error-password_like_identity = Le mot de passe ne peut pas être votre adresse e-mail ni le nom de votre entreprise.

## eSecure: the page behind the Reject button
web-esecure-reject-title = Refuser cette demande ?
web-esecure-reject-intro = { $email } de { $company } a demandé le { $time } à utiliser le numéro de compte { $account }.
web-esecure-reject-button = Refuser la demande
web-esecure-reject-approve-hint = Pour l'approuver plutôt, ouvrez-la dans l'application OSO :
web-esecure-open-in-app = Ouvrir la demande dans l'application OSO
web-esecure-rejected-title = Demande refusée
web-esecure-rejected-text = { $email } ne peut pas utiliser le numéro de compte { $account }. Le demandeur en a été informé par e-mail.
web-esecure-decided-title = Déjà décidé
web-esecure-decided-text = Cette demande a déjà fait l'objet d'une décision. La page eSecure de l'application OSO montre chaque décision.
web-esecure-invalid-title = Ce lien n'est pas valide
web-esecure-invalid-text = Le lien est inconnu, a déjà été utilisé ou a expiré. Ouvrez eSecure dans l'application OSO pour décider des demandes.
