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

/// The chairman's least reception days over a period, and the rule in words. Luật Tiếp
/// công dân 2013 Điều 15 k3: at least one day a week (each week whose working days on
/// `calendar` all lie inside the period: a Tết week off has none and does not count).
/// From 01/7/2026 the amended law's number is not settled (domain.md §4):
/// `per_month_from_2026` days in each whole calendar month inside the period, the months
/// [`chairman_months_short`] judges (a month cut by the period's bounds owes nothing in it:
/// its days may be held after the period ends).
pub fn chairman_minimum_days(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    per_month_from_2026: u32,
    calendar: &crate::law::calendar::Calendar,
) -> (u32, String) {
    let switch = crate::law::regime::law_2025_in_force();
    let mut days = 0u32;
    let mut rules = Vec::new();
    if from < switch {
        days += chairman_weeks(from, to, calendar).len() as u32;
        rules.push("Luật Tiếp công dân 2013, Điều 15: ít nhất 1 ngày mỗi tuần".to_string());
    }
    if to >= switch {
        days += whole_months(from, to).len() as u32 * per_month_from_2026;
        rules.push(format!(
            "từ 01/7/2026: ít nhất {per_month_from_2026} ngày mỗi tháng trọn trong kỳ"
        ));
    }
    (days, rules.join("; "))
}

/// The whole calendar months of `from`–`to` under the amended law (from 01/7/2026): each
/// month's first and last day.
fn whole_months(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Vec<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::{Datelike, Duration, Months};
    let start = from.max(crate::law::regime::law_2025_in_force());
    let mut first = start.with_day(1).expect("day 1");
    if first < start {
        first = first + Months::new(1);
    }
    let mut out = Vec::new();
    loop {
        let last = first + Months::new(1) - Duration::days(1);
        if last > to {
            return out;
        }
        out.push((first, last));
        first = first + Months::new(1);
    }
}

/// The weeks the chairman's weekly minimum is counted on (Luật Tiếp công dân 2013, Điều 15
/// k3, in force until 30/6/2026): each week, Monday to Sunday, before 01/7/2026, that has
/// a working day on `calendar` and all of whose working days lie inside `from`–`to` (a
/// Tết week off has none; a week whose weekend falls in the next period is this one's; a
/// year the calendar does not know counts every day as working, nothing guessed away);
/// their Mondays.
pub fn chairman_weeks(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    calendar: &crate::law::calendar::Calendar,
) -> Vec<chrono::NaiveDate> {
    use chrono::{Datelike, Duration};
    let end = to.min(crate::law::regime::law_2025_in_force() - Duration::days(1));
    let mut monday = from - Duration::days(from.weekday().num_days_from_monday() as i64);
    let mut weeks = vec![];
    while monday <= end {
        let working: Vec<_> = (0..7)
            .map(|i| monday + Duration::days(i))
            .filter(|d| calendar.is_working_day(*d).unwrap_or(true))
            .collect();
        if working.first().is_some_and(|d| *d >= from) && working.last().is_some_and(|d| *d <= end)
        {
            weeks.push(monday);
        }
        monday += Duration::days(7);
    }
    weeks
}

/// Of the weeks the weekly minimum counts (`chairman_weeks`) that ended by `until`, those
/// with none of the chairman's scheduled reception `days`: "ít nhất 01 ngày trong 01 tuần"
/// is a day in every week, not a total (thirteen days in the first three weeks of a
/// quarter miss the ten weeks after).
pub fn chairman_weeks_without(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    until: chrono::NaiveDate,
    days: &std::collections::BTreeSet<chrono::NaiveDate>,
    calendar: &crate::law::calendar::Calendar,
) -> u32 {
    let week = chrono::Duration::days(6);
    chairman_weeks(from, to, calendar)
        .into_iter()
        .filter(|monday| (*monday + week).min(to) <= until)
        .filter(|monday| days.range(*monday..=*monday + week).next().is_none())
        .count() as u32
}

