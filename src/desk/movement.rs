//! Moving a petition through its lifecycle: only the moves the law allows
//! (`law::lifecycle`), each an event with its date, who, note and document; and undoing
//! the last move recorded by mistake (kept in the history).

use crate::access::Permission;
use serde_json::{Map, Value};

use super::Tx;
use crate::domain::*;
use crate::error::{Error, Result};
use crate::law::lifecycle::{self, MoveContext};
use crate::records::{PetitionEvent, PetitionRecord};
use crate::store::{self, Store};
use crate::text::{clean, vn_date};
use crate::validate::{parse_date, parse_past_date};

/// Who recorded a move and when, kept when a move is imported from another register.
pub(crate) struct EventMeta {
    pub id: String,
    pub at: String,
    pub actor: Actor,
    /// A move of a petition this write created without a change record of its own (an
    /// import's new petition, moved as its file says): it is part of that creation, which
    /// the import's summary records; the move itself is kept as the petition's move, with
    /// its before and after, and the other register's history comes with the file.
    pub of_unlogged_creation: bool,
}

/// Check a move against the law and its inputs, then record it. Returns the petition
/// as it now stands.
pub(crate) fn apply(tx: &Tx<'_>, input: &MoveInput) -> Result<PetitionRecord> {
    apply_as(tx, input, None)
}

/// [`apply`], keeping the id, time and author of a move recorded elsewhere.
pub(crate) fn apply_as(
    tx: &Tx<'_>,
    input: &MoveInput,
    meta: Option<EventMeta>,
) -> Result<PetitionRecord> {
    let input = &crate::validate::tidy_move(input)?;
    let old = store::get_petition(tx.conn(), &input.petition_id)?.ok_or_else(|| {
        Error::invalid(
            "petition_id",
            format!(
                "Đơn đã chọn (mã {}) không có trong sổ: không ghi được bước xử lý.",
                crate::text::shown(&input.petition_id, 40)
            ),
        )
    })?;
    let mut events = store::events_of(tx.conn(), &old.id)?;
    checked_move(tx, input, meta, old, &mut events)
}

/// [`apply_as`] on the petition as the caller has just read it in this transaction, with
/// its moves as recorded, in their order (`store::events_of`): an import's replay keeps
/// both from one move to the next instead of reading them again for each. The move
/// recorded is added to `events`.
pub(crate) fn apply_to(
    tx: &Tx<'_>,
    input: &MoveInput,
    meta: Option<EventMeta>,
    old: PetitionRecord,
    events: &mut Vec<PetitionEvent>,
) -> Result<PetitionRecord> {
    debug_assert_eq!(input.petition_id, old.id);
    let input = &crate::validate::tidy_move(input)?;
    checked_move(tx, input, meta, old, events)
}

