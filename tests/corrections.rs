//! Corrections: every saved record can be corrected with the same checks as at entry, the
//! old values stay in its history; two records of one citizen can be merged and the merge
//! undone; deleting is a recorded event; an import meets the desk's rules.

mod common;

use common::*;
use tiepdan::demo::load_demo;
use tiepdan::domain::*;

fn field<'a>(h: &'a [ChangeView], name: &str) -> Option<&'a FieldChange> {
    h.iter()
        .rev()
        .flat_map(|c| c.fields.iter())
        .find(|f| f.field == name)
}

#[test]
fn a_corrected_visit_keeps_its_old_values_in_the_history() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut input = visit_input(&s, vec![person("Nguyễn Văn Ba")], 1);
    input.content = "Hỏi thủ tuc".into();
    let v = store.add_visit(&input).unwrap();
    input.content = "Hỏi thủ tục cấp giấy chứng nhận".into();
    input.headcount = 3;
    input.persons = vec![PersonInput {
        existing_id: Some(v.persons[0].id.clone()),
        ..Default::default()
    }];
    let fixed = store.correct_visit(&v.id, &input).unwrap();
    assert_eq!(fixed.content, "Hỏi thủ tục cấp giấy chứng nhận");
    assert_eq!(fixed.headcount, 3);
    assert_eq!(fixed.seq, v.seq);
    let h = store.history("visits", &v.id).unwrap();
    assert_eq!(h[0].action, ChangeAction::Create);
    assert_eq!(h[1].action, ChangeAction::Update);
    assert_eq!(h[1].actor, Actor::Desk);
    let content = field(&h, "content").unwrap();
    assert_eq!(content.label, "Nội dung");
    assert_eq!(content.old.as_deref(), Some("Hỏi thủ tuc"));
    assert_eq!(
        content.new.as_deref(),
        Some("Hỏi thủ tục cấp giấy chứng nhận")
    );
    assert_eq!(field(&h, "headcount").unwrap().old.as_deref(), Some("1"));
    // The same checks as at entry: nothing is saved when one fails.
    input.headcount = 0;
    input.persons.push(person("Lê Thị Bốn"));
    let e = store.correct_visit(&v.id, &input).unwrap_err();
    assert_eq!(e.field(), Some("headcount"));
    assert_eq!(store.visit(&v.id).unwrap().headcount, 3);
    assert_eq!(store.history("visits", &v.id).unwrap().len(), 2);
}

#[test]
fn a_corrected_session_date_moves_its_petitions() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let v = visit(&mut store, &s, 1, 1, Some(PetitionKind::Proposal));
    let mut fix = NewSession {
        date: "2026-03-09".into(),
        kind: SessionKind::Regular,
        host_group: HostGroup::Officer,
        host_name: None,
        place: Some("Trụ sở UBND phường".into()),
        notes: None,
    };
    store.correct_session(&s, &fix).unwrap();
    let p = &store.petitions(&PetitionFilter::default()).unwrap()[0];
    assert_eq!(
        p.received_on, "2026-03-09",
        "received on the session's date, always"
    );
    assert_eq!(v.petition_number.as_deref(), Some(p.number.as_str()));
    // The case's page and the search say it was opened on the corrected day.
    assert_eq!(
        store.case_detail(&p.case_id).unwrap().opened_on,
        "2026-03-09"
    );
    let direct = direct_petition(&mut store, "2026-03-11", PetitionKind::Proposal);
    let case = store.petition(&direct).unwrap().case_id;
    store
        .correct_petition(&direct, &direct_input("2026-03-05", PetitionKind::Proposal))
        .unwrap();
    assert_eq!(store.case_detail(&case).unwrap().opened_on, "2026-03-05");
    let h = store.history("sessions", &s).unwrap();
    let d = field(&h, "date").unwrap();
    assert_eq!(
        (d.old.as_deref(), d.new.as_deref()),
        (Some("10/03/2026"), Some("09/03/2026"))
    );
    // A date in the future, or in another year (the petition keeps its number), is refused.
    fix.date = "2026-03-13".into();
    assert_eq!(
        store.correct_session(&s, &fix).unwrap_err().field(),
        Some("date")
    );
    fix.date = "2025-12-30".into();
    let e = store.correct_session(&s, &fix).unwrap_err();
    assert!(e.to_string().contains("số đơn đánh theo năm"), "{e}");
    assert_eq!(store.session(&s).unwrap().date, "2026-03-09");
}

