//! The legal deadlines of a petition, counted on the working-day calendar, as of a date.
//!
//! A period of N days or N working days counted from an event starts the day after the
//! event (Bộ luật Dân sự 2015, Điều 147); a period of days whose last day is a day off
//! ends on the next working day (Điều 148 khoản 5). Plain "ngày" in the laws are
//! calendar days. Numbers the sources leave uncertain are settings
//! ([`DeadlineSettings`]); the others are the law's, cited on each deadline.
//!
//! Only the moves recorded on or before the "as of" date count, so the deadlines (and
//! whether they were overdue) can be read for any past date.

use chrono::{Datelike, NaiveDate};

use crate::domain::{
    Competence, Deadline, DeadlineSettings, DeadlineStep, MoveAction, PetitionKind, PetitionSource,
    Round, Signers, Urgency,
};
use crate::law::calendar::{Calendar, UnknownYear};
use crate::law::regime::Regime;
use crate::records::{PetitionEvent, PetitionRecord};

/// Moves that decide what happens to a petition (the first reply is due by then).
const HANDLED: &[MoveAction] = &[
    MoveAction::Accept,
    MoveAction::Decline,
    MoveAction::Guide,
    MoveAction::Transfer,
    MoveAction::Urge,
    MoveAction::Return,
    MoveAction::File,
    MoveAction::Duplicate,
    MoveAction::Withdraw,
    MoveAction::Resolve,
    MoveAction::Terminate,
];

/// Moves that end a denunciation's registration and check (Luật Tố cáo Đ24).
const DENUNCIATION_CHECKED: &[MoveAction] = &[
    MoveAction::Urge,
    MoveAction::Accept,
    MoveAction::Decline,
    MoveAction::Guide,
    MoveAction::Transfer,
    MoveAction::Return,
    MoveAction::File,
    MoveAction::Duplicate,
    MoveAction::Withdraw,
];

/// Moves that settle an outside-competence denunciation (transfer or otherwise).
const PASSED_ON: &[MoveAction] = &[
    MoveAction::Urge,
    MoveAction::Transfer,
    MoveAction::Guide,
    MoveAction::Return,
    MoveAction::File,
    MoveAction::Duplicate,
    MoveAction::Withdraw,
];

/// The first reply to what is raised at the desk (Luật Tiếp công dân 2013, Điều 28).
const FIRST_REPLY_WORKING_DAYS: u32 = 10;

/// Moves that end a resolution.
const RESOLVED: &[MoveAction] = &[
    MoveAction::Resolve,
    MoveAction::Withdraw,
    MoveAction::Terminate,
];

