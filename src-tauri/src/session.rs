//! The signed-in session of this desktop: the token in memory, mirrored in the OS keyring when
//! the user chose "stay signed in" and a keyring exists.

use oso_service::accounts::Profile;
use oso_service::secret::SecretString;
use oso_service::ErrorCode;
use serde::Serialize;
use tokio::sync::RwLock;

use crate::client::{ClientError, ServiceClient};
use crate::local::LocalStore;
use crate::secrets::SessionVault;

#[derive(Debug)]
pub struct Session {
    token: RwLock<Option<SecretString>>,
    vault: SessionVault,
    /// Keeps the last profile seen, to show who is signed in while the service is away.
    local: LocalStore,
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
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub state: SessionState,
    pub profile: Option<ProfileView>,
    pub keyring: KeyringState,
}

/// The profile as the UI reads and sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub email: String,
    pub company_name: String,
    pub contact_name: String,
    pub phone: Option<String>,
    pub language: String,
}

impl From<Profile> for ProfileView {
    fn from(profile: Profile) -> Self {
        Self {
            email: profile.email,
            company_name: profile.company_name,
            contact_name: profile.contact_name,
            phone: profile.phone,
            language: profile.language,
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
            login_email: String::new(),
            password_expires_at: None,
            password_expired: false,
            current_password: None,
        }
    }
}

impl Session {
    /// Picks up a session kept in the keyring by an earlier run.
    pub async fn restore(vault: SessionVault, local: LocalStore) -> Self {
        let token = match vault.load().await {
            Ok(token) => token,
            Err(error) => {
                tracing::warn!(%error, "cannot read the kept session");
                None
            }
        };
        Self {
            token: RwLock::new(token),
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
        self.token.read().await.clone()
    }

    /// Keeps a new session: in memory, and in the keyring when asked to stay signed in.
    pub async fn begin(&self, token: SecretString, stay_signed_in: bool) {
        if stay_signed_in {
            if let Err(error) = self.vault.store(&token).await {
                tracing::warn!(%error, "cannot keep the session in the keyring; it lasts until the app closes");
            }
        } else if let Err(error) = self.vault.delete().await {
            tracing::warn!(%error, "cannot remove an older kept session");
        }
        *self.token.write().await = Some(token);
    }

    /// Forgets the session here (memory and keyring); the caller revokes it at the service.
    pub async fn end(&self) -> Option<SecretString> {
        if let Err(error) = self.vault.delete().await {
            tracing::warn!(%error, "cannot remove the kept session from the keyring");
        }
        self.token.write().await.take()
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
                if let Ok(body) = serde_json::to_string(&ProfileView::from(profile.clone())) {
                    if let Err(error) = self
                        .local
                        .cache_put(PROFILE_CACHE, &body, chrono::Utc::now())
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
            Err(ClientError::Unreachable(_)) => Ok(SessionView {
                state: SessionState::SignedIn,
                profile: self
                    .local
                    .cache_get(PROFILE_CACHE)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|body| serde_json::from_str(&body).ok()),
                keyring: self.keyring(),
            }),
            Err(error) => Err(error),
        }
    }
}
