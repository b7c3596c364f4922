//! Persons: who is who at the desk, corrections, and merging two records of one citizen.

use crate::access::Permission;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::Tx;
use crate::domain::{ChangeAction, IdKind, Person, PersonInput};
use crate::error::{Error, Result};
use crate::store::{self, Store};
use crate::text::{clean, strip};
use crate::validate::{check_person, tidy_person};

/// The person a record now stands for: a merged person stands for the one it was merged
/// into (followed to the end of the chain).
pub(crate) fn kept_id(conn: &Connection, id: &str) -> Result<String> {
    let mut current = id.to_string();
    for _ in 0..32 {
        match store::merged_into(conn, &current)? {
            None => return Err(Error::not_found("người", current)),
            Some(None) => return Ok(current),
            Some(Some(next)) => current = next,
        }
    }
    Err(Error::invalid(
        "merged_into",
        format!("Hồ sơ công dân {id} bị gộp vòng quanh: hãy hủy một lần gộp."),
    ))
}

fn kept_id_of(conn: &Connection, id: &str) -> Result<String> {
    kept_id(conn, id)
}

/// Find or create the person typed at the desk; returns its id.
///
/// - A person picked from the lookup keeps its id; what was typed only fills its blanks
///   (a different identity number is refused rather than silently dropped).
/// - A typed identity number that is already known is that same person, provided the
///   names agree (diacritics aside); otherwise the number is refused, so a typo never
///   merges two citizens or changes someone else's record.
pub(crate) fn resolve_person(tx: &Tx<'_>, prefix: &str, input: &PersonInput) -> Result<String> {
    let input = &tidy_person(prefix, input)?;
    let conn = tx.conn();
    let id_kind = check_person(prefix, input)?;
    let number = clean(&input.id_number);
    let number_field = format!("{prefix}.id_number");
    let holder = |n: &str| -> Result<Option<Person>> {
        match store::person_by_number(conn, n)? {
            Some(p) => {
                let kept = kept_id(conn, &p.id)?;
                Ok(store::get_person(conn, &kept)?)
            }
            None => Ok(None),
        }
    };
    // The person picked, read once.
    let picked = match &input.existing_id {
        Some(id) => Some(store::get_person(conn, id)?.ok_or_else(|| {
            Error::invalid(
                format!("{prefix}.existing_id"),
                format!(
                    "Công dân đã chọn (mã {}) không có trong sổ: tìm lại người này.",
                    crate::text::shown(id, 40)
                ),
            )
        })?),
        None => None,
    };
    if let (Some(picked), true) = (&picked, input.correct) {
        let id = kept_id(conn, &picked.id)?;
        return correct(tx, prefix, &id, input).map(|p| p.id);
    }
    let known = match picked {
        Some(picked) => {
            // The person kept: the one picked, or the one it was merged into.
            let stored = match picked.merged_into {
                None => picked,
                Some(_) => {
                    let id = kept_id(conn, &picked.id)?;
                    store::get_person(conn, &id)?
                        .ok_or_else(|| Error::not_found("người", id.clone()))?
                }
            };
            let id = stored.id.clone();
            if let (Some(stored), Some(typed)) = (&stored.id_number, &number) {
                if stored != typed {
                    let stored = if crate::desk::privacy::is_confidential(conn, &id)? {
                        "khác (hồ sơ được bảo mật)".to_string()
                    } else {
                        stored.clone()
                    };
                    return Err(Error::invalid(
                        number_field,
                        format!("Người đã chọn có số giấy tờ {stored}, khác số vừa nhập {typed}. Kiểm tra lại số, hoặc bỏ chọn để ghi một người khác."),
                    ));
                }
            }
            if let (None, Some(typed)) = (&stored.id_number, &number) {
                if let Some(other) = holder(typed)? {
                    if other.id != id {
                        return Err(Error::invalid(
                            number_field,
                            format!("Số giấy tờ {typed} đã được ghi cho {}.", who(conn, &other)?),
                        ));
                    }
                }
            }
            Some(stored)
        }
        None => match &number {
            Some(n) => match holder(n)? {
                Some(p) if strip(&p.full_name) == strip(&input.full_name) => Some(p),
                Some(p) => {
                    return Err(Error::invalid(
                        number_field,
                        format!("Số giấy tờ {n} đã được ghi cho {}. Nếu đúng người này, hãy chọn họ ở ô Tìm công dân; nếu không, kiểm tra lại số.", who(conn, &p)?),
                    ))
                }
                None => None,
            },
            None => None,
        },
    };
    if let Some(old) = known {
        // Fill the blanks of the known person with what was typed.
        let mut new = old.clone();
        if new.id_number.is_none() && number.is_some() {
            new.id_number = number;
            new.id_kind = id_kind;
        }
        new.address = new.address.or_else(|| clean(&input.address));
        new.phone = new.phone.or_else(|| clean(&input.phone));
        if new != old {
            store::update_person(conn, &new)?;
            tx.updated("persons", &new.id, &old, &new, None)?;
        }
        return Ok(new.id);
    }
    let person = Person {
        id: store::new_id(),
        full_name: clean(&Some(input.full_name.clone())).unwrap_or_default(),
        id_kind: if number.is_some() {
            id_kind
        } else {
            IdKind::None
        },
        id_number: number,
        address: clean(&input.address),
        phone: clean(&input.phone),
        merged_into: None,
        masked: false,
    };
    store::insert_person(conn, &person)?;
    tx.created("persons", &person.id, &person)?;
    Ok(person.id)
}

