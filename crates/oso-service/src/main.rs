//! `oso-service`: the OSO service as a standalone server for many desktops.

mod cli;

use anyhow::Context;
use clap::{Parser, Subcommand};
use cli::serve_args::ServeArgs;
use cli::stop_signals::StopSignals;
use cli::{customer_accounts, operators, orders};
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
    Orders(orders::OrdersArgs),
    /// Tokens for the operator API (`/api/v1/operator/…`), on a service's data directory.
    Operators(operators::OperatorsArgs),
    /// eSecure's customer accounts: create them, protect them, name their administrators.
    CustomerAccounts(customer_accounts::CustomerAccountsArgs),
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
        Command::Orders(args) => orders::run(args).await,
        Command::Operators(args) => operators::run(args).await,
        Command::CustomerAccounts(args) => customer_accounts::run(args).await,
        Command::Openapi => {
            let document = oso_service::api::openapi();
            println!("{}", serde_json::to_string_pretty(&document)?);
            Ok(())
        }
    }
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