/// The deadline settings: key in [`DeadlineSettings`], label, and the rule its default
/// comes from (the settings screen shows them).
pub const SETTINGS: &[(&str, &str, &str)] = &[
    (
        "first_reply_working_days",
        "Thời hạn trả lời việc xử lý đơn (ngày làm việc)",
        "Luật Tiếp công dân 2013, Điều 28: đơn nhận khi tiếp công dân. Mặc định 10.",
    ),
    (
        "processing_working_days",
        "Thời hạn xử lý đơn nhận qua bưu chính, trực tuyến, do cơ quan khác chuyển đến (ngày làm việc)",
        "Thông tư 05/2021/TT-TTCP: 10 ngày làm việc kể từ ngày nhận đơn. Mặc định 10.",
    ),
    (
        "complaint_acceptance_working_days",
        "Thời hạn thụ lý khiếu nại (đơn nhận từ 01/7/2026) (ngày làm việc)",
        "Luật Khiếu nại 2011, Điều 27 sửa đổi bởi Luật 136/2025/QH15; Nghị định 155/2026/NĐ-CP. Mặc định 7. Đơn nhận trước 01/7/2026: 10 ngày theo luật cũ.",
    ),
    (
        "unprocessed_days",
        "Đơn tồn đọng sau (ngày)",
        "Nghị định 154/2026/NĐ-CP, Điều 41: đơn để quá số ngày này (ngày lịch) mà chưa xử lý. Mặc định 45.",
    ),
    (
        "due_soon_working_days",
        "Báo “sắp đến hạn” trước (ngày làm việc)",
        "Do đơn vị chọn: đơn còn trong số ngày làm việc này đến hạn được báo trên Tổng quan và danh sách đơn. Mặc định 3.",
    ),
    (
        "proposal_resolution_days",
        "Thời hạn giải quyết kiến nghị, phản ánh (ngày; 0: không theo dõi)",
        "Luật chưa quy định một thời hạn chung cho việc giải quyết kiến nghị, phản ánh: đơn vị đặt theo quy chế của mình (ví dụ 30 ngày kể từ ngày thụ lý). Mặc định 0: không theo dõi.",
    ),
    (
        "plain_days_working",
        "Tính “ngày” trong luật là ngày làm việc",
        "Các thời hạn luật ghi “ngày” (không ghi “ngày làm việc”): thụ lý khiếu nại trước 01/7/2026 (10 ngày), giải quyết khiếu nại (30, 45 ngày…), giải quyết tố cáo (30 ngày), đơn tồn đọng (45 ngày). Mặc định không chọn: tính theo ngày lịch (Bộ luật Dân sự 2015, Điều 147–148; hạn rơi vào ngày nghỉ thì lùi đến ngày làm việc kế tiếp). Chọn nếu cơ quan cấp trên hướng dẫn tính theo ngày làm việc.",
    ),
    (
        "remote_area",
        "Đơn vị ở vùng sâu, vùng xa",
        "Luật Khiếu nại 2011, Điều 28 và 37: ở vùng sâu, vùng xa, thời hạn giải quyết khiếu nại dài hơn (lần đầu 45 ngày, lần hai 60 ngày; vụ việc phức tạp 60 và 70 ngày).",
    ),
];

impl Default for DeadlineSettings {
    fn default() -> Self {
        DeadlineSettings {
            first_reply_working_days: FIRST_REPLY_WORKING_DAYS,
            processing_working_days: 10,
            plain_days_working: false,
            complaint_acceptance_working_days: 7,
            unprocessed_days: 45,
            due_soon_working_days: 3,
            remote_area: false,
            proposal_resolution_days: 0,
        }
    }
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The first of `actions` among the moves, on or after `from`.
fn first_of(
    events: &[&PetitionEvent],
    actions: &[MoveAction],
    from: NaiveDate,
) -> Option<NaiveDate> {
    events
        .iter()
        .filter(|e| actions.contains(&e.action))
        .filter_map(|e| day(&e.on_date))
        .find(|d| *d >= from)
}

/// Days a resolution was suspended (resumed by `as_of`), and the start of a suspension
/// still running.
/// The suspensions of a resolution: (start, end), `end` `None` while it runs.
fn suspensions(events: &[&PetitionEvent]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut out: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for e in events {
        match (e.action, day(&e.on_date)) {
            (MoveAction::Suspend, Some(d)) => out.push((d, None)),
            (MoveAction::Resume, Some(d)) => {
                if let Some(last) = out.last_mut().filter(|s| s.1.is_none()) {
                    last.1 = Some(d);
                }
            }
            _ => {}
        }
    }
    out
}

/// Resolution days of a complaint (Luật Khiếu nại 2011, Điều 28 and 37): first round 30
/// days, 45 for a complex case (45 and 60 in remote areas); second round 45, 60 for a
/// complex case (60 and 70 in remote areas).
pub fn complaint_resolution_days(round: Round, complex: bool, remote: bool) -> u32 {
    match (round, complex, remote) {
        (Round::First, false, false) => 30,
        (Round::First, true, false) | (Round::First, false, true) => 45,
        (Round::First, true, true) => 60,
        (Round::Subsequent, false, false) => 45,
        (Round::Subsequent, true, false) | (Round::Subsequent, false, true) => 60,
        (Round::Subsequent, true, true) => 70,
    }
}

/// Resolution days of a denunciation before any extension (Luật Tố cáo 2018, Điều 30).
pub const DENUNCIATION_RESOLUTION_DAYS: u32 = 30;
/// Working days to register, classify and check a denunciation, and at most when the
/// check is made in several places or by another body (Luật Tố cáo 2018, Điều 24 khoản 1).
pub const DENUNCIATION_CHECK_WORKING_DAYS: u32 = 7;
pub const DENUNCIATION_CHECK_LONGEST_WORKING_DAYS: u32 = 10;
/// Working days from the decision to accept a denunciation to the notice to the
/// denouncer (Luật Tố cáo 2018, Điều 29).
pub const DENUNCIATION_NOTICE_WORKING_DAYS: u32 = 5;

struct Counter<'a> {
    calendar: &'a Calendar,
    settings: &'a DeadlineSettings,
    as_of: NaiveDate,
}

