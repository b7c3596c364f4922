//! Importing an exchange file through the desk's use cases, in one transaction.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use serde_json::Value;

use super::messages::{grouped, kind_of};
use super::reimport::{fields_of, newer, shown_value, FileHistory, Newer};
use super::{ExchangeFile, ImportSummary};
use crate::desk::movement::{self, EventMeta};
use crate::desk::petition::{direct_petition_row, receipt, visit_petition_row};
use crate::desk::visit::check_handling;
use crate::desk::{session, visit, Tx};
use crate::domain::*;
use crate::error::{Error, Result};
use crate::export::Progress;
use crate::records::{CaseRecord, ChangeRecord, PetitionEvent, PetitionRecord, VisitRecord};
use crate::store;
use crate::text::{limits, line, shown, strip, tidy, tidy_required};
use crate::validate::{parse_date, parse_past_date};
use serde::Serialize;

/// Largest petition number accepted from a file (a ward gives a few thousand a year).
pub(super) const MAX_NUMBER: u32 = 999_999;

/// "Lượt tiếp v-12 (visits[3])".
fn name(list: &str, index: usize, id: &str) -> String {
    format!(
        "{} {} ({list}[{index}])",
        kind_of(list).unwrap_or("Bản ghi"),
        shown(id, 40)
    )
}

/// "Đơn số 12/2026 p-1 (petitions[4])".
fn petition_name(index: usize, p: &PetitionRecord) -> String {
    format!(
        "Đơn số {}/{} {} (petitions[{index}])",
        p.number,
        p.year,
        shown(&p.id, 40)
    )
}

/// An error met while importing a record, said of that record: its name, and the path
/// in the file of the field the desk's check named.
fn bad(list: &str, index: usize, name: &str, e: Error) -> Error {
    match e {
        Error::Invalid { field, message } => {
            let field = field.trim_start_matches('.');
            if field.is_empty() {
                // A check of the whole record (no one field to name).
                return Error::exchange(format!("{list}[{index}]"), format!("{name}: {message}"));
            }
            Error::exchange(
                format!("{list}[{index}].{field}"),
                format!("{name}, trường {field}: {message}"),
            )
        }
        Error::NotFound { what, id } => Error::exchange(
            format!("{list}[{index}]"),
            format!(
                "{name}: không tìm thấy {what} {} trong tệp hay trong sổ.",
                shown(&id, 40)
            ),
        ),
        e => e,
    }
}

/// Every id of the file is a short line of text with no control character, and appears
/// once in its list.
fn check_ids(file: &ExchangeFile) -> Result<()> {
    fn once<'a>(list: &str, ids: impl Iterator<Item = &'a String>) -> Result<()> {
        once_named(list, ids, |i, id| name(list, i, id))
    }
    fn once_named<'a>(
        list: &str,
        ids: impl Iterator<Item = &'a String>,
        name: impl Fn(usize, &str) -> String,
    ) -> Result<()> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            // An id of printable ASCII characters only (no space), not too long, is as
            // `tidy` leaves it: not tidied again (a file has hundreds of thousands).
            let plain = !id.is_empty()
                && id.len() <= limits::ID
                && id.bytes().all(|b| b.is_ascii_graphic());
            if !plain {
                let field = format!("{list}[{i}].id");
                let rule = line("Mã bản ghi", limits::ID);
                match tidy(&field, rule, id) {
                    Ok(Some(t)) if t == *id => {}
                    Ok(_) => {
                        return Err(Error::exchange(
                            field,
                            format!(
                            "{}: mã bản ghi trống hoặc có khoảng trắng, ký tự vô hình ở đầu, cuối.",
                            name(i, id)
                        ),
                        ))
                    }
                    Err(e) => return Err(Error::exchange(field, format!("{}: {e}", name(i, id)))),
                }
            }
            if let Some(first) = seen.insert(id.as_str(), i) {
                return Err(Error::exchange(
                    format!("{list}[{i}].id"),
                    format!(
                        "{} xuất hiện hai lần trong tệp ({list}[{first}] và {list}[{i}]): mỗi bản ghi chỉ được có một lần.",
                        name(i, id)
                    ),
                ));
            }
        }
        Ok(())
    }
    once("persons", file.persons.iter().map(|p| &p.id))?;
    once("cases", file.cases.iter().map(|c| &c.id))?;
    once("sessions", file.sessions.iter().map(|s| &s.id))?;
    once("visits", file.visits.iter().map(|v| &v.id))?;
    once_named("petitions", file.petitions.iter().map(|p| &p.id), |i, _| {
        petition_name(i, &file.petitions[i])
    })?;
    // A number is given once per unit and year: two petitions of the file under one
    // number are said as such (else the second read as a number given in the register).
    // (A petition's unit as the import reads it: none is the file's own; a number 0 is
    // refused later as no number at all.)
    let mut numbers: HashMap<(&str, i32, u32), usize> = HashMap::new();
    for (i, p) in file.petitions.iter().enumerate() {
        let unit = match p.unit_id.trim() {
            "" => file.unit_id.trim(),
            id => id,
        };
        if p.number == 0 {
            continue;
        }
        if let Some(first) = numbers.insert((unit, p.year, p.number), i) {
            return Err(Error::exchange(
                format!("petitions[{i}].number"),
                format!(
                    "{}: số đơn {}/{} đã là số của một đơn trước trong tệp ({}): mỗi số đơn chỉ được cấp một lần trong năm.",
                    petition_name(i, p),
                    p.number,
                    p.year,
                    petition_name(first, &file.petitions[first])
                ),
            ));
        }
    }
    once(
        "petition_events",
        file.petition_events.iter().map(|e| &e.id),
    )?;
    once("changes", file.changes.iter().map(|c| &c.id))?;
    once("units", file.units.iter().map(|u| &u.id))?;
    once("fields", file.fields.iter().map(|f| &f.code))
}

