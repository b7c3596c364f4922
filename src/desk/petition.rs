//! Petitions (đơn): file one (at a visit or directly), correct it, delete one filed by
//! mistake; and the petition as the screens show it, with its deadlines.

use crate::access::Permission;
use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::movement;
use super::person::resolve_person;
use super::visit::{case_for, check_handling};
use super::Tx;
use crate::domain::*;
use crate::error::{Error, Result};
use crate::law::calendar::Calendar;
use crate::law::deadlines::{self, next_due, urgency};
use crate::records::{PetitionEvent, PetitionRecord, VisitRecord};
use crate::store::{self, Store};
use crate::text::clean;
use crate::validate::{check_petition, parse_date, required, tidy_petition, tidy_visit_petition};

/// The contents of a petition of `kind` (two kinds or more for a mixed one). A file from an
/// older register may hold mixed petitions whose contents were never recorded: they are
/// taken as they are, and the statutory tables list them to be completed.
pub(crate) fn contents_for(
    tx: &Tx<'_>,
    field: &str,
    kind: PetitionKind,
    contents: &[PetitionKind],
) -> Result<Vec<PetitionKind>> {
    if tx.actor == Actor::Import && kind == PetitionKind::Mixed && contents.is_empty() {
        return Ok(vec![]);
    }
    crate::law::counting::check_contents(kind, contents).map_err(|why| Error::invalid(field, why))
}

/// Who signed, from what was typed: anonymous, one person, several.
fn signers_of(anonymous: bool, petitioners: usize) -> Signers {
    match (anonymous, petitioners) {
        (true, _) => Signers::Anonymous,
        (false, 0 | 1) => Signers::One,
        _ => Signers::Many,
    }
}

/// The row of a petition handed in at a visit: received on the session's date, by the
/// visit's persons, about the visit's case.
pub(crate) fn visit_petition_row(
    tx: &Tx<'_>,
    id: String,
    visit: &VisitRecord,
    session: &Session,
    p: &VisitPetitionInput,
) -> Result<PetitionRecord> {
    let p = &tidy_visit_petition("petition", p)?;
    let received_on = parse_date("date", "Ngày tiếp", &session.date)?;
    Ok(PetitionRecord {
        id,
        unit_id: String::new(),
        year: received_on.year(),
        number: 0,
        received_on: session.date.clone(),
        source: PetitionSource::Visit,
        source_agency: None,
        visit_id: Some(visit.id.clone()),
        kind: p.kind,
        contents: contents_for(tx, "petition.contents", p.kind, &p.contents)?,
        field_code: store::check_field(tx.conn(), "petition.field_code", &p.field_code)?
            .or_else(|| visit.field_code.clone()),
        content: p.content.trim().to_string(),
        anonymous: false,
        respondent: clean(&p.respondent),
        handling: HandlingInput::default(),
        classification: p.classification.clone(),
        state: PetitionState::Received,
        signers: signers_of(false, visit.person_ids.len()),
        outcome: None,
        complex: false,
        first_round_id: None,
        duplicate_of: None,
        case_id: visit.case_id.clone(),
        petitioner_ids: visit.person_ids.clone(),
    })
}

/// The row of a petition received directly: by post, online, or transferred.
pub(crate) fn direct_petition_row(
    tx: &Tx<'_>,
    id: String,
    input: &NewPetition,
    case_id: Option<String>,
) -> Result<PetitionRecord> {
    let input = &tidy_petition(input)?;
    let received_on = check_petition(input, tx.today)?;
    let conn = tx.conn();
    let field_code = store::check_field(conn, "field_code", &input.field_code)?;
    let mut person_ids: Vec<String> = Vec::new();
    if !input.anonymous {
        for (i, p) in input.petitioners.iter().enumerate() {
            let pid = resolve_person(tx, &format!("petitioners[{i}]"), p)?;
            if !person_ids.contains(&pid) {
                person_ids.push(pid);
            }
        }
    }
    let case_id = match case_id {
        Some(c) => c,
        None => case_for(tx, &input.case_id, &input.content, &received_on.to_string())?,
    };
    Ok(PetitionRecord {
        id,
        unit_id: String::new(),
        year: received_on.year(),
        number: 0,
        received_on: received_on.to_string(),
        source: input.source,
        source_agency: clean(&input.source_agency),
        visit_id: None,
        kind: input.kind,
        contents: contents_for(tx, "contents", input.kind, &input.contents)?,
        field_code,
        content: input.content.trim().to_string(),
        anonymous: input.anonymous,
        respondent: clean(&input.respondent),
        handling: HandlingInput::default(),
        classification: input.classification.clone(),
        state: PetitionState::Received,
        signers: signers_of(input.anonymous, person_ids.len()),
        outcome: None,
        complex: false,
        first_round_id: None,
        duplicate_of: None,
        case_id,
        petitioner_ids: person_ids,
    })
}

