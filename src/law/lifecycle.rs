//! The lifecycle of a petition: which move the law allows from which state, for which
//! kind of petition, under which regime. Pure functions; `desk::movement` applies them.
//!
//! received → classified (kind; eligible or not; within competence or not; signers) →
//! one of: accepted (thụ lý) → in resolution (extended, suspended, resumed) → resolved,
//! withdrawn or terminated; declined (không thụ lý); guided; transferred; urged;
//! returned; filed (lưu đơn, also for a duplicate).

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::domain::{
    Choice, Competence, MoveAction, MoveOption, Outcome, PetitionKind, PetitionSource,
    PetitionState, Round, Signers,
};
use crate::law::regime::Regime;
use crate::records::{PetitionEvent, PetitionRecord};

/// What a move's check needs to know.
pub struct MoveContext<'a> {
    pub petition: &'a PetitionRecord,
    /// The petition's moves so far, in order.
    pub events: &'a [PetitionEvent],
    /// Another denunciation of the same case was already transferred.
    pub case_transferred_before: bool,
    /// The date the move would take effect (decides the regime).
    pub on: NaiveDate,
    /// For a denunciation: the last day its check may run when made longer, the tenth
    /// working day after its receipt (Luật Tố cáo 2018, Điều 24); `None` when the
    /// calendar does not know the days (not checked then).
    pub check_ends: Option<NaiveDate>,
}

/// Why a denunciation's check can no longer be made longer on the move's day: past the
/// tenth working day after its receipt, the longest it may run (Luật Tố cáo 2018, Điều 24).
pub fn check_extended_in_time(ctx: &MoveContext<'_>) -> Option<String> {
    let last = ctx.check_ends.filter(|last| ctx.on > *last)?;
    Some(format!(
        "thời hạn kiểm tra điều kiện thụ lý tố cáo dài nhất là 10 ngày làm việc kể từ ngày nhận đơn, đã hết ngày {} (Luật Tố cáo 2018, Điều 24).",
        last.format("%d/%m/%Y")
    ))
}

/// The moves an officer can choose, in the order the petition page offers them.
pub const OFFERED: &[MoveAction] = &[
    MoveAction::Classify,
    MoveAction::ExtendCheck,
    MoveAction::Accept,
    MoveAction::Notify,
    MoveAction::Decline,
    MoveAction::Guide,
    MoveAction::Transfer,
    MoveAction::Urge,
    MoveAction::Return,
    MoveAction::File,
    MoveAction::Duplicate,
    MoveAction::Extend,
    MoveAction::Suspend,
    MoveAction::Resume,
    MoveAction::Resolve,
    MoveAction::Withdraw,
    MoveAction::WithdrawPart,
    MoveAction::Terminate,
];

/// The state a move leads to.
pub fn target(action: MoveAction, current: PetitionState) -> PetitionState {
    use MoveAction as A;
    use PetitionState as S;
    match action {
        A::Receive | A::Reopen => S::Received,
        A::Classify => S::Classified,
        A::Accept | A::Resume => S::Accepted,
        A::Extend | A::Notify | A::ExtendCheck | A::WithdrawPart => current,
        A::Decline => S::Declined,
        A::Suspend => S::Suspended,
        A::Resolve => S::Resolved,
        A::Withdraw => S::Withdrawn,
        A::Terminate => S::Terminated,
        A::Guide => S::Guided,
        A::Transfer => S::Transferred,
        A::Urge => S::Urged,
        A::Return => S::Returned,
        A::File | A::Duplicate => S::Filed,
    }
}

/// The outcomes a resolution of this petition can have (03/GQKN, 04/GQTC).
pub fn outcomes(kind: PetitionKind, round: Round) -> &'static [Outcome] {
    match (kind, round) {
        (PetitionKind::Complaint, Round::First) => {
            &[Outcome::Right, Outcome::PartlyRight, Outcome::Wrong]
        }
        (PetitionKind::Complaint, Round::Subsequent) => &[Outcome::Upheld, Outcome::Annulled],
        (PetitionKind::Denunciation, _) => &[Outcome::Right, Outcome::PartlyRight, Outcome::Wrong],
        (PetitionKind::Proposal | PetitionKind::Mixed, _) => &[Outcome::Answered],
    }
}

