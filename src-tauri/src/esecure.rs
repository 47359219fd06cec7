//! eSecure on this desktop: the summary followed in the background (looked at again when the
//! events stream says something moved; only while the stream is down every 3 s for an
//! administrator and every 30 s otherwise), the tray's count, a notification when a new request
//! arrives, and whether closing the window keeps OSO in the tray.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use oso_api::esecure::RequestsQuery;
use oso_core::AccessRequestStatus;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::Notify;

use crate::request_notice::OnAction;
use crate::state::AppState;
use crate::sync::lock;
use crate::tray::{self, TrayMenu};
use oso_desktop::client::esecure::{AccessRequest, Summary};
use oso_desktop::owner::UserId;

mod texts;

pub use texts::group;
use texts::{notification_text, texts};

/// While the events stream is down, an administrator still hears of a new request within
/// seconds (the brief allows five).
pub const ADMINISTRATOR_EVERY: Duration = Duration::from_secs(3);
/// Someone who administers nothing only needs to learn, now and then, that this changed.
pub const OTHERS_EVERY: Duration = Duration::from_secs(30);

/// Tells the UI the summary changed; its payload is the [`Summary`].
pub const CHANGED_EVENT: &str = "esecure-changed";

/// What the background watch knows; the UI and the tests read it with `esecure_status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WatchStatus {
    pub signed_in: bool,
    pub administrator: bool,
    pub open_requests: i64,
    /// Whether this desktop shows OSO's tray icon.
    pub tray_shown: bool,
    pub tray_label: String,
    pub tray_enabled: bool,
    /// Whether the service's events stream is open (else the watch polls).
    pub events_stream: bool,
    /// The tray icon's tooltip ("OSO: 3 open requests") and the requests its menu lists.
    pub tray_tooltip: String,
    pub tray_requests: Vec<i64>,
    /// Notifications of new requests since OSO started, and the last one's text.
    pub notifications: u32,
    pub last_notification: Option<String>,
    /// The user's choice, or the default (on for administrators).
    pub keep_in_tray: bool,
    /// Orders on this computer wait for an eSecure approval (OSO stays in the tray for them).
    pub orders_awaiting_approval: bool,
    /// Decisions taken from a notification's actions, and the last one (`approve 12`).
    pub notification_actions: u32,
    pub last_notification_action: Option<String>,
    /// Notifications of what became of orders that waited for approval, and the last one.
    pub order_notices: u32,
    pub last_order_notice: Option<String>,
    #[serde(skip)]
    known: BTreeSet<i64>,
    /// The newest open requests, for the tray's menu.
    #[serde(skip)]
    newest: Vec<AccessRequest>,
    /// The first summary after signing in only sets what is known: old requests are no news.
    #[serde(skip)]
    initialised: bool,
    /// Whose summary this is (unknown for a session kept by an older OSO): a notification or
    /// the tray's menu may decide for this login only.
    #[serde(skip)]
    user: Option<UserId>,
    /// Decisions dropped because another login was signed in when they were pressed.
    pub notification_actions_dropped: u32,
    /// The tray glyph, which follows the desktop's colour scheme: `for-dark-panel` or
    /// `for-light-panel`.
    pub tray_glyph: String,
}

#[derive(Debug, Default)]
pub struct EsecureWatch {
    status: Mutex<WatchStatus>,
    tray: Mutex<Option<TrayMenu>>,
    wake: Notify,
    /// Read by the window's close handler, which cannot wait for anything.
    hide_on_close: AtomicBool,
    /// The events stream is open: the watch looks when it is told to, never on a timer.
    pushed: AtomicBool,
    /// Told with every wake: the events stream starts as soon as someone signs in.
    session_moved: Notify,
    /// The notice shown the first time the window closes into the tray for waiting orders.
    tray_notice: Mutex<(String, String)>,
    tray_notice_shown: AtomicBool,
    /// What a notification's or the tray menu's action does, given at [`start`].
    on_action: Mutex<Option<OnAction>>,
}

impl EsecureWatch {
    pub fn status(&self) -> WatchStatus {
        lock(&self.status).clone()
    }