/// File a new petition: give it the next number of its year, write it, record its
/// receipt, then the classification and handling decided at intake, as moves checked
/// by the lifecycle's rules.
pub(crate) fn file(
    tx: &Tx<'_>,
    mut p: PetitionRecord,
    handling: &HandlingInput,
    classification: &Classification,
    duplicate_of: &Option<String>,
) -> Result<PetitionRecord> {
    let conn = tx.conn();
    let handling = check_handling("handling", handling)?;
    if handling.handling == Handling::Accept
        && p.classification.competence == Competence::Undetermined
    {
        p.classification.competence = Competence::Within;
    }
    (p.unit_id, p.number) = store::next_number(conn, p.year)?;
    store::insert_petition(conn, &p)?;
    store::insert_event(conn, &receipt(tx, &p))?;
    tx.created("petitions", &p.id, &p)?;
    for m in intake_moves(&p, &handling, classification, duplicate_of) {
        movement::apply(tx, &m)?;
    }
    store::get_petition(conn, &p.id)?.ok_or_else(|| Error::not_found("đơn", p.id.clone()))
}

/// The first move of every petition: its receipt, on its receipt date.
pub(crate) fn receipt(tx: &Tx<'_>, p: &PetitionRecord) -> PetitionEvent {
    PetitionEvent {
        id: store::new_id(),
        petition_id: p.id.clone(),
        at: tx.at.clone(),
        on_date: p.received_on.clone(),
        action: MoveAction::Receive,
        actor: tx.actor,
        from_state: None,
        to_state: PetitionState::Received,
        note: None,
        doc_no: None,
        agency: None,
        details: None,
    }
}

/// The moves that record what was decided at intake: the classification it implies,
/// then the handling. A handling of "return" needs no classification.
fn intake_moves(
    p: &PetitionRecord,
    h: &HandlingInput,
    c: &Classification,
    duplicate_of: &Option<String>,
) -> Vec<MoveInput> {
    let action = match h.handling {
        // "Thụ lý" at the desk says the matter is within competence; accepting it is a
        // decision taken later on the petition's page, after it is classified.
        Handling::None | Handling::Accept => None,
        Handling::Guide => Some(MoveAction::Guide),
        Handling::Transfer => Some(MoveAction::Transfer),
        Handling::Urge => Some(MoveAction::Urge),
        Handling::Return => Some(MoveAction::Return),
        Handling::File => Some(MoveAction::File),
    };
    let base = |action: MoveAction| MoveInput::new(&p.id, action, &p.received_on);
    if clean(duplicate_of).is_some() {
        // A petition sent again while the first is open: filed as its duplicate.
        return vec![MoveInput {
            duplicate_of: duplicate_of.clone(),
            ..base(MoveAction::Duplicate)
        }];
    }
    let mut moves = vec![];
    let classify_needed = match action {
        // Classified at intake only when the form decided both eligibility and competence.
        None => c.eligible.is_some() && c.competence != Competence::Undetermined,
        Some(MoveAction::Return) => false,
        Some(_) => true,
    };
    if classify_needed {
        let competence = match (c.competence, h.handling) {
            (Competence::Undetermined, Handling::Guide | Handling::Transfer | Handling::Urge) => {
                Competence::Outside
            }
            (given, _) => given,
        };
        // An anonymous petition, of any kind, is not eligible (TT 05/2021, Điều 6).
        let eligible = c
            .eligible
            .unwrap_or(h.handling != Handling::File && !p.anonymous);
        moves.push(MoveInput {
            classification: Some(ClassifyInput {
                kind: p.kind,
                contents: p.contents.clone(),
                field_code: p.field_code.clone(),
                eligible,
                competence,
                signers: p.signers,
                round: c.round,
                first_round_id: None,
                complex: false,
            }),
            ..base(MoveAction::Classify)
        });
    }
    if let Some(action) = action {
        moves.push(MoveInput {
            agency: h.agency.clone(),
            doc_no: h.letter_no.clone(),
            ..base(action)
        });
    }
    moves
}

