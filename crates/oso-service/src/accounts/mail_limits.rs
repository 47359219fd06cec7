//! How much account mail may go: at most three mails of one kind an hour to one address, and at
//! most twenty mail-sending requests (registrations, password resets, activation re-sends) an
//! hour from one client address. Kept in the database, so several service instances on one
//! database share them, and checked and counted in one write, so concurrent requests each see
//! the others. Addresses are keyed by a hash, so this table holds no personal data.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use oso_service_postgres::mail_limits as postgres;

use super::throttle::account_subject;
use crate::database::Conn;
use crate::mail::MailKind;

/// Mails of one kind to one address in [`WINDOW`].
pub const PER_RECIPIENT: i64 = 3;
/// Mail-sending requests from one client address in [`WINDOW`].
pub const PER_CLIENT: i64 = 20;
pub const WINDOW: Duration = Duration::hours(1);

fn recipient_subject(kind: MailKind, email_canonical: &str) -> String {
    format!(
        "mail:{}:{}",
        kind.as_str(),
        account_subject(email_canonical)
    )
}

/// Requests from the machine itself (the embedded service's own desktop) are limited per
/// recipient only: a local user can spend this machine's time without asking the service.
fn client_subject(client: IpAddr) -> Option<String> {
    (!client.is_loopback()).then(|| format!("client:{client}"))
}

/// `subject`'s events of the last hour, oldest first. On PostgreSQL this also holds off other
/// transactions that check `subject` until this one ends (SQLite's write transaction does so by
/// itself), so of concurrent requests no more pass than the limit allows.
async fn recent(
    conn: &mut Conn<'_>,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    let since = now - WINDOW;
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                r#"SELECT happened_at AS "happened_at: DateTime<Utc>" FROM mail_limit_events
                   WHERE subject = ?1 AND happened_at > ?2 ORDER BY happened_at"#,
                subject,
                since
            )
            .fetch_all(&mut **conn)
            .await
        }
        Conn::Postgres(conn) => postgres::events_since(conn, subject, since).await,
    }
}

async fn record(conn: &mut Conn<'_>, subject: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "INSERT INTO mail_limit_events (subject, happened_at) VALUES (?1, ?2)",
                subject,
                now
            )
            .execute(&mut **conn)
            .await?;
            Ok(())
        }
        Conn::Postgres(conn) => postgres::record(conn, subject, now).await,
    }
}

/// Counts one mail of `kind` to the address when this hour's budget allows it; `false` when
/// it does not (then nothing may be sent or issued). Call inside a write transaction.
pub async fn take_recipient(
    conn: &mut Conn<'_>,
    kind: MailKind,
    email_canonical: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let subject = recipient_subject(kind, email_canonical);
    let sent = recent(conn, &subject, now).await?;
    if i64::try_from(sent.len()).unwrap_or(i64::MAX) >= PER_RECIPIENT {
        return Ok(false);
    }
    record(conn, &subject, now).await?;
    Ok(true)
}

/// Counts one mail-sending request from `client`, or says how long it must wait. Call inside a
/// write transaction.
pub async fn take_client(
    conn: &mut Conn<'_>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<Option<Duration>, sqlx::Error> {
    let Some(subject) = client_subject(client) else {
        return Ok(None);
    };
    let asked = recent(conn, &subject, now).await?;
    if i64::try_from(asked.len()).unwrap_or(i64::MAX) >= PER_CLIENT {
        // The oldest request of the hour leaves the window first.
        let oldest = asked.first().copied().unwrap_or(now);
        return Ok(Some((oldest + WINDOW - now).max(Duration::seconds(1))));
    }
    record(conn, &subject, now).await?;
    Ok(None)
}

