//! Backups: a copy checked after writing, a restore equal to what was saved that keeps the
//! current file aside, a damaged or foreign backup refused, the rotation of 14 days and 12
//! months, and the backup before a migration (frozen schema 1 fixture).

mod common;

use std::path::Path;

use chrono::NaiveDateTime;
use common::*;
use tiepdan::backup::{self, Backup};
use tiepdan::clock::FixedClock;
use tiepdan::domain::HostGroup;
use tiepdan::Store;

fn open(path: &Path) -> Store {
    let mut store = Store::open_with_clock(path, Box::new(FixedClock(date("2026-11-30")))).unwrap();
    let mut settings = store.settings().unwrap();
    if !tiepdan::desk::settings::is_named(&settings.unit_name) {
        settings.unit_name = "phường Việt Hòa".into();
        store.save_settings(&settings).unwrap();
    }
    store
}

/// The register as the exchange format sees it, its export time aside.
/// What a register holds, but for the records of its backups and restores (a restore is
/// recorded in the register it puts in place).
fn content(store: &Store) -> String {
    let mut file = store.export_exchange().unwrap();
    file.exported_at = String::new();
    file.changes.retain(|c| c.table != "backups");
    serde_json::to_string(&file).unwrap()
}

/// Two files of a register equal but for its 100-byte header: the restore's check that
/// nothing else has the register open leaves WAL and comes back (the header's journal
/// mode and change counter are written again), every page stays as it was.
fn same_but_header(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.len() > 100 && a[100..] == b[100..]
}

/// A new account's input.
fn account(
    login: &str,
    full_name: &str,
    role: tiepdan::access::Role,
    password: &str,
) -> tiepdan::desk::account::AccountInput {
    tiepdan::desk::account::AccountInput {
        id: None,
        login: login.into(),
        full_name: full_name.into(),
        roles: vec![role],
        active: true,
        password: Some(password.into()),
    }
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

#[test]
fn a_backup_restores_to_what_was_saved_and_keeps_the_current_file_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let usb = dir.path().join("usb");
    let (made, saved) = {
        let mut store = open(&path);
        tiepdan::demo::append_demo(&mut store, 4).unwrap();
        let made = store.backup_at(&usb, at("2026-11-30 16:00:00")).unwrap();
        let saved = content(&store);
        // Work goes on after the backup.
        let s = session(&mut store, "2026-11-30", HostGroup::Officer);
        visit(&mut store, &s, 1, 2, None);
        assert_ne!(content(&store), saved);
        (made, saved)
    };
    assert_eq!(
        made.path.file_name().unwrap(),
        "so-tiep-dan_2026-11-30_160000.sqlite3"
    );
    let checked = backup::check_backup(&made.path).unwrap();
    assert!(checked.visits > 100, "{checked:?}");
    let after_work = std::fs::read(&path).unwrap();
    let aside = backup::restore(&path, &made.path).unwrap().unwrap();
    // The restored file is in WAL mode as it takes the register's place (its header's
    // read and write versions are 2), with no journal beside it: nothing is left to
    // switch, or roll back, when it is next opened.
    let head = std::fs::read(&path).unwrap();
    assert_eq!((head[18], head[19]), (2, 2), "WAL mode");
    for journal in ["so.sqlite3-wal", "so.sqlite3-journal"] {
        assert!(!dir.path().join(journal).exists(), "{journal}");
    }
    assert!(aside
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("so.sqlite3.truoc-khoi-phuc-"));
    assert!(
        same_but_header(&std::fs::read(&aside).unwrap(), &after_work),
        "the current file kept"
    );
    assert_eq!(content(&open(&path)), saved);
    // The backup itself is unchanged and still checks.
    backup::check_backup(&made.path).unwrap();
}

/// A register a crash left with its journal (-wal) holding committed records is restored
/// over: the file kept aside holds those records, and the journal does not stay beside
/// the restored register (SQLite would play it onto it). The register is replaced in one
/// rename: there is no moment without one.
#[test]
fn a_register_left_with_its_journal_is_kept_aside_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let wal = dir.path().join("so.sqlite3-wal");
    let crash = dir.path().join("crash");
    std::fs::create_dir(&crash).unwrap();
    let (made, saved, worked) = {
        let mut store = open(&path);
        tiepdan::demo::append_demo(&mut store, 2).unwrap();
        let made = store
            .backup_at(&dir.path().join("usb"), at("2026-11-30 16:00:00"))
            .unwrap();
        let saved = content(&store);
        let s = session(&mut store, "2026-11-30", HostGroup::Officer);
        visit(&mut store, &s, 1, 3, None);
        let worked = content(&store);
        // The files as a crash leaves them: the register and its journal, open.
        std::fs::copy(&path, crash.join("so.sqlite3")).unwrap();
        std::fs::copy(&wal, crash.join("so.sqlite3-wal")).unwrap();
        (made, saved, worked)
    };
    std::fs::copy(crash.join("so.sqlite3"), &path).unwrap();
    std::fs::copy(crash.join("so.sqlite3-wal"), &wal).unwrap();
    let _ = std::fs::remove_file(dir.path().join("so.sqlite3-shm"));
    let aside = backup::restore(&path, &made.path).unwrap().unwrap();
    assert!(
        !wal.exists(),
        "no journal of the old register beside the restored one"
    );
    assert_eq!(content(&open(&path)), saved);
    assert_eq!(
        content(&open(&aside)),
        worked,
        "the kept file holds every record"
    );
}

#[test]
fn a_damaged_or_foreign_backup_is_refused_and_the_register_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let made = {
        let mut store = open(&path);
        tiepdan::demo::append_demo(&mut store, 5).unwrap();
        store
            .backup_at(dir.path(), at("2026-11-30 08:00:00"))
            .unwrap()
    };
    let register = std::fs::read(&path).unwrap();
    // Pages in the middle overwritten.
    let damaged = dir.path().join("hong.sqlite3");
    let mut bytes = std::fs::read(&made.path).unwrap();
    for b in &mut bytes[16_384..40_960] {
        *b = 0x5A;
    }
    std::fs::write(&damaged, bytes).unwrap();
    let e = backup::restore(&path, &damaged).unwrap_err();
    assert_eq!(e.code(), "not_register", "{e:?}");
    assert!(e.to_string().contains("không dùng được"), "{e}");
    // Said in words, without SQLite's own (pages, cells, bytes of the damage).
    assert!(e.to_string().contains("tệp hỏng"), "{e}");
    assert!(
        !["Tree", "page", "cell", "\u{FFFD}"]
            .iter()
            .any(|w| e.to_string().contains(w)),
        "{e}"
    );
    // Another program's database; a text file.
    let foreign = dir.path().join("khac.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert!(backup::restore(&path, &foreign).is_err());
    let text = dir.path().join("ghi-chu.sqlite3");
    std::fs::write(&text, "không phải sổ").unwrap();
    assert!(backup::restore(&path, &text).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), register);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("truoc-khoi-phuc") || n.contains("khoi-phuc-")),
        "{names:?}"
    );
}