impl Counter<'_> {
    /// `n` days the law writes in plain "ngày" after `from`: calendar days (a last day off
    /// moves to the next working day), or working days when the office counts them so.
    fn plain_days(&self, from: NaiveDate, n: u32) -> Result<NaiveDate, UnknownYear> {
        // (No day left, as after a suspension on the last day: the day itself, rolled
        // forward to a working day either way.)
        if self.settings.plain_days_working && n > 0 {
            self.calendar.add_working_days(from, n)
        } else {
            self.calendar.add_days(from, n)
        }
    }

    /// The days a suspension from `start` to its resumption on `end` stopped the clock: the
    /// count goes on from the resumption (Nghị định 155/2026, Điều 28b khoản 2: "tiếp tục
    /// được tính từ ngày ban hành quyết định tiếp tục giải quyết"), so the days after the
    /// suspension up to the resumption, (start, end], are not counted. They are the kind
    /// of day the period is counted in: working days when "ngày" is set to mean working
    /// days (a suspension over a weekend then adds no day for it), else calendar days.
    fn suspended_days(&self, start: NaiveDate, end: NaiveDate) -> Result<u32, UnknownYear> {
        if self.settings.plain_days_working {
            self.calendar.working_days_after(start, end)
        } else {
            Ok((end - start).num_days().max(0) as u32)
        }
    }

    /// Of a period of `n` plain days counted from `from`, the days still to run after
    /// `day` (a day on or before its last one): calendar days to its last day before any
    /// rolling forward (none when `day` is a day the last one was rolled to), or the
    /// working days left when "ngày" means working days.
    fn days_left(&self, from: NaiveDate, n: u32, day: NaiveDate) -> Result<u32, UnknownYear> {
        if self.settings.plain_days_working {
            Ok(n.saturating_sub(self.calendar.working_days_after(from, day)?))
        } else {
            let last = from + chrono::Days::new(n.into());
            Ok(((last - day).num_days().max(0) as u32).min(n))
        }
    }

    /// A rule of plain days, saying so when they are counted as working days.
    fn plain_rule(&self, rule: String) -> String {
        if self.settings.plain_days_working {
            format!("{rule}; “ngày” tính là ngày làm việc theo Cài đặt")
        } else {
            rule
        }
    }

    fn deadline(
        &self,
        step: DeadlineStep,
        rule: String,
        due: Result<NaiveDate, UnknownYear>,
        met: Option<NaiveDate>,
    ) -> Deadline {
        let (due, note) = match due {
            Ok(d) => (Some(d), None),
            Err(e) => (None, Some(e.to_string())),
        };
        // A due day counted on a year whose days off are not announced yet may move when
        // they are: the rule says so (the status stays what it is).
        let rule = match due {
            Some(d) if self.calendar.is_forecast(d.year()) => format!(
                "{rule}; tính theo lịch ngày nghỉ năm {} dự kiến (chưa có thông báo chính thức; khi có, sửa lịch trong Cài đặt)",
                d.year()
            ),
            _ => rule,
        };
        let overdue = met.is_none() && due.is_some_and(|d| self.as_of > d);
        let due_soon = met.is_none()
            && !overdue
            && due.is_some_and(|d| {
                self.calendar.within_working_days(
                    self.as_of,
                    d,
                    self.settings.due_soon_working_days,
                )
            });
        Deadline {
            step,
            label: step.label().to_string(),
            due: due.map(|d| d.to_string()),
            rule,
            overdue,
            due_soon,
            met_on: met.map(|d| d.to_string()),
            late: matches!((met, due), (Some(m), Some(d)) if m > d),
            note,
            suspended: false,
        }
    }

    fn suspended(&self, step: DeadlineStep, rule: String, since: NaiveDate) -> Deadline {
        Deadline {
            step,
            label: step.label().to_string(),
            due: None,
            rule,
            overdue: false,
            due_soon: false,
            met_on: None,
            late: false,
            note: Some(format!(
                "Đang tạm đình chỉ từ {}: thời gian tạm đình chỉ không tính vào thời hạn giải quyết.",
                since.format("%d/%m/%Y")
            )),
            suspended: true,
        }
    }
}

