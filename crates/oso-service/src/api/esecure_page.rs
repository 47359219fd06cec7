//! The page behind the red Reject button of an eSecure request e-mail. The GET shows the
//! request and a form; only the form's POST rejects, so mail scanners that open every link
//! reject nothing. The token is single use and expires.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use fluent_bundle::FluentValue;
use oso_core::Language;
use serde::Deserialize;

use super::pages::{escape, language, page};
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

fn paragraph(language: Language, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    format!("<p>{}</p>", escape(&text_with(language, id, args)))
}

fn answer(language: Language, link: RejectLink, rejected_now: bool) -> Response {
    match link {
        RejectLink::Open(request, zone) if rejected_now => page(
            language,
            "web-esecure-rejected-title",
            &paragraph(
                language,
                "web-esecure-rejected-text",
                &request_args(Reader::new(language, zone), &request),
            ),
        ),
        RejectLink::Open(..) | RejectLink::Decided => page(
            language,
            "web-esecure-decided-title",
            &paragraph(language, "web-esecure-decided-text", &[]),
        ),
        RejectLink::Invalid => page(
            language,
            "web-esecure-invalid-title",
            &paragraph(language, "web-esecure-invalid-text", &[]),
        ),
    }
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
        return answer(language, link, false);
    };
    let body = format!(
        "{intro}<form method=\"post\" action=\"/esecure/reject\">\
         <input type=\"hidden\" name=\"token\" value=\"{token}\">\
         <button type=\"submit\" style=\"background:#c0392b\">{button}</button></form>{hint}\
         <p><a href=\"{open}\">{open_label}</a></p>",
        intro = paragraph(
            language,
            "web-esecure-reject-intro",
            &request_args(Reader::new(language, zone), &request)
        ),
        token = escape(&query.token),
        button = escape(&text_with(language, "web-esecure-reject-button", &[])),
        hint = paragraph(language, "web-esecure-reject-approve-hint", &[]),
        open = escape(&state.accounts.links().esecure_request_in_app(request.id)),
        open_label = escape(&text_with(language, "web-esecure-open-in-app", &[])),
    );
    page(language, "web-esecure-reject-title", &body)
}

async fn reject(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<TokenQuery>,
) -> Response {
    let language = language(&headers);
    match requests::reject_by_link(state.esecure(), &form.token).await {
        Ok(link) => answer(language, link, true),
        Err(error) => {
            tracing::error!(?error, "rejecting through a link failed");
            answer(language, RejectLink::Invalid, false)
        }
    }
}
