use std::collections::{BTreeSet, HashSet};

use crate::domain::{HostGroup, Settings};
use crate::error::Result;
use crate::period::Period;
use crate::store::{PeriodFacts, Store, VisitFact};

use super::{narrative, BlockTotals, KindCounts, PeriodReport, SourceCounts};

/// The block a visit is counted in: a regular visit in which the chairman took part
/// counts once, under the chairman (01/TCD note).
fn block_of(v: &VisitFact) -> HostGroup {
    if v.host_group == HostGroup::Officer && v.chairman_joined {
        HostGroup::Chairman
    } else {
        v.host_group
    }
}

/// Figures of the visits counted in `groups` and of the sessions hosted by them.
fn block(facts: &PeriodFacts, groups: &[HostGroup]) -> BlockTotals {
    let sessions: Vec<_> = facts
        .sessions
        .iter()
        .filter(|s| groups.contains(&s.host_group))
        .collect();
    let visits: Vec<&VisitFact> = facts
        .visits
        .iter()
        .filter(|v| groups.contains(&block_of(v)))
        .collect();
    let sessions_with_visits: HashSet<&str> =
        facts.visits.iter().map(|v| v.session_id.as_str()).collect();
    let cases: BTreeSet<&str> = visits.iter().map(|v| v.case_id.as_str()).collect();
    let cases_repeat = cases
        .iter()
        .filter(|c| {
            let h = facts.cases.get(**c).copied().unwrap_or_default();
            h.visits_before > 0 || h.visits_within > 1
        })
        .count() as u32;
    let mut petitions_at_visits = KindCounts::default();
    for kind in visits.iter().filter_map(|v| v.petition_kind) {
        petitions_at_visits.add(kind);
    }
    let delegations: Vec<_> = visits.iter().filter(|v| v.delegation).collect();
    BlockTotals {
        sessions: sessions.len() as u32,
        reception_days: sessions
            .iter()
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

/// Compute the period report from its facts (pure: no database).
pub fn compute(facts: &PeriodFacts, settings: &Settings) -> PeriodReport {
    let chairman = block(facts, &[HostGroup::Chairman]);
    let deputy = block(facts, &[HostGroup::Deputy]);
    let mut reception = block(
        facts,
        &[HostGroup::Chairman, HostGroup::Deputy, HostGroup::Officer],
    );
    let officer = block(facts, &[HostGroup::Officer]);
    // 01/TCD counts reception days for the head's blocks only (columns 10 and 16), and
    // its total of cases is the sum of the blocks' (column 3 = 7 + 13 + 19).
    reception.reception_days = chairman.reception_days + deputy.reception_days;
    reception.cases = chairman.cases + deputy.cases + officer.cases;
    reception.cases_first = chairman.cases_first + deputy.cases_first + officer.cases_first;
    reception.cases_repeat = chairman.cases_repeat + deputy.cases_repeat + officer.cases_repeat;
    let mut petitions_received = KindCounts::default();
    let mut petitions_by_source = SourceCounts::default();
    for p in &facts.petitions {
        petitions_received.add(p.kind);
        petitions_by_source.add(p.source);
    }
    let mut report = PeriodReport {
        period: facts.period.to_range(),
        chairman,
        deputy,
        officer,
        council: block(facts, &[HostGroup::Council]),
        reception,
        petitions_received,
        petitions_by_source,
        petitions_still_open: facts.petitions.iter().filter(|p| p.state.is_open()).count() as u32,
        sentences: vec![],
    };
    report.sentences = narrative::sentences(&report, settings);
    report
}

/// The report of a period, read from the store.
pub fn period_report(store: &Store, period: Period) -> Result<PeriodReport> {
    Ok(compute(&store.period_facts(period)?, &store.settings()?))
}
