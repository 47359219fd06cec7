//! The `[oidc]` options of `oso-service serve` (signing in with the carrier's account), apart
//! from the rest so `main.rs` stays a list of commands.

use oso_service::config::{default_oidc_scopes, OidcConfig, DEFAULT_OIDC_DISPLAY_NAME};

#[derive(Debug, clap::Args)]
pub struct OidcArgs {
    /// The carrier's OpenID provider (issuer URL) for "Log in via …"; with --oidc-client-id it
    /// turns the button on [default: off, or the file's [oidc] table].
    #[arg(long, env = "OSO_SERVICE_OIDC_ISSUER", value_name = "URL")]
    oidc_issuer: Option<String>,
    /// OSO's client id at that provider (a native public client).
    #[arg(long, env = "OSO_SERVICE_OIDC_CLIENT_ID", value_name = "ID")]
    oidc_client_id: Option<String>,
    /// Only for a confidential client registration.
    #[arg(
        long,
        env = "OSO_SERVICE_OIDC_CLIENT_SECRET",
        value_name = "SECRET",
        hide_env_values = true
    )]
    oidc_client_secret: Option<String>,
    /// The provider's name on the button [default: MyDHL+].
    #[arg(long, env = "OSO_SERVICE_OIDC_DISPLAY_NAME", value_name = "NAME")]
    oidc_display_name: Option<String>,
    /// Scopes to ask for, comma-separated [default: openid,email,profile].
    #[arg(
        long,
        env = "OSO_SERVICE_OIDC_SCOPES",
        value_name = "SCOPES",
        value_delimiter = ','
    )]
    oidc_scopes: Vec<String>,
}

impl OidcArgs {
    /// The file's `[oidc]` with these options over it; an issuer and a client id make one.
    pub fn apply(self, from_file: Option<OidcConfig>) -> anyhow::Result<Option<OidcConfig>> {
        let mut config = match (from_file, &self.oidc_issuer, &self.oidc_client_id) {
            (Some(config), _, _) => config,
            (None, Some(issuer), Some(client_id)) => OidcConfig {
                issuer: issuer.clone(),
                client_id: client_id.clone(),
                client_secret: None,
                display_name: DEFAULT_OIDC_DISPLAY_NAME.to_owned(),
                scopes: default_oidc_scopes(),
            },
            (None, None, None) if self.is_empty() => return Ok(None),
            (None, _, _) => anyhow::bail!(
                "signing in with the carrier's account needs both --oidc-issuer and \
                 --oidc-client-id (or an [oidc] table with issuer and client_id)"
            ),
        };
        if let Some(issuer) = self.oidc_issuer {
            config.issuer = issuer;
        }
        if let Some(client_id) = self.oidc_client_id {
            config.client_id = client_id;
        }
        if let Some(secret) = self.oidc_client_secret {
            config.client_secret = Some(oso_core::SecretString::new(secret));
        }
        if let Some(name) = self.oidc_display_name {
            config.display_name = name;
        }
        if !self.oidc_scopes.is_empty() {
            config.scopes = self.oidc_scopes;
        }
        Ok(Some(config))
    }

    fn is_empty(&self) -> bool {
        self.oidc_client_secret.is_none()
            && self.oidc_display_name.is_none()
            && self.oidc_scopes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Options {
        #[command(flatten)]
        oidc: OidcArgs,
    }

    fn parse(args: &[&str]) -> OidcArgs {
        Options::try_parse_from(std::iter::once("serve").chain(args.iter().copied()))
            .expect("parses")
            .oidc
    }

    fn from_file() -> OidcConfig {
        OidcConfig {
            issuer: "https://file.example".into(),
            client_id: "from-file".into(),
            client_secret: None,
            display_name: "Carrier".into(),
            scopes: default_oidc_scopes(),
        }
    }

    #[test]
    fn nothing_given_leaves_the_button_off() {
        assert_eq!(parse(&[]).apply(None).expect("valid"), None);
    }

    #[test]
    fn an_issuer_and_a_client_id_turn_it_on_with_the_defaults() {
        let config = parse(&[
            "--oidc-issuer",
            "https://login.example",
            "--oidc-client-id",
            "oso",
        ])
        .apply(None)
        .expect("valid")
        .expect("on");

        assert_eq!(config.issuer, "https://login.example");
        assert_eq!(config.display_name, "MyDHL+");
        assert_eq!(config.scopes, ["openid", "email", "profile"]);
    }

    #[test]
    fn flags_win_over_the_file_key_by_key() {
        let config = parse(&[
            "--oidc-display-name",
            "MyDHL+",
            "--oidc-scopes",
            "openid,email",
        ])
        .apply(Some(from_file()))
        .expect("valid")
        .expect("on");

        assert_eq!(config.issuer, "https://file.example");
        assert_eq!(config.client_id, "from-file");
        assert_eq!(config.display_name, "MyDHL+");
        assert_eq!(config.scopes, ["openid", "email"]);
    }

    #[test]
    fn half_a_configuration_is_refused() {
        assert!(parse(&["--oidc-issuer", "https://login.example"])
            .apply(None)
            .is_err());
        assert!(parse(&["--oidc-display-name", "MyDHL+"])
            .apply(None)
            .is_err());
    }
}
