//! The order wizard's drafts, their checks, placing them, and the outbound queue that sends
//! orders confirmed while the service was away.

use oso_core::DraftState;
use std::collections::BTreeMap;

use chrono::Utc;
use oso_core::{check_order_lines, AccountNumber, Address, AddressInput, FieldErrors, Sold};
use serde::{Deserialize, Serialize};

use crate::catalogue::IndexedCatalogue;
use crate::client::{ClientError, ServiceClient};
use crate::local::{LocalStore, LocalStoreError, StoredDraft};
use crate::session::SignedInAs;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftLine {
    pub sku: String,
    pub packs: u32,
}

/// The wizard's state, as the UI sends and gets it, and as the local store keeps it (bodies kept
/// in camelCase by older versions are renamed by the local store's migrations).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Draft {
    pub id: Option<String>,
    pub step: u8,
    pub account_number: String,
    pub save_account_number: bool,
    pub account_name: String,
    pub address_book_id: Option<i64>,
    pub address: AddressInput,
    pub save_address: bool,
    pub lines: Vec<DraftLine>,
    pub updated_at: Option<String>,
}

impl Draft {
    pub fn from_stored(stored: &StoredDraft) -> Result<Self, LocalStoreError> {
        let mut draft: Draft = serde_json::from_str(&stored.body)
            .map_err(|error| LocalStoreError::Corrupt(error.to_string()))?;
        draft.id = Some(stored.id.clone());
        draft.updated_at = Some(stored.updated_at.to_rfc3339());
        Ok(draft)
    }

    /// Whether the user typed anything worth offering to resume.
    pub fn has_content(&self) -> bool {
        !self.account_number.trim().is_empty()
            || !self.lines.is_empty()
            || !self.address.company.trim().is_empty()
    }
}

/// A new draft id: 128 random bits in hex, also the order's idempotency key at the service.
pub fn new_draft_id() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The refused fields of one wizard step (1, 2 or 3), by the same rules the service applies.
pub fn check_step(
    step: u8,
    draft: &Draft,
    catalogue: Option<&IndexedCatalogue>,
) -> BTreeMap<String, String> {
    let mut fields = FieldErrors::new();
    match step {
        1 => {
            fields.check(
                "account_number",
                AccountNumber::parse(&draft.account_number),
                |error| error.field_code(),
            );
        }
        2 => {
            if let Err(problems) = Address::parse(&draft.address) {
                fields.nest("address", problems);
            }
        }
        3 => {
            let lines: Vec<(&str, u32)> = draft
                .lines
                .iter()
                .map(|line| (line.sku.as_str(), line.packs))
                .collect();
            let sold = |sku: &str| match catalogue {
                None => Sold::Unknown,
                Some(catalogue) => match catalogue
                    .catalogue
                    .items
                    .iter()
                    .find(|item| item.sku == sku)
                {
                    Some(item) => Sold::Yes {
                        max_packs: item.max_packs_per_order,
                    },
                    None => Sold::No,
                },
            };
            let order_max = catalogue.map(|catalogue| catalogue.catalogue.order_max_packs);
            fields.extend(check_order_lines(&lines, sold, order_max));
        }
        _ => {}
    }
    fields.into_map()
}

/// eSecure: the account's administrators were asked to approve this user (the order waits).
pub const APPROVAL_PENDING: &str = "approval_pending";

/// Answers that refuse nothing about the order itself: the service failed or is busy, or the
/// session must be renewed first. Such an order stays queued and goes out later; only a refusal
/// of the order (its fields, eSecure's decision) is for good. (An `internal` answer used to mark
/// it refused, and it was never sent: the crash suite lost orders to it.)
fn says_nothing_about_the_order(code: oso_api::ErrorCode) -> bool {
    use oso_api::ErrorCode;
    matches!(
        code,
        ErrorCode::Internal
            | ErrorCode::ServiceUnavailable
            | ErrorCode::RateLimited
            | ErrorCode::Unauthenticated
            | ErrorCode::PasswordExpired
    )
}

/// What became of an attempt to send a queued order.
#[derive(Debug)]
pub enum Sent {
    Accepted(String),
    /// The service cannot be reached: it stays in the queue.
    Waiting,
    /// eSecure: it stays in the queue, as 'approval', until the administrators decide.
    AwaitingApproval,
    /// Refused for good (eSecure's `approval_rejected` and `access_refused` included).
    Refused(oso_api::ErrorBody),
}

/// Confirms a checked draft: it joins the queue (on disk before anything is sent, so a crash from
/// here on loses nothing) and is sent at once; when the service cannot take it now it stays
/// queued for [`crate::outbound::send_queued`].
pub async fn confirm(
    client: &ServiceClient,
    local: &LocalStore,
    me: &SignedInAs,
    id: &str,
    draft: &Draft,
) -> Result<Sent, LocalStoreError> {
    local
        .set_draft_state(&me.user, id, DraftState::Waiting, None, None, Utc::now())
        .await?;
    send(client, local, me, id, draft, false).await
}

