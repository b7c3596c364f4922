use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{new_id, now_utc, Store};
use crate::domain::{CaseSummary, IdKind, Person, PersonInput, PersonMatch};
use crate::error::{Error, Result};
use crate::text::{clean, fold, fts_prefix_query, strip};
use crate::validate::check_person;

pub(crate) const PERSON_COLUMNS: &str =
    "p.id, p.full_name, p.id_kind, p.id_number, p.address, p.phone";

pub(crate) fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        full_name: r.get(1)?,
        id_kind: r.get(2)?,
        id_number: r.get(3)?,
        address: r.get(4)?,
        phone: r.get(5)?,
    })
}

fn index_person(conn: &Connection, id: &str, name: &str, number: Option<&str>) -> Result<()> {
    conn.execute("DELETE FROM persons_fts WHERE person_id = ?1", [id])?;
    conn.execute(
        "INSERT INTO persons_fts (person_id, name, id_number) VALUES (?1, ?2, ?3)",
        params![id, fold(name), number.unwrap_or("")],
    )?;
    Ok(())
}

/// Insert a person with a known id (the exchange import) and index it.
pub(crate) fn insert_person(conn: &Connection, p: &Person) -> Result<()> {
    conn.execute(
        "INSERT INTO persons (id, full_name, id_kind, id_number, address, phone, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            p.id,
            p.full_name,
            p.id_kind,
            p.id_number,
            p.address,
            p.phone,
            now_utc()
        ],
    )?;
    index_person(conn, &p.id, &p.full_name, p.id_number.as_deref())
}

/// Find or create the person typed at the desk; returns its id.
///
/// - A person picked from the lookup keeps its id; what was typed only fills its blanks
///   (a different identity number is refused rather than silently dropped).
/// - A typed identity number that is already known is that same person, provided the
///   names agree (diacritics aside); otherwise the number is refused, so a typo never
///   merges two citizens or changes someone else's record.
pub(crate) fn resolve_person(
    conn: &Connection,
    prefix: &str,
    input: &PersonInput,
) -> Result<String> {
    let id_kind = check_person(prefix, input)?;
    let number = clean(&input.id_number);
    let number_field = format!("{prefix}.id_number");
    let holder = |n: &str| -> Result<Option<(String, String)>> {
        Ok(conn
            .query_row(
                "SELECT id, full_name FROM persons WHERE id_number = ?1",
                [n],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    };
    let known = match &input.existing_id {
        Some(id) => {
            let stored: Option<String> = conn
                .query_row("SELECT id_number FROM persons WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| Error::not_found("người", id.clone()))?;
            if let (Some(stored), Some(typed)) = (&stored, &number) {
                if stored != typed {
                    return Err(Error::invalid(
                        number_field,
                        format!("Người đã chọn có số giấy tờ {stored}, khác số vừa nhập {typed}. Kiểm tra lại số, hoặc bỏ chọn để ghi một người khác."),
                    ));
                }
            }
            if let (None, Some(typed)) = (&stored, &number) {
                if let Some((other, name)) = holder(typed)? {
                    if &other != id {
                        return Err(Error::invalid(
                            number_field,
                            format!("Số giấy tờ {typed} đã được ghi cho công dân {name}."),
                        ));
                    }
                }
            }
            Some(id.clone())
        }
        None => match &number {
            Some(n) => match holder(n)? {
                Some((id, name)) if strip(&name) == strip(&input.full_name) => Some(id),
                Some((_, name)) => {
                    return Err(Error::invalid(
                        number_field,
                        format!("Số giấy tờ {n} đã được ghi cho công dân {name}. Nếu đúng người này, hãy chọn họ ở ô Tìm công dân; nếu không, kiểm tra lại số."),
                    ))
                }
                None => None,
            },
            None => None,
        },
    };
    if let Some(id) = known {
        conn.execute(
            "UPDATE persons SET
                id_kind = CASE WHEN id_number IS NULL AND ?2 IS NOT NULL THEN ?3 ELSE id_kind END,
                id_number = coalesce(id_number, ?2),
                address = coalesce(address, ?4),
                phone = coalesce(phone, ?5)
             WHERE id = ?1",
            params![
                id,
                number,
                id_kind,
                clean(&input.address),
                clean(&input.phone)
            ],
        )?;
        let (name, num): (String, Option<String>) = conn.query_row(
            "SELECT full_name, id_number FROM persons WHERE id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        index_person(conn, &id, &name, num.as_deref())?;
        return Ok(id);
    }
    let person = Person {
        id: new_id(),
        full_name: clean(&Some(input.full_name.clone())).unwrap_or_default(),
        id_kind: if number.is_some() {
            id_kind
        } else {
            IdKind::None
        },
        id_number: number,
        address: clean(&input.address),
        phone: clean(&input.phone),
    };
    insert_person(conn, &person)?;
    Ok(person.id)
}

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
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Find returning citizens by name (diacritics- and case-blind, word prefixes) or by
    /// identity number (digits: prefix match), with their earlier cases.
    pub fn find_persons(&self, query: &str, limit: u32) -> Result<Vec<PersonMatch>> {
        let q = query.trim();
        let conn = self.conn();
        let digits = !q.is_empty() && q.chars().all(|c| c.is_ascii_digit());
        let ids: Vec<String> = if digits {
            if q.len() < 3 {
                return Ok(vec![]);
            }
            let mut stmt = conn.prepare(
                "SELECT id FROM persons WHERE id_number LIKE ?1 || '%' ORDER BY full_name LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![q, limit], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        } else {
            let Some(fts) = fts_prefix_query(q) else {
                return Ok(vec![]);
            };
            let mut stmt = conn.prepare(
                "SELECT person_id FROM persons_fts WHERE persons_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![fts, limit], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        ids.iter()
            .map(|id| {
                Ok(PersonMatch {
                    person: self.person(id)?,
                    cases: cases_of_person(conn, id)?,
                })
            })
            .collect()
    }

    pub fn person(&self, id: &str) -> Result<Person> {
        self.conn()
            .query_row(
                &format!("SELECT {PERSON_COLUMNS} FROM persons p WHERE p.id = ?1"),
                [id],
                person_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("người", id))
    }
}
