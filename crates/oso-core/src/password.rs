//! The rules a new password must meet, after NIST SP 800-63B: a generous length range, no
//! composition rules (they push people to `Password1!`), and a refusal of passwords that are
//! known to be common or that repeat the account's own identity.

use std::collections::HashSet;
use std::sync::OnceLock;

pub const MIN_PASSWORD_CHARS: usize = 12;
/// High enough for any passphrase, low enough that hashing a submitted password stays cheap.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Lowercase, one per line; see `data/README.md` for where it comes from.
const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum PasswordProblem {
    #[error("the password is shorter than {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password is longer than {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password is too common")]
    Common,
    #[error("the password repeats the e-mail address or the company name")]
    LikeIdentity,
}

impl PasswordProblem {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "too_short",
            PasswordProblem::TooLong => "too_long",
            PasswordProblem::Common => "common_password",
            PasswordProblem::LikeIdentity => "password_like_identity",
        }
    }
}

/// Checks a password a user chooses, given the e-mail address and company name of the account
/// as typed (they may not be valid yet). Length is counted in Unicode characters and includes
/// spaces, which are allowed anywhere.
pub fn check_new_password(
    password: &str,
    email: &str,
    company_name: &str,
) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    if is_like_identity(password, email, company_name) {
        return Err(PasswordProblem::LikeIdentity);
    }
    if is_common(password) {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

fn normalised(text: &str) -> String {
    text.trim().to_lowercase()
}

fn is_like_identity(password: &str, email: &str, company_name: &str) -> bool {
    let password = normalised(password);
    let email = normalised(email);
    let local_part = email.rsplit_once('@').map_or("", |(local, _)| local);
    let company_name = normalised(company_name);
    [email.as_str(), local_part, company_name.as_str()]
        .iter()
        .any(|identity| !identity.is_empty() && *identity == password)
}

fn common_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        COMMON_PASSWORDS
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
    })
}

