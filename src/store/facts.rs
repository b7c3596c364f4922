//! The facts a period report is computed from, read in a few queries. The counting
//! itself is pure Rust in `report` and `forms`, so each rule is tested on records built
//! by hand.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::due::OPEN;
use super::records::{petition_from_row, EVENT_COLUMNS, PETITION_COLUMNS};
use super::Store;
use crate::domain::{ComplaintGroup, DenunciationGroup, HostGroup, ProposalGroup, SessionKind};
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
    /// The visit's id: the petition handed in at it names it (`visit_id`), and is counted
    /// by the kind it had at the period's cut-off, from the period's petitions.
    pub id: String,
}

/// Whether a case was received before the period (at a visit, or by a petition not handed
/// in at one), and how often within it, counting petitions and visits alike (a petition
/// handed in at a visit is that visit's reception): a case is *nhiều lần* if either says
/// so (design.md, "Counting rules").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseHistory {
    pub received_before: bool,
    pub received_within: u32,
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
    /// The groups of today's field.
    pub groups: FieldGroups,
    /// The groups of the other fields the moves read with their values say it had before
    /// (a later classification changed its field): a figure at a cut-off counts a petition
    /// under the field it had on that day (design.md, "Counting rules").
    pub earlier_groups: Vec<(Option<String>, FieldGroups)>,
}

impl PetitionFact {
    /// The 02/XLD groups of the petition's field `field` (today's, or one it had before):
    /// "Khác" for a field it never had in the moves read.
    pub fn groups_of(&self, field: Option<&str>) -> FieldGroups {
        if field == self.record.field_code.as_deref() {
            return self.groups;
        }
        self.earlier_groups
            .iter()
            .find(|(code, _)| code.as_deref() == field)
            .map(|(_, groups)| *groups)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone)]
pub struct PeriodFacts {
    pub period: Period,
    pub sessions: Vec<SessionFact>,
    pub visits: Vec<VisitFact>,
    pub cases: HashMap<String, CaseHistory>,
    /// Every petition the period's figures may need: received by its end, and received
    /// within it, or still open today, or moved on or after its start; except those
    /// `carried_units` counts.
    pub petitions: Vec<PetitionFact>,
    /// What the petitions waiting for their review since before the period, and not moved
    /// since, add to 02/XLD column 1 (they add nothing else: as they stood the day before
    /// the period, so they stand at its end), counted from each one's kept carry
    /// (schema 8, `store::due`) instead of being read into `petitions` with their moves.
    /// 0 when they are in `petitions` (the kept carries were computed with other rules).
    pub carried_units: u32,
}

/// What "so với kỳ trước" compares, read for the period before a report's: the UBND's
/// reception counted in SQL (no visit read into memory: a year's 17,000 visits at 200,000
/// persons were read for three sums), and the petitions received within it
/// ([`Store::comparison_facts`]).
#[derive(Debug, Clone)]
pub struct ComparisonFacts {
    pub period: Period,
    /// The UBND's visits (HĐND reception left out), the people they brought, and their
    /// cases, each once (01/TCD columns 1, 2 and 3: a case is counted in one block only).
    pub visits: u32,
    pub people: u32,
    pub cases: u32,
    /// The petitions received within the period, except those `received_counted` counts.
    pub petitions: Vec<PetitionFact>,
    /// The UBND's petitions received within the period that never named a duplicate,
    /// counted from the days' kept counters (schema 10); 0 when they are in `petitions`.
    pub received_counted: u32,
}

/// A period's sessions, their visits and, beside each visit, whether its case's kept first
/// reception day is before the period.
type Reception = (Vec<SessionFact>, Vec<VisitFact>, Vec<bool>);

/// Which moves' `details` (the petition's record before and after the move, JSON) a
/// reading parses: a third of a report's reading when every one was. What the reports read
/// of them: a petition as it stood on a day (`law::lifecycle::record_on`, from the details
/// of the moves after that day), and a resolution's outcome. A test compares the reports
/// with those read with every move's details; a rule one day short fails it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Details {
    /// Every move's (the deadlines: an extension's days, from any move).
    All,
    /// The moves on or after a day: a chart's weeks, each read as it stood at its end.
    From(NaiveDate),
    /// What a period's report reads: the moves after its last day (as they stood then);
    /// within it, the moves of a petition received before it (as it stood the day before
    /// it, 02/XLD) and the resolutions (their outcome, 03/GQKN, 04/GQTC). "Received
    /// before" is read from today's record: no move changes the day a petition was
    /// received (a correction changes it for the whole history).
    Period(Period),
}

