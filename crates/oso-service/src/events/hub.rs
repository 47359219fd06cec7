//! The fan-out: one task per service instance reads new `events` rows and hands them to the
//! streams of this instance, which keep what is theirs.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use tokio::sync::{broadcast, watch};

use super::store::{self, StoredEvent};
use crate::database::Database;

/// How often the hub looks for rows it was not told of: written by another process on the same
/// SQLite file (the operator's commands), or while PostgreSQL's listener reconnected.
const SWEEP_EVERY: Duration = Duration::from_secs(2);

/// The most rows read at once; more are read at once after.
const READ_AT_ONCE: i64 = 500;

/// Events a slow stream may fall behind by before it reads the rest from the table.
const BUFFERED: usize = 1024;

/// Every hub of this process waits on this: a change says "new rows" after its commit.
static POKES: LazyLock<watch::Sender<u64>> = LazyLock::new(|| watch::channel(0).0);

/// After a commit that wrote events: the hubs of this process read them now.
pub fn poke() {
    POKES.send_modify(|pokes| *pokes = pokes.wrapping_add(1));
}

/// New events of every login, for this instance's streams. Dropping the last clone stops it.
#[derive(Debug, Clone)]
pub struct EventHub {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    sender: broadcast::Sender<Arc<StoredEvent>>,
    task: tokio::task::AbortHandle,
    /// True once the service stops: every stream ends, so the server's graceful shutdown (which
    /// waits for open connections) is not held by streams that would never end.
    closing: watch::Sender<bool>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl EventHub {
    /// Starts reading `database`'s new events (from the newest row at start).
    pub fn start(database: Database) -> Self {
        let (sender, _) = broadcast::channel(BUFFERED);
        let task = tokio::spawn(fan_out(database, sender.clone())).abort_handle();
        let (closing, _) = watch::channel(false);
        Self {
            inner: Arc::new(Inner {
                sender,
                task,
                closing,
            }),
        }
    }

    /// The service stops: every stream ends now.
    pub fn close(&self) {
        self.inner.closing.send_replace(true);
    }

    /// Resolves once the service stops.
    pub async fn closed(&self) {
        let mut closing = self.inner.closing.subscribe();
        let _ = closing.wait_for(|closing| *closing).await;
    }

    /// Every event from now on; a stream keeps its login's.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<StoredEvent>> {
        self.inner.sender.subscribe()
    }
}

async fn fan_out(database: Database, sender: broadcast::Sender<Arc<StoredEvent>>) {
    let mut last = loop {
        match store::newest_id(&database).await {
            Ok(newest) => break newest,
            Err(error) => {
                tracing::warn!(%error, "the event hub cannot read the events yet");
                tokio::time::sleep(SWEEP_EVERY).await;
            }
        }
    };
    let mut pokes = POKES.subscribe();
    let mut listener = listen(&database).await;
    loop {
        tokio::select! {
            changed = pokes.changed() => {
                if changed.is_err() {
                    return;
                }
            }
            () = notified(&mut listener) => {}
            () = tokio::time::sleep(SWEEP_EVERY) => {}
        }
        loop {
            let read = match store::after(&database, last, READ_AT_ONCE).await {
                Ok(read) => read,
                Err(error) => {
                    tracing::debug!(%error, "no events read this time");
                    break;
                }
            };
            let full = read.len() as i64 == READ_AT_ONCE;
            for event in read {
                last = event.id;
                // No stream listening is no error: the rows stay for a reconnect.
                let _ = sender.send(Arc::new(event));
            }
            if !full {
                break;
            }
        }
    }
}

/// PostgreSQL's `LISTEN oso_events`, so a decision on another instance arrives at once.
async fn listen(database: &Database) -> Option<sqlx::postgres::PgListener> {
    let Database::Postgres(pool) = database else {
        return None;
    };
    let mut listener = match sqlx::postgres::PgListener::connect_with(pool).await {
        Ok(listener) => listener,
        Err(error) => {
            tracing::warn!(%error, "cannot listen for events; the sweep still finds them");
            return None;
        }
    };
    if let Err(error) = listener.listen(oso_service_postgres::events::CHANNEL).await {
        tracing::warn!(%error, "cannot listen for events; the sweep still finds them");
        return None;
    }
    Some(listener)
}

/// The next notification, or never without a listener. A broken connection is re-made by
/// sqlx on the next receive; what was said meanwhile the sweep finds.
async fn notified(listener: &mut Option<sqlx::postgres::PgListener>) {
    match listener {
        Some(listener) => {
            if let Err(error) = listener.recv().await {
                tracing::debug!(%error, "the event listener reconnects");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
        None => std::future::pending().await,
    }
}
