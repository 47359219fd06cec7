//! Links from OSO's e-mails opened in the app: `oso://activate?token=…` and
//! `oso://reset-password?token=…`, the same token as the e-mail's https link. The desktop hands
//! them over as the program's only argument (the .deb's desktop entry registers the scheme); when
//! OSO already runs, the second launch passes its argument to this instance through the
//! single-instance plugin and exits.
//!
//! The token stays here, in Rust: the UI learns only which kind of link is waiting (event
//! [`EVENT`], command `app_link_take`), and the commands that redeem it read the token
//! themselves, so no secret passes through the webview.

use std::sync::Mutex;

use oso_core::SecretString;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Url};
use tauri_plugin_deep_link::DeepLinkExt;

use crate::sync::lock;

/// Tells the UI that a link is waiting; it asks which kind with `app_link_take`.
pub const EVENT: &str = "app-link";
/// Tells the UI that a request link (`oso://esecure/requests/<id>`) is waiting; it takes the id
/// with `esecure_link_take` once someone is signed in.
pub const REQUEST_EVENT: &str = "esecure-request-link";

/// `oso://esecure/requests/<id>`: an eSecure request to show (from its e-mail or its Reject
/// page). No secret: the service shows a request only to the administrators of its account.
pub fn request_link(url: &Url) -> Option<i64> {
    if url.scheme() != "oso" || url.host_str()? != "esecure" {
        return None;
    }
    let id = url.path().strip_prefix("/requests/")?.trim_end_matches('/');
    if id.is_empty() || id.len() > 18 || !id.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    id.parse().ok().filter(|id| *id > 0)
}

/// The newest request link not yet shown.
#[derive(Debug, Default)]
pub struct PendingRequestLink(Mutex<Option<i64>>);

impl PendingRequestLink {
    pub fn offer(&self, id: i64) {
        *lock(&self.0) = Some(id);
    }

