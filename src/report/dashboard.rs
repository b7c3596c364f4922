use crate::access::Permission;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::desk::intake::QUEUE_TOP;
use crate::domain::{PeriodPreset, Petition};
use crate::error::Result;
use crate::period::{Period, PeriodRange};
use crate::store::Store;

use super::{week_report, PeriodReport};

/// One week of the dashboard chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WeekPoint {
    pub period: PeriodRange,
    pub visits: u32,
    pub people: u32,
    pub petitions: u32,
    pub chairman_visits: u32,
}

/// The chairman's office view: this week, the trend, what is still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub today: String,
    pub this_week: PeriodReport,
    /// The last 12 weeks, oldest first, this week last.
    pub weeks: Vec<WeekPoint>,
    pub open_petitions: u32,
    /// "Cần xử lý": overdue petitions first, then those due soon, then those waiting to be
    /// classified; the first [`QUEUE_TOP`] of them (`queue_total` holds how many there
    /// are; `Store::petitions_needing_action` gives them all).
    pub queue: Vec<Petition>,
    /// How many petitions the whole queue holds (the counts below are over all of them).
    pub queue_total: u32,
    pub overdue: u32,
    pub due_soon: u32,
    /// Received and not yet classified (whatever their deadlines).
    pub waiting: u32,
}

/// The dashboard's chart: the twelve weeks up to `today`, oldest first, read in one go,
/// then counted week by week.
pub fn chart(store: &Store, today: chrono::NaiveDate) -> Result<Vec<WeekPoint>> {
    store.require(Permission::ViewTotals)?;
    let weeks = Period::last_weeks(today, 12);
    let span = Period::new(weeks[0].from, weeks[weeks.len() - 1].to)?;
    if let Some(counts) = store.chart_counts(span)? {
        return Ok(weeks
            .into_iter()
            .map(|w| super::totals::week_point_counted(w, &counts))
            .collect());
    }
    chart_from_rows(store, weeks)
}

/// The chart's weeks counted from every visit and petition received within them, read
/// with their moves: the way when the days' counters were kept by other rules, and what
/// the counters' chart must equal.
pub(crate) fn chart_from_rows(store: &Store, weeks: Vec<Period>) -> Result<Vec<WeekPoint>> {
    let span = Period::new(weeks[0].from, weeks[weeks.len() - 1].to)?;
    let chart = store.chart_facts(span)?;
    Ok(weeks
        .into_iter()
        .map(|w| super::totals::week_point(w, &chart))
        .collect())
}

pub fn dashboard(store: &Store) -> Result<Dashboard> {
    store.require(Permission::ViewTotals)?;
    let today = store.today();
    let weeks = chart(store, today)?;
    // Who sees totals only (a viewer) gets the counts, not the petitions.
    let queue = store.needing_action(
        Some(QUEUE_TOP),
        store.require(Permission::ViewRecords).is_ok(),
    )?;
    Ok(Dashboard {
        overdue: queue.overdue,
        due_soon: queue.due_soon,
        waiting: queue.waiting,
        queue_total: queue.total,
        queue: queue.petitions,
        today: today.to_string(),
        this_week: week_report(store, Period::preset(PeriodPreset::ThisWeek, today))?,
        weeks,
        open_petitions: store.open_petition_count()?,
    })
}
