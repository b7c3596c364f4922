//! Storage: the only place with SQL. One SQLite file, migrations embedded from
//! `migrations/`, every user action one transaction.

mod audit;
mod cached;
mod calendar;
mod catalogue;
mod days;
mod due;
mod facts;
mod forms;
mod integrity;
mod locks;
mod merges;
mod persons;
mod petitions;
mod records;
mod register;
mod schema;
mod search;
mod sessions;
mod settings;
mod users;

pub use audit::AuditCheck;
pub(crate) use audit::{
    chain_end, close_chain, insert_chained, seal_last, verify as verify_chain, ChainEnd,
};
pub(crate) use cached::{exec, one};
pub(crate) use calendar::*;
pub(crate) use catalogue::{
    check_field, code_from_name, get_field, insert_field_if_new, upsert_field,
};
pub(crate) use days::without_triggers as without_day_triggers;
pub(crate) use days::DayCounts;
#[cfg(test)]
pub(crate) use days::{
    all_kept as kept_day_counts, cases_differing as cases_first_differing,
    recounted as recounted_day_counts,
};
#[cfg(test)]
pub(crate) use due::{carry_of, due_of};
pub(crate) use due::{due_fast, forget_kept, kept_fresh, queue_fast, refresh_kept, DueRow};
#[cfg(test)]
pub(crate) use facts::{petition_facts, Details};
pub use facts::{
    CaseHistory, ChartCounts, ChartFacts, ComparisonFacts, FieldGroups, PeriodFacts, PetitionFact,
    SessionFact, VisitFact,
};
pub(crate) use forms::*;
pub use integrity::{check_file, has_accounts_at, IntegrityCheck};
pub use locks::PeriodLock;
pub(crate) use locks::*;
pub(crate) use merges::*;
pub(crate) use persons::cases_of_person;
pub(crate) use petitions::*;
pub(crate) use records::*;
pub(crate) use register::register_visits;
pub use register::{RegisterPerson, RegisterVisit};
pub(crate) use schema::without_read_only_indexes;
pub(crate) use search::*;
pub(crate) use sessions::*;
pub(crate) use settings::{keys as setting_keys, read_settings};
pub(crate) use settings::{read_setting, write_setting};
pub(crate) use users::*;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::clock::{Clock, SystemClock};
use crate::domain::Actor;
use crate::error::{Error, Result};

/// Work done in Rust after the SQL of the pending migrations, inside their transaction:
/// every foreign key is checked (tables are rebuilt with the keys off), and the search
/// indexes are rebuilt when a migration (re)created them: their folded text is computed
/// in Rust, from the rows as the latest schema has them.
fn after_migrations(tx: &rusqlite::Transaction, from: usize) -> rusqlite_migration::HookResult {
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(rusqlite_migration::HookError::Hook(format!(
            "{broken} liên kết khóa ngoại hỏng sau khi nâng cấp"
        )));
    }
    // The history's hash chain, for the rows a register already has; then append-only.
    audit::seal_all(tx, from < 3)
        .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    // Schema 6 on: the CHECK lists as equalities (see `schema::unlist_checks`), after every
    // upgrade (a later migration's new list too), so that an upgraded register's schema is
    // a fresh one's. Nothing is written when there is none.
    schema::unlist_checks(tx).map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    // Schema 7 keeps each open petition's next due date, schema 10 each day's counters:
    // computed for every one.
    due::refresh_kept(tx).map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    // Schema 2 created the search tables.
    if from < 2 {
        records::rebuild_search(tx)
            .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    }
    Ok(())
}

