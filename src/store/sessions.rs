use chrono::Datelike;
use rusqlite::{params, Connection, OptionalExtension};

use super::catalogue::{check_field, host_allowed_on};
use super::persons::{person_from_row, resolve_person, PERSON_COLUMNS};
use super::petitions::file_petition;
use super::records::{
    insert_case, insert_session, insert_visit, session_from_row, visit_from_row, SESSION_COLUMNS,
    VISIT_COLUMNS,
};
use super::{new_id, Store};
use crate::domain::{
    Handling, HandlingInput, HostGroup, NewSession, NewVisit, PetitionSource, PetitionStatus,
    Session, SessionView, Visit,
};
use crate::error::{Error, Result};
use crate::records::{CaseRecord, PetitionRecord, VisitRecord};
use crate::text::clean;
use crate::validate::{check_session, check_visit, delegation_of, parse_date};

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

/// Open a new case for a matter first raised on `date`.
pub(crate) fn new_case(conn: &Connection, summary: &str, date: &str) -> Result<String> {
    let case = CaseRecord {
        id: new_id(),
        summary: summary.trim().chars().take(200).collect(),
        opened_on: date.to_string(),
    };
    insert_case(conn, &case)?;
    Ok(case.id)
}

/// The case given by the officer (which must exist), or a new one.
pub(crate) fn case_for(
    conn: &Connection,
    case_id: &Option<String>,
    summary: &str,
    date: &str,
) -> Result<String> {
    match case_id.as_deref().filter(|c| !c.is_empty()) {
        Some(id) if super::exists(conn, "cases", id)? => Ok(id.to_string()),
        Some(id) => Err(Error::invalid(
            "case_id",
            format!("Vụ việc đã chọn (mã {id}) không còn trong sổ."),
        )),
        None => new_case(conn, summary, date),
    }
}

