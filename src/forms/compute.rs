//! The figures of each table, computed from the period's facts by the notes under the
//! tables of Thông tư 06/2025/TT-TTCP (design.md, "Counting rules"). `None` marks a column
//! the register does not hold: it is typed per period.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};

use crate::domain::{
    Competence, ComplaintGroup, DenunciationGroup, MoveAction, Outcome, PetitionKind,
    PetitionState, ProposalGroup, Round, Signers,
};
use crate::law::counting::report_kinds;
use crate::law::lifecycle::record_on;
use crate::records::PetitionRecord;
use crate::report::PeriodReport;
use crate::store::{PeriodFacts, PetitionFact};

use super::table::FormId;

/// What a table's computation gives: a value per column (`None`: typed by hand), and the
/// records that could not be counted as they stand.
pub(crate) struct Computed {
    pub values: Vec<Option<f64>>,
    pub issues: Vec<String>,
}

fn counts(n: usize, set: &[(u16, usize)]) -> Vec<Option<f64>> {
    let mut v = vec![None; n];
    for (col, value) in set {
        v[usize::from(*col) - 1] = Some(*value as f64);
    }
    v
}

/// 01/TCD from the reception blocks (the report's figures, counted by the same rules).
pub(crate) fn tcd01(r: &PeriodReport) -> Computed {
    let (o, c, d) = (&r.officer, &r.chairman, &r.deputy);
    let u = |x: u32| x as usize;
    let values = counts(
        21,
        &[
            (1, u(r.reception.visits)),
            (2, u(r.reception.people)),
            (3, u(r.reception.cases)),
            (4, u(r.reception.delegations)),
            (5, u(o.visits)),
            (6, u(o.people)),
            (7, u(o.cases)),
            (8, u(o.delegations)),
            (9, u(o.delegation_people)),
            (10, u(c.reception_days)),
            (11, u(c.visits)),
            (12, u(c.people)),
            (13, u(c.cases)),
            (14, u(c.delegations)),
            (15, u(c.delegation_people)),
            (16, u(d.reception_days)),
            (17, u(d.visits)),
            (18, u(d.people)),
            (19, u(d.cases)),
            (20, u(d.delegations)),
            (21, u(d.delegation_people)),
        ],
    );
    Computed {
        values,
        issues: vec![],
    }
}

/// Whether the review of a petition's conditions for handling was complete (02/XLD
/// column 2: "số đơn đã hoàn thành quy trình xem xét về điều kiện xử lý, bao gồm đơn đủ
/// điều kiện xử lý và đơn không đủ điều kiện xử lý"): a handling was recorded; or it was
/// classified as not eligible (the review is over; filing it, or returning it with
/// guidance, has no column of its own); or as within the ward's competence and eligible
/// (what is left is the decision to accept, 03/GQKN and 04/GQTC column 3). One eligible and
/// outside the competence is processed once guided or transferred (columns 24, 25).
fn processed(r: &PetitionRecord) -> bool {
    match r.state {
        PetitionState::Received => false,
        PetitionState::Classified => {
            r.classification.eligible == Some(false)
                || (eligible(r) && r.classification.competence == Competence::Within)
        }
        _ => true,
    }
}

/// Eligible (đủ điều kiện xử lý): so classified, not a duplicate (filed: the first one is
/// handled), not anonymous — anonymous information
/// is never handled as a petition (Luật Tố cáo 2018 Đ25; TT 05/2021 Đ6) — and, within the
/// ward's competence, not a petition of several contents, which the ward does not handle
/// as it stands: the citizen is guided to send each content apart (Luật Tiếp công dân Đ25
/// k3), and those are classified. Outside its competence the ward's handling is the same
/// whatever the contents (guided or transferred as a whole): counted by each content it
/// carries (columns 3, 23–25), as in column 1.
fn eligible(r: &PetitionRecord) -> bool {
    r.classification.eligible == Some(true)
        && r.duplicate_of.is_none()
        && !r.anonymous
        && r.signers != Signers::Anonymous
        && (r.kind != PetitionKind::Mixed || r.classification.competence == Competence::Outside)
}

/// One content of a petition counted in 02/XLD: the petition as it stood at the cut-off,
/// and the kind of this content (a mixed petition is counted by each content it carries).
pub(crate) struct Unit<'a> {
    pub fact: &'a PetitionFact,
    pub at_cut_off: std::borrow::Cow<'a, PetitionRecord>,
    pub kind: PetitionKind,
}

