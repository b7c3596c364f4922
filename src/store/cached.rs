//! Statements through the connection's cache: a statement run once per record (an import
//! runs them hundreds of thousands of times) is parsed once, not at every call.

use rusqlite::{Connection, Params, Row};

/// Run a statement that returns no rows.
pub(crate) fn exec(conn: &Connection, sql: &str, params: impl Params) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

/// The first row of a query.
pub(crate) fn one<T>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    f: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, f)
}
