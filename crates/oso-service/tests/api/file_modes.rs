//! Issue 17, finding 8: another local user can read none of the service's files: the data
//! directory and the outbox are 0700, the database (with its -wal and -shm) and every mail 0600,
//! also when they were left looser by an earlier version.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::accounts::register;
use crate::support::TestService;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Every file and directory of the data directory with its mode, the directory itself first.
fn modes_under(dir: &Path) -> Vec<(String, u32)> {
    let mut found = vec![(dir.display().to_string(), mode(dir))];
    let mut pending = vec![dir.to_owned()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path.clone());
            }
            found.push((path.display().to_string(), mode(&path)));
        }
    }
    found
}

fn assert_private(dir: &Path) {
    let loose: Vec<_> = modes_under(dir)
        .into_iter()
        .filter(|(path, mode)| {
            let private = if Path::new(path).is_dir() {
                0o700
            } else {
                0o600
            };
            mode & !private != 0
        })
        .map(|(path, mode)| format!("{path} {mode:o}"))
        .collect();
    assert!(loose.is_empty(), "readable by other local users: {loose:?}");
}

#[tokio::test]
async fn another_local_user_can_read_neither_the_database_nor_the_outbox_even_in_a_loose_directory()
{
    let temp = tempfile::tempdir().expect("temp dir");
    let data = temp.path().join("service");
    std::fs::create_dir(&data).expect("an existing directory");
    set_mode(&data, 0o755);

    let service = TestService::in_dir(data.clone()).await;
    assert!(register(&service, "ann@zebra.example")
        .await
        .status()
        .is_success());
    service.mails_once("activation", 1).await;

    // On PostgreSQL the data directory holds the outbox only.
    if !crate::support::on_postgres() {
        let database = data.join("oso-service.sqlite3");
        for companion in ["oso-service.sqlite3-wal", "oso-service.sqlite3-shm"] {
            assert!(data.join(companion).is_file(), "{companion} in WAL mode");
        }
        assert_eq!(mode(&database), 0o600);
    }
    assert_private(&data);
    assert_eq!(mode(&data), 0o700);

    // An earlier version left everything readable: the next start tightens it all.
    service.shutdown().await;
    for (path, _) in modes_under(&data) {
        set_mode(
            Path::new(&path),
            if Path::new(&path).is_dir() {
                0o755
            } else {
                0o644
            },
        );
    }
    let restarted = TestService::in_dir(data.clone()).await;
    assert_private(&data);
    restarted.shutdown().await;
}
