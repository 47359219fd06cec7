//! The supplier's side of eSecure: operators create customer accounts, protect them and name
//! their first administrators (operator API and `oso-service customer-accounts`).

use oso_core::list_limit::MAX_ADMINISTRATORS_AT_ONCE;
use oso_core::text::NAME_MAX_CHARS;
use oso_core::{check_list_len, AccountNumber, RequiredText};

pub use oso_api::esecure::{CustomerAccountChange, CustomerAccountForm};

use super::accounts::{self, CustomerAccount};
use super::context::Context;
use super::{audit, EsecureError};
use crate::database::Conn;
use crate::error::ServiceError;
use oso_service_postgres::esecure_operator as postgres;

fn parse_company(company: &str) -> Result<String, ServiceError> {
    RequiredText::parse(company, NAME_MAX_CHARS)
        .map(|company| company.as_str().to_owned())
        .map_err(|error| ServiceError::field("company", error.field_code()))
}

/// Creates (or updates) a customer account with its administrators; a protected account needs
/// at least one. `operator` names who did it in the audit trail.
#[tracing::instrument(skip(cx, form), fields(number = %form.number), err(Debug, level = "info"))]
pub async fn create_account(
    cx: Context<'_>,
    operator: &str,
    form: &CustomerAccountForm,
) -> Result<CustomerAccount, EsecureError> {
    let number = AccountNumber::parse(&form.number)
        .map_err(|error| ServiceError::field("number", error.field_code()))?;
    let company = parse_company(&form.company)?;
    check_list_len(form.administrators.len(), MAX_ADMINISTRATORS_AT_ONCE)
        .map_err(|too_many| ServiceError::field("administrators", too_many.field_code()))?;
    let mut administrators = Vec::new();
    for (index, admin) in form.administrators.iter().enumerate() {
        let parsed = accounts::parse_administrator(admin).map_err(|error| match error {
            EsecureError::Invalid(ServiceError::Invalid(fields)) => ServiceError::Invalid(
                fields
                    .into_iter()
                    .map(|(field, code)| (format!("administrators.{index}.{field}"), code))
                    .collect(),
            )
            .into(),
            other => other,
        })?;
        administrators.push(parsed);
    }
    let number = number.as_str();
    let existing_admins = accounts::load(cx.database, number)
        .await?
        .map_or(0, |account| account.administrators.len());
    if form.protected && administrators.is_empty() && existing_admins == 0 {
        return Err(ServiceError::field("administrators", "required").into());
    }
    let actor = format!("operator:{operator}");
    let mut tx = cx.database.begin_write().await?;
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "INSERT INTO customer_accounts (number, company, protected, created_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (number) DO UPDATE SET company = excluded.company,
                                                    protected = excluded.protected",
                number,
                company,
                form.protected,
                cx.now,
            )
            .execute(conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            postgres::upsert_account(conn, number, &company, form.protected, cx.now).await?;
        }
    }
    let what = if form.protected {
        "protected"
    } else {
        "not protected"
    };
    audit::record(
        &mut tx.conn(),
        number,
        cx.now,
        &actor,
        "account_created",
        what,
    )
    .await?;
    tx.commit().await?;
    for admin in &administrators {
        accounts::insert_administrator(cx, number, &company, admin, &actor).await?;
    }
    accounts::load(cx.database, number)
        .await?
        .ok_or(EsecureError::NotFound)
}

/// Changes an account's company name or protection.
pub async fn change_account(
    cx: Context<'_>,
    operator: &str,
    number: &str,
    change: &CustomerAccountChange,
) -> Result<CustomerAccount, EsecureError> {
    let account = accounts::load(cx.database, number)
        .await?
        .ok_or(EsecureError::NotFound)?;
    let protected = change.protected.unwrap_or(account.protected);
    if protected && account.administrators.is_empty() {
        return Err(ServiceError::field("protected", "administrators_required").into());
    }
    let company = match change.company.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(company) => parse_company(company)?,
        None => account.company,
    };
    let mut tx = cx.database.begin_write().await?;
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "UPDATE customer_accounts SET company = ?2, protected = ?3 WHERE number = ?1",
                number,
                company,
                protected,
            )
            .execute(conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            postgres::change_account(conn, number, &company, protected).await?;
        }
    }
    let what = if protected {
        "protected"
    } else {
        "not protected"
    };
    audit::record(
        &mut tx.conn(),
        number,
        cx.now,
        &format!("operator:{operator}"),
        "account_changed",
        what,
    )
    .await?;
    tx.commit().await?;
    accounts::load(cx.database, number)
        .await?
        .ok_or(EsecureError::NotFound)
}

pub async fn list_accounts(cx: Context<'_>) -> Result<Vec<CustomerAccount>, sqlx::Error> {
    let mut pooled = cx.database.acquire().await?;
    let numbers: Vec<String> = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!("SELECT number FROM customer_accounts ORDER BY number")
                .fetch_all(conn)
                .await?
        }
        Conn::Postgres(conn) => postgres::numbers(conn).await?,
    };
    drop(pooled);
    let mut accounts = Vec::with_capacity(numbers.len());
    for number in numbers {
        if let Some(account) = accounts::load(cx.database, &number).await? {
            accounts.push(account);
        }
    }
    Ok(accounts)
}