/// Correct a person's particulars with what was typed (the same checks as at entry); the
/// old values stay in the history. `prefix` names the form's fields.
pub(crate) fn correct(tx: &Tx<'_>, prefix: &str, id: &str, input: &PersonInput) -> Result<Person> {
    let input = &tidy_person(prefix, input)?;
    let conn = tx.conn();
    let old = store::get_person(conn, id)?.ok_or_else(|| Error::not_found("người", id))?;
    if crate::desk::privacy::is_confidential(conn, id)? && !tx.may_reveal {
        return Err(Error::invalid(
            prefix,
            "Hồ sơ này được bảo mật (người tố cáo): thông tin nhân thân không sửa được ở bàn tiếp dân; cần sửa thì báo lãnh đạo.",
        ));
    }
    if old.merged_into.is_some() {
        return Err(Error::invalid(
            prefix,
            "Hồ sơ này đã được gộp vào hồ sơ khác: hãy sửa hồ sơ được giữ lại, hoặc hủy gộp trước.",
        ));
    }
    let checked = PersonInput {
        existing_id: None,
        ..input.clone()
    };
    let id_kind = check_person(prefix, &checked)?;
    let number = clean(&input.id_number);
    if let Some(n) = &number {
        if let Some(other) = store::person_by_number(conn, n)? {
            if other.id != old.id {
                let message = if kept_id(conn, &other.id)? == old.id {
                    format!("Số giấy tờ {n} thuộc một hồ sơ đã gộp vào hồ sơ này: số đó vẫn tìm ra hồ sơ này, không cần ghi lại.")
                } else {
                    format!("Số giấy tờ {n} đã được ghi cho {}. Nếu hai hồ sơ là một người, hãy gộp hai hồ sơ.", who(conn, &other)?)
                };
                return Err(Error::invalid(format!("{prefix}.id_number"), message));
            }
        }
    }
    let new = Person {
        id: old.id.clone(),
        full_name: clean(&Some(input.full_name.clone())).unwrap_or_default(),
        id_kind: if number.is_some() {
            id_kind
        } else {
            IdKind::None
        },
        id_number: number,
        address: clean(&input.address),
        phone: clean(&input.phone),
        merged_into: None,
        masked: false,
    };
    if new != old {
        store::update_person(conn, &new)?;
        tx.updated("persons", id, &old, &new, None)?;
    }
    Ok(new)
}

