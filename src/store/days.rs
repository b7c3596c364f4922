//! Per-day counters of the dashboard's chart (schema 10, `migrations/0010_day_counts.sql`):
//! the chart's twelve weeks summed from 84 rows instead of every visit and petition of the
//! weeks read with their moves (issue 9).
//!
//! A day's counters are always a recount of that day's rows: the schema's triggers note
//! the days a write touched, and [`refresh_days`] counts each of them again before the
//! write commits (the one write path, with the kept due days). What the chart counts a
//! petition by (`report::totals::week_point`): received within the week, the UBND's, and
//! not a duplicate as it stood on the week's last day. The last depends on the week, so a
//! petition whose record or moves ever named a duplicate is not counted here but read in
//! full by the chart ([`DayCounts::petitions_read`]); the others are a duplicate on no day.
//!
//! Kept the same way (schema 11, `migrations/0011_case_first_seen.sql`): each case's first
//! reception day, from which a period's report tells a case first received within it from
//! one received before ([`cases_fresh`], `store::facts`).

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::period::Period;

/// A day's counters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCounts {
    /// ISO date.
    pub day: String,
    /// Every visit of the day's sessions (HĐND reception's included).
    pub visits: i64,
    /// The people those visits brought (their headcounts).
    pub people: i64,
    /// The visits counted under the chairman: the chairman's sessions' visits and the
    /// regular visits the chairman joined (01/TCD).
    pub chairman_visits: i64,
    /// The UBND's petitions received that day that never named a duplicate.
    pub petitions: i64,
    /// The petitions received that day that named a duplicate (in their record or a move):
    /// the chart reads those in full.
    pub petitions_read: i64,
}

/// Whether a petition `p` ever named a duplicate: marked one now, or by a move.
const NAMED_A_DUPLICATE: &str = "(p.duplicate_of IS NOT NULL OR EXISTS (
        SELECT 1 FROM petition_events e WHERE e.petition_id = p.id
           AND (e.action = 'duplicate' OR instr(e.details, 'duplicate_of') > 0)))";

/// The counters of the days `?days` selects (an SQL query of one column of ISO dates),
/// counted from the rows, days without a visit or a petition left out. Each day's sessions
/// and petitions are found through their date's index from the days (`CROSS JOIN`: the
/// planner would otherwise walk every session and petition in date order for the
/// grouping, 5 ms a save at 200,000 persons).
fn recount_sql(days: &str) -> String {
    format!(
        "WITH d(day) AS ({days}),
         v AS (SELECT s.date AS day, count(*) AS visits, sum(v.headcount) AS people,
                      sum(s.host_group = 'chairman'
                          OR (s.host_group = 'officer' AND v.chairman_joined <> 0)) AS chairman
                 FROM d CROSS JOIN sessions s ON s.date = d.day
                 JOIN visits v ON v.session_id = s.id
                GROUP BY s.date),
         p AS (SELECT received_on AS day, sum(NOT named AND ubnd) AS plain, sum(named) AS named
                 FROM (SELECT p.received_on,
                              (s.host_group IS NULL OR s.host_group <> 'council') AS ubnd,
                              {NAMED_A_DUPLICATE} AS named
                         FROM d CROSS JOIN petitions p ON p.received_on = d.day
                         LEFT JOIN visits v ON v.id = p.visit_id
                         LEFT JOIN sessions s ON s.id = v.session_id)
                GROUP BY received_on)
         SELECT d.day, coalesce(v.visits, 0), coalesce(v.people, 0), coalesce(v.chairman, 0),
                coalesce(p.plain, 0), coalesce(p.named, 0)
           FROM d LEFT JOIN v ON v.day = d.day LEFT JOIN p ON p.day = d.day
          WHERE v.day IS NOT NULL OR p.day IS NOT NULL
          ORDER BY d.day"
    )
}

/// A case's first reception day computed from the rows (`c` the case): the earliest date
/// of its visits' sessions and of its petitions not handed in at a visit (one handed in
/// at a visit is that visit's reception), NULL if none names it. Each part through the
/// case's index (`visits_case`, `petitions_case`).
const FIRST_SEEN: &str = "(SELECT min(day) FROM (
        SELECT min(s.date) AS day FROM visits v JOIN sessions s ON s.id = v.session_id
         WHERE v.case_id = c.id
        UNION ALL
        SELECT min(p.received_on) FROM petitions p
         WHERE p.case_id = c.id AND +p.visit_id IS NULL))";

/// The stale cases' first reception days, computed again.
fn refresh_cases_sql() -> String {
    format!(
        "UPDATE cases AS c SET first_seen = {FIRST_SEEN}
          WHERE c.id IN (SELECT case_id FROM case_first_stale)"
    )
}