impl Details {
    /// Whether a move `e` of a petition received on `received_on` keeps its details; the
    /// days as ISO text, made once.
    fn wanted(self, days: &(String, String), received_on: &str, e: &PetitionEvent) -> bool {
        let (from, to) = (days.0.as_str(), days.1.as_str());
        match self {
            Details::All => true,
            Details::From(_) => e.on_date.as_str() >= from,
            Details::Period(_) => {
                e.on_date.as_str() > to
                    || (e.on_date.as_str() >= from
                        && (received_on < from || e.action == crate::domain::MoveAction::Resolve))
            }
        }
    }

    /// The first and last day [`Self::wanted`] compares with.
    fn days(self) -> (String, String) {
        match self {
            Details::All => (String::new(), String::new()),
            Details::From(day) => (day.to_string(), String::new()),
            Details::Period(p) => (p.from.to_string(), p.to.to_string()),
        }
    }
}

/// What the dashboard's chart reads for its weeks: visits, and the petitions received.
#[derive(Debug, Clone)]
pub struct ChartFacts {
    pub visits: Vec<VisitFact>,
    pub petitions: Vec<PetitionFact>,
}

/// What the dashboard's chart reads for its weeks from the days' kept counters: each
/// day's counters, and the petitions the counters leave out (they named a duplicate),
/// each with its moves.
#[derive(Debug, Clone)]
pub struct ChartCounts {
    pub days: Vec<super::DayCounts>,
    pub petitions: Vec<PetitionFact>,
}

/// The ids of every petition a period's figures may need (`?1` its first day, `?2` its
/// last): those received within it, and of those received before it, the ones carried
/// over (02/XLD: review not complete the day before the period) and the ones resolved
/// within it (03/GQKN, 04/GQTC). A petition received before the period is one of those
/// only if it was moved on or after the period's first day, or it still stands today
/// where it stood then, received or classified (an accepted petition's review is
/// complete; the state column is always the last move's, which every write path keeps
/// so). Three index searches (`petitions_received`, `petitions_state`,
/// `petition_events_on_date`, named and the outer loop: the planner, with no statistics,
/// may otherwise walk every move in petition order), not a walk
/// over every petition received before the period; a test compares the reports with
/// those of the whole history.
const RELEVANT: &str = "SELECT id FROM petitions WHERE received_on BETWEEN ?1 AND ?2
    UNION
    SELECT id FROM petitions
     WHERE state IN ('received','classified') AND received_on < ?1
    UNION
    SELECT e.petition_id FROM petition_events e INDEXED BY petition_events_on_date
      CROSS JOIN petitions p ON p.id = e.petition_id
     WHERE e.on_date >= ?1 AND p.received_on < ?1";

/// [`RELEVANT`] when the kept carries are those of today's rules: of the petitions
/// received before the period and still waiting for their review (received, classified),
/// only those not counted by [`CARRIED`]: a stale one (its carry not computed since its
/// last change: none should be left after a write), and one whose carry is an issue for
/// the report to name (several contents, none recorded). One waiting and not moved since
/// the period began is either carried over (counted by [`CARRIED`]) or adds nothing to any
/// figure (its review complete, HĐND's, a duplicate); one moved since comes through the
/// moves, as in [`RELEVANT`]. Each branch through its index, forced.
fn relevant_kept() -> String {
    format!(
        "SELECT id FROM petitions WHERE received_on BETWEEN ?1 AND ?2
    UNION
    SELECT id FROM petitions INDEXED BY petitions_due_stale
     WHERE due_stale = 1 AND {OPEN} AND (state = 'received' OR state = 'classified')
       AND received_on < ?1
    UNION
    SELECT id FROM petitions INDEXED BY petitions_carry_uncounted
     WHERE carry_units = 0 AND carry_since < ?1
    UNION
    SELECT e.petition_id FROM petition_events e INDEXED BY petition_events_on_date
      CROSS JOIN petitions p ON p.id = e.petition_id
     WHERE e.on_date >= ?1 AND p.received_on < ?1"
    )
}

