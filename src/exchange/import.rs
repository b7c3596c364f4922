//! Importing an exchange file through the desk's use cases, in one transaction.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{ExchangeFile, ImportSummary};
use crate::desk::movement::{self, EventMeta};
use crate::desk::petition::{direct_petition_row, receipt, visit_petition_row};
use crate::desk::visit::check_handling;
use crate::desk::{session, visit, Tx};
use crate::domain::*;
use crate::error::{Error, Result};
use crate::records::{PetitionEvent, PetitionRecord};
use crate::store;
use crate::text::{clean, strip};
use crate::validate::{check_id_number, parse_date};

/// Largest petition number accepted from a file (a ward gives a few thousand a year).
const MAX_NUMBER: u32 = 999_999;

fn bad(what: &str, id: &str, e: Error) -> Error {
    match e {
        Error::Exchange(m) => Error::Exchange(m),
        e => Error::Exchange(format!("{what} {id}: {e}")),
    }
}

/// Every id appears once in a file.
fn check_unique(file: &ExchangeFile) -> Result<()> {
    fn once<'a>(what: &str, ids: impl Iterator<Item = &'a String>) -> Result<()> {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                return Err(Error::Exchange(format!(
                    "{what} {id} xuất hiện hai lần trong tệp"
                )));
            }
        }
        Ok(())
    }
    once("người", file.persons.iter().map(|p| &p.id))?;
    once("vụ việc", file.cases.iter().map(|c| &c.id))?;
    once("buổi tiếp", file.sessions.iter().map(|s| &s.id))?;
    once("lượt tiếp", file.visits.iter().map(|v| &v.id))?;
    once("đơn", file.petitions.iter().map(|p| &p.id))?;
    once("bước xử lý đơn", file.petition_events.iter().map(|e| &e.id))?;
    once("bản ghi lịch sử", file.changes.iter().map(|c| &c.id))
}

