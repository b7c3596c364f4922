//! Migrations: an empty database, a frozen database at every earlier schema version
//! (`tests/fixtures/schema-v*.sqlite3`, made once by `make_fixture_v1` and never edited),
//! and a database written by a newer version.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use tiepdan::clock::FixedClock;
use tiepdan::domain::*;
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
    let path = dir.path().join("tiepdan.sqlite3");
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
    // Schema 2: the open petition is "received", with its receipt as its first move; the
    // search box finds records of schema 1; the file was backed up before the upgrade.
    let petitions = store.petitions(&PetitionFilter::default()).unwrap();
    assert_eq!(petitions[0].state, PetitionState::Received);
    let detail = store.petition_detail(&petitions[0].id).unwrap();
    assert_eq!(detail.moves[0].action, MoveAction::Receive);
    assert_eq!(detail.moves[0].actor, Actor::Migration);
    let hits = store.search("duc", 10).unwrap();
    assert!(hits.iter().any(|h| h.title == "Nguyễn Văn Đức"), "{hits:?}");
    assert!(dir.path().join("v1.sqlite3.bak-v1").exists());
    assert_eq!(schema_of(&path), schema_of_fresh());
}

/// The schema of a database file, as SQLite keeps it.
fn schema_of(path: &Path) -> Vec<(String, String, Option<String>)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn schema_of_fresh() -> Vec<(String, String, Option<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.sqlite3");
    drop(open_at(&path));
    schema_of(&path)
}