/// Every check of a move (its input tidied), then its event, the petition and the change.
/// `events`: the petition's moves as recorded, in their order; the new one is added.
fn checked_move(
    tx: &Tx<'_>,
    input: &MoveInput,
    meta: Option<EventMeta>,
    old: PetitionRecord,
    events: &mut Vec<PetitionEvent>,
) -> Result<PetitionRecord> {
    let conn = tx.conn();
    let on = parse_past_date("on_date", "Ngày thực hiện", &input.on_date, tx.today)?;
    let received = parse_date("received_on", "Ngày nhận đơn", &old.received_on)?;
    if on < received {
        return Err(Error::invalid(
            "on_date",
            format!(
                "Ngày thực hiện {} trước ngày nhận đơn {}.",
                on.format("%d/%m/%Y"),
                received.format("%d/%m/%Y")
            ),
        ));
    }
    if let Some(last) = events.last() {
        if on.to_string() < last.on_date {
            return Err(Error::invalid(
                "on_date",
                format!(
                    "Ngày thực hiện {} trước bước “{}” đã ghi ngày {}: các bước được ghi theo thứ tự thời gian.",
                    on.format("%d/%m/%Y"),
                    last.action.label(),
                    vn_date(&last.on_date)
                ),
            ));
        }
    }
    let ctx = MoveContext {
        petition: &old,
        events,
        case_transferred_before: matches!(input.action, MoveAction::Transfer | MoveAction::Guide)
            && old.kind == PetitionKind::Denunciation
            && store::case_denunciation_transferred(conn, &old.case_id, &old.id)?,
        on,
        // The day is checked apart, below: what is wrong then is the date, not the step.
        check_ends: None,
    };
    lifecycle::precondition(input.action, &ctx)
        .map_err(|why| Error::invalid("action", format!("{}: {why}", input.action.label())))?;
    // An import is held to it too: a check cannot be made longer once its ten working
    // days are over, whichever register recorded it. The other register counted them on
    // its own calendar (its office may have made a day off a working day): its extension
    // stands if it is in time on this register's calendar or on the national one shipped.
    if input.action == MoveAction::ExtendCheck {
        let here = check_ends(conn, &old)?;
        // (Either calendar not knowing the year: not known, as at the desk.)
        let ends = match (meta.is_some(), here, national_check_ends(&old)?) {
            (false, here, _) => here,
            (true, Some(a), Some(b)) => Some(a.max(b)),
            (true, _, _) => None,
        };
        let dated = MoveContext {
            check_ends: ends,
            ..ctx
        };
        if let Some(why) = lifecycle::check_extended_in_time(&dated) {
            return Err(Error::invalid(
                "on_date",
                format!("{}: {why}", input.action.label()),
            ));
        }
    }

    let mut new = old.clone();
    let mut extra = Map::new();
    let agency = clean(&input.agency);
    let doc_no = clean(&input.doc_no);
    let note = clean(&input.note);
    let handling = |h: Handling, agency: Option<String>| HandlingInput {
        handling: h,
        agency,
        letter_no: doc_no.clone(),
    };
    match input.action {
        MoveAction::Classify => {
            let c = input.classification.as_ref().ok_or_else(|| {
                Error::invalid(
                    "classification",
                    "Phân loại đơn: chọn loại đơn, điều kiện xử lý và thẩm quyền.",
                )
            })?;
            // An import replays what another register recorded: an earlier version did not
            // check the rounds' order, and its files still import.
            classify(tx, &mut new, c, meta.is_none())?;
            // The whole classification, for the timeline (the diff keeps only what changed).
            extra.insert("classification".into(), serde_json::to_value(c)?);
        }
        MoveAction::Accept => new.handling = handling(Handling::Accept, None),
        MoveAction::Decline => {
            if note.is_none() {
                return Err(Error::invalid(
                    "note",
                    "Không thụ lý: ghi lý do không thụ lý.",
                ));
            }
        }
        MoveAction::Guide => new.handling = handling(Handling::Guide, agency.clone()),
        MoveAction::Transfer => {
            if agency.is_none() {
                return Err(Error::invalid(
                    "agency",
                    "Chuyển đơn: ghi cơ quan nhận đơn chuyển.",
                ));
            }
            new.handling = handling(Handling::Transfer, agency.clone());
        }
        MoveAction::Urge => {
            let agency = agency.clone().or_else(|| old.handling.agency.clone());
            if agency.is_none() {
                return Err(Error::invalid(
                    "agency",
                    "Đôn đốc: ghi cơ quan được đôn đốc giải quyết.",
                ));
            }
            new.handling = handling(Handling::Urge, agency);
        }
        MoveAction::Return => new.handling = handling(Handling::Return, None),
        MoveAction::File => new.handling = handling(Handling::File, None),
        MoveAction::Duplicate => {
            let original = duplicate_target(tx, &old, &input.duplicate_of, meta.is_none())?;
            new.duplicate_of = Some(original);
            new.handling = handling(Handling::File, None);
        }
        MoveAction::WithdrawPart => {
            if note.is_none() {
                return Err(Error::invalid(
                    "note",
                    "Rút một phần nội dung: ghi nội dung đã rút (phần còn lại tiếp tục được giải quyết).",
                ));
            }
        }
        MoveAction::ExtendCheck => {
            if note.is_none() {
                return Err(Error::invalid(
                    "note",
                    "Kéo dài thời hạn kiểm tra: ghi lý do (kiểm tra, xác minh tại nhiều địa điểm, hoặc ủy quyền cho cơ quan, tổ chức có thẩm quyền kiểm tra, xác minh).",
                ));
            }
        }
        MoveAction::Extend => {
            if let Some(due) = too_late(
                tx,
                &old,
                events,
                on,
                &[
                    DeadlineStep::ComplaintResolution,
                    DeadlineStep::DenunciationResolution,
                ],
            )? {
                return Err(Error::invalid(
                    "on_date",
                    format!(
                        "Gia hạn: thời hạn giải quyết đã hết ngày {}; việc gia hạn phải quyết định trước khi hết thời hạn (Luật Khiếu nại 2011 Điều 28, Luật Tố cáo 2018 Điều 30).",
                        vn_date(&due)
                    ),
                ));
            }
            match old.kind {
                PetitionKind::Complaint => new.complex = true,
                _ => {
                    let days = input
                        .extension_days
                        .unwrap_or(lifecycle::DENUNCIATION_EXTENSION_DAYS);
                    if !(1..=lifecycle::DENUNCIATION_EXTENSION_DAYS).contains(&days) {
                        return Err(Error::invalid(
                        "extension_days",
                        format!("Mỗi lần gia hạn giải quyết tố cáo từ 1 đến 30 ngày (đã nhập {days})."),
                    ));
                    }
                    extra.insert("extension_days".into(), serde_json::json!(days));
                }
            }
        }
        MoveAction::Resolve => {
            let allowed = lifecycle::outcomes(old.kind, old.classification.round);
            let outcome = input.outcome.ok_or_else(|| {
                Error::invalid("outcome", "Giải quyết xong: chọn kết quả giải quyết.")
            })?;
            if !allowed.contains(&outcome) {
                let name = |o: Outcome| lifecycle::outcome_label(old.kind, o);
                let names: Vec<&str> = allowed.iter().map(|o| name(*o)).collect();
                return Err(Error::invalid(
                    "outcome",
                    format!(
                        "Kết quả “{}” không áp dụng cho đơn này; chọn: {}.",
                        name(outcome),
                        names.join(", ")
                    ),
                ));
            }
            if doc_no.is_none()
                && matches!(
                    old.kind,
                    PetitionKind::Complaint | PetitionKind::Denunciation
                )
            {
                let what = if old.kind == PetitionKind::Complaint {
                    "quyết định giải quyết khiếu nại"
                } else {
                    "kết luận nội dung tố cáo"
                };
                return Err(Error::invalid("doc_no", format!("Ghi số {what}.")));
            }
            new.outcome = Some(outcome);
        }
        MoveAction::Notify
        | MoveAction::Suspend
        | MoveAction::Resume
        | MoveAction::Withdraw
        | MoveAction::Terminate
        | MoveAction::Receive
        | MoveAction::Reopen => {}
    }
    new.state = lifecycle::target(input.action, old.state);
    // A classification or a duplicate at the desk keeps the links between petitions whole
    // (an import replays what earlier versions let through).
    if meta.is_none() && matches!(input.action, MoveAction::Classify | MoveAction::Duplicate) {
        check_links(tx, &new, "classification.kind")?;
    }

    let (before, after) = super::petition_diff(&old, &new)?;
    let mut details = Map::new();
    details.insert("before".into(), Value::Object(before.clone()));
    details.insert("after".into(), Value::Object(after.clone()));
    details.extend(extra);
    let meta = meta.unwrap_or_else(|| EventMeta {
        id: store::new_id(),
        at: tx.at.clone(),
        actor: tx.actor,
        of_unlogged_creation: false,
    });
    let event = PetitionEvent {
        id: meta.id,
        petition_id: old.id.clone(),
        at: meta.at,
        on_date: on.to_string(),
        action: input.action,
        actor: meta.actor,
        from_state: Some(old.state),
        to_state: new.state,
        note: note.clone(),
        doc_no: doc_no.clone(),
        agency: agency.clone(),
        details: Some(Value::Object(details)),
    };
    store::insert_event(conn, &event)?;
    // (Its date is on or after the last move's: it comes last in their order.)
    events.push(event);
    store::update_petition_from(conn, &old, &new)?;
    let record = if meta.of_unlogged_creation {
        Tx::change_of_unlogged_creation
    } else {
        Tx::change
    };
    record(
        tx,
        ChangeAction::Move,
        "petitions",
        &old.id,
        Some(Value::Object(before)),
        Some(Value::Object(after)),
        Some(match &note {
            Some(n) => format!("{}: {n}", input.action.label()),
            None => input.action.label().to_string(),
        }),
    )?;
    Ok(new)
}

