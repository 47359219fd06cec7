## Application frame
app-name = OSO
app-tagline = Online Supplies Ordering
skip-to-content = Aller au contenu
main-navigation = Navigation principale
language-selector = Langue

## The language selector shows each language in its own name
language-name-nl = Nederlands
language-name-en = English
language-name-fr = Français
language-name-pseudo = Pseudo-anglais (en-XA, pour les tests)

## Navigation (the manual's tabs)
nav-new-order = Nouvelle commande
nav-order-history = Historique des commandes
nav-personal-data = Données personnelles
nav-account-numbers = Gérer les numéros de compte
nav-address-book = Carnet d'adresses
nav-esecure = eSecure
nav-log-out = Se déconnecter
## The window title while signed in
window-title-page = { $page } — { $app }

## Pages
page-new-order-intro = Commandez du matériel d'expédition en quatre étapes : numéro de compte, adresse de livraison, matériel, récapitulatif.
page-order-history-intro = Les commandes que vous avez passées, et toutes les commandes des numéros de compte que vous administrez sous eSecure.
page-personal-data-intro = Gérez votre profil, changez votre mot de passe, demandez à être oublié ou choisissez comment OSO démarre sur cet ordinateur.
page-account-numbers-intro = Ajoutez ou supprimez les numéros de compte utilisés pour les nouvelles commandes. En enregistrer ou en supprimer un ne change jamais les commandes affichées dans votre historique.
page-address-book-intro = Conservez vos adresses de livraison pour les choisir rapidement lors d'une commande. En supprimer une ne modifie pas votre historique.
page-esecure-intro = Approuvez ou refusez qui peut utiliser les numéros de compte que vous administrez, et ajoutez des utilisateurs autorisés et des administrateurs.

## Connection to the service
connection-checking = Connexion…
connection-connected = Connecté
connection-disconnected = Non connecté
connection-service-version = service { $version }
connection-embedded = service intégré
connection-disconnected-hint = Le service est injoignable. OSO réessaie toutes les quelques secondes.

## Un service joint sans chiffrement
insecure-service-warning = Attention : le service à l'adresse { $url } est joint sans chiffrement, car allow_insecure_service est activé dans settings.toml. Les mots de passe et les commandes peuvent être lus sur le réseau. Demandez à votre administrateur une adresse https://.
start-refused-insecure-service = OSO ne se connecte pas à { $url } (défini dans { $origin }) : cette adresse n'est pas chiffrée (http://) et ne se trouve pas sur cet ordinateur, de sorte que les mots de passe et les commandes pourraient être lus sur le réseau. Utilisez une adresse https:// ou, uniquement si votre administrateur accepte ce risque, indiquez { $setting } = true dans { $file }. Puis redémarrez OSO.

## Les raccourcis clavier (F1)
shortcuts-title = Raccourcis clavier
shortcuts-new-order = Une nouvelle commande
shortcuts-pages = Les pages, dans l'ordre du menu de gauche
shortcuts-zoom = Plus grand, plus petit, taille normale
shortcuts-esecure = Sur une demande dans eSecure : approuver, refuser
shortcuts-find = Rechercher dans cette page
shortcuts-find-keys = Ctrl + F
shortcuts-help = Cette liste
shortcuts-close = Fermer
shortcuts-new-order-keys = Ctrl + N
shortcuts-pages-keys = Ctrl + 1 … 6
shortcuts-zoom-keys = Ctrl + + / − / 0
shortcuts-esecure-keys = A / R
shortcuts-help-keys = F1 / ?

## Le menu de l'application (la barre des menus d'un Mac ; ailleurs avec OSO_APPLICATION_MENU=1).
## Les pages du menu Présentation portent leur nom de la navigation.
menu-app = OSO
menu-about = À propos d'OSO
menu-hide = Masquer OSO
menu-hide-others = Masquer les autres
menu-show-all = Tout afficher
menu-quit = Quitter OSO
menu-file = Fichier
menu-new-order = Nouvelle commande
menu-edit = Édition
menu-undo = Annuler
menu-redo = Rétablir
menu-cut = Couper
menu-copy = Copier
menu-paste = Coller
menu-select-all = Tout sélectionner
menu-view = Présentation
menu-find = Rechercher dans cette page
menu-zoom-in = Zoom avant
menu-zoom-out = Zoom arrière
menu-zoom-reset = Taille réelle
menu-window = Fenêtre
menu-minimize = Réduire
menu-close-window = Fermer la fenêtre
menu-help = Aide
menu-shortcuts = Raccourcis clavier
