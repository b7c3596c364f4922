//! Re-importing a newer export: the newer history wins, or the whole file is refused with
//! the reason; never half of each. And the city-scale generator's files import cleanly.

mod common;

use common::*;
use tiepdan::domain::*;
use tiepdan::exchange::generate::{generate, Spec};
use tiepdan::exchange::ExchangeFile;
use tiepdan::Store;

fn export(store: &Store) -> ExchangeFile {
    store.export_exchange().unwrap()
}

/// Everything the register holds but its history, the export's instant and its own
/// unit's id (each register has its own).
fn records(store: &Store) -> String {
    let mut file = export(store);
    file.exported_at.clear();
    file.changes.clear();
    file.unit_id.clear();
    file.units.clear();
    for p in &mut file.petitions {
        p.unit_id.clear();
    }
    // A classification's details echo the form as typed (a blank field stays blank at the
    // desk, the petition's own field when replayed): not a value of the register.
    for e in &mut file.petition_events {
        if let Some(serde_json::Value::Object(d)) = &mut e.details {
            d.remove("classification");
        }
    }
    serde_json::to_string(&file).unwrap()
}

/// A register with a citizen (with a phone) who handed in a petition by post, and a copy
/// of it made by importing its export.
fn two_registers() -> (Store, Store, String, String) {
    let mut a = store_on("2026-06-30");
    let p = direct_petition(&mut a, "2026-06-01", PetitionKind::Proposal);
    let who = a.petition(&p).unwrap().petitioners[0].id.clone();
    let mut input = person("Trần Văn Bình");
    input.phone = Some("0912000111".into());
    a.correct_person(&who, &input).unwrap();
    let mut b = store_on("2026-06-30");
    b.import_exchange(&export(&a)).unwrap();
    assert!(records(&a) == records(&b));
    (a, b, p, who)
}

fn new_phone(store: &mut Store, who: &str, phone: &str) {
    let mut input = person("Trần Văn Bình");
    input.phone = Some(phone.into());
    store.correct_person(who, &input).unwrap();
}

#[test]
fn a_newer_export_updates_the_status_and_the_phone() {
    let (mut a, mut b, p, who) = two_registers();
    // Register B goes on: a new phone, the petition classified and guided.
    new_phone(&mut b, &who, "0988777666");
    classify(
        &mut b,
        &p,
        PetitionKind::Proposal,
        true,
        Competence::Outside,
        "2026-06-02",
    );
    move_petition(&mut b, &p, MoveAction::Guide, "2026-06-03", |_| {}).unwrap();

    let n = a.import_exchange(&export(&b)).unwrap();
    assert_eq!(n.updated, 2, "{n:?}");
    assert_eq!(a.person(&who).unwrap().phone.as_deref(), Some("0988777666"));
    assert_eq!(a.petition(&p).unwrap().state, PetitionState::Guided);
    assert!(records(&a) == records(&b), "the same records on both sides");
    // The update is in the person's history, the other register's change with its source.
    let history = a.history("persons", &who).unwrap();
    assert!(history.len() >= 2, "{history:?}");
    // The petition was here before: the two moves the file brought are changes of it,
    // each recorded by this import (beside the other register's records of them, which
    // name the file they came from).
    let history = a.history("petitions", &p).unwrap();
    let moved = history
        .into_iter()
        .filter(|c| c.action == tiepdan::domain::ChangeAction::Move && c.source.is_none())
        .count();
    assert_eq!(moved, 2);

    // The same file again changes nothing.
    let before = records(&a);
    let again = a.import_exchange(&export(&b)).unwrap();
    assert_eq!(
        (again.persons, again.petitions, again.events, again.updated),
        (0, 0, 0, 0),
        "{again:?}"
    );
    assert!(records(&a) == before, "the register unchanged");
}

