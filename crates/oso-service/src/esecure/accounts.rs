//! The customer accounts an administrator sees on the eSecure page: their administrators (added
//! and removed, never the last one) and their authorised and restricted domain lists.

pub use oso_api::esecure::{Administrator, AdministratorForm, CustomerAccount, DomainsForm};
use oso_core::list_limit::MAX_DOMAINS_PER_LIST;
use oso_core::text::{TextError, NAME_MAX_CHARS};
use oso_core::{check_list_len, DomainName, Email, Language, RequiredText};
use oso_service_postgres::esecure_accounts as postgres;

use super::context::Context;
use super::mail::{self, WelcomeMail};
use super::{audit, EsecureError, Requester};
use crate::database::{Conn, Database};
use crate::error::ServiceError;
use oso_core::FieldErrors;

/// Refuses anyone but an administrator of `number`, alike for accounts that do not exist.
pub async fn require_administrator(
    database: &Database,
    admin: &Requester,
    number: &str,
) -> Result<(), EsecureError> {
    let mut pooled = database.acquire().await?;
    let found = match pooled.conn() {
        Conn::Sqlite(conn) => sqlx::query_scalar!(
            r#"SELECT 1 AS "found!: i64" FROM account_administrators
               WHERE account_number = ?1 AND email_canonical = ?2"#,
            number,
            admin.canonical,
        )
        .fetch_optional(conn)
        .await?
        .is_some(),
        Conn::Postgres(conn) => postgres::is_administrator(conn, number, &admin.canonical).await?,
    };
    found.then_some(()).ok_or(EsecureError::NotFound)
}

pub async fn load(
    database: &Database,
    number: &str,
) -> Result<Option<CustomerAccount>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let (account, domains, administrators) = match pooled.conn() {
        Conn::Sqlite(conn) => {
            let account = sqlx::query!(
                r#"SELECT number, company, protected AS "protected: bool",
                          restrict_requests AS "restrict_requests: bool"
                   FROM customer_accounts WHERE number = ?1"#,
                number,
            )
            .fetch_optional(&mut *conn)
            .await?
            .map(|row| {
                (
                    row.number,
                    row.company,
                    row.protected,
                    row.restrict_requests,
                )
            });
            let domains = sqlx::query!(
                "SELECT kind, domain FROM account_domains WHERE account_number = ?1 ORDER BY domain",
                number,
            )
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|row| (row.kind, row.domain))
            .collect::<Vec<_>>();
            let administrators = sqlx::query_as!(
                Administrator,
                r#"SELECT ad.email, ad.name, ad.language,
                        EXISTS (SELECT 1 FROM users u WHERE u.email_canonical = ad.email_canonical
                                                        AND u.status <> 'forgotten')
                          AS "has_login!: bool"
                 FROM account_administrators ad WHERE ad.account_number = ?1
                 ORDER BY ad.added_at, ad.email"#,
                number,
            )
            .fetch_all(conn)
            .await?;
            (account, domains, administrators)
        }
        Conn::Postgres(conn) => (
            postgres::account(conn, number).await?,
            postgres::domains(conn, number).await?,
            postgres::administrators(conn, number).await?,
        ),
    };
    let Some((number, company, protected, restrict_requests)) = account else {
        return Ok(None);
    };
    let of_kind = |kind: &str| {
        domains
            .iter()
            .filter(|(of, _)| of == kind)
            .map(|(_, domain)| domain.clone())
            .collect()
    };
    Ok(Some(CustomerAccount {
        authorised_domains: of_kind("authorised"),
        restricted_domains: of_kind("restricted"),
        number,
        company,
        protected,
        restrict_requests,
        administrators,
    }))
}

/// The accounts `admin` administers.
pub async fn administered(
    database: &Database,
    admin: &Requester,
) -> Result<Vec<CustomerAccount>, sqlx::Error> {
    let numbers = administered_numbers(database, admin).await?;
    let mut accounts = Vec::with_capacity(numbers.len());
    for number in numbers {
        if let Some(account) = load(database, &number).await? {
            accounts.push(account);
        }
    }
    Ok(accounts)
}

