use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;

use crate::domain::{HostGroup, PetitionKind, SessionKind, Settings};
use crate::error::Result;
use crate::law::calendar::Calendar;
use crate::law::counting::is_delegation;
use crate::law::lifecycle::record_on;
use crate::period::Period;
use crate::store::{
    ChartCounts, ChartFacts, ComparisonFacts, PeriodFacts, PetitionFact, Store, VisitFact,
};

use super::{
    dashboard::WeekPoint, narrative, BlockTotals, Comparison, HandlingSummary, KindCounts,
    PeriodReport, SourceCounts,
};

/// The block a visit is counted in: a regular visit in which the chairman took part
/// counts once, under the chairman (01/TCD note).
fn block_of(v: &VisitFact) -> HostGroup {
    if v.host_group == HostGroup::Officer && v.chairman_joined {
        HostGroup::Chairman
    } else {
        v.host_group
    }
}

/// Which block each case of the period's UBND reception is counted in: "đối với vụ việc
/// tiếp công dân thường xuyên có Thủ trưởng tiếp thì chỉ nhập số liệu 1 lần vào mục Thủ
/// trưởng tiếp" (01/TCD note): the head in person first, then the head by delegation,
/// then the regular desk. Council reception keeps its own cases.
fn case_blocks(facts: &PeriodFacts) -> HashMap<&str, HostGroup> {
    let rank = |g: HostGroup| match g {
        HostGroup::Chairman => 0,
        HostGroup::Deputy => 1,
        HostGroup::Officer => 2,
        HostGroup::Council => 3,
    };
    let mut blocks: HashMap<&str, HostGroup> = HashMap::new();
    for v in facts
        .visits
        .iter()
        .filter(|v| v.host_group != HostGroup::Council)
    {
        let b = block_of(v);
        blocks
            .entry(v.case_id.as_str())
            .and_modify(|cur| {
                if rank(b) < rank(*cur) {
                    *cur = b
                }
            })
            .or_insert(b);
    }
    blocks
}

/// Figures of the visits counted in `group` and of the sessions it hosted.
fn block(
    facts: &PeriodFacts,
    group: HostGroup,
    case_blocks: &HashMap<&str, HostGroup>,
    at_visits: &HashMap<&str, (PetitionKind, Vec<PetitionKind>)>,
) -> BlockTotals {
    let sessions: Vec<_> = facts
        .sessions
        .iter()
        .filter(|s| s.host_group == group)
        .collect();
    let visits: Vec<&VisitFact> = facts
        .visits
        .iter()
        .filter(|v| block_of(v) == group)
        .collect();
    let sessions_with_visits: HashSet<&str> =
        facts.visits.iter().map(|v| v.session_id.as_str()).collect();
    let cases: BTreeSet<&str> = visits
        .iter()
        .map(|v| v.case_id.as_str())
        .filter(|c| group == HostGroup::Council || case_blocks.get(c) == Some(&group))
        .collect();
    let cases_repeat = cases
        .iter()
        .filter(|c| {
            let h = facts.cases.get(**c).copied().unwrap_or_default();
            h.received_before || h.received_within > 1
        })
        .count() as u32;
    let mut petitions_at_visits = KindCounts::default();
    for v in &visits {
        if let Some((kind, contents)) = at_visits.get(v.id.as_str()) {
            petitions_at_visits.add(*kind, contents);
        }
    }
    let head = matches!(group, HostGroup::Chairman | HostGroup::Deputy);
    let delegations: Vec<_> = visits
        .iter()
        .filter(|v| is_delegation(v.headcount))
        .collect();
    BlockTotals {
        sessions: sessions.len() as u32,
        reception_days: sessions
            .iter()
            .filter(|s| !head || s.kind != SessionKind::Regular)
            .map(|s| s.date)
            .collect::<BTreeSet<_>>()
            .len() as u32,
        empty_sessions: sessions
            .iter()
            .filter(|s| !sessions_with_visits.contains(s.id.as_str()))
            .count() as u32,
        visits: visits.len() as u32,
        // Saturating: a register whose records passed no check (an old file) cannot make
        // a report panic or wrap round.
        people: visits
            .iter()
            .fold(0u32, |a, v| a.saturating_add(v.headcount)),
        delegations: delegations.len() as u32,
        delegation_people: delegations
            .iter()
            .fold(0u32, |a, v| a.saturating_add(v.headcount)),
        cases: cases.len() as u32,
        cases_first: cases.len() as u32 - cases_repeat,
        cases_repeat,
        visits_with_petition: petitions_at_visits.total,
        petitions_at_visits,
    }
}

