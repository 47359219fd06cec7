## Bestelgeschiedenis
history-retention = De bestelgegevens worden na { $days } dagen verwijderd. De Track & Trace-link verdwijnt { $trackDays } dagen nadat de bestelling de status 'Voltooid' heeft bereikt.
history-offline = Er is geen verbinding met de dienst: u ziet de kopie van uw bestelgeschiedenis die op deze computer bewaard is.
history-list-title = Uw bestellingen
history-filter-status = Status
history-filter-account = Klantnummer
history-filter-all = Alle
history-filters-label = Bestellingen filteren
history-filter-search = Bestel- of trackingnummer
history-filter-search-placeholder = bv. OSO-2026-000042
history-filter-from = Besteldatum van
history-filter-to = Besteldatum tot en met
history-account-option = { $number } – { $name }
history-status-received = Ontvangen
history-status-in_progress = In behandeling
history-status-shipped = Verzonden
history-status-completed = Voltooid
history-status-cancelled = Geannuleerd
history-column-order_number = Bestelnummer
history-column-created_at = Besteldatum
history-column-status = Status
history-column-account_number = Klantnummer
history-column-company = Bedrijfsnaam
history-column-packs = Pakken
history-sorted-ascending = Gesorteerd op { $column }, oplopend.
history-sorted-descending = Gesorteerd op { $column }, aflopend.
history-loading = Uw bestellingen worden geladen…
history-empty = U hebt nog geen bestellingen geplaatst. Uw bestellingen verschijnen hier.
history-empty-filtered = Er zijn geen bestellingen die aan deze filters voldoen.
history-clear-filters = Filters wissen
history-retry = Opnieuw proberen
history-paging = Pagina's met bestellingen
history-prev = Vorige
history-next = Volgende
history-range = { $first }–{ $last } van { $total }
history-range-more = { $first }–{ $last } van meer dan { $total }
history-details-title = Bestelling { $orderNumber }
history-details-close = Sluiten
history-details-loading = De details van de bestelling worden geladen…
history-details-address = Leveradres
history-details-no-address = Voor deze bestelling is geen leveradres bewaard.
history-details-ordered-by = Besteld door
history-details-unknown = Onbekend
history-details-tracking-number = Trackingnummer
history-details-lines = Bestelde materialen
history-details-not-sold = niet meer verkrijgbaar
history-details-progress = Voortgang
history-progress-done = (doorlopen)
history-progress-current = (huidige status)
history-progress-todo = (nog niet bereikt)
history-track = Track & Trace
history-cancel = Bestelling annuleren
history-cancel-question = Deze bestelling annuleren?
history-cancel-consequence = De bestelling wordt dan niet klaargemaakt of geleverd. Dit kan niet ongedaan worden gemaakt.
history-cancel-confirm = Ja, bestelling annuleren
history-cancel-keep = Bestelling behouden
history-cancelled = Bestelling { $orderNumber } is geannuleerd.

## Export and order again
history-export = Exporteren als CSV
history-export-done = { $orders } ({ $lines }) bewaard in { $path }.
history-orders =
    { $count ->
        [one] { $count } bestelling
       *[other] { $count } bestellingen
    }
history-export-truncated = Er passen maar { $max } bestellingen in één bestand. Verfijn de filters om de rest te exporteren.
history-export-open = Bestand openen
history-export-dialog-title = Bestelgeschiedenis exporteren
history-export-file-type = CSV-bestand (rekenblad)
history-again = Opnieuw bestellen

## Column headers of the exported CSV file
history-csv-order_number = Bestelnummer
history-csv-created_at = Besteldatum
history-csv-status = Status
history-csv-account_number = Klantnummer
history-csv-company = Bedrijf
history-csv-contact_person = Contactpersoon
history-csv-street = Straat
history-csv-number = Nummer
history-csv-box_number = Bus
history-csv-postal_code = Postcode
history-csv-city = Gemeente
history-csv-country = Land
history-csv-ordered_by = Besteld door
history-csv-tracking_number = Trackingnummer
history-csv-sku = Artikelcode
history-csv-item = Artikel
history-csv-packs = Pakken
