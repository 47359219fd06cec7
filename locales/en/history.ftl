## Order history
history-retention = Order data is deleted after { $days } days. The Track & Trace link disappears { $trackDays } days after an order is completed.
history-offline = There is no connection to the service: this is the copy of your order history kept on this computer.
history-list-title = Your orders
history-filter-status = Status
history-filter-account = Account number
history-filter-all = All
history-filters-label = Filter orders
history-filter-search = Order or tracking number
history-filter-search-placeholder = e.g. OSO-2026-000042
history-filter-from = Order date from
history-filter-to = Order date to
history-account-option = { $number } – { $name }
history-status-received = Received
history-status-in_progress = In progress
history-status-shipped = Shipped
history-status-completed = Completed
history-status-cancelled = Cancelled
history-column-order_number = Order number
history-column-created_at = Order date
history-column-status = Status
history-column-account_number = Account number
history-column-company = Company
history-column-packs = Packs
history-sorted-ascending = Sorted by { $column }, ascending.
history-sorted-descending = Sorted by { $column }, descending.
history-loading = Loading your orders…
history-empty = You have not placed any orders yet. Orders you place appear here.
history-empty-filtered = No orders match these filters.
history-clear-filters = Clear filters
history-retry = Try again
history-paging = Pages of orders
history-prev = Previous
history-next = Next
history-range = { $first }–{ $last } of { $total }
history-range-more = { $first }–{ $last } of more than { $total }
history-details-title = Order { $orderNumber }
history-details-close = Close
history-details-loading = Loading the order details…
history-details-address = Delivery address
history-details-no-address = No delivery address was kept for this order.
history-details-ordered-by = Ordered by
history-details-unknown = Unknown
history-details-tracking-number = Tracking number
history-details-lines = Ordered supplies
history-details-not-sold = no longer sold
history-details-progress = Progress
history-progress-done = (passed)
history-progress-current = (current status)
history-progress-todo = (not reached yet)
history-track = Track & Trace
history-cancel = Cancel order
history-cancel-question = Cancel this order?
history-cancel-consequence = The order will not be prepared or delivered. This cannot be undone.
history-cancel-confirm = Yes, cancel the order
history-cancel-keep = Keep the order
history-cancelled = Order { $orderNumber } has been cancelled.

## Export and order again
history-export = Export as CSV
history-export-done = { $orders } ({ $lines }) saved to { $path }.
history-orders =
    { $count ->
        [one] { $count } order
       *[other] { $count } orders
    }
history-export-truncated = Only the first { $max } orders fit in one file. Narrow the filters to export the rest.
history-export-open = Open the file
history-export-dialog-title = Export the order history
history-export-file-type = CSV file (spreadsheet)
history-again = Order again

## Column headers of the exported CSV file
history-csv-order_number = Order number
history-csv-created_at = Order date
history-csv-status = Status
history-csv-account_number = Account number
history-csv-company = Company
history-csv-contact_person = Contact person
history-csv-street = Street
history-csv-number = Number
history-csv-box_number = Box
history-csv-postal_code = Postal code
history-csv-city = City
history-csv-country = Country
history-csv-ordered_by = Ordered by
history-csv-tracking_number = Tracking number
history-csv-sku = Item code
history-csv-item = Item
history-csv-packs = Packs