/// The deadlines of a petition as of `as_of`, in the order they arise: of the petition as
/// it stood that day (its kind, classification, source then: a later reclassification
/// does not change what was owed before it).
pub fn deadlines(
    p: &PetitionRecord,
    all_events: &[PetitionEvent],
    as_of: NaiveDate,
    calendar: &Calendar,
    settings: &DeadlineSettings,
) -> Vec<Deadline> {
    let Some(received) = day(&p.received_on) else {
        return vec![];
    };
    if received > as_of {
        return vec![];
    }
    let as_of_text = as_of.to_string();
    let then;
    let p = if all_events.iter().any(|e| e.on_date > as_of_text) {
        match crate::law::lifecycle::record_on(p, all_events, as_of) {
            Some(record) => {
                then = record.into_owned();
                &then
            }
            None => return vec![],
        }
    } else {
        p
    };
    let events: Vec<&PetitionEvent> = all_events
        .iter()
        .filter(|e| e.on_date <= as_of_text)
        .collect();
    let c = Counter {
        calendar,
        settings,
        as_of,
    };
    // Whatever else happened, a petition that reached an end state (resolved, guided,
    // transferred, urged, filed… or closed under schema 1) owes no first step any more.
    let closed = events
        .iter()
        .filter(|e| !e.to_state.is_open())
        .filter_map(|e| day(&e.on_date))
        .find(|d| *d >= received);
    let or_closed = |met: Option<NaiveDate>| match (met, closed) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let handled = or_closed(first_of(&events, HANDLED, received));
    let mut out = Vec::new();

    // The first reply: what will be done with it (Luật Tiếp công dân 2013, Điều 28, for
    // what is raised at the desk; the processing time of TT 05/2021 otherwise).
    let (rule, due) = if p.source == PetitionSource::Visit {
        (
            // The law says ten working days: a register set otherwise says so.
            match settings.first_reply_working_days {
                FIRST_REPLY_WORKING_DAYS => "Luật Tiếp công dân 2013, Điều 28".to_string(),
                days => format!(
                    "Luật Tiếp công dân 2013, Điều 28 ({FIRST_REPLY_WORKING_DAYS} ngày làm việc; sổ này đặt {days} ngày làm việc trong Cài đặt)"
                ),
            },
            calendar.add_working_days(received, settings.first_reply_working_days),
        )
    } else {
        (
            format!(
                "Thông tư 05/2021/TT-TTCP (thời hạn xử lý đơn: {} ngày làm việc, đặt trong Cài đặt)",
                settings.processing_working_days
            ),
            calendar.add_working_days(received, settings.processing_working_days),
        )
    };
    out.push(c.deadline(DeadlineStep::FirstReply, rule, due, handled));

    match p.kind {
        PetitionKind::Complaint => {
            // A second round is accepted under Điều 36, in as many days as a first (10
            // under the 2011 law); from 01/7/2026 the setting's working days apply to both
            // (whether Luật 136/2025 changed Điều 36 as it did Điều 27 is not confirmed).
            let second = p.classification.round == Round::Subsequent;
            let (due, rule) = match Regime::on(received) {
                Regime::Law2013 => (
                    c.plain_days(received, 10),
                    c.plain_rule(if second {
                        "Luật Khiếu nại 2011, Điều 36 (khiếu nại lần hai, 10 ngày)".to_string()
                    } else {
                        "Luật Khiếu nại 2011, Điều 27 (10 ngày)".to_string()
                    }),
                ),
                Regime::Law2025 => (
                    calendar.add_working_days(received, settings.complaint_acceptance_working_days),
                    if second {
                        format!(
                            "Luật Khiếu nại 2011, Điều 36 (khiếu nại lần hai); số ngày như lần đầu theo Điều 27 sửa đổi bởi Luật 136/2025/QH15 ({} ngày làm việc, đặt trong Cài đặt)",
                            settings.complaint_acceptance_working_days
                        )
                    } else {
                        format!(
                            "Luật Khiếu nại 2011, Điều 27 sửa đổi bởi Luật 136/2025/QH15; Nghị định 155/2026/NĐ-CP ({} ngày làm việc)",
                            settings.complaint_acceptance_working_days
                        )
                    },
                ),
            };
            let decided = or_closed(first_of(
                &events,
                &[
                    MoveAction::Accept,
                    MoveAction::Decline,
                    MoveAction::Guide,
                    MoveAction::Transfer,
                    MoveAction::Urge,
                    MoveAction::Return,
                    MoveAction::File,
                    MoveAction::Duplicate,
                    MoveAction::Withdraw,
                ],
                received,
            ));
            // Điều 27 (and 36) bind the body competent to resolve the complaint ("khiếu nại
            // thuộc thẩm quyền giải quyết của mình"): one classified outside the ward's
            // competence owes no acceptance, only its processing (the first reply above:
            // guided or transferred), as an outside denunciation owes its transfer, not a
            // check. Not yet classified, it may still be the ward's: the acceptance stands.
            if p.classification.competence != Competence::Outside {
                out.push(c.deadline(DeadlineStep::ComplaintAcceptance, rule, due, decided));
            }
            if let Some(accepted) = first_of(&events, &[MoveAction::Accept], received) {
                let extended = events.iter().any(|e| e.action == MoveAction::Extend);
                let extended_later = all_events.iter().any(|e| e.action == MoveAction::Extend);
                // Complex from the classification counts from the start; from an
                // extension, from the extension's date.
                let complex = extended || (p.complex && !extended_later);
                let round = p.classification.round;
                let days = complaint_resolution_days(round, complex, settings.remote_area);
                let why: Vec<&str> = [
                    (complex, "vụ việc phức tạp"),
                    (settings.remote_area, "vùng sâu, vùng xa"),
                ]
                .into_iter()
                .filter_map(|(yes, words)| yes.then_some(words))
                .collect();
                let rule = format!(
                    "Luật Khiếu nại 2011, Điều {} ({days} ngày kể từ ngày thụ lý{})",
                    if round == Round::First { 28 } else { 37 },
                    why.iter().map(|w| format!(", {w}")).collect::<String>()
                );
                out.push(resolution(
                    &c,
                    DeadlineStep::ComplaintResolution,
                    rule,
                    accepted,
                    days,
                    &events,
                ));
            }
        }
        PetitionKind::Denunciation => {
            // Within competence (or not yet classified): seven working days to register,
            // classify and check it, longer (at most ten) when the check must be made in
            // several places or by another body, as the officer records (Điều 24 khoản 1).
            // Outside competence, khoản 2 sets the transfer instead (below): no check is
            // owed, and an extension recorded before that classification counts no more.
            // Anonymous information (no name or address, or someone else's name) is not
            // handled under the Law on Denunciation at all (Điều 25): neither its check nor
            // its transfer is owed; its processing (first reply) stands, as for any letter.
            let anonymous = p.anonymous || p.signers == Signers::Anonymous;
            if p.classification.competence != Competence::Outside && !anonymous {
                let (days, rule) = if first_of(&events, &[MoveAction::ExtendCheck], received)
                    .is_some()
                {
                    (
                        DENUNCIATION_CHECK_LONGEST_WORKING_DAYS,
                        "Luật Tố cáo 2018, Điều 24 (kéo dài đến 10 ngày làm việc: kiểm tra, xác minh tại nhiều địa điểm hoặc ủy quyền)",
                    )
                } else {
                    (
                        DENUNCIATION_CHECK_WORKING_DAYS,
                        "Luật Tố cáo 2018, Điều 24 (07 ngày làm việc)",
                    )
                };
                out.push(c.deadline(
                    DeadlineStep::DenunciationCheck,
                    rule.to_string(),
                    calendar.add_working_days(received, days),
                    or_closed(first_of(&events, DENUNCIATION_CHECKED, received)),
                ));
            }
            if p.classification.competence == Competence::Outside && !anonymous {
                out.push(c.deadline(
                    DeadlineStep::DenunciationTransfer,
                    "Luật Tố cáo 2018, Điều 24 (05 ngày làm việc)".to_string(),
                    calendar.add_working_days(received, 5),
                    or_closed(first_of(&events, PASSED_ON, received)),
                ));
            }
            if let Some(accepted) = first_of(&events, &[MoveAction::Accept], received) {
                // The denouncer is told of the acceptance, and the person denounced of
                // the content accepted, within five working days of the decision (Điều
                // 29): one move records both notices, and only that move meets it. A
                // petition that ended (after its acceptance) with none recorded, as one
                // accepted before this step could be recorded: ended before the notice
                // fell due, nothing is said; ended after, the deadline stays unmet with
                // what is known, neither "late on the day it ended" nor overdue for ever.
                let notified = first_of(&events, &[MoveAction::Notify], accepted);
                let ended = events
                    .iter()
                    .filter(|e| !e.to_state.is_open())
                    .filter_map(|e| day(&e.on_date))
                    .find(|d| *d >= accepted);
                let due = calendar.add_working_days(accepted, DENUNCIATION_NOTICE_WORKING_DAYS);
                let mut notice = c.deadline(
                    DeadlineStep::DenunciationNotice,
                    "Luật Tố cáo 2018, Điều 29 (05 ngày làm việc kể từ ngày ra quyết định thụ lý: thông báo cho người tố cáo và thông báo nội dung tố cáo cho người bị tố cáo)"
                        .to_string(),
                    due,
                    notified,
                );
                match (notified, ended, due) {
                    (None, Some(end), Ok(due)) if end <= due => {}
                    (None, Some(end), Ok(_)) => {
                        notice.overdue = false;
                        notice.due_soon = false;
                        notice.note = Some(format!(
                            "Chưa ghi nhận thông báo thụ lý; đơn đã kết thúc ngày {}.",
                            end.format("%d/%m/%Y")
                        ));
                        out.push(notice);
                    }
                    _ => out.push(notice),
                }
                let extensions: u32 = events
                    .iter()
                    .filter(|e| e.action == MoveAction::Extend)
                    .map(|e| {
                        e.details
                            .as_ref()
                            .and_then(|d| d.get("extension_days"))
                            .and_then(|v| v.as_u64())
                            .unwrap_or(0) as u32
                    })
                    .sum();
                let days = DENUNCIATION_RESOLUTION_DAYS + extensions;
                let rule = if extensions > 0 {
                    format!("Luật Tố cáo 2018, Điều 30 (30 ngày kể từ ngày thụ lý, gia hạn {extensions} ngày)")
                } else {
                    "Luật Tố cáo 2018, Điều 30 (30 ngày kể từ ngày thụ lý)".to_string()
                };
                out.push(resolution(
                    &c,
                    DeadlineStep::DenunciationResolution,
                    rule,
                    accepted,
                    days,
                    &events,
                ));
            }
        }
        PetitionKind::Proposal => {
            // No time in the law: the office's own, when it set one (0: none followed).
            let days = settings.proposal_resolution_days;
            if let Some(accepted) =
                first_of(&events, &[MoveAction::Accept], received).filter(|_| days > 0)
            {
                out.push(resolution(
                    &c,
                    DeadlineStep::ProposalResolution,
                    format!(
                        "Quy chế của đơn vị ({days} ngày kể từ ngày thụ lý; luật không quy định thời hạn chung)"
                    ),
                    accepted,
                    days,
                    &events,
                ));
            }
        }
        PetitionKind::Mixed => {}
    }

    // Nghị định 154/2026/NĐ-CP came into force with Luật 136/2025/QH15 (01/7/2026): a
    // petition received before keeps the rules of its date (`law::regime`), which set no
    // such limit; its processing time is the first reply's.
    if Regime::on(received) == Regime::Law2025 {
        out.push(c.deadline(
            DeadlineStep::Unprocessed,
            c.plain_rule(format!(
                "Nghị định 154/2026/NĐ-CP, Điều 41 (đơn để quá {} ngày không xử lý)",
                settings.unprocessed_days
            )),
            c.plain_days(received, settings.unprocessed_days),
            handled,
        ));
    }
    out
}