    /// Checks again now (after signing in or out, or a decision made here).
    pub fn wake(&self) {
        self.wake.notify_one();
        self.session_moved.notify_one();
    }

    /// Until the next [`Self::wake`] (a sign-in among them).
    pub async fn session_moved(&self) {
        self.session_moved.notified().await;
    }

    pub fn hide_on_close(&self) -> bool {
        self.hide_on_close.load(Ordering::Relaxed)
    }

    /// The notice to show as the window closes into the tray, the first time it does so for
    /// orders waiting for approval (an administrator chose the tray and needs none).
    pub fn closing_notice(&self) -> Option<(String, String)> {
        let status = lock(&self.status);
        let for_orders =
            status.orders_awaiting_approval && !(status.administrator && status.keep_in_tray);
        drop(status);
        if !for_orders || self.tray_notice_shown.swap(true, Ordering::AcqRel) {
            return None;
        }
        Some(lock(&self.tray_notice).clone())
    }

    /// A notification's action decided request `id`.
    pub fn record_action(&self, action: &str, id: i64) {
        let mut status = lock(&self.status);
        status.notification_actions += 1;
        status.last_notification_action = Some(format!("{action} {id}"));
    }

    /// The desktop's colour scheme changed: the tray's glyph follows it.
    pub fn follow_theme(&self, theme: tauri::Theme) {
        let tray = lock(&self.tray).clone();
        if let Some(tray) = tray {
            tray.follow_theme(theme);
            lock(&self.status).tray_glyph = tray.glyph().to_owned();
        }
    }

    /// A notification's decision was dropped: it was shown to another login.
    pub fn record_dropped_action(&self) {
        lock(&self.status).notification_actions_dropped += 1;
    }

    /// A notification about an order that waited for approval was shown.
    pub fn record_order_notice(&self, text: String) {
        let mut status = lock(&self.status);
        status.order_notices += 1;
        status.last_order_notice = Some(text);
    }

    /// The events stream opened or broke.
    pub fn set_pushed(&self, pushed: bool) {
        let was = self.pushed.swap(pushed, Ordering::AcqRel);
        lock(&self.status).events_stream = pushed;
        if was && !pushed {
            // Back to polling at once, not after the wait of the push.
            self.wake();
        }
    }

    /// How long to wait for a wake before looking anyway: never while the stream is open.
    fn every(&self) -> Option<Duration> {
        if self.pushed.load(Ordering::Acquire) {
            None
        } else if lock(&self.status).administrator {
            Some(ADMINISTRATOR_EVERY)
        } else {
            Some(OTHERS_EVERY)
        }
    }
}

/// What one summary means: the news to tell (the new requests), given what was known.
pub fn news(
    status: &WatchStatus,
    summary: Summary,
    pending: Option<&[AccessRequest]>,
) -> Vec<AccessRequest> {
    let Some(pending) = pending else {
        return Vec::new();
    };
    if !status.initialised || !status.administrator || !summary.administrator {
        return Vec::new();
    }
    pending
        .iter()
        .filter(|request| !status.known.contains(&request.id))
        .cloned()
        .collect()
}

/// How many open requests the tray menu lists, newest first.
const TRAY_REQUESTS: usize = 3;

/// Whether the signed-in login has orders on this computer waiting for an eSecure approval.
async fn awaiting_approval(state: &AppState) -> bool {
    let Some(me) = state.session.signed_in_as().await else {
        return false;
    };
    state.local.drafts(&me.user).await.is_ok_and(|drafts| {
        drafts
            .iter()
            .any(|draft| draft.state == oso_core::DraftState::Approval)
    })
}

