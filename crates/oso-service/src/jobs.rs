//! Background jobs: the password-expiry warnings, checked at start and then every hour.

use std::time::Duration;

use tokio::sync::watch;

use crate::accounts::Accounts;

const EVERY: Duration = Duration::from_secs(60 * 60);

pub fn spawn(accounts: Accounts, mut stopped: watch::Receiver<bool>) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = stopped.wait_for(|stop| *stop) => return,
            }
            match accounts.send_password_expiry_warnings().await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "password expiry warnings sent"),
                Err(error) => tracing::error!(%error, "password expiry warnings failed"),
            }
        }
    });
}