/// Once classified, a petition's kind (and whether it is anonymous) is the lifecycle's: a
/// correction cannot change it behind the moves that rely on it.
fn check_kind_unchanged(
    tx: &Tx<'_>,
    field: &str,
    old: &PetitionRecord,
    kind: PetitionKind,
    contents: &[PetitionKind],
    anonymous: bool,
) -> Result<()> {
    if old.state == PetitionState::Received {
        // A denunciation's check made longer is a denunciation's move (Luật Tố cáo 2018,
        // Điều 24): it stands only on a named denunciation.
        let stays = kind == PetitionKind::Denunciation && !anonymous;
        if old.kind == PetitionKind::Denunciation && !stays {
            let extended = store::events_of(tx.conn(), &old.id)?
                .iter()
                .any(|e| e.action == crate::domain::MoveAction::ExtendCheck);
            if extended {
                return Err(Error::invalid(
                    if kind != old.kind { field } else { "anonymous" },
                    format!(
                        "Đơn số {} đã ghi bước “{}” (chỉ có ở đơn tố cáo có người đứng tên): hủy bước đó trước khi sửa đơn.",
                        store::number_label(tx.conn(), old)?,
                        crate::domain::MoveAction::ExtendCheck.label()
                    ),
                ));
            }
        }
        return Ok(());
    }
    let number = store::number_label(tx.conn(), old)?;
    // What a classified petition carries is part of its classification (02/XLD counts by
    // it): changed by the "Phân loại đơn" move, never by a correction.
    let same_contents = kind != PetitionKind::Mixed
        || crate::law::counting::report_kinds(kind, contents)
            == crate::law::counting::report_kinds(old.kind, &old.contents);
    if kind != old.kind || !same_contents {
        return Err(Error::invalid(
            if kind != old.kind {
                field.to_string()
            } else {
                field.replace("kind", "contents")
            },
            format!(
                "Đơn số {number} đã được phân loại là {}: sửa loại đơn, các nội dung của đơn bằng bước “Phân loại đơn” (hủy các bước sau nếu cần).",
                old.kind.label().to_lowercase()
            ),
        ));
    }
    if anonymous != old.anonymous {
        return Err(Error::invalid(
            "anonymous",
            format!(
                "Đơn số {number} đã được phân loại: không đổi được đơn nặc danh hay có người đứng tên; hủy các bước xử lý trước."

            ),
        ));
    }
    Ok(())
}

/// Keep a visit's petition in step with its corrected visit.
pub(crate) fn follow_visit(
    tx: &Tx<'_>,
    petition_id: &str,
    visit: &VisitRecord,
    session: &Session,
    input: Option<&VisitPetitionInput>,
) -> Result<()> {
    let conn = tx.conn();
    let old = store::get_petition(conn, petition_id)?
        .ok_or_else(|| Error::not_found("đơn", petition_id))?;
    let mut new = old.clone();
    new.petitioner_ids = visit.person_ids.clone();
    new.case_id = visit.case_id.clone();
    if let Some(p) = input {
        required("petition.content", "Nội dung đơn", &p.content)?;
        check_kind_unchanged(
            tx,
            "petition.kind",
            &old,
            p.kind,
            &p.contents,
            old.anonymous,
        )?;
        new.contents = contents_for(tx, "petition.contents", p.kind, &p.contents)?;
        new.kind = p.kind;
        new.field_code = store::check_field(conn, "petition.field_code", &p.field_code)?
            .or_else(|| visit.field_code.clone());
        new.content = p.content.trim().to_string();
        new.respondent = clean(&p.respondent);
        // A kind changed here keeps the links whole, as in a correction of the petition.
        if new.kind != old.kind {
            super::movement::check_links(tx, &new, "petition.kind")?;
        }
    }
    // Asked only when the date changes: a correction of a name or of the content of a pair
    // an import brought out of order goes through.
    if session.date != old.received_on {
        check_link_order(conn, &new, &session.date, "session_id", &[])?;
    }
    change_receipt(tx, &mut new, &session.date)?;
    if new.signers != Signers::Anonymous {
        new.signers = signers_of(false, new.petitioner_ids.len());
    }
    store::update_petition(conn, &new)?;
    tx.updated("petitions", petition_id, &old, &new, None)?;
    Ok(())
}

