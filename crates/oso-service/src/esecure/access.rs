//! The one decision of eSecure: may this user use this account number? Saving it, choosing it in
//! the wizard, placing an order and seeing its history all ask here, either through
//! [`may_use`] or, where SQL selects many orders at once, through [`push_may_use`]; both are the
//! same SQL, so they cannot disagree.
//!
//! A user may use a number that no protected customer account has, or when they are one of its
//! administrators, an approved user, or their e-mail domain is on its authorised list.

use chrono::{DateTime, Utc};
use oso_core::Email;
use sqlx::{QueryBuilder, Sqlite, SqliteExecutor};

use crate::accounts::SignedIn;

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

/// Appends the condition "the requester may use the number in column `number_column`".
///
/// Written as "not one of the numbers forbidden to the requester": that set does not depend on
/// the row, so SQLite computes it once per query instead of four lookups per order (the history
/// scans thousands).
pub fn push_may_use<'a>(
    builder: &mut QueryBuilder<'a, Sqlite>,
    number_column: &str,
    requester: &'a Requester,
) {
    builder
        .push(format!(
            "{number_column} NOT IN (SELECT ca.number FROM customer_accounts ca WHERE ca.protected = 1
               AND ca.number NOT IN (SELECT account_number FROM account_administrators WHERE email_canonical = "
        ))
        .push_bind(&requester.canonical)
        .push(
            ") AND ca.number NOT IN (SELECT account_number FROM access_requests WHERE status = 'approved' AND email_canonical = ",
        )
        .push_bind(&requester.canonical)
        .push(
            ") AND ca.number NOT IN (SELECT account_number FROM account_domains WHERE kind = 'authorised' AND domain = ",
        )
        .push_bind(&requester.domain)
        .push("))");
}

/// Whether `requester` may use `number` now.
pub async fn may_use<'e>(
    executor: impl SqliteExecutor<'e>,
    requester: &Requester,
    number: &str,
) -> Result<bool, sqlx::Error> {
    let mut query = QueryBuilder::<Sqlite>::new("SELECT CASE WHEN ");
    push_may_use(&mut query, "asked.number", requester);
    query
        .push(" THEN 1 ELSE 0 END FROM (SELECT ")
        .push_bind(number)
        .push(" AS number) asked");
    let allowed: i64 = query.build_query_scalar().fetch_one(executor).await?;
    Ok(allowed == 1)
}

/// The state of a requester's request for a number, when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestState {
    pub id: i64,
    pub status: String,
    pub requested_at: DateTime<Utc>,
}