#[test]
fn the_rotation_keeps_fourteen_days_and_twelve_months() {
    let dir = tempfile::tempdir().unwrap();
    // Three backups a day (start, midday, close) every day for 400 days to 30/11/2026.
    let mut all = Vec::new();
    let last = date("2026-11-30");
    for d in 0..400 {
        let day = last - chrono::Duration::days(d);
        for time in ["07:30:00", "12:00:00", "17:15:00"] {
            all.push(Backup {
                path: dir.path().join(format!("{day} {time}")),
                made_at: at(&format!("{day} {time}")),
                bytes: 0,
            });
        }
    }
    let names = |keep: Vec<std::path::PathBuf>| -> Vec<String> {
        keep.iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    let kept = names(backup::to_keep(&all, last));
    // Every backup of the two newest days (30/11, 29/11); the close of each of the last 14
    // days (17–30/11), which also stands for November; then the newest of October 2026 …
    // December 2025 (11 more months).
    assert_eq!(kept.len(), 2 + 2 + 14 + 11, "{kept:?}");
    assert_eq!(
        kept[..7],
        [
            "2026-11-30 17:15:00",
            "2026-11-30 12:00:00",
            "2026-11-30 07:30:00",
            "2026-11-29 17:15:00",
            "2026-11-29 12:00:00",
            "2026-11-29 07:30:00",
            "2026-11-28 17:15:00",
        ]
    );
    assert_eq!(kept[17], "2026-11-17 17:15:00");
    assert_eq!(kept[18], "2026-10-31 17:15:00");
    assert_eq!(kept[28], "2025-12-31 17:15:00");
    // A backup named with a later date (the PC's clock was wrong once) does not take the
    // place of today's: 30/11 and 29/11 keep every backup still.
    let mut with_future = all.clone();
    with_future.push(Backup {
        path: dir.path().join("2027-03-01 08:00:00"),
        made_at: at("2027-03-01 08:00:00"),
        bytes: 0,
    });
    let kept = names(backup::to_keep(&with_future, last));
    assert_eq!(kept[0], "2027-03-01 08:00:00");
    assert_eq!(kept[1..7], names(backup::to_keep(&all, last))[..6]);
    // On disk: only the app's own names are touched.
    let folder = dir.path().join("sao-luu");
    std::fs::create_dir(&folder).unwrap();
    let store = open(&dir.path().join("so.sqlite3"));
    for i in 0..3 {
        store
            .backup_at(&folder, at(&format!("2026-11-{:02} 09:00:00", 28 + i)))
            .unwrap();
    }
    store.backup_at(&folder, at("2026-11-30 18:00:00")).unwrap();
    std::fs::write(folder.join("ghi-chu.txt"), "của cán bộ").unwrap();
    let day = |d: &str| date(d);
    assert!(
        backup::rotate_on(&folder, day("2026-11-30"))
            .unwrap()
            .is_empty(),
        "the morning of 30/11 is kept on 30/11"
    );
    // The next morning (the mistake found after the opening's backup): kept still.
    store.backup_at(&folder, at("2026-12-01 07:30:00")).unwrap();
    assert!(backup::rotate_on(&folder, day("2026-12-01"))
        .unwrap()
        .is_empty());
    assert_eq!(backup::list(&folder).unwrap().len(), 5);
    // A day later, the morning of 30/11 gives way to its evening.
    store.backup_at(&folder, at("2026-12-02 07:30:00")).unwrap();
    let removed = backup::rotate_on(&folder, day("2026-12-02")).unwrap();
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert!(removed[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .contains("2026-11-30_090000"));
    assert_eq!(backup::list(&folder).unwrap().len(), 5);
    assert!(folder.join("ghi-chu.txt").exists());
}

#[test]
fn the_backup_before_a_migration_is_a_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cu.sqlite3");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3"),
        &path,
    )
    .unwrap();
    let everything = tiepdan::period::Period::parse("2000-01-01", "2100-12-31").unwrap();
    let figures = |store: &Store| {
        serde_json::to_string(&tiepdan::report::period_report(store, everything).unwrap()).unwrap()
    };
    let upgraded = figures(&open(&path));
    let bak = dir.path().join("cu.sqlite3.bak-v1");
    let checked = backup::check_backup(&bak).unwrap();
    assert_eq!(checked.schema_version, 1);
    // Restored, it is upgraded (the copy, before it takes its place, to record the
    // restore: no backup of the copy is left beside it) and gives the same figures (the
    // unit's id is new to each upgrade).
    let other = dir.path().join("khoi-phuc.sqlite3");
    backup::restore(&other, &bak).unwrap();
    let version: i64 = rusqlite::Connection::open(&other)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version as usize, tiepdan::store::SCHEMA_VERSION);
    let stray: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("khoi-phuc-") || n.starts_with("khoi-phuc.sqlite3.bak"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
    let store = open(&other);
    assert_eq!(figures(&store), upgraded);
    assert!(store.verify_audit().unwrap().broken_at.is_none());
}

