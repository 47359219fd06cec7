//! Waiting for an app process to be gone. WebKitWebDriver starts the app, so the tests have no
//! handle on it; they find it by its data directory, which only that app's processes carry.

use std::path::Path;
use std::process::{Command, Stdio};
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

/// Whether the session bus (the tests' own) still has an owner for `name`. No answer (no bus, no
/// `dbus-send`) counts as no owner: then there is nothing a next launch could run into.
fn bus_name_has_owner(name: &str) -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|answer| String::from_utf8_lossy(&answer.stdout).contains("boolean true"))
}

/// Waits (a few seconds at most) until no `program` runs on `data_dir` any more and the bus has
/// let go of its single-instance name, so the next launch on the same directory is not mistaken
/// for a second instance of a closing one (it would hand over to it and quit).
pub fn wait_until_gone(program: &Path, data_dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(15);
    let bus_name = oso::single_instance_bus_name(data_dir);
    while !app_processes(program, data_dir).is_empty() || bus_name_has_owner(&bus_name) {
        if Instant::now() > deadline {
            eprintln!("an app on {} is still running", data_dir.display());
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