/// A petition of the UBND (not one handed in at HĐND reception).
pub fn of_the_committee(p: &PetitionFact) -> bool {
    p.host_group != Some(HostGroup::Council)
}

/// The petitions received within a period, as they stood at its last day.
#[derive(Debug, Default)]
struct Received<'a> {
    /// Of those handed in at a visit (the UBND's and HĐND's), by the visit's id: the kind
    /// and contents each had at the cut-off (design.md: a figure at the cut-off uses the
    /// petition's state on that date), a duplicate by then not counted, as in `petitions`.
    at_visits: HashMap<&'a str, (PetitionKind, Vec<PetitionKind>)>,
    /// The UBND's, a duplicate (as marked by then) not counted.
    petitions: KindCounts,
    by_source: SourceCounts,
    /// Handed in at HĐND reception.
    council: KindCounts,
    /// Of the UBND's, still open at the period's last day.
    still_open: u32,
    /// The UBND's marked duplicates by then: filed, not counted again.
    duplicates: u32,
}

/// Count the petitions of `petitions` received within `period`.
fn received(petitions: &[PetitionFact], period: Period) -> Received<'_> {
    let mut counts = Received::default();
    let (from, to) = (period.from.to_string(), period.to.to_string());
    for p in petitions {
        if p.record.received_on < from || p.record.received_on > to {
            continue;
        }
        // As it stood at the cut-off: marked a duplicate later still counts, for example.
        let Some(at_cut_off) = record_on(&p.record, &p.events, period.to) else {
            continue;
        };
        if at_cut_off.duplicate_of.is_some() {
            if of_the_committee(p) {
                counts.duplicates += 1;
            }
            continue;
        }
        if let Some(visit) = p.record.visit_id.as_deref() {
            counts
                .at_visits
                .insert(visit, (at_cut_off.kind, at_cut_off.contents.clone()));
        }
        if !of_the_committee(p) {
            counts.council.add(at_cut_off.kind, &at_cut_off.contents);
            continue;
        }
        counts.petitions.add(at_cut_off.kind, &at_cut_off.contents);
        counts.by_source.add(at_cut_off.source);
        if at_cut_off.state.is_open() {
            counts.still_open += 1;
        }
    }
    counts
}

/// One week of the dashboard's chart, from facts read for several weeks at once: the
/// same figures as that week's report (every visit, HĐND's included; the chairman's
/// block; the UBND's petitions received).
pub(crate) fn week_point(week: Period, facts: &ChartFacts) -> WeekPoint {
    let visits: Vec<&VisitFact> = facts
        .visits
        .iter()
        .filter(|v| week.contains(v.date))
        .collect();
    WeekPoint {
        period: week.to_range(),
        visits: visits.len() as u32,
        people: visits
            .iter()
            .fold(0u32, |a, v| a.saturating_add(v.headcount)),
        petitions: received(&facts.petitions, week).petitions.total,
        chairman_visits: visits
            .iter()
            .filter(|v| block_of(v) == HostGroup::Chairman)
            .count() as u32,
    }
}

