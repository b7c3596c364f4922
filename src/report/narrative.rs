//! The report sentences, generated from the figures, in the ward's own words:
//! "Đã tiếp 14 người với 6 lượt, tiếp nhận 5 đơn phản ánh, kiến nghị, không có đơn
//! khiếu nại, tố cáo nào", with correct Vietnamese for zero counts.

use crate::domain::{PetitionKind, Settings};

use super::{BlockTotals, KindCounts, PeriodReport};

/// How a petition kind is named in a report sentence.
fn kind_words(kind: PetitionKind) -> &'static str {
    match kind {
        PetitionKind::Complaint => "khiếu nại",
        PetitionKind::Denunciation => "tố cáo",
        PetitionKind::Proposal => "phản ánh, kiến nghị",
        PetitionKind::Mixed => "có nhiều nội dung",
    }
}

const REPORTED_KINDS: [PetitionKind; 3] = [
    PetitionKind::Complaint,
    PetitionKind::Denunciation,
    PetitionKind::Proposal,
];

/// "1 đơn có nhiều nội dung (khiếu nại, phản ánh, kiến nghị)": what the mixed petitions
/// carry, so the reader knows a complaint came even without a "complaint" petition.
fn mixed_words(counts: &KindCounts) -> String {
    let carried: Vec<&str> = REPORTED_KINDS
        .iter()
        .filter(|k| counts.carrying(**k) > counts.get(**k))
        .map(|k| kind_words(*k))
        .collect();
    if carried.is_empty() {
        format!("{} đơn {}", counts.mixed, kind_words(PetitionKind::Mixed))
    } else {
        format!(
            "{} đơn {} ({})",
            counts.mixed,
            kind_words(PetitionKind::Mixed),
            carried.join(", ")
        )
    }
}

/// The kinds no petition carried: "không có đơn khiếu nại" is never said of a period in
/// which a petition with several contents carried a complaint, nor while a mixed
/// petition's contents are unknown.
fn missing_kinds(counts: &KindCounts) -> Vec<&'static str> {
    if counts.mixed_unknown > 0 {
        return vec![];
    }
    REPORTED_KINDS
        .iter()
        .filter(|k| counts.carrying(**k) == 0)
        .map(|k| kind_words(*k))
        .collect()
}

/// "tiếp nhận 5 đơn phản ánh, kiến nghị, không có đơn khiếu nại, tố cáo nào"
fn petitions_phrase(counts: &KindCounts) -> String {
    if counts.total == 0 {
        return "không tiếp nhận đơn nào".to_string();
    }
    let received: Vec<String> = PetitionKind::ALL
        .iter()
        .filter(|k| counts.get(**k) > 0)
        .map(|k| match k {
            PetitionKind::Mixed => mixed_words(counts),
            k => format!("{} đơn {}", counts.get(*k), kind_words(*k)),
        })
        .collect();
    let missing = missing_kinds(counts);
    let mut phrase = format!("tiếp nhận {}", received.join(", "));
    if !missing.is_empty() {
        phrase.push_str(&format!(", không có đơn {} nào", missing.join(", ")));
    }
    phrase
}

/// ", trong đó có 2 đoàn đông người (17 người)" or "" when there is none.
fn delegations_clause(b: &BlockTotals) -> String {
    if b.delegations == 0 {
        String::new()
    } else {
        format!(
            ", trong đó có {} đoàn đông người ({} người)",
            b.delegations, b.delegation_people
        )
    }
}

/// "Có 14 buổi tiếp của Chủ tịch UBND phường X không có công dân đến." when some
/// sessions of a block that did receive people had nobody come.
fn empty_sessions_sentence(whose: &str, b: &BlockTotals) -> Option<String> {
    (b.empty_sessions > 0 && b.visits > 0).then(|| {
        format!(
            "Có {} buổi tiếp của {whose} không có công dân đến.",
            b.empty_sessions
        )
    })
}

/// The sentence of a head's block (chairman, or a deputy by delegation).
fn head_sentence(subject: &str, b: &BlockTotals) -> String {
    if b.visits == 0 {
        return if b.sessions == 0 {
            format!("{subject} không có buổi tiếp công dân nào trong kỳ.")
        } else {
            format!(
                "{subject} đã tổ chức {} buổi tiếp công dân, không có công dân đến.",
                b.sessions
            )
        };
    }
    format!(
        "{subject} đã tiếp {} người với {} lượt{}, {} của công dân, tổ chức.",
        b.people,
        b.visits,
        delegations_clause(b),
        petitions_phrase(&b.petitions_at_visits)
    )
}