/// A person of the file: the same record, the register's holder of the same identity
/// number (when the names agree, as at the desk), or a new record.
fn import_person(tx: &Tx<'_>, p: &Person) -> Result<(String, bool)> {
    let conn = tx.conn();
    if store::get_person(conn, &p.id)?.is_some() {
        return Ok((p.id.clone(), false));
    }
    let name = clean(&Some(p.full_name.clone()))
        .ok_or_else(|| Error::invalid("full_name", "Họ và tên không được để trống."))?;
    let kind = check_id_number("id_number", Some(p.id_kind), p.id_number.as_deref())?;
    let number = clean(&p.id_number);
    if let Some(n) = &number {
        if let Some(holder) = store::person_by_number(conn, n)? {
            let kept = crate::desk::person::kept_id(conn, &holder.id)?;
            if strip(&holder.full_name) == strip(&name) {
                return Ok((kept, false));
            }
            return Err(Error::invalid(
                "id_number",
                format!(
                    "số giấy tờ {n} đã được ghi cho công dân {} trong sổ, khác tên {name} trong tệp",
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
            address: clean(&p.address),
            phone: clean(&p.phone),
            merged_into: None,
        },
    )?;
    Ok((p.id.clone(), true))
}

pub(super) fn import(tx: &Tx<'_>, file: &ExchangeFile) -> Result<ImportSummary> {
    let conn = tx.conn();
    check_unique(file)?;
    let mut n = ImportSummary::default();

    for f in &file.fields {
        if f.code.trim().is_empty() || f.name.trim().is_empty() {
            return Err(Error::Exchange(format!(
                "lĩnh vực \"{}\": thiếu mã hoặc tên",
                f.code
            )));
        }
        store::insert_field_if_new(conn, f)?;
    }

    let mut persons: HashMap<String, String> = HashMap::new();
    for p in &file.persons {
        let (id, new) = import_person(tx, p).map_err(|e| bad("người", &p.id, e))?;
        if new {
            n.persons += 1;
        } else {
            n.skipped += 1;
        }
        persons.insert(p.id.clone(), id);
    }
    for p in file.persons.iter().filter(|p| p.merged_into.is_some()) {
        let (Some(me), Some(into)) = (
            persons.get(&p.id),
            p.merged_into.as_ref().and_then(|t| persons.get(t)),
        ) else {
            continue;
        };
        if me != into {
            if let Some(mut row) = store::get_person(conn, me)? {
                if row.merged_into.is_none() {
                    row.merged_into = Some(into.clone());
                    store::update_person(conn, &row)?;
                }
            }
        }
    }
    let person = |id: &String| -> Result<String> {
        persons
            .get(id)
            .cloned()
            .or_else(|| store::get_person(conn, id).ok().flatten().map(|p| p.id))
            .ok_or_else(|| Error::invalid("person_ids", format!("người {id} không có trong tệp")))
    };

    for c in &file.cases {
        if store::get_case(conn, &c.id)?.is_some() {
            n.skipped += 1;
            continue;
        }
        parse_date("opened_on", "Ngày mở vụ việc", &c.opened_on)
            .map_err(|e| bad("vụ việc", &c.id, e))?;
        if c.summary.trim().is_empty() {
            return Err(Error::Exchange(format!("vụ việc {}: nội dung trống", c.id)));
        }
        store::insert_case(conn, c)?;
        n.cases += 1;
    }

    for s in &file.sessions {
        if store::get_session(conn, &s.id)?.is_some() {
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
        session::open(tx, s.id.clone(), &input).map_err(|e| bad("buổi tiếp", &s.id, e))?;
        n.sessions += 1;
    }

    let with_petition: HashSet<&str> = file
        .petitions
        .iter()
        .filter_map(|p| p.visit_id.as_deref())
        .collect();
    let mut visits: Vec<_> = file.visits.iter().collect();
    visits.sort_by(|a, b| (&a.session_id, a.seq).cmp(&(&b.session_id, b.seq)));
    for v in visits {
        if store::get_visit(conn, &v.id)?.is_some() {
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
                .map_err(|e| bad("lượt tiếp", &v.id, e))?,
            headcount: v.headcount,
            delegation: Some(v.delegation),
            content: v.content.clone(),
            kind: v.kind,
            field_code: v.field_code.clone(),
            handling: v.handling.clone(),
            case_id: Some(v.case_id.clone()),
            chairman_joined: v.chairman_joined,
            petition: None,
        };
        let has_petition = with_petition.contains(v.id.as_str());
        visit::record_with(tx, v.id.clone(), &input, has_petition)
            .map_err(|e| bad("lượt tiếp", &v.id, e))?;
        n.visits += 1;
    }

    let mut events: HashMap<&str, Vec<&PetitionEvent>> = HashMap::new();
    for e in &file.petition_events {
        events.entry(e.petition_id.as_str()).or_default().push(e);
    }
    let mut petitions: Vec<&PetitionRecord> = file.petitions.iter().collect();
    petitions.sort_by(|a, b| {
        (&a.received_on, a.year, a.number).cmp(&(&b.received_on, b.year, b.number))
    });
    for p in petitions {
        if store::get_petition(conn, &p.id)?.is_some() {
            n.skipped += 1;
            continue;
        }
        let mut own = events.remove(p.id.as_str()).unwrap_or_default();
        own.sort_by(|a, b| (&a.on_date, &a.at).cmp(&(&b.on_date, &b.at)));
        n.events += import_petition(tx, p, &own, &person).map_err(|e| bad("đơn", &p.id, e))?;
        n.petitions += 1;
    }
    if let Some((pid, _)) = events
        .into_iter()
        .find(|(pid, _)| store::get_petition(conn, pid).ok().flatten().is_none())
    {
        return Err(Error::Exchange(format!(
            "bước xử lý của đơn {pid}: đơn này không có trong tệp"
        )));
    }

    for c in &file.changes {
        if store::change_exists(conn, &c.id)? {
            n.skipped += 1;
        } else {
            store::insert_change(conn, c)?;
            n.changes += 1;
        }
    }

    tx.change(
        ChangeAction::Import,
        "exchange",
        &store::new_id(),
        None,
        Some(serde_json::to_value(&n)?),
        Some(format!(
            "Nhập tệp của {} xuất lúc {}",
            file.unit_name, file.exported_at
        )),
    )?;
    Ok(n)
}

/// A petition of the file, with its moves: written as the desk would file it, then each
/// move checked and recorded by the lifecycle. Moves converted from schema 1 (legacy)
/// are kept as they are. Returns the number of moves recorded.
fn import_petition(
    tx: &Tx<'_>,
    p: &PetitionRecord,
    events: &[&PetitionEvent],
    person: &dyn Fn(&String) -> Result<String>,
) -> Result<u32> {
    let conn = tx.conn();
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
            if store::get_case(conn, &p.case_id)?.is_none() {
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
                duplicate_of: None,
                case_id: Some(p.case_id.clone()),
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
    if store::number_taken(conn, p.year, p.number)? {
        return Err(Error::invalid(
            "number",
            format!("số đơn {}/{} đã có trong sổ", p.number, p.year),
        ));
    }
    row.number = p.number;
    row.year = p.year;
    row.signers = p.signers;
    store::insert_petition(conn, &row)?;

    let mut recorded = 0;
    let mut legacy = false;
    let mut rest = events.iter();
    let receipt = match events.first() {
        Some(e) if e.action == MoveAction::Receive => {
            rest.next();
            PetitionEvent {
                on_date: row.received_on.clone(),
                from_state: None,
                to_state: PetitionState::Received,
                ..(*e).clone()
            }
        }
        _ => receipt(tx, &row),
    };
    store::insert_event(conn, &receipt)?;
    recorded += 1;
    for e in rest {
        if e.actor == Actor::Migration
            || e.action == MoveAction::Reopen
            || e.action == MoveAction::Receive
        {
            store::insert_event(conn, e)?;
            legacy = true;
        } else {
            let current = store::get_petition(conn, &row.id)?
                .ok_or_else(|| Error::not_found("đơn", row.id.clone()))?;
            let input = move_input(&current, e)?;
            movement::apply_as(
                tx,
                &input,
                Some(EventMeta {
                    id: e.id.clone(),
                    at: e.at.clone(),
                    actor: e.actor,
                }),
            )
            .map_err(|err| match err {
                Error::Invalid { field, message } => Error::invalid(
                    field,
                    format!(
                        "bước \"{}\" ngày {}: {message}",
                        e.action.label(),
                        crate::text::vn_date(&e.on_date)
                    ),
                ),
                other => other,
            })?;
        }
        recorded += 1;
    }
    let mut now = store::get_petition(conn, &row.id)?
        .ok_or_else(|| Error::not_found("đơn", row.id.clone()))?;
    if legacy {
        // Converted from schema 1: the file's own outcome stands, its handling checked as
        // the desk checks it.
        now.handling = check_handling("handling", &p.handling)?;
        now.state = events.last().map(|e| e.to_state).unwrap_or(p.state);
        store::update_petition(conn, &now)?;
    } else if now.state != p.state {
        return Err(Error::invalid(
            "state",
            format!(
                "bước xử lý trong tệp là \"{}\" nhưng lịch sử của đơn dẫn đến \"{}\"",
                p.state.label(),
                now.state.label()
            ),
        ));
    }
    Ok(recorded)
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
    let applied = movement::restore(current, &after)?;
    let outcome = after
        .get("outcome")
        .and_then(Value::as_str)
        .and_then(Outcome::from_code);
    let extension_days = e
        .details
        .as_ref()
        .and_then(|d| d.get("extension_days"))
        .and_then(Value::as_u64)
        .map(|d| d as u32);
    Ok(MoveInput {
        petition_id: current.id.clone(),
        action: e.action,
        on_date: e.on_date.clone(),
        note: e.note.clone(),
        doc_no: e.doc_no.clone(),
        agency: e.agency.clone(),
        outcome,
        extension_days,
        classification: (e.action == MoveAction::Classify).then(|| ClassifyInput {
            kind: applied.kind,
            field_code: applied.field_code.clone(),
            eligible: applied.classification.eligible.unwrap_or(false),
            competence: applied.classification.competence,
            signers: applied.signers,
            round: applied.classification.round,
            first_round_id: applied.first_round_id.clone(),
            complex: applied.complex,
        }),
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
