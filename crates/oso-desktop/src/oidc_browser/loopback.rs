//! The listener the browser comes back to: `http://127.0.0.1:PORT/callback`, open for one
//! sign-in only, closed after the first answer on `/callback`, after [`WAIT_FOR_BROWSER`], or
//! when the user cancels in the app. The browser gets a small page in the user's language that
//! sends them back to OSO; the app gets the code, or why there is none.

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use oso_core::SecretString;
use serde::Deserialize;
use tokio::sync::{oneshot, Notify};

/// How long a sign-in waits for the browser (then the listener closes).
pub const WAIT_FOR_BROWSER: Duration = Duration::from_secs(5 * 60);

/// How long the page the browser asked for may take to leave once the answer is in.
const PAGE_DELIVERY: Duration = Duration::from_secs(2);

/// The page the browser shows after coming back, in the user's language (from Fluent).
#[derive(Debug, Clone)]
pub struct ReturnPages {
    /// `nl`, `en` or `fr`: the page's `lang`.
    pub language: String,
    pub done_title: String,
    pub done_text: String,
    pub failed_title: String,
    pub failed_text: String,
}

/// The code the provider sent back with this sign-in's `state`.
#[derive(Debug)]
pub struct BrowserAnswer {
    pub code: SecretString,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoopbackError {
    #[error("the person cancelled at the provider")]
    DeniedAtProvider,
    #[error("the provider answered with an error: {0}")]
    ProviderError(String),
    #[error("the answer's state is not this sign-in's")]
    StateMismatch,
    #[error("no answer from the browser in time")]
    TimedOut,
    #[error("the sign-in was cancelled in the app")]
    Cancelled,
    #[error("the loopback listener failed: {0}")]
    Listener(String),
}

/// The listener, bound and not yet waiting: its redirect URI goes into the authorization
/// request first.
#[derive(Debug)]
pub struct Loopback {
    listener: tokio::net::TcpListener,
    redirect_uri: String,
}

#[derive(Debug, Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

struct Waiting {
    expected_state: SecretString,
    pages: ReturnPages,
    answer: Mutex<Option<oneshot::Sender<Result<BrowserAnswer, LoopbackError>>>>,
}

impl Loopback {
    /// Binds 127.0.0.1 on a port the system chooses (the provider accepts any port for a
    /// loopback redirect, RFC 8252 §7.3).
    pub async fn open() -> Result<Self, LoopbackError> {
        let listener = tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .map_err(|error| LoopbackError::Listener(error.to_string()))?;
        let port = listener
            .local_addr()
            .map_err(|error| LoopbackError::Listener(error.to_string()))?
            .port();
        Ok(Self {
            listener,
            redirect_uri: format!("http://127.0.0.1:{port}/callback"),
        })
    }

    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// Serves `/callback` until the first answer, `timeout`, or `cancelled` completes; then
    /// closes the port.
    pub async fn wait(
        self,
        expected_state: SecretString,
        pages: ReturnPages,
        timeout: Duration,
        cancelled: impl Future<Output = ()>,
    ) -> Result<BrowserAnswer, LoopbackError> {
        let (sender, receiver) = oneshot::channel();
        let waiting = Arc::new(Waiting {
            expected_state,
            pages,
            answer: Mutex::new(Some(sender)),
        });
        let router = Router::new()
            .route("/callback", get(callback))
            .with_state(waiting);
        let stop = Arc::new(Notify::new());
        let stopped = Arc::clone(&stop);
        let server = tokio::spawn(async move {
            axum::serve(self.listener, router)
                .with_graceful_shutdown(async move { stopped.notified().await })
                .await
        });
        let outcome = tokio::select! {
            answer = receiver => answer.unwrap_or(Err(LoopbackError::Listener("the listener stopped".into()))),
            () = tokio::time::sleep(timeout) => Err(LoopbackError::TimedOut),
            () = cancelled => Err(LoopbackError::Cancelled),
        };
        // The page of the answer leaves first; a browser keeping its connection open does not
        // keep the port open.
        stop.notify_one();
        let abort = server.abort_handle();
        if tokio::time::timeout(PAGE_DELIVERY, server).await.is_err() {
            abort.abort();
        }
        tracing::info!(answered = outcome.is_ok(), "loopback listener closed");
        outcome
    }
}

async fn callback(
    State(waiting): State<Arc<Waiting>>,
    Query(query): Query<CallbackQuery>,
) -> Response {
    let outcome = interpret(query, &waiting.expected_state);
    let page = page(&waiting.pages, outcome.is_ok());
    let sender = waiting.answer.lock().map(|mut slot| slot.take());
    match sender {
        Ok(Some(sender)) => {
            if sender.send(outcome).is_err() {
                tracing::debug!("the sign-in stopped waiting before the browser came back");
            }
        }
        // A reload of the page after the answer: the page again, nothing more.
        _ => tracing::debug!("a second request on the callback"),
    }
    match page {
        Ok(html) => (
            [
                (CACHE_CONTROL, "no-store"),
                (
                    CONTENT_SECURITY_POLICY,
                    "default-src 'none'; style-src 'unsafe-inline'",
                ),
            ],
            Html(html),
        )
            .into_response(),
        // Only a value's `Display` or a filter can fail a render, and the page shows strings;
        // the answer above has reached the app either way.
        Err(error) => {
            tracing::error!(%error, "the return page did not render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// What the browser brought back means for this sign-in. `state` is checked first: an answer
/// that does not carry it belongs to another request (or to an attacker's page).
fn interpret(
    query: CallbackQuery,
    expected_state: &SecretString,
) -> Result<BrowserAnswer, LoopbackError> {
    if query.state.as_deref() != Some(expected_state.expose()) {
        return Err(LoopbackError::StateMismatch);
    }
    if let Some(error) = query.error {
        return Err(match error.as_str() {
            "access_denied" => LoopbackError::DeniedAtProvider,
            _ => LoopbackError::ProviderError(match query.error_description {
                Some(description) => format!("{error}: {description}"),
                None => error,
            }),
        });
    }
    match query.code {
        Some(code) if !code.is_empty() => Ok(BrowserAnswer {
            code: SecretString::new(code),
        }),
        _ => Err(LoopbackError::ProviderError("no code in the answer".into())),
    }
}

/// `templates/return_page.html`, which escapes its texts.
#[derive(Template)]
#[template(path = "return_page.html")]
struct ReturnPage<'a> {
    language: &'a str,
    title: &'a str,
    text: &'a str,
}

fn page(pages: &ReturnPages, done: bool) -> askama::Result<String> {
    let (title, text) = if done {
        (&pages.done_title, &pages.done_text)
    } else {
        (&pages.failed_title, &pages.failed_text)
    };
    ReturnPage {
        language: &pages.language,
        title,
        text,
    }
    .render()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages() -> ReturnPages {
        ReturnPages {
            language: "fr".into(),
            done_title: "Retournez à OSO".into(),
            done_text: "Vous pouvez fermer cet onglet.".into(),
            failed_title: "Connexion non terminée".into(),
            failed_text: "Retournez à OSO pour réessayer.".into(),
        }
    }

    /// Opens a listener, lets `browse` request the redirect URI with `query`, and returns what
    /// the sign-in learnt and the page the browser got.
    async fn answer_with(query: &str) -> (Result<BrowserAnswer, LoopbackError>, String) {
        let loopback = Loopback::open().await.expect("binds");
        let url = format!("{}?{query}", loopback.redirect_uri());
        let browser = tokio::spawn(async move {
            reqwest::get(url)
                .await
                .expect("answers")
                .text()
                .await
                .expect("text")
        });
        let outcome = loopback
            .wait(
                SecretString::new("the-state"),
                pages(),
                Duration::from_secs(10),
                std::future::pending(),
            )
            .await;
        (outcome, browser.await.expect("browser"))
    }

    #[tokio::test]
    async fn a_code_with_this_sign_ins_state_is_the_answer_and_the_page_says_return_to_oso() {
        let (outcome, page) = answer_with("code=the-code&state=the-state&iss=x").await;

        assert_eq!(outcome.expect("a code").code.expose(), "the-code");
        assert!(page.contains("lang=\"fr\""), "{page}");
        assert!(page.contains("Retournez à OSO"), "{page}");
    }

    #[tokio::test]
    async fn an_answer_with_another_state_is_refused_even_with_a_code() {
        let (outcome, page) = answer_with("code=the-code&state=forged").await;

        assert_eq!(outcome.expect_err("refused"), LoopbackError::StateMismatch);
        assert!(page.contains("Connexion non terminée"), "{page}");
    }

    #[tokio::test]
    async fn a_cancel_at_the_provider_is_told_apart_from_its_other_errors() {
        let (cancelled, _) = answer_with("error=access_denied&state=the-state").await;
        let (other, _) =
            answer_with("error=server_error&error_description=down&state=the-state").await;

        assert_eq!(
            cancelled.expect_err("denied"),
            LoopbackError::DeniedAtProvider
        );
        assert_eq!(
            other.expect_err("error"),
            LoopbackError::ProviderError("server_error: down".into())
        );
    }

    #[tokio::test]
    async fn no_answer_in_time_closes_the_port() {
        let loopback = Loopback::open().await.expect("binds");
        let redirect = loopback.redirect_uri().to_owned();

        let outcome = loopback
            .wait(
                SecretString::new("s"),
                pages(),
                Duration::from_millis(50),
                std::future::pending(),
            )
            .await;

        assert_eq!(outcome.expect_err("timed out"), LoopbackError::TimedOut);
        assert!(reqwest::get(redirect).await.is_err(), "the port is closed");
    }

    #[tokio::test]
    async fn cancelling_in_the_app_ends_the_wait() {
        let loopback = Loopback::open().await.expect("binds");

        let outcome = loopback
            .wait(
                SecretString::new("s"),
                pages(),
                Duration::from_secs(60),
                std::future::ready(()),
            )
            .await;

        assert_eq!(outcome.expect_err("cancelled"), LoopbackError::Cancelled);
    }

    #[tokio::test]
    async fn other_paths_are_not_found_and_do_not_end_the_wait() {
        let loopback = Loopback::open().await.expect("binds");
        let base = loopback
            .redirect_uri()
            .trim_end_matches("/callback")
            .to_owned();
        let browser = tokio::spawn(async move {
            let favicon = reqwest::get(format!("{base}/favicon.ico"))
                .await
                .expect("answers");
            assert_eq!(favicon.status(), reqwest::StatusCode::NOT_FOUND);
            reqwest::get(format!("{base}/callback?code=c&state=s"))
                .await
                .expect("answers");
        });

        let outcome = loopback
            .wait(
                SecretString::new("s"),
                pages(),
                Duration::from_secs(10),
                std::future::pending(),
            )
            .await;

        browser.await.expect("browser");
        assert_eq!(outcome.expect("the later answer").code.expose(), "c");
    }

    #[test]
    fn the_page_escapes_its_texts() {
        let mut pages = pages();
        pages.done_text = r#"<script>alert(1)</script> & "Ann""#.into();

        let page = page(&pages, true).expect("renders");

        // askama writes numeric character references (`&#60;` for `<`, `&#38;` for `&`).
        assert!(
            page.contains("<p>&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Ann&#34;</p>"),
            "{page}"
        );
        assert!(!page.contains("<script"), "{page}");
    }

    #[test]
    fn the_title_and_the_language_cannot_add_markup_either() {
        let mut pages = pages();
        pages.language = r#"fr"><script>"#.into();
        pages.failed_title = "<b>Échec</b>".into();

        let page = page(&pages, false).expect("renders");

        assert!(
            page.contains(r#"lang="fr&#34;&#62;&#60;script&#62;""#),
            "{page}"
        );
        assert!(
            page.contains("<title>&#60;b&#62;Échec&#60;/b&#62;</title>"),
            "{page}"
        );
        assert!(
            page.contains("<h1>&#60;b&#62;Échec&#60;/b&#62;</h1>"),
            "{page}"
        );
        assert!(!page.contains("<script") && !page.contains("<b>"), "{page}");
    }
}
