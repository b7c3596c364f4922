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

/// A count as a Vietnamese reader writes it: "1.234" (a dot between thousands).
fn n(count: u32) -> String {
    crate::text::group(u64::from(count))
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
        format!(
            "{} đơn {}",
            n(counts.mixed),
            kind_words(PetitionKind::Mixed)
        )
    } else {
        format!(
            "{} đơn {} ({})",
            n(counts.mixed),
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
            k => format!("{} đơn {}", n(counts.get(*k)), kind_words(*k)),
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
            n(b.delegations),
            n(b.delegation_people)
        )
    }
}

/// "Có 14 buổi tiếp của Chủ tịch UBND phường X không có công dân đến." when some
/// sessions of a block that did receive people had nobody come.
fn empty_sessions_sentence(whose: &str, b: &BlockTotals) -> Option<String> {
    (b.empty_sessions > 0 && b.visits > 0).then(|| {
        format!(
            "Có {} buổi tiếp của {whose} không có công dân đến.",
            n(b.empty_sessions)
        )
    })
}

/// The sentence of a head's block (chairman, or a deputy by delegation).
fn head_sentence(subject: &str, b: &BlockTotals, within: &str) -> String {
    if b.visits == 0 {
        return if b.sessions == 0 {
            format!("{subject} không có buổi tiếp công dân nào {within}.")
        } else {
            format!(
                "{subject} đã tổ chức {} buổi tiếp công dân, không có công dân đến.",
                n(b.sessions)
            )
        };
    }
    format!(
        "{subject} đã tiếp {} người với {} lượt{}, {} của công dân, tổ chức.",
        n(b.people),
        n(b.visits),
        delegations_clause(b),
        petitions_phrase(&b.petitions_at_visits)
    )
}

/// "Ban tiếp công dân: đã tiếp 44 người, với 36 lượt công dân, không có đoàn đông
/// người. Trong đó công dân đến phản ánh, kiến nghị kèm theo đơn: 21 đơn/21 lượt."
fn officer_sentence(team: &str, b: &BlockTotals, within: &str) -> String {
    if b.visits == 0 {
        return if b.sessions == 0 {
            format!("{team}: không có công dân đến {within}.")
        } else if b.empty_sessions == b.sessions {
            format!(
                "{team}: đã tổ chức {} buổi tiếp công dân, không có công dân đến.",
                n(b.sessions)
            )
        } else {
            // People came, but every visit had the chairman and is counted under him.
            format!(
                "{team}: đã tổ chức {} buổi tiếp công dân; các lượt tiếp trong các buổi này có Chủ tịch cùng tiếp nên được tính cho Chủ tịch.",
                n(b.sessions)
            )
        };
    }
    // One "với" per sentence: "có 1 đoàn đông người (6 người)".
    let delegations = if b.delegations == 0 {
        "không có đoàn đông người".to_string()
    } else {
        format!(
            "có {} đoàn đông người ({} người)",
            n(b.delegations),
            n(b.delegation_people)
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
        // With more than one kind, each is counted: "(2 đơn khiếu nại, 19 đơn phản ánh,
        // kiến nghị)".
        let by_kind: Vec<String> = PetitionKind::ALL
            .iter()
            .filter(|k| petitions.get(**k) > 0)
            .map(|k| format!("{} đơn {}", n(petitions.get(*k)), kind_words(*k)))
            .collect();
        let detail = if by_kind.len() > 1 {
            format!(" ({})", by_kind.join(", "))
        } else {
            String::new()
        };
        format!(
            "Trong đó công dân đến {} kèm theo đơn: {} đơn/{} lượt{detail}.",
            kinds.join(", "),
            n(petitions.total),
            n(b.visits_with_petition)
        )
    };
    format!(
        "{team}: đã tiếp {} người, với {} lượt công dân, {}. {}",
        n(b.people),
        n(b.visits),
        delegations,
        with_petitions
    )
}

/// "tăng 3 (từ 12 lên 15)", "giảm 2 (từ 8 xuống 6)", "không đổi (20)", and for none in
/// either period "không đổi (cả hai kỳ đều không có)".
fn change_words(before: u32, now: u32) -> String {
    let (b, w) = (n(before), n(now));
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("tăng {} (từ {b} lên {w})", n(now - before)),
        std::cmp::Ordering::Less => format!("giảm {} (từ {b} xuống {w})", n(before - now)),
        std::cmp::Ordering::Equal if now == 0 => "không đổi (cả hai kỳ đều không có)".to_string(),
        std::cmp::Ordering::Equal => format!("không đổi ({w})"),
    }
}

