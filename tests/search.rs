//! One search box over every record: persons, petitions (by number, name, content),
//! visits and cases, diacritics-blind; and the intake suggestions.

mod common;

use common::*;
use tiepdan::demo::load_demo;
use tiepdan::desk::intake::{PetitionProbe, SearchKind};
use tiepdan::domain::*;

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
    assert!(!s[0].can_be_duplicate_of);
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
