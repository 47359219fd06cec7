//! Every page in the pseudo-locale (`en-XA`: English accented and about 40 % longer, offered only
//! with OSO_PSEUDO_LOCALE=1): no text is clipped or runs out of its box, which a longer
//! translation would otherwise find first; at 100 %, in the smallest window OSO allows (820 × 560)
//! and at 200 % zoom (where the window is half as wide in page pixels). Screenshots of each page.

use serde_json::Value;

use crate::app::{Launch, RunningApp};
use crate::{temp_data_dir, NAVIGATION};

const PASSWORD: &str = "tall giraffe eats blue kites";

/// Elements with text of their own that is wider than their box: clipped where the box hides
/// what overflows, running over its edge where it does not. Boxes that scroll are fine.
const OVERFLOWING: &str = "
    const found = [];
    for (const element of document.querySelectorAll('body *')) {
      if (!element.getClientRects().length || element.closest('[hidden], dialog:not([open]), .visually-hidden')) continue;
      if (element.matches('input, select, textarea, option, script, style, svg, svg *')) continue;
      const ownText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
      if (!ownText) continue;
      const style = getComputedStyle(element);
      if (['auto', 'scroll'].includes(style.overflowX) || style.display === 'inline') continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        found.push(`${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${[...element.classList].join('.')} \"${element.textContent.trim().slice(0, 40)}\" ${element.scrollWidth}>${element.clientWidth}`);
      }
    }
    return found;";

fn overflowing(app: &RunningApp) -> Vec<Value> {
    app.ui()
        .execute(OVERFLOWING, vec![])
        .expect("the check runs")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn choose_pseudo_locale(app: &RunningApp) {
    app.ui().click_on("#language-select option[value='en-XA']");
    app.ui().wait_until("the pseudo-locale", || {
        let lang = app
            .ui()
            .execute("return document.documentElement.lang;", vec![])?;
        Ok((lang == "en-XA").then_some(()))
    });
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn in_the_pseudo_locale_no_text_on_any_page_is_clipped_or_overflows_its_box() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "pseudo-locale",
        Launch::new(data.path()).env("OSO_PSEUDO_LOCALE", "1"),
    );
    let mut problems = Vec::new();
    app.ui().find("[data-auth-view='login']:not([hidden])");
    choose_pseudo_locale(&app);
    let heading = app.ui().text_of("#auth h1, #auth h2");
    assert!(!heading.is_ascii(), "accented: {heading}");
    problems.extend(
        overflowing(&app)
            .into_iter()
            .map(|found| format!("login: {found}")),
    );
    app.screenshot("login");
    app.sign_in_new_user(data.path(), "pseudo@zebra.example", PASSWORD);
    choose_pseudo_locale(&app);
    for zoom in ["100%", "smallest", "200%"] {
        if zoom == "smallest" {
            app.ui().set_window_rect(0, 0, 820, 560);
        }
        if zoom == "200%" {
            app.ui().set_window_rect(0, 0, 1120, 760);
            // Ctrl + up to the largest level there is.
            let levels: Vec<f64> = (0..8)
                .map(|_| {
                    app.invoke("zoom_step", serde_json::json!({ "step": "in" }))
                        .expect("zoomed in")
                        .as_f64()
                        .unwrap_or_default()
                })
                .collect();
            assert_eq!(levels.last(), Some(&2.0), "{levels:?}");
        }
        for tab in NAVIGATION.iter().filter(|tab| !tab.contains("log-out")) {
            // Clicked by the page itself: WebDriver's pointer misses at a zoom other than 100 %.
            app.ui()
                .execute(
                    "document.querySelector(arguments[0]).click();",
                    vec![serde_json::json!(tab)],
                )
                .expect("the tab is there");
            app.ui().find(&format!("{tab}[aria-current='page']"));
            std::thread::sleep(std::time::Duration::from_millis(300));
            let page = tab
                .trim_start_matches("a[data-page='")
                .trim_end_matches("']");
            problems.extend(
                overflowing(&app)
                    .into_iter()
                    .map(|found| format!("{page} at {zoom}: {found}")),
            );
            app.screenshot(&format!("{page}-{}", zoom.trim_end_matches('%')));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn without_the_switch_the_pseudo_locale_is_not_offered() {
    let data = temp_data_dir();
    let app = RunningApp::launch("no-pseudo-locale", Launch::new(data.path()));
    app.ui().find("[data-auth-view='login']:not([hidden])");
    let offered = app.ui().execute(
        "return [...document.querySelectorAll('#language-select option')].map((option) => option.value);",
        vec![],
    );
    assert_eq!(offered, Ok(serde_json::json!(["nl", "en", "fr"])));
    let refused = app.invoke(
        "l10n_set_language",
        serde_json::json!({ "language": "en-XA" }),
    );
    let payload = refused.expect("read as English");
    assert_eq!(payload["pseudo"], false);
    assert_eq!(payload["language"], "en");
}
