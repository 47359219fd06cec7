//! Reading the two databases after a fault: the desktop's integrity, the service's orders.

use std::collections::BTreeMap;
use std::path::Path;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::verdict::Held;

/// `PRAGMA integrity_check` on the file, as a restarted app would first open it: `ok`, or
/// what SQLite found wrong (also when it cannot open the file at all).
pub async fn integrity(path: &Path) -> String {
    let check = async {
        let mut conn = SqliteConnectOptions::new().filename(path).connect().await?;
        let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&mut conn)
            .await?;
        conn.close().await?;
        Ok::<_, sqlx::Error>(rows.join("; "))
    };
    check.await.unwrap_or_else(|error| error.to_string())
}

/// Every idempotency key in the service's `orders` table: how often, under which number.
pub async fn held_orders(service_db: &Path) -> BTreeMap<String, Held> {
    let mut conn = SqliteConnectOptions::new()
        .filename(service_db)
        .connect()
        .await
        .expect("the service's database opens");
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT idempotency_key, COUNT(*), MIN(COALESCE(order_number, '')) FROM orders
         GROUP BY idempotency_key",
    )
    .fetch_all(&mut conn)
    .await
    .expect("orders read");
    conn.close().await.expect("closed");
    rows.into_iter()
        .map(|(key, count, order_number)| {
            (
                key,
                Held {
                    count: usize::try_from(count).unwrap_or(usize::MAX),
                    order_number,
                },
            )
        })
        .collect()
}
