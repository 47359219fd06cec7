//! A history page read beside its session, on PostgreSQL.
//!
//! There every statement is a round trip to the database server, and a page ran two in a row:
//! the session, then the page (with its count beside it). A login asks for its history page
//! after page with the same token, and what a page depends on of the login (its [`Viewer`])
//! rarely changes. So the page is read at the same time as the session, for the viewer that
//! token's session showed last, and it is answered only if the session, read now, shows the same
//! viewer; else it is thrown away and read again for the viewer the session shows.
//!
//! Nothing is answered from memory: every request reads its session as before, a session that
//! ended, expired or must first renew its password answers as before, and a page read for
//! another viewer (an administrator removed meanwhile) never leaves the service. What is kept is
//! the viewer, by the token's hash, not the token.
//!
//! SQLite, the desktop's embedded service, reads in process: a second statement at the same time
//! there is work beside work, not a round trip saved, so its pages follow their session.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, PoisonError};

use super::history::{self, HistoryPage, HistoryQuery, Viewer};
use crate::accounts::{tokens, SignedIn};
use crate::database::Database;
use crate::error::ServiceError;

/// How many tokens' viewers an instance keeps; past it, it starts again with none (the cost is
/// one page read the slow way per token).
const REMEMBERED: usize = 10_000;

/// The viewer each token's session showed last, by the token's hash.
#[derive(Debug, Default)]
pub struct RecentViewers {
    by_token: Mutex<HashMap<Vec<u8>, Viewer>>,
}

impl RecentViewers {
    fn last(&self, token_hash: &[u8]) -> Option<Viewer> {
        self.by_token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(token_hash)
            .cloned()
    }

    fn remember(&self, token_hash: Vec<u8>, viewer: Viewer) {
        let mut by_token = self.by_token.lock().unwrap_or_else(PoisonError::into_inner);
        if by_token.len() >= REMEMBERED && !by_token.contains_key(&token_hash) {
            by_token.clear();
        }
        by_token.insert(token_hash, viewer);
    }

    fn forget(&self, token_hash: &[u8]) {
        self.by_token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(token_hash);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.by_token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// The history page `query` asks for, for the login behind `token`, whose session `session`
/// reads (and refuses as the API does: ended, expired, a password to renew first).
pub async fn page<E: From<ServiceError>>(
    database: &Database,
    recent: &RecentViewers,
    token: &str,
    session: impl Future<Output = Result<SignedIn, E>>,
    query: &HistoryQuery,
) -> Result<HistoryPage, E> {
    if matches!(database, Database::Sqlite(_)) {
        let viewer = Viewer::of(&session.await?);
        return Ok(history::page(database, &viewer, query).await?);
    }
    let token_hash = tokens::hash(token);
    let Some(guess) = recent.last(&token_hash) else {
        let viewer = Viewer::of(&session.await?);
        recent.remember(token_hash, viewer.clone());
        return Ok(history::page(database, &viewer, query).await?);
    };
    let (signed_in, early) = tokio::join!(session, history::page(database, &guess, query));
    // The session's answer comes first: a refused session gets no page, and no page error.
    // Its token is forgotten, so it costs no page read beside its next refusals.
    let signed_in = match signed_in {
        Ok(signed_in) => signed_in,
        Err(refused) => {
            recent.forget(&token_hash);
            return Err(refused);
        }
    };
    let viewer = Viewer::of(&signed_in);
    if viewer == guess {
        tracing::debug!("history page read beside its session");
        return Ok(early?);
    }
    tracing::debug!("the session shows another viewer: its page is read again");
    recent.remember(token_hash, viewer.clone());
    Ok(history::page(database, &viewer, query).await?)
}

#[cfg(test)]
#[path = "history_beside_session_tests.rs"]
mod tests;
