//! The administrator's additions to the working-day calendar.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::law::calendar::{Calendar, CalendarDay};

/// The calendar shipped with the app, where each year the administrator saved is
/// replaced by the list saved for it.
pub(crate) fn calendar(conn: &Connection) -> Result<Calendar> {
    let mut calendar = Calendar::embedded();
    let (days, years) = calendar_additions(conn)?;
    calendar.replace_years(&days, &years)?;
    Ok(calendar)
}

pub(crate) fn calendar_additions(conn: &Connection) -> Result<(Vec<CalendarDay>, Vec<i32>)> {
    let mut stmt =
        conn.prepare_cached("SELECT date, kind, name FROM calendar_days ORDER BY date")?;
    let days = stmt
        .query_map([], |r| {
            let kind: String = r.get(1)?;
            Ok(CalendarDay {
                date: r.get(0)?,
                kind: crate::law::calendar::DayKind::from_code(&kind).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        1,
                        rusqlite::types::Type::Text,
                        format!("unknown day kind {kind:?}").into(),
                    )
                })?,
                name: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached("SELECT year FROM calendar_years ORDER BY year")?;
    let years = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i32>>>()?;
    Ok((days, years))
}

/// Replace the listed days of `year` with `days`, and mark the year known.
pub(crate) fn write_calendar_year(
    conn: &Connection,
    year: i32,
    days: &[CalendarDay],
) -> Result<()> {
    conn.execute(
        "DELETE FROM calendar_days WHERE substr(date, 1, 4) = ?1",
        [format!("{year:04}")],
    )?;
    for d in days {
        conn.execute(
            "INSERT INTO calendar_days (date, kind, name) VALUES (?1, ?2, ?3)",
            params![d.date, d.kind.code(), d.name],
        )?;
    }
    conn.execute(
        "INSERT OR IGNORE INTO calendar_years (year) VALUES (?1)",
        [year],
    )?;
    Ok(())
}
