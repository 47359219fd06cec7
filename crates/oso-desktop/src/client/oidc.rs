//! "Log in via …" at the service: what it offers, and the code the browser brought back.

use oso_api::external_sign_in::{
    ExternalCodeRedemption, ExternalLink, ExternalRegistration, ExternalSignIn,
    ExternalSignInOffer, ExternalSignInOffers,
};

use oso_core::SecretString;
use reqwest::Method;

use super::accounts::Grant;
use super::{decode, ClientError, ServiceClient};

const NO_BODY: Option<&()> = None;

/// How a redeemed code ends, the session's token already a secret.
#[derive(Debug)]
pub enum OidcAnswer {
    SignedIn(Grant),
    /// A new login: the service asks for a company name (and offers the provider's name and
    /// language for the rest).
    RegistrationNeeded {
        ticket: SecretString,
        email: String,
        contact_name: String,
        language: Option<String>,
    },
    /// A password login has this address: its password links the two, once.
    LinkNeeded {
        ticket: SecretString,
        email: String,
    },
}

impl ServiceClient {
    /// The service's "Log in via …", or `None` when it has no provider configured.
    pub async fn oidc_offer(&self) -> Result<Option<ExternalSignInOffer>, ClientError> {
        let response = self
            .call(Method::GET, "sessions/oidc", None, NO_BODY)
            .await?;
        Ok(decode::<ExternalSignInOffers>(response).await?.provider)
    }

    pub async fn oidc_redeem(
        &self,
        redemption: &ExternalCodeRedemption,
    ) -> Result<OidcAnswer, ClientError> {
        let response = self
            .call(Method::POST, "sessions/oidc", None, Some(redemption))
            .await?;
        Ok(match decode::<ExternalSignIn>(response).await? {
            ExternalSignIn::SignedIn { session } => {
                OidcAnswer::SignedIn(Grant::from_answer(session)?)
            }
            ExternalSignIn::RegistrationNeeded {
                ticket,
                email,
                contact_name,
                language,
            } => OidcAnswer::RegistrationNeeded {
                ticket,
                email,
                contact_name,
                language,
            },
            ExternalSignIn::LinkNeeded { ticket, email } => {
                OidcAnswer::LinkNeeded { ticket, email }
            }
        })
    }

    pub async fn oidc_register(&self, form: &ExternalRegistration) -> Result<Grant, ClientError> {
        let response = self
            .call(
                Method::POST,
                "sessions/oidc/registrations",
                None,
                Some(form),
            )
            .await?;
        Grant::from_answer(decode(response).await?)
    }

    pub async fn oidc_link(&self, form: &ExternalLink) -> Result<Grant, ClientError> {
        let response = self
            .call(Method::POST, "sessions/oidc/links", None, Some(form))
            .await?;
        Grant::from_answer(decode(response).await?)
    }
}
