//! "Start with my session": an XDG autostart entry that starts this program when the user logs
//! in, in `$XDG_CONFIG_HOME/autostart` (by default `~/.config/autostart`), which every freedesktop
//! session reads. The entry itself is the setting, not a copy in the local database: turning it
//! off in the desktop's own start-up tool then turns it off here too, and nothing can disagree.
//! Off by default: no entry. Other OSes have no such directory; there the setting is not offered.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

/// Where the entry lives and which program it starts.
#[derive(Debug, Clone)]
pub struct Autostart {
    entry: PathBuf,
    program: PathBuf,
    data_dir: Option<PathBuf>,
}

/// `$XDG_CONFIG_HOME` when it is an absolute path (the spec ignores relative ones), else
/// `$HOME/.config`.
pub fn config_home(xdg_config_home: Option<OsString>, home: Option<PathBuf>) -> Option<PathBuf> {
    xdg_config_home
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| home.map(|home| home.join(".config")))
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

impl Autostart {
    /// The entry of this installation: keyed like the single-instance name, so a side-by-side
    /// profile (`OSO_DATA_DIR`) has its own entry that starts it with its own data. `None` on
    /// an OS without XDG autostart, or without a home directory.
    pub fn for_this_program() -> Option<Self> {
        if !cfg!(target_os = "linux") {
            return None;
        }
        let config = config_home(
            std::env::var_os("XDG_CONFIG_HOME"),
            std::env::var_os("HOME").map(PathBuf::from),
        )?;
        // An AppImage runs from a mount that is gone after logout: start the image itself.
        let program = std::env::var_os("APPIMAGE")
            .map(PathBuf::from)
            .or_else(|| std::env::current_exe().ok())?;
        let data_dir = crate::paths::data_dir_from_env();
        let name = crate::paths::instance_id(data_dir.as_deref());
        Some(Self::at(&config, &name, program, data_dir))
    }

    pub fn at(config_home: &Path, name: &str, program: PathBuf, data_dir: Option<PathBuf>) -> Self {
        Self {
            entry: config_home
                .join("autostart")
                .join(format!("{name}.desktop")),
            program,
            data_dir,
        }
    }

    pub fn entry(&self) -> &Path {
        &self.entry
    }

    pub fn is_enabled(&self) -> bool {
        self.entry.is_file()
    }

    fn contents(&self) -> String {
        let mut exec = Vec::new();
        if let Some(dir) = &self.data_dir {
            exec.push("env".to_owned());
            exec.push(exec_argument(&format!(
                "{}={}",
                crate::paths::DATA_DIR_ENV,
                dir.display()
            )));
        }
        exec.push(exec_argument(&self.program.to_string_lossy()));
        format!(
            "[Desktop Entry]\nType=Application\nName=OSO\nComment=Online Supplies Ordering\n\
             Exec={}\nIcon=oso\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
            exec.join(" ")
        )
    }

    /// Writes the entry (again, so a moved program is followed), atomically.
    pub fn enable(&self) -> io::Result<()> {
        let dir = self.entry.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let partial = self.entry.with_extension("desktop.partial");
        std::fs::write(&partial, self.contents())?;
        std::fs::rename(&partial, &self.entry)
    }

    pub fn disable(&self) -> io::Result<()> {
        match std::fs::remove_file(&self.entry) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_config_home_wins_over_home_unless_it_is_relative() {
        let home = Some(PathBuf::from("/home/ann"));
        assert_eq!(
            config_home(Some("/tmp/conf".into()), home.clone()),
            Some(PathBuf::from("/tmp/conf"))
        );
        assert_eq!(
            config_home(Some("relative/conf".into()), home.clone()),
            Some(PathBuf::from("/home/ann/.config"))
        );
        assert_eq!(
            config_home(None, home),
            Some(PathBuf::from("/home/ann/.config"))
        );
        assert_eq!(config_home(None, None), None);
    }

    #[test]
    fn enabling_writes_an_entry_that_starts_the_program_and_disabling_removes_it() {
        let config = tempfile::tempdir().expect("temp dir");
        let autostart = Autostart::at(
            config.path(),
            "eu.oso.desktop",
            PathBuf::from("/usr/bin/oso"),
            None,
        );
        assert!(!autostart.is_enabled(), "off by default");

        autostart.enable().expect("enables");
        let entry = std::fs::read_to_string(config.path().join("autostart/eu.oso.desktop.desktop"))
            .expect("the entry");
        assert!(
            entry.starts_with("[Desktop Entry]\nType=Application\n"),
            "{entry}"
        );
        assert!(entry.contains("\nExec=/usr/bin/oso\n"), "{entry}");
        assert!(autostart.is_enabled());

        autostart.disable().expect("disables");
        autostart.disable().expect("disabling twice is fine");
        assert!(!autostart.is_enabled());
    }

    #[test]
    fn a_profile_with_its_own_data_is_started_with_it_and_odd_paths_are_quoted() {
        let config = tempfile::tempdir().expect("temp dir");
        let autostart = Autostart::at(
            config.path(),
            "eu.oso.desktop.data_0123",
            PathBuf::from("/opt/My Apps/oso"),
            Some(PathBuf::from("/home/ann/OSO test")),
        );

        autostart.enable().expect("enables");

        let entry = std::fs::read_to_string(autostart.entry()).expect("the entry");
        assert!(
            entry.contains("\nExec=env \"OSO_DATA_DIR=/home/ann/OSO test\" \"/opt/My Apps/oso\"\n"),
            "{entry}"
        );
        assert_eq!(exec_argument("50%$"), "\"50%%\\\\$\"");
    }
}
