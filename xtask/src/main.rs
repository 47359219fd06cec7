//! Developer tasks that need more than a shell line.
//!
//! `scripts/with-postgres.sh cargo run -p xtask -- sqlx-prepare` regenerates the committed
//! `.sqlx/` query data after a query or a migration changed: it migrates a scratch SQLite
//! database and a scratch PostgreSQL database (on the cluster the script starts) and rebuilds
//! every crate with queries against its engine with `SQLX_OFFLINE_DIR` set, which is what
//! `cargo sqlx prepare` does, without needing sqlx-cli installed. Each crate is pointed at its
//! engine by a `.env` file in its folder for the length of the build (sqlx reads a crate's
//! `.env` when `DATABASE_URL` is not set): `oso-service-postgres` at PostgreSQL, the rest at
//! SQLite.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, PgConnection};

/// The service's migrations, run by sqlx's migrator (its health query reads `_sqlx_migrations`).
const SERVICE_MIGRATIONS: &str = "crates/oso-service/migrations";
/// The desktop's migrations, applied as plain SQL into the same scratch database: their table
/// names do not clash with the service's, and one database lets one `cargo check` see every
/// query of the workspace (sqlx reads DATABASE_URL when any crate's macros expand).
const DESKTOP_MIGRATIONS: &str = "crates/oso-desktop/migrations";
/// The service's schema on PostgreSQL, beside the crate with its PostgreSQL queries.
const POSTGRES_MIGRATIONS: &str = "crates/oso-service-postgres/migrations";
/// The crates whose queries are checked against PostgreSQL; every other one's against SQLite.
const POSTGRES_CRATES: [&str; 1] = ["crates/oso-service-postgres"];
/// Every crate that has (or may get) queries: each gets a `.env` naming its engine.
const CRATES_WITH_QUERIES: [&str; 4] = [
    ".",
    "crates/oso-desktop",
    "crates/oso-service",
    "crates/oso-service-postgres",
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match std::env::args().nth(1).as_deref() {
        Some("sqlx-prepare") => sqlx_prepare().await,
        _ => {
            eprintln!("usage: cargo run -p xtask -- sqlx-prepare");
            Ok(())
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_owned)
        .unwrap_or_default()
}

async fn sqlx_prepare() -> anyhow::Result<()> {
    let root = workspace_root();
    let offline_dir = root.join(".sqlx");
    if offline_dir.exists() {
        std::fs::remove_dir_all(&offline_dir)?;
    }
    std::fs::create_dir_all(&offline_dir)?;
    let scratch = tempfile::tempdir()?;
    let database = scratch.path().join("queries.sqlite3");
    let mut connection = SqliteConnectOptions::new()
        .filename(&database)
        .create_if_missing(true)
        .connect()
        .await?;
    Migrator::new(root.join(SERVICE_MIGRATIONS))
        .await?
        .run(&mut connection)
        .await
        .context("migrating the service schema")?;
    let mut desktop: Vec<_> = std::fs::read_dir(root.join(DESKTOP_MIGRATIONS))?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    desktop.sort();
    for migration in desktop {
        let sql = std::fs::read_to_string(&migration)?;
        sqlx::raw_sql(&sql)
            .execute(&mut connection)
            .await
            .with_context(|| format!("applying {}", migration.display()))?;
    }
    drop(connection);
    let postgres = scratch_postgres().await?;

    // Every crate's `.env`, removed again however the build ends.
    let mut env_files = EnvFiles(Vec::new());
    for dir in CRATES_WITH_QUERIES {
        let url = if POSTGRES_CRATES.contains(&dir) {
            postgres.clone()
        } else {
            format!("sqlite://{}", database.display())
        };
        let path = root.join(dir).join(".env");
        if path.exists() {
            bail!("{} exists; move it away while preparing", path.display());
        }
        std::fs::write(&path, format!("DATABASE_URL={url}\n"))?;
        env_files.0.push(path);
    }

    for package in ["oso-service", "oso-service-postgres", "oso-desktop", "oso"] {
        run(Command::new(cargo())
            .args(["clean", "-p", package])
            .current_dir(&root))?;
    }
    run(Command::new(cargo())
        .args(["check", "--workspace", "--all-targets"])
        .env("SQLX_OFFLINE", "false")
        .env_remove("DATABASE_URL")
        .env("SQLX_OFFLINE_DIR", &offline_dir)
        .current_dir(&root))?;
    let written = std::fs::read_dir(&offline_dir)?.count();
    println!("wrote {written} query files to {}", offline_dir.display());
    // The files are named by a hash of the query's text: a PostgreSQL query with the very text
    // of a SQLite one shares its file, and one of the two then fails to build from it. Build
    // once more from the files alone, as CI does, to say so here.
    for package in ["oso-service", "oso-service-postgres"] {
        run(Command::new(cargo())
            .args(["clean", "-p", package])
            .current_dir(&root))?;
    }
    run(Command::new(cargo())
        .args(["check", "--workspace", "--all-targets"])
        .env("SQLX_OFFLINE", "true")
        .current_dir(&root))
    .context(
        "the prepared queries do not build offline; a PostgreSQL query with the same text as a \
         SQLite one shares its file: name its tables with their schema (`public.`)",
    )?;
    Ok(())
}

/// A new database with the PostgreSQL schema on the cluster of `scripts/with-postgres.sh`.
async fn scratch_postgres() -> anyhow::Result<String> {
    let url = std::env::var("OSO_TEST_DATABASE_URL").context(
        "no PostgreSQL to check queries against: run scripts/with-postgres.sh cargo run -p xtask -- sqlx-prepare",
    )?;
    let mut admin = PgConnection::connect(&url).await?;
    for statement in [
        "DROP DATABASE IF EXISTS sqlx_prepare",
        "CREATE DATABASE sqlx_prepare",
    ] {
        sqlx::raw_sql(statement).execute(&mut admin).await?;
    }
    let (server, _) = url
        .rsplit_once('/')
        .context("OSO_TEST_DATABASE_URL names no database")?;
    let scratch = format!("{server}/sqlx_prepare");
    let mut connection = PgConnection::connect(&scratch).await?;
    Migrator::new(workspace_root().join(POSTGRES_MIGRATIONS))
        .await?
        .run(&mut connection)
        .await
        .context("migrating the PostgreSQL schema")?;
    Ok(scratch)
}

/// `.env` files written for one build, deleted when dropped.
struct EnvFiles(Vec<PathBuf>);

impl Drop for EnvFiles {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn run(command: &mut Command) -> anyhow::Result<()> {
    let status = command
        .status()
        .with_context(|| format!("running {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed with {status}");
    }
    Ok(())
}
