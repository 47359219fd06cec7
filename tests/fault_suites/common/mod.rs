//! What the desktop's fault suites share; each suite uses part of it.
#![allow(dead_code)]

pub mod databases;
pub mod desktop;
pub mod verdict;

/// The size of a suite: `variable` when set, the full size when the suite is given `--full`
/// (`cargo test --release --test fault_crash -- --full`, as `make bench` runs it), else the small
/// size that a plain `cargo test` runs.
pub fn size(variable: &str, full: usize, small: usize) -> usize {
    if let Some(size) = std::env::var(variable).ok().and_then(|n| n.parse().ok()) {
        return size;
    }
    if std::env::args().any(|arg| arg == "--full") {
        full
    } else {
        small
    }
}

/// The seed of a run: `variable` when set (to repeat a run), else a new one.
pub fn seed(variable: &str) -> u64 {
    std::env::var(variable)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(rand::random)
}

/// With `OSO_LOG` set (e.g. `OSO_LOG=warn`), the service's and desktop's logs go to stderr, to
/// see why a run failed.
pub fn log_to_stderr() {
    if let Ok(filter) = std::env::var("OSO_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .init();
    }
}
