//! `oso_service::accounts::identities` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_store::{ExternalTicketRow, LoginStatus, UserRow};
use sqlx::PgConnection;

pub async fn find_user(
    conn: &mut PgConnection,
    issuer: &str,
    subject: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT u.id, u.public_id, u.email, u.default_email, u.company_name, u.contact_name,
                  u.phone, u.language, u.time_zone, u.password_hash, u.password_changed_at,
                  u.status AS "status: LoginStatus"
           FROM external_identities i JOIN users u ON u.id = i.user_id
           WHERE i.issuer = $1 AND i.subject = $2 AND u.status <> 'forgotten'"#,
        issuer,
        subject
    )
    .fetch_optional(conn)
    .await
}

pub async fn link(
    conn: &mut PgConnection,
    issuer: &str,
    subject: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "INSERT INTO external_identities (issuer, subject, user_id, linked_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        issuer,
        subject,
        user_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_for_user(conn: &mut PgConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM external_identities WHERE user_id = $1",
        user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_ticket(
    conn: &mut PgConnection,
    ticket_hash: &[u8],
    ticket: &ExternalTicketRow,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO external_sign_in_tickets
             (ticket_hash, issuer, subject, email, contact_name, language, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        ticket_hash,
        ticket.issuer,
        ticket.subject,
        ticket.email,
        ticket.contact_name,
        ticket.language,
        now,
        ticket.expires_at
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn find_ticket(
    conn: &mut PgConnection,
    ticket_hash: &[u8],
) -> Result<Option<ExternalTicketRow>, sqlx::Error> {
    sqlx::query_as!(
        ExternalTicketRow,
        "SELECT issuer, subject, email, contact_name, language, expires_at
         FROM external_sign_in_tickets WHERE ticket_hash = $1",
        ticket_hash
    )
    .fetch_optional(conn)
    .await
}

pub async fn take_ticket(
    conn: &mut PgConnection,
    ticket_hash: &[u8],
) -> Result<Option<ExternalTicketRow>, sqlx::Error> {
    sqlx::query_as!(
        ExternalTicketRow,
        "DELETE FROM external_sign_in_tickets WHERE ticket_hash = $1
         RETURNING issuer, subject, email, contact_name, language, expires_at",
        ticket_hash
    )
    .fetch_optional(conn)
    .await
}

pub async fn purge_tickets(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM external_sign_in_tickets WHERE expires_at <= $1",
        now
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}
