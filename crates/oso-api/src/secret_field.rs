//! Sending a secret: `SecretString` refuses to be serialised, so that it never ends up in a log
//! or an answer by accident. A request body that must carry one (a password, a code) names this
//! function on that field, which is the one deliberate place it is exposed.

use oso_core::SecretString;
use serde::Serializer;

pub(crate) fn expose<S: Serializer>(
    secret: &SecretString,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose())
}

pub(crate) fn expose_option<S: Serializer>(
    secret: &Option<SecretString>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match secret {
        Some(secret) => serializer.serialize_some(secret.expose()),
        None => serializer.serialize_none(),
    }
}
