//! What more than one area of the service answers with, kept outside all of them so that none
//! has to import another's errors (accounts' error carries eSecure's refusal, and eSecure
//! imports accounts).

/// Why eSecure refuses a user the use of a protected number (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    ApprovalPending,
    ApprovalRejected,
    AccessRefused,
}
