//! Drafts and the outbound queue, in the desktop's own database (synchronous = FULL): what the
//! user typed survives a crash, and a confirmed order waits here until the service takes it.

use chrono::{DateTime, Utc};

use super::{LocalStore, LocalStoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub id: String,
    pub body: String,
    pub state: String,
    pub order_number: Option<String>,
    pub refusal: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl LocalStore {
    /// Saves the wizard's state of an order still being edited (a refused one becomes editable
    /// again). `false` when the order is queued or accepted and can no longer change.
    #[tracing::instrument(skip_all, err)]
    pub async fn save_draft(
        &self,
        id: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, LocalStoreError> {
        let done = sqlx::query!(
            "INSERT INTO drafts (id, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
                                            state = 'editing', refusal = NULL
             WHERE drafts.state IN ('editing', 'refused')",
            id,
            body,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn draft(&self, id: &str) -> Result<Option<StoredDraft>, LocalStoreError> {
        Ok(sqlx::query_as!(
            StoredDraft,
            r#"SELECT id, body, state, order_number, refusal, updated_at AS "updated_at: DateTime<Utc>"
               FROM drafts WHERE id = ?1"#,
            id
        )
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every draft and queued order, newest first.
    pub async fn drafts(&self) -> Result<Vec<StoredDraft>, LocalStoreError> {
        Ok(sqlx::query_as!(
            StoredDraft,
            r#"SELECT id, body, state, order_number, refusal, updated_at AS "updated_at: DateTime<Utc>"
               FROM drafts ORDER BY updated_at DESC"#
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn discard_draft(&self, id: &str) -> Result<bool, LocalStoreError> {
        let done = sqlx::query!(
            "DELETE FROM drafts WHERE id = ?1 AND state IN ('editing', 'refused', 'accepted')",
            id
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Withdraws an order that waits for the account administrators' approval: it was never
    /// placed, so the user may give up on it. (A plain runtime statement: it reads no columns,
    /// so compile-time checking would add nothing but an entry in the shared `.sqlx/`.)
    pub async fn withdraw_awaiting_approval(&self, id: &str) -> Result<bool, LocalStoreError> {
        let done = sqlx::query("DELETE FROM drafts WHERE id = ?1 AND state = 'approval'")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Moves a draft to `state` ('waiting', 'approval', 'accepted', 'refused' or back to
    /// 'editing').
    pub async fn set_draft_state(
        &self,
        id: &str,
        state: &str,
        order_number: Option<&str>,
        refusal: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), LocalStoreError> {
        sqlx::query!(
            "UPDATE drafts SET state = ?2, order_number = ?3, refusal = ?4, updated_at = ?5 WHERE id = ?1",
            id,
            state,
            order_number,
            refusal,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_draft_is_kept_across_reopening_and_a_queued_one_is_no_longer_editable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("local.sqlite3");
        let store = LocalStore::open(&path).await.expect("opens");
        let now = Utc::now();
        assert!(store
            .save_draft("draft-1", r#"{"step":2}"#, now)
            .await
            .expect("saves"));
        drop(store);

        let store = LocalStore::open(&path).await.expect("reopens");
        let draft = store.draft("draft-1").await.expect("reads").expect("kept");
        assert_eq!(draft.body, r#"{"step":2}"#);
        assert_eq!(draft.state, "editing");

        store
            .set_draft_state("draft-1", "waiting", None, None, now)
            .await
            .expect("queued");
        assert!(!store
            .save_draft("draft-1", r#"{"step":3}"#, now)
            .await
            .expect("answers"));
        assert_eq!(
            store
                .draft("draft-1")
                .await
                .expect("reads")
                .expect("kept")
                .body,
            r#"{"step":2}"#
        );
        assert!(
            !store.discard_draft("draft-1").await.expect("answers"),
            "a waiting order stays"
        );
        assert!(
            !store
                .withdraw_awaiting_approval("draft-1")
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
        store.save_draft("d", "{}", now).await.expect("saves");
        store
            .set_draft_state(
                "d",
                "approval",
                None,
                Some(r#"{"code":"approval_pending"}"#),
                now,
            )
            .await
            .expect("the new state is allowed");
        assert!(!store.save_draft("d", "{}", now).await.expect("answers"));
        assert_eq!(
            store.draft("d").await.expect("reads").expect("kept").state,
            "approval"
        );
        assert!(store
            .withdraw_awaiting_approval("d")
            .await
            .expect("deletes"));
        assert!(store.draft("d").await.expect("reads").is_none());
    }
}