/// A petition received on `date` keeps the petitions it is linked to in order: a
/// second-round complaint on or after its first round, a duplicate on or after its
/// original. Refused on `field` when `p` would come before the petition it follows (its
/// first round, its original), or after one that follows it. Every change of a receipt
/// date asks (a correction of the petition, of its visit's session, of the session);
/// petitions of `moving` move to the same date with it (a session's), so stay in order.
pub(crate) fn check_link_order(
    conn: &rusqlite::Connection,
    p: &PetitionRecord,
    date: &str,
    field: &str,
    moving: &[String],
) -> Result<()> {
    // (the other petition, what it is to `p`, whether `p` must not come before it)
    let mut links: Vec<(PetitionRecord, &str, bool)> = Vec::new();
    for (id, what) in [
        (&p.first_round_id, "đơn khiếu nại lần đầu"),
        (&p.duplicate_of, "đơn gốc"),
    ] {
        if let Some(other) = id.as_deref() {
            if let Some(o) = store::get_petition(conn, other)? {
                links.push((o, what, true));
            }
        }
    }
    for o in store::second_rounds_of(conn, &p.id)? {
        links.push((o, "đơn khiếu nại lần hai", false));
    }
    for o in store::duplicates_of(conn, &p.id)? {
        links.push((o, "đơn trùng", false));
    }
    for (other, what, follows) in links {
        if moving.contains(&other.id) {
            continue;
        }
        let wrong = if follows {
            other.received_on.as_str() > date
        } else {
            other.received_on.as_str() < date
        };
        if wrong {
            return Err(Error::invalid(
                field,
                format!(
                    "Đơn số {} là {what} của đơn số {} và nhận ngày {}: ngày nhận mới ({}) không được {} ngày ấy.",
                    store::number_label(conn, &other)?,
                    store::number_label(conn, p)?,
                    crate::text::vn_date(&other.received_on),
                    crate::text::vn_date(date),
                    if follows { "trước" } else { "sau" },
                ),
            ));
        }
    }
    Ok(())
}

/// Move a petition's receipt date: same year (the number is per year), not after its
/// first move.
fn change_receipt(tx: &Tx<'_>, p: &mut PetitionRecord, date: &str) -> Result<()> {
    if p.received_on == date {
        return Ok(());
    }
    let new_date = parse_date("received_on", "Ngày nhận đơn", date)?;
    if new_date.year() != p.year {
        return Err(Error::invalid(
            "received_on",
            format!(
                "Đơn số {}: không thể chuyển ngày nhận sang năm {} (số đơn đánh theo năm).",
                store::number_label(tx.conn(), p)?,
                new_date.year()
            ),
        ));
    }
    let conn = tx.conn();
    if let Some(first) = store::events_of(conn, &p.id)?
        .iter()
        .filter(|e| e.from_state.is_some())
        .map(|e| e.on_date.clone())
        .min()
    {
        if first.as_str() < date {
            return Err(Error::invalid(
                "received_on",
                format!(
                    "Đơn số {} đã có bước xử lý ngày {}, trước ngày nhận mới: hủy bước đó trước.",
                    store::number_label(tx.conn(), p)?,
                    crate::text::vn_date(&first)
                ),
            ));
        }
    }
    extension_kept(conn, p, date, "received_on")?;
    check_link_order(conn, p, date, "received_on", &[])?;
    p.received_on = date.to_string();
    store::move_receipt_date(conn, &p.id, date)
}