/// One week of the dashboard's chart from the days' kept counters: the same figures as
/// [`week_point`] (a test holds them equal), the petitions that named a duplicate counted
/// as there, from their records and moves.
pub(crate) fn week_point_counted(week: Period, counts: &ChartCounts) -> WeekPoint {
    let (from, to) = (week.from.to_string(), week.to.to_string());
    let days = counts.days.iter().filter(|d| d.day >= from && d.day <= to);
    let sum = |f: fn(&crate::store::DayCounts) -> i64| {
        u32::try_from(days.clone().map(f).sum::<i64>().max(0)).unwrap_or(u32::MAX)
    };
    WeekPoint {
        period: week.to_range(),
        visits: sum(|d| d.visits),
        people: sum(|d| d.people),
        petitions: sum(|d| d.petitions)
            .saturating_add(received(&counts.petitions, week).petitions.total),
        chairman_visits: sum(|d| d.chairman_visits),
    }
}

/// The figures "so với kỳ trước" compares (`Store::comparison_facts`): the same as
/// `compute`'s, without its handling figures.
pub(crate) fn comparison(facts: &ComparisonFacts) -> Comparison {
    Comparison {
        period: facts.period.to_range(),
        so_far: false,
        visits: facts.visits,
        people: facts.people,
        cases: facts.cases,
        petitions: received(&facts.petitions, facts.period)
            .petitions
            .total
            .saturating_add(facts.received_counted),
    }
}

/// Compute the period report from its facts (pure: no database); `period_word` is how the
/// sentences name the period ("trong kỳ", "trong tuần").
pub fn compute(
    facts: &PeriodFacts,
    settings: &Settings,
    calendar: &crate::law::calendar::Calendar,
    period_word: &str,
) -> PeriodReport {
    let blocks = case_blocks(facts);
    let Received {
        at_visits,
        petitions: petitions_received,
        by_source: petitions_by_source,
        council: council_petitions,
        still_open: petitions_still_open,
        duplicates: duplicates_received,
    } = received(&facts.petitions, facts.period);
    let chairman = block(facts, HostGroup::Chairman, &blocks, &at_visits);
    let deputy = block(facts, HostGroup::Deputy, &blocks, &at_visits);
    let officer = block(facts, HostGroup::Officer, &blocks, &at_visits);
    let council = block(facts, HostGroup::Council, &blocks, &at_visits);
    // 01/TCD: the three blocks are disjoint, and the totals are their sums (columns 1–4);
    // the reception days are the head's (columns 10 and 16).
    let sum = |f: fn(&BlockTotals) -> u32| f(&chairman) + f(&deputy) + f(&officer);
    let mut petitions_at_visits = chairman.petitions_at_visits;
    for b in [&deputy, &officer] {
        let k = &b.petitions_at_visits;
        petitions_at_visits.complaint += k.complaint;
        petitions_at_visits.denunciation += k.denunciation;
        petitions_at_visits.proposal += k.proposal;
        petitions_at_visits.mixed += k.mixed;
        petitions_at_visits.total += k.total;
        petitions_at_visits.mixed_with_complaint += k.mixed_with_complaint;
        petitions_at_visits.mixed_with_denunciation += k.mixed_with_denunciation;
        petitions_at_visits.mixed_with_proposal += k.mixed_with_proposal;
        petitions_at_visits.mixed_unknown += k.mixed_unknown;
    }
    let reception = BlockTotals {
        sessions: sum(|b| b.sessions),
        reception_days: chairman.reception_days + deputy.reception_days,
        empty_sessions: sum(|b| b.empty_sessions),
        visits: sum(|b| b.visits),
        people: sum(|b| b.people),
        delegations: sum(|b| b.delegations),
        delegation_people: sum(|b| b.delegation_people),
        cases: sum(|b| b.cases),
        cases_first: sum(|b| b.cases_first),
        cases_repeat: sum(|b| b.cases_repeat),
        visits_with_petition: sum(|b| b.visits_with_petition),
        petitions_at_visits,
    };
    let (xld, column1) = crate::forms::xld02_values(facts);
    let v = |c: usize| xld.get(c - 1).copied().unwrap_or(0.0) as u32;
    let handling = HandlingSummary {
        total: v(1),
        received: column1.received,
        carried: column1.carried,
        mixed: column1.mixed,
        mixed_units: column1.mixed_units,
        processed: v(2),
        eligible: v(3),
        within: v(4),
        cases_within: v(5),
        guided: v(24),
        transferred: v(25),
    };
    let (chairman_minimum_days, chairman_minimum_rule) =
        crate::law::counting::chairman_minimum_days(
            facts.period.from,
            facts.period.to,
            settings.report.chairman_days_per_month,
            calendar,
        );
    let scheduled = chairman_scheduled(facts);
    let mut report = PeriodReport {
        period: facts.period.to_range(),
        chairman,
        deputy,
        officer,
        council,
        reception,
        petitions_received,
        petitions_by_source,
        council_petitions,
        petitions_still_open,
        duplicates_received,
        handling,
        chairman_minimum_days,
        chairman_minimum_rule,
        chairman_scheduled_days: scheduled.len() as u32,
        chairman_weeks_without: crate::law::counting::chairman_weeks_without(
            facts.period.from,
            facts.period.to,
            facts.period.to,
            &scheduled,
            calendar,
        ),
        chairman_months_short: crate::law::counting::chairman_months_short(
            facts.period.from,
            facts.period.to,
            facts.period.to,
            settings.report.chairman_days_per_month,
            &scheduled,
        ),
        previous: None,
        adjustments: vec![],
        as_of: None,
        sentences: vec![],
    };
    report.sentences = narrative::sentences(&report, settings, period_word);
    report
}

