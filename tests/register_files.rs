//! Opening the register file: a file that is not a register is refused untouched, a
//! mistyped folder is an error, a register is stamped as Sổ Tiếp Dân's, a register that
//! cannot be written is read only, a damaged one is said to be damaged, and two processes
//! creating the same register at once both succeed.

use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::Connection;
use tiepdan::error::Error;
use tiepdan::store::{APPLICATION_ID, SCHEMA_VERSION};
use tiepdan::Store;

/// The folder's files with their bytes: what "untouched" means.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn refused_untouched(path: &Path, expect: &str) {
    let dir = path.parent().unwrap();
    let before = snapshot(dir);
    let e = Store::open(path).unwrap_err();
    assert!(matches!(e, Error::NotRegister(_)), "{e:?}");
    assert_eq!(e.code(), "not_register");
    assert!(e.to_string().contains(expect), "{e}");
    assert!(e.to_string().contains("không ghi gì"), "{e}");
    assert_eq!(
        snapshot(dir),
        before,
        "nothing written, nothing added beside it"
    );
    // Nor does the full check call another program's database an intact register (a file
    // that is no database at all is said to be damaged: it may be a register's remains).
    match tiepdan::store::check_file(path) {
        Err(e) => {
            assert!(matches!(e, Error::NotRegister(_)), "{e:?}");
            assert!(e.to_string().contains(expect), "{e}");
        }
        Ok(check) => assert!(!check.ok, "{check:?}"),
    }
    assert_eq!(snapshot(dir), before, "the check writes nothing either");
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // A contacts database of some other program.
    let other = dir.path().join("danh-ba.sqlite3");
    let c = Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('An');")
        .unwrap();
    drop(c);
    refused_untouched(&other, "chương trình khác");

    // One that even has tables named like ours, but another program's stamp.
    let stamped = dir.path().join("khac.sqlite3");
    let c = Connection::open(&stamped).unwrap();
    c.execute_batch(
        "CREATE TABLE sessions (id TEXT); CREATE TABLE visits (id TEXT);
         CREATE TABLE settings (key TEXT); PRAGMA user_version = 3;
         PRAGMA application_id = 1234;",
    )
    .unwrap();
    drop(c);
    refused_untouched(&stamped, "chương trình khác");

    // Unstamped, with a schema version and three of our table names: still not ours (no
    // WAL switch, no backup beside it).
    let lookalike = dir.path().join("web.sqlite3");
    let c = Connection::open(&lookalike).unwrap();
    c.execute_batch(
        "CREATE TABLE sessions (id TEXT); CREATE TABLE visits (id TEXT);
         CREATE TABLE settings (key TEXT); PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(c);
    refused_untouched(&lookalike, "chương trình khác");

    // Another program's database at its own schema version 7 is not "a newer register".
    let versioned = dir.path().join("khac-v7.sqlite3");
    let c = Connection::open(&versioned).unwrap();
    c.execute_batch("CREATE TABLE notes (x TEXT); PRAGMA user_version = 7;")
        .unwrap();
    drop(c);
    refused_untouched(&versioned, "chương trình khác");
}

#[test]
fn a_path_is_never_read_as_a_uri() {
    let dir = tempfile::tempdir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    let store = Store::open(Path::new("file:so.sqlite3?mode=memory")).unwrap();
    drop(store);
    assert!(dir.path().join("file:so.sqlite3?mode=memory").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("so.sqlite3");
    std::fs::write(
        &text,
        "Họ và tên,Ngày tiếp\nNguyễn Văn An,01/12/2026\n".repeat(100),
    )
    .unwrap();
    refused_untouched(&text, "không phải cơ sở dữ liệu SQLite");
}

/// A register of the demo's records, closed (its journal folded into the file), and the
/// size of its pages.
fn demo_register(path: &Path) -> usize {
    let mut store = Store::open(path).unwrap();
    tiepdan::demo::append_demo(&mut store, 1).unwrap();
    drop(store);
    let c = Connection::open(path).unwrap();
    let size: i64 = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    size as usize
}

fn run_check(path: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("--db")
        .arg(path)
        .arg("check")
        .env_remove("TIEPDAN_DB")
        .output()
        .unwrap()
}

#[test]
fn a_whole_register_passes_the_full_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    demo_register(&path);
    let check = Store::open(&path).unwrap().check_integrity().unwrap();
    assert!(check.ok, "{check:?}");
    assert!(check.problems.is_empty());
    assert!(tiepdan::store::check_file(&path).unwrap().ok);
    let out = run_check(&path);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("nguyên vẹn"));
}

