//! Where this desktop keeps its files. `OSO_DATA_DIR` moves all of them (tests use a fresh temp
//! directory, never the user's); otherwise the OS data and log directories are used.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager};

pub const DATA_DIR_ENV: &str = "OSO_DATA_DIR";

#[derive(Debug, Clone)]
pub struct AppPaths {
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

/// The same choice as a command-line argument, `--data-dir=DIR`: how the session's autostart
/// entry starts a profile with its own data, since that entry can pass arguments but no
/// environment (see `crate::autostart`).
pub const DATA_DIR_ARG: &str = "--data-dir=";

/// The data directory this launch was given: `--data-dir=DIR`, else `OSO_DATA_DIR`.
pub fn chosen_data_dir() -> Option<PathBuf> {
    data_dir_from(std::env::args_os().skip(1), std::env::var_os(DATA_DIR_ENV))
}

fn data_dir_from(
    args: impl IntoIterator<Item = OsString>,
    env: Option<OsString>,
) -> Option<PathBuf> {
    args.into_iter()
        .find_map(|arg| arg.to_str()?.strip_prefix(DATA_DIR_ARG).map(PathBuf::from))
        .or(env.map(PathBuf::from))
        .filter(|dir| !dir.as_os_str().is_empty())
}

/// The app's identifier, as in `tauri.conf.json`.
pub const IDENTIFIER: &str = "eu.oso.desktop";

/// Who counts as "the same OSO" for the one-instance rule and the autostart entry: the app
/// itself, or, with a data directory of its own, the app on that directory. The directory's
/// hash keeps the name a valid D-Bus name whatever the path holds.
pub fn instance_id(data_dir: Option<&Path>) -> String {
    use sha2::{Digest, Sha256};
    match data_dir {
        None => IDENTIFIER.to_owned(),
        Some(dir) => {
            // The same directory however it was written (relative, through a symlink).
            let dir = std::fs::canonicalize(dir)
                .or_else(|_| std::path::absolute(dir))
                .unwrap_or_else(|_| dir.to_owned());
            let digest = Sha256::digest(dir.as_os_str().as_encoded_bytes());
            let hex: String = digest[..8]
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect();
            format!("{IDENTIFIER}.data_{hex}")
        }
    }
}

impl AppPaths {
    pub fn resolve(app: &AppHandle) -> tauri::Result<Self> {
        match chosen_data_dir() {
            Some(data_dir) => Ok(Self::inside(data_dir)),
            None => Ok(Self {
                data_dir: app.path().app_data_dir()?,
                log_dir: app.path().app_log_dir()?,
            }),
        }
    }

    /// Everything under one directory, logs included.
    pub fn inside(data_dir: PathBuf) -> Self {
        Self {
            log_dir: data_dir.join("logs"),
            data_dir,
        }
    }

    /// The desktop's own SQLite: settings now; drafts, the outbound queue and caches later.
    pub fn local_database(&self) -> PathBuf {
        self.data_dir.join("oso-desktop.sqlite3")
    }

    /// The embedded service's data directory: its database and its e-mail outbox.
    pub fn embedded_service_dir(&self) -> PathBuf {
        self.data_dir.join("service")
    }

    pub fn settings_file(&self) -> PathBuf {
        self.data_dir.join(crate::settings_file::FILE_NAME)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_directory_argument_wins_over_the_environment_and_empty_means_none() {
        let env = Some(OsString::from("/from/env"));
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            data_dir_from(args(&["oso://x", "--data-dir=/from arg"]), env.clone()),
            Some(PathBuf::from("/from arg"))
        );
        assert_eq!(
            data_dir_from(args(&["oso://x"]), env),
            Some(PathBuf::from("/from/env"))
        );
        assert_eq!(data_dir_from(args(&[]), Some(OsString::new())), None);
        assert_eq!(data_dir_from(args(&["--data-dir="]), None), None);
    }

    #[test]
    fn an_instance_with_its_own_data_directory_has_its_own_name() {
        let one = tempfile::tempdir().expect("temp dir");
        let other = tempfile::tempdir().expect("temp dir");
        let roundabout = one
            .path()
            .join("..")
            .join(one.path().file_name().expect("a name"));

        assert_eq!(instance_id(None), "eu.oso.desktop");
        let id = instance_id(Some(one.path()));
        assert!(id.starts_with("eu.oso.desktop.data_"), "{id}");
        assert_eq!(id.len(), "eu.oso.desktop.data_".len() + 16);
        assert_eq!(
            instance_id(Some(&roundabout)),
            id,
            "same directory, same name"
        );
        assert_ne!(instance_id(Some(other.path())), id);
    }
}
