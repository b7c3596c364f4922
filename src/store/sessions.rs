//! Reading sessions and their visits for the screens.

use rusqlite::{params, Connection};

use super::records::{
    person_from_row, session_from_row, visit_from_row, PERSON_COLUMNS, SESSION_COLUMNS,
    VISIT_COLUMNS,
};
use super::Store;
use crate::domain::{Session, SessionView, Visit};
use crate::error::{Error, Result};

/// The visits of a session as the register shows them, with their persons and the
/// number (and state) of the petition handed in.
pub(crate) fn visits_of_session(conn: &Connection, session_id: &str) -> Result<Vec<Visit>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {VISIT_COLUMNS},
                p.number || '/' || p.year || coalesce(' (' || (
                    SELECT u.name FROM units u WHERE u.id = p.unit_id AND trim(u.name) <> ''
                       AND u.id <> (SELECT value FROM settings WHERE key = 'unit_id')) || ')', ''),
                p.id, p.state
           FROM visits v LEFT JOIN petitions p ON p.visit_id = v.id
          WHERE v.session_id = ?1 ORDER BY v.seq"
    ))?;
    let mut visits: Vec<Visit> = stmt
        .query_map([session_id], |r| {
            let v = visit_from_row(r)?;
            Ok(Visit {
                id: v.id,
                session_id: v.session_id,
                seq: v.seq,
                headcount: v.headcount,
                delegation: crate::law::counting::is_delegation(v.headcount),
                content: v.content,
                kind: v.kind,
                field_code: v.field_code,
                handling: v.handling,
                case_id: v.case_id,
                chairman_joined: v.chairman_joined,
                persons: vec![],
                // (After the 13 columns of `VISIT_COLUMNS`.)
                petition_number: r.get(13)?,
                petition_id: r.get(14)?,
                petition_state: r.get(15)?,
                prior_agencies: v.prior_agencies,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut persons = conn.prepare_cached(&format!(
        "SELECT {PERSON_COLUMNS} FROM visit_persons vp JOIN persons p ON p.id = vp.person_id
          WHERE vp.visit_id = ?1 ORDER BY vp.position"
    ))?;
    for v in &mut visits {
        v.persons = persons
            .query_map([&v.id], person_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        crate::desk::privacy::mask_all(conn, &mut v.persons)?;
    }
    Ok(visits)
}

pub(crate) fn visit_count(conn: &Connection, session_id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM visits WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?)
}

/// The petitions handed in at a session's visits.
pub(crate) fn petitions_of_session(conn: &Connection, session_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id FROM petitions p JOIN visits v ON v.id = p.visit_id WHERE v.session_id = ?1",
    )?;
    let rows = stmt.query_map([session_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn session(&self, id: &str) -> Result<Session> {
        self.require(crate::access::Permission::ViewRecords)?;
        super::get_session(self.conn(), id)?.ok_or_else(|| Error::not_found("buổi tiếp", id))
    }

    /// The sessions held on a date (ISO), oldest first.
    pub fn sessions_on(&self, date: &str) -> Result<Vec<Session>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM sessions WHERE date = ?1 ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([date], session_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn visits_of_session(&self, session_id: &str) -> Result<Vec<Visit>> {
        self.require(crate::access::Permission::ViewRecords)?;
        visits_of_session(self.conn(), session_id)
    }

    /// Sessions in [from, to], newest first, with their visits.
    pub fn sessions_between(&self, from: &str, to: &str) -> Result<Vec<SessionView>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let period = crate::period::Period::parse(from, to)?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {SESSION_COLUMNS} FROM sessions WHERE date BETWEEN ?1 AND ?2
              ORDER BY date DESC, created_at DESC, id DESC"
        ))?;
        let sessions: Vec<Session> = stmt
            .query_map(
                params![period.from.to_string(), period.to.to_string()],
                session_from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        sessions
            .into_iter()
            .map(|session| {
                Ok(SessionView {
                    visits: visits_of_session(self.conn(), &session.id)?,
                    session,
                })
            })
            .collect()
    }
}