/// A resolution deadline: `days` from acceptance, plus the days it was suspended.
fn resolution(
    c: &Counter<'_>,
    step: DeadlineStep,
    rule: String,
    accepted: NaiveDate,
    days: u32,
    events: &[&PetitionEvent],
) -> Deadline {
    let met = first_of(events, RESOLVED, accepted);
    // A suspension stops the clock only if it began before the time ran out: one decided
    // after the deadline leaves the petition late. The count goes on from the resumption
    // with the days that were left when it stopped (`from`, `left`): none when it stopped
    // on the day a last day falling on a day off was rolled to, so the time never ends
    // before the resumption.
    let (mut from, mut left) = (accepted, days);
    let mut suspended_days = 0;
    let mut running = None;
    for (start, end) in suspensions(events) {
        let due = match c.plain_days(from, left) {
            Ok(due) => due,
            Err(e) => return c.deadline(step, rule, Err(e), met),
        };
        if start > due {
            continue;
        }
        match end {
            Some(end) => match (c.suspended_days(start, end), c.days_left(from, left, start)) {
                (Ok(n), Ok(rest)) => {
                    suspended_days += n;
                    (from, left) = (end.max(start), rest);
                }
                (Err(e), _) | (_, Err(e)) => return c.deadline(step, rule, Err(e), met),
            },
            None => running = Some(start),
        }
    }
    match (running, met) {
        (Some(since), None) => c.suspended(step, rule, since),
        _ => {
            let rule = if suspended_days > 0 {
                format!("{rule}; tạm đình chỉ {suspended_days} ngày, thời hạn tính tiếp từ ngày tiếp tục giải quyết")
            } else {
                rule
            };
            let mut d = c.deadline(step, c.plain_rule(rule), c.plain_days(from, left), met);
            // Ended while suspended (in time: the clock stopped), never resumed: not late.
            if running.is_some() {
                d.late = false;
            }
            d
        }
    }
}

