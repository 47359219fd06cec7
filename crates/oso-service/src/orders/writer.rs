//! Group commit for orders. Every order is written by one task on one connection of its own,
//! with `synchronous = FULL`: orders that arrive while a commit is on disk are written together
//! in the next transaction, so one disk flush confirms many orders instead of each order waiting
//! for its own flush and for SQLite's write lock.
//!
//! Durability is unchanged: an order is answered only after the commit that holds it returned.
//! One order that fails (a constraint, say) fails alone: the batch is then written again order by
//! order, so the others are neither lost nor refused.
//!
//! On PostgreSQL the writer works the same way on a connection of its own, with
//! `synchronous_commit` on: one WAL flush per batch. Several instances each have their writer;
//! the order numbers come from the database's sequence, and a key placed on one instance is
//! answered as placed on any other (the unique key makes the later insert wait, then do nothing).

use sqlx::postgres::PgConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, PgPool};
use tokio::sync::{mpsc, oneshot};

use super::store::{self, NewOrder};
use super::PlacedOrder;
use crate::database::{Conn, Database};

/// The most orders one transaction holds; more wait for the next commit.
const MOST_PER_COMMIT: usize = 128;

/// Orders waiting for the writer beyond this make callers wait to hand theirs over.
const QUEUE: usize = 1024;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Store(#[from] sqlx::Error),
    #[error("the order writer has stopped")]
    Stopped,
}

type Outcome = Result<Option<PlacedOrder>, WriteError>;

/// The writer's own connection.
#[derive(Debug)]
enum WriterConn {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

#[derive(Debug)]
struct Job {
    order: NewOrder,
    answer: oneshot::Sender<Outcome>,
}

/// Hands orders to the writer task; cheap to clone. The task ends when the last clone is gone.
#[derive(Debug, Clone)]
pub struct OrderWriter {
    jobs: mpsc::Sender<Job>,
}

impl OrderWriter {
    /// Opens the writer's own connection to the database `options` describe and starts its task.
    pub async fn start(options: &SqliteConnectOptions) -> Result<Self, sqlx::Error> {
        let conn = options
            .clone()
            .synchronous(SqliteSynchronous::Full)
            .connect()
            .await?;
        Ok(Self::spawn(WriterConn::Sqlite(conn)))
    }

    /// Opens the writer's own connection to `database`, whichever engine, and starts its task.
    pub async fn start_on(database: &Database) -> Result<Self, sqlx::Error> {
        match database {
            Database::Sqlite(pool) => Self::start(&pool.connect_options()).await,
            Database::Postgres(pool) => Self::start_postgres(pool).await,
        }
    }

    /// Opens the writer's own connection to the PostgreSQL database of `pool` and starts its task.
    pub async fn start_postgres(pool: &PgPool) -> Result<Self, sqlx::Error> {
        let conn = PgConnection::connect_with(&pool.connect_options()).await?;
        Ok(Self::spawn(WriterConn::Postgres(conn)))
    }

    fn spawn(conn: WriterConn) -> Self {
        let (jobs, queue) = mpsc::channel(QUEUE);
        tokio::spawn(write_until_closed(conn, queue));
        Self { jobs }
    }

    /// Writes `order` durably. `None` when the user placed an order with its key already.
    #[tracing::instrument(skip_all, err(level = "warn"))]
    pub async fn write(&self, order: NewOrder) -> Outcome {
        let (answer, answered) = oneshot::channel();
        self.jobs
            .send(Job { order, answer })
            .await
            .map_err(|_| WriteError::Stopped)?;
        answered.await.map_err(|_| WriteError::Stopped)?
    }
}

async fn write_until_closed(mut conn: WriterConn, mut queue: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MOST_PER_COMMIT);
    while queue.recv_many(&mut batch, MOST_PER_COMMIT).await > 0 {
        let outcomes = write_batch(&mut conn, &batch).await;
        for (job, outcome) in batch.drain(..).zip(outcomes) {
            // A caller that stopped waiting (its client hung up) finds its order by its key.
            let _ = job.answer.send(outcome);
        }
    }
    let closed = match conn {
        WriterConn::Sqlite(conn) => conn.close().await,
        WriterConn::Postgres(conn) => conn.close().await,
    };
    if let Err(error) = closed {
        tracing::warn!(%error, "closing the order writer's connection");
    }
}

async fn write_batch(conn: &mut WriterConn, batch: &[Job]) -> Vec<Outcome> {
    let size = batch.len();
    match write_together(conn, batch.iter().map(|job| &job.order)).await {
        Ok(placed) => placed.into_iter().map(Ok).collect(),
        Err(error) if size == 1 => vec![Err(error.into())],
        Err(error) => {
            tracing::warn!(%error, size, "a batch of orders failed; writing them one by one");
            let mut outcomes = Vec::with_capacity(size);
            for job in batch {
                let alone = write_together(conn, std::iter::once(&job.order)).await;
                outcomes.push(
                    alone
                        .map(|mut placed| placed.pop().flatten())
                        .map_err(WriteError::from),
                );
            }
            outcomes
        }
    }
}

