//! Drafts and the outbound queue, in the desktop's own database (synchronous = FULL): what the
//! user typed survives a crash, and a confirmed order waits here until the service takes it.
//! Every row belongs to the login that made it ([`UserId`]); every statement here names the
//! owner, so another login's drafts are neither read, changed nor sent.

use chrono::{DateTime, Utc};
use oso_core::DraftState;

use super::{LocalStore, LocalStoreError};
use crate::owner::UserId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub id: String,
    pub body: String,
    pub state: DraftState,
    pub order_number: Option<String>,
    pub refusal: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl LocalStore {
    /// Saves the wizard's state of an order still being edited (a refused one becomes editable
    /// again). `false` when the order is queued or accepted and can no longer change, or when
    /// the id is another login's.
    #[tracing::instrument(skip_all, err)]
    pub async fn save_draft(
        &self,
        owner: &UserId,
        id: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, LocalStoreError> {
        let owner = owner.as_str();
        let done = sqlx::query!(
            "INSERT INTO drafts (id, owner, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
                                            state = 'editing', refusal = NULL
             WHERE drafts.state IN ('editing', 'refused') AND drafts.owner = excluded.owner",
            id,
            owner,
            body,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn draft(
        &self,
        owner: &UserId,
        id: &str,
    ) -> Result<Option<StoredDraft>, LocalStoreError> {
        let owner = owner.as_str();
        Ok(sqlx::query_as!(
            StoredDraft,
            r#"SELECT id, body, state AS "state: DraftState", order_number, refusal,
                      updated_at AS "updated_at: DateTime<Utc>"
               FROM drafts WHERE id = ?1 AND owner = ?2"#,
            id,
            owner
        )
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every draft and queued order of `owner`, newest first.
    pub async fn drafts(&self, owner: &UserId) -> Result<Vec<StoredDraft>, LocalStoreError> {
        let owner = owner.as_str();
        Ok(sqlx::query_as!(
            StoredDraft,
            r#"SELECT id, body, state AS "state: DraftState", order_number, refusal,
                      updated_at AS "updated_at: DateTime<Utc>"
               FROM drafts WHERE owner = ?1 ORDER BY updated_at DESC"#,
            owner
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn discard_draft(&self, owner: &UserId, id: &str) -> Result<bool, LocalStoreError> {
        let owner = owner.as_str();
        let done = sqlx::query!(
            "DELETE FROM drafts
             WHERE id = ?1 AND owner = ?2 AND state IN ('editing', 'refused', 'accepted')",
            id,
            owner
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Withdraws an order that waits for the account administrators' approval: it was never
    /// placed, so the user may give up on it.
    pub async fn withdraw_awaiting_approval(
        &self,
        owner: &UserId,
        id: &str,
    ) -> Result<bool, LocalStoreError> {
        let owner = owner.as_str();
        let done = sqlx::query!(
            "DELETE FROM drafts WHERE id = ?1 AND owner = ?2 AND state = 'approval'",
            id,
            owner
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Moves a draft of `owner` to `state`.
    pub async fn set_draft_state(
        &self,
        owner: &UserId,
        id: &str,
        state: DraftState,
        order_number: Option<&str>,
        refusal: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), LocalStoreError> {
        let owner = owner.as_str();
        sqlx::query!(
            "UPDATE drafts SET state = ?3, order_number = ?4, refusal = ?5, updated_at = ?6
             WHERE id = ?1 AND owner = ?2",
            id,
            owner,
            state,
            order_number,
            refusal,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// "Forget me": every draft and queued order of `owner` goes (other logins' stay).
    pub async fn forget_drafts_of(&self, owner: &UserId) -> Result<(), LocalStoreError> {
        let owner = owner.as_str();
        sqlx::query!("DELETE FROM drafts WHERE owner = ?1", owner)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann() -> UserId {
        UserId::parse("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1").expect("id")
    }

    #[tokio::test]
    async fn a_draft_is_kept_across_reopening_and_a_queued_one_is_no_longer_editable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("local.sqlite3");
        let store = LocalStore::open(&path).await.expect("opens");
        let now = Utc::now();
        assert!(store
            .save_draft(&ann(), "draft-1", r#"{"step":2}"#, now)
            .await
            .expect("saves"));
        drop(store);

        let store = LocalStore::open(&path).await.expect("reopens");
        let draft = store
            .draft(&ann(), "draft-1")
            .await
            .expect("reads")
            .expect("kept");
        assert_eq!(draft.body, r#"{"step":2}"#);
        assert_eq!(draft.state, DraftState::Editing);

        store
            .set_draft_state(&ann(), "draft-1", DraftState::Waiting, None, None, now)
            .await
            .expect("queued");
        assert!(!store
            .save_draft(&ann(), "draft-1", r#"{"step":3}"#, now)
            .await
            .expect("answers"));
        assert_eq!(
            store
                .draft(&ann(), "draft-1")
                .await
                .expect("reads")
                .expect("kept")
                .body,
            r#"{"step":2}"#
        );
        assert!(
            !store
                .discard_draft(&ann(), "draft-1")
                .await
                .expect("answers"),
            "a waiting order stays"
        );
        assert!(
            !store
                .withdraw_awaiting_approval(&ann(), "draft-1")
                .await
                .expect("answers"),
            "only an order waiting for approval can be withdrawn"
        );
    }

    #[tokio::test]
    async fn an_order_waiting_for_approval_stays_queued_until_withdrawn() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = LocalStore::open(&dir.path().join("local.sqlite3"))
            .await
            .expect("opens");
        let now = Utc::now();
        store
            .save_draft(&ann(), "d", "{}", now)
            .await
            .expect("saves");
        store
            .set_draft_state(
                &ann(),
                "d",
                DraftState::Approval,
                None,
                Some(r#"{"code":"approval_pending"}"#),
                now,
            )
            .await
            .expect("the new state is allowed");
        assert!(!store
            .save_draft(&ann(), "d", "{}", now)
            .await
            .expect("answers"));
        assert_eq!(
            store
                .draft(&ann(), "d")
                .await
                .expect("reads")
                .expect("kept")
                .state,
            DraftState::Approval
        );
        assert!(store
            .withdraw_awaiting_approval(&ann(), "d")
            .await
            .expect("deletes"));
        assert!(store.draft(&ann(), "d").await.expect("reads").is_none());
    }
}

#[cfg(test)]
mod ownership {
    use super::*;

    #[tokio::test]
    async fn another_login_can_neither_list_open_change_discard_nor_forget_a_draft() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = LocalStore::open(&dir.path().join("local.sqlite3"))
            .await
            .expect("opens");
        let (ann, bob) = (
            UserId::parse("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1").expect("id"),
            UserId::parse("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2").expect("id"),
        );
        let now = Utc::now();
        assert!(store
            .save_draft(&ann, "ann-1", r#"{"accountNumber":"951234567"}"#, now)
            .await
            .expect("saves"));
        store
            .set_draft_state(&ann, "ann-1", DraftState::Approval, None, None, now)
            .await
            .expect("queued");

        assert!(store.drafts(&bob).await.expect("lists").is_empty());
        assert!(store.draft(&bob, "ann-1").await.expect("reads").is_none());
        assert!(
            !store
                .save_draft(&bob, "ann-1", "{}", now)
                .await
                .expect("answers"),
            "the same id under another login changes nothing"
        );
        store
            .set_draft_state(&bob, "ann-1", DraftState::Editing, None, None, now)
            .await
            .expect("answers");
        assert!(!store.discard_draft(&bob, "ann-1").await.expect("answers"));
        assert!(!store
            .withdraw_awaiting_approval(&bob, "ann-1")
            .await
            .expect("answers"));
        store.forget_drafts_of(&bob).await.expect("forgets");

        let kept = store.drafts(&ann).await.expect("lists");
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].state, DraftState::Approval);
        assert_eq!(kept[0].body, r#"{"accountNumber":"951234567"}"#);
    }
}