/// An outcome as the form for this kind of petition names it (03/GQKN, 04/GQTC), so that
/// "đúng" never stands alone: "Khiếu nại đúng một phần", "Tố cáo có đúng, có sai".
pub fn outcome_label(kind: PetitionKind, outcome: Outcome) -> &'static str {
    match (kind, outcome) {
        (PetitionKind::Complaint, Outcome::Right) => "Khiếu nại đúng",
        (PetitionKind::Complaint, Outcome::PartlyRight) => "Khiếu nại đúng một phần",
        (PetitionKind::Complaint, Outcome::Wrong) => "Khiếu nại sai",
        (PetitionKind::Denunciation, Outcome::Right) => "Tố cáo đúng",
        (PetitionKind::Denunciation, Outcome::PartlyRight) => "Tố cáo có đúng, có sai",
        (PetitionKind::Denunciation, Outcome::Wrong) => "Tố cáo sai",
        (_, Outcome::Upheld) => "Công nhận quyết định giải quyết lần đầu",
        (_, Outcome::Annulled) => "Hủy, sửa quyết định giải quyết lần đầu",
        (_, o) => o.label(),
    }
}

/// A denunciation written to the ward (by post, online), eligible and outside its
/// competence: transferred to the competent body within 5 working days, not guided; one
/// made in person is guided there (Luật Tố cáo 2018, Điều 24 k2). One another body
/// transferred here is not transferred again, so it may be guided back.
fn written_denunciation_to_transfer(ctx: &MoveContext<'_>) -> bool {
    let p = ctx.petition;
    p.kind == PetitionKind::Denunciation
        && matches!(p.source, PetitionSource::Post | PetitionSource::Online)
        && p.classification.competence == Competence::Outside
        && p.classification.eligible == Some(true)
        && !denunciation_transferred(ctx)
}

/// Whether a denunciation's content was transferred already, by this petition or another
/// of its case: it is transferred only once (Thông tư 05/2021/TT-TTCP, Điều 14), and a
/// petition repeating it is guided or filed as a duplicate, not transferred again.
fn denunciation_transferred(ctx: &MoveContext<'_>) -> bool {
    count(ctx.events, MoveAction::Transfer) > 0 || ctx.case_transferred_before
}

/// Why an anonymous petition of any kind is not handled: the writer's name and address are
/// a condition of every petition's eligibility.
pub const ANONYMOUS_NOT_ELIGIBLE: &str = "Đơn nặc danh (không rõ họ tên, địa chỉ người viết đơn) không đủ điều kiện xử lý (Thông tư 05/2021/TT-TTCP, Điều 6): phân loại là không đủ điều kiện xử lý, không thụ lý; lưu đơn.";

/// How many extensions a denunciation may have: one for a complex case, two for an
/// especially complex one, each at most 30 days (Luật Tố cáo 2018, Điều 30).
pub const DENUNCIATION_EXTENSIONS: usize = 2;
pub const DENUNCIATION_EXTENSION_DAYS: u32 = 30;

fn count(events: &[PetitionEvent], action: MoveAction) -> usize {
    events.iter().filter(|e| e.action == action).count()
}

fn closed(state: PetitionState) -> String {
    format!(
        "Đơn đang ở bước “{}”: không còn bước xử lý này.",
        state.label()
    )
}

/// Anonymous: marked so when received, or classified as signed by nobody (không rõ họ
/// tên, địa chỉ, mạo danh: Luật Tố cáo 2018, Điều 25).
fn anonymous(p: &PetitionRecord) -> bool {
    p.anonymous || p.signers == Signers::Anonymous
}

/// Whether a petition classified within competence and eligible must be accepted or
/// declined (or, carrying several contents, guided to be split): it is not guided away
/// or returned.
fn to_be_resolved_here(p: &PetitionRecord) -> bool {
    p.classification.competence == Competence::Within
        && p.classification.eligible != Some(false)
        && p.kind != PetitionKind::Mixed
}