/// The report of a period, read from the store, with the previous period beside and the
/// adjustments of locked periods recorded during it.
pub fn period_report(store: &Store, period: Period) -> Result<PeriodReport> {
    store.require(crate::access::Permission::ViewTotals)?;
    let settings = store.settings()?;
    let calendar = store.calendar()?;
    let facts = store.period_facts(period)?;
    let mut report = compute(&facts, &settings, &calendar, "trong kỳ");
    // Before the register's first record there is nothing to compare with: no sentence
    // "tăng 212 (từ 0 lên 212)" in a ward's first period on the software.
    report.previous = match compared_with(period, store.today()) {
        Some((before, so_far)) if store.has_records_by(before.to)? => Some(Comparison {
            so_far,
            ..comparison(&store.comparison_facts(before)?)
        }),
        _ => None,
    };
    report.adjustments = crate::forms::adjustments(store, period)?;
    report.as_of = ongoing(
        store,
        &facts,
        &calendar,
        settings.report.chairman_days_per_month,
        &mut report,
    );
    report.sentences = narrative::sentences(&report, &settings, "trong kỳ");
    Ok(report)
}

/// What a period's figures are compared with: the previous period; while the period is
/// under way (today inside it, not its last day), only as many first days of the previous
/// period as have gone by of this one (the first 7 days of November beside 1–7 December,
/// not the whole of November), and whether it is that part; nothing for a period not
/// begun yet (none of its days has gone by: a quarter to come read "giảm 90 (từ 90 xuống
/// 0)" against the whole of the last).
pub fn compared_with(period: Period, today: NaiveDate) -> Option<(Period, bool)> {
    let before = period.previous();
    if today < period.from {
        return None;
    }
    let (cut, _, _) = compared_periods(period, today);
    Some((cut, cut.to < before.to))
}

/// The previous period and the same period a year before, as a period's figures are set
/// beside them (the report's sentence, the six tables' rows, Mẫu 02): while the period is
/// under way (today inside it, not its last day), only as many first days of each as have
/// gone by of this one, and that number of days; else the whole periods.
pub fn compared_periods(period: Period, today: NaiveDate) -> (Period, Period, Option<i64>) {
    let (before, year) = (period.previous(), period.year_before());
    if today < period.from || today >= period.to {
        return (before, year, None);
    }
    let gone = today - period.from;
    let cut = |p: Period| Period {
        from: p.from,
        to: (p.from + gone).min(p.to),
    };
    (cut(before), cut(year), Some(gone.num_days() + 1))
}