/// "Tổng cộng đã tiếp 58 lượt, 60 người, 45 vụ việc, 1 đoàn đông người (6 người)." (01/TCD
/// columns 1–4, one "với" nowhere).
fn totals_sentence(r: &PeriodReport) -> Option<String> {
    let t = &r.reception;
    (t.visits > 0).then(|| {
        let delegations = if t.delegations == 0 {
            "không có đoàn đông người".to_string()
        } else {
            format!(
                "{} đoàn đông người ({} người)",
                n(t.delegations),
                n(t.delegation_people)
            )
        };
        format!(
            "Tổng cộng đã tiếp {} lượt, {} người, {} vụ việc, {delegations}.",
            n(t.visits),
            n(t.people),
            n(t.cases)
        )
    })
}

/// "trong kỳ" → "Trong kỳ".
pub(crate) fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The petitions handled, as 02/XLD counts them; what there is none of said in words
/// ("chưa có đơn nào được xử lý", "không có đơn thuộc thẩm quyền"), never "0 đơn".
fn handling_sentence(r: &PeriodReport, within: &str) -> String {
    let h = &r.handling;
    if h.total == 0 {
        return format!("Không có đơn phải xử lý {within}.");
    }
    // Column 1 said with its parts: a reader who was just told how many petitions were
    // received must not take the units of mixed petitions for petitions carried over.
    let parts = match (h.received, h.carried) {
        (0, _) => format!("đều là đơn kỳ trước chuyển sang (không có đơn tiếp nhận {within})"),
        (received, 0) => format!(
            "gồm {} đơn tiếp nhận {within} và không có đơn kỳ trước chuyển sang",
            n(received)
        ),
        (received, carried) => format!(
            "gồm {} đơn tiếp nhận {within} và {} đơn kỳ trước chuyển sang",
            n(received),
            n(carried)
        ),
    };
    let mixed = if h.mixed == 0 {
        String::new()
    } else {
        format!(
            " (đơn có nhiều nội dung được tính theo từng nội dung: {} đơn nhiều nội dung tiếp nhận {within} tính thành {} đơn)",
            n(h.mixed),
            n(h.mixed_units)
        )
    };
    let handled = if h.processed == 0 {
        "chưa có đơn nào được xử lý".to_string()
    } else if h.eligible == 0 {
        format!(
            "đã xử lý {} đơn, trong đó không có đơn đủ điều kiện xử lý",
            n(h.processed)
        )
    } else {
        let within_competence = if h.within == 0 {
            "không có đơn thuộc thẩm quyền".to_string()
        } else {
            format!(
                "{} đơn thuộc thẩm quyền ({} vụ việc)",
                n(h.within),
                n(h.cases_within)
            )
        };
        format!(
            "đã xử lý {} đơn, trong đó {} đơn đủ điều kiện xử lý, {within_competence}",
            n(h.processed),
            n(h.eligible)
        )
    };
    let mut s = format!(
        "Tổng số đơn phải xử lý: {} đơn, {parts}{mixed}; {handled}",
        n(h.total)
    );
    let outside = match (h.guided, h.transferred) {
        (0, 0) => None,
        (guided, 0) => Some(format!("hướng dẫn {} đơn, không chuyển đơn nào", n(guided))),
        (0, transferred) => Some(format!(
            "chuyển {} đơn, không hướng dẫn đơn nào",
            n(transferred)
        )),
        (guided, transferred) => Some(format!(
            "hướng dẫn {} đơn, chuyển {} đơn",
            n(guided),
            n(transferred)
        )),
    };
    if let Some(outside) = outside {
        s.push_str(&format!("; đơn không thuộc thẩm quyền: {outside}"));
    }
    s.push('.');
    s
}

