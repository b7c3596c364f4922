//! Each open petition's next due day, kept on its row (schema 7, `migrations/0007_due.sql`;
//! marked stale by the functions that change a petition or its moves, `records::due_stale`)
//! so that the dashboard's "Cần xử lý" queue ranks and counts the open petitions from two
//! columns instead of computing every deadline from every move.
//!
//! Why two columns are enough: with no move and no receipt dated after "today", how
//! pressing a petition is ([`crate::law::deadlines::urgency`]) depends on today only
//! through its earliest unmet due day (overdue when that day is before today; due soon
//! when it is at most N working days away, `working_days_after` being non-decreasing in
//! the due day) and on whether an unmet deadline, not suspended, cannot be computed. Both
//! are counted over every move recorded, so they do not depend on today at all. A
//! register that holds a move or an open petition's receipt dated after today (a PC clock
//! set back) is ranked the full way ([`due_fast`] says so).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::records::{events_of, petition_from_row, PETITION_COLUMNS};
use crate::domain::{DeadlineSettings, PetitionState};
use crate::error::Result;
use crate::law::calendar::Calendar;
use crate::records::{PetitionEvent, PetitionRecord};

/// An open petition, as SQL (the expression of the index `petitions_due_stale`).
pub(crate) const OPEN: &str =
    "(state = 'received' OR state = 'classified' OR state = 'accepted' OR state = 'suspended')";

/// A day after any move a register holds: the deadlines counted with every move.
fn every_move() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date")
}

/// The code the kept days are computed by: the deadline rules, the regimes, the calendar's
/// counting, and this file. A build whose rules differ has another fingerprint (the app's
/// version number alone does not change with every build).
const RULES: [&str; 13] = [
    include_str!("../law/deadlines.rs"),
    include_str!("../law/regime.rs"),
    include_str!("../law/calendar.rs"),
    include_str!("due.rs"),
    // The carry (schema 8): 02/XLD's counting of a petition, the state it stood in on a
    // day, the kinds a petition is counted by, which petitions are the UBND's, and how a
    // petition's facts are read.
    include_str!("../forms/compute.rs"),
    include_str!("../law/lifecycle.rs"),
    include_str!("../law/counting.rs"),
    include_str!("../report/totals.rs"),
    include_str!("facts.rs"),
    // How a petition and its moves are read, their codes parsed, and the field names a
    // move's before/after restore (any of these read differently is another computation).
    include_str!("records.rs"),
    include_str!("../domain.rs"),
    include_str!("../records.rs"),
    // The days' counters (schema 10): how a day is counted.
    include_str!("days.rs"),
];

/// What the kept days were computed with: the deadline settings, the working-day calendar
/// (the shipped one with the administrator's days) and the rules' code.
pub(crate) fn fingerprint(calendar: &Calendar, settings: &DeadlineSettings) -> String {
    // The rules' own hash once per process (every write asks for the fingerprint).
    static RULES_HASH: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let rules = RULES_HASH.get_or_init(|| {
        let mut h = Sha256::new();
        for rules in RULES {
            h.update(rules.as_bytes());
        }
        h.finalize().to_vec()
    });
    let mut h = Sha256::new();
    h.update(rules);
    h.update(format!("\n{settings:?}\n{calendar:?}").as_bytes());
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// The earliest due day of a deadline not yet met, and whether an unmet deadline (not
/// suspended) cannot be computed, counted over every move in `events`.
pub(crate) fn due_of(
    p: &PetitionRecord,
    events: &[PetitionEvent],
    calendar: &Calendar,
    settings: &DeadlineSettings,
) -> (Option<String>, bool) {
    let all = crate::law::deadlines::deadlines(p, events, every_move(), calendar, settings);
    let unmet = all.iter().filter(|d| d.met_on.is_none());
    let next = unmet.clone().filter_map(|d| d.due.clone()).min();
    let unknown = unmet.clone().any(|d| d.due.is_none() && !d.suspended);
    (next, unknown)
}

/// The ids of the stale open petitions.
fn stale_sql() -> String {
    format!(
        "SELECT id FROM petitions INDEXED BY petitions_due_stale
          WHERE due_stale = 1 AND {OPEN}"
    )
}

/// Whether an open petition was received, or any move recorded, after the day `?1`
/// (through the receipt date's index, forced: without statistics SQLite would walk every
/// open petition).
fn later_sql() -> String {
    format!(
        "SELECT EXISTS (SELECT 1 FROM petitions INDEXED BY petitions_received
                         WHERE received_on > ?1 AND {OPEN})
             OR EXISTS (SELECT 1 FROM petition_events WHERE on_date > ?1)"
    )
}

