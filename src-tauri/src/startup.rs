//! Everything the app needs before the page's first command: logs, the local database, the
//! catalogues and a service to talk to (started in-process unless a shared one is configured).
//! It is prepared beside the window, which opens first (see [`Readiness`]).

use std::sync::Arc;

use oso_service::{RunningService, ServiceConfig};
use reqwest::Url;
use tauri::AppHandle;
use tokio::sync::{watch, Mutex};
use tracing_appender::non_blocking::WorkerGuard;

use crate::connection::ConnectionStatus;
use crate::error::CommandError;
use crate::l10n::Locales;
use crate::paths::AppPaths;
use crate::settings_file::{
    ServiceTarget, SettingsError, SettingsFile, ALLOW_INSECURE_SERVICE, FILE_NAME, SERVICE_URL_ENV,
};
use crate::state::AppState;
use oso_desktop::client::{ClientError, LocalService, ServiceClient};
use oso_desktop::local::LocalStore;
use oso_desktop::secrets::SessionVault;
use oso_desktop::session::Session;

/// Whether [`AppState`] is in place. The window opens before it is, so that the web view loads
/// its page meanwhile; the page's first command (`app_ready`) waits here.
#[derive(Debug)]
pub struct Readiness(watch::Sender<Prepared>);

#[derive(Debug, Clone)]
enum Prepared {
    Not,
    Ready,
    /// OSO will not start as configured; the page shows why (translated) instead of vanishing.
    Refused(CommandError),
}

impl Default for Readiness {
    fn default() -> Self {
        Self(watch::Sender::new(Prepared::Not))
    }
}

impl Readiness {
    pub fn set_ready(&self) {
        self.0.send_replace(Prepared::Ready);
    }

    pub fn refuse(&self, why: CommandError) {
        self.0.send_replace(Prepared::Refused(why));
    }

    pub async fn wait(&self) -> Result<(), CommandError> {
        // The sender lives as long as the app, so the wait ends only once the state is decided.
        let mut prepared = self.0.subscribe();
        let decided = prepared
            .wait_for(|prepared| !matches!(prepared, Prepared::Not))
            .await
            .map(|decided| decided.clone());
        match decided {
            Ok(Prepared::Refused(why)) => Err(why),
            _ => Ok(()),
        }
    }
}

/// The code of a start refused for an unencrypted service URL on another machine.
pub const INSECURE_SERVICE_REFUSED: &str = "insecure_service_refused";

/// What the page shows when OSO will not start as configured, in the display language: today
/// an `http://` service URL on another machine without `allow_insecure_service = true`. `None`
/// for any other failure (those end the app, as a failed start always did).
pub fn refusal_to_show(app: &AppHandle, error: &anyhow::Error) -> Option<CommandError> {
    let Some(SettingsError::InsecureServiceUrl { url, origin }) =
        error.downcast_ref::<SettingsError>()
    else {
        return None;
    };
    let locales = Locales::load().ok()?;
    let chosen = AppPaths::resolve(app).ok().and_then(|paths| {
        tauri::async_runtime::block_on(async move {
            let local = LocalStore::open(&paths.local_database()).await.ok()?;
            let language = local.ui_language().await.ok().flatten();
            local.close().await;
            language
        })
    });
    let language = chosen.unwrap_or_else(crate::l10n::os_language);
    let text = locales.catalogue(language).format(
        "start-refused-insecure-service",
        &[
            ("url", url.as_str().into()),
            ("origin", origin.as_str().into()),
            ("setting", ALLOW_INSECURE_SERVICE.into()),
            ("file", FILE_NAME.into()),
        ],
    )?;
    Some(CommandError::new(INSECURE_SERVICE_REFUSED, text))
}

/// The embedded service's preferred port: links in e-mails (activation, password reset) point at
/// it, so a stable port keeps them working after a restart. Taken → any free port.
const EMBEDDED_PORT: u16 = 48_480;