/// A newer export that only brings a later move (a petition found to be a duplicate)
/// changes what the days' kept counters hold for its day: the import counts the days
/// again, and the counters equal a recount (the same file again writes nothing and leaves
/// them so).
#[test]
fn a_move_brought_by_a_newer_export_is_counted_on_its_day() {
    let mut a = store_on("2026-06-30");
    let first = direct_petition(&mut a, "2026-06-01", PetitionKind::Proposal);
    let again = direct_petition(&mut a, "2026-06-02", PetitionKind::Proposal);
    let mut b = store_on("2026-06-30");
    b.import_exchange(&export(&a)).unwrap();
    move_petition(&mut b, &again, MoveAction::Duplicate, "2026-06-03", |m| {
        m.duplicate_of = Some(first.clone())
    })
    .unwrap();
    let intact = |s: &Store| s.check_integrity().unwrap().message;
    assert_eq!(intact(&b), "Tệp sổ nguyên vẹn.");

    let n = a.import_exchange(&export(&b)).unwrap();
    assert_eq!(
        (n.persons, n.petitions, n.events, n.updated),
        (0, 0, 1, 1),
        "{n:?}"
    );
    assert_eq!(
        a.petition(&again).unwrap().duplicate_of.as_deref(),
        Some(first.as_str())
    );
    assert_eq!(intact(&a), "Tệp sổ nguyên vẹn.");
    let n = a.import_exchange(&export(&b)).unwrap();
    assert!(!n.wrote(), "{n:?}");
    assert_eq!(intact(&a), "Tệp sổ nguyên vẹn.");
}

#[test]
fn an_older_export_leaves_the_newer_register_as_it_is() {
    let (mut a, b, p, who) = two_registers();
    let old = export(&b);
    new_phone(&mut a, &who, "0988777666");
    classify(
        &mut a,
        &p,
        PetitionKind::Proposal,
        true,
        Competence::Outside,
        "2026-06-02",
    );
    let before = records(&a);
    let n = a.import_exchange(&old).unwrap();
    assert_eq!(n.updated, 0, "{n:?}");
    assert!(records(&a) == before, "the register unchanged");
}

#[test]
fn a_phone_changed_on_both_sides_refuses_the_whole_file() {
    let (mut a, mut b, p, who) = two_registers();
    new_phone(&mut a, &who, "0911111111");
    new_phone(&mut b, &who, "0922222222");
    // Something else in B's file that would otherwise be imported.
    classify(
        &mut b,
        &p,
        PetitionKind::Proposal,
        true,
        Competence::Outside,
        "2026-06-02",
    );
    b.create_petition(&direct_input("2026-06-05", PetitionKind::Complaint))
        .unwrap();
    let before = records(&a);
    let e = a.import_exchange(&export(&b)).unwrap_err();
    let message = e.to_string();
    assert!(message.contains("Trần Văn Bình"), "{message}");
    assert!(message.contains("phone"), "{message}");
    assert!(
        message.contains("0911111111") && message.contains("0922222222"),
        "{message}"
    );
    assert!(message.contains("Không nhập gì"), "{message}");
    assert!(records(&a) == before, "the register unchanged");
}

#[test]
fn moves_recorded_on_both_sides_refuse_the_whole_file() {
    let (mut a, mut b, p, who) = two_registers();
    move_petition(&mut a, &p, MoveAction::Withdraw, "2026-06-02", |_| {}).unwrap();
    classify(
        &mut b,
        &p,
        PetitionKind::Proposal,
        true,
        Competence::Within,
        "2026-06-03",
    );
    new_phone(&mut b, &who, "0922222222");
    let before = records(&a);
    let e = a.import_exchange(&export(&b)).unwrap_err();
    let message = e.to_string();
    assert!(message.contains("Đơn số"), "{message}");
    assert!(
        message.contains("Rút đơn") || message.contains("rút"),
        "{message}"
    );
    assert!(message.contains("Không nhập gì"), "{message}");
    assert!(records(&a) == before, "the register unchanged");
    assert_eq!(a.petition(&p).unwrap().state, PetitionState::Withdrawn);
}

