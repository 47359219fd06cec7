//! What the tray and the request notifications say, in the display language.

use oso_core::Language;

use super::WatchStatus;
use crate::state::AppState;
use crate::tray::TrayTexts;
use oso_desktop::client::esecure::AccessRequest;

pub(super) fn texts(state: &AppState, language: Language, status: &WatchStatus) -> TrayTexts {
    let catalogue = state.locales.catalogue(language);
    // Someone who administers nothing has no open requests to count.
    let count = if status.administrator {
        status.open_requests
    } else {
        0
    };
    let esecure = catalogue.say("tray-esecure", &[("count", count.into())]);
    let tooltip = catalogue.say("tray-tooltip", &[("count", count.into())]);
    let requests = status
        .newest
        .iter()
        .filter(|_| status.administrator)
        .map(|request| {
            (
                request.id,
                format!("{} · {}", request.email, group(&request.account_number)),
            )
        })
        .collect();
    TrayTexts {
        open: catalogue.say("tray-open", &[]),
        esecure,
        quit: catalogue.say("tray-quit", &[]),
        tooltip,
        approve: catalogue.say("esecure-approve", &[]),
        reject: catalogue.say("esecure-reject", &[]),
        requests,
        listed_for: status.user.clone(),
    }
}

pub(super) fn notification_text(
    state: &AppState,
    language: Language,
    news: &[AccessRequest],
) -> (String, String) {
    let catalogue = state.locales.catalogue(language);
    // One request is named (who, which number); several are counted.
    let (email, number) = match news {
        [one] => (one.email.clone(), group(&one.account_number)),
        _ => (String::new(), String::new()),
    };
    let body = catalogue.say(
        "esecure-notification",
        &[
            ("count", (news.len() as i64).into()),
            ("email", email.into()),
            ("number", number.into()),
        ],
    );
    (catalogue.say("esecure-notification-title", &[]), body)
}

/// `951 234 567`, as the UI shows account numbers.
pub fn group(number: &str) -> String {
    if number.len() == 9 && number.bytes().all(|b| b.is_ascii_digit()) {
        format!("{} {} {}", &number[..3], &number[3..6], &number[6..])
    } else {
        number.to_owned()
    }
}