/// "Ban tiếp công dân: đã tiếp 44 người, với 36 lượt công dân, không có đoàn đông
/// người. Trong đó công dân đến phản ánh, kiến nghị kèm theo đơn: 21 đơn/21 lượt."
fn officer_sentence(team: &str, b: &BlockTotals) -> String {
    if b.visits == 0 {
        return if b.sessions == 0 {
            format!("{team}: không có công dân đến trong kỳ.")
        } else if b.empty_sessions == b.sessions {
            format!(
                "{team}: đã tổ chức {} buổi tiếp công dân, không có công dân đến.",
                b.sessions
            )
        } else {
            // People came, but every visit had the chairman and is counted under him.
            format!(
                "{team}: đã tổ chức {} buổi tiếp công dân; các lượt tiếp trong các buổi này có Chủ tịch cùng tiếp nên được tính cho Chủ tịch.",
                b.sessions
            )
        };
    }
    // One "với" per sentence: "có 1 đoàn đông người (6 người)".
    let delegations = if b.delegations == 0 {
        "không có đoàn đông người".to_string()
    } else {
        format!(
            "có {} đoàn đông người ({} người)",
            b.delegations, b.delegation_people
        )
    };
    let petitions = &b.petitions_at_visits;
    let with_petitions = if petitions.total == 0 {
        "Không có công dân nộp đơn khi đến.".to_string()
    } else {
        let kinds: Vec<&str> = REPORTED_KINDS
            .iter()
            .filter(|k| petitions.carrying(**k) > 0)
            .map(|k| kind_words(*k))
            .chain((petitions.mixed_unknown > 0).then_some(kind_words(PetitionKind::Mixed)))
            .collect();
        format!(
            "Trong đó công dân đến {} kèm theo đơn: {} đơn/{} lượt.",
            kinds.join(", "),
            petitions.total,
            b.visits_with_petition
        )
    };
    format!(
        "{team}: đã tiếp {} người, với {} lượt công dân, {}. {}",
        b.people, b.visits, delegations, with_petitions
    )
}

/// The sentences of a period report, in the order a report quotes them.
pub fn sentences(r: &PeriodReport, settings: &Settings) -> Vec<String> {
    let unit = settings.unit_name.trim();
    let chairman = format!("Chủ tịch UBND {unit}");
    let team = settings.reception_team_name.trim();
    let council = format!("Thường trực HĐND {unit}");
    let mut out = vec![head_sentence(&chairman, &r.chairman)];
    out.extend(empty_sessions_sentence(&chairman, &r.chairman));
    if r.deputy.sessions > 0 || r.deputy.visits > 0 {
        let deputy = "Cấp phó được Chủ tịch ủy quyền";
        out.push(head_sentence(deputy, &r.deputy));
        out.extend(empty_sessions_sentence(deputy, &r.deputy));
    }
    out.push(officer_sentence(team, &r.officer));
    out.extend(empty_sessions_sentence(team, &r.officer));
    if r.council.sessions > 0 {
        out.push(head_sentence(&council, &r.council));
        out.extend(empty_sessions_sentence(&council, &r.council));
    }
    let other = r.petitions_received.total - r.petitions_by_source.visit;
    if other > 0 {
        out.push(format!(
            "Ngoài ra, trong kỳ tiếp nhận {other} đơn gửi qua bưu chính, trực tuyến hoặc do cơ quan khác chuyển đến; tổng số đơn tiếp nhận trong kỳ: {} đơn.",
            r.petitions_received.total
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(complaint: u32, denunciation: u32, proposal: u32) -> KindCounts {
        KindCounts {
            complaint,
            denunciation,
            proposal,
            total: complaint + denunciation + proposal,
            ..Default::default()
        }
    }

    #[test]
    fn a_mixed_petition_is_never_called_no_complaint() {
        let mut c = counts(0, 0, 2);
        c.add(
            PetitionKind::Mixed,
            &[PetitionKind::Complaint, PetitionKind::Proposal],
        );
        assert_eq!(
            petitions_phrase(&c),
            "tiếp nhận 2 đơn phản ánh, kiến nghị, 1 đơn có nhiều nội dung (khiếu nại, phản ánh, kiến nghị), không có đơn tố cáo nào"
        );
        // Contents unknown (old data): nothing is said to be missing.
        let mut old = counts(0, 0, 1);
        old.add(PetitionKind::Mixed, &[]);
        assert_eq!(
            petitions_phrase(&old),
            "tiếp nhận 1 đơn phản ánh, kiến nghị, 1 đơn có nhiều nội dung"
        );
    }

    #[test]
    fn zero_kinds_are_said_with_khong_co() {
        assert_eq!(
            petitions_phrase(&counts(0, 0, 5)),
            "tiếp nhận 5 đơn phản ánh, kiến nghị, không có đơn khiếu nại, tố cáo nào"
        );
        assert_eq!(
            petitions_phrase(&counts(1, 0, 2)),
            "tiếp nhận 1 đơn khiếu nại, 2 đơn phản ánh, kiến nghị, không có đơn tố cáo nào"
        );
        assert_eq!(
            petitions_phrase(&counts(1, 1, 1)),
            "tiếp nhận 1 đơn khiếu nại, 1 đơn tố cáo, 1 đơn phản ánh, kiến nghị"
        );
        assert_eq!(
            petitions_phrase(&counts(0, 0, 0)),
            "không tiếp nhận đơn nào"
        );
    }
}
