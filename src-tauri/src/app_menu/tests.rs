//! The menu against the UI (its navigation, its actions), the catalogues and Tauri.

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
            std::iter::once(submenu.label).chain(submenu.items.iter().filter_map(
                |item| match item {
                    Item::Action(action) => Some(action.label),
                    Item::Os(os) => Some(os.label()),
                    Item::Separator => None,
                },
            ))
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

#[test]
fn a_menu_relabelled_in_another_language_reads_as_one_built_in_it() {
    let app = tauri::test::mock_app();
    let locales = Locales::load().expect("the shipped catalogues");
    let labels = |menu: &Menu<tauri::test::MockRuntime>| -> Vec<String> {
        let mut labels = Vec::new();
        for submenu in menu.items().expect("submenus") {
            let submenu = submenu.as_submenu().expect("a submenu").clone();
            labels.push(submenu.text().expect("label"));
            for item in submenu.items().expect("items") {
                match item {
                    MenuItemKind::MenuItem(item) => labels.push(item.text().expect("label")),
                    MenuItemKind::Predefined(item) => labels.push(item.text().expect("label")),
                    _ => {}
                }
            }
        }
        labels
    };
    let menu = build(&app, locales.catalogue(Language::Nl)).expect("built in Dutch");
    let dutch = labels(&menu);
    relabel(&menu, locales.catalogue(Language::Fr)).expect("relabelled");
    let french = build(&app, locales.catalogue(Language::Fr)).expect("built in French");
    assert_eq!(labels(&menu), labels(&french));
    assert_ne!(labels(&menu), dutch);
    assert_eq!(menu.id().as_ref(), MENU_ID);
}