/// A merge as the person page shows it (and as "Hủy gộp" undoes it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonMerge {
    pub id: String,
    pub kept_id: String,
    pub merged_id: String,
    /// The merged record as it was (name, number…), so the officer sees who it was.
    pub merged: Person,
    pub at: String,
    pub undone_at: Option<String>,
}

/// What a merge moved, so that it can be undone: per link table (visits, petitions),
/// the records whose link moved from the merged person to the kept one, and the links
/// dropped because the kept person was already named there (with their position).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct MovedLinks {
    visits: Vec<String>,
    petitions: Vec<String>,
    dropped_visits: Vec<(String, u32)>,
    dropped_petitions: Vec<(String, u32)>,
}

/// A link table's moved records and dropped links.
type Part<'a> = (&'a mut Vec<String>, &'a mut Vec<(String, u32)>);

impl MovedLinks {
    fn parts(&mut self) -> [Part<'_>; 2] {
        [
            (&mut self.visits, &mut self.dropped_visits),
            (&mut self.petitions, &mut self.dropped_petitions),
        ]
    }
}

impl Store {
    /// Correct a person's particulars, with the same checks as at entry. The old values
    /// stay in the history.
    pub fn correct_person(&mut self, id: &str, input: &PersonInput) -> Result<Person> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| correct(tx, "person", id, input))
    }

    /// Merge `merged_id` into `kept_id`: two records of one citizen. Every visit and
    /// petition of the merged record now names the kept one; the merged record stays,
    /// hidden from the lookup, so the merge can be undone.
    pub fn merge_persons(&mut self, kept_id: &str, merged_id: &str) -> Result<PersonMerge> {
        self.require(crate::access::Permission::Record)?;
        if kept_id == merged_id {
            return Err(Error::invalid(
                "merged_id",
                "Không thể gộp một hồ sơ công dân với chính nó.",
            ));
        }
        let merge = self.write(Permission::Record, |tx| {
            let conn = tx.conn();
            let kept = store::get_person(conn, kept_id)?
                .ok_or_else(|| Error::not_found("người", kept_id))?;
            let merged = store::get_person(conn, merged_id)?
                .ok_or_else(|| Error::not_found("người", merged_id))?;
            for p in [&kept, &merged] {
                if crate::desk::privacy::is_confidential(conn, &p.id)? {
                    return Err(Error::invalid(
                        "merged_id",
                        "Hồ sơ người tố cáo được bảo mật: không gộp với hồ sơ khác được (việc so sánh hai hồ sơ sẽ lộ danh tính).",
                    ));
                }
                if p.merged_into.is_some() {
                    return Err(Error::invalid(
                        "merged_id",
                        format!("Hồ sơ của {} đã được gộp vào hồ sơ khác.", p.full_name),
                    ));
                }
            }
            let mut moved = MovedLinks::default();
            for ((table, key, _), (ids, dropped)) in store::LINKS.into_iter().zip(moved.parts()) {
                for (id, position) in store::links_of(conn, table, key, merged_id)? {
                    if store::has_link(conn, table, key, &id, kept_id)? {
                        store::drop_link(conn, table, key, &id, merged_id)?;
                        dropped.push((id, position));
                    } else {
                        store::move_link(conn, table, key, &id, merged_id, kept_id)?;
                        ids.push(id);
                    }
                }
            }
            let mut hidden = merged.clone();
            hidden.merged_into = Some(kept_id.to_string());
            store::update_person(conn, &hidden)?;
            let id = store::new_id();
            store::insert_merge(
                conn,
                &store::MergeRow {
                    id: id.clone(),
                    kept_id: kept_id.to_string(),
                    merged_id: merged_id.to_string(),
                    at: tx.at.clone(),
                    moved: serde_json::to_string(&moved)?,
                    undone_at: None,
                },
                tx.actor,
            )?;
            let note = Some(format!(
                "Gộp hồ sơ {} vào hồ sơ {} ({} lượt tiếp, {} đơn chuyển sang)",
                merged.full_name,
                kept.full_name,
                moved.visits.len() + moved.dropped_visits.len(),
                moved.petitions.len() + moved.dropped_petitions.len()
            ));
            tx.change(
                ChangeAction::Merge,
                "persons",
                merged_id,
                Some(json!({"merged_into": null})),
                Some(json!({"merged_into": kept_id, "merge_id": id})),
                note.clone(),
            )?;
            tx.change(
                ChangeAction::Merge,
                "persons",
                kept_id,
                None,
                Some(json!({"merged_from": merged_id, "merge_id": id})),
                note,
            )?;
            Ok(PersonMerge {
                id,
                kept_id: kept_id.to_string(),
                merged_id: merged_id.to_string(),
                merged,
                at: tx.at.clone(),
                undone_at: None,
            })
        })?;
        Ok(merge)
    }

    /// Undo a merge: the links it moved go back to the merged record, which is shown again.
    pub fn undo_merge(&mut self, merge_id: &str) -> Result<()> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| {
            let conn = tx.conn();
            let row = store::get_merge(conn, merge_id)?
                .ok_or_else(|| Error::not_found("lần gộp hồ sơ", merge_id))?;
            if row.undone_at.is_some() {
                return Err(Error::invalid("merge", "Lần gộp này đã được hủy trước đó."));
            }
            let (kept_id, merged_id) = (row.kept_id, row.merged_id);
            // The kept record may since have been merged into another: the links it took
            // are with that one now.
            let holder = kept_id_of(conn, &kept_id)?;
            let mut moved: MovedLinks = serde_json::from_str(&row.moved)?;
            for (link, (ids, dropped)) in store::LINKS.into_iter().zip(moved.parts()) {
                let (table, key, _) = link;
                for id in ids.iter() {
                    if !store::has_link(conn, table, key, id, &merged_id)? {
                        store::move_link(conn, table, key, id, &holder, &merged_id)?;
                    }
                }
                for (id, position) in dropped.iter() {
                    store::restore_link(conn, link, id, &merged_id, *position)?;
                }
            }
            let mut shown = store::get_person(conn, &merged_id)?
                .ok_or_else(|| Error::not_found("người", merged_id.clone()))?;
            shown.merged_into = None;
            store::update_person(conn, &shown)?;
            store::mark_merge_undone(conn, merge_id, &tx.at)?;
            let note = Some(format!("Hủy gộp hồ sơ {}", who(conn, &shown)?));
            tx.change(
                ChangeAction::Unmerge,
                "persons",
                &merged_id,
                Some(json!({"merged_into": kept_id, "merge_id": merge_id})),
                Some(json!({"merged_into": null})),
                note.clone(),
            )?;
            tx.change(
                ChangeAction::Unmerge,
                "persons",
                &kept_id,
                Some(json!({"merged_from": merged_id, "merge_id": merge_id})),
                None,
                note,
            )
        })
    }

    /// The merges into a person, newest first.
    pub fn merges_into(&self, kept_id: &str) -> Result<Vec<PersonMerge>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let conn = self.conn();
        store::merges_into(conn, kept_id)?
            .into_iter()
            .map(|m| {
                let merged = store::get_person(conn, &m.merged_id)?
                    .ok_or_else(|| Error::not_found("người", m.merged_id.clone()))?;
                Ok(PersonMerge {
                    id: m.id,
                    kept_id: m.kept_id,
                    merged_id: m.merged_id,
                    merged,
                    at: m.at,
                    undone_at: m.undone_at,
                })
            })
            .collect()
    }
}

/// A person as a message names them: "công dân Nguyễn Văn A", or, for a denunciator,
/// nobody in particular.
fn who(conn: &rusqlite::Connection, p: &Person) -> Result<String> {
    Ok(if crate::desk::privacy::is_confidential(conn, &p.id)? {
        "một hồ sơ được bảo mật (người tố cáo)".to_string()
    } else {
        format!("công dân {}", p.full_name)
    })
}