fn visits_of_session(conn: &Connection, session_id: &str) -> Result<Vec<Visit>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {VISIT_COLUMNS}, p.number || '/' || p.year
           FROM visits v LEFT JOIN petitions p ON p.visit_id = v.id
          WHERE v.session_id = ?1 ORDER BY v.seq"
    ))?;
    let mut visits: Vec<Visit> = stmt
        .query_map([session_id], |r| {
            let v = visit_from_row(r)?;
            Ok(Visit {
                id: v.id,
                session_id: v.session_id,
                seq: v.seq,
                headcount: v.headcount,
                delegation: v.delegation,
                content: v.content,
                kind: v.kind,
                field_code: v.field_code,
                handling: v.handling,
                case_id: v.case_id,
                chairman_joined: v.chairman_joined,
                persons: vec![],
                petition_number: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut persons = conn.prepare(&format!(
        "SELECT {PERSON_COLUMNS} FROM visit_persons vp JOIN persons p ON p.id = vp.person_id
          WHERE vp.visit_id = ?1 ORDER BY vp.position"
    ))?;
    for v in &mut visits {
        v.persons = persons
            .query_map([&v.id], person_from_row)?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(visits)
}

impl Store {
    pub fn create_session(&mut self, input: &NewSession) -> Result<Session> {
        let date = check_session(input, self.today())?;
        host_allowed_on(input.host_group, date)?;
        let session = Session {
            id: new_id(),
            date: date.to_string(),
            kind: input.kind,
            host_group: input.host_group,
            host_name: clean(&input.host_name),
            place: clean(&input.place),
            notes: clean(&input.notes),
        };
        insert_session(self.conn(), &session)?;
        Ok(session)
    }

    pub fn session(&self, id: &str) -> Result<Session> {
        self.conn()
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"),
                [id],
                session_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("buổi tiếp", id))
    }

    /// Record a visit, its persons and the petition handed in, all or nothing.
    pub fn add_visit(&mut self, input: &NewVisit) -> Result<Visit> {
        check_visit(input)?;
        let session = self.session(&input.session_id)?;
        let threshold = self.settings()?.delegation_threshold;
        let tx = self.conn_mut().savepoint()?;
        let field_code = check_field(&tx, "field_code", &input.field_code)?;
        let handling = check_handling("handling", &input.handling)?;
        let case_id = case_for(&tx, &input.case_id, &input.content, &session.date)?;
        let seq: u32 = tx.query_row(
            "SELECT coalesce(max(seq), 0) + 1 FROM visits WHERE session_id = ?1",
            [&session.id],
            |r| r.get(0),
        )?;
        let headcount = input.headcount.max(input.persons.len() as u32).max(1);
        let delegation = delegation_of(input, headcount, threshold)?;
        let chairman_joined = input.chairman_joined && session.host_group == HostGroup::Officer;
        let mut person_ids = Vec::new();
        for (i, p) in input.persons.iter().enumerate() {
            let pid = resolve_person(&tx, &format!("persons[{i}]"), p)?;
            if person_ids.contains(&pid) {
                return Err(Error::invalid(
                    format!("persons[{i}]"),
                    format!(
                        "Người thứ {} trùng với một người đã ghi trong lượt tiếp.",
                        i + 1
                    ),
                ));
            }
            person_ids.push(pid);
        }
        let visit = VisitRecord {
            id: new_id(),
            session_id: session.id.clone(),
            seq,
            headcount,
            delegation,
            content: input.content.trim().to_string(),
            kind: input.kind,
            field_code: field_code.clone(),
            handling,
            case_id: case_id.clone(),
            chairman_joined,
            person_ids,
        };
        insert_visit(&tx, &visit)?;
        if let Some(p) = &input.petition {
            let received_on = parse_date("date", "Ngày tiếp", &session.date)?;
            file_petition(
                &tx,
                PetitionRecord {
                    id: new_id(),
                    year: received_on.year(),
                    number: 0,
                    received_on: session.date.clone(),
                    source: PetitionSource::Visit,
                    source_agency: None,
                    visit_id: Some(visit.id.clone()),
                    kind: p.kind,
                    field_code: check_field(&tx, "petition.field_code", &p.field_code)?
                        .or(field_code),
                    content: p.content.trim().to_string(),
                    anonymous: false,
                    respondent: clean(&p.respondent),
                    handling: check_handling("petition.handling", &p.handling)?,
                    classification: p.classification.clone(),
                    status: PetitionStatus::Open,
                    case_id,
                    petitioner_ids: visit.person_ids.clone(),
                },
            )?;
        }
        let visit_id = visit.id;
        tx.commit()?;
        visits_of_session(self.conn(), &session.id)?
            .into_iter()
            .find(|v| v.id == visit_id)
            .ok_or_else(|| Error::not_found("lượt tiếp", visit_id))
    }

    /// Remove a session opened by mistake. Only an empty one: a session that received
    /// people keeps its record until its visits are removed one by one.
    pub fn delete_session(&mut self, id: &str) -> Result<()> {
        let visits: u32 = self.conn().query_row(
            "SELECT count(*) FROM visits WHERE session_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if visits > 0 {
            return Err(Error::invalid(
                "session",
                format!("Buổi tiếp đã có {visits} lượt tiếp: xóa các lượt tiếp trước khi xóa buổi tiếp."),
            ));
        }
        if self
            .conn()
            .execute("DELETE FROM sessions WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::not_found("buổi tiếp", id));
        }
        Ok(())
    }

    /// Remove a visit recorded by mistake (and the petition handed in with it).
    pub fn delete_visit(&mut self, visit_id: &str) -> Result<()> {
        let tx = self.conn_mut().savepoint()?;
        tx.execute("DELETE FROM petitions WHERE visit_id = ?1", [visit_id])?;
        if tx.execute("DELETE FROM visits WHERE id = ?1", [visit_id])? == 0 {
            return Err(Error::not_found("lượt tiếp", visit_id));
        }
        tx.execute(
            "DELETE FROM cases WHERE id NOT IN (SELECT case_id FROM visits)
                AND id NOT IN (SELECT case_id FROM petitions)",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Sessions in [from, to], newest first, with their visits.
    pub fn sessions_between(&self, from: &str, to: &str) -> Result<Vec<SessionView>> {
        let period = crate::period::Period::parse(from, to)?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {SESSION_COLUMNS} FROM sessions WHERE date BETWEEN ?1 AND ?2
              ORDER BY date DESC, created_at DESC, id DESC"
        ))?;
        let sessions: Vec<Session> = stmt
            .query_map(
                params![period.from.to_string(), period.to.to_string()],
                session_from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        sessions
            .into_iter()
            .map(|session| {
                Ok(SessionView {
                    visits: visits_of_session(self.conn(), &session.id)?,
                    session,
                })
            })
            .collect()
    }
}