/// A denunciation's check made longer must still fall within ten working days of its
/// receipt when the receipt moves to `date` (Luật Tố cáo 2018, Điều 24): refused, on
/// `field`, until that step is undone.
pub(crate) fn extension_kept(
    conn: &rusqlite::Connection,
    p: &PetitionRecord,
    date: &str,
    field: &str,
) -> Result<()> {
    let moved = PetitionRecord {
        received_on: date.to_string(),
        ..p.clone()
    };
    let Some(last) = super::movement::check_ends(conn, &moved)? else {
        return Ok(());
    };
    let late = store::events_of(conn, &p.id)?
        .into_iter()
        .find(|e| e.action == MoveAction::ExtendCheck && e.on_date > last.to_string());
    match late {
        None => Ok(()),
        Some(e) => Err(Error::invalid(
            field,
            format!(
                "Đơn số {}: bước “{}” ngày {} sẽ quá 10 ngày làm việc kể từ ngày nhận mới (hết ngày {}; Luật Tố cáo 2018, Điều 24): hủy bước đó trước.",
                store::number_label(conn, p)?,
                e.action.label(),
                crate::text::vn_date(&e.on_date),
                last.format("%d/%m/%Y")
            ),
        )),
    }
}

/// Delete a petition and its moves; both stay in the history.
pub(crate) fn delete(tx: &Tx<'_>, petition_id: &str, note: Option<String>) -> Result<()> {
    let conn = tx.conn();
    let p = store::get_petition(conn, petition_id)?
        .ok_or_else(|| Error::not_found("đơn", petition_id))?;
    if let Some((number, year)) = store::petition_referring_to(conn, petition_id)? {
        return Err(Error::invalid(
            "petition",
            format!(
                "Đơn số {number}/{year} dẫn chiếu đến đơn này (đơn trùng hoặc khiếu nại lần hai): sửa đơn đó trước."
            ),
        ));
    }
    let events = store::events_of(conn, petition_id)?;
    store::delete_petition(conn, petition_id)?;
    tx.change(
        ChangeAction::Delete,
        "petitions",
        petition_id,
        Some(json!({"petition": p, "events": events})),
        None,
        note,
    )?;
    store::delete_orphan_case(conn, &p.case_id)
}

impl Store {
    /// A petition received directly: by post, online, or transferred by an agency.
    pub fn create_petition(&mut self, input: &NewPetition) -> Result<Petition> {
        self.require(crate::access::Permission::Record)?;
        let filed = self.write(Permission::Record, |tx| {
            let row = direct_petition_row(tx, store::new_id(), input, None)?;
            file(
                tx,
                row,
                &input.handling,
                &input.classification,
                &input.duplicate_of,
            )
        })?;
        self.petition(&filed.id)
    }

