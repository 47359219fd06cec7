//! Where the service listens and keeps its files.
//!
//! Precedence, lowest first: the defaults in this file, a TOML file (`--config`), environment
//! variables (`OSO_SERVICE_*`), command-line flags. The binary applies the last two through clap;
//! [`ServiceConfig::from_toml_file`] does the first two.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file names inside the data directory. Kept here so the README, the logs and the tests
/// all agree on them.
pub const DATABASE_FILE: &str = "oso-service.sqlite3";
pub const OUTBOX_DIR: &str = "outbox";

pub const DEFAULT_MAIL_FROM: &str = "OSO <no-reply@oso.invalid>";

/// The port the standalone service listens on when nothing else is said.
pub const DEFAULT_PORT: u16 = 8480;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServiceConfig {
    /// Address and port to listen on. Port 0 picks a free port (the embedded service does this).
    pub listen: SocketAddr,
    /// Holds the SQLite database (unless `database_url` names PostgreSQL) and the outbox.
    pub data_dir: PathBuf,
    /// A PostgreSQL database (`postgres://USER[:PASSWORD]@HOST:PORT/DB`) shared by several
    /// instances; without it, SQLite in the data directory. Kept as a secret: it may hold a
    /// password.
    pub database_url: Option<oso_core::SecretString>,
    /// The base of links in e-mails (activation, password reset), as users' browsers reach the
    /// service, e.g. `https://oso.example.com`. Default: the address the service listens on.
    pub public_url: Option<String>,
    /// The sender of every e-mail.
    pub mail_from: String,
    /// Send e-mail through this SMTP server; without it, e-mails are written to the outbox.
    pub smtp: Option<SmtpConfig>,
    /// Passwords must be renewed this many days after they were set (the manual: 60).
    pub password_max_age_days: u32,
    /// The most packs one order may hold; overrides the catalogue file's `order_max_packs`.
    pub order_max_packs: Option<u32>,
    /// The Track & Trace link of a shipped order; `{tracking_number}` is replaced.
    pub track_and_trace_url: String,
    /// DEMO ONLY: every this many seconds, move every open order one status further (shipping
    /// with a made-up tracking number). Off unless set; never set it for real customers.
    pub demo_advance_orders_every_seconds: Option<u64>,
    /// Reverse proxies (e.g. nginx on 127.0.0.1) whose `X-Forwarded-For` names the client for
    /// the sign-in throttle and the registration limits. Empty by default: the header is then
    /// ignored, since any client can send it.
    pub trusted_proxies: Vec<IpAddr>,
    /// Signing in with the carrier's existing account (OpenID Connect); without it the login
    /// card offers only OSO's own e-mail and password.
    pub oidc: Option<OidcConfig>,
}

/// The carrier's OpenID provider, with OSO registered there as a native public client whose
/// redirect is `http://127.0.0.1/callback` on any port (RFC 8252).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcConfig {
    /// The issuer, e.g. `https://login.example.com/realms/carrier`; its discovery document is
    /// `<issuer>/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    /// Only for a provider that registered OSO as a confidential client; a native app's client
    /// is normally public (PKCE protects the code instead).
    pub client_secret: Option<oso_core::SecretString>,
    /// The provider's name on the button: "Log in via MyDHL+".
    #[serde(default = "default_oidc_display_name")]
    pub display_name: String,
    /// `openid` is always asked for; `email` is needed (logins are known by their address).
    #[serde(default = "default_oidc_scopes")]
    pub scopes: Vec<String>,
}

pub const DEFAULT_OIDC_DISPLAY_NAME: &str = "MyDHL+";

fn default_oidc_display_name() -> String {
    DEFAULT_OIDC_DISPLAY_NAME.to_owned()
}

pub fn default_oidc_scopes() -> Vec<String> {
    ["openid", "email", "profile"].map(str::to_owned).to_vec()
}

pub const DEFAULT_TRACK_AND_TRACE_URL: &str =
    "https://www.dhl.com/be-en/home/tracking/tracking-express.html?submit=1&tracking-id={tracking_number}";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default = "default_smtp_port")]
    pub port: u16,
    /// `starttls` (default), `tls` (implicit TLS, usually port 465) or `none` (loopback only).
    #[serde(default)]
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<oso_core::SecretString>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    #[default]
    Starttls,
    Tls,
    None,
}

impl SmtpConfig {
    /// Whether the server is on this machine: `localhost` or a loopback address, as written
    /// (a name is not resolved: what it resolves to may change).
    pub fn is_loopback(&self) -> bool {
        let host = self
            .host
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost")
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|address| address.is_loopback())
    }
}

fn default_smtp_port() -> u16 {
    587
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the configuration file {path} is not valid: {source}")]
    Parse {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
}

impl Default for ServiceConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, DEFAULT_PORT)),
            data_dir: default_data_dir(),
            database_url: None,
            public_url: None,
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
            smtp: None,
            password_max_age_days: 60,
            order_max_packs: None,
            track_and_trace_url: DEFAULT_TRACK_AND_TRACE_URL.to_owned(),
            demo_advance_orders_every_seconds: None,
            trusted_proxies: Vec::new(),
            oidc: None,
        }
    }
}

