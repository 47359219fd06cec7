//! Signing in and out, and recognising a session on every request.

use chrono::{DateTime, Utc};
use oso_core::account_policy::SignInThrottle;
use oso_core::Email;
use serde::Serialize;
use utoipa::ToSchema;

use super::password_hash::verify_password;
use super::users::{self, UserRow};
use super::{sessions, throttle, AccountError, Accounts};
use crate::secret::SecretString;

/// What a successful sign-in hands out. The token is shown once; only its hash is kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionGrant {
    #[schema(value_type = String)]
    pub token: String,
    pub expires_at: DateTime<Utc>,
    /// When true, the session may only choose a new password (and sign out).
    pub password_expired: bool,
    /// The login's stable id, as `user_id` in its profile (`GET /me`).
    pub user_id: String,
}

/// The user behind a request's session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_id: i64,
    pub user: UserRow,
    pub password_expired: bool,
}

impl Accounts {
    /// Signs in with e-mail and password. Unknown address and wrong password answer the same,
    /// after the same work; repeated failures per account and per client impose a wait.
    #[tracing::instrument(skip_all, fields(client), err)]
    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
        client: &str,
    ) -> Result<SessionGrant, AccountError> {
        let now = self.clock.now();
        let canonical = Email::parse(email)
            .map(|email| email.canonical())
            .unwrap_or_else(|_| email.trim().to_lowercase());
        let account_subject = throttle::account_subject(&canonical);
        let client_subject = throttle::client_subject(client);
        let mut conn = self.pool.acquire().await?;
        let wait = throttle::wait(
            &mut conn,
            &[
                (account_subject.as_str(), SignInThrottle::PER_ACCOUNT),
                (client_subject.as_str(), SignInThrottle::PER_CLIENT),
            ],
            now,
        )
        .await?;
        if let Some(wait) = wait {
            let seconds = u64::try_from(wait.num_seconds()).unwrap_or(0) + 1;
            return Err(AccountError::RateLimited(seconds));
        }
        let user = users::find_live_by_email(&mut conn, &canonical).await?;
        let matches = verify_password(
            password,
            user.as_ref().map(|user| user.password_hash.clone()),
        )
        .await?;
        let Some(user) = user.filter(|_| matches) else {
            throttle::record_failure(&mut conn, &[&account_subject, &client_subject], now).await?;
            return Err(AccountError::InvalidCredentials);
        };
        if user.is_pending() {
            return Err(AccountError::Inactive);
        }
        throttle::clear(&mut conn, &account_subject).await?;
        let (token, expires_at) = sessions::create(&mut conn, user.id, now, self.sessions).await?;
        Ok(SessionGrant {
            token: token.expose().to_owned(),
            expires_at,
            password_expired: self.renewal.is_expired(user.password_changed_at, now),
            user_id: user.public_id,
        })
    }

    /// The signed-in user behind a bearer token, or `Unauthenticated`.
    pub async fn authenticate(&self, token: &str) -> Result<SignedIn, AccountError> {
        let now = self.clock.now();
        let mut conn = self.pool.acquire().await?;
        let (session_id, user) = sessions::find_live(&mut conn, token, now, self.sessions)
            .await?
            .filter(|(_, user)| user.is_active())
            .ok_or(AccountError::Unauthenticated)?;
        let password_expired = self.renewal.is_expired(user.password_changed_at, now);
        Ok(SignedIn {
            session_id,
            user,
            password_expired,
        })
    }

    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn sign_out(&self, signed_in: &SignedIn) -> Result<(), AccountError> {
        let mut conn = self.pool.acquire().await?;
        sessions::revoke(&mut conn, signed_in.session_id, self.clock.now()).await?;
        Ok(())
    }
}