/// The last day a denunciation's check may run when made longer: the tenth working day
/// after its receipt (Luật Tố cáo 2018, Điều 24); `None` for another kind, or when the
/// calendar does not know the days.
pub(crate) fn check_ends(
    conn: &rusqlite::Connection,
    p: &PetitionRecord,
) -> Result<Option<chrono::NaiveDate>> {
    if p.kind != PetitionKind::Denunciation {
        return Ok(None);
    }
    let received = parse_date("received_on", "Ngày nhận đơn", &p.received_on)?;
    Ok(store::calendar(conn)?
        .add_working_days(
            received,
            crate::law::deadlines::DENUNCIATION_CHECK_LONGEST_WORKING_DAYS,
        )
        .ok())
}

/// [`check_ends`] on the national calendar shipped with the app (no office's own days).
fn national_check_ends(p: &PetitionRecord) -> Result<Option<chrono::NaiveDate>> {
    if p.kind != PetitionKind::Denunciation {
        return Ok(None);
    }
    let received = parse_date("received_on", "Ngày nhận đơn", &p.received_on)?;
    Ok(crate::law::calendar::Calendar::embedded()
        .add_working_days(
            received,
            crate::law::deadlines::DENUNCIATION_CHECK_LONGEST_WORKING_DAYS,
        )
        .ok())
}

