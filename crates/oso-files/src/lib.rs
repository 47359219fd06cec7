//! Files no other local user may read (issue 17, finding 8): data directories `0700`; databases
//! (with SQLite's `-wal` and `-shm`), outbox mails and logs `0600`. A directory or file that
//! already exists with a looser mode is tightened, and the log says so. Unix only: elsewhere the
//! OS's per-user profile directories keep users apart.

use std::io;
use std::path::Path;

/// The mode of a private directory: its owner only.
pub const DIR_MODE: u32 = 0o700;
/// The mode of a private file: its owner reads and writes.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` (and missing parents) for this user only, or tightens it when it exists.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(DIR_MODE)
            .create(dir)?;
        tighten(dir, DIR_MODE)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Creates `file` empty for this user only when it is missing (so that SQLite, which gives its
/// `-wal` and `-shm` files the database's mode, starts from the right one), or tightens it.
pub fn private_file(file: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(FILE_MODE)
            .open(file)?;
        tighten(file, FILE_MODE)
    }
    #[cfg(not(unix))]
    {
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(file)
            .map(drop)
    }
}

/// A database file and, when they exist, its `-wal` and `-shm` companions.
pub fn private_database(path: &Path) -> io::Result<()> {
    private_file(path)?;
    for suffix in ["-wal", "-shm"] {
        let mut companion = path.as_os_str().to_owned();
        companion.push(suffix);
        tighten_if_present(Path::new(&companion), FILE_MODE)?;
    }
    Ok(())
}

/// Tightens every file directly in `dir` (mails an earlier version left readable).
pub fn private_files_in(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            tighten_if_present(&entry.path(), FILE_MODE)?;
        }
    }
    Ok(())
}

/// Writes `contents` to a new file only this user may read.
pub fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    options.open(path)?.write_all(contents)
}

/// Tightens `path` to `mode` when it exists; nothing when it does not.
pub fn tighten_if_present(path: &Path, mode: u32) -> io::Result<()> {
    match tighten(path, mode) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Takes away every permission `mode` does not grant, logging it when there was any.
#[cfg_attr(not(unix), allow(unused_variables))]
pub fn tighten(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let before = std::fs::metadata(path)?.permissions().mode() & 0o7777;
        if before & !mode != 0 {
            let after = before & mode;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(after))?;
            tracing::warn!(
                path = %path.display(),
                before = format!("{before:o}"),
                after = format!("{after:o}"),
                "other local users could read this; its permissions were tightened"
            );
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn a_directory_and_a_file_others_could_read_are_tightened_and_new_ones_are_private() {
        let root = tempfile::tempdir().expect("temp dir");
        let loose = root.path().join("loose");
        std::fs::create_dir(&loose).expect("dir");
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let file = loose.join("data.sqlite3");
        std::fs::write(&file, b"").expect("file");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let wal = loose.join("data.sqlite3-wal");
        std::fs::write(&wal, b"").expect("file");
        std::fs::set_permissions(&wal, std::fs::Permissions::from_mode(0o666)).expect("chmod");

        private_dir(&loose).expect("tightened");
        private_database(&file).expect("tightened");
        let fresh = root.path().join("new").join("deeper");
        private_dir(&fresh).expect("created");
        let mail = fresh.join("mail.eml");
        write_private(&mail, b"hello").expect("written");

        assert_eq!(mode(&loose), 0o700);
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&wal), 0o600);
        assert_eq!(mode(&fresh), 0o700);
        assert_eq!(mode(&root.path().join("new")), 0o700);
        assert_eq!(mode(&mail), 0o600);
    }
}
