//! Visits (lượt tiếp): record one with its persons and the petition handed in, correct
//! it, delete one recorded by mistake (the deletion is kept in the history).

use crate::access::Permission;
use serde_json::json;

use super::person::resolve_person;
use super::petition::{self, visit_petition_row};
use super::Tx;
use crate::domain::{Handling, HandlingInput, HostGroup, NewVisit, Session, Visit};
use crate::error::{Error, Result};
use crate::records::{CaseRecord, VisitRecord};
use crate::store::{self, Store};
use crate::text::clean;
use crate::validate::{check_visit, tidy_visit};

/// Check handling details: a transfer names the agency it went to.
pub(crate) fn check_handling(field: &str, h: &HandlingInput) -> Result<HandlingInput> {
    let agency = clean(&h.agency);
    if h.handling == Handling::Transfer && agency.is_none() {
        return Err(Error::invalid(
            format!("{field}.agency"),
            "Chuyển đơn: cần ghi cơ quan nhận đơn chuyển.",
        ));
    }
    Ok(HandlingInput {
        handling: h.handling,
        agency,
        letter_no: clean(&h.letter_no),
    })
}

/// The case given by the officer (which must exist), or a new one opened on `date`.
pub(crate) fn case_for(
    tx: &Tx<'_>,
    case_id: &Option<String>,
    summary: &str,
    date: &str,
) -> Result<String> {
    match case_id.as_deref().filter(|c| !c.is_empty()) {
        Some(id) if store::case_exists(tx.conn(), id)? => Ok(id.to_string()),
        Some(id) => Err(Error::invalid(
            "case_id",
            format!(
                "Vụ việc đã chọn (mã {}) không còn trong sổ.",
                crate::text::shown(id, 40)
            ),
        )),
        None => {
            let case = CaseRecord {
                id: store::new_id(),
                summary: summary.trim().chars().take(200).collect(),
                opened_on: date.to_string(),
            };
            store::insert_case(tx.conn(), &case)?;
            tx.created("cases", &case.id, &case)?;
            Ok(case.id)
        }
    }
}

/// The persons of a visit, each found or created; the same person twice is refused.
fn visit_persons(tx: &Tx<'_>, input: &NewVisit) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for (i, p) in input.persons.iter().enumerate() {
        let pid = resolve_person(tx, &format!("persons[{i}]"), p)?;
        if ids.contains(&pid) {
            return Err(Error::invalid(
                format!("persons[{i}]"),
                format!(
                    "Người thứ {} trùng với một người đã ghi trong lượt tiếp.",
                    i + 1
                ),
            ));
        }
        ids.push(pid);
    }
    Ok(ids)
}

/// The visit's session, which must be in the register.
fn session_of(tx: &Tx<'_>, id: &str) -> Result<Session> {
    store::get_session(tx.conn(), id)?.ok_or_else(|| {
        Error::invalid(
            "session_id",
            format!(
                "Buổi tiếp đã chọn (mã {}) không còn trong sổ: mở lại buổi tiếp rồi ghi lượt tiếp.",
                crate::text::shown(id, 40)
            ),
        )
    })
}

/// A matter accepted for resolution (thụ lý) is followed as a petition: what the citizen
/// said is written down and signed (Luật Tiếp công dân 2013, Điều 28).
fn check_accepted_has_petition(input: &NewVisit, has_petition: bool) -> Result<()> {
    if input.handling.handling == Handling::Accept && !has_petition {
        return Err(Error::invalid(
            "handling",
            "Thụ lý: nội dung được thụ lý phải có đơn, hoặc văn bản ghi lại nội dung công dân trình bày (Luật Tiếp công dân 2013, Điều 28). Đánh dấu “Có đơn kèm theo” để theo dõi đơn và thời hạn.",
        ));
    }
    Ok(())
}

/// Record a visit (the desk): its persons, its case, and the petition handed in.
pub(crate) fn record(tx: &Tx<'_>, id: String, input: &NewVisit) -> Result<VisitRecord> {
    record_with(tx, id, input, input.petition.is_some())
}

/// Record a visit whose petition may come separately (the import: `has_petition` says
/// whether the file holds one for it).
pub(crate) fn record_with(
    tx: &Tx<'_>,
    id: String,
    input: &NewVisit,
    has_petition: bool,
) -> Result<VisitRecord> {
    let input = &tidy_visit(input)?;
    check_visit(input)?;
    check_accepted_has_petition(input, has_petition)?;
    let conn = tx.conn();
    let session = session_of(tx, &input.session_id)?;
    let field_code = store::check_field(conn, "field_code", &input.field_code)?;
    let handling = check_handling("handling", &input.handling)?;
    let case_id = case_for(tx, &input.case_id, &input.content, &session.date)?;
    let headcount = input.headcount.max(input.persons.len() as u32).max(1);
    let visit = VisitRecord {
        id,
        session_id: session.id.clone(),
        seq: store::next_visit_seq(conn, &session.id)?,
        headcount,
        content: input.content.trim().to_string(),
        kind: input.kind,
        field_code,
        handling,
        case_id,
        chairman_joined: input.chairman_joined && session.host_group == HostGroup::Officer,
        person_ids: visit_persons(tx, input)?,
        prior_agencies: input.prior_agencies.clone(),
    };
    store::insert_visit(conn, &visit)?;
    tx.created("visits", &visit.id, &visit)?;
    if let Some(p) = &input.petition {
        let row = visit_petition_row(tx, store::new_id(), &visit, &session, p)?;
        petition::file(tx, row, &p.handling, &p.classification, &p.duplicate_of)?;
    }
    Ok(visit)
}

