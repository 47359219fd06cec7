## Application frame
app-name = OSO
app-tagline = Online Supplies Ordering
skip-to-content = Naar de inhoud
main-navigation = Hoofdnavigatie
language-selector = Taal

## The language selector shows each language in its own name
language-name-nl = Nederlands
language-name-en = English
language-name-fr = Français
language-name-pseudo = Pseudo-Engels (en-XA, om te testen)

## Navigation (the manual's tabs)
nav-new-order = Nieuwe opdracht
nav-order-history = Bestelgeschiedenis
nav-personal-data = Persoonlijke gegevens
nav-account-numbers = Accountnummers beheren
nav-address-book = Adresboek
nav-esecure = eSecure
nav-log-out = Uitloggen
## The window title while signed in
window-title-page = { $page } — { $app }

## Pages
page-new-order-intro = Bestel verzendmateriaal in vier stappen: klantnummer, leveradres, verzendmateriaal, overzicht.
page-order-history-intro = De bestellingen die u plaatste, en alle bestellingen op de klantnummers die u onder eSecure beheert.
page-personal-data-intro = Beheer uw profiel, wijzig uw wachtwoord, vraag om vergeten te worden of kies hoe OSO op deze computer start.
page-account-numbers-intro = Voeg klantnummers toe of verwijder ze voor nieuwe bestellingen. Een klantnummer bewaren of verwijderen verandert nooit welke bestellingen uw bestelgeschiedenis toont.
page-address-book-intro = Bewaar de leveradressen die u gebruikt, om ze snel te kiezen bij een bestelling. Een adres verwijderen verandert niets aan uw bestelgeschiedenis.
page-esecure-intro = Keur goed of wijs af wie de klantnummers mag gebruiken die u beheert, en voeg gemachtigde gebruikers en beheerders toe.

## Connection to the service
connection-checking = Verbinden…
connection-connected = Verbonden
connection-disconnected = Niet verbonden
connection-service-version = dienst { $version }
connection-embedded = ingebouwde dienst
connection-disconnected-hint = De dienst is niet bereikbaar. OSO probeert het om de paar seconden opnieuw.

## Een dienst zonder versleuteling
insecure-service-warning = Let op: de dienst op { $url } wordt zonder versleuteling bereikt, omdat allow_insecure_service in settings.toml is ingesteld. Wachtwoorden en bestellingen kunnen op het netwerk worden meegelezen. Vraag uw beheerder om een https://-adres.
start-refused-insecure-service = OSO maakt geen verbinding met { $url } (ingesteld in { $origin }): dat adres is niet versleuteld (http://) en staat niet op deze computer, zodat wachtwoorden en bestellingen op het netwerk kunnen worden meegelezen. Gebruik een https://-adres, of stel, alleen als uw beheerder dat risico aanvaardt, { $setting } = true in { $file } in. Start OSO daarna opnieuw.

## De sneltoetsen (F1)
shortcuts-title = Sneltoetsen
shortcuts-new-order = Een nieuwe opdracht
shortcuts-pages = De pagina's, in de volgorde van het menu links
shortcuts-zoom = Groter, kleiner, terug naar normale grootte
shortcuts-esecure = Op een aanvraag in eSecure: goedkeuren, afwijzen
shortcuts-find = Zoeken op deze pagina
shortcuts-find-keys = Ctrl + F
shortcuts-help = Deze lijst
shortcuts-close = Sluiten
shortcuts-new-order-keys = Ctrl + N
shortcuts-pages-keys = Ctrl + 1 … 6
shortcuts-zoom-keys = Ctrl + + / − / 0
shortcuts-esecure-keys = A / R
shortcuts-help-keys = F1 / ?

## Het programmamenu (de menubalk van een Mac; elders met OSO_APPLICATION_MENU=1). De pagina's
## in het menu Weergave heten zoals in de navigatie.
menu-app = OSO
menu-about = Over OSO
menu-hide = Verberg OSO
menu-hide-others = Verberg andere
menu-show-all = Toon alles
menu-quit = Stop OSO
menu-file = Archief
menu-new-order = Nieuwe opdracht
menu-edit = Wijzig
menu-undo = Herstel
menu-redo = Opnieuw
menu-cut = Knip
menu-copy = Kopieer
menu-paste = Plak
menu-select-all = Selecteer alles
menu-view = Weergave
menu-find = Zoeken op deze pagina
menu-zoom-in = Zoom in
menu-zoom-out = Zoom uit
menu-zoom-reset = Werkelijke grootte
menu-window = Venster
menu-minimize = Minimaliseer
menu-close-window = Sluit venster
menu-help = Help
menu-shortcuts = Sneltoetsen
