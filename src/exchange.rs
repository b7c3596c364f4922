//! The exchange format: versioned JSON carrying sessions, visits, persons, cases,
//! petitions and their history. It is the import path, the backup-independent export,
//! and what a higher level consolidates. Schema: `docs/exchange.schema.json`.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::*;
use crate::error::{Error, Result};
use crate::records::{CaseRecord, PetitionEvent, PetitionRecord, VisitRecord};
use crate::store::{self, Store};
use crate::validate::{check_id_number, parse_date};

pub const FORMAT: &str = "tiepdan-exchange";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Sổ Tiếp Dân exchange file")]
pub struct ExchangeFile {
    /// Always "tiepdan-exchange".
    pub format: String,
    /// Format version; this build reads version 1.
    pub version: u32,
    /// UTC RFC 3339 instant of the export.
    pub exported_at: String,
    /// Name of the exporting unit (settings).
    pub unit_name: String,
    pub fields: Vec<Field>,
    pub persons: Vec<Person>,
    pub cases: Vec<CaseRecord>,
    pub sessions: Vec<Session>,
    pub visits: Vec<VisitRecord>,
    pub petitions: Vec<PetitionRecord>,
    pub petition_events: Vec<PetitionEvent>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    pub persons: u32,
    pub cases: u32,
    pub sessions: u32,
    pub visits: u32,
    pub petitions: u32,
    /// Records already present (same id), left as they are.
    pub skipped: u32,
}

/// The JSON Schema of the exchange format, as committed in `docs/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ExchangeFile);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

impl Store {
    /// Everything in the register, as an exchange file.
    pub fn export_exchange(&self) -> Result<ExchangeFile> {
        // One read transaction: a consistent snapshot even while the app writes.
        let snapshot = self.conn().unchecked_transaction()?;
        let conn: &Connection = &snapshot;
        let file = ExchangeFile {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: store::now_utc(),
            unit_name: self.settings()?.unit_name,
            fields: self.fields()?,
            persons: store::all_persons(conn)?,
            cases: store::all_cases(conn)?,
            sessions: store::all_sessions(conn)?,
            visits: store::all_visits(conn)?,
            petitions: store::all_petitions(conn)?,
            petition_events: store::all_events(conn)?,
        };
        snapshot.finish()?;
        Ok(file)
    }

    /// Import an exchange file, all or nothing. Records whose id is already present
    /// are skipped, so importing the same file twice changes nothing; a person whose
    /// identity number is already in the register is that person.
    pub fn import_exchange(&mut self, file: &ExchangeFile) -> Result<ImportSummary> {
        if file.format != FORMAT {
            return Err(Error::Exchange(format!(
                "trường \"format\" phải là \"{FORMAT}\" (đang là \"{}\")",
                file.format
            )));
        }
        if file.version != VERSION {
            return Err(Error::Exchange(format!(
                "phiên bản {} chưa được hỗ trợ (phần mềm đọc phiên bản {VERSION})",
                file.version
            )));
        }
        check_file(file)?;
        let tx = self.conn_mut().savepoint()?;
        for f in &file.fields {
            tx.execute(
                "INSERT OR IGNORE INTO fields (code, name, complaint_group, denunciation_group, proposal_group, active, sort)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(sort), 0) + 1 FROM fields))",
                params![f.code, f.name, f.complaint_group, f.denunciation_group, f.proposal_group, f.active],
            )?;
        }
        let mut n = ImportSummary::default();
        let mut fresh = |table: &str, id: &str, counter: &mut u32| -> Result<bool> {
            let new = !store::exists(&tx, table, id)?;
            if new {
                *counter += 1;
            } else {
                n.skipped += 1;
            }
            Ok(new)
        };
        let (mut persons, mut cases, mut sessions, mut visits, mut petitions) = (0, 0, 0, 0, 0);
        let mut same_as: HashMap<String, String> = HashMap::new();
        for p in &file.persons {
            let here: Option<String> = match &p.id_number {
                Some(number) => tx
                    .query_row(
                        "SELECT id FROM persons WHERE id_number = ?1",
                        [number],
                        |r| r.get(0),
                    )
                    .optional()?,
                None => None,
            };
            match here {
                Some(here) if here != p.id => {
                    same_as.insert(p.id.clone(), here);
                }
                _ => {
                    if fresh("persons", &p.id, &mut persons)? {
                        store::insert_person_raw(&tx, p)?;
                    }
                }
            }
        }
        let person = |id: &String| same_as.get(id).unwrap_or(id).clone();
        for c in &file.cases {
            if fresh("cases", &c.id, &mut cases)? {
                store::insert_case(&tx, c)?;
            }
        }
        for s in &file.sessions {
            if fresh("sessions", &s.id, &mut sessions)? {
                store::insert_session(&tx, s)?;
            }
        }
        for v in &file.visits {
            if fresh("visits", &v.id, &mut visits)? {
                let person_ids = v.person_ids.iter().map(person).collect();
                store::insert_visit(
                    &tx,
                    &VisitRecord {
                        person_ids,
                        ..v.clone()
                    },
                )?;
            }
        }
        for p in &file.petitions {
            if fresh("petitions", &p.id, &mut petitions)? {
                let petitioner_ids = p.petitioner_ids.iter().map(person).collect();
                store::insert_petition(&tx, &PetitionRecord { petitioner_ids, ..p.clone() })
                    .map_err(|e| match e {
                        Error::Db(rusqlite::Error::SqliteFailure(f, _))
                            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                        {
                            Error::Exchange(format!(
                                "đơn số {}/{} trùng số với một đơn khác đã có trong sổ, hoặc thiếu dữ liệu liên kết",
                                p.number, p.year
                            ))
                        }
                        e => e,
                    })?;
            }
        }
        let mut events = 0;
        for e in &file.petition_events {
            if fresh("petition_events", &e.id, &mut events)? {
                store::insert_event(&tx, e)?;
            }
        }
        tx.commit()?;
        n.persons = persons;
        n.cases = cases;
        n.sessions = sessions;
        n.visits = visits;
        n.petitions = petitions;
        n.skipped += same_as.len() as u32;
        Ok(n)
    }
}

