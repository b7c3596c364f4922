//! The figures of the statutory tables typed by hand, per table and period.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::period::Period;

/// The typed figures of `form` for `period`, by column.
pub(crate) fn manual_figures(
    conn: &Connection,
    form: &str,
    period: Period,
) -> Result<BTreeMap<u16, f64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT column_no, value FROM manual_figures WHERE form = ?1 AND from_date = ?2 AND to_date = ?3",
    )?;
    let rows = stmt
        .query_map(
            params![form, period.from.to_string(), period.to.to_string()],
            |r| Ok((r.get::<_, u16>(0)?, r.get::<_, f64>(1)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Replace the typed figures of `form` for `period` (a column without a value is removed).
pub(crate) fn write_manual_figures(
    conn: &Connection,
    form: &str,
    period: Period,
    values: &BTreeMap<u16, f64>,
) -> Result<()> {
    let (from, to) = (period.from.to_string(), period.to.to_string());
    conn.execute(
        "DELETE FROM manual_figures WHERE form = ?1 AND from_date = ?2 AND to_date = ?3",
        params![form, from, to],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO manual_figures (form, from_date, to_date, column_no, value) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (column, value) in values {
        stmt.execute(params![form, from, to, column, value])?;
    }
    Ok(())
}

/// The periods strictly inside `period` (not `period` itself) for which figures of `form`
/// were typed, in date order.
pub(crate) fn typed_periods_within(
    conn: &Connection,
    form: &str,
    period: Period,
) -> Result<Vec<(String, String)>> {
    let (from, to) = (period.from.to_string(), period.to.to_string());
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT from_date, to_date FROM manual_figures
          WHERE form = ?1 AND from_date >= ?2 AND to_date <= ?3
            AND NOT (from_date = ?2 AND to_date = ?3)
          ORDER BY from_date, to_date",
    )?;
    let rows = stmt
        .query_map(params![form, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The shortest period ending on `day` for which figures of `form` were typed.
pub(crate) fn typed_period_ending(
    conn: &Connection,
    form: &str,
    day: chrono::NaiveDate,
) -> Result<Option<Period>> {
    let found: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT from_date, to_date FROM manual_figures WHERE form = ?1 AND to_date = ?2
              ORDER BY from_date DESC LIMIT 1",
        )?
        .query_row(params![form, day.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(found.and_then(|(from, to)| Period::parse(&from, &to).ok()))
}