/// A case opened by a visit and about nothing else is summed up by that visit's content:
/// a corrected content corrects the case's summary.
fn follow_content(tx: &Tx<'_>, old: &VisitRecord, new: &VisitRecord) -> Result<()> {
    let conn = tx.conn();
    if old.case_id != new.case_id || old.content == new.content {
        return Ok(());
    }
    let Some(case) = store::get_case(conn, &new.case_id)? else {
        return Ok(());
    };
    let (visits, petitions) = store::case_uses(conn, &case.id)?;
    let opened_by_this: String = old.content.trim().chars().take(200).collect();
    if visits == 1 && petitions <= 1 && case.summary == opened_by_this {
        let fixed = CaseRecord {
            summary: new.content.trim().chars().take(200).collect(),
            ..case.clone()
        };
        store::update_case(conn, &fixed)?;
        tx.updated(
            "cases",
            &case.id,
            &case,
            &fixed,
            Some("Theo nội dung lượt tiếp".into()),
        )?;
    }
    Ok(())
}

/// Delete a visit and the petition handed in at it; both stay in the history.
pub(crate) fn delete(tx: &Tx<'_>, visit_id: &str) -> Result<()> {
    let conn = tx.conn();
    let visit =
        store::get_visit(conn, visit_id)?.ok_or_else(|| Error::not_found("lượt tiếp", visit_id))?;
    let mut petition_ids = vec![];
    if let Some(pid) = store::petition_of_visit(conn, visit_id)? {
        petition::delete(tx, &pid, Some("Xóa cùng lượt tiếp".into()))?;
        petition_ids.push(pid);
    }
    store::delete_visit(conn, visit_id)?;
    tx.change(
        crate::domain::ChangeAction::Delete,
        "visits",
        visit_id,
        Some(json!({"visit": visit, "petitions": petition_ids})),
        None,
        None,
    )?;
    store::delete_orphan_case(conn, &visit.case_id)
}

impl Store {
    /// Record a visit, its persons and the petition handed in, all or nothing.
    pub fn add_visit(&mut self, input: &NewVisit) -> Result<Visit> {
        self.require(crate::access::Permission::Record)?;
        let visit = self.write(Permission::Record, |tx| record(tx, store::new_id(), input))?;
        self.visit(&visit.id)
    }

    /// Correct a saved visit with the same checks as at entry. Its petition follows it: the
    /// petitioners are the visit's persons, the receipt date the session's. A petition
    /// typed with a visit that had none is filed now; an existing one keeps its number and
    /// its lifecycle (its kind and content are corrected here, its moves on its own page).
    pub fn correct_visit(&mut self, id: &str, input: &NewVisit) -> Result<Visit> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| {
            let input = &tidy_visit(input)?;
            check_visit(input)?;
            let conn = tx.conn();
            let old =
                store::get_visit(conn, id)?.ok_or_else(|| Error::not_found("lượt tiếp", id))?;
            check_accepted_has_petition(
                input,
                input.petition.is_some() || store::petition_of_visit(conn, id)?.is_some(),
            )?;
            let session = session_of(tx, &input.session_id)?;
            let case_id = match &input.case_id {
                None => old.case_id.clone(),
                given => case_for(tx, given, &input.content, &session.date)?,
            };
            let headcount = input.headcount.max(input.persons.len() as u32).max(1);
            let new = VisitRecord {
                id: old.id.clone(),
                session_id: session.id.clone(),
                seq: if session.id == old.session_id {
                    old.seq
                } else {
                    store::next_visit_seq(conn, &session.id)?
                },
                headcount,
                content: input.content.trim().to_string(),
                kind: input.kind,
                field_code: store::check_field(conn, "field_code", &input.field_code)?,
                handling: check_handling("handling", &input.handling)?,
                case_id,
                chairman_joined: input.chairman_joined && session.host_group == HostGroup::Officer,
                person_ids: visit_persons(tx, input)?,
                prior_agencies: input.prior_agencies.clone(),
            };
            store::update_visit(conn, &new)?;
            tx.updated("visits", id, &old, &new, None)?;
            follow_content(tx, &old, &new)?;
            match store::petition_of_visit(conn, id)? {
                Some(pid) => {
                    petition::follow_visit(tx, &pid, &new, &session, input.petition.as_ref())?
                }
                None => {
                    if let Some(p) = &input.petition {
                        let row = visit_petition_row(tx, store::new_id(), &new, &session, p)?;
                        petition::file(tx, row, &p.handling, &p.classification, &p.duplicate_of)?;
                    }
                }
            }
            if old.case_id != new.case_id {
                store::delete_orphan_case(conn, &old.case_id)?;
            }
            Ok(())
        })?;
        self.visit(id)
    }

    /// Remove a visit recorded by mistake, with the petition handed in at it. The whole
    /// visit, petition and petition history stay in the change history.
    pub fn delete_visit(&mut self, visit_id: &str) -> Result<()> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| delete(tx, visit_id))
    }

    /// A visit as the register screen shows it.
    pub fn visit(&self, id: &str) -> Result<Visit> {
        self.require(crate::access::Permission::ViewRecords)?;
        let visit =
            store::get_visit(self.conn(), id)?.ok_or_else(|| Error::not_found("lượt tiếp", id))?;
        self.visits_of_session(&visit.session_id)?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| Error::not_found("lượt tiếp", id))
    }
}
