//! `settings.toml` in the data directory: what an administrator may set by hand. Today that is
//! which service to use; `OSO_SERVICE_URL` overrides the file.

use std::path::{Path, PathBuf};

use reqwest::Url;
use serde::Deserialize;

pub const FILE_NAME: &str = "settings.toml";
pub const SERVICE_URL_ENV: &str = "OSO_SERVICE_URL";

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsFile {
    /// A shared `oso-service` to use instead of the embedded one, e.g. `https://oso.example.com`.
    pub service_url: Option<String>,
}

/// Which service this desktop talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceTarget {
    /// Start `oso-service` in-process on 127.0.0.1.
    Embedded,
    Remote(Url),
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {source}")]
    Parse {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("the service URL {url:?} (from {origin}) is not an http(s) URL")]
    ServiceUrl { url: String, origin: String },
}

impl SettingsFile {
    /// The file's settings, or the defaults when there is no file.
    pub fn load(path: &Path) -> Result<Self, SettingsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self::default())
            }
            Err(source) => {
                return Err(SettingsError::Read {
                    path: path.to_owned(),
                    source,
                })
            }
        };
        toml::from_str(&text).map_err(|source| SettingsError::Parse {
            path: path.to_owned(),
            source: Box::new(source),
        })
    }

    /// The environment variable wins over the file; with neither, the service is embedded.
    pub fn service_target(&self, env_url: Option<String>) -> Result<ServiceTarget, SettingsError> {
        let (url, origin) = match (
            env_url.filter(|url| !url.trim().is_empty()),
            &self.service_url,
        ) {
            (Some(url), _) => (url, SERVICE_URL_ENV.to_owned()),
            (None, Some(url)) => (url.clone(), FILE_NAME.to_owned()),
            (None, None) => return Ok(ServiceTarget::Embedded),
        };
        match Url::parse(url.trim()) {
            Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => {
                Ok(ServiceTarget::Remote(parsed))
            }
            _ => Err(SettingsError::ServiceUrl { url, origin }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_no_url_anywhere_the_service_is_embedded() {
        let target = SettingsFile::default().service_target(None).expect("valid");
        assert_eq!(target, ServiceTarget::Embedded);
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let file = SettingsFile {
            service_url: Some("http://file.example:8480".into()),
        };
        let target = file
            .service_target(Some("http://env.example:8480".into()))
            .expect("valid");
        assert_eq!(
            target,
            ServiceTarget::Remote(Url::parse("http://env.example:8480").expect("url"))
        );
    }

    #[test]
    fn a_url_that_is_not_http_is_refused_naming_where_it_came_from() {
        let file = SettingsFile {
            service_url: Some("ftp://files.example".into()),
        };
        let error = file.service_target(None).expect_err("refused");
        assert!(error.to_string().contains(FILE_NAME), "{error}");
    }

    #[test]
    fn a_missing_file_means_the_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = SettingsFile::load(&dir.path().join(FILE_NAME)).expect("defaults");
        assert_eq!(settings, SettingsFile::default());
    }

    #[test]
    fn an_unknown_key_in_the_file_is_an_error_not_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "servce_url = \"http://x\"\n").expect("write");
        assert!(matches!(
            SettingsFile::load(&path),
            Err(SettingsError::Parse { .. })
        ));
    }
}
