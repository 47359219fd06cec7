//! The one decision of eSecure: may this user use this account number? Saving it, choosing it in
//! the wizard, placing an order and seeing its history all ask here, either through
//! [`may_use`] or, where SQL selects many orders at once, through [`push_may_use`]; both are the
//! same SQL, on either engine, so they cannot disagree.
//!
//! A user may use a number that no protected customer account has, or when they are one of its
//! administrators, an approved user, or their e-mail domain is on its authorised list.

use chrono::{DateTime, Utc};
use oso_core::Email;
use sqlx::{Encode, Postgres, QueryBuilder, Sqlite, Type};

use crate::accounts::SignedIn;
use crate::database::Database;

/// Who asks, as eSecure names people: by canonical e-mail address and its domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requester {
    pub email: String,
    pub canonical: String,
    pub domain: String,
}

impl Requester {
    pub fn of(user: &SignedIn) -> Self {
        Self::from_address(&user.user.email)
    }

    pub fn from_address(address: &str) -> Self {
        match Email::parse(address) {
            Ok(email) => Self {
                email: email.as_str().to_owned(),
                canonical: email.canonical(),
                domain: email.domain().to_owned(),
            },
            // Stored logins were parsed when they registered; an odd one matches nothing.
            Err(_) => Self {
                email: address.to_owned(),
                canonical: Email::canonical_of(address),
                domain: String::new(),
            },
        }
    }
}

/// Appends the condition "the requester may use the number in column `number_column`", in the
/// SQL both engines read alike.
///
/// Written as "not one of the numbers forbidden to the requester": that set does not depend on
/// the row, so the database computes it once per query instead of four lookups per order (the
/// history scans thousands).
pub fn push_may_use<'a, DB>(
    builder: &mut QueryBuilder<'a, DB>,
    number_column: &str,
    requester: &'a Requester,
) where
    DB: sqlx::Database,
    &'a str: Encode<'a, DB> + Type<DB>,
{
    builder
        .push(format!(
            "{number_column} NOT IN (SELECT ca.number FROM customer_accounts ca WHERE ca.protected
               AND ca.number NOT IN (SELECT account_number FROM account_administrators WHERE email_canonical = "
        ))
        .push_bind(requester.canonical.as_str())
        .push(
            ") AND ca.number NOT IN (SELECT account_number FROM access_requests WHERE status = 'approved' AND email_canonical = ",
        )
        .push_bind(requester.canonical.as_str())
        .push(
            ") AND ca.number NOT IN (SELECT account_number FROM account_domains WHERE kind = 'authorised' AND domain = ",
        )
        .push_bind(requester.domain.as_str())
        .push("))");
}

/// Whether `requester` may use `number` now.
pub async fn may_use(
    database: &Database,
    requester: &Requester,
    number: &str,
) -> Result<bool, sqlx::Error> {
    fn asked<'a, DB>(requester: &'a Requester, number: &'a str) -> QueryBuilder<'a, DB>
    where
        DB: sqlx::Database,
        &'a str: Encode<'a, DB> + Type<DB>,
    {
        let mut query = QueryBuilder::<DB>::new("SELECT ");
        push_may_use(&mut query, "asked.number", requester);
        query
            .push(" AS allowed FROM (SELECT ")
            .push_bind(number)
            .push(" AS number) asked");
        query
    }
    match database {
        Database::Sqlite(pool) => {
            asked::<Sqlite>(requester, number)
                .build_query_scalar()
                .fetch_one(pool)
                .await
        }
        Database::Postgres(pool) => {
            asked::<Postgres>(requester, number)
                .build_query_scalar()
                .fetch_one(pool)
                .await
        }
    }
}

/// The state of a requester's request for a number, when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestState {
    pub id: i64,
    pub status: String,
    pub requested_at: DateTime<Utc>,
}
