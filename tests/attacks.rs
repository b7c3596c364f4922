//! What an attacker's review found in the lifecycle, corrections, merges and the exchange
//! format, each reproduced and refused (or made right).

mod common;

use common::*;
use serde_json::json;
use tiepdan::domain::*;
use tiepdan::exchange::ExchangeFile;
use tiepdan::Store;

fn export(store: &Store) -> ExchangeFile {
    store.export_exchange().unwrap()
}

#[test]
fn a_file_never_merges_citizens_already_in_the_register() {
    let mut a = store_on("2026-06-30");
    let s = session(&mut a, "2026-06-01", HostGroup::Officer);
    let lan = a
        .add_visit(&visit_input(&s, vec![person("Phạm Thị Lan")], 1))
        .unwrap()
        .persons[0]
        .clone();
    let binh = a
        .add_visit(&visit_input(&s, vec![person("Trần Văn Bình")], 1))
        .unwrap()
        .persons[0]
        .clone();
    let mut b = store_on("2026-06-30");
    b.import_exchange(&export(&a)).unwrap();
    // A forged file says Lan was merged into Bình.
    let mut forged = export(&a);
    forged
        .persons
        .iter_mut()
        .find(|p| p.id == lan.id)
        .unwrap()
        .merged_into = Some(binh.id.clone());
    b.import_exchange(&forged).unwrap();
    assert_eq!(
        b.person(&lan.id).unwrap().merged_into,
        None,
        "an existing citizen is not merged by a file"
    );
    // New persons merged round a circle are refused.
    let mut c = store_on("2026-06-30");
    let mut circle = export(&a);
    circle
        .persons
        .iter_mut()
        .find(|p| p.id == lan.id)
        .unwrap()
        .merged_into = Some(binh.id.clone());
    circle
        .persons
        .iter_mut()
        .find(|p| p.id == binh.id)
        .unwrap()
        .merged_into = Some(lan.id.clone());
    let e = c.import_exchange(&circle).unwrap_err();
    assert!(e.to_string().contains("vòng quanh"), "{e}");
    assert!(c.is_empty().unwrap());
    // A new person merged in the other register is merged here, as a merge that can be undone.
    let mut d = store_on("2026-06-30");
    let mut once = export(&a);
    once.persons
        .iter_mut()
        .find(|p| p.id == lan.id)
        .unwrap()
        .merged_into = Some(binh.id.clone());
    d.import_exchange(&once).unwrap();
    let merges = d.merges_into(&binh.id).unwrap();
    assert_eq!(merges.len(), 1);
    d.undo_merge(&merges[0].id).unwrap();
    assert_eq!(d.person(&lan.id).unwrap().merged_into, None);
}

#[test]
fn a_register_with_a_duplicate_goes_out_and_back_in() {
    let mut a = store_on("2026-10-30");
    let first = direct_petition(&mut a, "2026-10-01", PetitionKind::Complaint);
    classify(
        &mut a,
        &first,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-10-02",
    );
    move_petition(&mut a, &first, MoveAction::Accept, "2026-10-02", |_| {}).unwrap();
    let mut again = direct_input("2026-10-05", PetitionKind::Complaint);
    again.duplicate_of = Some(first.clone());
    a.create_petition(&again).unwrap();
    move_petition(&mut a, &first, MoveAction::Resolve, "2026-10-20", |m| {
        m.outcome = Some(Outcome::Wrong);
        m.doc_no = Some("9/QĐ".into());
    })
    .unwrap();
    let mut b = store_on("2026-10-30");
    let n = b.import_exchange(&export(&a)).unwrap();
    assert_eq!(n.petitions, 2);
    let states = |s: &Store| {
        let mut v: Vec<(String, PetitionState)> = export(s)
            .petitions
            .into_iter()
            .map(|p| (p.number.to_string(), p.state))
            .collect();
        v.sort();
        v
    };
    assert_eq!(states(&a), states(&b));
}