    /// Correct what was recorded at intake (date, source, kind, field, content, persons,
    /// respondent), with the same checks. The classification and handling are the
    /// lifecycle's moves, corrected by undoing a move. A petition handed in at a visit
    /// takes its date and persons from the visit: correct those there.
    pub fn correct_petition(&mut self, id: &str, input: &NewPetition) -> Result<Petition> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| {
            let input = &tidy_petition(input)?;
            let conn = tx.conn();
            let old = store::get_petition(conn, id)?.ok_or_else(|| Error::not_found("đơn", id))?;
            let mut new = old.clone();
            if old.visit_id.is_some() {
                if input.received_on != old.received_on {
                    return Err(Error::invalid(
                        "received_on",
                        "Đơn nộp khi tiếp công dân nhận vào ngày của buổi tiếp: hãy sửa ngày ở buổi tiếp.",
                    ));
                }
                required("content", "Nội dung đơn", &input.content)?;
            } else {
                let row = direct_petition_row(tx, id.to_string(), input, Some(old.case_id.clone()))?;
                new.source = row.source;
                new.source_agency = row.source_agency;
                new.anonymous = row.anonymous;
                new.petitioner_ids = row.petitioner_ids;
                new.signers = match (row.anonymous, old.signers) {
                    (true, _) => Signers::Anonymous,
                    (false, Signers::Many) if new.petitioner_ids.len() > 1 => Signers::Many,
                    (false, _) => signers_of(false, new.petitioner_ids.len()),
                };
                change_receipt(tx, &mut new, &row.received_on)?;
            }
            check_kind_unchanged(tx, "kind", &old, input.kind, &input.contents, input.anonymous)?;
            new.contents = contents_for(tx, "contents", input.kind, &input.contents)?;
            new.kind = input.kind;
            new.field_code = store::check_field(conn, "field_code", &input.field_code)?;
            new.content = input.content.trim().to_string();
            new.respondent = clean(&input.respondent);
            if let Some(case) = input.case_id.as_ref().filter(|c| **c != old.case_id) {
                new.case_id = case_for(tx, &Some(case.clone()), &new.content, &new.received_on)?;
            }
            if new.kind != old.kind {
                super::movement::check_links(tx, &new, "kind")?;
            }
            store::update_petition(conn, &new)?;
            tx.updated("petitions", id, &old, &new, None)?;
            if new.case_id != old.case_id {
                store::delete_orphan_case(conn, &old.case_id)?;
            }
            Ok(())
        })?;
        self.petition(id)
    }

    /// Delete a petition received directly and filed by mistake (one handed in at a
    /// visit goes with its visit). It stays in the history with its moves.
    pub fn delete_petition(&mut self, id: &str) -> Result<()> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| {
            let p =
                store::get_petition(tx.conn(), id)?.ok_or_else(|| Error::not_found("đơn", id))?;
            if p.visit_id.is_some() {
                return Err(Error::invalid(
                    "petition",
                    "Đơn nộp khi tiếp công dân được xóa cùng lượt tiếp, ở màn hình Sổ tiếp dân.",
                ));
            }
            delete(tx, id, None)
        })
    }

    /// The working-day calendar: the one shipped, plus the administrator's additions.
    pub fn calendar(&self) -> Result<Calendar> {
        store::calendar(self.conn())
    }

    /// A petition as the screens show it, with its deadlines as of today.
    pub fn petition(&self, id: &str) -> Result<Petition> {
        self.require(crate::access::Permission::ViewRecords)?;
        let record =
            store::get_petition(self.conn(), id)?.ok_or_else(|| Error::not_found("đơn", id))?;
        let calendar = self.calendar()?;
        let settings = self.settings()?;
        self.petition_view(record, &calendar, &settings.deadlines, self.today())
    }

    /// Petitions matching the filter, newest first, with their deadlines as of today.
    /// The petitions list a page at a time, as the Đơn thư screen shows it: only the
    /// page's petitions are built (a register of a hundred thousand petitions lists its
    /// first page at once: a count and the page, read through the receipt index). An
    /// urgency filter needs every match's deadlines: their moves are read at once and
    /// the deadlines computed, and still only the page is built.
    pub fn petition_page(
        &self,
        filter: &PetitionFilter,
        offset: u32,
        limit: u32,
    ) -> Result<PetitionPage> {
        self.require(crate::access::Permission::ViewRecords)?;
        let _snapshot = self.read_snapshot()?;
        let (total, rows) = self.matching(filter, Some((offset, limit)))?;
        Ok(PetitionPage {
            total,
            offset,
            petitions: self.views_of(rows)?,
        })
    }

    /// Every petition `filter` keeps, newest first, as a picker lists it (the move form's
    /// "đơn gốc" of a duplicate and first round of a complaint): its number, content,
    /// what it repeats and, when `names`, its petitioners' names (a denunciator's masked;
    /// without, none: the picker asks for them after the list, as they cost five times
    /// the rest at 200,000 persons, reading each petitioner and whether they denounced);
    /// nothing else is read (the views of 20,000 open petitions, with
    /// their petitioners and deadlines, took 1.3 s at 200,000 persons). The urgency filter,
    /// which needs the deadlines, is refused.
    pub fn petition_choices(
        &self,
        filter: &PetitionFilter,
        names: bool,
    ) -> Result<Vec<PetitionChoice>> {
        self.require(crate::access::Permission::ViewRecords)?;
        if filter.urgency.is_some() {
            return Err(Error::invalid(
                "urgency",
                "danh sách chọn đơn không lọc theo thời hạn; hãy bỏ bộ lọc thời hạn.",
            ));
        }
        let _snapshot = self.read_snapshot()?;
        let conn = self.conn();
        let labels = store::NumberLabels::read(conn)?;
        let rows = store::petition_rows_matching(conn, filter, store::Within::All)?;
        let mut names = if names {
            let ids: Vec<&str> = rows.iter().map(|p| p.id.as_str()).collect();
            store::petitioner_names(conn, &ids)?
        } else {
            Default::default()
        };
        let confidential = {
            let mut ids: Vec<&str> = names
                .values()
                .flatten()
                .map(|(id, _)| id.as_str())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            crate::desk::privacy::confidential_among(conn, &ids)?
        };
        Ok(rows
            .into_iter()
            .map(|p| PetitionChoice {
                number: labels.label(&p),
                petitioners: names
                    .remove(&p.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(id, name)| {
                        if confidential.contains(&id) {
                            crate::desk::privacy::MASKED_NAME.to_string()
                        } else {
                            name
                        }
                    })
                    .collect(),
                id: p.id,
                content: p.content,
                duplicate_of: p.duplicate_of,
                first_round_id: p.first_round_id,
            })
            .collect())
    }

    /// Every petition `filter` keeps, newest first, with its deadlines as of today (the
    /// CSV of Đơn thư).
    pub fn petitions(&self, filter: &PetitionFilter) -> Result<Vec<Petition>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let _snapshot = self.read_snapshot()?;
        let (_, rows) = self.matching(filter, None)?;
        self.views_of(rows)
    }

    /// How many petitions `filter` keeps, and those of `page` (`offset`, `limit`; all if
    /// `None`), newest first, each with its deadlines as of today. Without an urgency
    /// filter the page is counted and read in SQL; with one, every match's moves are read
    /// at once and its deadlines computed (by the rules a single petition's view uses) to
    /// keep those of that urgency. Moves are read in a few queries, never one petition
    /// at a time.
    fn matching(
        &self,
        filter: &PetitionFilter,
        page: Option<(u32, u32)>,
    ) -> Result<(u32, Vec<super::intake::WithDeadlines>)> {
        let conn = self.conn();
        let calendar = self.calendar()?;
        let settings = self.settings()?.deadlines;
        let today = self.today();
        let with_deadlines = |rows: Vec<PetitionRecord>| -> Result<Vec<_>> {
            let mut events = {
                let ids: Vec<&str> = rows.iter().map(|p| p.id.as_str()).collect();
                store::events_of_petitions(conn, &ids)?
            };
            Ok(rows
                .into_iter()
                .map(|p| {
                    let moves = events.remove(&p.id).unwrap_or_default();
                    let due = deadlines::deadlines(&p, &moves, today, &calendar, &settings);
                    (p, due)
                })
                .collect())
        };
        // Which petitions are of the urgency asked for, from the open petitions' kept next
        // due days when they can say (`store::due_fast`): a closed petition owes nothing
        // (its first steps are met by the end state; an accepted petition leaves only by
        // a resolution, a withdrawal or a termination, which meet its resolution), so its
        // urgency is "trong hạn". The list is then counted and paged in SQL, and only the
        // page's deadlines are computed.
        let kept = match filter.urgency {
            Some(wanted) => store::due_fast(conn, today, &calendar, &settings)?.map(|rows| {
                let ids: Vec<String> = rows
                    .into_iter()
                    .filter(|r| {
                        let urgency = r.urgency(today, &calendar, &settings);
                        // "Trong hạn" is every petition but the open ones that press.
                        if wanted == Urgency::None {
                            urgency != Urgency::None
                        } else {
                            urgency == wanted
                        }
                    })
                    .map(|r| r.id)
                    .collect();
                (wanted, ids)
            }),
            None => Some((Urgency::None, Vec::new())),
        };
        if let Some((wanted, ids)) = &kept {
            let within = match (filter.urgency, wanted) {
                (None, _) => store::Within::All,
                (Some(_), Urgency::None) => store::Within::Except(ids),
                (Some(_), _) => store::Within::Only(ids),
            };
            let (total, rows) = match page {
                Some((offset, limit)) => {
                    store::petition_rows_page(conn, filter, within, offset, limit)?
                }
                None => {
                    let rows = store::petition_rows_matching(conn, filter, within)?;
                    (rows.len() as u32, rows)
                }
            };
            return Ok((total, with_deadlines(rows)?));
        }
        let mut rows = with_deadlines(store::petition_rows_matching(
            conn,
            filter,
            store::Within::All,
        )?)?;
        if let Some(wanted) = filter.urgency {
            rows.retain(|(_, due)| deadlines::urgency(due) == wanted);
        }
        let total = rows.len() as u32;
        if let Some((offset, limit)) = page {
            rows = rows
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .collect();
        }
        Ok((total, rows))
    }

    /// The number (`12/2026`) of a petition, if it is given and exists.
    fn number_of(&self, id: &Option<String>) -> Result<Option<String>> {
        Ok(match id {
            Some(id) => store::get_petition(self.conn(), id)?
                .map(|p| store::number_label(self.conn(), &p))
                .transpose()?,
            None => None,
        })
    }

    pub(crate) fn petition_view(
        &self,
        p: PetitionRecord,
        calendar: &Calendar,
        settings: &DeadlineSettings,
        as_of: NaiveDate,
    ) -> Result<Petition> {
        let events = store::events_of(self.conn(), &p.id)?;
        let deadlines = deadlines::deadlines(&p, &events, as_of, calendar, settings);
        let petitioners = p
            .petitioner_ids
            .iter()
            .map(|id| self.person(id))
            .collect::<Result<Vec<_>>>()?;
        let number = store::number_label(self.conn(), &p)?;
        self.view_of(p, number, petitioners, deadlines)
    }

    /// The one mapping of a petition row to its view, from what the caller read: its
    /// number label, its petitioners as shown (masked: [`Store::person`] or
    /// [`Store::shown_person`]) and its deadlines. Shared by [`Self::petition_view`] (one
    /// petition) and the batched queue (`needing_action`).
    pub(crate) fn view_of(
        &self,
        p: PetitionRecord,
        number: String,
        petitioners: Vec<Person>,
        deadlines: Vec<Deadline>,
    ) -> Result<Petition> {
        Ok(Petition {
            id: p.id,
            number,
            received_on: p.received_on,
            source: p.source,
            source_agency: p.source_agency,
            visit_id: p.visit_id,
            kind: p.kind,
            contents: p.contents,
            field_code: p.field_code,
            content: p.content,
            anonymous: p.anonymous,
            petitioners,
            respondent: p.respondent,
            handling: p.handling,
            classification: p.classification,
            state: p.state,
            status: p.state.status(),
            signers: p.signers,
            outcome_label: p
                .outcome
                .map(|o| crate::law::lifecycle::outcome_label(p.kind, o).to_string()),
            outcome: p.outcome,
            complex: p.complex,
            first_round_number: self.number_of(&p.first_round_id)?,
            duplicate_of_number: self.number_of(&p.duplicate_of)?,
            first_round_id: p.first_round_id,
            duplicate_of: p.duplicate_of,
            case_id: p.case_id,
            next_due: next_due(&deadlines).cloned(),
            urgency: urgency(&deadlines),
            deadlines,
        })
    }
}