#[test]
fn a_damaged_register_names_the_newest_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let folder = backup::default_folder(&path);
    {
        let mut store = open(&path);
        tiepdan::demo::append_demo(&mut store, 6).unwrap();
        store.backup_at(&folder, at("2026-11-29 17:00:00")).unwrap();
        store.backup_at(&folder, at("2026-11-30 07:30:00")).unwrap();
    }
    // The newest backup is damaged too: the one before is named.
    let newest = folder.join("so-tiep-dan_2026-11-30_073000.sqlite3");
    let mut bytes = std::fs::read(&newest).unwrap();
    for b in &mut bytes[16_384..40_960] {
        *b = 0x33;
    }
    std::fs::write(&newest, bytes).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    for b in &mut bytes[16_384..40_960] {
        *b = 0x44;
    }
    std::fs::write(&path, bytes).unwrap();
    // Opening reads no more than it needs (it may not meet the damage); whatever meets it
    // (opening, or the full check run in the background and by `tiepdan check`) names the
    // backup to restore.
    let said = match Store::open(&path) {
        Err(e) => backup::with_restore_hint(e, &path).to_string(),
        Ok(_) => tiepdan::store::check_file(&path).unwrap().message,
    };
    assert!(said.contains("bị hỏng"), "{said}");
    assert!(
        said.contains("so-tiep-dan_2026-11-29_170000.sqlite3 (29/11/2026 17:00)"),
        "{said}"
    );
    assert!(said.contains("restore"), "{said}");
}

#[test]
fn the_app_backs_up_through_its_own_connection_while_the_register_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store = open(&path);
    tiepdan::demo::append_demo(&mut store, 8).unwrap();
    let folder = backup::default_folder(&path);
    // The register stays open (its last writes still in the WAL) while it is copied.
    let made = backup::backup_file(&path, &folder).unwrap();
    let checked = backup::check_backup(&made.path).unwrap();
    let counts = store.row_counts().unwrap();
    let visits = counts.iter().find(|(t, _)| t == "visits").unwrap().1;
    assert!(visits > 100);
    assert_eq!(checked.visits, visits);
    assert_eq!(backup::list(&folder).unwrap().len(), 1);
}

#[test]
fn a_register_in_use_is_not_replaced_under_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let store = open(&path);
    let made = store
        .backup_at(&dir.path().join("sao-luu"), at("2026-11-30 07:00:00"))
        .unwrap();
    // The app has the register open: refused, nothing moved.
    let e = backup::restore(&path, &made.path).unwrap_err();
    assert_eq!(e.field(), Some("db"));
    assert!(e.to_string().contains("đang được mở"), "{e}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("khoi-phuc")), "{names:?}");
    // Closed, it is restored.
    drop(store);
    backup::restore(&path, &made.path).unwrap();
}

const HOLDER: &str = "TIEPDAN_TEST_HOLDER";

/// A connection to the register at `path` that has read it (its sessions counted) and
/// holds no statement or transaction open.
fn read_once(path: &str) -> (rusqlite::Connection, i64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
        .unwrap();
    assert!(conn.is_autocommit());
    (conn, n)
}

/// A register "so.sqlite3" in `dir` with a session and a visit of 20/11/2026, then `more`
/// done to it, and a backup of it made 25/11/2026 into "sao-luu".
fn visited_with_a_backup(dir: &Path, more: impl FnOnce(&mut Store)) -> (Store, Backup) {
    let mut store = open(&dir.join("so.sqlite3"));
    let s = session(&mut store, "2026-11-20", HostGroup::Officer);
    visit(&mut store, &s, 1, 1, None);
    more(&mut store);
    let made = store
        .backup_at(&dir.join("sao-luu"), at("2026-11-25 16:00:00"))
        .unwrap();
    (store, made)
}

/// A register "so.sqlite3" in a folder of its own, and a backup of it.
fn register_with_a_backup() -> (tempfile::TempDir, std::path::PathBuf, backup::Backup) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let made = {
        let store = open(&path);
        store
            .backup_at(&dir.path().join("sao-luu"), at("2026-11-30 07:00:00"))
            .unwrap()
    };
    (dir, path, made)
}

/// This test binary run again as a child doing the part `test` plays (given `path` in
/// the variable `var`), once it has printed `word`: it has got that far.
fn child_that_says(
    test: &str,
    var: &str,
    path: &std::path::Path,
    word: &str,
) -> std::process::Child {
    use std::io::BufRead;
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture"])
        .env(var, path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.is_ok_and(|l| l.contains(word))));
    child
}

/// Not a test by itself: another process with the register open and idle, as the app at
/// its sign-in screen (it read the register once, then waits), until it is killed. Its
/// lock on the file itself is lost, as an earlier version's was after its background
/// check (a descriptor of the file opened and closed outside SQLite): in WAL mode it then
/// holds only its lock on the journal's shared index.
#[test]
fn holder_for_the_in_use_test() {
    let Ok(path) = std::env::var(HOLDER) else {
        return;
    };
    let (conn, n) = read_once(&path);
    drop(std::fs::File::open(&path).unwrap());
    println!("open ({n})");
    std::thread::sleep(std::time::Duration::from_secs(120));
    drop(conn);
}

/// A register another process has open, idle, holding no lock on the file itself (in WAL
/// mode, only on the journal's index), is not replaced: the restore is refused and
/// nothing is moved; once that process is gone it is restored.
#[test]
fn a_register_open_in_another_process_is_not_replaced() {
    let (dir, path, made) = register_with_a_backup();
    let mut child = child_that_says("holder_for_the_in_use_test", HOLDER, &path, "open");
    let e = backup::restore(&path, &made.path);
    let _ = child.kill();
    let _ = child.wait();
    let e = e.unwrap_err();
    assert_eq!(e.field(), Some("db"), "{e}");
    assert!(e.to_string().contains("đang được mở"), "{e}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("khoi-phuc")), "{names:?}");
    // The register is still in WAL mode, and opens.
    let mode: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // The other process gone, it is restored.
    backup::restore(&path, &made.path).unwrap();
    open(&path).settings().unwrap();
}

/// A restore is recorded in the copy before the copy takes the register's place: the
/// register in place is, at every instant, the old one without the record or the
/// restored one with it (before, the record was written after the rename, and a restore
/// killed between the two left a restored register whose history did not say so). The
/// file kept aside has no such record, no file is left beside the register, and the hash
/// chain holds.
#[test]
fn a_restore_is_in_the_history_the_moment_the_register_is_in_place() {
    let (dir, path, made) = register_with_a_backup();
    // Another account's file, as when an administrator restores the office's register
    // (only root may give a file away: elsewhere the owner stays the test's own).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::os::unix::fs::chown(&path, Some(1234), Some(2345));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    }
    let kept = backup::restore(&path, &made.path).unwrap().unwrap();
    // No copy, journal or migration backup left beside the register (the restore's lock
    // file stays).
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.contains(".bak-v") || n == "so.sqlite3-wal")
        .collect();
    left.sort();
    assert!(
        left.iter().all(|n| n.ends_with(".khoi-phuc.lock")),
        "{left:?}"
    );
    let notes = restore_notes;
    // Read as the file lies, before anything opens it as a register.
    let restored = notes(&path);
    // The register's permissions are the old one's.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&kept));
        let owner = |p: &Path| {
            let m = std::fs::metadata(p).unwrap();
            (m.uid(), m.gid())
        };
        assert_eq!(owner(&path), owner(&kept));
    }
    assert_eq!(restored.len(), 1, "{restored:?}");
    assert!(restored[0].contains(&made.path.display().to_string()));
    assert!(restored[0].contains(&kept.display().to_string()));
    assert!(notes(&kept).is_empty());
    assert!(open(&path).verify_audit().unwrap().broken_at.is_none());
}

