//! Crash suite: the desktop's real draft and queue code (`store_draft`, `confirm`,
//! `send_queued` on a `LocalStore`) runs in a child process (this binary again, with
//! `OSO_CRASH_CHILD` set) against a real service, and is killed with SIGKILL at random moments.
//! The child edits drafts in a loop, confirms some into the queue and sends the queue, printing
//! each acknowledgement only after the call returned. After each kill the desktop's database is
//! reopened: `PRAGMA integrity_check` must say ok, every draft must be at least at its last
//! acknowledged save, and once the queue is sent again (with the same code, as a restarted app
//! does) every queued order must be at the service exactly once, under the number the desktop
//! recorded.
//!
//! `cargo test --release --test fault_crash -- --full` kills 100 times and prints the figures
//! (`make bench`); `cargo test --test fault_crash` (part of a plain `cargo test`) kills 5 times.
//! Either fails on any lost, duplicated, stale or corrupt result. `OSO_CRASH_KILLS` sets the
//! kills, `OSO_CRASH_SEED` repeats a run.

mod common;

use oso_core::DraftState;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::verdict::{check_drafts, check_orders, Acknowledged, DraftCheck, Kept, OrderCheck};
use common::{databases, desktop};
use oso::store_draft;
use oso_core::SecretString;
use oso_desktop::approval_retry::ApprovalRetry;
use oso_desktop::client::ServiceClient;
use oso_desktop::local::LocalStore;
use oso_desktop::ordering::{confirm, Draft, Sent};
use oso_desktop::outbound::send_queued;
use oso_desktop::owner::UserId;
use oso_desktop::session::SignedInAs;
use oso_service::ServiceConfig;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::Url;

const CHILD: &str = "OSO_CRASH_CHILD";
/// Drafts the child keeps open at once; it starts a new one when it has fewer.
const OPEN_DRAFTS: usize = 4;
/// The longest the child works before it is killed.
const LONGEST_LIFE_MS: u64 = 300;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    if std::env::var_os(CHILD).is_some() {
        runtime.block_on(child());
    } else {
        runtime.block_on(parent());
    }
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is set by the parent"))
}

/// One acknowledgement, written in one `write` (a line on a pipe is never torn).
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .expect("stdout");
}

/// The desktop: edits, confirms and sends until it is killed.
async fn child() {
    let local = LocalStore::open(Path::new(&env("OSO_CRASH_DB")))
        .await
        .expect("the desktop's database opens");
    let client =
        ServiceClient::new(Url::parse(&env("OSO_CRASH_URL")).expect("url")).expect("client");
    let me = SignedInAs {
        token: SecretString::new(env("OSO_CRASH_TOKEN")),
        user: UserId::parse(&env("OSO_CRASH_USER")).expect("user id"),
    };
    let mut rng = StdRng::seed_from_u64(env("OSO_CRASH_SEED").parse().expect("seed"));
    let retry = ApprovalRetry::default();
    // Drafts still being edited before the last crash, as the app offers to resume them.
    let mut editing: Vec<(String, u64)> = local
        .drafts(&me.user)
        .await
        .expect("drafts")
        .iter()
        .filter(|stored| stored.state == DraftState::Editing)
        .filter_map(|stored| Some((stored.id.clone(), desktop::revision_of(stored)?)))
        .collect();
    say("ready");
    loop {
        let roll = rng.gen_range(0..10);
        if roll < 6 || editing.is_empty() {
            let (id, revision) =
                if editing.len() < OPEN_DRAFTS && rng.gen_bool(0.3) || editing.is_empty() {
                    (None, 1)
                } else {
                    let (id, revision) = &editing[rng.gen_range(0..editing.len())];
                    (Some(id.clone()), revision + 1)
                };
            say("begin save");
            let saved = store_draft(&local, &me.user, desktop::draft(id, revision))
                .await
                .expect("the draft is saved");
            let id = saved.id.expect("a saved draft has an id");
            say(&format!("saved {id} {revision}"));
            match editing.iter_mut().find(|(open, _)| *open == id) {
                Some(open) => open.1 = revision,
                None => editing.push((id, revision)),
            }
        } else if roll < 9 {
            let (id, _) = editing.swap_remove(rng.gen_range(0..editing.len()));
            let stored = local
                .draft(&me.user, &id)
                .await
                .expect("reads")
                .expect("kept");
            let draft = Draft::from_stored(&stored).expect("a draft");
            say("begin confirm");
            let sent = confirm(&client, &local, &me, &id, &draft)
                .await
                .expect("confirmed");
            say(&format!("queued {id}"));
            match sent {
                Sent::Accepted(number) => say(&format!("sent {id} {number}")),
                Sent::Refused(body) => say(&format!("refused {id} {}", body.code.as_str())),
                Sent::Waiting | Sent::AwaitingApproval => {}
            }
        } else {
            say("begin send");
            send_queued(&client, &local, &me, &retry).await;
            say("done send");
        }
    }
}

