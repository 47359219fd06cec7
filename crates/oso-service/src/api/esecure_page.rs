//! The page behind the red Reject button of an eSecure request e-mail. The GET shows the
//! request and a form; only the form's POST rejects, so mail scanners that open every link
//! reject nothing. The token is single use and expires.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use fluent_bundle::FluentValue;
use oso_core::Language;
use serde::Deserialize;

use super::html_page::{answer, language, message_page, Frame};
use super::AppState;
use crate::esecure::mail::masked;
use crate::esecure::requests::{self, AccessRequest, RejectLink};
use crate::mail::templates::web_message_with as text_with;
use crate::mail::when::Reader;

pub fn routes() -> Router<AppState> {
    Router::new().route("/esecure/reject", get(show).post(reject))
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn request_args(
    reader: Reader,
    request: &AccessRequest,
) -> Vec<(&'static str, FluentValue<'static>)> {
    vec![
        ("email", FluentValue::from(request.email.clone())),
        ("company", FluentValue::from(request.company.clone())),
        (
            "time",
            FluentValue::from(reader.moment(request.requested_at)),
        ),
        (
            "account",
            FluentValue::from(masked(&request.account_number)),
        ),
    ]
}

fn link_outcome(language: Language, link: RejectLink, rejected_now: bool) -> Response {
    match link {
        RejectLink::Open(request, zone) if rejected_now => message_page(
            language,
            "web-esecure-rejected-title",
            text_with(
                language,
                "web-esecure-rejected-text",
                &request_args(Reader::new(language, zone), &request),
            ),
        ),
        RejectLink::Open(..) | RejectLink::Decided => message_page(
            language,
            "web-esecure-decided-title",
            text_with(language, "web-esecure-decided-text", &[]),
        ),
        RejectLink::Invalid => message_page(
            language,
            "web-esecure-invalid-title",
            text_with(language, "web-esecure-invalid-text", &[]),
        ),
    }
}

#[derive(Template)]
#[template(path = "page/esecure_reject.html")]
struct RejectPage {
    frame: Frame,
    /// Who asked, for which number, when: names and a company the requester typed.
    intro: String,
    token: String,
    button: String,
    hint: String,
    open_href: String,
    open_label: String,
}

async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<TokenQuery>,
) -> Response {
    let language = language(&headers);
    let link = match requests::read_reject_link(state.esecure(), &query.token).await {
        Ok(link) => link,
        Err(error) => {
            tracing::error!(%error, "reading a reject link failed");
            RejectLink::Invalid
        }
    };
    let RejectLink::Open(request, zone) = link else {
        return link_outcome(language, link, false);
    };
    let text = |id| text_with(language, id, &[]);
    answer(&RejectPage {
        frame: Frame::new(language, "web-esecure-reject-title"),
        intro: text_with(
            language,
            "web-esecure-reject-intro",
            &request_args(Reader::new(language, zone), &request),
        ),
        token: query.token,
        button: text("web-esecure-reject-button"),
        hint: text("web-esecure-reject-approve-hint"),
        open_href: state.accounts.links().esecure_request_in_app(request.id),
        open_label: text("web-esecure-open-in-app"),
    })
}

async fn reject(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<TokenQuery>,
) -> Response {
    let language = language(&headers);
    match requests::reject_by_link(state.esecure(), &form.token).await {
        Ok(link) => link_outcome(language, link, true),
        Err(error) => {
            tracing::error!(?error, "rejecting through a link failed");
            link_outcome(language, RejectLink::Invalid, false)
        }
    }
}
