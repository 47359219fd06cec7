## Manage account numbers: the customer account numbers saved for new orders
account-numbers-add-title = Ajouter un numéro de compte
account-numbers-number = Numéro de compte
account-numbers-number-help = Les 9 chiffres de votre numéro de compte, par exemple 951 234 567. Les espaces, points et tirets sont acceptés.
account-numbers-name = Nom
account-numbers-name-help = Facultatif. Un nom pour le reconnaître, comme Entrepôt d'Anvers.
account-numbers-add-submit = Ajouter le numéro de compte
account-numbers-added = Le numéro de compte { $number } a été ajouté.
account-numbers-resaved = Le numéro de compte { $number } figurait déjà dans votre liste. Son nom a été mis à jour.
account-numbers-list-title = Vos numéros de compte
account-numbers-loading = Chargement de vos numéros de compte…
account-numbers-empty = Vous n'avez encore enregistré aucun numéro de compte. Ajoutez-en un ci-dessus pour le choisir rapidement lors d'une commande.
account-numbers-retry = Réessayer
account-numbers-no-name = Sans nom
account-numbers-rename = Renommer
account-numbers-remove = Supprimer
account-numbers-save-name = Enregistrer
account-numbers-cancel = Annuler
account-numbers-renamed = Le nom de { $number } a été enregistré.
account-numbers-remove-question = Supprimer ce numéro de compte ?
account-numbers-remove-history = Votre historique des commandes n'est pas modifié : les commandes que vous avez passées avec ce numéro restent visibles.
account-numbers-confirm-remove = Supprimer
account-numbers-removed = Le numéro de compte { $number } a été supprimé. Votre historique des commandes reste inchangé.
account-numbers-gone = Ce numéro de compte avait déjà été supprimé, peut-être sur un autre ordinateur. La liste a été mise à jour.

## Address book
address-add = Ajouter une adresse
address-form-title-add = Nouvelle adresse
address-form-title-edit = Modifier l'adresse
address-company = Entreprise
address-contact = Personne de contact
address-country = Pays
address-countries-near = Belgique et pays voisins
address-countries-other = Autres pays de l'UE
address-street = Rue
address-number = Numéro
address-box = Boîte
address-postal-code = Code postal
address-city = Localité
address-phone = Numéro de téléphone
address-phone-help = Pour la Belgique et les pays voisins, un numéro national comme 02 123 45 67 suffit : l'indicatif du pays est ajouté pour vous. Pour les autres pays, commencez par + et l'indicatif du pays.
address-email = Adresse e-mail
address-note = Remarque pour le chauffeur
address-note-help = Par exemple où livrer ou quelle entrée utiliser. 200 caractères au maximum.
address-note-count = { $count } sur { $max } caractères
address-note-too-long = Une remarque pour le chauffeur ne peut pas dépasser 200 caractères.
address-submit-add = Ajouter l'adresse
address-submit-edit = Enregistrer les modifications
address-cancel = Annuler
address-added = { $company } a été ajouté à votre carnet d'adresses.
address-saved = L'adresse de { $company } a été enregistrée.
address-edit-gone = Cette adresse a été supprimée entre-temps, peut-être sur un autre ordinateur, et n'a donc pas pu être modifiée. Ce que vous avez saisi est conservé : enregistrez-le pour l'ajouter comme nouvelle adresse.
address-list-title = Vos adresses
address-loading = Chargement de vos adresses…
address-empty = Votre carnet d'adresses est encore vide. Ajoutez les adresses où vous vous faites livrer du matériel, pour les choisir rapidement lors d'une commande.
address-retry = Réessayer
address-box-label = boîte
address-edit = Modifier
address-delete = Supprimer
address-delete-question = Supprimer cette adresse ?
address-delete-orders = Les commandes passées conservent leur propre copie de l'adresse.
address-confirm-delete = Supprimer
address-deleted = L'adresse de { $company } a été supprimée. Les commandes passées conservent leur propre copie.
address-gone = Cette adresse avait déjà été supprimée, peut-être sur un autre ordinateur. La liste a été mise à jour.

## Postal codes, explained with the format of the chosen country
address-postal-code-invalid-be = Un code postal belge compte 4 chiffres, comme 1000.
address-postal-code-invalid-nl = Un code postal néerlandais compte 4 chiffres et 2 lettres, comme 1234 AB.
address-postal-code-invalid-lu = Un code postal luxembourgeois compte 4 chiffres, comme 1234 ou L-1234.
address-postal-code-invalid-fr = Un code postal français compte 5 chiffres, comme 75001.
address-postal-code-invalid-de = Un code postal allemand compte 5 chiffres, comme 10115.

## Countries, by ISO 3166-1 code
country-be = Belgique
country-nl = Pays-Bas
country-lu = Luxembourg
country-fr = France
country-de = Allemagne
country-at = Autriche
country-cz = Tchéquie
country-dk = Danemark
country-es = Espagne
country-ie = Irlande
country-it = Italie
country-pl = Pologne
country-pt = Portugal
country-se = Suède

## Field errors of these pages
field-error-invalid_account_number = Un numéro de compte se compose de 9 chiffres, comme 951 234 567.
field-error-invalid_postal_code = Ce code postal n'existe pas dans le pays choisi.
field-error-invalid_country = Choisissez un pays dans la liste.
