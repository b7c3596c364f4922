use rusqlite::Connection;

use super::Store;
use crate::domain::Field;
use crate::error::{Error, Result};

const FIELD_COLUMNS: &str =
    "code, name, complaint_group, denunciation_group, proposal_group, active";

fn field_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Field> {
    Ok(Field {
        code: r.get(0)?,
        name: r.get(1)?,
        complaint_group: r.get(2)?,
        denunciation_group: r.get(3)?,
        proposal_group: r.get(4)?,
        active: r.get(5)?,
    })
}

/// One field of the catalogue, by code.
pub(crate) fn get_field(conn: &Connection, code: &str) -> Result<Option<Field>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            &format!("SELECT {FIELD_COLUMNS} FROM fields WHERE code = ?1"),
            [code],
            field_from_row,
        )
        .optional()?)
}

impl Store {
    /// The field catalogue, active ones first in their order.
    pub fn fields(&self) -> Result<Vec<Field>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {FIELD_COLUMNS} FROM fields ORDER BY active DESC, sort, name"
        ))?;
        let rows = stmt.query_map([], field_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// An ASCII code from a Vietnamese name: marks stripped, words joined by `_`.
pub(crate) fn code_from_name(name: &str) -> String {
    crate::text::strip(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Check that a field code names a catalogue entry.
pub(crate) fn check_field(
    conn: &Connection,
    field: &str,
    code: &Option<String>,
) -> Result<Option<String>> {
    let Some(code) = code.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let known: bool = super::one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM fields WHERE code = ?1)",
        [code],
        |r| r.get(0),
    )?;
    if known {
        Ok(Some(code.to_string()))
    } else {
        Err(Error::invalid(
            field,
            format!("Lĩnh vực “{code}” không có trong danh mục."),
        ))
    }
}

/// Add a field, or change the one with its code (its place in the list stays).
pub(crate) fn upsert_field(conn: &Connection, f: &Field) -> Result<()> {
    conn.execute(
        "INSERT INTO fields (code, name, complaint_group, denunciation_group, proposal_group, active, sort)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(sort), 0) + 1 FROM fields))
         ON CONFLICT(code) DO UPDATE SET name = excluded.name,
            complaint_group = excluded.complaint_group,
            denunciation_group = excluded.denunciation_group,
            proposal_group = excluded.proposal_group,
            active = excluded.active",
        (&f.code, &f.name, f.complaint_group, f.denunciation_group, f.proposal_group, f.active),
    )?;
    Ok(())
}

/// Add a field unless its code is already in the catalogue (an import keeps the register's).
pub(crate) fn insert_field_if_new(conn: &Connection, f: &Field) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO fields (code, name, complaint_group, denunciation_group, proposal_group, active, sort)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(sort), 0) + 1 FROM fields))",
        (&f.code, f.name.trim(), f.complaint_group, f.denunciation_group, f.proposal_group, f.active),
    )?;
    Ok(())
}
