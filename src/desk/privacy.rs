//! A denunciator's identity is secret (Luật Tố cáo 2018 Đ9 k1, Đ47 k1 b; NĐ 31/2019 Đ6):
//! the name, address, identity number and phone of a person who denounced (a
//! denunciation petition, a mixed petition with denunciation content, a visit about a
//! denunciation) are masked in every list, search result, export and report, for every
//! role. A leader reveals one person at a time, with a reason, and the reveal is recorded
//! in the audit history; an export in full is a leader's choice, recorded too.

use rusqlite::Connection;

use crate::access::Permission;
use crate::domain::{ChangeAction, IdKind, Person};
use crate::error::{Error, Result};
use crate::records::ChangeRecord;
use crate::store::{self, Store};
use crate::text::{line, tidy_required};

/// What stands for the note of a change of a denunciator's record.
pub const MASKED_NOTE: &str = "(ghi chú được bảo mật)";

/// What stands for a denunciator's name wherever it would show.
pub const MASKED_NAME: &str = "Người tố cáo (được bảo mật)";

/// Whether `person_id` denounced: their identity is masked.
pub(crate) fn is_confidential(conn: &Connection, person_id: &str) -> Result<bool> {
    Ok(!confidential_among(conn, &[person_id])?.is_empty())
}

