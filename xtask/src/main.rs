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

/// Each crate with compile-time-checked queries, and the migrations its queries run against.
const QUERY_CRATES: &[(&str, &str)] = &[
    ("oso-service", "crates/oso-service/migrations"),
    ("oso", "src-tauri/migrations"),
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
    for (package, migrations) in QUERY_CRATES {
        let database = scratch.path().join(format!("{package}.sqlite3"));
        let mut connection = SqliteConnectOptions::new()
            .filename(&database)
            .create_if_missing(true)
            .connect()
            .await?;
        Migrator::new(root.join(migrations))
            .await?
            .run(&mut connection)
            .await
            .with_context(|| format!("migrating {migrations}"))?;
        drop(connection);

        run(Command::new(cargo())
            .args(["clean", "-p", package])
            .current_dir(&root))?;
        run(Command::new(cargo())
            .args(["check", "-p", package, "--all-targets"])
            .env("SQLX_OFFLINE", "false")
            .env("DATABASE_URL", format!("sqlite://{}", database.display()))
            .env("SQLX_OFFLINE_DIR", &offline_dir)
            .current_dir(&root))?;
    }
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
