//! Speed at ward scale, on generated data: a year of a ward (about 215 visits, 150
//! petitions) and three years of it: reports, search, the six tables of a year and the
//! year's register as xlsx. Run: `cargo bench --bench ward`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use tiepdan::clock::FixedClock;
use tiepdan::exchange::generate::{generate, Spec};
use tiepdan::period::Period;
use tiepdan::report::{dashboard, period_report};
use tiepdan::Store;

fn store_with_years(years: i64) -> Store {
    let end = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut store = Store::open_in_memory(Box::new(FixedClock(end))).unwrap();
    // A ward's years of reception, generated once as a file (about 215 visits and 150
    // petitions a year) and imported: unique ID numbers at any length of time.
    let spec = Spec {
        years: years as u32,
        ..Spec::new(250 * years as usize, 100 + years as u64, end)
    };
    store.import_exchange(&generate(&spec)).unwrap();
    store
}

fn bench(c: &mut Criterion) {
    // `cargo test` (no `--bench`): each body once, at the smallest size.
    let sizes: &[i64] = if std::env::args().any(|a| a == "--bench") {
        &[1, 3]
    } else {
        &[1]
    };
    for &years in sizes {
        let store = store_with_years(years);
        let half_year = Period::parse("2026-06-01", "2026-11-29").unwrap();
        c.bench_function(&format!("period_report_6_months/{years}y"), |b| {
            b.iter(|| period_report(&store, half_year).unwrap())
        });
        c.bench_function(&format!("dashboard_12_weeks/{years}y"), |b| {
            b.iter(|| dashboard(&store).unwrap())
        });
        c.bench_function(&format!("find_persons_by_name/{years}y"), |b| {
            b.iter(|| store.find_persons("nguyen van", 8).unwrap())
        });
        let year = Period::parse("2025-12-15", "2026-12-14").unwrap();
        c.bench_function(&format!("six_tables_year/{years}y"), |b| {
            b.iter(|| tiepdan::forms::statutory_tables(&store, year).unwrap())
        });
        c.bench_function(&format!("register_year_to_xlsx/{years}y"), |b| {
            b.iter(|| {
                let book = tiepdan::forms::register::register_book(&store, year).unwrap();
                tiepdan::export::register_xlsx(&book, &tiepdan::export::Progress::none()).unwrap()
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
