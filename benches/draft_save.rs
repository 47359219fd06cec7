//! The cost of saving a draft as the `draft_save` command does (JSON of the wizard's state into
//! the desktop's SQLite, WAL, synchronous = FULL), against a baseline in the same run: a raw
//! upsert of the same bytes into a plain table of the same database with the same durability.
//! `cargo bench --bench draft_save`; `OSO_BENCH_ROUNDS` sets the rounds (default 300).

use std::time::{Duration, Instant};

use oso_desktop::local::LocalStore;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::ConnectOptions;

fn percentile(samples: &mut [Duration], fraction: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * fraction).round() as usize]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let rounds: usize = std::env::var("OSO_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("oso-desktop.sqlite3");
    let store = LocalStore::open(&path).await.expect("local store");
    let owner = oso_desktop::owner::UserId::parse("0123456789abcdef0123456789abcdef").expect("id");
    let mut raw = SqliteConnectOptions::new()
        .filename(&path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .connect()
        .await
        .expect("raw connection");
    sqlx::query("CREATE TABLE baseline (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT")
        .execute(&mut raw)
        .await
        .expect("baseline table");

    let lines: Vec<_> = (0..12)
        .map(|i| serde_json::json!({"sku": format!("ENV-C4-{i}"), "packs": i + 1}))
        .collect();
    let mut saves = Vec::new();
    let mut baseline = Vec::new();
    for round in 0..rounds {
        let draft = serde_json::json!({
            "step": 3, "accountNumber": "951234567", "saveAccountNumber": true, "accountName": "Antwerp",
            "addressBookId": null, "saveAddress": false, "lines": lines,
            "address": {"company": "Zebra Parcels BV", "contactPerson": "Ann Peeters", "street": "Meir",
                        "number": "12", "boxNumber": "", "postalCode": "2000", "city": "Antwerpen",
                        "country": "BE", "phone": "+3232234567", "email": "", "driverNote": format!("round {round}")}
        });

        let start = Instant::now();
        let body = serde_json::to_string(&draft).expect("json");
        store
            .save_draft(&owner, "bench-draft", &body, chrono::Utc::now())
            .await
            .expect("saved");
        saves.push(start.elapsed());

        let start = Instant::now();
        let body = serde_json::to_string(&draft).expect("json");
        sqlx::query("INSERT INTO baseline (id, body) VALUES ('bench', ?1) ON CONFLICT (id) DO UPDATE SET body = excluded.body")
            .bind(body)
            .execute(&mut raw)
            .await
            .expect("baseline");
        baseline.push(start.elapsed());
    }
    let (median, p99) = (percentile(&mut saves, 0.5), percentile(&mut saves, 0.99));
    let (base_median, base_p99) = (
        percentile(&mut baseline, 0.5),
        percentile(&mut baseline, 0.99),
    );
    println!("rounds: {rounds}");
    println!(
        "draft save (LocalStore::save_draft), median: {:.3} ms, p99: {:.3} ms",
        ms(median),
        ms(p99)
    );
    println!(
        "baseline raw upsert, same durability, median: {:.3} ms, p99: {:.3} ms",
        ms(base_median),
        ms(base_p99)
    );
    println!(
        "ratio draft save / baseline (median):         {:.2}",
        median.as_secs_f64() / base_median.as_secs_f64()
    );
    println!(
        "target: under 2 ms; median {}",
        if median < Duration::from_millis(2) {
            "meets it"
        } else {
            "misses it"
        }
    );
}
