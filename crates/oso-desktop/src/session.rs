//! The signed-in session of this desktop: the token in memory, mirrored in the OS keyring when
//! the user chose "stay signed in" and a keyring exists.

use oso_api::accounts::Profile;
use oso_api::ErrorCode;
use oso_core::SecretString;
use serde::Serialize;
use tokio::sync::RwLock;

use crate::client::{ClientError, ServiceClient};
use crate::local::LocalStore;
use crate::owner::UserId;
use crate::secrets::SessionVault;

#[derive(Debug)]
pub struct Session {
    current: RwLock<Option<Current>>,
    vault: SessionVault,
    /// Keeps the last profile seen, to show who is signed in while the service is away.
    local: LocalStore,
}

/// The session as held here: its token, and the login it belongs to once known.
#[derive(Debug, Clone)]
struct Current {
    token: SecretString,
    /// `None` only for a session kept by an OSO from before owners were recorded, until the
    /// service names its login (`GET /me`); meanwhile no draft is listed, resumed or sent.
    user: Option<UserId>,
    /// Mirrored in the keyring ("stay signed in").
    kept: bool,
}

/// Who is signed in, as drafts and the queue need it: the token and its login, read together,
/// so that a sign-in in between never pairs one login's orders with another login's token.
#[derive(Debug, Clone)]
pub struct SignedInAs {
    pub token: SecretString,
    pub user: UserId,
}

/// The keyring entry: the token with the login it belongs to, so that a desktop started
/// offline still knows whose drafts it may show.
#[derive(serde::Deserialize)]
struct KeptSession {
    user_id: String,
    token: SecretString,
}

impl KeptSession {
    fn encode(token: &SecretString, user: &UserId) -> SecretString {
        SecretString::new(
            serde_json::json!({ "user_id": user.as_str(), "token": token.expose() }).to_string(),
        )
    }

    /// The kept token and its login; a bare token (kept by an older OSO) names no login.
    fn decode(kept: SecretString) -> Current {
        match serde_json::from_str::<KeptSession>(kept.expose()) {
            Ok(session) => Current {
                token: session.token,
                user: UserId::parse(&session.user_id).ok(),
                kept: true,
            },
            Err(_) => Current {
                token: kept,
                user: None,
                kept: true,
            },
        }
    }
}

/// The offline copy of the profile in the local cache (cleared on sign-out and "forget me").
const PROFILE_CACHE: &str = "profile";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    SignedOut,
    SignedIn,
    PasswordExpired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyringState {
    Available,
    Unavailable,
}

/// What the UI needs to choose its mode.
#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub state: SessionState,
    pub profile: Option<ProfileView>,
    pub keyring: KeyringState,
}

/// The profile as the UI reads and sends it, and as the offline copy keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ProfileView {
    pub email: String,
    // The aliases read offline copies written before the UI read snake_case.
    #[serde(alias = "companyName")]
    pub company_name: String,
    #[serde(alias = "contactName")]
    pub contact_name: String,
    pub phone: Option<String>,
    pub language: String,
    /// An IANA name; empty in offline copies written before it existed, and the service then
    /// keeps the zone it has.
    #[serde(default)]
    pub time_zone: String,
    /// False for a login that signs in with the carrier's account only: the UI then offers no
    /// password change and asks for no password to confirm.
    #[serde(default = "has_password_by_default")]
    pub has_password: bool,
}

/// Offline copies written before logins without a password existed had one.
fn has_password_by_default() -> bool {
    true
}

impl From<Profile> for ProfileView {
    fn from(profile: Profile) -> Self {
        Self {
            email: profile.email,
            company_name: profile.company_name,
            contact_name: profile.contact_name,
            phone: profile.phone,
            language: profile.language,
            time_zone: profile.time_zone,
            has_password: profile.has_password,
        }
    }
}

impl From<ProfileView> for Profile {
    fn from(view: ProfileView) -> Self {
        Self {
            email: view.email,
            company_name: view.company_name,
            contact_name: view.contact_name,
            phone: view.phone,
            language: view.language,
            time_zone: view.time_zone,
            login_email: String::new(),
            user_id: String::new(),
            password_expires_at: None,
            password_expired: false,
            has_password: view.has_password,
            current_password: None,
        }
    }
}

impl Session {
    /// Picks up a session kept in the keyring by an earlier run.
    pub async fn restore(vault: SessionVault, local: LocalStore) -> Self {
        let current = match vault.load().await {
            Ok(kept) => kept.map(KeptSession::decode),
            Err(error) => {
                tracing::warn!(%error, "cannot read the kept session");
                None
            }
        };
        Self {
            current: RwLock::new(current),
            vault,
            local,
        }
    }

    pub fn keyring(&self) -> KeyringState {
        if self.vault.is_available() {
            KeyringState::Available
        } else {
            KeyringState::Unavailable
        }
    }

    pub async fn token(&self) -> Option<SecretString> {
        self.current
            .read()
            .await
            .as_ref()
            .map(|current| current.token.clone())
    }

    /// The token with its login, once the login is known.
    pub async fn signed_in_as(&self) -> Option<SignedInAs> {
        let current = self.current.read().await;
        let current = current.as_ref()?;
        Some(SignedInAs {
            token: current.token.clone(),
            user: current.user.clone()?,
        })
    }