/// When an extension comes after the resolution's deadline: that deadline (ISO).
fn too_late(
    tx: &Tx<'_>,
    p: &PetitionRecord,
    events: &[PetitionEvent],
    on: chrono::NaiveDate,
    steps: &[DeadlineStep],
) -> Result<Option<String>> {
    let conn = tx.conn();
    let calendar = store::calendar(conn)?;
    let settings = store::read_settings(conn)?.deadlines;
    let list = crate::law::deadlines::deadlines(p, events, on, &calendar, &settings);
    let on = on.to_string();
    Ok(list
        .into_iter()
        .find(|d| steps.contains(&d.step))
        .and_then(|d| d.due)
        .filter(|due| due.as_str() < on.as_str()))
}

/// Apply a classification to the record, checking what it names (`at_desk`: and that a
/// first round came before, a rule of this version: an import keeps what it replays).
fn classify(tx: &Tx<'_>, p: &mut PetitionRecord, c: &ClassifyInput, at_desk: bool) -> Result<()> {
    let conn = tx.conn();
    if c.competence == Competence::Undetermined {
        return Err(Error::invalid(
            "classification.competence",
            "Phân loại đơn: chọn đơn thuộc hay không thuộc thẩm quyền giải quyết của đơn vị.",
        ));
    }
    let anonymous = p.anonymous || c.signers == Signers::Anonymous;
    if anonymous && c.kind == PetitionKind::Denunciation && c.eligible {
        return Err(Error::invalid(
            "classification.eligible",
            "Thông tin tố cáo nặc danh (không rõ họ tên, địa chỉ hoặc mạo danh) không được xử lý như tố cáo (Luật Tố cáo 2018, Điều 25): phân loại là không đủ điều kiện xử lý.",
        ));
    }
    if anonymous && c.eligible {
        return Err(Error::invalid(
            "classification.eligible",
            crate::law::lifecycle::ANONYMOUS_NOT_ELIGIBLE,
        ));
    }
    if let Some(first) = clean(&c.first_round_id) {
        if first == p.id {
            return Err(Error::invalid(
                "classification.first_round_id",
                "Đơn khiếu nại lần hai không thể dẫn chiếu chính nó.",
            ));
        }
        let f = store::get_petition(conn, &first)?.ok_or_else(|| {
            Error::invalid(
                "classification.first_round_id",
                "Không tìm thấy đơn khiếu nại lần đầu đã chọn.",
            )
        })?;
        // (An import replays what another register let through: a first round whose kind a
        // move dated earlier but recorded later changed is not refused there.)
        if (at_desk && f.kind != PetitionKind::Complaint) || c.kind != PetitionKind::Complaint {
            return Err(Error::invalid(
                "classification.first_round_id",
                format!("Chỉ đơn khiếu nại lần hai mới dẫn chiếu đơn khiếu nại lần đầu (đơn số {} là {}).", store::number_label(tx.conn(), &f)?, f.kind.label().to_lowercase()),
            ));
        }
        if at_desk {
            received_by(
                tx,
                "classification.first_round_id",
                &f,
                p,
                "đơn khiếu nại lần đầu phải nhận trước hoặc cùng ngày với đơn này",
            )?;
        }
        if c.round != Round::Subsequent {
            return Err(Error::invalid(
                "classification.round",
                "Đơn dẫn chiếu một khiếu nại lần đầu là khiếu nại lần hai: chọn “Lần hai / tiếp”.",
            ));
        }
        // The first round was this unit's to resolve: the second goes to the head of the
        // level above the one who resolved the first (Luật Khiếu nại 2011, Điều 7 k1; the
        // chairman of the province reviews the commune chairman's decisions since the
        // 2025 merger), never back to the same chairman.
        // (Of the same unit: a register holding several units' files may hold the level
        // above's own second round of a ward's first.)
        if c.competence == Competence::Within
            && f.classification.competence == Competence::Within
            && f.unit_id == p.unit_id
        {
            return Err(Error::invalid(
                "classification.competence",
                format!(
                    "Đơn số {} (khiếu nại lần đầu) thuộc thẩm quyền giải quyết của đơn vị: khiếu nại lần hai thuộc thẩm quyền của người đứng đầu cấp trên trực tiếp của người đã giải quyết lần đầu (Luật Khiếu nại 2011, Điều 7), không phải của đơn vị; phân loại là không thuộc thẩm quyền và hướng dẫn người khiếu nại.",
                    store::number_label(tx.conn(), &f)?
                ),
            ));
        }
        p.first_round_id = Some(first);
    } else {
        p.first_round_id = None;
    }
    p.contents = super::petition::contents_for(tx, "classification.contents", c.kind, &c.contents)?;
    p.kind = c.kind;
    if let Some(code) = store::check_field(conn, "classification.field_code", &c.field_code)? {
        p.field_code = Some(code);
    }
    p.classification = Classification {
        round: c.round,
        competence: c.competence,
        eligible: Some(c.eligible),
    };
    p.signers = if p.anonymous {
        Signers::Anonymous
    } else {
        c.signers
    };
    p.complex = c.complex;
    Ok(())
}

