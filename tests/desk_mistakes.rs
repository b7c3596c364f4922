//! Rules that keep the register honest when the desk makes a mistake: identity numbers
//! never merge two citizens, numbers are never given twice, the 01/TCD total is the sum
//! of its blocks, and sample data never mixes with real records.

mod common;

use common::*;
use tiepdan::demo::load_demo;
use tiepdan::domain::*;

fn numbered(name: &str, number: &str, address: Option<&str>) -> PersonInput {
    PersonInput {
        full_name: name.into(),
        id_number: Some(number.into()),
        address: address.map(str::to_string),
        ..Default::default()
    }
}

#[test]
fn a_known_number_with_another_name_is_refused_not_merged() {
    let mut store = store_on("2026-03-10");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let a = store
        .add_visit(&visit_input(
            &s,
            vec![numbered("Nguyễn Văn An", "001203004567", Some("Số 1"))],
            1,
        ))
        .unwrap();

    let e = store
        .add_visit(&visit_input(
            &s,
            vec![numbered("Trần Thị Bình", "001203004567", Some("Số 99"))],
            1,
        ))
        .unwrap_err();
    assert_eq!(e.field(), Some("persons[0].id_number"));
    assert!(e.to_string().contains("Nguyễn Văn An"), "{e}");

    // The same name typed without marks is the same person; blanks are filled, but the
    // address already on record is not overwritten.
    let mut again = numbered("nguyen van an", "001203004567", Some("Số 99"));
    again.phone = Some("0912345678".into());
    let v = store.add_visit(&visit_input(&s, vec![again], 1)).unwrap();
    assert_eq!(v.persons[0].id, a.persons[0].id);
    assert_eq!(v.persons[0].full_name, "Nguyễn Văn An");
    assert_eq!(v.persons[0].address.as_deref(), Some("Số 1"));
    assert_eq!(v.persons[0].phone.as_deref(), Some("0912345678"));
}

#[test]
fn a_picked_person_keeps_their_number() {
    let mut store = store_on("2026-03-10");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let an = store
        .add_visit(&visit_input(
            &s,
            vec![numbered("Nguyễn Văn An", "001203004567", None)],
            1,
        ))
        .unwrap()
        .persons[0]
        .clone();
    let binh = store
        .add_visit(&visit_input(&s, vec![person("Trần Thị Bình")], 1))
        .unwrap()
        .persons[0]
        .clone();
    let picked = |id: &str, number: &str| PersonInput {
        existing_id: Some(id.into()),
        id_number: Some(number.into()),
        ..Default::default()
    };
    let e = store
        .add_visit(&visit_input(&s, vec![picked(&an.id, "001203009999")], 1))
        .unwrap_err();
    assert_eq!(e.field(), Some("persons[0].id_number"));
    let e = store
        .add_visit(&visit_input(&s, vec![picked(&binh.id, "001203004567")], 1))
        .unwrap_err();
    assert!(e.to_string().contains("Nguyễn Văn An"), "{e}");
    // Her own new number is recorded.
    let v = store
        .add_visit(&visit_input(&s, vec![picked(&binh.id, "079303001111")], 1))
        .unwrap();
    assert_eq!(v.persons[0].id_number.as_deref(), Some("079303001111"));
    assert_eq!(v.persons[0].id_kind, IdKind::CanCuoc);
}

#[test]
fn a_delegation_is_five_people_or_more_whatever_was_typed() {
    let mut store = store_on("2026-03-10");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let four = visit(&mut store, &s, 1, 4, None);
    let five = visit(&mut store, &s, 1, 5, None);
    let six = visit(&mut store, &s, 2, 6, None);
    assert_eq!(
        (four.delegation, five.delegation, six.delegation),
        (false, true, true)
    );
    let r = report(&store, "2026-03-10", "2026-03-10");
    assert_eq!(
        (r.officer.delegations, r.officer.delegation_people),
        (2, 11)
    );
}

