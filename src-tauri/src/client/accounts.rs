//! Registration, sign-in, passwords and profile calls.

use oso_service::accounts::Profile;
use oso_service::secret::SecretString;
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

use super::{decode, ClientError, ServiceClient};
use crate::owner::UserId;

/// `oso_service::accounts::SessionGrant` as the client reads it: the token becomes a secret at once.
#[derive(Debug, Deserialize)]
struct GrantBody {
    token: String,
    password_expired: bool,
    user_id: String,
}

#[derive(Debug)]
pub struct Grant {
    pub token: SecretString,
    pub password_expired: bool,
    /// The login's stable id: what its drafts and queued orders are kept under.
    pub user: UserId,
}

const NO_BODY: Option<&()> = None;

impl ServiceClient {
    pub async fn register(&self, form: &serde_json::Value) -> Result<(), ClientError> {
        self.call(Method::POST, "registrations", None, Some(form))
            .await
            .map(drop)
    }

    pub async fn activate(&self, email: &str, code: &str) -> Result<(), ClientError> {
        let body = json!({ "email": email, "code": code });
        self.call(Method::POST, "activations", None, Some(&body))
            .await
            .map(drop)
    }

    /// Activates with the token of the e-mailed link (received through `oso://activate`).
    pub async fn activate_with_link(&self, token: &SecretString) -> Result<(), ClientError> {
        let body = json!({ "token": token.expose() });
        self.call(Method::POST, "activations/link", None, Some(&body))
            .await
            .map(drop)
    }

    pub async fn resend_activation(&self, email: &str) -> Result<(), ClientError> {
        let body = json!({ "email": email });
        self.call(Method::POST, "activations/resend", None, Some(&body))
            .await
            .map(drop)
    }

    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
    ) -> Result<Grant, ClientError> {
        let body = json!({ "email": email, "password": password.expose() });
        let response = self
            .call(Method::POST, "sessions", None, Some(&body))
            .await?;
        let grant: GrantBody = decode(response).await?;
        let user = UserId::parse(&grant.user_id)
            .map_err(|error| ClientError::UnexpectedAnswer(error.to_string()))?;
        Ok(Grant {
            token: SecretString::new(grant.token),
            password_expired: grant.password_expired,
            user,
        })
    }

    pub async fn sign_out(&self, token: &SecretString) -> Result<(), ClientError> {
        self.call(Method::DELETE, "sessions/current", Some(token), NO_BODY)
            .await
            .map(drop)
    }

    pub async fn profile(&self, token: &SecretString) -> Result<Profile, ClientError> {
        decode(self.call(Method::GET, "me", Some(token), NO_BODY).await?).await
    }

    /// Stores `profile`; `current_password` is needed when its e-mail changes.
    pub async fn update_profile(
        &self,
        token: &SecretString,
        profile: &Profile,
        current_password: Option<&SecretString>,
    ) -> Result<Profile, ClientError> {
        let mut body = json!({
            "email": profile.email,
            "company_name": profile.company_name,
            "contact_name": profile.contact_name,
            "phone": profile.phone,
            "language": profile.language,
        });
        if let Some(password) = current_password {
            body["current_password"] = json!(password.expose());
        }
        decode(
            self.call(Method::PUT, "me", Some(token), Some(&body))
                .await?,
        )
        .await
    }

    pub async fn change_password(
        &self,
        token: &SecretString,
        current: &SecretString,
        new: &SecretString,
    ) -> Result<(), ClientError> {
        let body = json!({ "current_password": current.expose(), "new_password": new.expose() });
        self.call(Method::POST, "me/password", Some(token), Some(&body))
            .await
            .map(drop)
    }

    pub async fn forget(
        &self,
        token: &SecretString,
        password: &SecretString,
    ) -> Result<(), ClientError> {
        let body = json!({ "password": password.expose() });
        self.call(Method::POST, "me/forget", Some(token), Some(&body))
            .await
            .map(drop)
    }

    pub async fn request_password_reset(&self, email: &str) -> Result<(), ClientError> {
        let body = json!({ "email": email });
        self.call(Method::POST, "password-resets", None, Some(&body))
            .await
            .map(drop)
    }

    pub async fn reset_password(
        &self,
        email: &str,
        code: &str,
        new: &SecretString,
    ) -> Result<(), ClientError> {
        let body = json!({ "email": email, "code": code, "new_password": new.expose() });
        self.call(Method::POST, "password-resets/confirm", None, Some(&body))
            .await
            .map(drop)
    }

    /// Sets a new password with the token of the e-mailed link (received through
    /// `oso://reset-password`).
    pub async fn reset_password_with_link(
        &self,
        token: &SecretString,
        new: &SecretString,
    ) -> Result<(), ClientError> {
        let body = json!({ "token": token.expose(), "new_password": new.expose() });
        self.call(Method::POST, "password-resets/link", None, Some(&body))
            .await
            .map(drop)
    }
}
