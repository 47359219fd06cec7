//! Cuts suite: order submissions by desktops (their real client, drafts, queue and send path:
//! `store_draft`, `confirm`, then `send_queued` until the order is answered, as the app's
//! connection monitor does) through a TCP proxy that drops connections at random points: before
//! the request reaches the service, after the service has it but before its answer, and in the
//! middle of the answer; the service is also restarted a few times. Every submission must be at
//! the service exactly once, and the order number each desktop recorded must be the one stored
//! for its key.
//!
//! `cargo test --release --test fault_cuts -- --full` submits 1,000 orders and restarts the
//! service 3 times (`make bench`); `cargo test --test fault_cuts` (part of a plain `cargo test`)
//! submits 50 with one restart. Either fails on any duplicate, lost order or wrong answer.
//! `OSO_CUTS_SUBMISSIONS` sets the submissions, `OSO_CUTS_SEED` repeats a run.

mod common;

use oso_core::DraftState;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use common::verdict::{check_orders, OrderCheck};
use common::{databases, desktop};
use oso::store_draft;
use oso_desktop::approval_retry::ApprovalRetry;
use oso_desktop::client::ServiceClient;
use oso_desktop::local::LocalStore;
use oso_desktop::ordering::{confirm, Draft, Sent};
use oso_desktop::outbound::send_queued;
use oso_desktop::session::SignedInAs;
use oso_service::ServiceConfig;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::Url;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Desktops submitting at once.
const DESKTOPS: usize = 16;
/// Users they sign in as.
const USERS: usize = 4;
/// The chance, per request or answer passing the proxy, of each kind of cut.
const CUT_BEFORE_REQUEST: f64 = 0.08;
const CUT_BEFORE_ANSWER: f64 = 0.08;
const CUT_MID_ANSWER: f64 = 0.08;
/// The desktop offers its queue again every 2 s; the suite does not wait that long.
const RETRY_PAUSE: Duration = Duration::from_millis(20);
/// Attempts after which a submission counts as never answered.
const MOST_ATTEMPTS: usize = 2_000;

#[derive(Debug, Default)]
struct Cuts {
    before_request: AtomicUsize,
    before_answer: AtomicUsize,
    mid_answer: AtomicUsize,
    /// The service was down (restarting): the proxy could not connect.
    service_down: AtomicUsize,
    connections: AtomicUsize,
    created: AtomicUsize,
    found: AtomicUsize,
}

fn count(counter: &AtomicUsize) {
    counter.fetch_add(1, Ordering::Relaxed);
}

fn get(counter: &AtomicUsize) -> usize {
    counter.load(Ordering::Relaxed)
}

/// The proxy: forwards each connection to the service's current address, cutting some.
async fn proxy(
    listener: TcpListener,
    upstream: Arc<RwLock<SocketAddr>>,
    cuts: Arc<Cuts>,
    seed: u64,
) {
    let mut rng = StdRng::seed_from_u64(seed);
    loop {
        let Ok((client, _)) = listener.accept().await else {
            continue;
        };
        count(&cuts.connections);
        let address = *upstream.read().expect("address");
        let (counters, seed) = (Arc::clone(&cuts), rng.gen());
        tokio::spawn(async move {
            match TcpStream::connect(address).await {
                Ok(service) => {
                    forward(client, service, &counters, StdRng::seed_from_u64(seed)).await
                }
                // Dropping the client's connection is all the desktop sees.
                Err(_) => count(&counters.service_down),
            }
        });
    }
}

/// One connection, both ways, until either side closes or a cut ends it (both are dropped).
async fn forward(client: TcpStream, service: TcpStream, cuts: &Cuts, mut rng: StdRng) {
    let (mut from_client, mut to_client) = client.into_split();
    let (mut from_service, mut to_service) = service.into_split();
    let (mut up, mut down) = (vec![0u8; 16 * 1024], vec![0u8; 16 * 1024]);
    // Whether the next bytes from the service start an answer.
    let mut answer_starts = false;
    loop {
        tokio::select! {
            read = from_client.read(&mut up) => {
                let Ok(n @ 1..) = read else { return };
                if rng.gen_bool(CUT_BEFORE_REQUEST) {
                    count(&cuts.before_request);
                    return;
                }
                if to_service.write_all(&up[..n]).await.is_err() {
                    return;
                }
                answer_starts = true;
            }
            read = from_service.read(&mut down) => {
                let Ok(n @ 1..) = read else { return };
                let roll: f64 = rng.gen();
                if answer_starts && roll < CUT_BEFORE_ANSWER {
                    count(&cuts.before_answer);
                    return;
                }
                if roll > 1.0 - CUT_MID_ANSWER && n > 1 {
                    count(&cuts.mid_answer);
                    let _ = to_client.write_all(&down[..n / 2]).await;
                    let _ = to_client.flush().await;
                    return;
                }
                if answer_starts {
                    if down[..n].starts_with(b"HTTP/1.1 201") {
                        count(&cuts.created);
                    } else if down[..n].starts_with(b"HTTP/1.1 200") {
                        count(&cuts.found);
                    }
                }
                answer_starts = false;
                if to_client.write_all(&down[..n]).await.is_err() {
                    return;
                }
            }
        }
    }
}

