//! Signing in and out, and recognising a session on every request.

use oso_api::accounts::SessionGrant;
use oso_core::account_policy::SignInThrottle;
use oso_core::Email;

use super::password_hash::verify_password;
use super::users::{self, UserRow};
use super::{sessions, throttle, Accounts};
use crate::error::ServiceError;
use oso_core::SecretString;

/// The user behind a request's session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_id: i64,
    pub user: UserRow,
    pub password_expired: bool,
    /// The account numbers the login administers under eSecure, as of this request.
    pub administered: Vec<String>,
}

/// The throttle subject of a login: its canonical address, hashed.
fn login_subject(email: &str) -> String {
    let canonical = Email::parse(email)
        .map(|email| email.canonical())
        .unwrap_or_else(|_| Email::canonical_of(email));
    throttle::account_subject(&canonical)
}

fn rate_limited(wait: chrono::Duration) -> ServiceError {
    ServiceError::RateLimited(u64::try_from(wait.num_seconds()).unwrap_or(0) + 1)
}

impl Accounts {
    /// Checks the waits of `subjects` and, when none applies, counts this attempt as a failure
    /// of each, in one write: of many concurrent attempts no more get through than the rules
    /// allow. Returns the failures to take back when the password turns out right.
    pub(super) async fn reserve_attempt(
        &self,
        subjects: &[(&str, SignInThrottle)],
    ) -> Result<Vec<i64>, ServiceError> {
        let mut tx = self.database.begin_write().await?;
        let names: Vec<&str> = subjects.iter().map(|(subject, _)| *subject).collect();
        throttle::hold(&mut tx.conn(), &names).await?;
        // Read once the subjects are ours: an earlier reading could be older than the failures
        // counted by the attempts that went first, and would not see them.
        let now = self.clock.now();
        if let Some(wait) = throttle::wait(&mut tx.conn(), subjects, now).await? {
            return Err(rate_limited(wait));
        }
        let reserved = throttle::record_failure(&mut tx.conn(), &names, now).await?;
        tx.commit().await?;
        Ok(reserved)
    }

    pub(super) async fn forgive(&self, reserved: &[i64]) -> Result<(), ServiceError> {
        let mut conn = self.database.acquire().await?;
        throttle::forgive(&mut conn.conn(), reserved).await?;
        Ok(())
    }

    /// Signs in with e-mail and password. Unknown address and wrong password answer the same,
    /// after the same work; repeated failures per account and per client impose a wait.
    #[tracing::instrument(skip_all, fields(client), err)]
    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
        client: &str,
    ) -> Result<SessionGrant, ServiceError> {
        let canonical = Email::parse(email)
            .map(|email| email.canonical())
            .unwrap_or_else(|_| Email::canonical_of(email));
        let account_subject = throttle::account_subject(&canonical);
        let client_subject = throttle::client_subject(client);
        let reserved = self
            .reserve_attempt(&[
                (account_subject.as_str(), SignInThrottle::PER_ACCOUNT),
                (client_subject.as_str(), SignInThrottle::PER_CLIENT),
            ])
            .await?;
        let user = {
            let mut conn = self.database.acquire().await?;
            users::find_live_by_email(&mut conn.conn(), &canonical).await?
        };
        // No connection is held while waiting for an argon2 turn. A login without a password
        // (it signs in with the carrier's account) is checked like an unknown address.
        let matches = verify_password(
            password,
            user.as_ref()
                .filter(|user| user.has_password())
                .map(|user| user.password_hash.clone()),
        )
        .await?;
        let Some(user) = user.filter(|_| matches) else {
            // The failure was counted before the check.
            return Err(ServiceError::InvalidCredentials);
        };
        if user.is_pending() {
            self.forgive(&reserved).await?;
            return Err(ServiceError::Inactive);
        }
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        throttle::forgive(&mut tx.conn(), &reserved).await?;
        throttle::clear(&mut tx.conn(), &account_subject).await?;
        let (token, expires_at) =
            sessions::create(&mut tx.conn(), user.id, now, self.sessions).await?;
        tx.commit().await?;
        Ok(SessionGrant {
            token: token.expose().to_owned(),
            expires_at,
            password_expired: self.password_expired(&user, now),
            user_id: user.public_id,
        })
    }

    /// Checks the signed-in user's current password (a password change, "forget me", a new
    /// profile e-mail) against the same per-login budget as signing in: a wrong one counts as a
    /// failed sign-in, and while the login must wait no password is checked. A wrong or missing
    /// password is refused at `field`.
    pub(super) async fn verify_current_password(
        &self,
        user: &UserRow,
        password: &SecretString,
        field: &str,
    ) -> Result<(), ServiceError> {
        if !user.has_password() {
            return Err(ServiceError::NoPassword);
        }
        if password.expose().is_empty() {
            return Err(ServiceError::field(field, "required"));
        }
        let subject = login_subject(&user.email);
        let reserved = self
            .reserve_attempt(&[(subject.as_str(), SignInThrottle::PER_ACCOUNT)])
            .await?;
        if !verify_password(password, Some(user.password_hash.clone())).await? {
            return Err(ServiceError::field(field, "wrong_password"));
        }
        self.forgive(&reserved).await
    }

    /// The signed-in user behind a bearer token, or `Unauthenticated`.
    pub async fn authenticate(&self, token: &str) -> Result<SignedIn, ServiceError> {
        let now = self.clock.now();
        let mut conn = self.database.acquire().await?;
        let (session_id, user, administered) =
            sessions::find_live(&mut conn.conn(), token, now, self.sessions)
                .await?
                .filter(|(_, user, _)| user.is_active())
                .ok_or(ServiceError::Unauthenticated)?;
        let password_expired = self.password_expired(&user, now);
        Ok(SignedIn {
            session_id,
            user,
            password_expired,
            administered,
        })
    }

    /// Whether the login's password is older than the renewal period; a login without one
    /// (it signs in with the carrier's account) has nothing to renew.
    pub(super) fn password_expired(
        &self,
        user: &UserRow,
        now: chrono::DateTime<chrono::Utc>,
    ) -> bool {
        user.has_password() && self.renewal.is_expired(user.password_changed_at, now)
    }

    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn sign_out(&self, signed_in: &SignedIn) -> Result<(), ServiceError> {
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        sessions::revoke(&mut tx.conn(), signed_in.session_id, now).await?;
        // The login's open streams look at their sessions now, not at their next check.
        crate::events::record::session_ended(&mut tx.conn(), signed_in.user.id, now).await?;
        tx.commit().await?;
        crate::events::poke();
        Ok(())
    }
}
