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

const CONTENT: &str = "seq, id, at, actor, action, table_name, record_id, old_value, new_value, note, source, user_login, hash";

/// A row's number, its content (the account last: absent before accounts) and its hash.
type Row = (i64, [Option<String>; 11], Option<String>);

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let mut content: [Option<String>; 11] = Default::default();
    for (i, slot) in content.iter_mut().enumerate() {
        *slot = r.get(i + 1)?;
    }
    Ok((r.get(0)?, content, r.get(12)?))
}

/// The hash of a row: the previous hash, its number, then each field (absent and empty
/// told apart). The account (schema 4) enters only when present, so the rows chained
/// before accounts keep their hashes.
fn hash_of(prev: &str, seq: i64, content: &[Option<String>; 11]) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(seq.to_le_bytes());
    let (fields, user) = content.split_at(10);
    for field in fields {
        match field {
            Some(v) => {
                h.update([1u8]);
                h.update((v.len() as u64).to_le_bytes());
                h.update(v.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    if let Some(user) = &user[0] {
        h.update([2u8]);
        h.update((user.len() as u64).to_le_bytes());
        h.update(user.as_bytes());
    }
    // Lower-case hex, written at once (not one `format!` per byte: an import hashes
    // hundreds of thousands of rows).
    format!("{:x}", h.finalize())
}

/// The hash a new row is chained to: the end the head recorded, never the last row as it
/// now lies (rows deleted from the end, the head left behind, would otherwise be hidden
/// by the next write: attacker, 07/12/2026). Where they differ, the new row shows the
/// break. No head: none (a register whose head was deleted breaks at its next row).
fn recorded_end(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT hash FROM audit_head WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(String::new()),
            e => Err(e),
        })?)
}

/// Chain the row just inserted (the last one): called by `insert_change`.
pub(crate) fn seal_last(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CONTENT} FROM changes ORDER BY seq DESC LIMIT 1"
    ))?;
    let rows: Vec<Row> = stmt.query_map([], read)?.collect::<rusqlite::Result<_>>()?;
    let Some((seq, content, _)) = rows.first() else {
        return Ok(());
    };
    let prev = recorded_end(conn)?;
    let hash = hash_of(&prev, *seq, content);
    conn.prepare_cached("UPDATE changes SET hash = ?2 WHERE seq = ?1 AND hash IS NULL")?
        .execute(params![seq, hash])?;
    set_head(conn, *seq, &hash)
}

/// The end of the chain a write appends to, kept in memory by a long write (an import)
/// so that each row is written with its hash at once: no second pass to read the rows
/// back and update each one.
#[derive(Debug, Clone)]
pub(crate) struct ChainEnd {
    seq: i64,
    hash: String,
    /// Whether a row was appended since the end was read (then the head moves).
    moved: bool,
}

/// The end of the chain a write appends to: the last row's number, and the hash the
/// register's head recorded (never the last row's own: rows cut from the end, or a row
/// left unsealed by an edit, stay a break after the write; attacker, 07/12/2026).
pub(crate) fn chain_end(conn: &Connection) -> Result<ChainEnd> {
    let seq: i64 = conn
        .prepare_cached("SELECT coalesce(max(seq), 0) FROM changes")?
        .query_row([], |r| r.get(0))?;
    Ok(ChainEnd {
        seq,
        hash: recorded_end(conn)?,
        moved: false,
    })
}

/// Append a change row already chained to `end` (its hash written with it, numbered
/// next after it), and move `end` to it.
pub(crate) fn insert_chained(
    conn: &Connection,
    c: &crate::records::ChangeRecord,
    end: &mut ChainEnd,
) -> Result<()> {
    let content: [Option<String>; 11] = [
        Some(c.id.clone()),
        Some(c.at.clone()),
        Some(c.actor.code().to_string()),
        Some(c.action.code().to_string()),
        Some(c.table.clone()),
        Some(c.record_id.clone()),
        c.old.as_ref().map(|v| v.to_string()),
        c.new.as_ref().map(|v| v.to_string()),
        c.note.clone(),
        c.source.clone(),
        c.user.clone(),
    ];
    let seq = end.seq + 1;
    let hash = hash_of(&end.hash, seq, &content);
    {
        let [id, at, actor, action, table, record, old, new, note, source, user] = &content;
        conn.prepare_cached(
            "INSERT INTO changes (seq, id, at, actor, action, table_name, record_id, old_value, new_value, note, source, user_login, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            seq, id, at, actor, action, table, record, old, new, note, source, user, hash
        ])?;
    }
    end.seq = seq;
    end.hash = hash;
    end.moved = true;
    Ok(())
}

/// Move the head to the end of the rows appended with `insert_chained`.
pub(crate) fn close_chain(conn: &Connection, end: &ChainEnd) -> Result<()> {
    if end.moved {
        set_head(conn, end.seq, &end.hash)?;
    }
    Ok(())
}

fn set_head(conn: &Connection, seq: i64, hash: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)
         ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
    )?
    .execute(params![seq, hash])?;
    Ok(())
}

/// Chain every row without a hash (a register from before the chain, `chain_new`), then
/// make the history append-only. Run with the migrations. A register that had its chain
/// before the upgrade has no row without a hash but one edited behind the app's back:
/// such a row is never sealed (an upgrade would otherwise make the edit whole: attacker,
/// 07/12/2026).
pub(crate) fn seal_all(conn: &Connection, chain_new: bool) -> Result<()> {
    if chain_new {
        seal_unhashed(conn)?;
    }
    conn.execute_batch(
        &GUARDS
            .map(|(name, body)| format!("CREATE TRIGGER IF NOT EXISTS {name} {body};"))
            .join("\n"),
    )?;
    Ok(())
}