#[test]
fn a_corrected_person_and_an_identity_number_already_held() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut a = person("Nguyen Van An");
    a.id_number = Some("001203004567".into());
    let a = store
        .add_visit(&visit_input(&s, vec![a], 1))
        .unwrap()
        .persons[0]
        .clone();
    let mut b = person("Trần Thị Bình");
    b.id_number = Some("001303004568".into());
    let b = store
        .add_visit(&visit_input(&s, vec![b], 1))
        .unwrap()
        .persons[0]
        .clone();
    let fixed = store
        .correct_person(
            &a.id,
            &PersonInput {
                full_name: "Nguyễn Văn An".into(),
                id_number: Some("001203004567".into()),
                address: Some("Tổ dân phố 3".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(fixed.full_name, "Nguyễn Văn An");
    let h = store.history("persons", &a.id).unwrap();
    let name = field(&h, "full_name").unwrap();
    assert_eq!(name.old.as_deref(), Some("Nguyen Van An"));
    assert_eq!(name.label, "Họ và tên");
    // Another citizen's number is refused: correcting never merges two people.
    let e = store
        .correct_person(
            &a.id,
            &PersonInput {
                full_name: "Nguyễn Văn An".into(),
                id_number: b.id_number.clone(),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.field(), Some("person.id_number"));
    assert!(e.to_string().contains("Trần Thị Bình"), "{e}");
    assert!(store.find_persons("nguyen van an", 5).unwrap()[0].person.id == a.id);
}

#[test]
fn a_merge_moves_visits_and_petitions_and_can_be_undone() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let kept = visit(&mut store, &s, 1, 1, None).persons[0].clone();
    let mut other = visit_input(&s, vec![person("Cong dan 1 1")], 1);
    other.petition = Some(petition_of(PetitionKind::Complaint));
    let twin = store.add_visit(&other).unwrap().persons[0].clone();
    // Both named in the same visit too: the link is dropped, then restored.
    let both = store
        .add_visit(&visit_input(
            &s,
            vec![
                PersonInput {
                    existing_id: Some(kept.id.clone()),
                    ..Default::default()
                },
                PersonInput {
                    existing_id: Some(twin.id.clone()),
                    ..Default::default()
                },
            ],
            2,
        ))
        .unwrap();
    let merge = store.merge_persons(&kept.id, &twin.id).unwrap();
    let page = store.person_detail(&kept.id).unwrap();
    assert_eq!(page.visits.len(), 3);
    assert_eq!(page.petitions.len(), 1);
    assert_eq!(page.merges[0].merged.full_name, "Cong dan 1 1");
    let names: Vec<String> = store
        .visit(&both.id)
        .unwrap()
        .persons
        .iter()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(names, std::slice::from_ref(&kept.id));
    // The merged record is no longer offered by the lookup.
    let found: Vec<String> = store
        .find_persons("cong dan 1 1", 10)
        .unwrap()
        .into_iter()
        .map(|m| m.person.id)
        .collect();
    assert!(!found.contains(&twin.id));
    // A person picked by its old id is the kept one.
    let again = store
        .add_visit(&visit_input(
            &s,
            vec![PersonInput {
                existing_id: Some(twin.id.clone()),
                ..Default::default()
            }],
            1,
        ))
        .unwrap();
    assert_eq!(again.persons[0].id, kept.id);
    store.delete_visit(&again.id).unwrap();

    store.undo_merge(&merge.id).unwrap();
    assert_eq!(store.person_detail(&twin.id).unwrap().visits.len(), 2);
    assert_eq!(store.person_detail(&twin.id).unwrap().petitions.len(), 1);
    assert_eq!(store.person_detail(&kept.id).unwrap().visits.len(), 2);
    assert_eq!(store.visit(&both.id).unwrap().persons.len(), 2);
    assert!(store.undo_merge(&merge.id).is_err(), "undone once");
    let h = store.history("persons", &twin.id).unwrap();
    let actions: Vec<ChangeAction> = h.iter().map(|c| c.action).collect();
    assert_eq!(
        actions,
        [
            ChangeAction::Create,
            ChangeAction::Merge,
            ChangeAction::Unmerge
        ]
    );
    assert_eq!(
        store.merge_persons(&kept.id, &kept.id).unwrap_err().field(),
        Some("merged_id")
    );
}

#[test]
fn deleting_is_a_recorded_event() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let v = visit(&mut store, &s, 1, 1, Some(PetitionKind::Denunciation));
    let file = store.export_exchange().unwrap();
    let petition_id = file.petitions[0].id.clone();
    store.delete_visit(&v.id).unwrap();
    let h = store.history("visits", &v.id).unwrap();
    assert_eq!(h.last().unwrap().action, ChangeAction::Delete);
    let after = store.export_exchange().unwrap();
    let visit_gone = after
        .changes
        .iter()
        .find(|c| c.record_id == v.id && c.action == ChangeAction::Delete)
        .unwrap();
    assert_eq!(
        visit_gone.old.as_ref().unwrap()["visit"]["content"],
        v.content.as_str()
    );
    let petition_gone = after
        .changes
        .iter()
        .find(|c| c.record_id == petition_id && c.action == ChangeAction::Delete)
        .unwrap();
    assert_eq!(
        petition_gone.old.as_ref().unwrap()["petition"]["kind"],
        "denunciation"
    );
    assert_eq!(
        petition_gone.old.as_ref().unwrap()["events"][0]["action"],
        "receive"
    );
}

#[test]
fn the_cli_is_named_as_who_acted() {
    let mut store = store_on("2026-03-12");
    store.set_actor(Actor::Cli);
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    assert_eq!(store.history("sessions", &s).unwrap()[0].actor, Actor::Cli);
}

#[test]
fn an_import_meets_the_desks_rules_and_saves_nothing_when_refused() {
    let mut a = store_on("2026-06-30");
    load_demo(&mut a, 3).unwrap();
    let good = a.export_exchange().unwrap();

    // A session dated in the future of the importing register.
    let mut future = good.clone();
    future.sessions[0].date = "2026-07-15".into();
    let mut b = store_on("2026-06-30");
    let e = b.import_exchange(&future).unwrap_err();
    assert!(e.to_string().contains("tương lai"), "{e}");
    assert!(e.to_string().contains(&future.sessions[0].id), "{e}");
    assert!(b.is_empty().unwrap());
    assert_eq!(count(&b, "persons"), 0);

    // A transfer without an agency.
    let mut no_agency = good.clone();
    let event = no_agency
        .petition_events
        .iter_mut()
        .find(|e| e.action == MoveAction::Transfer)
        .expect("the sample has a transfer");
    let petition = event.petition_id.clone();
    event.agency = None;
    let e = b.import_exchange(&no_agency).unwrap_err();
    assert!(e.to_string().contains("cơ quan nhận đơn chuyển"), "{e}");
    assert!(e.to_string().contains(&petition), "{e}");
    assert!(b.is_empty().unwrap());

    // A move the law does not allow (resolving a petition never accepted).
    let mut skipped = good.clone();
    let accept = skipped
        .petition_events
        .iter()
        .position(|e| e.action == MoveAction::Accept)
        .unwrap();
    skipped.petition_events.remove(accept);
    let e = b.import_exchange(&skipped).unwrap_err();
    assert_eq!(e.code(), "exchange");
    assert!(b.is_empty().unwrap());

    // The good file goes in whole, with its history.
    let n = b.import_exchange(&good).unwrap();
    assert_eq!(n.petitions as usize, good.petitions.len());
    assert_eq!(
        report(&a, "2026-01-01", "2026-06-30"),
        report(&b, "2026-01-01", "2026-06-30")
    );
    let states = |s: &tiepdan::Store| -> Vec<(String, PetitionState)> {
        let mut v: Vec<_> = s
            .export_exchange()
            .unwrap()
            .petitions
            .into_iter()
            .map(|p| (p.id, p.state))
            .collect();
        v.sort();
        v
    };
    assert_eq!(states(&a), states(&b));
    assert!(n.changes > 0);
}

#[test]
fn an_exchange_file_of_version_1_is_still_read() {
    let text = include_str!("fixtures/exchange-v1.json");
    let file = tiepdan::exchange::parse(text).unwrap();
    assert_eq!(file.version, 1);
    let closed = file
        .petitions
        .iter()
        .find(|p| p.handling.handling == Handling::Transfer)
        .unwrap();
    assert_eq!(closed.state, PetitionState::Transferred);
    let mut store = store_on("2026-06-30");
    let n = store.import_exchange(&file).unwrap();
    assert_eq!(n.petitions as usize, file.petitions.len());
    let p = store.petition(&closed.id).unwrap();
    assert_eq!(p.state, PetitionState::Transferred);
    assert_eq!(p.status, PetitionStatus::Closed);
}

#[test]
fn a_name_corrected_in_the_visit_form_is_one_save() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut input = visit_input(&s, vec![person("Nguyen Van Ba")], 1);
    input.content = "Hoi thu tuc".into();
    let v = store.add_visit(&input).unwrap();
    let pid = v.persons[0].id.clone();
    // The case opened by this visit is summed up by its content.
    let case = store.case_detail(&v.case_id).unwrap();
    assert_eq!(case.summary, "Hoi thu tuc");
    input.persons = vec![PersonInput {
        existing_id: Some(pid.clone()),
        full_name: "Nguyễn Văn Ba".into(),
        phone: Some("0912 345 678".into()),
        correct: true,
        ..Default::default()
    }];
    input.content = "Hỏi thủ tục đăng ký thường trú".into();
    let fixed = store.correct_visit(&v.id, &input).unwrap();
    assert_eq!(fixed.persons[0].id, pid);
    assert_eq!(fixed.persons[0].full_name, "Nguyễn Văn Ba");
    assert_eq!(fixed.persons[0].phone.as_deref(), Some("0912 345 678"));
    assert_eq!(
        store.case_detail(&v.case_id).unwrap().summary,
        "Hỏi thủ tục đăng ký thường trú"
    );
    let h = store.history("persons", &pid).unwrap();
    assert_eq!(
        field(&h, "full_name").unwrap().old.as_deref(),
        Some("Nguyen Van Ba")
    );
    // The visit's history shows it too: the officer looks for the old name there.
    let h = store.history("visits", &v.id).unwrap();
    let name = field(&h, "persons.full_name").unwrap();
    assert_eq!(name.label, "Người được tiếp (Nguyễn Văn Ba) – Họ và tên");
    assert_eq!(name.old.as_deref(), Some("Nguyen Van Ba"));
    // A bad correction saves nothing: neither the person nor the visit.
    input.persons[0].phone = Some("12ab".into());
    input.content = "Nội dung khác".into();
    let e = store.correct_visit(&v.id, &input).unwrap_err();
    assert_eq!(e.field(), Some("persons[0].phone"));
    assert_eq!(
        store.visit(&v.id).unwrap().content,
        "Hỏi thủ tục đăng ký thường trú"
    );
    assert_eq!(
        store.person(&pid).unwrap().phone.as_deref(),
        Some("0912 345 678")
    );
    // Without `correct`, what is typed for a picked person only fills blanks.
    input.persons[0] = PersonInput {
        existing_id: Some(pid.clone()),
        full_name: "Tên khác".into(),
        address: Some("Tổ 4".into()),
        ..Default::default()
    };
    input.content = "Hỏi thủ tục đăng ký thường trú".into();
    let kept = store.correct_visit(&v.id, &input).unwrap();
    assert_eq!(kept.persons[0].full_name, "Nguyễn Văn Ba");
    assert_eq!(kept.persons[0].address.as_deref(), Some("Tổ 4"));
}

