//! A rejected input gets a Vietnamese message naming the field, and nothing of it is saved.

mod common;

use common::*;
use tiepdan::domain::*;

fn assert_rejected(e: tiepdan::Error, field: &str, words: &str) {
    assert_eq!(e.code(), "invalid");
    assert_eq!(e.field(), Some(field), "{e}");
    assert!(e.to_string().contains(words), "{e:?} should say {words:?}");
}

#[test]
fn session_dates_must_be_real_and_not_in_the_future() {
    let mut store = store_on("2026-03-10");
    for (date, words) in [
        ("2026-02-30", "không phải là ngày có thật"),
        ("10/03/2026", "không phải là ngày có thật"),
        ("", "chưa nhập ngày"),
        ("2026-03-11", "ở tương lai"),
    ] {
        let e = store
            .create_session(&NewSession {
                date: date.into(),
                kind: SessionKind::Regular,
                host_group: HostGroup::Officer,
                host_name: None,
                place: None,
                notes: None,
            })
            .unwrap_err();
        assert_rejected(e, "date", words);
    }
    assert_eq!(count(&store, "sessions"), 0);
}

#[test]
fn a_bad_person_saves_nothing_of_the_visit() {
    let mut store = store_on("2026-03-10");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);

    let cases: Vec<(NewVisit, &str, &str)> = vec![
        (
            {
                let mut good = person("Nguyễn Văn Đức");
                good.id_number = Some("001090001234".into());
                let mut bad = person("Nguyễn Thị Hoa");
                bad.id_kind = Some(IdKind::CanCuoc);
                bad.id_number = Some("00109000123".into());
                let mut v = visit_input(&s, vec![good, bad], 2);
                v.petition = Some(petition_of(PetitionKind::Proposal));
                v
            },
            "persons[1].id_number",
            "12 chữ số",
        ),
        (
            {
                let mut p = person("Lê Văn Tám");
                p.id_kind = Some(IdKind::Cmnd);
                p.id_number = Some("12345678".into());
                visit_input(&s, vec![p], 1)
            },
            "persons[0].id_number",
            "9 hoặc 12 chữ số",
        ),
        (
            visit_input(&s, vec![person("   ")], 1),
            "persons[0].full_name",
            "Họ và tên không được để trống",
        ),
        (
            visit_input(&s, vec![person("A"), person("B"), person("C")], 2),
            "headcount",
            "không được ít hơn số người đã ghi tên (3)",
        ),
        (
            {
                let mut v = visit_input(&s, vec![person("Hoàng Văn Sơn")], 1);
                v.content = " ".into();
                v
            },
            "content",
            "Nội dung không được để trống",
        ),
        (
            {
                let mut v = visit_input(&s, vec![person("Hoàng Văn Sơn")], 1);
                v.handling = HandlingInput {
                    handling: Handling::Transfer,
                    agency: None,
                    letter_no: None,
                };
                v
            },
            "handling.agency",
            "cơ quan nhận đơn chuyển",
        ),
        (
            {
                let mut v = visit_input(&s, vec![person("Hoàng Văn Sơn")], 1);
                v.field_code = Some("khong_co".into());
                v
            },
            "field_code",
            "không có trong danh mục",
        ),
        (
            {
                let mut v = visit_input(&s, vec![person("Hoàng Văn Sơn")], 1);
                let mut p = petition_of(PetitionKind::Complaint);
                p.content = "".into();
                v.petition = Some(p);
                v
            },
            "petition.content",
            "Nội dung đơn",
        ),
    ];
    for (input, field, words) in cases {
        let e = store.add_visit(&input).unwrap_err();
        assert_rejected(e, field, words);
    }
    for table in ["visits", "persons", "petitions", "cases"] {
        assert_eq!(count(&store, table), 0, "{table} stays empty");
    }
}

#[test]
fn a_person_typed_twice_in_one_visit_is_refused_and_rolled_back() {
    let mut store = store_on("2026-03-10");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut a = person("Nguyễn Văn Đức");
    a.id_number = Some("001090001234".into());
    let b = a.clone();
    let e = store
        .add_visit(&visit_input(&s, vec![a, b], 2))
        .unwrap_err();
    assert_eq!(e.field(), Some("persons[1]"));
    assert_eq!(
        count(&store, "persons"),
        0,
        "the first person's insert is rolled back"
    );
    assert_eq!(count(&store, "cases"), 0);
}

#[test]
fn direct_petitions_are_checked() {
    let mut store = store_on("2026-03-10");
    let base = NewPetition {
        received_on: "2026-03-09".into(),
        source: PetitionSource::Post,
        source_agency: None,
        kind: PetitionKind::Complaint,
        contents: vec![],
        field_code: None,
        content: "Khiếu nại quyết định hành chính".into(),
        anonymous: false,
        petitioners: vec![person("Phan Văn Long")],
        respondent: None,
        handling: HandlingInput::default(),
        classification: Classification::default(),
        duplicate_of: None,
        case_id: None,
    };
    let mut future = base.clone();
    future.received_on = "2026-03-11".into();
    assert_rejected(
        store.create_petition(&future).unwrap_err(),
        "received_on",
        "tương lai",
    );
    let mut nobody = base.clone();
    nobody.petitioners.clear();
    assert_rejected(
        store.create_petition(&nobody).unwrap_err(),
        "petitioners",
        "nặc danh",
    );
    let mut transfer = base.clone();
    transfer.source = PetitionSource::Transfer;
    assert_rejected(
        store.create_petition(&transfer).unwrap_err(),
        "source_agency",
        "Cơ quan chuyển đơn",
    );
    let mut at_visit = base.clone();
    at_visit.source = PetitionSource::Visit;
    assert_rejected(
        store.create_petition(&at_visit).unwrap_err(),
        "source",
        "Sổ tiếp dân",
    );
    assert_eq!(count(&store, "petitions"), 0);
    assert_eq!(count(&store, "persons"), 0);

    let mut anonymous = base.clone();
    anonymous.petitioners.clear();
    anonymous.anonymous = true;
    let p = store.create_petition(&anonymous).unwrap();
    assert!(p.anonymous && p.petitioners.is_empty());
}