/// Redraws the tray and the close behaviour from the status (also after a language switch).
pub async fn refresh(app: &AppHandle) {
    let state = app.state::<AppState>();
    let watch = app.state::<EsecureWatch>();
    let language = crate::l10n::display_language(&state.local).await;
    let catalogue = state.locales.catalogue(language);
    let choice = state.local.keep_in_tray().await.ok().flatten();
    let mut status = watch.status();
    status.keep_in_tray = choice.unwrap_or(status.administrator);
    let texts = texts(&state, language, &status);
    status.tray_label = texts.esecure.clone();
    status.tray_enabled = status.administrator && status.open_requests > 0;
    let tray = lock(&watch.tray).clone();
    status.tray_shown = tray.is_some();
    if let Some(menu) = tray {
        let badge = if status.administrator {
            status.open_requests
        } else {
            0
        };
        menu.update(&texts, status.tray_enabled, badge);
    }
    // An order waiting for approval is sent only while OSO runs: closing the window keeps it
    // in the tray until then (what the order page promises).
    status.orders_awaiting_approval = awaiting_approval(&state).await;
    // Hiding is only safe when the tray can bring the window back.
    watch.hide_on_close.store(
        status.tray_shown
            && ((status.administrator && status.keep_in_tray) || status.orders_awaiting_approval),
        Ordering::Relaxed,
    );
    *lock(&watch.tray_notice) = (
        catalogue.say("tray-kept-for-approval-title", &[]),
        catalogue.say("tray-kept-for-approval-body", &[]),
    );
    let mut kept = lock(&watch.status);
    kept.tray_tooltip = texts.tooltip.clone();
    kept.tray_requests = texts.requests.iter().map(|(id, _)| *id).collect();
    kept.orders_awaiting_approval = status.orders_awaiting_approval;
    kept.keep_in_tray = status.keep_in_tray;
    kept.tray_label = status.tray_label;
    kept.tray_enabled = status.tray_enabled;
    kept.tray_shown = status.tray_shown;
    kept.tray_glyph = lock(&watch.tray)
        .as_ref()
        .map(|menu| menu.glyph().to_owned())
        .unwrap_or_default();
}

async fn check(app: &AppHandle) {
    let state = app.state::<AppState>();
    let watch = app.state::<EsecureWatch>();
    // The login with its token where it is known, so that the summary is pinned to its owner.
    let (token, user) = match state.session.signed_in_as().await {
        Some(me) => (Some(me.token), Some(me.user)),
        None => (state.session.token().await, None),
    };
    let Some(token) = token else {
        let was = std::mem::take(&mut *lock(&watch.status));
        if was.signed_in {
            refresh(app).await;
            let _ = app.emit(CHANGED_EVENT, Summary::default());
        }
        return;
    };
    let summary = match state.client.esecure_summary(&token).await {
        Ok(summary) => summary,
        Err(error) => {
            tracing::debug!(%error, "no eSecure summary this time");
            return;
        }
    };
    let before = watch.status();
    let count_changed = summary
        != Summary {
            administrator: before.administrator,
            open_requests: before.open_requests,
        };
    // The list is read only when the count moved: the summary alone is cheap to poll.
    let pending = if summary.administrator && (count_changed || !before.initialised) {
        match state
            .client
            .esecure_requests(
                &token,
                &RequestsQuery {
                    status: Some(AccessRequestStatus::Pending.as_str().to_owned()),
                    account_number: None,
                },
            )
            .await
        {
            Ok(list) => Some(list),
            Err(error) => {
                tracing::debug!(%error, "cannot read the open requests");
                None
            }
        }
    } else {
        None
    };
    let news = news(&before, summary, pending.as_deref());
    {
        let mut status = lock(&watch.status);
        status.signed_in = true;
        status.user = user.clone();
        status.administrator = summary.administrator;
        status.open_requests = summary.open_requests;
        if let Some(pending) = &pending {
            status
                .known
                .extend(pending.iter().map(|request| request.id));
            let mut newest = pending.clone();
            newest.sort_by(|a, b| b.requested_at.cmp(&a.requested_at).then(b.id.cmp(&a.id)));
            newest.truncate(TRAY_REQUESTS);
            status.newest = newest;
            status.initialised = true;
        } else if !summary.administrator {
            status.initialised = true;
        }
    }
    // The tray's count first, so that whoever sees the notification finds the count there.
    if count_changed || !before.signed_in {
        refresh(app).await;
        if let Err(error) = app.emit(CHANGED_EVENT, summary) {
            tracing::warn!(%error, "cannot tell the UI about eSecure");
        }
    }
    if !news.is_empty() {
        let language = crate::l10n::display_language(&state.local).await;
        let catalogue = state.locales.catalogue(language);
        let (title, body) = notification_text(&state, language, &news);
        let request = match news.as_slice() {
            [one] => Some((
                one.id,
                crate::request_notice::Actions {
                    open: catalogue.say("esecure-notification-open", &[]),
                    approve: catalogue.say("esecure-approve", &[]),
                    reject: catalogue.say("esecure-reject", &[]),
                },
            )),
            _ => None,
        };
        if let Some(on_action) = *lock(&watch.on_action) {
            crate::request_notice::show(
                app,
                crate::request_notice::RequestNotice {
                    title,
                    body: body.clone(),
                    shown_to: user,
                    request,
                },
                on_action,
            );
        }
        let mut status = lock(&watch.status);
        status.notifications += 1;
        status.last_notification = Some(body);
    }
}