impl ServiceConfig {
    /// A configuration for a service embedded in a desktop: loopback only, a free port.
    pub fn embedded(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            data_dir: data_dir.into(),
            ..Self::default()
        }
    }

    /// The defaults overlaid with the keys the TOML file sets.
    pub fn from_toml_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_toml_str(&text).map_err(|source| ConfigError::Parse {
            path: path.to_owned(),
            source: Box::new(source),
        })
    }

    pub fn from_toml_str(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join(OUTBOX_DIR)
    }
}

/// The OS data directory for a standalone service (`~/.local/share/oso-service` on Linux), or
/// `./oso-service-data` where the OS names none.
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("eu", "oso", "oso-service")
        .map(|dirs| dirs.data_dir().to_owned())
        .unwrap_or_else(|| PathBuf::from("oso-service-data"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toml_file_overrides_only_the_keys_it_sets() {
        let config = ServiceConfig::from_toml_str("listen = \"0.0.0.0:9000\"").expect("valid");
        assert_eq!(config.listen, "0.0.0.0:9000".parse().expect("address"));
        assert_eq!(config.data_dir, default_data_dir());
    }

    #[test]
    fn a_database_url_in_the_file_is_read_and_never_shown_in_logs() {
        let config =
            ServiceConfig::from_toml_str("database_url = \"postgres://oso:hunter2@db:5432/oso\"")
                .expect("parses");
        let url = config.database_url.as_ref().expect("a URL");
        assert_eq!(url.expose(), "postgres://oso:hunter2@db:5432/oso");
        assert!(!format!("{config:?}").contains("hunter2"));
    }

    #[test]
    fn no_proxy_is_trusted_unless_the_file_names_one() {
        let default = ServiceConfig::from_toml_str("").expect("valid");
        let named = ServiceConfig::from_toml_str("trusted_proxies = [\"127.0.0.1\", \"::1\"]")
            .expect("valid");

        assert!(default.trusted_proxies.is_empty());
        assert_eq!(
            named.trusted_proxies,
            [
                IpAddr::from(Ipv4Addr::LOCALHOST),
                IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
            ]
        );
    }

    #[test]
    fn a_trusted_proxy_that_is_not_an_address_is_refused() {
        assert!(ServiceConfig::from_toml_str("trusted_proxies = [\"nginx.local\"]").is_err());
        assert!(ServiceConfig::from_toml_str("trusted_proxies = [\"10.0.0.0/8\"]").is_err());
    }

    #[test]
    fn an_oidc_table_needs_only_issuer_and_client_id_and_keeps_its_secret_out_of_logs() {
        let config = ServiceConfig::from_toml_str(
            "[oidc]\nissuer = \"https://login.example.com\"\nclient_id = \"oso\"\n\
             client_secret = \"hunter2\"",
        )
        .expect("valid");
        let oidc = config.oidc.as_ref().expect("configured");

        assert_eq!(oidc.display_name, "MyDHL+");
        assert_eq!(oidc.scopes, ["openid", "email", "profile"]);
        assert!(!format!("{config:?}").contains("hunter2"));
        assert!(ServiceConfig::from_toml_str("")
            .expect("valid")
            .oidc
            .is_none());
        assert!(ServiceConfig::from_toml_str("[oidc]\nissuer = \"https://x\"").is_err());
    }

    #[test]
    fn an_unknown_key_is_refused_rather_than_ignored() {
        assert!(ServiceConfig::from_toml_str("port = 9000").is_err());
    }

    #[test]
    fn the_database_and_outbox_live_in_the_data_dir() {
        let config = ServiceConfig::embedded("/srv/oso");
        assert_eq!(
            config.database_path(),
            Path::new("/srv/oso/oso-service.sqlite3")
        );
        assert_eq!(config.outbox_dir(), Path::new("/srv/oso/outbox"));
        assert_eq!(config.listen.port(), 0);
    }

    fn smtp(host: &str) -> SmtpConfig {
        SmtpConfig {
            host: host.to_owned(),
            port: 25,
            security: SmtpSecurity::None,
            username: None,
            password: None,
        }
    }

    #[test]
    fn only_a_server_on_this_machine_counts_as_loopback() {
        for loopback in [
            "127.0.0.1",
            "127.8.9.1",
            "localhost",
            "LOCALHOST",
            "::1",
            "[::1]",
        ] {
            assert!(smtp(loopback).is_loopback(), "{loopback}");
        }
        for remote in [
            "smtp.example.com",
            "10.0.0.5",
            "localhost.example.com",
            "0.0.0.0",
        ] {
            assert!(!smtp(remote).is_loopback(), "{remote}");
        }
    }
}
