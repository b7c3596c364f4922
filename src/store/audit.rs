//! The history as a hash chain: each change row carries `hash`, the SHA-256 of the hash
//! before it and of the row's content; triggers refuse UPDATE and DELETE of the history.
//! An edit made behind the app's back (the triggers dropped) breaks the chain at that row;
//! a deleted row breaks it at the row after.

use rusqlite::{params, Connection};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::Result;

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AuditCheck {
    /// Rows checked.
    pub rows: u32,
    /// The first row whose hash does not follow (its number), and why; none when whole.
    pub broken_at: Option<u32>,
    pub message: String,
}

const CONTENT: &str =
    "seq, id, at, actor, action, table_name, record_id, old_value, new_value, note, source, hash";

type Row = (i64, [Option<String>; 10], Option<String>);

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let mut content: [Option<String>; 10] = Default::default();
    for (i, slot) in content.iter_mut().enumerate() {
        *slot = r.get(i + 1)?;
    }
    Ok((r.get(0)?, content, r.get(11)?))
}

/// The hash of a row: the previous hash, then each field (absent and empty told apart).
fn hash_of(prev: &str, content: &[Option<String>; 10]) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    for field in content {
        match field {
            Some(v) => {
                h.update([1u8]);
                h.update((v.len() as u64).to_le_bytes());
                h.update(v.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Chain the row just inserted (the last one): called by `insert_change`.
pub(crate) fn seal_last(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CONTENT} FROM changes ORDER BY seq DESC LIMIT 2"
    ))?;
    let rows: Vec<Row> = stmt.query_map([], read)?.collect::<rusqlite::Result<_>>()?;
    let Some((seq, content, _)) = rows.first() else {
        return Ok(());
    };
    let prev = rows.get(1).and_then(|r| r.2.clone()).unwrap_or_default();
    conn.prepare_cached("UPDATE changes SET hash = ?2 WHERE seq = ?1 AND hash IS NULL")?
        .execute(params![seq, hash_of(&prev, content)])?;
    Ok(())
}

/// Chain every row without a hash (a register from before the chain), then make the
/// history append-only. Run with the migrations.
pub(crate) fn seal_all(conn: &Connection) -> Result<()> {
    let rows: Vec<Row> = conn
        .prepare(&format!("SELECT {CONTENT} FROM changes ORDER BY seq"))?
        .query_map([], read)?
        .collect::<rusqlite::Result<_>>()?;
    let mut prev = String::new();
    for (seq, content, hash) in rows {
        let h = match hash {
            Some(h) => h,
            None => {
                let h = hash_of(&prev, &content);
                conn.execute(
                    "UPDATE changes SET hash = ?2 WHERE seq = ?1",
                    params![seq, h],
                )?;
                h
            }
        };
        prev = h;
    }
    conn.execute_batch(
        "CREATE TRIGGER IF NOT EXISTS changes_no_update BEFORE UPDATE ON changes
           WHEN OLD.hash IS NOT NULL
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không sửa được.'); END;
         CREATE TRIGGER IF NOT EXISTS changes_no_delete BEFORE DELETE ON changes
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không xóa được.'); END;",
    )?;
    Ok(())
}

/// Walk the chain from the first row: the first row that does not follow is named.
pub fn verify(conn: &Connection) -> Result<AuditCheck> {
    let mut stmt = conn.prepare(&format!("SELECT {CONTENT} FROM changes ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    let mut prev = String::new();
    let mut n = 0u32;
    while let Some(r) = rows.next()? {
        let (seq, content, hash) = read(r)?;
        n += 1;
        let want = hash_of(&prev, &content);
        if hash.as_deref() != Some(want.as_str()) {
            return Ok(AuditCheck {
                rows: n,
                broken_at: Some(seq as u32),
                message: format!(
                    "Lịch sử thay đổi không còn nguyên vẹn từ bản ghi số {seq}: bản ghi này hoặc bản ghi ngay trước nó đã bị sửa hoặc xóa ngoài phần mềm."
                ),
            });
        }
        prev = want;
    }
    Ok(AuditCheck {
        rows: n,
        broken_at: None,
        message: format!("Lịch sử thay đổi nguyên vẹn ({n} bản ghi)."),
    })
}