/// The numbers `admin` administers, in number order.
pub async fn administered_numbers(
    database: &Database,
    admin: &Requester,
) -> Result<Vec<String>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let numbers: Vec<String> = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                "SELECT account_number FROM account_administrators WHERE email_canonical = ?1
                 ORDER BY account_number",
                admin.canonical,
            )
            .fetch_all(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::administered_numbers(conn, &admin.canonical).await?,
    };
    Ok(numbers)
}

/// A parsed administrator form.
#[derive(Debug)]
pub struct NewAdministrator {
    pub name: String,
    pub email: Email,
    pub language: Language,
}

pub fn parse_administrator(form: &AdministratorForm) -> Result<NewAdministrator, EsecureError> {
    let mut problems = FieldErrors::new();
    let name = problems.check(
        "name",
        RequiredText::parse(&form.name, NAME_MAX_CHARS),
        TextError::field_code,
    );
    let email = problems.check("email", Email::parse(&form.email), |error| {
        error.field_code()
    });
    let language = problems.check("language", form.language.parse::<Language>(), |_| {
        "unknown_language"
    });
    problems.into_result().map_err(ServiceError::from)?;
    match (name, email, language) {
        (Some(name), Some(email), Some(language)) => Ok(NewAdministrator {
            name: name.as_str().to_owned(),
            email,
            language,
        }),
        _ => Err(EsecureError::NotFound),
    }
}

/// Inserts (or renames) an administrator and mails them a welcome. `actor` is who did it.
pub async fn insert_administrator(
    cx: Context<'_>,
    number: &str,
    company: &str,
    new: &NewAdministrator,
    actor: &str,
) -> Result<(), EsecureError> {
    let mut tx = cx.database.begin_write().await?;
    let (email, canonical, language) = (
        new.email.as_str(),
        new.email.canonical(),
        new.language.code(),
    );
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "INSERT INTO account_administrators (account_number, email, email_canonical, name,
                                                     language, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (account_number, email_canonical)
                 DO UPDATE SET name = excluded.name, language = excluded.language",
                number,
                email,
                canonical,
                new.name,
                language,
                cx.now,
            )
            .execute(conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            postgres::upsert_administrator(
                conn, number, email, &canonical, &new.name, language, cx.now,
            )
            .await?;
        }
    }
    audit::record(
        &mut tx.conn(),
        number,
        cx.now,
        actor,
        "administrator_added",
        new.email.as_str(),
    )
    .await?;
    tx.commit().await?;
    let invitation = cx
        .accounts
        .invite(&new.email, company, &new.name, new.language)
        .await
        .map_err(EsecureError::Invalid)?;
    mail::send_welcome(
        cx.mailer,
        WelcomeMail {
            email: new.email.as_str(),
            language: new.language,
            added_by: actor,
            account_number: number,
            company,
            invitation: invitation.as_deref(),
        },
    )
    .await;
    Ok(())
}

/// An administrator adds another administrator to an account they administer.
pub async fn add_administrator(
    cx: Context<'_>,
    admin: &Requester,
    number: &str,
    form: &AdministratorForm,
) -> Result<CustomerAccount, EsecureError> {
    require_administrator(cx.database, admin, number).await?;
    let new = parse_administrator(form)?;
    let account = load(cx.database, number)
        .await?
        .ok_or(EsecureError::NotFound)?;
    insert_administrator(cx, number, &account.company, &new, &admin.email).await?;
    load(cx.database, number)
        .await?
        .ok_or(EsecureError::NotFound)
}

