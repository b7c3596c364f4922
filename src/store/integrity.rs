//! The full integrity check of a register, on demand: every page and index
//! (`PRAGMA integrity_check`) and every foreign key. Opening a register does not run it
//! (it reads the whole file); the shell runs it in the background after start.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

/// What the full check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IntegrityCheck {
    /// Whether the file is whole.
    pub ok: bool,
    /// The problems as SQLite names them (at most 100), and broken links between records.
    pub problems: Vec<String>,
    /// One sentence for the user, in Vietnamese.
    pub message: String,
}

/// Check the register through `conn` (only reads).
pub(crate) fn check(conn: &Connection) -> Result<IntegrityCheck> {
    let mut problems = Vec::new();
    let pages = conn
        .prepare("PRAGMA integrity_check(100)")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        });
    match pages {
        Ok(rows) => problems.extend(rows.into_iter().filter(|r| r != "ok")),
        Err(e) if is_damage(&e) => problems.push(e.to_string()),
        Err(e) => return Err(e.into()),
    }
    // The foreign keys, only when the pages are whole (a damaged table gives no answer).
    if problems.is_empty() {
        let broken: rusqlite::Result<i64> =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            });
        match broken {
            Ok(0) => {}
            Ok(n) => problems.push(format!("{n} liên kết giữa các bản ghi bị hỏng")),
            Err(e) if is_damage(&e) => problems.push(e.to_string()),
            Err(e) => return Err(e.into()),
        }
    }
    let ok = problems.is_empty();
    let message = if ok {
        "Tệp sổ nguyên vẹn.".to_string()
    } else {
        format!(
            "Tệp sổ bị hỏng ({} lỗi, ví dụ: {}): hãy ngừng ghi thêm và khôi phục từ bản sao lưu gần nhất (Cài đặt › Sao lưu).",
            problems.len(),
            problems[0]
        )
    };
    Ok(IntegrityCheck {
        ok,
        problems,
        message,
    })
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// Check the register at `path` through a read-only connection of its own, so the app's
/// connection is not held while a large register is read; a damaged one's message names
/// the newest good backup beside it.
pub fn check_file(path: &Path) -> Result<IntegrityCheck> {
    let conn = Connection::open_with_flags(
        super::sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mut found = check(&conn)?;
    // A damaged register: which backup to restore, and how.
    if !found.ok {
        found.message = format!("{} {}", found.message, crate::backup::restore_hint(path));
    }
    Ok(found)
}
