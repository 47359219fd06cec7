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
    AboutMetadata, Menu, MenuEvent, MenuItemBuilder, MenuItemKind, PredefinedMenuItem,
    Submenu as NativeSubmenu, SubmenuBuilder, HELP_SUBMENU_ID, WINDOW_SUBMENU_ID,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::l10n::Locales;
use crate::window;

/// The event that tells the main window which of OSO's items was chosen (the action's name).
pub const ACTION_EVENT: &str = "menu-action";

/// The id of the menu [`build`] makes, which tells it from Tauri's default menu.
const MENU_ID: &str = "oso-application-menu";

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

/// One of OSO's own items, with its keys.
const fn act(id: &'static str, label: &'static str, keys: &'static str) -> Item {
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
        items: &[act("new-order", "menu-new-order", "CmdOrCtrl+N")],
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
            act("page-new-order", "nav-new-order", "CmdOrCtrl+1"),
            act("page-order-history", "nav-order-history", "CmdOrCtrl+2"),
            act("page-personal-data", "nav-personal-data", "CmdOrCtrl+3"),
            act("page-account-numbers", "nav-account-numbers", "CmdOrCtrl+4"),
            act("page-address-book", "nav-address-book", "CmdOrCtrl+5"),
            act("page-esecure", "nav-esecure", "CmdOrCtrl+6"),
            Item::Separator,
            act("find", "menu-find", "CmdOrCtrl+F"),
            Item::Separator,
            act("zoom-in", "menu-zoom-in", "CmdOrCtrl+="),
            act("zoom-out", "menu-zoom-out", "CmdOrCtrl+-"),
            act("zoom-reset", "menu-zoom-reset", "CmdOrCtrl+0"),
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
        items: &[act("shortcuts", "menu-shortcuts", "F1")],
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
    let menu = Menu::with_id(manager, MENU_ID)?;
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

/// Puts the labels of `catalogue` on a menu [`build`] made (after a language switch: relabelled
/// in place, the menu keeps its items and their keys).
fn relabel<R: Runtime>(menu: &Menu<R>, catalogue: &Catalogue) -> tauri::Result<()> {
    let say = |id: &str| catalogue.say(id, &[]);
    for (native, submenu) in menu.items()?.iter().zip(&MENU) {
        let Some(native) = native.as_submenu() else {
            continue;
        };
        native.set_text(say(submenu.label))?;
        for (item, modelled) in native.items()?.iter().zip(submenu.items) {
            match (item, modelled) {
                (MenuItemKind::MenuItem(item), Item::Action(action)) => {
                    item.set_text(say(action.label))?;
                }
                (MenuItemKind::Predefined(item), Item::Os(os)) => item.set_text(say(os.label()))?,
                _ => {}
            }
        }
    }
    Ok(())
}

/// Whether this desktop shows the menu bar: a Mac always; elsewhere only when asked for.
pub fn wanted() -> bool {
    #[cfg(target_os = "macos")]
    let wanted = true;
    #[cfg(not(target_os = "macos"))]
    let wanted = std::env::var(MENU_ENV).is_ok_and(|value| value == "1");
    wanted
}

/// Shows the menu bar in `language` where the desktop expects one, or relabels the one shown
/// after a language switch. A menu that cannot be built is logged, and the one before stays (on
/// a Mac, Tauri's English default until the first).
pub fn install(app: &AppHandle, locales: &Locales, language: Language) {
    if !wanted() {
        return;
    }
    let catalogue = locales.catalogue(language);
    let shown = match app.menu() {
        Some(ours) if ours.id() == MENU_ID => relabel(&ours, catalogue),
        _ => build(app, catalogue).and_then(|menu| app.set_menu(menu).map(drop)),
    };
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
mod tests;