/// The first start after an update (the kept values computed by another version's rules)
/// computes them again as the app opens the register, every day's counters included (one
/// edited outside the app as well is found again equal to a recount), and only then.
/// The full check recomputes the values kept for each open petition (next due day,
/// carry into later periods) and says which differ, as it does for the day counters: an
/// edit of them outside the app would change 02/XLD's figures unseen. `rebuild` mends them.
#[test]
fn the_check_finds_kept_due_days_and_carries_edited_outside_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    demo_register(&path);
    let clean = tiepdan::store::check_file(&path).unwrap();
    assert_eq!(clean.message, "Tệp sổ nguyên vẹn.", "{clean:?}");
    let open: Vec<(String, i64, i64)> = {
        let c = Connection::open(&path).unwrap();
        let mut stmt = c
            .prepare(
                "SELECT id, year, number FROM petitions
                  WHERE due_stale = 0 AND state IN ('received', 'classified', 'accepted')
                  ORDER BY year, number LIMIT 3",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(
        open.len(),
        3,
        "the demo has open petitions with kept values"
    );
    let edits = [
        "UPDATE petitions SET carry_units = coalesce(carry_units, 0) + 7 WHERE id = ?1",
        "UPDATE petitions SET due_next = '2099-01-01' WHERE id = ?1",
        // Waiting to be computed, yet holding a carry the reports would add.
        "UPDATE petitions SET due_stale = 1, carry_units = 3 WHERE id = ?1",
    ];
    for ((id, year, number), edit) in open.iter().zip(edits) {
        let c = Connection::open(&path).unwrap();
        c.execute(edit, [id]).unwrap();
        drop(c);
        let check = tiepdan::store::check_file(&path).unwrap();
        assert!(check.ok, "not damage: {check:?}");
        let named = format!("đơn số {number}/{year}");
        assert!(
            check.notes.iter().any(|n| n == &named),
            "{edit}: {:?}",
            check.notes
        );
        assert!(
            check.message.contains("tiepdan rebuild"),
            "{}",
            check.message
        );
    }
    // A closed petition given a carry (the reports would add it) is named too.
    let (closed, year, number): (String, i64, i64) = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT id, year, number FROM petitions WHERE state IN ('resolved', 'guided', 'transferred', 'filed')
              ORDER BY year, number LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE petitions SET due_stale = 0, carry_units = 9, carry_since = '2026-01-10' WHERE id = ?1",
            [&closed],
        )
        .unwrap();
    let check = tiepdan::store::check_file(&path).unwrap();
    assert!(
        check.notes.contains(&format!("đơn số {number}/{year}")),
        "{:?}",
        check.notes
    );
    let out = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("--db")
        .arg(&path)
        .arg("rebuild")
        .env_remove("TIEPDAN_DB")
        .env_remove("TIEPDAN_USER")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mended = tiepdan::store::check_file(&path).unwrap();
    assert_eq!(mended.message, "Tệp sổ nguyên vẹn.", "{mended:?}");
}

