//! Changes to the schema's text that SQL alone cannot make.

use rusqlite::Connection;

use crate::error::Result;

/// Rewrite every `CHECK (column IN ('a', 'b', …))` of every table as
/// `CHECK ((column = 'a' OR column = 'b' …))`: the same rule (a NULL passes both), but
/// SQLite checks a list of constants by building a temporary b-tree each time a row is
/// written (the petitions table has eight such lists: about 20 µs a row, measured), and
/// the ORs without one. The rows already satisfy the rule, so only the schema's text
/// changes, the way SQLite documents for a CHECK constraint (`writable_schema`, then a new
/// `schema_version` so every connection reads the schema again): no table is rebuilt.
/// Runs inside the migration's transaction. Returns how many tables were rewritten.
pub(crate) fn unlist_checks(conn: &Connection) -> Result<usize> {
    let tables: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let rewritten: Vec<(String, String)> = tables
        .into_iter()
        .filter_map(|(name, sql)| {
            let new = unlisted(&sql);
            (new != sql).then_some((name, new))
        })
        .collect();
    if rewritten.is_empty() {
        return Ok(0);
    }
    let version: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    conn.pragma_update(None, "writable_schema", true)?;
    let written = (|| -> Result<()> {
        for (name, sql) in &rewritten {
            conn.execute(
                "UPDATE sqlite_master SET sql = ?2 WHERE type = 'table' AND name = ?1",
                [name, sql],
            )?;
        }
        conn.pragma_update(None, "schema_version", version + 1)?;
        Ok(())
    })();
    conn.pragma_update(None, "writable_schema", false)?;
    written?;
    Ok(rewritten.len())
}

/// `sql` with each `CHECK (column IN ('a', 'b'))` as `CHECK ((column = 'a' OR column = 'b'))`:
/// only a CHECK whose whole body is one bare column and a list of quoted constants (a
/// collation, a qualified name or an expression around `IN` is left as it is: `=` binds
/// tighter than `IN`, so rewriting those could change their meaning).
fn unlisted(sql: &str) -> String {
    let check = regex::Regex::new(
        r"(?s)\bCHECK\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s+IN\s*\(\s*('[^']*'(?:\s*,\s*'[^']*')*)\s*\)\s*\)",
    )
    .expect("a valid pattern");
    let value = regex::Regex::new(r"'[^']*'").expect("a valid pattern");
    check
        .replace_all(sql, |c: &regex::Captures| {
            let column = &c[1];
            let terms: Vec<String> = value
                .find_iter(&c[2])
                .map(|v| format!("{column} = {}", v.as_str()))
                .collect();
            format!("CHECK (({}))", terms.join(" OR "))
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_constants_becomes_equalities() {
        assert_eq!(
            unlisted("kind TEXT CHECK (kind IN ('a','b, c', 'd')),\n  x INT"),
            "kind TEXT CHECK ((kind = 'a' OR kind = 'b, c' OR kind = 'd')),\n  x INT"
        );
        assert_eq!(
            unlisted("CHECK (state IN ('received',\n     'filed'))"),
            "CHECK ((state = 'received' OR state = 'filed'))"
        );
        // Anything else is left as it is.
        for kept in [
            "CHECK (x NOT IN ('a', 'b'))",
            "CHECK (x IN (1, 2))",
            "CHECK (length(x) <= 40)",
            "CHECK (x COLLATE NOCASE IN ('a', 'b'))",
            "CHECK (a || b IN ('a', 'b'))",
            "CHECK (x = y IN ('a', 'b'))",
            "CHECK (t.x IN ('a', 'b'))",
            "CHECK (x IN ('a', 'b') OR y > 1)",
        ] {
            assert_eq!(unlisted(kept), kept);
        }
    }
}
