//! Sign-in failures per account and per client, and the wait they impose (the rule itself is
//! `oso_core::account_policy::SignInThrottle`). Accounts are keyed by a hash of the address, so
//! this table holds no personal data.

use chrono::{DateTime, Duration, Utc};
use oso_core::account_policy::SignInThrottle;
use oso_service_postgres::sign_in_failures as postgres;

use super::tokens;
use crate::database::Conn;

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

/// The failures of `subject` after `since`. On PostgreSQL this also holds off other transactions
/// that check `subject` until this one ends (SQLite's write transaction does so by itself).
async fn failures_since(
    conn: &mut Conn<'_>,
    subject: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                r#"SELECT failed_at AS "failed_at: DateTime<Utc>" FROM sign_in_failures
                   WHERE subject = ?1 AND failed_at > ?2"#,
                subject,
                since
            )
            .fetch_all(&mut **conn)
            .await
        }
        Conn::Postgres(conn) => postgres::failures_since(conn, subject, since).await,
    }
}

/// Holds off the other attempts on `subjects` until this write transaction ends: on PostgreSQL
/// a lock per subject, in the order given; SQLite's write transaction already holds them off.
/// Take it before reading the time the attempt is judged at: an attempt that read the time
/// first and then waited here would judge the failures counted meanwhile as still to come.
pub async fn hold(conn: &mut Conn<'_>, subjects: &[&str]) -> Result<(), sqlx::Error> {
    if let Conn::Postgres(conn) = conn {
        for subject in subjects {
            postgres::hold(conn, subject).await?;
        }
    }
    Ok(())
}

