//! The exchange format: an export re-imports to the same totals; bad files are refused whole.

mod common;

use common::*;
use tiepdan::demo::load_demo;
use tiepdan::exchange::{json_schema, ExchangeFile};

#[test]
fn an_export_reimports_to_the_same_totals() {
    let mut a = store_on("2026-06-30");
    let summary = load_demo(&mut a, 7).unwrap();
    assert!(summary.visits > 100, "{summary:?}");
    let text = serde_json::to_string(&a.export_exchange().unwrap()).unwrap();

    let mut b = store_on("2026-06-30");
    let file: ExchangeFile = serde_json::from_str(&text).unwrap();
    let n = b.import_exchange(&file).unwrap();
    assert_eq!(n.visits, summary.visits);
    assert_eq!(n.petitions, summary.petitions);
    assert_eq!(n.skipped, 0);
    for (from, to) in [
        ("2026-01-01", "2026-06-30"),
        ("2026-04-01", "2026-04-30"),
        ("2026-06-22", "2026-06-28"),
    ] {
        assert_eq!(report(&a, from, to), report(&b, from, to), "{from}..{to}");
    }
    // The same file twice changes nothing.
    let again = b.import_exchange(&file).unwrap();
    assert_eq!((again.visits, again.petitions), (0, 0));
    assert!(again.skipped > 0);
    assert_eq!(
        report(&a, "2026-01-01", "2026-06-30"),
        report(&b, "2026-01-01", "2026-06-30")
    );
    // Person search works on imported persons.
    let someone = &file.persons[0].full_name;
    assert!(!b.find_persons(someone, 5).unwrap().is_empty());
}

#[test]
fn a_broken_file_is_refused_and_nothing_is_saved() {
    let mut a = store_on("2026-06-30");
    load_demo(&mut a, 1).unwrap();
    let mut file = a.export_exchange().unwrap();
    // A visit that points to a session missing from the file.
    file.sessions.remove(0);
    let mut b = store_on("2026-06-30");
    assert!(b.import_exchange(&file).is_err());
    assert_eq!(
        count(&b, "visits") + count(&b, "persons") + count(&b, "sessions"),
        0
    );

    let mut wrong = a.export_exchange().unwrap();
    wrong.version = 99;
    let e = b.import_exchange(&wrong).unwrap_err();
    assert_eq!(e.code(), "exchange");
    assert!(e.to_string().contains("phiên bản 99"));
}

#[test]
fn the_committed_json_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/exchange.schema.json");
    if std::env::var("UPDATE_BINDINGS").is_ok() {
        std::fs::write(path, json_schema()).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        committed,
        json_schema(),
        "run `UPDATE_BINDINGS=1 cargo test --test exchange`"
    );
}
