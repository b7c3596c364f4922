//! The exchange format: versioned JSON carrying sessions, visits, persons, cases,
//! petitions, their lifecycle moves and the change history. It is the import path, the
//! backup-independent export, and what a higher level consolidates.
//! Schema: `docs/exchange.schema.json`. Version 2; version 1 files are still read.

mod import;
mod v1;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::*;
use crate::error::{Error, Result};
use crate::records::{CaseRecord, ChangeRecord, PetitionEvent, PetitionRecord, VisitRecord};
use crate::store::{self, Store};

pub const FORMAT: &str = "tiepdan-exchange";
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Sổ Tiếp Dân exchange file")]
pub struct ExchangeFile {
    /// Always "tiepdan-exchange".
    pub format: String,
    /// Format version; this build writes version 2 and reads versions 1 and 2.
    pub version: u32,
    /// UTC RFC 3339 instant of the export.
    pub exported_at: String,
    /// Name of the exporting unit (settings).
    pub unit_name: String,
    /// Id of the exporting register's own unit: the petitions it numbered carry it. Absent
    /// in version 1 files (their petitions are taken as numbered by `unit_name`).
    #[serde(default)]
    pub unit_id: String,
    /// Every unit whose petitions the file holds (a register may combine several wards').
    #[serde(default)]
    pub units: Vec<Unit>,
    pub fields: Vec<Field>,
    pub persons: Vec<Person>,
    pub cases: Vec<CaseRecord>,
    pub sessions: Vec<Session>,
    pub visits: Vec<VisitRecord>,
    pub petitions: Vec<PetitionRecord>,
    /// Every petition's lifecycle moves, in order.
    pub petition_events: Vec<PetitionEvent>,
    /// The change history of the register (who changed what, when).
    #[serde(default)]
    pub changes: Vec<ChangeRecord>,
}

/// A unit that numbers petitions (a ward's register).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    pub persons: u32,
    pub cases: u32,
    pub sessions: u32,
    pub visits: u32,
    pub petitions: u32,
    /// Lifecycle moves recorded with the new petitions.
    pub events: u32,
    /// Change records of the other register added to the history.
    pub changes: u32,
    /// Petitions already here whose history differs from the file's: left as they are.
    pub conflicts: u32,
    /// Records already present (same id), left as they are.
    pub skipped: u32,
}

/// The JSON Schema of the exchange format, as committed in `docs/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ExchangeFile);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

/// Read an exchange file of any version this build knows; a version 1 file is converted.
pub fn parse(text: &str) -> Result<ExchangeFile> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Error::Exchange(format!("không đọc được JSON: {e}")))?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(Error::Exchange(format!(
            "trường \"format\" phải là \"{FORMAT}\" (đang là \"{format}\")"
        )));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(1) => {
            let old: v1::ExchangeFileV1 = serde_json::from_value(value)
                .map_err(|e| Error::Exchange(format!("tệp phiên bản 1 không hợp lệ: {e}")))?;
            Ok(old.into_current())
        }
        Some(2) => serde_json::from_value(value)
            .map_err(|e| Error::Exchange(format!("tệp không hợp lệ: {e}"))),
        Some(v) => Err(Error::Exchange(format!(
            "phiên bản {v} chưa được hỗ trợ (phần mềm đọc phiên bản 1 và {VERSION})"
        ))),
        None => Err(Error::Exchange("thiếu trường \"version\"".into())),
    }
}

impl Store {
    /// Everything in the register, as an exchange file.
    pub fn export_exchange(&self) -> Result<ExchangeFile> {
        // One read transaction: a consistent snapshot even while the app writes.
        let snapshot = self.conn().unchecked_transaction()?;
        let conn: &rusqlite::Connection = &snapshot;
        let file = ExchangeFile {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: store::now_utc(),
            unit_name: store::read_settings(conn)?.unit_name,
            unit_id: store::own_unit_id(conn)?,
            units: store::all_units(conn)?,
            fields: self.fields()?,
            persons: store::all_persons(conn)?,
            cases: store::all_cases(conn)?,
            sessions: store::all_sessions(conn)?,
            visits: store::all_visits(conn)?,
            petitions: store::all_petitions(conn)?,
            petition_events: store::all_events(conn)?,
            changes: store::all_changes(conn)?,
        };
        snapshot.finish()?;
        Ok(file)
    }

    /// Import an exchange file, all or nothing, through the desk's own use cases: every
    /// record is checked by the rules it would meet at the desk (a session in the future,
    /// a transfer without an agency, a move the law does not allow are refused), and the
    /// message names the record. Records whose id is already present are skipped, so
    /// importing the same file twice changes nothing.
    pub fn import_exchange(&mut self, file: &ExchangeFile) -> Result<ImportSummary> {
        if file.format != FORMAT {
            return Err(Error::Exchange(format!(
                "trường \"format\" phải là \"{FORMAT}\" (đang là \"{}\")",
                file.format
            )));
        }
        if file.version != VERSION && file.version != 1 {
            return Err(Error::Exchange(format!(
                "phiên bản {} chưa được hỗ trợ (phần mềm đọc phiên bản 1 và {VERSION})",
                file.version
            )));
        }
        self.write_quietly(|tx| import::import(tx, file))
    }
}
