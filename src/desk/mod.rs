//! The desk: one module per use case. Each checks every rule and decides what to write;
//! `store/` only reads and writes rows inside the transaction it is handed.
//!
//! The one write path is [`Store::write`]: it opens the transaction (IMMEDIATE, or a
//! savepoint inside a bulk load), knows who acts, and hands the use case a [`Tx`] that
//! appends a change record (table, record, old and new values, who, when) in the same
//! transaction. Nothing else opens a write transaction.

pub mod account;
pub mod admin;
pub mod history;
pub mod intake;
pub mod movement;
pub mod person;
pub mod petition;
pub mod privacy;
pub mod reporting;
pub mod sample;
pub mod session;
pub mod settings;
pub mod visit;

use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::access::Permission;
use crate::domain::{Actor, ChangeAction};
use crate::error::Result;
use crate::records::ChangeRecord;
use crate::store::{self, Store};

/// The write context handed to a use case: the open transaction, who acts, when.
pub struct Tx<'a> {
    conn: &'a Connection,
    pub(crate) actor: Actor,
    /// The signed-in account's login (none on a register without accounts).
    pub(crate) user: Option<String>,
    /// Whether the account may see a denunciator's identity (then it may correct it).
    pub(crate) may_reveal: bool,
    /// UTC RFC 3339 instant of this write.
    pub(crate) at: String,
    pub(crate) today: NaiveDate,
    /// Whether creations get a change record each (an import records one summary instead).
    log_creations: bool,
    /// Dates inside locked periods touched by creations not logged one by one: they
    /// become adjustments of the next change recorded (an import's summary).
    unlogged_dates: std::cell::RefCell<Vec<String>>,
    /// A write whose creations are not logged one by one (an import) appends many change
    /// rows: each is chained as it is written, from the end of the chain kept here (read
    /// at the first row: the end the register's head recorded).
    chain: std::cell::RefCell<Option<store::ChainEnd>>,
}

impl<'a> Tx<'a> {
    pub(crate) fn conn(&self) -> &'a Connection {
        self.conn
    }

    /// Append a change record.
    pub(crate) fn change(
        &self,
        action: ChangeAction,
        table: &str,
        record_id: &str,
        old: Option<Value>,
        new: Option<Value>,
        note: Option<String>,
    ) -> Result<()> {
        // A change of a record dated inside a locked period is an adjustment the next
        // report shows ("điều chỉnh số liệu kỳ trước"): never a silent change.
        let mut dates = if store::any_lock(self.conn)? {
            store::dates_touched(self.conn, table, record_id, old.as_ref(), new.as_ref())?
        } else {
            vec![]
        };
        dates.append(&mut self.unlogged_dates.borrow_mut());
        self.append(&ChangeRecord {
            id: store::new_id(),
            at: self.at.clone(),
            actor: self.actor,
            action,
            table: table.to_string(),
            record_id: record_id.to_string(),
            old,
            new,
            note,
            source: None,
            user: self.user.clone(),
        })?;
        for date in dates {
            store::note_adjustment(self.conn, &date, &self.today.to_string())?;
        }
        Ok(())
    }

    /// A change of a record this write created without a change record of its own (an
    /// import's): summed up with its creation, so no record either; like a creation, a
    /// date it touches inside a locked period is kept for the summary. Recorded as any
    /// change by a write that logs each creation.
    pub(crate) fn change_of_unlogged_creation(
        &self,
        action: ChangeAction,
        table: &str,
        record_id: &str,
        old: Option<Value>,
        new: Option<Value>,
        note: Option<String>,
    ) -> Result<()> {
        if self.log_creations {
            return self.change(action, table, record_id, old, new, note);
        }
        self.keep_unlogged_dates(table, record_id, old.as_ref(), || Ok(new))
    }

    /// A write whose creations get no record each: the dates a record of `table` touches
    /// inside a locked period (`new` computed only when a period is locked) are kept for
    /// the summary record, an adjustment all the same.
    fn keep_unlogged_dates(
        &self,
        table: &str,
        record_id: &str,
        old: Option<&Value>,
        new: impl FnOnce() -> Result<Option<Value>>,
    ) -> Result<()> {
        if store::any_lock(self.conn)? {
            let new = new()?;
            let dates = store::dates_touched(self.conn, table, record_id, old, new.as_ref())?;
            self.unlogged_dates.borrow_mut().extend(dates);
        }
        Ok(())
    }

    /// Append a change row as it is: sealed at once by a write that logs each creation;
    /// chained from the end kept in memory by an import (its head moved once, before the
    /// commit: `finish`).
    pub(crate) fn append(&self, c: &ChangeRecord) -> Result<()> {
        if self.log_creations {
            return store::insert_change(self.conn, c);
        }
        let mut chain = self.chain.borrow_mut();
        if chain.is_none() {
            *chain = Some(store::chain_end(self.conn)?);
        }
        let end = chain.as_mut().expect("read above");
        store::insert_chained(self.conn, c, end)
    }

    /// Before the commit of a write that chained its rows in memory: the head moves to
    /// its last row. (A row found unsealed in the register is never sealed by a write:
    /// only an edit behind the app's back leaves one, and it stays a break.)
    fn finish(&self) -> Result<()> {
        if let Some(end) = self.chain.borrow().as_ref() {
            store::close_chain(self.conn, end)?;
        }
        Ok(())
    }

    /// A record was created.
    pub(crate) fn created<T: Serialize>(&self, table: &str, id: &str, new: &T) -> Result<()> {
        if !self.log_creations {
            // Not one record per creation, yet a record dated in a locked period is still
            // an adjustment: kept for the summary record.
            return self
                .keep_unlogged_dates(table, id, None, || Ok(Some(serde_json::to_value(new)?)));
        }
        self.change(
            ChangeAction::Create,
            table,
            id,
            None,
            Some(serde_json::to_value(new)?),
            None,
        )
    }

    /// A record was changed: only the fields that differ are kept. Returns whether any did.
    pub(crate) fn updated<T: Serialize>(
        &self,
        table: &str,
        id: &str,
        old: &T,
        new: &T,
        note: Option<String>,
    ) -> Result<bool> {
        self.updated_as(ChangeAction::Update, table, id, old, new, note)
    }

    /// [`Self::updated`], recorded as `action` (an account's change is filed under
    /// "Tài khoản", not "Sửa").
    pub(crate) fn updated_as<T: Serialize>(
        &self,
        action: ChangeAction,
        table: &str,
        id: &str,
        old: &T,
        new: &T,
        note: Option<String>,
    ) -> Result<bool> {
        let (old, new) = diff(&serde_json::to_value(old)?, &serde_json::to_value(new)?);
        if old.is_empty() && new.is_empty() {
            return Ok(false);
        }
        self.change(
            action,
            table,
            id,
            Some(Value::Object(old)),
            Some(Value::Object(new)),
            note,
        )?;
        Ok(true)
    }

    /// A record was deleted: the whole record is kept in the history.
    pub(crate) fn deleted<T: Serialize>(
        &self,
        table: &str,
        id: &str,
        old: &T,
        note: Option<String>,
    ) -> Result<()> {
        self.change(
            ChangeAction::Delete,
            table,
            id,
            Some(serde_json::to_value(old)?),
            None,
            note,
        )
    }
}