/// Shows the tray (where the desktop has one) and starts following the summary; `on_action`
/// is what a notification's or the tray menu's action on a request does.
pub fn start(app: &AppHandle, on_action: OnAction) {
    *lock(&app.state::<EsecureWatch>().on_action) = Some(on_action);
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = handle.state::<AppState>();
        let blank = WatchStatus::default();
        let language = crate::l10n::display_language(&state.local).await;
        let texts = texts(&state, language, &blank);
        let menu = tray::show(&handle, &texts, on_action);
        *lock(&handle.state::<EsecureWatch>().tray) = menu;
        tray::follow_notification_clicks(&handle);
        refresh(&handle).await;
        loop {
            check(&handle).await;
            let watch = handle.state::<EsecureWatch>();
            let every = watch.every();
            tokio::select! {
                () = sleep_or_never(every) => {}
                () = watch.wake.notified() => {}
            }
        }
    });
}

async fn sleep_or_never(every: Option<Duration>) {
    match every {
        Some(every) => tokio::time::sleep(every).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(id: i64) -> AccessRequest {
        AccessRequest {
            id,
            account_number: "951234567".into(),
            email: format!("user{id}@other.example"),
            company: "Other BV".into(),
            status: oso_core::AccessRequestStatus::Pending,
            requested_at: "2026-11-21T10:00:00Z".parse().expect("a time"),
            decided_at: None,
            decided_by: None,
            note: None,
            expired: false,
        }
    }

    fn administrator(open_requests: i64) -> Summary {
        Summary {
            administrator: true,
            open_requests,
        }
    }

    #[test]
    fn requests_open_at_sign_in_are_no_news() {
        let status = WatchStatus::default();
        assert!(news(&status, administrator(2), Some(&[request(1), request(2)])).is_empty());
    }

    #[test]
    fn a_request_not_seen_before_is_news_once() {
        let mut status = WatchStatus {
            administrator: true,
            initialised: true,
            ..WatchStatus::default()
        };
        status.known.insert(1);
        let found = news(&status, administrator(2), Some(&[request(2), request(1)]));
        assert_eq!(found.iter().map(|r| r.id).collect::<Vec<_>>(), vec![2]);

        status.known.insert(2);
        assert!(news(&status, administrator(2), Some(&[request(2), request(1)])).is_empty());
    }

    #[test]
    fn without_a_list_or_for_someone_who_administers_nothing_there_is_no_news() {
        let status = WatchStatus {
            initialised: true,
            ..WatchStatus::default()
        };
        assert!(news(&status, administrator(1), Some(&[request(1)])).is_empty());
        let admin = WatchStatus {
            administrator: true,
            initialised: true,
            ..WatchStatus::default()
        };
        assert!(news(&admin, administrator(1), None).is_empty());
    }

    #[test]
    fn account_numbers_are_grouped_in_threes() {
        assert_eq!(group("951234567"), "951 234 567");
        assert_eq!(group("12"), "12");
    }
}