/// 02/XLD column 1's units of the petitions carried over into a period beginning on `?1`
/// and not moved since it began, from their kept carries (the index alone is read).
const CARRIED: &str =
    "SELECT coalesce(sum(carry_units), 0) FROM petitions INDEXED BY petitions_carry
     WHERE carry_units IS NOT NULL AND carry_since < ?1";

/// The petitions received within the period.
const RECEIVED: &str = "SELECT id FROM petitions WHERE received_on BETWEEN ?1 AND ?2";

/// The sessions of a period (`?1` its first day, `?2` its last).
const SESSIONS: &str =
    "SELECT id, date, kind, host_group FROM sessions WHERE date BETWEEN ?1 AND ?2 ORDER BY date";

/// The visits of a period's sessions, with whether their case's kept first reception day
/// (schema 11) is before the period (compared here:
/// no day's text copied out per visit; false when none is kept), read from its covering
/// index (named: with no statistics SQLite takes the key's index, then the case's row). A
/// left join: a visit whose case row is missing (a register edited outside the app, which
/// the full check names) is still counted, as the days' counters count it. The join gives
/// a session's visits one after another: their date is parsed once.
const VISITS: &str = "SELECT v.session_id, s.date, s.host_group, v.chairman_joined, v.headcount,
        v.case_id, v.id, coalesce(k.first_seen < ?1, 0)
   FROM sessions s JOIN visits v ON v.session_id = s.id
   LEFT JOIN cases k INDEXED BY cases_first_seen ON k.id = v.case_id
  WHERE s.date BETWEEN ?1 AND ?2";

/// The UBND's reception of a period (`?1` its first day, `?2` its last): its visits, the
/// people they brought and its distinct cases, summed where the rows are (the sessions'
/// date index, then each session's visits).
const UBND_RECEPTION: &str =
    "SELECT count(*), coalesce(sum(v.headcount), 0), count(DISTINCT v.case_id)
   FROM sessions s JOIN visits v ON v.session_id = s.id
  WHERE s.date BETWEEN ?1 AND ?2 AND s.host_group <> 'council'";

/// Of the cases `?1` (a JSON array of ids), those received before day `?2`, from the rows
/// (when a kept first reception day waits to be computed again: a write outside the app):
/// at a visit, or by a petition not handed in at a visit; each case through its indexes, in one
/// statement (a query per case cost three times as much: 17,000 cases of a year at 200,000
/// persons). (`+p.visit_id`: without the `+`, SQLite walks the `visit_id` index over every
/// petition not handed in at a visit, for each case.)
const CASES_BEFORE: &str = "SELECT c.value FROM json_each(?1) c
  WHERE EXISTS (SELECT 1 FROM visits v JOIN sessions s ON s.id = v.session_id
                 WHERE v.case_id = c.value AND s.date < ?2)
     OR EXISTS (SELECT 1 FROM petitions p
                 WHERE p.case_id = c.value AND +p.visit_id IS NULL AND p.received_on < ?2)";

/// The cases of the petitions received within a period (`?1` its first day, `?2` its
/// last) not handed in at a visit, one row per petition, through the receipt index.
const PETITIONS_WITHIN: &str = "SELECT case_id FROM petitions INDEXED BY petitions_received
  WHERE received_on BETWEEN ?1 AND ?2 AND visit_id IS NULL";

/// The ids of a JSON array `?1`.
const LISTED: &str = "SELECT value FROM json_each(?1)";

/// The petitions whose ids `ids` selects, with their host group. Their field's groups and
/// their unit's name are looked up in the small tables read once ([`FieldGroupsOf`],
/// `NumberLabels`), not joined for each petition (0.6 ms of this query's 3.9-4.3 ms for
/// a week's 366 petitions at 200,000 persons).
fn petitions_sql(ids: &str) -> String {
    format!(
        "WITH rel(id) AS ({ids})
         SELECT {PETITION_COLUMNS}, s.host_group
           FROM rel JOIN petitions p ON p.id = rel.id
           LEFT JOIN visits v ON v.id = p.visit_id
           LEFT JOIN sessions s ON s.id = v.session_id"
    )
}

/// The order the reports list petitions in (their receipt, then their number): sorted
/// here rather than by SQLite, whose sorter copies every column of every row.
fn in_report_order(petitions: &mut [PetitionFact]) {
    petitions.sort_unstable_by(|a, b| {
        let (a, b) = (&a.record, &b.record);
        (&a.received_on, a.year, a.number, &a.unit_id, &a.id).cmp(&(
            &b.received_on,
            b.year,
            b.number,
            &b.unit_id,
            &b.id,
        ))
    });
}

