//! Writing exports: whole or not at all, never onto the register, never over a file
//! without being asked, and a clear Vietnamese message naming the folder otherwise.

use std::fs;
use std::path::Path;

use tiepdan::export::{check_target, write_whole};
use tiepdan::Error;

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".thu-ghi-"))
        .collect()
}

fn invalid_message(result: tiepdan::Result<()>) -> String {
    match result {
        Err(Error::Invalid { field, message }) => {
            assert_eq!(field, "file");
            message
        }
        other => panic!("expected a refusal on the field \"file\", got {other:?}"),
    }
}

#[test]
fn write_whole_writes_and_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so-tiep-dan.xlsx");
    write_whole(&path, b"first").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"first");
    write_whole(&path, b"second, longer").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"second, longer");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_failed_write_leaves_the_old_content_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a folder with a file in it: the rename fails, the folder and its
    // file stay as they were, the temporary file is removed.
    let target = dir.path().join("bao-cao.docx");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("inside.txt"), b"kept").unwrap();
    let err = write_whole(&target, b"new").unwrap_err();
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("bao-cao.docx"), "{message}");
    assert!(message.contains("thư mục"), "{message}");
    assert!(target.is_dir());
    assert_eq!(fs::read(target.join("inside.txt")).unwrap(), b"kept");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );

    // A folder that does not exist: nothing is created anywhere.
    let missing = dir.path().join("khong-co").join("x.csv");
    let err = write_whole(&missing, b"x").unwrap_err();
    assert!(err.to_string().contains("không tồn tại"), "{err}");
    assert!(!dir.path().join("khong-co").exists());
}

#[test]
fn the_register_and_its_journals_are_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tiepdan.sqlite3");
    fs::write(&db, b"SQLite format 3\0").unwrap();
    fs::write(dir.path().join("tiepdan.sqlite3-wal"), b"").unwrap();
    for name in [
        "tiepdan.sqlite3",
        "tiepdan.sqlite3-wal",
        // Not there yet: a file written there would be taken by SQLite as the register's.
        "tiepdan.sqlite3-shm",
        "tiepdan.sqlite3-journal",
    ] {
        let message = invalid_message(check_target(&dir.path().join(name), Some(&db), true));
        assert!(message.contains("tệp cơ sở dữ liệu của sổ"), "{message}");
        assert!(message.contains(name), "{message}");
    }
    // The same file by another path (".." and a symbolic link) is still the register.
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let message = invalid_message(check_target(
        &sub.join("..").join("tiepdan.sqlite3"),
        Some(&db),
        true,
    ));
    assert!(message.contains("cơ sở dữ liệu"), "{message}");
    #[cfg(unix)]
    {
        let link = dir.path().join("lienket");
        std::os::unix::fs::symlink(dir.path(), &link).unwrap();
        let message = invalid_message(check_target(
            &link.join("tiepdan.sqlite3-wal"),
            Some(&db),
            true,
        ));
        assert!(message.contains("cơ sở dữ liệu"), "{message}");
        // A second name of the register (a hard link) is the register.
        let second = dir.path().join("ten-khac.sqlite3");
        fs::hard_link(&db, &second).unwrap();
        let message = invalid_message(check_target(&second, Some(&db), true));
        assert!(message.contains("tệp cơ sở dữ liệu của sổ"), "{message}");
        fs::remove_file(&second).unwrap();
    }
    // A name beside it is fine.
    check_target(&dir.path().join("tiepdan.sqlite3.xlsx"), Some(&db), false).unwrap();
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn an_existing_file_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bieu-01-tcd.xlsx");
    check_target(&path, None, false).unwrap();
    fs::write(&path, b"old").unwrap();
    let message = invalid_message(check_target(&path, None, false));
    assert!(
        message.contains("bieu-01-tcd.xlsx") && message.contains("đã có"),
        "{message}"
    );
    check_target(&path, None, true).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"old", "checking writes nothing");
    assert!(leftovers(dir.path()).is_empty());
}

