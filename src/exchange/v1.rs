//! Version 1 of the exchange format (schema 1: a petition was open or closed), read and
//! converted the way the schema-2 migration converts a register: a closed petition ends
//! in the state its handling names, and its old history is kept as legacy moves.

use serde::Deserialize;

use super::ExchangeFile;
use crate::domain::*;
use crate::records::{CaseRecord, PetitionEvent, PetitionRecord, VisitRecord};

#[derive(Debug, Clone, Deserialize)]
pub(super) struct ExchangeFileV1 {
    pub exported_at: String,
    pub unit_name: String,
    pub fields: Vec<Field>,
    pub persons: Vec<Person>,
    pub cases: Vec<CaseRecord>,
    pub sessions: Vec<Session>,
    pub visits: Vec<VisitRecord>,
    pub petitions: Vec<PetitionV1>,
    pub petition_events: Vec<EventV1>,
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct PetitionV1 {
    pub id: String,
    pub year: i32,
    pub number: u32,
    pub received_on: String,
    pub source: PetitionSource,
    pub source_agency: Option<String>,
    pub visit_id: Option<String>,
    pub kind: PetitionKind,
    pub field_code: Option<String>,
    pub content: String,
    pub anonymous: bool,
    pub respondent: Option<String>,
    pub handling: HandlingInput,
    pub classification: Classification,
    pub status: PetitionStatus,
    pub case_id: String,
    pub petitioner_ids: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct EventV1 {
    pub id: String,
    pub petition_id: String,
    pub at: String,
    pub on_date: String,
    pub from_status: Option<PetitionStatus>,
    pub to_status: PetitionStatus,
    pub note: Option<String>,
}

/// The state a schema-1 petition closed with: its handling names how it ended.
fn closed_state(h: Handling) -> PetitionState {
    match h {
        Handling::Accept => PetitionState::Resolved,
        Handling::Guide => PetitionState::Guided,
        Handling::Transfer => PetitionState::Transferred,
        Handling::Urge => PetitionState::Urged,
        Handling::Return => PetitionState::Returned,
        Handling::File | Handling::None => PetitionState::Filed,
    }
}

fn closing_action(h: Handling) -> MoveAction {
    match h {
        Handling::Accept => MoveAction::Resolve,
        Handling::Guide => MoveAction::Guide,
        Handling::Transfer => MoveAction::Transfer,
        Handling::Urge => MoveAction::Urge,
        Handling::Return => MoveAction::Return,
        Handling::File | Handling::None => MoveAction::File,
    }
}

impl ExchangeFileV1 {
    pub(super) fn into_current(self) -> ExchangeFile {
        let handling_of = |pid: &str| {
            self.petitions
                .iter()
                .find(|p| p.id == pid)
                .map(|p| p.handling.handling)
                .unwrap_or(Handling::None)
        };
        let state = |pid: &str, s: PetitionStatus| match s {
            PetitionStatus::Open => PetitionState::Received,
            PetitionStatus::Closed => closed_state(handling_of(pid)),
        };
        let petition_events = self
            .petition_events
            .iter()
            .map(|e| PetitionEvent {
                id: e.id.clone(),
                petition_id: e.petition_id.clone(),
                at: e.at.clone(),
                on_date: e.on_date.clone(),
                action: match (e.from_status, e.to_status) {
                    (None, _) => MoveAction::Receive,
                    (_, PetitionStatus::Closed) => closing_action(handling_of(&e.petition_id)),
                    (_, PetitionStatus::Open) => MoveAction::Reopen,
                },
                actor: Actor::Migration,
                from_state: e.from_status.map(|s| state(&e.petition_id, s)),
                to_state: state(&e.petition_id, e.to_status),
                note: e.note.clone(),
                doc_no: None,
                agency: None,
                details: None,
            })
            .collect();
        let petitions = self
            .petitions
            .iter()
            .map(|p| PetitionRecord {
                id: p.id.clone(),
                unit_id: String::new(),
                contents: vec![],
                year: p.year,
                number: p.number,
                received_on: p.received_on.clone(),
                source: p.source,
                source_agency: p.source_agency.clone(),
                visit_id: p.visit_id.clone(),
                kind: p.kind,
                field_code: p.field_code.clone(),
                content: p.content.clone(),
                anonymous: p.anonymous,
                respondent: p.respondent.clone(),
                handling: p.handling.clone(),
                classification: p.classification.clone(),
                state: state(&p.id, p.status),
                signers: match (p.anonymous, p.petitioner_ids.len()) {
                    (true, _) => Signers::Anonymous,
                    (false, 0 | 1) => Signers::One,
                    _ => Signers::Many,
                },
                outcome: None,
                complex: false,
                first_round_id: None,
                duplicate_of: None,
                case_id: p.case_id.clone(),
                petitioner_ids: p.petitioner_ids.clone(),
            })
            .collect();
        ExchangeFile {
            format: super::FORMAT.to_string(),
            version: 1,
            exported_at: self.exported_at,
            unit_name: self.unit_name,
            unit_id: String::new(),
            units: vec![],
            redacted: false,
            fields: self.fields,
            persons: self.persons,
            cases: self.cases,
            sessions: self.sessions,
            visits: self.visits,
            petitions,
            petition_events,
            changes: vec![],
        }
    }
}
