## eSecure : qui peut utiliser les numéros de compte que vous administrez

esecure-loading = Chargement…
esecure-retry = Réessayer
esecure-all-accounts = Tous les numéros de compte
esecure-account-label = { $number } · { $company }

## Onglets
esecure-tabs = Sections d'eSecure
esecure-tab-requests = Utilisateurs autorisés
esecure-tab-add-users = Ajouter des utilisateurs
esecure-tab-administrators = Administrateurs du compte client
esecure-tab-domains = Domaines
esecure-tab-audit = Journal

## Utilisateurs autorisés : demandes et décisions
esecure-requests-intro = Quiconque veut commander sur l'un de vos numéros de compte doit d'abord être approuvé. Approuvez ou refusez chaque demande sur sa ligne, ou cochez-en plusieurs et décidez-les ensemble.
esecure-filter-status = Afficher
esecure-filter-account = Numéro de compte
esecure-status-pending = Demandes en attente
esecure-status-approved = Approuvées
esecure-status-rejected = Refusées
esecure-status-revoked = Accès retiré
esecure-request-pending = En attente
esecure-status-all = Toutes
esecure-select-all = Tout sélectionner
esecure-select-row = Sélectionner { $email }
esecure-approve = Approuver
esecure-reject = Refuser
esecure-selected =
    { $count ->
        [one] { $count } sélectionnée
       *[other] { $count } sélectionnées
    }
esecure-column-email = Adresse e-mail
esecure-column-account = Numéro de compte
esecure-column-requested = Demandée le
esecure-column-status = Statut
esecure-decided-by = par { $email }
esecure-forgotten-person = un utilisateur oublié
esecure-requests-empty-pending = Il n'y a aucune demande en attente. Les nouvelles apparaissent ici, et OSO vous prévient dès qu'il en arrive une.
esecure-requests-empty = Aucune demande ne correspond à ces filtres.
esecure-approved =
    { $count ->
        [one] { $count } demande approuvée.
       *[other] { $count } demandes approuvées.
    }
esecure-rejected =
    { $count ->
        [one] { $count } demande refusée.
       *[other] { $count } demandes refusées.
    }
esecure-approve-row = Approuver { $email }
esecure-reject-row = Refuser { $email }
esecure-rejecting = Refus en cours…
esecure-reject-question =
    { $count ->
        [one] Refuser { $count } demande ? Le demandeur est prévenu par e-mail.
       *[other] Refuser { $count } demandes ? Les demandeurs sont prévenus par e-mail.
    }
esecure-undo-text =
    { $count ->
        [one] { $count } demande sera refusée dans quelques secondes.
       *[other] { $count } demandes seront refusées dans quelques secondes.
    }
esecure-undo = Annuler le refus
esecure-undone = Rien n'a été refusé : les demandes sont de nouveau ouvertes.
esecure-add = Ajouter
esecure-keyboard-hint = Clavier : sur la ligne d'une demande, A l'approuve et R la refuse.
esecure-link-not-found = Cette demande ne concerne pas les numéros de compte que vous administrez, ou n'existe plus.
esecure-link-not-yours = Cette demande s'adresse aux administrateurs de son numéro de compte.
esecure-revoke = Retirer l'accès
esecure-revoke-question = Retirer l'accès de { $email } ? Cette personne ne pourra plus commander sur le numéro de compte { $number }.
esecure-revoke-confirm = Retirer l'accès
esecure-cancel = Annuler
esecure-revoked = L'accès de { $email } a été retiré.

## Ajouter des utilisateurs
esecure-add-users-intro = Les utilisateurs ajoutés ici sont approuvés d'emblée : ils peuvent commander sur le numéro de compte sans demande.
esecure-add-users-account = Numéro de compte
esecure-add-users-emails = Adresses e-mail
esecure-add-users-emails-help = Une adresse par ligne, ou séparées par des virgules.
esecure-add-users-submit = Enregistrer
esecure-add-users-bad = Adresse { $position } ({ $email }) : { $reason }
esecure-users-added =
    { $count ->
        [one] { $emails } a été ajouté et approuvé.
       *[other] { $count } utilisateurs ont été ajoutés et approuvés : { $emails }.
    }

## Administrateurs du compte client
esecure-administrators-intro = Les administrateurs décident qui peut utiliser un numéro de compte et reçoivent les e-mails des nouvelles demandes. Cochez un numéro de compte et choisissez Ajouter pour ajouter un administrateur.
esecure-administrators-add = Ajouter
esecure-administrators-add-hint = Cochez d'abord un ou plusieurs numéros de compte.
esecure-administrators-select = Sélectionner le numéro de compte { $number }
esecure-administrator-form-title = Nouvel administrateur
esecure-administrator-form-for = Pour le numéro de compte { $numbers }
esecure-administrator-name = Nom
esecure-administrator-email = Adresse e-mail
esecure-administrator-language = Langue des e-mails
esecure-administrator-submit = Ajouter l'administrateur
esecure-administrator-added = { $name } administre désormais le numéro de compte { $numbers }.
esecure-administrator-no-login = Pas encore de compte OSO
esecure-administrator-remove = Retirer
esecure-administrator-remove-question = Retirer { $email } des administrateurs du numéro de compte { $number } ?
esecure-administrator-remove-confirm = Retirer l'administrateur
esecure-administrator-removed = { $email } n'administre plus le numéro de compte { $number }.
esecure-administrators-empty = Vous n'administrez aucun numéro de compte.
esecure-protected = Protégé par eSecure
esecure-unprotected = Non protégé

