//! The identity provider as OSO's relying party sees it: the discovery document and its keys,
//! fetched on first use and again when a token names a key they do not hold (key rotation),
//! and the code exchange with its ID token checks, all through `openidconnect`.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use openidconnect::core::{CoreClient, CoreIdTokenVerifier, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeVerifier, RedirectUrl, RequestTokenError,
    SignatureVerificationError, TokenResponse,
};
use oso_api::external_sign_in::ExternalSignInOffer;
use oso_core::{Clock, SecretString};
use tokio::sync::Mutex;

use super::{ExternalError, VerifiedIdentity};
use crate::config::OidcConfig;

/// How far the provider's clock and ours may differ: an ID token issued up to this far in our
/// future, or expired up to this long ago, is still accepted.
pub const ALLOWED_CLOCK_SKEW: chrono::Duration = chrono::Duration::minutes(2);

/// The provider's answers must come quickly: a user is waiting on the login card.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// The carrier's OpenID provider.
#[derive(Debug, Clone)]
pub struct Provider {
    config: Option<Arc<OidcConfig>>,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    /// The discovery document with its key set, once fetched.
    discovered: Arc<Mutex<Option<Arc<CoreProviderMetadata>>>>,
}

impl Provider {
    /// `config` absent: every call answers [`ExternalError::NotConfigured`].
    pub fn new(config: Option<OidcConfig>, clock: Arc<dyn Clock>) -> Self {
        // Redirects are not followed: a provider's endpoints answer directly, and following
        // them would let a redirect send the code or the client secret elsewhere.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()
            .unwrap_or_default();
        Self {
            config: config.map(Arc::new),
            http,
            clock,
            discovered: Arc::default(),
        }
    }

    pub fn is_configured(&self) -> bool {
        self.config.is_some()
    }

    fn config(&self) -> Result<&OidcConfig, ExternalError> {
        self.config.as_deref().ok_or(ExternalError::NotConfigured)
    }

    /// What the login card needs: the button's name and where to send the browser; `None`
    /// when no provider is configured.
    #[tracing::instrument(skip_all)]
    pub async fn offer(&self) -> Option<ExternalSignInOffer> {
        let config = self.config.as_deref()?;
        // The button shows even while the provider is away; starting a sign-in then says so.
        let authorization_endpoint = match self.metadata(false).await {
            Ok(metadata) => Some(metadata.authorization_endpoint().url().to_string()),
            Err(error) => {
                tracing::warn!(%error, "the provider's discovery document is out of reach");
                None
            }
        };
        let mut scopes = vec!["openid".to_owned()];
        scopes.extend(
            config
                .scopes
                .iter()
                .filter(|scope| scope.as_str() != "openid")
                .cloned(),
        );
        Some(ExternalSignInOffer {
            display_name: config.display_name.clone(),
            authorization_endpoint,
            client_id: config.client_id.clone(),
            scopes,
        })
    }

    /// The discovery document, fetched once; `refresh` fetches it (and its keys) again.
    async fn metadata(&self, refresh: bool) -> Result<Arc<CoreProviderMetadata>, ExternalError> {
        let config = self.config()?;
        let mut discovered = self.discovered.lock().await;
        if let (false, Some(metadata)) = (refresh, discovered.as_ref()) {
            return Ok(Arc::clone(metadata));
        }
        let issuer = IssuerUrl::new(config.issuer.clone())
            .map_err(|error| ExternalError::Unreachable(format!("issuer URL: {error}")))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|error| ExternalError::Unreachable(describe(&error)))?;
        tracing::info!(issuer = %config.issuer, "identity provider discovered");
        let metadata = Arc::new(metadata);
        *discovered = Some(Arc::clone(&metadata));
        Ok(metadata)
    }

    /// Redeems the code the browser brought back and checks the ID token (signature, issuer,
    /// audience, expiry and issue time within [`ALLOWED_CLOCK_SKEW`], nonce).
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn redeem(
        &self,
        code: &SecretString,
        code_verifier: &SecretString,
        redirect_uri: &str,
        nonce: &str,
    ) -> Result<VerifiedIdentity, ExternalError> {
        let config = self.config()?;
        let redirect = loopback_redirect(redirect_uri)?;
        if code.expose().is_empty() {
            return Err(ExternalError::Field {
                field: "code",
                code: "required",
            });
        }
        if nonce.is_empty() {
            return Err(ExternalError::Field {
                field: "nonce",
                code: "required",
            });
        }
        let metadata = self.metadata(false).await?;
        let client = client_for(config, &metadata);
        let response = client
            .exchange_code(AuthorizationCode::new(code.expose().to_owned()))
            .map_err(|error| ExternalError::Unreachable(format!("no token endpoint: {error}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(code_verifier.expose().to_owned()))
            .set_redirect_uri(std::borrow::Cow::Owned(redirect))
            .request_async(&self.http)
            .await
            .map_err(|error| match error {
                RequestTokenError::ServerResponse(answer) => {
                    ExternalError::CodeRefused(answer.error().to_string())
                }
                RequestTokenError::Request(cause) => ExternalError::Unreachable(cause.to_string()),
                other => ExternalError::Unreachable(describe(&other)),
            })?;
        tracing::debug!(token_type = ?response.token_type(), "code redeemed");
        let id_token = response
            .id_token()
            .ok_or_else(|| ExternalError::TokenInvalid("the answer has no ID token".into()))?;
        let nonce = Nonce::new(nonce.to_owned());
        let now = self.clock.now();
        let checked = id_token.claims(&verifier(&client, now), &nonce).cloned();
        let claims = match checked {
            Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )) => {
                // Signed with a key the cached set does not hold: the provider rotated its
                // keys. Fetch them again, once.
                let metadata = self.metadata(true).await?;
                let client = client_for(config, &metadata);
                let refreshed = verifier(&client, now);
                let claims = id_token.claims(&refreshed, &nonce).cloned();
                claims.map_err(refusal)?
            }
            other => other.map_err(refusal)?,
        };
        Ok(VerifiedIdentity {
            issuer: claims.issuer().to_string(),
            subject: claims.subject().to_string(),
            email: claims.email().map(|email| email.to_string()),
            email_verified: claims.email_verified().unwrap_or(false),
            name: claims
                .name()
                .and_then(|name| name.get(None))
                .map(|name| name.to_string()),
            language: claims
                .locale()
                .map(|locale| locale.as_str().to_ascii_lowercase())
                .and_then(|locale| oso_language(&locale)),
        })
    }
}

