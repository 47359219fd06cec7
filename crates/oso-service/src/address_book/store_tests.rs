//! The address book's stores on both engines: each test is written once and run on SQLite
//! always and on PostgreSQL under `scripts/with-postgres.sh` (`make test`).

use chrono::{TimeZone, Utc};
use oso_api::address_book::AccountNumberRename;
use oso_core::AddressInput;

use super::{account_numbers, addresses};
use crate::accounts::{LoginStatus, SignedIn, UserRow};
use crate::database::testing::TestDatabase;
use crate::database::{Conn, Database};

/// A login as the session check hands it to a handler, stored so rows may refer to it.
async fn signed_in(database: &Database, email: &str) -> SignedIn {
    let mut pooled = database.acquire().await.expect("connects");
    let now = Utc
        .with_ymd_and_hms(2026, 12, 6, 9, 0, 0)
        .single()
        .expect("valid");
    let id =
        match pooled.conn() {
            Conn::Sqlite(conn) => sqlx::query_scalar(
                "INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                                password_hash, password_changed_at, status, created_at)
             VALUES (?1, ?1, 'Zebra', 'Ann', 'en', 'x', ?2, 'active', ?2) RETURNING id",
            )
            .bind(email)
            .bind(now)
            .fetch_one(conn)
            .await,
            Conn::Postgres(conn) => sqlx::query_scalar(
                "INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                                password_hash, password_changed_at, status, created_at)
             VALUES ($1, $1, 'Zebra', 'Ann', 'en', 'x', $2, 'active', $2) RETURNING id",
            )
            .bind(email)
            .bind(now)
            .fetch_one(conn)
            .await,
        }
        .expect("a login");
    SignedIn {
        session_id: 1,
        user: UserRow {
            id,
            public_id: format!("{id:032x}"),
            email: email.to_owned(),
            default_email: None,
            company_name: "Zebra".to_owned(),
            contact_name: "Ann".to_owned(),
            phone: None,
            language: "en".to_owned(),
            time_zone: "Europe/Brussels".to_owned(),
            password_hash: "x".to_owned(),
            password_changed_at: now,
            status: LoginStatus::Active,
        },
        password_expired: false,
        administered: Vec::new(),
    }
}

fn address(company: &str) -> AddressInput {
    AddressInput {
        company: company.to_owned(),
        contact_person: "Ann".to_owned(),
        street: "Meir".to_owned(),
        number: "1".to_owned(),
        postal_code: "2000".to_owned(),
        city: "Antwerpen".to_owned(),
        country: "BE".to_owned(),
        phone: "03 223 45 67".to_owned(),
        ..AddressInput::default()
    }
}

async fn addresses_are_listed_by_company_and_only_their_owner_changes_them(db: TestDatabase) {
    let ann = signed_in(&db.database, "ann@zebra.example").await;
    let bob = signed_in(&db.database, "bob@yak.example").await;
    let now = ann.user.password_changed_at;
    let zulu = addresses::add(&db.database, &ann, &address("zulu BV"), now)
        .await
        .expect("adds");
    let mut with_note = address("Alpha NV");
    with_note.driver_note = "Ring twice".to_owned();
    let alpha = addresses::add(&db.database, &ann, &with_note, now)
        .await
        .expect("adds");
    assert_eq!(alpha.address.phone, "+3232234567", "stored as checked");

    let listed = addresses::list(&db.database, &ann).await.expect("lists");
    let companies: Vec<_> = listed
        .iter()
        .map(|saved| saved.address.company.as_str())
        .collect();
    assert_eq!(
        companies,
        ["Alpha NV", "zulu BV"],
        "by company, whatever its case"
    );
    assert_eq!(listed[0].address.driver_note, "Ring twice");
    assert_eq!(
        listed[1].address.box_number, "",
        "an empty optional field reads back empty"
    );
    assert!(addresses::list(&db.database, &bob)
        .await
        .expect("lists")
        .is_empty());

    assert!(
        addresses::replace(&db.database, &bob, zulu.id, &address("Mine now"), now)
            .await
            .expect("answers")
            .is_none()
    );
    assert!(!addresses::remove(&db.database, &bob, zulu.id)
        .await
        .expect("answers"));
    let replaced = addresses::replace(&db.database, &ann, zulu.id, &address("Zulu BV"), now)
        .await
        .expect("answers")
        .expect("replaced");
    assert_eq!(replaced.address.company, "Zulu BV");
    assert!(addresses::remove(&db.database, &ann, zulu.id)
        .await
        .expect("answers"));
    assert_eq!(
        addresses::list(&db.database, &ann)
            .await
            .expect("lists")
            .len(),
        1
    );
}

async fn a_saved_number_is_renamed_and_removed_only_by_its_owner(db: TestDatabase) {
    let ann = signed_in(&db.database, "ann@zebra.example").await;
    let bob = signed_in(&db.database, "bob@yak.example").await;
    let now = ann.user.password_changed_at;
    let mut pooled = db.database.acquire().await.expect("connects");
    let id: i64 = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar(
                "INSERT INTO account_numbers (user_id, number, name, created_at)
             VALUES (?1, '951234567', 'Antwerp', ?2) RETURNING id",
            )
            .bind(ann.user.id)
            .bind(now)
            .fetch_one(conn)
            .await
        }
        Conn::Postgres(conn) => {
            sqlx::query_scalar(
                "INSERT INTO account_numbers (user_id, number, name, created_at)
             VALUES ($1, '951234567', 'Antwerp', $2) RETURNING id",
            )
            .bind(ann.user.id)
            .bind(now)
            .fetch_one(conn)
            .await
        }
    }
    .expect("a saved number");
    drop(pooled);

    let listed = account_numbers::list(&db.database, &ann)
        .await
        .expect("lists");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].number, "951234567");
    let rename = AccountNumberRename {
        name: "  Gent   office ".to_owned(),
    };
    assert!(account_numbers::rename(&db.database, &bob, id, &rename)
        .await
        .expect("answers")
        .is_none());
    let renamed = account_numbers::rename(&db.database, &ann, id, &rename)
        .await
        .expect("answers")
        .expect("renamed");
    assert_eq!(renamed.name, "Gent office");
    assert!(!account_numbers::remove(&db.database, &bob, id)
        .await
        .expect("answers"));
    assert!(account_numbers::remove(&db.database, &ann, id)
        .await
        .expect("answers"));
    assert!(account_numbers::list(&db.database, &ann)
        .await
        .expect("lists")
        .is_empty());
}

crate::database::testing::on_both_engines!(
    addresses_are_listed_by_company_and_only_their_owner_changes_them,
    a_saved_number_is_renamed_and_removed_only_by_its_owner,
);
