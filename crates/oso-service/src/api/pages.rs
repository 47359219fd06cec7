//! The pages behind the links in e-mails, for a browser: activating a login and choosing a new
//! password. A GET only shows a form; the action happens on its POST, so mail scanners that open
//! every link change nothing. Texts come from `locales/<lang>/web.ftl`, in the browser's language.
//! Each form also offers to continue in the installed app, through its `oso://` URL scheme.

use axum::extract::{Query, State};
use axum::http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY,
};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use oso_core::Language;
use serde::Deserialize;

use super::AppState;
use crate::error::ServiceError;
use crate::mail::templates::web_message as text;
use oso_core::SecretString;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/activate", get(activation_form).post(activate))
        .route("/reset-password", get(reset_form).post(reset))
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Debug, Deserialize)]
struct ResetForm {
    token: String,
    new_password: SecretString,
    confirm_password: SecretString,
}

pub(super) fn language(headers: &HeaderMap) -> Language {
    let accepted = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    Language::from_accept_language(accepted)
}

pub(super) fn escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(super) fn page(language: Language, title_id: &str, body: &str) -> Response {
    let title = escape(&text(language, title_id));
    let html = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{title} · OSO</title>\
         <style>body{{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f4f6f9;color:#1d2733}}\
         main{{max-width:440px;margin:48px auto;background:#fff;border:1px solid #d9dee5;border-radius:6px;padding:32px}}\
         h1{{font-size:24px;margin:0 0 16px}}label{{display:block;margin:16px 0 4px;font-weight:600}}\
         input{{width:100%;box-sizing:border-box;padding:8px;font:inherit;border:1px solid #9aa5b1;border-radius:6px}}\
         button{{margin-top:24px;padding:10px 18px;font:inherit;font-weight:600;color:#fff;background:#1f5f8b;\
         border:0;border-radius:6px;cursor:pointer}}:focus-visible{{outline:3px solid #2f80ed;outline-offset:2px}}\
         .error{{color:#c0392b}}.app{{margin:24px 0 0;padding-top:16px;border-top:1px solid #d9dee5}}\
         .app a{{color:#1f5f8b;font-weight:600}}.app small{{color:#4a5663}}.brand{{color:#1f5f8b;font-weight:700;margin:0 0 8px}}</style></head>\
         <body><main><p class=\"brand\">OSO</p><h1>{title}</h1>{body}</main></body></html>",
        lang = language.code()
    );
    (
        [
            (CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"),
            (REFERRER_POLICY, "no-referrer"),
            (CACHE_CONTROL, "no-store"),
        ],
        Html(html),
    )
        .into_response()
}

/// "Open in the OSO app": the same token handed to the installed app through its `oso://` URL
/// scheme, for those who would rather finish there. Only a click follows it, like the form below.
fn app_link(language: Language, action: &str, token: &str) -> String {
    // Link tokens are URL-safe base64; anything else cannot be a token, so no link is offered.
    if token.is_empty()
        || !token
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || matches!(character, '-' | '_'))
    {
        return String::new();
    }
    format!(
        "<p class=\"app\"><a href=\"oso://{action}?token={token}\">{}</a><br><small>{}</small></p>",
        escape(&text(language, "web-open-in-app")),
        escape(&text(language, "web-open-in-app-hint"))
    )
}

fn paragraph(language: Language, id: &str, class: &str) -> String {
    format!("<p class=\"{class}\">{}</p>", escape(&text(language, id)))
}

async fn activation_form(headers: HeaderMap, Query(query): Query<TokenQuery>) -> Response {
    let language = language(&headers);
    let body = format!(
        "{}<form method=\"post\" action=\"/activate\"><input type=\"hidden\" name=\"token\" value=\"{}\">\
         <button type=\"submit\">{}</button></form>{}",
        paragraph(language, "web-activate-intro", ""),
        escape(&query.token),
        escape(&text(language, "web-activate-button")),
        app_link(language, "activate", &query.token)
    );
    page(language, "web-activate-title", &body)
}

async fn activate(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<TokenQuery>,
) -> Response {
    let language = language(&headers);
    let outcome = state
        .accounts
        .activate_with_link(&SecretString::new(form.token))
        .await;
    let id = match outcome {
        Ok(()) => "web-activate-done",
        Err(ServiceError::TokenExpired) => "web-link-expired",
        Err(ServiceError::TokenInvalid) => "web-link-invalid",
        Err(error) => {
            tracing::error!(%error, "activation from the web page failed");
            "web-failed"
        }
    };
    page(language, "web-activate-title", &paragraph(language, id, ""))
}

fn reset_form_html(language: Language, token: &str, error: Option<&str>) -> String {
    let error = error
        .map(|id| paragraph(language, id, "error"))
        .unwrap_or_default();
    format!(
        "{}{error}<form method=\"post\" action=\"/reset-password\"><input type=\"hidden\" name=\"token\" value=\"{}\">\
         <label for=\"new\">{}</label><input id=\"new\" name=\"new_password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"12\">\
         <label for=\"confirm\">{}</label><input id=\"confirm\" name=\"confirm_password\" type=\"password\" autocomplete=\"new-password\" required>\
         <button type=\"submit\">{}</button></form>",
        paragraph(language, "web-reset-rule", ""),
        escape(token),
        escape(&text(language, "web-reset-new")),
        escape(&text(language, "web-reset-confirm")),
        escape(&text(language, "web-reset-button"))
    )
}

async fn reset_form(headers: HeaderMap, Query(query): Query<TokenQuery>) -> Response {
    let language = language(&headers);
    let body = format!(
        "{}{}",
        reset_form_html(language, &query.token, None),
        app_link(language, "reset-password", &query.token)
    );
    page(language, "web-reset-title", &body)
}

async fn reset(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<ResetForm>,
) -> Response {
    let language = language(&headers);
    if form.new_password != form.confirm_password {
        return page(
            language,
            "web-reset-title",
            &reset_form_html(language, &form.token, Some("web-error-passwords_differ")),
        );
    }
    let token = SecretString::new(form.token.clone());
    match state
        .accounts
        .reset_password_with_link(&token, &form.new_password)
        .await
    {
        Ok(()) => page(
            language,
            "web-reset-title",
            &paragraph(language, "web-reset-done", ""),
        ),
        Err(ServiceError::Invalid(fields)) => {
            let id = match fields.values().next().map(String::as_str) {
                Some("too_short") => "web-error-too_short",
                Some("too_long") => "web-error-too_long",
                Some("common_password") => "web-error-common_password",
                _ => "web-error-password_like_identity",
            };
            page(
                language,
                "web-reset-title",
                &reset_form_html(language, &form.token, Some(id)),
            )
        }
        Err(ServiceError::TokenExpired) => page(
            language,
            "web-reset-title",
            &paragraph(language, "web-link-expired", ""),
        ),
        Err(ServiceError::TokenInvalid) => page(
            language,
            "web-reset-title",
            &paragraph(language, "web-link-invalid", ""),
        ),
        Err(error) => {
            tracing::error!(%error, "password reset from the web page failed");
            page(
                language,
                "web-reset-title",
                &paragraph(language, "web-failed", ""),
            )
        }
    }
}
