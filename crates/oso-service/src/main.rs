//! `oso-service`: the OSO service as a standalone server for many desktops.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

mod oidc_args;

use anyhow::Context;
use clap::{Parser, Subcommand};
use oso_service::esecure::accounts::AdministratorForm;
use oso_service::ServiceConfig;
use tracing_subscriber::EnvFilter;

#[derive(Debug, Parser)]
#[command(
    name = "oso-service",
    version,
    about = "The OSO service: HTTP API, database and mail outbox"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API until interrupted (Ctrl-C or SIGTERM), then finish requests in flight.
    Serve(ServeArgs),
    /// Print the OpenAPI description of the API as JSON.
    Openapi,
    /// The supplier's side of orders, on a service's data directory (beside a running service
    /// too): list them and move them through their statuses; shipping mails the customer.
    Orders(OrdersArgs),
    /// Tokens for the operator API (`/api/v1/operator/…`), on a service's data directory.
    Operators(OperatorsArgs),
    /// eSecure's customer accounts: create them, protect them, name their administrators.
    CustomerAccounts(CustomerAccountsArgs),
}

#[derive(Debug, clap::Args)]
struct CustomerAccountsArgs {
    #[command(flatten)]
    location: ServeArgs,
    #[command(subcommand)]
    action: CustomerAccountsAction,
}

#[derive(Debug, Subcommand)]
enum CustomerAccountsAction {
    /// Create (or update) a customer account. Each administrator is welcomed by e-mail.
    Add {
        /// Nine digits.
        number: String,
        #[arg(long)]
        company: String,
        /// Protect the number with eSecure (needs an administrator).
        #[arg(long)]
        protected: bool,
        /// An administrator as "Name <e-mail>"; repeat for more.
        #[arg(long = "admin", value_name = "NAME <EMAIL>")]
        admins: Vec<String>,
        /// The administrators' e-mail language: nl, en or fr.
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Protect a number with eSecure.
    Protect { number: String },
    /// Stop protecting a number.
    Unprotect { number: String },
    /// List customer accounts (number, company, protected, administrators).
    List,
}

#[derive(Debug, clap::Args)]
struct OperatorsArgs {
    #[command(flatten)]
    location: ServeArgs,
    #[command(subcommand)]
    action: OperatorsAction,
}

#[derive(Debug, Subcommand)]
enum OperatorsAction {
    /// Make a token for an operator and print it (the only time it is shown).
    CreateToken { name: String },
    /// Revoke an operator's token at once.
    Revoke { name: String },
    /// List operators, when their token was made and whether it is revoked.
    List,
}

#[derive(Debug, clap::Args)]
struct OrdersArgs {
    #[command(flatten)]
    location: ServeArgs,
    #[command(subcommand)]
    action: OrdersAction,
}

#[derive(Debug, Subcommand)]
enum OrdersAction {
    /// List orders (number, date, status, account number, company, tracking number).
    List {
        /// Only orders with this status (received, in_progress, shipped, completed, cancelled).
        #[arg(long)]
        status: Option<String>,
    },
    /// Move an order to its next status (received → in_progress → shipped → completed).
    Advance { order_number: String },
    /// Mark an order as shipped with its tracking number.
    Ship {
        order_number: String,
        #[arg(long)]
        tracking: String,
    },
    /// Mark a shipped order as completed.
    Complete { order_number: String },
    /// Cancel an order that is still received.
    Cancel { order_number: String },
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
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
    oidc: oidc_args::OidcArgs,
}

impl ServeArgs {
    fn into_config(self) -> anyhow::Result<ServiceConfig> {
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Logs go to stderr: stdout carries what a command answers (a token, a list), which
    // scripts read.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_env("OSO_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    match Cli::parse().command {
        Command::Serve(args) => serve(args.into_config()?).await,
        Command::Orders(args) => orders(args).await,
        Command::Operators(args) => operators(args).await,
        Command::CustomerAccounts(args) => customer_accounts(args).await,
        Command::Openapi => {
            let document = oso_service::api::openapi();
            println!("{}", serde_json::to_string_pretty(&document)?);
            Ok(())
        }
    }
}

async fn orders(args: OrdersArgs) -> anyhow::Result<()> {
    use oso_core::OrderStatus;
    let operator = oso_service::operator::Operator::open(&args.location.into_config()?).await?;
    let (number, to, tracking) = match args.action {
        OrdersAction::List { status } => {
            let status = status
                .map(|status| status.parse::<OrderStatus>())
                .transpose()?;
            for row in operator.list(status).await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    row.order_number,
                    row.created_at.format("%Y-%m-%d %H:%M"),
                    row.status,
                    row.account_number,
                    row.company,
                    row.tracking_number.unwrap_or_default()
                );
            }
            return Ok(());
        }
        OrdersAction::Advance { order_number } => (order_number, None, None),
        OrdersAction::Ship {
            order_number,
            tracking,
        } => (order_number, Some(OrderStatus::Shipped), Some(tracking)),
        OrdersAction::Complete { order_number } => {
            (order_number, Some(OrderStatus::Completed), None)
        }
        OrdersAction::Cancel { order_number } => (order_number, Some(OrderStatus::Cancelled), None),
    };
    let status = operator.set(&number, to, tracking.as_deref()).await?;
    println!("{number}: {status}");
    Ok(())
}

