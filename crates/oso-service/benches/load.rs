//! Load suite: the `oso-service` binary as a child process, so its memory can be read from
//! `/proc/PID/status`, under 64 clients for `OSO_LOAD_SECONDS`. 44 place orders (and read their
//! history's first page every tenth time); 4 sign in and out again (each sign-in is an argon2id
//! verification with 19 MiB of work memory); 16 use a protected account number, which asks its
//! administrators, who approve or reject (then approve) the request and later revoke it, so the
//! user asks again. The service's resident memory is sampled every 10 s
//! (every second in runs under a minute) and printed as a table, with the requests, the
//! errors (any answer other than the one expected) and the first minute's memory against the
//! last minute's.
//!
//! `cargo bench -p oso-service --bench load` runs 600 s; `cargo test -p oso-service --bench load`
//! (the test command's benchmark step) runs 5 s. Either fails on any error. Each client waits
//! `OSO_LOAD_PAUSE_MS` (default 100) between its requests, like a busy desktop.
//!
//! By default no order is ever deleted, so every login's history grows through the run (to about
//! 27,000 orders per ordering login in 600 s) and so does the work of reading it.
//! `OSO_LOAD_KEEP_ORDERS_SECONDS=N` runs the service's own 30-day retention, compressed: every
//! 10 s, beside the service as an operator's tool would, orders older than N seconds are deleted
//! with `orders::lifecycle::delete_expired`. The data then stops growing, as it does in use,
//! and the memory figures show whether the service's memory does too.

#[path = "load/clients.rs"]
mod clients;
#[path = "load/figures.rs"]
mod figures;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clients::{orderer, requester, signed_in, signing_in, Api, Requester, Tally};
use oso_service::config::DATABASE_FILE;

const SERVICE: &str = env!("CARGO_BIN_EXE_oso-service");
const CLIENTS: usize = 64;
/// One client in four uses a protected account number.
const REQUESTERS: usize = CLIENTS / 4;
/// The protected accounts, each with its own administrator.
const PROTECTED: usize = 4;
/// Clients that sign in and out again.
const SIGNING_IN: usize = 4;
/// Users the ordering clients sign in as.
const ORDERERS: usize = 8;

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|n| n.parse().ok())
}

