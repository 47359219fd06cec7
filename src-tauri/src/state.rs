//! The state every Tauri command can reach. Kept apart from start-up so that the modules the
//! commands use can name it without importing start-up, which imports them.

use std::sync::Arc;

use oso_service::RunningService;
use tokio::sync::{watch, Mutex};
use tracing_appender::non_blocking::WorkerGuard;

use crate::l10n::Locales;
use oso_desktop::client::ServiceClient;
use oso_desktop::connection_status::ConnectionStatus;
use oso_desktop::local::LocalStore;
use oso_desktop::session::Session;

/// The state every command can reach.
#[derive(Debug)]
pub struct AppState {
    pub client: ServiceClient,
    pub local: LocalStore,
    pub locales: Arc<Locales>,
    pub connection: watch::Sender<ConnectionStatus>,
    pub session: Session,
    pub catalogue: oso_desktop::catalogue::CatalogueState,
    pub approval_retry: oso_desktop::approval_retry::ApprovalRetry,
    /// Held while the queue is sent (`outbound::send_waiting`): one sending at a time.
    pub(crate) sending: Mutex<()>,
    pub(crate) embedded: Mutex<Option<RunningService>>,
    pub(crate) _log_guard: WorkerGuard,
}

impl AppState {
    /// Stops the in-process service, letting requests in flight finish.
    pub async fn stop_embedded_service(&self) {
        if let Some(service) = self.embedded.lock().await.take() {
            if let Err(error) = service.shutdown().await {
                tracing::warn!(%error, "the embedded service did not stop cleanly");
            }
        }
    }
}