/// Deletes what no limit looks at any more (the hourly job).
pub async fn purge(conn: &mut Conn<'_>, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let before = now - WINDOW;
    match conn {
        Conn::Sqlite(conn) => {
            let deleted = sqlx::query!(
                "DELETE FROM mail_limit_events WHERE happened_at <= ?1",
                before
            )
            .execute(&mut **conn)
            .await?;
            Ok(deleted.rows_affected())
        }
        Conn::Postgres(conn) => postgres::purge(conn, before).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::database::testing::{self, TestDatabase};
    use crate::database::Database;

    fn at(minutes: i64) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0)
            .single()
            .expect("valid")
            + Duration::minutes(minutes)
    }

    /// `requests` mails to one address asked for at once, each in its own write transaction, as
    /// requests to several service instances are; answers how many were let through.
    async fn concurrent_mails(database: &Database, requests: usize, now: DateTime<Utc>) -> usize {
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..requests {
            let database = database.clone();
            tasks.spawn(async move {
                let mut tx = database.begin_write().await.expect("begins");
                let taken = take_recipient(
                    &mut tx.conn(),
                    MailKind::Activation,
                    "ann@zebra.example",
                    now,
                )
                .await
                .expect("counts");
                tx.commit().await.expect("commits");
                taken
            });
        }
        let mut taken = 0;
        while let Some(result) = tasks.join_next().await {
            taken += usize::from(result.expect("the task ran"));
        }
        taken
    }

    async fn of_many_concurrent_mails_to_one_address_three_go_in_an_hour(db: TestDatabase) {
        assert_eq!(concurrent_mails(&db.database, 12, at(0)).await, 3);
        assert_eq!(
            concurrent_mails(&db.database, 4, at(59)).await,
            0,
            "still the same hour"
        );
        assert_eq!(
            concurrent_mails(&db.database, 4, at(61)).await,
            3,
            "a new hour"
        );
    }

    async fn an_hour_old_event_is_purged_and_a_newer_one_kept(db: TestDatabase) {
        let mut tx = db.database.begin_write().await.expect("begins");
        assert_eq!(
            take_client(&mut tx.conn(), "203.0.113.9".parse().expect("ip"), at(0))
                .await
                .expect("counts"),
            None
        );
        assert_eq!(
            take_client(&mut tx.conn(), "203.0.113.9".parse().expect("ip"), at(30))
                .await
                .expect("counts"),
            None
        );
        assert_eq!(purge(&mut tx.conn(), at(60)).await.expect("purges"), 1);
        assert_eq!(purge(&mut tx.conn(), at(60)).await.expect("purges"), 0);
        tx.commit().await.expect("commits");
    }

    #[tokio::test]
    async fn sqlite_of_many_concurrent_mails_to_one_address_three_go_in_an_hour() {
        of_many_concurrent_mails_to_one_address_three_go_in_an_hour(testing::sqlite().await).await;
    }

    #[tokio::test]
    #[ignore = "needs PostgreSQL: scripts/with-postgres.sh (make test runs it)"]
    async fn postgres_of_many_concurrent_mails_to_one_address_three_go_in_an_hour() {
        of_many_concurrent_mails_to_one_address_three_go_in_an_hour(testing::postgres().await)
            .await;
    }

    #[tokio::test]
    async fn sqlite_an_hour_old_event_is_purged_and_a_newer_one_kept() {
        an_hour_old_event_is_purged_and_a_newer_one_kept(testing::sqlite().await).await;
    }

    #[tokio::test]
    #[ignore = "needs PostgreSQL: scripts/with-postgres.sh (make test runs it)"]
    async fn postgres_an_hour_old_event_is_purged_and_a_newer_one_kept() {
        an_hour_old_event_is_purged_and_a_newer_one_kept(testing::postgres().await).await;
    }

    #[test]
    fn only_clients_from_elsewhere_are_limited_by_their_address() {
        assert_eq!(client_subject("127.0.0.1".parse().expect("ip")), None);
        assert_eq!(client_subject("::1".parse().expect("ip")), None);
        assert_eq!(
            client_subject("203.0.113.9".parse().expect("ip")).as_deref(),
            Some("client:203.0.113.9")
        );
    }

    #[test]
    fn recipients_are_named_by_a_hash_and_the_kind_of_mail() {
        let subject = recipient_subject(MailKind::PasswordReset, "ann@zebra.example");
        assert!(
            subject.starts_with("mail:password-reset:account:"),
            "{subject}"
        );
        assert!(!subject.contains("zebra"), "{subject}");
    }
}