/// The schema migrations, in order, for a database at version `from`: the last one
/// pending carries `after_migrations`. Landed files are never edited; a change is a new
/// file.
fn migrations(from: usize) -> Migrations<'static> {
    let files = [
        include_str!("../../migrations/0001_initial.sql"),
        include_str!("../../migrations/0002_lifecycle_history.sql"),
        include_str!("../../migrations/0003_reporting.sql"),
        include_str!("../../migrations/0004_accounts.sql"),
        include_str!("../../migrations/0005_report_indexes.sql"),
        include_str!("../../migrations/0006_check_lists.sql"),
        include_str!("../../migrations/0007_due.sql"),
        include_str!("../../migrations/0008_carry.sql"),
        include_str!("../../migrations/0009_open.sql"),
        include_str!("../../migrations/0010_day_counts.sql"),
        include_str!("../../migrations/0011_case_first_seen.sql"),
        include_str!("../../migrations/0012_carry_uncounted.sql"),
        include_str!("../../migrations/0013_prior_agencies.sql"),
        include_str!("../../migrations/0014_events_petition_index.sql"),
    ];
    let last = files.len() - 1;
    Migrations::new(
        files
            .into_iter()
            .enumerate()
            .map(|(i, sql)| {
                if i == last {
                    M::up_with_hook(sql, move |tx: &rusqlite::Transaction| {
                        after_migrations(tx, from)
                    })
                } else {
                    M::up(sql)
                }
            })
            .collect(),
    )
}

/// Number of schema versions this build knows.
pub const SCHEMA_VERSION: usize = 14;

pub struct Store {
    conn: Connection,
    clock: Box<dyn Clock>,
    /// Who makes the changes written through this handle.
    actor: Actor,
    /// Opened without write permission: every change is refused.
    read_only: bool,
    /// The account signed in through this handle (none: nobody, or a register without
    /// accounts), and when it last used it (for the idle lock).
    user: std::cell::RefCell<Option<crate::access::SignedIn>>,
    last_use: std::cell::Cell<std::time::Instant>,
    /// The file the register was opened on (Unix: its device and inode), to refuse a write
    /// once another file has taken its name (a restore): the write would go to the file
    /// kept aside. None where a name cannot be replaced while the file is open (Windows)
    /// or for a register that is no file.
    identity: Option<FileIdentity>,
}

/// A file's identity: device and inode.
pub(crate) type FileIdentity = (u64, u64);

/// The identity of the file at `path` now (its name looked up, nothing opened).
pub(crate) fn file_identity(path: &Path) -> Option<FileIdentity> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Refuse a write through a connection opened on `identity` when `path` names another
/// file now: a restore put a backup in its place while this handle was open (it waited
/// for the restore's lock and would write into the file kept aside). Asked once the write
/// lock is held, so no restore can be under way.
pub(crate) fn refuse_if_replaced(
    identity: Option<FileIdentity>,
    path: Option<&Path>,
) -> Result<()> {
    let (Some(opened), Some(path)) = (identity, path) else {
        return Ok(());
    };
    if file_identity(path) == Some(opened) {
        return Ok(());
    }
    Err(Error::invalid(
        "db",
        format!(
            "Tệp sổ {} đã được thay bằng một tệp khác (khôi phục từ bản sao lưu, hoặc chuyển đi) sau khi được mở ở đây: thay đổi này không được ghi. Hãy đóng rồi mở lại sổ (dòng lệnh: chạy lại lệnh).",
            path.display()
        ),
    ))
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish()
    }
}

/// The number in a register's file header that says "a register of Sổ Tiếp Dân"
/// (`PRAGMA application_id`; "TDAN" in ASCII).
pub const APPLICATION_ID: i32 = 0x5444_414E;

/// What an existing file is, read before anything is written to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// An SQLite file without a table: nobody's data (a register being created).
    Empty,
    /// A register of this app: stamped, or made by a build before the stamp.
    Register { stamped: bool },
}

