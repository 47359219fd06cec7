//! "Log in via …" (the carrier's account, OpenID Connect): the system browser, a loopback
//! listener for its answer, the code to the service, and a first sign-in's last step. The
//! ticket of that step stays here, never in the page.

use oso_api::external_sign_in::{ExternalCodeRedemption, ExternalLink, ExternalRegistration};
use oso_core::{Language, SecretString};
use oso_desktop::client::{Grant, OidcAnswer};
use oso_desktop::oidc_browser::{
    AuthorizationRequest, Loopback, LoopbackError, ReturnPages, WAIT_FOR_BROWSER,
};
use oso_desktop::session::SessionView;
use serde::Serialize;
use tauri::{Manager, State};
use tokio::sync::{oneshot, Mutex};

use crate::error::{self, CommandError};
use crate::state::AppState;

/// One sign-in at a time: the way to cancel the one waiting for the browser, and the ticket
/// of a first sign-in's last step.
#[derive(Debug, Default)]
pub struct OidcSignIn {
    /// The sign-in waiting for the browser: its number, and the way to stop it.
    cancel: Mutex<Option<(u64, oneshot::Sender<()>)>>,
    started: std::sync::atomic::AtomicU64,
    pending: Mutex<Option<PendingStep>>,
}

#[derive(Debug)]
struct PendingStep {
    ticket: SecretString,
    stay_signed_in: bool,
}

/// The button's provider, when the service offers one.
#[derive(Debug, Serialize)]
pub struct OidcOffer {
    pub display_name: String,
}

/// Where a sign-in stands after the browser: signed in, or one form away.
#[derive(Debug, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum OidcStep {
    SignedIn {
        session: SessionView,
    },
    /// A new login: ask for the company name; contact name and language prefilled.
    Register {
        email: String,
        contact_name: String,
        language: Option<String>,
    },
    /// A password login has this address: ask for its password, once.
    Link {
        email: String,
    },
}

/// What the login card offers; nothing when the service has no provider or is out of reach
/// (the password form is there in any case).
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn oidc_offer(state: State<'_, AppState>) -> Result<Option<OidcOffer>, CommandError> {
    match state.client.oidc_offer().await {
        Ok(offer) => Ok(offer.map(|offer| OidcOffer {
            display_name: offer.display_name,
        })),
        Err(oso_desktop::client::ClientError::Unreachable(error)) => {
            tracing::info!(%error, "no service to ask for its sign-in provider");
            Ok(None)
        }
        Err(other) => Err(other.into()),
    }
}

/// Opens the browser at the provider and waits (up to 5 minutes) for it to come back; then
/// redeems the code at the service.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn oidc_sign_in(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    flow: State<'_, OidcSignIn>,
    stay_signed_in: bool,
) -> Result<OidcStep, CommandError> {
    let offer = state.client.oidc_offer().await?.ok_or_else(|| {
        CommandError::new(oso_api::ErrorCode::NotFound.as_str(), "no sign-in provider")
    })?;
    let endpoint = offer.authorization_endpoint.clone().ok_or_else(|| {
        CommandError::new(
            oso_api::ErrorCode::ExternalProviderUnreachable.as_str(),
            "the service cannot reach the provider",
        )
    })?;
    let loopback = Loopback::open().await.map_err(loopback_error)?;
    let request =
        AuthorizationRequest::new(&offer, &endpoint, loopback.redirect_uri()).map_err(|error| {
            CommandError::new(
                oso_api::ErrorCode::ExternalProviderUnreachable.as_str(),
                error.to_string(),
            )
        })?;
    let (cancel, cancelled) = oneshot::channel();
    let this = flow
        .started
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // A sign-in started again replaces the one waiting (its browser tab is stale).
    if let Some((_, earlier)) = flow.cancel.lock().await.replace((this, cancel)) {
        let _ = earlier.send(());
    }
    *flow.pending.lock().await = None;
    crate::browser::open(&app, request.url.as_str())
        .map_err(|error| CommandError::new(oso_api::ErrorCode::Internal.as_str(), error))?;
    let pages = return_pages(&state).await?;
    let answer = loopback
        .wait(request.state.clone(), pages, WAIT_FOR_BROWSER, async {
            let _ = cancelled.await;
        })
        .await;
    {
        let mut waiting = flow.cancel.lock().await;
        if waiting.as_ref().is_some_and(|(number, _)| *number == this) {
            waiting.take();
        }
    }
    // The person was in the browser: OSO comes back to the front for the next step.
    crate::window::focus_main(&app);
    let answer = answer.map_err(loopback_error)?;
    let redemption = ExternalCodeRedemption {
        code: answer.code,
        code_verifier: request.code_verifier,
        redirect_uri: request.redirect_uri,
        nonce: request.nonce,
    };
    match state.client.oidc_redeem(&redemption).await? {
        OidcAnswer::SignedIn(grant) => Ok(OidcStep::SignedIn {
            session: begin_session(&app, &state, grant, stay_signed_in).await?,
        }),
        OidcAnswer::RegistrationNeeded {
            ticket,
            email,
            contact_name,
            language,
        } => {
            *flow.pending.lock().await = Some(PendingStep {
                ticket,
                stay_signed_in,
            });
            Ok(OidcStep::Register {
                email,
                contact_name,
                language,
            })
        }
        OidcAnswer::LinkNeeded { ticket, email } => {
            *flow.pending.lock().await = Some(PendingStep {
                ticket,
                stay_signed_in,
            });
            Ok(OidcStep::Link { email })
        }
    }
}