/// What a petition classified within competence and eligible, and a denunciation written
/// to the ward outside its competence, may not be: a petition to be resolved here is not
/// returned ("trả lại đơn" goes with guidance, for a petition outside competence or not
/// eligible: the register's column "Trả lại đơn và hướng dẫn"; Luật Khiếu nại 2011, Điều
/// 27: accepted, or declined with the reason); a denunciation written to the ward and
/// outside its competence is transferred, not guided (Luật Tố cáo 2018, Điều 24 k2). Held
/// at the desk and in an import alike: a register holding such a move counted it in no
/// column of 03/GQKN and failed the table's own sum.
fn not_returned_nor_guided(action: MoveAction, ctx: &MoveContext<'_>) -> Result<(), String> {
    let p = ctx.petition;
    let decided_here = p.classification.competence == Competence::Within
        && p.classification.eligible == Some(true)
        && p.kind != PetitionKind::Mixed;
    if action == MoveAction::Return && decided_here {
        if p.kind == PetitionKind::Denunciation && anonymous(p) {
            return Err("Thông tin tố cáo nặc danh (không rõ họ tên, địa chỉ hoặc mạo danh) không được xử lý như tố cáo (Luật Tố cáo 2018, Điều 25): phân loại là không đủ điều kiện xử lý, rồi lưu đơn.".to_string());
        }
        let instead = if matches!(p.kind, PetitionKind::Complaint | PetitionKind::Denunciation) {
            "thụ lý giải quyết hoặc thông báo không thụ lý"
        } else {
            "thụ lý giải quyết"
        };
        return Err(format!(
            "Đơn thuộc thẩm quyền và đủ điều kiện xử lý: {instead}, không trả lại đơn (trả lại đơn kèm hướng dẫn là cho đơn không thuộc thẩm quyền hoặc không đủ điều kiện xử lý)."
        ));
    }
    if action == MoveAction::Guide && written_denunciation_to_transfer(ctx) {
        return Err("Đơn tố cáo gửi bằng văn bản (qua bưu chính, trực tuyến) không thuộc thẩm quyền phải được chuyển cho cơ quan có thẩm quyền trong 05 ngày làm việc (Luật Tố cáo 2018, Điều 24): ghi bước Chuyển đơn; hướng dẫn chỉ dành cho người đến tố cáo trực tiếp.".to_string());
    }
    Ok(())
}

