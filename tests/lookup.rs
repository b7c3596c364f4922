//! Finding a returning citizen: diacritics-blind names, identity numbers, earlier cases.

mod common;

use common::*;
use tiepdan::domain::*;

fn names(store: &tiepdan::Store, q: &str) -> Vec<String> {
    store
        .find_persons(q, 10)
        .unwrap()
        .into_iter()
        .map(|m| m.person.full_name)
        .collect()
}

#[test]
fn names_are_found_without_diacritics_or_case() {
    let mut store = store_on("2026-03-10");
    let s = session(&mut store, "2026-03-02", HostGroup::Officer);
    for name in [
        "Nguyễn Văn Đức",
        "Nguyễn Thị Hoa",
        "Đặng Văn Dũng",
        "Trần Đức Thắng",
    ] {
        store
            .add_visit(&visit_input(&s, vec![person(name)], 1))
            .unwrap();
    }
    assert_eq!(names(&store, "nguyen van duc"), ["Nguyễn Văn Đức"]);
    assert_eq!(names(&store, "NGUYEN VAN DUC"), ["Nguyễn Văn Đức"]);
    assert_eq!(names(&store, "Nguyễn Văn Đức"), ["Nguyễn Văn Đức"]);
    assert_eq!(names(&store, "dang dung"), ["Đặng Văn Dũng"]);
    let mut both = names(&store, "nguyen");
    both.sort();
    assert_eq!(both, ["Nguyễn Thị Hoa", "Nguyễn Văn Đức"]);
    // Word prefixes: "duc" finds Đức in two names.
    let mut duc = names(&store, "duc");
    duc.sort();
    assert_eq!(duc, ["Nguyễn Văn Đức", "Trần Đức Thắng"]);
    assert!(names(&store, "le").is_empty());
    assert!(
        names(&store, "\"*(").is_empty(),
        "punctuation cannot break the query"
    );
}

#[test]
fn an_identity_number_finds_the_person_and_their_cases() {
    let mut store = store_on("2026-03-31");
    let s1 = session(&mut store, "2026-02-03", HostGroup::Officer);
    let mut duc = person("Nguyễn Văn Đức");
    duc.id_number = Some("001090001234".into());
    let mut first = visit_input(&s1, vec![duc.clone()], 1);
    first.content = "Tranh chấp lối đi chung với hộ liền kề".into();
    let v1 = store.add_visit(&first).unwrap();

    let found = store.find_persons("0010900", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].person.full_name, "Nguyễn Văn Đức");
    assert_eq!(found[0].cases.len(), 1);
    assert_eq!(
        found[0].cases[0].summary,
        "Tranh chấp lối đi chung với hộ liền kề"
    );
    assert_eq!(found[0].cases[0].id, v1.case_id);
    assert!(
        store.find_persons("00", 10).unwrap().is_empty(),
        "too short to search"
    );

    // He comes back about the same case; typing his number again is the same person.
    let s2 = session(&mut store, "2026-03-10", HostGroup::Chairman);
    let mut again = visit_input(&s2, vec![duc], 1);
    again.case_id = Some(v1.case_id.clone());
    let v2 = store.add_visit(&again).unwrap();
    assert_eq!(v2.persons[0].id, v1.persons[0].id);
    // And a direct petition on a new matter.
    store
        .create_petition(&NewPetition {
            received_on: "2026-03-20".into(),
            source: PetitionSource::Post,
            source_agency: None,
            kind: PetitionKind::Complaint,
            contents: vec![],
            field_code: None,
            content: "Khiếu nại quyết định xử phạt".into(),
            anonymous: false,
            petitioners: vec![PersonInput {
                existing_id: Some(v1.persons[0].id.clone()),
                full_name: String::new(),
                ..Default::default()
            }],
            respondent: None,
            handling: HandlingInput::default(),
            classification: Classification::default(),
            duplicate_of: None,
            case_id: None,
        })
        .unwrap();

    let m = &store.find_persons("nguyen van duc", 10).unwrap()[0];
    assert_eq!(m.cases.len(), 2);
    assert_eq!(m.cases[0].summary, "Khiếu nại quyết định xử phạt");
    assert_eq!((m.cases[0].visits, m.cases[0].petitions), (0, 1));
    let land = &m.cases[1];
    assert_eq!(
        (
            land.first_received_on.as_str(),
            land.last_received_on.as_str()
        ),
        ("2026-02-03", "2026-03-10")
    );
    assert_eq!((land.visits, land.petitions), (2, 0));
    assert_eq!(count(&store, "persons"), 1);
}