/// Flatten nested objects one level (`handling.agency`), so a change names each field.
/// The values are borrowed: only the fields that differ are copied (a move's diff runs
/// for every replayed move of an import).
fn flatten(value: &Value) -> std::collections::BTreeMap<std::borrow::Cow<'_, str>, &Value> {
    use std::borrow::Cow;
    let mut out = std::collections::BTreeMap::new();
    if let Value::Object(map) = value {
        for (k, v) in map {
            match v {
                Value::Object(inner) => {
                    for (ik, iv) in inner {
                        out.insert(Cow::Owned(format!("{k}.{ik}")), iv);
                    }
                }
                v => {
                    out.insert(Cow::Borrowed(k.as_str()), v);
                }
            }
        }
    }
    out
}

/// [`diff`] of two petitions, `diff(to_value(old), to_value(new))` exactly (the same keys,
/// values and order: a change record's hash covers them), but only the fields that differ
/// are serialised: a move changes two or three of some twenty-five, and an import replays
/// hundreds of thousands of moves. Every field is named below (the pattern has no `..`: a
/// new field does not compile until it is added).
pub(crate) fn petition_diff(
    old: &crate::records::PetitionRecord,
    new: &crate::records::PetitionRecord,
) -> Result<(Map<String, Value>, Map<String, Value>)> {
    let crate::records::PetitionRecord {
        id,
        unit_id,
        year,
        number,
        received_on,
        source,
        source_agency,
        visit_id,
        kind,
        contents,
        field_code,
        content,
        anonymous,
        respondent,
        handling,
        classification,
        state,
        signers,
        outcome,
        complex,
        first_round_id,
        duplicate_of,
        case_id,
        petitioner_ids,
    } = old;
    let (mut before, mut after) = (Map::new(), Map::new());
    macro_rules! differing {
        ($($field:ident),*) => {$(
            if *$field != new.$field {
                before.insert(stringify!($field).into(), serde_json::to_value($field)?);
                after.insert(stringify!($field).into(), serde_json::to_value(&new.$field)?);
            }
        )*};
    }
    differing!(
        id,
        unit_id,
        year,
        number,
        received_on,
        source,
        source_agency,
        visit_id,
        kind,
        field_code,
        content,
        anonymous,
        respondent,
        handling,
        classification,
        state,
        signers,
        outcome,
        complex,
        first_round_id,
        duplicate_of,
        case_id,
        petitioner_ids
    );
    // Written only when not empty: an empty list is an absent key, read as null.
    if *contents != new.contents {
        let listed = |c: &Vec<crate::domain::PetitionKind>| -> Result<Value> {
            Ok(if c.is_empty() {
                Value::Null
            } else {
                serde_json::to_value(c)?
            })
        };
        before.insert("contents".into(), listed(contents)?);
        after.insert("contents".into(), listed(&new.contents)?);
    }
    Ok(diff(&Value::Object(before), &Value::Object(after)))
}

