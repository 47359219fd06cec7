//! Where this desktop keeps its files. `OSO_DATA_DIR` moves all of them (tests use a fresh temp
//! directory, never the user's); otherwise the OS data and log directories are used.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager};

pub const DATA_DIR_ENV: &str = "OSO_DATA_DIR";

#[derive(Debug, Clone)]
pub struct AppPaths {
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

pub fn data_dir_from_env() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

impl AppPaths {
    pub fn resolve(app: &AppHandle) -> tauri::Result<Self> {
        match data_dir_from_env() {
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
