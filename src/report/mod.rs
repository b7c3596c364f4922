//! Period totals and report sentences, computed from the stored records exactly as the
//! counting rules in `design.md` say (they follow table 01/TCD of TT 06/2025).

mod dashboard;
pub mod document;
pub mod mau02;
mod narrative;
mod totals;

#[cfg(test)]
mod equivalence_tests;
#[cfg(test)]
mod queue_tests;

pub use dashboard::{chart, dashboard, Dashboard, WeekPoint, QUEUE_TOP};
pub use narrative::sentences;
pub use totals::{compared_periods, compute, of_the_committee, period_report, week_report};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{HostGroup, PetitionKind, PetitionSource};
use crate::period::PeriodRange;

/// Petitions counted by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindCounts {
    pub complaint: u32,
    pub denunciation: u32,
    pub proposal: u32,
    pub mixed: u32,
    pub total: u32,
    /// Mixed petitions (nhiều nội dung) carrying a complaint, a denunciation, a proposal.
    pub mixed_with_complaint: u32,
    pub mixed_with_denunciation: u32,
    pub mixed_with_proposal: u32,
    /// Mixed petitions whose contents were never recorded (old data): a sentence cannot
    /// say there was no petition of any kind while one of these is counted.
    pub mixed_unknown: u32,
}

impl KindCounts {
    /// Count a petition of `kind` (with, for a mixed one, the kinds it carries).
    pub fn add(&mut self, kind: PetitionKind, contents: &[PetitionKind]) {
        match kind {
            PetitionKind::Complaint => self.complaint += 1,
            PetitionKind::Denunciation => self.denunciation += 1,
            PetitionKind::Proposal => self.proposal += 1,
            PetitionKind::Mixed => {
                self.mixed += 1;
                let carried = crate::law::counting::report_kinds(kind, contents);
                if carried.is_empty() {
                    self.mixed_unknown += 1;
                }
                for k in carried {
                    match k {
                        PetitionKind::Complaint => self.mixed_with_complaint += 1,
                        PetitionKind::Denunciation => self.mixed_with_denunciation += 1,
                        PetitionKind::Proposal => self.mixed_with_proposal += 1,
                        PetitionKind::Mixed => {}
                    }
                }
            }
        }
        self.total += 1;
    }

    /// Petitions that carry `kind`: of that kind, or mixed and carrying it.
    pub fn carrying(&self, kind: PetitionKind) -> u32 {
        match kind {
            PetitionKind::Complaint => self.complaint + self.mixed_with_complaint,
            PetitionKind::Denunciation => self.denunciation + self.mixed_with_denunciation,
            PetitionKind::Proposal => self.proposal + self.mixed_with_proposal,
            PetitionKind::Mixed => self.mixed,
        }
    }

    pub fn get(&self, kind: PetitionKind) -> u32 {
        match kind {
            PetitionKind::Complaint => self.complaint,
            PetitionKind::Denunciation => self.denunciation,
            PetitionKind::Proposal => self.proposal,
            PetitionKind::Mixed => self.mixed,
        }
    }
}

/// Petitions counted by source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SourceCounts {
    pub visit: u32,
    pub post: u32,
    pub online: u32,
    pub transfer: u32,
    pub total: u32,
}

impl SourceCounts {
    pub fn add(&mut self, source: PetitionSource) {
        match source {
            PetitionSource::Visit => self.visit += 1,
            PetitionSource::Post => self.post += 1,
            PetitionSource::Online => self.online += 1,
            PetitionSource::Transfer => self.transfer += 1,
        }
        self.total += 1;
    }
}

/// The reception figures of one block (a host group, or the 01/TCD total).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BlockTotals {
    /// Buổi tiếp held in the period.
    pub sessions: u32,
    /// Số ngày tiếp: for the head's blocks, the distinct dates of their scheduled and ad
    /// hoc sessions, a day nobody came included (01/TCD columns 10, 16); for the others,
    /// the distinct dates of their sessions.
    pub reception_days: u32,
    /// Sessions nobody came to ("không có công dân đến").
    pub empty_sessions: u32,
    /// Lượt.
    pub visits: u32,
    /// Người: sum of headcounts.
    pub people: u32,
    /// Đoàn đông người, and their people.
    pub delegations: u32,
    pub delegation_people: u32,
    /// Vụ việc: distinct cases; a case received in the period both at the regular desk
    /// and by the head counts once, in the head's block (01/TCD note). Split first / repeat.
    pub cases: u32,
    pub cases_first: u32,
    pub cases_repeat: u32,
    /// Petitions handed in at this block's visits, by kind ("21 đơn/21 lượt").
    pub petitions_at_visits: KindCounts,
    pub visits_with_petition: u32,
}

