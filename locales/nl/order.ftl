## New order: the four-step order wizard
order-steps-label = Stappen van de bestelling
order-step-account = Klantnummer
order-step-address = Leveradres
order-step-supplies = Verzendmateriaal
order-step-review = Overzicht
order-back = Vorige
order-next = Volgende
order-back-to-review = Terug naar het overzicht
order-confirm = Bestelling bevestigen
order-edit = Wijzigen

## Step 1: account number
order-step-account-title = 1. Klantnummer
order-step-account-intro = Voor welk klantnummer is deze bestelling? Kies een nummer dat u opsloeg, of typ het in.
order-saved-numbers = Uw opgeslagen klantnummers
order-save-account-number = Dit klantnummer opslaan voor de volgende keer

## Step 2: delivery address
order-step-address-title = 2. Leveradres
order-step-address-intro = Waar mag het verzendmateriaal geleverd worden? Vul het adres in, of kies het uit uw adresboek.
order-choose-address = Kiezen uit adresboek
order-address-from-book = Overgenomen uit uw adresboek
order-address-book-title = Uw adresboek
order-address-book-empty = Uw adresboek is nog leeg. Vul het adres hieronder in en vink “Dit adres opslaan in mijn adresboek” aan, dan kiest u het de volgende keer snel.
order-address-chosen = Het adres van { $company } is ingevuld. Kijk het na voor u verdergaat.
order-save-address = Dit adres opslaan in mijn adresboek

## Step 3: supplies
order-step-supplies-title = 3. Verzendmateriaal
order-step-supplies-intro = Vul in hoeveel pakken u van elk artikel nodig hebt. Met de zoekfunctie en de filters vindt u snel wat u zoekt.
order-filters-label = Verzendmateriaal zoeken
order-search = Zoeken
order-search-placeholder = Naam, materiaal of artikelcode
order-search-button = Zoeken
order-category = Categorie
order-category-all = Alle categorieën
order-size = Formaat
order-size-all = Alle formaten
order-results-count = { $shown } van { $total } artikels getoond
order-catalogue-loading = Het verzendmateriaal wordt geladen…
order-retry = Opnieuw proberen
order-supplies-empty = Er is geen verzendmateriaal dat past bij uw zoekopdracht en filters.
order-clear-filters = Al het verzendmateriaal tonen
order-unavailable-title = Niet meer beschikbaar
order-remove-line = Uit de bestelling halen
order-spec-outer = Buitenafmetingen
order-spec-inner = Binnenafmetingen
order-spec-weight = Maximaal gewicht van de inhoud
order-spec-material = Materiaal
order-spec-units = Stuks per pak
order-spec-max = Maximaal per bestelling
order-dimensions-3 = { $length } × { $width } × { $height } mm
order-dimensions-2 = { $length } × { $width } mm
order-weight-g = { $weight } g
order-weight-kg = { $weight } kg
order-quantity = Pakken
order-quantity-minus = −
order-quantity-plus = +
order-quantity-minus-label = Eén pak minder van { $name }
order-quantity-plus-label = Eén pak meer van { $name }
order-packs =
    { $count ->
        [one] { $count } pak
       *[other] { $count } pakken
    }
order-items =
    { $count ->
        [one] { $count } artikel
       *[other] { $count } artikels
    }
order-item-at-maximum = U hebt het maximum van { $packs } per bestelling bereikt.
order-item-over-maximum = Het maximum is { $packs } per bestelling. Verlaag het aantal om verder te gaan.
order-total = Uw bestelling: { $lines }, { $packs } van { $max } pakken
order-total-at = Uw bestelling heeft het maximum van { $max } pakken bereikt.
order-total-over = Uw bestelling telt { $total } pakken, meer dan het maximum van { $max } pakken per bestelling. Verlaag enkele aantallen om verder te gaan.
order-lines-required = Vul voor minstens één artikel een aantal pakken in.

## Step 4: review
order-step-review-title = 4. Overzicht
order-step-review-intro = Kijk uw bestelling na. Met Wijzigen past u een onderdeel aan; is alles in orde, bevestig dan de bestelling.
order-review-save-number = Dit klantnummer wordt opgeslagen voor de volgende keer.
order-review-save-address = Dit adres wordt opgeslagen in uw adresboek.
order-review-item = Artikel
order-review-code = Artikelcode
order-review-packs = Pakken
order-review-total = Totaal
order-review-offline = De dienst is nu niet bereikbaar. Als u bevestigt, wacht de bestelling op deze computer en wordt ze verstuurd zodra de dienst weer bereikbaar is.
order-not-saved = Uw bestelling kon niet op deze computer bewaard worden en is dus niet verstuurd. Probeer het opnieuw.

## After confirming
order-result-accepted-title = Bedankt, uw bestelling is geplaatst
order-result-number = Bestelnummer:
order-result-accepted-text = U krijgt een bevestiging per e-mail. U kan de bestelling opvolgen in Bestelgeschiedenis.
order-result-waiting-title = Wacht op verzending
order-result-waiting-text = De dienst is nu niet bereikbaar. Uw bestelling wordt op deze computer bewaard en verstuurd zodra de dienst weer bereikbaar is. U volgt ze op onder Concepten en wachtende bestellingen.
order-result-refused-title = Uw bestelling werd geweigerd
order-result-refused-text = De dienst heeft deze bestelling niet aanvaard. Open ze onder Concepten en wachtende bestellingen om te zien waarom, verbeter ze en bevestig ze opnieuw.
order-new = Nieuwe opdracht starten

