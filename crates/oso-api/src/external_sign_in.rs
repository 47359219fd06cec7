//! Signing in with the carrier's existing account through OpenID Connect
//! (`/sessions/oidc…`). The desktop runs the browser part (RFC 8252: system browser, PKCE,
//! a loopback redirect); the service redeems the code, checks the ID token and hands out an
//! ordinary session, or a ticket for the one step a first sign-in still needs.

use oso_core::SecretString;
use serde::{Deserialize, Serialize};

use crate::accounts::SessionGrant;
use crate::secret_field;

/// Whether the login card offers "Log in via …": `provider` is absent when the service has no
/// OpenID provider configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExternalSignInOffers {
    pub provider: Option<ExternalSignInOffer>,
}

/// What the login card needs to offer "Log in via …" and to send the browser to the provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExternalSignInOffer {
    /// The button's name for the provider, e.g. `MyDHL+`.
    pub display_name: String,
    /// Where the browser goes (from the provider's discovery document); absent while the
    /// provider cannot be reached, when starting a sign-in can only say so.
    pub authorization_endpoint: Option<String>,
    pub client_id: String,
    /// The scopes to ask for, `openid` first.
    pub scopes: Vec<String>,
}

/// The answer the browser brought back to the desktop's loopback listener, with the secrets of
/// this one sign-in the desktop kept meanwhile.
#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExternalCodeRedemption {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub code: SecretString,
    /// The PKCE verifier whose S256 challenge went with the authorization request.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub code_verifier: SecretString,
    /// The loopback redirect the authorization request named, e.g.
    /// `http://127.0.0.1:53123/callback`.
    pub redirect_uri: String,
    /// The nonce the authorization request carried; the ID token must carry the same.
    pub nonce: String,
}

/// How a redeemed code ends: signed in, or one more step of a first sign-in.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ExternalSignIn {
    /// The provider's account is linked to a login: here is its session.
    SignedIn { session: SessionGrant },
    /// No login has this address yet: ask for what the provider did not give, then
    /// `POST /sessions/oidc/registrations`.
    RegistrationNeeded {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        #[serde(serialize_with = "secret_field::expose")]
        ticket: SecretString,
        email: String,
        /// The provider's name for the person, to prefill; may be empty.
        contact_name: String,
        /// The provider's language for the person (nl, en or fr), when it gave one of those.
        language: Option<String>,
    },
    /// A password login has this (verified) address: its password, once, links the two with
    /// `POST /sessions/oidc/links`.
    LinkNeeded {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        #[serde(serialize_with = "secret_field::expose")]
        ticket: SecretString,
        email: String,
    },
}

/// A first sign-in's new login: what the provider did not say.
#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExternalRegistration {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub ticket: SecretString,
    pub company_name: String,
    pub contact_name: String,
    /// The language of e-mails: nl, en or fr.
    pub language: String,
}

/// A first sign-in's link to the password login with the same address.
#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExternalLink {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub ticket: SecretString,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub password: SecretString,
}
