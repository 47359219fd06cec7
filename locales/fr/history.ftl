## Historique des commandes
history-retention = Les données de commande sont supprimées après { $days } jours. Le lien Track & Trace disparaît { $trackDays } jours après que la commande a atteint le statut « Terminée ».
history-offline = Il n'y a pas de connexion au service : vous voyez la copie de votre historique des commandes conservée sur cet ordinateur.
history-list-title = Vos commandes
history-filter-status = Statut
history-filter-account = Numéro de compte
history-filter-all = Tous
history-filters-label = Filtrer les commandes
history-filter-search = N° de commande ou de suivi
history-filter-search-placeholder = p. ex. OSO-2026-000042
history-filter-from = Date de commande du
history-filter-to = Date de commande au
history-account-option = { $number } – { $name }
history-status-received = Reçue
history-status-in_progress = En cours de traitement
history-status-shipped = Expédiée
history-status-completed = Terminée
history-status-cancelled = Annulée
history-column-order_number = Numéro de commande
history-column-created_at = Date de commande
history-column-status = Statut
history-column-account_number = Numéro de compte
history-column-company = Nom de l'entreprise
history-column-packs = Paquets
history-sorted-ascending = Trié par { $column }, ordre croissant.
history-sorted-descending = Trié par { $column }, ordre décroissant.
history-loading = Chargement de vos commandes…
history-empty = Vous n'avez encore passé aucune commande. Vos commandes apparaîtront ici.
history-empty-filtered = Aucune commande ne correspond à ces filtres.
history-clear-filters = Effacer les filtres
history-retry = Réessayer
history-paging = Pages de commandes
history-prev = Précédent
history-next = Suivant
history-range = { $first }–{ $last } sur { $total }
history-range-more = { $first }–{ $last } sur plus de { $total }
history-details-title = Commande { $orderNumber }
history-details-close = Fermer
history-details-loading = Chargement des détails de la commande…
history-details-address = Adresse de livraison
history-details-no-address = Aucune adresse de livraison n'a été conservée pour cette commande.
history-details-ordered-by = Commandé par
history-details-unknown = Inconnu
history-details-tracking-number = Numéro de suivi
history-details-lines = Fournitures commandées
history-details-not-sold = n'est plus vendu
history-details-progress = Progression
history-progress-done = (étape franchie)
history-progress-current = (statut actuel)
history-progress-todo = (pas encore atteint)
history-track = Track & Trace
history-cancel = Annuler la commande
history-cancel-question = Annuler cette commande ?
history-cancel-consequence = La commande ne sera ni préparée ni livrée. Cette action est irréversible.
history-cancel-confirm = Oui, annuler la commande
history-cancel-keep = Conserver la commande
history-cancelled = La commande { $orderNumber } a été annulée.

## Export and order again
history-export = Exporter en CSV
history-export-done = Exporté dans { $path } : { $orders } ({ $lines }).
history-orders =
    { $count ->
        [one] { $count } commande
       *[other] { $count } commandes
    }
history-export-truncated = Un fichier ne contient que les { $max } premières commandes. Affinez les filtres pour exporter le reste.
history-export-open = Ouvrir le fichier
history-export-dialog-title = Exporter l'historique des commandes
history-export-file-type = Fichier CSV (tableur)
history-again = Commander à nouveau

## Column headers of the exported CSV file
history-csv-order_number = Numéro de commande
history-csv-created_at = Date de commande
history-csv-status = Statut
history-csv-account_number = Numéro de compte
history-csv-company = Société
history-csv-contact_person = Personne de contact
history-csv-street = Rue
history-csv-number = Numéro
history-csv-box_number = Boîte
history-csv-postal_code = Code postal
history-csv-city = Localité
history-csv-country = Pays
history-csv-ordered_by = Commandé par
history-csv-tracking_number = Numéro de suivi
history-csv-sku = Code article
history-csv-item = Article
history-csv-packs = Paquets
