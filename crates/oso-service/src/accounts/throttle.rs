//! Sign-in failures per account and per client, and the wait they impose (the rule itself is
//! `oso_core::account_policy::SignInThrottle`). Accounts are keyed by a hash of the address, so
//! this table holds no personal data.

use chrono::{DateTime, Duration, Utc};
use oso_core::account_policy::SignInThrottle;
use sqlx::SqliteConnection;

use super::tokens;

pub fn account_subject(email_canonical: &str) -> String {
    let hash = tokens::hash(email_canonical);
    let hex: String = hash
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("account:{hex}")
}

pub fn client_subject(client: &str) -> String {
    format!("client:{client}")
}

/// The longest wait any of the subjects imposes now, if any.
pub async fn wait(
    conn: &mut SqliteConnection,
    subjects: &[(&str, SignInThrottle)],
    now: DateTime<Utc>,
) -> Result<Option<Duration>, sqlx::Error> {
    let mut longest: Option<Duration> = None;
    for (subject, rule) in subjects {
        let since = now - rule.window;
        let failures = sqlx::query_scalar!(
            r#"SELECT failed_at AS "failed_at: DateTime<Utc>" FROM sign_in_failures
               WHERE subject = ?1 AND failed_at > ?2"#,
            subject,
            since
        )
        .fetch_all(&mut *conn)
        .await?;
        if let Some(wait) = rule.wait(&failures, now) {
            longest = Some(longest.map_or(wait, |current| current.max(wait)));
        }
    }
    Ok(longest)
}

/// Counts an attempt as a failure of each subject before its password is checked, so that
/// concurrent attempts each see the others; returns the rows, for [`forgive`] when the password
/// was right. Call with the check of [`wait`] in one write transaction.
pub async fn record_failure(
    conn: &mut SqliteConnection,
    subjects: &[&str],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut rows = Vec::with_capacity(subjects.len());
    for subject in subjects {
        let id = sqlx::query_scalar!(
            r#"INSERT INTO sign_in_failures (subject, failed_at) VALUES (?1, ?2) RETURNING id AS "id!""#,
            subject,
            now
        )
        .fetch_one(&mut *conn)
        .await?;
        rows.push(id);
    }
    Ok(rows)
}

/// Takes back the failures counted by [`record_failure`] for an attempt that succeeded.
pub async fn forgive(conn: &mut SqliteConnection, rows: &[i64]) -> Result<(), sqlx::Error> {
    for id in rows {
        sqlx::query!("DELETE FROM sign_in_failures WHERE id = ?1", id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Deletes failures too old for any rule to look at (the hourly job).
pub async fn purge(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let old = now - Duration::days(1);
    let deleted = sqlx::query!("DELETE FROM sign_in_failures WHERE failed_at < ?1", old)
        .execute(conn)
        .await?;
    Ok(deleted.rows_affected())
}

pub async fn clear(conn: &mut SqliteConnection, subject: &str) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM sign_in_failures WHERE subject = ?1", subject)
        .execute(conn)
        .await?;
    Ok(())
}