/// Everything the summary screen and `tiepdan report` show for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PeriodReport {
    pub period: PeriodRange,
    pub chairman: BlockTotals,
    pub deputy: BlockTotals,
    pub officer: BlockTotals,
    /// HĐND reception: kept in the register, reported on its own, outside 01/TCD.
    pub council: BlockTotals,
    /// 01/TCD total: officer + chairman + deputy blocks (disjoint).
    pub reception: BlockTotals,
    /// The UBND's petitions received in the period (by receipt date; a duplicate is not
    /// counted twice; HĐND reception's apart), by kind and by source.
    pub petitions_received: KindCounts,
    pub petitions_by_source: SourceCounts,
    /// Petitions handed in at HĐND reception in the period (outside the UBND's totals).
    pub council_petitions: KindCounts,
    /// Of the UBND's petitions received in the period, how many were still open at its
    /// cut-off (its last day), read from their moves.
    pub petitions_still_open: u32,
    /// The UBND's petitions received in the period and marked duplicates by its cut-off:
    /// filed, not counted again in `petitions_received` (said beside it, so the numbers
    /// given do not seem to go missing).
    #[serde(default)]
    pub duplicates_received: u32,
    /// The petitions handled in the period as 02/XLD counts them.
    pub handling: HandlingSummary,
    /// The chairman's least reception days over the period, and the rule in words.
    pub chairman_minimum_days: u32,
    pub chairman_minimum_rule: String,
    /// The distinct days of the chairman's scheduled (định kỳ) sessions: what the minimum
    /// is about (Luật Tiếp công dân 2013, Điều 15 k3: "tiếp công dân định kỳ ít nhất 01
    /// ngày trong 01 tuần", ad hoc reception besides it). The chairman's ad hoc days are
    /// in `chairman.reception_days` with them.
    #[serde(default)]
    pub chairman_scheduled_days: u32,
    /// The weeks of the period (by its end, or today when it has not ended) under the
    /// weekly minimum (Luật Tiếp công dân 2013, Điều 15 k3: until 30/6/2026) with none of
    /// those days: the minimum is a day every week, not a total.
    #[serde(default)]
    pub chairman_weeks_without: u32,
    /// The whole months of the period from 01/7/2026 (by its end, or today) with fewer of
    /// those days than the monthly minimum (a setting: the amended law's number is not
    /// settled): so many days every month, not a total.
    #[serde(default)]
    pub chairman_months_short: u32,
    /// The previous period's main figures (none on the dashboard).
    pub previous: Option<Comparison>,
    /// Changes to locked periods recorded during this one (điều chỉnh số liệu kỳ trước).
    pub adjustments: Vec<crate::forms::Adjustment>,
    /// Today, when the period has not ended yet: its figures are so far, and the
    /// chairman's minimum is not yet missed.
    #[serde(default)]
    pub as_of: Option<String>,
    /// The report sentences, generated from the figures above.
    pub sentences: Vec<String>,
}

/// 02/XLD's main figures: columns 1–5, 24 and 25; and how column 1 is made up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandlingSummary {
    pub total: u32,
    /// Of `total`: the units (one per content counted) of the petitions received within
    /// the period, and of those carried over from before it.
    #[serde(default)]
    pub received: u32,
    #[serde(default)]
    pub carried: u32,
    /// The mixed petitions received within the period, counted by each content: how many,
    /// and the units they make.
    #[serde(default)]
    pub mixed: u32,
    #[serde(default)]
    pub mixed_units: u32,
    pub processed: u32,
    pub eligible: u32,
    pub within: u32,
    pub cases_within: u32,
    pub guided: u32,
    pub transferred: u32,
}

/// Another period's main figures, for "so với kỳ trước".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comparison {
    pub period: PeriodRange,
    /// The period is under way: `period` is as many first days of the previous period as
    /// have gone by of this one (figures so far beside figures so far).
    #[serde(default)]
    pub so_far: bool,
    pub visits: u32,
    pub people: u32,
    pub cases: u32,
    pub petitions: u32,
}

impl PeriodReport {
    pub fn block(&self, host: HostGroup) -> &BlockTotals {
        match host {
            HostGroup::Chairman => &self.chairman,
            HostGroup::Deputy => &self.deputy,
            HostGroup::Officer => &self.officer,
            HostGroup::Council => &self.council,
        }
    }
}
