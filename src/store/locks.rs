//! Locked reporting periods and the adjustments recorded against them.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

/// A reporting period locked when its report was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeriodLock {
    pub id: String,
    pub from: String,
    pub to: String,
    /// "Quý IV năm 2026".
    pub label: String,
    pub report_no: Option<String>,
    /// UTC RFC 3339 instant of the lock.
    pub locked_at: String,
    /// How many changes were recorded against the period since.
    pub adjustments: u32,
}

const LOCK_COLUMNS: &str = "l.id, l.from_date, l.to_date, l.label, l.report_no, l.locked_at,
    (SELECT count(*) FROM adjustments a WHERE a.lock_id = l.id)";

fn lock_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PeriodLock> {
    Ok(PeriodLock {
        id: r.get(0)?,
        from: r.get(1)?,
        to: r.get(2)?,
        label: r.get(3)?,
        report_no: r.get(4)?,
        locked_at: r.get(5)?,
        adjustments: r.get(6)?,
    })
}

pub(crate) fn all_locks(conn: &Connection) -> Result<Vec<PeriodLock>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LOCK_COLUMNS} FROM period_locks l ORDER BY l.from_date, l.to_date"
    ))?;
    let locks = stmt
        .query_map([], lock_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(locks)
}

/// The locks whose period holds `date` (ISO).
pub(crate) fn locks_covering(conn: &Connection, date: &str) -> Result<Vec<PeriodLock>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LOCK_COLUMNS} FROM period_locks l WHERE ?1 BETWEEN l.from_date AND l.to_date
          ORDER BY l.from_date"
    ))?;
    let locks = stmt
        .query_map([date], lock_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(locks)
}

pub(crate) fn lock_of(conn: &Connection, from: &str, to: &str) -> Result<Option<PeriodLock>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {LOCK_COLUMNS} FROM period_locks l WHERE l.from_date = ?1 AND l.to_date = ?2"
        ))?
        .query_row([from, to], lock_from_row)
        .optional()?)
}

/// The figures a lock kept (JSON: table code → values of its row).
pub(crate) fn lock_figures(conn: &Connection, id: &str) -> Result<serde_json::Value> {
    let text: String = conn.query_row(
        "SELECT figures FROM period_locks WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok(serde_json::from_str(&text)?)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_lock(
    conn: &Connection,
    id: &str,
    from: &str,
    to: &str,
    label: &str,
    report_no: Option<&str>,
    at: &str,
    actor: crate::domain::Actor,
    figures: &serde_json::Value,
) -> Result<()> {
    conn.execute(
        "INSERT INTO period_locks (id, from_date, to_date, label, report_no, locked_at, actor, figures)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, from, to, label, report_no, at, actor, figures.to_string()],
    )?;
    Ok(())
}

/// Record that the last change written touched `date` inside each lock covering it.
pub(crate) fn note_adjustment(conn: &Connection, date: &str, made_on: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO adjustments (change_seq, lock_id, on_date, made_on)
         SELECT (SELECT max(seq) FROM changes), l.id, ?1, ?2
           FROM period_locks l WHERE ?1 BETWEEN l.from_date AND l.to_date",
    )?
    .execute([date, made_on])?;
    Ok(())
}

/// How many changes of records dated inside lock `lock_id` were made during `period`.
pub(crate) fn adjustments_made(
    conn: &Connection,
    lock_id: &str,
    period: crate::period::Period,
) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(DISTINCT change_seq) FROM adjustments
          WHERE lock_id = ?1 AND made_on BETWEEN ?2 AND ?3",
        params![lock_id, period.from.to_string(), period.to.to_string()],
        |r| r.get(0),
    )?)
}

/// Whether any period is locked (so the write path looks for adjustments at all).
pub(crate) fn any_lock(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM period_locks)")?
        .query_row([], |r| r.get(0))?)
}

/// The dates a change of `table`'s record touches, read after the change (and from the
/// old values kept in the change): a session's date, a visit's session date, a petition's
/// receipt date and the date of its last move, a typed figure's period.
pub(crate) fn dates_touched(
    conn: &Connection,
    table: &str,
    record_id: &str,
    old: Option<&serde_json::Value>,
    new: Option<&serde_json::Value>,
) -> Result<Vec<String>> {
    let field = |v: Option<&serde_json::Value>, k: &str| {
        v.and_then(|v| v.get(k))
            .and_then(|d| d.as_str())
            .map(str::to_string)
    };
    let one = |sql: &str, arg: &str| -> Result<Option<String>> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row([arg], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    };
    let mut dates: Vec<Option<String>> = Vec::new();
    match table {
        "sessions" => {
            dates.push(field(old, "date"));
            dates.push(field(new, "date"));
            dates.push(one("SELECT date FROM sessions WHERE id = ?1", record_id)?);
        }
        "visits" => {
            dates.push(one(
                "SELECT s.date FROM visits v JOIN sessions s ON s.id = v.session_id WHERE v.id = ?1",
                record_id,
            )?);
            for v in [old, new] {
                let session = field(v, "session_id").or_else(|| {
                    v.and_then(|v| v.pointer("/visit/session_id"))
                        .and_then(|s| s.as_str())
                        .map(str::to_string)
                });
                if let Some(s) = session {
                    dates.push(one("SELECT date FROM sessions WHERE id = ?1", &s)?);
                }
            }
        }
        "petitions" => {
            dates.push(field(old, "received_on"));
            dates.push(field(new, "received_on"));
            dates.push(
                old.and_then(|v| v.pointer("/petition/received_on"))
                    .and_then(|d| d.as_str())
                    .map(str::to_string),
            );
            dates.push(one(
                "SELECT received_on FROM petitions WHERE id = ?1",
                record_id,
            )?);
            dates.push(one(
                "SELECT on_date FROM petition_events WHERE petition_id = ?1 ORDER BY seq DESC LIMIT 1",
                record_id,
            )?);
        }
        "manual_figures" => {
            // Record id: "<form>:<from>:<to>"; the period's first day stands for it.
            dates.push(record_id.split(':').nth(1).map(str::to_string));
        }
        _ => {}
    }
    let mut out: Vec<String> = dates.into_iter().flatten().collect();
    out.sort();
    out.dedup();
    Ok(out)
}