/// A journal left hot beside a register (a process killed while the register was out of
/// WAL, as a restore's check of who has it open takes it for a moment) is rolled back at
/// the next opening, by the app and every command, instead of each calling the register
/// read-only (attacker's finding, 07/12/2026: 26 of 113 restores killed at random left
/// one); a restore over such a register keeps the journal with the file it keeps aside,
/// never beside the restored register. A folder or a pipe given as the backup is refused
/// without being opened.
#[test]
fn a_hot_journal_beside_the_register_is_rolled_back_and_never_left_beside_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let crash = dir.path().join("crash");
    std::fs::create_dir(&crash).unwrap();
    let (made, saved) = {
        let mut store = open(&path);
        tiepdan::demo::append_demo(&mut store, 2).unwrap();
        let made = store
            .backup_at(&dir.path().join("usb"), at("2026-11-30 16:00:00"))
            .unwrap();
        (made, content(&store))
    };
    // Out of WAL, a write spilled into the file, and the files copied as a kill leaves them.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        // More pages changed than the cache holds: some are written into the file, after
        // the journal's header (hot from then on).
        conn.execute_batch(
            "PRAGMA cache_size=10; BEGIN;
             UPDATE persons SET address = hex(randomblob(600));
             UPDATE visits SET content = hex(randomblob(600));",
        )
        .unwrap();
        let journal = dir.path().join("so.sqlite3-journal");
        let head = std::fs::read(&journal).unwrap();
        assert!(head.len() > 28 && head[..8] != [0; 8], "a hot journal");
        std::fs::copy(&path, crash.join("so.sqlite3")).unwrap();
        std::fs::copy(&journal, crash.join("so.sqlite3-journal")).unwrap();
        conn.execute_batch("ROLLBACK").unwrap();
    }
    let hot = crash.join("so.sqlite3");
    let keep = dir.path().join("hot-before");
    std::fs::create_dir(&keep).unwrap();
    for name in ["so.sqlite3", "so.sqlite3-journal"] {
        std::fs::copy(crash.join(name), keep.join(name)).unwrap();
    }
    // The full check, then an opening: the journal rolled back, the records as saved.
    let checked = tiepdan::store::check_file(&hot).unwrap();
    assert!(checked.ok, "{checked:?}");
    assert!(!crash.join("so.sqlite3-journal").exists());
    assert_eq!(content(&open(&hot)), saved);
    // A restore over a register with a hot journal: nothing of it beside the register.
    for name in ["so.sqlite3", "so.sqlite3-journal"] {
        std::fs::copy(keep.join(name), crash.join(name)).unwrap();
    }
    let _ = std::fs::remove_file(crash.join("so.sqlite3-wal"));
    let _ = std::fs::remove_file(crash.join("so.sqlite3-shm"));
    let kept = backup::restore(&hot, &made.path).unwrap().unwrap();
    assert!(!crash.join("so.sqlite3-journal").exists());
    assert_eq!(content(&open(&hot)), saved);
    assert_eq!(content(&open(&kept)), saved);
    // Not a plain file: refused, named, nothing opened.
    let fifo = dir.path().join("ong.sqlite3");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    for wrong in [dir.path().to_path_buf(), fifo] {
        if !wrong.exists() && !made_fifo {
            continue;
        }
        let e = backup::restore(&path, &wrong).unwrap_err();
        assert!(e.to_string().contains("không phải một tệp sao lưu"), "{e}");
        assert!(e.to_string().contains("Sổ được để nguyên"), "{e}");
    }
}

/// A handle opened on the register before another file took its name (a restore that put
/// a backup in place while a command waited for its lock) refuses to write: the write
/// would go into the file kept aside, and be reported saved (attacker's finding,
/// 07/12/2026: an import run during a restore's copy "succeeded" into the kept file).
#[cfg(unix)]
#[test]
fn a_write_through_a_handle_on_a_replaced_register_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let other = dir.path().join("khac.sqlite3");
    drop(open(&other));
    let mut before = open(&path);
    session(&mut before, "2026-11-02", HostGroup::Officer);
    // As a restore does: the register's journal goes aside with it, the other file
    // takes its name.
    for suffix in ["-wal", "-shm"] {
        let journal = dir.path().join(format!("so.sqlite3{suffix}"));
        if journal.exists() {
            std::fs::rename(&journal, dir.path().join(format!("cu.sqlite3{suffix}"))).unwrap();
        }
    }
    std::fs::rename(&other, &path).unwrap();
    let e = before
        .create_session(&tiepdan::domain::NewSession {
            date: "2026-11-03".into(),
            kind: tiepdan::domain::SessionKind::Regular,
            host_group: HostGroup::Officer,
            host_name: None,
            place: None,
            notes: None,
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("đã được thay bằng một tệp khác"),
        "{e}"
    );
    assert_eq!(e.field(), Some("db"));
    // A handle opened now writes to the register in place.
    let mut now = open(&path);
    session(&mut now, "2026-11-04", HostGroup::Officer);
    assert_eq!(now.export_exchange().unwrap().sessions.len(), 1);
}