#[test]
fn the_second_schema_opens_with_its_lifecycle_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.sqlite3");
    std::fs::copy(fixture("schema-v2.sqlite3"), &path).unwrap();
    let store = open_at(&path);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let list = store.petitions(&PetitionFilter::default()).unwrap();
    let states: Vec<PetitionState> = list.iter().map(|p| p.state).collect();
    assert_eq!(
        states,
        [PetitionState::Transferred, PetitionState::Resolved]
    );
    let resolved = store.petition_detail(&list[1].id).unwrap();
    let actions: Vec<MoveAction> = resolved.moves.iter().map(|m| m.action).collect();
    assert_eq!(
        actions,
        [
            MoveAction::Receive,
            MoveAction::Classify,
            MoveAction::Accept,
            MoveAction::Resolve
        ]
    );
    let person = &list[1].petitioners[0];
    let detail = store.person_detail(&person.id).unwrap();
    assert_eq!(detail.merges.len(), 1);
    assert_eq!(detail.visits.len(), 2);
    assert!(detail
        .history
        .iter()
        .any(|c| c.action == ChangeAction::Merge));
    let merged = store
        .history("persons", &detail.merges[0].merged_id)
        .unwrap();
    assert!(merged.iter().any(|c| c.action == ChangeAction::Update));
    // Schema 3. The fixture also holds (added by hand, as a schema 2 register could) a
    // chairman's session recorded as "regular" with a visit of 6 people typed as not a
    // delegation, and a delegation threshold of 7.
    let s = store.session("fx-chair-regular").unwrap();
    assert_eq!(
        s.kind,
        SessionKind::Scheduled,
        "the head's session is scheduled"
    );
    let history = store.history("sessions", "fx-chair-regular").unwrap();
    assert!(
        history.iter().any(|c| c.actor == Actor::Migration),
        "{history:?}"
    );
    let r = period_report(
        &store,
        tiepdan::period::Period::parse("2026-03-01", "2026-03-31").unwrap(),
    )
    .unwrap();
    assert_eq!(
        (r.chairman.delegations, r.chairman.delegation_people),
        (1, 6)
    );
    assert_eq!(r.chairman.reception_days, 1);
    // Petition numbers stay as they were, under this register's unit.
    assert_eq!(list[1].number, "1/2026");
    assert_eq!(list[0].number, "2/2026");
    assert_eq!(schema_of(&path), schema_of_fresh());
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    {
        // A register written by a newer version: stamped as a register, schema 99.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", tiepdan::store::APPLICATION_ID)
            .unwrap();
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

/// Writes the frozen v2 fixture. Run once, when schema v2 was current:
/// `cargo test --test migrations make_fixture_v2 -- --ignored`. Three rows were then
/// added to the file with SQL, as a schema 2 register could hold them: a chairman's
/// session "fx-chair-regular" of kind regular on 06/3/2026, its visit "fx-visit-6" of 6
/// people with `delegation = 0`, and the setting `delegation_threshold = 7`.
#[test]
#[ignore]
fn make_fixture_v2() {
    assert_eq!(
        SCHEMA_VERSION, 2,
        "the v2 fixture can only be made by a v2 build"
    );
    let path = fixture("schema-v2.sqlite3");
    let _ = std::fs::remove_file(&path);
    let mut store = open_at(&path);
    let s = session(&mut store, "2026-03-05", HostGroup::Officer);
    let v = store
        .add_visit(&visit_input(&s, vec![person("Nguyen Van Duc")], 1))
        .unwrap();
    let twin = store
        .add_visit(&visit_input(&s, vec![person("Nguyễn Văn Đức")], 1))
        .unwrap();
    let duc = &twin.persons[0];
    store
        .correct_person(
            &v.persons[0].id,
            &PersonInput {
                full_name: "Nguyễn Văn Đức".into(),
                ..Default::default()
            },
        )
        .unwrap();
    store.merge_persons(&duc.id, &v.persons[0].id).unwrap();
    let mut a = direct_input("2026-03-10", PetitionKind::Complaint);
    a.petitioners = vec![PersonInput {
        existing_id: Some(duc.id.clone()),
        ..Default::default()
    }];
    let a = store.create_petition(&a).unwrap().id;
    classify(
        &mut store,
        &a,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-03-11",
    );
    move_petition(&mut store, &a, MoveAction::Accept, "2026-03-12", |_| {}).unwrap();
    move_petition(&mut store, &a, MoveAction::Resolve, "2026-03-25", |m| {
        m.outcome = Some(Outcome::PartlyRight);
        m.doc_no = Some("12/QĐ-UBND".into());
    })
    .unwrap();
    let b = direct_petition(&mut store, "2026-03-12", PetitionKind::Proposal);
    classify(
        &mut store,
        &b,
        PetitionKind::Proposal,
        true,
        Competence::Outside,
        "2026-03-13",
    );
    move_petition(&mut store, &b, MoveAction::Transfer, "2026-03-13", |m| {
        m.agency = Some("UBND tỉnh".into())
    })
    .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
}

/// Schema 3 to 4 (accounts): a register whose history is already a hash chain keeps every
/// row, number and hash; the chain still verifies, stays append-only, and goes on with the
/// account named in each new change.
#[test]
fn a_schema_3_register_keeps_its_chained_history_through_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.sqlite3");
    {
        let mut s = open_at(&path);
        load_demo_small(&mut s);
    }
    // Back to what schema 3 had: no accounts, no account column, the same hashes (rows
    // written without an account hash as schema 3 hashed them); nor schema 5's and 6's
    // indexes (schema 6's equalities are left: rewriting them again changes nothing), nor
    // schema 7's kept due days, nor schema 8's kept carries, nor schema 10's day counters,
    // nor schema 11's cases' first reception days, nor schema 12's index of uncounted carries.
    let (rows, head): (i64, String) = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TRIGGER changes_no_update; DROP TRIGGER changes_no_delete;
             DROP INDEX changes_action; DROP INDEX petition_events_on_date;
             DROP INDEX sessions_id_date;
             DROP INDEX visits_case; CREATE INDEX visits_case ON visits(case_id);
             DROP INDEX petitions_case; CREATE INDEX petitions_case ON petitions(case_id);
             ALTER TABLE changes DROP COLUMN user_login;
             DROP INDEX users_login; DROP TABLE users;
             DROP TRIGGER day_counts_session_insert; DROP TRIGGER day_counts_session_delete; DROP TRIGGER day_counts_session_update; DROP TRIGGER day_counts_visit_insert;
             DROP TRIGGER day_counts_visit_delete; DROP TRIGGER day_counts_visit_update; DROP TRIGGER day_counts_petition_insert; DROP TRIGGER day_counts_petition_delete;
             DROP TRIGGER day_counts_petition_update; DROP TRIGGER day_counts_move_insert; DROP TRIGGER day_counts_move_delete; DROP TRIGGER day_counts_move_update;
             DROP TABLE day_counts; DROP TABLE day_counts_stale;
             DROP TRIGGER case_first_visit_insert; DROP TRIGGER case_first_visit_delete; DROP TRIGGER case_first_visit_update;
             DROP TRIGGER case_first_session_update; DROP TRIGGER case_first_petition_insert;
             DROP TRIGGER case_first_petition_delete; DROP TRIGGER case_first_petition_update;
             DROP TABLE case_first_stale; DROP INDEX cases_first_seen;
             ALTER TABLE cases DROP COLUMN first_seen;
             ALTER TABLE visits DROP COLUMN prior_agencies;
             DROP INDEX petitions_carry_uncounted;
             DROP INDEX petitions_carry; DROP INDEX petitions_open;
             ALTER TABLE petitions DROP COLUMN carry_since;
             ALTER TABLE petitions DROP COLUMN carry_units;
             DROP INDEX petitions_due_stale; DROP TABLE due_basis;
             ALTER TABLE petitions DROP COLUMN due_next;
             ALTER TABLE petitions DROP COLUMN due_unknown;
             ALTER TABLE petitions DROP COLUMN due_stale;
             CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes WHEN OLD.hash IS NOT NULL
             BEGIN SELECT RAISE(ABORT, 'x'); END;
             CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
             BEGIN SELECT RAISE(ABORT, 'x'); END;
             PRAGMA user_version = 3;",
        )
        .unwrap();
        conn.query_row(
            "SELECT (SELECT count(*) FROM changes), (SELECT hash FROM audit_head)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    assert!(rows > 10);
    let mut s = open_at(&path);
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    let check = s.verify_audit().unwrap();
    assert_eq!(check.broken_at, None, "{}", check.message);
    assert_eq!(check.rows as i64, rows);
    s.create_first_admin(&tiepdan::desk::account::AccountInput {
        id: None,
        login: "quantri".into(),
        full_name: "Quản trị".into(),
        roles: vec![tiepdan::access::Role::Admin],
        active: true,
        password: Some("matkhau-123".into()),
    })
    .unwrap();
    let check = s.verify_audit().unwrap();
    assert_eq!(check.broken_at, None, "{}", check.message);
    assert!(check.rows as i64 > rows);
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let first_after: String = conn
        .query_row("SELECT hash FROM changes WHERE seq = ?1", [rows], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(first_after, head, "the rows from before keep their hashes");
    assert!(conn
        .execute("DELETE FROM changes WHERE seq = 1", [])
        .is_err());
}

fn load_demo_small(s: &mut Store) {
    let sid = session(s, "2026-03-02", HostGroup::Officer);
    for i in 0..6 {
        visit(s, &sid, 1, 1 + i, Some(PetitionKind::Proposal));
    }
}

/// Schema 6: the CHECK lists are equalities (SQLite built a temporary b-tree for each list
/// on every row written), and still refuse what they refused, in a fresh register and in
/// one brought up from the first schema.
#[test]
fn the_check_lists_are_equalities_that_still_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let upgraded = dir.path().join("v1.sqlite3");
    std::fs::copy(fixture("schema-v1.sqlite3"), &upgraded).unwrap();
    drop(open_at(&upgraded));
    let fresh = dir.path().join("fresh.sqlite3");
    drop(open_at(&fresh));
    for path in [&upgraded, &fresh] {
        let conn = rusqlite::Connection::open(path).unwrap();
        let lists: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '% IN (''%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(lists.is_empty(), "{lists:?}");
        let petitions: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'petitions'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            petitions.contains("(signers = 'one' OR signers = 'many' OR signers = 'anonymous')"),
            "{petitions}"
        );
        // Writing a row builds no temporary table any more.
        let plan: Vec<String> = conn
            .prepare(
                "EXPLAIN UPDATE petitions SET state = ?1, kind = ?2, outcome = ?3 WHERE id = ?4",
            )
            .unwrap()
            .query_map([rusqlite::types::Null; 4], |r| r.get(1))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(!plan.iter().any(|op| op == "OpenEphemeral"), "{plan:?}");
        // What each list refused is still refused; what it allowed still goes.
        conn.execute_batch("BEGIN").unwrap();
        conn.execute(
            "INSERT INTO sessions (id, date, kind, host_group, created_at) VALUES ('s1', '2026-03-02', 'regular', 'officer', 'x')",
            [],
        )
        .unwrap();
        for (sql, column) in [
            ("INSERT INTO sessions (id, date, kind, host_group, created_at) VALUES ('s2', '2026-03-02', 'weekly', 'officer', 'x')", "kind"),
            ("INSERT INTO sessions (id, date, kind, host_group, created_at) VALUES ('s2', '2026-03-02', 'regular', 'mayor', 'x')", "host_group"),
            ("UPDATE sessions SET kind = 'Regular' WHERE id = 's1'", "kind"),
            ("UPDATE sessions SET host_group = NULL WHERE id = 's1'", "host_group"),
        ] {
            let err = conn.execute(sql, []).unwrap_err().to_string();
            assert!(
                err.contains("CHECK constraint failed") || err.contains("NOT NULL constraint failed"),
                "{sql}: {err}"
            );
            assert!(err.contains(column), "{sql}: {err}");
        }
        conn.execute_batch("ROLLBACK").unwrap();
    }
}