fn protected_number(account: usize) -> String {
    format!("90000000{}", account + 1)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

fn start_service(data: &Path, port: u16) -> Child {
    let log = std::fs::File::create(data.join("service.log")).expect("log file");
    Command::new(SERVICE)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(data)
        .env("OSO_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("oso-service starts")
}

/// `oso-service customer-accounts add`, beside the running service, as an operator does.
fn protect(data: &Path, number: &str, admin: &str) {
    let done = Command::new(SERVICE)
        .args(["customer-accounts", "--data-dir"])
        .arg(data)
        .args([
            "add",
            number,
            "--company",
            "Zebra Parcels BV",
            "--protected",
            "--admin",
        ])
        .arg(format!("Admin <{admin}>"))
        .env("OSO_LOG", "warn")
        .output()
        .expect("oso-service customer-accounts");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
}

/// Until `running` is cleared, deletes the orders older than `keep` every 10 s through the
/// service's own retention rule, on a connection of its own to the service's database. Returns
/// how many it deleted.
async fn delete_orders_older_than(
    keep: Duration,
    database: PathBuf,
    running: Arc<AtomicBool>,
) -> u64 {
    let pool = oso_service::store::open(&database)
        .await
        .expect("the service's database");
    let retention = oso_core::order_lifecycle::ORDER_RETENTION;
    let keep = chrono::Duration::from_std(keep).expect("a keep time in range");
    let mut deleted = 0;
    while running.load(Ordering::Relaxed) {
        tokio::time::sleep(Duration::from_secs(10)).await;
        // The rule deletes what is 30 days old at `now`: a `now` that far ahead, less `keep`.
        let now = chrono::Utc::now() + retention - keep;
        deleted += oso_service::orders::lifecycle::delete_expired(
            &oso_service::database::Database::Sqlite(pool.clone()),
            now,
        )
        .await
        .expect("orders deleted");
    }
    pool.close().await;
    deleted
}

fn memory_of(pid: u32) -> Option<figures::Memory> {
    figures::memory(&std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?)
}

fn stop(mut service: Child) -> Option<std::process::ExitStatus> {
    // SIGTERM: the service finishes requests in flight and stops.
    let _ = Command::new("kill")
        .args(["-TERM", &service.id().to_string()])
        .status();
    for _ in 0..100 {
        if let Ok(Some(status)) = service.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = service.kill();
    let _ = service.wait();
    None
}

#[tokio::main]
async fn main() {
    let full = std::env::args().any(|arg| arg == "--bench");
    let seconds = env_number("OSO_LOAD_SECONDS").unwrap_or(if full { 600 } else { 5 });
    let pause = Duration::from_millis(env_number("OSO_LOAD_PAUSE_MS").unwrap_or(100));
    let sample_every = if seconds < 60 { 1 } else { 10 };
    let dir = tempfile::tempdir().expect("temp dir");
    let data: PathBuf = dir.path().to_owned();
    let port = free_port();
    let service = start_service(&data, port);
    let pid = service.id();
    let tally = Arc::new(Tally::default());
    let api = Api {
        http: reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("client"),
        base: format!("http://127.0.0.1:{port}"),
        tally: Arc::clone(&tally),
    };
    let health = async {
        for _ in 0..300 {
            if api
                .http
                .get(format!("{}/api/v1/health", api.base))
                .send()
                .await
                .is_ok()
            {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    };
    assert!(health.await, "oso-service answers its health check");

    let outbox = data.join("outbox");
    let mut admins = Vec::new();
    for account in 0..PROTECTED {
        let email = format!("admin{account}@zebra.example");
        admins.push(signed_in(&api, &outbox, &email).await);
        protect(&data, &protected_number(account), &email);
    }
    let mut orderers = Vec::new();
    for user in 0..ORDERERS {
        orderers.push(signed_in(&api, &outbox, &format!("order{user}@load.example")).await);
    }
    let mut signers = Vec::new();
    for client in 0..SIGNING_IN {
        let email = format!("sign{client}@load.example");
        signed_in(&api, &outbox, &email).await;
        signers.push(email);
    }
    let mut requesters = Vec::new();
    for client in 0..REQUESTERS {
        let email = format!("ask{client}@other{client}.example");
        requesters.push(Requester {
            client,
            token: signed_in(&api, &outbox, &email).await,
            email,
            admin_token: admins[client % PROTECTED].clone(),
            number: protected_number(client % PROTECTED),
        });
    }
    assert_eq!(tally.error_count(), 0, "setting up: {:?}", tally.errors);
    let setup_requests = tally.requests.swap(0, Ordering::Relaxed);

    let running = Arc::new(AtomicBool::new(true));
    let keep_orders = env_number("OSO_LOAD_KEEP_ORDERS_SECONDS").map(Duration::from_secs);
    let retention = keep_orders.map(|keep| {
        tokio::spawn(delete_orders_older_than(
            keep,
            data.join(DATABASE_FILE),
            Arc::clone(&running),
        ))
    });
    let mut clients = Vec::new();
    for email in signers {
        clients.push(tokio::spawn(signing_in(
            api.clone(),
            email,
            pause,
            Arc::clone(&running),
        )));
    }
    for client in 0..CLIENTS - REQUESTERS - SIGNING_IN {
        clients.push(tokio::spawn(orderer(
            api.clone(),
            client,
            orderers[client % ORDERERS].clone(),
            pause,
            Arc::clone(&running),
        )));
    }
    for who in requesters {
        clients.push(tokio::spawn(requester(
            api.clone(),
            who,
            pause,
            Arc::clone(&running),
        )));
    }

    println!(
        "load suite: oso-service (pid {pid}) as a child process, {CLIENTS} clients ({} ordering, {SIGNING_IN} signing in and out, {REQUESTERS} using protected account numbers), {seconds} s, {} ms between a client's requests",
        CLIENTS - REQUESTERS - SIGNING_IN,
        pause.as_millis()
    );
    match keep_orders {
        Some(keep) => println!(
            "orders are kept {} s (the 30-day retention, compressed), deleted every 10 s",
            keep.as_secs()
        ),
        None => println!("no order is deleted during the run"),
    }
    println!(
        "{:>6} {:>10} {:>8} {:>8} {:>10} {:>10} {:>8} {:>8} {:>8}",
        "s", "requests", "req/s", "errors", "VmRSS MiB", "VmHWM MiB", "anon", "file", "shmem"
    );
    let start = Instant::now();
    let mut samples = Vec::new();
    let mut last_requests = 0;
    let mut memory_lost = false;
    for tick in 1..=seconds / sample_every {
        let due = start + Duration::from_secs(tick * sample_every);
        tokio::time::sleep_until(due.into()).await;
        let requests = tally.requests.load(Ordering::Relaxed);
        let Some(memory) = memory_of(pid) else {
            memory_lost = true;
            println!("the service is gone (pid {pid})");
            break;
        };
        let t = tick * sample_every;
        samples.push((t, memory.rss_kib));
        println!(
            "{t:>6} {requests:>10} {:>8.0} {:>8} {:>10.1} {:>10.1} {:>8.1} {:>8.1} {:>8.1}",
            (requests - last_requests) as f64 / sample_every as f64,
            tally.error_count(),
            memory.rss_kib as f64 / 1024.0,
            memory.hwm_kib as f64 / 1024.0,
            memory.anon_kib as f64 / 1024.0,
            memory.file_kib as f64 / 1024.0,
            memory.shmem_kib as f64 / 1024.0
        );
        last_requests = requests;
    }
    running.store(false, Ordering::Relaxed);
    for client in clients {
        client.await.expect("client");
    }
    let deleted = match retention {
        Some(task) => Some(task.await.expect("retention")),
        None => None,
    };
    let file_size = |suffix: &str| {
        std::fs::metadata(data.join(format!("{DATABASE_FILE}{suffix}")))
            .map_or(0.0, |meta| meta.len() as f64 / 1024.0 / 1024.0)
    };
    let (database, wal, shm) = (file_size(""), file_size("-wal"), file_size("-shm"));
    let elapsed = start.elapsed().as_secs_f64();
    let peak = memory_of(pid);
    let exit = stop(service);
    let log = std::fs::read_to_string(data.join("service.log")).unwrap_or_default();
    if !tally
        .errors
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .is_empty()
    {
        // What the service said about them (to stderr: the report keeps the figures only).
        for line in log
            .lines()
            .filter(|line| line.contains("ERROR") || line.contains("WARN"))
            .take(40)
        {
            eprintln!("service: {line}");
        }
    }
    if log.contains("panicked") {
        tally.error("the service panicked".into());
    }
    if memory_lost {
        tally.error("the service died during the run".into());
    }
    if !exit.is_some_and(|status| status.success()) {
        tally.error(format!(
            "the service did not stop cleanly on SIGTERM: {exit:?}"
        ));
    }

    let requests = tally.requests.load(Ordering::Relaxed);
    let load = |counter: &AtomicUsize| counter.load(Ordering::Relaxed);
    println!(
        "requests:                 {requests} ({:.0}/s; {setup_requests} more to set up)",
        requests as f64 / elapsed
    );
    println!("orders placed:            {}", load(&tally.orders_placed));
    if let (Some(keep), Some(deleted)) = (keep_orders, deleted) {
        println!(
            "orders deleted:           {deleted} (kept {} s instead of 30 days)",
            keep.as_secs()
        );
    }
    println!("sign-ins:                 {}", load(&tally.sign_ins));
    println!(
        "eSecure: requests {}, approvals {}, rejections {}, revocations {}",
        load(&tally.requests_for_access),
        load(&tally.approvals),
        load(&tally.rejections),
        load(&tally.revocations)
    );
    let errors = tally
        .errors
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    println!(
        "errors:                   {}",
        errors.values().sum::<usize>()
    );
    for (what, count) in &errors {
        println!("  {count:>6} × {what}");
    }
    if let Some((first, last)) = figures::first_and_last_minute(&samples, seconds) {
        println!(
            "VmRSS first minute / last minute (mean): {:.1} / {:.1} MiB ({:+.1} %)",
            first as f64 / 1024.0,
            last as f64 / 1024.0,
            100.0 * (last as f64 - first as f64) / first as f64
        );
    }
    // With retention the data grows until the first orders are deleted; from then on, memory
    // that still grew would be the service's own.
    let steady_from = keep_orders.map(|keep| keep.as_secs() + 10);
    if let Some((from, (steady, last))) = steady_from.and_then(|from| {
        Some((
            from,
            figures::minute_from_and_last_minute(&samples, from, seconds)?,
        ))
    }) {
        println!(
            "VmRSS from {from} s, once the data stopped growing / last minute (mean): {:.1} / {:.1} MiB ({:+.1} %)",
            steady as f64 / 1024.0,
            last as f64 / 1024.0,
            100.0 * (last as f64 - steady as f64) / steady as f64
        );
    }
    println!(
        "database files at the end: {database:.1} MiB, WAL {wal:.1} MiB, WAL index {shm:.2} MiB"
    );
    if let Some(peak) = peak {
        println!(
            "VmHWM at the end:         {:.1} MiB",
            peak.hwm_kib as f64 / 1024.0
        );
    }
    println!(
        "result:                   {}",
        if errors.is_empty() { "pass" } else { "FAIL" }
    );
    assert!(errors.is_empty(), "the load suite saw errors: {errors:?}");
}