/// The lock file's name taken by something else than a plain file (a folder, a link to
/// another file or to the register) is refused, naming the lock file and what to do; a
/// link is never followed, so nothing is made or changed where it points.
#[test]
fn a_lock_file_that_is_not_a_plain_file_is_named_and_not_followed() {
    let (dir, path, made) = register_with_a_backup();
    let lock = dir.path().join(".so.sqlite3.khoi-phuc.lock");
    let said = |e: tiepdan::Error| {
        let e = e.to_string();
        assert!(
            e.starts_with(&format!(
                "Không dùng được tệp khóa {} của lần khôi phục: ",
                lock.display()
            )) && e.ends_with("hãy xóa tệp ấy rồi khôi phục lại."),
            "{e}"
        );
    };
    std::fs::create_dir(&lock).unwrap();
    said(backup::restore(&path, &made.path).unwrap_err());
    std::fs::remove_dir(&lock).unwrap();
    #[cfg(unix)]
    {
        let elsewhere = dir.path().join("noi-khac.txt");
        std::os::unix::fs::symlink(&elsewhere, &lock).unwrap();
        said(backup::restore(&path, &made.path).unwrap_err());
        assert!(!elsewhere.exists(), "nothing made where the link points");
        std::fs::remove_file(&lock).unwrap();
        std::os::unix::fs::symlink(&path, &lock).unwrap();
        let before = std::fs::read(&path).unwrap();
        said(backup::restore(&path, &made.path).unwrap_err());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the register untouched"
        );
        std::fs::remove_file(&lock).unwrap();
    }
    backup::restore(&path, &made.path).unwrap();
}

const RESTORER: &str = "TIEPDAN_TEST_RESTORER";

/// Not a test by itself: a restore under way in another process, as far as the lock
/// beside the register goes (it takes the lock the way a restore does, says so and waits
/// to be killed).
#[test]
fn restorer_for_the_killed_restore_test() {
    let Ok(mark) = std::env::var(RESTORER) else {
        return;
    };
    let file = std::fs::File::create(&mark).unwrap();
    fs4::fs_std::FileExt::lock_exclusive(&file).unwrap();
    println!("locked");
    std::thread::sleep(std::time::Duration::from_secs(120));
    drop(file);
}

/// A restore killed half-way (SIGKILL, a power cut) leaves its lock file beside the
/// register but no lock: the next restore goes ahead at once, not ten minutes later.
/// While that process lives, a restore is refused.
#[test]
fn a_restore_killed_half_way_does_not_block_the_next() {
    let (dir, path, made) = register_with_a_backup();
    let mark = dir.path().join(".so.sqlite3.khoi-phuc.lock");
    let mut child = child_that_says(
        "restorer_for_the_killed_restore_test",
        RESTORER,
        &mark,
        "locked",
    );
    let refused = backup::restore(&path, &made.path);
    child.kill().unwrap();
    child.wait().unwrap();
    let e = refused.unwrap_err();
    assert!(
        e.to_string().contains("Một lần khôi phục khác đang chạy"),
        "{e}"
    );
    assert!(mark.exists(), "the killed restore left its file");
    backup::restore(&path, &made.path).unwrap();
    open(&path).settings().unwrap();
}

const READER: &str = "TIEPDAN_TEST_READER";

/// Not a test by itself: another process that opens the register, counts its sessions,
/// prints the count and closes it.
#[test]
fn reader_for_the_lock_test() {
    let Ok(path) = std::env::var(READER) else {
        return;
    };
    let (conn, n) = read_once(&path);
    println!("sessions {n}");
    drop(conn);
    // Whether it could take the register for itself alone (as SQLite does before it
    // removes a journal it takes to be nobody else's).
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.busy_timeout(std::time::Duration::from_millis(200))
        .unwrap();
    let alone = conn
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .and_then(|()| conn.execute_batch("BEGIN EXCLUSIVE; ROLLBACK;"));
    println!("alone {}", alone.is_ok());
}

/// The full check the app runs in the background beside its open register, and a second
/// handle opened meanwhile, keep the app's hold on the file: another process that opens and closes the register meanwhile
/// does not take it for its last user and remove its journal, and sees what the app
/// saves next.
#[test]
fn the_background_check_keeps_the_apps_hold_on_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store = open(&path);
    session(&mut store, "2026-11-02", HostGroup::Officer);
    let check = tiepdan::store::check_file(&path).unwrap();
    assert!(check.ok, "{check:?}");
    let count = || {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "reader_for_the_lock_test", "--nocapture"])
            .env(READER, &path)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let n = text
            .lines()
            .find_map(|l| l.strip_prefix("sessions "))
            .map(|n| n.trim().parse::<i64>().unwrap())
            .unwrap_or_else(|| panic!("{text}"));
        (n, text.contains("alone true"))
    };
    assert_eq!(count(), (1, false), "the app still holds the register");
    // So does a second handle opened in the same process (its check that the file can be
    // written goes through SQLite).
    drop(open(&path));
    assert_eq!(count(), (1, false), "the app still holds the register");
    let wal = dir.path().join("so.sqlite3-wal");
    assert!(wal.exists(), "the app's journal is still there");
    session(&mut store, "2026-11-03", HostGroup::Officer);
    assert_eq!(
        count(),
        (2, false),
        "another process sees what the app saved"
    );
    drop(store);
    assert_eq!(count(), (2, true), "the app closed, the register is free");
}

#[test]
fn restores_and_backups_at_once_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let folder = dir.path().join("sao-luu");
    let made = {
        let mut store = open(&path);
        tiepdan::demo::append_demo(&mut store, 3).unwrap();
        // Four backups named in the same second: four files.
        let same = at("2026-11-30 12:00:00");
        let names: Vec<_> = (0..4)
            .map(|_| store.backup_at(&folder, same).unwrap().path)
            .collect();
        let mut unique = names.clone();
        unique.dedup();
        assert_eq!(unique.len(), 4, "{names:?}");
        store.backup_at(&folder, at("2026-11-30 13:00:00")).unwrap()
    };
    // Two restores in one second: two files kept aside, the first register among them.
    let first = std::fs::read(&path).unwrap();
    let a = backup::restore(&path, &made.path).unwrap().unwrap();
    let b = backup::restore(&path, &made.path).unwrap().unwrap();
    assert_ne!(a, b);
    assert!(same_but_header(&std::fs::read(&a).unwrap(), &first));
    // One restore at a time: while one is under way (holding the lock beside the
    // register), another is refused; the lock is the operating system's, so the file of a
    // restore killed half-way does not stop the next (see
    // `a_restore_killed_half_way_does_not_block_the_next`); none is left.
    let mark = dir.path().join(".so.sqlite3.khoi-phuc.lock");
    assert!(!mark.exists(), "a restore leaves no mark");
    let held = std::fs::File::create(&mark).unwrap();
    fs4::fs_std::FileExt::lock_exclusive(&held).unwrap();
    let e = backup::restore(&path, &made.path).unwrap_err();
    assert!(
        e.to_string().contains("Một lần khôi phục khác đang chạy"),
        "{e}"
    );
    drop(held);
    backup::restore(&path, &made.path).unwrap();
    #[cfg(unix)]
    assert!(!mark.exists());
    // A folder is not a register; a link restores the file it points to.
    let e = backup::restore(dir.path(), &made.path).unwrap_err();
    assert!(e.to_string().contains("là một thư mục"), "{e}");
    #[cfg(unix)]
    {
        let link = dir.path().join("lien-ket.sqlite3");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        backup::restore(&link, &made.path).unwrap();
        assert!(link.is_symlink(), "the link stays a link");
    }
}

