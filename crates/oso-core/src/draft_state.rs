//! Where an order made on the desktop stands: being edited, queued for the service, waiting for
//! an eSecure approval, accepted as an order, or refused. The same names are in the desktop
//! database's `CHECK` list, on the Tauri boundary and in the fault suites' verdicts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "sqlx",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum DraftState {
    /// In the wizard; the user may still change it.
    Editing,
    /// Confirmed, queued until the service takes it.
    Waiting,
    /// The account number's administrators were asked; it is sent again once they answer.
    Approval,
    /// The service placed it; the draft holds its order number.
    Accepted,
    /// The service refused it; it can be edited again.
    Refused,
}

/// A state name this version does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown draft state {0:?}")]
pub struct UnknownDraftState(pub String);

impl DraftState {
    pub const ALL: [DraftState; 5] = [
        DraftState::Editing,
        DraftState::Waiting,
        DraftState::Approval,
        DraftState::Accepted,
        DraftState::Refused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DraftState::Editing => "editing",
            DraftState::Waiting => "waiting",
            DraftState::Approval => "approval",
            DraftState::Accepted => "accepted",
            DraftState::Refused => "refused",
        }
    }

    pub fn parse(name: &str) -> Result<Self, UnknownDraftState> {
        Self::ALL
            .into_iter()
            .find(|state| state.as_str() == name)
            .ok_or_else(|| UnknownDraftState(name.to_owned()))
    }

    /// Confirmed by the user: out of the wizard's hands.
    pub fn is_confirmed(self) -> bool {
        self != DraftState::Editing
    }
}

impl std::fmt::Display for DraftState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_reads_back_from_its_name_on_the_wire_and_in_the_database() {
        for state in DraftState::ALL {
            assert_eq!(DraftState::parse(state.as_str()), Ok(state));
            let wire = serde_json::to_string(&state).expect("serialises");
            assert_eq!(wire, format!("\"{}\"", state.as_str()));
        }
    }

    #[test]
    fn a_name_this_version_does_not_know_is_refused() {
        assert!(DraftState::parse("sent").is_err());
    }
}
