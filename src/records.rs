//! Records as stored: one shape per table, shared by the desk (which builds them from
//! what the officer typed) and by the exchange format (which carries them as they are).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::domain::{Classification, HandlingInput, PetitionKind, PetitionSource, PetitionStatus};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CaseRecord {
    pub id: String,
    pub summary: String,
    /// ISO date the matter was first raised.
    pub opened_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VisitRecord {
    pub id: String,
    pub session_id: String,
    pub seq: u32,
    pub headcount: u32,
    pub delegation: bool,
    pub content: String,
    pub kind: Option<PetitionKind>,
    pub field_code: Option<String>,
    pub handling: HandlingInput,
    pub case_id: String,
    pub chairman_joined: bool,
    /// Ids of the named persons, in order.
    pub person_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PetitionRecord {
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PetitionEvent {
    pub id: String,
    pub petition_id: String,
    /// UTC RFC 3339 instant it was recorded.
    pub at: String,
    /// ISO date the change took effect.
    pub on_date: String,
    pub from_status: Option<PetitionStatus>,
    pub to_status: PetitionStatus,
    pub note: Option<String>,
}