/// Stops waiting for the browser (the user pressed Cancel in the app).
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all)]
pub async fn oidc_cancel(flow: State<'_, OidcSignIn>) -> Result<(), CommandError> {
    if let Some((_, cancel)) = flow.cancel.lock().await.take() {
        let _ = cancel.send(());
    }
    *flow.pending.lock().await = None;
    Ok(())
}

/// A first sign-in's new login: the company name (and the prefilled rest), then signed in.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn oidc_register(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    flow: State<'_, OidcSignIn>,
    company_name: String,
    contact_name: String,
    language: String,
) -> Result<SessionView, CommandError> {
    let (ticket, stay_signed_in) = pending(&flow).await?;
    let form = ExternalRegistration {
        ticket,
        company_name,
        contact_name,
        language,
    };
    let grant = state.client.oidc_register(&form).await?;
    *flow.pending.lock().await = None;
    begin_session(&app, &state, grant, stay_signed_in).await
}

/// A first sign-in's link to the password login with the same address; a wrong password
/// keeps the step open for another try.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn oidc_link(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    flow: State<'_, OidcSignIn>,
    password: SecretString,
) -> Result<SessionView, CommandError> {
    let (ticket, stay_signed_in) = pending(&flow).await?;
    let grant = state
        .client
        .oidc_link(&ExternalLink { ticket, password })
        .await?;
    *flow.pending.lock().await = None;
    begin_session(&app, &state, grant, stay_signed_in).await
}

async fn pending(flow: &OidcSignIn) -> Result<(SecretString, bool), CommandError> {
    flow.pending
        .lock()
        .await
        .as_ref()
        .map(|step| (step.ticket.clone(), step.stay_signed_in))
        .ok_or_else(|| {
            CommandError::new(
                oso_api::ErrorCode::TokenInvalid.as_str(),
                "no sign-in waits for this step",
            )
        })
}

/// As a password sign-in ends: the session (in the keyring when asked), the eSecure watch,
/// the offline copies.
async fn begin_session(
    app: &tauri::AppHandle,
    state: &AppState,
    grant: Grant,
    stay_signed_in: bool,
) -> Result<SessionView, CommandError> {
    state
        .session
        .begin(grant.token, grant.user, stay_signed_in)
        .await;
    app.state::<crate::esecure::EsecureWatch>().wake();
    super::address_book::prefetch_for_offline(app.clone());
    Ok(state.session.view(&state.client).await?)
}

/// The page the browser shows on coming back, in the app's display language.
async fn return_pages(state: &AppState) -> Result<ReturnPages, CommandError> {
    let language: Language = super::l10n::display_language(state).await?;
    let catalogue = state.locales.catalogue(language);
    let text = |id| catalogue.say(id, &[]);
    Ok(ReturnPages {
        language: language.code().to_owned(),
        done_title: text("oidc-return-done-title"),
        done_text: text("oidc-return-done-text"),
        failed_title: text("oidc-return-failed-title"),
        failed_text: text("oidc-return-failed-text"),
    })
}

fn loopback_error(error: LoopbackError) -> CommandError {
    let code = match &error {
        LoopbackError::DeniedAtProvider | LoopbackError::Cancelled => error::OIDC_CANCELLED,
        LoopbackError::StateMismatch => error::OIDC_STATE_MISMATCH,
        LoopbackError::TimedOut => error::OIDC_TIMED_OUT,
        LoopbackError::ProviderError(_) => oso_api::ErrorCode::ExternalCodeRefused.as_str(),
        LoopbackError::Listener(_) => oso_api::ErrorCode::Internal.as_str(),
    };
    CommandError::new(code, error.to_string())
}