#[derive(Debug, Default)]
struct Outcome {
    /// Idempotency key → the order number the desktop recorded (`None`: never answered).
    told: BTreeMap<String, Option<String>>,
    attempts: usize,
    refused: Vec<String>,
}

/// One desktop: its own database and client, submitting until the submissions run out.
async fn desktop_submits(
    local: LocalStore,
    client: ServiceClient,
    me: SignedInAs,
    next: Arc<AtomicUsize>,
    submissions: usize,
    done: Arc<AtomicUsize>,
) -> Outcome {
    let mut outcome = Outcome::default();
    let retry = ApprovalRetry::default();
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        if index >= submissions {
            break;
        }
        let saved = store_draft(&local, &me.user, desktop::draft(None, index as u64))
            .await
            .expect("the draft is saved");
        let id = saved.id.clone().expect("an id");
        let stored = local
            .draft(&me.user, &id)
            .await
            .expect("reads")
            .expect("kept");
        let draft = Draft::from_stored(&stored).expect("a draft");
        let mut sent = confirm(&client, &local, &me, &id, &draft)
            .await
            .expect("confirmed");
        outcome.attempts += 1;
        let mut attempts = 1;
        while matches!(sent, Sent::Waiting) && attempts < MOST_ATTEMPTS {
            tokio::time::sleep(RETRY_PAUSE).await;
            send_queued(&client, &local, &me, &retry).await;
            outcome.attempts += 1;
            attempts += 1;
            let stored = local
                .draft(&me.user, &id)
                .await
                .expect("reads")
                .expect("kept");
            sent = match (stored.state, stored.order_number) {
                (DraftState::Accepted, Some(number)) => Sent::Accepted(number),
                (DraftState::Waiting, _) => Sent::Waiting,
                (other, _) => {
                    outcome
                        .refused
                        .push(format!("{id}: {other} {:?}", stored.refusal));
                    break;
                }
            };
        }
        let stored = local
            .draft(&me.user, &id)
            .await
            .expect("reads")
            .expect("kept");
        if let Sent::Refused(body) = &sent {
            outcome
                .refused
                .push(format!("{id}: {}", body.code.as_str()));
        }
        outcome.told.insert(
            id,
            stored
                .order_number
                .filter(|_| stored.state == DraftState::Accepted),
        );
        done.fetch_add(1, Ordering::Relaxed);
    }
    local.close().await;
    outcome
}