/// The links between petitions, as `p` is about to be written (classified, marked a
/// duplicate, corrected, a move undone), checked both ways:
/// - a second-round complaint names a complaint of the first round: one still in the
///   register, not itself a second round or a duplicate (no chain, no circle);
/// - a duplicate names an original still in the register that is not itself a duplicate;
/// - a petition another one names as its first round stays a first-round complaint, and
///   one named as an original does not become a duplicate.
///
/// `kind_field`: where the petition's kind is chosen (`classification.kind` in the
/// classification, `kind` in a correction). Receipt dates are [`received_by`]'s and
/// `check_link_order`'s.
pub(crate) fn check_links(tx: &Tx<'_>, p: &PetitionRecord, kind_field: &str) -> Result<()> {
    let conn = tx.conn();
    let label = |q: &PetitionRecord| store::number_label(conn, q);
    if let Some(first) = p.first_round_id.as_deref() {
        const FIELD: &str = "classification.first_round_id";
        let f = store::get_petition(conn, first)?.ok_or_else(|| {
            Error::invalid(
                FIELD,
                "Đơn khiếu nại lần đầu mà đơn này dẫn chiếu không còn trong sổ (đã bị xóa).",
            )
        })?;
        if f.kind != PetitionKind::Complaint || p.kind != PetitionKind::Complaint {
            return Err(Error::invalid(
                FIELD,
                format!(
                    "Chỉ đơn khiếu nại lần hai mới dẫn chiếu đơn khiếu nại lần đầu (đơn số {} là {}).",
                    label(&f)?,
                    f.kind.label().to_lowercase()
                ),
            ));
        }
        if let Some(before) = f.first_round_id.as_deref() {
            let before = store::get_petition(conn, before)?;
            return Err(Error::invalid(
                FIELD,
                format!(
                    "Đơn số {} là khiếu nại lần hai{}: chọn đơn khiếu nại lần đầu.",
                    label(&f)?,
                    match before {
                        Some(b) if b.id == p.id => " của chính đơn này".to_string(),
                        Some(b) => format!(" của đơn số {}", label(&b)?),
                        None => String::new(),
                    }
                ),
            ));
        }
        if f.duplicate_of.is_some() {
            return Err(Error::invalid(
                FIELD,
                format!(
                    "Đơn số {} là đơn trùng: chọn đơn gốc của nó làm đơn khiếu nại lần đầu.",
                    label(&f)?
                ),
            ));
        }
    }
    if let Some(original) = p.duplicate_of.as_deref() {
        let o = store::get_petition(conn, original)?.ok_or_else(|| {
            Error::invalid(
                "duplicate_of",
                "Đơn gốc mà đơn này trùng không còn trong sổ (đã bị xóa).",
            )
        })?;
        if o.duplicate_of.is_some() {
            return Err(Error::invalid(
                "duplicate_of",
                format!("Đơn số {} cũng là đơn trùng: chọn đơn gốc.", label(&o)?),
            ));
        }
    }
    let seconds = store::second_rounds_of(conn, &p.id)?;
    // The other way round of the rule on a second round (Luật Khiếu nại 2011, Điều 7): a
    // first round made this unit's own while its second round is held as the unit's too.
    if p.classification.competence == Competence::Within {
        if let Some(s) = seconds
            .iter()
            .find(|s| s.classification.competence == Competence::Within && s.unit_id == p.unit_id)
        {
            return Err(Error::invalid(
                "classification.competence",
                format!(
                    "Đơn số {} là khiếu nại lần hai của đơn này và được phân loại là thuộc thẩm quyền của đơn vị: khiếu nại lần đầu thuộc thẩm quyền của đơn vị thì lần hai thuộc thẩm quyền của cấp trên (Luật Khiếu nại 2011, Điều 7); phân loại lại đơn số {} trước.",
                    label(s)?,
                    label(s)?
                ),
            ));
        }
    }
    if let Some(s) = seconds.first() {
        let why = if p.kind != PetitionKind::Complaint {
            Some((kind_field, "phải là đơn khiếu nại"))
        } else if p.first_round_id.is_some() || p.classification.round == Round::Subsequent {
            Some(("classification.round", "phải là khiếu nại lần đầu"))
        } else if p.duplicate_of.is_some() {
            Some(("duplicate_of", "không thể là đơn trùng"))
        } else {
            None
        };
        if let Some((field, rule)) = why {
            return Err(Error::invalid(
                field,
                format!(
                    "Đơn số {} là khiếu nại lần hai của đơn này, nên đơn này {rule}; phân loại lại đơn số {} trước.",
                    label(s)?,
                    label(s)?
                ),
            ));
        }
    }
    if p.duplicate_of.is_some() {
        if let Some(d) = store::duplicates_of(conn, &p.id)?.first() {
            return Err(Error::invalid(
                "duplicate_of",
                format!(
                    "Đơn số {} đã được ghi là đơn trùng của đơn này, nên đơn này không thể là đơn trùng; hủy bước “Đơn trùng” của đơn số {} trước.",
                    label(d)?,
                    label(d)?
                ),
            ));
        }
    }
    Ok(())
}

