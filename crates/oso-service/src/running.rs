//! Starting and stopping the service, in-process or as the standalone binary.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use oso_core::{Clock, SystemClock};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use oso_core::account_policy::PasswordRenewal;

use crate::accounts::{Accounts, Links};
use crate::api::{self, AppState};
use crate::config::ServiceConfig;
use crate::database::Database;
use crate::in_process::{Gate, InProcess};
use crate::mail::Mailer;
use crate::start_error::StartError;
use crate::store;

/// A service answering on [`RunningService::url`] until [`RunningService::shutdown`] is called
/// (or it is dropped, which stops it too).
#[derive(Debug)]
pub struct RunningService {
    address: SocketAddr,
    data_dir: PathBuf,
    outbox_dir: PathBuf,
    accounts: Accounts,
    state: AppState,
    in_process: InProcess,
    jobs: crate::jobs::Context,
    /// Set to how long the service may still wait for promised e-mail when it should stop.
    stop: Option<watch::Sender<Option<Duration>>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl RunningService {
    /// The base URL, without a trailing slash: `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The same router the listener serves, to be called from this process without a socket.
    pub fn in_process(&self) -> InProcess {
        self.in_process.clone()
    }

    /// The database this instance serves from.
    pub fn database(&self) -> &Database {
        &self.state.database
    }

    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Where e-mails are written as `.eml` files when no SMTP server is configured.
    pub fn outbox_dir(&self) -> &std::path::Path {
        &self.outbox_dir
    }

    /// Returns once every e-mail promised to requests already answered has been sent or failed.
    pub async fn promised_mail_sent(&self) {
        self.accounts.mailer().promised_mail_sent().await;
    }

    /// Runs the hourly jobs once now, after any run another instance has begun: for tests and
    /// operators. How many warnings went out and orders were deleted (what customers see; purges
    /// are not counted).
    pub async fn run_background_jobs(&self) -> Result<usize, crate::error::ServiceError> {
        let work = crate::jobs::run_hourly_now(&self.jobs).await?;
        Ok(work.warned + usize::try_from(work.deleted).unwrap_or(usize::MAX))
    }

    /// Moves an order as the supplier (operator API, `oso-service orders …`).
    pub async fn move_order(
        &self,
        number: &str,
        to: oso_core::OrderStatus,
        tracking_number: Option<&str>,
    ) -> Result<(), crate::orders::lifecycle::MoveError> {
        let request = crate::orders::lifecycle::Move {
            number,
            to,
            tracking_number,
            actor: crate::orders::lifecycle::Actor::Operator,
            user_id: None,
        };
        crate::orders::lifecycle::move_order(
            &self.state.database,
            self.accounts.mailer(),
            request,
            self.state.clock.now(),
        )
        .await
    }

    /// Stops accepting connections, lets requests in flight finish, waits (up to 30 s) for the
    /// e-mail promised to requests already answered, then returns.
    pub async fn shutdown(self) -> std::io::Result<()> {
        self.shutdown_waiting_for_mail(PROMISED_MAIL_GRACE).await
    }

    /// [`RunningService::shutdown`], waiting at most `mail_grace` for promised e-mail.
    pub async fn shutdown_waiting_for_mail(mut self, mail_grace: Duration) -> std::io::Result<()> {
        self.stop_signal(mail_grace);
        match self.task.take() {
            Some(task) => task
                .await
                .unwrap_or_else(|join| Err(std::io::Error::other(join))),
            None => Ok(()),
        }
    }

    /// Waits until the service stops by itself (it does not, unless the server fails).
    pub async fn wait(mut self) -> std::io::Result<()> {
        match self.task.take() {
            Some(task) => task
                .await
                .unwrap_or_else(|join| Err(std::io::Error::other(join))),
            None => Ok(()),
        }
    }

    fn stop_signal(&mut self, mail_grace: Duration) {
        if let Some(stop) = self.stop.take() {
            // The server may already have stopped; then there is nobody left to tell.
            let _ = stop.send(Some(mail_grace));
        }
    }
}

impl Drop for RunningService {
    fn drop(&mut self) {
        self.stop_signal(PROMISED_MAIL_GRACE);
    }
}

/// How long a stopping service waits for the e-mail it promised to requests already answered.
const PROMISED_MAIL_GRACE: Duration = Duration::from_secs(30);

/// Starts the service with the real clock.
pub async fn start(config: ServiceConfig) -> Result<RunningService, StartError> {
    start_with_clock(config, Arc::new(SystemClock)).await
}

/// Starts the service with the given clock: creates the data directory, opens and migrates the
/// database, binds the address and serves until shut down.
#[tracing::instrument(skip(clock), err)]
pub async fn start_with_clock(
    config: ServiceConfig,
    clock: Arc<dyn Clock>,
) -> Result<RunningService, StartError> {
    let outbox_dir = config.outbox_dir();
    // Only this OS user may read them (issue 17): the directories 0700, their files 0600.
    for dir in [&config.data_dir, &outbox_dir] {
        oso_files::private_dir(dir)
            .and_then(|()| oso_files::private_files_in(dir))
            .map_err(|source| StartError::DataDir {
                path: dir.clone(),
                source,
            })?;
    }
    let database = Database::open(&config).await?;
    let mut shipped = crate::catalogue::parse(crate::catalogue::SHIPPED)?;
    if let Some(max) = config.order_max_packs.filter(|max| *max > 0) {
        shipped.order_max_packs = max;
    }
    crate::catalogue::load(&database, &shipped, clock.now()).await?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            address: config.listen,
            source,
        })?;
    let address = listener.local_addr().map_err(|source| StartError::Listen {
        address: config.listen,
        source,
    })?;

    let mailer = match &config.smtp {
        Some(smtp) => Mailer::smtp(smtp, &config.mail_from)?,
        None => Mailer::outbox(outbox_dir.clone(), &config.mail_from)?,
    };
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"));
    let accounts = Accounts::on(
        database.clone(),
        Arc::clone(&clock),
        mailer,
        Links::new(&public_url),
        PasswordRenewal::every_days(i64::from(config.password_max_age_days)),
    );
    let accounts = match &config.oidc {
        Some(oidc) => accounts.with_sign_in_provider(&oidc.display_name),
        None => accounts,
    };
    let external = crate::external_sign_in::Provider::new(config.oidc.clone(), Arc::clone(&clock));
    let state = AppState {
        database: database.clone(),
        clock,
        accounts: accounts.clone(),
        external,
        track_and_trace_url: Arc::from(config.track_and_trace_url.as_str()),
        catalogue: crate::catalogue::CatalogueCache::default(),
        orders: crate::orders::OrderWriter::start_on(&database)
            .await
            .map_err(store::StoreError::from)?,
        events: crate::events::EventHub::start(database.clone()),
        recent_viewers: Arc::default(),
    };
    let router = api::router(
        state.clone(),
        api::AllowedHosts::for_listener(address, config.public_url.as_deref()),
        api::TrustedProxies::new(config.trusted_proxies.iter().copied()),
    );
    let in_process_gate = Gate::default();
    let in_process = InProcess::new(router.clone(), address, in_process_gate.clone());
    let (stop, stopped) = watch::channel(None);
    let jobs = crate::jobs::Context {
        database: state.database.clone(),
        clock: Arc::clone(&state.clock),
        accounts: accounts.clone(),
    };
    crate::jobs::spawn(jobs.clone(), stopped.clone());
    let running_jobs = jobs.clone();
    if let Some(seconds) = config
        .demo_advance_orders_every_seconds
        .filter(|seconds| *seconds > 0)
    {
        tracing::warn!(
            seconds,
            "DEMO: orders move through their statuses by themselves"
        );
        crate::jobs::spawn_demo(
            jobs,
            std::time::Duration::from_secs(seconds),
            stopped.clone(),
        );
    }
    let mailer = accounts.mailer().clone();
    let events = state.events.clone();
    let task = tokio::spawn(async move {
        let mut told_to_stop = stopped.clone();
        let served = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            // A dropped sender means the owner is gone: stop as well.
            let _ = told_to_stop.wait_for(Option::is_some).await;
            // Calls in process end as connections do: no new ones, those under way answered.
            in_process_gate.close().await;
            // Open event streams would hold the graceful shutdown for ever.
            events.close();
        })
        .await;
        // Confirmations of orders already answered are still on their way: a stop now would
        // lose them. They get a while to leave; a mail server that does not answer cannot hold
        // the stop for ever.
        let mail_grace = stopped.borrow().unwrap_or(PROMISED_MAIL_GRACE);
        if tokio::time::timeout(mail_grace, mailer.promised_mail_sent())
            .await
            .is_err()
        {
            tracing::warn!(?mail_grace, "stopping with e-mail still unsent");
        }
        database.close().await;
        tracing::info!("service stopped");
        served
    });

    tracing::info!(
        url = %format!("http://{address}"),
        database = %state.database.describe(),
        outbox = %outbox_dir.display(),
        trusted_proxies = ?config.trusted_proxies,
        "service started"
    );
    Ok(RunningService {
        accounts,
        state,
        in_process,
        jobs: running_jobs,
        address,
        data_dir: config.data_dir,
        outbox_dir,
        stop: Some(stop),
        task: Some(task),
    })
}
