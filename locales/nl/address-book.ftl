## Manage account numbers: the customer account numbers saved for new orders
account-numbers-add-title = Klantnummer toevoegen
account-numbers-number = Klantnummer
account-numbers-number-help = De 9 cijfers van uw klantnummer, bijvoorbeeld 951 234 567. Spaties, punten en streepjes mogen.
account-numbers-name = Naam
account-numbers-name-help = Optioneel. Een naam waaraan u het herkent, zoals Magazijn Antwerpen.
account-numbers-add-submit = Klantnummer toevoegen
account-numbers-added = Klantnummer { $number } is toegevoegd.
account-numbers-resaved = Klantnummer { $number } stond al in uw lijst. De naam is bijgewerkt.
account-numbers-list-title = Uw klantnummers
account-numbers-loading = Uw klantnummers worden geladen…
account-numbers-empty = U hebt nog geen klantnummers opgeslagen. Voeg er hierboven een toe, dan kiest u het snel bij een bestelling.
account-numbers-retry = Opnieuw proberen
account-numbers-no-name = Geen naam
account-numbers-rename = Naam wijzigen
account-numbers-remove = Verwijderen
account-numbers-save-name = Opslaan
account-numbers-cancel = Annuleren
account-numbers-renamed = De naam van { $number } is opgeslagen.
account-numbers-remove-question = Dit klantnummer verwijderen?
account-numbers-remove-history = Dit heeft geen effect op uw bestelgeschiedenis: de bestellingen die u met dit nummer plaatste, blijven zichtbaar.
account-numbers-confirm-remove = Verwijderen
account-numbers-removed = Klantnummer { $number } is verwijderd. Uw bestelgeschiedenis blijft ongewijzigd.
account-numbers-gone = Dit klantnummer was al verwijderd, misschien op een andere computer. De lijst is bijgewerkt.

## Address book
address-add = Adres toevoegen
address-form-title-add = Nieuw adres
address-form-title-edit = Adres wijzigen
address-company = Bedrijf
address-contact = Contactpersoon
address-country = Land
address-countries-near = België en buurlanden
address-countries-other = Andere EU-landen
address-street = Straat
address-number = Nummer
address-box = Bus
address-postal-code = Postcode
address-city = Gemeente
address-phone = Telefoonnummer
address-phone-help = Voor België en de buurlanden volstaat een nationaal nummer zoals 02 123 45 67: de landcode wordt voor u toegevoegd. Voor andere landen begint u met + en de landcode.
address-email = E-mailadres
address-note = Opmerking voor de chauffeur
address-note-help = Bijvoorbeeld waar er geleverd moet worden of welke ingang de chauffeur neemt. Maximaal 200 tekens.
address-note-count = { $count } van { $max } tekens
address-note-too-long = Een opmerking voor de chauffeur mag maximaal 200 tekens lang zijn.
address-submit-add = Adres toevoegen
address-submit-edit = Wijzigingen opslaan
address-cancel = Annuleren
address-added = { $company } is toegevoegd aan uw adresboek.
address-saved = Het adres van { $company } is opgeslagen.
address-edit-gone = Dit adres werd intussen verwijderd, misschien op een andere computer, en kon dus niet gewijzigd worden. Wat u invulde, staat er nog: sla het op om het als nieuw adres toe te voegen.
address-list-title = Uw adressen
address-loading = Uw adressen worden geladen…
address-empty = Uw adresboek is nog leeg. Voeg de adressen toe waar u verzendmateriaal laat leveren, dan kiest u ze snel bij een bestelling.
address-retry = Opnieuw proberen
address-box-label = bus
address-edit = Wijzigen
address-delete = Verwijderen
address-delete-question = Dit adres verwijderen?
address-delete-orders = Eerdere bestellingen behouden hun eigen kopie van het adres.
address-confirm-delete = Verwijderen
address-deleted = Het adres van { $company } is verwijderd. Eerdere bestellingen behouden hun eigen kopie.
address-gone = Dit adres was al verwijderd, misschien op een andere computer. De lijst is bijgewerkt.

## Postal codes, explained with the format of the chosen country
address-postal-code-invalid-be = Een Belgische postcode heeft 4 cijfers, zoals 1000.
address-postal-code-invalid-nl = Een Nederlandse postcode heeft 4 cijfers en 2 letters, zoals 1234 AB.
address-postal-code-invalid-lu = Een Luxemburgse postcode heeft 4 cijfers, zoals 1234 of L-1234.
address-postal-code-invalid-fr = Een Franse postcode heeft 5 cijfers, zoals 75001.
address-postal-code-invalid-de = Een Duitse postcode heeft 5 cijfers, zoals 10115.

## Countries, by ISO 3166-1 code
country-be = België
country-nl = Nederland
country-lu = Luxemburg
country-fr = Frankrijk
country-de = Duitsland
country-at = Oostenrijk
country-cz = Tsjechië
country-dk = Denemarken
country-es = Spanje
country-ie = Ierland
country-it = Italië
country-pl = Polen
country-pt = Portugal
country-se = Zweden

## Field errors of these pages
field-error-invalid_account_number = Een klantnummer heeft 9 cijfers, zoals 951 234 567.
field-error-invalid_postal_code = Deze postcode bestaat niet in het gekozen land.
field-error-invalid_country = Kies een land uit de lijst.
