//! An import is one all-or-nothing transaction: a desk save made while it runs waits for
//! it (the busy timeout covers an import) and succeeds; a failed import leaves nothing.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use tiepdan::clock::FixedClock;
use tiepdan::domain::*;
use tiepdan::exchange::generate::{generate, Spec};
use tiepdan::Store;

fn open(path: &std::path::Path) -> Store {
    Store::open_with_clock(path, Box::new(FixedClock(date("2026-06-30")))).unwrap()
}

#[test]
fn a_desk_save_during_a_big_import_waits_and_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    drop(open(&path));
    let file = generate(&Spec::new(1500, 3, date("2026-06-30")));
    let visits = file.visits.len() as i64;

    let done = Arc::new(AtomicBool::new(false));
    let finished = done.clone();
    let import_path = path.clone();
    let importer = std::thread::spawn(move || {
        let mut store = open(&import_path);
        let n = store.import_exchange(&file).unwrap();
        finished.store(true, Ordering::SeqCst);
        n
    });
    // Wait until the import holds the write lock: a probe that does not wait is refused.
    let probe = rusqlite::Connection::open(&path).unwrap();
    probe.busy_timeout(Duration::ZERO).unwrap();
    loop {
        assert!(
            !done.load(Ordering::SeqCst),
            "the import ended before the probe saw it"
        );
        match probe.execute_batch("BEGIN IMMEDIATE") {
            Ok(()) => {
                probe.execute_batch("ROLLBACK").unwrap();
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(_) => break,
        }
    }
    // The officer saves a visit meanwhile, on a connection of its own.
    let mut desk = open(&path);
    let s = session(&mut desk, "2026-06-29", HostGroup::Officer);
    let saved = desk
        .add_visit(&visit_input(&s, vec![person("Lê Văn Tâm")], 1))
        .unwrap();
    let n = importer.join().unwrap();
    assert_eq!(n.persons, 1500);
    // The save waited for the import to commit: its row comes after every imported one
    // (timestamps taken by two threads after the fact would race each other).
    let (mine, last_imported): (i64, i64) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT (SELECT rowid FROM visits WHERE id = ?1),
                    (SELECT max(rowid) FROM visits WHERE id <> ?1)",
            [&saved.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        mine > last_imported,
        "the save waited for the import to commit"
    );
    assert_eq!(count(&open(&path), "visits"), visits + 1);
}

#[test]
fn a_failed_import_leaves_nothing_and_the_register_writable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store = open(&path);
    let mut file = generate(&Spec::new(300, 4, date("2026-06-30")));
    // A petition whose recorded state is not where its moves lead: found at the very end,
    // after every record of the file was written in the transaction.
    let p = file
        .petitions
        .iter_mut()
        .rev()
        .find(|p| p.state == PetitionState::Received)
        .unwrap();
    p.state = PetitionState::Resolved;
    let e = store.import_exchange(&file).unwrap_err();
    assert!(e.to_string().contains("state"), "{e}");
    for table in ["persons", "visits", "sessions", "petitions", "cases"] {
        assert_eq!(count(&store, table), 0, "{table}");
    }
    session(&mut store, "2026-06-29", HostGroup::Officer);
}
