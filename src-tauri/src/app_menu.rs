//! The application menu: the menu bar a Mac expects of every app (without its Edit menu the web
//! view does not even take ⌘C, ⌘V or ⌘Z, and ⌘Q must quit), in the display language. GNOME and
//! Windows 11 apps have no menu bar, so elsewhere it is shown only with
//! `OSO_APPLICATION_MENU=1`, to try it.
//!
//! The menu is data ([`MENU`]); [`build`] turns it into Tauri's menu. OSO's own items carry the
//! names of the UI's actions, and choosing one sends the main window [`ACTION_EVENT`] with that
//! name: the UI runs it with the same function as its keyboard shortcut (`runAction` in
//! `ui/js/lib/shortcuts.js`), under the same rules. The OS carries out the others (copy, hide,
//! quit…) itself.

use oso_core::{Catalogue, Language};
use tauri::menu::{
    AboutMetadata, Menu, MenuEvent, MenuItemBuilder, PredefinedMenuItem, Submenu as NativeSubmenu,
    SubmenuBuilder, HELP_SUBMENU_ID, WINDOW_SUBMENU_ID,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::l10n::Locales;
use crate::window;

/// The event that tells the main window which of OSO's items was chosen (the action's name).
pub const ACTION_EVENT: &str = "menu-action";

/// Set to `1` to show the menu bar where the desktop does not expect one (Linux, Windows).
#[cfg_attr(target_os = "macos", allow(dead_code))]
const MENU_ENV: &str = "OSO_APPLICATION_MENU";

/// One of OSO's own items: an action of the UI, its label (a Fluent id) and its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    /// The UI's name for the action, which `runAction` knows.
    pub id: &'static str,
    pub label: &'static str,
    /// As Tauri reads them: `CmdOrCtrl` is ⌘ on a Mac and Ctrl elsewhere.
    pub keys: Option<&'static str>,
}

/// An item the OS carries out, in the display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsItem {
    About,
    Hide,
    HideOthers,
    ShowAll,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    SelectAll,
    Minimize,
    CloseWindow,
}

impl OsItem {
    /// The Fluent id of its label.
    pub fn label(self) -> &'static str {
        match self {
            Self::About => "menu-about",
            Self::Hide => "menu-hide",
            Self::HideOthers => "menu-hide-others",
            Self::ShowAll => "menu-show-all",
            Self::Quit => "menu-quit",
            Self::Undo => "menu-undo",
            Self::Redo => "menu-redo",
            Self::Cut => "menu-cut",
            Self::Copy => "menu-copy",
            Self::Paste => "menu-paste",
            Self::SelectAll => "menu-select-all",
            Self::Minimize => "menu-minimize",
            Self::CloseWindow => "menu-close-window",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Action(Action),
    Os(OsItem),
    Separator,
}

/// What a submenu is to the OS: a Mac lists the windows in the Window menu and puts its help
/// search in the Help menu, and shows the app's name in place of the App menu's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    App,
    File,
    Edit,
    View,
    Window,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submenu {
    pub role: Role,
    pub label: &'static str,
    pub items: &'static [Item],
}

const fn page(id: &'static str, label: &'static str, keys: &'static str) -> Item {
    Item::Action(Action {
        id,
        label,
        keys: Some(keys),
    })
}

/// The menu bar, in the order of a Mac's menus. The View menu lists the pages in the order of
/// the navigation, with the keys the UI gives them (Ctrl+1 … Ctrl+6); the UI's name for "open
/// page X" is `page-X`.
pub const MENU: [Submenu; 6] = [
    Submenu {
        role: Role::App,
        label: "menu-app",
        items: &[
            Item::Os(OsItem::About),
            Item::Separator,
            Item::Os(OsItem::Hide),
            Item::Os(OsItem::HideOthers),
            Item::Os(OsItem::ShowAll),
            Item::Separator,
            Item::Os(OsItem::Quit),
        ],
    },
    Submenu {
        role: Role::File,
        label: "menu-file",
        items: &[Item::Action(Action {
            id: "new-order",
            label: "menu-new-order",
            keys: Some("CmdOrCtrl+N"),
        })],
    },
    Submenu {
        role: Role::Edit,
        label: "menu-edit",
        items: &[
            Item::Os(OsItem::Undo),
            Item::Os(OsItem::Redo),
            Item::Separator,
            Item::Os(OsItem::Cut),
            Item::Os(OsItem::Copy),
            Item::Os(OsItem::Paste),
            Item::Os(OsItem::SelectAll),
        ],
    },
    Submenu {
        role: Role::View,
        label: "menu-view",
        items: &[
            page("page-new-order", "nav-new-order", "CmdOrCtrl+1"),
            page("page-order-history", "nav-order-history", "CmdOrCtrl+2"),
            page("page-personal-data", "nav-personal-data", "CmdOrCtrl+3"),
            page("page-account-numbers", "nav-account-numbers", "CmdOrCtrl+4"),
            page("page-address-book", "nav-address-book", "CmdOrCtrl+5"),
            page("page-esecure", "nav-esecure", "CmdOrCtrl+6"),
            Item::Separator,
            Item::Action(Action {
                id: "find",
                label: "menu-find",
                keys: Some("CmdOrCtrl+F"),
            }),
            Item::Separator,
            Item::Action(Action {
                id: "zoom-in",
                label: "menu-zoom-in",
                keys: Some("CmdOrCtrl+="),
            }),
            Item::Action(Action {
                id: "zoom-out",
                label: "menu-zoom-out",
                keys: Some("CmdOrCtrl+-"),
            }),
            Item::Action(Action {
                id: "zoom-reset",
                label: "menu-zoom-reset",
                keys: Some("CmdOrCtrl+0"),
            }),
        ],
    },
    Submenu {
        role: Role::Window,
        label: "menu-window",
        items: &[Item::Os(OsItem::Minimize), Item::Os(OsItem::CloseWindow)],
    },
    Submenu {
        role: Role::Help,
        label: "menu-help",
        items: &[Item::Action(Action {
            id: "shortcuts",
            label: "menu-shortcuts",
            keys: Some("F1"),
        })],
    },
];

/// Every one of OSO's own items, in menu order.
pub fn actions() -> impl Iterator<Item = &'static Action> {
    MENU.iter()
        .flat_map(|submenu| submenu.items)
        .filter_map(|item| match item {
            Item::Action(action) => Some(action),
            _ => None,
        })
}

