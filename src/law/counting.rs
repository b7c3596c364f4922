//! What the notes under the statutory tables (TT 06/2025/TT-TTCP) settle about counting,
//! as rules the register applies when it records and when it counts.

use crate::domain::{HostGroup, PetitionKind, SessionKind};

/// "Đoàn đông người là đoàn có từ 5 người trở lên" (note under Biểu 01/TCD): a visit of
/// this many people or more is a delegation. A rule, not a setting.
pub const DELEGATION_MIN_PEOPLE: u32 = 5;

/// Whether a visit of `headcount` people is a delegation (đoàn đông người).
pub fn is_delegation(headcount: u32) -> bool {
    headcount >= DELEGATION_MIN_PEOPLE
}

/// Whether a session of this host may be of this kind: the head (the chairman, or a
/// deputy by delegation) receives on scheduled or ad hoc days (Luật Tiếp công dân 2013
/// Điều 18; columns 10 and 16 of 01/TCD count those days); regular reception is the
/// officers' (Điều 12–13). Why not, in words, when it may not.
pub fn session_kind_allowed(host: HostGroup, kind: SessionKind) -> Result<(), String> {
    match (host, kind) {
        (HostGroup::Chairman | HostGroup::Deputy, SessionKind::Regular) => Err(format!(
            "Buổi tiếp của {} là tiếp định kỳ hoặc đột xuất (Luật Tiếp công dân, Điều 18); \
             nếu Chủ tịch cùng tiếp trong buổi tiếp thường xuyên, ghi buổi của công chức và đánh dấu “Chủ tịch cùng tiếp” ở lượt tiếp.",
            host.label()
        )),
        _ => Ok(()),
    }
}

/// The kinds a petition carries, as 02/XLD classifies it: its kind, or for a petition with
/// several kinds of content (nhiều nội dung, which has no column of its own) each kind it
/// carries. Empty for a mixed petition whose contents were never recorded (old data).
pub fn report_kinds(kind: PetitionKind, contents: &[PetitionKind]) -> Vec<PetitionKind> {
    match kind {
        PetitionKind::Mixed => {
            let mut kinds: Vec<PetitionKind> = contents
                .iter()
                .copied()
                .filter(|k| *k != PetitionKind::Mixed)
                .collect();
            kinds.sort();
            kinds.dedup();
            kinds
        }
        k => vec![k],
    }
}

/// The contents recorded with a petition of `kind`: for a mixed petition, two or more of
/// khiếu nại, tố cáo, kiến nghị phản ánh (why not, in words); for another, none.
pub fn check_contents(
    kind: PetitionKind,
    contents: &[PetitionKind],
) -> Result<Vec<PetitionKind>, String> {
    if kind != PetitionKind::Mixed {
        return Ok(vec![]);
    }
    let kinds = report_kinds(kind, contents);
    if kinds.len() < 2 {
        return Err(
            "Đơn có nhiều nội dung: đánh dấu các nội dung đơn có (ít nhất hai trong khiếu nại, tố cáo, kiến nghị phản ánh)."
                .to_string(),
        );
    }
    Ok(kinds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delegation_is_five_people_or_more() {
        assert!(!is_delegation(1));
        assert!(!is_delegation(4));
        assert!(is_delegation(5));
        assert!(is_delegation(6));
        assert!(is_delegation(300));
    }

    #[test]
    fn a_mixed_petition_carries_two_kinds_or_more() {
        use PetitionKind::*;
        assert_eq!(check_contents(Complaint, &[Proposal]).unwrap(), vec![]);
        assert!(check_contents(Mixed, &[]).is_err());
        assert!(check_contents(Mixed, &[Complaint, Complaint]).is_err());
        assert!(check_contents(Mixed, &[Complaint, Mixed]).is_err());
        assert_eq!(
            check_contents(Mixed, &[Proposal, Complaint]).unwrap(),
            vec![Complaint, Proposal]
        );
        assert_eq!(report_kinds(Denunciation, &[]), vec![Denunciation]);
        assert_eq!(report_kinds(Mixed, &[]), vec![]);
    }

    #[test]
    fn the_head_never_holds_regular_reception() {
        use HostGroup::*;
        use SessionKind::*;
        for host in [Chairman, Deputy] {
            assert!(session_kind_allowed(host, Regular).is_err());
            assert!(session_kind_allowed(host, Scheduled).is_ok());
            assert!(session_kind_allowed(host, AdHoc).is_ok());
        }
        for kind in [Regular, Scheduled, AdHoc] {
            assert!(session_kind_allowed(Officer, kind).is_ok());
            assert!(session_kind_allowed(Council, kind).is_ok());
        }
    }
}