/// What one child said before it died.
#[derive(Debug, Default)]
struct Said {
    /// The operation under way when it was killed, if any: save, confirm or send.
    in_flight: Option<String>,
    refused: Vec<String>,
}

fn read_lines(lines: &[String], acknowledged: &mut BTreeMap<String, Acknowledged>) -> Said {
    let mut said = Said::default();
    for line in lines {
        let words: Vec<&str> = line.split(' ').collect();
        match words.as_slice() {
            ["begin", what] => said.in_flight = Some((*what).to_owned()),
            ["saved", id, revision] => {
                acknowledged.entry((*id).to_owned()).or_default().revision =
                    revision.parse().expect("a revision");
                said.in_flight = None;
            }
            ["queued", id] => {
                acknowledged.entry((*id).to_owned()).or_default().queued = true;
                said.in_flight = None;
            }
            ["sent", id, number] => {
                acknowledged
                    .entry((*id).to_owned())
                    .or_default()
                    .order_number = Some((*number).to_owned());
            }
            ["refused", id, code] => said.refused.push(format!("{id}: {code}")),
            ["done", "send"] => said.in_flight = None,
            ["ready"] => {}
            other => panic!("the child said something unexpected: {other:?}"),
        }
    }
    said
}

#[derive(Debug, Default)]
struct Figures {
    kills_by_operation: BTreeMap<String, usize>,
    saves_acknowledged: usize,
    drafts: DraftCheck,
    orders: OrderCheck,
    corrupt: usize,
    refused: Vec<String>,
    failures: Vec<String>,
}

/// Runs one child until a random moment after it is ready, kills it, and answers its lines.
fn run_child(db: &Path, url: &str, me: &SignedInAs, seed: u64, life: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().expect("this binary"))
        .env(CHILD, "1")
        .env("OSO_CRASH_DB", db)
        .env("OSO_CRASH_URL", url)
        .env("OSO_CRASH_TOKEN", me.token.expose())
        .env("OSO_CRASH_USER", me.user.as_str())
        .env("OSO_CRASH_SEED", seed.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the child starts");
    let stdout = child.stdout.take().expect("piped");
    let (lines, received) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut stdout = BufReader::new(stdout);
        let mut line = Vec::new();
        // Only whole lines count: a kill may cut the last one short.
        while stdout.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            if line.ends_with(b"\n") {
                let text = String::from_utf8_lossy(&line).trim_end().to_owned();
                if lines.send(text).is_err() {
                    break;
                }
            }
            line.clear();
        }
    });
    let first = received
        .recv_timeout(Duration::from_secs(60))
        .expect("the child gets ready");
    assert_eq!(first, "ready", "the child's first line");
    std::thread::sleep(life);
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    reader.join().expect("reader");
    std::iter::once(first).chain(received.try_iter()).collect()
}