/// A petition as it stood at the end of a date: its state then, and its deadlines as of
/// that date (`tiepdan petitions --as-of`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct PetitionAsOf {
    pub id: String,
    pub number: String,
    pub kind: PetitionKind,
    pub received_on: String,
    pub state: PetitionState,
    pub open: bool,
    pub deadlines: Vec<Deadline>,
    pub next_due: Option<Deadline>,
    pub urgency: Urgency,
}

impl Store {
    /// Every petition received by `as_of`, with its state on that date (from its moves) and
    /// its deadlines as of then.
    pub fn petitions_as_of(&self, as_of: NaiveDate) -> Result<Vec<PetitionAsOf>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let calendar = self.calendar()?;
        let settings = self.settings()?.deadlines;
        let filter = PetitionFilter {
            to: Some(as_of.to_string()),
            ..Default::default()
        };
        let mut list = store::petitions_matching(self.conn(), &filter)?;
        list.reverse();
        list.into_iter()
            .map(|p| {
                let events = store::events_of(self.conn(), &p.id)?;
                let state = crate::law::lifecycle::state_on(&events, as_of)
                    .unwrap_or(PetitionState::Received);
                let deadlines = deadlines::deadlines(&p, &events, as_of, &calendar, &settings);
                // Its kind and receipt as they stood then, as its deadlines are.
                let then = crate::law::lifecycle::record_on(&p, &events, as_of);
                let (kind, received_on) = match then {
                    Some(r) => (r.kind, r.received_on.clone()),
                    None => (p.kind, p.received_on.clone()),
                };
                Ok(PetitionAsOf {
                    number: store::number_label(self.conn(), &p)?,
                    id: p.id,
                    kind,
                    received_on,
                    state,
                    open: state.is_open(),
                    next_due: next_due(&deadlines).cloned(),
                    urgency: urgency(&deadlines),
                    deadlines,
                })
            })
            .collect()
    }
}