/// Check every record of a file against the same rules as the desk, before anything is
/// written; the message names the record.
fn check_file(file: &ExchangeFile) -> Result<()> {
    fn bad(what: &str, id: &str, e: Error) -> Error {
        Error::Exchange(format!("{what} {id}: {e}"))
    }
    let date = |what: &str, id: &str, field: &str, value: &str| {
        parse_date(field, field, value).map_err(|e| bad(what, id, e))
    };
    let mut numbers = HashSet::new();
    for p in &file.persons {
        if p.full_name.trim().is_empty() {
            return Err(bad(
                "người",
                &p.id,
                Error::invalid("full_name", "họ và tên trống"),
            ));
        }
        check_id_number("id_number", Some(p.id_kind), p.id_number.as_deref())
            .map_err(|e| bad("người", &p.id, e))?;
        if let Some(n) = &p.id_number {
            if !numbers.insert(n.clone()) {
                let e = Error::invalid(
                    "id_number",
                    format!("số giấy tờ {n} trùng với một người khác trong tệp"),
                );
                return Err(bad("người", &p.id, e));
            }
        }
    }
    for c in &file.cases {
        date("vụ việc", &c.id, "opened_on", &c.opened_on)?;
    }
    for s in &file.sessions {
        let on = date("buổi tiếp", &s.id, "date", &s.date)?;
        crate::store::host_allowed_on(s.host_group, on).map_err(|e| bad("buổi tiếp", &s.id, e))?;
    }
    for v in &file.visits {
        if v.content.trim().is_empty() {
            return Err(bad(
                "lượt tiếp",
                &v.id,
                Error::invalid("content", "nội dung trống"),
            ));
        }
        if (v.headcount as usize) < v.person_ids.len().max(1) {
            let e = Error::invalid(
                "headcount",
                format!(
                    "số người {} ít hơn số người ghi tên {}",
                    v.headcount,
                    v.person_ids.len()
                ),
            );
            return Err(bad("lượt tiếp", &v.id, e));
        }
    }
    for p in &file.petitions {
        let received = date("đơn", &p.id, "received_on", &p.received_on)?;
        if chrono::Datelike::year(&received) != p.year || p.number == 0 {
            let e = Error::invalid(
                "number",
                format!(
                    "số đơn {}/{} không khớp ngày nhận {}",
                    p.number, p.year, p.received_on
                ),
            );
            return Err(bad("đơn", &p.id, e));
        }
        if (p.source == PetitionSource::Visit) != p.visit_id.is_some() {
            let e = Error::invalid(
                "visit_id",
                "chỉ đơn nhận qua tiếp công dân mới gắn với một lượt tiếp, và phải gắn",
            );
            return Err(bad("đơn", &p.id, e));
        }
    }
    for e in &file.petition_events {
        date("lịch sử đơn", &e.id, "on_date", &e.on_date)?;
    }
    Ok(())
}