    /// Keeps a new session of `user`: in memory, and in the keyring when asked to stay signed
    /// in.
    pub async fn begin(&self, token: SecretString, user: UserId, stay_signed_in: bool) {
        let mut kept = false;
        if stay_signed_in {
            match self.vault.store(&KeptSession::encode(&token, &user)).await {
                Ok(()) => kept = true,
                Err(error) => {
                    tracing::warn!(%error, "cannot keep the session in the keyring; it lasts until the app closes")
                }
            }
        } else if let Err(error) = self.vault.delete().await {
            tracing::warn!(%error, "cannot remove an older kept session");
        }
        *self.current.write().await = Some(Current {
            token,
            user: Some(user),
            kept,
        });
    }

    /// Forgets the session here (memory and keyring) and every login's offline copies; the
    /// caller revokes it at the service. Drafts and queued orders stay with their owner.
    pub async fn end(&self) -> Option<SecretString> {
        if let Err(error) = self.vault.delete().await {
            tracing::warn!(%error, "cannot remove the kept session from the keyring");
        }
        let ended = self.current.write().await.take();
        if let Err(error) = self.local.clear_cached_lists().await {
            tracing::warn!(%error, "cannot clear the offline copies");
        }
        ended.map(|current| current.token)
    }

    /// The service named the login behind `token`: from now on its drafts are the ones shown
    /// and sent. (Only while `token` is still the session: a sign-in meanwhile wins.)
    async fn learn_user(&self, token: &SecretString, user_id: &str) -> Option<UserId> {
        let user = match UserId::parse(user_id) {
            Ok(user) => user,
            Err(error) => {
                tracing::error!(%error, "the service did not name the login");
                return None;
            }
        };
        let mut current = self.current.write().await;
        let current = current.as_mut().filter(|current| current.token == *token)?;
        if current.user.as_ref() != Some(&user) {
            if current.user.is_some() {
                tracing::warn!("the kept session belongs to another login than recorded; the service is believed");
            }
            current.user = Some(user.clone());
            if current.kept {
                if let Err(error) = self.vault.store(&KeptSession::encode(token, &user)).await {
                    tracing::warn!(%error, "cannot record the login with the kept session");
                }
            }
        }
        Some(user)
    }

    /// The current state, asking the service who the token belongs to. A token the service no
    /// longer accepts is dropped here too.
    pub async fn view(&self, client: &ServiceClient) -> Result<SessionView, ClientError> {
        let signed_out = SessionView {
            state: SessionState::SignedOut,
            profile: None,
            keyring: self.keyring(),
        };
        let Some(token) = self.token().await else {
            return Ok(signed_out);
        };
        match client.profile(&token).await {
            Ok(profile) => {
                let user = self.learn_user(&token, &profile.user_id).await;
                let body = serde_json::to_string(&ProfileView::from(profile.clone()));
                if let (Some(user), Ok(body)) = (user, body) {
                    if let Err(error) = self
                        .local
                        .cache_put(&user, PROFILE_CACHE, &body, chrono::Utc::now())
                        .await
                    {
                        tracing::warn!(%error, "cannot keep the profile for offline use");
                    }
                }
                Ok(SessionView {
                    // The service decides by its own clock; the desktop's may differ.
                    state: if profile.password_expired {
                        SessionState::PasswordExpired
                    } else {
                        SessionState::SignedIn
                    },
                    profile: Some(profile.into()),
                    keyring: self.keyring(),
                })
            }
            Err(ClientError::Refused(body)) if body.code == ErrorCode::Unauthenticated => {
                self.end().await;
                Ok(signed_out)
            }
            // Offline with a kept session: still signed in; the wizard works from local copies
            // and the profile shows again when the service answers.
            Err(ClientError::Unreachable(_)) => {
                let profile = match self.signed_in_as().await {
                    Some(me) => self
                        .local
                        .cache_get(&me.user, PROFILE_CACHE)
                        .await
                        .ok()
                        .flatten()
                        .and_then(|body| serde_json::from_str(&body).ok()),
                    None => None,
                };
                Ok(SessionView {
                    state: SessionState::SignedIn,
                    profile,
                    keyring: self.keyring(),
                })
            }
            Err(error) => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyring_entry_names_the_login_and_an_older_bare_token_names_none() {
        let user = UserId::parse("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1").expect("id");
        let token = SecretString::new("t0ken");

        let kept = KeptSession::decode(KeptSession::encode(&token, &user));
        let older = KeptSession::decode(SecretString::new("t0ken"));

        assert_eq!(kept.token, token);
        assert_eq!(kept.user, Some(user));
        assert_eq!(older.token, token);
        assert_eq!(
            older.user, None,
            "its drafts wait until the service names the login"
        );
    }

    #[test]
    fn the_profile_crosses_to_the_ui_in_snake_case_and_an_older_camel_case_copy_is_still_read() {
        let older: ProfileView = serde_json::from_str(
            r#"{"email":"ann@zebra.example","companyName":"Zebra","contactName":"Ann","phone":null,"language":"nl"}"#,
        )
        .expect("an offline copy written before");

        let shown = serde_json::to_value(&older).expect("serialises");

        assert_eq!(older.company_name, "Zebra");
        assert_eq!(older.contact_name, "Ann");
        assert_eq!(shown["company_name"], "Zebra");
        assert!(shown.get("companyName").is_none(), "{shown}");
    }
}