/// Of the persons `ids`, those who denounced (their identities masked), in one statement
/// whatever their number (a list of 58,000 petitions asked once per petitioner: half its
/// time). A person is one citizen with the record they were merged into and the records
/// merged into them: one secret.
pub(crate) fn confidential_among(
    conn: &Connection,
    ids: &[&str],
) -> Result<std::collections::HashSet<String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let list = serde_json::to_string(ids)?;
    let rows = conn
        .prepare_cached(CONFIDENTIAL_AMONG)?
        .query_map([list], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// [`confidential_among`]'s statement: `?1` a JSON array of person ids. A citizen is every
/// record joined by merges, however chained (C merged into B, B into A: one citizen), so
/// each asked person's family is followed both ways through `merged_into`, each step
/// through its index (`CROSS JOIN`), and UNION stops at a record already reached (a
/// circle ends).
const CONFIDENTIAL_AMONG: &str =
    "WITH RECURSIVE asked(id) AS (SELECT DISTINCT value FROM json_each(?1)),
     one(asked, id) AS (
        SELECT id, id FROM asked
        UNION SELECT o.asked, p.merged_into FROM one o CROSS JOIN persons p ON p.id = o.id
               WHERE p.merged_into IS NOT NULL
        UNION SELECT o.asked, p.id FROM one o CROSS JOIN persons p ON p.merged_into = o.id
     )
     SELECT DISTINCT o.asked FROM one o
      WHERE EXISTS (
             SELECT 1 FROM petition_persons pp JOIN petitions p ON p.id = pp.petition_id
              WHERE pp.person_id = o.id
                AND (p.kind = 'denunciation'
                     OR (p.kind = 'mixed' AND coalesce(p.contents, '') LIKE '%denunciation%')))
         OR EXISTS (
             SELECT 1 FROM visit_persons vp JOIN visits v ON v.id = vp.visit_id
              WHERE vp.person_id = o.id AND v.kind = 'denunciation')";

/// Whether a search for `query` may show the masked person `id`: only their whole
/// identity number finds them (a name, a phone number, part of a number would confirm a
/// guess about who denounced).
pub(crate) fn found_by_whole_number(conn: &Connection, id: &str, query: &str) -> Result<bool> {
    Ok(store::get_person(conn, id)?
        .and_then(|p| p.id_number)
        .is_some_and(|n| n == query.trim()))
}

/// Hide who the person is; keep the record's id (the desk still links to it).
pub(crate) fn mask(p: &mut Person) {
    p.full_name = MASKED_NAME.to_string();
    p.id_kind = IdKind::None;
    p.id_number = None;
    p.address = None;
    p.phone = None;
    p.masked = true;
}

/// Mask each confidential person of `persons`.
pub(crate) fn mask_all(conn: &Connection, persons: &mut [Person]) -> Result<()> {
    for p in persons.iter_mut() {
        if is_confidential(conn, &p.id)? {
            mask(p);
        }
    }
    Ok(())
}

/// The identifying fields of a person, in a record or in the history of one.
pub(crate) const IDENTITY: [&str; 5] = ["full_name", "id_number", "address", "phone", "id_kind"];

/// The note of a change as lists show it: a change of a denunciator's record may name
/// them, so its note is masked (a reveal's note, its reason, is kept).
pub(crate) fn shown_note(
    conn: &Connection,
    table: &str,
    record_id: &str,
    action: ChangeAction,
    note: Option<String>,
) -> Result<Option<String>> {
    Ok(match note {
        Some(_) if note_names_confidential(conn, table, record_id, action)? => {
            Some(MASKED_NOTE.to_string())
        }
        note => note,
    })
}

/// Whether the note of a change of `record_id` may name a denunciator: a note of a
/// person's change may name them, and a merge's or its undo's names both records ("Gộp
/// hồ sơ … vào hồ sơ …"), so it is masked when any person ever merged with this one
/// denounced, even after the merge was undone. A reveal's note is its reason.
pub(crate) fn note_names_confidential(
    conn: &Connection,
    table: &str,
    record_id: &str,
    action: ChangeAction,
) -> Result<bool> {
    if table != "persons" || action == ChangeAction::Reveal {
        return Ok(false);
    }
    let mut named = vec![record_id.to_string()];
    if matches!(action, ChangeAction::Merge | ChangeAction::Unmerge) {
        named.extend(store::merge_parties(conn, record_id)?);
    }
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    Ok(!confidential_among(conn, &named)?.is_empty())
}

/// Mask `p` in an exchange file if they are confidential; whether they were.
pub(crate) fn redact_person(conn: &Connection, p: &mut Person) -> Result<bool> {
    if !is_confidential(conn, &p.id)? {
        return Ok(false);
    }
    mask(p);
    p.masked = false;
    Ok(true)
}

/// Mask, in a change of a person's record, what names a person of `hidden` (masked in
/// the file's persons).
pub(crate) fn redact_change(
    conn: &Connection,
    c: &mut ChangeRecord,
    hidden: &std::collections::HashSet<String>,
) -> Result<()> {
    if c.table != "persons" {
        return Ok(());
    }
    // As `note_names_confidential`, with the file's masked persons (every denunciator,
    // the persons being written first): no query for each change of a person.
    let merge = matches!(c.action, ChangeAction::Merge | ChangeAction::Unmerge);
    let names_hidden = c.action != ChangeAction::Reveal
        && (hidden.contains(&c.record_id)
            || (merge
                && store::merge_parties(conn, &c.record_id)?
                    .iter()
                    .any(|id| hidden.contains(id))));
    if c.note.is_some() && names_hidden {
        c.note = Some(MASKED_NOTE.to_string());
    }
    if !hidden.contains(&c.record_id) {
        return Ok(());
    }
    for value in [&mut c.old, &mut c.new].into_iter().flatten() {
        if let serde_json::Value::Object(map) = value {
            for key in IDENTITY {
                if let Some(v) = map.get_mut(key) {
                    *v = if key == "full_name" {
                        serde_json::Value::String(MASKED_NAME.into())
                    } else {
                        serde_json::Value::Null
                    };
                }
            }
        }
    }
    Ok(())
}

impl Store {
    /// A leader reveals who one masked person is, giving the reason; the reveal (who,
    /// when, whom, why) is recorded in the audit history.
    pub fn reveal_person(&mut self, id: &str, reason: &str) -> Result<Person> {
        self.require(Permission::Reveal)?;
        let reason = tidy_required("reason", line("Lý do xem danh tính", 500), reason)?;
        if reason.chars().count() < 5 {
            return Err(Error::invalid(
                "reason",
                "Lý do xem danh tính: ghi rõ lý do (ít nhất 5 ký tự), ví dụ “xác minh nội dung tố cáo theo Kế hoạch số …”.",
            ));
        }
        let person = store::get_person(self.conn(), id)?
            .ok_or_else(|| Error::not_found("người", id.to_string()))?;
        self.write(Permission::Reveal, |tx| {
            tx.change(
                ChangeAction::Reveal,
                "persons",
                id,
                None,
                None,
                Some(reason.clone()),
            )
        })?;
        Ok(person)
    }

    /// Record an export in the audit history: what was written, and whether in full
    /// (every denunciator named: a leader's choice, which needs the right to reveal).
    pub fn record_export(&mut self, what: &str, full: bool) -> Result<()> {
        if full {
            self.require(Permission::Reveal)?;
        }
        if self.is_read_only() {
            if full {
                return Err(Error::invalid(
                    "full",
                    "Sổ đang mở chỉ để đọc: không ghi được nhật ký, nên không xuất bản đầy đủ (có danh tính người tố cáo). Xuất bản che danh tính, hoặc mở sổ với quyền ghi.",
                ));
            }
            return Ok(());
        }
        let note = if full {
            format!("{what}; bản đầy đủ, có danh tính người tố cáo")
        } else {
            format!("{what}; danh tính người tố cáo được che")
        };
        self.write(Permission::Export, |tx| {
            tx.change(
                ChangeAction::Export,
                "exports",
                &store::new_id(),
                None,
                None,
                Some(note),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each person asked is looked up through the indexes (their petitions, visits and
    /// merged records), never by a walk over every petitioner or visitor.
    #[test]
    fn the_denunciators_among_many_are_found_through_the_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("so.sqlite3")).unwrap();
        let plan: Vec<String> = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {CONFIDENTIAL_AMONG}"))
            .unwrap()
            .query_map(["[\"a\",\"b\"]"], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("; ");
        for alias in [
            "pp",
            "p",
            "vp",
            "v",
            "persons",
            "petition_persons",
            "visit_persons",
        ] {
            assert!(!plan.contains(&format!("SCAN {alias} ")), "{plan}");
            assert!(!plan.ends_with(&format!("SCAN {alias}")), "{plan}");
        }
        assert!(plan.contains("petition_persons_person"), "{plan}");
        assert!(plan.contains("visit_persons_person"), "{plan}");
        assert!(
            plan.contains("SEARCH p USING INDEX persons_merged_into (merged_into=?)"),
            "{plan}"
        );
    }
}