async fn parent() {
    common::log_to_stderr();
    let kills = common::size("OSO_CRASH_KILLS", 100, 5);
    let seed = common::seed("OSO_CRASH_SEED");
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    let service = oso_service::start(ServiceConfig::embedded(dir.path().join("service")))
        .await
        .expect("service");
    let url = service.url();
    let client = ServiceClient::new(Url::parse(&url).expect("url")).expect("client");
    let me = desktop::signed_in(&client, service.outbox_dir(), "crash@zebra.example").await;
    let db: PathBuf = dir.path().join("oso-desktop.sqlite3");
    let service_db = dir.path().join("service").join("oso-service.sqlite3");

    let mut acknowledged: BTreeMap<String, Acknowledged> = BTreeMap::new();
    let mut figures = Figures::default();
    for kill in 1..=kills {
        let life = Duration::from_millis(rng.gen_range(0..=LONGEST_LIFE_MS));
        let (db_path, url, me_copy, child_seed) = (db.clone(), url.clone(), me.clone(), rng.gen());
        let lines = tokio::task::spawn_blocking(move || {
            run_child(&db_path, &url, &me_copy, child_seed, life)
        })
        .await
        .expect("child run");
        let said = read_lines(&lines, &mut acknowledged);
        figures.saves_acknowledged += lines
            .iter()
            .filter(|line| line.starts_with("saved "))
            .count();
        *figures
            .kills_by_operation
            .entry(
                said.in_flight
                    .unwrap_or_else(|| "between operations".into()),
            )
            .or_default() += 1;
        figures.refused.extend(said.refused);

        let integrity = databases::integrity(&db).await;
        if integrity != "ok" {
            figures.corrupt += 1;
            figures
                .failures
                .push(format!("kill {kill}: integrity_check: {integrity}"));
            break;
        }
        let local = LocalStore::open(&db)
            .await
            .expect("the desktop's database reopens");
        let kept = read_kept(&local, &me.user).await;
        let check = check_drafts(&acknowledged, &kept);
        for failure in check.failures() {
            figures.failures.push(format!("kill {kill}: {failure}"));
        }
        figures.drafts.add(&check);

        // The restarted app sends the queue again; the service answers every order.
        send_queued(&client, &local, &me, &ApprovalRetry::default()).await;
        let kept = read_kept(&local, &me.user).await;
        local.close().await;
        // From here on what the database holds is the acknowledged state.
        for (id, draft) in &kept {
            let ack = acknowledged.entry(id.clone()).or_default();
            ack.revision = ack.revision.max(draft.revision.unwrap_or(0));
            ack.queued |= draft.state != DraftState::Editing;
            if draft.order_number.is_some() {
                ack.order_number.clone_from(&draft.order_number);
            }
        }
        let told: BTreeMap<String, Option<String>> = kept
            .iter()
            .filter(|(_, draft)| draft.state != DraftState::Editing)
            .map(|(id, draft)| (id.clone(), draft.order_number.clone()))
            .collect();
        let check = check_orders(&told, &databases::held_orders(&service_db).await);
        for failure in check.failures() {
            figures.failures.push(format!("kill {kill}: {failure}"));
        }
        figures.orders = check;
    }
    service.shutdown().await.expect("service stops");
    figures.failures.extend(
        figures
            .refused
            .iter()
            .map(|refused| format!("refused: {refused}")),
    );
    print_figures(kills, seed, &figures);
    assert!(
        figures.failures.is_empty(),
        "the crash suite failed:\n{}",
        figures.failures.join("\n")
    );
}

async fn read_kept(local: &LocalStore, owner: &UserId) -> BTreeMap<String, Kept> {
    local
        .drafts(owner)
        .await
        .expect("drafts read")
        .iter()
        .map(|stored| {
            (
                stored.id.clone(),
                Kept {
                    revision: desktop::revision_of(stored),
                    state: stored.state,
                    order_number: stored.order_number.clone(),
                },
            )
        })
        .collect()
}

fn print_figures(kills: usize, seed: u64, figures: &Figures) {
    let by_operation: Vec<String> = figures
        .kills_by_operation
        .iter()
        .map(|(operation, count)| format!("{operation} {count}"))
        .collect();
    let (drafts, orders) = (&figures.drafts, &figures.orders);
    println!("crash suite: a desktop process saving drafts, confirming and sending orders, killed with SIGKILL");
    println!("seed (OSO_CRASH_SEED):              {seed}");
    println!("kills:                              {kills}");
    println!(
        "  by operation in flight:           {}",
        by_operation.join(", ")
    );
    println!(
        "saves acknowledged:                 {}",
        figures.saves_acknowledged
    );
    println!("drafts checked (summed over kills): {}", drafts.checked);
    println!(
        "  stale {}, missing {}, unreadable {}, newer than any save {}, queued back to editing {}, number lost {}",
        drafts.stale, drafts.missing, drafts.unreadable, drafts.invented, drafts.unqueued, drafts.forgotten_numbers
    );
    println!("orders queued:                      {}", orders.queued);
    println!(
        "sent exactly once:                  {}",
        orders.exactly_once
    );
    println!("duplicates:                         {}", orders.duplicates);
    println!("lost:                               {}", orders.lost);
    println!("never answered:                     {}", orders.unanswered);
    println!(
        "wrong order numbers:                {}",
        orders.wrong_answers
    );
    println!("orders nobody queued:               {}", orders.unexpected);
    println!(
        "refused:                            {}",
        figures.refused.len()
    );
    println!(
        "corrupt databases:                  {} of {kills} reopened",
        figures.corrupt
    );
    println!(
        "result:                             {}",
        if figures.failures.is_empty() {
            "pass"
        } else {
            "FAIL"
        }
    );
}
