//! Account rows.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::access::{roles_from_text, roles_to_text, Role};
use crate::error::Result;

/// An account as stored (the password only as its Argon2 hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UserRow {
    pub id: String,
    pub login: String,
    pub full_name: String,
    pub roles: Vec<Role>,
    pub password_hash: String,
    pub active: bool,
    pub created_at: String,
}

const COLUMNS: &str = "id, login, full_name, roles, password_hash, active, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        login: r.get(1)?,
        full_name: r.get(2)?,
        roles: roles_from_text(&r.get::<_, String>(3)?),
        password_hash: r.get(4)?,
        active: r.get(5)?,
        created_at: r.get(6)?,
    })
}

pub(crate) fn has_accounts(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM users)")?
        .query_row([], |r| r.get(0))?)
}

pub(crate) fn user_by_login(conn: &Connection, login: &str) -> Result<Option<UserRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM users WHERE lower(login) = lower(?1)"
        ))?
        .query_row([login], from_row)
        .optional()?)
}

pub(crate) fn user_by_id(conn: &Connection, id: &str) -> Result<Option<UserRow>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM users WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

pub(crate) fn all_users(conn: &Connection) -> Result<Vec<UserRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM users ORDER BY lower(login)"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert_user(conn: &Connection, u: &UserRow) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO users ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![
            u.id,
            u.login,
            u.full_name,
            roles_to_text(&u.roles),
            u.password_hash,
            u.active,
            u.created_at
        ],
    )?;
    Ok(())
}

pub(crate) fn update_user(conn: &Connection, u: &UserRow) -> Result<()> {
    conn.execute(
        "UPDATE users SET login = ?2, full_name = ?3, roles = ?4, password_hash = ?5, active = ?6
         WHERE id = ?1",
        params![
            u.id,
            u.login,
            u.full_name,
            roles_to_text(&u.roles),
            u.password_hash,
            u.active
        ],
    )?;
    Ok(())
}
