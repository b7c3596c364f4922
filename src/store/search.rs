//! Search queries: the full-text indexes and the identity-number range.

use rusqlite::{params, Connection};

use crate::domain::VisitRef;
use crate::error::Result;

/// Persons whose identity number starts with `digits` (a range on the unique index).
pub(crate) fn persons_by_number_prefix(
    conn: &Connection,
    digits: &str,
    limit: u32,
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(merged_into, id) FROM persons
          WHERE id_number >= ?1 AND id_number < ?1 || ':' ORDER BY id_number LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![digits, limit], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Persons whose folded name matches the FTS query (the name column only).
pub(crate) fn persons_by_name(conn: &Connection, fts: &str, limit: u32) -> Result<Vec<String>> {
    persons_matching(conn, &format!("name : ({fts})"), limit)
}

/// Persons whose name or address matches the FTS query (the search box).
pub(crate) fn persons_by_name_or_address(
    conn: &Connection,
    fts: &str,
    limit: u32,
) -> Result<Vec<String>> {
    persons_matching(conn, &format!("{{name address}} : ({fts})"), limit)
}

/// Persons whose phone number starts with these digits.
pub(crate) fn persons_by_phone_prefix(
    conn: &Connection,
    digits: &str,
    limit: u32,
) -> Result<Vec<String>> {
    persons_matching(conn, &format!("phone : \"{digits}\"*"), limit)
}

fn persons_matching(conn: &Connection, query: &str, limit: u32) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id FROM persons_fts WHERE persons_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![query, limit], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Petitions, visits and cases whose folded text matches the FTS query: (kind, id), at
/// most `limit` of each kind, so that one kind never crowds out the others.
pub(crate) fn records_matching(
    conn: &Connection,
    fts: &str,
    limit: u32,
) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, record_id FROM records_fts WHERE records_fts MATCH ?1 AND kind = ?2
          ORDER BY rank LIMIT ?3",
    )?;
    let mut out = Vec::new();
    for kind in ["petition", "visit", "case"] {
        let rows = stmt.query_map(params![fts, kind, limit], |r| Ok((r.get(0)?, r.get(1)?)))?;
        out.extend(rows.collect::<rusqlite::Result<Vec<(String, String)>>>()?);
    }
    Ok(out)
}

/// Petitions numbered `number` (of `year`, when given), newest year first.
pub(crate) fn petitions_by_number(
    conn: &Connection,
    number: u32,
    year: Option<i32>,
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM petitions WHERE number = ?1 AND (?2 IS NULL OR year = ?2) ORDER BY year DESC LIMIT 5",
    )?;
    let rows = stmt.query_map(params![number, year], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Petitions a person signed.
pub(crate) fn petitions_of_person(conn: &Connection, person_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT pp.petition_id FROM petition_persons pp JOIN petitions p ON p.id = pp.petition_id
          WHERE pp.person_id = ?1 ORDER BY p.received_on DESC, p.number DESC",
    )?;
    let rows = stmt.query_map([person_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn visit_ref(r: &rusqlite::Row<'_>) -> rusqlite::Result<VisitRef> {
    Ok(VisitRef {
        visit_id: r.get(0)?,
        session_id: r.get(1)?,
        date: r.get(2)?,
        seq: r.get(3)?,
        content: r.get(4)?,
    })
}

/// Visits a person came to, newest first.
pub(crate) fn visits_of_person(conn: &Connection, person_id: &str) -> Result<Vec<VisitRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.session_id, s.date, v.seq, v.content
           FROM visit_persons vp JOIN visits v ON v.id = vp.visit_id JOIN sessions s ON s.id = v.session_id
          WHERE vp.person_id = ?1 ORDER BY s.date DESC, v.seq DESC",
    )?;
    let rows = stmt.query_map([person_id], visit_ref)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The visits of a case: (visit id, session id, date, seq, content).
pub(crate) fn visits_of_case(conn: &Connection, case_id: &str) -> Result<Vec<VisitRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.session_id, s.date, v.seq, v.content
           FROM visits v JOIN sessions s ON s.id = v.session_id
          WHERE v.case_id = ?1 ORDER BY s.date DESC, v.seq DESC",
    )?;
    let rows = stmt.query_map([case_id], visit_ref)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn petitions_of_case(conn: &Connection, case_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM petitions WHERE case_id = ?1 ORDER BY received_on DESC, number DESC",
    )?;
    let rows = stmt.query_map([case_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