/// Whether the law allows `action` now, at the desk and in an import alike; the error says
/// why not, citing the rule.
pub fn precondition(action: MoveAction, ctx: &MoveContext<'_>) -> Result<(), String> {
    use MoveAction as A;
    use PetitionState as S;
    let p = ctx.petition;
    let s = p.state;
    let kind = p.kind;
    let kn_tc = matches!(kind, PetitionKind::Complaint | PetitionKind::Denunciation);
    let need = |ok: bool, why: &str| if ok { Ok(()) } else { Err(why.to_string()) };
    let in_states = |states: &[S]| {
        if states.contains(&s) {
            Ok(())
        } else if !s.is_open() {
            Err(closed(s))
        } else if s == S::Received {
            Err("Đơn chưa được phân loại: phân loại đơn trước (loại đơn, điều kiện xử lý, thẩm quyền).".to_string())
        } else {
            let allowed: Vec<String> = states.iter().map(|x| format!("“{}”", x.label())).collect();
            Err(format!(
                "chỉ ghi được khi đơn ở bước {}; đơn đang ở bước “{}”.",
                allowed.join(" hoặc "),
                s.label()
            ))
        }
    };
    match action {
        A::Receive | A::Reopen => Err("Bước này do phần mềm ghi, không chọn được.".to_string()),
        A::Classify => in_states(&[S::Received, S::Classified]),
        A::Accept => {
            in_states(&[S::Classified])?;
            need(
                !(anonymous(p) && kind == PetitionKind::Denunciation),
                "Tố cáo nặc danh không được thụ lý giải quyết như tố cáo (Luật Tố cáo 2018, Điều 25).",
            )?;
            need(!anonymous(p), ANONYMOUS_NOT_ELIGIBLE)?;
            need(
                p.classification.eligible == Some(true),
                "Đơn không đủ điều kiện xử lý: không thụ lý; hướng dẫn, trả lại hoặc lưu đơn.",
            )?;
            need(
                p.classification.competence == Competence::Within,
                "Đơn không thuộc thẩm quyền của đơn vị: hướng dẫn hoặc chuyển đơn, không thụ lý.",
            )?;
            need(
                kind != PetitionKind::Mixed,
                "Đơn có nhiều nội dung: hướng dẫn công dân tách đơn theo từng nội dung trước khi thụ lý.",
            )
        }
        A::Decline => {
            in_states(&[S::Classified])?;
            need(
                kn_tc,
                "Chỉ đơn khiếu nại, tố cáo mới có thông báo không thụ lý.",
            )?;
            need(
                p.classification.competence == Competence::Within,
                "Đơn không thuộc thẩm quyền: hướng dẫn hoặc chuyển đơn.",
            )
        }
        A::Guide => {
            in_states(&[S::Classified])?;
            need(
                !to_be_resolved_here(p),
                "Đơn thuộc thẩm quyền và đủ điều kiện xử lý: thụ lý giải quyết, không hướng dẫn.",
            )?;
            not_returned_nor_guided(action, ctx)
        }
        A::Transfer => {
            in_states(&[S::Classified])?;
            need(
                p.classification.competence == Competence::Outside,
                "Chỉ chuyển đơn không thuộc thẩm quyền giải quyết của đơn vị.",
            )?;
            // Anonymous denunciation information with a clear content is not handled as a
            // denunciation, but may be passed on to the competent body for inspection
            // (Luật Tố cáo 2018, Điều 25 k2): the one transfer of a petition not eligible.
            need(
                p.classification.eligible != Some(false)
                    || (kind == PetitionKind::Denunciation && anonymous(p)),
                "Đơn không đủ điều kiện xử lý thì không chuyển: hướng dẫn, trả lại hoặc lưu đơn.",
            )?;
            if kind == PetitionKind::Denunciation {
                need(
                    p.source != PetitionSource::Transfer,
                    "Đơn tố cáo này do cơ quan khác chuyển đến: đơn tố cáo chỉ được chuyển một lần (Thông tư 05/2021/TT-TTCP, Điều 14).",
                )?;
                need(
                    !denunciation_transferred(ctx),
                    "Nội dung tố cáo này đã được chuyển đơn: đơn tố cáo chỉ được chuyển một lần (Thông tư 05/2021/TT-TTCP, Điều 14).",
                )?;
            }
            Ok(())
        }
        A::Urge => {
            if matches!(s, S::Transferred | S::Urged) {
                return Ok(());
            }
            in_states(&[S::Classified])?;
            need(
                p.classification.competence == Competence::Outside,
                "Chỉ đôn đốc cơ quan có thẩm quyền đối với đơn không thuộc thẩm quyền của đơn vị.",
            )
        }
        A::Return => {
            // (The state first: a petition past its classification is told where it
            // stands, not to be accepted.)
            in_states(&[S::Received, S::Classified])?;
            not_returned_nor_guided(action, ctx)
        }
        A::File => {
            in_states(&[S::Classified])?;
            need(
                p.classification.eligible == Some(false),
                "Chỉ lưu đơn không đủ điều kiện xử lý (đơn nặc danh, đơn đã được giải quyết đúng…): phân loại đơn là không đủ điều kiện trước.",
            )
        }
        A::Duplicate => in_states(&[S::Received, S::Classified]),
        A::Extend => {
            in_states(&[S::Accepted])?;
            match kind {
                PetitionKind::Complaint => need(
                    !p.complex,
                    "Khiếu nại đã áp dụng thời hạn của vụ việc phức tạp (Luật Khiếu nại 2011, Điều 28, 37): không gia hạn thêm.",
                ),
                PetitionKind::Denunciation => need(
                    count(ctx.events, A::Extend) < DENUNCIATION_EXTENSIONS,
                    "Thời hạn giải quyết tố cáo chỉ được gia hạn tối đa hai lần, mỗi lần không quá 30 ngày (Luật Tố cáo 2018, Điều 30).",
                ),
                _ => Err("Pháp luật không quy định gia hạn giải quyết kiến nghị, phản ánh.".to_string()),
            }
        }
        A::Notify => {
            in_states(&[S::Accepted, S::Suspended])?;
            need(
                kind == PetitionKind::Denunciation,
                "Chỉ đơn tố cáo có thông báo thụ lý riêng sau quyết định thụ lý (Luật Tố cáo 2018, Điều 29); thông báo thụ lý khiếu nại ghi ở bước Thụ lý giải quyết.",
            )?;
            need(
                count(ctx.events, A::Notify) == 0,
                "Đơn này đã ghi thông báo thụ lý tố cáo (cho người tố cáo và người bị tố cáo).",
            )
        }
        A::ExtendCheck => {
            in_states(&[S::Received, S::Classified])?;
            need(
                kind == PetitionKind::Denunciation,
                "Chỉ thời hạn kiểm tra điều kiện thụ lý tố cáo mới được kéo dài (Luật Tố cáo 2018, Điều 24).",
            )?;
            need(
                !anonymous(p),
                "Tố cáo nặc danh không được xử lý là tố cáo (Luật Tố cáo 2018, Điều 25): không có thời hạn kiểm tra để kéo dài.",
            )?;
            need(
                p.classification.eligible != Some(false),
                "Đơn đã được phân loại là không đủ điều kiện xử lý: không kéo dài thời hạn kiểm tra; ghi bước xử lý tiếp theo (không thụ lý, trả lại đơn, lưu đơn) trong thời hạn ấy.",
            )?;
            need(
                p.classification.competence != Competence::Outside,
                "Tố cáo không thuộc thẩm quyền: chuyển đơn trong 05 ngày làm việc kể từ ngày nhận (Luật Tố cáo 2018, Điều 24); thời hạn kiểm tra điều kiện thụ lý không áp dụng.",
            )?;
            need(
                count(ctx.events, A::ExtendCheck) == 0,
                "Thời hạn kiểm tra điều kiện thụ lý tố cáo đã được kéo dài đến 10 ngày làm việc, mức dài nhất Luật Tố cáo 2018, Điều 24 cho phép.",
            )?;
            check_extended_in_time(ctx).map_or(Ok(()), Err)
        }
        A::Suspend => {
            in_states(&[S::Accepted])?;
            match kind {
                PetitionKind::Denunciation => Ok(()),
                PetitionKind::Complaint => need(
                    Regime::on(ctx.on).complaint_suspension_allowed(),
                    "Tạm đình chỉ giải quyết khiếu nại chỉ áp dụng từ ngày 01/7/2026 (Luật 136/2025/QH15).",
                ),
                _ => Err("Chỉ việc giải quyết khiếu nại, tố cáo mới tạm đình chỉ được.".to_string()),
            }
        }
        A::Resume => in_states(&[S::Suspended]),
        A::Resolve => {
            if s == S::Suspended {
                return Err(
                    "Việc giải quyết đang tạm đình chỉ: ghi “Tiếp tục giải quyết” trước."
                        .to_string(),
                );
            }
            in_states(&[S::Accepted])
        }
        A::Withdraw => in_states(&[S::Received, S::Classified, S::Accepted, S::Suspended]),
        // Part of a complaint or a denunciation withdrawn: the rest is still handled and
        // resolved (Nghị định 124/2020/NĐ-CP, Điều 10; Luật Tố cáo 2018, Điều 33): the
        // petition stays where it stands, and 03/GQKN, 04/GQTC column 6 ("chỉ thống kê các
        // vụ việc rút toàn bộ nội dung") does not count it.
        A::WithdrawPart => {
            in_states(&[S::Received, S::Classified, S::Accepted, S::Suspended])?;
            // (Before 01/7/2026 too: Nghị định 124/2020 Điều 10 let a complainant withdraw
            // part of a complaint; Luật 136/2025/QH15 wrote it into the law.)
            need(
                kn_tc,
                "Chỉ khiếu nại, tố cáo mới rút một phần nội dung; kiến nghị, phản ánh thì ghi chú trên đơn.",
            )
        }
        A::Terminate => {
            in_states(&[S::Accepted, S::Suspended])?;
            need(
                kn_tc,
                "Chỉ việc giải quyết khiếu nại, tố cáo mới đình chỉ được.",
            )?;
            // Đình chỉ giải quyết khiếu nại came with Luật 136/2025/QH15 (NĐ 155/2026, Mẫu
            // 14a), as tạm đình chỉ did; before, a complaint's resolution ended early only
            // by its withdrawal (Luật Khiếu nại 2011, Điều 10).
            need(
                kind != PetitionKind::Complaint
                    || Regime::on(ctx.on).complaint_suspension_allowed(),
                "Đình chỉ giải quyết khiếu nại vì các lý do khác việc rút đơn chỉ áp dụng từ ngày 01/7/2026 (Luật 136/2025/QH15); trước ngày đó, người khiếu nại rút khiếu nại thì ghi bước Rút đơn, kèm số văn bản đình chỉ giải quyết (Luật Khiếu nại 2011, Điều 10).",
            )
        }
    }
}

