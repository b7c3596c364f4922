//! Import at city scale: a generated exchange file of 200,000 persons (with their
//! sessions, visits, petitions and moves in proportion) into an empty register on disk
//! (WAL, synchronous=FULL), all or nothing. Goal: well under 30 s in release.
//! Run: `cargo bench --bench import -- --quick`; `TIEPDAN_BENCH_PERSONS=10000` for
//! another size. `cargo test` runs the body once (criterion's test mode) on 300 persons.

use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use tiepdan::clock::FixedClock;
use tiepdan::exchange::generate::{generate, Spec};
use tiepdan::Store;

fn bench(c: &mut Criterion) {
    let persons: usize = std::env::var("TIEPDAN_BENCH_PERSONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if std::env::args().any(|a| a == "--bench") {
            200_000
        } else {
            300
        });
    let until = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let file = generate(&Spec::new(persons, 2026, until));
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function(format!("{persons}_persons"), |b| {
        let mut round = 0;
        b.iter_batched(
            || {
                round += 1;
                let path = dir.path().join(format!("so-{round}.sqlite3"));
                Store::open_with_clock(&path, Box::new(FixedClock(until))).unwrap()
            },
            |mut store| {
                store.import_exchange(&file).unwrap();
                store
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
