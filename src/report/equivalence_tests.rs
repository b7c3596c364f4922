//! The period-bounded reading of a report's facts, and the dashboard's chart read for
//! twelve weeks at once, against the straightforward readings they replaced, on
//! generated registers (every lifecycle state, repeat cases, duplicates, HĐND reception).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use rusqlite::params;

use super::totals::{compute, week_point};
use super::week_report;
use crate::clock::FixedClock;
use crate::exchange::generate::{generate, Spec};
use crate::forms::{self, FormId};
use crate::period::Period;
use crate::store::{CaseHistory, PeriodFacts, Store};

/// Every petition received by the period's end that was received within it, or is open
/// today, or has a move on or after its first day: one walk over the whole history.
const WHOLE_HISTORY_PETITIONS: &str = "SELECT p.id FROM petitions p
     WHERE p.received_on <= ?2 AND (p.received_on >= ?1
        OR p.state IN ('received','classified','accepted','suspended')
        OR EXISTS (SELECT 1 FROM petition_events e0
                    WHERE e0.petition_id = p.id AND e0.on_date >= ?1))";

/// Each case of the period's visits, with every reception of it up to the period's end.
fn whole_history_cases(store: &Store, period: Period) -> HashMap<String, CaseHistory> {
    let mut stmt = store
        .conn()
        .prepare(
            "WITH received AS (
                SELECT v.case_id AS case_id, s.date AS on_date, 1 AS at_visit
                  FROM visits v JOIN sessions s ON s.id = v.session_id
                UNION ALL
                SELECT case_id, received_on, 0 FROM petitions WHERE visit_id IS NULL
             )
             SELECT case_id,
                    sum(CASE WHEN on_date < ?1 THEN 1 ELSE 0 END),
                    sum(CASE WHEN on_date >= ?1 AND at_visit = 1 THEN 1 ELSE 0 END)
               FROM received
              WHERE on_date <= ?2 AND case_id IN (
                    SELECT v2.case_id FROM visits v2 JOIN sessions s2 ON s2.id = v2.session_id
                     WHERE s2.date BETWEEN ?1 AND ?2)
              GROUP BY case_id",
        )
        .unwrap();
    stmt.query_map(
        params![period.from.to_string(), period.to.to_string()],
        |r| {
            Ok((
                r.get(0)?,
                CaseHistory {
                    visits_before: r.get(1)?,
                    visits_within: r.get(2)?,
                },
            ))
        },
    )
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A generated register of three years ending on `until`.
fn register(seed: u64, until: NaiveDate) -> Store {
    let mut spec = Spec::new(700, seed, until);
    spec.years = 3;
    let mut store = Store::open_in_memory(Box::new(FixedClock(until))).unwrap();
    store.import_exchange(&generate(&spec)).unwrap();
    store
}

/// Weeks, months, years and odd ranges over the register's span and around it (before
/// its first record, after its last).
fn periods(rng: &mut fastrand::Rng, until: NaiveDate) -> Vec<Period> {
    let first = until - Duration::days(3 * 365);
    let mut out = vec![
        Period::new(first - Duration::days(400), first - Duration::days(1)).unwrap(),
        Period::new(first, until).unwrap(),
        Period::new(until + Duration::days(1), until + Duration::days(60)).unwrap(),
        Period::month_of(until),
    ];
    for _ in 0..24 {
        let start = first + Duration::days(rng.i64(-30..3 * 365 + 30));
        let length = match rng.u8(0..4) {
            0 => 0,
            1 => 6,
            2 => rng.i64(20..40),
            _ => rng.i64(100..400),
        };
        out.push(Period::new(start, start + Duration::days(length)).unwrap());
        out.push(Period::week_of(start));
    }
    out
}

#[test]
fn a_period_read_through_its_indexes_gives_the_report_of_the_whole_history() {
    for (seed, until) in [(3, date("2026-06-30")), (17, date("2025-11-20"))] {
        let store = register(seed, until);
        let settings = store.settings().unwrap();
        let calendar = store.calendar().unwrap();
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut some_cases = 0;
        let mut some_repeat = 0;
        let mut some_open_before = 0;
        let mut skipped = 0;
        let mut table_sum = 0.0;
        for period in periods(&mut rng, until) {
            let bounded = store.period_facts(period).unwrap();
            let cases = whole_history_cases(&store, period);
            assert_eq!(bounded.cases, cases, "cases of {period:?}");
            let petitions = store
                .petition_facts(WHOLE_HISTORY_PETITIONS, period)
                .unwrap();
            // The bounded reading skips petitions the figures cannot need (accepted
            // before the period, not moved since): it reads no more than the whole one.
            let ids = |p: &[crate::store::PetitionFact]| -> Vec<String> {
                p.iter().map(|p| p.record.id.clone()).collect()
            };
            let (got, all) = (ids(&bounded.petitions), ids(&petitions));
            let extra: Vec<_> = got.iter().filter(|i| !all.contains(i)).collect();
            assert!(extra.is_empty(), "{period:?}: {extra:?}");
            skipped += all.len() - got.len();
            let whole = PeriodFacts {
                cases,
                petitions,
                ..bounded.clone()
            };
            let report = compute(&bounded, &settings, &calendar, "trong kỳ");
            let whole_report = compute(&whole, &settings, &calendar, "trong kỳ");
            assert_eq!(report, whole_report, "{period:?}");
            // Every computed table (02/XLD's carried-over petitions, 03/GQKN's and
            // 04/GQTC's decisions of the period) and its issues.
            for form in FormId::TABLES {
                let a = forms::compute::compute(form, &bounded, &report);
                let b = forms::compute::compute(form, &whole, &whole_report);
                assert_eq!(
                    (&a.values, &a.issues),
                    (&b.values, &b.issues),
                    "{form:?} {period:?}"
                );
                table_sum += a.values.iter().flatten().sum::<f64>();
            }
            some_cases += report.reception.cases;
            some_repeat += report.reception.cases_repeat;
            some_open_before += bounded
                .petitions
                .iter()
                .filter(|p| p.record.received_on < period.from.to_string())
                .count();
        }
        // The generated registers exercise what the bounded queries read.
        assert!(some_cases > 100, "{some_cases}");
        assert!(some_repeat > 10, "{some_repeat}");
        assert!(some_open_before > 100, "{some_open_before}");
        assert!(skipped > 100, "{skipped}");
        assert!(table_sum > 1000.0, "{table_sum}");
    }
}

#[test]
fn the_dashboard_chart_counts_each_week_as_that_weeks_report() {
    let until = date("2026-03-31");
    let store = register(5, until);
    let mut seen = (0, 0, 0);
    for today in [
        until,
        until - Duration::days(200),
        until + Duration::days(30),
    ] {
        let weeks = Period::last_weeks(today, 12);
        let chart = store
            .chart_facts(Period::new(weeks[0].from, weeks[11].to).unwrap())
            .unwrap();
        for w in weeks {
            let point = week_point(w, &chart);
            let r = week_report(&store, w).unwrap();
            assert_eq!(point.visits, r.reception.visits + r.council.visits, "{w:?}");
            assert_eq!(point.people, r.reception.people + r.council.people, "{w:?}");
            assert_eq!(point.petitions, r.petitions_received.total, "{w:?}");
            assert_eq!(point.chairman_visits, r.chairman.visits, "{w:?}");
            seen.0 += point.visits;
            seen.1 += point.petitions;
            seen.2 += point.chairman_visits;
        }
    }
    assert!(seen.0 > 50 && seen.1 > 20 && seen.2 > 5, "{seen:?}");
}