/// Sends one confirmed draft to the service with its id as idempotency key, and records what
/// happened. Safe to repeat: the service answers a known key with the order placed first, and
/// an order refused while waiting for approval was never placed, so it goes through exactly once
/// when approved. `awaiting` says the draft already waits for approval (not written again, so its
/// "last changed" time stays when it was queued). Only ever called with the draft's owner's
/// session (`me`): an order is placed under the login that made it, or not at all.
pub async fn send(
    client: &ServiceClient,
    local: &LocalStore,
    me: &SignedInAs,
    id: &str,
    draft: &Draft,
    awaiting: bool,
) -> Result<Sent, LocalStoreError> {
    let body = oso_api::orders::OrderRequest {
        idempotency_key: id.to_owned(),
        account_number: draft.account_number.clone(),
        address: draft.address.clone(),
        lines: draft
            .lines
            .iter()
            .map(|line| oso_api::orders::OrderLine {
                sku: line.sku.clone(),
                packs: line.packs,
            })
            .collect(),
    };
    let now = Utc::now();
    match client.place_order(&me.token, &body).await {
        Ok(order_number) => {
            local
                .set_draft_state(
                    &me.user,
                    id,
                    DraftState::Accepted,
                    Some(&order_number),
                    None,
                    now,
                )
                .await?;
            remember_after_placing(client, local, me, draft, now).await;
            Ok(Sent::Accepted(order_number))
        }
        Err(ClientError::Unreachable(_)) => Ok(Sent::Waiting),
        Err(ClientError::Refused(body)) if says_nothing_about_the_order(body.code) => {
            tracing::warn!(
                code = body.code.as_str(),
                "the service did not take a queued order now; it stays queued"
            );
            Ok(Sent::Waiting)
        }
        Err(ClientError::Refused(body)) if body.code.as_str() == APPROVAL_PENDING => {
            if !awaiting {
                let refusal = serde_json::to_string(&body).unwrap_or_default();
                local
                    .set_draft_state(
                        &me.user,
                        id,
                        DraftState::Approval,
                        None,
                        Some(&refusal),
                        now,
                    )
                    .await?;
            }
            Ok(Sent::AwaitingApproval)
        }
        Err(ClientError::Refused(body)) => {
            let refusal = serde_json::to_string(&body).unwrap_or_default();
            local
                .set_draft_state(&me.user, id, DraftState::Refused, None, Some(&refusal), now)
                .await?;
            Ok(Sent::Refused(body))
        }
        Err(other) => {
            tracing::warn!(error = %other, "sending a queued order failed; it stays queued");
            Ok(Sent::Waiting)
        }
    }
}

