//! Where a service runs and how: the options of `oso-service serve`, which the commands that
//! work on a service's data directory take too.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use oso_service::ServiceConfig;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// TOML configuration file; its keys are the long options below with `_` for `-`
    /// (`trusted_proxies` a list for --trusted-proxy), plus `mail_from` and an `[smtp]` table
    /// (host, port, security = starttls|tls|none, username, password) to send e-mail by SMTP
    /// instead of writing it to the outbox.
    #[arg(long, env = "OSO_SERVICE_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// Address and port to listen on [default: 127.0.0.1:8480].
    #[arg(long, env = "OSO_SERVICE_LISTEN", value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// Directory for the database (oso-service.sqlite3) and the e-mail outbox (outbox/)
    /// [default: the OS data directory, e.g. ~/.local/share/oso-service].
    #[arg(long, env = "OSO_SERVICE_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// A PostgreSQL database shared by several instances (postgres://USER@HOST:PORT/DB)
    /// [default: SQLite in the data directory].
    #[arg(
        long,
        env = "OSO_SERVICE_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
    /// Base URL of links in e-mails, as browsers reach this service (e.g.
    /// https://oso.example.com) [default: http://<listen address>].
    #[arg(long, env = "OSO_SERVICE_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// The most packs one order may hold [default: the catalogue file's order_max_packs].
    #[arg(long, env = "OSO_SERVICE_ORDER_MAX_PACKS", value_name = "PACKS")]
    order_max_packs: Option<u32>,
    /// DEMO ONLY: move every open order one status further every this many seconds.
    #[arg(
        long,
        env = "OSO_SERVICE_DEMO_ADVANCE_ORDERS_EVERY_SECONDS",
        value_name = "SECONDS"
    )]
    demo_advance_orders_every_seconds: Option<u64>,
    /// Days after which a password must be renewed [default: 60].
    #[arg(long, env = "OSO_SERVICE_PASSWORD_MAX_AGE_DAYS", value_name = "DAYS")]
    password_max_age_days: Option<u32>,
    /// A reverse proxy (e.g. nginx on 127.0.0.1) whose X-Forwarded-For header names the client
    /// for the sign-in throttle and the registration limits; repeat for more (the variable:
    /// comma-separated). From any other peer the header is ignored [default: none].
    #[arg(
        long = "trusted-proxy",
        env = "OSO_SERVICE_TRUSTED_PROXIES",
        value_name = "IP",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<IpAddr>,
    #[command(flatten)]
    oidc: super::oidc_args::OidcArgs,
}

impl ServeArgs {
    pub fn into_config(self) -> anyhow::Result<ServiceConfig> {
        let mut config = match &self.config {
            Some(path) => ServiceConfig::from_toml_file(path)?,
            None => ServiceConfig::default(),
        };
        if let Some(listen) = self.listen {
            config.listen = listen;
        }
        if let Some(data_dir) = self.data_dir {
            config.data_dir = data_dir;
        }
        if let Some(url) = self.database_url {
            config.database_url = Some(oso_core::SecretString::new(url));
        }
        if let Some(public_url) = self.public_url {
            config.public_url = Some(public_url);
        }
        if let Some(max) = self.order_max_packs {
            config.order_max_packs = Some(max);
        }
        if let Some(seconds) = self.demo_advance_orders_every_seconds {
            config.demo_advance_orders_every_seconds = Some(seconds);
        }
        if let Some(days) = self.password_max_age_days {
            config.password_max_age_days = days;
        }
        if !self.trusted_proxies.is_empty() {
            config.trusted_proxies = self.trusted_proxies;
        }
        config.oidc = self.oidc.apply(config.oidc.take())?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    /// `oso-service serve` alone, as `main.rs` takes it.
    #[derive(Debug, clap::Parser)]
    struct Serve {
        #[command(flatten)]
        args: ServeArgs,
    }

    fn parse(args: &[&str]) -> Result<Serve, clap::Error> {
        Serve::try_parse_from(["serve"].iter().chain(args))
    }

    fn serve_config(args: &[&str]) -> ServiceConfig {
        parse(args)
            .expect("valid arguments")
            .args
            .into_config()
            .expect("a configuration")
    }

    #[test]
    fn trusted_proxies_are_named_by_a_repeated_flag_or_a_comma_separated_list() {
        let repeated = serve_config(&["--trusted-proxy", "127.0.0.1", "--trusted-proxy", "::1"]);
        let listed = serve_config(&["--trusted-proxy", "127.0.0.1,::1"]);

        let expected: Vec<IpAddr> =
            vec!["127.0.0.1".parse().expect("ip"), "::1".parse().expect("ip")];
        assert_eq!(repeated.trusted_proxies, expected);
        assert_eq!(listed.trusted_proxies, expected);
    }

    #[test]
    fn trusted_proxies_on_the_command_line_replace_those_of_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("service.toml");
        std::fs::write(&file, "trusted_proxies = [\"10.0.0.2\"]\n").expect("written");
        let file = file.to_str().expect("a UTF-8 path");

        let from_file = serve_config(&["--config", file]);
        let from_flag = serve_config(&["--config", file, "--trusted-proxy", "10.0.0.3"]);

        assert_eq!(
            from_file.trusted_proxies,
            ["10.0.0.2".parse::<IpAddr>().expect("ip")]
        );
        assert_eq!(
            from_flag.trusted_proxies,
            ["10.0.0.3".parse::<IpAddr>().expect("ip")]
        );
    }

    #[test]
    fn a_trusted_proxy_that_is_not_an_address_is_refused() {
        let refused = parse(&["--trusted-proxy", "nginx"]);

        assert!(refused.is_err());
    }
}
