//! The full integrity check of a register, on demand: every page and index
//! (`PRAGMA integrity_check`), every foreign key, and each petition's history (its state
//! is where its moves led, which the reports count from). Opening a register does not run it
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
    /// Petitions whose history does not hold together (no receipt, a state that is not
    /// where the last move led, a move that does not start where the one before ended).
    /// Not damage of the file: a register imported by an early version may hold some. The
    /// reports count a petition by the state written on it.
    pub notes: Vec<String>,
    /// One sentence for the user, in Vietnamese.
    pub message: String,
    /// The history's hash chain or the accounts it records were edited behind the app's
    /// back (what `tiepdan audit verify` finds), in words; the file itself may be whole.
    pub history_broken: Option<String>,
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
    // What the reports count from: each petition's state is where its moves led (the
    // moves' states and order, and the units that number petitions, exist from schema 3
    // on; an older file is checked once it has been opened, and so upgraded).
    let mut notes = Vec::new();
    if problems.is_empty() && super::user_version(conn)? >= 3 {
        match lifecycle_problems(conn) {
            Ok(found) => notes = found,
            Err(e) if is_damage(&e) => problems.push(e.to_string()),
            Err(e) => return Err(e.into()),
        }
    }
    // The days' kept counters (schema 10) against a recount from the rows, when the chart
    // reads them (kept by today's rules).
    let (mut counts, mut due, mut firsts) = (Vec::new(), Vec::new(), Vec::new());
    if problems.is_empty() && super::user_version(conn)? >= 10 && super::due::kept_fresh(conn)? {
        counts = counts_problems(conn)?;
        due = kept_due_problems(conn)?;
    }
    // Each case's kept first reception day (schema 11), when the reports read them (none
    // waits to be computed again).
    if problems.is_empty() && super::user_version(conn)? >= 11 && super::days::cases_fresh(conn)? {
        firsts = super::days::cases_differing(conn)?
            .into_iter()
            .map(|(case, _, _)| format!("vụ việc {case}"))
            .collect();
    }
    // The history's hash chain and the accounts it records (what `tiepdan audit verify`
    // walks): an edited or deleted row is no damage of the file, but is said beside it.
    let history = if problems.is_empty() && super::user_version(conn)? >= 4 {
        super::history_words(super::verify_history(conn))
    } else {
        None
    };
    let ok = problems.is_empty();
    let message = if !ok {
        format!(
            "Tệp sổ bị hỏng ({} lỗi, ví dụ: {}): hãy ngừng ghi thêm và khôi phục từ bản sao lưu gần nhất (Cài đặt › Sao lưu).",
            problems.len(),
            problems[0]
        )
    } else if !counts.is_empty() || !due.is_empty() || !firsts.is_empty() {
        let mut said = Vec::new();
        if let Some(first) = counts.first() {
            said.push(format!(
                "số đếm giữ sẵn của biểu đồ 12 tuần khác với đếm lại từ bản ghi ở {} ngày (ví dụ: {first})",
                counts.len()
            ));
        }
        if let Some(first) = due.first() {
            said.push(format!(
                "hạn kế tiếp hoặc phần chuyển kỳ giữ sẵn của {} đơn khác với tính lại từ bản ghi (ví dụ: {first})",
                due.len()
            ));
        }
        if let Some(first) = firsts.first() {
            said.push(format!(
                "ngày tiếp lần đầu giữ sẵn của {} vụ việc khác với tính lại từ bản ghi (ví dụ: {first})",
                firsts.len()
            ));
        }
        format!(
            "Tệp sổ nguyên vẹn. Lưu ý: {}; lệnh `tiepdan rebuild` tính lại.",
            said.join("; ")
        )
    } else if !notes.is_empty() {
        format!(
            "Tệp sổ nguyên vẹn. Lưu ý: {} chỗ lịch sử xử lý đơn không khớp với trạng thái ghi trên đơn (ví dụ: {}); các báo cáo đếm đơn theo trạng thái ghi trên đơn.",
            notes.len(),
            notes[0]
        )
    } else {
        "Tệp sổ nguyên vẹn.".to_string()
    };
    notes.extend(counts);
    notes.extend(due);
    notes.extend(firsts);
    Ok(IntegrityCheck {
        ok,
        problems,
        notes,
        message,
        history_broken: history,
    })
}

