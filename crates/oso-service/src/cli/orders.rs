//! `oso-service orders`: the supplier's side of orders, on a service's data directory.

use clap::Subcommand;

use super::serve_args::ServeArgs;

#[derive(Debug, clap::Args)]
pub struct OrdersArgs {
    #[command(flatten)]
    location: ServeArgs,
    #[command(subcommand)]
    action: OrdersAction,
}

#[derive(Debug, Subcommand)]
pub enum OrdersAction {
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

pub async fn run(args: OrdersArgs) -> anyhow::Result<()> {
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