/// The inputs a move takes, and which are required, for this petition; and how its
/// document number is called.
pub fn inputs(
    action: MoveAction,
    p: &PetitionRecord,
) -> (Vec<&'static str>, Vec<&'static str>, Option<&'static str>) {
    use MoveAction as A;
    let kn_tc = matches!(p.kind, PetitionKind::Complaint | PetitionKind::Denunciation);
    match action {
        A::Classify => (vec!["classification", "note"], vec!["classification"], None),
        A::Accept if p.kind == PetitionKind::Denunciation => {
            (vec!["doc_no", "note"], vec![], Some("Số quyết định thụ lý"))
        }
        A::Accept => (vec!["doc_no", "note"], vec![], Some("Số thông báo thụ lý")),
        A::Notify => (vec!["doc_no", "note"], vec![], Some("Số thông báo thụ lý")),
        A::ExtendCheck => (vec!["note"], vec!["note"], None),
        A::Decline => (
            vec!["doc_no", "note"],
            vec!["note"],
            Some("Số thông báo không thụ lý"),
        ),
        A::Guide => (
            vec!["agency", "doc_no", "note"],
            vec![],
            Some("Số văn bản hướng dẫn"),
        ),
        A::Transfer => (
            vec!["agency", "doc_no", "note"],
            vec!["agency"],
            Some("Số phiếu chuyển đơn"),
        ),
        A::Urge => (
            vec!["agency", "doc_no", "note"],
            vec![],
            Some("Số văn bản đôn đốc"),
        ),
        A::Return => (
            vec!["doc_no", "note"],
            vec![],
            Some("Số văn bản trả lại đơn"),
        ),
        // A complaint or denunciation withdrawn while being resolved: its resolution is
        // ended by a written notice or decision (Luật Khiếu nại 2011, Điều 10; Luật Tố cáo
        // 2018, Điều 34), whose number the step may carry.
        A::Withdraw
            if kn_tc && matches!(p.state, PetitionState::Accepted | PetitionState::Suspended) =>
        {
            (
                vec!["doc_no", "note"],
                vec![],
                Some("Số văn bản đình chỉ giải quyết"),
            )
        }
        A::File | A::Withdraw => (vec!["note"], vec![], None),
        // What was withdrawn is the move's content: said in the note.
        A::WithdrawPart => (vec!["note"], vec!["note"], None),
        A::Duplicate => (vec!["duplicate_of", "note"], vec!["duplicate_of"], None),
        A::Extend if p.kind == PetitionKind::Denunciation => (
            vec!["extension_days", "doc_no", "note"],
            vec!["extension_days"],
            Some("Số quyết định gia hạn"),
        ),
        A::Extend => (vec!["doc_no", "note"], vec![], Some("Số văn bản")),
        A::Suspend => (
            vec!["doc_no", "note"],
            vec![],
            Some("Số quyết định tạm đình chỉ"),
        ),
        A::Resume => (
            vec!["doc_no", "note"],
            vec![],
            Some("Số quyết định tiếp tục giải quyết"),
        ),
        A::Terminate => (
            vec!["doc_no", "note"],
            vec![],
            Some("Số quyết định đình chỉ"),
        ),
        A::Resolve if kn_tc => (
            vec!["outcome", "doc_no", "note"],
            vec!["outcome", "doc_no"],
            Some(if p.kind == PetitionKind::Complaint {
                "Số quyết định giải quyết khiếu nại"
            } else {
                "Số kết luận nội dung tố cáo"
            }),
        ),
        A::Resolve => (
            vec!["outcome", "doc_no", "note"],
            vec!["outcome"],
            Some("Số văn bản trả lời"),
        ),
        A::Receive | A::Reopen => (vec![], vec![], None),
    }
}