/// Compute again the first reception day of the cases the writes since the last commit
/// touched (schema 11; every case after [`mark_all`]).
fn refresh_cases(conn: &Connection) -> Result<()> {
    let stale: i64 = conn
        .prepare_cached("SELECT count(*) FROM case_first_stale")?
        .query_row([], |r| r.get(0))?;
    if stale == 0 {
        return Ok(());
    }
    conn.prepare_cached(&refresh_cases_sql())?.execute([])?;
    conn.prepare_cached("DELETE FROM case_first_stale")?
        .execute([])?;
    Ok(())
}

/// Count again the days and cases the writes since the last commit touched (every one
/// after [`mark_all`]).
pub(crate) fn refresh_days(conn: &Connection) -> Result<()> {
    refresh_cases(conn)?;
    let stale: i64 = conn
        .prepare_cached("SELECT count(*) FROM day_counts_stale")?
        .query_row([], |r| r.get(0))?;
    if stale == 0 {
        return Ok(());
    }
    conn.prepare_cached("DELETE FROM day_counts WHERE day IN (SELECT day FROM day_counts_stale)")?
        .execute([])?;
    conn.prepare_cached(&format!(
        "INSERT INTO day_counts (day, visits, people, chairman_visits, petitions, petitions_read)
         {}",
        recount_sql("SELECT day FROM day_counts_stale")
    ))?
    .execute([])?;
    conn.prepare_cached("DELETE FROM day_counts_stale")?
        .execute([])?;
    Ok(())
}

/// Whether no day waits to be counted again: always so between the app's writes (the
/// write path counts them before it commits), not after a write outside the app.
pub(crate) fn none_stale(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM day_counts_stale)")?
        .query_row([], |r| r.get(0))?)
}

/// Whether no case's first reception day waits to be computed again (as [`none_stale`]).
pub(crate) fn cases_fresh(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM case_first_stale)")?
        .query_row([], |r| r.get(0))?)
}

/// Every day and case of the register to be counted again at the commit (the rules that
/// count them changed, a bulk write, or `tiepdan rebuild`).
pub(crate) fn mark_all(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM day_counts;
         INSERT OR IGNORE INTO day_counts_stale (day) SELECT date FROM sessions;
         INSERT OR IGNORE INTO day_counts_stale (day) SELECT received_on FROM petitions;
         INSERT OR IGNORE INTO case_first_stale (case_id) SELECT id FROM cases;",
    )?;
    Ok(())
}

/// A case's id, its kept first reception day and the one computed from the rows.
pub(crate) type FirstDay = (String, Option<String>, Option<String>);

/// Every case whose kept first reception day differs from one computed now from the
/// rows (`tiepdan check`, the tests).
pub(crate) fn cases_differing(conn: &Connection) -> Result<Vec<FirstDay>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, first_seen, day FROM (SELECT c.id, c.first_seen, {FIRST_SEEN} AS day
                                            FROM cases c)
          WHERE first_seen IS NOT day ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Run a bulk write (an import) with the counters' triggers set aside: each would note