/// Once an order is placed (at once or later from the queue): its address is where the next
/// order starts, and a "save for next time" the wizard could not do yet (offline when the step
/// was left) is done now. A failure here never touches the order.
async fn remember_after_placing(
    client: &ServiceClient,
    local: &LocalStore,
    me: &SignedInAs,
    draft: &Draft,
    now: chrono::DateTime<Utc>,
) {
    if let Err(error) = local.set_last_address(&me.user, &draft.address, now).await {
        tracing::warn!(%error, "cannot keep the order's address for the next order");
    }
    if draft.save_account_number {
        if let Err(error) = client
            .save_account_number(&me.token, &draft.account_number, &draft.account_name)
            .await
        {
            tracing::warn!(%error, "could not save the account number for next time");
        }
    }
    if draft.save_address && draft.address_book_id.is_none() {
        if let Err(error) = client.add_address(&me.token, &draft.address).await {
            tracing::warn!(%error, "could not save the address to the address book");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_crosses_to_the_ui_in_snake_case() {
        let shown = serde_json::to_value(draft()).expect("serialises");
        assert_eq!(shown["account_number"], "951 234 567");
        assert_eq!(shown["address"]["contact_person"], "Ann");
        assert_eq!(shown["address"]["postal_code"], "2000");
        assert!(shown.get("accountNumber").is_none(), "{shown}");
    }

    fn draft() -> Draft {
        Draft {
            account_number: "951 234 567".into(),
            address: AddressInput {
                company: "Zebra".into(),
                contact_person: "Ann".into(),
                street: "Meir".into(),
                number: "1".into(),
                postal_code: "2000".into(),
                city: "Antwerpen".into(),
                country: "BE".into(),
                phone: "03 223 45 67".into(),
                ..AddressInput::default()
            },
            ..Draft::default()
        }
    }

    #[test]
    fn each_step_is_checked_by_the_services_rules() {
        let mut draft = draft();
        assert!(check_step(1, &draft, None).is_empty());
        assert!(check_step(2, &draft, None).is_empty());
        assert_eq!(check_step(3, &draft, None)["lines"], "required");

        draft.account_number = "12".into();
        draft.address.postal_code = "20".into();
        assert_eq!(
            check_step(1, &draft, None)["account_number"],
            "invalid_account_number"
        );
        assert_eq!(
            check_step(2, &draft, None)["address.postal_code"],
            "invalid_postal_code"
        );
    }

    #[test]
    fn quantities_over_the_catalogue_limits_are_named_never_reduced() {
        let catalogue =
            oso_service::catalogue::parse(oso_service::catalogue::SHIPPED).expect("shipped");
        let item = catalogue.items[0].clone();
        let indexed = IndexedCatalogue::new(catalogue);
        let mut draft = draft();
        draft.lines = vec![DraftLine {
            sku: item.sku.clone(),
            packs: item.max_packs_per_order + 1,
        }];
        let fields = check_step(3, &draft, Some(&indexed));
        assert_eq!(fields[&format!("lines.{}", item.sku)], "over_item_maximum");
        assert_eq!(draft.lines[0].packs, item.max_packs_per_order + 1);
    }

    #[test]
    fn the_same_item_on_two_lines_is_refused_as_the_service_refuses_it_even_offline() {
        let mut draft = draft();
        let line = DraftLine {
            sku: "ENV-DL-50".into(),
            packs: 1,
        };
        draft.lines = vec![line.clone(), line];
        assert_eq!(check_step(3, &draft, None)["lines.ENV-DL-50"], "duplicate");
    }

    /// A service that answers every request with `status` and the error `code`.
    async fn service_answering(status: u16, code: &str) -> reqwest::Url {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binds");
        let address = listener.local_addr().expect("address");
        let body = format!(r#"{{"code":"{code}","message":"test","fields":{{}}}}"#);
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let mut request = vec![0; 64 * 1024];
                let _ = socket.read(&mut request).await;
                let answer = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(answer.as_bytes()).await;
            }
        });
        reqwest::Url::parse(&format!("http://{address}/")).expect("url")
    }

    fn ann() -> SignedInAs {
        SignedInAs {
            token: oso_core::SecretString::new("token"),
            user: crate::owner::UserId::parse("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1").expect("id"),
        }
    }

    async fn queued(local: &LocalStore) -> Draft {
        let draft = Draft {
            lines: vec![DraftLine {
                sku: "ENV-DL-50".into(),
                packs: 1,
            }],
            ..draft()
        };
        let body = serde_json::to_string(&draft).expect("json");
        local
            .save_draft(&ann().user, "d", &body, Utc::now())
            .await
            .expect("saved");
        local
            .set_draft_state(
                &ann().user,
                "d",
                DraftState::Waiting,
                None,
                None,
                Utc::now(),
            )
            .await
            .expect("queued");
        draft
    }

    #[tokio::test]
    async fn a_queued_order_the_service_failed_on_stays_queued_and_a_refused_one_does_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let local = LocalStore::open(&dir.path().join("local.sqlite3"))
            .await
            .expect("opens");
        let me = ann();
        for (status, code) in [
            (500, "internal"),
            (503, "service_unavailable"),
            (429, "rate_limited"),
            (401, "unauthenticated"),
        ] {
            let draft = queued(&local).await;
            let client = ServiceClient::new(service_answering(status, code).await).expect("client");
            let sent = send(&client, &local, &me, "d", &draft, false)
                .await
                .expect("recorded");
            assert!(matches!(sent, Sent::Waiting), "{code}: {sent:?}");
            let stored = local
                .draft(&me.user, "d")
                .await
                .expect("reads")
                .expect("kept");
            assert_eq!(stored.state, DraftState::Waiting, "{code}");
        }

        let draft = queued(&local).await;
        let client =
            ServiceClient::new(service_answering(422, "validation_failed").await).expect("client");
        let sent = send(&client, &local, &me, "d", &draft, false)
            .await
            .expect("recorded");
        assert!(matches!(sent, Sent::Refused(_)), "{sent:?}");
        let stored = local
            .draft(&me.user, "d")
            .await
            .expect("reads")
            .expect("kept");
        assert_eq!(stored.state, DraftState::Refused);
    }

    #[test]
    fn draft_ids_are_valid_idempotency_keys_and_differ() {
        let (first, second) = (new_draft_id(), new_draft_id());
        assert_eq!(first.len(), 32);
        assert!(first.bytes().all(|byte| byte.is_ascii_hexdigit()));
        assert_ne!(first, second);
    }
}