impl Unit<'_> {
    fn processed(&self) -> bool {
        processed(&self.at_cut_off)
    }
    /// Column 3 (= 4 + 23). A petition outside competence is counted there only with its
    /// result, guided or transferred (23 = 24 + 25): one the citizen withdrew after it was
    /// classified, before either, was processed (column 2: its review ended, the petition
    /// filed) but has no column of its own among the eligible ones.
    fn eligible(&self) -> bool {
        self.processed()
            && eligible(&self.at_cut_off)
            && match self.at_cut_off.classification.competence {
                Competence::Outside => outside_result(self).is_some(),
                _ => true,
            }
    }
    fn within(&self) -> bool {
        self.eligible() && self.at_cut_off.classification.competence == Competence::Within
    }
    fn outside(&self) -> bool {
        self.eligible() && self.at_cut_off.classification.competence == Competence::Outside
    }
}

/// The petitions of 02/XLD column 1: the UBND's petitions received in the period, and
/// those received before it whose review was not complete at its start (carried over);
/// a duplicate (đơn trùng) is not counted twice.
/// (`facts.carried_units` counts the units of those carried over and not moved since the
/// period began, when they are not in `facts.petitions`.)
pub(crate) fn xld_units(facts: &PeriodFacts) -> (Vec<Unit<'_>>, Vec<String>) {
    let (from, to) = (facts.period.from, facts.period.to);
    let first_day = from.to_string();
    let mut units = Vec::new();
    let mut issues = Vec::new();
    for p in &facts.petitions {
        match counted(p, from, &first_day, to) {
            Counted::Not => {}
            Counted::Units(mine) => units.extend(mine),
            Counted::Issue(issue) => issues.push(issue),
        }
    }
    (units, issues)
}

/// What one petition adds to 02/XLD column 1 of the period `from..=to`.
enum Counted<'a> {
    /// Nothing: received after the period, HĐND's, a duplicate by its end, or received
    /// before it with its review complete the day before.
    Not,
    /// Its units (one per content it is counted by).
    Units(Vec<Unit<'a>>),
    /// Several contents, none recorded: named for the officer to correct, not counted.
    Issue(String),
}

/// (`first_day`: `from` as ISO text, made once for all the petitions.)
fn counted<'a>(
    p: &'a PetitionFact,
    from: NaiveDate,
    first_day: &str,
    to: NaiveDate,
) -> Counted<'a> {
    if !crate::report::of_the_committee(p) {
        return Counted::Not;
    }
    let Some(at_cut_off) = record_on(&p.record, &p.events, to) else {
        return Counted::Not;
    };
    let received_within = at_cut_off.received_on.as_str() >= first_day;
    // A duplicate received within the period is not counted twice. One carried over (not
    // yet reviewed the day before the period: then no duplicate, which is filed) and marked
    // a duplicate within it was left unprocessed from the previous period (column 1) and
    // filed in this one (column 2, "lưu đơn"; not eligible).
    if at_cut_off.duplicate_of.is_some() && received_within {
        return Counted::Not;
    }
    // Carried over: its review not complete the day before the period; or complete then
    // because it was found not eligible, and opened again within the period (classified
    // anew, the citizen having completed it): reviewed again here, so counted here (else
    // its acceptance in this period would be in no period's columns).
    let carried = !received_within
        && record_on(&p.record, &p.events, from - Duration::days(1)).is_some_and(|before| {
            if !processed(&before) {
                return true;
            }
            if before.state != PetitionState::Classified
                || before.classification.eligible != Some(false)
            {
                return false;
            }
            let last_day = to.to_string();
            p.events.iter().any(|e| {
                e.action == MoveAction::Classify
                    && e.on_date.as_str() >= first_day
                    && e.on_date.as_str() <= last_day.as_str()
            })
        });
    if !received_within && !carried {
        return Counted::Not;
    }
    let kinds = report_kinds(at_cut_off.kind, &at_cut_off.contents);
    if kinds.is_empty() {
        return Counted::Issue(format!(
            "Đơn số {} có nhiều nội dung nhưng chưa ghi đơn có những nội dung nào: sửa đơn để đánh dấu các nội dung (khiếu nại, tố cáo, kiến nghị phản ánh).",
            p.number
        ));
    }
    Counted::Units(
        kinds
            .into_iter()
            .map(|kind| Unit {
                fact: p,
                at_cut_off: at_cut_off.clone(),
                kind,
            })
            .collect(),
    )
}