/// The action an item of the menu names; `None` for another menu's items (the tray's).
fn action(id: &str) -> Option<&'static Action> {
    actions().find(|action| action.id == id)
}

/// Tauri's menu for [`MENU`], labelled from `catalogue`.
pub fn build<R: Runtime, M: Manager<R>>(
    manager: &M,
    catalogue: &Catalogue,
) -> tauri::Result<Menu<R>> {
    let menu = Menu::new(manager)?;
    for submenu in &MENU {
        menu.append(&build_submenu(manager, catalogue, submenu)?)?;
    }
    Ok(menu)
}

fn build_submenu<R: Runtime, M: Manager<R>>(
    manager: &M,
    catalogue: &Catalogue,
    submenu: &Submenu,
) -> tauri::Result<NativeSubmenu<R>> {
    let say = |id: &str| catalogue.say(id, &[]);
    let id = match submenu.role {
        Role::Window => WINDOW_SUBMENU_ID,
        Role::Help => HELP_SUBMENU_ID,
        _ => submenu.label,
    };
    let mut builder = SubmenuBuilder::with_id(manager, id, say(submenu.label));
    for item in submenu.items {
        builder = match item {
            Item::Separator => builder.separator(),
            Item::Action(action) => {
                let mut item = MenuItemBuilder::with_id(action.id, say(action.label));
                if let Some(keys) = action.keys {
                    item = item.accelerator(keys);
                }
                builder.item(&item.build(manager)?)
            }
            Item::Os(os) => builder.item(&os_item(manager, *os, &say(os.label()))?),
        };
    }
    builder.build()
}

fn os_item<R: Runtime, M: Manager<R>>(
    manager: &M,
    item: OsItem,
    label: &str,
) -> tauri::Result<PredefinedMenuItem<R>> {
    let text = Some(label);
    match item {
        OsItem::About => {
            let about = AboutMetadata {
                name: Some("OSO".into()),
                version: Some(crate::VERSION.into()),
                ..Default::default()
            };
            PredefinedMenuItem::about(manager, text, Some(about))
        }
        OsItem::Hide => PredefinedMenuItem::hide(manager, text),
        OsItem::HideOthers => PredefinedMenuItem::hide_others(manager, text),
        OsItem::ShowAll => PredefinedMenuItem::show_all(manager, text),
        OsItem::Quit => PredefinedMenuItem::quit(manager, text),
        OsItem::Undo => PredefinedMenuItem::undo(manager, text),
        OsItem::Redo => PredefinedMenuItem::redo(manager, text),
        OsItem::Cut => PredefinedMenuItem::cut(manager, text),
        OsItem::Copy => PredefinedMenuItem::copy(manager, text),
        OsItem::Paste => PredefinedMenuItem::paste(manager, text),
        OsItem::SelectAll => PredefinedMenuItem::select_all(manager, text),
        OsItem::Minimize => PredefinedMenuItem::minimize(manager, text),
        OsItem::CloseWindow => PredefinedMenuItem::close_window(manager, text),
    }
}

