## Application frame
app-name = OSO
app-tagline = Online Supplies Ordering
skip-to-content = Skip to content
main-navigation = Main navigation
language-selector = Language

## The language selector shows each language in its own name
language-name-nl = Nederlands
language-name-en = English
language-name-fr = Français
language-name-pseudo = Pseudo-English (en-XA, for testing)

## Navigation (the manual's tabs)
nav-new-order = New order
nav-order-history = Order history
nav-personal-data = Personal data
nav-account-numbers = Manage account numbers
nav-address-book = Address book
nav-esecure = eSecure
nav-log-out = Log out
## The window title while signed in
window-title-page = { $page } — { $app }

## Pages
page-new-order-intro = Order shipping supplies in four steps: account number, delivery address, supplies, review.
page-order-history-intro = The orders you placed, and every order on the account numbers you administer under eSecure.
page-personal-data-intro = Manage your profile, change your password, ask to be forgotten, or set how OSO starts on this computer.
page-account-numbers-intro = Add or remove the account numbers you use for new orders. Saving or removing one never changes which orders your history shows.
page-address-book-intro = Keep the delivery addresses you use, to choose them quickly when you order. Deleting one does not change your order history.
page-esecure-intro = Approve or reject who may use the account numbers you administer, and add authorised users and administrators.

## Connection to the service
connection-checking = Connecting…
connection-connected = Connected
connection-disconnected = Not connected
connection-service-version = service { $version }
connection-embedded = built-in service
connection-disconnected-hint = The service cannot be reached. OSO keeps trying every few seconds.

## A service reached without encryption
insecure-service-warning = Warning: the service at { $url } is reached without encryption, because allow_insecure_service is set in settings.toml. Passwords and orders can be read on the network. Ask your administrator for an https:// address.
start-refused-insecure-service = OSO does not connect to { $url } (set in { $origin }): that address is not encrypted (http://) and not on this computer, so passwords and orders could be read on the network. Use an https:// address, or, only if your administrator accepts the risk, set { $setting } = true in { $file }. Then start OSO again.

## The keyboard shortcuts (F1)
shortcuts-title = Keyboard shortcuts
shortcuts-new-order = A new order
shortcuts-pages = The pages, in the order of the menu on the left
shortcuts-zoom = Larger, smaller, back to normal size
shortcuts-esecure = On a request in eSecure: approve, reject
shortcuts-find = Search in this page
shortcuts-find-keys = Ctrl + F
shortcuts-help = This list
shortcuts-close = Close
shortcuts-new-order-keys = Ctrl + N
shortcuts-pages-keys = Ctrl + 1 … 6
shortcuts-zoom-keys = Ctrl + + / − / 0
shortcuts-esecure-keys = A / R
shortcuts-help-keys = F1 / ?

## The application menu (a Mac's menu bar; elsewhere with OSO_APPLICATION_MENU=1). The pages in
## the View menu are named as in the navigation.
menu-app = OSO
menu-about = About OSO
menu-hide = Hide OSO
menu-hide-others = Hide others
menu-show-all = Show all
menu-quit = Quit OSO
menu-file = File
menu-new-order = New order
menu-edit = Edit
menu-undo = Undo
menu-redo = Redo
menu-cut = Cut
menu-copy = Copy
menu-paste = Paste
menu-select-all = Select all
menu-view = View
menu-find = Search in this page
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-zoom-reset = Actual size
menu-window = Window
menu-minimize = Minimise
menu-close-window = Close window
menu-help = Help
menu-shortcuts = Keyboard shortcuts
