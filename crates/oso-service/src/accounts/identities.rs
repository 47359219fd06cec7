//! The `external_identities` and `external_sign_in_tickets` tables: SQLite's queries here,
//! PostgreSQL's in `oso_service_postgres::external_identities`.

use chrono::{DateTime, Utc};
use oso_service_postgres::external_identities as postgres;
use oso_store::{ExternalTicketRow, LoginStatus, UserRow};

use crate::database::Conn;

/// The live login linked to the provider's person `issuer` + `subject`.
pub async fn find_user(
    conn: &mut Conn<'_>,
    issuer: &str,
    subject: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    let conn = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::find_user(conn, issuer, subject).await,
    };
    sqlx::query_as!(
        UserRow,
        r#"SELECT u.id AS "id!", u.public_id AS "public_id!", u.email, u.default_email,
                  u.company_name, u.contact_name, u.phone, u.language, u.time_zone, u.password_hash,
                  u.password_changed_at AS "password_changed_at: DateTime<Utc>",
                  u.status AS "status: LoginStatus"
           FROM external_identities i JOIN users u ON u.id = i.user_id
           WHERE i.issuer = ?1 AND i.subject = ?2 AND u.status <> 'forgotten'"#,
        issuer,
        subject
    )
    .fetch_optional(&mut **conn)
    .await
}

/// Links the person to the login; `false` when either is linked already (to someone else, or
/// by a sign-in that went first).
pub async fn link(
    conn: &mut Conn<'_>,
    issuer: &str,
    subject: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let conn = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::link(conn, issuer, subject, user_id, now).await,
    };
    let done = sqlx::query!(
        "INSERT INTO external_identities (issuer, subject, user_id, linked_at)
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        issuer,
        subject,
        user_id,
        now
    )
    .execute(&mut **conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// "Forget me": the login no longer answers to the provider's person.
pub async fn delete_for_user(conn: &mut Conn<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    let conn = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::delete_for_user(conn, user_id).await,
    };
    sqlx::query!(
        "DELETE FROM external_identities WHERE user_id = ?1",
        user_id
    )
    .execute(&mut **conn)
    .await?;
    Ok(())
}

pub async fn insert_ticket(
    conn: &mut Conn<'_>,
    ticket_hash: &[u8],
    ticket: &ExternalTicketRow,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let conn = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::insert_ticket(conn, ticket_hash, ticket, now).await
        }
    };
    sqlx::query!(
        "INSERT INTO external_sign_in_tickets
             (ticket_hash, issuer, subject, email, contact_name, language, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        ticket_hash,
        ticket.issuer,
        ticket.subject,
        ticket.email,
        ticket.contact_name,
        ticket.language,
        now,
        ticket.expires_at
    )
    .execute(&mut **conn)
    .await?;
    Ok(())
}

/// The ticket, left in place (a wrong password may be retried).
pub async fn find_ticket(
    conn: &mut Conn<'_>,
    ticket_hash: &[u8],
) -> Result<Option<ExternalTicketRow>, sqlx::Error> {
    let conn = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::find_ticket(conn, ticket_hash).await,
    };
    sqlx::query_as!(
        ExternalTicketRow,
        r#"SELECT issuer, subject, email, contact_name, language,
                  expires_at AS "expires_at: DateTime<Utc>"
           FROM external_sign_in_tickets WHERE ticket_hash = ?1"#,
        ticket_hash
    )
    .fetch_optional(&mut **conn)
    .await
}

/// The ticket, used up: of two steps racing with one ticket, one gets it.
pub async fn take_ticket(
    conn: &mut Conn<'_>,
    ticket_hash: &[u8],
) -> Result<Option<ExternalTicketRow>, sqlx::Error> {
    let conn = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::take_ticket(conn, ticket_hash).await,
    };
    sqlx::query_as!(
        ExternalTicketRow,
        r#"DELETE FROM external_sign_in_tickets WHERE ticket_hash = ?1
           RETURNING issuer AS "issuer!", subject AS "subject!", email AS "email!",
                     contact_name AS "contact_name!", language,
                     expires_at AS "expires_at!: DateTime<Utc>""#,
        ticket_hash
    )
    .fetch_optional(&mut **conn)
    .await
}

pub async fn purge_tickets(conn: &mut Conn<'_>, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let conn = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::purge_tickets(conn, now).await,
    };
    let done = sqlx::query!(
        "DELETE FROM external_sign_in_tickets WHERE expires_at <= ?1",
        now
    )
    .execute(&mut **conn)
    .await?;
    Ok(done.rows_affected())
}
