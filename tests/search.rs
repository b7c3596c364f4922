//! One search box over every record: persons, petitions (by number, name, content),
//! visits and cases, diacritics-blind; and the intake suggestions.

mod common;

use common::*;
use tiepdan::clock::FixedClock;
use tiepdan::demo::load_demo;
use tiepdan::desk::intake::{PetitionProbe, SearchKind};
use tiepdan::domain::*;
use tiepdan::Store;

#[test]
fn every_kind_of_record_is_found_without_diacritics() {
    let mut store = store_on("2026-06-30");
    load_demo(&mut store, 5).unwrap();
    let hits = store.search("de nghi", 10).unwrap();
    for kind in [SearchKind::Petition, SearchKind::Visit, SearchKind::Case] {
        assert!(
            hits.iter().any(|h| h.kind == kind),
            "{kind:?} missing: {hits:?}"
        );
        assert!(hits.iter().filter(|h| h.kind == kind).count() <= 10);
    }
    // A petition by its number.
    let first = store
        .petitions(&PetitionFilter::default())
        .unwrap()
        .pop()
        .unwrap();
    let by_number = store.search(&first.number, 10).unwrap();
    assert_eq!(by_number[0].kind, SearchKind::Petition);
    assert_eq!(by_number[0].id, first.id);
    // A person by a name typed without marks, đ as d.
    let name = first.petitioners[0].full_name.clone();
    let plain = tiepdan::text::strip(&name);
    let found = store.search(&plain, 10).unwrap();
    assert!(
        found
            .iter()
            .any(|h| h.kind == SearchKind::Person && h.title == name),
        "{plain}: {found:?}"
    );
    assert!(store.search("   ", 10).unwrap().is_empty());
    assert!(store.search("\"*(", 10).unwrap().is_empty());
}