/// Every move the petition page lists, allowed or refused with the reason, with the
/// inputs each takes.
pub fn options(ctx: &MoveContext<'_>) -> Vec<MoveOption> {
    OFFERED
        .iter()
        .map(|&action| {
            let verdict = precondition(action, ctx);
            let (inputs, required, doc_label) = inputs(action, ctx.petition);
            let outcomes = if action == MoveAction::Resolve {
                outcomes(ctx.petition.kind, ctx.petition.classification.round)
                    .iter()
                    .map(|o| Choice {
                        code: o.code().to_string(),
                        label: outcome_label(ctx.petition.kind, *o).to_string(),
                    })
                    .collect()
            } else {
                vec![]
            };
            MoveOption {
                action,
                label: action.label().to_string(),
                allowed: verdict.is_ok(),
                reason: verdict.err(),
                inputs: inputs.into_iter().map(str::to_string).collect(),
                required: required.into_iter().map(str::to_string).collect(),
                outcomes,
                doc_label: doc_label.map(str::to_string),
                effect: effect(action, ctx.petition).map(str::to_string),
            }
        })
        .collect()
}

/// What a move does to the petition's time, said before it is saved.
pub fn effect(action: MoveAction, p: &PetitionRecord) -> Option<&'static str> {
    match (action, p.kind, p.classification.round) {
        (MoveAction::Extend, PetitionKind::Complaint, Round::First) => Some(
            "Áp dụng thời hạn của vụ việc phức tạp: giải quyết trong 45 ngày kể từ ngày thụ lý thay vì 30 (vùng sâu, vùng xa: 60 ngày thay vì 45); chỉ một lần (Luật Khiếu nại 2011, Điều 28).",
        ),
        (MoveAction::Extend, PetitionKind::Complaint, Round::Subsequent) => Some(
            "Áp dụng thời hạn của vụ việc phức tạp: giải quyết trong 60 ngày kể từ ngày thụ lý thay vì 45 (vùng sâu, vùng xa: 70 ngày thay vì 60); chỉ một lần (Luật Khiếu nại 2011, Điều 37).",
        ),
        (MoveAction::Extend, PetitionKind::Denunciation, _) => Some(
            "Thời hạn giải quyết (30 ngày kể từ ngày thụ lý) cộng thêm số ngày gia hạn, mỗi lần không quá 30 ngày; vụ việc phức tạp gia hạn một lần, đặc biệt phức tạp hai lần (Luật Tố cáo 2018, Điều 30).",
        ),
        (MoveAction::ExtendCheck, PetitionKind::Denunciation, _) => Some(
            "Thời hạn vào sổ, kiểm tra điều kiện thụ lý thành 10 ngày làm việc kể từ ngày nhận đơn thay vì 7 (Luật Tố cáo 2018, Điều 24).",
        ),
        (MoveAction::Suspend, PetitionKind::Denunciation, _) => Some(
            "Thời hạn giải quyết ngừng tính từ ngày tạm đình chỉ (tạm đình chỉ khi đã quá hạn thì không dừng thời hạn); ghi “Tiếp tục giải quyết” khi lý do không còn: thời hạn tính tiếp với số ngày còn lại (Luật Tố cáo 2018, Điều 34).",
        ),
        (MoveAction::Suspend, PetitionKind::Complaint, _) => Some(
            "Thời hạn giải quyết ngừng tính từ ngày tạm đình chỉ (tạm đình chỉ khi đã quá hạn thì không dừng thời hạn); ghi “Tiếp tục giải quyết” khi lý do không còn: thời hạn tính tiếp với số ngày còn lại (Luật 136/2025/QH15, từ 01/7/2026).",
        ),
        _ => None,
    }
}

