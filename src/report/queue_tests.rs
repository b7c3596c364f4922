//! The dashboard's "Cần xử lý" queue, read in a few set-based queries, against the
//! one-by-one reading it replaced (each open petition, its moves, its petitioners and its
//! number read on their own), on a generated register, for each role.

use chrono::{Duration, NaiveDate};

use super::dashboard::{dashboard, QUEUE_TOP};
use crate::access::Role;
use crate::clock::FixedClock;
use crate::desk::account::AccountInput;
use crate::desk::intake::queue_rank;
use crate::domain::{Petition, PetitionState, Urgency};
use crate::exchange::generate::{generate, Spec};
use crate::store::{self, Store};

/// The queue as it was read before: one open petition at a time through the single
/// petition's view, in the queue's total order (rank, next due date with none last,
/// receipt date, number, id).
fn one_by_one(store: &Store) -> Vec<Petition> {
    let calendar = store.calendar().unwrap();
    let settings = store.settings().unwrap().deadlines;
    let today = store.today();
    let mut list = Vec::new();
    let ids: Vec<String> = store
        .conn()
        .prepare(
            "SELECT id FROM petitions WHERE state IN ('received','classified','accepted','suspended')
              ORDER BY received_on, number",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for id in ids {
        let record = store::get_petition(store.conn(), &id).unwrap().unwrap();
        let key = (record.received_on.clone(), record.year, record.number);
        let p = store
            .petition_view(record, &calendar, &settings, today)
            .unwrap();
        let rank = match p.urgency {
            Urgency::Overdue => 0,
            Urgency::DueSoon => 1,
            Urgency::Unknown => 2,
            Urgency::None if p.state == PetitionState::Received => 3,
            Urgency::None => continue,
        };
        // Earliest due first, none last.
        let due = p.next_due.as_ref().and_then(|d| d.due.clone());
        list.push(((rank, due.is_none(), due, key, p.id.clone()), p));
    }
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list.into_iter().map(|(_, p)| p).collect()
}

fn account(login: &str, role: Role) -> AccountInput {
    AccountInput {
        id: None,
        login: login.into(),
        full_name: format!("Cán bộ {login}"),
        roles: vec![role],
        active: true,
        password: Some(format!("matkhau-{login}")),
    }
}

fn as_user(store: &mut Store, login: &str) {
    store.sign_out().unwrap();
    store.sign_in(login, &format!("matkhau-{login}")).unwrap();
}

/// A register generated over two years to `until`, with an account of each role.
fn generated(persons: usize, seed: u64, until: NaiveDate) -> Store {
    let mut spec = Spec::new(persons, seed, until);
    spec.years = 2;
    let mut store = Store::open_in_memory(Box::new(FixedClock(until))).unwrap();
    store.import_exchange(&generate(&spec)).unwrap();
    for (login, role) in [
        ("quantri", Role::Admin),
        ("canbo", Role::Officer),
        ("lanhdao", Role::Leader),
        ("xem", Role::Viewer),
    ] {
        store.save_account(&account(login, role)).unwrap();
    }
    store
}