type Client = openidconnect::core::CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

fn client_for(config: &OidcConfig, metadata: &CoreProviderMetadata) -> Client {
    CoreClient::from_provider_metadata(
        metadata.clone(),
        ClientId::new(config.client_id.clone()),
        config
            .client_secret
            .as_ref()
            .map(|secret| ClientSecret::new(secret.expose().to_owned())),
    )
}

/// The ID token checks at `now` by the service's clock, with [`ALLOWED_CLOCK_SKEW`] both ways.
fn verifier(client: &Client, now: DateTime<Utc>) -> CoreIdTokenVerifier<'_> {
    client
        .id_token_verifier()
        .set_time_fn(move || now - ALLOWED_CLOCK_SKEW)
        .set_issue_time_verifier_fn(move |issued_at| {
            if issued_at > now + ALLOWED_CLOCK_SKEW {
                Err(format!("issued at {issued_at}, in the future of {now}"))
            } else {
                Ok(())
            }
        })
}

fn refusal(error: ClaimsVerificationError) -> ExternalError {
    match error {
        // A token just minted that is already expired, or issued in our future: the clocks
        // differ (the issue-time check reports as `Expired` too).
        ClaimsVerificationError::Expired(detail) => ExternalError::ClockSkew(detail),
        other => ExternalError::TokenInvalid(other.to_string()),
    }
}

/// The redirect of a native app's sign-in: `http://127.0.0.1:<port>/callback` (RFC 8252 §7.3).
fn loopback_redirect(uri: &str) -> Result<RedirectUrl, ExternalError> {
    let refused = ExternalError::Field {
        field: "redirect_uri",
        code: "invalid",
    };
    let parsed = reqwest::Url::parse(uri).map_err(|_| ExternalError::Field {
        field: "redirect_uri",
        code: "invalid",
    })?;
    let loopback = parsed.scheme() == "http"
        && parsed
            .host_str()
            .and_then(|host| host.parse::<std::net::Ipv4Addr>().ok())
            .is_some_and(|address| address.is_loopback())
        && parsed.port().is_some()
        && parsed.path() == "/callback"
        && parsed.query().is_none();
    if !loopback {
        return Err(refused);
    }
    RedirectUrl::new(uri.to_owned()).map_err(|_| refused)
}

fn oso_language(locale: &str) -> Option<String> {
    let primary = locale.split(['-', '_']).next().unwrap_or_default();
    ["nl", "en", "fr"]
        .contains(&primary)
        .then(|| primary.to_owned())
}

/// An error with its causes, for the log (the user sees only the translated code).
fn describe(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_loopback_callback_on_a_port_is_a_redirect() {
        assert!(loopback_redirect("http://127.0.0.1:53123/callback").is_ok());
        for refused in [
            "https://127.0.0.1:53123/callback",
            "http://localhost:53123/callback",
            "http://10.0.0.1:53123/callback",
            "http://127.0.0.1/callback",
            "http://127.0.0.1:53123/elsewhere",
            "http://127.0.0.1:53123/callback?next=evil",
            "not a url",
        ] {
            assert!(loopback_redirect(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn a_locale_becomes_one_of_the_languages_or_none() {
        assert_eq!(oso_language("nl-be").as_deref(), Some("nl"));
        assert_eq!(oso_language("fr").as_deref(), Some("fr"));
        assert_eq!(oso_language("de-de"), None);
    }
}
