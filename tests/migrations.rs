//! Migrations: an empty database, a frozen database at every earlier schema version
//! (`tests/fixtures/schema-v*.sqlite3`, made once by `make_fixture_v1` and never edited),
//! and a database written by a newer version.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use tiepdan::clock::FixedClock;
use tiepdan::domain::{HostGroup, PetitionKind};
use tiepdan::report::period_report;
use tiepdan::store::SCHEMA_VERSION;
use tiepdan::Store;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn open_at(path: &Path) -> Store {
    Store::open_with_clock(path, Box::new(FixedClock(date("2026-03-31")))).unwrap()
}

#[test]
fn an_empty_database_is_created_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/tiepdan.sqlite3");
    let store = open_at(&path);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.is_empty().unwrap());
    assert!(store.fields().unwrap().iter().any(|f| f.name == "Đất đai"));
    drop(store);
    // Opening again changes nothing and makes no backup.
    let store = open_at(&path);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let backups = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".bak-")
        })
        .count();
    assert_eq!(backups, 0);
}

#[test]
fn the_first_schema_opens_with_its_records_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    std::fs::copy(fixture("schema-v1.sqlite3"), &path).unwrap();
    let store = open_at(&path);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let r = period_report(
        &store,
        tiepdan::period::Period::parse("2026-03-01", "2026-03-31").unwrap(),
    )
    .unwrap();
    assert_eq!((r.chairman.visits, r.chairman.people), (1, 3));
    assert_eq!((r.officer.visits, r.officer.people), (2, 3));
    assert_eq!(r.officer.petitions_at_visits.complaint, 1);
    assert_eq!(r.petitions_received.total, 1);
    assert_eq!(store.find_persons("nguyen van duc", 5).unwrap().len(), 1);
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).unwrap_err();
    assert_eq!(e.code(), "newer_database");
    assert!(e.to_string().contains("phiên bản mới hơn"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is not touched"
    );
}

/// Writes the frozen v1 fixture. Run once, when schema v1 was current:
/// `cargo test --test migrations make_fixture_v1 -- --ignored`
#[test]
#[ignore]
fn make_fixture_v1() {
    assert_eq!(
        SCHEMA_VERSION, 1,
        "the v1 fixture can only be made by a v1 build"
    );
    let path = fixture("schema-v1.sqlite3");
    let _ = std::fs::remove_file(&path);
    let mut store = open_at(&path);
    let c = session(&mut store, "2026-03-05", HostGroup::Chairman);
    let mut duc = person("Nguyễn Văn Đức");
    duc.id_number = Some("001090001234".into());
    store.add_visit(&visit_input(&c, vec![duc], 3)).unwrap();
    let o = session(&mut store, "2026-03-06", HostGroup::Officer);
    visit(&mut store, &o, 2, 2, Some(PetitionKind::Complaint));
    visit(&mut store, &o, 1, 1, None);
    drop(store);
    // One self-contained file, no WAL beside it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
}