async fn operators(args: OperatorsArgs) -> anyhow::Result<()> {
    use oso_service::operator::tokens;
    let operator = oso_service::operator::Operator::open(&args.location.into_config()?).await?;
    let database = operator.database();
    let now = chrono::Utc::now();
    match args.action {
        OperatorsAction::CreateToken { name } => {
            let token = tokens::create(database, &name, now).await?;
            println!("{}", token.expose());
        }
        OperatorsAction::Revoke { name } => {
            tokens::revoke(database, &name, now).await?;
            println!("{name}: revoked");
        }
        OperatorsAction::List => {
            for row in tokens::list(database).await? {
                let state = match row.revoked_at {
                    Some(at) => format!("revoked {}", at.format("%Y-%m-%d %H:%M")),
                    None => "active".to_owned(),
                };
                println!(
                    "{}\t{}\t{state}",
                    row.name,
                    row.created_at.format("%Y-%m-%d %H:%M")
                );
            }
        }
    }
    Ok(())
}

/// `Name <e-mail>` as the CLI takes an administrator.
fn administrator(text: &str, language: &str) -> anyhow::Result<AdministratorForm> {
    let (name, rest) = text
        .split_once('<')
        .context("an administrator is written as \"Name <e-mail>\"")?;
    Ok(AdministratorForm {
        name: name.trim().to_owned(),
        email: rest.trim_end().trim_end_matches('>').trim().to_owned(),
        language: language.to_owned(),
    })
}

async fn customer_accounts(args: CustomerAccountsArgs) -> anyhow::Result<()> {
    use oso_service::esecure::operator::{
        self as esecure, CustomerAccountChange, CustomerAccountForm,
    };
    let operator = oso_service::operator::Operator::open(&args.location.into_config()?).await?;
    let who = "cli";
    let show = |error: oso_service::esecure::EsecureError| match error {
        oso_service::esecure::EsecureError::Invalid(oso_service::error::ServiceError::Invalid(
            fields,
        )) => anyhow::anyhow!("refused: {fields:?}"),
        other => anyhow::anyhow!(other),
    };
    let account = match args.action {
        CustomerAccountsAction::Add {
            number,
            company,
            protected,
            admins,
            language,
        } => {
            let administrators = admins
                .iter()
                .map(|admin| administrator(admin, &language))
                .collect::<anyhow::Result<_>>()?;
            let form = CustomerAccountForm {
                number,
                company,
                protected,
                administrators,
            };
            esecure::create_account(operator.esecure(), who, &form)
                .await
                .map_err(show)?
        }
        CustomerAccountsAction::Protect { number } => {
            let change = CustomerAccountChange {
                company: None,
                protected: Some(true),
            };
            esecure::change_account(operator.esecure(), who, &number, &change)
                .await
                .map_err(show)?
        }
        CustomerAccountsAction::Unprotect { number } => {
            let change = CustomerAccountChange {
                company: None,
                protected: Some(false),
            };
            esecure::change_account(operator.esecure(), who, &number, &change)
                .await
                .map_err(show)?
        }
        CustomerAccountsAction::List => {
            for account in esecure::list_accounts(operator.esecure()).await? {
                let admins: Vec<_> = account
                    .administrators
                    .iter()
                    .map(|a| a.email.as_str())
                    .collect();
                println!(
                    "{}\t{}\t{}\t{}",
                    account.number,
                    account.company,
                    if account.protected {
                        "protected"
                    } else {
                        "open"
                    },
                    admins.join(", ")
                );
            }
            return Ok(());
        }
    };
    println!(
        "{}\t{}\t{}",
        account.number,
        account.company,
        if account.protected {
            "protected"
        } else {
            "open"
        }
    );
    Ok(())
}

async fn serve(config: ServiceConfig) -> anyhow::Result<()> {
    // Listen for the stop signals before answering anything: a SIGTERM that came between the
    // first answer and a later registration would kill the process instead of stopping it.
    let stop = StopSignals::listen();
    let service = oso_service::start(config)
        .await
        .context("starting the service")?;
    println!(
        "oso-service {} listening on {}",
        oso_service::VERSION,
        service.url()
    );
    println!("outbox: {}", service.outbox_dir().display());
    stop.received().await;
    tracing::info!("shutting down");
    service.shutdown().await.context("shutting down")?;
    Ok(())
}

/// Ctrl-C and SIGTERM, registered when made on Unix (elsewhere Ctrl-C, when waited for).
struct StopSignals {
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl StopSignals {
    fn listen() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let register = |kind: SignalKind| {
                signal(kind)
                    .map_err(|error| tracing::warn!(%error, "cannot listen for a stop signal"))
                    .ok()
            };
            Self {
                interrupt: register(SignalKind::interrupt()),
                terminate: register(SignalKind::terminate()),
            }
        }
        #[cfg(not(unix))]
        Self {}
    }

    async fn received(self) {
        #[cfg(unix)]
        {
            async fn received(signal: Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending().await,
                }
            }
            if self.interrupt.is_none() && self.terminate.is_none() {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
            tokio::select! {
                _ = received(self.interrupt) => {}
                _ = received(self.terminate) => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve_config(args: &[&str]) -> ServiceConfig {
        let cli = Cli::try_parse_from(["oso-service", "serve"].iter().chain(args))
            .expect("valid arguments");
        match cli.command {
            Command::Serve(args) => args.into_config().expect("a configuration"),
            other => panic!("not serve: {other:?}"),
        }
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
        let refused = Cli::try_parse_from(["oso-service", "serve", "--trusted-proxy", "nginx"]);

        assert!(refused.is_err());
    }
}
