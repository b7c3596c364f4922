//! The period-bounded reading of a report's facts, and the dashboard's chart read for
//! twelve weeks at once, against the straightforward readings they replaced, on
//! generated registers (every lifecycle state, repeat cases, duplicates, HĐND reception).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use rusqlite::params;

use super::totals::{comparison, compute, week_point};
use super::week_report;
use crate::clock::FixedClock;
use crate::domain::*;
use crate::exchange::generate::{generate, Spec};
use crate::forms::{self, FormId};
use crate::law::lifecycle::record_on;
use crate::period::Period;
use crate::records::{PetitionEvent, PetitionRecord};
use crate::store::{CaseHistory, PeriodFacts, Store};

/// Every petition received by the period's end that was received within it, or is open
/// today, or has a move on or after its first day: one walk over the whole history.
const WHOLE_HISTORY_PETITIONS: &str = "SELECT p.id FROM petitions p
     WHERE p.received_on <= ?2 AND (p.received_on >= ?1
        OR p.state IN ('received','classified','accepted','suspended')
        OR EXISTS (SELECT 1 FROM petition_events e0
                    WHERE e0.petition_id = p.id AND e0.on_date >= ?1))";

/// Each case of the period's visits, with every reception of it up to the period's end
/// (visits, and petitions not handed in at one, alike).
fn whole_history_cases(store: &Store, period: Period) -> HashMap<String, CaseHistory> {
    let mut stmt = store
        .conn()
        .prepare(
            "WITH received AS (
                SELECT v.case_id AS case_id, s.date AS on_date
                  FROM visits v JOIN sessions s ON s.id = v.session_id
                UNION ALL
                SELECT case_id, received_on FROM petitions WHERE visit_id IS NULL
             )
             SELECT case_id,
                    sum(CASE WHEN on_date < ?1 THEN 1 ELSE 0 END) > 0,
                    sum(CASE WHEN on_date >= ?1 THEN 1 ELSE 0 END)
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
                    received_before: r.get(1)?,
                    received_within: r.get(2)?,
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

/// A generated register of `persons` citizens over `years` years ending on `until`.
fn register(persons: usize, years: u32, seed: u64, until: NaiveDate) -> Store {
    let mut spec = Spec::new(persons, seed, until);
    spec.years = years;
    let mut store = Store::open_in_memory(Box::new(FixedClock(until))).unwrap();
    store.import_exchange(&generate(&spec)).unwrap();
    store
}

/// Weeks, months, years and odd ranges over `first..=until` and around it (before its
/// first record, after its last): four fixed ones and `2 × random` drawn.
fn periods(
    rng: &mut fastrand::Rng,
    first: NaiveDate,
    until: NaiveDate,
    random: usize,
) -> Vec<Period> {
    let span = (until - first).num_days();
    let mut out = vec![
        Period::new(first - Duration::days(400), first - Duration::days(1)).unwrap(),
        Period::new(first, until).unwrap(),
        Period::new(until + Duration::days(1), until + Duration::days(60)).unwrap(),
        Period::month_of(until),
    ];
    for _ in 0..random {
        let start = first + Duration::days(rng.i64(-30..span + 30));
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

/// What the compared periods held, so a test can show its registers exercise what the
/// bounded queries read.
#[derive(Debug, Default, Clone, Copy)]
struct Seen {
    cases: u32,
    repeat: u32,
    open_before: usize,
    /// Petitions the whole reading holds and the bounded one skips.
    skipped: usize,
    /// 02/XLD units of petitions carried over unmoved, counted from their kept carries.
    carried: u32,
    /// Petitions "so với kỳ trước" counted from the days' kept counters.
    counted: u32,
    /// Petitions received before a period, read as they stood the day before it.
    read_before: usize,
    /// Petitions "so với kỳ trước" read in full beside the counters (they named a
    /// duplicate).
    named_read: usize,
    table_sum: f64,
    /// Issues the tables named (a mixed petition whose contents were never recorded).
    issues: usize,
}

/// For each period: the bounded reading of the report's facts against the whole-history
/// reading give the same report, and every table the same values and issues.
fn compare_periods(store: &Store, periods: &[Period]) -> Seen {
    let settings = store.settings().unwrap();
    let calendar = store.calendar().unwrap();
    let mut seen = Seen::default();
    for &period in periods {
        let bounded = store.period_facts(period).unwrap();
        let cases = whole_history_cases(store, period);
        assert_eq!(bounded.cases, cases, "cases of {period:?}");
        // Every move with its details: the bounded reading parses only those after the
        // period began (and extensions, resolutions).
        let petitions = crate::store::petition_facts(
            store.conn(),
            WHOLE_HISTORY_PETITIONS,
            params![period.from.to_string(), period.to.to_string()],
            crate::store::Details::All,
        )
        .unwrap();
        // The bounded reading skips petitions the figures cannot need (accepted
        // before the period, not moved since): it reads no more than the whole one.
        let ids = |p: &[crate::store::PetitionFact]| -> Vec<String> {
            p.iter().map(|p| p.record.id.clone()).collect()
        };
        // Each petition the bounded reading holds stands, on each day a report reads it
        // (the period's last, and the day before it for one received before it), as read
        // with every move's details; and its resolutions within the period carry the same
        // details (their outcome).
        let whole_by_id: HashMap<&str, &crate::store::PetitionFact> = petitions
            .iter()
            .map(|p| (p.record.id.as_str(), p))
            .collect();
        let before = period.from - Duration::days(1);
        for p in &bounded.petitions {
            let w = whole_by_id[p.record.id.as_str()];
            let on = |d| {
                (
                    record_on(&p.record, &p.events, d),
                    record_on(&w.record, &w.events, d),
                )
            };
            let (a, b) = on(period.to);
            assert_eq!(a, b, "{} at {}", p.number, period.to);
            if p.record.received_on < period.from.to_string() {
                let (a, b) = on(before);
                assert_eq!(a, b, "{} at {before}", p.number);
                seen.read_before += 1;
            }
            for (e, f) in p.events.iter().zip(&w.events) {
                if e.action == MoveAction::Resolve
                    && e.on_date >= period.from.to_string()
                    && e.on_date <= period.to.to_string()
                {
                    assert_eq!(e.details, f.details, "{} {}", p.number, e.on_date);
                }
            }
        }
        let (got, all) = (ids(&bounded.petitions), ids(&petitions));
        let extra: Vec<_> = got.iter().filter(|i| !all.contains(i)).collect();
        assert!(extra.is_empty(), "{period:?}: {extra:?}");
        seen.skipped += all.len() - got.len();
        // The whole reading holds every carried-over petition itself, none counted from
        // a kept carry.
        let whole = PeriodFacts {
            cases,
            petitions,
            carried_units: 0,
            ..bounded.clone()
        };
        seen.carried += bounded.carried_units;
        let report = compute(&bounded, &settings, &calendar, "trong kỳ");
        let whole_report = compute(&whole, &settings, &calendar, "trong kỳ");
        assert_eq!(report, whole_report, "{period:?}");
        // "So với kỳ trước" reads only the period's reception and the petitions received
        // within it: its figures are the full report's.
        let compared_facts = store.comparison_facts(period).unwrap();
        let compared = comparison(&compared_facts);
        let r = &report;
        assert_eq!(
            (
                compared.period,
                compared.visits,
                compared.people,
                compared.cases
            ),
            (
                r.period.clone(),
                r.reception.visits,
                r.reception.people,
                r.reception.cases
            ),
            "{period:?}"
        );
        assert_eq!(compared.petitions, r.petitions_received.total, "{period:?}");
        seen.counted += compared_facts.received_counted;
        if compared_facts.received_counted > 0 {
            seen.named_read += compared_facts.petitions.len();
        }
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
            seen.table_sum += a.values.iter().flatten().sum::<f64>();
            seen.issues += a.issues.len();
        }
        seen.cases += report.reception.cases;
        seen.repeat += report.reception.cases_repeat;
        seen.open_before += bounded
            .petitions
            .iter()
            .filter(|p| p.record.received_on < period.from.to_string())
            .count();
    }
    seen
}

/// For the twelve weeks up to each of `todays`: the dashboard's chart, read at once,
/// counts each week as that week's report. Returns the visits, petitions and chairman's
/// visits it counted.
fn compare_chart(store: &Store, todays: &[NaiveDate]) -> (u32, u32, u32, usize) {
    let mut seen = (0, 0, 0, 0);
    assert_days_kept(store);
    for &today in todays {
        let weeks = Period::last_weeks(today, 12);
        let span = Period::new(weeks[0].from, weeks[11].to).unwrap();
        let chart = store.chart_facts(span).unwrap();
        // The chart the dashboard shows, from the days' kept counters.
        let counted = store
            .chart_counts(span)
            .unwrap()
            .expect("the days' counters kept by today's rules");
        seen.3 += counted.petitions.len();
        for w in weeks {
            let point = week_point(w, &chart);
            assert_eq!(
                crate::report::totals::week_point_counted(w, &counted),
                point,
                "{w:?}"
            );
            let r = week_report(store, w).unwrap();
            assert_eq!(point.visits, r.reception.visits + r.council.visits, "{w:?}");
            assert_eq!(point.people, r.reception.people + r.council.people, "{w:?}");
            assert_eq!(point.petitions, r.petitions_received.total, "{w:?}");
            assert_eq!(point.chairman_visits, r.chairman.visits, "{w:?}");
            seen.0 += point.visits;
            seen.1 += point.petitions;
            seen.2 += point.chairman_visits;
        }
    }
    seen
}

/// Every day's kept counters (schema 10) are a recount of the day's rows, and every
/// case's kept first reception day (schema 11) its rows' first: none missing, none left
/// over, none stale.
pub(crate) fn assert_days_kept(store: &Store) {
    let conn = store.conn();
    let stale: i64 = conn
        .query_row("SELECT count(*) FROM day_counts_stale", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stale, 0, "days left to count after a write");
    // Each case's kept first reception day (schema 11) too.
    let stale: i64 = conn
        .query_row("SELECT count(*) FROM case_first_stale", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stale, 0, "cases left to compute after a write");
    let differing = crate::store::cases_first_differing(conn).unwrap();
    assert!(
        differing.is_empty(),
        "kept first reception days differ from the rows: {differing:#?}"
    );
    let kept = crate::store::kept_day_counts(conn).unwrap();
    let recounted = crate::store::recounted_day_counts(conn).unwrap();
    if kept != recounted {
        let differ: Vec<_> = kept
            .iter()
            .filter(|d| !recounted.contains(d))
            .chain(recounted.iter().filter(|d| !kept.contains(d)))
            .collect();
        panic!("kept counters differ from a recount: {differ:#?}");
    }
}

#[test]
fn a_period_read_through_its_indexes_gives_the_report_of_the_whole_history() {
    for (seed, until) in [(3, date("2026-06-30")), (17, date("2025-11-20"))] {
        let store = register(700, 3, seed, until);
        let mut rng = fastrand::Rng::with_seed(seed);
        let first = until - Duration::days(3 * 365);
        let periods = periods(&mut rng, first, until, 24);
        let seen = compare_periods(&store, &periods);
        // The generated registers exercise what the bounded queries read.
        assert!(seen.cases > 100, "{seen:?}");
        assert!(seen.repeat > 10, "{seen:?}");
        assert!(seen.open_before > 100, "{seen:?}");
        assert!(seen.skipped > 100, "{seen:?}");
        assert!(seen.table_sum > 1000.0, "{seen:?}");
        assert!(seen.counted > 100, "{seen:?}");
        assert!(seen.read_before > 100, "{seen:?}");
        // The same with the kept values computed by other rules: nothing counted from
        // them, the same figures.
        let kept_by: String = store
            .conn()
            .query_row("SELECT fingerprint FROM due_basis", [], |r| r.get(0))
            .unwrap();
        store
            .conn()
            .execute("UPDATE due_basis SET fingerprint = 'other rules'", [])
            .unwrap();
        let unkept = compare_periods(&store, &periods);
        assert_eq!((unkept.counted, unkept.carried), (0, 0), "{unkept:?}");
        assert_eq!(unkept.table_sum, seen.table_sum);
        // The kept values of today's rules again, but a day and a case waiting to be
        // counted again (a write outside the app) and the kept values wrong: none is
        // counted from them (the cases' histories, compared with the whole history's,
        // read from the rows: with the kept first days every case would be a first one).
        store
            .conn()
            .execute_batch(&format!(
                "UPDATE due_basis SET fingerprint = '{kept_by}';
                 UPDATE day_counts SET petitions = petitions + 7;
                 INSERT INTO day_counts_stale (day) VALUES ('{until}');
                 UPDATE cases SET first_seen = '9999-12-31';
                 INSERT INTO case_first_stale (case_id) SELECT id FROM cases LIMIT 1;"
            ))
            .unwrap();
        let stale = compare_periods(&store, &periods);
        assert_eq!(stale.counted, 0, "{stale:?}");
        assert_eq!(stale.table_sum, seen.table_sum);
    }
}

/// A mixed petition whose contents were never recorded (as a register from before they
/// were asked for left it) is named as an issue in 02/XLD, not counted, in every period it
/// is carried into unmoved: its kept carry is 0 (schema 8) and each report reads it in
/// full, found through schema 12's index of those alone; the same figures and issues as
/// the whole history's.
#[test]
fn a_waiting_mixed_petition_without_contents_is_named_in_every_period_it_is_carried_into() {
    let until = date("2026-06-30");
    let store = register(400, 3, 23, until);
    // A third of the petitions waiting for their review lose their contents, behind the
    // app's back, and wait for their kept values to be computed again (as a write marks
    // them); then computed, as the one write path does before it commits.
    let changed = store
        .conn()
        .execute(
            "UPDATE petitions SET kind = 'mixed', contents = NULL, due_stale = 1,
                    carry_units = NULL
              WHERE (state = 'received' OR state = 'classified') AND rowid % 3 = 0",
            [],
        )
        .unwrap();
    assert!(changed > 10, "{changed}");
    crate::store::refresh_kept(store.conn()).unwrap();
    let kept_zero = |before: NaiveDate| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM petitions WHERE carry_units = 0 AND carry_since < ?1",
                [before.to_string()],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert!(kept_zero(until) > 10, "{}", kept_zero(until));
    let mut rng = fastrand::Rng::with_seed(23);
    let first = until - Duration::days(3 * 365);
    let mut periods = periods(&mut rng, first, until, 12);
    // Periods after every change: each such petition is carried in unmoved.
    periods.push(Period::month_of(until + Duration::days(40)));
    periods.push(Period::week_of(until + Duration::days(9)));
    let seen = compare_periods(&store, &periods);
    assert!(seen.issues > 10, "{seen:?}");
    // In a period after every change, each one is named once in 02/XLD.
    let later = Period::month_of(until + Duration::days(40));
    let facts = store.period_facts(later).unwrap();
    let report = compute(
        &facts,
        &store.settings().unwrap(),
        &store.calendar().unwrap(),
        "trong kỳ",
    );
    let xld = forms::compute::compute(FormId::Xld02, &facts, &report);
    let named = xld
        .issues
        .iter()
        .filter(|i| i.contains("chưa ghi đơn có những nội dung nào"))
        .count();
    assert_eq!(named as i64, kept_zero(later.from), "{:?}", xld.issues);
}

#[test]
fn the_dashboard_chart_counts_each_week_as_that_weeks_report() {
    let until = date("2026-03-31");
    let store = register(700, 3, 5, until);
    let seen = compare_chart(
        &store,
        &[
            until,
            until - Duration::days(200),
            until + Duration::days(30),
        ],
    );
    assert!(seen.0 > 50 && seen.1 > 20 && seen.2 > 5, "{seen:?}");
}

/// Random desk work: the kinds of operation, each done through the desk's use cases.
const OPERATIONS: [(&str, u32); 14] = [
    ("new session", 8),
    ("new visit", 24),
    ("direct petition", 12),
    ("move", 30),
    ("undo move", 6),
    ("correct visit", 7),
    ("correct petition", 5),
    ("correct session", 4),
    ("delete visit", 4),
    ("delete session", 4),
    ("delete petition", 5),
    ("merge persons", 4),
    ("undo merge", 4),
    ("correct person", 3),
];

/// Ids read back from the register to pick what the next operation works on (a read; the
/// writes go through the desk only).
fn ids(store: &Store, sql: &str) -> Vec<String> {
    let mut stmt = store.conn().prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn pick(rng: &mut fastrand::Rng, store: &Store, sql: &str) -> Option<String> {
    let all = ids(store, sql);
    (!all.is_empty()).then(|| all[rng.usize(..all.len())].clone())
}

/// The desk's random worker: a register, its clock's today, and what it has done.
struct Desk {
    store: Store,
    rng: fastrand::Rng,
    first: NaiveDate,
    today: NaiveDate,
    /// Merges done (to undo one).
    merges: Vec<String>,
    names: u32,
    /// The moves recorded, by action.
    moves: std::collections::BTreeMap<&'static str, u32>,
    /// Moves whose day before was read back to the petition as it was.
    taken_back: u32,
}

const KINDS: [PetitionKind; 4] = [
    PetitionKind::Complaint,
    PetitionKind::Denunciation,
    PetitionKind::Proposal,
    PetitionKind::Mixed,
];

const OPEN: &str = "('received','classified','accepted','suspended')";

/// What one operation came to: done (`true`), nothing to work on (`false`), or refused.
type Step = crate::error::Result<bool>;

impl Desk {
    fn day(&mut self) -> NaiveDate {
        self.first + Duration::days(self.rng.i64(0..=(self.today - self.first).num_days()))
    }

    fn kind(&mut self) -> PetitionKind {
        KINDS[self.rng.usize(..KINDS.len())]
    }

    fn contents(kind: PetitionKind) -> Vec<PetitionKind> {
        if kind == PetitionKind::Mixed {
            vec![PetitionKind::Complaint, PetitionKind::Proposal]
        } else {
            vec![]
        }
    }

    fn new_person(&mut self) -> PersonInput {
        self.names += 1;
        const FAMILY: [&str; 5] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"];
        PersonInput {
            full_name: format!(
                "{} Văn Thử {}",
                FAMILY[self.rng.usize(..FAMILY.len())],
                self.names
            ),
            address: self.rng.bool().then(|| "Tổ 3, phường Thành Công".into()),
            ..Default::default()
        }
    }

    /// A person already in the register, as the lookup hands them back, and a case of
    /// theirs: someone coming back about the same matter.
    fn returning(&mut self) -> Option<(PersonInput, String)> {
        let visit = pick(
            &mut self.rng,
            &self.store,
            "SELECT v.id FROM visits v JOIN visit_persons vp ON vp.visit_id = v.id",
        )?;
        let v = self.store.visit(&visit).unwrap();
        let p = v.persons.first()?;
        Some((
            PersonInput {
                existing_id: Some(p.id.clone()),
                full_name: p.full_name.clone(),
                ..Default::default()
            },
            v.case_id,
        ))
    }

    fn any_case(&mut self) -> Option<String> {
        pick(&mut self.rng, &self.store, "SELECT id FROM cases")
    }

    fn field(&mut self) -> Option<String> {
        ["tthc", "dat_dai", "chinh_sach", "tham_nhung", "tu_phap"]
            .get(self.rng.usize(..6))
            .map(|s| s.to_string())
    }

    /// What the intake form decided of a new petition: often nothing (classified and
    /// handled later on its page), else a handling, a classification, or "duplicate of"
    /// an open petition; each becomes moves dated on its receipt.
    fn intake(&mut self) -> (HandlingInput, Classification, Option<String>) {
        let handling = match self.rng.u8(0..10) {
            0 => Handling::Guide,
            1 => Handling::Transfer,
            2 => Handling::Return,
            3 => Handling::File,
            4 => Handling::Accept,
            _ => Handling::None,
        };
        let handling = HandlingInput {
            handling,
            agency: (handling == Handling::Transfer).then(|| "UBND quận".into()),
            letter_no: None,
        };
        let classification = match self.rng.u8(0..3) {
            0 => Classification {
                round: Round::First,
                competence: if self.rng.bool() {
                    Competence::Within
                } else {
                    Competence::Outside
                },
                eligible: Some(self.rng.u8(0..4) > 0),
            },
            _ => Classification::default(),
        };
        let duplicate_of = (self.rng.u8(0..10) == 0)
            .then(|| {
                pick(
                    &mut self.rng,
                    &self.store,
                    &format!("SELECT id FROM petitions WHERE state IN {OPEN}"),
                )
            })
            .flatten();
        (handling, classification, duplicate_of)
    }

    fn new_session(&mut self) -> Step {
        const HOSTS: [HostGroup; 4] = [
            HostGroup::Chairman,
            HostGroup::Deputy,
            HostGroup::Officer,
            HostGroup::Council,
        ];
        let host = HOSTS[self.rng.usize(..HOSTS.len())];
        let kind = match (host, self.rng.u8(0..4)) {
            (HostGroup::Officer, 0) => SessionKind::AdHoc,
            (HostGroup::Officer, _) => SessionKind::Regular,
            (_, 0) => SessionKind::AdHoc,
            _ => SessionKind::Scheduled,
        };
        let date = self.day().to_string();
        self.store
            .create_session(&NewSession {
                date,
                kind,
                host_group: host,
                host_name: None,
                place: Some("Trụ sở UBND phường".into()),
                notes: None,
            })
            .map(|_| true)
    }

    fn new_visit(&mut self) -> Step {
        let Some(session) = pick(&mut self.rng, &self.store, "SELECT id FROM sessions") else {
            return Ok(false);
        };
        let mut persons = vec![];
        let mut case_id = None;
        if self.rng.u8(0..3) == 0 {
            if let Some((p, case)) = self.returning() {
                persons.push(p);
                case_id = Some(case);
            }
        }
        if case_id.is_none() && self.rng.u8(0..6) == 0 {
            case_id = self.any_case();
        }
        for _ in 0..self.rng.usize(usize::from(persons.is_empty())..3) {
            let p = self.new_person();
            persons.push(p);
        }
        let named = persons.len() as u32;
        let headcount = match self.rng.u8(0..5) {
            0 => named + self.rng.u32(5..30),
            1 => named + 1,
            _ => named.max(1),
        };
        let kind = self.rng.bool().then(|| self.kind());
        let petition = self.rng.u8(0..5) < 2;
        let handling = match self.rng.u8(0..5) {
            0 => HandlingInput {
                handling: Handling::Transfer,
                agency: Some("UBND quận".into()),
                letter_no: None,
            },
            1 if petition => HandlingInput {
                handling: Handling::Accept,
                ..Default::default()
            },
            2 => HandlingInput::default(),
            _ => HandlingInput {
                handling: Handling::Guide,
                ..Default::default()
            },
        };
        let petition = petition.then(|| {
            let kind = self.kind();
            let (handling, classification, duplicate_of) = self.intake();
            VisitPetitionInput {
                kind,
                contents: Self::contents(kind),
                field_code: self.field(),
                content: "Đơn nộp khi tiếp".into(),
                respondent: None,
                handling,
                classification,
                duplicate_of,
            }
        });
        let input = NewVisit {
            session_id: session,
            persons,
            headcount,
            content: "Trình bày về việc cấp giấy chứng nhận".into(),
            kind,
            field_code: self.field(),
            handling,
            case_id,
            chairman_joined: self.rng.u8(0..4) == 0,
            petition,
            prior_agencies: None,
        };
        self.store.add_visit(&input).map(|_| true)
    }

    fn direct_petition(&mut self) -> Step {
        let kind = self.kind();
        let (source, source_agency) = match self.rng.u8(0..3) {
            0 => (PetitionSource::Post, None),
            1 => (PetitionSource::Online, None),
            _ => (PetitionSource::Transfer, Some("Thanh tra quận".to_string())),
        };
        let anonymous = self.rng.u8(0..8) == 0;
        let mut petitioners = vec![];
        let mut case_id = None;
        if !anonymous {
            match self.rng.u8(0..3) {
                0 => {
                    if let Some((p, case)) = self.returning() {
                        petitioners.push(p);
                        case_id = Some(case);
                    }
                }
                _ => {
                    let p = self.new_person();
                    petitioners.push(p);
                }
            }
        }
        let (handling, classification, duplicate_of) = self.intake();
        let input = NewPetition {
            received_on: self.day().to_string(),
            source,
            source_agency,
            kind,
            contents: Self::contents(kind),
            field_code: self.field(),
            content: format!("Đơn {} gửi trực tiếp", kind.label()),
            anonymous,
            petitioners,
            respondent: Some("Chủ tịch UBND phường".into()),
            handling,
            classification,
            case_id,
            duplicate_of,
        };
        self.store.create_petition(&input).map(|_| true)
    }

    /// A move among those the petition page offers now, dated on or after the last one.
    fn a_move(&mut self) -> Step {
        for _ in 0..8 {
            let sql = if self.rng.u8(0..5) == 0 {
                "SELECT id FROM petitions".to_string()
            } else {
                format!("SELECT id FROM petitions WHERE state IN {OPEN}")
            };
            let Some(id) = pick(&mut self.rng, &self.store, &sql) else {
                return Ok(false);
            };
            let detail = self.store.petition_detail(&id)?;
            let allowed: Vec<_> = detail.options.iter().filter(|o| o.allowed).collect();
            if allowed.is_empty() {
                continue;
            }
            // The moves that end a petition at once (allowed from its receipt) less often
            // than those that take it through its lifecycle.
            let state = detail.petition.state;
            let weight = |a: MoveAction| match a {
                MoveAction::Withdraw | MoveAction::Duplicate | MoveAction::Return => 1,
                MoveAction::Classify if state == PetitionState::Classified => 1,
                MoveAction::Accept | MoveAction::Resolve => 10,
                _ => 5,
            };
            let mut draw = self
                .rng
                .u32(0..allowed.iter().map(|o| weight(o.action)).sum::<u32>());
            let option = (*allowed
                .iter()
                .find(|o| {
                    let hit = draw < weight(o.action);
                    draw = draw.saturating_sub(weight(o.action));
                    hit
                })
                .unwrap())
            .clone();
            let p = &detail.petition;
            let last = detail
                .moves
                .last()
                .map(|m| m.on_date.clone())
                .unwrap_or_else(|| p.received_on.clone())
                .max(p.received_on.clone());
            let last = date(&last);
            let on = match self.rng.u8(0..4) {
                0 => last,
                _ => last + Duration::days(self.rng.i64(0..120)),
            }
            .min(self.today);
            let mut input = MoveInput::new(&id, option.action, on.to_string());
            input.doc_no = Some(format!("{}/QĐ", self.rng.u32(1..500)));
            if option.inputs.iter().any(|i| i == "note") && self.rng.bool()
                || option.required.iter().any(|i| i == "note")
            {
                input.note = Some("Ghi chú".into());
            }
            if option.inputs.iter().any(|i| i == "agency") {
                input.agency = Some("UBND quận".into());
            }
            if let Some(o) = (!option.outcomes.is_empty())
                .then(|| &option.outcomes[self.rng.usize(..option.outcomes.len())])
            {
                input.outcome = Outcome::from_code(&o.code);
            }
            if option.inputs.iter().any(|i| i == "extension_days") {
                input.extension_days = Some(self.rng.u32(1..=30));
            }
            if option.action == MoveAction::Duplicate {
                input.duplicate_of = pick(
                    &mut self.rng,
                    &self.store,
                    &format!(
                        "SELECT id FROM petitions WHERE state IN {OPEN} AND duplicate_of IS NULL"
                    ),
                );
            }
            if option.action == MoveAction::Classify {
                let kind = if self.rng.u8(0..5) == 0 {
                    self.kind()
                } else {
                    p.kind
                };
                let round = if kind == PetitionKind::Complaint && self.rng.u8(0..6) == 0 {
                    Round::Subsequent
                } else {
                    Round::First
                };
                input.classification = Some(ClassifyInput {
                    kind,
                    contents: Self::contents(kind),
                    field_code: self.field(),
                    eligible: self.rng.u8(0..10) < 7,
                    competence: if self.rng.u8(0..10) < 6 {
                        Competence::Within
                    } else {
                        Competence::Outside
                    },
                    signers: if p.anonymous {
                        Signers::Anonymous
                    } else {
                        Signers::One
                    },
                    round,
                    first_round_id: None,
                    complex: self.rng.u8(0..5) == 0,
                });
            }
            let before = self.stored(&id);
            self.store.move_petition(&input)?;
            *self.moves.entry(option.action.code()).or_default() += 1;
            self.check_taken_back(&id, before, last, on);
            return Ok(true);
        }
        Ok(false)
    }

    /// The petition as stored now, and its moves.
    fn stored(&self, id: &str) -> (PetitionRecord, Vec<PetitionEvent>) {
        let conn = self.store.conn();
        let record = crate::store::get_petition(conn, id).unwrap().unwrap();
        (record, crate::store::events_of(conn, id).unwrap())
    }

    /// The reports read a petition on a past day by taking its later moves back from
    /// today's record (`record_on`): right after a move dated `on`, the day before it
    /// reads exactly the petition as it was before the move (every value the move
    /// changed restored, its state included), when no earlier move shares its day; and
    /// every earlier day reads as it did before the move.
    fn check_taken_back(
        &mut self,
        id: &str,
        (before, before_events): (PetitionRecord, Vec<PetitionEvent>),
        last: NaiveDate,
        on: NaiveDate,
    ) {
        let (after, events) = self.stored(id);
        let received = date(&after.received_on);
        let mut days = vec![on - Duration::days(1), received, last];
        days.push(received + Duration::days(self.rng.i64(0..=(on - received).num_days())));
        for day in days.into_iter().filter(|d| *d < on) {
            let now = record_on(&after, &events, day);
            let then = record_on(&before, &before_events, day);
            assert_eq!(now, then, "{id} on {day}, after a move on {on}");
        }
        if last < on {
            // As stored before the move, its state column included (the reports read the
            // state from the moves; every write keeps the column where they lead).
            assert_eq!(
                record_on(&after, &events, on - Duration::days(1)).as_deref(),
                Some(&before),
                "{id}: the day before a move on {on}"
            );
            self.taken_back += 1;
        }
    }

    fn undo_move(&mut self) -> Step {
        let Some(id) = pick(
            &mut self.rng,
            &self.store,
            "SELECT DISTINCT petition_id FROM petition_events WHERE from_state IS NOT NULL",
        ) else {
            return Ok(false);
        };
        self.store.undo_last_move(&id).map(|_| true)
    }

    /// A visit corrected: moved to another session (its date), to another case, of
    /// another kind, with another headcount.
    fn correct_visit(&mut self) -> Step {
        let Some(id) = pick(&mut self.rng, &self.store, "SELECT id FROM visits") else {
            return Ok(false);
        };
        let v = self.store.visit(&id)?;
        let persons: Vec<PersonInput> = v
            .persons
            .iter()
            .map(|p| PersonInput {
                existing_id: Some(p.id.clone()),
                full_name: p.full_name.clone(),
                ..Default::default()
            })
            .collect();
        let mut input = NewVisit {
            session_id: v.session_id.clone(),
            headcount: v.headcount,
            persons,
            content: v.content.clone(),
            kind: v.kind,
            field_code: v.field_code.clone(),
            handling: v.handling.clone(),
            case_id: None,
            chairman_joined: v.chairman_joined,
            petition: None,
            prior_agencies: None,
        };
        match self.rng.u8(0..4) {
            0 => {
                if let Some(s) = pick(&mut self.rng, &self.store, "SELECT id FROM sessions") {
                    input.session_id = s;
                }
            }
            1 => input.case_id = self.any_case(),
            2 => input.kind = Some(self.kind()),
            _ => {
                input.headcount = input.headcount.max(1) + self.rng.u32(0..8);
                input.chairman_joined = !input.chairman_joined;
            }
        }
        self.store.correct_visit(&id, &input).map(|_| true)
    }

    /// A petition corrected: the receipt date of one received directly, the kind of one
    /// not yet classified, or the case of any (mostly picked where the desk allows it).
    fn correct_petition(&mut self) -> Step {
        let change = self.rng.u8(0..3);
        let sql = match (change, self.rng.u8(0..4)) {
            (_, 0) => "SELECT id FROM petitions",
            (0, _) => "SELECT id FROM petitions WHERE visit_id IS NULL",
            (1, _) => "SELECT id FROM petitions WHERE state = 'received'",
            _ => "SELECT id FROM petitions",
        };
        let Some(id) = pick(&mut self.rng, &self.store, sql) else {
            return Ok(false);
        };
        let p = self.store.petition(&id)?;
        let mut input = NewPetition {
            received_on: p.received_on.clone(),
            source: p.source,
            source_agency: p.source_agency.clone(),
            kind: p.kind,
            contents: p.contents.clone(),
            field_code: p.field_code.clone(),
            content: p.content.clone(),
            anonymous: p.anonymous,
            petitioners: p
                .petitioners
                .iter()
                .map(|x| PersonInput {
                    existing_id: Some(x.id.clone()),
                    full_name: x.full_name.clone(),
                    ..Default::default()
                })
                .collect(),
            respondent: p.respondent.clone(),
            handling: p.handling.clone(),
            classification: p.classification.clone(),
            case_id: None,
            duplicate_of: None,
        };
        match change {
            0 => {
                let shifted = date(&p.received_on) + Duration::days(self.rng.i64(-40..15));
                input.received_on = shifted.min(self.today).to_string();
            }
            1 => {
                input.kind = self.kind();
                input.contents = Self::contents(input.kind);
            }
            _ => input.case_id = self.any_case(),
        }
        self.store.correct_petition(&id, &input).map(|_| true)
    }

    fn correct_session(&mut self) -> Step {
        let Some(id) = pick(&mut self.rng, &self.store, "SELECT id FROM sessions") else {
            return Ok(false);
        };
        let s = self.store.session(&id)?;
        let moved = date(&s.date) + Duration::days(self.rng.i64(-60..60));
        // Now and then HĐND reception becomes the UBND's, or the other way round: its
        // petitions change sides in the reports (and their kept carries with them).
        let host_group = match (s.host_group, self.rng.u8(0..4)) {
            (HostGroup::Council, 0) => HostGroup::Officer,
            (HostGroup::Officer, 0) => HostGroup::Council,
            (g, _) => g,
        };
        let input = NewSession {
            date: moved.min(self.today).to_string(),
            kind: s.kind,
            host_group,
            host_name: s.host_name,
            place: s.place,
            notes: s.notes,
        };
        self.store.correct_session(&id, &input).map(|_| true)
    }

    fn delete_visit(&mut self) -> Step {
        match pick(&mut self.rng, &self.store, "SELECT id FROM visits") {
            Some(id) => self.store.delete_visit(&id).map(|_| true),
            None => Ok(false),
        }
    }

    fn delete_session(&mut self) -> Step {
        let sql = if self.rng.u8(0..4) == 0 {
            "SELECT id FROM sessions"
        } else {
            "SELECT id FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.session_id = s.id)"
        };
        match pick(&mut self.rng, &self.store, sql) {
            Some(id) => self.store.delete_session(&id).map(|_| true),
            None => Ok(false),
        }
    }

    fn delete_petition(&mut self) -> Step {
        let sql = if self.rng.u8(0..8) == 0 {
            "SELECT id FROM petitions"
        } else {
            "SELECT id FROM petitions WHERE visit_id IS NULL"
        };
        match pick(&mut self.rng, &self.store, sql) {
            Some(id) => self.store.delete_petition(&id).map(|_| true),
            None => Ok(false),
        }
    }

    fn merge_persons(&mut self) -> Step {
        let sql = "SELECT id FROM persons WHERE merged_into IS NULL";
        let (Some(kept), Some(merged)) = (
            pick(&mut self.rng, &self.store, sql),
            pick(&mut self.rng, &self.store, sql),
        ) else {
            return Ok(false);
        };
        let merge = self.store.merge_persons(&kept, &merged)?;
        self.merges.push(merge.id);
        Ok(true)
    }

    fn undo_merge(&mut self) -> Step {
        if self.merges.is_empty() {
            return Ok(false);
        }
        let id = self.merges.remove(self.rng.usize(..self.merges.len()));
        self.store.undo_merge(&id).map(|_| true)
    }

    fn correct_person(&mut self) -> Step {
        let Some(id) = pick(
            &mut self.rng,
            &self.store,
            "SELECT id FROM persons WHERE merged_into IS NULL",
        ) else {
            return Ok(false);
        };
        let p = self.store.person(&id)?;
        let input = PersonInput {
            full_name: format!("{} (sửa)", p.full_name),
            address: Some("Tổ 5, phường Thành Công".into()),
            ..Default::default()
        };
        self.store.correct_person(&id, &input).map(|_| true)
    }

    fn run(&mut self, operation: &str) -> Step {
        match operation {
            "new session" => self.new_session(),
            "new visit" => self.new_visit(),
            "direct petition" => self.direct_petition(),
            "move" => self.a_move(),
            "undo move" => self.undo_move(),
            "correct visit" => self.correct_visit(),
            "correct petition" => self.correct_petition(),
            "correct session" => self.correct_session(),
            "delete visit" => self.delete_visit(),
            "delete session" => self.delete_session(),
            "delete petition" => self.delete_petition(),
            "merge persons" => self.merge_persons(),
            "undo merge" => self.undo_merge(),
            "correct person" => self.correct_person(),
            other => unreachable!("{other}"),
        }
    }
}

/// Issue 9: after random inserts, corrections, moves and deletions through the desk's use
/// cases, the reports of the bounded reading equal those of the whole history, and the
/// dashboard's chart each week's report. The operations the desk refuses (a validation
/// error) are counted and skipped; most must succeed, and every kind some times.
#[test]
fn after_random_desk_work_the_reports_equal_the_whole_history() {
    let total: u32 = OPERATIONS.iter().map(|(_, w)| w).sum();
    // More seeds for a longer search: PROP_SEEDS=1,2,3 (each ending on 30/9/2026).
    let seeds: Vec<(u64, NaiveDate)> = match std::env::var("PROP_SEEDS") {
        Ok(list) => list
            .split(',')
            .map(|s| (s.trim().parse().unwrap(), date("2026-09-30")))
            .collect(),
        Err(_) => vec![(11, date("2026-09-30")), (29, date("2026-02-15"))],
    };
    let mut moves: std::collections::BTreeMap<&str, u32> = Default::default();
    for (seed, until) in seeds {
        let first = until - Duration::days(2 * 365 + 120);
        let mut desk = Desk {
            store: register(200, 2, seed, until - Duration::days(120)),
            rng: fastrand::Rng::with_seed(seed),
            first,
            // The desk works four months behind the end at first, then catches up
            // (after the midway comparison): its later work lands after what was read.
            today: until - Duration::days(120),
            merges: vec![],
            names: 0,
            moves: Default::default(),
            taken_back: 0,
        };
        // Per kind: done, refused, nothing to work on.
        let mut counts: std::collections::BTreeMap<&str, (u32, u32, u32)> =
            OPERATIONS.iter().map(|(k, _)| (*k, (0, 0, 0))).collect();
        let mut seen = vec![];
        let mut charted = (0, 0, 0);
        for n in 1..=400 {
            let mut draw = desk.rng.u32(0..total);
            let operation = OPERATIONS
                .iter()
                .find(|(_, w)| {
                    let hit = draw < *w;
                    draw = draw.saturating_sub(*w);
                    hit
                })
                .unwrap()
                .0;
            let count = counts.get_mut(operation).unwrap();
            match desk.run(operation) {
                Ok(true) => count.0 += 1,
                Ok(false) => count.2 += 1,
                Err(
                    e
                    @ (crate::error::Error::Invalid { .. } | crate::error::Error::NotFound { .. }),
                ) => {
                    count.1 += 1;
                    if std::env::var_os("SHOW_REFUSED").is_some() {
                        eprintln!("{operation}: {e}");
                    }
                }
                Err(e) => panic!("{operation} (operation {n}, seed {seed}): {e:?}"),
            }
            // The days' counters follow every write (and every refused one leaves them).
            assert_days_kept(&desk.store);
            if n % 200 == 0 {
                let mut rng = fastrand::Rng::with_seed(seed * 1000 + n);
                seen.push(compare_periods(
                    &desk.store,
                    &periods(&mut rng, first, until, 18),
                ));
                let chart = compare_chart(
                    &desk.store,
                    &[
                        desk.today,
                        desk.today - Duration::days(rng.i64(30..400)),
                        desk.today + Duration::days(20),
                    ],
                );
                charted = (
                    charted.0 + chart.0,
                    charted.1 + chart.1,
                    charted.2 + chart.3,
                );
                desk.today = until;
                desk.store.set_clock(Box::new(FixedClock(until)));
            }
        }
        eprintln!(
            "seed {seed}: {counts:?}\n{:?} taken back {}\n{seen:?}",
            desk.moves, desk.taken_back
        );
        let (done, refused) = counts
            .values()
            .fold((0, 0), |(d, r), (a, b, _)| (d + a, r + b));
        assert!(done > 2 * refused, "{counts:?}");
        for (operation, (done, _, _)) in &counts {
            assert!(*done >= 3, "{operation}: {counts:?}");
        }
        for (action, n) in desk.moves {
            *moves.entry(action).or_default() += n;
        }
        assert!(
            charted.0 > 10 && charted.1 > 5 && charted.2 > 0,
            "{charted:?}"
        );
        // The day before a move was read back after most moves (those not sharing their
        // day with the previous one).
        assert!(desk.taken_back > 30, "{}", desk.taken_back);
        let last = *seen.last().unwrap();
        assert!(last.cases > 50 && last.repeat > 5, "{last:?}");
        assert!(last.open_before > 20 && last.table_sum > 100.0, "{last:?}");
        // Petitions carried over unmoved were counted from their kept carries.
        assert!(seen.iter().map(|s| s.carried).sum::<u32>() > 20, "{seen:?}");
        // "So với kỳ trước" read petitions that named a duplicate beside its counters.
        assert!(
            seen.iter().map(|s| s.named_read).sum::<usize>() > 0,
            "{seen:?}"
        );
    }
    // Petitions taken through their lifecycle, not only closed at once.
    assert!(moves.len() >= 8, "{moves:?}");
    for action in ["classify", "accept", "resolve", "transfer", "guide"] {
        assert!(moves.get(action) >= Some(&3), "{moves:?}");
    }
}

/// A visit whose case row is gone (a register edited outside the app, which the full check
/// names) is still counted in its period, as the days' counters count it.
#[test]
fn a_visit_whose_case_row_is_missing_is_still_counted() {
    let store = register(200, 1, 5, date("2026-06-30"));
    let period = Period::new(date("2025-07-01"), date("2026-06-30")).unwrap();
    let before = store.period_facts(period).unwrap().visits.len();
    assert!(before > 10, "{before}");
    store
        .conn()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM cases WHERE id = (
                SELECT v.case_id FROM visits v JOIN sessions s ON s.id = v.session_id
                 WHERE s.date BETWEEN '2025-07-01' AND '2026-06-30' LIMIT 1);
             PRAGMA foreign_keys = ON;",
        )
        .unwrap();
    let left: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM visits WHERE case_id NOT IN (SELECT id FROM cases)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(left >= 1, "{left}");
    assert_eq!(store.period_facts(period).unwrap().visits.len(), before);
}

/// A petition taken back to a past day with its later moves' values put back at once
/// (`record_on`) is the petition taken back one move at a time, as before: on every day
/// around each move of every petition of two generated registers, and for a move whose
/// values do not fit a record (a register edited by hand), which both skip.
#[test]
fn a_petition_taken_back_at_once_is_the_petition_taken_back_move_by_move() {
    use crate::law::lifecycle::record_on_move_by_move;
    let mut compared = 0;
    for seed in [5, 23] {
        let until = date("2026-11-27");
        let store = register(700, 3, seed, until);
        let conn = store.conn();
        let ids: Vec<String> = conn
            .prepare("SELECT id FROM petitions ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for id in &ids {
            let record = crate::store::get_petition(conn, id).unwrap().unwrap();
            let events = crate::store::events_of(conn, id).unwrap();
            let received = date(&record.received_on);
            let mut days = vec![received - Duration::days(1), received, until];
            for e in &events {
                let on = date(&e.on_date);
                days.extend([on - Duration::days(1), on]);
            }
            for day in days {
                assert_eq!(
                    record_on(&record, &events, day).map(Cow::into_owned),
                    record_on_move_by_move(&record, &events, day),
                    "{id} on {day}"
                );
                compared += 1;
            }
            // The same with the last move's values made unreadable as a record.
            if let Some(last) = events.len().checked_sub(1) {
                let mut bad = events.clone();
                if let Some(serde_json::Value::Object(d)) = bad[last].details.as_mut() {
                    if let Some(serde_json::Value::Object(b)) = d.get_mut("before") {
                        b.insert("received_on".into(), serde_json::json!(12));
                    }
                }
                let on = date(&events[last].on_date) - Duration::days(1);
                assert_eq!(
                    record_on(&record, &bad, on).map(Cow::into_owned),
                    record_on_move_by_move(&record, &bad, on),
                    "{id} on {on}, a move's values unreadable"
                );
            }
        }
    }
    assert!(compared > 5000, "{compared} days compared");
}
