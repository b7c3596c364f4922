//! The facts a period report is computed from, read in a few queries. The counting
//! itself is pure Rust in `report` and `forms`, so each rule is tested on records built
//! by hand.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::records::{event_from_row, petition_from_row, EVENT_COLUMNS, PETITION_COLUMNS};
use super::Store;
use crate::domain::{
    ComplaintGroup, DenunciationGroup, HostGroup, PetitionKind, ProposalGroup, SessionKind,
};
use crate::error::Result;
use crate::period::Period;
use crate::records::{PetitionEvent, PetitionRecord};

#[derive(Debug, Clone)]
pub struct SessionFact {
    pub id: String,
    pub date: NaiveDate,
    pub kind: SessionKind,
    pub host_group: HostGroup,
}

#[derive(Debug, Clone)]
pub struct VisitFact {
    pub session_id: String,
    pub date: NaiveDate,
    pub host_group: HostGroup,
    pub chairman_joined: bool,
    pub headcount: u32,
    pub case_id: String,
    /// Kind of the petition handed in at this visit, if one was, and for a mixed one the
    /// kinds it carries.
    pub petition_kind: Option<PetitionKind>,
    pub petition_contents: Vec<PetitionKind>,
}

/// How often a case was received before the period (visits and petitions), and at
/// reception within it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CaseHistory {
    pub visits_before: u32,
    pub visits_within: u32,
}

/// The 02/XLD groups of a petition's field (a petition with no field is "Khác").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldGroups {
    pub complaint: ComplaintGroup,
    pub denunciation: DenunciationGroup,
    pub proposal: ProposalGroup,
}

impl Default for FieldGroups {
    fn default() -> Self {
        FieldGroups {
            complaint: ComplaintGroup::Other,
            denunciation: DenunciationGroup::Other,
            proposal: ProposalGroup::Other,
        }
    }
}

/// A petition as the reports need it: today's record with every move, so that its state
/// and classification on any date of the period can be read back (`law::lifecycle::record_on`).
#[derive(Debug, Clone)]
pub struct PetitionFact {
    pub record: PetitionRecord,
    /// "12/2026" (with the unit for one numbered by another register).
    pub number: String,
    pub events: Vec<PetitionEvent>,
    /// For a petition handed in at a visit: who received the visit. HĐND reception and
    /// its petitions are reported apart from the UBND's.
    pub host_group: Option<HostGroup>,
    pub groups: FieldGroups,
}

#[derive(Debug, Clone)]
pub struct PeriodFacts {
    pub period: Period,
    pub sessions: Vec<SessionFact>,
    pub visits: Vec<VisitFact>,
    pub cases: HashMap<String, CaseHistory>,
    /// Every petition the period's figures may need: received by its end, and received
    /// within it, or still open today, or moved on or after its start.
    pub petitions: Vec<PetitionFact>,
}

fn contents_of(text: Option<String>) -> Vec<PetitionKind> {
    text.unwrap_or_default()
        .split(',')
        .filter_map(PetitionKind::from_code)
        .collect()
}

impl Store {
    pub fn period_facts(&self, period: Period) -> Result<PeriodFacts> {
        let conn = self.conn();
        let (from, to) = (period.from.to_string(), period.to.to_string());
        let date = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d");
        let conv = |e: chrono::ParseError| rusqlite::Error::ToSqlConversionFailure(Box::new(e));

        let mut stmt = conn.prepare_cached(
            "SELECT id, date, kind, host_group FROM sessions WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
        )?;
        let sessions = stmt
            .query_map(params![from, to], |r| {
                Ok(SessionFact {
                    id: r.get(0)?,
                    date: date(r.get(1)?).map_err(conv)?,
                    kind: r.get(2)?,
                    host_group: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let mut stmt = conn.prepare_cached(
            "SELECT v.session_id, s.date, s.host_group, v.chairman_joined, v.headcount,
                    v.case_id, p.kind, p.contents
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
                    case_id: r.get(5)?,
                    petition_kind: r.get(6)?,
                    petition_contents: contents_of(r.get(7)?),
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

        const RELEVANT: &str = "p.received_on <= ?2 AND (p.received_on >= ?1
                 OR p.state IN ('received','classified','accepted','suspended')
                 OR EXISTS (SELECT 1 FROM petition_events e0
                             WHERE e0.petition_id = p.id AND e0.on_date >= ?1))";
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {PETITION_COLUMNS}, s.host_group,
                    f.complaint_group, f.denunciation_group, f.proposal_group,
                    (SELECT u.name FROM units u WHERE u.id = p.unit_id
                        AND u.id <> (SELECT value FROM settings WHERE key = 'unit_id'))
               FROM petitions p
               LEFT JOIN visits v ON v.id = p.visit_id
               LEFT JOIN sessions s ON s.id = v.session_id
               LEFT JOIN fields f ON f.code = p.field_code
              WHERE {RELEVANT}
              ORDER BY p.received_on, p.year, p.number"
        ))?;
        let mut petitions = stmt
            .query_map(params![from, to], |r| {
                let record = petition_from_row(r)?;
                let base = format!("{}/{}", record.number, record.year);
                let unit: Option<String> = r.get(31)?;
                let defaults = FieldGroups::default();
                Ok(PetitionFact {
                    number: match unit.filter(|u| !u.trim().is_empty()) {
                        Some(u) => format!("{base} ({})", u.trim()),
                        None => base,
                    },
                    host_group: r.get(27)?,
                    groups: FieldGroups {
                        complaint: r.get::<_, Option<_>>(28)?.unwrap_or(defaults.complaint),
                        denunciation: r.get::<_, Option<_>>(29)?.unwrap_or(defaults.denunciation),
                        proposal: r.get::<_, Option<_>>(30)?.unwrap_or(defaults.proposal),
                    },
                    record,
                    events: vec![],
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM petition_events
              WHERE petition_id IN (SELECT p.id FROM petitions p WHERE {RELEVANT})
              ORDER BY petition_id, on_date, seq"
        ))?;
        let mut events: HashMap<String, Vec<PetitionEvent>> = HashMap::new();
        for e in stmt.query_map(params![from, to], event_from_row)? {
            let e = e?;
            events.entry(e.petition_id.clone()).or_default().push(e);
        }
        for p in &mut petitions {
            p.events = events.remove(&p.record.id).unwrap_or_default();
        }

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
