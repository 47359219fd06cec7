//! Random secrets for sessions and one-time links and codes: from the OS CSPRNG, handed out once,
//! stored only as SHA-256 hashes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::{Digest, Sha256};

use oso_core::SecretString;

/// Letters and digits that cannot be mistaken for each other when typed from an e-mail.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH: usize = 8;

/// 256 random bits, URL-safe: session tokens and e-mailed links.
pub fn new_token() -> SecretString {
    let mut bytes = [0_u8; 32];
    OsRng.fill_bytes(&mut bytes);
    SecretString::new(URL_SAFE_NO_PAD.encode(bytes))
}

/// An 8-character code to type into the app (40 bits; tries are limited), shown as `K7QM-4XPA`.
pub fn new_code() -> SecretString {
    let mut code = String::with_capacity(CODE_LENGTH + 1);
    for index in 0..CODE_LENGTH {
        if index == CODE_LENGTH / 2 {
            code.push('-');
        }
        // Rejection sampling keeps every character equally likely.
        let character = loop {
            let byte = (OsRng.next_u32() & 0xFF) as u8;
            if usize::from(byte) < 256 - 256 % CODE_ALPHABET.len() {
                break CODE_ALPHABET[usize::from(byte) % CODE_ALPHABET.len()];
            }
        };
        code.push(char::from(character));
    }
    SecretString::new(code)
}

/// A typed code as the hash expects it: upper case, without spaces or dashes.
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|character| character.is_ascii_alphanumeric())
        .map(|character| character.to_ascii_uppercase())
        .collect()
}

/// What is stored instead of a token or code.
pub fn hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

pub fn hash_code(code: &str) -> Vec<u8> {
    hash(&normalize_code(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_256_bits_and_differ_every_time() {
        let first = new_token();
        let second = new_token();
        assert_eq!(
            URL_SAFE_NO_PAD
                .decode(first.expose())
                .expect("base64")
                .len(),
            32
        );
        assert_ne!(first, second);
    }

    #[test]
    fn a_code_is_eight_unambiguous_characters_in_two_groups() {
        let code = new_code();
        let text = code.expose();
        assert_eq!(text.len(), 9);
        assert_eq!(&text[4..5], "-");
        assert!(normalize_code(text)
            .bytes()
            .all(|byte| CODE_ALPHABET.contains(&byte)));
    }

    #[test]
    fn a_code_typed_loosely_hashes_like_the_original() {
        assert_eq!(hash_code("K7QM-4XPA"), hash_code(" k7qm 4xpa "));
        assert_ne!(hash_code("K7QM-4XPA"), hash_code("K7QM-4XPB"));
    }
}