/// Every link of the file points at a record of the file or of the register, checked here
/// before anything is written (so the database never has to refuse a missing record),
/// and every number is in its range.
fn check_links(conn: &rusqlite::Connection, file: &ExchangeFile) -> Result<()> {
    let ids = |list: &[String]| list.iter().cloned().collect::<HashSet<String>>();
    let persons = ids(&file
        .persons
        .iter()
        .map(|p| p.id.clone())
        .collect::<Vec<_>>());
    let cases = ids(&file.cases.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let sessions = ids(&file
        .sessions
        .iter()
        .map(|s| s.id.clone())
        .collect::<Vec<_>>());
    let visits = ids(&file.visits.iter().map(|v| v.id.clone()).collect::<Vec<_>>());
    let petitions = ids(&file
        .petitions
        .iter()
        .map(|p| p.id.clone())
        .collect::<Vec<_>>());
    let fields = ids(&file
        .fields
        .iter()
        .map(|f| f.code.clone())
        .collect::<Vec<_>>());
    type Here = fn(&rusqlite::Connection, &str) -> Result<bool>;
    let person_here: Here = |c, id| Ok(store::get_person(c, id)?.is_some());
    let case_here: Here = |c, id| store::case_exists(c, id);
    let session_here: Here = |c, id| Ok(store::get_session(c, id)?.is_some());
    let visit_here: Here = |c, id| Ok(store::get_visit(c, id)?.is_some());
    let petition_here: Here = |c, id| Ok(store::get_petition(c, id)?.is_some());
    let field_here: Here = |c, code| Ok(store::get_field(c, code)?.is_some());
    // The record's name and the field's path are written only for the message.
    let link = |record: &dyn Fn() -> String,
                field: &dyn Fn() -> String,
                what: &str,
                target: &str,
                in_file: &HashSet<String>,
                here: Here|
     -> Result<()> {
        if in_file.contains(target) || here(conn, target)? {
            return Ok(());
        }
        let (record, field) = (record(), field());
        let last = field.rsplit('.').next().unwrap_or(&field).to_string();
        Err(Error::exchange(
            field,
            format!(
                "{record}, trường {last}: trỏ đến {what} {} không có trong tệp, cũng không có trong sổ.",
                shown(target, 40)
            ),
        ))
    };
    for (i, p) in file.persons.iter().enumerate() {
        if let Some(into) = &p.merged_into {
            if into == &p.id {
                return Err(Error::exchange(
                    format!("persons[{i}].merged_into"),
                    format!(
                        "{}, trường merged_into: hồ sơ không thể được gộp vào chính nó.",
                        name("persons", i, &p.id)
                    ),
                ));
            }
            link(
                &|| name("persons", i, &p.id),
                &|| format!("persons[{i}].merged_into"),
                "người",
                into,
                &persons,
                person_here,
            )?;
        }
    }
    // A visit's place in its session (seq, from 1) orders the session's visits: two at one
    // place would be ordered by chance.
    let mut places: HashMap<(&str, u32), usize> = HashMap::new();
    for (i, v) in file.visits.iter().enumerate() {
        let n = || name("visits", i, &v.id);
        let f = |k: &str| format!("visits[{i}].{k}");
        if v.seq == 0 {
            return Err(Error::exchange(
                f("seq"),
                format!(
                    "{}, trường seq: số thứ tự lượt tiếp trong buổi bắt đầu từ 1.",
                    n()
                ),
            ));
        }
        if let Some(other) = places.insert((v.session_id.as_str(), v.seq), i) {
            return Err(Error::exchange(
                f("seq"),
                format!(
                    "{}, trường seq: lượt tiếp thứ {} của buổi tiếp này đã có ở visits[{other}]; mỗi lượt một số thứ tự.",
                    n(),
                    v.seq
                ),
            ));
        }
        link(
            &n,
            &|| f("session_id"),
            "buổi tiếp",
            &v.session_id,
            &sessions,
            session_here,
        )?;
        link(
            &n,
            &|| f("case_id"),
            "vụ việc",
            &v.case_id,
            &cases,
            case_here,
        )?;
        for (j, pid) in v.person_ids.iter().enumerate() {
            link(
                &n,
                &|| f(&format!("person_ids[{j}]")),
                "người",
                pid,
                &persons,
                person_here,
            )?;
        }
        if let Some(code) = v.field_code.as_deref().filter(|c| !c.trim().is_empty()) {
            link(
                &n,
                &|| f("field_code"),
                "lĩnh vực",
                code,
                &fields,
                field_here,
            )?;
        }
        if v.headcount == 0 || v.headcount > crate::validate::MAX_HEADCOUNT {
            return Err(Error::exchange(
                f("headcount"),
                format!(
                    "{}, trường headcount: số người {} nằm ngoài khoảng cho phép (từ 1 đến {}).",
                    n(),
                    grouped(v.headcount as u64),
                    grouped(crate::validate::MAX_HEADCOUNT as u64)
                ),
            ));
        }
    }
    // Each petition of the file's links: its first round, the original it repeats.
    let links: HashMap<&str, (Option<&str>, Option<&str>)> = file
        .petitions
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                (p.first_round_id.as_deref(), p.duplicate_of.as_deref()),
            )
        })
        .collect();
    for (i, p) in file.petitions.iter().enumerate() {
        let n = || petition_name(i, p);
        let f = |k: &str| format!("petitions[{i}].{k}");
        if p.number == 0 || p.number > MAX_NUMBER {
            return Err(Error::exchange(
                f("number"),
                format!(
                    "{}, trường number: số đơn {} nằm ngoài khoảng cho phép (từ 1 đến {}).",
                    n(),
                    grouped(p.number as u64),
                    grouped(MAX_NUMBER as u64)
                ),
            ));
        }
        if !(1900..=2999).contains(&p.year) {
            return Err(Error::exchange(
                f("year"),
                format!(
                    "{}, trường year: năm {} nằm ngoài khoảng cho phép (từ 1900 đến 2999).",
                    n(),
                    p.year
                ),
            ));
        }
        if let Some(v) = &p.visit_id {
            link(&n, &|| f("visit_id"), "lượt tiếp", v, &visits, visit_here)?;
        }
        link(
            &n,
            &|| f("case_id"),
            "vụ việc",
            &p.case_id,
            &cases,
            case_here,
        )?;
        // Anonymous and signed at once: the register would keep one and drop the other
        // without a word (an anonymous petition names nobody).
        if p.anonymous && !p.petitioner_ids.is_empty() {
            return Err(Error::exchange(
                f("anonymous"),
                format!(
                    "{}, trường anonymous: đơn ghi là nặc danh nhưng có {} người đứng đơn (petitioner_ids): đơn nặc danh không có người đứng đơn; sửa một trong hai.",
                    n(),
                    p.petitioner_ids.len()
                ),
            ));
        }
        for (j, pid) in p.petitioner_ids.iter().enumerate() {
            link(
                &n,
                &|| f(&format!("petitioner_ids[{j}]")),
                "người",
                pid,
                &persons,
                person_here,
            )?;
        }
        for (key, target, what, itself) in [
            (
                "first_round_id",
                &p.first_round_id,
                "đơn khiếu nại lần đầu",
                "đơn không thể là khiếu nại lần đầu của chính nó.",
            ),
            (
                "duplicate_of",
                &p.duplicate_of,
                "đơn gốc",
                "đơn không thể trùng với chính nó.",
            ),
        ] {
            if let Some(t) = target {
                let refused = |why: &str| {
                    Err(Error::exchange(
                        f(key),
                        format!("{}, trường {key}: {why}", n()),
                    ))
                };
                if t == &p.id {
                    return refused(itself);
                }
                link(&n, &|| f(key), "đơn", t, &petitions, petition_here)?;
                // (The register's own links are checked as each petition is written.)
                let linked = links.get(t.as_str()).map(|(first, dup)| match key {
                    "first_round_id" => *first,
                    _ => *dup,
                });
                if let Some(Some(further)) = linked {
                    return refused(&format!(
                        "đơn được trỏ tới cũng trỏ tới đơn {} theo cùng cách; chọn {what} là đơn đầu tiên.",
                        shown(further, 40)
                    ));
                }
            }
        }
        if let Some(code) = p.field_code.as_deref().filter(|c| !c.trim().is_empty()) {
            link(
                &n,
                &|| f("field_code"),
                "lĩnh vực",
                code,
                &fields,
                field_here,
            )?;
        }
    }
    for (i, e) in file.petition_events.iter().enumerate() {
        link(
            &|| name("petition_events", i, &e.id),
            &|| format!("petition_events[{i}].petition_id"),
            "đơn",
            &e.petition_id,
            &petitions,
            petition_here,
        )?;
    }
    Ok(())
}

/// A person of the file: the same record, the register's holder of the same identity
/// number (when the names agree, as at the desk), or a new record.
/// The register's tables that held no record when the import began. A record of the
/// file (its id once in its list, [`check_ids`]) cannot already be in such a table, and
/// this import writes a file's id only for that record: it is not looked up there. An
/// import into a new register so asks the database nothing it knows the answer to.
#[derive(Clone, Copy, Debug, Default)]
struct Empty {
    persons: bool,
    cases: bool,
    sessions: bool,
    visits: bool,
    petitions: bool,
    events: bool,
}

impl Empty {
    fn read(conn: &rusqlite::Connection) -> Result<Self> {
        let empty = |table: &str| -> Result<bool> {
            let any: bool =
                conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table})"), [], |r| {
                    r.get(0)
                })?;
            Ok(!any)
        };
        Ok(Empty {
            persons: empty("persons")?,
            cases: empty("cases")?,
            sessions: empty("sessions")?,
            visits: empty("visits")?,
            petitions: empty("petitions")?,
            events: empty("petition_events")?,
        })
    }

    /// `look` (a lookup of a file's id in a table) unless that table was empty.
    fn or_look<T>(empty: bool, look: impl FnOnce() -> Result<Option<T>>) -> Result<Option<T>> {
        if empty {
            Ok(None)
        } else {
            look()
        }
    }
}

