//! Rows of person merges: the links a merge moves, and the merge records.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// The two link tables a person is named in: (table, key column, record table).
pub(crate) const LINKS: [(&str, &str, &str); 2] = [
    ("visit_persons", "visit_id", "visits"),
    ("petition_persons", "petition_id", "petitions"),
];

/// The records (and positions) a person is named in, through one link table.
pub(crate) fn links_of(
    conn: &Connection,
    table: &str,
    key: &str,
    person: &str,
) -> Result<Vec<(String, u32)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {key}, position FROM {table} WHERE person_id = ?1 ORDER BY {key}"
    ))?;
    let rows = stmt.query_map([person], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn has_link(
    conn: &Connection,
    table: &str,
    key: &str,
    id: &str,
    person: &str,
) -> Result<bool> {
    Ok(conn
        .query_row(
            &format!("SELECT 1 FROM {table} WHERE {key} = ?1 AND person_id = ?2"),
            [id, person],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Name `to` instead of `from` in one record's link.
pub(crate) fn move_link(
    conn: &Connection,
    table: &str,
    key: &str,
    id: &str,
    from: &str,
    to: &str,
) -> Result<()> {
    conn.execute(
        &format!("UPDATE {table} SET person_id = ?3 WHERE {key} = ?1 AND person_id = ?2"),
        [id, from, to],
    )?;
    Ok(())
}

pub(crate) fn drop_link(
    conn: &Connection,
    table: &str,
    key: &str,
    id: &str,
    person: &str,
) -> Result<()> {
    conn.execute(
        &format!("DELETE FROM {table} WHERE {key} = ?1 AND person_id = ?2"),
        [id, person],
    )?;
    Ok(())
}

/// Put a dropped link back, if its record still exists.
pub(crate) fn restore_link(
    conn: &Connection,
    (table, key, records): (&str, &str, &str),
    id: &str,
    person: &str,
    position: u32,
) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT OR IGNORE INTO {table} ({key}, person_id, position)
             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM {records} WHERE id = ?1)"
        ),
        params![id, person, position],
    )?;
    Ok(())
}

/// A merge as stored: kept, merged, when, who, what it moved (JSON), when undone.
pub(crate) struct MergeRow {
    pub id: String,
    pub kept_id: String,
    pub merged_id: String,
    pub at: String,
    pub moved: String,
    pub undone_at: Option<String>,
}

pub(crate) fn insert_merge(
    conn: &Connection,
    m: &MergeRow,
    actor: crate::domain::Actor,
) -> Result<()> {
    conn.execute(
        "INSERT INTO person_merges (id, kept_id, merged_id, at, actor, moved) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![m.id, m.kept_id, m.merged_id, m.at, actor, m.moved],
    )?;
    Ok(())
}

const MERGE_COLUMNS: &str = "id, kept_id, merged_id, at, moved, undone_at";

fn merge_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MergeRow> {
    Ok(MergeRow {
        id: r.get(0)?,
        kept_id: r.get(1)?,
        merged_id: r.get(2)?,
        at: r.get(3)?,
        moved: r.get(4)?,
        undone_at: r.get(5)?,
    })
}

pub(crate) fn get_merge(conn: &Connection, id: &str) -> Result<Option<MergeRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {MERGE_COLUMNS} FROM person_merges WHERE id = ?1"),
            [id],
            merge_from_row,
        )
        .optional()?)
}

pub(crate) fn mark_merge_undone(conn: &Connection, id: &str, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE person_merges SET undone_at = ?2 WHERE id = ?1",
        params![id, at],
    )?;
    Ok(())
}

/// The merges into a person, newest first.
/// Every person ever merged with `id`, either way, the merge undone or not.
pub(crate) fn merge_parties(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kept_id FROM person_merges WHERE merged_id = ?1
         UNION SELECT merged_id FROM person_merges WHERE kept_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn merges_into(conn: &Connection, kept_id: &str) -> Result<Vec<MergeRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {MERGE_COLUMNS} FROM person_merges WHERE kept_id = ?1 ORDER BY at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([kept_id], merge_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The person a person record was merged into, if any (`None`: no such person).
pub(crate) fn merged_into(conn: &Connection, id: &str) -> Result<Option<Option<String>>> {
    Ok(super::one(
        conn,
        "SELECT merged_into FROM persons WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?)
}

/// The records the sample loader created that are still in `table`, newest first.
pub(crate) fn created_by_sample(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT c.record_id FROM changes c JOIN {table} t ON t.id = c.record_id
          WHERE c.actor = 'sample' AND c.action = 'create' AND c.source IS NULL AND c.table_name = ?1 ORDER BY c.seq DESC"
    ))?;
    let rows = stmt.query_map([table], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether visits or petitions the sample loader created are still in the register.
pub(crate) fn has_sample(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM changes c JOIN visits v ON v.id = c.record_id
                         WHERE c.actor = 'sample' AND c.action = 'create' AND c.source IS NULL AND c.table_name = 'visits')
             OR EXISTS (SELECT 1 FROM changes c JOIN petitions p ON p.id = c.record_id
                         WHERE c.actor = 'sample' AND c.action = 'create' AND c.source IS NULL AND c.table_name = 'petitions')",
        [],
        |r| r.get(0),
    )?)
}

/// After the sample data is removed: the last number given each year is the highest one a
/// real (not sample) petition ever had, whether it is still in the register or was deleted.
pub(crate) fn renumber_after_sample(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "UPDATE petition_numbers SET last = max(
            coalesce((SELECT max(number) FROM petitions p WHERE p.year = petition_numbers.year), 0),
            coalesce((SELECT max(json_extract(c.old_value, '$.petition.number')) FROM changes c
                       WHERE c.table_name = 'petitions' AND c.action = 'delete'
                         AND json_extract(c.old_value, '$.petition.year') = petition_numbers.year
                         AND NOT EXISTS (SELECT 1 FROM changes s
                                          WHERE s.table_name = 'petitions' AND s.record_id = c.record_id
                                            AND s.action = 'create' AND s.actor = 'sample' AND s.source IS NULL)), 0))",
    )?;
    Ok(())
}
