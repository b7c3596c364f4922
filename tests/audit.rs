//! The history is append-only and hash-chained: the app's own writes keep it whole, SQL
//! cannot edit or delete it while the triggers stand, and an edit or a deletion made
//! behind the app's back (triggers dropped) is found by `audit verify`, naming the row.

mod common;

use std::process::Command;

use common::*;
use rusqlite::Connection;
use tiepdan::domain::HostGroup;
use tiepdan::exchange::generate::{generate, Spec};
use tiepdan::Store;

fn verify_cli(db: &std::path::Path) -> (bool, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("--db")
        .arg(db)
        .args(["audit", "verify"])
        .env_remove("TIEPDAN_DB")
        .output()
        .unwrap();
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

fn register(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    let mut settings = store.settings().unwrap();
    settings.unit_name = "phường Việt Hòa".into();
    store.save_settings(&settings).unwrap();
    for day in ["2026-11-02", "2026-11-03", "2026-11-04"] {
        let s = session(&mut store, day, HostGroup::Officer);
        let v = visit(&mut store, &s, 1, 1, None);
        store.delete_visit(&v.id).unwrap();
        visit(&mut store, &s, 1, 2, None);
    }
    let check = store.verify_audit().unwrap();
    assert_eq!(check.broken_at, None, "{check:?}");
    assert!(check.rows >= 10, "{check:?}");
}

#[test]
fn the_history_is_whole_after_the_apps_own_writes_and_cannot_be_edited() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.sqlite3");
    register(&db);
    let (ok, said) = verify_cli(&db);
    assert!(ok, "{said}");
    assert!(said.contains("nguyên vẹn"), "{said}");
    let conn = Connection::open(&db).unwrap();
    let e = conn
        .execute("UPDATE changes SET note = 'sửa lén' WHERE seq = 2", [])
        .unwrap_err();
    assert!(e.to_string().contains("không sửa được"), "{e}");
    let e = conn
        .execute("DELETE FROM changes WHERE seq = 2", [])
        .unwrap_err();
    assert!(e.to_string().contains("không xóa được"), "{e}");
}

