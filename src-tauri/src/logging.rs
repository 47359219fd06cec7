//! Tracing to a daily-rotated file in the log directory (seven files kept) and to stderr.
//! `OSO_LOG` sets the filter (default `info`). The directory and its files are for this OS user
//! only (0700, 0600): logs name orders and addresses.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use oso_files::{self as private_files, FILE_MODE};
use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter};

/// Keep the guard alive as long as the app runs: dropping it flushes and stops the log writer.
pub fn init(log_dir: &Path) -> anyhow::Result<WorkerGuard> {
    let files = PrivateLogFiles::open(log_dir)?;
    let (file_writer, guard) = tracing_appender::non_blocking(files);
    let filter = EnvFilter::try_from_env("OSO_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt::layer().with_writer(file_writer).with_ansi(false))
        .with(fmt::layer().with_writer(std::io::stderr))
        .try_init()?;
    tracing::info!(version = crate::VERSION, log_dir = %log_dir.display(), "OSO starting");
    Ok(guard)
}

/// The rotating log files, each made private when the day's file begins (the appender creates
/// it with the process's umask; the directory keeps it private meanwhile).
#[derive(Debug)]
pub struct PrivateLogFiles {
    files: RollingFileAppender,
    dir: PathBuf,
    /// The (UTC, as the appender rotates) day whose file was last made private.
    private_on: Option<NaiveDate>,
}

impl PrivateLogFiles {
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        private_files::private_dir(dir)?;
        let files = RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("oso")
            .filename_suffix("log")
            .max_log_files(7)
            .build(dir)
            .map_err(std::io::Error::other)?;
        let mut opened = Self {
            files,
            dir: dir.to_owned(),
            private_on: None,
        };
        opened.keep_private()?;
        Ok(opened)
    }

    fn keep_private(&mut self) -> std::io::Result<()> {
        let today = Utc::now().date_naive();
        if self.private_on != Some(today) {
            for entry in std::fs::read_dir(&self.dir)?.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with("oso.") && name.ends_with(".log") {
                    private_files::tighten_if_present(&entry.path(), FILE_MODE)?;
                }
            }
            self.private_on = Some(today);
        }
        Ok(())
    }
}

impl Write for PrivateLogFiles {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.files.write(buf)?;
        // After the write: a new day's file exists once the appender has written to it.
        if let Err(error) = self.keep_private() {
            eprintln!("cannot keep the log files private: {error}");
        }
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.files.flush()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn the_logs_are_for_this_user_only_also_when_an_earlier_version_left_them_readable() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("logs");
        std::fs::create_dir(&dir).expect("dir");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let old = dir.join("oso.2026-12-01.log");
        std::fs::write(&old, "an old day\n").expect("old log");
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).expect("chmod");

        let mut files = PrivateLogFiles::open(&dir).expect("opens");
        files.write_all(b"a line\n").expect("writes");
        files.flush().expect("flushes");

        assert_eq!(mode(&dir), 0o700);
        let logs: Vec<_> = std::fs::read_dir(&dir)
            .expect("lists")
            .flatten()
            .map(|entry| entry.path())
            .collect();
        assert!(logs.len() >= 2, "{logs:?}");
        for log in logs {
            assert_eq!(mode(&log), 0o600, "{}", log.display());
        }
    }
}