/// Shows the menu bar in `language` where the desktop expects one (also to relabel it after a
/// language switch: it is built anew). A menu that cannot be built is logged, and the one before
/// stays (on a Mac, Tauri's English default until the first).
pub fn install(app: &AppHandle, locales: &Locales, language: Language) {
    // A Mac always; elsewhere only when asked for.
    #[cfg(target_os = "macos")]
    let wanted = true;
    #[cfg(not(target_os = "macos"))]
    let wanted = std::env::var(MENU_ENV).is_ok_and(|value| value == "1");
    if !wanted {
        return;
    }
    let shown = build(app, locales.catalogue(language)).and_then(|menu| app.set_menu(menu));
    if let Err(error) = shown {
        tracing::warn!(%error, "cannot show the application menu");
    }
}

/// An item of OSO's own was chosen: the window comes forward (it may be in the tray) and runs
/// it. Other menus' items (the tray's) are theirs to handle.
pub fn on_event(app: &AppHandle, event: MenuEvent) {
    let Some(action) = action(event.id().as_ref()) else {
        return;
    };
    window::focus_main(app);
    if let Err(error) = app.emit_to(window::MAIN, ACTION_EVENT, action.id) {
        tracing::warn!(%error, action = action.id, "cannot send a menu action to the window");
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::*;

    /// The UI's name for "open page X" is this prefix and the page's name.
    const PAGE_ACTION: &str = "page-";

    impl OsItem {
        /// The keys the OS gives it (none of OSO's own may take them).
        fn keys(self) -> Option<&'static str> {
            match self {
                Self::About | Self::ShowAll => None,
                Self::Hide => Some("CmdOrCtrl+H"),
                Self::HideOthers => Some("CmdOrCtrl+Alt+H"),
                Self::Quit => Some("CmdOrCtrl+Q"),
                Self::Undo => Some("CmdOrCtrl+Z"),
                Self::Redo => Some("CmdOrCtrl+Shift+Z"),
                Self::Cut => Some("CmdOrCtrl+X"),
                Self::Copy => Some("CmdOrCtrl+C"),
                Self::Paste => Some("CmdOrCtrl+V"),
                Self::SelectAll => Some("CmdOrCtrl+A"),
                Self::Minimize => Some("CmdOrCtrl+M"),
                Self::CloseWindow => Some("CmdOrCtrl+W"),
            }
        }
    }

    fn ui_file(path: &str) -> String {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("ui")
            .join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path:?}: {error}"))
    }

    /// The pages of the UI's navigation, in its order (`data-page` of the nav items).
    fn navigation_pages() -> Vec<String> {
        let html = ui_file("index.html");
        let nav = &html[html.find("id=\"main-nav\"").expect("the navigation")..];
        let nav = &nav[..nav.find("</nav>").expect("its end")];
        nav.split("class=\"nav-item")
            .skip(1)
            .filter_map(|item| {
                let tag = &item[..item.find('>')?];
                let start = tag.find("data-page=\"")? + "data-page=\"".len();
                Some(tag[start..][..tag[start..].find('"')?].to_owned())
            })
            .collect()
    }

    /// The string constant `name` of shortcuts.js.
    fn js_constant(js: &str, name: &str) -> String {
        let start = js
            .find(&format!("const {name} = \""))
            .unwrap_or_else(|| panic!("shortcuts.js has no {name}"))
            + format!("const {name} = \"").len();
        js[start..][..js[start..].find('"').expect("closing quote")].to_owned()
    }

    /// The names in shortcuts.js's `ACTIONS` table (the pages are `PAGE_ACTION` + page).
    fn js_actions(js: &str) -> BTreeSet<String> {
        let start = js
            .find("const ACTIONS = {")
            .expect("shortcuts.js has ACTIONS");
        let table = &js[start..][..js[start..].find("};").expect("its end")];
        table
            .lines()
            .skip(1)
            .filter_map(|line| {
                let name = line.trim().strip_prefix('"')?;
                Some(name[..name.find('"')?].to_owned())
            })
            .collect()
    }

    fn labels() -> Vec<&'static str> {
        MENU.iter()
            .flat_map(|submenu| {
                std::iter::once(submenu.label).chain(submenu.items.iter().filter_map(|item| {
                    match item {
                        Item::Action(action) => Some(action.label),
                        Item::Os(os) => Some(os.label()),
                        Item::Separator => None,
                    }
                }))
            })
            .collect()
    }

    #[test]
    fn every_label_of_the_menu_is_translated_in_dutch_english_and_french() {
        let locales = Locales::load().expect("the shipped catalogues");
        for language in Language::ALL {
            let catalogue = locales.catalogue(language);
            let missing: Vec<_> = labels()
                .into_iter()
                .filter(|id| catalogue.format(id, &[]).is_none())
                .collect();
            assert!(missing.is_empty(), "{language:?} lacks {missing:?}");
        }
    }

    #[test]
    fn every_key_is_one_the_menu_library_reads_and_no_two_items_share_one() {
        let os_keys = MENU
            .iter()
            .flat_map(|submenu| submenu.items)
            .filter_map(|item| match item {
                Item::Os(os) => os.keys(),
                _ => None,
            });
        let mut seen = std::collections::HashSet::new();
        for keys in actions().filter_map(|action| action.keys).chain(os_keys) {
            let read: muda::accelerator::Accelerator = keys
                .parse()
                .unwrap_or_else(|error| panic!("{keys}: {error}"));
            assert!(seen.insert(read), "{keys} is given twice");
        }
    }

    #[test]
    fn the_view_menu_lists_the_pages_of_the_navigation_in_its_order_under_ctrl_1_to_6() {
        let view = MENU
            .iter()
            .find(|submenu| submenu.role == Role::View)
            .expect("a View menu");
        let listed: Vec<(&str, &str, Option<&str>)> = view
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Action(action) if action.id.starts_with(PAGE_ACTION) => {
                    Some((action.id, action.label, action.keys))
                }
                _ => None,
            })
            .collect();
        let pages = navigation_pages();
        assert_eq!(pages.len(), 6, "the navigation: {pages:?}");
        let expected: Vec<(String, String, String)> = pages
            .iter()
            .enumerate()
            .map(|(n, page)| {
                (
                    format!("{PAGE_ACTION}{page}"),
                    format!("nav-{page}"),
                    format!("CmdOrCtrl+{}", n + 1),
                )
            })
            .collect();
        let listed: Vec<(String, String, String)> = listed
            .into_iter()
            .map(|(id, label, keys)| (id.into(), label.into(), keys.unwrap_or("").into()))
            .collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn every_item_of_oso_s_own_is_an_action_the_ui_runs() {
        let js = ui_file("js/lib/shortcuts.js");
        assert_eq!(js_constant(&js, "MENU_EVENT"), ACTION_EVENT);
        assert_eq!(js_constant(&js, "PAGE_ACTION"), PAGE_ACTION);
        assert!(
            js.contains("export function runAction(id)"),
            "shortcuts.js runs actions by name"
        );
        let named = js_actions(&js);
        let pages = navigation_pages();
        for action in actions() {
            let known = match action.id.strip_prefix(PAGE_ACTION) {
                Some(page) => pages.iter().any(|known| known == page),
                None => named.contains(action.id),
            };
            assert!(known, "runAction does not know {:?} ({named:?})", action.id);
        }
    }

    #[test]
    fn the_items_of_the_tray_s_menu_are_left_to_the_tray() {
        for tray_item in [
            crate::tray::OPEN,
            crate::tray::ESECURE,
            crate::tray::QUIT,
            "approve:12",
            "reject:12",
        ] {
            assert_eq!(action(tray_item), None, "{tray_item}");
        }
        assert!(crate::tray::APPROVE.ends_with(':') && crate::tray::REJECT.ends_with(':'));
        assert_eq!(
            action("page-esecure").map(|action| action.id),
            Some("page-esecure")
        );
    }

    #[test]
    fn the_menu_builds_in_every_language_with_its_labels_and_keys() {
        let app = tauri::test::mock_app();
        let locales = Locales::load().expect("the shipped catalogues");
        for language in Language::ALL {
            let catalogue = locales.catalogue(language);
            let menu = build(&app, catalogue).expect("the menu builds");
            let submenus = menu.items().expect("its submenus");
            assert_eq!(submenus.len(), MENU.len());
            for (native, model) in submenus.iter().zip(&MENU) {
                let native = native.as_submenu().expect("a submenu");
                assert_eq!(
                    native.text().expect("its label"),
                    catalogue.say(model.label, &[])
                );
                let items = native.items().expect("its items");
                assert_eq!(items.len(), model.items.len(), "{}", model.label);
                for (item, modelled) in items.iter().zip(model.items) {
                    if let Item::Action(action) = modelled {
                        let item = item.as_menuitem().expect("an item of OSO's");
                        assert_eq!(item.id().as_ref(), action.id);
                        assert_eq!(
                            item.text().expect("its label"),
                            catalogue.say(action.label, &[])
                        );
                    }
                }
            }
        }
    }
}