fn import_person(
    tx: &Tx<'_>,
    history: &FileHistory<'_>,
    p: &Person,
    redacted: bool,
    empty: Empty,
) -> Result<(String, Found)> {
    let conn = tx.conn();
    let placeholder = |name: &str| name == crate::desk::privacy::MASKED_NAME;
    if let Some(here) = Empty::or_look(empty.persons, || store::get_person(conn, &p.id))? {
        // A denunciator masked in a redacted file never changes the record held here; a
        // record held here only as a mask (from a redacted file) takes the identity a
        // full file gives.
        if redacted && placeholder(&p.full_name) {
            return Ok((p.id.clone(), Found::Kept));
        }
        if placeholder(&here.full_name) && !placeholder(&p.full_name) && !redacted {
            let named = Person {
                full_name: p.full_name.clone(),
                id_kind: p.id_kind,
                id_number: p.id_number.clone(),
                address: p.address.clone(),
                phone: p.phone.clone(),
                ..here.clone()
            };
            let checked = crate::validate::tidy_person(
                "",
                &PersonInput {
                    existing_id: None,
                    full_name: named.full_name.clone(),
                    id_kind: Some(named.id_kind),
                    id_number: named.id_number.clone(),
                    address: named.address.clone(),
                    phone: named.phone.clone(),
                    correct: false,
                },
            )?;
            crate::validate::check_person("", &checked)?;
            store::update_person(conn, &named)?;
            tx.updated(
                "persons",
                &here.id,
                &here,
                &named,
                Some("danh tính từ tệp đầy đủ".into()),
            )?;
            return Ok((p.id.clone(), Found::Updated));
        }
        // A denunciator held here, for an account that may not see who they are: the
        // register's record is kept whatever the file says, without a word (a refusal that
        // quoted the register's values, said which field differs, or only that this person
        // is protected, would tell the identity one guess at a time; the same outcome for
        // every guess tells nothing). One who may see them has their file compared below.
        if !tx.may_reveal && crate::desk::privacy::is_confidential(conn, &here.id)? {
            return Ok((p.id.clone(), Found::Kept));
        }
        // Already here: the newer history wins; both changed since they parted: refused.
        let (a, b) = (fields_of(&here, PERSON_KEYS)?, fields_of(p, PERSON_KEYS)?);
        return match newer(conn, history, "persons", &p.id, &a, &b)? {
            Newer::Same | Newer::Register => Ok((p.id.clone(), Found::Kept)),
            Newer::File => {
                crate::desk::person::correct(
                    tx,
                    "",
                    &p.id,
                    &PersonInput {
                        existing_id: Some(p.id.clone()),
                        full_name: p.full_name.clone(),
                        id_kind: Some(p.id_kind),
                        id_number: p.id_number.clone(),
                        address: p.address.clone(),
                        phone: p.phone.clone(),
                        correct: true,
                    },
                )?;
                Ok((p.id.clone(), Found::Updated))
            }
            Newer::Both(fields) => Err(both_changed("công dân", &here.full_name, &fields, &a, &b)),
        };
    }
    // The desk's texts and checks of a person (name, number against its kind, phone).
    let input = crate::validate::tidy_person(
        "",
        &PersonInput {
            existing_id: None,
            full_name: p.full_name.clone(),
            id_kind: Some(p.id_kind),
            id_number: p.id_number.clone(),
            address: p.address.clone(),
            phone: p.phone.clone(),
            correct: false,
        },
    )?;
    let kind = crate::validate::check_person("", &input)?;
    let name = input.full_name.clone();
    let number = input.id_number.clone();
    if let Some(n) = &number {
        if let Some(holder) = store::person_by_number(conn, n)? {
            let kept = crate::desk::person::kept_id(conn, &holder.id)?;
            // A denunciator's number: neither named nor matched by name (a match would
            // confirm a guess) for an account that may not see who they are.
            if crate::desk::privacy::is_confidential(conn, &holder.id)? && !tx.may_reveal {
                return Err(Error::invalid(
                    "id_number",
                    format!(
                        "số giấy tờ {n} thuộc một hồ sơ được bảo mật (người tố cáo): tệp có người này phải do một tài khoản có cả quyền ghi sổ và quyền xem danh tính người tố cáo nhập."
                    ),
                ));
            }
            if strip(&holder.full_name) == strip(&name) {
                return Ok((kept, Found::Matched));
            }
            return Err(Error::invalid(
                "id_number",
                format!(
                    "số giấy tờ {n} đã được ghi cho công dân {} (trong sổ hoặc ở một người trước trong tệp), khác tên {name}: hai người khác nhau không thể cùng một số; kiểm tra lại số giấy tờ.",
                    holder.full_name
                ),
            ));
        }
    }
    store::insert_person(
        conn,
        &Person {
            id: p.id.clone(),
            full_name: name,
            id_kind: if number.is_some() { kind } else { IdKind::None },
            id_number: number,
            address: input.address,
            phone: input.phone,
            merged_into: None,
            masked: false,
        },
    )?;
    Ok((p.id.clone(), Found::New))
}

/// What became of a record of the file already in the register, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    New,
    Kept,
    Updated,
    /// Another record of the same citizen (same ID number and name) already held.
    Matched,
}

const PERSON_KEYS: &[&str] = &["full_name", "id_kind", "id_number", "address", "phone"];
const CASE_KEYS: &[&str] = &["summary", "opened_on"];
const SESSION_KEYS: &[&str] = &["date", "kind", "host_group", "host_name", "place", "notes"];
const VISIT_KEYS: &[&str] = &[
    "session_id",
    "headcount",
    "content",
    "kind",
    "field_code",
    "handling.handling",
    "handling.agency",
    "handling.letter_no",
    "case_id",
    "chairman_joined",
    "person_ids",
    "prior_agencies",
];
/// A petition's fields recorded at intake (its moves change the others, and its moves are
/// compared as its history of moves).
const PETITION_KEYS: &[&str] = &[
    "year",
    "number",
    "received_on",
    "source",
    "source_agency",
    "visit_id",
    "content",
    "anonymous",
    "respondent",
    "case_id",
    "petitioner_ids",
];

/// Both sides changed a record since they parted.
fn both_changed(
    what: &str,
    label: &str,
    fields: &[String],
    here: &serde_json::Map<String, Value>,
    there: &serde_json::Map<String, Value>,
) -> Error {
    let field = fields.first().cloned().unwrap_or_default();
    Error::invalid(
        field.clone(),
        format!(
            "{what} {} đã được sửa cả trong sổ này và ở nơi xuất tệp từ lần trao đổi trước (trong sổ: {}; trong tệp: {}), nên không biết bản nào mới hơn. Không nhập gì từ tệp; hãy thống nhất hai nơi rồi xuất lại tệp.",
            shown(label, 80),
            shown_value(here.get(&field)),
            shown_value(there.get(&field))
        ),
    )
}

/// A session, case or visit already here: kept when the same or newer here; refused when
/// the file's is newer (only persons and petitions' moves are brought up to date by an
/// import) or both changed.
fn kept_or_refused<T: Serialize>(
    conn: &rusqlite::Connection,
    history: &FileHistory<'_>,
    (table, what, label): (&str, &str, &str),
    id: &str,
    keys: &[&str],
    here: &T,
    there: &T,
) -> Result<()> {
    let (a, b) = (fields_of(here, keys)?, fields_of(there, keys)?);
    match newer(conn, history, table, id, &a, &b)? {
        Newer::Same | Newer::Register => Ok(()),
        Newer::File => {
            let field = a
                .keys()
                .find(|k| a.get(*k) != b.get(*k))
                .cloned()
                .unwrap_or_default();
            Err(Error::invalid(
                field.clone(),
                format!(
                    "{what} {} đã được sửa ở nơi xuất tệp (trong sổ: {}; trong tệp: {}); phần mềm chưa tự sửa được loại bản ghi này khi nhập. Không nhập gì từ tệp; hãy sửa trong sổ như trong tệp rồi nhập lại.",
                    shown(label, 80),
                    shown_value(a.get(&field)),
                    shown_value(b.get(&field))
                ),
            ))
        }
        Newer::Both(fields) => Err(both_changed(what, label, &fields, &a, &b)),
    }
}

/// The unit that numbered the file's petitions when a petition does not say (for a
/// version 1 file, a unit named after the file's), and whether that unit is this
/// register's own: the names agree, or this register has numbered no petition yet and
/// still has no name of its own (a register moved to a new install is the same ward).
fn file_unit(conn: &rusqlite::Connection, file: &ExchangeFile) -> Result<(String, bool)> {
    let name = file.unit_name.trim();
    let id = match file.unit_id.trim() {
        "" => format!("ten:{}", crate::text::fold(name)),
        id => id.to_string(),
    };
    let own = store::own_unit_id(conn)?;
    if id == own {
        return Ok((id, true));
    }
    let own_name = store::read_settings(conn)?.unit_name;
    let unnamed =
        crate::text::fold(own_name.trim()) == crate::text::fold(&Settings::default().unit_name);
    let same = crate::text::fold(name) == crate::text::fold(own_name.trim());
    Ok((
        id,
        same || (unnamed && !store::unit_numbered_any(conn, &own)?),
    ))
}