/// The state of a petition at the end of `date`, from its moves (in order): `None` if it
/// was not yet received.
pub fn state_on(events: &[PetitionEvent], date: NaiveDate) -> Option<PetitionState> {
    let date = date.to_string();
    events
        .iter()
        .rfind(|e| e.on_date <= date)
        .map(|e| e.to_state)
}

/// Write the values of `fields` (flattened keys, as the change history keeps them:
/// `classification.eligible`) into `record`. A null is a field that was empty: absent
/// from the record as written (a single-kind petition's `contents`), so its default (an
/// empty list, no value) is restored, not a null its type cannot hold.
pub fn restore(
    record: &PetitionRecord,
    fields: &serde_json::Map<String, serde_json::Value>,
) -> serde_json::Result<PetitionRecord> {
    let mut value = serde_json::to_value(record)?;
    patch(&mut value, fields);
    serde_json::from_value(value)
}

/// Put a move's values (`fields`, "key" or "outer.inner", null for none) into a record
/// written as JSON.
fn patch(value: &mut serde_json::Value, fields: &serde_json::Map<String, serde_json::Value>) {
    use serde_json::Value;
    let put = |o: &mut serde_json::Map<String, Value>, key: &str, v: &Value| {
        if v.is_null() {
            o.remove(key);
        } else {
            o.insert(key.to_string(), v.clone());
        }
    };
    for (key, v) in fields {
        match key.split_once('.') {
            Some((outer, inner)) => {
                if let Some(Value::Object(o)) = value.get_mut(outer) {
                    put(o, inner, v);
                }
            }
            None => {
                if let Value::Object(o) = value {
                    put(o, key, v);
                }
            }
        }
    }
}