#[test]
fn an_emptied_register_neither_starts_over_nor_pushes_the_days_good_backup_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let folder = backup::default_folder(&path);
    {
        let mut store = open(&path);
        tiepdan::demo::append_demo(&mut store, 2).unwrap();
        store.backup_at(&folder, at("2026-11-30 07:30:00")).unwrap();
    }
    // The file is emptied (a disk fault): the app's start refuses it, naming the backup.
    std::fs::write(&path, b"").unwrap();
    let e = backup::refuse_emptied(&path).unwrap_err();
    assert!(e.to_string().contains("rỗng (0 byte)"), "{e}");
    assert!(
        e.to_string().contains("so-tiep-dan_2026-11-30_073000"),
        "{e}"
    );
    // Without any backup, an empty file is a register being made.
    assert!(backup::refuse_emptied(&dir.path().join("moi.sqlite3")).is_ok());
    // Had it started over, the empty register's evening backup would not push out the
    // morning's full one.
    std::fs::remove_file(&path).unwrap();
    let empty = open(&path);
    empty.backup_at(&folder, at("2026-11-30 17:00:00")).unwrap();
    // (Two days later, when 30/11 is no longer one of the days kept whole.)
    empty.backup_at(&folder, at("2026-12-01 07:30:00")).unwrap();
    empty.backup_at(&folder, at("2026-12-02 07:30:00")).unwrap();
    assert!(backup::rotate_on(&folder, date("2026-12-02"))
        .unwrap()
        .is_empty());
    assert_eq!(backup::list(&folder).unwrap().len(), 4);
}

/// Before a restore the administrator is told what the backup holds beside what the
/// register holds now: counted from each file, with the day of its latest session.
#[test]
fn a_restores_question_puts_the_backups_records_beside_the_registers() {
    use tiepdan::domain::PetitionKind;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store = open(&path);
    let s1 = session(&mut store, "2026-11-20", HostGroup::Officer);
    visit(&mut store, &s1, 1, 1, Some(PetitionKind::Complaint));
    visit(&mut store, &s1, 2, 3, None);
    let s2 = session(&mut store, "2026-11-23", HostGroup::Chairman);
    visit(&mut store, &s2, 1, 1, Some(PetitionKind::Proposal));
    let made = store
        .backup_at(&dir.path().join("usb"), at("2026-11-25 16:00:00"))
        .unwrap();
    // Work goes on after the backup.
    let s3 = session(&mut store, "2026-11-30", HostGroup::Officer);
    visit(&mut store, &s3, 1, 1, Some(PetitionKind::Proposal));
    visit(&mut store, &s3, 1, 1, None);

    let preview = store.restore_preview(&made.path, false).unwrap();
    let holds = |sessions, visits, petitions, last: &str| tiepdan::desk::admin::RegisterHoldings {
        sessions,
        visits,
        petitions,
        last_session: Some(last.into()),
    };
    assert_eq!(preview.backup, holds(2, 3, 2, "2026-11-23"));
    assert_eq!(preview.current, holds(3, 5, 3, "2026-11-30"));
    assert_eq!(
        preview.backup.text(),
        "2 buổi tiếp, 3 lượt tiếp, 2 đơn (buổi tiếp gần nhất ngày 23/11/2026)"
    );
    // A register without sessions says so (no day).
    let empty = open(&dir.path().join("trong.sqlite3"));
    let preview = empty.restore_preview(&made.path, false).unwrap();
    assert_eq!(preview.current.sessions, 0);
    assert_eq!(preview.current.last_session, None);
    // What is refused is refused as before.
    let e = store
        .restore_preview(&dir.path().join("khong-co.sqlite3"), false)
        .unwrap_err();
    assert_eq!(e.field(), Some("backup"), "{e}");
}

/// A backup edited outside the app: a session's day that is no day (any text, terminal
/// escapes, a blob) is not said as its latest day; a backup missing a table is refused in
/// words, naming it, not with SQLite's.
#[test]
fn a_backup_edited_by_hand_is_said_or_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (store, made) = visited_with_a_backup(dir.path(), |_| {});
    drop(store);
    let edited = |name: &str, sql: &str| {
        let copy = dir.path().join(name);
        std::fs::copy(&made.path, &copy).unwrap();
        let c = rusqlite::Connection::open(&copy).unwrap();
        c.execute_batch(&format!("PRAGMA foreign_keys = OFF; {sql}"))
            .unwrap();
        drop(c);
        copy
    };
    for (name, day) in [
        ("chu.sqlite3", "'hôm qua'"),
        ("escape.sqlite3", "'2026-11-2\u{1b}[31m9'"),
        ("so-lon.sqlite3", "'9999-99-99'"),
        ("blob.sqlite3", "x'00ff'"),
    ] {
        let copy = edited(
            name,
            &format!(
                "INSERT INTO sessions (id, date, kind, host_group, created_at)
                 VALUES ('x', {day}, 'regular', 'officer', '2026-11-25T00:00:00Z');"
            ),
        );
        let checked = backup::check_backup(&copy).unwrap();
        assert_eq!(checked.sessions, 2, "{name}");
        assert_eq!(
            checked.last_session.as_deref(),
            Some("2026-11-20"),
            "{name}"
        );
    }
    let copy = edited(
        "thieu-bang.sqlite3",
        "DROP TABLE visit_persons; DROP TABLE visits;",
    );
    let e = backup::check_backup(&copy).unwrap_err().to_string();
    assert!(e.contains("không đọc được các bảng của sổ"), "{e}");
    assert!(e.contains("thieu-bang.sqlite3"), "{e}");
    assert!(!e.contains("no such table"), "{e}");
}