fn seal_unhashed(conn: &Connection) -> Result<()> {
    let rows: Vec<Row> = conn
        .prepare(&format!("SELECT {CONTENT} FROM changes ORDER BY seq"))?
        .query_map([], read)?
        .collect::<rusqlite::Result<_>>()?;
    let mut prev = String::new();
    let mut last = None;
    for (seq, content, hash) in rows {
        let h = match hash {
            Some(h) => h,
            None => {
                let h = hash_of(&prev, seq, &content);
                conn.execute(
                    "UPDATE changes SET hash = ?2 WHERE seq = ?1",
                    params![seq, h],
                )?;
                h
            }
        };
        prev = h;
        last = Some(seq);
    }
    if let Some(seq) = last {
        set_head(conn, seq, &prev)?;
    }
    Ok(())
}

/// The triggers that make the history append-only: name, and what follows it.
const GUARDS: [(&str, &str); 2] = [
    (
        "changes_no_update",
        "BEFORE UPDATE ON changes
           WHEN OLD.hash IS NOT NULL
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không sửa được.'); END",
    ),
    (
        "changes_no_delete",
        "BEFORE DELETE ON changes
         BEGIN SELECT RAISE(ABORT, 'Lịch sử thay đổi không xóa được.'); END",
    ),
];

/// Whether both guards are in the file as this app made them (a trigger of the same name
/// that does nothing guards nothing). Compared word for word, spaces aside.
fn guards_whole(conn: &Connection) -> Result<bool> {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (name, body) in GUARDS {
        let sql: Option<String> = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND lower(name) = ?1",
                [name],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        if sql.map(|s| words(&s)) != Some(words(&format!("CREATE TRIGGER {name} {body}"))) {
            return Ok(false);
        }
    }
    // Nor a third trigger on the history, which could undo what the guards keep.
    let others: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
            AND lower(tbl_name) = 'changes'
            AND lower(name) NOT IN ('changes_no_update', 'changes_no_delete')",
        [],
        |r| r.get(0),
    )?;
    Ok(others == 0)
}

/// Walk the chain from the first row: the first row that does not follow is named.
pub fn verify(conn: &Connection) -> Result<AuditCheck> {
    let guarded = guards_whole(conn)?;
    let mut stmt = conn.prepare(&format!("SELECT {CONTENT} FROM changes ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    let mut prev = String::new();
    let mut n = 0u32;
    let mut last_seq = 0i64;
    while let Some(r) = rows.next()? {
        let Ok((seq, content, hash)) = read(r) else {
            // A field edited into what no row holds (a blob, a number).
            let seq: i64 = r.get(0).unwrap_or(last_seq + 1);
            return Ok(AuditCheck {
                rows: n + 1,
                broken_at: Some(seq.max(0) as u32),
                message: format!(
                    "Lịch sử thay đổi không còn nguyên vẹn: bản ghi số {seq} không đọc được (đã bị sửa ngoài phần mềm)."
                ),
            });
        };
        n += 1;
        // The rows are numbered without a gap (nothing is ever deleted, and a rolled-back
        // write gives its number back): a gap is a row deleted, even one whose later rows
        // were chained anew.
        if seq != last_seq + 1 {
            return Ok(AuditCheck {
                rows: n,
                broken_at: Some((last_seq + 1) as u32),
                message: format!(
                    "Lịch sử thay đổi không còn nguyên vẹn: thiếu bản ghi số {} (đã bị xóa ngoài phần mềm).",
                    last_seq + 1
                ),
            });
        }
        last_seq = seq;
        let want = hash_of(&prev, seq, &content);
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
    // The head kept apart: rows deleted from the end leave it pointing past the chain.
    let head: Option<(i64, String)> = conn
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    let whole_end = match &head {
        Some((seq, hash)) => *seq == last_seq && *hash == prev,
        None => n == 0,
    };
    if !whole_end {
        let message = match head {
            Some((recorded, _)) if recorded > last_seq => format!(
                "Lịch sử thay đổi không còn nguyên vẹn: các bản ghi cuối đã bị xóa (lịch sử đã ghi đến bản ghi số {recorded}, nay chỉ còn đến số {last_seq})."
            ),
            Some(_) => format!(
                "Lịch sử thay đổi không còn nguyên vẹn: dấu cuối của lịch sử (bảng audit_head) không khớp với bản ghi cuối cùng, số {last_seq}; dấu ấy hoặc các bản ghi cuối đã bị sửa ngoài phần mềm."
            ),
            None => format!(
                "Lịch sử thay đổi không còn nguyên vẹn: dấu cuối của lịch sử (bảng audit_head) đã bị xóa ngoài phần mềm ({n} bản ghi)."
            ),
        };
        return Ok(AuditCheck {
            rows: n,
            broken_at: Some((last_seq + 1) as u32),
            message,
        });
    }
    if !guarded {
        return Ok(AuditCheck {
            rows: n,
            broken_at: Some(0),
            message: "Lịch sử thay đổi không còn được bảo vệ: các trigger chặn sửa, xóa lịch sử đã bị gỡ hoặc bị thay khỏi tệp sổ ngoài phần mềm.".into(),
        });
    }
    Ok(AuditCheck {
        rows: n,
        broken_at: None,
        message: format!("Lịch sử thay đổi nguyên vẹn ({n} bản ghi)."),
    })
}