#[test]
fn the_reception_total_of_cases_is_the_sum_of_the_blocks() {
    let mut store = store_on("2026-03-31");
    let officer = session(&mut store, "2026-03-03", HostGroup::Officer);
    let first = visit(&mut store, &officer, 1, 1, None);
    let chairman = session(&mut store, "2026-03-05", HostGroup::Chairman);
    let mut again = visit_input(&chairman, vec![person("Hồ Văn Cường")], 1);
    again.case_id = Some(first.case_id.clone());
    store.add_visit(&again).unwrap();
    let r = report(&store, "2026-03-01", "2026-03-31");
    // Received at the regular desk and by the chairman: once, under the chairman
    // (01/TCD note); the visits and people stay where they happened.
    assert_eq!((r.officer.cases, r.chairman.cases), (0, 1));
    assert_eq!((r.officer.visits, r.chairman.visits), (1, 1));
    assert_eq!(r.reception.cases, 1, "01/TCD column 3 = 7 + 13 + 19");
    assert_eq!(r.reception.cases_repeat, 1);
}

#[test]
fn a_case_first_raised_by_post_is_a_repeat_when_the_citizen_comes() {
    let mut store = store_on("2026-03-31");
    let p = store
        .create_petition(&NewPetition {
            received_on: "2026-02-20".into(),
            source: PetitionSource::Post,
            source_agency: None,
            kind: PetitionKind::Complaint,
            contents: vec![],
            field_code: None,
            content: "Khiếu nại việc cấp giấy phép xây dựng".into(),
            anonymous: false,
            petitioners: vec![person("Phan Thị Hạnh")],
            respondent: None,
            handling: HandlingInput::default(),
            classification: Classification::default(),
            duplicate_of: None,
            case_id: None,
        })
        .unwrap();
    let s = session(&mut store, "2026-03-04", HostGroup::Officer);
    let mut v = visit_input(&s, vec![person("Phan Thị Hạnh")], 1);
    v.case_id = Some(p.case_id.clone());
    store.add_visit(&v).unwrap();
    let r = report(&store, "2026-03-01", "2026-03-31");
    assert_eq!((r.officer.cases_first, r.officer.cases_repeat), (0, 1));
}

#[test]
fn a_deleted_petitions_number_is_not_given_again() {
    let mut store = store_on("2026-03-10");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let v = visit(&mut store, &s, 1, 1, Some(PetitionKind::Proposal));
    assert_eq!(v.petition_number.as_deref(), Some("1/2026"));
    store.delete_visit(&v.id).unwrap();
    let w = visit(&mut store, &s, 1, 1, Some(PetitionKind::Proposal));
    assert_eq!(w.petition_number.as_deref(), Some("2/2026"));
}

#[test]
fn officers_sessions_whose_visits_the_chairman_joined_are_not_said_empty() {
    let mut store = store_on("2026-03-31");
    let s = session(&mut store, "2026-03-04", HostGroup::Officer);
    let mut joined = visit_input(&s, vec![person("Đỗ Văn Hùng")], 1);
    joined.chairman_joined = true;
    store.add_visit(&joined).unwrap();
    let r = report(&store, "2026-03-01", "2026-03-31");
    assert_eq!(r.officer.empty_sessions, 0);
    assert!(
        !r.sentences
            .iter()
            .any(|x| x.contains("không có công dân đến")),
        "{:#?}",
        r.sentences
    );
    assert!(
        r.sentences[1].contains("được tính cho Chủ tịch"),
        "{}",
        r.sentences[1]
    );
}

#[test]
fn sample_data_goes_only_into_an_empty_register() {
    let mut store = store_on("2026-03-10");
    session(&mut store, "2026-03-10", HostGroup::Officer);
    let e = load_demo(&mut store, 1).unwrap_err();
    assert!(e.to_string().contains("sổ trống"), "{e}");
    assert_eq!(count(&store, "visits"), 0);
}

#[test]
fn only_an_empty_session_can_be_deleted() {
    let mut store = store_on("2026-03-10");
    let empty = session(&mut store, "2026-03-09", HostGroup::Chairman);
    let busy = session(&mut store, "2026-03-10", HostGroup::Officer);
    let v = visit(&mut store, &busy, 1, 1, None);
    let e = store.delete_session(&busy).unwrap_err();
    assert_eq!(e.field(), Some("session"));
    assert!(e.to_string().contains("1 lượt tiếp"), "{e}");
    store.delete_session(&empty).unwrap();
    assert_eq!(count(&store, "sessions"), 1);
    store.delete_visit(&v.id).unwrap();
    store.delete_session(&busy).unwrap();
    assert_eq!(count(&store, "sessions"), 0);
    assert_eq!(store.delete_session(&busy).unwrap_err().code(), "not_found");
}