#[test]
fn the_lookup_says_what_an_earlier_case_was_about() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut input = visit_input(&s, vec![person("Lê Thị Hoa")], 1);
    input.kind = Some(PetitionKind::Complaint);
    input.field_code = Some("dat_dai".into());
    input.petition = Some(petition_of(PetitionKind::Complaint));
    let v = store.add_visit(&input).unwrap();
    assert_eq!(
        v.petition_id
            .as_deref()
            .map(|id| store.petition(id).unwrap().number),
        v.petition_number
    );
    let found = store.find_persons("le thi hoa", 5).unwrap();
    let case = &found[0].cases[0];
    assert_eq!(case.kind, Some(PetitionKind::Complaint));
    assert_eq!(case.field_code.as_deref(), Some("dat_dai"));
    // The session being corrected does not warn against itself.
    let me = store.session(&s).unwrap();
    let again = NewSession {
        date: me.date.clone(),
        kind: me.kind,
        host_group: me.host_group,
        host_name: None,
        place: None,
        notes: None,
    };
    assert_eq!(store.session_warnings(&again, None).unwrap().len(), 1);
    assert!(store.session_warnings(&again, Some(&s)).unwrap().is_empty());
}

#[test]
fn a_classified_mixed_petition_keeps_its_contents_in_a_correction() {
    let mut store = store_on("2026-03-20");
    let id = direct_petition(&mut store, "2026-03-02", PetitionKind::Mixed);
    classify(
        &mut store,
        &id,
        PetitionKind::Mixed,
        true,
        Competence::Within,
        "2026-03-03",
    );
    let mut input = direct_input("2026-03-02", PetitionKind::Mixed);
    input.contents = vec![PetitionKind::Complaint, PetitionKind::Denunciation];
    let e = store.correct_petition(&id, &input).unwrap_err();
    assert_eq!(e.field(), Some("contents"));
    assert!(e.to_string().contains("Phân loại đơn"), "{e}");
    // The same contents in another order are no change.
    input.contents = vec![PetitionKind::Proposal, PetitionKind::Complaint];
    store.correct_petition(&id, &input).unwrap();
    // The timeline names them.
    let detail = store.petition_detail(&id).unwrap();
    let classified = detail
        .moves
        .iter()
        .find(|m| m.action == MoveAction::Classify)
        .unwrap();
    assert!(
        classified
            .summary
            .as_deref()
            .unwrap_or("")
            .starts_with("Nhiều nội dung (khiếu nại; kiến nghị, phản ánh); đủ điều kiện xử lý"),
        "{:?}",
        classified.summary
    );
}