#[test]
fn a_session_corrected_on_the_other_side_is_refused_with_the_reason() {
    let mut a = store_on("2026-06-30");
    let s = session(&mut a, "2026-06-01", HostGroup::Officer);
    a.add_visit(&visit_input(&s, vec![person("Phạm Thị Lan")], 1))
        .unwrap();
    let mut b = store_on("2026-06-30");
    b.import_exchange(&export(&a)).unwrap();
    let mut corrected = b.session(&s).unwrap();
    corrected.place = Some("Nhà văn hóa tổ dân phố 3".into());
    b.correct_session(
        &s,
        &NewSession {
            date: corrected.date.clone(),
            kind: corrected.kind,
            host_group: corrected.host_group,
            host_name: corrected.host_name.clone(),
            place: corrected.place.clone(),
            notes: corrected.notes.clone(),
        },
    )
    .unwrap();
    let before = records(&a);
    let e = a.import_exchange(&export(&b)).unwrap_err();
    assert!(e.to_string().contains("place"), "{e}");
    assert!(e.to_string().contains("Nhà văn hóa"), "{e}");
    assert!(records(&a) == before, "the register unchanged");
}

#[test]
fn a_generated_file_is_deterministic_and_imports_cleanly_twice() {
    let until = date("2026-06-30");
    let spec = Spec::new(600, 11, until);
    let file = generate(&spec);
    assert_eq!(file, generate(&spec), "same seed, same file");
    assert_ne!(file, generate(&Spec::new(600, 12, until)));
    assert_eq!(file.persons.len(), 600);
    let numbers: Vec<&str> = file
        .persons
        .iter()
        .filter_map(|p| p.id_number.as_deref())
        .collect();
    assert!(numbers.len() > 400);
    assert!(numbers
        .iter()
        .all(|n| n.len() == 12 && n.chars().all(|c| c.is_ascii_digit())));
    let unique: std::collections::HashSet<_> = numbers.iter().collect();
    assert_eq!(unique.len(), numbers.len(), "every căn cước number once");
    assert!(file.visits.len() > 300 && file.petitions.len() > 200);
    // Every state a petition's lifecycle ends in here.
    let states: std::collections::HashSet<_> = file.petitions.iter().map(|p| p.state).collect();
    for s in [
        PetitionState::Received,
        PetitionState::Classified,
        PetitionState::Accepted,
        PetitionState::Resolved,
        PetitionState::Guided,
        PetitionState::Transferred,
        PetitionState::Filed,
        PetitionState::Declined,
    ] {
        assert!(states.contains(&s), "{s:?} in {states:?}");
    }

    let mut store = store_on("2026-06-30");
    let n = store.import_exchange(&file).unwrap();
    assert_eq!(n.persons, 600);
    assert_eq!(n.visits as usize, file.visits.len());
    assert_eq!(n.petitions as usize, file.petitions.len());
    // What the register holds is what the file says.
    let back = export(&store);
    let states_back: Vec<_> = back.petitions.iter().map(|p| (&p.id, p.state)).collect();
    for p in &file.petitions {
        assert!(states_back.contains(&(&p.id, p.state)), "{}", p.id);
    }
    let before = records(&store);
    let again = store.import_exchange(&file).unwrap();
    assert_eq!((again.persons, again.events, again.updated), (0, 0, 0));
    assert!(records(&store) == before, "the register unchanged");
}

/// A file brought in over two imports (its persons and cases; then the whole file), so
/// that some of the register's tables already hold its records and others are empty when
/// the second import begins: the register ends as one import of the whole file makes it,
/// each record counted once. (A visit cannot come without the petition handed in at it.)
#[test]
fn a_file_imported_in_parts_is_the_file_imported_at_once() {
    let file = generate(&Spec::new(300, 5, date("2026-06-30")));
    let mut whole = store_on("2026-06-30");
    whole.import_exchange(&file).unwrap();

    let mut first = file.clone();
    first.sessions.clear();
    first.visits.clear();
    first.petitions.clear();
    first.petition_events.clear();
    first.changes.clear();
    let mut parts = store_on("2026-06-30");
    let n = parts.import_exchange(&first).unwrap();
    assert_eq!(
        (n.persons, n.cases, n.visits, n.petitions),
        (300, file.cases.len() as u32, 0, 0)
    );
    let n = parts.import_exchange(&file).unwrap();
    assert_eq!(
        (n.persons, n.cases, n.sessions, n.visits, n.petitions),
        (
            0,
            0,
            file.sessions.len() as u32,
            file.visits.len() as u32,
            file.petitions.len() as u32
        ),
        "{n:?}"
    );
    assert!(
        records(&parts) == records(&whole),
        "the same register either way"
    );
    // And once more: every table holds the file's records.
    let n = parts.import_exchange(&file).unwrap();
    assert_eq!(
        (n.persons, n.visits, n.petitions, n.events, n.updated),
        (0, 0, 0, 0, 0)
    );
    assert!(records(&parts) == records(&whole));
}