/// its row's day, thousands of times over, where one recount of every day at the commit
/// costs less (200k persons: 44 s with the triggers, the import's 29 s without). The
/// triggers are dropped inside the caller's transaction and made again from their own
/// SQL before it commits; a failed write rolls the drop back with the rest. Outside a
/// transaction each drop would commit alone and a failed write would leave the counters
/// unkept for good: refused. `f` must not read the counters (no day is marked stale
/// until it returns). `wrote` says from `f`'s result whether it wrote any record: a bulk
/// write that wrote none (an import of a file already held) leaves the counters as they
/// are, rather than counting every day again (half a second at 200,000 persons).
pub(crate) fn without_triggers<T>(
    conn: &Connection,
    f: impl FnOnce() -> Result<T>,
    wrote: impl FnOnce(&T) -> bool,
) -> Result<T> {
    if conn.is_autocommit() {
        return Err(crate::error::Error::Internal(
            "Lỗi phần mềm: bộ đếm theo ngày chỉ được tạm tắt trong một lần ghi.".into(),
        ));
    }
    let saved: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema
              WHERE type = 'trigger' AND (name LIKE 'day\\_counts\\_%' ESCAPE '\\'
                                          OR name LIKE 'case\\_first\\_%' ESCAPE '\\')
              ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &saved {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    let out = f()?;
    for (_, sql) in &saved {
        conn.execute_batch(sql)?;
    }
    if wrote(&out) {
        mark_all(conn)?;
    }
    Ok(out)
}

/// A kept day's columns, in the order [`counts_from_row`] reads them.
const KEPT: &str = "day, visits, people, chairman_visits, petitions, petitions_read";

fn counts_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DayCounts> {
    Ok(DayCounts {
        day: r.get(0)?,
        visits: r.get(1)?,
        people: r.get(2)?,
        chairman_visits: r.get(3)?,
        petitions: r.get(4)?,
        petitions_read: r.get(5)?,
    })
}

/// The kept counters of the days within `period`, in order.
pub(crate) fn kept_counts(conn: &Connection, period: Period) -> Result<Vec<DayCounts>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {KEPT} FROM day_counts WHERE day BETWEEN ?1 AND ?2 ORDER BY day"
    ))?;
    let rows = stmt
        .query_map(
            params![period.from.to_string(), period.to.to_string()],
            counts_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every day's counters counted now from the rows (what the kept ones must equal:
/// `tiepdan check`, the tests).
pub(crate) fn recounted(conn: &Connection) -> Result<Vec<DayCounts>> {
    let mut stmt = conn.prepare(&recount_sql(
        "SELECT date FROM sessions UNION SELECT received_on FROM petitions",
    ))?;
    let rows = stmt
        .query_map([], counts_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every kept day's counters, in order.
pub(crate) fn all_kept(conn: &Connection) -> Result<Vec<DayCounts>> {
    let mut stmt = conn.prepare(&format!("SELECT {KEPT} FROM day_counts ORDER BY day"))?;
    let rows = stmt
        .query_map([], counts_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The ids of the petitions received on the days of the JSON array `?1` that named a
/// duplicate (the chart reads them in full), day by day through the receipt index.
pub(crate) fn named_a_duplicate_sql() -> String {
    format!(
        "SELECT p.id FROM petitions p INDEXED BY petitions_received
          WHERE p.received_on IN (SELECT value FROM json_each(?1)) AND {NAMED_A_DUPLICATE}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Outside a transaction the triggers are not set aside (each drop would commit
    /// alone): refused, nothing dropped, the work not run.
    #[test]
    fn the_triggers_are_set_aside_only_inside_a_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("so.sqlite3")).unwrap();
        let conn = store.conn();
        let triggers = || -> i64 {
            conn.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'
                    AND (name LIKE 'day_counts_%' OR name LIKE 'case_first_%')",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(triggers(), 19);
        let mut ran = false;
        assert!(without_triggers(
            conn,
            || {
                ran = true;
                Ok(())
            },
            |_| true
        )
        .is_err());
        assert!(!ran);
        assert_eq!(triggers(), 19);
        let tx = conn.unchecked_transaction().unwrap();
        without_triggers(
            &tx,
            || {
                assert_eq!(triggers(), 0);
                Ok(())
            },
            |_| true,
        )
        .unwrap();
        assert_eq!(triggers(), 19);
        tx.rollback().unwrap();
    }

    /// The query plan of `sql` on a new register, its lines joined by "; ".
    fn plan_of(sql: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("so.sqlite3")).unwrap();
        let plan: Vec<String> = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        plan.join("; ")
    }

    /// A write's recount reads only the days it touched: their sessions and petitions
    /// through the date indexes, never a walk of every session or petition.
    #[test]
    fn the_recount_searches_the_days_indexes() {
        let plan = plan_of(&recount_sql("SELECT day FROM day_counts_stale"));
        for table in ["sessions", "petitions", "visits", "petition_events"] {
            for alias in [table, &table[..1]] {
                assert!(!plan.contains(&format!("SCAN {alias} ")), "{plan}");
                assert!(!plan.ends_with(&format!("SCAN {alias}")), "{plan}");
            }
        }
        assert!(
            plan.contains("SEARCH s USING INDEX sessions_date (date=?)"),
            "{plan}"
        );
        assert!(
            plan.contains("SEARCH p USING INDEX petitions_received (received_on=?)"),
            "{plan}"
        );
    }

    /// A write's cases are computed again each through its own indexes: the stale ones
    /// by key, their visits, sessions and petitions searched, never a walk.
    #[test]
    fn the_first_days_are_computed_through_the_cases_indexes() {
        let plan = plan_of(&refresh_cases_sql());
        for walk in [
            "SCAN c",
            "SCAN v",
            "SCAN s",
            "SCAN p",
            "SCAN cases",
            "SCAN visits",
        ] {
            assert!(
                !plan
                    .split("; ")
                    .any(|l| l == walk || l.starts_with(&format!("{walk} "))),
                "{walk}: {plan}"
            );
        }
        for index in [
            "visits_case (case_id=?)",
            "petitions_case (case_id=?)",
            "SEARCH s USING",
        ] {
            assert!(plan.contains(index), "{index}: {plan}");
        }
    }
}
