//! `settings.toml` in the data directory: what an administrator may set by hand. Today that is
//! which service to use (`OSO_SERVICE_URL` overrides the file), and whether an unencrypted one
//! on another machine is accepted.

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
    /// Accept an `http://` service URL on another machine: passwords, session tokens and orders
    /// then cross the network unencrypted. Off unless set; the app warns while it is on.
    #[serde(default)]
    pub allow_insecure_service: bool,
    /// `[oidc]`: the carrier's OpenID provider for the embedded service's "Log in via …" (the
    /// same keys as the service's own `[oidc]`). A shared service has its own configuration.
    pub oidc: Option<oso_service::config::OidcConfig>,
}

/// The setting that accepts an unencrypted service on another machine, as the user types it.
pub const ALLOW_INSECURE_SERVICE: &str = "allow_insecure_service";

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
    #[error(
        "the service URL {url} (from {origin}) is not encrypted and not on this machine; use \
         https://, or set {ALLOW_INSECURE_SERVICE} = true in {FILE_NAME} to accept the risk"
    )]
    InsecureServiceUrl { url: String, origin: String },
}

impl ServiceTarget {
    /// A service reached without encryption over a network: what `allow_insecure_service`
    /// accepts, and what the app then warns about.
    pub fn is_insecure(&self) -> bool {
        match self {
            Self::Embedded => false,
            Self::Remote(url) => url.scheme() == "http" && !is_loopback(url),
        }
    }
}

/// Whether `url` names this machine: `localhost` or a loopback address (names are not resolved).
fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

impl SettingsFile {
    /// The file's settings, or the defaults when there is no file. A file other local users
    /// could read is made private (0600) first.
    pub fn load(path: &Path) -> Result<Self, SettingsError> {
        let private = oso_files::tighten_if_present(path, oso_files::FILE_MODE);
        if let Err(source) = private {
            return Err(SettingsError::Read {
                path: path.to_owned(),
                source,
            });
        }
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

    /// The environment variable wins over the file; with neither, the service is embedded. An
    /// `http://` URL on another machine is refused unless `allow_insecure_service` is set.
    pub fn service_target(&self, env_url: Option<String>) -> Result<ServiceTarget, SettingsError> {
        let (url, origin) = match (
            env_url.filter(|url| !url.trim().is_empty()),
            &self.service_url,
        ) {
            (Some(url), _) => (url, SERVICE_URL_ENV.to_owned()),
            (None, Some(url)) => (url.clone(), FILE_NAME.to_owned()),
            (None, None) => return Ok(ServiceTarget::Embedded),
        };
        let target = match Url::parse(url.trim()) {
            Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => {
                ServiceTarget::Remote(parsed)
            }
            _ => return Err(SettingsError::ServiceUrl { url, origin }),
        };
        if target.is_insecure() && !self.allow_insecure_service {
            return Err(SettingsError::InsecureServiceUrl { url, origin });
        }
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oidc_table_is_read_for_the_embedded_service() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "[oidc]\nissuer = \"https://login.example.com\"\nclient_id = \"oso-desktop\"\n",
        )
        .expect("written");

        let settings = SettingsFile::load(&path).expect("valid");

        let oidc = settings.oidc.expect("configured");
        assert_eq!(oidc.issuer, "https://login.example.com");
        assert_eq!(oidc.display_name, "MyDHL+");
    }

    #[test]
    fn with_no_url_anywhere_the_service_is_embedded() {
        let target = SettingsFile::default().service_target(None).expect("valid");
        assert_eq!(target, ServiceTarget::Embedded);
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let file = SettingsFile {
            service_url: Some("https://file.example:8480".into()),
            ..SettingsFile::default()
        };
        let target = file
            .service_target(Some("https://env.example:8480".into()))
            .expect("valid");
        assert_eq!(
            target,
            ServiceTarget::Remote(Url::parse("https://env.example:8480").expect("url"))
        );
    }

    #[test]
    fn a_url_that_is_not_http_is_refused_naming_where_it_came_from() {
        let file = SettingsFile {
            service_url: Some("ftp://files.example".into()),
            ..SettingsFile::default()
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

    #[test]
    fn an_unencrypted_service_on_another_machine_is_refused_naming_the_setting() {
        for url in [
            "http://oso.example.com:8480",
            "http://10.0.0.5:8480",
            "http://[2001:db8::1]/",
        ] {
            let error = SettingsFile::default()
                .service_target(Some(url.into()))
                .expect_err(url);
            assert!(
                matches!(error, SettingsError::InsecureServiceUrl { .. }),
                "{url}"
            );
            assert!(
                error.to_string().contains(ALLOW_INSECURE_SERVICE),
                "{error}"
            );
        }
    }

    #[test]
    fn an_unencrypted_service_on_this_machine_or_an_encrypted_one_is_accepted() {
        for url in [
            "http://127.0.0.1:8480",
            "http://localhost:8480",
            "http://[::1]:8480",
            "https://oso.example.com",
        ] {
            let target = SettingsFile::default()
                .service_target(Some(url.into()))
                .expect(url);
            assert!(!target.is_insecure(), "{url}");
        }
    }

    #[test]
    fn allowing_an_insecure_service_in_the_file_accepts_it_and_marks_it_insecure() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "service_url = \"http://oso.example.com:8480\"\nallow_insecure_service = true\n",
        )
        .expect("write");

        let target = SettingsFile::load(&path)
            .expect("valid")
            .service_target(None)
            .expect("accepted");

        assert!(target.is_insecure());
    }

    #[cfg(unix)]
    #[test]
    fn a_settings_file_other_users_could_read_is_made_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");

        SettingsFile::load(&path).expect("valid");

        let mode = std::fs::metadata(&path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
}
