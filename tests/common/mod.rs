//! Helpers that build records by hand, through the same core calls the app makes.
#![allow(dead_code)]

use chrono::NaiveDate;
use tiepdan::clock::FixedClock;
use tiepdan::domain::*;
use tiepdan::period::Period;
use tiepdan::report::{period_report, PeriodReport};
use tiepdan::Store;

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An empty register whose "today" is `today`, for "phường Việt Hòa".
pub fn store_on(today: &str) -> Store {
    let mut store = Store::open_in_memory(Box::new(FixedClock(date(today)))).unwrap();
    let mut settings = store.settings().unwrap();
    settings.unit_name = "phường Việt Hòa".into();
    store.save_settings(&settings).unwrap();
    store
}

pub fn session(store: &mut Store, on: &str, host: HostGroup) -> String {
    let kind = match host {
        HostGroup::Officer => SessionKind::Regular,
        _ => SessionKind::Scheduled,
    };
    store
        .create_session(&NewSession {
            date: on.into(),
            kind,
            host_group: host,
            host_name: None,
            place: Some("Trụ sở UBND phường".into()),
            notes: None,
        })
        .unwrap()
        .id
}

pub fn person(name: &str) -> PersonInput {
    PersonInput {
        full_name: name.into(),
        ..Default::default()
    }
}

pub fn visit_input(session_id: &str, persons: Vec<PersonInput>, headcount: u32) -> NewVisit {
    NewVisit {
        session_id: session_id.into(),
        persons,
        headcount,
        content: "Đề nghị hướng dẫn thủ tục hành chính".into(),
        kind: Some(PetitionKind::Proposal),
        field_code: Some("tthc".into()),
        handling: HandlingInput {
            handling: Handling::Guide,
            agency: None,
            letter_no: None,
        },
        case_id: None,
        chairman_joined: false,
        petition: None,
        prior_agencies: None,
    }
}

/// What a mixed petition of the tests carries: a complaint and a proposal.
pub fn mixed_contents(kind: PetitionKind) -> Vec<PetitionKind> {
    if kind == PetitionKind::Mixed {
        vec![PetitionKind::Complaint, PetitionKind::Proposal]
    } else {
        vec![]
    }
}

pub fn petition_of(kind: PetitionKind) -> VisitPetitionInput {
    VisitPetitionInput {
        kind,
        contents: mixed_contents(kind),
        field_code: Some("tthc".into()),
        content: "Đơn kèm theo lượt tiếp".into(),
        respondent: None,
        handling: HandlingInput::default(),
        classification: Classification::default(),
        duplicate_of: None,
    }
}

/// A visit of `headcount` people (the first `named` of them named), with an optional
/// petition handed in.
pub fn visit(
    store: &mut Store,
    session_id: &str,
    named: usize,
    headcount: u32,
    petition: Option<PetitionKind>,
) -> Visit {
    let persons = (0..named)
        .map(|i| person(&format!("Công dân {} {}", headcount, i + 1)))
        .collect();
    let mut input = visit_input(session_id, persons, headcount);
    input.petition = petition.map(petition_of);
    store.add_visit(&input).unwrap()
}

pub fn report(store: &Store, from: &str, to: &str) -> PeriodReport {
    period_report(store, Period::parse(from, to).unwrap()).unwrap()
}

pub fn count(store: &Store, table: &str) -> i64 {
    let file = store.export_exchange().unwrap();
    match table {
        "sessions" => file.sessions.len() as i64,
        "visits" => file.visits.len() as i64,
        "persons" => file.persons.len() as i64,
        "petitions" => file.petitions.len() as i64,
        "cases" => file.cases.len() as i64,
        _ => panic!("unknown table {table}"),
    }
}

/// Record a move on a petition as the petition page does, dated `on`.
pub fn move_petition(
    store: &mut Store,
    id: &str,
    action: MoveAction,
    on: &str,
    edit: impl FnOnce(&mut MoveInput),
) -> tiepdan::Result<PetitionDetail> {
    let mut input = MoveInput::new(id, action, on);
    edit(&mut input);
    store.move_petition(&input)
}

