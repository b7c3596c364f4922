//! The facts a period report is computed from, read in a few queries. The counting
//! itself is pure Rust in `report`, so each rule is tested on records built by hand.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::domain::{HostGroup, PetitionKind, PetitionSource, PetitionState};
use crate::error::Result;
use crate::period::Period;

#[derive(Debug, Clone)]
pub struct SessionFact {
    pub id: String,
    pub date: NaiveDate,
    pub host_group: HostGroup,
}

#[derive(Debug, Clone)]
pub struct VisitFact {
    pub session_id: String,
    pub date: NaiveDate,
    pub host_group: HostGroup,
    pub chairman_joined: bool,
    pub headcount: u32,
    pub delegation: bool,
    pub case_id: String,
    /// Kind of the petition handed in at this visit, if one was.
    pub petition_kind: Option<PetitionKind>,
}

/// How often a case was received before the period (visits and petitions), and at
/// reception within it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CaseHistory {
    pub visits_before: u32,
    pub visits_within: u32,
}

#[derive(Debug, Clone)]
pub struct PetitionFact {
    pub received_on: NaiveDate,
    pub kind: PetitionKind,
    pub source: PetitionSource,
    /// The state today (the report of a past period will read it on its cut-off date).
    pub state: PetitionState,
}

#[derive(Debug, Clone)]
pub struct PeriodFacts {
    pub period: Period,
    pub sessions: Vec<SessionFact>,
    pub visits: Vec<VisitFact>,
    pub cases: HashMap<String, CaseHistory>,
    pub petitions: Vec<PetitionFact>,
}

impl Store {
    pub fn period_facts(&self, period: Period) -> Result<PeriodFacts> {
        let conn = self.conn();
        let (from, to) = (period.from.to_string(), period.to.to_string());
        let date = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d");
        let conv = |e: chrono::ParseError| rusqlite::Error::ToSqlConversionFailure(Box::new(e));

        let mut stmt = conn.prepare_cached(
            "SELECT id, date, host_group FROM sessions WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
        )?;
        let sessions = stmt
            .query_map(params![from, to], |r| {
                Ok(SessionFact {
                    id: r.get(0)?,
                    date: date(r.get(1)?).map_err(conv)?,
                    host_group: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let mut stmt = conn.prepare_cached(
            "SELECT v.session_id, s.date, s.host_group, v.chairman_joined, v.headcount, v.delegation,
                    v.case_id, p.kind
               FROM visits v JOIN sessions s ON s.id = v.session_id
               LEFT JOIN petitions p ON p.visit_id = v.id
              WHERE s.date BETWEEN ?1 AND ?2",
        )?;
        let visits = stmt
            .query_map(params![from, to], |r| {
                Ok(VisitFact {
                    session_id: r.get(0)?,
                    date: date(r.get(1)?).map_err(conv)?,
                    host_group: r.get(2)?,
                    chairman_joined: r.get(3)?,
                    headcount: r.get(4)?,
                    delegation: r.get(5)?,
                    case_id: r.get(6)?,
                    petition_kind: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        // A case was received before the period if a visit or a petition (other than one
        // handed in at a visit, which that visit already counts) came before `from`.
        let mut stmt = conn.prepare_cached(
            "WITH received AS (
                SELECT v.case_id AS case_id, s.date AS on_date
                  FROM visits v JOIN sessions s ON s.id = v.session_id
                UNION ALL
                SELECT case_id, received_on FROM petitions WHERE visit_id IS NULL
             )
             SELECT case_id,
                    sum(CASE WHEN on_date < ?1 THEN 1 ELSE 0 END),
                    (SELECT count(*) FROM visits v JOIN sessions s ON s.id = v.session_id
                      WHERE v.case_id = received.case_id AND s.date BETWEEN ?1 AND ?2)
               FROM received
              WHERE on_date <= ?2 AND case_id IN (
                    SELECT v2.case_id FROM visits v2 JOIN sessions s2 ON s2.id = v2.session_id
                     WHERE s2.date BETWEEN ?1 AND ?2)
              GROUP BY case_id",
        )?;
        let cases = stmt
            .query_map(params![from, to], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    CaseHistory {
                        visits_before: r.get(1)?,
                        visits_within: r.get(2)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;

        let mut stmt = conn.prepare_cached(
            // A duplicate (đơn trùng) repeats a petition already counted.
            "SELECT received_on, kind, source, state FROM petitions
              WHERE received_on BETWEEN ?1 AND ?2 AND duplicate_of IS NULL",
        )?;
        let petitions = stmt
            .query_map(params![from, to], |r| {
                Ok(PetitionFact {
                    received_on: date(r.get(0)?).map_err(conv)?,
                    kind: r.get(1)?,
                    source: r.get(2)?,
                    state: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        Ok(PeriodFacts {
            period,
            sessions,
            visits,
            cases,
            petitions,
        })
    }

    /// Petitions still open (for the dashboard).
    pub fn open_petition_count(&self) -> Result<u32> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM petitions
              WHERE state IN ('received', 'classified', 'accepted', 'suspended')",
            [],
            |r| r.get(0),
        )?)
    }
}