/// Make the units of the file known, and say which unit numbered each petition.
fn petition_units(
    conn: &rusqlite::Connection,
    file: &ExchangeFile,
) -> Result<HashMap<String, String>> {
    let (file_own, is_ours) = file_unit(conn, file)?;
    let own = store::own_unit_id(conn)?;
    let unit = |id: &str| {
        if id == file_own && is_ours {
            own.clone()
        } else {
            id.to_string()
        }
    };
    let unit_name = tidy(
        "unit_name",
        line("Tên đơn vị", limits::NAME),
        &file.unit_name,
    )
    .map_err(|e| Error::exchange("unit_name", e.to_string()))?
    .unwrap_or_default();
    store::ensure_unit(conn, &unit(&file_own), &unit_name)?;
    for (i, u) in file.units.iter().enumerate() {
        let u_name = tidy("name", line("Tên đơn vị", limits::NAME), &u.name)
            .map_err(|e| bad("units", i, &name("units", i, &u.id), e))?
            .unwrap_or_default();
        store::ensure_unit(conn, &unit(u.id.trim()), &u_name)?;
    }
    let mut of = HashMap::new();
    for (i, p) in file.petitions.iter().enumerate() {
        let id = match p.unit_id.trim() {
            "" => unit(&file_own),
            id => unit(id),
        };
        // A unit the file does not list, nor the register hold, has no name to print on
        // its petitions' numbers.
        let known: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM units WHERE id = ?1)")?
            .query_row([&id], |r| r.get(0))?;
        if !known {
            return Err(Error::exchange(
                format!("petitions[{i}].unit_id"),
                format!(
                    "{}, trường unit_id: đơn vị {} không có trong danh sách đơn vị (units) của tệp, cũng không có trong sổ.",
                    petition_name(i, p),
                    shown(&id, 40)
                ),
            ));
        }
        of.insert(p.id.clone(), id);
    }
    Ok(of)
}

/// An import's progress: one step per record of the file (each list's, the moves', the
/// history's), told every 1,024 records; a stop asked for refuses the import
/// (`Error::Cancelled`), and its transaction leaves nothing.
struct Steps<'p> {
    progress: &'p Progress<'p>,
    done: u64,
    total: u64,
}

impl<'p> Steps<'p> {
    fn new(progress: &'p Progress<'p>, file: &ExchangeFile) -> Self {
        let total = [
            file.persons.len(),
            file.cases.len(),
            file.sessions.len(),
            file.visits.len(),
            file.petitions.len(),
            file.petition_events.len(),
            file.changes.len(),
        ]
        .iter()
        .sum::<usize>() as u64;
        Steps {
            progress,
            done: 0,
            total,
        }
    }

    /// One more record.
    fn one(&mut self) -> Result<()> {
        self.done += 1;
        if self.done % 1024 == 0 {
            self.progress.step(self.done.min(self.total), self.total)?;
        }
        Ok(())
    }

    /// Every record is done (what is left: the search index, the commit).
    fn end(&mut self) -> Result<()> {
        self.done = self.total;
        self.progress.step(self.total, self.total)
    }

    /// Every record before the `left` last ones is done (the moves a petition's receipt
    /// or an older file's history takes without replaying them).
    fn all_but(&mut self, left: usize) -> Result<()> {
        let at = self.total.saturating_sub(left as u64);
        if at > self.done {
            self.done = at;
            self.progress.step(self.done, self.total)?;
        }
        Ok(())
    }
}