#[test]
fn the_queue_read_at_once_is_the_queue_read_one_by_one() {
    let until = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut store = generated(1500, 9, until);
    // The queue reads a move's details for an extension only (the one a deadline reads).
    // The generator extends no open denunciation: three accepted ones are extended here,
    // through the desk, so a deadline computed from fewer details would differ below; the
    // other open petitions' moves carry details of their own.
    as_user(&mut store, "canbo");
    // The oldest three, each extended the day after its last move (its acceptance), while
    // its resolution deadline was still ahead: still overdue, to a later date (the
    // petitions due soon stay as they are).
    let accepted: Vec<(String, String)> = store
        .conn()
        .prepare(
            "SELECT p.id, (SELECT max(on_date) FROM petition_events e WHERE e.petition_id = p.id)
               FROM petitions p
              WHERE p.kind = 'denunciation' AND p.state = 'accepted'
              ORDER BY p.received_on, p.id LIMIT 3",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(accepted.len(), 3, "three accepted denunciations to extend");
    for (i, (id, last)) in accepted.iter().enumerate() {
        let last = NaiveDate::parse_from_str(last, "%Y-%m-%d").unwrap();
        let on = (last + Duration::days(1)).min(until);
        let mut m = crate::domain::MoveInput::new(
            id.as_str(),
            crate::domain::MoveAction::Extend,
            on.to_string(),
        );
        m.extension_days = Some(10 + 10 * i as u32);
        store.move_petition(&m).unwrap();
    }
    let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count(
            "SELECT count(*) FROM petition_events
              WHERE action = 'extend' AND json_extract(details, '$.extension_days') > 0"
        ),
        3
    );
    assert!(
        count(
            "SELECT count(*) FROM petition_events e JOIN petitions p ON p.id = e.petition_id
              WHERE p.state IN ('received','classified','accepted','suspended')
                AND e.action <> 'extend' AND e.details IS NOT NULL"
        ) > 0,
        "no other move of an open petition has details"
    );

    assert_kept(&store);

    // Today, and a few days on (more of the queue overdue, nothing due soon): the queue
    // ranked from each open petition's kept next due day. And a PC whose clock was set
    // back three weeks (moves and receipts dated after "today"): ranked the full way.
    for today in [until, until + Duration::days(4), until - Duration::days(21)] {
        store.set_clock(Box::new(FixedClock(today)));
        let calendar = store.calendar().unwrap();
        let settings = store.settings().unwrap().deadlines;
        assert_eq!(
            store::due_fast(store.conn(), today, &calendar, &settings)
                .unwrap()
                .is_some(),
            today >= until,
            "the kept days rank the queue unless a move is after {today}"
        );
        for login in ["canbo", "lanhdao"] {
            as_user(&mut store, login);
            let reference = one_by_one(&store);
            let full = store.petitions_needing_action().unwrap();
            assert_eq!(full, reference, "{login} on {today}");
            assert!(
                full.len() > QUEUE_TOP,
                "the register must queue more than the dashboard shows"
            );
            // Denunciators are in the queue, masked as everywhere else.
            let masked = full
                .iter()
                .flat_map(|p| &p.petitioners)
                .filter(|p| p.masked)
                .count();
            assert!(masked > 0, "{login}: no masked petitioner in the queue");
            assert!(
                full.iter()
                    .flat_map(|p| &p.petitioners)
                    .filter(|p| p.masked)
                    .all(|p| p.full_name == crate::desk::privacy::MASKED_NAME
                        && p.id_number.is_none())
            );
            // Overdue, due soon and waiting are all there (the generator makes no petition
            // whose deadline cannot be computed), in that order.
            let ranks: Vec<u8> = full
                .iter()
                .map(|p| queue_rank(p.urgency, p.state).unwrap())
                .collect();
            for rank in [0, 1, 3] {
                // Nothing falls due soon a few days after the last petition received.
                if rank != 1 || today <= until {
                    assert!(ranks.contains(&rank), "rank {rank} missing on {today}");
                }
            }
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]));

            let d = dashboard(&store).unwrap();
            assert_eq!(d.queue, full[..QUEUE_TOP], "{login}: the top of the queue");
            assert_eq!(d.queue_total as usize, full.len());
            let count = |u: Urgency| full.iter().filter(|p| p.urgency == u).count() as u32;
            assert_eq!(d.overdue, count(Urgency::Overdue));
            assert_eq!(d.due_soon, count(Urgency::DueSoon));
            assert_eq!(
                d.waiting as usize,
                full.iter()
                    .filter(|p| p.state == PetitionState::Received)
                    .count()
            );
            assert!(d.overdue > 0 && d.waiting > 0 && (d.due_soon > 0 || today > until));
        }

        // A viewer gets the counts over the whole queue, and no petition.
        as_user(&mut store, "canbo");
        let full = store.petitions_needing_action().unwrap();
        let officer = dashboard(&store).unwrap();
        as_user(&mut store, "xem");
        assert!(store.petitions_needing_action().is_err());
        let d = dashboard(&store).unwrap();
        assert!(d.queue.is_empty());
        assert_eq!(d.queue_total as usize, full.len());
        assert_eq!(
            (d.overdue, d.due_soon, d.waiting),
            (officer.overdue, officer.due_soon, officer.waiting)
        );
    }
}