/// Every open petition with its kept next due day, from the open petitions' covering
/// index alone (schema 9).
fn open_sql() -> String {
    format!(
        "SELECT id, state, received_on, year, number, due_next, due_unknown, due_stale
           FROM petitions INDEXED BY petitions_open WHERE {OPEN}"
    )
}

fn stored_fingerprint(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT fingerprint FROM due_basis WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// Whether the kept days and carries were computed with the rules, settings and calendar
/// of now (a stale petition's are not kept: see `records::MARK_STALE`).
pub(crate) fn kept_fresh(conn: &Connection) -> Result<bool> {
    let calendar = super::calendar(conn)?;
    let settings = super::read_settings(conn)?.deadlines;
    Ok(stored_fingerprint(conn)?.as_deref() == Some(fingerprint(&calendar, &settings).as_str()))
}

/// The day a petition last changed: its receipt, or its latest move.
fn last_change(p: &PetitionRecord, events: &[PetitionEvent]) -> String {
    events
        .iter()
        .map(|e| e.on_date.as_str())
        .chain([p.received_on.as_str()])
        .max()
        .unwrap_or_default()
        .to_string()
}

/// Forget what the kept values were computed with: the write's commit computes every
/// one again, as after an installation of other rules (`Store::rebuild_kept`).
pub(crate) fn forget_kept(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM due_basis", [])?;
    // Only open petitions hold a carry; one found on any other (an edit outside the app,
    // which the full check names) is dropped, as the commit computes the open ones again.
    conn.execute(
        &format!(
            "UPDATE petitions SET carry_units = NULL
              WHERE carry_units IS NOT NULL AND NOT {OPEN}"
        ),
        [],
    )?;
    Ok(())
}

/// Compute again what a write changed of the values kept for the reports: the open
/// petitions' due days and carries, and the days' counters (`days`). The one write path
/// calls this before it commits.
pub(crate) fn refresh_kept(conn: &Connection) -> Result<()> {
    refresh_due(conn)?;
    super::days::refresh_days(conn)?;
    Ok(())
}

/// Compute again the kept days and carry of every open petition a write made stale (all
/// of them if the settings, the calendar or the app changed since): the one write path
/// calls this before it commits. Returns how many were computed.
fn refresh_due(conn: &Connection) -> Result<usize> {
    let calendar = super::calendar(conn)?;
    let settings = super::read_settings(conn)?.deadlines;
    let print = fingerprint(&calendar, &settings);
    if stored_fingerprint(conn)?.as_deref() != Some(print.as_str()) {
        conn.prepare_cached(&format!(
            "UPDATE petitions SET {} WHERE due_stale = 0 AND {OPEN}",
            super::records::MARK_STALE
        ))?
        .execute([])?;
        super::days::mark_all(conn)?;
        conn.prepare_cached(
            "INSERT INTO due_basis (id, fingerprint) VALUES (1, ?1)
             ON CONFLICT(id) DO UPDATE SET fingerprint = excluded.fingerprint",
        )?
        .execute([&print])?;
    }
    // Through the index of the stale open petitions, forced: without statistics SQLite
    // would walk every open petition (`petitions_state`) on every commit. Read as the
    // reports read them, with their moves.
    let stale =
        super::facts::petition_facts(conn, &stale_sql(), params![], super::facts::Details::All)?;
    let mut update = conn.prepare_cached(
        "UPDATE petitions SET due_next = ?1, due_unknown = ?2, carry_since = ?3,
                carry_units = ?4, due_stale = 0
          WHERE id = ?5",
    )?;
    for p in &stale {
        let (next, unknown) = due_of(&p.record, &p.events, &calendar, &settings);
        let (since, units) = carry_of(p);
        update.execute(params![next, unknown, since, units, p.record.id])?;
    }
    Ok(stale.len())
}

/// A petition's kept carry: the day it last changed, and what it adds to 02/XLD column 1
/// of every period beginning after that day, into which it is carried over as it stands
/// (`forms::compute::carry_of`); 0, for the reports to read it in full, when that day is
/// not a date (a register written by hand).
pub(crate) fn carry_of(p: &super::PetitionFact) -> (String, Option<u32>) {
    let since = last_change(&p.record, &p.events);
    let units = match NaiveDate::parse_from_str(&since, "%Y-%m-%d") {
        Ok(day) => crate::forms::compute::carry_of(p, day),
        Err(_) => Some(0),
    };
    (since, units)
}

/// An open petition as the queue ranks it: its kept next due day.
#[derive(Debug, Clone)]
pub(crate) struct DueRow {
    pub id: String,
    pub state: PetitionState,
    pub received_on: String,
    pub year: i32,
    pub number: u32,
    pub due_next: Option<String>,
    pub due_unknown: bool,
}

impl DueRow {
    /// How pressing the petition is as of `today` (the day `due_fast` was asked for),
    /// from its kept next due day.
    pub(crate) fn urgency(
        &self,
        today: NaiveDate,
        calendar: &Calendar,
        settings: &DeadlineSettings,
    ) -> crate::domain::Urgency {
        let next = self
            .due_next
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        crate::law::deadlines::urgency_of_next(next, self.due_unknown, today, calendar, settings)
    }
}

/// Whether the kept days can rank the queue as of `today`: not when they were computed
/// with other settings, another calendar or another version of the app, or when an open
/// petition was received, or a move recorded, after `today`.
fn kept_rank(
    conn: &Connection,
    today: NaiveDate,
    calendar: &Calendar,
    settings: &DeadlineSettings,
) -> Result<bool> {
    if stored_fingerprint(conn)?.as_deref() != Some(fingerprint(calendar, settings).as_str()) {
        return Ok(false);
    }
    let later: bool = conn
        .prepare_cached(&later_sql())?
        .query_row([today.to_string()], |r| r.get(0))?;
    Ok(!later)
}

/// A row of [`open_sql`] or [`ranked_sql`] (their first seven columns are the same).
fn due_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DueRow> {
    Ok(DueRow {
        id: r.get(0)?,
        state: r.get(1)?,
        received_on: r.get(2)?,
        year: r.get(3)?,
        number: r.get(4)?,
        due_next: r.get(5)?,
        due_unknown: r.get(6)?,
    })
}

/// An open petition whose kept days are stale, computed here from its record and moves.
fn computed(
    conn: &Connection,
    id: &str,
    calendar: &Calendar,
    settings: &DeadlineSettings,
) -> Result<DueRow> {
    let one = format!("SELECT {PETITION_COLUMNS} FROM petitions p WHERE p.id = ?1");
    let p = conn
        .prepare_cached(&one)?
        .query_row([id], petition_from_row)?;
    let events = events_of(conn, id)?;
    let (due_next, due_unknown) = due_of(&p, &events, calendar, settings);
    Ok(DueRow {
        id: p.id,
        state: p.state,
        received_on: p.received_on,
        year: p.year,
        number: p.number,
        due_next,
        due_unknown,
    })
}

/// The "Cần xử lý" queue as of a day, ranked and counted by SQL from the kept days.
#[derive(Debug, Default)]
pub(crate) struct KeptQueue {
    /// The first `top` petitions whose kept days are fresh, in the queue's order, each
    /// with its rank (`desk::intake::queue_rank`).
    pub top: Vec<(u8, DueRow)>,
    /// Over the petitions whose kept days are fresh: overdue, due soon, waiting to be
    /// classified, and all those in the queue.
    pub overdue: u32,
    pub due_soon: u32,
    pub waiting: u32,
    pub total: u32,
    /// The open petitions whose kept days are stale (a write outside the app), computed
    /// from their moves, not ranked nor counted above.
    pub stale: Vec<DueRow>,
}

/// The rank of each open petition with fresh kept days, as `desk::intake::queue_rank` of
/// `urgency_of_next` gives it: `?1` today, `?2` the last day due soon
/// ([`Calendar::last_within_working_days`]); NULL: not in the queue. Dates are kept as
/// `YYYY-MM-DD`, so comparing the text compares the days.
fn ranked_sql() -> String {
    format!(
        "SELECT id, state, received_on, year, number, due_next, due_unknown,
                CASE WHEN due_next < ?1 THEN 0
                     WHEN due_next <= ?2 THEN 1
                     WHEN due_unknown = 1 THEN 2
                     WHEN state = 'received' THEN 3 END AS rank
           FROM petitions INDEXED BY petitions_open WHERE {OPEN} AND due_stale = 0"
    )
}

/// The petitions of `rank` in the queue's order, the first `?3` of them ([`ranked_sql`]'s
/// arguments first). Overdue and due soon ones are a range of due days on the index.
fn top_sql(rank: u8) -> String {
    let (range, order) = match rank {
        0 => ("AND due_next < ?1", "due_next"),
        1 => ("AND due_next >= ?1 AND due_next <= ?2", "due_next"),
        _ => ("", "due_next IS NULL, due_next"),
    };
    format!(
        "SELECT * FROM ({}) WHERE rank = {rank} {range}
          ORDER BY {order}, received_on, year, number, id LIMIT ?3",
        ranked_sql()
    )
}

/// The "Cần xử lý" queue as of `today`, ranked and counted by SQL from the kept days
/// (the petitions' rows are not read into Rust, only the first `top`; all if `None`), or
/// `None` when the kept days cannot rank it ([`kept_rank`]).
pub(crate) fn queue_fast(
    conn: &Connection,
    today: NaiveDate,
    calendar: &Calendar,
    settings: &DeadlineSettings,
    top: Option<usize>,
) -> Result<Option<KeptQueue>> {
    if !kept_rank(conn, today, calendar, settings)? {
        return Ok(None);
    }
    let day = today.to_string();
    let soon = calendar
        .last_within_working_days(today, settings.due_soon_working_days)
        .to_string();
    let mut queue = conn
        .prepare_cached(&format!(
            "SELECT count(*) FILTER (WHERE rank = 0), count(*) FILTER (WHERE rank = 1),
                    count(*) FILTER (WHERE state = 'received' AND rank IS NOT NULL),
                    count(rank)
               FROM ({})",
            ranked_sql()
        ))?
        .query_row(params![day, soon], |r| {
            Ok(KeptQueue {
                overdue: r.get(0)?,
                due_soon: r.get(1)?,
                waiting: r.get(2)?,
                total: r.get(3)?,
                ..KeptQueue::default()
            })
        })?;
    // The first `top` in the queue's order (as `desk::intake`'s key: rank, the next due
    // day with none last, receipt, year, number, id), rank by rank. An overdue or due
    // soon petition has a due day: its rank's rows are a range of the index, whose first
    // rows are taken in order (not every open petition ranked and sorted); the ranks
    // after them, rarely reached, are walked.
    let mut left = top.map_or(i64::MAX, |n| i64::try_from(n).unwrap_or(i64::MAX));
    for rank in 0..=3 {
        if left <= 0 {
            break;
        }
        let mut stmt = conn.prepare_cached(&top_sql(rank))?;
        let mut rows = stmt.query(params![day, soon, left])?;
        while let Some(r) = rows.next()? {
            left -= 1;
            queue.top.push((rank, due_row(r)?));
        }
    }
    let ids: Vec<String> = conn
        .prepare_cached(&stale_sql())?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        queue.stale.push(computed(conn, &id, calendar, settings)?);
    }
    Ok(Some(queue))
}