#[test]
fn values_kept_by_another_version_are_computed_again_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    demo_register(&path);
    {
        let c = Connection::open(&path).unwrap();
        c.execute(
            "UPDATE due_basis SET fingerprint = 'an earlier version'",
            [],
        )
        .unwrap();
        c.execute(
            "UPDATE day_counts SET visits = visits + 1
              WHERE day = (SELECT min(day) FROM day_counts WHERE visits > 0)",
            [],
        )
        .unwrap();
    }
    let history = |path: &std::path::Path| -> i64 {
        Connection::open(path)
            .unwrap()
            .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
            .unwrap()
    };
    let before = history(&path);
    let copy = dir.path().join("ban-sao.sqlite3");
    std::fs::copy(&path, &copy).unwrap();
    let mut store = Store::open(&path).unwrap();
    // Another program writing (an import): not waited for, nothing computed, nothing said.
    let writer = Connection::open(&path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    // (Waiting would end, after the 180 s busy timeout, in an error: the unwrap fails.)
    assert!(!store.refresh_stale_kept().unwrap());
    writer.execute_batch("ROLLBACK").unwrap();
    assert!(
        store.refresh_stale_kept().unwrap(),
        "stale values are computed"
    );
    assert!(!store.refresh_stale_kept().unwrap(), "and only once");
    drop(store);
    assert_eq!(history(&path), before, "nothing of the records changed");
    let check = tiepdan::store::check_file(&path).unwrap();
    assert_eq!(check.message, "Tệp sổ nguyên vẹn.", "{check:?}");
    assert!(check.notes.is_empty(), "{:?}", check.notes);
    // The command line does the same at its first command (a report here).
    let report = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("--db")
        .arg(&copy)
        .args(["report", "--from", "2026-01-01", "--to", "2026-12-31"])
        .env_remove("TIEPDAN_DB")
        .env_remove("TIEPDAN_USER")
        .output()
        .unwrap();
    assert!(report.status.success(), "{report:?}");
    assert!(report.stderr.is_empty(), "{report:?}");
    let print: String = Connection::open(&copy)
        .unwrap()
        .query_row("SELECT fingerprint FROM due_basis", [], |r| r.get(0))
        .unwrap();
    assert_ne!(
        print, "an earlier version",
        "computed by this version's rules"
    );
    // And so checked against a recount: the edited counter was counted again.
    let check = tiepdan::store::check_file(&copy).unwrap();
    assert_eq!(check.message, "Tệp sổ nguyên vẹn.", "{check:?}");
}

/// The days' counters of the dashboard's chart and a case's first reception day, edited
/// outside the app (one day's visits changed, another day's row deleted, a case's first
/// day moved), are found by the full check against a recount from the rows; `tiepdan
/// rebuild` counts every day and case again and the check passes.
#[test]
fn day_counters_edited_outside_the_app_are_found_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    demo_register(&path);
    let case: String = {
        let c = Connection::open(&path).unwrap();
        let case: String = c
            .query_row(
                "SELECT min(case_id) FROM visits WHERE case_id IN (SELECT id FROM cases)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            c.execute(
                "UPDATE cases SET first_seen = '1990-01-01' WHERE id = ?1",
                [&case]
            )
            .unwrap(),
            1
        );
        case
    };
    let (first, last): (String, String) = {
        let c = Connection::open(&path).unwrap();
        let days: (String, String) = c
            .query_row(
                "SELECT min(day), max(day) FROM day_counts WHERE visits > 0",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        c.execute(
            "UPDATE day_counts SET visits = visits + 1 WHERE day = ?1",
            [&days.0],
        )
        .unwrap();
        c.execute("DELETE FROM day_counts WHERE day = ?1", [&days.1])
            .unwrap();
        days
    };
    let check = tiepdan::store::check_file(&path).unwrap();
    assert!(check.ok, "{check:?}");
    assert!(
        check.notes.contains(&format!("ngày {first}"))
            && check.notes.contains(&format!("ngày {last}")),
        "{:?}",
        check.notes
    );
    assert!(
        check.message.starts_with(
            "Tệp sổ nguyên vẹn. Lưu ý: số đếm giữ sẵn của biểu đồ 12 tuần khác với đếm lại từ bản ghi ở 2 ngày"
        ),
        "{}",
        check.message
    );
    assert!(
        check.notes.contains(&format!("vụ việc {case}")),
        "{check:?}"
    );
    assert!(
        check.message.contains(&format!(
            "; ngày tiếp lần đầu giữ sẵn của 1 vụ việc khác với tính lại từ bản ghi (ví dụ: vụ việc {case}); lệnh `tiepdan rebuild` tính lại."
        )),
        "{}",
        check.message
    );
    let rebuild = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("--db")
        .arg(&path)
        .arg("rebuild")
        .env_remove("TIEPDAN_DB")
        .output()
        .unwrap();
    assert!(rebuild.status.success(), "{rebuild:?}");
    let said = String::from_utf8_lossy(&rebuild.stdout).to_string();
    assert!(said.starts_with("Đã tính lại hạn kế tiếp của "), "{said}");
    let check = tiepdan::store::check_file(&path).unwrap();
    assert_eq!(check.message, "Tệp sổ nguyên vẹn.", "{check:?}");
    assert!(check.notes.is_empty(), "{:?}", check.notes);
}

