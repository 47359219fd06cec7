//! `oso-service operators`: tokens for the operator API.

use clap::Subcommand;

use super::serve_args::ServeArgs;

#[derive(Debug, clap::Args)]
pub struct OperatorsArgs {
    #[command(flatten)]
    location: ServeArgs,
    #[command(subcommand)]
    action: OperatorsAction,
}

#[derive(Debug, Subcommand)]
pub enum OperatorsAction {
    /// Make a token for an operator and print it (the only time it is shown).
    CreateToken { name: String },
    /// Revoke an operator's token at once.
    Revoke { name: String },
    /// List operators, when their token was made and whether it is revoked.
    List,
}

pub async fn run(args: OperatorsArgs) -> anyhow::Result<()> {
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
