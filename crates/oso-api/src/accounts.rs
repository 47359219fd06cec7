//! Registration, activation, sign-in, passwords and the profile (`/registrations`,
//! `/activations`, `/sessions`, `/password-resets`, `/me`).
//!
//! Secrets (passwords, codes, link tokens) are [`SecretString`]s: they never show in `Debug`,
//! and only these bodies, field by field, put them on the wire.

use chrono::{DateTime, Utc};
use oso_core::SecretString;
use serde::{Deserialize, Serialize};

use crate::secret_field;

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailOnly {
    pub email: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivationCode {
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub code: SecretString,
}

/// The token of an e-mailed link, as the desktop receives it through its `oso://` URL scheme.
#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkToken {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub token: SecretString,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkPasswordReset {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub token: SecretString,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub new_password: SecretString,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Credentials {
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub password: SecretString,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub current_password: SecretString,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub new_password: SecretString,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "secret_field::expose")]
    pub code: SecretString,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub new_password: SecretString,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordConfirmation {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub password: SecretString,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationForm {
    pub company_name: String,
    pub contact_name: String,
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    #[serde(serialize_with = "secret_field::expose")]
    pub password: SecretString,
    /// The language of e-mails: nl, en or fr.
    pub language: String,
}

/// The profile as shown and as changed. `email` is where OSO's e-mails go (the "default
/// e-mail"); the login address itself stays as registered. The read-only fields are ignored when
/// a profile is sent to be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub email: String,
    pub company_name: String,
    pub contact_name: String,
    /// E.164, e.g. +32470123456; empty or absent for none.
    pub phone: Option<String>,
    pub language: String,
    /// The IANA time zone the dates of this login's e-mails are written in, e.g.
    /// `Europe/Brussels` (the service's default). Empty or absent in a change keeps the current
    /// one, so clients that do not know the field leave it alone.
    #[serde(default)]
    pub time_zone: String,
    /// Read-only: the address used to sign in.
    #[serde(default)]
    pub login_email: String,
    /// Read-only: this login's stable id, the same in the sign-in answer; never reused, and not
    /// the address (clients key what belongs to a login by it: the desktop's drafts and queue).
    #[serde(default)]
    pub user_id: String,
    /// Read-only: when the password must be renewed.
    #[serde(default)]
    pub password_expires_at: Option<DateTime<Utc>>,
    /// Read-only: the password has expired (by the service's clock) and must be renewed first.
    #[serde(default)]
    pub password_expired: bool,
    /// Read-only: whether the login has an OSO password. One made by signing in with the
    /// carrier's account (`/sessions/oidc`) has none: password change, renewal and reset do
    /// not apply to it.
    #[serde(default = "has_password_by_default")]
    pub has_password: bool,
    /// Write-only, and needed only when `email` changes: the current password. The service never
    /// fills it in, so it is never in an answer; a client sends it when it has one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "secret_field::expose_option"
    )]
    // Left out of the OpenAPI document, as it was while the service declared this type with
    // `skip_serializing` (which utoipa reads as "not in the schema"); documenting it is a change
    // of the API description of its own, not part of moving the type.
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub current_password: Option<SecretString>,
}

fn has_password_by_default() -> bool {
    true
}

/// What a successful sign-in hands out. The token is shown once; only its hash is kept.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionGrant {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub token: String,
    pub expires_at: DateTime<Utc>,
    /// When true, the session may only choose a new password (and sign out).
    pub password_expired: bool,
    /// The login's stable id, as `user_id` in its profile (`GET /me`).
    pub user_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_in_a_request_body_goes_on_the_wire_as_plain_text() {
        let body = Credentials {
            email: "ann@zebra.example".to_owned(),
            password: SecretString::new("tall giraffe"),
        };
        assert_eq!(
            serde_json::to_string(&body).expect("serialises"),
            r#"{"email":"ann@zebra.example","password":"tall giraffe"}"#
        );
        assert!(!format!("{body:?}").contains("giraffe"));
    }

    #[test]
    fn a_profile_carries_the_current_password_only_when_there_is_one() {
        let mut profile = Profile {
            email: "ann@zebra.example".to_owned(),
            company_name: "Zebra Parcels BV".to_owned(),
            contact_name: "Ann Peeters".to_owned(),
            phone: None,
            language: "en".to_owned(),
            time_zone: "Europe/Brussels".to_owned(),
            login_email: String::new(),
            user_id: String::new(),
            password_expires_at: None,
            password_expired: false,
            has_password: true,
            current_password: None,
        };
        let json = serde_json::to_value(&profile).expect("serialises");
        assert!(json.get("current_password").is_none());
        profile.current_password = Some(SecretString::new("tall giraffe"));
        let json = serde_json::to_value(&profile).expect("serialises");
        assert_eq!(json["current_password"], "tall giraffe");
    }
}