/// Every open petition with its kept next due day (a stale one computed here, from its
/// record and moves), or `None` when the kept days cannot rank the queue as of `today`
/// ([`kept_rank`]).
pub(crate) fn due_fast(
    conn: &Connection,
    today: NaiveDate,
    calendar: &Calendar,
    settings: &DeadlineSettings,
) -> Result<Option<Vec<DueRow>>> {
    if !kept_rank(conn, today, calendar, settings)? {
        return Ok(None);
    }
    let mut rows = Vec::new();
    let mut stale = Vec::new();
    let mut stmt = conn.prepare_cached(&open_sql())?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let row = due_row(r)?;
        if r.get::<_, bool>(7)? {
            stale.push(rows.len());
        }
        rows.push(row);
    }
    for i in stale {
        let row = &mut rows[i];
        *row = computed(conn, &row.id, calendar, settings)?;
    }
    Ok(Some(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kept days' own reads go through their indexes: the stale open petitions (a
    /// commit reads them), and the receipts and moves after today (every queue reads them).
    #[test]
    fn the_kept_days_reads_search_their_indexes() {
        let store = crate::store::Store::open_in_memory(Box::new(crate::clock::FixedClock(
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )))
        .unwrap();
        let plan = |sql: &str, args: &[&str]| -> String {
            store
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap()
                .join("; ")
        };
        let stale = plan(&stale_sql(), &[]);
        assert!(stale.contains("USING INDEX petitions_due_stale"), "{stale}");
        let open = plan(&open_sql(), &[]);
        assert!(open.contains("COVERING INDEX petitions_open"), "{open}");
        // The first overdue and due soon petitions: a range of the index read in order
        // (only ties of a due day sorted), not every open petition.
        for (rank, range) in [(0, "(due_next<?)"), (1, "(due_next>? AND due_next<?)")] {
            let top = plan(&top_sql(rank), &["2026-11-27", "2026-12-03", "50"]);
            assert!(
                top.contains(&format!(
                    "SEARCH petitions USING COVERING INDEX petitions_open {range}"
                )) && !top.contains("TEMP B-TREE FOR ORDER BY"),
                "{top}"
            );
        }
        let later = plan(&later_sql(), &["2026-11-27"]);
        assert!(
            !later.replace("SCAN CONSTANT ROW", "").contains("SCAN"),
            "{later}"
        );
        assert!(
            later.contains("petitions_received") && later.contains("petition_events_on_date"),
            "{later}"
        );
    }
}