/// Opening no longer reads every page: a register damaged inside opens, and the full
/// check (the shell's background check, `tiepdan check`) finds the damage.
#[test]
fn a_register_damaged_inside_is_found_by_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let page = demo_register(&path);
    // The first page of the visits table, overwritten (not the file's header).
    let root: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'visits'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(root > 1);
    let mut bytes = std::fs::read(&path).unwrap();
    let at = (root as usize - 1) * page;
    for b in &mut bytes[at..at + page] {
        *b = 0xA5;
    }
    std::fs::write(&path, bytes).unwrap();

    let store = Store::open(&path).expect("opening does not read the visits");
    let check = store.check_integrity().unwrap();
    assert!(!check.ok, "{check:?}");
    assert!(!check.problems.is_empty());
    assert!(check.message.contains("bị hỏng"), "{}", check.message);
    assert!(check.message.contains("sao lưu"), "{}", check.message);
    drop(store);
    let from_file = tiepdan::store::check_file(&path).unwrap();
    assert_eq!(from_file.problems, check.problems);
    assert!(from_file.message.starts_with(&check.message));
    assert!(from_file.message.contains("sao lưu"));
    let out = run_check(&path);
    assert!(!out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bị hỏng"),
        "{out:?}"
    );
}

/// The reports count petitions by their state: a state edited behind the app's back, a
/// move that does not start where the one before ended, and a petition without its
/// receipt are each found by the full check, named by the petition's number.
#[test]
fn a_petition_history_edited_outside_the_app_is_found_by_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    demo_register(&path);
    let conn = Connection::open(&path).unwrap();
    // Three petitions: two with several moves, and a third.
    let pick = |sql: &str| -> (String, i64, i64) {
        conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
    };
    let moved = "SELECT p.id, p.number, p.year FROM petitions p
                  WHERE (SELECT count(*) FROM petition_events e WHERE e.petition_id = p.id) >= 3
                  ORDER BY p.year, p.number";
    let (edited, n1, y1) = pick(&format!("{moved} LIMIT 1"));
    let (chained, n2, y2) = pick(&format!("{moved} LIMIT 1 OFFSET 1"));
    // Any third one (which of the demo's petitions still have only their receipt depends
    // on the day the test runs): all its moves go.
    let (bare, n3, y3) = pick(&format!(
        "SELECT p.id, p.number, p.year FROM petitions p
          WHERE p.id NOT IN ('{edited}', '{chained}')
          ORDER BY p.year, p.number LIMIT 1"
    ));
    assert!(Store::open(&path).unwrap().check_integrity().unwrap().ok);
    let last: String = conn
        .query_row(
            "SELECT to_state FROM petition_events WHERE petition_id = ?1
              ORDER BY on_date DESC, seq DESC LIMIT 1",
            [&edited],
            |r| r.get(0),
        )
        .unwrap();
    let other = if last == "filed" { "resolved" } else { "filed" };
    conn.execute(
        "UPDATE petitions SET state = ?2 WHERE id = ?1",
        [&edited, other],
    )
    .unwrap();
    conn.execute(
        "UPDATE petition_events SET from_state = 'suspended'
          WHERE petition_id = ?1 AND seq = (SELECT max(seq) FROM petition_events WHERE petition_id = ?1)",
        [&chained],
    )
    .unwrap();
    conn.execute(
        "DELETE FROM petition_events WHERE petition_id = ?1",
        [&bare],
    )
    .unwrap();
    // That one was numbered by another ward combined into this register: named with it.
    conn.execute_batch("INSERT INTO units (id, name) VALUES ('u-khac', 'phường Khác')")
        .unwrap();
    conn.execute(
        "UPDATE petitions SET unit_id = 'u-khac' WHERE id = ?1",
        [&bare],
    )
    .unwrap();
    drop(conn);

    let check = Store::open(&path).unwrap().check_integrity().unwrap();
    // The file itself is whole: said apart, with what the reports count from.
    assert!(check.ok, "{check:?}");
    assert!(check.problems.is_empty());
    let label = |s: &str| {
        tiepdan::domain::PetitionState::from_code(s)
            .unwrap()
            .label()
            .to_string()
    };
    assert!(
        check.notes.contains(&format!(
            "Đơn số {n1}/{y1}: trạng thái ghi trên đơn “{}” khác bước xử lý cuối cùng (“{}”)",
            label(other),
            label(&last)
        )),
        "{:?}",
        check.notes
    );
    assert!(
        check.notes.iter().any(|p| p.starts_with(&format!(
            "Đơn số {n2}/{y2}: một bước xử lý bắt đầu từ “{}” nhưng bước trước đó kết thúc ở",
            label("suspended")
        ))),
        "{:?}",
        check.notes
    );
    assert!(
        check.notes.contains(&format!(
            "Đơn số {n3}/{y3} (phường Khác): không có bước tiếp nhận"
        )),
        "{:?}",
        check.notes
    );
    assert_eq!(check.notes.len(), 3, "{:?}", check.notes);
    assert!(
        check
            .message
            .starts_with("Tệp sổ nguyên vẹn. Lưu ý: 3 chỗ lịch sử xử lý đơn không khớp"),
        "{}",
        check.message
    );
    let out = run_check(&path);
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Lưu ý: 3 chỗ"),
        "{out:?}"
    );
}

