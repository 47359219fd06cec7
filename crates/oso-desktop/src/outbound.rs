//! Sending the queue: orders confirmed while the service was away, or waiting for an eSecure
//! approval, go out when their owner is signed in and the service answers.

use std::time::Instant;

use oso_core::DraftState;

use crate::approval_retry::ApprovalRetry;
use crate::client::ServiceClient;
use crate::local::LocalStore;
use crate::ordering::{self, Draft, Sent};
use crate::session::SignedInAs;

/// What became of orders that waited for an eSecure approval, for their owner to be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApprovalNews {
    /// Approved, and now placed as `order_number`.
    Placed {
        order_number: String,
        account_number: String,
    },
    /// Refused for good (rejected, or the account takes no requests from this domain).
    Refused { account_number: String },
}

/// Sends the queue of the login `me`, oldest first, up to the first order the service cannot
/// take now: every waiting order, and the ones waiting for approval when `approval_retry` says
/// they are due. Other logins' orders wait for their owner's session. Returns how many changed
/// state (sent, or refused for good).
pub async fn send_queued(
    client: &ServiceClient,
    local: &LocalStore,
    me: &SignedInAs,
    approval_retry: &ApprovalRetry,
) -> usize {
    send_queued_with_news(client, local, me, approval_retry)
        .await
        .0
}

/// As [`send_queued`], with what became of the orders that waited for an approval.
pub async fn send_queued_with_news(
    client: &ServiceClient,
    local: &LocalStore,
    me: &SignedInAs,
    approval_retry: &ApprovalRetry,
) -> (usize, Vec<ApprovalNews>) {
    let Ok(drafts) = local.drafts(&me.user).await else {
        return (0, Vec::new());
    };
    let approvals_due = drafts
        .iter()
        .any(|draft| draft.state == DraftState::Approval)
        && approval_retry.due(Instant::now());
    let mut changed = 0;
    let mut news = Vec::new();
    // Oldest first: orders go out in the order they were confirmed.
    for stored in drafts.into_iter().rev().filter(|draft| {
        draft.state == DraftState::Waiting || (approvals_due && draft.state == DraftState::Approval)
    }) {
        let Ok(draft) = Draft::from_stored(&stored) else {
            continue;
        };
        let awaiting = stored.state == DraftState::Approval;
        match ordering::send(client, local, me, &stored.id, &draft, awaiting).await {
            Ok(Sent::Waiting) => break,
            Ok(Sent::AwaitingApproval) if awaiting => {}
            Ok(sent) => {
                changed += 1;
                if awaiting {
                    match sent {
                        Sent::Accepted(order_number) => news.push(ApprovalNews::Placed {
                            order_number,
                            account_number: draft.account_number.clone(),
                        }),
                        Sent::Refused(_) => news.push(ApprovalNews::Refused {
                            account_number: draft.account_number.clone(),
                        }),
                        Sent::Waiting | Sent::AwaitingApproval => {}
                    }
                }
            }
            Err(error) => tracing::warn!(%error, "cannot record a sent order"),
        }
    }
    (changed, news)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::owner::UserId;

    /// A service that counts the requests it gets and answers each `503`.
    async fn counting_service() -> (reqwest::Url, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binds");
        let address = listener.local_addr().expect("address");
        let requests = std::sync::Arc::new(AtomicUsize::new(0));
        let counted = requests.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                counted.fetch_add(1, Ordering::SeqCst);
                let mut request = vec![0; 64 * 1024];
                let _ = socket.read(&mut request).await;
                let body = r#"{"code":"service_unavailable","message":"test","fields":{}}"#;
                let answer = format!(
                    "HTTP/1.1 503 X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(answer.as_bytes()).await;
            }
        });
        let url = reqwest::Url::parse(&format!("http://{address}/")).expect("url");
        (url, requests)
    }

    #[tokio::test]
    async fn an_order_waiting_for_approval_is_never_sent_under_the_next_logins_session() {
        use std::sync::atomic::Ordering;
        let dir = tempfile::tempdir().expect("temp dir");
        let local = LocalStore::open(&dir.path().join("local.sqlite3"))
            .await
            .expect("opens");
        let signed_in = |user: &str, token: &str| SignedInAs {
            token: oso_core::SecretString::new(token),
            user: UserId::parse(user).expect("id"),
        };
        let requester = signed_in("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", "requester's");
        let next = signed_in("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2", "next login's");
        let now = chrono::Utc::now();
        for (id, state) in [
            ("waits-for-approval", DraftState::Approval),
            ("waits-for-service", DraftState::Waiting),
        ] {
            local
                .save_draft(&requester.user, id, r#"{"accountNumber":"951234567"}"#, now)
                .await
                .expect("saved");
            local
                .set_draft_state(&requester.user, id, state, None, None, now)
                .await
                .expect("queued");
        }
        let (url, requests) = counting_service().await;
        let client = ServiceClient::new(url).expect("client");

        let changed = send_queued(&client, &local, &next, &ApprovalRetry::default()).await;

        assert_eq!(changed, 0);
        assert_eq!(
            requests.load(Ordering::SeqCst),
            0,
            "nothing sent as the next login"
        );
        send_queued(&client, &local, &requester, &ApprovalRetry::default()).await;
        assert!(
            requests.load(Ordering::SeqCst) > 0,
            "the requester's own session sends them"
        );
        assert_eq!(local.drafts(&requester.user).await.expect("lists").len(), 2);
    }
}
