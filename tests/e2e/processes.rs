//! Waiting for an app process to be gone. WebKitWebDriver starts the app, so the tests have no
//! handle on it; they find it by its data directory, which only that app's processes carry.

use std::path::Path;
use std::time::{Duration, Instant};

/// The processes running `program` with `OSO_DATA_DIR=data_dir` in their environment.
fn app_processes(program: &Path, data_dir: &Path) -> Vec<u32> {
    let wanted = format!("OSO_DATA_DIR={}", data_dir.display()).into_bytes();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let runs_program =
                std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == program);
            runs_program
                && std::fs::read(format!("/proc/{pid}/environ")).is_ok_and(|environ| {
                    environ
                        .split(|byte| *byte == 0)
                        .any(|variable| variable == wanted.as_slice())
                })
        })
        .collect()
}

/// Waits (a few seconds at most) until no `program` runs on `data_dir` any more, so the next
/// launch on the same directory is not mistaken for a second instance of a closing one.
pub fn wait_until_gone(program: &Path, data_dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !app_processes(program, data_dir).is_empty() {
        if Instant::now() > deadline {
            eprintln!("an app on {} is still running", data_dir.display());
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
