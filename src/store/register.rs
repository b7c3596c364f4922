//! The rows of the Sổ tiếp công dân: every UBND visit of a range, with what the book
//! prints about it, in two queries (visits, then their persons).

use std::collections::HashMap;

use rusqlite::{params, Connection};

use crate::domain::{
    Competence, Handling, HostGroup, Outcome, PetitionKind, PetitionState, SessionKind,
};
use crate::error::Result;
use crate::period::Period;

/// A person of a visit as the book prints them.
#[derive(Debug, Clone, Default)]
pub struct RegisterPerson {
    pub name: String,
    pub address: Option<String>,
    pub id_number: Option<String>,
}

/// A visit as the book prints it.
#[derive(Debug, Clone)]
pub struct RegisterVisit {
    pub id: String,
    pub date: String,
    pub session_kind: SessionKind,
    pub host_group: HostGroup,
    pub host_name: Option<String>,
    pub chairman_joined: bool,
    pub headcount: u32,
    pub content: String,
    pub kind: Option<PetitionKind>,
    pub handling: Handling,
    pub agency: Option<String>,
    pub letter_no: Option<String>,
    pub persons: Vec<RegisterPerson>,
    /// The petition handed in, if any: its number, kind and contents, state, outcome,
    /// competence.
    pub petition_number: Option<String>,
    pub petition_kind: Option<PetitionKind>,
    pub petition_contents: Option<String>,
    pub petition_state: Option<PetitionState>,
    pub petition_outcome: Option<Outcome>,
    pub petition_competence: Option<Competence>,
    /// The bodies that already handled the matter ("Cơ quan đã giải quyết").
    pub prior_agencies: Option<String>,
}

/// A matter left "chưa xử lý" at the desk is handled through the petition handed in
/// there (accepted, guided, transferred later on the petition's page): the book's "Hướng
/// xử lý" shows that handling, with the petition's agency and letter. So does one taken
/// in at the desk ("Thụ lý") whose petition was then found outside the ward's competence
/// and sent on: the ward does not resolve it. Any other handling decided at the desk stays
/// as recorded; what the desk left blank of it (the agency, the letter's number) is filled
/// from the petition's step of the same handling (the letter is often issued later).
fn handled_through_petition(
    mut v: RegisterVisit,
    petition: Option<Handling>,
    agency: Option<String>,
    letter_no: Option<String>,
) -> RegisterVisit {
    let Some(h) = petition.filter(|h| *h != Handling::None) else {
        return v;
    };
    let superseded = v.handling == Handling::Accept
        && v.petition_competence == Some(Competence::Outside)
        && h != Handling::Accept;
    if v.handling == Handling::None || superseded {
        v.handling = h;
        v.agency = agency;
        v.letter_no = letter_no;
    } else if v.handling == h {
        let blank = |x: &Option<String>| x.as_deref().map_or(true, |t| t.trim().is_empty());
        if blank(&v.agency) {
            v.agency = agency;
        }
        if blank(&v.letter_no) {
            v.letter_no = letter_no;
        }
    }
    v
}

/// The UBND's visits of `period` in date order (HĐND reception keeps its own book); a
/// denunciator masked unless `full` (a leader's export in full).
pub(crate) fn register_visits(
    conn: &Connection,
    period: Period,
    full: bool,
) -> Result<Vec<RegisterVisit>> {
    let (from, to) = (period.from.to_string(), period.to.to_string());
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, s.date, s.kind, s.host_group, s.host_name, v.chairman_joined, v.headcount,
                v.content, v.kind, v.handling, v.handling_agency, v.handling_letter_no,
                CASE WHEN p.id IS NULL THEN NULL
                     WHEN p.unit_id = (SELECT value FROM settings WHERE key = 'unit_id')
                       OR trim(coalesce(u.name, '')) = '' THEN p.number || '/' || p.year
                     ELSE p.number || '/' || p.year || ' (' || trim(u.name) || ')' END,
                p.kind, p.contents, p.state, p.outcome, p.competence,
                p.handling, p.handling_agency, p.handling_letter_no, v.prior_agencies
           FROM visits v JOIN sessions s ON s.id = v.session_id
           LEFT JOIN petitions p ON p.visit_id = v.id
           LEFT JOIN units u ON u.id = p.unit_id
          WHERE s.date BETWEEN ?1 AND ?2 AND s.host_group <> 'council'
          ORDER BY s.date, s.created_at, s.id, v.seq",
    )?;
    let mut visits: Vec<RegisterVisit> = stmt
        .query_map(params![from, to], |r| {
            let visit = RegisterVisit {
                id: r.get(0)?,
                date: r.get(1)?,
                session_kind: r.get(2)?,
                host_group: r.get(3)?,
                host_name: r.get(4)?,
                chairman_joined: r.get(5)?,
                headcount: r.get(6)?,
                content: r.get(7)?,
                kind: r.get(8)?,
                handling: r.get(9)?,
                agency: r.get(10)?,
                letter_no: r.get(11)?,
                persons: vec![],
                petition_number: r.get(12)?,
                petition_kind: r.get(13)?,
                petition_contents: r.get(14)?,
                petition_state: r.get(15)?,
                petition_outcome: r.get(16)?,
                petition_competence: r.get(17)?,
                prior_agencies: r.get(21)?,
            };
            let petition_handling: Option<Handling> = r.get(18)?;
            Ok(handled_through_petition(
                visit,
                petition_handling,
                r.get(19)?,
                r.get(20)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT vp.visit_id, p.full_name, p.address, p.id_number, p.id
           FROM visit_persons vp
           JOIN visits v ON v.id = vp.visit_id
           JOIN sessions s ON s.id = v.session_id
           JOIN persons p ON p.id = vp.person_id
          WHERE s.date BETWEEN ?1 AND ?2 AND s.host_group <> 'council'
          ORDER BY vp.visit_id, vp.position",
    )?;
    let mut persons: HashMap<String, Vec<RegisterPerson>> = HashMap::new();
    for row in stmt.query_map(params![from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            RegisterPerson {
                name: r.get(1)?,
                address: r.get(2)?,
                id_number: r.get(3)?,
            },
            r.get::<_, String>(4)?,
        ))
    })? {
        let (visit, mut person, id) = row?;
        if !full && crate::desk::privacy::is_confidential(conn, &id)? {
            person = RegisterPerson {
                name: crate::desk::privacy::MASKED_NAME.to_string(),
                address: None,
                id_number: None,
            };
        }
        persons.entry(visit).or_default().push(person);
    }
    for v in &mut visits {
        v.persons = persons.remove(&v.id).unwrap_or_default();
    }
    Ok(visits)
}