/// "--force" replaces an earlier export, never a database (a backup's name, another
/// register) nor what is not a plain file (a link, a device): an attacker's run replaced a
/// backup with a spreadsheet, and /dev/full with a plain file.
#[test]
fn force_never_replaces_a_database_a_link_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("sao-luu");
    fs::create_dir(&backups).unwrap();
    let backup = backups.join("so-tiep-dan_2026-12-03_080000.sqlite3");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend([0u8; 100]);
    fs::write(&backup, &bytes).unwrap();
    let message = invalid_message(check_target(&backup, None, true));
    assert!(
        message.contains("đó là một cơ sở dữ liệu") && message.contains("so-tiep-dan_2026"),
        "{message}"
    );
    assert_eq!(fs::read(&backup).unwrap(), bytes);
    // Nor the journal of another register (its committed records not yet in the file).
    let other = dir.path().join("khac.sqlite3");
    fs::write(&other, &bytes).unwrap();
    for suffix in ["-wal", "-shm", "-journal"] {
        let journal = dir.path().join(format!("khac.sqlite3{suffix}"));
        fs::write(&journal, b"journal").unwrap();
        let message = invalid_message(check_target(&journal, None, true));
        assert!(message.contains("đó là một cơ sở dữ liệu"), "{message}");
        assert_eq!(fs::read(&journal).unwrap(), b"journal");
    }
    // A file merely named so, beside nothing that is a database, is an ordinary file.
    let lone = dir.path().join("ghi-chu.txt-wal");
    fs::write(&lone, b"x").unwrap();
    check_target(&lone, None, true).unwrap();
    #[cfg(unix)]
    {
        let link = dir.path().join("bieu.xlsx");
        std::os::unix::fs::symlink(dir.path().join("that.xlsx"), &link).unwrap();
        let message = invalid_message(check_target(&link, None, true));
        assert!(message.contains("không phải một tệp thường"), "{message}");
        let message = invalid_message(check_target(Path::new("/dev/null"), None, true));
        assert!(message.contains("không phải một tệp thường"), "{message}");
    }
    // A short file that merely begins like a database is an ordinary file.
    let text = dir.path().join("ghi-chu.txt");
    fs::write(&text, b"SQLite").unwrap();
    check_target(&text, None, true).unwrap();
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_missing_or_unusable_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Bao cao 2026");
    let message = invalid_message(check_target(&folder.join("so.xlsx"), None, false));
    assert!(message.contains("Bao cao 2026"), "{message}");
    assert!(message.contains("không tồn tại"), "{message}");

    // A file where the folder should be.
    let not_folder = dir.path().join("ghi-chu.txt");
    fs::write(&not_folder, b"x").unwrap();
    let message = invalid_message(check_target(&not_folder.join("so.xlsx"), None, false));
    assert!(
        message.contains("ghi-chu.txt") && message.contains("không phải là thư mục"),
        "{message}"
    );

    // A folder as the target itself.
    let message = invalid_message(check_target(dir.path(), None, true));
    assert!(message.contains("thư mục"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_folder_without_write_permission_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("chi-doc");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let probe = locked.join(".probe");
    let root_ignores_modes = fs::write(&probe, b"").is_ok();
    let _ = fs::remove_file(&probe);
    if root_ignores_modes {
        eprintln!("NOTE: running as root, folder permissions do not stop writes: skipped.");
    } else {
        let message = invalid_message(check_target(&locked.join("so.xlsx"), None, false));
        assert!(
            message.contains("chi-doc") && message.contains("không có quyền ghi"),
            "{message}"
        );
        let err = write_whole(&locked.join("so.xlsx"), b"x").unwrap_err();
        assert!(err.to_string().contains("không có quyền ghi"), "{err}");
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn two_exports_at_once_never_replace_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("bao-cao.docx");
    // A file that appeared after the checks (another export finished first) is kept.
    fs::write(&target, "báo cáo số 25").unwrap();
    let e = tiepdan::export::write_whole_new(&target, b"bao cao so 26").unwrap_err();
    assert!(tiepdan::export::name_taken(&e), "{e:?}");
    assert!(e.to_string().contains("tệp đã có"), "{e}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "báo cáo số 25");
    assert!(leftovers(dir.path()).is_empty());
    // The CLI's write says how to replace it.
    let e = tiepdan::export::job::write_out(&target, b"x", false).unwrap_err();
    assert_eq!(e.field(), Some("file"));
    assert!(e.to_string().contains("--force"), "{e}");
    // The app's exports, eight at once into one folder: eight files, none lost.
    let register = dir.path().join("so.sqlite3");
    let paths: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let (dir, register) = (dir.path(), &register);
                s.spawn(move || {
                    tiepdan::export::job::write_new(
                        dir,
                        "So-tiep-cong-dan.xlsx",
                        register,
                        format!("lần {i}").as_bytes(),
                    )
                    .unwrap()
                    .path
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 8, "{paths:?}");
    let mut contents: Vec<String> = paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    contents.sort();
    assert_eq!(
        contents,
        (0..8).map(|i| format!("lần {i}")).collect::<Vec<_>>()
    );
    assert!(leftovers(dir.path()).is_empty());
}
