//! Sample data is removed whole, without touching what an officer recorded; its numbers
//! were never the ward's.

mod common;

use common::*;
use tiepdan::demo::load_demo;
use tiepdan::domain::*;

#[test]
fn removing_the_sample_keeps_real_work_and_frees_its_numbers() {
    let mut store = store_on("2026-06-30");
    let loaded = load_demo(&mut store, 11).unwrap();
    assert!(store.has_sample().unwrap());
    // An officer practises on a sample session with a sample citizen.
    let file = store.export_exchange().unwrap();
    let sample_session = file.sessions.last().unwrap().id.clone();
    let sample_person = file.persons[0].id.clone();
    let mut practice = visit_input(
        &sample_session,
        vec![PersonInput {
            existing_id: Some(sample_person.clone()),
            ..Default::default()
        }],
        1,
    );
    practice.petition = Some(petition_of(PetitionKind::Proposal));
    let real = store.add_visit(&practice).unwrap();
    let real_number = real.petition_number.clone().unwrap();

    let n = store.remove_sample().unwrap();
    assert_eq!(
        n.petitions, loaded.petitions,
        "every sample petition is counted"
    );
    assert_eq!(n.visits, loaded.visits);
    assert_eq!(n.kept_sessions, 1);
    assert_eq!(n.kept_persons, 1);
    assert_eq!(n.sessions, loaded.sessions - 1);
    assert!(!store.has_sample().unwrap());
    // The real visit and its petition are untouched.
    assert_eq!(store.visit(&real.id).unwrap().persons[0].id, sample_person);
    let left = store.petitions(&PetitionFilter::default()).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].number, real_number);
    // The next petition follows the last real one, not the sample's.
    let next = direct_petition(&mut store, "2026-06-30", PetitionKind::Complaint);
    let expected = format!(
        "{}/2026",
        real_number
            .split('/')
            .next()
            .unwrap()
            .parse::<u32>()
            .unwrap()
            + 1
    );
    assert_eq!(store.petition(&next).unwrap().number, expected);
}

#[test]
fn with_only_sample_petitions_numbering_starts_again() {
    let mut store = store_on("2026-06-30");
    load_demo(&mut store, 12).unwrap();
    store.remove_sample().unwrap();
    assert!(store.is_empty().unwrap());
    let first = direct_petition(&mut store, "2026-06-30", PetitionKind::Proposal);
    assert_eq!(store.petition(&first).unwrap().number, "1/2026");
}
