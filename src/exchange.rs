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
use crate::store::Store;
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
    pub cases: Vec<ExCase>,
    pub sessions: Vec<Session>,
    pub visits: Vec<ExVisit>,
    pub petitions: Vec<ExPetition>,
    pub petition_events: Vec<ExPetitionEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExCase {
    pub id: String,
    pub summary: String,
    /// ISO date the matter was first raised.
    pub opened_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExVisit {
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
pub struct ExPetition {
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
pub struct ExPetitionEvent {
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

fn collect<T, F>(conn: &Connection, sql: &str, f: F) -> Result<Vec<T>>
where
    F: FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
{
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], f)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn ids_of(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Everything in the register, as an exchange file.
    pub fn export_exchange(&self) -> Result<ExchangeFile> {
        // One read transaction: a consistent snapshot even while the app writes.
        let snapshot = self.conn().unchecked_transaction()?;
        let conn: &Connection = &snapshot;
        let persons = collect(
            conn,
            "SELECT id, full_name, id_kind, id_number, address, phone FROM persons ORDER BY id",
            |r| {
                Ok(Person {
                    id: r.get(0)?,
                    full_name: r.get(1)?,
                    id_kind: r.get(2)?,
                    id_number: r.get(3)?,
                    address: r.get(4)?,
                    phone: r.get(5)?,
                })
            },
        )?;
        let cases = collect(
            conn,
            "SELECT id, summary, opened_on FROM cases ORDER BY id",
            |r| {
                Ok(ExCase {
                    id: r.get(0)?,
                    summary: r.get(1)?,
                    opened_on: r.get(2)?,
                })
            },
        )?;
        let sessions = collect(
            conn,
            "SELECT id, date, kind, host_group, host_name, place, notes FROM sessions ORDER BY date, id",
            |r| {
                Ok(Session {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    kind: r.get(2)?,
                    host_group: r.get(3)?,
                    host_name: r.get(4)?,
                    place: r.get(5)?,
                    notes: r.get(6)?,
                })
            },
        )?;
        let mut visits = collect(
            conn,
            "SELECT id, session_id, seq, headcount, delegation, content, kind, field_code, handling,
                    handling_agency, handling_letter_no, case_id, chairman_joined
               FROM visits ORDER BY session_id, seq",
            |r| {
                Ok(ExVisit {
                    id: r.get(0)?,
                    session_id: r.get(1)?,
                    seq: r.get(2)?,
                    headcount: r.get(3)?,
                    delegation: r.get(4)?,
                    content: r.get(5)?,
                    kind: r.get(6)?,
                    field_code: r.get(7)?,
                    handling: HandlingInput {
                        handling: r.get(8)?,
                        agency: r.get(9)?,
                        letter_no: r.get(10)?,
                    },
                    case_id: r.get(11)?,
                    chairman_joined: r.get(12)?,
                    person_ids: vec![],
                })
            },
        )?;
        for v in &mut visits {
            v.person_ids = ids_of(
                conn,
                "SELECT person_id FROM visit_persons WHERE visit_id = ?1 ORDER BY position",
                &v.id,
            )?;
        }
        let mut petitions = collect(
            conn,
            "SELECT id, year, number, received_on, source, source_agency, visit_id, kind, field_code,
                    content, anonymous, respondent, handling, handling_agency, handling_letter_no,
                    round, competence, eligible, status, case_id
               FROM petitions ORDER BY year, number",
            |r| {
                Ok(ExPetition {
                    id: r.get(0)?,
                    year: r.get(1)?,
                    number: r.get(2)?,
                    received_on: r.get(3)?,
                    source: r.get(4)?,
                    source_agency: r.get(5)?,
                    visit_id: r.get(6)?,
                    kind: r.get(7)?,
                    field_code: r.get(8)?,
                    content: r.get(9)?,
                    anonymous: r.get(10)?,
                    respondent: r.get(11)?,
                    handling: HandlingInput {
                        handling: r.get(12)?,
                        agency: r.get(13)?,
                        letter_no: r.get(14)?,
                    },
                    classification: Classification {
                        round: r.get(15)?,
                        competence: r.get(16)?,
                        eligible: r.get(17)?,
                    },
                    status: r.get(18)?,
                    case_id: r.get(19)?,
                    petitioner_ids: vec![],
                })
            },
        )?;
        for p in &mut petitions {
            p.petitioner_ids = ids_of(
                conn,
                "SELECT person_id FROM petition_persons WHERE petition_id = ?1 ORDER BY position",
                &p.id,
            )?;
        }
        let petition_events = collect(
            conn,
            "SELECT id, petition_id, at, on_date, from_status, to_status, note
               FROM petition_events ORDER BY petition_id, at, id",
            |r| {
                Ok(ExPetitionEvent {
                    id: r.get(0)?,
                    petition_id: r.get(1)?,
                    at: r.get(2)?,
                    on_date: r.get(3)?,
                    from_status: r.get(4)?,
                    to_status: r.get(5)?,
                    note: r.get(6)?,
                })
            },
        )?;
        let fields = self.fields()?;
        let unit_name = self.settings()?.unit_name;
        snapshot.finish()?;
        Ok(ExchangeFile {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: crate::store::now_utc(),
            unit_name,
            fields,
            persons,
            cases,
            sessions,
            visits,
            petitions,
            petition_events,
        })
    }

    /// Import an exchange file, all or nothing. Records whose id is already present
    /// are skipped, so importing the same file twice changes nothing.
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
        let mut sum = ImportSummary::default();
        let tx = self.conn_mut().savepoint()?;
        for f in &file.fields {
            tx.execute(
                "INSERT OR IGNORE INTO fields (code, name, complaint_group, denunciation_group, proposal_group, active, sort)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(sort), 0) + 1 FROM fields))",
                params![f.code, f.name, f.complaint_group, f.denunciation_group, f.proposal_group, f.active],
            )?;
        }
        let mut fresh = |table: &str, id: &str, counter: &mut u32| -> Result<bool> {
            if crate::store::exists(&tx, table, id)? {
                sum.skipped += 1;
                Ok(false)
            } else {
                *counter += 1;
                Ok(true)
            }
        };
        let mut n = ImportSummary::default();
        // A person whose identity number is already in the register is that person:
        // the file's id is mapped to the one already here.
        let mut same_as: HashMap<String, String> = HashMap::new();
        for p in &file.persons {
            if let Some(number) = &p.id_number {
                let here: Option<String> = tx
                    .query_row(
                        "SELECT id FROM persons WHERE id_number = ?1",
                        [number],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(here) = here.filter(|h| h != &p.id) {
                    same_as.insert(p.id.clone(), here);
                    continue;
                }
            }
            if fresh("persons", &p.id, &mut n.persons)? {
                crate::store::insert_person_raw(&tx, p)?;
            }
        }
        let person = |id: &String| same_as.get(id).unwrap_or(id).clone();
        for c in &file.cases {
            if fresh("cases", &c.id, &mut n.cases)? {
                tx.execute(
                    "INSERT INTO cases (id, summary, opened_on, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![c.id, c.summary, c.opened_on, crate::store::now_utc()],
                )?;
            }
        }
        for s in &file.sessions {
            if fresh("sessions", &s.id, &mut n.sessions)? {
                tx.execute(
                    "INSERT INTO sessions (id, date, kind, host_group, host_name, place, notes, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![s.id, s.date, s.kind, s.host_group, s.host_name, s.place, s.notes, crate::store::now_utc()],
                )?;
            }
        }
        for v in &file.visits {
            if fresh("visits", &v.id, &mut n.visits)? {
                tx.execute(
                    "INSERT INTO visits (id, session_id, seq, headcount, delegation, content, kind, field_code,
                        handling, handling_agency, handling_letter_no, case_id, chairman_joined, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                    params![
                        v.id, v.session_id, v.seq, v.headcount, v.delegation, v.content, v.kind, v.field_code,
                        v.handling.handling, v.handling.agency, v.handling.letter_no, v.case_id,
                        v.chairman_joined, crate::store::now_utc()
                    ],
                )?;
                for (i, pid) in v.person_ids.iter().enumerate() {
                    tx.execute(
                        "INSERT OR IGNORE INTO visit_persons (visit_id, person_id, position) VALUES (?1, ?2, ?3)",
                        params![v.id, person(pid), i as u32],
                    )?;
                }
            }
        }
        for p in &file.petitions {
            if fresh("petitions", &p.id, &mut n.petitions)? {
                tx.execute(
                    "INSERT INTO petitions (id, year, number, received_on, source, source_agency, visit_id, kind,
                        field_code, content, anonymous, respondent, handling, handling_agency, handling_letter_no,
                        round, competence, eligible, status, case_id, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                    params![
                        p.id, p.year, p.number, p.received_on, p.source, p.source_agency, p.visit_id, p.kind,
                        p.field_code, p.content, p.anonymous, p.respondent, p.handling.handling,
                        p.handling.agency, p.handling.letter_no, p.classification.round,
                        p.classification.competence, p.classification.eligible, p.status, p.case_id,
                        crate::store::now_utc()
                    ],
                )
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        Error::Exchange(format!(
                            "đơn số {}/{} trùng số với một đơn khác đã có trong sổ, hoặc thiếu dữ liệu liên kết",
                            p.number, p.year
                        ))
                    }
                    e => e.into(),
                })?;
                for (i, pid) in p.petitioner_ids.iter().enumerate() {
                    tx.execute(
                        "INSERT OR IGNORE INTO petition_persons (petition_id, person_id, position) VALUES (?1, ?2, ?3)",
                        params![p.id, person(pid), i as u32],
                    )?;
                }
                crate::store::note_number(&tx, p.year, p.number)?;
            }
        }
        for e in &file.petition_events {
            tx.execute(
                "INSERT OR IGNORE INTO petition_events (id, petition_id, at, on_date, from_status, to_status, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![e.id, e.petition_id, e.at, e.on_date, e.from_status, e.to_status, e.note],
            )?;
        }
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(Error::Exchange(format!(
                "{broken} bản ghi tham chiếu tới dữ liệu không có trong tệp"
            )));
        }
        tx.commit()?;
        n.skipped = sum.skipped + same_as.len() as u32;
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