/// The chairman's scheduled (định kỳ) reception days against the legal minimum, which is
/// about them (Luật Tiếp công dân 2013, Điều 15 k3: ad hoc reception is besides it); the
/// days with ad hoc sessions only, said after.
fn minimum_sentence(r: &PeriodReport, chairman: &str, per_month: u32) -> Option<String> {
    let days = r.chairman_scheduled_days;
    let least = r.chairman_minimum_days;
    let ad_hoc = r.chairman.reception_days.saturating_sub(days);
    let besides = if ad_hoc > 0 {
        format!("; ngoài ra tiếp công dân đột xuất {} ngày", n(ad_hoc))
    } else {
        String::new()
    };
    let (days_words, least_words) = (n(days), n(least));
    // A day every week, not a total (Luật Tiếp công dân 2013, Điều 15 k3).
    let missed = r.chairman_weeks_without;
    // From 01/7/2026, so many days every month (a setting), not a total either.
    let months_short = r.chairman_months_short;
    let mut gaps = Vec::new();
    if missed > 0 {
        gaps.push(format!(
            "{} tuần không có ngày tiếp công dân định kỳ nào",
            n(missed)
        ));
    }
    if months_short > 0 {
        gaps.push(format!(
            "{} tháng có dưới {} ngày tiếp công dân định kỳ",
            n(months_short),
            n(per_month)
        ));
    }
    let weeks_missed = if gaps.is_empty() {
        String::new()
    } else {
        format!(": {}", gaps.join(", "))
    };
    (least > 0).then(|| match &r.as_of {
        // The period is not over: the days so far, against the whole period's minimum.
        Some(today) if days == 0 => format!(
            "Đến ngày {}, {chairman} chưa tiếp công dân định kỳ ngày nào; mức tối thiểu của cả kỳ là {least_words} ngày ({}){besides}.",
            crate::text::vn_date(today),
            r.chairman_minimum_rule
        ),
        // (Never a verdict before the end: a day is owed in each week still to come.)
        Some(today) => format!(
            "Đến ngày {}, {chairman} đã tiếp công dân định kỳ {days_words} ngày; mức tối thiểu của cả kỳ là {least_words} ngày ({}){weeks_missed}{besides}.",
            crate::text::vn_date(today),
            r.chairman_minimum_rule
        ),
        _ if days == 0 => format!(
            "{chairman} không tiếp công dân định kỳ ngày nào, chưa đạt mức tối thiểu {least_words} ngày ({}){besides}.",
            r.chairman_minimum_rule
        ),
        _ => {
            let verdict = if days >= least && missed == 0 && months_short == 0 {
                "đạt"
            } else {
                "chưa đạt"
            };
            format!(
                "{chairman} tiếp công dân định kỳ {days_words} ngày, {verdict} mức tối thiểu {least_words} ngày ({}){weeks_missed}{besides}.",
                r.chairman_minimum_rule
            )
        }
    })
}

/// "So với kỳ trước (Quý III năm 2026, 15/06/2026 – 14/09/2026): số lượt tiếp tăng 3 (từ 12
/// lên 15), …": a reporting period named as a report's title names it, with its dates.
fn comparison_sentence(r: &PeriodReport) -> Option<String> {
    let p = r.previous.as_ref()?;
    let label = crate::period::Period::parse(&p.period.from, &p.period.to)
        .map(|x| {
            let title = super::document::period_title(x);
            if title.starts_with("từ ngày") {
                title
            } else {
                format!("{title}, {}", x.label())
            }
        })
        .unwrap_or_default();
    // Nine months are set beside the same nine months a year before (`Period::previous`).
    let year_before = crate::period::Period::parse(&r.period.from, &r.period.to)
        .is_ok_and(|now| now.previous() == now.year_before());
    let before = if year_before {
        "cùng kỳ năm trước"
    } else {
        "kỳ trước"
    };
    let with = if p.so_far {
        // The period under way beside as many first days of the previous one.
        let days = crate::period::Period::parse(&p.period.from, &p.period.to)
            .map(|x| (x.to - x.from).num_days() + 1)
            .unwrap_or(0);
        let dates = format!(
            "{} – {}",
            crate::text::vn_date(&p.period.from),
            crate::text::vn_date(&p.period.to)
        );
        format!("cùng {days} ngày đầu của {before} ({dates})")
    } else {
        format!("{before} ({label})")
    };
    Some(format!(
        "So với {with}: số lượt tiếp {}, số người được tiếp {}, số vụ việc {}, số đơn tiếp nhận {}.",
        change_words(p.visits, r.reception.visits),
        change_words(p.people, r.reception.people),
        change_words(p.cases, r.reception.cases),
        change_words(p.petitions, r.petitions_received.total),
    ))
}