/// A backup whose history was edited behind the app's back (a row changed, the triggers
/// that guard it taken away first) is said so by its check and by the restore's question;
/// a whole one says nothing. The CLI restores it only when asked for by name, and the
/// restored register's own check still finds the edit.
#[test]
fn a_backup_with_an_edited_history_is_said_before_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let (store, made) = visited_with_a_backup(dir.path(), |_| {});
    assert_eq!(
        backup::check_backup(&made.path).unwrap().history_broken,
        None
    );
    let whole = store.restore_preview(&made.path, false).unwrap();
    assert_eq!(whole.history_broken, None);

    let edited = edited_copy(
        &made.path,
        "sua-lich-su.sqlite3",
        &format!("UPDATE changes SET note = 'sửa tay' WHERE seq = 2; {GUARDS}"),
    );
    let said = backup::check_backup(&edited).unwrap().history_broken;
    let said = said.expect("the edited row is found");
    assert!(said.contains("từ bản ghi số 2"), "{said}");
    let preview = store.restore_preview(&edited, false).unwrap();
    assert_eq!(preview.history_broken.as_deref(), Some(said.as_str()));
    // What it holds is still said beside it.
    assert_eq!(preview.backup.sessions, 1);

    // An account given a role behind the app's back (its chain left whole) is found too.
    let role = dir.path().join("sua-vai-tro.sqlite3");
    std::fs::copy(&made.path, &role).unwrap();
    let c = rusqlite::Connection::open(&role).unwrap();
    c.execute_batch(
        "INSERT INTO users (id, login, full_name, roles, password_hash, active, created_at)
         VALUES ('u-x', 'ke-la', 'Kẻ Lạ', 'admin', 'x', 1, '2026-11-25T00:00:00Z');",
    )
    .unwrap();
    drop(c);
    let said = backup::check_backup(&role).unwrap().history_broken;
    assert!(said.is_some_and(|s| s.contains("ke-la") || s.contains("tài khoản")));
}

/// Edit a copy of `from` as `name` beside it with SQL run behind the app's back (the
/// history's guards dropped first, put back after unless `keep_off`).
fn edited_copy(from: &Path, name: &str, sql: &str) -> std::path::PathBuf {
    let copy = from.with_file_name(name);
    std::fs::copy(from, &copy).unwrap();
    let c = rusqlite::Connection::open(&copy).unwrap();
    c.execute_batch(&format!(
        "DROP TRIGGER changes_no_update; DROP TRIGGER changes_no_delete; {sql}"
    ))
    .unwrap();
    drop(c);
    copy
}

/// The guards as the app makes them.
const GUARDS: &str = "CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes
           WHEN OLD.hash IS NOT NULL
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không sửa được.'); END;
         CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không xóa được.'); END;";

/// The notes of the restore records of a register, read as the file lies.
fn restore_notes(file: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT note FROM changes WHERE note LIKE 'khôi phục từ %' ORDER BY seq")
        .unwrap();
    let found = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    found
}

fn journal_mode(file: &Path) -> String {
    let bytes = std::fs::read(file).unwrap();
    format!("{}{}", bytes[18], bytes[19])
}

/// The check of a backup's history finds what an attacker tried (07/12/2026, second
/// round): an account deleted, a guard replaced by one that does nothing, a row edited
/// into something that does not read, the chain's end mark edited or deleted; and none of
/// it in a whole backup.
#[test]
fn every_way_a_backups_history_was_edited_is_found_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, made) = visited_with_a_backup(dir.path(), |store| {
        store
            .create_first_admin(&account(
                "quantri",
                "Quản trị",
                tiepdan::access::Role::Admin,
                "matkhau-123",
            ))
            .unwrap();
        store
            .save_account(&account(
                "canbo",
                "Cán bộ",
                tiepdan::access::Role::Officer,
                "matkhau-456",
            ))
            .unwrap();
    });
    assert_eq!(
        backup::check_backup(&made.path).unwrap().history_broken,
        None
    );
    let said = |name: &str, sql: &str| -> String {
        let copy = edited_copy(&made.path, name, sql);
        backup::check_backup(&copy)
            .unwrap()
            .history_broken
            .unwrap_or_else(|| panic!("{name}: not found"))
    };
    let last: i64 = {
        let c = rusqlite::Connection::open(&made.path).unwrap();
        c.query_row("SELECT max(seq) FROM changes", [], |r| r.get(0))
            .unwrap()
    };
    for (name, sql, words) in [
        (
            "xoa-tai-khoan.sqlite3",
            format!("DELETE FROM users WHERE login = 'canbo'; {GUARDS}"),
            "Tài khoản “canbo” có trong lịch sử nhưng không còn trong sổ",
        ),
        (
            "trigger-rong.sqlite3",
            "CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes WHEN 0
               BEGIN SELECT RAISE(ABORT, 'x'); END;
             CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
               BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không xóa được.'); END;"
                .into(),
            "trigger chặn sửa, xóa lịch sử đã bị gỡ hoặc bị thay",
        ),
        (
            "trigger-them.sqlite3",
            format!(
                "{GUARDS} CREATE TRIGGER changes_undo AFTER INSERT ON changes
                   BEGIN SELECT 1; END;"
            ),
            "bị gỡ hoặc bị thay",
        ),
        (
            "dong-blob.sqlite3",
            format!("UPDATE changes SET note = x'41' WHERE seq = 1; {GUARDS}"),
            "không đọc được",
        ),
        (
            "dau-cuoi-sua.sqlite3",
            format!("UPDATE audit_head SET hash = 'ab'; {GUARDS}"),
            &format!("dấu cuối của lịch sử (bảng audit_head) không khớp với bản ghi cuối cùng, số {last}"),
        ),
        (
            "dau-cuoi-xoa.sqlite3",
            format!("DELETE FROM audit_head; {GUARDS}"),
            "dấu cuối của lịch sử (bảng audit_head) đã bị xóa",
        ),
        (
            "dong-cuoi-xoa.sqlite3",
            format!("DELETE FROM changes WHERE seq = {last}; {GUARDS}"),
            &format!("lịch sử đã ghi đến bản ghi số {last}, nay chỉ còn đến số {}", last - 1),
        ),
    ] {
        let found = said(name, &sql);
        assert!(found.contains(words), "{name}: {found}");
    }
}

