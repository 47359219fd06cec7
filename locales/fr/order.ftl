## New order: the four-step order wizard
order-steps-label = Étapes de la commande
order-step-account = Numéro de compte
order-step-address = Adresse de livraison
order-step-supplies = Matériel
order-step-review = Récapitulatif
order-back = Précédent
order-next = Suivant
order-back-to-review = Retour au récapitulatif
order-confirm = Confirmer la commande
order-edit = Modifier

## Step 1: account number
order-step-account-title = 1. Numéro de compte
order-step-account-intro = Pour quel numéro de compte client est cette commande ? Choisissez un numéro enregistré, ou saisissez-le.
order-saved-numbers = Vos numéros de compte enregistrés
order-save-account-number = Enregistrer ce numéro de compte pour la prochaine fois

## Step 2: delivery address
order-step-address-title = 2. Adresse de livraison
order-step-address-intro = Où faut-il livrer le matériel ? Saisissez l'adresse, ou choisissez-la dans votre carnet d'adresses.
order-choose-address = Choisir dans le carnet d'adresses
order-address-from-book = Reprise de votre carnet d'adresses
order-address-book-title = Votre carnet d'adresses
order-address-book-empty = Votre carnet d'adresses est vide. Saisissez l'adresse ci-dessous et cochez « Enregistrer cette adresse dans mon carnet d'adresses » pour la choisir rapidement la prochaine fois.
order-address-chosen = L'adresse de { $company } a été remplie. Vérifiez-la avant de continuer.
order-save-address = Enregistrer cette adresse dans mon carnet d'adresses

## Step 3: supplies
order-step-supplies-title = 3. Matériel d'expédition
order-step-supplies-intro = Indiquez combien de paquets de chaque article il vous faut. La recherche et les filtres vous aident à trouver vite un article.
order-filters-label = Rechercher du matériel
order-search = Rechercher
order-search-placeholder = Nom, matière ou code article
order-search-button = Rechercher
order-category = Catégorie
order-category-all = Toutes les catégories
order-size = Taille
order-size-all = Toutes les tailles
order-results-count = { $shown } articles affichés sur { $total }
order-catalogue-loading = Chargement du matériel…
order-retry = Réessayer
order-supplies-empty = Aucun matériel ne correspond à votre recherche et à vos filtres.
order-clear-filters = Afficher tout le matériel
order-unavailable-title = Plus disponible
order-remove-line = Retirer de la commande
order-spec-outer = Dimensions extérieures
order-spec-inner = Dimensions intérieures
order-spec-weight = Poids maximal du contenu
order-spec-material = Matière
order-spec-units = Unités par paquet
order-spec-max = Maximum par commande
order-dimensions-3 = { $length } × { $width } × { $height } mm
order-dimensions-2 = { $length } × { $width } mm
order-weight-g = { $weight } g
order-weight-kg = { $weight } kg
order-quantity = Paquets
order-quantity-minus = −
order-quantity-plus = +
order-quantity-minus-label = Un paquet de moins : { $name }
order-quantity-plus-label = Un paquet de plus : { $name }
order-packs =
    { $count ->
        [one] { $count } paquet
       *[other] { $count } paquets
    }
order-items =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
order-item-at-maximum = Vous avez atteint le maximum de { $packs } par commande.
order-item-over-maximum = Le maximum est de { $packs } par commande. Diminuez la quantité pour continuer.
order-total = Votre commande : { $lines }, { $packs } sur { $max } paquets
order-total-at = Votre commande a atteint le maximum de { $max } paquets.
order-total-over = Votre commande compte { $total } paquets, plus que le maximum de { $max } paquets par commande. Diminuez certaines quantités pour continuer.
order-lines-required = Indiquez un nombre de paquets pour au moins un article.

## Step 4: review
order-step-review-title = 4. Récapitulatif
order-step-review-intro = Vérifiez votre commande. Modifiez une partie avec Modifier ; quand tout est correct, confirmez la commande.
order-review-save-number = Ce numéro de compte sera enregistré pour la prochaine fois.
order-review-save-address = Cette adresse sera enregistrée dans votre carnet d'adresses.
order-review-item = Article
order-review-code = Code article
order-review-packs = Paquets
order-review-total = Total
order-review-offline = Le service est injoignable pour le moment. Si vous confirmez, la commande attend sur cet ordinateur et sera envoyée dès que le service sera de nouveau joignable.
order-not-saved = Votre commande n'a pas pu être enregistrée sur cet ordinateur ; elle n'a donc pas été envoyée. Veuillez réessayer.

## After confirming
order-result-accepted-title = Merci, votre commande a été passée
order-result-number = Numéro de commande :
order-result-accepted-text = Vous recevrez une confirmation par e-mail. Vous pouvez suivre la commande dans l'historique des commandes.
order-result-waiting-title = En attente d'envoi
order-result-waiting-text = Le service est injoignable pour le moment. Votre commande est conservée sur cet ordinateur et sera envoyée dès que le service sera de nouveau joignable. Vous pouvez la suivre sous Brouillons et commandes en attente.
order-result-refused-title = Votre commande a été refusée
order-result-refused-text = Le service n'a pas accepté cette commande. Ouvrez-la sous Brouillons et commandes en attente pour voir pourquoi, corrigez-la et confirmez-la à nouveau.
order-new = Nouvelle commande