#[test]
fn an_edit_or_a_deletion_behind_the_apps_back_is_found() {
    for (tamper, found) in [
        (
            "UPDATE changes SET note = 'sửa lén' WHERE seq = 4",
            "từ bản ghi số 4",
        ),
        (
            "UPDATE changes SET actor = 'cli' WHERE seq = 4",
            "từ bản ghi số 4",
        ),
        // A deletion leaves a gap in the numbers.
        ("DELETE FROM changes WHERE seq = 4", "thiếu bản ghi số 4"),
        // Rows deleted from the end, or all of them: the head kept apart says so.
        (
            "DELETE FROM changes WHERE seq = (SELECT max(seq) FROM changes)",
            "các bản ghi cuối đã bị xóa",
        ),
        (
            "DELETE FROM changes WHERE seq > 3",
            "các bản ghi cuối đã bị xóa",
        ),
        ("DELETE FROM changes", "các bản ghi cuối đã bị xóa"),
        // Renumbered rows.
        (
            "UPDATE changes SET seq = seq + 100000",
            "thiếu bản ghi số 1 ",
        ),
        // Only the triggers taken away.
        ("", "trigger"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("so.sqlite3");
        register(&db);
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("DROP TRIGGER changes_no_update; DROP TRIGGER changes_no_delete;")
            .unwrap();
        conn.execute_batch(tamper).unwrap();
        drop(conn);
        let (ok, said) = verify_cli(&db);
        assert!(!ok, "{tamper}: {said}");
        assert!(said.contains(found), "{tamper}: {said}");
    }
}

#[test]
fn an_import_chains_its_rows_after_the_history_and_later_writes_follow_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.sqlite3");
    register(&db);
    let mut store = Store::open(&db).unwrap();
    let before = store.verify_audit().unwrap().rows;
    let until = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let file = generate(&Spec::new(300, 11, until));
    let n = store.import_exchange(&file).unwrap();
    // The new petitions' moves are part of them, as the petitions are part of the
    // import: its summary is the one row added for all of them.
    assert!(n.events > n.petitions, "{n:?}");
    let check = store.verify_audit().unwrap();
    assert_eq!(check.broken_at, None, "{check:?}");
    assert_eq!(check.rows, before + 1, "{check:?} {n:?}");

    // The whole of that register, its history with it, into a new one: each history row
    // appended and chained at the import's end, then the summary.
    let copy = dir.path().join("ban-sao.sqlite3");
    let mut other = Store::open(&copy).unwrap();
    let theirs = other.verify_audit().unwrap().rows;
    let n = other
        .import_exchange(&store.export_exchange().unwrap())
        .unwrap();
    assert!(n.changes > before, "{n:?}");
    let check = other.verify_audit().unwrap();
    assert_eq!(check.broken_at, None, "{check:?}");
    assert_eq!(check.rows, theirs + n.changes + 1, "{check:?} {n:?}");
    drop(other);

    // A desk write after the import follows the chain.
    for (mut store, db) in [(store, db), (Store::open(&copy).unwrap(), copy)] {
        let s = session(&mut store, "2026-11-05", HostGroup::Officer);
        visit(&mut store, &s, 1, 1, None);
        drop(store);
        let (ok, said) = verify_cli(&db);
        assert!(ok, "{said}");
        let conn = Connection::open(&db).unwrap();
        let unsealed: i64 = conn
            .query_row("SELECT count(*) FROM changes WHERE hash IS NULL", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(unsealed, 0);
    }
}

/// The guards as the app makes them.
const GUARDS: &str = "CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes
           WHEN OLD.hash IS NOT NULL
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không sửa được.'); END;
         CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không xóa được.'); END;";

/// What the app's own next write or upgrade did to hide an edit (attacker, 07/12/2026,
/// second round), each now found by `verify` after that write:
/// - a row edited and its hash (and the later ones') emptied, the schema number lowered so
///   that the next opening upgrades the register: the upgrade sealed the edited rows anew;
/// - the last rows deleted and the numbering put back: the next write chained onto the
///   shortened history and moved the head onto it;
/// - a trigger on `CHANGES` (upper case) that rewrites every new row before it is sealed.
#[test]
fn the_apps_next_write_or_upgrade_never_makes_an_edited_history_whole() {
    let cases: [(&str, &str, &str); 5] = [
        (
            // The last row unsealed and the head moved back to the row before: a write
            // that chains rows in memory (an import) used to seal it as its own.
            "unsealed-last",
            "UPDATE changes SET note = 'sửa cuối', hash = NULL WHERE seq = (SELECT max(seq) FROM changes);
             UPDATE audit_head SET seq = seq - 1,
               hash = (SELECT hash FROM changes WHERE seq = (SELECT max(seq) - 1 FROM changes));",
            "không còn nguyên vẹn",
        ),
        (
            "reseal",
            "UPDATE changes SET note = 'sửa lén', hash = NULL WHERE seq = 3;
             UPDATE changes SET hash = NULL WHERE seq > 3;
             DROP INDEX petitions_carry_uncounted; ALTER TABLE visits DROP COLUMN prior_agencies;
             PRAGMA user_version = 11;",
            "từ bản ghi số 3",
        ),
        (
            "cut-tail",
            "DELETE FROM changes WHERE seq > (SELECT max(seq) - 2 FROM changes);
             UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM changes) WHERE name = 'changes';",
            "không còn nguyên vẹn",
        ),
        (
            "head-deleted",
            "DELETE FROM audit_head;",
            "không còn nguyên vẹn",
        ),
        (
            "upper-case-trigger",
            "CREATE TRIGGER changes_audit AFTER INSERT ON CHANGES WHEN NEW.hash IS NULL
               BEGIN UPDATE changes SET note = 'ke khac' WHERE seq = NEW.seq; END;",
            "trigger",
        ),
    ];
    for (name, tamper, found) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("so.sqlite3");
        register(&db);
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(&format!(
            "DROP TRIGGER changes_no_update; DROP TRIGGER changes_no_delete; {tamper} {GUARDS}"
        ))
        .unwrap();
        drop(conn);
        // The app's next opening (an upgrade, for "reseal"), an import (its rows chained in
        // memory), and a write.
        let mut store = Store::open(&db).unwrap();
        let file = generate(&Spec::new(20, 5, date("2026-11-20")));
        store.import_exchange(&file).unwrap();
        let mut settings = store.settings().unwrap();
        settings.unit_name = "phường Việt Hòa mới".into();
        store.save_settings(&settings).unwrap();
        let check = store.verify_audit().unwrap();
        assert!(check.broken_at.is_some(), "{name}: {check:?}");
        assert!(check.message.contains(found), "{name}: {check:?}");
        drop(store);
        let (ok, said) = verify_cli(&db);
        assert!(!ok, "{name}: {said}");
    }
}

/// A history row edited into a value no row holds (a blob) is said in words, naming it.
#[test]
fn a_row_that_does_not_read_is_named_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.sqlite3");
    register(&db);
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(&format!(
        "DROP TRIGGER changes_no_update; DROP TRIGGER changes_no_delete;
         UPDATE changes SET note = x'41' WHERE seq = 2; {GUARDS}"
    ))
    .unwrap();
    drop(conn);
    let (ok, said) = verify_cli(&db);
    assert!(!ok, "{said}");
    assert!(
        said.contains("bản ghi số 2 không đọc được (đã bị sửa ngoài phần mềm)"),
        "{said}"
    );
    assert!(!said.contains("Invalid column type"), "{said}");
}
