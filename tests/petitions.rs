//! Petition numbers, links to visits, the simple status and its history, the list filter.

mod common;

use common::*;
use tiepdan::domain::*;

fn direct(received_on: &str, kind: PetitionKind, field: &str) -> NewPetition {
    NewPetition {
        received_on: received_on.into(),
        source: PetitionSource::Online,
        source_agency: None,
        kind,
        contents: mixed_contents(kind),
        field_code: Some(field.into()),
        content: format!("Đơn {kind:?} ngày {received_on}"),
        anonymous: false,
        petitioners: vec![person("Bùi Thị Yến")],
        respondent: Some("UBND phường".into()),
        handling: HandlingInput::default(),
        classification: Classification {
            round: Round::Subsequent,
            competence: Competence::Within,
            eligible: Some(true),
        },
        duplicate_of: None,
        case_id: None,
    }
}

#[test]
fn numbers_run_per_year() {
    let mut store = store_on("2026-02-10");
    let a = store
        .create_petition(&direct("2025-12-30", PetitionKind::Complaint, "dat_dai"))
        .unwrap();
    let b = store
        .create_petition(&direct("2026-01-02", PetitionKind::Proposal, "vsmt"))
        .unwrap();
    let s = session(&mut store, "2026-01-05", HostGroup::Officer);
    let v = visit(&mut store, &s, 1, 1, Some(PetitionKind::Denunciation));
    let c = store
        .create_petition(&direct("2025-12-31", PetitionKind::Proposal, "vsmt"))
        .unwrap();
    assert_eq!(a.number, "1/2025");
    assert_eq!(b.number, "1/2026");
    assert_eq!(v.petition_number.as_deref(), Some("2/2026"));
    assert_eq!(c.number, "2/2025");
    // 02/XLD facts are kept.
    assert_eq!(a.classification.round, Round::Subsequent);
    assert_eq!(a.classification.competence, Competence::Within);
    assert_eq!(a.classification.eligible, Some(true));
}

#[test]
fn a_petition_handed_in_at_a_visit_is_linked_to_it() {
    let mut store = store_on("2026-02-10");
    let s = session(&mut store, "2026-02-03", HostGroup::Officer);
    let mut input = visit_input(
        &s,
        vec![person("Đinh Văn Phong"), person("Đinh Thị Oanh")],
        2,
    );
    input.petition = Some(petition_of(PetitionKind::Complaint));
    let v = store.add_visit(&input).unwrap();
    let list = store.petitions(&PetitionFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    let p = &list[0];
    assert_eq!(p.visit_id.as_deref(), Some(v.id.as_str()));
    assert_eq!(p.source, PetitionSource::Visit);
    assert_eq!(p.received_on, "2026-02-03");
    assert_eq!(p.case_id, v.case_id);
    let names: Vec<&str> = p.petitioners.iter().map(|x| x.full_name.as_str()).collect();
    assert_eq!(names, ["Đinh Văn Phong", "Đinh Thị Oanh"]);

    // Deleting the visit removes its petition too.
    store.delete_visit(&v.id).unwrap();
    assert!(store
        .petitions(&PetitionFilter::default())
        .unwrap()
        .is_empty());
}

#[test]
fn moves_are_kept_in_history() {
    let mut store = store_on("2026-02-10");
    let p = store
        .create_petition(&direct("2026-02-01", PetitionKind::Proposal, "vsmt"))
        .unwrap();
    // Classified at intake (the form gave eligibility and competence).
    assert_eq!(p.state, PetitionState::Classified);
    assert_eq!(p.status, PetitionStatus::Open);
    move_petition(&mut store, &p.id, MoveAction::Accept, "2026-02-03", |_| {}).unwrap();
    let done = move_petition(&mut store, &p.id, MoveAction::Resolve, "2026-02-10", |m| {
        m.outcome = Some(Outcome::Answered);
        m.note = Some("Đã trả lời".into());
    })
    .unwrap();
    assert_eq!(done.petition.state, PetitionState::Resolved);
    assert_eq!(done.petition.status, PetitionStatus::Closed);
    let file = store.export_exchange().unwrap();
    let events: Vec<_> = file
        .petition_events
        .iter()
        .filter(|e| e.petition_id == p.id)
        .collect();
    let actions: Vec<MoveAction> = events.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            MoveAction::Receive,
            MoveAction::Classify,
            MoveAction::Accept,
            MoveAction::Resolve
        ]
    );
    assert_eq!(events[3].from_state, Some(PetitionState::Accepted));
    assert_eq!(events[3].to_state, PetitionState::Resolved);
    assert_eq!(events[3].on_date, "2026-02-10");
    assert_eq!(events[3].note.as_deref(), Some("Đã trả lời"));
    let e = move_petition(&mut store, "nope", MoveAction::File, "2026-02-10", |_| {}).unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert_eq!(e.field(), Some("petition_id"));
}