/// A restore checks the copy it puts in place, history too, whatever was asked about
/// before (a backup swapped after its question brought an edited history in: attacker,
/// 07/12/2026): refused unless confirmed, the register left as it was, in WAL; confirmed,
/// restored with the restore record saying so, and the edit still found after.
#[test]
fn a_restore_checks_the_history_of_what_it_puts_in_place() {
    let (dir, path, made) = register_with_a_backup();
    let edited = edited_copy(
        &made.path,
        "sua.sqlite3",
        &format!("UPDATE changes SET note = 'sửa lén' WHERE seq = 1; {GUARDS}"),
    );
    drop(open(&path));
    assert_eq!(journal_mode(&path), "22", "a register is in WAL");
    let before = std::fs::read(&path).unwrap();
    let e =
        backup::restore_by(&path, &edited, None, tiepdan::domain::Actor::Cli, false).unwrap_err();
    assert_eq!(e.field(), Some("backup"), "{e}");
    let said = e.to_string();
    assert!(
        said.contains("từ bản ghi số 1") && said.contains("không khôi phục khi chưa được xác nhận"),
        "{said}"
    );
    assert!(same_but_header(&std::fs::read(&path).unwrap(), &before));
    assert_eq!(journal_mode(&path), "22", "left in WAL, as it was");
    // Nothing of the refused restore left beside the register.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".khoi-phuc-") || n.contains("truoc-khoi-phuc"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    let kept = backup::restore_by(&path, &edited, None, tiepdan::domain::Actor::Cli, true)
        .unwrap()
        .unwrap();
    let notes = restore_notes(&path);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("lịch sử thay đổi của bản sao lưu không còn nguyên vẹn, vẫn khôi phục theo xác nhận (Lịch sử thay đổi không còn nguyên vẹn từ bản ghi số 1"),
        "{notes:?}"
    );
    let check = open(&path).verify_audit().unwrap();
    assert_eq!(check.broken_at, Some(1), "{check:?}");
    assert!(kept.exists());

    // A backup whose schema number was lowered (its tables are this version's): its
    // upgrade fails, said in words, and the register is left as it was.
    let (_dir2, path2, made2) = register_with_a_backup();
    let lowered = made2.path.with_file_name("ha-phien-ban.sqlite3");
    std::fs::copy(&made2.path, &lowered).unwrap();
    rusqlite::Connection::open(&lowered)
        .unwrap()
        .execute_batch("PRAGMA user_version = 11;")
        .unwrap();
    drop(open(&path2));
    let before = std::fs::read(&path2).unwrap();
    let e = backup::restore(&path2, &lowered).unwrap_err().to_string();
    assert!(e.contains("không nâng cấp được lên phiên bản này"), "{e}");
    assert!(
        !e.contains("CREATE") && !e.contains("already exists"),
        "{e}"
    );
    assert!(same_but_header(&std::fs::read(&path2).unwrap(), &before));
    assert_eq!(journal_mode(&path2), "22");
}

/// The register a restore replaces, its history edited behind the app's back: its audit
/// records are not carried over (they would be sealed anew into the restored register's
/// chain, the edit whitewashed: attacker, 07/12/2026); the restore record says so, and the
/// restored register's history is whole.
#[test]
fn a_replaced_registers_edited_history_is_not_carried_over() {
    let (_dir, path, made) = register_with_a_backup();
    {
        let mut store = open(&path);
        let s = session(&mut store, "2026-11-30", HostGroup::Officer);
        visit(&mut store, &s, 1, 1, None);
    }
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(&format!(
        "DROP TRIGGER changes_no_update; DROP TRIGGER changes_no_delete;
         UPDATE changes SET note = 'giả mạo' WHERE seq = 1; {GUARDS}"
    ))
    .unwrap();
    drop(c);
    backup::restore(&path, &made.path).unwrap().unwrap();
    let notes = restore_notes(&path);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("nhật ký của tệp sổ trước đó không còn nguyên vẹn, không chép sang"),
        "{notes:?}"
    );
    let restored = rusqlite::Connection::open(&path).unwrap();
    let forged: i64 = restored
        .query_row(
            "SELECT count(*) FROM changes WHERE note = 'giả mạo'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(forged, 0);
    drop(restored);
    assert_eq!(open(&path).verify_audit().unwrap().broken_at, None);
}

/// The copies restores killed half-way left beside a register are removed by the next
/// restore at once (they are never in use while it holds the restore lock), not only
/// after an hour; another register's, or a file named alike, are left.
#[test]
fn a_restore_removes_the_copies_of_restores_killed_before_it() {
    let (dir, path, made) = register_with_a_backup();
    for name in [
        ".so.sqlite3.khoi-phuc-4242",
        ".so.sqlite3.khoi-phuc-4242-wal",
        ".so.sqlite3.khoi-phuc-77",
        ".khac.sqlite3.khoi-phuc-4242",
        ".so.sqlite3.khoi-phuc-ghi-chu",
    ] {
        std::fs::write(dir.path().join(name), "x").unwrap();
    }
    backup::restore(&path, &made.path).unwrap();
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".khoi-phuc-"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            ".khac.sqlite3.khoi-phuc-4242",
            ".so.sqlite3.khoi-phuc-ghi-chu"
        ]
    );
}

/// A backup whose every account was deleted behind the app's back is not "a backup from
/// before accounts": the question says the history is not whole, and offers no way round.
#[test]
fn a_backup_whose_accounts_were_deleted_is_not_called_one_from_before_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store = open(&path);
    store
        .create_first_admin(&account(
            "quantri",
            "Quản trị",
            tiepdan::access::Role::Admin,
            "matkhau-123",
        ))
        .unwrap();
    let made = store
        .backup_at(&dir.path().join("sao-luu"), at("2026-11-25 16:00:00"))
        .unwrap();
    let emptied = edited_copy(
        &made.path,
        "khong-tai-khoan.sqlite3",
        &format!("DELETE FROM users; {GUARDS}"),
    );
    let e = store
        .check_restore(&emptied, false)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("không còn tài khoản nào: Tài khoản “quantri” có trong lịch sử nhưng không còn trong sổ"),
        "{e}"
    );
    assert!(
        !e.contains("từ trước khi có tài khoản") && !e.contains("--without-accounts"),
        "{e}"
    );
}
