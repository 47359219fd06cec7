//! `oso-service customer-accounts`: eSecure's customer accounts and their administrators.

use anyhow::Context;
use clap::Subcommand;
use oso_service::esecure::accounts::AdministratorForm;

use super::serve_args::ServeArgs;

#[derive(Debug, clap::Args)]
pub struct CustomerAccountsArgs {
    #[command(flatten)]
    location: ServeArgs,
    #[command(subcommand)]
    action: CustomerAccountsAction,
}

#[derive(Debug, Subcommand)]
pub enum CustomerAccountsAction {
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

pub async fn run(args: CustomerAccountsArgs) -> anyhow::Result<()> {
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