/// The fields whose values differ, before and after.
fn diff(old: &Value, new: &Value) -> (Map<String, Value>, Map<String, Value>) {
    let (old, new) = (flatten(old), flatten(new));
    let mut before = Map::new();
    let mut after = Map::new();
    for key in old.keys().chain(new.keys()) {
        let (a, b) = (
            old.get(key).copied().unwrap_or(&Value::Null),
            new.get(key).copied().unwrap_or(&Value::Null),
        );
        if a != b && !before.contains_key(key.as_ref()) {
            before.insert(key.to_string(), a.clone());
            after.insert(key.to_string(), b.clone());
        }
    }
    (before, after)
}

impl Store {
    /// The one write path: check that the signed-in account may `need`, then run `f` in
    /// one transaction that records who changed what. Outside a bulk load the transaction
    /// begins IMMEDIATE (it takes the write lock at once, so a concurrent writer waits
    /// instead of failing half-way); inside one, it is a savepoint of the bulk transaction.
    pub fn write<T>(
        &mut self,
        need: Permission,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        self.require(need)?;
        self.write_with(true, f)
    }

    /// The write path for an import: creations are summed up in one record by the caller.
    pub(crate) fn write_quietly<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.require(Permission::Record)?;
        self.write_with(false, f)
    }

    /// The write path of signing in and out: the audit record of who came and went,
    /// written before (or without) anyone being signed in.
    pub(crate) fn write_unchecked<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.write_with(true, f)
    }

    fn write_with<T>(
        &mut self,
        log_creations: bool,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        self.refuse_if_read_only()?;
        let actor = self.actor();
        let user = self.user().map(|u| u.login);
        let may_reveal = self.require(Permission::Reveal).is_ok();
        let today = self.today();
        let at = store::now_utc();
        let (identity, path) = (self.identity(), self.path());
        let conn = self.conn_mut();
        if conn.is_autocommit() {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            store::refuse_if_replaced(identity, path.as_deref())?;
            let w = Tx {
                conn: &tx,
                actor,
                user,
                may_reveal,
                at,
                today,
                log_creations,
                unlogged_dates: Default::default(),
                chain: Default::default(),
            };
            let out = f(&w)?;
            if !log_creations {
                // Its change rows were chained as they were written: the head moves to
                // the last, before the commit (a failed write leaves none behind).
                w.finish()?;
            }
            drop(w);
            // Each open petition's next due day and each day's counters, for what this
            // write changed.
            store::refresh_kept(&tx)?;
            tx.commit()?;
            Ok(out)
        } else {
            let sp = conn.savepoint()?;
            let w = Tx {
                conn: &sp,
                actor,
                user,
                may_reveal,
                at,
                today,
                log_creations,
                unlogged_dates: Default::default(),
                chain: Default::default(),
            };
            let out = f(&w)?;
            if !log_creations {
                // Its change rows were chained as they were written: the head moves to
                // the last, before the commit (a failed write leaves none behind).
                w.finish()?;
            }
            drop(w);
            store::refresh_kept(&sp)?;
            sp.commit()?;
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The petition's diff equals the generic one on every pair of a generated register's
    /// petitions (their kinds, states, handlings, classifications, outcomes and contents
    /// differ every way a move or an edit can make them differ), and on each one against
    /// itself with a field or two changed.
    #[test]
    fn a_petitions_diff_is_the_generic_diff() {
        use crate::exchange::generate::{generate, Spec};
        let file = generate(&Spec::new(
            400,
            3,
            NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        ));
        let generic = |a: &crate::records::PetitionRecord, b: &crate::records::PetitionRecord| {
            diff(
                &serde_json::to_value(a).unwrap(),
                &serde_json::to_value(b).unwrap(),
            )
        };
        let all = &file.petitions;
        assert!(all.len() > 200);
        let mut compared = 0;
        for (i, a) in all.iter().enumerate() {
            let mut near = a.clone();
            near.contents.clear();
            near.outcome = Some(crate::domain::Outcome::Right);
            near.handling.agency = Some("Phòng Tài nguyên".into());
            for b in all.iter().skip(i).step_by(7).chain([a, &near]) {
                for (x, y) in [(a, b), (b, a)] {
                    let (typed, whole) = (petition_diff(x, y).unwrap(), generic(x, y));
                    assert_eq!(
                        serde_json::to_string(&typed).unwrap(),
                        serde_json::to_string(&whole).unwrap(),
                        "{} / {}",
                        x.id,
                        y.id
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 10_000, "{compared}");
        assert!(
            all.iter().any(|p| p.contents.is_empty()) && all.iter().any(|p| !p.contents.is_empty())
        );
    }

    #[test]
    fn diff_keeps_only_changed_fields_flattened() {
        let (old, new) = diff(
            &json!({"a": 1, "b": "x", "h": {"handling": "guide", "agency": null}}),
            &json!({"a": 1, "b": "y", "h": {"handling": "guide", "agency": "Phòng"}}),
        );
        assert_eq!(Value::Object(old), json!({"b": "x", "h.agency": null}));
        assert_eq!(Value::Object(new), json!({"b": "y", "h.agency": "Phòng"}));
    }
}
