## Manage account numbers: the customer account numbers saved for new orders
account-numbers-add-title = Add an account number
account-numbers-number = Account number
account-numbers-number-help = The 9 digits of your account number, for example 951 234 567. Spaces, dots and dashes are fine.
account-numbers-name = Name
account-numbers-name-help = Optional. A name to recognise it by, such as Antwerp warehouse.
account-numbers-add-submit = Add account number
account-numbers-added = Account number { $number } has been added.
account-numbers-resaved = Account number { $number } was already in your list. Its name has been updated.
account-numbers-list-title = Your account numbers
account-numbers-loading = Loading your account numbers…
account-numbers-empty = You have not saved any account numbers yet. Add one above to choose it quickly when you order.
account-numbers-retry = Try again
account-numbers-no-name = No name
account-numbers-rename = Rename
account-numbers-remove = Remove
account-numbers-save-name = Save
account-numbers-cancel = Cancel
account-numbers-renamed = The name of { $number } has been saved.
account-numbers-remove-question = Remove this account number?
account-numbers-remove-history = Your order history is not affected: the orders you placed with this number stay visible.
account-numbers-confirm-remove = Remove
account-numbers-removed = Account number { $number } has been removed. Your order history is unchanged.
account-numbers-gone = This account number had already been removed, perhaps on another computer. The list has been updated.

## Address book
address-add = Add an address
address-form-title-add = New address
address-form-title-edit = Edit address
address-company = Company
address-contact = Contact person
address-country = Country
address-countries-near = Belgium and neighbouring countries
address-countries-other = Other EU countries
address-street = Street
address-number = Number
address-box = Box
address-postal-code = Postal code
address-city = City
address-phone = Phone number
address-phone-help = For Belgium and its neighbouring countries, a national number such as 02 123 45 67 is enough: the country code is added for you. For other countries, start with + and the country code.
address-email = E-mail address
address-note = Note for the driver
address-note-help = For example where to deliver or which entrance to use. At most 200 characters.
address-note-count = { $count } of { $max } characters
address-note-too-long = A note for the driver can have at most 200 characters.
address-submit-add = Add address
address-submit-edit = Save changes
address-cancel = Cancel
address-added = { $company } has been added to your address book.
address-saved = The address of { $company } has been saved.
address-edit-gone = This address was deleted in the meantime, perhaps on another computer, so it could not be changed. What you typed is still here: save it to add it as a new address.
address-list-title = Your addresses
address-loading = Loading your addresses…
address-empty = Your address book is empty. Add the addresses you have supplies delivered to, to choose them quickly when you order.
address-retry = Try again
address-box-label = box
address-edit = Edit
address-delete = Delete
address-delete-question = Delete this address?
address-delete-orders = Past orders keep their own copy of the address.
address-confirm-delete = Delete
address-deleted = The address of { $company } has been deleted. Past orders keep their own copy.
address-gone = This address had already been deleted, perhaps on another computer. The list has been updated.

## Postal codes, explained with the format of the chosen country
address-postal-code-invalid-be = A Belgian postal code has 4 digits, such as 1000.
address-postal-code-invalid-nl = A Dutch postal code has 4 digits and 2 letters, such as 1234 AB.
address-postal-code-invalid-lu = A Luxembourg postal code has 4 digits, such as 1234 or L-1234.
address-postal-code-invalid-fr = A French postal code has 5 digits, such as 75001.
address-postal-code-invalid-de = A German postal code has 5 digits, such as 10115.

## Countries, by ISO 3166-1 code
country-be = Belgium
country-nl = Netherlands
country-lu = Luxembourg
country-fr = France
country-de = Germany
country-at = Austria
country-cz = Czechia
country-dk = Denmark
country-es = Spain
country-ie = Ireland
country-it = Italy
country-pl = Poland
country-pt = Portugal
country-se = Sweden

## Field errors of these pages
field-error-invalid_account_number = An account number has 9 digits, such as 951 234 567.
field-error-invalid_postal_code = This postal code does not exist in the chosen country.
field-error-invalid_country = Choose a country from the list.
