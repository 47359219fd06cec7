//! Who a draft, a queued order or an offline copy on this desktop belongs to: the signed-in
//! login's stable id from the service (`user_id` in the sign-in answer and in `GET /me`). Never
//! the e-mail address, which "forget me" frees for a new, unrelated login.

use std::fmt;

/// A login's stable id as the service names it (today 32 hex digits; read as opaque text).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct UserId(String);

#[derive(Debug, thiserror::Error)]
#[error("the service named the login by an id this desktop cannot keep: {0:?}")]
pub struct InvalidUserId(String);

impl UserId {
    /// The longest id kept (the service's are 32 characters).
    const MAX_CHARS: usize = 64;

    pub fn parse(text: &str) -> Result<Self, InvalidUserId> {
        let fits = !text.is_empty()
            && text.len() <= Self::MAX_CHARS
            && text
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_'));
        if fits {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidUserId(text.chars().take(Self::MAX_CHARS).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Not a secret, but it says nothing useful in a log line either; its first characters tell two
// logins apart when reading one.
impl fmt::Debug for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UserId({}…)", &self.0[..self.0.len().min(6)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_services_ids_are_kept_and_anything_else_is_refused() {
        let id = UserId::parse("0123456789abcdef0123456789abcdef").expect("the service's form");
        assert_eq!(id.as_str(), "0123456789abcdef0123456789abcdef");
        for refused in ["", " ", "ann@zebra.example", "a/b", &"x".repeat(65)] {
            assert!(UserId::parse(refused).is_err(), "{refused:?}");
        }
    }
}
