//! A record present both in the file and in the register: which side is newer.
//!
//! Each side's history of the record (its change records, newest first) walks its values
//! back to what they were before each change. When the register's values are one of the
//! file's earlier states, the file's history extends the register's: the file is newer.
//! When the file's values are one of the register's earlier states, the register is newer.
//! When neither holds, both were changed since they parted (or the values differ with no
//! history to tell which is newer): the import is refused, naming the record and field.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::records::ChangeRecord;
use crate::store;

/// What the comparison found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Newer {
    /// The same values.
    Same,
    /// The file's history extends the register's: bring the register to the file's values.
    File,
    /// The register's history extends the file's (an older file): keep the register's.
    Register,
    /// Both changed since they parted: these fields differ.
    Both(Vec<String>),
}

/// The file's change records, by (table, record id), in the file's order (oldest first).
pub(super) struct FileHistory<'f>(HashMap<(&'f str, &'f str), Vec<&'f ChangeRecord>>);

impl<'f> FileHistory<'f> {
    pub(super) fn new(changes: &'f [ChangeRecord]) -> Self {
        let mut by = HashMap::new();
        for c in changes {
            by.entry((c.table.as_str(), c.record_id.as_str()))
                .or_insert_with(Vec::new)
                .push(c);
        }
        FileHistory(by)
    }

    fn of<'s>(&'s self, table: &'s str, id: &'s str) -> &'s [&'f ChangeRecord] {
        self.0.get(&(table, id)).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// A record's fields, nested objects flattened one level (`handling.agency`), as the
/// change records name them; only `keys`.
pub(super) fn fields_of<T: Serialize>(record: &T, keys: &[&str]) -> Result<Map<String, Value>> {
    let mut out = Map::new();
    if let Value::Object(map) = serde_json::to_value(record)? {
        for (k, v) in map {
            match v {
                Value::Object(inner) => {
                    for (ik, iv) in inner {
                        let key = format!("{k}.{ik}");
                        if keys.contains(&key.as_str()) {
                            out.insert(key, iv);
                        }
                    }
                }
                v if keys.contains(&k.as_str()) => {
                    out.insert(k, v);
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

/// The values a record had: now, then before each change, newest first.
fn states<'c>(
    now: &Map<String, Value>,
    history: impl DoubleEndedIterator<Item = &'c ChangeRecord>,
) -> Vec<Map<String, Value>> {
    let mut state = now.clone();
    let mut out = vec![state.clone()];
    for c in history.rev() {
        if let Some(Value::Object(old)) = &c.old {
            for (k, v) in old {
                if state.contains_key(k) {
                    state.insert(k.clone(), v.clone());
                }
            }
            out.push(state.clone());
        }
    }
    out
}

/// Compare a record of the register (`here`) with the file's (`there`), both reduced to
/// the same fields.
pub(super) fn newer(
    conn: &rusqlite::Connection,
    file: &FileHistory<'_>,
    table: &str,
    id: &str,
    here: &Map<String, Value>,
    there: &Map<String, Value>,
) -> Result<Newer> {
    if here == there {
        return Ok(Newer::Same);
    }
    if states(there, file.of(table, id).iter().copied())
        .iter()
        .any(|s| s == here)
    {
        return Ok(Newer::File);
    }
    let ours = store::changes_of(conn, table, id)?;
    if states(here, ours.iter()).iter().any(|s| s == there) {
        return Ok(Newer::Register);
    }
    Ok(Newer::Both(
        here.keys()
            .filter(|k| here.get(*k) != there.get(*k))
            .cloned()
            .collect(),
    ))
}

/// A value as a message shows it.
pub(super) fn shown_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "(trống)".to_string(),
        Some(Value::String(s)) => format!("“{}”", crate::text::shown(s, 60)),
        Some(v) => crate::text::shown(&v.to_string(), 60),
    }
}