/// "Điều chỉnh số liệu kỳ trước: Quý III năm 2026 (…) có 2 thay đổi sau khi khóa: …".
fn adjustment_sentences(r: &PeriodReport) -> Vec<String> {
    r.adjustments
        .iter()
        .map(|a| {
            let changes = if a.differences.is_empty() {
                "số liệu các biểu không đổi".to_string()
            } else {
                a.differences.join("; ")
            };
            format!(
                "Điều chỉnh số liệu kỳ trước: {} có {} thay đổi sau khi khóa số liệu ({changes}).",
                a.label,
                n(a.changes)
            )
        })
        .collect()
}

/// The sentences of a period report, in the order a report quotes them; `within` names
/// the period ("trong kỳ", "trong tuần").
pub fn sentences(r: &PeriodReport, settings: &Settings, within: &str) -> Vec<String> {
    let unit = settings.unit_name.trim();
    let chairman = format!("Chủ tịch UBND {unit}");
    let team = settings.reception_team_name.trim();
    let council = format!("Thường trực HĐND {unit}");
    let mut out = vec![head_sentence(&chairman, &r.chairman, within)];
    out.extend(empty_sessions_sentence(&chairman, &r.chairman));
    if r.deputy.sessions > 0 || r.deputy.visits > 0 {
        let deputy = "Cấp phó được Chủ tịch ủy quyền";
        out.push(head_sentence(deputy, &r.deputy, within));
        out.extend(empty_sessions_sentence(deputy, &r.deputy));
    }
    out.push(officer_sentence(team, &r.officer, within));
    out.extend(empty_sessions_sentence(team, &r.officer));
    if r.council.sessions > 0 {
        out.push(head_sentence(&council, &r.council, within));
        out.extend(empty_sessions_sentence(&council, &r.council));
    }
    let other = r.petitions_received.total - r.petitions_by_source.visit;
    if other > 0 {
        out.push(format!(
            "Ngoài ra, {within} tiếp nhận {} đơn gửi qua bưu chính, trực tuyến hoặc do cơ quan khác chuyển đến; tổng số đơn tiếp nhận {within}: {} đơn.",
            n(other),
            n(r.petitions_received.total)
        ));
    }
    if r.duplicates_received > 0 {
        out.push(format!(
            "{} có {} đơn trùng (gửi lại đơn đang xử lý) được lưu, không tính vào số đơn tiếp nhận.",
            capitalised(within),
            n(r.duplicates_received)
        ));
    }
    out.extend(totals_sentence(r));
    out.push(handling_sentence(r, within));
    out.extend(minimum_sentence(
        r,
        &chairman,
        settings.report.chairman_days_per_month,
    ));
    out.extend(comparison_sentence(r));
    out.extend(adjustment_sentences(r));
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
    fn a_change_is_said_with_grouped_figures_and_none_in_words() {
        assert_eq!(change_words(12, 15), "tăng 3 (từ 12 lên 15)");
        assert_eq!(change_words(8, 6), "giảm 2 (từ 8 xuống 6)");
        assert_eq!(change_words(0, 2), "tăng 2 (từ 0 lên 2)");
        assert_eq!(change_words(20, 20), "không đổi (20)");
        assert_eq!(change_words(0, 0), "không đổi (cả hai kỳ đều không có)");
        assert_eq!(change_words(999, 12_345), "tăng 11.346 (từ 999 lên 12.345)");
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
