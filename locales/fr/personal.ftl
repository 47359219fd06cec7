## Personal data: the manual's three options, as tabs
personal-tab-profile = Gérer le profil
personal-tab-password = Gérer le mot de passe
personal-tab-forget = Je souhaite être oublié

## Manage profile
personal-profile-intro = Ces données sont utilisées pour vos commandes et vos e-mails.
personal-email = Adresse e-mail par défaut
personal-email-help = OSO envoie les e-mails de commande et de compte à cette adresse. Vous continuez à vous connecter avec l'adresse utilisée lors de l'inscription.
personal-email-password-help = Vos e-mails iront à une autre adresse : confirmez avec votre mot de passe actuel. L'ancienne adresse est avertie du changement.
personal-company-name = Nom de l'entreprise
personal-contact-name = Personne de contact
personal-phone = Numéro de téléphone
personal-phone-help = Avec l'indicatif du pays, par exemple +32 2 123 45 67.
personal-language = Langue préférée
personal-language-help = OSO rédige vos e-mails dans cette langue.
personal-time-zone = Fuseau horaire
personal-time-zone-help = OSO écrit les dates et les heures de vos e-mails dans ce fuseau horaire.
personal-profile-submit = Enregistrer les modifications
personal-profile-saved = Votre profil a été enregistré.

## Manage password
personal-password-intro = Changez le mot de passe de votre identifiant. OSO vous demande d'en choisir un nouveau tous les 60 jours et vous prévient par e-mail avant son expiration.
personal-current-password = Mot de passe actuel
personal-new-password = Nouveau mot de passe
personal-confirm-password = Répétez le nouveau mot de passe
personal-password-submit = Changer le mot de passe
personal-password-changed = Votre mot de passe a été changé.
personal-password-forgot = Vous avez oublié votre mot de passe actuel ? Déconnectez-vous et choisissez « Mot de passe oublié ? » sur la page de connexion.

## Forget me
personal-forget-intro = Ce qui se passe si vous demandez à être oublié :
personal-forget-revoked = Votre identifiant est révoqué immédiatement et vous êtes déconnecté.
personal-forget-orders = Vos données personnelles dans les commandes passées sont rendues méconnaissables.
personal-forget-esecure = Vos demandes et autorisations eSecure prennent fin, et vous n'administrez plus de numéros de compte. Le seul administrateur d'un numéro de compte protégé ajoute d'abord un autre administrateur.
personal-forget-statistics = Les informations de commande anonymisées sont conservées à des fins statistiques et pour la gestion de vos numéros de compte.
personal-forget-final = C'est irréversible. Pour utiliser OSO à nouveau, vous devrez vous réinscrire.
personal-forget-password = Votre mot de passe
personal-forget-password-help = Pour confirmer qu'il s'agit bien de vous.
personal-forget-confirm = Je comprends que mon identifiant et mes données personnelles seront supprimés définitivement.
personal-forget-submit = Je souhaite être oublié
personal-forget-last-administrator = Vous êtes le seul administrateur d'un numéro de compte protégé par eSecure : vous ne pouvez pas encore être oublié. Ajoutez-lui d'abord un autre administrateur sur la page eSecure (ou demandez-le au fournisseur), puis réessayez.

## Cet ordinateur
personal-tab-computer = Cet ordinateur
personal-computer-intro = Ces réglages concernent cet ordinateur, pas votre identifiant.
personal-autostart = Démarrer OSO quand j'ouvre une session sur cet ordinateur
personal-autostart-help = OSO s'ouvre alors tout seul au début de votre session. Désactivé tant que vous ne l'activez pas.
personal-autostart-on = OSO démarrera quand vous ouvrirez une session sur cet ordinateur.
personal-autostart-off = OSO ne démarrera plus tout seul.
personal-autostart-unsupported = Ce système ne permet pas à OSO de démarrer avec votre session.

personal-password-none = Votre identifiant n'a pas de mot de passe OSO : vous vous connectez via votre compte chez le transporteur. Le changement de mot de passe et le renouvellement tous les 60 jours ne s'appliquent pas ; le mot de passe de ce compte se change là-bas.
personal-email-from-provider = OSO envoie les e-mails de commande et de compte à cette adresse, celle de votre compte chez le transporteur. Une nouvelle adresse se confirme avec un mot de passe OSO, que votre identifiant n'a pas ; elle reste donc celle-ci.
