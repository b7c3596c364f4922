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
fn content(store: &Store) -> String {
    let mut file = store.export_exchange().unwrap();
    file.exported_at = String::new();
    serde_json::to_string(&file).unwrap()
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
    assert!(aside
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("so.sqlite3.truoc-khoi-phuc-"));
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        after_work,
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
    // Restored, it is upgraded again on opening and gives the same figures (the unit's
    // id is new to each upgrade).
    let other = dir.path().join("khoi-phuc.sqlite3");
    backup::restore(&other, &bak).unwrap();
    assert_eq!(figures(&open(&other)), upgraded);
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
    assert_eq!(std::fs::read(&a).unwrap(), first);
    // One restore at a time: while one is under way (its mark beside the register), another
    // is refused; a mark left by a restore killed long ago is taken over; none is left.
    let mark = dir.path().join(".so.sqlite3.khoi-phuc.lock");
    assert!(!mark.exists(), "a restore leaves no mark");
    std::fs::write(&mark, b"").unwrap();
    let e = backup::restore(&path, &made.path).unwrap_err();
    assert!(
        e.to_string().contains("Một lần khôi phục khác đang chạy"),
        "{e}"
    );
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&mark)
        .unwrap()
        .set_modified(old)
        .unwrap();
    backup::restore(&path, &made.path).unwrap();
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