pub(super) fn import(
    tx: &Tx<'_>,
    file: ExchangeFile,
    progress: &Progress,
) -> Result<ImportSummary> {
    let conn = tx.conn();
    check_ids(&file)?;
    check_links(conn, &file)?;
    check_move_times(&file)?;
    if !file.exported_at.is_empty()
        && chrono::DateTime::parse_from_rfc3339(&file.exported_at).is_err()
    {
        return Err(Error::exchange(
            "exported_at",
            format!(
                "Trường exported_at: thời điểm xuất tệp “{}” không đúng dạng (ví dụ 2026-03-20T08:00:00Z).",
                shown(&file.exported_at, 40)
            ),
        ));
    }
    let mut steps = Steps::new(progress, &file);
    progress.step(0, steps.total)?;
    let empty = Empty::read(conn)?;
    store::set_search_pending(conn, store::BULK_SEARCH_PENDING_BYTES)?;
    let mut n = ImportSummary::default();
    let units = petition_units(conn, &file)?;
    // Each list of the file is let go once imported (a city's file holds gigabytes of
    // records): the persons, cases, sessions and visits before the petitions are read.
    let ExchangeFile {
        unit_name,
        exported_at,
        redacted,
        fields,
        persons: file_persons,
        cases: file_cases,
        sessions: file_sessions,
        visits: file_visits,
        petitions: file_petitions,
        petition_events,
        changes,
        ..
    } = file;
    let history = FileHistory::new(&changes);

    for (i, f) in fields.iter().enumerate() {
        let field_name = || name("fields", i, &f.code);
        let name = tidy_required("name", line("Tên lĩnh vực", limits::NAME), &f.name)
            .map_err(|e| bad("fields", i, &field_name(), e))?;
        store::insert_field_if_new(conn, &Field { name, ..f.clone() })?;
    }

    let mut persons: HashMap<String, String> = HashMap::new();
    let mut created: HashSet<String> = HashSet::new();
    for (i, p) in file_persons.iter().enumerate() {
        steps.one()?;
        let (id, found) = import_person(tx, &history, p, redacted, empty)
            .map_err(|e| bad("persons", i, &name("persons", i, &p.id), e))?;
        match found {
            Found::New => {
                n.persons += 1;
                if redacted && p.full_name == crate::desk::privacy::MASKED_NAME {
                    n.masked += 1;
                }
                created.insert(id.clone());
            }
            Found::Updated => n.updated += 1,
            Found::Kept => n.skipped += 1,
            Found::Matched => n.matched += 1,
        }
        persons.insert(p.id.clone(), id);
    }
    // A person the other register had merged into another: merged here too, but only a
    // record this import created (a citizen already in the register is never merged by a
    // file), never into itself or round a circle, and as a merge that can be undone.
    for (i, p) in file_persons
        .iter()
        .enumerate()
        .filter(|(_, p)| p.merged_into.is_some())
    {
        let (Some(me), Some(into)) = (
            persons.get(&p.id),
            p.merged_into.as_ref().and_then(|t| persons.get(t)),
        ) else {
            continue;
        };
        if !created.contains(me.as_str()) || me == into {
            continue;
        }
        let into = crate::desk::person::kept_id(conn, into)?;
        if &into == me {
            return Err(Error::exchange(
                format!("persons[{i}].merged_into"),
                format!(
                    "{}, trường merged_into: hồ sơ được gộp vòng quanh trong tệp.",
                    name("persons", i, &p.id)
                ),
            ));
        }
        let mut row =
            store::get_person(conn, me)?.ok_or_else(|| Error::not_found("người", me.clone()))?;
        row.merged_into = Some(into.clone());
        store::update_person(conn, &row)?;
        store::insert_merge(
            conn,
            &store::MergeRow {
                id: store::new_id(),
                kept_id: into,
                merged_id: me.clone(),
                at: tx.at.clone(),
                moved: "{}".into(),
                undone_at: None,
            },
            tx.actor,
        )?;
    }
    let person = |id: &String| -> Result<String> {
        persons
            .get(id)
            .cloned()
            .or_else(|| store::get_person(conn, id).ok().flatten().map(|p| p.id))
            .ok_or_else(|| {
                Error::invalid(
                    "person_ids",
                    format!("người {} không có trong tệp hay trong sổ", shown(id, 40)),
                )
            })
    };

    drop(file_persons);
    for (i, c) in file_cases.iter().enumerate() {
        steps.one()?;
        if let Some(here) = Empty::or_look(empty.cases, || store::get_case(conn, &c.id))? {
            kept_or_refused(
                conn,
                &history,
                ("cases", "Vụ việc", &here.summary),
                &c.id,
                CASE_KEYS,
                &here,
                c,
            )
            .map_err(|e| bad("cases", i, &name("cases", i, &c.id), e))?;
            n.skipped += 1;
            continue;
        }
        let bad_case = |e| bad("cases", i, &name("cases", i, &c.id), e);
        let opened = parse_past_date("opened_on", "Ngày mở vụ việc", &c.opened_on, tx.today)
            .map_err(bad_case)?;
        let summary = tidy_required("summary", crate::validate::rules::CASE_SUMMARY, &c.summary)
            .map_err(bad_case)?;
        store::insert_case(
            conn,
            &CaseRecord {
                id: c.id.clone(),
                summary,
                opened_on: opened.to_string(),
            },
        )?;
        n.cases += 1;
    }

    drop(file_cases);
    for (i, s) in file_sessions.iter().enumerate() {
        steps.one()?;
        if let Some(here) = Empty::or_look(empty.sessions, || store::get_session(conn, &s.id))? {
            let label = format!("ngày {}", crate::text::vn_date(&here.date));
            kept_or_refused(
                conn,
                &history,
                ("sessions", "Buổi tiếp", &label),
                &s.id,
                SESSION_KEYS,
                &here,
                s,
            )
            .map_err(|e| bad("sessions", i, &name("sessions", i, &s.id), e))?;
            n.skipped += 1;
            continue;
        }
        let input = NewSession {
            date: s.date.clone(),
            kind: s.kind,
            host_group: s.host_group,
            host_name: s.host_name.clone(),
            place: s.place.clone(),
            notes: s.notes.clone(),
        };
        session::open(tx, s.id.clone(), &input)
            .map_err(|e| bad("sessions", i, &name("sessions", i, &s.id), e))?;
        n.sessions += 1;
    }

    drop(file_sessions);
    let with_petition: HashSet<&str> = file_petitions
        .iter()
        .filter_map(|p| p.visit_id.as_deref())
        .collect();
    let mut visits: Vec<_> = file_visits.iter().enumerate().collect();
    visits.sort_by(|(_, a), (_, b)| (&a.session_id, a.seq).cmp(&(&b.session_id, b.seq)));
    for (i, v) in visits {
        steps.one()?;
        let bad_visit = |e| bad("visits", i, &name("visits", i, &v.id), e);
        if let Some(here) = Empty::or_look(empty.visits, || store::get_visit(conn, &v.id))? {
            let there = VisitRecord {
                person_ids: v
                    .person_ids
                    .iter()
                    .map(&person)
                    .collect::<Result<_>>()
                    .map_err(bad_visit)?,
                ..v.clone()
            };
            kept_or_refused(
                conn,
                &history,
                ("visits", "Lượt tiếp", &shown(&here.content, 40)),
                &v.id,
                VISIT_KEYS,
                &here,
                &there,
            )
            .map_err(bad_visit)?;
            n.skipped += 1;
            continue;
        }
        let input = NewVisit {
            session_id: v.session_id.clone(),
            persons: v
                .person_ids
                .iter()
                .map(|id| {
                    Ok(PersonInput {
                        existing_id: Some(person(id)?),
                        ..Default::default()
                    })
                })
                .collect::<Result<_>>()
                .map_err(bad_visit)?,
            headcount: v.headcount,
            content: v.content.clone(),
            kind: v.kind,
            field_code: v.field_code.clone(),
            handling: v.handling.clone(),
            case_id: Some(v.case_id.clone()),
            chairman_joined: v.chairman_joined,
            petition: None,
            prior_agencies: v.prior_agencies.clone(),
        };
        let has_petition = with_petition.contains(v.id.as_str());
        visit::record_with(tx, v.id.clone(), &input, has_petition).map_err(bad_visit)?;
        n.visits += 1;
    }

    // Every petition first, with its receipt; then every move of the file, all petitions
    // together in the order they took effect (a duplicate refers to a petition still open
    // on its date, whatever happened to that petition later).
    let mut events: HashMap<&str, Vec<(usize, &PetitionEvent)>> = HashMap::new();
    drop(with_petition);
    drop(file_visits);
    for (i, e) in petition_events.iter().enumerate() {
        events
            .entry(e.petition_id.as_str())
            .or_default()
            .push((i, e));
    }
    // (Every move's petition is in the file or the register: `check_links`.)
    let mut petitions: Vec<(usize, &PetitionRecord)> = file_petitions.iter().enumerate().collect();
    petitions.sort_by(|(_, a), (_, b)| {
        (&a.received_on, a.year, a.number).cmp(&(&b.received_on, b.year, b.number))
    });
    let mut queues: Vec<Replay> = Vec::new();
    for (index, p) in petitions {
        steps.one()?;
        let mut own = events.remove(p.id.as_str()).unwrap_or_default();
        own.sort_by_key(|(i, _)| *i);
        if let Some(here) = Empty::or_look(empty.petitions, || store::get_petition(conn, &p.id))? {
            // Already here: what was recorded at intake is compared like any record; the
            // moves as a history: the file's may extend the register's (its later moves
            // are recorded here, through the lifecycle's checks), be the beginning of it
            // (an older file), or have gone another way (refused: never half of each).
            let there = PetitionRecord {
                petitioner_ids: p
                    .petitioner_ids
                    .iter()
                    .map(&person)
                    .collect::<Result<_>>()
                    .map_err(|e| bad_petition(index, p, e))?,
                ..p.clone()
            };
            let label = store::number_label(conn, &here)?;
            kept_or_refused(
                conn,
                &history,
                ("petitions", "Đơn số", &label),
                &p.id,
                PETITION_KEYS,
                &here,
                &there,
            )
            .map_err(|e| bad_petition(index, p, e))?;
            match compare_moves(conn, &p.id, &own).map_err(|e| bad_petition(index, p, e))? {
                Moves::Later(rest) => queues.push(Replay {
                    index,
                    petition: p,
                    moves: rest,
                    next: 0,
                    legacy: false,
                    new: false,
                    current: None,
                    events: None,
                    settled: None,
                }),
                Moves::Same | Moves::Older => n.skipped += 1,
            }
            continue;
        }
        let (row, receipt, rest) = insert_petition(tx, p, &units[&p.id], &own, &person, empty)
            .map_err(|e| bad_petition(index, p, e))?;
        let legacy = rest.iter().any(|(_, e)| is_legacy(e));
        if legacy && !rest.iter().all(|(_, e)| is_legacy(e)) {
            return Err(bad_petition(
                index,
                p,
                Error::invalid(
                    "petition_events",
                    "lịch sử trộn bước của phiên bản cũ (nâng cấp dữ liệu) với bước mới",
                ),
            ));
        }
        n.petitions += 1;
        n.events += 1;
        let mut queued = Replay {
            index,
            petition: p,
            moves: rest,
            next: 0,
            legacy,
            new: true,
            current: Some(row),
            events: Some(vec![receipt]),
            settled: None,
        };
        queued.settle(tx)?;
        queues.push(queued);
    }
    // Replay: always the earliest pending move (by date, then the other PC's clock, then
    // the file's order); each petition's moves keep their own order.
    // (A heap of each petition's next move: the earliest found in log time, not by a scan
    // of every petition at every move.)
    fn next_of<'f>(q: usize, r: &Replay<'f>) -> Option<Reverse<(&'f str, &'f str, usize, usize)>> {
        let (i, e): (usize, &'f PetitionEvent) = *r.moves.get(r.next)?;
        Some(Reverse((e.on_date.as_str(), e.at.as_str(), i, q)))
    }
    let mut heap: BinaryHeap<_> = queues
        .iter()
        .enumerate()
        .filter_map(|(q, r)| next_of(q, r))
        .collect();
    // The moves not replayed (receipts, moves already here) are done.
    let replayed: usize = queues.iter().map(|r| r.moves.len()).sum();
    steps.all_but(replayed + changes.len())?;
    while let Some(Reverse((_, _, _, q))) = heap.pop() {
        steps.one()?;
        let r = &mut queues[q];
        let (i, e) = r.moves[r.next];
        r.next += 1;
        if let Some(next) = next_of(q, r) {
            heap.push(next);
        }
        let p = r.petition;
        let current = r.current.take();
        // (The move's name is made only for a refusal: hundreds of thousands are replayed.)
        r.current = Some(
            replay(tx, p, e, r.legacy, r.new, current, &mut r.events, empty).map_err(|err| {
                let name = format!(
                    "{}, {}",
                    petition_name(r.index, p),
                    name("petition_events", i, &e.id)
                );
                bad("petition_events", i, &name, err)
            })?,
        );
        r.settle(tx)?;
        n.events += 1;
    }
    for r in queues {
        finish(tx, r.petition, r.legacy, r.current, r.settled)
            .map_err(|e| bad_petition(r.index, r.petition, e))?;
        if !r.new {
            n.updated += 1;
        }
    }

    // The other register's history is kept as history, marked with the file it came from,
    // and never acted upon (a "sample" record of another register deletes nothing here).
    let origin = format!(
        "{}, xuất lúc {}",
        shown(&unit_name, 200),
        shown(&exported_at, 40)
    );
    steps.all_but(changes.len())?;
    for (i, c) in changes.iter().enumerate() {
        steps.one()?;
        // The other register's own audit (who signed in, revealed, exported, backed up,
        // which accounts it has) is not this register's history: never brought in, so a
        // file cannot put such a record in anyone's name here.
        let audit_only = matches!(
            c.action,
            ChangeAction::SignIn
                | ChangeAction::SignInFailed
                | ChangeAction::SignOut
                | ChangeAction::Account
                | ChangeAction::Reveal
                | ChangeAction::Export
                | ChangeAction::Backup
        ) || c.table == "users";
        if audit_only || store::change_exists(conn, &c.id)? {
            n.skipped += 1;
        } else {
            let bad_change = |e| bad("changes", i, &name("changes", i, &c.id), e);
            check_change(c).map_err(bad_change)?;
            let note = crate::text::tidy_optional("note", crate::validate::rules::NOTE, &c.note)
                .map_err(bad_change)?;
            let user = crate::text::tidy_optional("user", line("Tài khoản", limits::ID), &c.user)
                .map_err(bad_change)?;
            // Where it came from is said by this register (the file it was imported from),
            // never taken from the file.
            let kept = ChangeRecord {
                note,
                user,
                source: Some(origin.clone()),
                ..c.clone()
            };
            tx.append(&kept)?;
            n.changes += 1;
        }
    }

    steps.end()?;
    store::end_bulk_search(conn)?;
    tx.change(
        ChangeAction::Import,
        "exchange",
        &store::new_id(),
        None,
        Some(serde_json::to_value(&n)?),
        Some(format!("Nhập tệp của {origin}")),
    )?;
    Ok(n)
}

