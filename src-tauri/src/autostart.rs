//! "Start with my session" through Tauri's autostart plugin: an XDG autostart entry on Linux, a
//! Launch Agent on macOS, a `Run` registry value on Windows. The entry itself is the setting, not
//! a copy in the local database: turning it off in the desktop's own start-up tool then turns it
//! off here too, and nothing can disagree. Off by default: no entry.

use std::path::Path;

/// The plugin, configured for this installation. The entry is named like the single-instance
/// name (`eu.oso.desktop`, the file name earlier versions of OSO wrote, so their entries still
/// count), and a side-by-side profile (`OSO_DATA_DIR`) gets its own entry that starts it with its
/// own data through `--data-dir=`.
pub fn plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let data_dir = crate::paths::chosen_data_dir();
    let builder = tauri_plugin_autostart::Builder::new()
        .app_name(crate::paths::instance_id(data_dir.as_deref()))
        .args(data_dir.as_deref().map(data_dir_argument));
    builder.build()
}

/// `--data-dir=DIR`, as the entry must write it. On Linux the plugin writes its arguments into the
/// entry's `Exec` line as they are, so one with a space or a quote is quoted here as the Desktop
/// Entry spec asks; elsewhere each argument is stored on its own and stays as it is.
fn data_dir_argument(dir: &Path) -> String {
    let argument = format!("{}{}", crate::paths::DATA_DIR_ARG, dir.display());
    if cfg!(target_os = "linux") {
        exec_argument(&argument)
    } else {
        argument
    }
}

/// One argument of an `Exec` line, quoted as the Desktop Entry spec asks when it must be.
fn exec_argument(argument: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(',
        ')', '`',
    ];
    let quoted = if argument.contains(RESERVED) {
        let mut inner = String::with_capacity(argument.len() + 2);
        for character in argument.chars() {
            if matches!(character, '"' | '`' | '$' | '\\') {
                inner.push('\\');
            }
            inner.push(character);
        }
        format!("\"{inner}\"")
    } else {
        argument.to_owned()
    };
    // The value is itself a desktop-entry string, where a backslash is written twice and a
    // literal percent sign as %% (it would otherwise be a field code).
    quoted.replace('\\', "\\\\").replace('%', "%%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_argument_stays_as_it_is_and_an_odd_one_is_quoted_for_the_exec_line() {
        assert_eq!(
            exec_argument("--data-dir=/home/ann/oso"),
            "--data-dir=/home/ann/oso"
        );
        assert_eq!(
            exec_argument("--data-dir=/home/ann/OSO test"),
            "\"--data-dir=/home/ann/OSO test\""
        );
        assert_eq!(exec_argument("50%$"), "\"50%%\\\\$\"");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_profile_is_started_with_its_own_data_directory() {
        assert_eq!(
            data_dir_argument(Path::new("/home/ann/OSO test")),
            "\"--data-dir=/home/ann/OSO test\""
        );
    }
}