/// Tell a register from any other file, reading only: a file that is not an SQLite
/// database, or an SQLite database of another program, is refused untouched.
pub(crate) fn file_kind(conn: &Connection, path: &Path) -> Result<FileKind> {
    let not_register = |why: &str| {
        Error::NotRegister(format!(
            "Tệp {} {why}; phần mềm không ghi gì vào tệp này.",
            path.display()
        ))
    };
    let read = || -> rusqlite::Result<(i32, i64, Vec<String>)> {
        let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?;
        let tables = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok((app, version, tables))
    };
    let (app, version, tables) = match read() {
        Ok(found) => found,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(
                e.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            return Err(not_register(
                "không phải sổ của Sổ Tiếp Dân (không phải cơ sở dữ liệu SQLite, hoặc đã hỏng)",
            ))
        }
        Err(e) => return Err(e.into()),
    };
    if app == 0 && version == 0 && tables.is_empty() {
        return Ok(FileKind::Empty);
    }
    // Registers written before the stamp: schema version 1 or later and the tables every
    // version has.
    let has = |t: &str| tables.iter().any(|n| n == t);
    let ours = [
        "sessions",
        "visits",
        "settings",
        "persons",
        "petitions",
        "cases",
        "fields",
    ]
    .into_iter()
    .all(has)
        && conn
            .prepare("SELECT 1 FROM pragma_table_info('visits') WHERE name = 'case_id'")
            .and_then(|mut s| s.exists([]))
            .unwrap_or(false);
    // A register of a newer version (stamped, or unstamped with our tables) is refused as
    // such, before anything is written; another program's database is not "newer".
    let ours_stamped = app == APPLICATION_ID;
    if (ours_stamped || (app == 0 && ours)) && version > SCHEMA_VERSION as i64 {
        return Err(Error::NewerDatabase {
            found: version as usize,
            supported: SCHEMA_VERSION,
        });
    }
    if ours_stamped {
        return Ok(FileKind::Register { stamped: true });
    }
    if app == 0 && version >= 1 && ours {
        return Ok(FileKind::Register { stamped: false });
    }
    Err(not_register(
        "là cơ sở dữ liệu của một chương trình khác, không phải sổ của Sổ Tiếp Dân",
    ))
}

/// A file name as SQLite must get it: a relative name that begins with "file:" would be
/// read as a URI (the bundled SQLite reads URIs everywhere), so it gets "./" in front.
pub(crate) fn sqlite_path(path: &Path) -> PathBuf {
    if path.is_relative() && path.to_string_lossy().starts_with("file:") {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

/// A rollback journal left beside a register by a process killed while it wrote without
/// WAL (a restore's check of who has the register open switches its journal mode and
/// back): "hot", only a connection that may write can roll it back, and every command,
/// which first reads the register through a read-only connection, called the register
/// read-only. Rolled back here by a read through a read-write connection (SQLite does so
/// on the first read), when there is such a journal and the register can be written;
/// what cannot be done is left to the opening that follows, which says why. The journal
/// is looked at by its name only: opened and closed outside SQLite, a descriptor of the
/// register would drop this process's locks on it.
pub(crate) fn roll_back_hot_journal(path: &Path) {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push("-journal");
    if !std::fs::metadata(path.with_file_name(name)).is_ok_and(|m| m.is_file() && m.len() > 0) {
        return;
    }
    if let Ok(conn) = Connection::open_with_flags(
        sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        let _ = conn.busy_timeout(std::time::Duration::from_secs(5));
        let _ = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        });
    }
}

