//! Storage: the only place with SQL. One SQLite file, migrations embedded from
//! `migrations/`, every user action one transaction.

mod calendar;
mod catalogue;
mod facts;
mod forms;
mod locks;
mod merges;
mod persons;
mod petitions;
mod records;
mod register;
mod search;
mod sessions;
mod settings;

pub(crate) use calendar::*;
pub(crate) use catalogue::{
    check_field, code_from_name, get_field, insert_field_if_new, upsert_field,
};
pub use facts::{CaseHistory, FieldGroups, PeriodFacts, PetitionFact, SessionFact, VisitFact};
pub(crate) use forms::*;
pub use locks::PeriodLock;
pub(crate) use locks::*;
pub(crate) use merges::*;
pub(crate) use persons::cases_of_person;
pub(crate) use petitions::*;
pub(crate) use records::*;
pub(crate) use register::register_visits;
pub use register::{RegisterPerson, RegisterVisit};
pub(crate) use search::*;
pub(crate) use sessions::*;
pub(crate) use settings::write_setting;
pub(crate) use settings::{keys as setting_keys, read_settings};

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::Connection;
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
pub const SCHEMA_VERSION: usize = 3;

pub struct Store {
    conn: Connection,
    clock: Box<dyn Clock>,
    /// Who makes the changes written through this handle.
    actor: Actor,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish()
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
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
    let fk_errors: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?;
    if fk_errors > 0 {
        return Err(Error::Exchange(format!(
            "{fk_errors} liên kết khóa ngoại hỏng sau khi nâng cấp"
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

    pub fn open_with_clock(path: &Path, clock: Box<dyn Clock>) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let existed = path.exists() && std::fs::metadata(path)?.len() > 0;
        let mut conn = Connection::open(path)?;
        configure(&conn)?;
        // A register from a newer version is refused before anything touches the file.
        refuse_newer(&conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if quick != "ok" {
            return Err(Error::Exchange(format!(
                "tệp cơ sở dữ liệu bị hỏng: {quick}"
            )));
        }
        let version = user_version(&conn)?;
        if existed && version < SCHEMA_VERSION && version > 0 {
            backup_before_migration(&conn, path, version)?;
        }
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            clock,
            actor: Actor::Desk,
        })
    }

    /// A private in-memory database, for tests and dry runs.
    pub fn open_in_memory(clock: Box<dyn Clock>) -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            clock,
            actor: Actor::Desk,
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

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
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
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
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
