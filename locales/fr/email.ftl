## E-mails sent by the OSO service
email-product = OSO · Online Supplies Ordering
email-footer = Cet e-mail a été envoyé par OSO à la suite d'une action sur un identifiant OSO lié à cette adresse. Il ne contient aucun pistage.
email-greeting = Bonjour { $name },

email-activation-subject = Activez votre identifiant OSO
email-activation-body = Merci d'avoir enregistré { $company } auprès d'OSO. Confirmez votre adresse e-mail pour activer votre identifiant.
email-activation-button = Activer mon identifiant
email-activation-code = Ou saisissez ce code dans l'application OSO :
email-activation-expiry = Le lien et le code sont valables 48 heures. Si vous ne vous êtes pas inscrit, ignorez cet e-mail.

email-already-registered-subject = Quelqu'un a tenté de s'inscrire avec votre adresse e-mail
email-already-registered-body = Quelqu'un, peut-être vous, a tenté d'enregistrer un nouvel identifiant OSO avec cette adresse e-mail. Vous avez déjà un identifiant avec celle-ci. Si vous avez oublié votre mot de passe, choisissez « Mot de passe oublié » sur l'écran de connexion d'OSO. Si ce n'était pas vous, ignorez cet e-mail.

email-reset-subject = Choisissez un nouveau mot de passe OSO
email-reset-body = Nous avons reçu une demande pour choisir un nouveau mot de passe pour votre identifiant OSO.
email-reset-button = Choisir un nouveau mot de passe
email-reset-code = Ou saisissez ce code dans l'application OSO :
email-reset-expiry = Le lien et le code sont valables 1 heure. Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.
email-no-password-subject = Votre login OSO n'a pas de mot de passe
email-no-password-body = Nous avons reçu une demande de nouveau mot de passe pour votre login OSO. Votre login n'a pas de mot de passe OSO : vous vous connectez avec votre compte { $provider }, par « Connexion via { $provider } » sur l'écran de connexion d'OSO. Si vous avez oublié ce mot de passe, demandez-en un nouveau à { $provider }.
email-no-password-ignore = Si vous n'avez rien demandé, ignorez cet e-mail : rien n'a changé.

email-invitation-subject = Choisissez votre mot de passe OSO
email-invitation-body = Vous êtes désormais administrateur du compte client OSO de { $company }. Choisissez un mot de passe pour ouvrir votre identifiant OSO.
email-invitation-button = Choisir mon mot de passe
email-invitation-code = Ou, dans l'application OSO, choisissez « Mot de passe oublié » et saisissez ce code avec votre nouveau mot de passe :
email-invitation-expiry = Le lien et le code sont valables 48 heures. Si vous n'attendiez pas cette invitation, ignorez cet e-mail.

email-password-changed-subject = Votre mot de passe OSO a été modifié
email-password-changed-body = Le mot de passe de votre identifiant OSO { $login } vient d'être modifié.
email-password-was-reset-subject = Votre mot de passe OSO a été réinitialisé
email-password-was-reset-body = Un nouveau mot de passe vient d'être choisi pour votre identifiant OSO { $login } avec un code ou un lien d'un e-mail de réinitialisation. Toutes les sessions de l'identifiant ont été fermées.
email-address-changed-subject = Votre adresse e-mail OSO a été modifiée
email-address-changed-body = Les e-mails de votre identifiant OSO { $login } sont désormais envoyés à { $address } au lieu de cette adresse.
email-not-you = Si ce n'était pas vous, choisissez immédiatement « Mot de passe oublié » sur l'écran de connexion d'OSO pour choisir un nouveau mot de passe, et prévenez votre contact OSO.

email-expiry-subject = Votre mot de passe OSO expire le { $date }
email-expiry-body = Pour votre sécurité, OSO vous demande de choisir un nouveau mot de passe tous les { $max_days } jours. Votre mot de passe actuel expire le { $date }.
email-expiry-action = Choisissez-en un nouveau dans OSO sous Données personnelles, Gérer le mot de passe. Après la date d'expiration, OSO vous demandera un nouveau mot de passe à la connexion.

email-order-subject = Commande OSO { $number } reçue
email-order-body = Merci. Nous avons reçu votre commande { $number } pour le numéro de compte { $account }.
email-order-placed = Passée le { $time }.
email-order-lines-title = Matériel commandé :
email-order-line = { $packs } × { $name } ({ $sku })
email-order-address = Adresse de livraison : { $address }
email-order-follow = Vous pouvez suivre la commande dans OSO sous Historique des commandes.
email-shipped-subject = La commande OSO { $number } est en route
email-shipped-body = Votre commande { $number } a été expédiée. Son numéro de suivi est { $tracking }.

## eSecure
email-esecure-request-subject = Approbation demandée pour le numéro de compte { $account }
email-esecure-request-body = { $email } de { $company } a demandé le { $time } à utiliser votre numéro de compte { $account }.
email-esecure-request-note = Sa note : « { $note } »
email-esecure-request-open = Ouvrir dans OSO
email-esecure-request-reject = Refuser
email-esecure-request-approve-hint = « Ouvrir dans OSO » affiche la demande dans l'application OSO, où vous l'approuvez ou la refusez (ou ouvrez eSecure dans OSO). Si vous ne faites rien, l'utilisateur ne peut pas utiliser le numéro de compte.
email-esecure-reminder-subject = Rappel : approbation toujours demandée pour le numéro de compte { $account }
email-esecure-reminder-intro = Cette demande attend une décision depuis deux jours. Sans décision, elle expire après 14 jours.
email-esecure-note-subject = Une note sur la demande pour le numéro de compte { $account }
email-esecure-approved-subject = Vous pouvez utiliser le numéro de compte { $account }
email-esecure-approved-body = Les administrateurs du numéro de compte { $account } ont approuvé votre demande. Les commandes qui attendaient leur approbation sont maintenant envoyées.
email-esecure-rejected-subject = Votre demande pour le numéro de compte { $account } a été refusée
email-esecure-rejected-body = Les administrateurs du numéro de compte { $account } ont refusé votre demande de l'utiliser. Les commandes avec ce numéro de compte ne sont pas envoyées. Contactez la société du compte si vous pensez qu'il s'agit d'une erreur.
email-esecure-expired-subject = Votre demande pour le numéro de compte { $account } a expiré
email-esecure-expired-body = Personne n'a statué sur votre demande d'utiliser le numéro de compte { $account } dans les 14 jours ; elle a donc expiré. Les commandes avec ce numéro de compte ne sont pas envoyées. Demandez à l'entreprise du numéro de compte de vous ajouter comme utilisateur.
email-esecure-administrator-subject = Vous êtes administrateur du numéro de compte { $account }
email-esecure-administrator-body = { $by } vous a nommé administrateur du numéro de compte { $account } ({ $company }) dans OSO. Vous décidez qui peut utiliser ce numéro de compte : vous recevez un e-mail pour chaque demande, et vous approuvez ou refusez les demandes sur la page eSecure de l'application OSO.
email-esecure-administrator-no-login = Un identifiant OSO a été préparé pour cette adresse. Choisissez son mot de passe dans les 48 heures avec le bouton ci-dessous, puis connectez-vous à l'application OSO pour approuver les demandes.
email-esecure-administrator-choose-password = Choisissez votre mot de passe

## Dates and times in e-mails and the service's pages (crates/oso-service/src/mail/when.rs):
## $day and $year are numbers written as digits, $month is 1 to 12, $time is "14:03",
## $zone the reader's zone abbreviation ("CET", "CEST").
email-date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
email-moment = { $date } à { $time } { $zone }
