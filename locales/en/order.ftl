## New order: the four-step order wizard
order-steps-label = Order steps
order-step-account = Account number
order-step-address = Delivery address
order-step-supplies = Supplies
order-step-review = Review
order-back = Back
order-next = Next
order-back-to-review = Back to review
order-confirm = Confirm order
order-edit = Edit

## Step 1: account number
order-step-account-title = 1. Account number
order-step-account-intro = Which customer account number is this order for? Choose one you saved, or type it.
order-saved-numbers = Your saved account numbers
order-save-account-number = Save this account number for next time

## Step 2: delivery address
order-step-address-title = 2. Delivery address
order-step-address-intro = Where should the supplies be delivered? Type the address, or choose it from your address book.
order-choose-address = Choose from address book
order-address-from-book = Taken from your address book
order-address-book-title = Your address book
order-address-book-empty = Your address book is empty. Type the address below and tick “Save this address to my address book” to choose it quickly next time.
order-address-chosen = The address of { $company } has been filled in. Check it before you continue.
order-save-address = Save this address to my address book

## Step 3: supplies
order-step-supplies-title = 3. Supplies
order-step-supplies-intro = Enter how many packs of each item you need. Search and filter to find items quickly.
order-filters-label = Find supplies
order-search = Search
order-search-placeholder = Name, material or article code
order-search-button = Search
order-category = Category
order-category-all = All categories
order-size = Size
order-size-all = All sizes
order-results-count = { $shown } of { $total } items shown
order-catalogue-loading = Loading the supplies…
order-retry = Try again
order-supplies-empty = No supplies match your search and filters.
order-clear-filters = Show all supplies
order-unavailable-title = No longer available
order-remove-line = Remove from order
order-spec-outer = Outer dimensions
order-spec-inner = Inner dimensions
order-spec-weight = Maximum content weight
order-spec-material = Material
order-spec-units = Units per pack
order-spec-max = Maximum per order
order-dimensions-3 = { $length } × { $width } × { $height } mm
order-dimensions-2 = { $length } × { $width } mm
order-weight-g = { $weight } g
order-weight-kg = { $weight } kg
order-quantity = Packs
order-quantity-minus = −
order-quantity-plus = +
order-quantity-minus-label = One pack less of { $name }
order-quantity-plus-label = One pack more of { $name }
order-packs =
    { $count ->
        [one] { $count } pack
       *[other] { $count } packs
    }
