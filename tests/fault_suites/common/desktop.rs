//! The desktop side of the fault suites: a signed-in user through the desktop's own client, and
//! drafts as the wizard makes them, each carrying its revision.

use std::path::Path;

use oso_core::AddressInput;
use oso_core::SecretString;
use oso_desktop::client::ServiceClient;
use oso_desktop::local::StoredDraft;
use oso_desktop::ordering::{Draft, DraftLine};
use oso_desktop::session::SignedInAs;

const PASSWORD: &str = "tall giraffe eats blue kites";
const SKUS: [&str; 3] = ["ENV-DL-50", "ENV-C5-50", "ENV-C4-25"];

/// Registers, activates (code from the outbox) and signs in `email` through the real API: its
/// session and login, which its drafts and queued orders belong to.
pub async fn signed_in(client: &ServiceClient, outbox: &Path, email: &str) -> SignedInAs {
    client
        .register(&oso_api::accounts::RegistrationForm {
            company_name: "Zebra Parcels BV".to_owned(),
            contact_name: "Ann Peeters".to_owned(),
            email: email.to_owned(),
            password: SecretString::new(PASSWORD),
            language: "en".to_owned(),
        })
        .await
        .expect("registered");
    let code = oso_service::mail::outbox::newest_code_for(outbox, "activation", email)
        .expect("outbox")
        .expect("activation code");
    client.activate(email, &code).await.expect("activated");
    let grant = client
        .sign_in(email, &SecretString::new(PASSWORD))
        .await
        .expect("signed in");
    SignedInAs {
        token: grant.token,
        user: grant.user,
    }
}

/// A complete draft (it passes every step's check) at `revision`, which it carries in its
/// account name so a reader can tell which save it is.
pub fn draft(id: Option<String>, revision: u64) -> Draft {
    let index = usize::try_from(revision).unwrap_or(0);
    Draft {
        id,
        step: 3,
        account_number: "951234567".into(),
        account_name: format!("rev {revision}"),
        address: AddressInput {
            company: "Zebra Parcels BV".into(),
            contact_person: "Ann Peeters".into(),
            street: "Meir".into(),
            number: "1".into(),
            postal_code: "2000".into(),
            city: "Antwerpen".into(),
            country: "BE".into(),
            phone: "03 223 45 67".into(),
            driver_note: format!("revision {revision}"),
            ..AddressInput::default()
        },
        lines: vec![DraftLine {
            sku: SKUS[index % SKUS.len()].into(),
            packs: 1 + (revision % 5) as u32,
        }],
        ..Draft::default()
    }
}

/// The revision a stored draft carries; `None` when it does not read as a draft.
pub fn revision_of(stored: &StoredDraft) -> Option<u64> {
    let draft = Draft::from_stored(stored).ok()?;
    draft.account_name.strip_prefix("rev ")?.parse().ok()
}
