//! Developer tasks that need more than a shell line.
//!
//! `cargo run -p xtask -- sqlx-prepare` regenerates the committed `.sqlx/` query data after a
//! query or a migration changed: it migrates a scratch database per crate and rebuilds that crate
//! against it with `SQLX_OFFLINE_DIR` set, which is what `cargo sqlx prepare` does, without
//! needing sqlx-cli installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::ConnectOptions;

/// The service's migrations, run by sqlx's migrator (its health query reads `_sqlx_migrations`).
const SERVICE_MIGRATIONS: &str = "crates/oso-service/migrations";
/// The desktop's migrations, applied as plain SQL into the same scratch database: their table
/// names do not clash with the service's, and one database lets one `cargo check` see every
/// query of the workspace (sqlx reads DATABASE_URL when any crate's macros expand).
const DESKTOP_MIGRATIONS: &str = "crates/oso-desktop/migrations";

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

    for package in ["oso-service", "oso"] {
        run(Command::new(cargo())
            .args(["clean", "-p", package])
            .current_dir(&root))?;
    }
    run(Command::new(cargo())
        .args(["check", "--workspace", "--all-targets"])
        .env("SQLX_OFFLINE", "false")
        .env("DATABASE_URL", format!("sqlite://{}", database.display()))
        .env("SQLX_OFFLINE_DIR", &offline_dir)
        .current_dir(&root))?;
    let written = std::fs::read_dir(&offline_dir)?.count();
    println!("wrote {written} query files to {}", offline_dir.display());
    Ok(())
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