/// The whole calendar months of `from`–`to` under the amended law (from 01/7/2026), over
/// by `until`, in which the chairman held fewer than `per_month` scheduled reception
/// `days`: "ít nhất N ngày mỗi tháng" is owed in every month, not as a total over the
/// period (as the weekly rule before it). A month cut by the period's bounds (a quarter
/// runs from the 15th to the 14th) is judged in neither period.
pub fn chairman_months_short(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    until: chrono::NaiveDate,
    per_month: u32,
    days: &std::collections::BTreeSet<chrono::NaiveDate>,
) -> u32 {
    if per_month == 0 {
        return 0;
    }
    whole_months(from, to)
        .into_iter()
        .filter(|(first, last)| {
            *last <= until && (days.range(*first..=*last).count() as u32) < per_month
        })
        .count() as u32
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
    fn the_chairmans_least_reception_days() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let calendar = crate::law::calendar::Calendar::embedded();
        // Quý I 2026 (15/12/2025 Mon – 14/3/2026 Sat): weeks Mon 15/12 … Mon 9/3 (its
        // working days end Fri 13/3, inside; its weekend is Quý II's) = 13, less the week
        // of Mon 16/2 – Sun 22/2 wholly off for Tết = 12.
        let (days, rule) = chairman_minimum_days(d(2025, 12, 15), d(2026, 3, 14), 2, &calendar);
        assert_eq!(days, 12);
        assert!(rule.contains("1 ngày mỗi tuần"));
        // The week of Mon 10/3/2025 (working days to Fri 14/3, the last day of Quý I 2025)
        // is Quý I's; Quý II 2025 (from Sat 15/3) starts with the week of Mon 17/3.
        assert_eq!(
            chairman_weeks(d(2024, 12, 15), d(2025, 3, 14), &calendar).last(),
            Some(&d(2025, 3, 10))
        );
        assert_eq!(
            chairman_weeks(d(2025, 3, 15), d(2025, 6, 14), &calendar).first(),
            Some(&d(2025, 3, 17))
        );
        // A week cut by the period's start on a working day is not this period's.
        assert_eq!(
            chairman_weeks(d(2025, 3, 12), d(2025, 3, 31), &calendar).first(),
            Some(&d(2025, 3, 17))
        );
        // Quý IV 2026 (15/9–14/12/2026), 2 a month: the whole months October and November
        // (September's and December's days may be held in the quarters beside).
        let (days, rule) = chairman_minimum_days(d(2026, 9, 15), d(2026, 12, 14), 2, &calendar);
        assert_eq!(days, 4);
        assert!(rule.contains("2 ngày mỗi tháng trọn trong kỳ"));
        assert!(
            !rule.contains("cài đặt"),
            "no settings words in a report: {rule}"
        );
        // Across 01/7/2026: Quý III (15/6–14/9/2026): weeks Mon 15/6 and 22/6 (the week of
        // 29/6 runs into the amended law) = 2, then July and August, 2 each: 6 days.
        let (days, _) = chairman_minimum_days(d(2026, 6, 15), d(2026, 9, 14), 2, &calendar);
        assert_eq!(days, 6);
        // A day in every week, not a total: Quý II 2026 (15/3–14/6) has 13 weeks; 13 days
        // in its first three weeks leave 10 weeks without one; a day each week, none.
        let (from, to) = (d(2026, 3, 15), d(2026, 6, 14));
        assert_eq!(chairman_minimum_days(from, to, 2, &calendar).0, 13);
        let early: std::collections::BTreeSet<_> = (16..=31)
            .map(|day| d(2026, 3, day))
            .chain([d(2026, 4, 1)])
            .filter(|x| calendar.is_working_day(*x).unwrap())
            .collect();
        assert_eq!(early.len(), 13);
        assert_eq!(chairman_weeks_without(from, to, to, &early, &calendar), 10);
        // So far (to Sunday 12/4): the weeks of 6/4 only.
        assert_eq!(
            chairman_weeks_without(from, to, d(2026, 4, 12), &early, &calendar),
            1
        );
        assert_eq!(
            chairman_weeks_without(from, to, d(2026, 4, 11), &early, &calendar),
            0
        );
        let weekly: std::collections::BTreeSet<_> = chairman_weeks(from, to, &calendar)
            .into_iter()
            .map(|monday| monday + chrono::Duration::days(3))
            .collect();
        assert_eq!(chairman_weeks_without(from, to, to, &weekly, &calendar), 0);
        // From 01/7/2026, two days in every month, not a total: six days early in August
        // leave September and October short; a whole month is judged once it is over.
        let august: std::collections::BTreeSet<_> = (3..=8).map(|day| d(2026, 8, day)).collect();
        let (from, to) = (d(2026, 8, 1), d(2026, 10, 31));
        assert_eq!(chairman_minimum_days(from, to, 2, &calendar).0, 6);
        assert_eq!(chairman_months_short(from, to, to, 2, &august), 2);
        assert_eq!(
            chairman_months_short(from, to, d(2026, 10, 30), 2, &august),
            1
        );
        assert_eq!(
            chairman_months_short(from, to, d(2026, 9, 29), 2, &august),
            0
        );
        let two_a_month: std::collections::BTreeSet<_> = [8, 9, 10]
            .into_iter()
            .flat_map(|m| [d(2026, m, 5), d(2026, m, 19)])
            .collect();
        assert_eq!(chairman_months_short(from, to, to, 2, &two_a_month), 0);
        assert_eq!(chairman_months_short(from, to, to, 3, &two_a_month), 3);
        assert_eq!(chairman_months_short(from, to, to, 0, &august), 0);
        // Quý IV (15/9–14/12/2026): only October and November are whole; June and a
        // quarter before 01/7/2026 are the weekly rule's.
        let none = std::collections::BTreeSet::new();
        assert_eq!(
            chairman_months_short(d(2026, 9, 15), d(2026, 12, 14), d(2026, 12, 14), 2, &none),
            2
        );
        assert_eq!(
            chairman_months_short(d(2026, 3, 15), d(2026, 6, 30), d(2026, 6, 30), 2, &none),
            0
        );
        assert_eq!(
            chairman_months_short(d(2026, 6, 15), d(2026, 9, 14), d(2026, 9, 14), 2, &none),
            2
        );
        // One week of July: 7/31 of a month → 0.45 → 0 days (no minimum to miss).
        let (days, _) = chairman_minimum_days(d(2026, 7, 6), d(2026, 7, 12), 2, &calendar);
        assert_eq!(days, 0);
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