/// Classify `id` as an eligible second-round complaint of `first`, outside competence, on
/// `on`.
pub fn second_round_of(
    store: &mut Store,
    id: &str,
    first: &str,
    on: &str,
) -> tiepdan::Result<PetitionDetail> {
    move_petition(store, id, MoveAction::Classify, on, |m| {
        let mut c = classification(PetitionKind::Complaint, true, Competence::Outside);
        c.round = Round::Subsequent;
        c.first_round_id = Some(first.to_string());
        m.classification = Some(c);
    })
}

/// Classify `id` as a first-round petition of `kind`, eligible, outside competence, on `on`.
pub fn classify_first(
    store: &mut Store,
    id: &str,
    kind: PetitionKind,
    on: &str,
) -> tiepdan::Result<PetitionDetail> {
    move_petition(store, id, MoveAction::Classify, on, |m| {
        m.classification = Some(classification(kind, true, Competence::Outside))
    })
}

/// A classification: kind, eligible, competence; one signer, first round.
pub fn classification(kind: PetitionKind, eligible: bool, competence: Competence) -> ClassifyInput {
    ClassifyInput {
        kind,
        contents: mixed_contents(kind),
        field_code: None,
        eligible,
        competence,
        signers: Signers::One,
        round: Round::First,
        first_round_id: None,
        complex: false,
    }
}

/// A petition received directly (by post), one named petitioner.
pub fn direct_input(received_on: &str, kind: PetitionKind) -> NewPetition {
    NewPetition {
        received_on: received_on.into(),
        source: PetitionSource::Post,
        source_agency: None,
        kind,
        contents: mixed_contents(kind),
        field_code: Some("dat_dai".into()),
        content: format!("Đơn {} gửi qua bưu điện ngày {received_on}", kind.label()),
        anonymous: false,
        petitioners: vec![person("Trần Văn Bình")],
        respondent: Some("Chủ tịch UBND phường".into()),
        handling: HandlingInput::default(),
        classification: Classification::default(),
        case_id: None,
        duplicate_of: None,
    }
}

/// File a petition received directly; its id.
pub fn direct_petition(store: &mut Store, received_on: &str, kind: PetitionKind) -> String {
    store
        .create_petition(&direct_input(received_on, kind))
        .unwrap()
        .id
}

/// Classify a petition (one signer, first round) on `on`.
pub fn classify(
    store: &mut Store,
    id: &str,
    kind: PetitionKind,
    eligible: bool,
    competence: Competence,
    on: &str,
) {
    move_petition(store, id, MoveAction::Classify, on, |m| {
        m.classification = Some(classification(kind, eligible, competence))
    })
    .unwrap();
}

/// The same register, its "today" moved to `today`.
pub fn reopen_on(mut store: Store, today: &str) -> Store {
    store.set_clock(Box::new(FixedClock(date(today))));
    store
}

/// An account whose password is "matkhau-<login>".
pub fn account(
    login: &str,
    roles: &[tiepdan::access::Role],
) -> tiepdan::desk::account::AccountInput {
    tiepdan::desk::account::AccountInput {
        id: None,
        login: login.into(),
        full_name: format!("Cán bộ {login}"),
        roles: roles.to_vec(),
        active: true,
        password: Some(format!("matkhau-{login}")),
    }
}

/// Sign out, then in as `login` (made by [`account`]).
pub fn as_user(s: &mut Store, login: &str) {
    s.sign_out().unwrap();
    s.sign_in(login, &format!("matkhau-{login}")).unwrap();
}

/// The audit log's entries of one kind, newest first.
#[allow(dead_code)]
pub fn audit_of(store: &Store, action: ChangeAction) -> Vec<tiepdan::desk::admin::AuditEntry> {
    store
        .audit_log(&tiepdan::desk::admin::AuditFilter {
            action: Some(action),
            ..Default::default()
        })
        .unwrap()
}