/// One transaction with every order in `orders`, committed (and flushed) before it returns.
async fn write_together<'a>(
    conn: &mut WriterConn,
    orders: impl Iterator<Item = &'a NewOrder>,
) -> Result<Vec<Option<PlacedOrder>>, sqlx::Error> {
    let mut placed = Vec::new();
    match conn {
        WriterConn::Sqlite(conn) => {
            let mut tx = conn.begin_with(crate::store::BEGIN_WRITE).await?;
            for order in orders {
                placed.push(store::insert_on(&mut Conn::from(&mut *tx), order).await?);
            }
            tx.commit().await?;
        }
        WriterConn::Postgres(conn) => {
            let mut tx = conn.begin().await?;
            for order in orders {
                placed.push(store::insert_on(&mut Conn::from(&mut *tx), order).await?);
            }
            tx.commit().await?;
        }
    }
    Ok(placed)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::orders::store_tests::order;

    async fn database() -> (tempfile::TempDir, SqliteConnectOptions, i64) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("orders.sqlite3");
        let pool = crate::store::open(&path).await.expect("database");
        let catalogue = crate::catalogue::parse(crate::catalogue::SHIPPED).expect("catalogue");
        crate::catalogue::load(
            &crate::database::Database::Sqlite(pool.clone()),
            &catalogue,
            Utc::now(),
        )
        .await
        .expect("loaded");
        let user: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, email_canonical, company_name, contact_name, language, password_hash,
                                password_changed_at, status, created_at)
             VALUES ('ann@zebra.example', 'ann@zebra.example', 'Zebra', 'Ann', 'en', 'x', ?1, 'active', ?1)
             RETURNING id",
        )
        .bind(Utc::now())
        .fetch_one(&pool)
        .await
        .expect("user");
        pool.close().await;
        (dir, crate::store::options(&path), user)
    }

    #[tokio::test]
    async fn concurrent_orders_are_all_written_once_each_with_its_own_number() {
        let (_dir, options, user) = database().await;
        let writer = OrderWriter::start(&options).await.expect("writer");
        let mut tasks = Vec::new();
        for index in 0..200 {
            let writer = writer.clone();
            let key = format!("concurrent-key-{index:04}");
            tasks.push(tokio::spawn(async move {
                writer.write(order(user, &key, "ENV-DL-50")).await
            }));
        }
        let mut numbers = std::collections::HashSet::new();
        for task in tasks {
            let placed = task.await.expect("task").expect("written").expect("new");
            assert!(numbers.insert(placed.order_number));
        }
        let mut conn = options.connect().await.expect("reader");
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders")
            .fetch_one(&mut conn)
            .await
            .expect("count");
        assert_eq!(stored, 200);
    }

    #[tokio::test]
    async fn one_failing_order_in_a_batch_fails_alone_and_a_repeated_key_is_not_written_twice() {
        let (_dir, options, user) = database().await;
        let mut conn = WriterConn::Sqlite(
            options
                .clone()
                .connect()
                .await
                .expect("writer's connection"),
        );
        let mut answers = Vec::new();
        let mut batch = Vec::new();
        for (key, sku) in [
            ("batch-key-first-0001", "ENV-DL-50"),
            // No such item: the line's foreign key fails, and with it this order only.
            ("batch-key-broken-002", "NO-SUCH-ITEM"),
            ("batch-key-first-0001", "ENV-C5-50"),
            ("batch-key-third-0003", "ENV-C4-25"),
        ] {
            let (answer, answered) = oneshot::channel();
            batch.push(Job {
                order: order(user, key, sku),
                answer,
            });
            answers.push(answered);
        }
        let outcomes = write_batch(&mut conn, &batch).await;
        assert!(matches!(&outcomes[0], Ok(Some(_))), "{:?}", outcomes[0]);
        assert!(
            matches!(&outcomes[1], Err(WriteError::Store(_))),
            "{:?}",
            outcomes[1]
        );
        assert!(matches!(&outcomes[2], Ok(None)), "{:?}", outcomes[2]);
        assert!(matches!(&outcomes[3], Ok(Some(_))), "{:?}", outcomes[3]);
        let WriterConn::Sqlite(mut conn) = conn else {
            panic!("the writer was given SQLite");
        };
        let keys: Vec<String> =
            sqlx::query_scalar("SELECT idempotency_key FROM orders ORDER BY id")
                .fetch_all(&mut conn)
                .await
                .expect("keys");
        assert_eq!(keys, ["batch-key-first-0001", "batch-key-third-0003"]);
        let lines: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM order_lines")
            .fetch_one(&mut conn)
            .await
            .expect("lines");
        assert_eq!(lines, 2, "the broken order left no line behind");
    }

    #[tokio::test]
    async fn an_order_number_is_never_given_twice_even_after_every_order_was_deleted() {
        let (_dir, options, user) = database().await;
        let writer = OrderWriter::start(&options).await.expect("writer");
        let first = writer
            .write(order(user, "numbered-key-00001", "ENV-DL-50"))
            .await
            .expect("written")
            .expect("new");
        // What the retention job does after 30 days without orders.
        let mut conn = options.connect().await.expect("connection");
        sqlx::query("DELETE FROM orders")
            .execute(&mut conn)
            .await
            .expect("deleted");
        let second = writer
            .write(order(user, "numbered-key-00002", "ENV-DL-50"))
            .await
            .expect("written")
            .expect("new");
        assert_ne!(first.order_number, second.order_number);
    }

    #[tokio::test]
    async fn a_stopped_writer_says_so_instead_of_hanging() {
        let (jobs, queue) = mpsc::channel(1);
        drop(queue);
        let stopped = OrderWriter { jobs };
        let outcome = stopped
            .write(order(1, "stopped-key-000001", "ENV-DL-50"))
            .await;
        assert!(matches!(outcome, Err(WriteError::Stopped)), "{outcome:?}");
    }
}
