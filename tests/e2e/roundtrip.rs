//! The command round trip, measured from inside the real webview: `profile_get` goes from the
//! page through Tauri's IPC into Rust, the service client, the embedded service (called in
//! process, through its router) and its SQLite database and back; `ping` crosses the IPC and
//! returns nothing, the baseline; `ping_async` does the same on Tauri's async runtime, as every
//! command that calls the service does, which shows what that hop costs. All three run
//! alternately in the same page, so all see the same machine.
//!
//! A benchmark, not a test of speed: it prints figures and asserts only that every call
//! answered. `make test` runs 20 samples; `scripts/bench.sh` sets `OSO_BENCH_ROUNDS`
//! to 300 samples (12,000 calls of each) in a release build.

use serde_json::{json, Value};

use crate::app::{Launch, RunningApp};
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";

/// How many calls one timed sample holds: WebKit's page clock ticks once a millisecond
/// (measured and printed below), so a sample times forty calls in a row, which reads each call to
/// 0.025 ms. Percentiles are then over these forty-call means: they smooth single outliers.
const CALLS_PER_SAMPLE: u64 = 40;

/// Runs `samples` × (forty `ping`, forty `ping_async`, forty `profile_get`) in the page and answers each sample's
/// milliseconds per call, with the clock's resolution as the page saw it.
const MEASURE: &str = "
const [samples, calls, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const invoke = window.__TAURI__.core.invoke;
(async () => {
  let resolution = Infinity;
  for (let i = 0; i < 50; i++) {
    const a = performance.now(); let b = performance.now();
    while (b === a) b = performance.now();
    resolution = Math.min(resolution, b - a);
  }
  const times = { ping: [], ping_async: [], profile_get: [] };
  for (let i = 0; i < 20; i++) { await invoke('ping'); await invoke('profile_get'); }
  for (let i = 0; i < samples; i++) {
    for (const command of ['ping', 'ping_async', 'profile_get']) {
      const began = performance.now();
      for (let call = 0; call < calls; call++) await invoke(command);
      times[command].push((performance.now() - began) / calls);
    }
  }
  done({ ok: { resolution, times } });
})().catch((err) => done({ err: String(err) }));";

fn percentile(samples: &mut [f64], fraction: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[((samples.len() as f64 - 1.0) * fraction).round() as usize]
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_command_round_trip_through_the_service_is_measured_against_a_no_op_command() {
    let samples: u64 = std::env::var("OSO_BENCH_ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(20);
    let data = temp_data_dir();
    let app = RunningApp::launch("roundtrip", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "roundtrip@zebra.example", PASSWORD);

    let answer = app
        .ui()
        .execute_async(MEASURE, vec![json!(samples), json!(CALLS_PER_SAMPLE)])
        .unwrap_or_else(|error| panic!("the measuring script failed: {error}"));
    let measured = answer
        .get("ok")
        .unwrap_or_else(|| panic!("a call failed: {answer}"));
    let resolution = measured["resolution"].as_f64().unwrap_or(f64::NAN);
    let series = |command: &str| -> Vec<f64> {
        measured["times"][command]
            .as_array()
            .map(|times| times.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default()
    };
    let (mut baseline, mut full) = (series("ping"), series("profile_get"));
    let mut asynchronous = series("ping_async");
    assert_eq!(baseline.len() as u64, samples, "every ping answered");
    assert_eq!(full.len() as u64, samples, "every profile_get answered");

    let (ping50, ping99) = (
        percentile(&mut baseline, 0.5),
        percentile(&mut baseline, 0.99),
    );
    let (full50, full99) = (percentile(&mut full, 0.5), percentile(&mut full, 0.99));
    let (async50, async99) = (
        percentile(&mut asynchronous, 0.5),
        percentile(&mut asynchronous, 0.99),
    );
    println!(
        "command round trip from the webview: {samples} samples of {CALLS_PER_SAMPLE} calls each, alternating"
    );
    println!("page clock resolution: {resolution:.3} ms; figures are per call");
    println!("{:<44} {:>10} {:>10}", "command", "p50", "p99");
    println!(
        "{:<44} {:>7.3} ms {:>7.3} ms",
        "profile_get (IPC, client, service, SQLite)", full50, full99
    );
    println!(
        "{:<44} {:>7.3} ms {:>7.3} ms",
        "ping_async (IPC and the async runtime)", async50, async99
    );
    println!(
        "{:<44} {:>7.3} ms {:>7.3} ms",
        "ping (IPC only, the baseline)", ping50, ping99
    );
    println!(
        "ratio profile_get / ping: p50 {:.2}×, p99 {:.2}×",
        full50 / ping50,
        full99 / ping99
    );
    println!("targets (issue 23): ≤ 1.6× the no-op command, p50 < 1 ms");
    app.close();
}
