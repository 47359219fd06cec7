//! Background jobs, at start and then every hour: password-expiry warnings, eSecure requests left
//! open (a reminder after 48 hours, expiry after 14 days), deleting orders
//! past their 30-day retention, and purging what has expired of the logins (pending logins after
//! 48 hours, tokens, sessions, throttle and mail-limit counts). With several instances on one
//! database, one instance at a time runs each job ([`crate::job_lead`]).

use std::sync::Arc;
use std::time::Duration;

use oso_core::Clock;
use tokio::sync::watch;

use crate::accounts::Accounts;
use crate::database::Database;
use crate::job_lead::{self, Lead};

const EVERY: Duration = Duration::from_secs(60 * 60);

/// What the jobs work on (not the HTTP layer's state: the jobs answer no request).
#[derive(Debug, Clone)]
pub struct Context {
    pub database: Database,
    pub clock: Arc<dyn Clock>,
    pub accounts: Accounts,
}

/// The lead of `job` for this run, or `None` when another instance runs it now.
async fn lead(database: &Database, job: &'static str) -> Option<Lead> {
    match job_lead::take(database, job).await {
        Ok(Some(lead)) => Some(lead),
        Ok(None) => {
            tracing::debug!(job, "another instance runs this job now");
            None
        }
        Err(error) => {
            tracing::error!(%error, job, "cannot ask for the job's lead");
            None
        }
    }
}

async fn give_up(lead: Lead, job: &'static str) {
    if let Err(error) = lead.give_up().await {
        tracing::error!(%error, job, "cannot give up the job's lead");
    }
}

/// What one run of the hourly jobs did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HourlyWork {
    /// Password expiry warnings sent.
    pub warned: usize,
    /// Expired logins, tokens, sessions and counts purged.
    pub purged: u64,
    /// Orders past their retention deleted.
    pub deleted: u64,
    /// eSecure requests open 48 hours that reminded their administrators, and those open 14
    /// days that expired.
    pub reminded: usize,
    pub expired: usize,
}

/// The hourly jobs, once, under their lead: warnings, purges, deletions. A failing job is
/// logged and the others still run (one broken row must not keep orders past their retention).
async fn run_hourly_led(state: &Context, lead: Lead) -> HourlyWork {
    let mut work = HourlyWork::default();
    match state.accounts.send_password_expiry_warnings().await {
        Ok(0) => {}
        Ok(sent) => {
            work.warned = sent;
            tracing::info!(sent, "password expiry warnings sent");
        }
        Err(error) => tracing::error!(%error, "password expiry warnings failed"),
    }
    match state.accounts.purge_expired().await {
        Ok(0) => {}
        Ok(purged) => {
            work.purged = purged;
            tracing::info!(purged, "expired logins, tokens and sessions purged");
        }
        Err(error) => tracing::error!(%error, "purging expired logins failed"),
    }
    let cx =
        crate::esecure::context::Context::new(&state.database, &state.accounts, state.clock.now());
    match crate::esecure::reminders::run(cx).await {
        Ok(done) => {
            work.reminded = done.reminded;
            work.expired = done.expired;
            if done.reminded + done.expired > 0 {
                tracing::info!(
                    reminded = done.reminded,
                    expired = done.expired,
                    "open eSecure requests"
                );
            }
        }
        Err(error) => tracing::error!(?error, "reminding or expiring eSecure requests failed"),
    }
    match crate::orders::lifecycle::delete_expired(&state.database, state.clock.now()).await {
        Ok(0) => {}
        Ok(deleted) => {
            work.deleted = deleted;
            tracing::info!(deleted, "orders past their retention deleted");
        }
        Err(error) => tracing::error!(%error, "deleting expired orders failed"),
    }
    give_up(lead, "hourly").await;
    work
}

/// The hourly jobs now (an operator, a test), after any run another instance has begun.
pub async fn run_hourly_now(state: &Context) -> Result<HourlyWork, sqlx::Error> {
    let lead = job_lead::wait_for(&state.database, "hourly").await?;
    Ok(run_hourly_led(state, lead).await)
}

pub fn spawn(state: Context, mut stopped: watch::Receiver<Option<Duration>>) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = stopped.wait_for(Option::is_some) => return,
            }
            // Another instance running them now does this hour's work.
            if let Some(lead) = lead(&state.database, "hourly").await {
                run_hourly_led(&state, lead).await;
            }
        }
    });
}

/// DEMO ONLY (`demo_advance_orders_every_seconds`): moves open orders along on a timer.
pub fn spawn_demo(state: Context, every: Duration, mut stopped: watch::Receiver<Option<Duration>>) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.tick().await;
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = stopped.wait_for(Option::is_some) => return,
            }
            let Some(lead) = lead(&state.database, "demo-mover").await else {
                continue;
            };
            let mailer = state.accounts.mailer().clone();
            match crate::operator::demo_advance_all(&state.database, &mailer, state.clock.now())
                .await
            {
                Ok(0) => {}
                Ok(moved) => tracing::info!(moved, "DEMO: orders moved along"),
                Err(error) => tracing::error!(%error, "DEMO: moving orders failed"),
            }
            give_up(lead, "demo-mover").await;
        }
    });
}