/// A petition's kept carry (schema 8, `store::due`): what it adds to 02/XLD column 1 of
/// any period that begins after `since`, the last day it changed (received or moved). Such
/// a period sees it the same on the day before it and at its end (no move between), so
/// the same for every one of them: `None` when it is not carried over (HĐND's, a
/// duplicate, its review complete), else its units, which count in column 1 only (its
/// review not complete, no other column takes it). `Some(0)`: the report names it as an
/// issue instead, so each report reads it in full.
pub(crate) fn carry_of(p: &PetitionFact, since: NaiveDate) -> Option<u32> {
    let day = since + Duration::days(1);
    match counted(p, day, &day.to_string(), day) {
        Counted::Not => None,
        Counted::Issue(_) => Some(0),
        Counted::Units(units) => {
            debug_assert!(units.iter().all(|u| !u.processed()));
            Some(units.len() as u32)
        }
    }
}

/// The column of 02/XLD's "kết quả xử lý" of a petition outside competence: guided
/// (24), with a petition returned to the citizen with guidance (TT 04/2021's "trả lại
/// đơn và hướng dẫn"); transferred (25), with a petition the competent body was urged
/// about (đôn đốc, a column TT 06/2025 no longer has: the matter was sent on).
fn outside_result(u: &Unit) -> Option<u16> {
    match u.at_cut_off.state {
        PetitionState::Guided | PetitionState::Returned => Some(24),
        PetitionState::Transferred | PetitionState::Urged => Some(25),
        _ => None,
    }
}

/// 02/XLD.
pub(crate) fn xld02(facts: &PeriodFacts) -> Computed {
    xld02_parts(facts).0
}

/// How 02/XLD column 1 is made up, for the report's sentence: the units (one per content
/// counted) of the petitions received within the period and of those carried over from
/// before it, and the mixed petitions received within it that count as several units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Column1 {
    pub received: u32,
    pub carried: u32,
    pub mixed: u32,
    pub mixed_units: u32,
}

/// 02/XLD and how its column 1 is made up.
pub(crate) fn xld02_parts(facts: &PeriodFacts) -> (Computed, Column1) {
    let (units, issues) = xld_units(facts);
    let column1 = column1(facts, &units);
    let n = |f: &dyn Fn(&Unit) -> bool| units.iter().filter(|u| f(u)).count();
    let within = |k: PetitionKind| move |u: &Unit| u.within() && u.kind == k;
    let complaint = within(PetitionKind::Complaint);
    let denunciation = within(PetitionKind::Denunciation);
    let proposal = within(PetitionKind::Proposal);
    let cases: BTreeSet<&str> = units
        .iter()
        .filter(|u| u.within())
        .map(|u| u.at_cut_off.case_id.as_str())
        .collect();
    let round = |u: &Unit| u.at_cut_off.classification.round;
    // The groups of the field the petition had at the cut-off.
    let g = |u: &Unit| u.fact.groups_of(u.at_cut_off.field_code.as_deref());
    let values = counts(
        25,
        &[
            (1, units.len() + facts.carried_units as usize),
            (2, n(&|u| u.processed())),
            (3, n(&|u| u.eligible())),
            (4, n(&|u| u.within())),
            (5, cases.len()),
            (6, n(&complaint)),
            (7, n(&|u| complaint(u) && round(u) == Round::First)),
            (8, n(&|u| complaint(u) && round(u) == Round::Subsequent)),
            (
                9,
                n(&|u| complaint(u) && g(u).complaint == ComplaintGroup::Land),
            ),
            (
                10,
                n(&|u| complaint(u) && g(u).complaint == ComplaintGroup::Policy),
            ),
            (
                11,
                n(&|u| complaint(u) && g(u).complaint == ComplaintGroup::Other),
            ),
            (12, n(&denunciation)),
            (13, n(&|u| denunciation(u) && round(u) == Round::First)),
            (14, n(&|u| denunciation(u) && round(u) == Round::Subsequent)),
            (
                15,
                n(&|u| denunciation(u) && g(u).denunciation == DenunciationGroup::Administrative),
            ),
            (
                16,
                n(&|u| denunciation(u) && g(u).denunciation == DenunciationGroup::Corruption),
            ),
            (
                17,
                n(&|u| denunciation(u) && g(u).denunciation == DenunciationGroup::Justice),
            ),
            (
                18,
                n(&|u| denunciation(u) && g(u).denunciation == DenunciationGroup::Other),
            ),
            (19, n(&proposal)),
            (
                20,
                n(&|u| proposal(u) && g(u).proposal == ProposalGroup::Policy),
            ),
            (
                21,
                n(&|u| proposal(u) && g(u).proposal == ProposalGroup::Land),
            ),
            (
                22,
                n(&|u| proposal(u) && g(u).proposal == ProposalGroup::Other),
            ),
            (23, n(&|u| u.outside())),
            (24, n(&|u| u.outside() && outside_result(u) == Some(24))),
            (25, n(&|u| u.outside() && outside_result(u) == Some(25))),
        ],
    );
    (Computed { values, issues }, column1)
}