/// Refused on `field` when `earlier`, the petition `p` follows (its first round, its
/// original), was received after it; `rule` says what is required.
fn received_by(
    tx: &Tx<'_>,
    field: &str,
    earlier: &PetitionRecord,
    p: &PetitionRecord,
    rule: &str,
) -> Result<()> {
    if earlier.received_on <= p.received_on {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        format!(
            "Đơn số {} nhận ngày {}, sau đơn này (nhận ngày {}): {rule}.",
            store::number_label(tx.conn(), earlier)?,
            crate::text::vn_date(&earlier.received_on),
            crate::text::vn_date(&p.received_on)
        ),
    ))
}

/// The open petition a duplicate repeats (`at_desk`: received on or before it, a rule of
/// this version: an import keeps what it replays).
fn duplicate_target(
    tx: &Tx<'_>,
    p: &PetitionRecord,
    given: &Option<String>,
    at_desk: bool,
) -> Result<String> {
    let id = clean(given).ok_or_else(|| {
        Error::invalid(
            "duplicate_of",
            "Đơn trùng: chọn đơn đang xử lý mà đơn này gửi lại.",
        )
    })?;
    if id == p.id {
        return Err(Error::invalid(
            "duplicate_of",
            "Một đơn không thể trùng với chính nó.",
        ));
    }
    let original = store::get_petition(tx.conn(), &id)?
        .ok_or_else(|| Error::invalid("duplicate_of", "Không tìm thấy đơn đã chọn."))?;
    if original.duplicate_of.is_some() {
        return Err(Error::invalid(
            "duplicate_of",
            format!(
                "Đơn số {} cũng là đơn trùng: chọn đơn gốc.",
                store::number_label(tx.conn(), &original)?
            ),
        ));
    }
    if at_desk {
        received_by(
            tx,
            "duplicate_of",
            &original,
            p,
            "đơn gốc phải nhận trước hoặc cùng ngày với đơn trùng",
        )?;
    }
    if !original.state.is_open() {
        return Err(Error::invalid(
            "duplicate_of",
            format!(
                "Đơn số {} đã xong ({}): đơn gửi lại sau khi đơn trước đã xử lý xong không phải đơn trùng.",
                store::number_label(tx.conn(), &original)?,
                original.state.label().to_lowercase()
            ),
        ));
    }
    Ok(id)
}

