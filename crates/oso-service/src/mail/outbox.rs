//! Reading the outbox back: what a person (or a test) does to find the code or link in a mail
//! written while no SMTP server is configured.

/// Undoes quoted-printable soft line breaks and `=XX` escapes, as written by [`super::Mailer`].
pub fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'=' && index + 2 < bytes.len() {
            if let Ok(value) = u8::from_str_radix(&joined[index + 1..index + 3], 16) {
                out.push(value);
                index += 3;
                continue;
            }
        }
        out.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first activation or reset code (`K7QM-4XPA`) in a decoded mail.
pub fn find_code(mail: &str) -> Option<String> {
    mail.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-'))
        .find(|word| {
            word.len() == 9
                && word.as_bytes()[4] == b'-'
                && word
                    .chars()
                    .filter(|c| *c != '-')
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
        .map(str::to_owned)
}

/// The token of the first link to `path` (`/activate`, `/reset-password`) in a decoded mail: what
/// the link's page and the app's `oso://` URL carry.
pub fn find_link_token(mail: &str, path: &str) -> Option<String> {
    let marker = format!("{path}?token=");
    let start = mail.find(&marker)? + marker.len();
    let token: String = mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    (!token.is_empty()).then_some(token)
}

/// The decoded mails in `outbox` whose file name contains `kind` (e.g. `activation`), oldest
/// first.
pub fn read_mails(outbox: &std::path::Path, kind: &str) -> std::io::Result<Vec<String>> {
    let mut files: Vec<_> = std::fs::read_dir(outbox)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "eml"))
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().contains(kind))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| std::fs::read_to_string(path).map(|raw| decode_quoted_printable(&raw)))
        .collect()
}

/// The code in the newest mail of `kind` in `outbox` that mentions `recipient` (several logins
/// share one outbox in the benchmarks and fault suites).
pub fn newest_code_for(
    outbox: &std::path::Path,
    kind: &str,
    recipient: &str,
) -> std::io::Result<Option<String>> {
    Ok(read_mails(outbox, kind)?
        .iter()
        .rev()
        .find(|mail| mail.contains(recipient))
        .and_then(|mail| find_code(mail)))
}

/// Whether `text` (lowercase) names the address `needle` (lowercase) as a whole address, not as
/// part of a longer one: `ann@zebra.example` is neither in `joann@zebra.example` nor in
/// `ann@zebra.example.com`.
pub fn names_address(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let in_local_part = |c: char| c.is_alphanumeric() || "._%+-'!#$&*/=?^`{|}~".contains(c);
    text.match_indices(needle).any(|(at, _)| {
        let starts_alone = !text[..at].chars().next_back().is_some_and(in_local_part);
        let mut after = text[at + needle.len()..].chars();
        let ends_alone = match after.next() {
            Some(c) if c.is_alphanumeric() || c == '-' => false,
            Some('.') => !after.next().is_some_and(char::is_alphanumeric),
            _ => true,
        };
        starts_alone && ends_alone
    })
}

/// Deletes the `.eml` files of `kinds` in `outbox` whose decoded text names `address`
/// (lowercase). A file gone meanwhile is no error.
pub fn remove_mail_naming(
    outbox: &std::path::Path,
    kinds: &[super::MailKind],
    address: &str,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(outbox)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !name.ends_with(".eml") || !kinds.iter().any(|kind| name.contains(kind.as_str())) {
            continue;
        }
        let raw = match std::fs::read(&path) {
            Ok(raw) => raw,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error),
        };
        let text = decode_quoted_printable(&String::from_utf8_lossy(&raw)).to_lowercase();
        if names_address(&text, address) {
            match std::fs::remove_file(&path) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_named_only_as_a_whole_address() {
        let text = "from joann@zebra.example and ann@zebra.example.com, not ann@zebra.example-x";
        assert!(!names_address(text, "ann@zebra.example"));
        for named in [
            "requested by ann@zebra.example.",
            "<b>ann@zebra.example</b>",
            "mailto:ann@zebra.example\n",
            "ann@zebra.example",
        ] {
            assert!(names_address(named, "ann@zebra.example"), "{named}");
        }
    }

    #[test]
    fn quoted_printable_soft_breaks_and_escapes_are_undone() {
        assert_eq!(
            decode_quoted_printable("caf=C3=A9 =\r\nau lait"),
            "café au lait"
        );
    }

    #[test]
    fn a_code_is_found_among_other_words() {
        assert_eq!(
            find_code("Type this:\n    K7QM-4XPA\n\nthanks").as_deref(),
            Some("K7QM-4XPA")
        );
        assert_eq!(find_code("no-code-here at-all"), None);
    }

    #[test]
    fn a_link_token_is_read_up_to_the_end_of_the_link() {
        let mail = "<a href=\"http://127.0.0.1:48480/activate?token=Ab-9_z\">Activate</a>";
        assert_eq!(
            find_link_token(mail, "/activate").as_deref(),
            Some("Ab-9_z")
        );
        assert_eq!(find_link_token(mail, "/reset-password"), None);
    }
}