/// The 02/XLD groups of every field of the catalogue, read once for many petitions; a
/// field whose groups cannot be read (a register edited outside the app) is an error for
/// a petition of that field only, as when each petition's were read beside it.
struct FieldGroupsOf(HashMap<String, Option<FieldGroups>>);

impl FieldGroupsOf {
    fn read(conn: &Connection) -> Result<Self> {
        let mut stmt = conn.prepare_cached(
            "SELECT code, complaint_group, denunciation_group, proposal_group FROM fields",
        )?;
        let groups = stmt
            .query_map([], |r| {
                let groups = |r: &rusqlite::Row<'_>| -> rusqlite::Result<FieldGroups> {
                    Ok(FieldGroups {
                        complaint: r.get(1)?,
                        denunciation: r.get(2)?,
                        proposal: r.get(3)?,
                    })
                };
                Ok((r.get(0)?, groups(r).ok()))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(FieldGroupsOf(groups))
    }

    /// The groups of a petition's field: "Khác" for none, or a code not in the catalogue.
    fn of(&self, code: Option<&str>) -> rusqlite::Result<FieldGroups> {
        match code.and_then(|c| self.0.get(c)) {
            None => Ok(FieldGroups::default()),
            Some(Some(groups)) => Ok(*groups),
            Some(None) => Err(rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("nhóm lĩnh vực không đọc được: {}", code.unwrap_or_default()).into(),
            )),
        }
    }
}

/// The moves of the petitions whose ids `ids` selects, in order.
fn events_sql(ids: &str) -> String {
    format!(
        "WITH rel(id) AS ({ids})
         SELECT {EVENT_COLUMNS} FROM petition_events
          WHERE petition_id IN (SELECT id FROM rel)
          ORDER BY petition_id, on_date, seq"
    )
}