/// A move as the timeline shows it (`kind`: the petition's, to name its outcome).
fn move_view(
    e: PetitionEvent,
    kind: PetitionKind,
    numbers: impl Fn(&str) -> Option<String>,
) -> PetitionMove {
    let after = e
        .details
        .as_ref()
        .and_then(|d| d.get("after"))
        .cloned()
        .unwrap_or(Value::Null);
    let text = |k: &str| after.get(k).and_then(Value::as_str).map(str::to_string);
    // A classification shows what it decided in full (kept since schema 2), else what changed.
    let decided = e
        .details
        .as_ref()
        .and_then(|d| d.get("classification"))
        .and_then(|c| serde_json::from_value::<ClassifyInput>(c.clone()).ok());
    let summary = match e.action {
        MoveAction::Classify if decided.is_some() => decided.map(|c| {
            let carried: Vec<String> = crate::law::counting::report_kinds(c.kind, &c.contents)
                .iter()
                .filter(|_| c.kind == PetitionKind::Mixed)
                .map(|k| k.label().to_lowercase())
                .collect();
            let kind = if carried.is_empty() {
                c.kind.label().to_string()
            } else {
                format!("{} ({})", c.kind.label(), carried.join("; "))
            };
            let mut parts = vec![
                kind,
                if c.eligible {
                    "đủ điều kiện xử lý"
                } else {
                    "không đủ điều kiện xử lý"
                }
                .to_string(),
                c.competence.label().to_lowercase(),
                c.signers.label().to_lowercase(),
                c.round.label().to_lowercase(),
            ];
            if let Some(n) = c.first_round_id.as_deref().and_then(&numbers) {
                parts.push(format!("khiếu nại lần đầu là đơn số {n}"));
            }
            if c.complex {
                parts.push("vụ việc phức tạp".into());
            }
            parts.join("; ")
        }),
        MoveAction::Classify => {
            let mut parts = vec![];
            if let Some(k) = text("kind").and_then(|k| PetitionKind::from_code(&k)) {
                parts.push(k.label().to_string());
            }
            if let Some(el) = after
                .get("classification.eligible")
                .and_then(Value::as_bool)
            {
                parts.push(
                    if el {
                        "đủ điều kiện xử lý"
                    } else {
                        "không đủ điều kiện xử lý"
                    }
                    .to_string(),
                );
            }
            if let Some(c) =
                text("classification.competence").and_then(|c| Competence::from_code(&c))
            {
                parts.push(c.label().to_lowercase());
            }
            if let Some(s) = text("signers").and_then(|s| Signers::from_code(&s)) {
                parts.push(s.label().to_lowercase());
            }
            if let Some(r) = text("classification.round").and_then(|r| Round::from_code(&r)) {
                parts.push(r.label().to_lowercase());
            }
            if let Some(n) = text("first_round_id").and_then(|id| numbers(&id)) {
                parts.push(format!("khiếu nại lần đầu là đơn số {n}"));
            }
            if after.get("complex").and_then(Value::as_bool) == Some(true) {
                parts.push("vụ việc phức tạp".into());
            }
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        MoveAction::Extend => Some(
            match e
                .details
                .as_ref()
                .and_then(|d| d.get("extension_days"))
                .and_then(Value::as_u64)
            {
                Some(days) => format!("Gia hạn {days} ngày"),
                None => "Áp dụng thời hạn của vụ việc phức tạp".to_string(),
            },
        ),
        MoveAction::Resolve => text("outcome")
            .and_then(|o| Outcome::from_code(&o))
            .map(|o| format!("Kết quả: {}", lifecycle::outcome_label(kind, o))),
        MoveAction::Duplicate => text("duplicate_of")
            .and_then(|id| numbers(&id))
            .map(|n| format!("Trùng với đơn số {n}")),
        _ => None,
    };
    PetitionMove {
        id: e.id,
        action: e.action,
        on_date: e.on_date,
        at: e.at,
        actor: e.actor,
        from_state: e.from_state,
        to_state: e.to_state,
        note: e.note,
        doc_no: e.doc_no,
        agency: e.agency,
        summary,
        user: None,
    }
}

impl Store {
    /// Record a move on a petition; refused, with the reason, when the law does not allow it.
    pub fn move_petition(&mut self, input: &MoveInput) -> Result<PetitionDetail> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| apply(tx, input))?;
        self.petition_detail(&input.petition_id)
    }

    /// Undo the last move of a petition (recorded by mistake). The undone move stays in
    /// the history.
    pub fn undo_last_move(&mut self, petition_id: &str) -> Result<PetitionDetail> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| {
            let conn = tx.conn();
            let current = store::get_petition(conn, petition_id)?
                .ok_or_else(|| Error::not_found("đơn", petition_id))?;
            let events = store::events_of(conn, petition_id)?;
            let last = events
                .last()
                .filter(|e| e.from_state.is_some())
                .ok_or_else(|| Error::invalid("petition", "Đơn chưa có bước xử lý nào để hủy."))?;
            let before = last
                .details
                .as_ref()
                .and_then(|d| d.get("before"))
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            let mut restored = crate::law::lifecycle::restore(&current, &before)?;
            restored.state = last.from_state.unwrap_or(PetitionState::Received);
            // A link the undo gives back (a first round, an original) is checked as when it
            // was made: that petition's receipt date may have been corrected since.
            for (given, was, field) in [
                (&restored.first_round_id, &current.first_round_id, "classification.first_round_id"),
                (&restored.duplicate_of, &current.duplicate_of, "duplicate_of"),
            ] {
                let Some(id) = given.as_deref().filter(|_| given != was) else {
                    continue;
                };
                if let Some(other) = store::get_petition(conn, id)? {
                    if other.received_on > restored.received_on {
                        return Err(Error::invalid(
                            field,
                            format!(
                                "Không hủy được bước: đơn số {} mà đơn này dẫn chiếu trước bước ấy nay nhận ngày {}, sau đơn này (nhận ngày {}). Sửa ngày nhận của đơn số {} trước.",
                                store::number_label(conn, &other)?,
                                crate::text::vn_date(&other.received_on),
                                crate::text::vn_date(&restored.received_on),
                                store::number_label(conn, &other)?,
                            ),
                        ));
                    }
                }
            }
            // Checked only when the undo changes a link or what a link needs (a register of
            // an earlier version may hold links this version refuses, elsewhere).
            let linked = |r: &PetitionRecord| {
                (
                    r.kind,
                    r.classification.round,
                    r.first_round_id.clone(),
                    r.duplicate_of.clone(),
                )
            };
            if linked(&restored) != linked(&current) {
                check_links(tx, &restored, "classification.kind").map_err(|e| match e {
                Error::Invalid { field, message } => Error::Invalid {
                    field,
                    message: format!("Không hủy được bước “{}”: {message}", last.action.label()),
                },
                e => e,
                })?;
            }
            store::delete_event(conn, &last.id)?;
            store::update_petition(conn, &restored)?;
            let (mut old, new) = super::petition_diff(&current, &restored)?;
            // The undone move itself is kept whole in the history.
            old.insert("move".into(), serde_json::to_value(last)?);
            tx.change(
                ChangeAction::UndoMove,
                "petitions",
                petition_id,
                Some(Value::Object(old)),
                Some(Value::Object(new)),
                Some(format!(
                    "Hủy bước “{}” ngày {}",
                    last.action.label(),
                    vn_date(&last.on_date)
                )),
            )
        })?;
        self.petition_detail(petition_id)
    }

    /// The petition page: the petition, its timeline, the moves allowed next (and why the
    /// others are not), the move that can be undone, and its history of corrections.
    pub fn petition_detail(&self, id: &str) -> Result<PetitionDetail> {
        self.require(crate::access::Permission::ViewRecords)?;
        let petition = self.petition(id)?;
        let conn = self.conn();
        let record = store::get_petition(conn, id)?.ok_or_else(|| Error::not_found("đơn", id))?;
        let events = store::events_of(conn, id)?;
        let today = self.today();
        let ctx = MoveContext {
            petition: &record,
            events: &events,
            case_transferred_before: record.kind == PetitionKind::Denunciation
                && store::case_denunciation_transferred(conn, &record.case_id, &record.id)?,
            on: today,
            // An extension decided on time may be written down later, dated that day: the
            // step stays offered, and a day past the tenth is refused on the move's date.
            check_ends: None,
        };
        let options = lifecycle::options(&ctx);
        let numbers = |pid: &str| {
            store::get_petition(conn, pid)
                .ok()
                .flatten()
                .and_then(|p| store::number_label(conn, &p).ok())
        };
        let history = self.history("petitions", id)?;
        // Who recorded each move: the account of the history's entry of the same save (a
        // move and its entry share the instant; the receipt is the petition's creation).
        let user_of = |m: &PetitionMove| {
            history
                .iter()
                .filter(|c| c.at == m.at && c.source.is_none())
                .find(|c| match m.action {
                    MoveAction::Receive => c.action == ChangeAction::Create,
                    _ => c.action == ChangeAction::Move,
                })
                .and_then(|c| c.user.clone())
        };
        let moves: Vec<PetitionMove> = events
            .into_iter()
            .map(|e| {
                let mut m = move_view(e, record.kind, numbers);
                m.user = user_of(&m);
                m
            })
            .collect();
        let undoable = moves.last().filter(|m| m.from_state.is_some()).cloned();
        Ok(PetitionDetail {
            petition,
            moves,
            options,
            undoable,
            history,
        })
    }
}