/// Every move of the file has a real date and a recording time of the right shape, before
/// anything is written: a receipt's date is the petition's (its own is not kept) and a
/// move's time is kept as written, so neither would otherwise be read.
fn check_move_times(file: &ExchangeFile) -> Result<()> {
    for (i, e) in file.petition_events.iter().enumerate() {
        let named = |err: Error| {
            bad(
                "petition_events",
                i,
                &name("petition_events", i, &e.id),
                err,
            )
        };
        crate::validate::parse_date("on_date", "Ngày thực hiện", &e.on_date).map_err(named)?;
        if chrono::DateTime::parse_from_rfc3339(&e.at).is_err() {
            return Err(named(Error::invalid(
                "at",
                format!(
                    "thời điểm ghi “{}” không đúng dạng (ví dụ 2026-03-20T08:00:00Z).",
                    shown(&e.at, 40)
                ),
            )));
        }
    }
    Ok(())
}

/// A change record of another register, as the history shows and the hash chain seals it:
/// an instant, a table's name, the fields before and after as objects.
fn check_change(c: &ChangeRecord) -> Result<()> {
    if chrono::DateTime::parse_from_rfc3339(&c.at).is_err() {
        return Err(Error::invalid(
            "at",
            format!(
                "thời điểm “{}” không đúng dạng (ví dụ 2026-03-20T08:00:00Z).",
                shown(&c.at, 40)
            ),
        ));
    }
    let table_ok = !c.table.is_empty()
        && c.table.len() <= 40
        && c.table.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if !table_ok {
        return Err(Error::invalid(
            "table",
            format!(
                "tên bảng “{}” không hợp lệ (chữ thường không dấu và dấu gạch dưới).",
                shown(&c.table, 40)
            ),
        ));
    }
    for (field, value) in [("old", &c.old), ("new", &c.new)] {
        if value.as_ref().is_some_and(|v| !v.is_object()) {
            return Err(Error::invalid(
                field,
                "các trường của bản ghi phải là một đối tượng JSON ({…}) hoặc để trống.",
            ));
        }
    }
    Ok(())
}

/// A petition's pending moves during an import.
struct Replay<'f> {
    /// The petition's place in the file.
    index: usize,
    petition: &'f PetitionRecord,
    /// (index in the file, move), in the petition's order.
    moves: Vec<(usize, &'f PetitionEvent)>,
    next: usize,
    /// Converted from schema 1: kept as recorded, after checks of dates and states.
    legacy: bool,
    /// Filed by this import (an existing one only gains moves).
    new: bool,
    /// The petition as its last move left it (as written in this transaction): read
    /// from the register only for a petition already there, at its first move.
    current: Option<PetitionRecord>,
    /// Its moves as written in this transaction, in their order, alongside `current`
    /// (read with it for a petition already there; none once it is settled).
    events: Option<Vec<PetitionEvent>>,
    /// Once every move is replayed, only the state they led to is kept for `finish`
    /// (a city's file has a hundred thousand petitions), unless the petition is from
    /// schema 1 (its handling is then written from the row).
    settled: Option<PetitionState>,
}

impl Replay<'_> {
    /// Once a petition has no move left to replay: its record as the file holds it
    /// ([`conform`]), and only its state kept.
    fn settle(&mut self, tx: &Tx<'_>) -> Result<()> {
        if self.next == self.moves.len() && !self.legacy {
            if let Some(row) = self.current.take() {
                conform(tx, &row, self.petition)
                    .map_err(|e| bad_petition(self.index, self.petition, e))?;
                self.settled = Some(row.state);
                self.events = None;
            }
        }
        Ok(())
    }
}

/// The petition `current`, its moves replayed, brought to the file's record `file` in what
/// moves set (its classification, handling, links, outcome): a correction made after a
/// move, which no move says, is the file's; and a move's values, which only lead the
/// replay, never decide what is kept. Its state is where the moves led (`finish` checks
/// it against the file's).
fn conform(tx: &Tx<'_>, current: &PetitionRecord, file: &PetitionRecord) -> Result<()> {
    // A blank code or a link to itself is no value (as at intake, where they are dropped).
    let link = |l: &Option<String>| crate::text::clean(l).filter(|id| *id != current.id);
    let want = PetitionRecord {
        kind: file.kind,
        contents: file.contents.clone(),
        field_code: crate::text::clean(&file.field_code),
        classification: file.classification.clone(),
        signers: file.signers,
        complex: file.complex,
        first_round_id: link(&file.first_round_id),
        duplicate_of: link(&file.duplicate_of),
        // (A handling the desk would refuse, as a file may hold, leaves the moves' own.)
        handling: check_handling("handling", &file.handling)
            .unwrap_or_else(|_| current.handling.clone()),
        outcome: file.outcome,
        ..current.clone()
    };
    if want != *current {
        store::update_petition_from(tx.conn(), current, &want)?;
    }
    Ok(())
}

/// What a move may change of a petition (the keys of its `before` and `after`): only these
/// are taken back to file a petition as received.
const MOVED: &[&str] = &[
    "kind",
    "contents",
    "field_code",
    "classification",
    "signers",
    "complex",
    "first_round_id",
    "duplicate_of",
    "handling",
    "outcome",
    "state",
];

fn moved(key: &str) -> bool {
    MOVED.contains(&key.split('.').next().unwrap_or(key))
}

/// A move converted from schema 1 (by the migration or from a version 1 file).
fn is_legacy(e: &PetitionEvent) -> bool {
    e.actor == Actor::Migration || e.action == MoveAction::Reopen
}

fn bad_petition(index: usize, p: &PetitionRecord, e: Error) -> Error {
    bad("petitions", index, &petition_name(index, p), e)
}