/// The longest wait any of the subjects imposes now, if any.
pub async fn wait(
    conn: &mut Conn<'_>,
    subjects: &[(&str, SignInThrottle)],
    now: DateTime<Utc>,
) -> Result<Option<Duration>, sqlx::Error> {
    let mut longest: Option<Duration> = None;
    for (subject, rule) in subjects {
        let failures = failures_since(conn, subject, now - rule.window).await?;
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
    conn: &mut Conn<'_>,
    subjects: &[&str],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut rows = Vec::with_capacity(subjects.len());
    for subject in subjects {
        let id = match conn {
            Conn::Sqlite(conn) => {
                sqlx::query_scalar!(
                    r#"INSERT INTO sign_in_failures (subject, failed_at) VALUES (?1, ?2)
                       RETURNING id AS "id!""#,
                    subject,
                    now
                )
                .fetch_one(&mut **conn)
                .await?
            }
            Conn::Postgres(conn) => postgres::record(conn, subject, now).await?,
        };
        rows.push(id);
    }
    Ok(rows)
}

/// Takes back the failures counted by [`record_failure`] for an attempt that succeeded.
pub async fn forgive(conn: &mut Conn<'_>, rows: &[i64]) -> Result<(), sqlx::Error> {
    for &id in rows {
        match conn {
            Conn::Sqlite(conn) => {
                sqlx::query!("DELETE FROM sign_in_failures WHERE id = ?1", id)
                    .execute(&mut **conn)
                    .await?;
            }
            Conn::Postgres(conn) => postgres::forgive(conn, id).await?,
        }
    }
    Ok(())
}

/// Deletes failures too old for any rule to look at (the hourly job).
pub async fn purge(conn: &mut Conn<'_>, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let old = now - Duration::days(1);
    match conn {
        Conn::Sqlite(conn) => {
            let deleted = sqlx::query!("DELETE FROM sign_in_failures WHERE failed_at < ?1", old)
                .execute(&mut **conn)
                .await?;
            Ok(deleted.rows_affected())
        }
        Conn::Postgres(conn) => postgres::purge(conn, old).await,
    }
}

pub async fn clear(conn: &mut Conn<'_>, subject: &str) -> Result<(), sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!("DELETE FROM sign_in_failures WHERE subject = ?1", subject)
                .execute(&mut **conn)
                .await?;
            Ok(())
        }
        Conn::Postgres(conn) => postgres::clear(conn, subject).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::database::testing::{self, TestDatabase};
    use crate::database::Database;

    fn at(seconds: i64) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0)
            .single()
            .expect("valid")
            + Duration::seconds(seconds)
    }

    /// `attempts` sign-ins of one account at once, each reserving its failure in its own write
    /// transaction as the service does; answers the rows of those that were let through.
    async fn concurrent_attempts(database: &Database, attempts: usize) -> Vec<i64> {
        let subject = account_subject("ann@zebra.example");
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..attempts {
            let (database, subject) = (database.clone(), subject.clone());
            tasks.spawn(async move {
                let mut tx = database.begin_write().await.expect("begins");
                let rules = [(subject.as_str(), SignInThrottle::PER_ACCOUNT)];
                if wait(&mut tx.conn(), &rules, at(0))
                    .await
                    .expect("reads")
                    .is_some()
                {
                    return Vec::new();
                }
                let rows = record_failure(&mut tx.conn(), &[subject.as_str()], at(0))
                    .await
                    .expect("counts");
                tx.commit().await.expect("commits");
                rows
            });
        }
        let mut rows = Vec::new();
        while let Some(result) = tasks.join_next().await {
            rows.extend(result.expect("the task ran"));
        }
        rows
    }

    async fn of_many_concurrent_attempts_no_more_pass_than_the_free_failures(db: TestDatabase) {
        let rows = concurrent_attempts(&db.database, 12).await;
        assert_eq!(rows.len(), SignInThrottle::PER_ACCOUNT.free_failures);

        // A right password takes its failure back: one more attempt may pass.
        let mut tx = db.database.begin_write().await.expect("begins");
        forgive(&mut tx.conn(), &rows[..1]).await.expect("forgives");
        tx.commit().await.expect("commits");
        assert_eq!(concurrent_attempts(&db.database, 4).await.len(), 1);

        // A sign-in clears the account's failures; the purge then finds none.
        let mut tx = db.database.begin_write().await.expect("begins");
        clear(&mut tx.conn(), &account_subject("ann@zebra.example"))
            .await
            .expect("clears");
        assert_eq!(
            purge(&mut tx.conn(), at(0) + Duration::days(2))
                .await
                .expect("purges"),
            0
        );
        tx.commit().await.expect("commits");
        assert_eq!(concurrent_attempts(&db.database, 12).await.len(), 5);
    }

    async fn failures_older_than_a_day_are_purged(db: TestDatabase) {
        let mut tx = db.database.begin_write().await.expect("begins");
        record_failure(&mut tx.conn(), &["client:203.0.113.9"], at(0))
            .await
            .expect("counts");
        let later = at(0) + Duration::days(1);
        assert_eq!(purge(&mut tx.conn(), later).await.expect("purges"), 0);
        let after = later + Duration::seconds(1);
        assert_eq!(purge(&mut tx.conn(), after).await.expect("purges"), 1);
        tx.commit().await.expect("commits");
    }

    #[tokio::test]
    async fn sqlite_of_many_concurrent_attempts_no_more_pass_than_the_free_failures() {
        of_many_concurrent_attempts_no_more_pass_than_the_free_failures(testing::sqlite().await)
            .await;
    }

    #[tokio::test]
    #[ignore = "needs PostgreSQL: scripts/with-postgres.sh (make test runs it)"]
    async fn postgres_of_many_concurrent_attempts_no_more_pass_than_the_free_failures() {
        of_many_concurrent_attempts_no_more_pass_than_the_free_failures(testing::postgres().await)
            .await;
    }

    #[tokio::test]
    async fn sqlite_failures_older_than_a_day_are_purged() {
        failures_older_than_a_day_are_purged(testing::sqlite().await).await;
    }

    #[tokio::test]
    #[ignore = "needs PostgreSQL: scripts/with-postgres.sh (make test runs it)"]
    async fn postgres_failures_older_than_a_day_are_purged() {
        failures_older_than_a_day_are_purged(testing::postgres().await).await;
    }
}