#[test]
fn the_list_filters_by_kind_status_field_and_period() {
    let mut store = store_on("2026-03-31");
    let a = store
        .create_petition(&direct("2026-01-15", PetitionKind::Complaint, "dat_dai"))
        .unwrap();
    store
        .create_petition(&direct("2026-02-15", PetitionKind::Complaint, "vsmt"))
        .unwrap();
    store
        .create_petition(&direct("2026-03-15", PetitionKind::Proposal, "dat_dai"))
        .unwrap();
    move_petition(&mut store, &a.id, MoveAction::Accept, "2026-01-20", |_| {}).unwrap();
    move_petition(
        &mut store,
        &a.id,
        MoveAction::Withdraw,
        "2026-01-21",
        |_| {},
    )
    .unwrap();
    let numbers = |f: PetitionFilter| -> Vec<String> {
        store
            .petitions(&f)
            .unwrap()
            .into_iter()
            .map(|p| p.number)
            .collect()
    };
    assert_eq!(
        numbers(PetitionFilter::default()),
        ["3/2026", "2/2026", "1/2026"]
    );
    assert_eq!(
        numbers(PetitionFilter {
            kind: Some(PetitionKind::Complaint),
            ..Default::default()
        }),
        ["2/2026", "1/2026"]
    );
    assert_eq!(
        numbers(PetitionFilter {
            status: Some(PetitionStatus::Open),
            ..Default::default()
        }),
        ["3/2026", "2/2026"]
    );
    assert_eq!(
        numbers(PetitionFilter {
            field_code: Some("dat_dai".into()),
            ..Default::default()
        }),
        ["3/2026", "1/2026"]
    );
    assert_eq!(
        numbers(PetitionFilter {
            from: Some("2026-02-01".into()),
            to: Some("2026-03-15".into()),
            ..Default::default()
        }),
        ["3/2026", "2/2026"]
    );
    let e = store
        .petitions(&PetitionFilter {
            from: Some("2026-13-01".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.field(), Some("from"));
}

#[test]
fn thu_ly_at_the_desk_needs_a_petition_and_accepts_nothing_by_itself() {
    let mut store = store_on("2026-03-12");
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut input = visit_input(&s, vec![person("Lê Văn Tám")], 1);
    input.kind = Some(PetitionKind::Complaint);
    input.handling = HandlingInput {
        handling: Handling::Accept,
        agency: None,
        letter_no: None,
    };
    let e = store.add_visit(&input).unwrap_err();
    assert_eq!(e.field(), Some("handling"));
    assert!(e.to_string().contains("Có đơn kèm theo"), "{e}");
    assert_eq!(count(&store, "visits"), 0);

    let mut with_petition = petition_of(PetitionKind::Complaint);
    with_petition.handling = input.handling.clone();
    input.petition = Some(with_petition);
    let v = store.add_visit(&input).unwrap();
    let p = store.petition(v.petition_id.as_deref().unwrap()).unwrap();
    // Within competence, as "Thụ lý" says; not classified nor accepted behind the officer's back.
    assert_eq!(p.state, PetitionState::Received);
    assert_eq!(p.classification.competence, Competence::Within);
    assert_eq!(p.classification.eligible, None);
}

/// Đơn thư lists a page at a time: the pages, one after another, are the whole list in
/// its order, the total is every match, and the urgency filter pages its own matches.
#[test]
fn the_list_comes_a_page_at_a_time_in_the_order_of_the_whole_list() {
    let mut store = store_on("2026-06-30");
    for (i, day) in [
        "2026-01-05",
        "2026-02-05",
        "2026-03-05",
        "2026-04-05",
        "2026-05-05",
        "2026-06-05",
        "2026-06-25",
    ]
    .iter()
    .enumerate()
    {
        let kind = if i % 2 == 0 {
            PetitionKind::Complaint
        } else {
            PetitionKind::Proposal
        };
        store
            .create_petition(&direct(day, kind, "dat_dai"))
            .unwrap();
    }
    for filter in [
        PetitionFilter::default(),
        PetitionFilter {
            kind: Some(PetitionKind::Complaint),
            ..Default::default()
        },
        PetitionFilter {
            urgency: Some(Urgency::Overdue),
            ..Default::default()
        },
    ] {
        let whole = store.petitions(&filter).unwrap();
        let mut paged = Vec::new();
        let mut offset = 0;
        loop {
            let page = store.petition_page(&filter, offset, 3).unwrap();
            assert_eq!(page.total as usize, whole.len(), "{filter:?}");
            assert_eq!(page.offset, offset);
            assert!(page.petitions.len() <= 3);
            if page.petitions.is_empty() {
                break;
            }
            offset += page.petitions.len() as u32;
            paged.extend(page.petitions);
        }
        assert_eq!(paged, whole, "{filter:?}");
    }
    assert_eq!(
        store
            .petition_page(&PetitionFilter::default(), 0, 3)
            .unwrap()
            .petitions
            .iter()
            .map(|p| p.number.as_str())
            .collect::<Vec<_>>(),
        ["7/2026", "6/2026", "5/2026"]
    );
    // Some petitions are overdue by 30/6 and some not: the urgency filter is tried.
    let overdue = store
        .petition_page(
            &PetitionFilter {
                urgency: Some(Urgency::Overdue),
                ..Default::default()
            },
            0,
            100,
        )
        .unwrap();
    assert!(overdue.total > 0 && overdue.total < 7, "{}", overdue.total);
}

/// The move form's pickers list petitions by `petition_choices`: the same petitions, in
/// the same order, with the same number, content and duplicate mark as the full list,
/// for every filter they use (and others); the urgency filter is refused by name.
#[test]
fn the_pickers_list_the_petitions_the_full_list_holds() {
    let mut store = store_on("2026-06-30");
    tiepdan::demo::load_demo(&mut store, 4).unwrap();
    // One marked a duplicate of another open one.
    let waiting: Vec<Petition> = store
        .petitions(&PetitionFilter {
            state: Some(PetitionState::Received),
            ..Default::default()
        })
        .unwrap();
    let (copy, original) = (&waiting[0], &waiting[1]);
    let mut m = MoveInput::new(&copy.id, MoveAction::Duplicate, "2026-06-30");
    m.duplicate_of = Some(original.id.clone());
    store.move_petition(&m).unwrap();
    // And a second-round complaint naming its first round.
    let first = direct_petition(&mut store, "2026-06-01", PetitionKind::Complaint);
    let second = direct_petition(&mut store, "2026-06-02", PetitionKind::Complaint);
    second_round_of(&mut store, &second, &first, "2026-06-03").unwrap();
    let all = PetitionFilter::default();
    let open = PetitionFilter {
        status: Some(PetitionStatus::Open),
        ..Default::default()
    };
    let complaints = PetitionFilter {
        kind: Some(PetitionKind::Complaint),
        ..Default::default()
    };
    let closed_denunciations = PetitionFilter {
        kind: Some(PetitionKind::Denunciation),
        status: Some(PetitionStatus::Closed),
        ..Default::default()
    };
    let (mut duplicates, mut second_rounds, mut named, mut masked) = (0, 0, 0, 0);
    for filter in [all, open, complaints, closed_denunciations] {
        let full: Vec<_> = store
            .petitions(&filter)
            .unwrap()
            .into_iter()
            .map(|p| {
                let names = p.petitioners.into_iter().map(|x| x.full_name).collect();
                (
                    p.id,
                    p.number,
                    p.content,
                    names,
                    (p.duplicate_of, p.first_round_id),
                )
            })
            .collect::<Vec<(_, _, _, Vec<String>, _)>>();
        let picked: Vec<_> = store
            .petition_choices(&filter, true)
            .unwrap()
            .into_iter()
            .map(|c| {
                let links = (c.duplicate_of, c.first_round_id);
                (c.id, c.number, c.content, c.petitioners, links)
            })
            .collect();
        // Without names, the same petitions and nothing else.
        let bare: Vec<_> = store
            .petition_choices(&filter, false)
            .unwrap()
            .into_iter()
            .map(|c| {
                let links = (c.duplicate_of, c.first_round_id);
                (c.id, c.number, c.content, c.petitioners, links)
            })
            .collect();
        let unnamed: Vec<_> = picked
            .iter()
            .map(|(i, n, c, _, d)| (i.clone(), n.clone(), c.clone(), vec![], d.clone()))
            .collect();
        assert_eq!(bare, unnamed, "{filter:?}");
        assert!(!full.is_empty(), "{filter:?}");
        assert_eq!(picked, full, "{filter:?}");
        duplicates += picked.iter().filter(|c| c.4 .0.is_some()).count();
        second_rounds += picked.iter().filter(|c| c.4 .1.is_some()).count();
        named += picked.iter().filter(|c| !c.3.is_empty()).count();
        masked += picked
            .iter()
            .flat_map(|c| &c.3)
            .filter(|n| n.as_str() == tiepdan::desk::privacy::MASKED_NAME)
            .count();
    }
    assert!(duplicates > 0, "the demo holds duplicates");
    assert!(
        second_rounds > 0,
        "the second round is listed with its first round"
    );
    // Names are read, and a denunciator's is masked as in the full list.
    assert!(named > 0 && masked > 0, "{named} named, {masked} masked");
    let e = store
        .petition_choices(
            &PetitionFilter {
                urgency: Some(Urgency::Overdue),
                ..Default::default()
            },
            true,
        )
        .unwrap_err();
    assert_eq!(e.field(), Some("urgency"), "{e}");
}