/// The report of a week, as the dashboard shows it ("trong tuần"; nothing beside).
pub fn week_report(store: &Store, period: Period) -> Result<PeriodReport> {
    store.require(crate::access::Permission::ViewTotals)?;
    let settings = store.settings()?;
    let (facts, calendar) = (store.period_facts(period)?, store.calendar()?);
    let mut report = compute(&facts, &settings, &calendar, "trong tuần");
    report.as_of = ongoing(
        store,
        &facts,
        &calendar,
        settings.report.chairman_days_per_month,
        &mut report,
    );
    report.sentences = narrative::sentences(&report, &settings, "trong tuần");
    Ok(report)
}

/// Today, when the period has not ended yet (its figures are so far, not final); the
/// chairman's weeks without reception counted only among the weeks over by then.
fn ongoing(
    store: &Store,
    facts: &PeriodFacts,
    calendar: &Calendar,
    per_month: u32,
    report: &mut PeriodReport,
) -> Option<String> {
    let today = store.today();
    if today < facts.period.to {
        report.chairman_weeks_without = chairman_weeks_without(facts, today, calendar);
        report.chairman_months_short = crate::law::counting::chairman_months_short(
            facts.period.from,
            facts.period.to,
            today,
            per_month,
            &chairman_scheduled(facts),
        );
    }
    (today < facts.period.to).then(|| today.to_string())
}

/// The distinct days of the chairman's scheduled (định kỳ) sessions.
fn chairman_scheduled(facts: &PeriodFacts) -> BTreeSet<NaiveDate> {
    facts
        .sessions
        .iter()
        .filter(|s| s.host_group == HostGroup::Chairman && s.kind == SessionKind::Scheduled)
        .map(|s| s.date)
        .collect()
}

/// The weeks of the period under the weekly minimum, over by `until`, without one of the
/// chairman's scheduled days.
fn chairman_weeks_without(facts: &PeriodFacts, until: NaiveDate, calendar: &Calendar) -> u32 {
    crate::law::counting::chairman_weeks_without(
        facts.period.from,
        facts.period.to,
        until,
        &chairman_scheduled(facts),
        calendar,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn p(from: &str, to: &str) -> Period {
        Period::parse(from, to).unwrap()
    }

    /// Under way: as many first days of the previous period as have gone by (the first
    /// day alone on the first day); on its last day and after, the whole previous period;
    /// before it, nothing; a longer elapsed span than the previous period has stops at its
    /// end.
    #[test]
    fn a_period_under_way_is_compared_with_as_many_first_days() {
        let q4 = p("2026-09-15", "2026-12-14");
        assert_eq!(
            compared_with(q4, d("2026-10-14")),
            Some((p("2026-06-15", "2026-07-14"), true))
        );
        assert_eq!(
            compared_with(q4, d("2026-09-15")),
            Some((p("2026-06-15", "2026-06-15"), true))
        );
        assert_eq!(
            compared_with(q4, d("2026-12-14")),
            Some((q4.previous(), false))
        );
        assert_eq!(
            compared_with(q4, d("2027-01-05")),
            Some((q4.previous(), false))
        );
        assert_eq!(compared_with(q4, d("2026-09-14")), None);
        // March under way on the 30th, beside February (28 days): all of February.
        let march = p("2026-03-01", "2026-03-31");
        assert_eq!(
            compared_with(march, d("2026-03-30")),
            Some((p("2026-02-01", "2026-02-28"), false))
        );
        assert_eq!(
            compared_with(march, d("2026-03-10")),
            Some((p("2026-02-01", "2026-02-10"), true))
        );
    }
}