/// How the file's moves of a petition compare with those recorded here.
enum Moves<'f> {
    Same,
    /// The register's moves are the beginning of the file's: these come after.
    Later(Vec<(usize, &'f PetitionEvent)>),
    /// The file's moves are the beginning of the register's (an older file).
    Older,
}

/// Compare the moves of a petition in the file with those recorded here; refused when
/// the two histories went different ways since they parted, naming the first move that
/// differs.
fn compare_moves<'f>(
    conn: &rusqlite::Connection,
    petition_id: &str,
    file: &[(usize, &'f PetitionEvent)],
) -> Result<Moves<'f>> {
    let here = store::events_of(conn, petition_id)?;
    let common = here
        .iter()
        .zip(file)
        .take_while(|(a, (_, b))| a.id == b.id)
        .count();
    if common == here.len() && common == file.len() {
        return Ok(Moves::Same);
    }
    if common == here.len() {
        return Ok(Moves::Later(file[common..].to_vec()));
    }
    if common == file.len() {
        return Ok(Moves::Older);
    }
    let step = |e: &PetitionEvent| {
        format!(
            "“{}” ngày {}",
            e.action.label(),
            crate::text::vn_date(&e.on_date)
        )
    };
    Err(Error::invalid(
        "petition_events",
        format!(
            "các bước xử lý đơn trong sổ này và ở nơi xuất tệp đã khác nhau từ bước thứ {} (trong sổ: {}; trong tệp: {}): cả hai nơi cùng ghi bước xử lý sau lần trao đổi trước, nên không biết bên nào đúng. Không nhập gì từ tệp; hãy thống nhất hai nơi (hủy bước ghi nhầm) rồi xuất lại tệp.",
            common + 1,
            step(&here[common]),
            step(file[common].1)
        ),
    ))
}

/// A petition of the file as written: its row, its receipt, and its other moves (their
/// places in the file), still to replay.
type Filed<'f> = (
    PetitionRecord,
    PetitionEvent,
    Vec<(usize, &'f PetitionEvent)>,
);

/// Write a petition of the file as the desk would file it (its receipt included).
fn insert_petition<'f>(
    tx: &Tx<'_>,
    p: &PetitionRecord,
    unit: &str,
    events: &[(usize, &'f PetitionEvent)],
    person: &dyn Fn(&String) -> Result<String>,
    empty: Empty,
) -> Result<Filed<'f>> {
    let conn = tx.conn();
    // Filed as it was received: the moves replayed after it bring it to the file's record
    // (another petition's move, replayed in between, reads it as it stood then: a second
    // round's first round was a complaint on that day, whatever it became later).
    let received_as = as_received(p, events);
    let p = &received_as;
    let mut row = match &p.visit_id {
        Some(visit_id) => {
            if p.source != PetitionSource::Visit {
                return Err(Error::invalid(
                    "visit_id",
                    "chỉ đơn nhận qua tiếp công dân mới gắn với một lượt tiếp",
                ));
            }
            let visit = store::get_visit(conn, visit_id)?.ok_or_else(|| {
                Error::invalid(
                    "visit_id",
                    format!("lượt tiếp {visit_id} không có trong sổ hay trong tệp"),
                )
            })?;
            if store::petition_of_visit(conn, visit_id)?.is_some() {
                return Err(Error::invalid(
                    "visit_id",
                    "lượt tiếp này đã có một đơn khác",
                ));
            }
            let session = store::get_session(conn, &visit.session_id)?
                .ok_or_else(|| Error::not_found("buổi tiếp", visit.session_id.clone()))?;
            if p.received_on != session.date {
                return Err(Error::invalid(
                    "received_on",
                    format!(
                        "đơn nộp khi tiếp công dân nhận vào ngày của buổi tiếp ({}), không phải {}",
                        session.date, p.received_on
                    ),
                ));
            }
            let input = VisitPetitionInput {
                kind: p.kind,
                contents: p.contents.clone(),
                field_code: p.field_code.clone(),
                content: p.content.clone(),
                respondent: p.respondent.clone(),
                handling: HandlingInput::default(),
                classification: p.classification.clone(),
                duplicate_of: None,
            };
            visit_petition_row(tx, p.id.clone(), &visit, &session, &input)?
        }
        None => {
            if p.source == PetitionSource::Visit {
                return Err(Error::invalid(
                    "visit_id",
                    "đơn nhận qua tiếp công dân phải gắn với một lượt tiếp",
                ));
            }
            if !store::case_exists(conn, &p.case_id)? {
                return Err(Error::invalid(
                    "case_id",
                    format!("vụ việc {} không có trong sổ hay trong tệp", p.case_id),
                ));
            }
            let input = NewPetition {
                received_on: p.received_on.clone(),
                source: p.source,
                source_agency: p.source_agency.clone(),
                kind: p.kind,
                contents: p.contents.clone(),
                field_code: p.field_code.clone(),
                content: p.content.clone(),
                anonymous: p.anonymous,
                petitioners: p
                    .petitioner_ids
                    .iter()
                    .map(|id| {
                        Ok(PersonInput {
                            existing_id: Some(person(id)?),
                            ..Default::default()
                        })
                    })
                    .collect::<Result<_>>()?,
                respondent: p.respondent.clone(),
                handling: HandlingInput::default(),
                classification: p.classification.clone(),
                case_id: Some(p.case_id.clone()),
                duplicate_of: None,
            };
            direct_petition_row(tx, p.id.clone(), &input, Some(p.case_id.clone()))?
        }
    };
    let received = parse_date("received_on", "Ngày nhận đơn", &row.received_on)?;
    if p.number == 0 || p.number > MAX_NUMBER || p.year != chrono::Datelike::year(&received) {
        return Err(Error::invalid(
            "number",
            format!(
                "số đơn {}/{} không hợp lệ với ngày nhận {}",
                p.number, p.year, p.received_on
            ),
        ));
    }
    if store::number_given_before(conn, unit, p.year, p.number)? {
        return Err(Error::invalid(
            "number",
            format!(
                "số đơn {}/{} đã được cấp trong sổ (cho một đơn khác, có thể đã xóa)",
                p.number, p.year
            ),
        ));
    }
    row.unit_id = unit.to_string();
    row.number = p.number;
    row.year = p.year;
    row.signers = p.signers;
    store::insert_petition(conn, &row)?;
    let (receipt, rest) = match events.first() {
        Some((_, e)) if e.action == MoveAction::Receive => (
            PetitionEvent {
                on_date: row.received_on.clone(),
                from_state: None,
                to_state: PetitionState::Received,
                ..tidy_event(e)?
            },
            &events[1..],
        ),
        _ => (receipt(tx, &row), events),
    };
    if !empty.events && store::event_exists(conn, &receipt.id)? {
        return Err(Error::invalid(
            "petition_events",
            format!("bước xử lý {} đã có trong sổ", receipt.id),
        ));
    }
    store::insert_event(conn, &receipt)?;
    Ok((row, receipt, rest.to_vec()))
}

/// The petition `p` as it stood before its moves `events` (in order): each move's values
/// taken back, the last first (what a move changed is kept with it, as for an undo). A
/// move that kept nothing (a converted one) takes nothing back.
fn as_received(p: &PetitionRecord, events: &[(usize, &PetitionEvent)]) -> PetitionRecord {
    // Only what a move may change: a file's move naming another field (its number, its
    // content) does not decide it.
    let befores = || {
        events.iter().rev().filter_map(|(_, e)| {
            e.details
                .as_ref()
                .and_then(|d| d.get("before"))
                .and_then(Value::as_object)
                .map(|b| {
                    b.iter()
                        .filter(|(k, _)| moved(k))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect::<serde_json::Map<_, _>>()
                })
        })
    };
    // Taken back at once: each field as the earliest move that changed it found it (one
    // rebuild of the record per petition, not one per move: a city's file has millions).
    let mut first = serde_json::Map::new();
    for before in befores() {
        first.extend(before);
    }
    if first.is_empty() {
        return p.clone();
    }
    if let Ok(r) = crate::law::lifecycle::restore(p, &first) {
        return r;
    }
    // A move whose values do not fit the record (a hand-edited file): the others still
    // taken back, one at a time.
    let mut past = p.clone();
    for before in befores() {
        if let Ok(r) = crate::law::lifecycle::restore(&past, &before) {
            past = r;
        }
    }
    past
}

/// A move of the file with its texts tidied as the desk's.
fn tidy_event(e: &PetitionEvent) -> Result<PetitionEvent> {
    use crate::text::tidy_optional;
    use crate::validate::rules;
    Ok(PetitionEvent {
        note: tidy_optional("note", rules::NOTE, &e.note)?,
        doc_no: tidy_optional("doc_no", rules::DOC_NO, &e.doc_no)?,
        agency: tidy_optional("agency", rules::AGENCY, &e.agency)?,
        ..e.clone()
    })
}

/// Record one move of the file: checked by the lifecycle as at the desk, or, for a move
/// converted from schema 1, checked for its dates and states and kept as recorded.
/// `current`: the petition as the previous move left it, when known (else read here);
/// `events`: its moves as recorded, when known (else read here), this one added.
/// Returns the petition as this move leaves it.
#[allow(clippy::too_many_arguments)]
fn replay(
    tx: &Tx<'_>,
    p: &PetitionRecord,
    e: &PetitionEvent,
    legacy: bool,
    new: bool,
    current: Option<PetitionRecord>,
    events: &mut Option<Vec<PetitionEvent>>,
    empty: Empty,
) -> Result<PetitionRecord> {
    let conn = tx.conn();
    if !empty.events && store::event_exists(conn, &e.id)? {
        return Err(Error::invalid(
            "petition_events",
            format!("bước xử lý {} đã có trong sổ", e.id),
        ));
    }
    // (The desk's refusal starts with the step's name, which this already says.)
    let at = |err: Error| match err {
        Error::Invalid { field, message } => Error::invalid(
            field,
            format!(
                "bước “{}” ngày {}: {}",
                e.action.label(),
                crate::text::vn_date(&e.on_date),
                message
                    .strip_prefix(&format!("{}: ", e.action.label()))
                    .unwrap_or(&message)
            ),
        ),
        other => other,
    };
    if e.action == MoveAction::Receive {
        return Err(at(Error::invalid(
            "petition_events",
            "đơn chỉ được tiếp nhận một lần",
        )));
    }
    let current = match current {
        Some(c) => c,
        None => store::get_petition(conn, &p.id)?
            .ok_or_else(|| Error::not_found("đơn", p.id.clone()))?,
    };
    if legacy {
        // (Rare: a schema-1 petition's moves are read again at each.)
        *events = None;
        return legacy_move(tx, current, e).map_err(at);
    }
    let input = move_input(&current, e)?;
    let events = match events {
        Some(known) => known,
        None => events.insert(store::events_of(conn, &p.id)?),
    };
    movement::apply_to(
        tx,
        &input,
        Some(EventMeta {
            id: e.id.clone(),
            at: e.at.clone(),
            actor: e.actor,
            // A new petition's moves are part of it, summed up with it.
            of_unlogged_creation: new,
        }),
        current,
        events,
    )
    .map_err(at)
}

/// A schema-1 closing or reopening: dated like any move, from the state the petition is in,
/// to the state its action leads to.
fn legacy_move(tx: &Tx<'_>, current: PetitionRecord, e: &PetitionEvent) -> Result<PetitionRecord> {
    let conn = tx.conn();
    let on = parse_past_date("on_date", "Ngày thực hiện", &e.on_date, tx.today)?;
    if on.to_string() < current.received_on {
        return Err(Error::invalid("on_date", "trước ngày nhận đơn"));
    }
    if let Some(last) = store::events_of(conn, &current.id)?.last() {
        if on.to_string() < last.on_date {
            return Err(Error::invalid("on_date", "trước bước đã ghi trước đó"));
        }
    }
    let expected = match e.action {
        MoveAction::Reopen => PetitionState::Received,
        MoveAction::Resolve
        | MoveAction::Guide
        | MoveAction::Transfer
        | MoveAction::Urge
        | MoveAction::Return
        | MoveAction::File => crate::law::lifecycle::target(e.action, current.state),
        _ => {
            return Err(Error::invalid(
                "action",
                "bước này không có ở dữ liệu phiên bản cũ",
            ))
        }
    };
    if e.from_state != Some(current.state) || e.to_state != expected {
        return Err(Error::invalid(
            "to_state",
            format!(
                "bước chuyển từ “{}” sang “{}” không khớp với đơn",
                e.from_state.map(|s| s.label()).unwrap_or("—"),
                e.to_state.label()
            ),
        ));
    }
    let on_date = on.to_string();
    store::insert_event(
        conn,
        &PetitionEvent {
            on_date,
            details: None,
            ..tidy_event(e)?
        },
    )?;
    let mut row = current.clone();
    row.state = e.to_state;
    store::update_petition_from(conn, &current, &row)?;
    Ok(row)
}

/// After the replay: the petition is where the file says it is. A schema-1 petition keeps
/// its recorded handling, checked as the desk checks it.
/// `current`: the petition as its last move left it, when known (else read here);
/// `settled`: only the state it was left in.
fn finish(
    tx: &Tx<'_>,
    p: &PetitionRecord,
    legacy: bool,
    current: Option<PetitionRecord>,
    settled: Option<PetitionState>,
) -> Result<()> {
    let conn = tx.conn();
    let state = match (settled, current) {
        (Some(state), _) if !legacy => state,
        (_, current) => {
            let before = match current {
                Some(c) => c,
                None => store::get_petition(conn, &p.id)?
                    .ok_or_else(|| Error::not_found("đơn", p.id.clone()))?,
            };
            let mut now = before.clone();
            if legacy {
                now.handling = check_handling("handling", &p.handling)?;
                store::update_petition_from(conn, &before, &now)?;
            }
            now.state
        }
    };
    if state != p.state {
        return Err(Error::invalid(
            "state",
            format!(
                "bước xử lý trong tệp là “{}” nhưng lịch sử của đơn dẫn đến “{}”",
                p.state.label(),
                state.label()
            ),
        ));
    }
    Ok(())
}

/// The move a recorded event stands for, rebuilt from the values it set.
fn move_input(current: &PetitionRecord, e: &PetitionEvent) -> Result<MoveInput> {
    let after = e
        .details
        .as_ref()
        .and_then(|d| d.get("after"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    // The classification it set, read from the petition as the move left it (only a
    // classification needs it: the record is not rebuilt for every other move).
    let classification = match e.action {
        MoveAction::Classify => {
            let applied = crate::law::lifecycle::restore(current, &after).map_err(|e| {
                Error::invalid(
                    "details.after",
                    format!("giá trị bước này ghi không hợp với đơn ({e})"),
                )
            })?;
            Some(ClassifyInput {
                kind: applied.kind,
                contents: applied.contents,
                field_code: applied.field_code,
                eligible: applied.classification.eligible.unwrap_or(false),
                competence: applied.classification.competence,
                signers: applied.signers,
                round: applied.classification.round,
                first_round_id: applied.first_round_id,
                complex: applied.complex,
            })
        }
        _ => None,
    };
    let outcome = after
        .get("outcome")
        .and_then(Value::as_str)
        .and_then(Outcome::from_code);
    // A number of days the file gives must be one: a negative, fractional or quoted value
    // is refused, never read as absent (the desk's default, the longest extension).
    // (Absent or null: the desk's default, as a move recorded without it.)
    // (Only an extension's: the desk reads it for no other move.)
    let given = e
        .details
        .as_ref()
        .and_then(|d| d.get("extension_days"))
        .filter(|_| e.action == MoveAction::Extend);
    let extension_days = match given {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .and_then(|d| u32::try_from(d).ok())
                .ok_or_else(|| {
                    Error::invalid(
                        "extension_days",
                        format!(
                            "số ngày gia hạn {} không hợp lệ: phải là một số nguyên dương",
                            crate::text::shown(&v.to_string(), 40)
                        ),
                    )
                })?,
        ),
    };
    Ok(MoveInput {
        petition_id: current.id.clone(),
        action: e.action,
        on_date: e.on_date.clone(),
        note: e.note.clone(),
        doc_no: e.doc_no.clone(),
        agency: e.agency.clone(),
        outcome,
        extension_days,
        classification,
        duplicate_of: (e.action == MoveAction::Duplicate)
            .then(|| {
                after
                    .get("duplicate_of")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .flatten(),
    })
}