/// Column 1's parts from its units (a petition's units are next to one another).
fn column1(facts: &PeriodFacts, units: &[Unit]) -> Column1 {
    let from = facts.period.from.to_string();
    let mut parts = Column1 {
        carried: facts.carried_units,
        ..Column1::default()
    };
    for same in units.chunk_by(|a, b| std::ptr::eq(a.fact, b.fact)) {
        let n = same.len() as u32;
        if same[0].at_cut_off.received_on >= from {
            parts.received += n;
            if n > 1 {
                parts.mixed += 1;
                parts.mixed_units += n;
            }
        } else {
            parts.carried += n;
        }
    }
    parts
}

/// Where a case of 03/GQKN or 04/GQTC stands at the cut-off (columns 3–6), by its
/// petition's state: being considered for acceptance, accepted, not accepted, withdrawn
/// in full or terminated.
fn acceptance_column(state: PetitionState) -> Option<u16> {
    match state {
        PetitionState::Classified => Some(3),
        PetitionState::Accepted | PetitionState::Suspended | PetitionState::Resolved => Some(4),
        PetitionState::Declined => Some(5),
        PetitionState::Withdrawn | PetitionState::Terminated => Some(6),
        _ => None,
    }
}

/// The column of a decision (03/GQKN) or a conclusion (04/GQTC) by its round and outcome.
fn decision_column(kind: PetitionKind, round: Round, outcome: Option<Outcome>) -> Option<u16> {
    use Outcome::*;
    match (kind, round, outcome?) {
        (PetitionKind::Complaint, Round::First, Right) => Some(8),
        (PetitionKind::Complaint, Round::First, Wrong) => Some(9),
        (PetitionKind::Complaint, Round::First, PartlyRight) => Some(10),
        (PetitionKind::Complaint, Round::Subsequent, Upheld) => Some(11),
        (PetitionKind::Complaint, Round::Subsequent, Annulled) => Some(12),
        (PetitionKind::Denunciation, Round::First, Right) => Some(8),
        (PetitionKind::Denunciation, Round::First, Wrong) => Some(9),
        (PetitionKind::Denunciation, Round::First, PartlyRight) => Some(10),
        (PetitionKind::Denunciation, Round::Subsequent, Right) => Some(11),
        (PetitionKind::Denunciation, Round::Subsequent, Wrong) => Some(12),
        (PetitionKind::Denunciation, Round::Subsequent, PartlyRight) => Some(13),
        _ => None,
    }
}

