//! How much account mail may go: at most three mails of one kind an hour to one address, and at
//! most twenty mail-sending requests (registrations, password resets, activation re-sends) an
//! hour from one client address. Kept in the database, so several service instances on one
//! database share them, and checked and counted in one write, so concurrent requests each see
//! the others. Addresses are keyed by a hash, so this table holds no personal data.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use super::throttle::account_subject;
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

async fn recent(
    conn: &mut SqliteConnection,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    let since = now - WINDOW;
    sqlx::query_scalar!(
        r#"SELECT happened_at AS "happened_at: DateTime<Utc>" FROM mail_limit_events
           WHERE subject = ?1 AND happened_at > ?2 ORDER BY happened_at"#,
        subject,
        since
    )
    .fetch_all(&mut *conn)
    .await
}

async fn record(
    conn: &mut SqliteConnection,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO mail_limit_events (subject, happened_at) VALUES (?1, ?2)",
        subject,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Counts one mail of `kind` to the address when this hour's budget allows it; `false` when
/// it does not (then nothing may be sent or issued). Call inside a write transaction.
pub async fn take_recipient(
    conn: &mut SqliteConnection,
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
    conn: &mut SqliteConnection,
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
pub async fn purge(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let before = now - WINDOW;
    let deleted = sqlx::query!(
        "DELETE FROM mail_limit_events WHERE happened_at <= ?1",
        before
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

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
