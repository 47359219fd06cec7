//! The pages behind the links in e-mails, for a browser: activating a login and choosing a new
//! password. A GET only shows a form; the action happens on its POST, so mail scanners that open
//! every link change nothing. Texts come from `locales/<lang>/web.ftl`, in the browser's language.
//! Each form also offers to continue in the installed app, through its `oso://` URL scheme.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use oso_core::{Language, SecretString};
use serde::Deserialize;

use super::html_page::{answer, language, message_page, Frame};
use super::AppState;
use crate::error::ServiceError;
use crate::mail::templates::web_message as text;

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

/// "Open in the OSO app": the same token handed to the installed app through its `oso://` URL
/// scheme, for those who would rather finish there. Only a click follows it, like the form.
/// `templates/page/app_link.html` shows it.
struct AppLink {
    href: String,
    label: String,
    hint: String,
}

impl AppLink {
    fn offered(language: Language, action: &str, token: &str) -> Option<Self> {
        // Link tokens are URL-safe base64; anything else cannot be a token, so no link is offered.
        let token_like = !token.is_empty()
            && token.chars().all(|character| {
                character.is_ascii_alphanumeric() || matches!(character, '-' | '_')
            });
        token_like.then(|| Self {
            href: format!("oso://{action}?token={token}"),
            label: text(language, "web-open-in-app"),
            hint: text(language, "web-open-in-app-hint"),
        })
    }
}

#[derive(Template)]
#[template(path = "page/activate.html")]
struct ActivationPage {
    frame: Frame,
    intro: String,
    token: String,
    button: String,
    app_link: Option<AppLink>,
}

async fn activation_form(headers: HeaderMap, Query(query): Query<TokenQuery>) -> Response {
    let language = language(&headers);
    answer(&ActivationPage {
        frame: Frame::new(language, "web-activate-title"),
        intro: text(language, "web-activate-intro"),
        app_link: AppLink::offered(language, "activate", &query.token),
        token: query.token,
        button: text(language, "web-activate-button"),
    })
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
    message_page(language, "web-activate-title", text(language, id))
}

#[derive(Template)]
#[template(path = "page/reset_password.html")]
struct ResetPage {
    frame: Frame,
    rule: String,
    /// Why the last password was refused.
    error: Option<String>,
    token: String,
    new_label: String,
    confirm_label: String,
    button: String,
    app_link: Option<AppLink>,
}

impl ResetPage {
    fn new(language: Language, token: String, error_id: Option<&str>) -> Self {
        Self {
            frame: Frame::new(language, "web-reset-title"),
            rule: text(language, "web-reset-rule"),
            error: error_id.map(|id| text(language, id)),
            token,
            new_label: text(language, "web-reset-new"),
            confirm_label: text(language, "web-reset-confirm"),
            button: text(language, "web-reset-button"),
            app_link: None,
        }
    }
}

async fn reset_form(headers: HeaderMap, Query(query): Query<TokenQuery>) -> Response {
    let language = language(&headers);
    let app_link = AppLink::offered(language, "reset-password", &query.token);
    answer(&ResetPage {
        app_link,
        ..ResetPage::new(language, query.token, None)
    })
}

async fn reset(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<ResetForm>,
) -> Response {
    let language = language(&headers);
    if form.new_password != form.confirm_password {
        return answer(&ResetPage::new(
            language,
            form.token,
            Some("web-error-passwords_differ"),
        ));
    }
    let token = SecretString::new(form.token.clone());
    let told = |id| message_page(language, "web-reset-title", text(language, id));
    match state
        .accounts
        .reset_password_with_link(&token, &form.new_password)
        .await
    {
        Ok(()) => told("web-reset-done"),
        Err(ServiceError::Invalid(fields)) => {
            let id = match fields.values().next().map(String::as_str) {
                Some("too_short") => "web-error-too_short",
                Some("too_long") => "web-error-too_long",
                Some("common_password") => "web-error-common_password",
                _ => "web-error-password_like_identity",
            };
            answer(&ResetPage::new(language, form.token, Some(id)))
        }
        Err(ServiceError::TokenExpired) => told("web-link-expired"),
        Err(ServiceError::TokenInvalid) => told("web-link-invalid"),
        Err(error) => {
            tracing::error!(%error, "password reset from the web page failed");
            told("web-failed")
        }
    }
}