/// A register of the first schema, checked before it is ever opened (say a kept
/// ".bak-v1"): its pages and links are checked; its petitions' history once upgraded.
#[test]
fn a_register_of_the_first_schema_is_checked_without_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so-v1.sqlite3");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3"),
        &path,
    )
    .unwrap();
    let check = tiepdan::store::check_file(&path).unwrap();
    assert!(check.ok && check.notes.is_empty(), "{check:?}");
}

/// Pages of garbage in the middle of the file: whatever opening meets says the register
/// is damaged; when opening meets none of it, the full check does.
#[test]
fn a_damaged_register_says_it_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    demo_register(&path);
    // Overwrite pages in the middle of the file (not the header).
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 40_000);
    for b in &mut bytes[20_000..36_000] {
        *b = 0xA5;
    }
    std::fs::write(&path, bytes).unwrap();
    let said = match Store::open(&path) {
        Err(e) => {
            assert_eq!(e.code(), "not_register", "{e:?}");
            e.to_string()
        }
        Ok(store) => {
            let check = store.check_integrity().unwrap();
            assert!(!check.ok, "{check:?}");
            check.message
        }
    };
    assert!(
        said.contains("bị hỏng") || said.contains("đã hỏng"),
        "{said}"
    );
    assert!(!said.contains("trao đổi"), "{said}");
}