#[tokio::main]
async fn main() {
    common::log_to_stderr();
    let submissions = common::size("OSO_CUTS_SUBMISSIONS", 1000, 50);
    let restarts = if submissions >= 200 { 3 } else { 1 };
    let seed = common::seed("OSO_CUTS_SEED");
    let dir = tempfile::tempdir().expect("temp dir");
    let service_dir = dir.path().join("service");
    let mut service = oso_service::start(ServiceConfig::embedded(&service_dir))
        .await
        .expect("service");
    let direct = ServiceClient::new(Url::parse(&service.url()).expect("url")).expect("client");
    let mut logins = Vec::new();
    for user in 0..USERS {
        let email = format!("cuts{user}@zebra.example");
        logins.push(desktop::signed_in(&direct, service.outbox_dir(), &email).await);
    }

    let upstream = Arc::new(RwLock::new(service.address()));
    let cuts = Arc::new(Cuts::default());
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy binds");
    let proxy_url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(proxy(
        listener,
        Arc::clone(&upstream),
        Arc::clone(&cuts),
        seed,
    ));

    let (next, done) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut desktops = Vec::new();
    for number in 0..DESKTOPS {
        let local = LocalStore::open(&dir.path().join(format!("desktop-{number}.sqlite3")))
            .await
            .expect("the desktop's database");
        let client = ServiceClient::new(Url::parse(&proxy_url).expect("url")).expect("client");
        desktops.push(tokio::spawn(desktop_submits(
            local,
            client,
            logins[number % USERS].clone(),
            Arc::clone(&next),
            submissions,
            Arc::clone(&done),
        )));
    }
    // Restarts at even shares of the run: stop (requests in flight finish), start again on the
    // same data directory at a new port, which the proxy uses from then on.
    for restart in 1..=restarts {
        let at = submissions * restart / (restarts + 1);
        while done.load(Ordering::Relaxed) < at && !desktops.iter().all(|d| d.is_finished()) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        service.shutdown().await.expect("the service stops");
        tokio::time::sleep(Duration::from_millis(100)).await;
        service = oso_service::start(ServiceConfig::embedded(&service_dir))
            .await
            .expect("the service starts again");
        *upstream.write().expect("address") = service.address();
    }

    let mut outcome = Outcome::default();
    for desktop in desktops {
        let one = desktop.await.expect("desktop");
        outcome.told.extend(one.told);
        outcome.attempts += one.attempts;
        outcome.refused.extend(one.refused);
    }
    let held = databases::held_orders(&service_dir.join("oso-service.sqlite3")).await;
    let outbox = service.outbox_dir().to_owned();
    service.shutdown().await.expect("the service stops");
    let confirmations = oso_service::mail::outbox::read_mails(&outbox, "order-confirmation")
        .expect("outbox")
        .len();
    let check = check_orders(&outcome.told, &held);
    let mut failures = check.failures();
    failures.extend(
        outcome
            .refused
            .iter()
            .map(|refused| format!("refused: {refused}")),
    );
    let mailed = (confirmations, held.len());
    print_figures(submissions, restarts, seed, &cuts, &outcome, &check, mailed);
    assert!(
        failures.is_empty(),
        "the cuts suite failed:\n{}",
        failures.join("\n")
    );
}

fn print_figures(
    submissions: usize,
    restarts: usize,
    seed: u64,
    cuts: &Cuts,
    outcome: &Outcome,
    check: &OrderCheck,
    (confirmations, orders): (usize, usize),
) {
    let dropped = get(&cuts.before_request)
        + get(&cuts.before_answer)
        + get(&cuts.mid_answer)
        + get(&cuts.service_down);
    println!(
        "cuts suite: {DESKTOPS} desktops submitting orders through a proxy that drops connections"
    );
    println!("seed (OSO_CUTS_SEED):                         {seed}");
    println!("submissions:                                  {submissions}");
    println!(
        "attempts (first tries and retries):           {}",
        outcome.attempts
    );
    println!(
        "retries:                                      {}",
        outcome.attempts - submissions.min(outcome.attempts)
    );
    println!(
        "connections through the proxy:                {}",
        get(&cuts.connections)
    );
    println!("connections dropped:                          {dropped}");
    println!(
        "  before the request reached the service:     {}",
        get(&cuts.before_request)
    );
    println!(
        "  after the service had it, before the answer: {}",
        get(&cuts.before_answer)
    );
    println!(
        "  in the middle of the answer:                {}",
        get(&cuts.mid_answer)
    );
    println!(
        "  service down (restarting):                  {}",
        get(&cuts.service_down)
    );
    println!("service restarts:                             {restarts}");
    println!(
        "answers delivered: 201 placed / 200 placed earlier: {} / {}",
        get(&cuts.created),
        get(&cuts.found)
    );
    println!(
        "in the database exactly once, number as told: {}",
        check.exactly_once
    );
    println!(
        "duplicates:                                   {}",
        check.duplicates
    );
    println!(
        "lost:                                         {}",
        check.lost
    );
    println!(
        "wrong answers (another order number):         {}",
        check.wrong_answers
    );
    println!(
        "never answered:                               {}",
        check.unanswered
    );
    println!(
        "refused:                                      {}",
        outcome.refused.len()
    );
    println!(
        "orders nobody submitted:                      {}",
        check.unexpected
    );
    println!("order confirmation e-mails:                   {confirmations} for {orders} orders");
    let failed = !check.failures().is_empty() || !outcome.refused.is_empty();
    println!(
        "result:                                       {}",
        if failed { "FAIL" } else { "pass" }
    );
}