/// Removes an administrator; the last one of an account stays.
pub async fn remove_administrator(
    cx: Context<'_>,
    admin: &Requester,
    number: &str,
    email: &str,
) -> Result<(), EsecureError> {
    require_administrator(cx.database, admin, number).await?;
    let canonical = Email::canonical_of(email);
    let mut tx = cx.database.begin_write().await?;
    let (count, exists) = match tx.conn() {
        Conn::Sqlite(conn) => {
            let count: i64 = sqlx::query_scalar!(
                r#"SELECT COUNT(*) AS "count!: i64" FROM account_administrators
                   WHERE account_number = ?1"#,
                number,
            )
            .fetch_one(&mut *conn)
            .await?;
            let exists = sqlx::query_scalar!(
                r#"SELECT 1 AS "found!: i64" FROM account_administrators
                   WHERE account_number = ?1 AND email_canonical = ?2"#,
                number,
                canonical,
            )
            .fetch_optional(conn)
            .await?
            .is_some();
            (count, exists)
        }
        Conn::Postgres(conn) => {
            postgres::lock_account(conn, number).await?;
            (
                postgres::count_administrators(conn, number).await?,
                postgres::is_administrator(conn, number, &canonical).await?,
            )
        }
    };
    if !exists {
        return Err(EsecureError::NotFound);
    }
    if count <= 1 {
        return Err(EsecureError::LastAdministrator);
    }
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "DELETE FROM account_administrators WHERE account_number = ?1 AND email_canonical = ?2",
                number,
                canonical,
            )
            .execute(conn)
            .await?;
        }
        Conn::Postgres(conn) => postgres::delete_administrator(conn, number, &canonical).await?,
    }
    audit::record(
        &mut tx.conn(),
        number,
        cx.now,
        &admin.email,
        "administrator_removed",
        email.trim(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn parse_domains(field: &str, domains: &[String], problems: &mut FieldErrors) -> Vec<DomainName> {
    let mut parsed: Vec<DomainName> = domains
        .iter()
        .enumerate()
        .filter_map(|(index, domain)| {
            problems.check(
                format!("{field}.{index}"),
                DomainName::parse(domain),
                |error| error.field_code(),
            )
        })
        .collect();
    parsed.sort();
    parsed.dedup();
    parsed
}

/// Replaces an account's domain lists and whether requests are restricted to its domains.
pub async fn set_domains(
    cx: Context<'_>,
    admin: &Requester,
    number: &str,
    form: &DomainsForm,
) -> Result<CustomerAccount, EsecureError> {
    require_administrator(cx.database, admin, number).await?;
    let mut problems = FieldErrors::new();
    for (field, list) in [
        ("authorised", &form.authorised),
        ("restricted", &form.restricted),
    ] {
        if let Err(too_many) = check_list_len(list.len(), MAX_DOMAINS_PER_LIST) {
            return Err(ServiceError::field(field, too_many.field_code()).into());
        }
    }
    let authorised = parse_domains("authorised", &form.authorised, &mut problems);
    let restricted = parse_domains("restricted", &form.restricted, &mut problems);
    if form.restrict_requests && restricted.is_empty() {
        problems.refuse("restricted", "required");
    }
    problems.into_result().map_err(ServiceError::from)?;
    let mut tx = cx.database.begin_write().await?;
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "DELETE FROM account_domains WHERE account_number = ?1",
                number
            )
            .execute(&mut *conn)
            .await?;
            for (kind, list) in [("authorised", &authorised), ("restricted", &restricted)] {
                for domain in list {
                    let domain = domain.as_str();
                    sqlx::query!(
                        "INSERT INTO account_domains (account_number, domain, kind)
                         VALUES (?1, ?2, ?3)",
                        number,
                        domain,
                        kind,
                    )
                    .execute(&mut *conn)
                    .await?;
                }
            }
            sqlx::query!(
                "UPDATE customer_accounts SET restrict_requests = ?2 WHERE number = ?1",
                number,
                form.restrict_requests,
            )
            .execute(conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            let lists = [
                (
                    "authorised",
                    authorised.iter().map(DomainName::as_str).collect(),
                ),
                (
                    "restricted",
                    restricted.iter().map(DomainName::as_str).collect(),
                ),
            ];
            postgres::replace_domains(conn, number, &lists, form.restrict_requests).await?;
        }
    }
    let list = |domains: &[DomainName]| {
        domains
            .iter()
            .map(DomainName::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let subject = format!(
        "authorised: {}; restricted: {}{}",
        list(&authorised),
        list(&restricted),
        if form.restrict_requests {
            " (requests restricted)"
        } else {
            ""
        }
    );
    audit::record(
        &mut tx.conn(),
        number,
        cx.now,
        &admin.email,
        "domains_changed",
        &subject,
    )
    .await?;
    tx.commit().await?;
    load(cx.database, number)
        .await?
        .ok_or(EsecureError::NotFound)
}