## Drafts, the connection and the queue
order-resume-text = U hebt een onafgewerkte bestelling van { $time }.
order-resume = Verdergaan
order-discard = Verwijderen
order-resume-discarded = De onafgewerkte bestelling is verwijderd.
order-save-failed = Uw laatste wijzigingen konden niet op deze computer bewaard worden.
order-offline-title = De dienst is niet bereikbaar.
order-offline-text = U kan gewoon verder werken aan uw bestelling. Als u ze bevestigt, wacht ze op deze computer en wordt ze verstuurd zodra de dienst weer bereikbaar is.
order-drafts-title = Concepten en wachtende bestellingen
order-drafts-loading = Bezig met laden…
order-drafts-empty = Er zijn geen onafgewerkte of wachtende bestellingen.
order-draft-state-editing = Onafgewerkt
order-draft-state-waiting = Wacht op verzending
order-draft-state-accepted = Aanvaard
order-draft-state-refused = Geweigerd
order-draft-no-number = Nog geen klantnummer
order-draft-contents = { $lines }, { $packs }
order-draft-updated = Laatst gewijzigd op { $time }
order-draft-order-number = Bestelnummer { $number }
order-draft-current = Hierboven geopend
order-draft-refusal = Reden: { $reason }
order-draft-open = Openen
order-draft-discard = Verwijderen
order-draft-remove = Uit de lijst verwijderen
order-draft-discard-question = Deze bestelling verwijderen? Wat u invulde, gaat verloren.
order-draft-confirm-discard = Verwijderen
order-draft-cancel = Annuleren
order-draft-discarded = De bestelling is verwijderd.
order-sent-accepted = Een wachtende bestelling is verstuurd en aanvaard. Het bestelnummer is { $number }.
order-sent-refused = Een wachtende bestelling werd door de dienst geweigerd. Open ze onder Concepten en wachtende bestellingen om ze te verbeteren.

## Field errors of an order
field-error-over_item_maximum = Dit is meer van dit artikel dan één bestelling mag bevatten. Verlaag het aantal.
field-error-over_order_maximum = Deze bestelling bevat meer pakken dan één bestelling mag bevatten. Verlaag enkele aantallen.
field-error-not_sold = Dit artikel is niet meer beschikbaar. Haal het uit de bestelling.
field-error-duplicate = Dit artikel staat twee keer in de bestelling. Behoud het maar één keer.
field-error-too_small = Vul 1 of meer in.
field-error-too_large = Dit getal is te groot.
field-error-invalid_quantity = Vul een geheel getal in, zoals 3.
field-error-needs_approval = U kan dit klantnummer gebruiken zodra de beheerder ervan uw aanvraag goedkeurt (eSecure).

## Order again
order-reorder-text = Bestelling { $orderNumber } is overgenomen in een nieuwe bestelling. Controleer ze en bevestig.
order-reorder-unavailable = Deze artikelen worden niet meer verkocht en zijn weggelaten:
order-reorder-line = { $name } ({ $sku }): { $packs }

## eSecure: een bestelling op een beschermd klantnummer
order-draft-state-approval = Wacht op goedkeuring
order-draft-approval = De beheerders van klantnummer { $number } is gevraagd u goed te keuren. Deze bestelling wordt verzonden zodra zij dat doen.
order-draft-withdraw = Intrekken
order-esecure-approval_rejected = De beheerders van klantnummer { $number } hebben uw aanvraag om het te gebruiken afgewezen.
order-esecure-access_refused = Klantnummer { $number } aanvaardt alleen aanvragen van adressen bij domeinen die de beheerders kozen.
order-result-approval-title = Wacht op goedkeuring
order-result-approval-text = De beheerders van klantnummer { $number } is gevraagd u goed te keuren. Uw bestelling wacht op deze computer en wordt verzonden zodra zij goedkeuren. Tot dan blijft OSO in het systeemvak als u het venster sluit; sluit u OSO af, dan wordt de bestelling verzonden bij de volgende start van OSO.
order-sent-approval-refused = Een bestelling die op goedkeuring wachtte, is geweigerd: { $reason }

## Wat er werd van een bestelling die op eSecure-goedkeuring wachtte (een bureaubladmelding)
order-approved-notification-title = Bestelling geplaatst
order-approved-notification-body = Uw bestelling { $number } voor klantnummer { $account } werd goedgekeurd en geplaatst.
order-refused-notification-title = Bestelling niet geplaatst
order-refused-notification-body = Uw bestelling voor klantnummer { $account } werd niet goedgekeurd en dus niet geplaatst. OSO toont waarom onder Nieuwe bestelling.

## "Opslaan voor de volgende keer", meteen bij het verlaten van de stap
order-remember-number-saved = Klantnummer { $number } is opgeslagen voor de volgende keer.
order-remember-number-offline = OSO is offline: het klantnummer wordt opgeslagen voor de volgende keer zodra de dienst weer antwoordt.
order-remember-number-failed = Het klantnummer kon niet opgeslagen worden: { $reason } Uw bestelling gaat gewoon door.
order-remember-address-saved = Het adres van { $company } staat nu in uw adresboek.
order-remember-address-offline = OSO is offline: het adres komt in uw adresboek zodra de dienst weer antwoordt.
order-remember-address-failed = Het adres kon niet in uw adresboek opgeslagen worden: { $reason } Uw bestelling gaat gewoon door.
## Stap 2 begint bij het profiel en de vorige bestelling
order-address-prefilled = Ingevuld met uw profiel en uw vorige bestelling. Kijk het na en pas aan wat deze keer anders is.
order-address-prefilled-profile = Ingevuld met uw profiel. Kijk het na en vul het adres aan.
