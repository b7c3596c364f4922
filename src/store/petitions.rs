use chrono::Datelike;
use rusqlite::{params, Connection, OptionalExtension, ToSql};

use super::catalogue::check_field;
use super::persons::{person_from_row, resolve_person, PERSON_COLUMNS};
use super::records::{insert_event, insert_petition, petition_from_row, PETITION_COLUMNS};
use super::sessions::{case_for, check_handling};
use super::{new_id, now_utc, Store};
use crate::domain::{NewPetition, Petition, PetitionFilter, PetitionStatus};
use crate::error::{Error, Result};
use crate::period::Period;
use crate::records::{PetitionEvent, PetitionRecord};
use crate::text::clean;
use crate::validate::{check_petition, parse_date};

/// Give a new petition the next number of its year, write it, and open its history.
pub(crate) fn file_petition(conn: &Connection, mut p: PetitionRecord) -> Result<PetitionRecord> {
    p.number = next_number(conn, p.year)?;
    insert_petition(conn, &p)?;
    insert_event(
        conn,
        &PetitionEvent {
            id: new_id(),
            petition_id: p.id.clone(),
            at: now_utc(),
            on_date: p.received_on.clone(),
            from_status: None,
            to_status: p.status,
            note: Some("Tiếp nhận đơn".to_string()),
        },
    )?;
    Ok(p)
}

/// The next petition number of `year`: never one given before, even to a deleted petition.
fn next_number(conn: &Connection, year: i32) -> Result<u32> {
    let number: u32 = conn.query_row(
        "SELECT max(coalesce((SELECT last FROM petition_numbers WHERE year = ?1), 0),
                    coalesce((SELECT max(number) FROM petitions WHERE year = ?1), 0)) + 1",
        [year],
        |r| r.get(0),
    )?;
    note_number(conn, year, number)?;
    Ok(number)
}

/// Remember that `number` was given in `year`.
pub(crate) fn note_number(conn: &Connection, year: i32, number: u32) -> Result<()> {
    conn.execute(
        "INSERT INTO petition_numbers (year, last) VALUES (?1, ?2)
         ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)",
        params![year, number],
    )?;
    Ok(())
}

/// The petition shown on screens: its record, numbered `12/2026`, with its petitioners.
fn petition_view(p: PetitionRecord) -> Petition {
    Petition {
        id: p.id,
        number: format!("{}/{}", p.number, p.year),
        received_on: p.received_on,
        source: p.source,
        source_agency: p.source_agency,
        visit_id: p.visit_id,
        kind: p.kind,
        field_code: p.field_code,
        content: p.content,
        anonymous: p.anonymous,
        petitioners: vec![],
        respondent: p.respondent,
        handling: p.handling,
        classification: p.classification,
        status: p.status,
        case_id: p.case_id,
    }
}

impl Store {
    /// A petition received directly: by post, online, or transferred by an agency.
    pub fn create_petition(&mut self, input: &NewPetition) -> Result<Petition> {
        let received_on = check_petition(input, self.today())?;
        let tx = self.conn_mut().savepoint()?;
        let field_code = check_field(&tx, "field_code", &input.field_code)?;
        let handling = check_handling("handling", &input.handling)?;
        let mut person_ids = Vec::new();
        if !input.anonymous {
            for (i, p) in input.petitioners.iter().enumerate() {
                let pid = resolve_person(&tx, &format!("petitioners[{i}]"), p)?;
                if !person_ids.contains(&pid) {
                    person_ids.push(pid);
                }
            }
        }
        let case_id = case_for(
            &tx,
            &input.case_id,
            &input.content,
            &received_on.to_string(),
        )?;
        let filed = file_petition(
            &tx,
            PetitionRecord {
                id: new_id(),
                year: received_on.year(),
                number: 0,
                received_on: received_on.to_string(),
                source: input.source,
                source_agency: clean(&input.source_agency),
                visit_id: None,
                kind: input.kind,
                field_code,
                content: input.content.trim().to_string(),
                anonymous: input.anonymous,
                respondent: clean(&input.respondent),
                handling,
                classification: input.classification.clone(),
                status: PetitionStatus::Open,
                case_id,
                petitioner_ids: person_ids,
            },
        )?;
        tx.commit()?;
        self.petition(&filed.id)
    }

    pub fn petition(&self, id: &str) -> Result<Petition> {
        let mut p = self
            .conn()
            .query_row(
                &format!("SELECT {PETITION_COLUMNS} FROM petitions p WHERE p.id = ?1"),
                [id],
                |r| petition_from_row(r).map(petition_view),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("đơn", id))?;
        p.petitioners = self.petitioners(&p.id)?;
        Ok(p)
    }

    fn petitioners(&self, petition_id: &str) -> Result<Vec<crate::domain::Person>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM petition_persons pp JOIN persons p ON p.id = pp.person_id
              WHERE pp.petition_id = ?1 ORDER BY pp.position"
        ))?;
        let rows = stmt.query_map([petition_id], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Petitions matching the filter, newest first.
    pub fn petitions(&self, filter: &PetitionFilter) -> Result<Vec<Petition>> {
        let mut sql = format!("SELECT {PETITION_COLUMNS} FROM petitions p WHERE 1 = 1");
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(k) = filter.kind {
            sql.push_str(" AND p.kind = ?");
            args.push(Box::new(k));
        }
        if let Some(s) = filter.status {
            sql.push_str(" AND p.status = ?");
            args.push(Box::new(s));
        }
        if let Some(f) = clean(&filter.field_code) {
            sql.push_str(" AND p.field_code = ?");
            args.push(Box::new(f));
        }
        if let Some(from) = clean(&filter.from) {
            sql.push_str(" AND p.received_on >= ?");
            args.push(Box::new(parse_date("from", "Từ ngày", &from)?.to_string()));
        }
        if let Some(to) = clean(&filter.to) {
            sql.push_str(" AND p.received_on <= ?");
            args.push(Box::new(parse_date("to", "Đến ngày", &to)?.to_string()));
        }
        if let (Some(from), Some(to)) = (clean(&filter.from), clean(&filter.to)) {
            Period::parse(&from, &to)?;
        }
        sql.push_str(" ORDER BY p.received_on DESC, p.year DESC, p.number DESC");
        let mut stmt = self.conn().prepare(&sql)?;
        let list: Vec<Petition> = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                petition_from_row(r).map(petition_view)
            })?
            .collect::<rusqlite::Result<_>>()?;
        list.into_iter()
            .map(|mut p| {
                p.petitioners = self.petitioners(&p.id)?;
                Ok(p)
            })
            .collect()
    }

    /// Open or close a petition; the change is kept in its history.
    pub fn set_petition_status(
        &mut self,
        id: &str,
        status: PetitionStatus,
        note: Option<String>,
    ) -> Result<Petition> {
        let current = self.petition(id)?.status;
        if current != status {
            let today = self.today();
            let tx = self.conn_mut().savepoint()?;
            tx.execute(
                "UPDATE petitions SET status = ?2 WHERE id = ?1",
                params![id, status],
            )?;
            insert_event(
                &tx,
                &PetitionEvent {
                    id: new_id(),
                    petition_id: id.to_string(),
                    at: now_utc(),
                    on_date: today.to_string(),
                    from_status: Some(current),
                    to_status: status,
                    note: clean(&note),
                },
            )?;
            tx.commit()?;
        }
        self.petition(id)
    }
}
