//! Parts of a page that lay out by the width of their own box (CSS container queries), not by
//! the window's: the sidebar beside the pages comes and goes with the window's width and the
//! zoom, so a narrower window (at a larger zoom, the sidebar gone) can leave the page wider than
//! a wider one with the sidebar. The order's step 3, its filters and its supplies, at three
//! sizes: full width, the smallest window OSO allows, and zoomed in to 175 %.

use serde_json::{json, Value};

use crate::app::{Launch, RunningApp};
use crate::{temp_data_dir, visible_step, PASSWORD};

/// The widths that decide, and the columns of the grids laid out by them.
const LAYOUT: &str = "
    const columns = (element) => getComputedStyle(element).gridTemplateColumns.split(' ').length;
    const card = document.getElementById('order-step-3');
    const style = getComputedStyle(card);
    return {
      window: window.innerWidth,
      sidebar_beside: columns(document.body) === 2,
      card: card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      filters: columns(card.querySelector('.supply-filters')),
      supplies: columns(card.querySelector('.supply')),
      overflows: document.getElementById('content').scrollWidth > document.getElementById('content').clientWidth,
      footer_in_one_row: document.getElementById('order-back').getBoundingClientRect().top
        === document.getElementById('order-next').getBoundingClientRect().top,
    };";

fn layout(app: &RunningApp) -> Value {
    app.ui().execute(LAYOUT, vec![]).expect("the layout")
}

/// Waits until the layout has `filters` and `supplies` columns (a resize is laid out a moment
/// after the window has its new size), and answers it.
fn wait_for_columns(app: &RunningApp, filters: u64, supplies: u64) -> Value {
    app.ui()
        .wait_until(&format!("{filters} and {supplies} columns"), || {
            let now = layout(app);
            Ok((now["filters"] == filters && now["supplies"] == supplies).then_some(now))
        })
}

/// A screenshot with the filters and the first supplies in view, after the last supply has been
/// brought into view: however far the page scrolls, the window itself must not (its top bar
/// stays where it is).
fn screenshot(app: &mut RunningApp, step: &str) {
    let document_scrolled = app.ui().execute(
        "document.querySelector('#order-step-3 .supply:last-of-type').scrollIntoView({ block: 'end' });
         document.querySelector('#order-step-3 .supply-filters').scrollIntoView({ block: 'start' });
         const root = document.scrollingElement;
         return [root.scrollTop, root.scrollLeft];",
        vec![],
    );
    assert_eq!(
        document_scrolled,
        Ok(json!([0, 0])),
        "{step}: the window itself scrolled"
    );
    app.screenshot(step);
}

/// Through steps 1 and 2 to the supplies.
fn to_the_supplies(app: &RunningApp) {
    let _ = app
        .ui()
        .execute("window.location.hash = '#/new-order';", vec![]);
    visible_step(app, 1);
    app.ui().find("#order-saved-numbers-loading[hidden]");
    app.ui().type_into("#order-account-number", "951 234 567");
    app.ui().click_on("#order-next");
    visible_step(app, 2);
    for (field, text) in [
        ("company", "Zebra Parcels BV"),
        ("contact", "Ann Peeters"),
        ("street", "Meir"),
        ("number", "12"),
        ("postal-code", "2000"),
        ("city", "Antwerpen"),
        ("phone", "03 223 45 67"),
        ("email", "layout@zebra.example"),
    ] {
        app.ui().type_into(&format!("#order-address-{field}"), text);
    }
    app.ui().click_on("#order-next");
    visible_step(app, 3);
    app.ui().find("#order-supplies .supply");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_supplies_step_lays_out_by_the_width_of_its_card_not_of_the_window() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("container-layout", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "layout@zebra.example", PASSWORD);
    to_the_supplies(&app);

    // Full width: the filters side by side, each supply with its quantity beside it.
    let wide = wait_for_columns(&app, 3, 3);
    screenshot(&mut app, "full-width");

    // The smallest window: the sidebar stays beside the page, and the card is too narrow for
    // three columns: the search above the two lists, the quantity under the supply's text.
    app.ui().set_window_rect(0, 0, 820, 560);
    let smallest = wait_for_columns(&app, 2, 2);
    screenshot(&mut app, "smallest-window");

    // A wider window than that at 175 %: fewer page pixels across than the smallest window, but
    // the sidebar goes above the page, and the card is wide enough for three columns again.
    app.ui().set_window_rect(0, 0, 1225, 760);
    let levels: Vec<Value> = (0..4)
        .map(|_| {
            app.invoke("zoom_step", json!({ "step": "in" }))
                .expect("zoomed in")
        })
        .collect();
    assert_eq!(levels.last(), Some(&json!(1.75)), "{levels:?}");
    let zoomed = wait_for_columns(&app, 3, 3);
    screenshot(&mut app, "zoomed-in");

    let summary = format!("full width {wide}, smallest {smallest}, zoomed {zoomed}");
    assert_eq!(wide["sidebar_beside"], true, "{summary}");
    assert_eq!(smallest["sidebar_beside"], true, "{summary}");
    assert_eq!(zoomed["sidebar_beside"], false, "{summary}");
    let width = |layout: &Value, of: &str| layout[of].as_f64().unwrap_or_default();
    assert!(
        width(&zoomed, "window") < width(&smallest, "window")
            && width(&zoomed, "card") > width(&smallest, "card"),
        "{summary}"
    );
    for layout in [&wide, &smallest, &zoomed] {
        assert_eq!(
            layout["overflows"], false,
            "nothing runs out sideways: {summary}"
        );
        assert_eq!(
            layout["footer_in_one_row"], true,
            "Back, the total and Next in one row: {summary}"
        );
    }
}
