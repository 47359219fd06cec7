//! `oso_service::job_lead` on PostgreSQL: a session advisory lock per job, held by the one
//! connection of the instance that runs it.

use sqlx::PgConnection;

/// Takes the lead of `job` for this connection's session if no other session holds it.
pub async fn try_take(conn: &mut PgConnection, job: &str) -> Result<bool, sqlx::Error> {
    let taken = sqlx::query_scalar!(
        r#"SELECT pg_try_advisory_lock(hashtextextended($1, 1)) AS "taken!""#,
        job
    )
    .fetch_one(conn)
    .await?;
    Ok(taken)
}

/// Takes the lead of `job` for this connection's session, waiting while another session holds it.
pub async fn take_waiting(conn: &mut PgConnection, job: &str) -> Result<(), sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT true AS "taken!" FROM pg_advisory_lock(hashtextextended($1, 1))"#,
        job
    )
    .fetch_one(conn)
    .await?;
    Ok(())
}

pub async fn give_up(conn: &mut PgConnection, job: &str) -> Result<(), sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT pg_advisory_unlock(hashtextextended($1, 1)) AS "released!""#,
        job
    )
    .fetch_one(conn)
    .await?;
    Ok(())
}
