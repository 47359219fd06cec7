//! "Online, else the kept copy", written once: a list fetched from the service is kept for its
//! login, and when the service cannot be reached that login's kept copy answers instead. Any
//! other answer of the service (a refusal, an expired session) is passed on, never covered up by
//! an old copy.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::client::ClientError;
use crate::local::{LocalStore, LocalStoreError};
use crate::owner::UserId;

/// Where an answer came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched<T> {
    /// From the service, just now.
    Fresh(T),
    /// The copy kept the last time the service answered (the service is away).
    Kept(T),
}

impl<T> Fetched<T> {
    pub fn is_kept(&self) -> bool {
        matches!(self, Fetched::Kept(_))
    }

    pub fn into_inner(self) -> T {
        match self {
            Fetched::Fresh(value) | Fetched::Kept(value) => value,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OfflineError {
    /// The service's answer, or "unreachable" with no copy kept.
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Local(#[from] LocalStoreError),
    /// A kept copy this version cannot read.
    #[error("the kept copy cannot be read: {0}")]
    Unreadable(#[from] serde_json::Error),
}

/// `fetch`'s answer, kept under `owner` and `key`; or, when the service cannot be reached, the
/// copy kept last.
pub async fn online_else_kept<T, F>(
    local: &LocalStore,
    owner: &UserId,
    key: &str,
    fetch: F,
) -> Result<Fetched<T>, OfflineError>
where
    T: Serialize + DeserializeOwned,
    F: std::future::Future<Output = Result<T, ClientError>>,
{
    match fetch.await {
        Ok(fresh) => {
            if let Ok(body) = serde_json::to_string(&fresh) {
                if let Err(error) = local.cache_put(owner, key, &body, chrono::Utc::now()).await {
                    tracing::warn!(%error, key, "cannot keep a copy for offline use");
                }
            }
            Ok(Fetched::Fresh(fresh))
        }
        Err(ClientError::Unreachable(cause)) => match local.cache_get(owner, key).await? {
            Some(body) => Ok(Fetched::Kept(serde_json::from_str(&body)?)),
            None => Err(ClientError::Unreachable(cause).into()),
        },
        Err(other) => Err(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann() -> UserId {
        UserId::parse("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1").expect("id")
    }

    /// What the client says when nothing listens (port 1 on this machine).
    async fn away() -> ClientError {
        let refused = reqwest::get("http://127.0.0.1:1/")
            .await
            .expect_err("nothing listens on port 1");
        ClientError::Unreachable(refused.into())
    }

    async fn store() -> (tempfile::TempDir, LocalStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let local = LocalStore::open(&dir.path().join("local.sqlite3"))
            .await
            .expect("opens");
        (dir, local)
    }

    #[tokio::test]
    async fn a_fresh_answer_is_kept_and_answers_for_it_while_the_service_is_away() {
        let (_dir, local) = store().await;
        let fresh = online_else_kept(&local, &ann(), "numbers", async { Ok(vec![1, 2]) })
            .await
            .expect("fresh");
        assert_eq!(fresh, Fetched::Fresh(vec![1, 2]));
        let kept: Fetched<Vec<i32>> =
            online_else_kept(&local, &ann(), "numbers", async { Err(away().await) })
                .await
                .expect("kept");
        assert_eq!(kept, Fetched::Kept(vec![1, 2]));
    }

    #[tokio::test]
    async fn away_with_nothing_kept_says_unreachable() {
        let (_dir, local) = store().await;
        let answer: Result<Fetched<Vec<i32>>, _> =
            online_else_kept(&local, &ann(), "numbers", async { Err(away().await) }).await;
        assert!(matches!(
            answer,
            Err(OfflineError::Client(ClientError::Unreachable(_)))
        ));
    }
}
