//! What every service page shares: the reader's language, the frame of `templates/page.html`
//! (language, title, style), the headers that keep a page from loading, framing or leaking
//! anything, and the page that only tells something. askama escapes every value a template
//! shows, so nothing from a link, a name or a company can add markup to a page.

use askama::Template;
use axum::http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY,
};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use oso_core::Language;

use crate::mail::templates::web_message as text;

pub(super) fn language(headers: &HeaderMap) -> Language {
    let accepted = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    Language::from_accept_language(accepted)
}

/// What `templates/page.html` puts around every page's body.
pub(super) struct Frame {
    pub language: &'static str,
    pub title: String,
}

impl Frame {
    pub(super) fn new(language: Language, title_id: &str) -> Self {
        Self {
            language: language.code(),
            title: text(language, title_id),
        }
    }
}

#[derive(Template)]
#[template(path = "page/message.html")]
struct MessagePage {
    frame: Frame,
    text: String,
}

/// A page with one translated paragraph under its title.
pub(super) fn message_page(language: Language, title_id: &str, text: String) -> Response {
    answer(&MessagePage {
        frame: Frame::new(language, title_id),
        text,
    })
}

/// The page, with headers that allow it nothing but its own inline style and its own forms.
pub(super) fn answer(page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => (
            [
                (CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"),
                (REFERRER_POLICY, "no-referrer"),
                (CACHE_CONTROL, "no-store"),
            ],
            Html(html),
        )
            .into_response(),
        // Only a value's `Display` or a filter can fail a render, and the pages show strings;
        // should one ever fail, the reader gets an error rather than half a page.
        Err(error) => {
            tracing::error!(%error, "a page did not render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