/// The petition as it stood at the end of `date`: its record with the moves recorded
/// after that date taken back (each move keeps the values it changed), and its state on
/// that date; `None` if it was not yet received. `events` are in order. The reports read
/// "open at the cut-off", "accepted by the cut-off" from here, not from today's record.
/// Today's record itself (not a copy) when no move after `date` changed a value and its
/// state is the one it had then: most petitions of a report, each read two or three
/// times.
pub fn record_on<'a>(
    record: &'a PetitionRecord,
    events: &[PetitionEvent],
    date: NaiveDate,
) -> Option<Cow<'a, PetitionRecord>> {
    let day = date.to_string();
    if record.received_on > day {
        return None;
    }
    let state = state_on(events, date).unwrap_or(PetitionState::Received);
    let later = events
        .iter()
        .rev()
        .take_while(|e| e.on_date.as_str() > day.as_str());
    let befores = later.filter_map(|e| {
        e.details
            .as_ref()
            .and_then(|d| d.get("before"))
            .and_then(serde_json::Value::as_object)
    });
    if befores.clone().next().is_none() && record.state == state {
        return Some(Cow::Borrowed(record));
    }
    let mut past = taken_back(record, befores.clone()).unwrap_or_else(|| {
        // A move whose values do not fit the record (a register edited by hand) is
        // skipped, the others taken back.
        let mut past = record.clone();
        for before in befores {
            if let Ok(r) = restore(&past, before) {
                past = r;
            }
        }
        past
    });
    past.state = state;
    Some(Cow::Owned(past))
}

/// `record` with the moves' values `befores` (the latest first) put back, written to JSON
/// and read back once rather than once per move (the reports take a period's petitions
/// back to two days each: the larger part of their counting time); `None` if what results
/// is not a record. With moves whose values fit, the same as [`restore`] of each in turn:
/// [`record_on`] falls back to that otherwise, and a test compares the two on generated
/// registers.
fn taken_back<'a>(
    record: &PetitionRecord,
    mut befores: impl Iterator<Item = &'a serde_json::Map<String, serde_json::Value>>,
) -> Option<PetitionRecord> {
    let Some(first) = befores.next() else {
        return Some(record.clone());
    };
    let mut value = serde_json::to_value(record).ok()?;
    patch(&mut value, first);
    for before in befores {
        patch(&mut value, before);
    }
    serde_json::from_value(value).ok()
}

/// [`record_on`] taking each move back in turn, as it did before [`taken_back`]: what the
/// test compares it with.
#[cfg(test)]
pub(crate) fn record_on_move_by_move(
    record: &PetitionRecord,
    events: &[PetitionEvent],
    date: NaiveDate,
) -> Option<PetitionRecord> {
    let day = date.to_string();
    if record.received_on > day {
        return None;
    }
    let mut past = record.clone();
    for e in events.iter().rev().take_while(|e| e.on_date > day) {
        let before = e
            .details
            .as_ref()
            .and_then(|d| d.get("before"))
            .and_then(serde_json::Value::as_object);
        if let Some(Ok(r)) = before.map(|b| restore(&past, b)) {
            past = r;
        }
    }
    past.state = state_on(events, date).unwrap_or(PetitionState::Received);
    Some(past)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MoveAction, NewPetition};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Taken back to a day before a move that kept no values (as an old register kept a
    /// move that changed only the state), a petition stands in the state it had that day,
    /// a record of its own; on a day after every move, today's record itself.
    #[test]
    fn a_petition_before_a_move_without_values_stands_in_that_days_state() {
        let mut store = crate::store::Store::open_in_memory(Box::new(crate::clock::FixedClock(
            day("2026-11-30"),
        )))
        .unwrap();
        let input = NewPetition::by_post(
            "2026-11-02",
            PetitionKind::Proposal,
            None,
            "Đề nghị sửa đường ngõ 5",
            "Lê Thị Hoa",
        );
        let id = store.create_petition(&input).unwrap().id;
        let mut now = crate::store::get_petition(store.conn(), &id)
            .unwrap()
            .unwrap();
        let mut events = crate::store::events_of(store.conn(), &id).unwrap();
        let mut later = events[0].clone();
        later.id = "later".into();
        later.on_date = "2026-11-10".into();
        later.action = MoveAction::Classify;
        later.from_state = Some(PetitionState::Received);
        later.to_state = PetitionState::Classified;
        later.details = None;
        events.push(later);
        now.state = PetitionState::Classified;

        let then = record_on(&now, &events, day("2026-11-05")).unwrap();
        assert_eq!(then.state, PetitionState::Received);
        assert!(matches!(then, Cow::Owned(_)));
        let today = record_on(&now, &events, day("2026-11-30")).unwrap();
        assert!(matches!(today, Cow::Borrowed(_)));
        assert_eq!(*today, now);
        assert!(record_on(&now, &events, day("2026-11-01")).is_none());
    }
}
