use rusqlite::{Connection, OptionalExtension};

use super::records::get_person;
use super::Store;
use crate::desk::person::kept_id;
use crate::domain::{CaseSummary, Person, PersonMatch};
use crate::error::{Error, Result};
use crate::text::fts_prefix_query;

/// The cases a person was received or petitioned about, newest first.
pub(crate) fn cases_of_person(conn: &Connection, person_id: &str) -> Result<Vec<CaseSummary>> {
    let mut stmt = conn.prepare(
        "WITH touches AS (
            SELECT v.case_id AS case_id, s.date AS on_date, 1 AS is_visit, 0 AS is_petition
              FROM visit_persons vp JOIN visits v ON v.id = vp.visit_id
              JOIN sessions s ON s.id = v.session_id
             WHERE vp.person_id = ?1
            UNION ALL
            SELECT p.case_id, p.received_on, 0, 1
              FROM petition_persons pp JOIN petitions p ON p.id = pp.petition_id
             WHERE pp.person_id = ?1
         )
         SELECT c.id, c.summary, min(t.on_date), max(t.on_date), sum(t.is_visit), sum(t.is_petition)
           FROM touches t JOIN cases c ON c.id = t.case_id
          GROUP BY c.id ORDER BY max(t.on_date) DESC, c.id DESC",
    )?;
    let rows = stmt.query_map([person_id], |r| {
        Ok(CaseSummary {
            id: r.get(0)?,
            summary: r.get(1)?,
            first_received_on: r.get(2)?,
            last_received_on: r.get(3)?,
            visits: r.get(4)?,
            petitions: r.get(5)?,
            kind: None,
            field_code: None,
        })
    })?;
    let mut cases: Vec<CaseSummary> = rows.collect::<rusqlite::Result<_>>()?;
    let mut latest = conn.prepare_cached(
        "SELECT kind, field_code FROM (
            SELECT v.kind AS kind, v.field_code AS field_code, s.date AS on_date, v.created_at AS at
              FROM visits v JOIN sessions s ON s.id = v.session_id WHERE v.case_id = ?1
            UNION ALL
            SELECT p.kind, p.field_code, p.received_on, p.created_at FROM petitions p WHERE p.case_id = ?1)
          WHERE kind IS NOT NULL ORDER BY on_date DESC, at DESC LIMIT 1",
    )?;
    for c in &mut cases {
        if let Some((kind, field)) = latest
            .query_row([&c.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
        {
            c.kind = Some(kind);
            c.field_code = field;
        }
    }
    Ok(cases)
}

impl Store {
    /// Find returning citizens by name (diacritics- and case-blind, word prefixes) or by
    /// identity number (digits: prefix match), with their earlier cases.
    pub fn find_persons(&self, query: &str, limit: u32) -> Result<Vec<PersonMatch>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let q = query.trim();
        let conn = self.conn();
        let digits = !q.is_empty() && q.chars().all(|c| c.is_ascii_digit());
        let ids: Vec<String> = if digits {
            if q.len() < 3 {
                return Ok(vec![]);
            }
            let mut ids = super::persons_by_number_prefix(conn, q, limit)?;
            ids.extend(super::persons_by_phone_prefix(conn, q, limit)?);
            ids
        } else {
            let Some(fts) = fts_prefix_query(q) else {
                return Ok(vec![]);
            };
            super::persons_by_name(conn, &fts, limit)?
        };
        let mut seen = std::collections::HashSet::new();
        ids.iter()
            .map(|id| kept_id(conn, id))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .filter(|id| seen.insert(id.clone()))
            .map(|id| {
                let id = &id;
                Ok(PersonMatch {
                    person: self.person(id)?,
                    cases: cases_of_person(conn, id)?,
                })
            })
            // Only a denunciator's whole identity number finds them, masked: never a name,
            // a phone number or part of a number (the match would confirm a guess).
            .filter(|m: &Result<PersonMatch>| match m {
                Ok(m) if m.person.masked => {
                    crate::desk::privacy::found_by_whole_number(conn, &m.person.id, q)
                        .unwrap_or(false)
                }
                _ => true,
            })
            .collect()
    }

    /// A person as every screen, list and file shows them: a denunciator masked
    /// (`desk::privacy`).
    pub fn person(&self, id: &str) -> Result<Person> {
        let p = get_person(self.conn(), id)?.ok_or_else(|| Error::not_found("người", id))?;
        self.shown_person(p)
    }

    /// A person's row as [`Self::person`] shows it (masked if a denunciator), for a caller
    /// that read many rows at once.
    pub(crate) fn shown_person(&self, mut p: Person) -> Result<Person> {
        if crate::desk::privacy::is_confidential(self.conn(), &p.id)? {
            crate::desk::privacy::mask(&mut p);
        }
        Ok(p)
    }
}