#[test]
fn likely_persons_and_petitions_are_proposed_at_intake() {
    let mut store = store_on("2026-06-30");
    let s = session(&mut store, "2026-06-01", HostGroup::Officer);
    let mut known = person("Nguyễn Văn Đức");
    known.id_number = Some("001203004567".into());
    known.address = Some("Tổ dân phố 3, phường Việt Hòa".into());
    let duc = store
        .add_visit(&visit_input(&s, vec![known], 1))
        .unwrap()
        .persons[0]
        .clone();

    let by_number = store
        .suggest_persons(&PersonInput {
            full_name: "Nguyen Van Duc".into(),
            id_number: Some("001203004567".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_number[0].person.id, duc.id);
    assert!(by_number[0].reason.contains("Cùng số giấy tờ"));
    let by_name = store
        .suggest_persons(&PersonInput {
            full_name: "nguyễn văn đức".into(),
            address: Some("tổ dân phố 3".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_name[0].reason, "Cùng họ tên, địa chỉ gần giống");
    // Another personal identification number is another citizen, whatever the name and
    // address; an old 9-digit CMND may be the same one.
    let other_number = |n: &str| PersonInput {
        full_name: "Nguyễn Văn Đức".into(),
        id_number: Some(n.into()),
        address: Some("tổ dân phố 3".into()),
        ..Default::default()
    };
    assert!(store
        .suggest_persons(&other_number("001203009999"))
        .unwrap()
        .is_empty());
    let old_card = store.suggest_persons(&other_number("012345678")).unwrap();
    assert_eq!(old_card[0].person.id, duc.id);
    assert_eq!(old_card[0].reason, "Cùng họ tên, địa chỉ gần giống");
    assert!(store
        .suggest_persons(&PersonInput {
            full_name: "Nguyễn Văn Đông".into(),
            ..Default::default()
        })
        .unwrap()
        .is_empty());

    let mut first = direct_input("2026-06-02", PetitionKind::Complaint);
    first.content = "Khiếu nại quyết định xử phạt vi phạm hành chính về đất đai".into();
    first.respondent = Some("Chủ tịch UBND phường".into());
    let first = store.create_petition(&first).unwrap();
    let probe = PetitionProbe {
        kind: Some(PetitionKind::Complaint),
        content: "khieu nai quyet dinh xu phat vi pham ve dat dai".into(),
        respondent: Some("chủ tịch ubnd phường".into()),
        person_ids: vec![],
        exclude_id: None,
    };
    let s = store.suggest_petitions(&probe).unwrap();
    assert_eq!(s[0].petition.id, first.id);
    assert!(s[0].can_be_duplicate_of);
    assert!(s[0].reason.contains("Cùng người bị khiếu nại"));
    assert!(!s[0].same_petitioner);
    // The same citizen's petition comes before another's about the same respondent, even
    // when the other's content is closer (found in the real window: "Đơn trùng" took the
    // other citizen's petition as the original).
    let mut resent = direct_input("2026-06-03", PetitionKind::Complaint);
    resent.content = "Khiếu nại quyết định xử phạt về đất đai của gia đình tôi".into();
    resent.respondent = Some("Phòng kinh tế".into());
    let resent = store.create_petition(&resent).unwrap();
    let theirs = PetitionProbe {
        person_ids: vec![resent.petitioners[0].id.clone()],
        ..probe.clone()
    };
    let s = store.suggest_petitions(&theirs).unwrap();
    let order: Vec<&str> = s.iter().map(|x| x.petition.id.as_str()).collect();
    assert_eq!(order[..2], [resent.id.as_str(), first.id.as_str()], "{s:?}");
    assert!(s[0].same_petitioner && !s[1].same_petitioner);
    assert_eq!(s[0].reason, "Cùng người đứng đơn, nội dung tương tự");
    // Once it is closed, it is still shown, but a repeat is not its duplicate.
    move_petition(
        &mut store,
        &first.id,
        MoveAction::Withdraw,
        "2026-06-10",
        |_| {},
    )
    .unwrap();
    let s = store.suggest_petitions(&probe).unwrap();
    let closed = s.iter().find(|x| x.petition.id == first.id).unwrap();
    assert!(!closed.can_be_duplicate_of);
    assert_eq!(s.last().unwrap().petition.id, first.id, "open ones first");
    assert!(store
        .suggest_petitions(&PetitionProbe {
            content: "Đề nghị lắp đèn chiếu sáng ngõ".into(),
            ..probe
        })
        .unwrap()
        .is_empty());
}

#[test]
fn a_phone_number_or_an_address_finds_the_citizen_in_the_search_box() {
    let mut store = store_on("2026-06-30");
    let s = session(&mut store, "2026-06-01", HostGroup::Officer);
    let mut p = person("Trần Thị Lan");
    p.phone = Some("0912 345 678".into());
    p.address = Some("Số 5 ngõ Trần Phú, tổ dân phố 3".into());
    let lan = store
        .add_visit(&visit_input(&s, vec![p], 1))
        .unwrap()
        .persons[0]
        .clone();
    let mut q = person("Lê Văn Phú");
    q.address = Some("Tổ dân phố 8".into());
    store.add_visit(&visit_input(&s, vec![q], 1)).unwrap();

    let by_phone = store.search("0912345", 10).unwrap();
    assert!(
        by_phone
            .iter()
            .any(|h| h.kind == SearchKind::Person && h.id == lan.id),
        "{by_phone:?}"
    );
    let by_address = store.search("ngo tran phu", 10).unwrap();
    assert!(by_address.iter().any(|h| h.id == lan.id), "{by_address:?}");
    // The desk's lookup is by name (and numbers): a street named after a person is not a match.
    let lookup: Vec<String> = store
        .find_persons("tran phu", 10)
        .unwrap()
        .into_iter()
        .map(|m| m.person.full_name)
        .collect();
    assert!(lookup.is_empty(), "{lookup:?}");
    assert_eq!(
        store.find_persons("0912345678", 5).unwrap()[0].person.id,
        lan.id
    );
}

#[test]
fn the_calendar_says_which_shipped_year_is_a_forecast() {
    let store = store_on("2026-06-30");
    let years = store.calendar_years().unwrap();
    let year = |y: i32| years.iter().find(|c| c.year == y).unwrap();
    assert!(year(2027).forecast && year(2027).shipped);
    assert!(!year(2026).forecast && year(2026).shipped);
    assert!(!year(2028).known);
}

/// An import writes the search index with a large in-memory buffer (fewer, larger
/// segments): the index it leaves passes FTS5's own check against the records, finds
/// every imported person by name, and its stored buffer size is back to SQLite's default
/// (a desk save never holds more).
#[test]
fn an_imported_register_is_searchable_and_its_index_settings_are_the_default() {
    use tiepdan::exchange::generate::{generate, Spec};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store =
        Store::open_with_clock(&path, Box::new(FixedClock(date("2026-06-30")))).unwrap();
    let file = generate(&Spec::new(1500, 5, date("2026-06-30")));
    store.import_exchange(&file).unwrap();

    let conn = rusqlite::Connection::open(&path).unwrap();
    for table in ["persons_fts", "records_fts"] {
        conn.execute(
            &format!("INSERT INTO {table} ({table}) VALUES ('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{table}: {e}"));
        let pending: i64 = conn
            .query_row(
                &format!("SELECT v FROM {table}_config WHERE k = 'hashsize'"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(pending, 1 << 20, "{table}");
    }
    drop(conn);
    // (A person merged into another is found as the one kept; a denunciator is not
    // found by name without the right to see who they are.)
    let denunciators: std::collections::HashSet<&String> = file
        .petitions
        .iter()
        .filter(|p| p.kind == PetitionKind::Denunciation)
        .flat_map(|p| &p.petitioner_ids)
        .collect();
    let mut searched = 0;
    for p in file
        .persons
        .iter()
        .filter(|p| p.merged_into.is_none() && !denunciators.contains(&p.id))
        .step_by(37)
    {
        searched += 1;
        let hits = store.search(&p.full_name, 1000).unwrap();
        assert!(
            hits.iter()
                .any(|h| h.kind == SearchKind::Person && h.id == p.id),
            "{} not found",
            p.full_name
        );
    }
    assert!(searched > 30);
    // Records too: a visit by its content.
    let v = &file.visits[file.visits.len() / 2];
    let hits = store.search(&v.content, 1000).unwrap();
    assert!(hits.iter().any(|h| h.id == v.id), "{}", v.content);
}

/// The schema of a register's indexes, as `sqlite_schema` holds it.
fn index_schema(path: &std::path::Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let rows = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<(String, String)>>>()
        .unwrap();
    rows
}

/// An import writes each new record's search row first and the record once, pointing at
/// it, and sets the indexes only reads use aside while it writes into empty tables: after
/// it, every person, case, visit and petition points at a search row of its own (none
/// without one, none shared, no row left over), and the register's indexes are those of a
/// new register to the letter; an import refused at its last step (a move replayed) leaves
/// the indexes and the tables as they were.
#[test]
fn an_imports_records_point_at_their_own_search_rows_and_its_indexes_are_whole() {
    use tiepdan::exchange::generate::{generate, Spec};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store =
        Store::open_with_clock(&path, Box::new(FixedClock(date("2026-06-30")))).unwrap();
    let fresh = index_schema(&path);
    assert!(fresh.iter().any(|(n, _)| n == "petitions_open"));
    let mut file = generate(&Spec::new(600, 3, date("2026-06-30")));
    // The generator merges nobody: two persons merged here, who never share a visit or a
    // petition (a merge of two persons of one record is refused).
    let together = |a: &str, b: &str| {
        file.visits
            .iter()
            .any(|v| v.person_ids.iter().any(|p| p == a) && v.person_ids.iter().any(|p| p == b))
            || file.petitions.iter().any(|p| {
                p.petitioner_ids.iter().any(|x| x == a) && p.petitioner_ids.iter().any(|x| x == b)
            })
    };
    let kept = file.persons[0].id.clone();
    let merged: Vec<usize> = (1..file.persons.len())
        .filter(|&i| !together(&kept, &file.persons[i].id))
        .take(2)
        .collect();
    assert_eq!(merged.len(), 2);
    for i in merged {
        file.persons[i].merged_into = Some(kept.clone());
    }

    // Refused at the replay of a move (a second receipt), after every record was written.
    let mut refused = file.clone();
    let mut again = refused
        .petition_events
        .iter()
        .find(|e| e.action == tiepdan::domain::MoveAction::Receive)
        .unwrap()
        .clone();
    again.id = "a-second-receipt".into();
    again.on_date = "2026-06-29".into();
    again.at = "2026-06-29T08:00:00Z".into();
    refused.petition_events.push(again);
    let err = store.import_exchange(&refused).unwrap_err().to_string();
    assert!(err.contains("tiếp nhận một lần"), "{err}");
    assert_eq!(index_schema(&path), fresh);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for table in [
            "persons",
            "cases",
            "visits",
            "petitions",
            "records_fts",
            "persons_fts",
        ] {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0, "{table}");
        }
    }

    store.import_exchange(&file).unwrap();
    assert_eq!(index_schema(&path), fresh);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    for (table, kind) in [
        ("cases", "case"),
        ("visits", "visit"),
        ("petitions", "petition"),
    ] {
        let rows = count(&format!("SELECT count(*) FROM {table}"));
        assert!(rows > 0, "{table}");
        let own = count(&format!(
            "SELECT count(*) FROM {table} t JOIN records_fts f ON f.rowid = t.fts_rowid
              WHERE f.record_id = t.id AND f.kind = '{kind}'"
        ));
        assert_eq!(own, rows, "{table}");
        let distinct = count(&format!("SELECT count(DISTINCT fts_rowid) FROM {table}"));
        assert_eq!(distinct, rows, "{table}");
        let indexed = count(&format!(
            "SELECT count(*) FROM records_fts WHERE kind = '{kind}'"
        ));
        assert_eq!(indexed, rows, "{table}");
    }
    // Persons: every one not merged into another has its own row; the merged have none.
    let unmerged = count("SELECT count(*) FROM persons WHERE merged_into IS NULL");
    let own = count(
        "SELECT count(*) FROM persons p JOIN persons_fts f ON f.rowid = p.fts_rowid
          WHERE f.person_id = p.id AND p.merged_into IS NULL",
    );
    assert_eq!(own, unmerged);
    assert_eq!(count("SELECT count(*) FROM persons_fts"), unmerged);
    assert_eq!(
        count(
            "SELECT count(*) FROM persons WHERE merged_into IS NOT NULL AND fts_rowid IS NOT NULL"
        ),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM persons WHERE merged_into IS NOT NULL"),
        2
    );
}

/// A visit and a petition are found by the names of their persons: a corrected name finds
/// them, the old one no longer does (their searched text is written again with the person).
#[test]
fn a_corrected_name_finds_the_records_that_name_the_person() {
    let mut store = store_on("2026-06-30");
    let s = session(&mut store, "2026-06-01", HostGroup::Officer);
    let mut input = visit_input(&s, vec![person("Nguyễn Văn Khải")], 1);
    input.petition = Some(petition_of(PetitionKind::Proposal));
    let v = store.add_visit(&input).unwrap();
    let id = v.persons[0].id.clone();
    let records = |store: &Store, q: &str| -> Vec<SearchKind> {
        let mut kinds: Vec<SearchKind> = store
            .search(q, 20)
            .unwrap()
            .into_iter()
            .filter(|h| matches!(h.kind, SearchKind::Visit | SearchKind::Petition))
            .map(|h| h.kind)
            .collect();
        kinds.sort_by_key(|k| format!("{k:?}"));
        kinds
    };
    assert_eq!(
        records(&store, "khai"),
        vec![SearchKind::Petition, SearchKind::Visit]
    );
    store
        .correct_person(
            &id,
            &PersonInput {
                existing_id: Some(id.clone()),
                full_name: "Nguyễn Văn Khánh".into(),
                correct: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        records(&store, "khanh"),
        vec![SearchKind::Petition, SearchKind::Visit]
    );
    assert!(records(&store, "khai").is_empty());
}