/// Every open petition's kept next due day is fresh and is the one computed again from
/// its record and every move (`store::due::due_of`), with the register's settings and
/// calendar; and so is its kept carry (`store::due::carry_of`), which no closed petition
/// has.
fn assert_kept(store: &Store) {
    let (carried, units) = assert_carries(store);
    assert!(carried > 20 && units >= carried as u32, "{carried} {units}");
    let conn = store.conn();
    let calendar = store.calendar().unwrap();
    let settings = store.settings().unwrap().deadlines;
    let rows: Vec<(String, Option<String>, bool, bool)> = conn
        .prepare(
            "SELECT id, due_next, due_unknown, due_stale FROM petitions
              WHERE state IN ('received','classified','accepted','suspended')",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(rows.len() > 50, "open petitions to check: {}", rows.len());
    let mut with_due = 0;
    for (id, next, unk, stale) in rows {
        assert!(!stale, "{id} left stale by the write path");
        let p = store::get_petition(conn, &id).unwrap().unwrap();
        let events = store::events_of(conn, &id).unwrap();
        assert_eq!(
            (next.clone(), unk),
            crate::store::due_of(&p, &events, &calendar, &settings),
            "{id}"
        );
        with_due += usize::from(next.is_some());
    }
    assert!(with_due > 50, "{with_due}");
}

/// One column of a petition's row (a kept value).
fn kept_column<T: rusqlite::types::FromSql>(store: &Store, column: &str, id: &str) -> T {
    store
        .conn()
        .query_row(
            &format!("SELECT {column} FROM petitions WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

/// Every petition's kept carry is the one computed again from the petition as the reports
/// read it (`store::due::carry_of`); a closed or stale one has none. Returns how many
/// open petitions are carried over, and with how many units.
pub(crate) fn assert_carries(store: &Store) -> (usize, u32) {
    let conn = store.conn();
    // Id, kept carry (since, units), stale, open.
    type Row = (String, Option<String>, Option<u32>, bool, bool);
    let rows: Vec<Row> = conn
        .prepare(
            "SELECT id, carry_since, carry_units, due_stale,
                    state IN ('received','classified','accepted','suspended')
               FROM petitions",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let (mut carried, mut units) = (0, 0);
    for (id, since, kept, stale, open) in rows {
        if stale || !open {
            assert_eq!(kept, None, "{id}: stale or closed, yet carried");
            continue;
        }
        let fact = store::petition_facts(conn, "SELECT ?1", [&id], store::Details::All)
            .unwrap()
            .pop()
            .unwrap();
        let (again_since, again) = store::carry_of(&fact);
        assert_eq!(
            (since.as_deref(), kept),
            (Some(again_since.as_str()), again),
            "{id}"
        );
        carried += usize::from(kept.is_some());
        units += kept.unwrap_or(0);
    }
    (carried, units)
}

/// What makes a kept next due day change: a move and its undoing, a correction of the
/// petition, the deadline settings, the working-day calendar. After each, through the
/// desk's use cases, every open petition's kept day is the one computed again, and the
/// dashboard's queue is the one computed the full way.
#[test]
fn the_kept_next_due_days_follow_every_change() {
    let until = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut store = generated(1000, 4, until);
    as_user(&mut store, "canbo");
    assert_kept(&store);
    let same_queue = |store: &Store| {
        assert_eq!(store.petitions_needing_action().unwrap(), one_by_one(store));
    };
    same_queue(&store);

    // A received petition classified, then the move undone.
    let received: String = store
        .conn()
        .query_row(
            "SELECT id FROM petitions WHERE state = 'received' AND kind = 'complaint'
              ORDER BY received_on DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let before: Option<String> = kept_column(&store, "due_next", &received);
    let mut m = crate::domain::MoveInput::new(
        received.as_str(),
        crate::domain::MoveAction::Classify,
        until.to_string(),
    );
    m.classification = Some(crate::domain::ClassifyInput {
        kind: crate::domain::PetitionKind::Complaint,
        contents: vec![],
        field_code: None,
        eligible: true,
        competence: crate::domain::Competence::Within,
        signers: crate::domain::Signers::One,
        round: crate::domain::Round::First,
        first_round_id: None,
        complex: false,
    });
    store.move_petition(&m).unwrap();
    assert_kept(&store);
    same_queue(&store);
    store.undo_last_move(&received).unwrap();
    assert_kept(&store);
    let after: Option<String> = kept_column(&store, "due_next", &received);
    assert_eq!(before, after, "undone: the day it had");
    same_queue(&store);

    // A petition received by post, then its receipt date corrected (its deadlines move).
    let mut input = crate::domain::NewPetition::by_post(
        &(until - Duration::days(3)).to_string(),
        crate::domain::PetitionKind::Proposal,
        None,
        "Đề nghị sửa đường ngõ 5",
        "Lê Thị Hoa",
    );
    let posted = store.create_petition(&input).unwrap().id;
    assert_kept(&store);
    let kept = |store: &Store| -> Option<String> { kept_column(store, "due_next", &posted) };
    let first = kept(&store);
    input.received_on = (until - Duration::days(40)).to_string();
    store.correct_petition(&posted, &input).unwrap();
    assert_kept(&store);
    assert!(kept(&store) < first, "{:?} then {first:?}", kept(&store));
    same_queue(&store);

    // A session corrected to HĐND reception: its waiting petitions are no longer the
    // UBND's, so no longer carried over into its 02/XLD (the carry of a petition follows
    // its session, which no write of the petition itself changed).
    let (session, waiting): (String, String) = store
        .conn()
        .query_row(
            "SELECT s.id, p.id FROM petitions p JOIN visits v ON v.id = p.visit_id
               JOIN sessions s ON s.id = v.session_id
              WHERE p.carry_units > 0 AND s.host_group = 'officer'
              ORDER BY p.received_on LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let s = store.session(&session).unwrap();
    let input = crate::domain::NewSession {
        date: s.date,
        kind: s.kind,
        host_group: crate::domain::HostGroup::Council,
        host_name: s.host_name,
        place: s.place,
        notes: s.notes,
    };
    store.correct_session(&session, &input).unwrap();
    assert_kept(&store);
    let carry: Option<u32> = kept_column(&store, "carry_units", &waiting);
    assert_eq!(carry, None, "HĐND's petition {waiting} still carried");

    // The deadline settings, then the calendar of next year made known.
    as_user(&mut store, "quantri");
    let mut settings = store.settings().unwrap();
    settings.unit_name = "phường Việt Hòa".into();
    settings.deadlines.first_reply_working_days += 3;
    settings.deadlines.due_soon_working_days += 2;
    store.save_settings(&settings).unwrap();
    as_user(&mut store, "canbo");
    assert_kept(&store);
    same_queue(&store);
    as_user(&mut store, "quantri");
    store.save_calendar_year(2028, &[]).unwrap();
    as_user(&mut store, "canbo");
    assert_kept(&store);
    same_queue(&store);
}

/// Đơn thư's whole list as it was built before: every petition the filter's other
/// conditions keep, one at a time through the single petition's view, those of the
/// filter's urgency kept.
fn list_one_by_one(store: &Store, filter: &crate::domain::PetitionFilter) -> Vec<Petition> {
    let calendar = store.calendar().unwrap();
    let settings = store.settings().unwrap().deadlines;
    let rows = store::petition_rows_matching(store.conn(), filter, store::Within::All).unwrap();
    store::with_petitioners(store.conn(), rows)
        .unwrap()
        .into_iter()
        .map(|r| {
            store
                .petition_view(r, &calendar, &settings, store.today())
                .unwrap()
        })
        .filter(|p| filter.urgency.is_none_or(|u| u == p.urgency))
        .collect()
}

/// Đơn thư reads its petitions' moves, petitioners and numbers a few queries at a time
/// and builds only what it shows: page after page, and whole (its CSV), it is the list
/// built one petition at a time, for every urgency and none, alone and with other
/// filters, as an officer and as a leader (masks).
#[test]
fn the_list_by_urgency_pages_as_the_list_built_one_by_one() {
    use crate::domain::{PetitionFilter, PetitionKind, PetitionStatus};
    let until = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut store = generated(1000, 4, until);
    let mut seen = std::collections::BTreeMap::new();
    let mut masked = 0;
    // First with the open petitions' kept due days (the urgency filter reads them), then
    // with them computed by other rules (every match's deadlines computed instead).
    for (kept, today, login) in [
        (true, until, "canbo"),
        (true, until + Duration::days(30), "canbo"),
        (true, until, "lanhdao"),
        (false, until, "canbo"),
        (false, until + Duration::days(30), "lanhdao"),
    ] {
        store.set_clock(Box::new(FixedClock(today)));
        as_user(&mut store, login);
        if !kept {
            store
                .conn()
                .execute("UPDATE due_basis SET fingerprint = 'other rules'", [])
                .unwrap();
        }
        let calendar = store.calendar().unwrap();
        let settings = store.settings().unwrap().deadlines;
        let fast = store::due_fast(store.conn(), today, &calendar, &settings).unwrap();
        assert_eq!(fast.is_some(), kept, "{today}");
        for urgency in [
            None,
            Some(Urgency::Overdue),
            Some(Urgency::DueSoon),
            Some(Urgency::None),
            Some(Urgency::Unknown),
        ] {
            for (kind, status) in [
                (None, None),
                (Some(PetitionKind::Complaint), None),
                (None, Some(PetitionStatus::Closed)),
            ] {
                let filter = PetitionFilter {
                    kind,
                    status,
                    urgency,
                    ..Default::default()
                };
                let whole = list_one_by_one(&store, &filter);
                assert_eq!(
                    store.petitions(&filter).unwrap(),
                    whole,
                    "{filter:?} {today}"
                );
                let mut paged = Vec::new();
                let mut offset = 0;
                loop {
                    let page = store.petition_page(&filter, offset, 40).unwrap();
                    assert_eq!(page.total as usize, whole.len(), "{filter:?} {today}");
                    if page.petitions.is_empty() {
                        break;
                    }
                    offset += page.petitions.len() as u32;
                    paged.extend(page.petitions);
                }
                assert_eq!(paged, whole, "{filter:?} {today}");
                let key = urgency.map_or("all", |u| u.code());
                *seen.entry(key).or_insert(0) += whole.len();
                masked += whole
                    .iter()
                    .flat_map(|p| &p.petitioners)
                    .filter(|p| p.masked)
                    .count();
            }
        }
    }
    // The register holds petitions of each urgency the generator makes (none whose
    // deadline cannot be computed), and more than one page of some.
    for urgency in ["overdue", "due_soon", "none"] {
        assert!(seen[urgency] > 0, "{seen:?}");
    }
    assert!(seen.values().any(|n| *n > 80), "{seen:?}");
    // Denunciators are in the lists, masked as on a single petition's page.
    assert!(masked > 0, "no masked petitioner listed");
}

/// The queue ranked and counted by SQL from the kept days (`store::queue_fast`, what the
/// dashboard and the queue read) is the queue ranked in Rust from the same kept days
/// (`DueRow::urgency`, `queue_rank`, the queue's key), for every day of three weeks
/// (the "due soon" edge crossing weekends and holidays), whole and its first few, with
/// kept days of every kind the rank reads: a deadline that cannot be computed (with and
/// without a due day), no due day, and petitions whose kept days are stale (ranked from
/// their moves and merged in).
#[test]
fn the_queue_ranked_in_sql_is_the_queue_ranked_from_the_kept_days() {
    let until = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut store = generated(700, 5, until);
    as_user(&mut store, "canbo");
    let open = "state IN ('received','classified','accepted','suspended')";
    let conn = store.conn();
    for sql in [
        format!("UPDATE petitions SET due_unknown = 1 WHERE rowid % 7 = 0 AND {open}"),
        format!(
            "UPDATE petitions SET due_unknown = 1, due_next = NULL WHERE rowid % 11 = 0 AND {open}"
        ),
        format!(
            "UPDATE petitions SET due_unknown = 0, due_next = NULL WHERE rowid % 13 = 0 AND {open}"
        ),
        format!("UPDATE petitions SET due_stale = 1 WHERE rowid % 17 = 0 AND {open}"),
    ] {
        assert!(conn.execute(&sql, []).unwrap() > 0, "{sql}");
    }
    let stale: i64 = conn
        .query_row(
            &format!("SELECT count(*) FROM petitions WHERE due_stale = 1 AND {open}"),
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(stale > 0);
    let calendar = store.calendar().unwrap();
    let settings = store.settings().unwrap().deadlines;
    let mut seen = [0u32; 4];
    for ahead in 0..21 {
        let today = until + Duration::days(ahead);
        store.set_clock(Box::new(FixedClock(today)));
        // In Rust, from every open petition's kept days.
        let rows = store::due_fast(store.conn(), today, &calendar, &settings)
            .unwrap()
            .expect("the kept days rank the queue");
        let mut expected: Vec<_> = rows
            .into_iter()
            .filter_map(|r| {
                let urgency = r.urgency(today, &calendar, &settings);
                let rank = queue_rank(urgency, r.state)?;
                Some((
                    (rank, r.due_next.is_none(), r.due_next.clone()),
                    (r.received_on.clone(), r.year, r.number, r.id.clone()),
                    urgency,
                    r.state,
                ))
            })
            .collect();
        expected.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        for (rank, ..) in expected.iter().map(|e| e.0.clone()) {
            seen[rank as usize] += 1;
        }
        let ids: Vec<&str> = expected.iter().map(|e| e.1 .3.as_str()).collect();
        let count = |u: Urgency| expected.iter().filter(|e| e.2 == u).count() as u32;
        let waiting = expected
            .iter()
            .filter(|e| e.3 == PetitionState::Received)
            .count() as u32;
        for top in [None, Some(0), Some(1), Some(QUEUE_TOP)] {
            let q = store.needing_action(top, true).unwrap();
            let got: Vec<&str> = q.petitions.iter().map(|p| p.id.as_str()).collect();
            let want = &ids[..top.unwrap_or(ids.len()).min(ids.len())];
            assert_eq!(got, want, "{today}, top {top:?}");
            assert_eq!(
                (q.total, q.overdue, q.due_soon, q.waiting),
                (
                    ids.len() as u32,
                    count(Urgency::Overdue),
                    count(Urgency::DueSoon),
                    waiting
                ),
                "{today}"
            );
        }
    }
    // Every rank was met, and stale petitions were among those ranked.
    assert!(seen.iter().all(|n| *n > 0), "{seen:?}");
}