/// Whether a file can be written: its own permission, and the folder's (SQLite writes
/// its journal beside it).
fn writable(path: &Path) -> bool {
    let file_ok = std::fs::metadata(path)
        .map(|m| !m.permissions().readonly())
        .unwrap_or(true);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir_ok = std::fs::metadata(dir)
        .map(|m| !m.permissions().readonly())
        .unwrap_or(false);
    // Permission bits say nothing of root or of a read-only mount: try the folder.
    // The file itself is tried through SQLite, which opens it for writing if it can and
    // else read-only: opened and closed outside SQLite, a descriptor of the register
    // would drop the locks this process's other connections hold on it (POSIX locks go
    // with any descriptor of the file closed).
    file_ok
        && dir_ok
        && tempfile_probe(dir)
        && Connection::open_with_flags(
            sqlite_path(path),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .is_ok_and(|c| c.is_readonly(rusqlite::MAIN_DB).is_ok_and(|ro| !ro))
}

fn tempfile_probe(dir: &Path) -> bool {
    let probe = dir.join(format!(".tiepdan-probe-{}", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

/// How long a write waits for another one to finish before it fails. An import is one
/// all-or-nothing transaction holding the write lock for as long as it runs (a ward's
/// file well under a second, a city's 200,000 persons under a couple of minutes on a slow
/// PC): a desk save made meanwhile waits for it, and is saved after it, never refused.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(180);

/// SQLite's page cache per connection, in KiB (its default is 2 MB). A year's report at
/// city scale reads tens of thousands of petitions and their moves through their indexes:
/// with 2 MB each page was read from the file again and again (a fifth of the report's
/// time in `pread`). Memory is taken only as pages are read, up to this.
const PAGE_CACHE_KIB: i64 = 64 * 1024;

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Room for every statement a desk action or an import runs per record (the default
    // keeps 16, fewer than an import cycles through, so each would be parsed again).
    conn.set_prepared_statement_cache_capacity(256);
    Ok(())
}

fn user_version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(v.max(0) as usize)
}

/// Bring a connection's schema to the latest version, refusing a newer database.
fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerDatabase {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    refuse_newer(conn)?;
    // A migration that rebuilds a table must not fire the cascades of the rows it moves;
    // foreign keys are off for the migration (the pragma is a no-op inside a transaction)
    // and checked before it commits, then back on.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let from = user_version(conn)?;
    let migrated = migrations(from).to_latest(conn);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrated?;
    // The keys are checked after a migration only (inside it, and once more here): a
    // register already at the latest version is opened without reading every table.
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    let fk_errors: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?;
    if fk_errors > 0 {
        return Err(Error::NotRegister(format!(
            "Sổ có {fk_errors} liên kết hỏng giữa các bản ghi sau khi nâng cấp: hãy khôi phục từ bản sao lưu."
        )));
    }
    Ok(())
}

impl Store {
    /// Open (creating if needed) the database file and migrate it. An existing file at an
    /// older schema version is first copied to `<name>.bak-v<version>`.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with_clock(path, Box::new(SystemClock))
    }

    /// Open the register at `path`, creating it when there is no file yet. Its folder must
    /// exist (a mistyped path is an error, never a new folder). A file that is not a
    /// register is refused before anything is written to it; a register from a newer
    /// version too. A register the user cannot write is opened read-only (every change is
    /// then refused, saying why); an older one cannot be upgraded that way and is refused.
    pub fn open_with_clock(path: &Path, clock: Box<dyn Clock>) -> Result<Self> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(Error::invalid(
                "db",
                format!(
                    "Thư mục {} không có: kiểm tra lại đường dẫn tệp sổ.",
                    dir.display()
                ),
            ));
        }
        if path.is_dir() {
            return Err(Error::invalid(
                "db",
                format!("{} là một thư mục, không phải tệp sổ.", path.display()),
            ));
        }
        let existed = path.exists() && std::fs::metadata(path)?.len() > 0;
        if existed {
            roll_back_hot_journal(path);
        }
        if existed && !writable(path) {
            return Self::open_read_only(path, clock);
        }
        // What the file is, read through a read-only connection (nothing is written to a
        // file that turns out not to be a register); a path is a path, never a URI.
        let kind = if existed {
            let reader = Connection::open_with_flags(
                sqlite_path(path),
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            file_kind(&reader, path)?
        } else {
            FileKind::Empty
        };
        // The file's identity before SQLite opens it: were it replaced in between, writes
        // would be refused (safe), never let through to a file kept aside.
        let before = file_identity(path);
        let mut conn = Connection::open_with_flags(
            sqlite_path(path),
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::finish_open(conn_ready(&mut conn, path, kind, existed), path)?;
        Ok(Store {
            conn,
            clock,
            actor: Actor::Desk,
            read_only: false,
            user: Default::default(),
            last_use: std::cell::Cell::new(std::time::Instant::now()),
            identity: before.or_else(|| file_identity(path)),
        })
    }
    /// A register whose pages are damaged answers "corrupt" from any statement: say so.
    fn finish_open(result: Result<()>, path: &Path) -> Result<()> {
        result.map_err(|e| {
            let code = match &e {
                Error::Db(rusqlite::Error::SqliteFailure(f, _)) => Some(f.code),
                Error::Migration(rusqlite_migration::Error::RusqliteError {
                    err: rusqlite::Error::SqliteFailure(f, _),
                    ..
                }) => Some(f.code),
                _ => None,
            };
            match code {
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                    Error::NotRegister(format!(
                        "Tệp sổ {} bị hỏng: hãy khôi phục từ bản sao lưu.",
                        path.display()
                    ))
                }
                _ => e,
            }
        })
    }

    /// No register: what a shell holds while its register is being replaced (a restore).
    /// Every read fails and every change is refused, so nothing typed meanwhile is lost
    /// in a register that is not the office's.
    pub fn closed() -> Result<Self> {
        Ok(Store {
            conn: Connection::open_in_memory()?,
            clock: Box::new(SystemClock),
            actor: Actor::Desk,
            read_only: true,
            user: Default::default(),
            last_use: std::cell::Cell::new(std::time::Instant::now()),
            identity: None,
        })
    }

    /// A register on a read-only medium or without write permission (chosen by `open`
    /// when the file cannot be written), read as it is: every change is refused.
    pub fn open_read_only(path: &Path, clock: Box<dyn Clock>) -> Result<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(sqlite_path(path), flags)
            .and_then(|c| {
                // A register in WAL mode needs its shared-memory file; a folder that cannot
                // hold one is read as immutable.
                c.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
                Ok(c)
            })
            .or_else(|_| {
                let uri = format!("file:{}?immutable=1", path.display());
                Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
            })?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        file_kind(&conn, path)?;
        refuse_newer(&conn)?;
        let version = user_version(&conn)?;
        if version < SCHEMA_VERSION {
            return Err(Error::NotRegister(format!(
                "Tệp sổ {} chỉ đọc được (không có quyền ghi) và là sổ của phiên bản cũ (lược đồ {version}): cần mở một lần với quyền ghi để nâng cấp.",
                path.display()
            )));
        }
        Ok(Store {
            conn,
            clock,
            actor: Actor::Desk,
            read_only: true,
            user: Default::default(),
            last_use: std::cell::Cell::new(std::time::Instant::now()),
            identity: None,
        })
    }

    /// A second, read-only handle on the same register for a long read (a report, the
    /// figures of an export), so that the window's other commands are not kept waiting on
    /// this one while it reads. It acts as the same signed-in account (the same rights, the
    /// same masks, the same idle lock), "today" is this handle's today at the moment it is
    /// made, and all its reads see the register as it was at its first one (one read
    /// transaction, WAL). None for a
    /// register without a file (in memory) or one already opened read-only: read it
    /// through this handle.
    /// Asking for one is a use of this handle: after the idle time it signs the account
    /// out and is refused; otherwise the idle time starts again (the reader's own checks
    /// do not reach back here).
    pub fn reader(&self) -> Result<Option<Store>> {
        self.check_idle()?;
        self.touch();
        if self.read_only {
            return Ok(None);
        }
        let Some(path) = self.conn.path().filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
        conn.set_prepared_statement_cache_capacity(256);
        // One moment for the whole read (a report reads its tables, then its sentences; a
        // save meanwhile must not land between them): a read transaction for the
        // reader's life, ended when it is dropped.
        conn.execute_batch("BEGIN DEFERRED")?;
        Ok(Some(Store {
            conn,
            clock: Box::new(crate::clock::FixedClock(self.today())),
            actor: self.actor,
            read_only: true,
            user: std::cell::RefCell::new(self.user()),
            last_use: std::cell::Cell::new(self.last_use.get()),
            identity: None,
        }))
    }

    /// Whether the register was opened read-only (no write permission on the file).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuse a change to a register opened read-only, saying why.
    pub(crate) fn refuse_if_read_only(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::invalid(
                "db",
                "Sổ đang mở chỉ để đọc (tệp sổ hoặc thư mục của nó không cho ghi): không lưu được thay đổi nào.",
            ));
        }
        Ok(())
    }

    /// A private in-memory database, for tests and dry runs.
    pub fn open_in_memory(clock: Box<dyn Clock>) -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate(&mut conn)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        Ok(Store {
            conn,
            clock,
            actor: Actor::Desk,
            read_only: false,
            user: Default::default(),
            last_use: std::cell::Cell::new(std::time::Instant::now()),
            identity: None,
        })
    }

    pub fn schema_version(&self) -> Result<usize> {
        user_version(&self.conn)
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    pub fn set_clock(&mut self, clock: Box<dyn Clock>) {
        self.clock = clock;
    }

    /// Who acts through this handle: the desk (the app), the CLI…
    pub fn actor(&self) -> Actor {
        self.actor
    }

    pub fn set_actor(&mut self, actor: Actor) {
        self.actor = actor;
    }

    /// The account signed in through this handle.
    pub fn user(&self) -> Option<crate::access::SignedIn> {
        self.user.borrow().clone()
    }

    pub(crate) fn set_user(&self, user: Option<crate::access::SignedIn>) {
        *self.user.borrow_mut() = user;
        self.last_use.set(std::time::Instant::now());
    }

    /// How long since the signed-in account last did anything through this handle.
    pub(crate) fn idle_for(&self) -> std::time::Duration {
        self.last_use.get().elapsed()
    }

    pub(crate) fn touch(&self) {
        self.last_use.set(std::time::Instant::now());
    }

    /// For tests of the idle lock: pretend the last use was `by` earlier.
    #[doc(hidden)]
    pub fn pretend_idle(&self, by: std::time::Duration) {
        if let Some(t) = self.last_use.get().checked_sub(by) {
            self.last_use.set(t);
        }
    }

    /// What the desktop shell tells the UI at start.
    pub fn app_info(&self, db_path: &Path) -> Result<crate::domain::AppInfo> {
        Ok(crate::domain::AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: db_path.display().to_string(),
            schema_version: self.schema_version()? as u32,
            is_empty: self.is_empty()?,
            has_sample: self.has_sample()?,
            today: self.today().to_string(),
            settings: self.settings()?,
        })
    }

    /// The date of the earliest record (a session or a petition received): before it the
    /// register holds no figures, which is not the same as figures of zero.
    pub fn first_record_date(&self) -> Result<Option<NaiveDate>> {
        let first: Option<String> = self.conn.query_row(
            "SELECT min(d) FROM (SELECT min(date) AS d FROM sessions
                                 UNION ALL SELECT min(received_on) FROM petitions)",
            [],
            |r| r.get(0),
        )?;
        Ok(first.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
    }

    /// Whether the register holds any record dated on or before `day`.
    pub fn has_records_by(&self, day: NaiveDate) -> Result<bool> {
        Ok(self.first_record_date()?.is_some_and(|first| first <= day))
    }

    /// Check the history's hash chain (`tiepdan audit verify`).
    pub fn verify_audit(&self) -> Result<AuditCheck> {
        self.require(crate::access::Permission::ViewAudit)?;
        verify_history(&self.conn)
    }

    /// The full check of the file (every page, every index, every foreign key), read only:
    /// what opening no longer does. Seconds on a city's register: the shell runs it on a
    /// connection of its own in the background ([`check_file`]); `tiepdan check`.
    pub fn check_integrity(&self) -> Result<IntegrityCheck> {
        integrity::check(&self.conn)
    }

    /// Whether the register holds nothing yet (no session, no petition).
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM petitions)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The database file (none for a register in memory).
    pub fn path(&self) -> Option<PathBuf> {
        self.conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    }

    /// The identity of the file this handle opened (`refuse_if_replaced`).
    pub(crate) fn identity(&self) -> Option<FileIdentity> {
        self.identity
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Configure, check and migrate a writable register's connection.
fn conn_ready(conn: &mut Connection, path: &Path, kind: FileKind, existed: bool) -> Result<()> {
    configure(conn)?;
    // A register from a newer version is refused before anything touches the file.
    refuse_newer(conn)?;
    // Two processes may create the same new register at once: the one that waits
    // finds it made by the other.
    with_busy_retry(|| {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Ok(())
    })?;
    // No full check here: it reads every page (seconds at city scale). A file that is not
    // a register was refused above; damage inside one is found by `check_integrity` (the
    // shell runs it in the background after start; `tiepdan check`), and any statement
    // that meets a damaged page answers "corrupt" (`finish_open` says so).
    let version = user_version(conn)?;
    if existed && version < SCHEMA_VERSION && version > 0 {
        backup_before_migration(conn, path, version)?;
    }
    // A new file is stamped before its tables are made: a migration commits step by step,
    // and another process opening the file meanwhile (two creating one register at once)
    // must see a register being made, not another program's half-made database.
    if kind == FileKind::Empty {
        with_busy_retry(|| {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            Ok(())
        })?;
    }
    migrate_racing(conn)?;
    if kind != (FileKind::Register { stamped: true }) {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(())
}

/// Migrate, while another process may be creating or upgrading the same register: a
/// busy answer, or a migration that failed because the other one ran first (the schema
/// version moved under it), is tried again; the second try finds nothing to do.
fn migrate_racing(conn: &mut Connection) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let before = user_version(conn)?;
        match migrate(conn) {
            Ok(()) => return Ok(()),
            Err(e) if std::time::Instant::now() < deadline => {
                if !(is_busy(&e) || user_version(conn)? != before) {
                    return Err(e);
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Run `f`, waiting while another process holds the register's lock (creating or
/// upgrading it): a busy answer is tried again for up to 30 seconds.
fn with_busy_retry<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        match f() {
            Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

fn is_busy(e: &Error) -> bool {
    let sqlite = match e {
        Error::Db(rusqlite::Error::SqliteFailure(f, _)) => Some(f.code),
        Error::Migration(rusqlite_migration::Error::RusqliteError {
            err: rusqlite::Error::SqliteFailure(f, _),
            ..
        }) => Some(f.code),
        _ => None,
    };
    matches!(
        sqlite,
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn backup_before_migration(conn: &Connection, path: &Path, version: usize) -> Result<PathBuf> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak-v{version}"));
    let target = path.with_file_name(name);
    if target.exists() {
        std::fs::remove_file(&target)?;
    }
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(target)
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub(crate) fn now_utc() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Store {
    /// Start a bulk load (sample data, large imports): one outer transaction, so each
    /// inner action becomes a savepoint and the whole load is all or nothing.
    pub fn begin_bulk(&mut self) -> Result<()> {
        self.refuse_if_read_only()?;
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        if let Err(e) = refuse_if_replaced(self.identity, self.path().as_deref()) {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e);
        }
        Ok(())
    }

    /// End a bulk load: commit it, or roll it back. A failed commit is rolled back too,
    /// so the connection never stays inside a transaction.
    pub fn end_bulk(&mut self, commit: bool) -> Result<()> {
        let result = if commit {
            self.conn.execute_batch("COMMIT")
        } else {
            self.conn.execute_batch("ROLLBACK")
        };
        if result.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        Ok(result?)
    }
}

/// The history's hash chain walked from its first row, then the accounts replayed from
/// their history: an account added, or given a role or a password, behind the app's back
/// is found (`tiepdan audit verify`, and a backup's check before a restore).
pub(crate) fn verify_history(conn: &Connection) -> Result<AuditCheck> {
    let check = audit::verify(conn)?;
    if check.broken_at.is_some() {
        return Ok(check);
    }
    if let Some(message) = crate::desk::account::accounts_off_history(conn)? {
        return Ok(AuditCheck {
            rows: check.rows,
            broken_at: Some(0),
            message,
        });
    }
    Ok(check)
}

/// A history check's answer as a restore and the full check say it: none when whole; a history that cannot
/// be read is not whole (a row edited into something else reads as an error).
pub(crate) fn history_words(check: Result<AuditCheck>) -> Option<String> {
    match check {
        Ok(c) if c.broken_at.is_none() => None,
        Ok(c) => Some(c.message),
        Err(_) => {
            Some("Lịch sử thay đổi không đọc được: có bản ghi đã bị sửa ngoài phần mềm.".into())
        }
    }
}