async fn start_embedded(
    paths: &AppPaths,
    oidc: Option<oso_service::config::OidcConfig>,
) -> anyhow::Result<RunningService> {
    let mut config = ServiceConfig::embedded(paths.embedded_service_dir());
    config.oidc = oidc;
    // DEMO ONLY: lets someone trying the app see orders move without a supplier.
    config.demo_advance_orders_every_seconds =
        std::env::var("OSO_DEMO_ADVANCE_ORDERS_EVERY_SECONDS")
            .ok()
            .and_then(|seconds| seconds.parse().ok());
    let preferred = ServiceConfig {
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], EMBEDDED_PORT)),
        ..config.clone()
    };
    match oso_service::start(preferred).await {
        Ok(service) => Ok(service),
        Err(oso_service::StartError::Listen { .. }) => {
            tracing::info!(
                port = EMBEDDED_PORT,
                "preferred port taken; using a free one"
            );
            Ok(oso_service::start(config).await?)
        }
        Err(other) => Err(other.into()),
    }
}

/// The embedded service's client as the app has it: its calls go through the service's router in
/// this process, not over its listener (the benchmarks measure this same client).
pub fn client_of_embedded(service: &RunningService) -> Result<ServiceClient, ClientError> {
    let router = service.in_process();
    let call = LocalService::new(move |request| {
        let router = router.clone();
        // Stopped: the app is quitting; callers take it as a service out of reach.
        Box::pin(async move { router.call(request).await.ok() })
    });
    let listener = Url::parse(&service.url())
        .map_err(|error| ClientError::UnexpectedAnswer(format!("listener URL: {error}")))?;
    ServiceClient::in_process(listener, call)
}

/// What comes before the window: where the files are, and the logs, so that everything after
/// is logged. Cheap; [`start`] does the rest beside the window.
#[derive(Debug)]
pub struct Beginning {
    paths: AppPaths,
    log_guard: WorkerGuard,
}

pub fn begin(app: &AppHandle) -> anyhow::Result<Beginning> {
    let paths = AppPaths::resolve(app)?;
    let log_guard = crate::logging::init(&paths.log_dir)?;
    tracing::info!(data_dir = %paths.data_dir.display(), "data directory");
    // For this OS user only (0700), tightened (and logged) when an earlier version left it open.
    oso_files::private_dir(&paths.data_dir)?;
    Ok(Beginning { paths, log_guard })
}

pub fn start(beginning: Beginning) -> anyhow::Result<AppState> {
    let Beginning { paths, log_guard } = beginning;
    let locales = Arc::new(Locales::load()?);
    let settings = SettingsFile::load(&paths.settings_file())?;
    let target = settings.service_target(std::env::var(SERVICE_URL_ENV).ok())?;
    let insecure = target.is_insecure();
    if insecure {
        tracing::warn!(
            "{ALLOW_INSECURE_SERVICE} is set: the service is reached without encryption over a \
             network; passwords and orders can be read on the way"
        );
    }
    tauri::async_runtime::block_on(async move {
        let local = LocalStore::open(&paths.local_database()).await?;
        let (base_url, embedded) = match target {
            ServiceTarget::Remote(url) => {
                tracing::info!(%url, "using a shared service");
                (url, None)
            }
            ServiceTarget::Embedded => {
                if settings.oidc.is_some() {
                    tracing::info!(
                        "the embedded service offers Log in via the configured provider"
                    );
                }
                let service = start_embedded(&paths, settings.oidc).await?;
                tracing::info!(
                    url = %service.url(),
                    outbox = %service.outbox_dir().display(),
                    "embedded service started; e-mails are written to the outbox"
                );
                (Url::parse(&service.url())?, Some(service))
            }
        };
        // The embedded service is called through its router, in this process (issue 23).
        let client = match &embedded {
            Some(service) => client_of_embedded(service)?,
            None => ServiceClient::new(base_url.clone())?,
        };
        let session =
            Session::restore(SessionVault::open(&paths.data_dir).await, local.clone()).await;
        let (connection, _) = watch::channel(ConnectionStatus::checking(
            &base_url,
            embedded.is_some(),
            insecure,
        ));
        Ok(AppState {
            client,
            local,
            locales,
            connection,
            session,
            catalogue: Default::default(),
            approval_retry: Default::default(),
            sending: Mutex::new(()),
            embedded: Mutex::new(embedded),
            _log_guard: log_guard,
        })
    })
}