#[test]
fn a_headcount_has_a_limit() {
    let mut store = store_on("2026-06-30");
    let s = session(&mut store, "2026-06-01", HostGroup::Officer);
    let mut input = visit_input(&s, vec![], 4_294_967_295);
    input.persons.clear();
    let e = store.add_visit(&input).unwrap_err();
    assert_eq!(e.field(), Some("headcount"));
    input.headcount = 10_000;
    store.add_visit(&input).unwrap();
    let r = report(&store, "2026-06-01", "2026-06-30");
    assert_eq!(r.officer.people, 10_000);
}

#[test]
fn a_version_2_file_cannot_pass_moves_off_as_schema_1() {
    let mut a = store_on("2026-06-30");
    let p = direct_petition(&mut a, "2026-06-01", PetitionKind::Complaint);
    let mut forged = export(&a);
    let receipt = forged.petition_events[0].clone();
    forged
        .petition_events
        .push(tiepdan::records::PetitionEvent {
            id: "forged".into(),
            on_date: "2099-13-45".into(),
            action: MoveAction::Resolve,
            actor: Actor::Migration,
            from_state: Some(PetitionState::Received),
            to_state: PetitionState::Resolved,
            ..receipt.clone()
        });
    forged.petitions[0].state = PetitionState::Resolved;
    let mut b = store_on("2026-06-30");
    let e = b.import_exchange(&forged).unwrap_err();
    assert!(e.to_string().contains("ngày có thật"), "{e}");
    assert!(b.is_empty().unwrap());
    // Mixed with a move of the lifecycle, a converted move is refused outright.
    let mut mixed = export(&a);
    classify(
        &mut a,
        &p,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-06-02",
    );
    let real = export(&a)
        .petition_events
        .into_iter()
        .find(|e| e.action == MoveAction::Classify)
        .unwrap();
    mixed.petition_events.push(real);
    mixed.petition_events.push(tiepdan::records::PetitionEvent {
        id: "legacy".into(),
        on_date: "2026-06-03".into(),
        action: MoveAction::File,
        actor: Actor::Migration,
        from_state: Some(PetitionState::Classified),
        to_state: PetitionState::Filed,
        ..receipt
    });
    mixed.petitions[0].state = PetitionState::Filed;
    let e = b.import_exchange(&mixed).unwrap_err();
    assert!(e.to_string().contains("trộn"), "{e}");
}