fn date_of(text: String) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// The facts of a period's report. Each query is bounded by the period (or by what is
    /// still open), through an index, so a week costs what the week holds, not what the
    /// whole register holds (issue 9; EXPLAIN QUERY PLAN in docs/hieu-nang.md). The
    /// period's reception, each case's earlier receptions, and the petitions its figures
    /// may need, in one read transaction.
    pub fn period_facts(&self, period: Period) -> Result<PeriodFacts> {
        let snapshot = self.read_snapshot()?;
        let (sessions, visits, firsts) = self.reception_in(period)?;
        let cases = self.case_histories(period, &visits, &firsts)?;
        let (petitions, carried_units) = if super::due::kept_fresh(self.conn())? {
            let from = period.from.to_string();
            let carried = self
                .conn()
                .prepare_cached(CARRIED)?
                .query_row([&from], |r| r.get(0))?;
            (self.petition_facts(&relevant_kept(), period)?, carried)
        } else {
            (self.petition_facts(RELEVANT, period)?, 0)
        };
        drop(snapshot);
        Ok(PeriodFacts {
            period,
            sessions,
            visits,
            cases,
            petitions,
            carried_units,
        })
    }

    /// What "so với kỳ trước" compares (visits, people, cases, petitions received): the
    /// UBND's reception summed in SQL, and the petitions received within the period,
    /// those from the days' kept counters when they are fresh (only the ones that named a
    /// duplicate read, with their moves; the rest in `received_counted`). The previous
    /// period's carried-over and resolved petitions (a year's: tens of thousands at city
    /// scale, with every move) are not read for four figures that do not use them;
    /// `report::totals` computes the comparison from these facts, and a test holds it
    /// equal to the full report's figures.
    pub fn comparison_facts(&self, period: Period) -> Result<ComparisonFacts> {
        let snapshot = self.read_snapshot()?;
        let (from, to) = (period.from.to_string(), period.to.to_string());
        let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        let (visits, people, cases) =
            self.conn()
                .prepare_cached(UBND_RECEPTION)?
                .query_row(params![from, to], |r| {
                    Ok((
                        count(r.get(0)?),
                        // Saturating: a register whose records passed no check (an old file)
                        // cannot make a report wrap round.
                        count(r.get(1)?),
                        count(r.get(2)?),
                    ))
                })?;
        let (petitions, received_counted) = match self.counted_received(period)? {
            Some((days, read)) => (read, count(days.iter().map(|d| d.petitions).sum())),
            None => (self.petition_facts(RECEIVED, period)?, 0),
        };
        drop(snapshot);
        Ok(ComparisonFacts {
            period,
            visits,
            people,
            cases,
            petitions,
            received_counted,
        })
    }

    /// What the dashboard's chart counts over `period` (several weeks read at once): the
    /// visits, and the petitions received within it, each with its moves.
    pub fn chart_facts(&self, period: Period) -> Result<ChartFacts> {
        let snapshot = self.read_snapshot()?;
        let (_, visits, _) = self.reception_in(period)?;
        let petitions = self.petition_facts_with(RECEIVED, period, Details::From(period.from))?;
        drop(snapshot);
        Ok(ChartFacts { visits, petitions })
    }

    /// What the dashboard's chart counts over `period`, from the days' kept counters
    /// (schema 10) and, in full, the petitions received on a day whose counters say some
    /// named a duplicate; `None` when the counters were kept by other rules (the chart then
    /// reads [`Self::chart_facts`]).
    pub fn chart_counts(&self, period: Period) -> Result<Option<ChartCounts>> {
        let snapshot = self.read_snapshot()?;
        let counted = self.counted_received(period)?;
        drop(snapshot);
        Ok(counted.map(|(days, petitions)| ChartCounts { days, petitions }))
    }

    /// The days' kept counters within `period` and, in full, the petitions received on a
    /// day whose counters say some named a duplicate (the counters leave them out); `None`
    /// when the counters were kept by other rules or some day waits to be counted again
    /// (a write outside the app: the write path counts them before it commits). Within the
    /// caller's read snapshot.
    fn counted_received(
        &self,
        period: Period,
    ) -> Result<Option<(Vec<super::DayCounts>, Vec<PetitionFact>)>> {
        if !super::due::kept_fresh(self.conn())? || !super::days::none_stale(self.conn())? {
            return Ok(None);
        }
        let days = super::days::kept_counts(self.conn(), period)?;
        let read: Vec<&str> = days
            .iter()
            .filter(|d| d.petitions_read > 0)
            .map(|d| d.day.as_str())
            .collect();
        let petitions = if read.is_empty() {
            Vec::new()
        } else {
            let days = serde_json::to_string(&read)?;
            petition_facts(
                self.conn(),
                &super::days::named_a_duplicate_sql(),
                [days.as_str()],
                // Read for the chart's weeks and for a whole period ("so với kỳ trước").
                Details::From(period.from),
            )?
        };
        Ok(Some((days, petitions)))
    }

    /// One read transaction for the several queries of a report, so that a write by
    /// another process in between (the CLI, a second window) cannot give a petition from
    /// before it and its moves from after; none when the caller already holds one. Ended
    /// (nothing to keep) when dropped.
    pub(crate) fn read_snapshot(&self) -> Result<Option<rusqlite::Transaction<'_>>> {
        let conn = self.conn();
        Ok(if conn.is_autocommit() {
            Some(conn.unchecked_transaction()?)
        } else {
            None
        })
    }

    /// The sessions held in the period, their visits and, for each visit, its case's kept
    /// first reception day.
    fn reception_in(&self, period: Period) -> Result<Reception> {
        let conn = self.conn();
        let (from, to) = (period.from.to_string(), period.to.to_string());
        let mut stmt = conn.prepare_cached(SESSIONS)?;
        let sessions = stmt
            .query_map(params![from, to], |r| {
                Ok(SessionFact {
                    id: r.get(0)?,
                    date: date_of(r.get(1)?)?,
                    kind: r.get(2)?,
                    host_group: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let mut stmt = conn.prepare_cached(VISITS)?;
        // The session's date, parsed once for all its visits.
        let mut last: Option<(String, NaiveDate)> = None;
        let (visits, firsts) = stmt
            .query_map(params![from, to], |r| {
                let day = r.get_ref(1)?.as_str()?;
                let date = match &last {
                    Some((text, date)) if text == day => *date,
                    _ => {
                        let date = date_of(day.to_string())?;
                        last = Some((day.to_string(), date));
                        date
                    }
                };
                Ok((
                    VisitFact {
                        session_id: r.get(0)?,
                        date,
                        host_group: r.get(2)?,
                        chairman_joined: r.get(3)?,
                        headcount: r.get(4)?,
                        case_id: r.get(5)?,
                        id: r.get(6)?,
                    },
                    r.get::<_, bool>(7)?,
                ))
            })?
            .collect::<rusqlite::Result<(Vec<_>, Vec<_>)>>()?;
        Ok((sessions, visits, firsts))
    }

    /// For each case received at a visit of the period: whether it was received before
    /// the period (at a visit, or by a petition other than one handed in at a visit, which
    /// that visit already counts), and how often it was received within it (its visits,
    /// and its petitions not handed in at one). Received before: from each
    /// case's kept first reception day (`firsts`, beside `visits`), or, when one waits to
    /// be computed again, read through the case's indexes.
    fn case_histories(
        &self,
        period: Period,
        visits: &[VisitFact],
        firsts: &[bool],
    ) -> Result<HashMap<String, CaseHistory>> {
        let mut cases: HashMap<String, CaseHistory> = HashMap::new();
        let from = period.from.to_string();
        let kept = super::days::cases_fresh(self.conn())?;
        for (v, first) in visits.iter().zip(firsts) {
            let case = cases.entry(v.case_id.clone()).or_default();
            case.received_within += 1;
            if kept {
                // The case's visit of the period is itself a reception: its first day is
                // never after it (NULL only for a case row gone: not received before).
                case.received_before = *first;
            }
        }
        if cases.is_empty() {
            return Ok(cases);
        }
        // The period's petitions not handed in at a visit: receptions of their cases too.
        let mut within = self.conn().prepare_cached(PETITIONS_WITHIN)?;
        let mut rows = within.query(params![from, period.to.to_string()])?;
        while let Some(r) = rows.next()? {
            let case: String = r.get(0)?;
            if let Some(history) = cases.get_mut(&case) {
                history.received_within += 1;
            }
        }
        if kept {
            return Ok(cases);
        }
        // In order: each case's index entries next to the last one's.
        let mut ids: Vec<&String> = cases.keys().collect();
        ids.sort_unstable();
        let ids = serde_json::to_string(&ids)?;
        let mut before = self.conn().prepare_cached(CASES_BEFORE)?;
        let mut rows = before.query(params![ids, period.from.to_string()])?;
        while let Some(r) = rows.next()? {
            let case: String = r.get(0)?;
            if let Some(history) = cases.get_mut(&case) {
                history.received_before = true;
            }
        }
        Ok(cases)
    }

    /// The petitions whose ids `ids` selects (a query of `?1` = the period's first day,
    /// `?2` = its last), as the reports need them: with their moves (the `details` of
    /// those a period's report reads), their host group, their field's groups and, for one
    /// numbered by another register, its unit.
    pub(crate) fn petition_facts(&self, ids: &str, period: Period) -> Result<Vec<PetitionFact>> {
        self.petition_facts_with(ids, period, Details::Period(period))
    }

    /// [`Self::petition_facts`], with the moves' `details` `details` says.
    fn petition_facts_with(
        &self,
        ids: &str,
        period: Period,
        details: Details,
    ) -> Result<Vec<PetitionFact>> {
        let (from, to) = (period.from.to_string(), period.to.to_string());
        petition_facts(self.conn(), ids, params![from, to], details)
    }

    /// Petitions still open (for the dashboard).
    pub fn open_petition_count(&self) -> Result<u32> {
        // Counted from the open petitions' index (schema 9).
        Ok(self.conn().query_row(
            &format!("SELECT count(*) FROM petitions INDEXED BY petitions_open WHERE {OPEN}"),
            [],
            |r| r.get(0),
        )?)
    }
}

/// The petitions whose ids `ids` selects (with `args` its parameters), as the reports need
/// them: with their moves, their host group, their field's groups and, for one numbered by
/// another register, its unit.
///
/// The moves come with the `details` `details` says ([`Details`]).
pub(crate) fn petition_facts(
    conn: &Connection,
    ids: &str,
    args: impl rusqlite::Params + Copy,
    details: Details,
) -> Result<Vec<PetitionFact>> {
    // The ids first, once: the petitions and their moves are then read by them (each
    // read ran the selection again: 33 ms of a year's report at 200,000 persons).
    let ids: Vec<String> = conn
        .prepare_cached(ids)?
        .query_map(args, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let listed = [serde_json::to_string(&ids)?];
    let fields = FieldGroupsOf::read(conn)?;
    let labels = super::petitions::NumberLabels::read(conn)?;
    let mut stmt = conn.prepare_cached(&petitions_sql(LISTED))?;
    let mut petitions = stmt
        .query_map(listed.clone(), |r| {
            let record = petition_from_row(r)?;
            Ok(PetitionFact {
                number: labels.label(&record),
                host_group: r.get(27)?,
                groups: fields.of(record.field_code.as_deref())?,
                earlier_groups: Vec::new(),
                record,
                events: vec![],
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    in_report_order(&mut petitions);

    // Each move with its petition's place, its details parsed from the row's text only if
    // wanted (the others' text is never copied out: most of what a year's moves hold).
    let days = details.days();
    let mut moves: Vec<(usize, PetitionEvent)> = Vec::new();
    {
        let by_id: HashMap<&str, (usize, &str)> = petitions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.record.id.as_str(), (i, p.record.received_on.as_str())))
            .collect();
        let mut stmt = conn.prepare_cached(&events_sql(LISTED))?;
        let mut rows = stmt.query(listed)?;
        // The moves come by petition: each petition looked up once, not once per move.
        let mut place: Option<(usize, &str)> = None;
        while let Some(r) = rows.next()? {
            let mut e = super::records::event_head_from_row(r)?;
            let same = place.is_some_and(|(i, _)| petitions[i].record.id == e.petition_id);
            if !same {
                place = by_id.get(e.petition_id.as_str()).copied();
            }
            let Some((i, received_on)) = place else {
                continue;
            };
            if details.wanted(&days, received_on, &e) {
                e.details = super::records::details_of_row(r)?;
            }
            moves.push((i, e));
        }
    }
    // In the moves' order (each petition's by day and sequence).
    for (i, e) in moves {
        petitions[i].events.push(e);
    }
    // The fields a petition had before a move changed it, with their groups.
    for p in &mut petitions {
        let earlier = p.events.iter().filter_map(|e| {
            let before = e.details.as_ref()?.get("before")?.as_object()?;
            Some(before.get("field_code")?.as_str())
        });
        let mut found: Vec<(Option<String>, FieldGroups)> = Vec::new();
        for code in earlier {
            let known = code == p.record.field_code.as_deref()
                || found.iter().any(|(c, _)| c.as_deref() == code);
            if !known {
                found.push((code.map(str::to_string), fields.of(code)?));
            }
        }
        p.earlier_groups = found;
    }
    Ok(petitions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::domain::PetitionKind;

    /// A petition read for a report carries its field's 02/XLD groups and, when another
    /// ward numbered it, that ward's name in its number (what a report's issue names it
    /// by), both looked up in the catalogues read once; a field whose groups cannot be
    /// read fails only the petitions of that field. The petitions come by receipt day,
    /// then number.
    #[test]
    fn a_petition_read_for_a_report_has_its_fields_groups_and_its_wards_number() {
        let mut store = Store::open_in_memory(Box::new(FixedClock(
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        )))
        .unwrap();
        let input = |field: &str, name: &str| {
            crate::domain::NewPetition::by_post(
                "2026-11-20",
                PetitionKind::Complaint,
                Some(field),
                "Khiếu nại việc thu hồi đất",
                name,
            )
        };
        let land = store
            .create_petition(&input("dat_dai", "Trần Văn Bình"))
            .unwrap()
            .id;
        let other = store
            .create_petition(&input("tham_nhung", "Lê Thị Hoa"))
            .unwrap()
            .id;
        store
            .conn()
            .execute_batch(&format!(
                "INSERT INTO units (id, name) VALUES ('u-khac', ' phường Khác ');
                 UPDATE petitions SET unit_id = 'u-khac' WHERE id = '{other}';
                 UPDATE petitions SET number = 5 WHERE id = '{land}';"
            ))
            .unwrap();
        let week = Period::new(
            NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        )
        .unwrap();
        // Received earlier, numbered later: listed first; on one day, by number (not in
        // the order they were written).
        let mut earlier = input("dat_dai", "Phạm Văn Cường");
        earlier.received_on = "2026-11-18".into();
        let earlier = store.create_petition(&earlier).unwrap().id;
        let read = || store.petition_facts(RECEIVED, week);
        let facts = read().unwrap();
        let order: Vec<&str> = facts.iter().map(|f| f.record.id.as_str()).collect();
        assert_eq!(order, [&earlier, &other, &land]);
        let of = |id: &str| facts.iter().find(|f| f.record.id == id).unwrap();
        assert_eq!(of(&land).number, "5/2026");
        assert_eq!(
            (of(&land).groups.complaint, of(&land).groups.proposal),
            (ComplaintGroup::Land, ProposalGroup::Land)
        );
        assert_eq!(of(&other).number, "2/2026 (phường Khác)");
        assert_eq!(
            of(&other).groups.denunciation,
            DenunciationGroup::Corruption
        );

        // A field no petition of the period has, with groups that cannot be read: the
        // report still reads; the same field on one of its petitions: an error.
        store
            .conn()
            .execute_batch(
                "PRAGMA ignore_check_constraints = 1;
                 UPDATE fields SET complaint_group = 'sai' WHERE code = 'tthc';
                 PRAGMA ignore_check_constraints = 0;",
            )
            .unwrap();
        assert_eq!(read().unwrap().len(), 3);
        store
            .conn()
            .execute(
                "UPDATE petitions SET field_code = 'tthc' WHERE id = ?1",
                [&land],
            )
            .unwrap();
        assert!(read().is_err());
    }

    /// Each query of a report reads through an index: no table is walked whole, so a
    /// period costs what it holds (the figures are measured by `tiepdan bench`).
    #[test]
    fn report_queries_search_their_indexes() {
        let store = Store::open_in_memory(Box::new(FixedClock(
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        )))
        .unwrap();
        let plan = |sql: &str, args: &[&str]| -> String {
            let mut stmt = store
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let rows = stmt
                .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
                .unwrap();
            rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
        };
        let period = ["2026-11-23", "2026-11-29"];
        for (name, sql, args) in [
            ("sessions", SESSIONS.to_string(), &period[..]),
            ("visits", VISITS.to_string(), &period[..]),
            (
                "cases",
                CASES_BEFORE.to_string(),
                &["[\"x\"]", "2026-11-23"][..],
            ),
            ("relevant", RELEVANT.to_string(), &period[..]),
            ("kept relevant", relevant_kept(), &period[..]),
            ("carried", CARRIED.to_string(), &period[..1]),
            ("received", RECEIVED.to_string(), &period[..]),
            (
                "petitions within",
                PETITIONS_WITHIN.to_string(),
                &period[..],
            ),
            ("petitions", petitions_sql(LISTED), &["[\"x\"]"][..]),
            ("events", events_sql(LISTED), &["[\"x\"]"][..]),
        ] {
            let plan = plan(&sql, args);
            for line in plan.lines() {
                // The stale petitions' partial index holds only those (none after a
                // write commits): walking it is reading them.
                // The cases and petitions asked about are a JSON array's elements.
                let walks = line.starts_with("SCAN ")
                    && !line.starts_with("SCAN c VIRTUAL TABLE")
                    && !line.starts_with("SCAN json_each VIRTUAL TABLE")
                    && !matches!(
                        line,
                        "SCAN rel"
                            | "SCAN CONSTANT ROW"
                            | "SCAN petitions USING INDEX petitions_due_stale"
                    );
                assert!(!walks, "{name}: {line}\n{plan}");
            }
            if name == "cases" {
                // Read from the indexes alone (schema 6), not the rows.
                for index in [
                    "COVERING INDEX visits_case (case_id=?)",
                    "COVERING INDEX sessions_id_date (id=? AND date<?)",
                    "COVERING INDEX petitions_case (case_id=? AND received_on<?)",
                ] {
                    assert!(plan.contains(index), "{index}: {plan}");
                }
            }
            if name == "visits" {
                assert!(
                    plan.contains("COVERING INDEX cases_first_seen (id=?)"),
                    "{plan}"
                );
            }
            if name == "carried" {
                assert!(
                    plan.contains("COVERING INDEX petitions_carry (carry_since<?)"),
                    "{plan}"
                );
            }
            if name == "kept relevant" {
                for index in [
                    "petitions_received (received_on>? AND received_on<?)",
                    "petitions_due_stale",
                    "petitions_carry_uncounted (carry_since<?)",
                    "COVERING INDEX petition_events_on_date (on_date>?)",
                ] {
                    assert!(plan.contains(index), "{index}: {plan}");
                }
            }
            if name == "relevant" {
                for index in [
                    "petitions_received (received_on>? AND received_on<?)",
                    "petitions_state (state=?)",
                    "COVERING INDEX petition_events_on_date (on_date>?)",
                ] {
                    assert!(plan.contains(index), "{index}: {plan}");
                }
            }
        }
    }
}
