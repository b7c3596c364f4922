//! Nothing acknowledged is ever lost: a writer killed (SIGKILL) at random points a hundred
//! times, and two writers with a reader on one register at once.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use common::*;
use rusqlite::Connection;
use tiepdan::clock::FixedClock;
use tiepdan::domain::HostGroup;
use tiepdan::period::Period;
use tiepdan::Store;

const CHILD: &str = "TIEPDAN_TEST_WRITER";

fn open(path: &std::path::Path) -> Store {
    Store::open_with_clock(path, Box::new(FixedClock(date("2026-11-30")))).unwrap()
}

/// Not a test by itself: the writer the crash test starts and kills. It records a session
/// and a visit at a time and prints their ids once each is saved.
#[test]
fn writer_for_the_crash_test() {
    let Ok(path) = std::env::var(CHILD) else {
        return;
    };
    let mut store = open(std::path::Path::new(&path));
    let mut out = std::io::stdout().lock();
    loop {
        let s = session(&mut store, "2026-11-02", HostGroup::Officer);
        let v = store
            .add_visit(&visit_input(&s, vec![person("Nguyễn Văn Bền")], 1))
            .unwrap();
        writeln!(out, "saved {s} {}", v.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_writer_killed_anywhere_loses_nothing_it_said_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    drop(open(&path));
    let exe = std::env::current_exe().unwrap();
    let mut saved: Vec<(String, String)> = Vec::new();
    let mut seed: u64 = 0x5EED;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for _ in 0..100 {
        let mut child = Command::new(&exe)
            .args(["--exact", "writer_for_the_crash_test", "--nocapture"])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Let it save a few, then kill it at a random moment (often mid-transaction).
        let want = next(6);
        let mut seen = 0;
        while seen < want {
            match lines.next() {
                Some(Ok(line)) if line.starts_with("saved ") => {
                    let mut ids = line[6..].split(' ');
                    saved.push((ids.next().unwrap().into(), ids.next().unwrap().into()));
                    seen += 1;
                }
                Some(Ok(_)) => {}
                _ => break,
            }
        }
        std::thread::sleep(std::time::Duration::from_micros(next(4000)));
        child.kill().unwrap();
        child.wait().unwrap();
        // What it printed before it died was saved too.
        for line in lines.map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("saved ") {
                let mut ids = rest.split(' ');
                saved.push((ids.next().unwrap().into(), ids.next().unwrap().into()));
            }
        }
    }
    assert!(saved.len() >= 100, "the writer saved {}", saved.len());
    let conn = Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    for (session, visit) in &saved {
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM visits WHERE id = ?1 AND session_id = ?2",
                [visit, session],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            found, 1,
            "visit {visit} of session {session} was said saved"
        );
    }
    // And the register still opens and counts what it holds.
    let store = open(&path);
    let all = Period::parse("2026-11-01", "2026-11-30").unwrap();
    let r = tiepdan::report::period_report(&store, all).unwrap();
    assert!(r.reception.visits as usize >= saved.len());
}

#[test]
fn two_writers_and_a_reader_at_once_never_fail_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    drop(open(&path));
    let per_writer = 60;
    std::thread::scope(|s| {
        for w in 0..2 {
            let path = &path;
            s.spawn(move || {
                let mut store = open(path);
                for i in 0..per_writer {
                    let day = format!("2026-11-{:02}", 1 + (i + w) % 28);
                    let sid = session(&mut store, &day, HostGroup::Officer);
                    store
                        .add_visit(&visit_input(&sid, vec![person("Trần Thị Lụa")], 2))
                        .unwrap();
                }
            });
        }
        let path = &path;
        s.spawn(move || {
            let store = open(path);
            let month = Period::parse("2026-11-01", "2026-11-30").unwrap();
            for _ in 0..40 {
                tiepdan::report::period_report(&store, month).unwrap();
                store.find_persons("tran thi", 8).unwrap();
            }
        });
    });
    let store = open(&path);
    let month = Period::parse("2026-11-01", "2026-11-30").unwrap();
    let r = tiepdan::report::period_report(&store, month).unwrap();
    assert_eq!(r.reception.visits, 2 * per_writer as u32);
    assert_eq!(r.reception.people, 4 * per_writer as u32);
}

const IMPORTER: &str = "TIEPDAN_TEST_IMPORTER";

/// Not a test by itself: the importer the next test starts and kills. It imports a
/// generated file into the register and says when it starts and when it is done.
#[test]
fn importer_for_the_crash_test() {
    let Ok(path) = std::env::var(IMPORTER) else {
        return;
    };
    use tiepdan::exchange::generate::{generate, Spec};
    let file = generate(&Spec::new(IMPORTED, 11, date("2026-11-30")));
    let mut store = open(std::path::Path::new(&path));
    let mut out = std::io::stdout().lock();
    writeln!(out, "start").unwrap();
    out.flush().unwrap();
    store.import_exchange(&file).unwrap();
    writeln!(out, "done").unwrap();
    out.flush().unwrap();
}

const IMPORTED: usize = 800;

#[test]
fn an_import_killed_anywhere_leaves_the_register_whole_with_all_of_it_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    // Runs the importer; whether it said it was done, and how long it ran after starting.
    let run = |path: &std::path::Path,
               kill_after: Option<std::time::Duration>|
     -> (bool, std::time::Duration) {
        let mut child = Command::new(&exe)
            .args(["--exact", "importer_for_the_crash_test", "--nocapture"])
            .env(IMPORTER, path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        while let Some(Ok(line)) = lines.next() {
            if line == "start" {
                break;
            }
        }
        let started = std::time::Instant::now();
        if let Some(after) = kill_after {
            std::thread::sleep(after);
            child.kill().unwrap();
        }
        child.wait().unwrap();
        let ran = started.elapsed();
        (lines.map_while(Result::ok).any(|l| l == "done"), ran)
    };
    // How long a whole import takes here, to kill the others within it.
    let whole = dir.path().join("whole.sqlite3");
    drop(open(&whole));
    let (done, took) = run(&whole, None);
    assert!(done);
    let took = took.as_micros() as u64;

    let mut seed: u64 = 0x1A9_0E7;
    let mut killed_midway = 0;
    for i in 0..12 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let path = dir.path().join(format!("so{i}.sqlite3"));
        drop(open(&path));
        let after = std::time::Duration::from_micros((seed >> 33) % took.max(1));
        let (finished, _) = run(&path, Some(after));
        if !finished {
            killed_midway += 1;
        }
        // Whatever the moment: the register opens whole, in WAL mode, and holds the file's
        // records all or none (all, if the importer said it was done).
        let store = open(&path);
        let check = store.check_integrity().unwrap();
        assert!(check.ok, "kill {i} after {after:?}: {:?}", check.problems);
        let persons = count(&store, "persons");
        assert!(
            persons == 0 || persons == IMPORTED as i64,
            "kill {i} after {after:?}: {persons} persons"
        );
        if finished {
            assert_eq!(persons, IMPORTED as i64, "kill {i}: said done");
        }
        let mode: String = Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal", "kill {i}");
    }
    assert!(
        killed_midway >= 3,
        "only {killed_midway} kills came mid-import"
    );
}