## Domaines
esecure-domains-intro = Les adresses d'un domaine autorisé peuvent utiliser le numéro de compte sans demande. Interrupteur activé, les demandes d'adresses hors des domaines indiqués sont refusées d'emblée.
esecure-domains-account = Numéro de compte
esecure-domains-authorised = Domaines autorisés
esecure-domains-authorised-help = Un domaine par ligne, par exemple zebra.example. Les utilisateurs de ces domaines sont approuvés sans demande.
esecure-domains-restricted = Domaines pouvant faire une demande
esecure-domains-restricted-help = Un domaine par ligne. Utilisé lorsque l'interrupteur ci-dessous est activé.
esecure-domains-restrict = N'accepter que les demandes de ces domaines
esecure-domains-submit = Enregistrer les domaines
esecure-domains-saved = Les domaines du numéro de compte { $number } ont été enregistrés.
esecure-domains-bad = Domaine { $position } ({ $domain }) : { $reason }

## Journal
esecure-audit-intro = Chaque décision concernant vos numéros de compte, la plus récente d'abord.
esecure-audit-column-at = Quand
esecure-audit-column-actor = Qui
esecure-audit-column-action = Quoi
esecure-audit-column-subject = Concerne
esecure-audit-column-account = Numéro de compte
esecure-audit-empty = Rien ne s'est encore passé.
esecure-action-approved = Approuvée
esecure-action-rejected = Refusée
esecure-action-expired = Expirée sans décision
esecure-action-revoked = Accès retiré
esecure-action-users_added = Utilisateur ajouté
esecure-action-administrator_added = Administrateur ajouté
esecure-action-administrator_removed = Administrateur retiré
esecure-action-domains_changed = Domaines modifiés
esecure-action-requested = Accès demandé

## Sur cet ordinateur
esecure-tray-title = Sur cet ordinateur
esecure-keep-in-tray = Garder OSO dans la zone de notification quand la fenêtre est fermée
esecure-keep-in-tray-help = OSO vous signale alors les nouvelles demandes même fenêtre fermée. Quittez-le depuis son icône dans la zone de notification.
esecure-no-tray = Ce bureau n'affiche pas de zone de notification : fermer la fenêtre quitte OSO.
esecure-keep-in-tray-saved = Enregistré.

## Qui n'administre aucun numéro de compte
esecure-about-title = Qu'est-ce qu'eSecure ?
esecure-about-text = eSecure empêche que des numéros de compte soient utilisés par des personnes non autorisées. Lorsque vous commandez pour la première fois sur un numéro de compte protégé, ses administrateurs sont invités à vous approuver ; votre commande attend et est envoyée dès qu'ils l'ont fait.
esecure-about-administrators = Les administrateurs d'un numéro de compte gèrent eSecure ici. Votre fournisseur désigne le premier administrateur d'un compte.
esecure-my-title = Vos demandes
esecure-my-empty = Vous n'avez demandé à utiliser aucun numéro de compte protégé.
esecure-my-status-pending = En attente d'approbation
esecure-my-status-approved = Approuvée
esecure-my-status-rejected = Refusée
esecure-my-status-expired = Expirée sans décision
esecure-status-expired = Expirée
esecure-note-label = Une note pour les administrateurs (facultatif)
esecure-note-help = Par exemple « Je suis le nouveau responsable du bureau ». Ils la reçoivent par e-mail et la voient avec votre demande.
esecure-note-send = Envoyer la note
esecure-note-sent = Votre note a été envoyée aux administrateurs.
esecure-note-removed = Votre note a été supprimée.
esecure-my-status-revoked = Accès retiré

## Zone de notification et notifications (hors de la fenêtre)
tray-open = Ouvrir OSO
tray-quit = Quitter
tray-kept-for-approval-title = OSO reste actif dans la zone de notification
tray-kept-for-approval-body = Votre commande attend une approbation et sera envoyée dès qu'elle arrive. Rouvrez OSO depuis son icône dans la zone de notification.
tray-esecure =
    { $count ->
        [0] eSecure : aucune demande en attente
        [one] eSecure : { $count } demande en attente
       *[other] eSecure : { $count } demandes en attente
    }
tray-tooltip =
    { $count ->
        [0] OSO
        [one] OSO : { $count } demande en attente
       *[other] OSO : { $count } demandes en attente
    }
esecure-notification-title = eSecure : nouvelle demande
esecure-notification-open = Ouvrir dans OSO
esecure-expired-notification-title = Demande expirée
esecure-expired-notification-body = Personne n'a statué sur votre demande d'utiliser le numéro de compte { $number } dans les 14 jours ; elle a donc expiré.
esecure-notification =
    { $count ->
        [one] { $email } demande à utiliser le numéro de compte { $number }.
       *[other] { $count } nouvelles demandes d'utilisation de vos numéros de compte.
    }
nav-esecure-count = { $count } demandes en attente
