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
    let existing_admins: i64 = sqlx::query_scalar!(
        r#"SELECT COUNT(*) AS "count!: i64" FROM account_administrators WHERE account_number = ?1"#,
        number,
    )
    .fetch_one(cx.pool)
    .await?;
    if form.protected && administrators.is_empty() && existing_admins == 0 {
        return Err(ServiceError::field("administrators", "required").into());
    }
    let actor = format!("operator:{operator}");
    let mut tx = crate::store::begin_write(cx.pool).await?;
    sqlx::query!(
        "INSERT INTO customer_accounts (number, company, protected, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (number) DO UPDATE SET company = excluded.company, protected = excluded.protected",
        number,
        company,
        form.protected,
        cx.now,
    )
    .execute(&mut *tx)
    .await?;
    let what = if form.protected {
        "protected"
    } else {
        "not protected"
    };
    audit::record(
        &mut Conn::from(&mut *tx),
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
    let mut tx = crate::store::begin_write(cx.pool).await?;
    sqlx::query!(
        "UPDATE customer_accounts SET company = ?2, protected = ?3 WHERE number = ?1",
        number,
        company,
        protected,
    )
    .execute(&mut *tx)
    .await?;
    let what = if protected {
        "protected"
    } else {
        "not protected"
    };
    audit::record(
        &mut Conn::from(&mut *tx),
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
    let numbers: Vec<String> =
        sqlx::query_scalar!("SELECT number FROM customer_accounts ORDER BY number")
            .fetch_all(cx.pool)
            .await?;
    let mut accounts = Vec::with_capacity(numbers.len());
    for number in numbers {
        if let Some(account) = accounts::load(cx.database, &number).await? {
            accounts.push(account);
        }
    }
    Ok(accounts)
}