## Drafts, the connection and the queue
order-resume-text = Vous avez une commande inachevée du { $time }.
order-resume = Reprendre
order-discard = Abandonner
order-resume-discarded = La commande inachevée a été abandonnée.
order-save-failed = Vos dernières modifications n'ont pas pu être enregistrées sur cet ordinateur.
order-offline-title = Le service est injoignable.
order-offline-text = Vous pouvez continuer votre commande. Quand vous la confirmez, elle attend sur cet ordinateur et sera envoyée dès que le service sera de nouveau joignable.
order-drafts-title = Brouillons et commandes en attente
order-drafts-loading = Chargement…
order-drafts-empty = Aucune commande inachevée ou en attente.
order-draft-state-editing = Inachevée
order-draft-state-waiting = En attente d'envoi
order-draft-state-accepted = Acceptée
order-draft-state-refused = Refusée
order-draft-no-number = Pas encore de numéro de compte
order-draft-contents = { $lines }, { $packs }
order-draft-updated = Dernière modification le { $time }
order-draft-order-number = Commande n° { $number }
order-draft-current = Ouverte ci-dessus
order-draft-refusal = Motif : { $reason }
order-draft-open = Ouvrir
order-draft-discard = Abandonner
order-draft-remove = Retirer de la liste
order-draft-discard-question = Abandonner cette commande ? Ce que vous avez saisi sera perdu.
order-draft-confirm-discard = Abandonner
order-draft-cancel = Annuler
order-draft-discarded = La commande a été abandonnée.
order-sent-accepted = Une commande en attente a été envoyée et acceptée. Son numéro est { $number }.
order-sent-refused = Une commande en attente a été refusée par le service. Ouvrez-la sous Brouillons et commandes en attente pour la corriger.

## Field errors of an order
field-error-over_item_maximum = C'est plus que ce qu'une commande peut contenir de cet article. Diminuez la quantité.
field-error-over_order_maximum = Cette commande contient plus de paquets qu'une commande ne peut en contenir. Diminuez certaines quantités.
field-error-not_sold = Cet article n'est plus disponible. Retirez-le de la commande.
field-error-duplicate = Cet article figure deux fois dans la commande. Ne le gardez qu'une fois.
field-error-too_small = Indiquez 1 ou plus.
field-error-too_large = Ce nombre est trop grand.
field-error-invalid_quantity = Indiquez un nombre entier, par exemple 3.
field-error-needs_approval = Vous pourrez utiliser ce numéro de compte dès que son administrateur aura approuvé votre demande (eSecure).

## Order again
order-reorder-text = La commande { $orderNumber } a été copiée dans une nouvelle commande. Vérifiez-la, puis confirmez.
order-reorder-unavailable = Ces articles ne sont plus vendus et ont été retirés :
order-reorder-line = { $name } ({ $sku }) : { $packs }

## eSecure : une commande sur un numéro de compte protégé
order-draft-state-approval = En attente d'approbation
order-draft-approval = Les administrateurs du numéro de compte { $number } ont été invités à vous approuver. Cette commande sera envoyée dès qu'ils l'auront fait.
order-draft-withdraw = Retirer
order-esecure-approval_rejected = Les administrateurs du numéro de compte { $number } ont refusé votre demande de l'utiliser.
order-esecure-access_refused = Le numéro de compte { $number } n'accepte que les demandes d'adresses des domaines choisis par ses administrateurs.
order-result-approval-title = En attente d'approbation
order-result-approval-text = Les administrateurs du numéro de compte { $number } ont été invités à vous approuver. Votre commande attend sur cet ordinateur et sera envoyée dès leur approbation. D'ici là, OSO reste dans la zone de notification quand vous fermez sa fenêtre ; si vous quittez OSO, la commande sera envoyée au prochain démarrage d'OSO.
order-sent-approval-refused = Une commande en attente d'approbation a été refusée : { $reason }

## Ce qu'il est advenu d'une commande qui attendait l'approbation eSecure (une notification)
order-approved-notification-title = Commande passée
order-approved-notification-body = Votre commande { $number } pour le numéro de compte { $account } a été approuvée et passée.
order-refused-notification-title = Commande non passée
order-refused-notification-body = Votre commande pour le numéro de compte { $account } n'a pas été approuvée et n'a donc pas été passée. OSO indique pourquoi sous Nouvelle commande.

## « Enregistrer pour la prochaine fois », dès que l’étape est quittée
order-remember-number-saved = Le numéro de compte { $number } est enregistré pour la prochaine fois.
order-remember-number-offline = OSO est hors ligne : le numéro de compte sera enregistré dès que le service répondra à nouveau.
order-remember-number-failed = Le numéro de compte n’a pas pu être enregistré : { $reason } Votre commande n’en est pas affectée.
order-remember-address-saved = L’adresse de { $company } est enregistrée dans votre carnet d’adresses.
order-remember-address-offline = OSO est hors ligne : l’adresse sera enregistrée dans votre carnet d’adresses dès que le service répondra à nouveau.
order-remember-address-failed = L’adresse n’a pas pu être enregistrée dans votre carnet d’adresses : { $reason } Votre commande n’en est pas affectée.
## L’étape 2 part du profil et de la dernière commande
order-address-prefilled = Complété avec votre profil et votre dernière commande. Vérifiez-le et modifiez ce qui change cette fois.
order-address-prefilled-profile = Complété avec votre profil. Vérifiez-le et complétez l’adresse.
