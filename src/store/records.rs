//! One writer and one reader per table, used by the desk and by the exchange format.

use rusqlite::{params, Connection, Row};

use super::now_utc;
use crate::domain::{Classification, HandlingInput, Person, Session};
use crate::error::Result;
use crate::records::{CaseRecord, PetitionEvent, PetitionRecord, VisitRecord};

pub(crate) const SESSION_COLUMNS: &str = "id, date, kind, host_group, host_name, place, notes";

pub(crate) fn session_from_row(r: &Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.get(0)?,
        date: r.get(1)?,
        kind: r.get(2)?,
        host_group: r.get(3)?,
        host_name: r.get(4)?,
        place: r.get(5)?,
        notes: r.get(6)?,
    })
}

pub(crate) fn insert_session(conn: &Connection, s: &Session) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO sessions ({SESSION_COLUMNS}, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        params![s.id, s.date, s.kind, s.host_group, s.host_name, s.place, s.notes, now_utc()],
    )?;
    Ok(())
}

pub(crate) fn insert_case(conn: &Connection, c: &CaseRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO cases (id, summary, opened_on, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![c.id, c.summary, c.opened_on, now_utc()],
    )?;
    Ok(())
}

/// A visit and its named persons.
pub(crate) fn insert_visit(conn: &Connection, v: &VisitRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO visits (id, session_id, seq, headcount, delegation, content, kind, field_code,
                             handling, handling_agency, handling_letter_no, case_id, chairman_joined, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            v.id,
            v.session_id,
            v.seq,
            v.headcount,
            v.delegation,
            v.content,
            v.kind,
            v.field_code,
            v.handling.handling,
            v.handling.agency,
            v.handling.letter_no,
            v.case_id,
            v.chairman_joined,
            now_utc()
        ],
    )?;
    for (i, pid) in v.person_ids.iter().enumerate() {
        conn.execute(
            "INSERT INTO visit_persons (visit_id, person_id, position) VALUES (?1, ?2, ?3)",
            params![v.id, pid, i as u32],
        )?;
    }
    Ok(())
}

/// A petition, its petitioners, and its number remembered for its year.
pub(crate) fn insert_petition(conn: &Connection, p: &PetitionRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO petitions (id, year, number, received_on, source, source_agency, visit_id, kind,
            field_code, content, anonymous, respondent, handling, handling_agency, handling_letter_no,
            round, competence, eligible, status, case_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
        params![
            p.id,
            p.year,
            p.number,
            p.received_on,
            p.source,
            p.source_agency,
            p.visit_id,
            p.kind,
            p.field_code,
            p.content,
            p.anonymous,
            p.respondent,
            p.handling.handling,
            p.handling.agency,
            p.handling.letter_no,
            p.classification.round,
            p.classification.competence,
            p.classification.eligible,
            p.status,
            p.case_id,
            now_utc()
        ],
    )?;
    for (i, pid) in p.petitioner_ids.iter().enumerate() {
        conn.execute(
            "INSERT INTO petition_persons (petition_id, person_id, position) VALUES (?1, ?2, ?3)",
            params![p.id, pid, i as u32],
        )?;
    }
    super::petitions::note_number(conn, p.year, p.number)
}

pub(crate) fn insert_event(conn: &Connection, e: &PetitionEvent) -> Result<()> {
    conn.execute(
        "INSERT INTO petition_events (id, petition_id, at, on_date, from_status, to_status, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            e.id,
            e.petition_id,
            e.at,
            e.on_date,
            e.from_status,
            e.to_status,
            e.note
        ],
    )?;
    Ok(())
}

fn collect<T>(
    conn: &Connection,
    sql: &str,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], f)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn ids_of(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn all_persons(conn: &Connection) -> Result<Vec<Person>> {
    collect(
        conn,
        &format!(
            "SELECT {} FROM persons p ORDER BY p.id",
            super::persons::PERSON_COLUMNS
        ),
        super::persons::person_from_row,
    )
}

pub(crate) fn all_cases(conn: &Connection) -> Result<Vec<CaseRecord>> {
    collect(
        conn,
        "SELECT id, summary, opened_on FROM cases ORDER BY id",
        |r| {
            Ok(CaseRecord {
                id: r.get(0)?,
                summary: r.get(1)?,
                opened_on: r.get(2)?,
            })
        },
    )
}

pub(crate) fn all_sessions(conn: &Connection) -> Result<Vec<Session>> {
    collect(
        conn,
        &format!("SELECT {SESSION_COLUMNS} FROM sessions ORDER BY date, id"),
        session_from_row,
    )
}

/// The columns `visit_from_row` reads, for a query over `visits v`.
pub(crate) const VISIT_COLUMNS: &str = "v.id, v.session_id, v.seq, v.headcount, v.delegation, v.content,
    v.kind, v.field_code, v.handling, v.handling_agency, v.handling_letter_no, v.case_id, v.chairman_joined";

/// A visit row (without its persons, which `visit_person_ids` reads).
pub(crate) fn visit_from_row(r: &Row<'_>) -> rusqlite::Result<VisitRecord> {
    Ok(VisitRecord {
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
}

pub(crate) fn all_visits(conn: &Connection) -> Result<Vec<VisitRecord>> {
    let mut visits = collect(
        conn,
        &format!("SELECT {VISIT_COLUMNS} FROM visits v ORDER BY v.session_id, v.seq"),
        visit_from_row,
    )?;
    for v in &mut visits {
        v.person_ids = ids_of(
            conn,
            "SELECT person_id FROM visit_persons WHERE visit_id = ?1 ORDER BY position",
            &v.id,
        )?;
    }
    Ok(visits)
}

/// The columns `petition_from_row` reads, for a query over `petitions p`.
pub(crate) const PETITION_COLUMNS: &str = "p.id, p.year, p.number, p.received_on, p.source,
    p.source_agency, p.visit_id, p.kind, p.field_code, p.content, p.anonymous, p.respondent,
    p.handling, p.handling_agency, p.handling_letter_no, p.round, p.competence, p.eligible,
    p.status, p.case_id";

/// A petition row (without its petitioners, which `petitioner_ids` reads).
pub(crate) fn petition_from_row(r: &Row<'_>) -> rusqlite::Result<PetitionRecord> {
    Ok(PetitionRecord {
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
}

pub(crate) fn all_petitions(conn: &Connection) -> Result<Vec<PetitionRecord>> {
    let mut petitions = collect(
        conn,
        &format!("SELECT {PETITION_COLUMNS} FROM petitions p ORDER BY p.year, p.number"),
        petition_from_row,
    )?;
    for p in &mut petitions {
        p.petitioner_ids = ids_of(
            conn,
            "SELECT person_id FROM petition_persons WHERE petition_id = ?1 ORDER BY position",
            &p.id,
        )?;
    }
    Ok(petitions)
}

pub(crate) fn all_events(conn: &Connection) -> Result<Vec<PetitionEvent>> {
    collect(
        conn,
        "SELECT id, petition_id, at, on_date, from_status, to_status, note
           FROM petition_events ORDER BY petition_id, at, id",
        |r| {
            Ok(PetitionEvent {
                id: r.get(0)?,
                petition_id: r.get(1)?,
                at: r.get(2)?,
                on_date: r.get(3)?,
                from_status: r.get(4)?,
                to_status: r.get(5)?,
                note: r.get(6)?,
            })
        },
    )
}