#[test]
fn a_mistyped_folder_is_an_error_and_no_folder_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("khong-co").join("so.sqlite3");
    let e = Store::open(&path).unwrap_err();
    assert_eq!(e.field(), Some("db"));
    assert!(e.to_string().contains("không có"), "{e}");
    assert!(!dir.path().join("khong-co").exists());
    // A folder given as the register.
    let e = Store::open(dir.path()).unwrap_err();
    assert_eq!(e.field(), Some("db"));
    assert!(e.to_string().contains("là một thư mục"), "{e}");
}

fn application_id(path: &Path) -> i32 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap()
}

#[test]
fn a_register_is_stamped_new_or_old() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("moi.sqlite3");
    drop(Store::open(&new).unwrap());
    assert_eq!(application_id(&new), APPLICATION_ID);
    // A register of schema 1, made before the stamp existed, opens and is stamped.
    let old = dir.path().join("cu.sqlite3");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3"),
        &old,
    )
    .unwrap();
    assert_eq!(application_id(&old), 0);
    let store = Store::open(&old).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    assert_eq!(application_id(&old), APPLICATION_ID);
    // An empty SQLite file (a register another process has just begun) is made a register.
    let empty = dir.path().join("rong.sqlite3");
    Connection::open(&empty)
        .unwrap()
        .pragma_update(None, "journal_mode", "WAL")
        .unwrap();
    drop(Store::open(&empty).unwrap());
    assert_eq!(application_id(&empty), APPLICATION_ID);
}

#[test]
fn a_register_opened_read_only_is_read_and_never_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let report_before = {
        let mut store = Store::open(&path).unwrap();
        tiepdan::demo::append_demo(&mut store, 2).unwrap();
        let p = tiepdan::period::Period::parse("2000-01-01", "2100-01-01").unwrap();
        serde_json::to_string(&tiepdan::report::period_report(&store, p).unwrap()).unwrap()
    };
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::open_read_only(&path, Box::new(tiepdan::clock::SystemClock)).unwrap();
    assert!(store.is_read_only());
    let p = tiepdan::period::Period::parse("2000-01-01", "2100-01-01").unwrap();
    assert_eq!(
        serde_json::to_string(&tiepdan::report::period_report(&store, p).unwrap()).unwrap(),
        report_before
    );
    let mut settings = store.settings().unwrap();
    settings.unit_name = "phường Việt Hòa".into();
    let e = store.save_settings(&settings).unwrap_err();
    assert_eq!(e.field(), Some("db"));
    assert!(e.to_string().contains("chỉ để đọc"), "{e}");
    let e = store.begin_bulk().unwrap_err();
    assert!(e.to_string().contains("chỉ để đọc"), "{e}");
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn two_processes_creating_one_register_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..5 {
        let spawned: Vec<_> = (0..4)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_tiepdan"))
                    .arg("--db")
                    .arg(dir.path().join(format!("ts-{round}.sqlite3")))
                    .arg("init")
                    .env_remove("TIEPDAN_DB")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in spawned {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(String::from_utf8_lossy(&out.stdout)
                .contains(&format!("lược đồ phiên bản {SCHEMA_VERSION}")));
        }
        let store = Store::open(&dir.path().join(format!("ts-{round}.sqlite3"))).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }
}

fn tiepdan(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("TIEPDAN_DB")
        .env_remove("TIEPDAN_USER")
        .output()
        .unwrap()
}

