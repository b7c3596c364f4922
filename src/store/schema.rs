//! Changes to the schema's text that SQL alone cannot make.

use rusqlite::{Connection, OptionalExtension};

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

/// Indexes that only reads use (reports, the queue, a person's history, search): no
/// statement an import runs looks anything up through them (measured: the 200,000-person
/// import takes as long without them, not longer), so an import may write its rows without
/// them and build each once, sorted, at the end. The lookups of a write (ids, a case's
/// visits and petitions, a petition's moves, a duplicate's original, a merged person) go
/// through the unique indexes and `visits_case`, `petitions_case`, `petition_events_order`,
/// `petitions_duplicate_of`, `persons_merged_into` (whether a person matched by ID number
/// is a denunciator follows merges both ways), which stay. That question also looks up the
/// person's visits and petitions by `visit_persons_person` and `petition_persons_person`,
/// both on the list: an import asks it only while it writes the persons, before any visit
/// or petition, when those tables are still empty (a lookup in an empty table costs
/// nothing); a change of that order must take them off the list.
pub(crate) const READ_ONLY_INDEXES: [&str; 12] = [
    "petitions_received",
    "petitions_state",
    "petitions_due_stale",
    "petitions_carry",
    "petitions_open",
    "petitions_carry_uncounted",
    "petition_events_on_date",
    "cases_first_seen",
    "sessions_date",
    "sessions_id_date",
    "visit_persons_person",
    "petition_persons_person",
];

/// Run a bulk write (an import) without the [`READ_ONLY_INDEXES`] of the tables that hold no
/// row yet: SQLite keeps each index of a row up to date as the row is written, a B-tree
/// insert at a random place of an index larger than the page cache for most of them (their
/// keys are record ids), where `CREATE INDEX` afterwards sorts the rows once (200,000
/// persons, with new records' search rows written first: 38 s → 34–35 s). A table that already holds rows keeps its indexes (building
/// them again would read the whole register). The indexes are dropped inside the caller's
/// transaction and made again from their own SQL before `f`'s result is returned, so the
/// kept values computed before the commit have them; a failed write rolls the drop back
/// with the rest. Outside a transaction each drop would commit alone: refused.
pub(crate) fn without_read_only_indexes<T>(
    conn: &Connection,
    f: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if conn.is_autocommit() {
        return Err(crate::error::Error::Internal(
            "Lỗi phần mềm: chỉ mục chỉ được tạm bỏ trong một lần ghi.".into(),
        ));
    }
    let mut saved: Vec<String> = Vec::new();
    for name in READ_ONLY_INDEXES {
        let found: Option<(String, String)> = conn
            .query_row(
                "SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((table, sql)) = found else { continue };
        let empty: bool = conn.query_row(
            &format!("SELECT NOT EXISTS (SELECT 1 FROM \"{table}\")"),
            [],
            |r| r.get(0),
        )?;
        if empty {
            conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            saved.push(sql);
        }
    }
    let out = f()?;
    for sql in &saved {
        conn.execute_batch(sql)?;
    }
    Ok(out)
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

    fn indexes(conn: &Connection) -> Vec<(String, String)> {
        conn.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0).unwrap(), r.get(1).unwrap())))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// Every index the list names is in the schema (a renamed one would silently be kept
    /// through imports); inside the bulk write, those of the empty tables are gone and the
    /// others kept (the cases table holds a row here); after it, the schema is as before,
    /// to the letter; a failed bulk write rolls the drop back.
    #[test]
    fn an_imports_read_only_indexes_are_dropped_on_empty_tables_and_made_again() {
        let store = crate::store::Store::open_in_memory(Box::new(crate::clock::FixedClock(
            chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        )))
        .unwrap();
        let conn = store.conn();
        let before = indexes(conn);
        for name in READ_ONLY_INDEXES {
            assert!(before.iter().any(|(n, _)| n == name), "{name}");
        }
        conn.execute_batch(
            "INSERT INTO cases (id, summary, opened_on, created_at)
             VALUES ('c1', 'Đất', '2026-06-01', '2026-06-30')",
        )
        .unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        without_read_only_indexes(conn, || {
            let during = indexes(conn);
            for name in READ_ONLY_INDEXES {
                let kept = during.iter().any(|(n, _)| n == name);
                assert_eq!(kept, name == "cases_first_seen", "{name}");
            }
            Ok(())
        })
        .unwrap();
        conn.execute_batch("COMMIT").unwrap();
        assert_eq!(indexes(conn), before);

        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        let failed: Result<()> = without_read_only_indexes(conn, || {
            Err(crate::error::Error::Internal("refused".into()))
        });
        assert!(failed.is_err());
        conn.execute_batch("ROLLBACK").unwrap();
        assert_eq!(indexes(conn), before);
        // Never outside a write's transaction.
        assert!(without_read_only_indexes(conn, || Ok(())).is_err());
        assert_eq!(indexes(conn), before);
    }
}
