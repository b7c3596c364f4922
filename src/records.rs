//! Records as stored: one shape per table, shared by the desk (which builds them from
//! what the officer typed) and by the exchange format (which carries them as they are).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Actor, ChangeAction, Classification, HandlingInput, MoveAction, Outcome, PetitionKind,
    PetitionSource, PetitionState, Signers,
};

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
    pub content: String,
    pub kind: Option<PetitionKind>,
    pub field_code: Option<String>,
    pub handling: HandlingInput,
    pub case_id: String,
    pub chairman_joined: bool,
    /// Ids of the named persons, in order.
    pub person_ids: Vec<String>,
    /// The bodies that already handled the matter, as the citizen says them (the Sổ's
    /// "Cơ quan đã giải quyết"). Absent in files of earlier versions; written even when
    /// empty (`null`), as the history writes it, so that a re-import compares a visit's
    /// values with the history's on the same keys.
    #[serde(default)]
    pub prior_agencies: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PetitionRecord {
    pub id: String,
    /// The unit (register) that numbered the petition: a number is unique per unit and
    /// year, so two wards' files can be combined. Empty in a file: the file's own unit.
    #[serde(default)]
    pub unit_id: String,
    pub year: i32,
    pub number: u32,
    pub received_on: String,
    pub source: PetitionSource,
    pub source_agency: Option<String>,
    pub visit_id: Option<String>,
    pub kind: PetitionKind,
    /// For a petition with several kinds of content (`mixed`): the kinds it carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contents: Vec<PetitionKind>,
    pub field_code: Option<String>,
    pub content: String,
    pub anonymous: bool,
    pub respondent: Option<String>,
    pub handling: HandlingInput,
    pub classification: Classification,
    /// Where the petition stands (the last move's state).
    pub state: PetitionState,
    pub signers: Signers,
    pub outcome: Option<Outcome>,
    /// Vụ việc phức tạp.
    pub complex: bool,
    pub first_round_id: Option<String>,
    /// Đơn trùng: the petition this one repeats.
    pub duplicate_of: Option<String>,
    pub case_id: String,
    pub petitioner_ids: Vec<String>,
}

/// One move of a petition's lifecycle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PetitionEvent {
    pub id: String,
    pub petition_id: String,
    /// UTC RFC 3339 instant it was recorded.
    pub at: String,
    /// ISO date the move took effect.
    pub on_date: String,
    pub action: MoveAction,
    pub actor: Actor,
    pub from_state: Option<PetitionState>,
    pub to_state: PetitionState,
    pub note: Option<String>,
    /// Number of the document the move issued or received.
    pub doc_no: Option<String>,
    pub agency: Option<String>,
    /// The petition fields the move changed: `{"before": {...}, "after": {...}}`, and
    /// what it decided (`extension_days`…).
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub details: Option<serde_json::Value>,
}

/// One change of the register: who, when, which record, the values before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ChangeRecord {
    pub id: String,
    /// UTC RFC 3339 instant.
    pub at: String,
    pub actor: Actor,
    pub action: ChangeAction,
    /// The table of the record changed (`sessions`, `visits`, `persons`, `petitions`…).
    pub table: String,
    pub record_id: String,
    /// The fields before (JSON object), absent for a creation.
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub old: Option<serde_json::Value>,
    /// The fields after (JSON object), absent for a deletion.
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub new: Option<serde_json::Value>,
    pub note: Option<String>,
    /// `None` for a change made in this register; for one brought by an exchange file, the
    /// file it came from.
    #[serde(default)]
    pub source: Option<String>,
    /// The signed-in account that made it (none before accounts, or without them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
}