#[test]
fn lateness_is_never_erased_after_the_fact() {
    let mut store = store_on("2026-11-30");
    // A denunciation accepted 03/08: due 02/09 (Wed, a holiday: the next working day is
    // Thu 03/09).
    let p = direct_petition(&mut store, "2026-08-03", PetitionKind::Denunciation);
    classify(
        &mut store,
        &p,
        PetitionKind::Denunciation,
        true,
        Competence::Within,
        "2026-08-03",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-08-03", |_| {}).unwrap();
    let e = move_petition(&mut store, &p, MoveAction::Extend, "2026-10-15", |m| {
        m.extension_days = Some(30)
    })
    .unwrap_err();
    assert_eq!(e.field(), Some("on_date"));
    assert!(e.to_string().contains("03/09/2026"), "{e}");
    // A suspension decided after the deadline leaves it overdue.
    move_petition(&mut store, &p, MoveAction::Suspend, "2026-10-15", |_| {}).unwrap();
    let view = store.petition(&p).unwrap();
    let d = view
        .deadlines
        .iter()
        .find(|d| d.step == DeadlineStep::DenunciationResolution)
        .unwrap();
    assert!(d.overdue && !d.suspended, "{d:?}");
    assert_eq!(view.urgency, Urgency::Overdue);
}

#[test]
fn a_classified_petition_keeps_its_kind_in_a_correction() {
    let mut store = store_on("2026-06-30");
    let p = direct_petition(&mut store, "2026-06-01", PetitionKind::Complaint);
    classify(
        &mut store,
        &p,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-06-02",
    );
    let mut input = direct_input("2026-06-01", PetitionKind::Denunciation);
    let e = store.correct_petition(&p, &input).unwrap_err();
    assert_eq!(e.field(), Some("kind"));
    input.kind = PetitionKind::Complaint;
    input.anonymous = true;
    input.petitioners = vec![];
    let e = store.correct_petition(&p, &input).unwrap_err();
    assert_eq!(e.field(), Some("anonymous"));
    // Unclassified, it can change.
    let q = direct_petition(&mut store, "2026-06-01", PetitionKind::Complaint);
    let fixed = store
        .correct_petition(&q, &direct_input("2026-06-01", PetitionKind::Proposal))
        .unwrap();
    assert_eq!(fixed.kind, PetitionKind::Proposal);
}

#[test]
fn undoing_a_merge_after_a_later_merge_gives_back_the_links() {
    let mut store = store_on("2026-06-30");
    let s = session(&mut store, "2026-06-01", HostGroup::Officer);
    let mut with = visit_input(&s, vec![person("Nguyễn Văn A")], 1);
    with.petition = Some(petition_of(PetitionKind::Proposal));
    let a = store.add_visit(&with).unwrap();
    let b = store
        .add_visit(&visit_input(&s, vec![person("Nguyễn Văn B")], 1))
        .unwrap();
    let c = store
        .add_visit(&visit_input(&s, vec![person("Nguyễn Văn C")], 1))
        .unwrap();
    let (pa, pb, pc) = (
        a.persons[0].id.clone(),
        b.persons[0].id.clone(),
        c.persons[0].id.clone(),
    );
    let ab = store.merge_persons(&pb, &pa).unwrap();
    store.merge_persons(&pc, &pb).unwrap();
    store.undo_merge(&ab.id).unwrap();
    assert_eq!(store.visit(&a.id).unwrap().persons[0].id, pa);
    let petition = store.petition(a.petition_id.as_deref().unwrap()).unwrap();
    assert_eq!(petition.petitioners[0].id, pa);
}

#[test]
fn an_imported_history_is_shown_as_imported_and_never_acted_upon() {
    let mut a = store_on("2026-06-30");
    let s = session(&mut a, "2026-06-01", HostGroup::Officer);
    let v = a
        .add_visit(&visit_input(&s, vec![person("Lê Thị Mai")], 1))
        .unwrap();
    let mut b = store_on("2026-06-30");
    let mut forged = export(&a);
    // A forged "sample" record pointing at a real visit.
    forged.changes.push(tiepdan::records::ChangeRecord {
        id: "forged-sample".into(),
        at: "2026-06-01T01:00:00Z".into(),
        actor: Actor::Sample,
        action: ChangeAction::Create,
        table: "visits".into(),
        record_id: v.id.clone(),
        old: None,
        new: Some(json!({})),
        note: None,
        source: None,
        user: None,
    });
    b.import_exchange(&forged).unwrap();
    assert!(!b.has_sample().unwrap());
    let removed = b.remove_sample().unwrap();
    assert_eq!(removed.visits, 0);
    assert!(b.visit(&v.id).is_ok());
    let h = b.history("visits", &v.id).unwrap();
    assert!(
        h.iter().all(|c| c
            .source
            .as_deref()
            .is_some_and(|s| s.contains("phường Việt Hòa"))),
        "{h:?}"
    );
}

#[test]
fn a_closed_petition_owes_no_first_step() {
    let mut store = store_on("2026-11-30");
    let p = direct_petition(&mut store, "2026-09-01", PetitionKind::Denunciation);
    classify(
        &mut store,
        &p,
        PetitionKind::Denunciation,
        true,
        Competence::Outside,
        "2026-09-02",
    );
    move_petition(&mut store, &p, MoveAction::Urge, "2026-09-03", |m| {
        m.agency = Some("UBND phường Kim Liên".into())
    })
    .unwrap();
    let view = store.petition(&p).unwrap();
    assert_eq!(view.urgency, Urgency::None, "{:?}", view.deadlines);
    assert!(view.deadlines.iter().all(|d| d.met_on.is_some()));
}

#[test]
fn a_newer_export_brings_the_moves_recorded_since() {
    let mut a = store_on("2026-06-30");
    let p = direct_petition(&mut a, "2026-06-01", PetitionKind::Proposal);
    let mut b = store_on("2026-06-30");
    b.import_exchange(&export(&a)).unwrap();
    classify(
        &mut a,
        &p,
        PetitionKind::Proposal,
        true,
        Competence::Outside,
        "2026-06-02",
    );
    move_petition(&mut a, &p, MoveAction::Guide, "2026-06-03", |_| {}).unwrap();
    let n = b.import_exchange(&export(&a)).unwrap();
    assert_eq!(n.events, 2);
    assert_eq!(b.petition(&p).unwrap().state, PetitionState::Guided);
    // A register whose history went another way keeps its own: the file is refused
    // whole, naming the petition (never half of each).
    let q = direct_petition(&mut a, "2026-06-10", PetitionKind::Proposal);
    b.import_exchange(&export(&a)).unwrap();
    move_petition(&mut b, &q, MoveAction::Withdraw, "2026-06-11", |_| {}).unwrap();
    classify(
        &mut a,
        &q,
        PetitionKind::Proposal,
        true,
        Competence::Within,
        "2026-06-12",
    );
    let e = b.import_exchange(&export(&a)).unwrap_err();
    assert!(e.to_string().contains("Không nhập gì"), "{e}");
    assert_eq!(b.petition(&q).unwrap().state, PetitionState::Withdrawn);
}

/// A denunciation received on 01/06/2026, classified within the ward's competence and
/// accepted on 02/06.
fn accepted_denunciation(a: &mut Store) -> String {
    let p = direct_petition(a, "2026-06-01", PetitionKind::Denunciation);
    classify(
        a,
        &p,
        PetitionKind::Denunciation,
        true,
        Competence::Within,
        "2026-06-01",
    );
    move_petition(a, &p, MoveAction::Accept, "2026-06-02", |_| {}).unwrap();
    p
}

/// `file` with the days of its (first) extension set to `days`.
fn with_extension_days(file: &ExchangeFile, days: serde_json::Value) -> ExchangeFile {
    let mut file = file.clone();
    let extend = file
        .petition_events
        .iter_mut()
        .find(|e| e.action == MoveAction::Extend)
        .unwrap();
    extend.details.as_mut().unwrap()["extension_days"] = days;
    file
}

#[test]
fn an_extension_that_does_not_fit_is_refused_not_wrapped() {
    let mut a = store_on("2026-06-30");
    let p = accepted_denunciation(&mut a);
    move_petition(&mut a, &p, MoveAction::Extend, "2026-06-10", |m| {
        m.extension_days = Some(1)
    })
    .unwrap();
    let file = with_extension_days(&export(&a), json!(4_294_967_297u64));
    let mut b = store_on("2026-06-30");
    let e = b.import_exchange(&file).unwrap_err();
    assert!(e.to_string().contains("số ngày gia hạn"), "{e}");
}

#[test]
fn an_extension_given_as_a_negative_quoted_or_fractional_number_is_refused_not_made_thirty_days() {
    let mut a = store_on("2026-06-30");
    let p = accepted_denunciation(&mut a);
    move_petition(&mut a, &p, MoveAction::Extend, "2026-06-10", |m| {
        m.extension_days = Some(20)
    })
    .unwrap();
    let file = export(&a);
    for (bad, shown) in [
        (json!(-5), "-5"),
        (json!("20"), "\"20\""),
        (json!(15.5), "15.5"),
    ] {
        let file = with_extension_days(&file, bad);
        let mut b = store_on("2026-06-30");
        let e = b.import_exchange(&file).unwrap_err().to_string();
        assert!(
            e.contains(&format!("số ngày gia hạn {shown} không hợp lệ"))
                && e.contains("extension_days"),
            "{e}"
        );
        assert!(b.is_empty().unwrap(), "nothing saved: {e}");
    }
    // The file as it was: twenty days, not thirty.
    let mut b = store_on("2026-06-30");
    b.import_exchange(&file).unwrap();
    let extend = export(&b)
        .petition_events
        .into_iter()
        .find(|e| e.action == MoveAction::Extend)
        .unwrap();
    assert_eq!(extend.details.unwrap()["extension_days"], json!(20));
    // On another move, where the desk reads no number of days, none is read.
    let mut other = file.clone();
    let accept = other
        .petition_events
        .iter_mut()
        .find(|e| e.action == MoveAction::Accept)
        .unwrap();
    accept.details.as_mut().unwrap()["extension_days"] = json!(-5);
    store_on("2026-06-30").import_exchange(&other).unwrap();
}

/// `file` with its last move `action` of a petition recorded once more, later, under a
/// new id.
fn with_again(file: &ExchangeFile, action: MoveAction, on: &str) -> ExchangeFile {
    let mut file = file.clone();
    let mut again = file
        .petition_events
        .iter()
        .rfind(|e| e.action == action)
        .unwrap()
        .clone();
    again.id = format!("{}-again", again.id);
    again.on_date = on.into();
    again.at = format!("{on}T08:00:00Z");
    file.petition_events.push(again);
    file
}

/// The moves an import replays are checked against the moves before them (how many
/// extensions, whether the acceptance was already notified), as the desk checks them
/// against those recorded: those replayed from the same file, and those the register
/// already holds. A file cannot extend a denunciation a third time, or notify its
/// acceptance twice, where the desk could not.
#[test]
fn a_file_cannot_do_what_its_own_earlier_moves_forbid() {
    let mut a = store_on("2026-06-30");
    let p = accepted_denunciation(&mut a);
    // The register as it stood at the acceptance.
    let accepted = export(&a);
    move_petition(&mut a, &p, MoveAction::Notify, "2026-06-03", |_| {}).unwrap();
    for on in ["2026-06-10", "2026-06-11"] {
        move_petition(&mut a, &p, MoveAction::Extend, on, |m| {
            m.extension_days = Some(10)
        })
        .unwrap();
    }
    let file = export(&a);
    // Into a new register; into one that holds the petition up to its acceptance (the
    // file brings the rest); into one that holds all of it.
    let registers: [(&str, Option<&ExchangeFile>); 3] = [
        ("a new register", None),
        ("up to the acceptance", Some(&accepted)),
        ("all of it", Some(&file)),
    ];
    for (held, before) in registers {
        let start = || {
            let mut b = store_on("2026-06-30");
            if let Some(before) = before {
                b.import_exchange(before).unwrap();
            }
            b
        };
        // The file as it is imports whole.
        start().import_exchange(&file).unwrap();
        // The same moves once more, later: refused, and nothing of the file saved.
        for (action, refusal) in [
            (MoveAction::Extend, "gia hạn tối đa hai lần"),
            (MoveAction::Notify, "đã ghi thông báo thụ lý"),
        ] {
            let mut b = start();
            let kept = export(&b);
            let e = b
                .import_exchange(&with_again(&file, action, "2026-06-12"))
                .unwrap_err()
                .to_string();
            assert!(e.contains(refusal), "{held}: {e}");
            let now = export(&b);
            assert_eq!(
                (now.petitions, now.petition_events),
                (kept.petitions, kept.petition_events),
                "{held}: nothing saved"
            );
        }
    }
}

#[test]
fn a_deleted_petitions_number_is_not_given_again_by_an_import() {
    let mut a = store_on("2026-06-30");
    let p = direct_petition(&mut a, "2026-06-01", PetitionKind::Proposal);
    let number = a.petition(&p).unwrap().number;
    let file = export(&a);
    a.delete_petition(&p).unwrap();
    // The same number, under another id.
    let mut other = file.clone();
    other.petitions[0].id = "another".into();
    for e in &mut other.petition_events {
        e.petition_id = "another".into();
        e.id = format!("{}-2", e.id);
    }
    let e = a.import_exchange(&other).unwrap_err();
    assert!(e.to_string().contains(&format!("số đơn {number}")), "{e}");
}
