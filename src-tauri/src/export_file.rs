//! Where an export goes: a name to suggest that no earlier export has taken, and writing the
//! file the user chose so that it is either complete or not there at all.

use std::io::Write;
use std::path::{Path, PathBuf};

/// `oso-orders-DATE.csv` in `dir`, or `…-2.csv` and so on: the dialog never proposes to
/// overwrite an earlier export (the user still may, and the dialog then asks).
pub fn suggested_path(dir: &Path, date: &str) -> PathBuf {
    (1..1000)
        .map(|attempt| match attempt {
            1 => format!("oso-orders-{date}.csv"),
            n => format!("oso-orders-{date}-{n}.csv"),
        })
        .map(|name| dir.join(name))
        .find(|path| !path.exists())
        .unwrap_or_else(|| dir.join(format!("oso-orders-{date}.csv")))
}

/// The chosen path with `.csv` added when the user typed a name without an extension (save
/// dialogs do not add it; a spreadsheet would not recognise the file).
pub fn with_extension(chosen: PathBuf, extension: &str) -> PathBuf {
    if chosen.extension().is_some() {
        chosen
    } else {
        chosen.with_extension(extension)
    }
}

/// Writes `contents` to `path` through a partial file beside it, renamed over it at the end: a
/// failure halfway leaves an earlier file of that name as it was, and no half file. (The partial
/// file is created like any new file, so the export gets the user's usual permissions.)
pub fn write_whole(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut partial_name = path.file_name().unwrap_or_default().to_owned();
    partial_name.push(".partial");
    let partial = path.with_file_name(partial_name);
    let written = std::fs::File::create(&partial).and_then(|mut file| {
        file.write_all(contents.as_bytes())?;
        file.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&partial, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_is_dated_and_never_one_an_earlier_export_took() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = suggested_path(dir.path(), "2026-11-21");
        assert_eq!(first, dir.path().join("oso-orders-2026-11-21.csv"));
        write_whole(&first, "one").expect("written");
        assert_eq!(
            suggested_path(dir.path(), "2026-11-21"),
            dir.path().join("oso-orders-2026-11-21-2.csv")
        );
    }

    #[test]
    fn a_name_typed_without_an_extension_gets_csv_and_another_extension_is_kept() {
        assert_eq!(
            with_extension(PathBuf::from("/tmp/orders"), "csv"),
            PathBuf::from("/tmp/orders.csv")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/orders.txt"), "csv"),
            PathBuf::from("/tmp/orders.txt")
        );
    }

    #[test]
    fn writing_replaces_a_file_the_user_chose_to_overwrite() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("orders.csv");
        std::fs::write(&path, "old").expect("old file");
        write_whole(&path, "new").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("readable"), "new");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[test]
    fn a_path_that_cannot_be_written_is_an_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a-file"), "").expect("a file");
        let path = dir.path().join("a-file").join("orders.csv");
        assert!(write_whole(&path, "rows").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }
}