/// The days whose kept counters differ from a recount from the rows.
fn counts_problems(conn: &Connection) -> Result<Vec<String>> {
    let kept = super::days::all_kept(conn)?;
    let recounted = super::days::recounted(conn)?;
    let by_day =
        |rows: &[super::DayCounts]| -> std::collections::BTreeMap<String, super::DayCounts> {
            rows.iter().map(|d| (d.day.clone(), d.clone())).collect()
        };
    let (kept, recounted) = (by_day(&kept), by_day(&recounted));
    let days: std::collections::BTreeSet<&String> = kept.keys().chain(recounted.keys()).collect();
    Ok(days
        .into_iter()
        .filter(|d| kept.get(*d) != recounted.get(*d))
        .map(|d| format!("ngày {d}"))
        .collect())
}

/// The petitions whose kept next due day and carry (schema 7–9: what the queue, the
/// overdue filters and 02/XLD's carried-over column read) differ from the values computed
/// again from their record and moves, as the one write path computes them; and any
/// petition waiting to be computed, or closed, that holds a carry (the reports would count
/// it).
fn kept_due_problems(conn: &Connection) -> Result<Vec<String>> {
    let calendar = super::calendar(conn)?;
    let settings = super::read_settings(conn)?.deadlines;
    let kept = format!(
        "SELECT id FROM petitions INDEXED BY petitions_open WHERE due_stale = 0 AND {}",
        super::due::OPEN
    );
    let mut stored = conn.prepare(
        "SELECT due_next, due_unknown, carry_since, carry_units FROM petitions WHERE id = ?1",
    )?;
    let mut wrong = Vec::new();
    for p in super::facts::petition_facts(conn, &kept, [], super::facts::Details::All)? {
        let (next, unknown) = super::due::due_of(&p.record, &p.events, &calendar, &settings);
        let (since, units) = super::due::carry_of(&p);
        let held: (Option<String>, bool, Option<String>, Option<u32>) = stored
            .query_row([&p.record.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
        if held != (next, unknown, Some(since), units) {
            wrong.push(format!("đơn số {}", p.number));
        }
    }
    // Only an open petition computed by today's rules holds a carry (a move marks it to be
    // computed again and drops its carry; a closed one is not computed again): any other
    // row holding one would be added to 02/XLD's column 1.
    let carried_stale: Vec<String> = conn
        .prepare(&format!(
            "SELECT id FROM petitions INDEXED BY petitions_carry
              WHERE carry_units IS NOT NULL AND (due_stale = 1 OR NOT {})",
            super::due::OPEN
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in carried_stale {
        if let Some(p) = super::get_petition(conn, &id)? {
            wrong.push(format!("đơn số {}", super::number_label(conn, &p)?));
        }
    }
    Ok(wrong)
}

/// At most this many petitions are named per kind of lifecycle problem.
const NAMED: usize = 20;

/// Petitions whose history does not hold together: no receipt, a state that is not where
/// the last move led (the reports count petitions by their state), or a move that does not
/// start where the one before ended. The app's one write path keeps all three; they
/// appear after an edit of the file outside it, or in a register where an early version
/// imported the moves of a petition it already held.
fn lifecycle_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    fn state(code: Option<String>) -> String {
        match code {
            None => "(không có)".to_string(),
            Some(c) => crate::domain::PetitionState::from_code(&c)
                .map_or_else(|| format!("“{c}”"), |s| format!("“{}”", s.label())),
        }
    }
    // Each query gives a petition's number, year and other unit (a petition another unit
    // numbered is named with it: two wards' 5/2026 in one register), then two states.
    let named = |sql: String, line: &dyn Fn(String, String, String) -> String| {
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            let unit: Option<String> = r.get(2)?;
            let name = super::number_text(r.get(0)?, r.get(1)?, unit.as_deref());
            let (a, b) = if r.as_ref().column_count() > 3 {
                (state(r.get(3)?), state(r.get(4)?))
            } else {
                (String::new(), String::new())
            };
            Ok(line(format!("Đơn số {name}"), a, b))
        })?;
        rows.take(NAMED).collect::<rusqlite::Result<Vec<String>>>()
    };
    const UNIT: &str = "(SELECT u.name FROM units u WHERE u.id = p.unit_id
                          AND u.id <> (SELECT value FROM settings WHERE key = 'unit_id'))";
    let mut found = named(
        format!(
            "SELECT p.number, p.year, {UNIT} FROM petitions p
              WHERE NOT EXISTS (SELECT 1 FROM petition_events e WHERE e.petition_id = p.id)
              ORDER BY p.year, p.number"
        ),
        &|name, _, _| format!("{name}: không có bước tiếp nhận"),
    )?;
    found.extend(named(
        format!(
            "SELECT p.number, p.year, {UNIT}, p.state, last.to_state
               FROM petitions p
               JOIN (SELECT petition_id, to_state,
                            row_number() OVER (PARTITION BY petition_id
                                               ORDER BY on_date DESC, seq DESC) AS nth
                       FROM petition_events) last
                 ON last.petition_id = p.id AND last.nth = 1
              WHERE p.state IS NOT last.to_state
              ORDER BY p.year, p.number"
        ),
        &|name, now, last| {
            format!("{name}: trạng thái ghi trên đơn {now} khác bước xử lý cuối cùng ({last})")
        },
    )?);
    found.extend(named(
        format!(
            "SELECT p.number, p.year, {UNIT}, m.from_state, m.before
               FROM (SELECT petition_id, from_state,
                            lag(to_state) OVER (PARTITION BY petition_id ORDER BY on_date, seq)
                              AS before
                       FROM petition_events) m
               JOIN petitions p ON p.id = m.petition_id
              WHERE m.from_state IS NOT m.before
              ORDER BY p.year, p.number"
        ),
        &|name, from, before| {
            format!(
                "{name}: một bước xử lý bắt đầu từ {from} nhưng bước trước đó kết thúc ở {before}"
            )
        },
    )?);
    Ok(found)
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// Whether the register at `path` has accounts, read without opening it as a register (a
/// whole-file check signs in first when it does); `None` when it cannot be read so.
pub fn has_accounts_at(path: &Path) -> Option<bool> {
    let conn = Connection::open_with_flags(
        super::sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    let table: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'users'",
            [],
            |r| r.get(0),
        )
        .ok()?;
    if !table {
        return Some(false);
    }
    conn.query_row("SELECT count(*) > 0 FROM users", [], |r| r.get(0))
        .ok()
}

/// Check the register at `path` through a read-only connection of its own, so the app's
/// connection is not held while a large register is read; a damaged one's message names
/// the newest good backup beside it.
pub fn check_file(path: &Path) -> Result<IntegrityCheck> {
    super::roll_back_hot_journal(path);
    let conn = Connection::open_with_flags(
        super::sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // A database that is not a register (another program's, an empty one) is not called
    // intact: refused, as every other command refuses it, and left untouched. A file
    // whose first page cannot be read is checked, and said to be damaged.
    let first = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    // A file that does not even start as an SQLite database (a text file, a document) is
    // no register, not a damaged one: restoring a backup over it is not the advice. Its
    // first bytes are read only when SQLite could not read it: while the app has the
    // register open (this check runs beside it), opening and closing the file outside
    // SQLite would drop the app's locks on it (POSIX locks belong to the process, and go
    // with any of its descriptors of the file closed), and another process could then
    // take the register as its own: remove its journal, or write beside the app.
    // (SQLite takes a file shorter than its header for an empty database: no register
    // either, and not one the app has open.)
    let not_sqlite = || {
        let mut head = [0u8; 16];
        let started = std::fs::File::open(super::sqlite_path(path))
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head));
        if matches!(started, Ok(n) if n > 0 && (n < 16 || &head != b"SQLite format 3\0")) {
            return Err(crate::error::Error::NotRegister(format!(
                "Tệp {} không phải sổ của Sổ Tiếp Dân (không phải cơ sở dữ liệu SQLite); phần mềm không ghi gì vào tệp này.",
                path.display()
            )));
        }
        Ok(())
    };
    if matches!(&first, Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::NotADatabase)
    {
        not_sqlite()?;
    }
    let readable = first.is_ok();
    if readable {
        match super::file_kind(&conn, path)? {
            super::FileKind::Register { .. } => {}
            super::FileKind::Empty => {
                not_sqlite()?;
                return Err(crate::error::Error::NotRegister(format!(
                    "Tệp {} là cơ sở dữ liệu trống, chưa phải sổ của Sổ Tiếp Dân; phần mềm không ghi gì vào tệp này.",
                    path.display()
                )));
            }
        }
    }
    let mut found = check(&conn)?;
    // A damaged register: which backup to restore, and how.
    if !found.ok {
        found.message = format!("{} {}", found.message, crate::backup::restore_hint(path));
    }
    Ok(found)
}
