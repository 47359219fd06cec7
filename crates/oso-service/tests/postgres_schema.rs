//! The PostgreSQL schema (`oso-service-postgres/migrations/`) and the SQLite schema
//! (`oso-service/migrations/`) are kept
//! side by side: every table and column of one is in the other, as nullable or not, with the
//! PostgreSQL type that stands for the SQLite one. A migration added to one folder only fails here.
//!
//! Needs a PostgreSQL server: `make test` runs it through `scripts/with-postgres.sh`, which starts
//! a private cluster and names it in `OSO_TEST_DATABASE_URL`.

use std::collections::BTreeSet;

use sqlx::{Connection, PgConnection};

/// A database of its own on the test cluster, so tests never see each other's tables.
async fn fresh_postgres_database() -> String {
    let url = std::env::var("OSO_TEST_DATABASE_URL")
        .expect("OSO_TEST_DATABASE_URL: run through scripts/with-postgres.sh");
    let name = format!("schema_{}", std::process::id());
    let mut admin = PgConnection::connect(&url).await.expect("connects");
    // One statement each: PostgreSQL runs neither inside the transaction a batch would be.
    for statement in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::raw_sql(&statement)
            .execute(&mut admin)
            .await
            .expect("creates a database");
    }
    let (server, _) = url.rsplit_once('/').expect("a database in the URL");
    format!("{server}/{name}")
}

/// (table, column, not null, type) with the type as PostgreSQL names it.
type Column = (String, String, bool, String);

async fn postgres_columns() -> BTreeSet<Column> {
    let options = fresh_postgres_database().await.parse().expect("a URL");
    let pool = oso_service_postgres::open(options, 1)
        .await
        .expect("the PostgreSQL migrations run");
    let sequence: Option<String> = sqlx::query_scalar(
        "SELECT sequencename::text FROM pg_sequences WHERE sequencename = 'order_numbers'",
    )
    .fetch_optional(&pool)
    .await
    .expect("reads the sequences");
    assert!(
        sequence.is_some(),
        "order numbers need their sequence on PostgreSQL"
    );
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, is_nullable::text, data_type::text
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .expect("reads the columns");
    rows.into_iter()
        .map(|(table, column, nullable, kind)| (table, column, nullable == "NO", kind))
        .collect()
}

/// The SQLite columns (generated ones too, which only `table_xinfo` lists), each with the
/// PostgreSQL types allowed to stand for its type.
async fn sqlite_columns() -> BTreeSet<(String, String, bool, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let pool = oso_service::store::open(&dir.path().join("service.sqlite3"))
        .await
        .expect("the SQLite migrations run");
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk
         FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .expect("reads the columns");
    rows.into_iter()
        .map(|(table, column, kind, not_null, primary_key)| {
            // SQLite's INTEGER PRIMARY KEY is the row id: never null, though not declared so.
            (table, column, not_null == 1 || primary_key > 0, kind)
        })
        .collect()
}

/// Columns (`*`: a whole table) that differ on purpose, each for a reason its engine imposes.
const KNOWN_DIFFERENCES: [(&str, &str); 2] = [
    // SQLite fills a new login's public id with a trigger after the insert (a column added by
    // ALTER TABLE cannot be NOT NULL there); PostgreSQL's column default fills it before.
    ("users", "public_id"),
    // SQLite has no sequences: order numbers come from a one-row counter there, from the
    // `order_numbers` sequence on PostgreSQL (checked below).
    ("order_number_counter", "*"),
];

fn differs_on_purpose(table: &str, column: &str) -> bool {
    KNOWN_DIFFERENCES
        .iter()
        .any(|&(t, c)| t == table && (c == "*" || c == column))
}

/// Whether PostgreSQL's `postgres` type may stand for SQLite's `sqlite` one.
fn stands_for(sqlite: &str, postgres: &str) -> bool {
    match sqlite {
        // Numbers and the 0/1 flags.
        "INTEGER" => matches!(postgres, "bigint" | "boolean"),
        // Text and the RFC 3339 times the service writes as text on SQLite.
        "TEXT" => matches!(postgres, "text" | "timestamp with time zone"),
        "BLOB" => postgres == "bytea",
        _ => false,
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL: scripts/with-postgres.sh cargo test -p oso-service --test postgres_schema -- --ignored"]
async fn both_engines_have_the_same_tables_columns_and_nullability() {
    let postgres = postgres_columns().await;
    let sqlite = sqlite_columns().await;

    let name =
        |(table, column, ..): &(String, String, bool, String)| (table.clone(), column.clone());
    let compared = |(table, column): &(String, String)| !differs_on_purpose(table, column);
    let postgres_names: BTreeSet<_> = postgres.iter().map(name).filter(compared).collect();
    let sqlite_names: BTreeSet<_> = sqlite.iter().map(name).filter(compared).collect();
    let only_sqlite: Vec<_> = sqlite_names.difference(&postgres_names).collect();
    let only_postgres: Vec<_> = postgres_names.difference(&sqlite_names).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "columns only on SQLite: {only_sqlite:?}; only on PostgreSQL: {only_postgres:?}"
    );

    let mut differing = Vec::new();
    for (table, column, not_null, kind) in &sqlite {
        if differs_on_purpose(table, column) {
            continue;
        }
        let (.., pg_not_null, pg_kind) = postgres
            .iter()
            .find(|(t, c, ..)| t == table && c == column)
            .expect("matched above");
        if not_null != pg_not_null || !stands_for(kind, pg_kind) {
            differing.push(format!(
                "{table}.{column}: SQLite {kind} not null {not_null}, PostgreSQL {pg_kind} not null {pg_not_null}"
            ));
        }
    }
    assert!(differing.is_empty(), "{differing:#?}");
}