/// A password is common when its lowercase form is on the list, or is a list entry repeated
/// and/or followed only by ASCII digits and punctuation (`password1234`, `qwertyqwerty`,
/// `dragon2024!!`). With a 12-character minimum almost every entry is too short on its own, and
/// padding one out in these ways is exactly what attackers' rules try first. Surrounding spaces
/// are ignored for the same reason.
fn is_common(password: &str) -> bool {
    let password = normalised(password);
    let list = common_passwords();
    if list.contains(password.as_str()) {
        return true;
    }
    password
        .char_indices()
        .skip(1)
        .map(|(end, _)| &password[..end])
        .filter(|entry| list.contains(entry))
        .any(|entry| {
            let mut rest = &password[entry.len()..];
            while let Some(after) = rest.strip_prefix(entry) {
                rest = after;
            }
            rest.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EMAIL: &str = "jan.peeters@acme-logistics.be";
    const COMPANY: &str = "Acme Logistics";

    fn check(password: &str) -> Result<(), PasswordProblem> {
        check_new_password(password, EMAIL, COMPANY)
    }

    #[test]
    fn a_long_passphrase_is_accepted() {
        assert_eq!(check("correct horse battery staple"), Ok(()));
        assert_eq!(check("Zeebrugge-haven-7-dozen!"), Ok(()));
    }

    #[test]
    fn twelve_characters_is_the_shortest_password() {
        assert_eq!(check("kW7#pq2!zR4m"), Ok(()));
        assert_eq!(check("kW7#pq2!zR4"), Err(PasswordProblem::TooShort));
        assert_eq!(check(""), Err(PasswordProblem::TooShort));
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert_eq!(check("ééééééééééé"), Err(PasswordProblem::TooShort));
        assert_eq!(check("éèêëàâäôöûüç"), Ok(()));
    }

    #[test]
    fn more_than_128_characters_is_too_long() {
        let longest = "kW7#pq2!zR4m".repeat(10) + "abcdefgh";
        assert_eq!(longest.chars().count(), MAX_PASSWORD_CHARS);
        assert_eq!(check(&longest), Ok(()));
        assert_eq!(check(&format!("{longest}x")), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn no_composition_rules_apply() {
        assert_eq!(check("all lowercase words here"), Ok(()));
        assert_eq!(check("748392016583"), Ok(()));
    }

    #[test]
    fn a_password_on_the_list_is_common_in_any_case() {
        assert_eq!(check("1q2w3e4r5t6y"), Err(PasswordProblem::Common));
        assert_eq!(check("1Q2W3E4R5T6Y"), Err(PasswordProblem::Common));
    }

    #[test]
    fn a_list_entry_padded_with_digits_or_punctuation_is_common() {
        for password in [
            "password1234",
            "Password123!",
            "dragon2024!!!",
            "sunshine.....",
            "  iloveyou12345  ",
        ] {
            assert_eq!(
                check(password),
                Err(PasswordProblem::Common),
                "{password:?}"
            );
        }
    }

    #[test]
    fn a_list_entry_repeated_is_common() {
        for password in ["qwertyqwerty", "monkeymonkeymonkey", "DragonDragon12"] {
            assert_eq!(
                check(password),
                Err(PasswordProblem::Common),
                "{password:?}"
            );
        }
    }

    #[test]
    fn a_list_entry_followed_by_other_words_is_not_common() {
        assert_eq!(check("password for the warehouse"), Ok(()));
        assert_eq!(check("dragonfly meadow"), Ok(()));
    }

    #[test]
    fn a_password_equal_to_the_email_is_refused() {
        assert_eq!(check(EMAIL), Err(PasswordProblem::LikeIdentity));
        assert_eq!(
            check(" JAN.PEETERS@ACME-LOGISTICS.BE "),
            Err(PasswordProblem::LikeIdentity)
        );
    }

    #[test]
    fn a_password_equal_to_the_local_part_of_the_email_is_refused() {
        assert_eq!(check("Jan.Peeters"), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_new_password("jan.peeters.be", "Jan.Peeters.BE@acme.be", COMPANY),
            Err(PasswordProblem::LikeIdentity)
        );
    }

    #[test]
    fn a_password_equal_to_the_company_name_is_refused() {
        assert_eq!(check("acme logistics"), Err(PasswordProblem::LikeIdentity));
    }

    #[test]
    fn empty_identities_match_nothing() {
        assert_eq!(check_new_password("kW7#pq2!zR4m", "", ""), Ok(()));
        assert_eq!(check_new_password("            ", "  ", "   "), Ok(()));
    }

    #[test]
    fn the_embedded_list_has_at_least_ten_thousand_distinct_lowercase_entries() {
        let list = common_passwords();
        assert!(list.len() >= 10_000, "only {} entries", list.len());
        assert!(list
            .iter()
            .all(|entry| *entry == entry.to_lowercase() && *entry == entry.trim()));
    }

    #[test]
    fn every_problem_has_a_stable_field_code() {
        assert_eq!(PasswordProblem::TooShort.field_code(), "too_short");
        assert_eq!(PasswordProblem::TooLong.field_code(), "too_long");
        assert_eq!(PasswordProblem::Common.field_code(), "common_password");
        assert_eq!(
            PasswordProblem::LikeIdentity.field_code(),
            "password_like_identity"
        );
    }

    proptest! {
        #[test]
        fn checking_printable_text_never_panics(
            password in "\\PC*",
            email in "\\PC*",
            company in "\\PC*",
        ) {
            let _ = check_new_password(&password, &email, &company);
        }

        #[test]
        fn checking_any_string_never_panics_and_respects_the_length_range(
            password in any::<String>(),
        ) {
            let chars = password.chars().count();
            match check_new_password(&password, EMAIL, COMPANY) {
                Err(PasswordProblem::TooShort) => prop_assert!(chars < MIN_PASSWORD_CHARS),
                Err(PasswordProblem::TooLong) => prop_assert!(chars > MAX_PASSWORD_CHARS),
                _ => prop_assert!((MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars)),
            }
        }

        #[test]
        fn a_common_password_padded_with_digits_is_always_common(
            index in 0usize..30_000,
            digits in "[0-9]{12}",
        ) {
            let entry = COMMON_PASSWORDS.lines().nth(index).expect("30,000 lines");
            let padded: String = format!("{entry}{digits}").chars().take(MAX_PASSWORD_CHARS).collect();
            prop_assert_eq!(check_new_password(&padded, "", ""), Err(PasswordProblem::Common));
        }
    }
}