order-items =
    { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
order-item-at-maximum = You have reached the maximum of { $packs } per order.
order-item-over-maximum = The maximum is { $packs } per order. Lower the quantity to continue.
order-total = Your order: { $lines }, { $packs } of { $max } packs
order-total-at = Your order has reached the maximum of { $max } packs.
order-total-over = Your order has { $total } packs, more than the maximum of { $max } packs per order. Lower some quantities to continue.
order-lines-required = Enter a number of packs for at least one item.

## Step 4: review
order-step-review-title = 4. Review
order-step-review-intro = Check your order. Use Edit to change a part; when everything is right, confirm the order.
order-review-save-number = This account number will be saved for next time.
order-review-save-address = This address will be saved to your address book.
order-review-item = Item
order-review-code = Article code
order-review-packs = Packs
order-review-total = Total
order-review-offline = The service cannot be reached right now. If you confirm, the order waits on this computer and is sent as soon as the service is reachable again.
order-not-saved = Your order could not be saved on this computer, so it has not been sent. Please try again.

## After confirming
order-result-accepted-title = Thank you, your order has been placed
order-result-number = Order number:
order-result-accepted-text = You will receive a confirmation by e-mail. You can follow the order in Order history.
order-result-waiting-title = Waiting to be sent
order-result-waiting-text = The service cannot be reached right now. Your order is kept on this computer and will be sent as soon as the service is reachable again. You can follow it under Drafts and queued orders.
order-result-refused-title = Your order was refused
order-result-refused-text = The service did not accept this order. Open it under Drafts and queued orders to see why, correct it and confirm it again.
order-new = Start a new order

## Drafts, the connection and the queue
order-resume-text = You have an unfinished order from { $time }.
order-resume = Resume
order-discard = Discard
order-resume-discarded = The unfinished order has been discarded.
order-save-failed = Your latest changes could not be saved on this computer.
order-offline-title = The service cannot be reached.
order-offline-text = You can keep working on your order. When you confirm it, it waits on this computer and is sent as soon as the service is reachable again.
order-drafts-title = Drafts and queued orders
order-drafts-loading = Loading…
order-drafts-empty = There are no unfinished or queued orders.
order-draft-state-editing = Unfinished
order-draft-state-waiting = Waiting to be sent
order-draft-state-accepted = Accepted
order-draft-state-refused = Refused
order-draft-no-number = No account number yet
order-draft-contents = { $lines }, { $packs }
order-draft-updated = Last changed { $time }
order-draft-order-number = Order number { $number }
order-draft-current = Open above
order-draft-refusal = Reason: { $reason }
order-draft-open = Open
order-draft-discard = Discard
order-draft-remove = Remove from list
order-draft-discard-question = Discard this order? What you entered will be lost.
order-draft-confirm-discard = Discard
order-draft-cancel = Cancel
order-draft-discarded = The order has been discarded.
order-sent-accepted = A queued order has been sent and accepted. Its order number is { $number }.
order-sent-refused = A queued order was refused by the service. Open it under Drafts and queued orders to correct it.

## Field errors of an order
field-error-over_item_maximum = This is more of this item than one order may hold. Lower the quantity.
field-error-over_order_maximum = This order holds more packs than one order may. Lower some quantities.
field-error-not_sold = This item is no longer available. Remove it from the order.
field-error-duplicate = This item is in the order twice. Keep it once.
field-error-too_small = Enter 1 or more.
field-error-too_large = This number is too large.
field-error-invalid_quantity = Enter a whole number, such as 3.
field-error-needs_approval = You can use this account number once its administrator approves your request (eSecure).

## Order again
order-reorder-text = Order { $orderNumber } has been copied into a new order. Check it, then confirm.
order-reorder-unavailable = These items are no longer sold and were left out:
order-reorder-line = { $name } ({ $sku }): { $packs }

## eSecure: an order for a protected account number
order-draft-state-approval = Waiting for approval
order-draft-approval = The administrators of account number { $number } were asked to approve you. This order is sent as soon as they do.
order-draft-withdraw = Withdraw
order-esecure-approval_rejected = The administrators of account number { $number } rejected your request to use it.
order-esecure-access_refused = Account number { $number } only accepts requests from addresses at domains its administrators chose.
order-result-approval-title = Waiting for approval
order-result-approval-text = The administrators of account number { $number } were asked to approve you. Your order waits on this computer and is sent the moment they approve. Until then OSO stays in the tray when you close its window; if you quit OSO, the order is sent when OSO next starts.
order-sent-approval-refused = An order waiting for approval was refused: { $reason }

## What became of an order that waited for eSecure approval (a desktop notification)
order-approved-notification-title = Order placed
order-approved-notification-body = Your order { $number } for account number { $account } was approved and placed.
order-refused-notification-title = Order not placed
order-refused-notification-body = Your order for account number { $account } was not approved, so it was not placed. OSO shows why under New order.

## "Save for next time", done as soon as its step is left
order-remember-number-saved = Account number { $number } is saved for next time.
order-remember-number-offline = OSO is offline: the account number will be saved for next time as soon as the service answers again.
order-remember-number-failed = The account number could not be saved for next time: { $reason } Your order is not affected.
order-remember-address-saved = The address of { $company } is saved in your address book.
order-remember-address-offline = OSO is offline: the address will be saved in your address book as soon as the service answers again.
order-remember-address-failed = The address could not be saved in your address book: { $reason } Your order is not affected.
## Step 2 starts from the profile and the last order
order-address-prefilled = Filled in from your profile and your last order. Check it and change what is different this time.
order-address-prefilled-profile = Filled in from your profile. Check it and complete the address.