/// The earliest deadline not yet met: the one with a due day, else one that cannot be
/// computed.
pub fn next_due(deadlines: &[Deadline]) -> Option<&Deadline> {
    let open = deadlines.iter().filter(|d| d.met_on.is_none());
    open.clone()
        .filter(|d| d.due.is_some())
        .min_by(|a, b| a.due.cmp(&b.due))
        .or_else(|| open.clone().find(|d| !d.suspended))
}

/// [`urgency`] as of `today` of a petition whose earliest unmet due day is `next` and one
/// of whose unmet deadlines (not suspended) cannot be computed if `unknown`, with no move
/// recorded after `today`: the same tests as each deadline's (`Counter::deadline`), on the
/// earliest due day alone, since a later one is never more pressing.
pub fn urgency_of_next(
    next: Option<NaiveDate>,
    unknown: bool,
    today: NaiveDate,
    calendar: &Calendar,
    settings: &DeadlineSettings,
) -> Urgency {
    match next {
        Some(d) if today > d => Urgency::Overdue,
        Some(d) if calendar.within_working_days(today, d, settings.due_soon_working_days) => {
            Urgency::DueSoon
        }
        _ if unknown => Urgency::Unknown,
        _ => Urgency::None,
    }
}

/// How pressing the petition is: overdue, due soon, or a deadline that cannot be computed.
pub fn urgency(deadlines: &[Deadline]) -> Urgency {
    let open: Vec<&Deadline> = deadlines.iter().filter(|d| d.met_on.is_none()).collect();
    if open.iter().any(|d| d.overdue) {
        Urgency::Overdue
    } else if open.iter().any(|d| d.due_soon) {
        Urgency::DueSoon
    } else if open.iter().any(|d| d.due.is_none() && !d.suspended) {
        Urgency::Unknown
    } else {
        Urgency::None
    }
}