    pub fn take(&self) -> Option<i64> {
        lock(&self.0).take()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    Activate,
    ResetPassword,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppLink {
    pub kind: LinkKind,
    pub token: SecretString,
}

impl AppLink {
    /// `oso://activate?token=T` or `oso://reset-password?token=T` (a trailing slash tolerated);
    /// anything else is no link of ours. Any program may open an `oso://` URL, so only the shape
    /// of a real link token passes.
    pub fn parse(url: &Url) -> Option<Self> {
        if url.scheme() != "oso" || !matches!(url.path(), "" | "/") {
            return None;
        }
        let kind = match url.host_str()? {
            "activate" => LinkKind::Activate,
            "reset-password" => LinkKind::ResetPassword,
            _ => return None,
        };
        let token = url
            .query_pairs()
            .find(|(name, _)| name == "token")
            .map(|(_, value)| value.into_owned())?;
        let shaped = (16..=128).contains(&token.len())
            && token.chars().all(|character| {
                character.is_ascii_alphanumeric() || matches!(character, '-' | '_')
            });
        shaped.then(|| Self {
            kind,
            token: SecretString::new(token),
        })
    }
}

/// The newest link received and not yet used up. A newer link replaces an older one, as the
/// service voids the older token when it mails a new one.
#[derive(Debug, Default)]
pub struct PendingLink(Mutex<Slot>);

#[derive(Debug, Default)]
struct Slot {
    link: Option<AppLink>,
    /// Whether the UI was told about this link already: each opening of a link shows it once.
    noticed: bool,
}

impl PendingLink {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        lock(&self.0)
    }

    pub fn offer(&self, link: AppLink) {
        *self.slot() = Slot {
            link: Some(link),
            noticed: false,
        };
    }

    /// The kind of a link the UI has not been told about yet; telling it once is enough.
    pub fn take_notice(&self) -> Option<LinkKind> {
        let mut slot = self.slot();
        let kind = slot
            .link
            .as_ref()
            .map(|link| link.kind)
            .filter(|_| !slot.noticed);
        slot.noticed = true;
        kind
    }

    /// The waiting token of `kind`, left in place: a refused password must not lose the link.
    pub fn token(&self, kind: LinkKind) -> Option<SecretString> {
        self.slot()
            .link
            .as_ref()
            .filter(|link| link.kind == kind)
            .map(|link| link.token.clone())
    }

    /// Forgets the link whose token was `token`, once it is used up (or refused for good).
    pub fn settle(&self, token: &SecretString) {
        let mut slot = self.slot();
        if slot.link.as_ref().is_some_and(|link| &link.token == token) {
            slot.link = None;
        }
    }
}

fn receive(app: &AppHandle, urls: &[Url]) {
    if let Some(id) = urls.iter().rev().find_map(request_link) {
        tracing::info!(id, "received a link to an eSecure request");
        app.state::<PendingRequestLink>().offer(id);
        crate::window::focus_main(app);
        if let Err(error) = app.emit(REQUEST_EVENT, ()) {
            tracing::warn!(%error, "cannot tell the window about the request link");
        }
        return;
    }
    // The desktop passes one URL per launch; the newest of ours wins.
    let Some(link) = urls.iter().rev().find_map(AppLink::parse) else {
        if !urls.is_empty() {
            tracing::warn!(
                count = urls.len(),
                "ignored a URL that is not an OSO e-mail link"
            );
        }
        return;
    };
    tracing::info!(kind = ?link.kind, "received a link from an e-mail");
    app.state::<PendingLink>().offer(link);
    if let Err(error) = app.emit(EVENT, ()) {
        tracing::warn!(%error, "cannot tell the window about the link");
    }
}

/// Takes the link this process was started with, and every one a later launch hands over.
pub fn listen(app: &AppHandle) {
    // An AppImage has no package to register its scheme, so it registers itself (in the user's
    // ~/.local/share/applications); the .deb's desktop entry does this system-wide.
    if std::env::var_os("APPIMAGE").is_some() {
        if let Err(error) = app.deep_link().register_all() {
            tracing::warn!(%error, "cannot register the oso:// scheme");
        }
    }
    let handle = app.clone();
    app.deep_link().on_open_url(move |event| {
        receive(&handle, &event.urls());
    });
    match app.deep_link().get_current() {
        Ok(Some(urls)) => receive(app, &urls),
        Ok(None) => {}
        Err(error) => tracing::warn!(%error, "cannot read the launch URL"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "x2Hq3v_Jk-9sPzY4mN0aBcDeFgHiJkLmNoPqRsTuVwX";

    fn parse(text: &str) -> Option<AppLink> {
        AppLink::parse(&Url::parse(text).expect("a URL"))
    }

    #[test]
    fn a_request_link_carries_its_id_and_nothing_else_passes() {
        let id = |text: &str| request_link(&Url::parse(text).expect("url"));
        assert_eq!(id("oso://esecure/requests/42"), Some(42));
        assert_eq!(id("oso://esecure/requests/42/"), Some(42));
        assert_eq!(id("oso://esecure/requests/0"), None);
        assert_eq!(id("oso://esecure/requests/-3"), None);
        assert_eq!(id("oso://esecure/requests/4a"), None);
        assert_eq!(id("oso://esecure/requests/"), None);
        assert_eq!(id("oso://esecure/requests/99999999999999999999"), None);
        assert_eq!(id("oso://activate/requests/42"), None);
        assert_eq!(id("https://esecure/requests/42"), None);
    }

    #[test]
    fn activation_and_reset_links_carry_their_token() {
        let activate = parse(&format!("oso://activate?token={TOKEN}")).expect("a link");
        let reset = parse(&format!("oso://reset-password/?token={TOKEN}")).expect("a link");

        assert_eq!(activate.kind, LinkKind::Activate);
        assert_eq!(activate.token.expose(), TOKEN);
        assert_eq!(reset.kind, LinkKind::ResetPassword);
    }

    #[test]
    fn other_schemes_actions_and_token_shapes_are_not_links() {
        for text in [
            format!("https://activate?token={TOKEN}"),
            format!("oso://orders?token={TOKEN}"),
            format!("oso://activate/more?token={TOKEN}"),
            "oso://activate?token=short".to_owned(),
            "oso://activate?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_owned(),
            "oso://activate".to_owned(),
        ] {
            assert_eq!(parse(&text), None, "{text}");
        }
    }

    #[test]
    fn a_pending_link_is_noticed_once_and_stays_until_its_own_token_is_settled() {
        let pending = PendingLink::default();
        let first = parse(&format!("oso://reset-password?token={TOKEN}")).expect("a link");
        pending.offer(first.clone());

        assert_eq!(pending.take_notice(), Some(LinkKind::ResetPassword));
        assert_eq!(pending.take_notice(), None, "told once");
        assert_eq!(pending.token(LinkKind::Activate), None);
        pending.settle(&SecretString::new("another-token-entirely"));
        assert_eq!(
            pending.token(LinkKind::ResetPassword),
            Some(first.token.clone())
        );

        pending.settle(&first.token);
        assert_eq!(pending.token(LinkKind::ResetPassword), None);
        pending.offer(first);
        assert_eq!(
            pending.take_notice(),
            Some(LinkKind::ResetPassword),
            "opened again"
        );
    }
}