/// A session moved back takes its petitions' receipts with it: a denunciation's check made
/// longer must still fall within ten working days of the new receipt (Luật Tố cáo 2018,
/// Điều 24), else the correction is refused on the date, and nothing moves.
#[test]
fn a_session_moved_back_keeps_a_denunciation_check_within_ten_days() {
    let mut store = store_on("2026-04-30");
    let s = session(&mut store, "2026-04-20", HostGroup::Officer);
    visit(&mut store, &s, 1, 1, Some(PetitionKind::Denunciation));
    let p = store.petitions(&PetitionFilter::default()).unwrap()[0]
        .id
        .clone();
    move_petition(&mut store, &p, MoveAction::ExtendCheck, "2026-04-24", |m| {
        m.note = Some("Xác minh tại hai địa điểm".into())
    })
    .unwrap();
    let mut fix = NewSession {
        date: "2026-04-01".into(),
        kind: SessionKind::Regular,
        host_group: HostGroup::Officer,
        host_name: None,
        place: Some("Trụ sở UBND phường".into()),
        notes: None,
    };
    // From 01/04 the tenth working day is 15/04, before the step of 24/04.
    let e = store.correct_session(&s, &fix).unwrap_err();
    assert_eq!(e.field(), Some("date"), "{e}");
    assert!(e.to_string().contains("15/04/2026"), "{e}");
    assert_eq!(store.petition(&p).unwrap().received_on, "2026-04-20");
    // Back to 17/04: still within ten working days of it.
    fix.date = "2026-04-17".into();
    store.correct_session(&s, &fix).unwrap();
    assert_eq!(store.petition(&p).unwrap().received_on, "2026-04-17");
}
