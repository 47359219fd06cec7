//! One sign-in's authorization request: the secrets it keeps (PKCE verifier, `state`, `nonce`)
//! and the provider URL the browser opens.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use oso_api::external_sign_in::ExternalSignInOffer;
use oso_core::SecretString;
use reqwest::Url;
use sha2::{Digest, Sha256};

/// 32 random bytes, base64url: a PKCE verifier of 43 characters (RFC 7636 §4.1), and state and
/// nonce no one can guess.
fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

#[derive(Debug)]
pub struct AuthorizationRequest {
    /// Where the browser goes.
    pub url: Url,
    pub redirect_uri: String,
    pub code_verifier: SecretString,
    pub state: SecretString,
    pub nonce: String,
}

#[derive(Debug, thiserror::Error)]
#[error("the provider's authorization endpoint {0:?} is not a URL")]
pub struct BadEndpoint(String);

impl AuthorizationRequest {
    /// A fresh request to `authorization_endpoint` whose answer comes back to `redirect_uri`.
    pub fn new(
        offer: &ExternalSignInOffer,
        authorization_endpoint: &str,
        redirect_uri: &str,
    ) -> Result<Self, BadEndpoint> {
        let code_verifier = random_token();
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(code_verifier.as_bytes()));
        let state = random_token();
        let nonce = random_token();
        let mut url = Url::parse(authorization_endpoint)
            .map_err(|_| BadEndpoint(authorization_endpoint.to_owned()))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &offer.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("scope", &offer.scopes.join(" "))
            .append_pair("state", &state)
            .append_pair("nonce", &nonce)
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256");
        Ok(Self {
            url,
            redirect_uri: redirect_uri.to_owned(),
            code_verifier: SecretString::new(code_verifier),
            state: SecretString::new(state),
            nonce,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> ExternalSignInOffer {
        ExternalSignInOffer {
            display_name: "MyDHL+".into(),
            authorization_endpoint: Some("https://login.example.com/auth?tenant=7".into()),
            client_id: "oso-desktop".into(),
            scopes: vec!["openid".into(), "email".into(), "profile".into()],
        }
    }

    fn query(url: &Url, name: &str) -> String {
        url.query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
            .unwrap_or_else(|| panic!("{name} missing from {url}"))
    }

    #[test]
    fn the_request_carries_the_s256_challenge_of_its_verifier_and_keeps_the_endpoints_query() {
        let request = AuthorizationRequest::new(
            &offer(),
            "https://login.example.com/auth?tenant=7",
            "http://127.0.0.1:50000/callback",
        )
        .expect("request");

        let url = &request.url;
        assert_eq!(query(url, "tenant"), "7");
        assert_eq!(query(url, "client_id"), "oso-desktop");
        assert_eq!(
            query(url, "redirect_uri"),
            "http://127.0.0.1:50000/callback"
        );
        assert_eq!(query(url, "scope"), "openid email profile");
        assert_eq!(query(url, "code_challenge_method"), "S256");
        let expected = URL_SAFE_NO_PAD.encode(Sha256::digest(request.code_verifier.expose()));
        assert_eq!(query(url, "code_challenge"), expected);
        assert_eq!(query(url, "state"), request.state.expose());
        assert_eq!(query(url, "nonce"), request.nonce);
        assert_eq!(request.code_verifier.expose().len(), 43);
    }

    #[test]
    fn every_request_has_its_own_verifier_state_and_nonce() {
        let first = AuthorizationRequest::new(
            &offer(),
            "https://a.example/auth",
            "http://127.0.0.1:1/callback",
        )
        .expect("request");
        let second = AuthorizationRequest::new(
            &offer(),
            "https://a.example/auth",
            "http://127.0.0.1:1/callback",
        )
        .expect("request");

        assert_ne!(first.code_verifier.expose(), second.code_verifier.expose());
        assert_ne!(first.state.expose(), second.state.expose());
        assert_ne!(first.nonce, second.nonce);
    }

    #[test]
    fn an_endpoint_that_is_no_url_is_refused() {
        assert!(
            AuthorizationRequest::new(&offer(), "not a url", "http://127.0.0.1:1/callback")
                .is_err()
        );
    }
}