/// A city's file holds its wards' petitions, each ward numbering its own from 1 every
/// year; imported into a new register, every petition keeps its ward and its number.
#[test]
fn a_generated_city_file_keeps_each_wards_numbers() {
    use std::collections::{BTreeMap, HashMap, HashSet};
    let spec = Spec {
        units: 6,
        years: 2,
        ..Spec::new(2_400, 5, date("2026-06-30"))
    };
    let file = generate(&spec);
    assert_eq!(file, generate(&spec), "same seed, same file");
    assert_eq!(file.units.len(), 6);
    assert_eq!(file.units[0].id, file.unit_id);
    assert_eq!(file.units[0].name, spec.unit_name);
    let names: HashSet<_> = file.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names.len(), 6, "{names:?}");
    let name_of: HashMap<&str, &str> = file
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    // Each ward's numbers of a year: 1, 2, … with no gap and no number twice.
    let numbered = |petitions: &[tiepdan::records::PetitionRecord],
                    name_of: &HashMap<&str, &str>|
     -> BTreeMap<(String, i32), Vec<u32>> {
        let mut by: BTreeMap<(String, i32), Vec<u32>> = BTreeMap::new();
        for p in petitions {
            let unit = name_of[p.unit_id.as_str()].to_string();
            by.entry((unit, p.year)).or_default().push(p.number);
        }
        for v in by.values_mut() {
            v.sort();
        }
        by
    };
    let wards = numbered(&file.petitions, &name_of);
    for ((unit, year), numbers) in &wards {
        assert_eq!(
            *numbers,
            (1..=numbers.len() as u32).collect::<Vec<_>>(),
            "{unit} {year}"
        );
    }
    let units_with_petitions: HashSet<_> = wards.keys().map(|(u, _)| u.clone()).collect();
    assert_eq!(
        units_with_petitions.len(),
        6,
        "every ward receives petitions"
    );
    // The same session's petitions are one ward's.
    let session_of: HashMap<&str, &str> = file
        .visits
        .iter()
        .map(|v| (v.id.as_str(), v.session_id.as_str()))
        .collect();
    let mut ward_of_session: HashMap<&str, &str> = HashMap::new();
    for p in &file.petitions {
        if let Some(v) = &p.visit_id {
            let s = session_of[v.as_str()];
            let w = *ward_of_session.entry(s).or_insert(p.unit_id.as_str());
            assert_eq!(w, p.unit_id, "session {s}");
        }
    }

    let mut store = store_on("2026-06-30");
    let n = store.import_exchange(&file).unwrap();
    assert_eq!(n.petitions as usize, file.petitions.len());
    let back = export(&store);
    let back_names: HashMap<&str, &str> = back
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    // (The file's own ward becomes the new register's own: its id is the register's.)
    let mut back_names = back_names;
    back_names.insert("", &spec.unit_name);
    back_names.insert(back.unit_id.as_str(), &spec.unit_name);
    assert_eq!(numbered(&back.petitions, &back_names), wards);
}

/// A move other than a classification is replayed from what it names (its action, date,
/// agency, document number, outcome); the values the other register wrote in its details
/// are not read, nor kept: the register records its own, so a malformed value there
/// changes nothing.
#[test]
fn a_moves_recorded_details_are_the_registers_own() {
    let mut file = generate(&Spec::new(300, 4, date("2026-06-30")));
    let e = file
        .petition_events
        .iter_mut()
        .find(|e| e.action == MoveAction::Transfer)
        .expect("a transfer in the file");
    let id = e.id.clone();
    e.details = Some(serde_json::json!({"after": {"state": 5, "handling.agency": []}}));
    let mut store = store_on("2026-06-30");
    store.import_exchange(&file).unwrap();
    let back = export(&store);
    let kept = back.petition_events.iter().find(|e| e.id == id).unwrap();
    let after = &kept.details.as_ref().unwrap()["after"];
    assert_eq!(after["state"], serde_json::json!("transferred"), "{after}");
    assert!(after["handling.agency"].is_string(), "{after}");
}