/// 03/GQKN (complaints) or 04/GQTC (denunciations): columns 1–7 and the decisions by
/// round and outcome from the lifecycle; the recoveries and referrals are typed.
pub(crate) fn resolution(facts: &PeriodFacts, kind: PetitionKind) -> Computed {
    let columns = if kind == PetitionKind::Complaint {
        23
    } else {
        25
    };
    let (units, mut issues) = xld_units(facts);
    let mine: Vec<&Unit> = units
        .iter()
        .filter(|u| u.within() && u.kind == kind)
        .collect();
    // A case counts once. Its petitions may stand differently at the cut-off (one
    // accepted, a later one on the same matter declined as already being resolved): the
    // case is accepted if any of them is, else still being considered if any is; a case
    // whose resolution began and was then withdrawn or terminated is in column 6 ("rút
    // đơn, đình chỉ giải quyết") though other petitions on it were declined as being
    // resolved; else declined if any is; withdrawn before acceptance (column 6) only when
    // all of them are.
    let standing = |column: Option<u16>, accepted_before: bool| match column {
        Some(4) => 5,
        Some(3) => 4,
        Some(6) if accepted_before => 3,
        Some(5) => 2,
        Some(6) => 1,
        _ => 0,
    };
    let cut_off = facts.period.to.to_string();
    let mut cases: BTreeMap<&str, (Option<u16>, u8)> = BTreeMap::new();
    for u in &mine {
        let column = acceptance_column(u.at_cut_off.state);
        let accepted_before = u
            .fact
            .events
            .iter()
            .any(|e| e.action == MoveAction::Accept && e.on_date <= cut_off);
        if column.is_none() {
            issues.push(format!(
                "Đơn số {} ({} thuộc thẩm quyền, đủ điều kiện xử lý) đang ở bước “{}” tại ngày chốt số liệu: không thuộc cột nào của phần “Phân tích kết quả”; kiểm tra lại phân loại hoặc bước xử lý của đơn.",
                u.fact.number,
                kind.label().to_lowercase(),
                u.at_cut_off.state.label()
            ));
        }
        let rank = standing(column, accepted_before);
        let entry = cases
            .entry(u.at_cut_off.case_id.as_str())
            .or_insert((None, 0));
        if rank > entry.1 {
            *entry = (column, rank);
        }
    }
    let in_column = |c: u16| cases.values().filter(|v| v.0 == Some(c)).count();
    let mut set = vec![
        (1, mine.len()),
        (2, cases.len()),
        (3, in_column(3)),
        (4, in_column(4)),
        (5, in_column(5)),
        (6, in_column(6)),
    ];
    // Decisions (conclusions) issued in the period: the resolutions recorded on a date
    // inside it, whenever the petition came.
    let (from, to) = (facts.period.from.to_string(), facts.period.to.to_string());
    let mut by_column: BTreeMap<u16, usize> = BTreeMap::new();
    let mut issued = 0;
    for p in facts
        .petitions
        .iter()
        .filter(|p| crate::report::of_the_committee(p))
    {
        for e in p
            .events
            .iter()
            .filter(|e| e.action == MoveAction::Resolve && e.on_date >= from && e.on_date <= to)
        {
            let Some(at) = record_on(&p.record, &p.events, facts.period.to) else {
                continue;
            };
            if at.kind != kind || at.duplicate_of.is_some() {
                continue;
            }
            let outcome = e
                .details
                .as_ref()
                .and_then(|d| d.pointer("/after/outcome"))
                .and_then(|o| serde_json::from_value::<Outcome>(o.clone()).ok())
                .or(at.outcome);
            issued += 1;
            match decision_column(kind, at.classification.round, outcome) {
                Some(c) => *by_column.entry(c).or_default() += 1,
                None => issues.push(format!(
                    "Đơn số {}: kết quả giải quyết ngày {} không xếp được vào cột nào (lần giải quyết và kết quả không khớp).",
                    p.number, e.on_date
                )),
            }
        }
    }
    set.push((7, issued));
    let last = if kind == PetitionKind::Complaint {
        12
    } else {
        13
    };
    for c in 8..=last {
        set.push((c, by_column.get(&c).copied().unwrap_or(0)));
    }
    Computed {
        values: counts(columns, &set),
        issues,
    }
}

/// 05/KQTH: the register holds the decisions and conclusions issued in the period (part
/// of columns 1 and 16); the rest is typed.
pub(crate) fn kqth05(decisions: f64, conclusions: f64) -> Computed {
    let mut values = vec![None; 31];
    values[0] = Some(decisions);
    values[15] = Some(conclusions);
    Computed {
        values,
        issues: vec![],
    }
}

/// 06/QLKNTC: state management work the register does not hold; all typed.
pub(crate) fn qlkntc06() -> Computed {
    Computed {
        values: vec![None; 17],
        issues: vec![],
    }
}

/// The computation of a table (05 needs 03's and 04's decisions).
pub(crate) fn compute(form: FormId, facts: &PeriodFacts, report: &PeriodReport) -> Computed {
    match form {
        FormId::Tcd01 => tcd01(report),
        FormId::Xld02 => xld02(facts),
        FormId::Gqkn03 => resolution(facts, PetitionKind::Complaint),
        FormId::Gqtc04 => resolution(facts, PetitionKind::Denunciation),
        FormId::Kqth05 => {
            let seven = |k| resolution(facts, k).values[6].unwrap_or(0.0);
            kqth05(
                seven(PetitionKind::Complaint),
                seven(PetitionKind::Denunciation),
            )
        }
        FormId::Qlkntc06 | FormId::So | FormId::AllTables | FormId::Report => qlkntc06(),
    }
}