/// The day counters' triggers, each with its SQL.
fn day_triggers(db: &Path) -> Vec<(String, String)> {
    Connection::open(db)
        .unwrap()
        .prepare(
            "SELECT name, sql FROM sqlite_schema
              WHERE type = 'trigger' AND name LIKE 'day_counts_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// An import sets the day counters' triggers aside and counts every day once at the
/// commit: afterwards the counters equal a recount and the triggers are back, live; an
/// import refused half-way leaves the triggers and the counters as they were.
#[test]
fn an_import_counts_every_day_once_and_keeps_the_counters_triggers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.json");
    let made = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .args([
            "generate",
            "--persons",
            "300",
            "--seed",
            "9",
            "--until",
            "2026-11-27",
            "--out",
        ])
        .arg(&file)
        .env_remove("TIEPDAN_DB")
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");

    // A copy refused by the desk's rules: its last session is in the future.
    let mut bad: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let sessions = bad["sessions"].as_array_mut().unwrap();
    let n = sessions.len();
    sessions[n - 1]["date"] = "2999-01-04".into();
    let bad_file = dir.path().join("bad.json");
    std::fs::write(&bad_file, serde_json::to_string(&bad).unwrap()).unwrap();

    let db = dir.path().join("so.sqlite3");
    let init = tiepdan(&db, &["init"]);
    assert!(init.status.success(), "{init:?}");
    let triggers = day_triggers(&db);
    assert_eq!(triggers.len(), 12);
    let refused = tiepdan(&db, &["import", bad_file.to_str().unwrap()]);
    assert!(!refused.status.success(), "{refused:?}");
    assert_eq!(
        day_triggers(&db),
        triggers,
        "the triggers are back after a refused import"
    );
    let c = Connection::open(&db).unwrap();
    let rows: i64 = c
        .query_row(
            "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM day_counts)
                  + (SELECT count(*) FROM day_counts_stale)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 0, "nothing of the refused import is left");
    drop(c);

    let imported = tiepdan(&db, &["import", file.to_str().unwrap()]);
    assert!(imported.status.success(), "{imported:?}");
    assert_eq!(day_triggers(&db), triggers, "the same triggers, made again");
    let check = tiepdan::store::check_file(&db).unwrap();
    assert_eq!(check.message, "Tệp sổ nguyên vẹn.", "{check:?}");
    assert!(check.notes.is_empty(), "{:?}", check.notes);
    let c = Connection::open(&db).unwrap();
    let (days, visits): (i64, i64) = c
        .query_row("SELECT count(*), sum(visits) FROM day_counts", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let all_visits: i64 = c
        .query_row("SELECT count(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    assert!(days > 0);
    assert_eq!(
        visits, all_visits,
        "every imported visit counted on its day"
    );
    drop(c);

    // The same file again writes nothing, and counts no day again: a counter set wrong
    // behind the app's back stays wrong (a recount would have mended it), and `check`
    // still finds it.
    let c = Connection::open(&db).unwrap();
    let people = |c: &Connection| -> i64 {
        c.query_row(
            "SELECT people FROM day_counts ORDER BY day LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let right = people(&c);
    c.execute(
        "UPDATE day_counts SET people = people + 1000
          WHERE day = (SELECT min(day) FROM day_counts)",
        [],
    )
    .unwrap();
    drop(c);
    let again = tiepdan(&db, &["import", file.to_str().unwrap()]);
    assert!(again.status.success(), "{again:?}");
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains("Đã nhập 0 buổi tiếp, 0 lượt tiếp, 0 người"),
        "{said}"
    );
    let c = Connection::open(&db).unwrap();
    assert_eq!(people(&c), right + 1000, "no day counted again");
    let check = tiepdan::store::check_file(&db).unwrap();
    assert!(
        check
            .message
            .contains("số đếm giữ sẵn của biểu đồ 12 tuần khác với đếm lại"),
        "{check:?}"
    );

    // The triggers are live: a session moved by hand notes both of its days.
    c.execute(
        "UPDATE sessions SET date = '2020-01-06' WHERE id = (SELECT min(id) FROM sessions)",
        [],
    )
    .unwrap();
    let stale: i64 = c
        .query_row("SELECT count(*) FROM day_counts_stale", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stale, 2);
}
