//! Registration, sign-in, passwords and profile calls.

use oso_api::accounts::{
    ActivationCode, Credentials, EmailOnly, LinkPasswordReset, LinkToken, PasswordChange,
    PasswordConfirmation, PasswordReset, Profile, RegistrationForm, SessionGrant,
};
use oso_core::SecretString;
use reqwest::Method;

use super::{decode, ClientError, ServiceClient};
use crate::owner::UserId;

#[derive(Debug)]
pub struct Grant {
    pub token: SecretString,
    pub password_expired: bool,
    /// The login's stable id: what its drafts and queued orders are kept under.
    pub user: UserId,
}

impl Grant {
    /// The service's answer, its token a secret at once.
    pub(super) fn from_answer(grant: SessionGrant) -> Result<Self, ClientError> {
        let user = UserId::parse(&grant.user_id)
            .map_err(|error| ClientError::UnexpectedAnswer(error.to_string()))?;
        Ok(Grant {
            token: SecretString::new(grant.token),
            password_expired: grant.password_expired,
            user,
        })
    }
}

const NO_BODY: Option<&()> = None;

impl ServiceClient {
    pub async fn register(&self, form: &RegistrationForm) -> Result<(), ClientError> {
        self.call(Method::POST, "registrations", None, Some(form))
            .await
            .map(drop)
    }

    pub async fn activate(&self, email: &str, code: &str) -> Result<(), ClientError> {
        let body = ActivationCode {
            email: email.to_owned(),
            code: SecretString::new(code),
        };
        self.call(Method::POST, "activations", None, Some(&body))
            .await
            .map(drop)
    }

    /// Activates with the token of the e-mailed link (received through `oso://activate`).
    pub async fn activate_with_link(&self, token: &SecretString) -> Result<(), ClientError> {
        let body = LinkToken {
            token: token.clone(),
        };
        self.call(Method::POST, "activations/link", None, Some(&body))
            .await
            .map(drop)
    }

    pub async fn resend_activation(&self, email: &str) -> Result<(), ClientError> {
        let body = EmailOnly {
            email: email.to_owned(),
        };
        self.call(Method::POST, "activations/resend", None, Some(&body))
            .await
            .map(drop)
    }

    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
    ) -> Result<Grant, ClientError> {
        let body = Credentials {
            email: email.to_owned(),
            password: password.clone(),
        };
        let response = self
            .call(Method::POST, "sessions", None, Some(&body))
            .await?;
        Grant::from_answer(decode(response).await?)
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
        let body = Profile {
            current_password: current_password.cloned(),
            ..profile.clone()
        };
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
        let body = PasswordChange {
            current_password: current.clone(),
            new_password: new.clone(),
        };
        self.call(Method::POST, "me/password", Some(token), Some(&body))
            .await
            .map(drop)
    }

    pub async fn forget(
        &self,
        token: &SecretString,
        password: &SecretString,
    ) -> Result<(), ClientError> {
        let body = PasswordConfirmation {
            password: password.clone(),
        };
        self.call(Method::POST, "me/forget", Some(token), Some(&body))
            .await
            .map(drop)
    }

    pub async fn request_password_reset(&self, email: &str) -> Result<(), ClientError> {
        let body = EmailOnly {
            email: email.to_owned(),
        };
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
        let body = PasswordReset {
            email: email.to_owned(),
            code: SecretString::new(code),
            new_password: new.clone(),
        };
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
        let body = LinkPasswordReset {
            token: token.clone(),
            new_password: new.clone(),
        };
        self.call(Method::POST, "password-resets/link", None, Some(&body))
            .await
            .map(drop)
    }
}
