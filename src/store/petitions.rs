//! Petition numbers and the petition queries of the screens.

use rusqlite::{params, Connection, OptionalExtension, ToSql};

use super::records::{
    event_from_row, person_from_row, petition_from_row, petitioner_ids, DEADLINE_EVENT_COLUMNS,
    EVENT_COLUMNS, PERSON_COLUMNS, PETITION_COLUMNS,
};
use crate::domain::PetitionFilter;
use crate::error::Result;
use crate::period::Period;
use crate::records::{PetitionEvent, PetitionRecord};
use crate::text::clean;
use crate::validate::parse_date;

/// The id of this register's own unit (the one that numbers the petitions typed here).
pub(crate) fn own_unit_id(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'unit_id'")?
        .query_row([], |r| r.get(0))?)
}

/// Every unit known to the register.
pub(crate) fn all_units(conn: &Connection) -> Result<Vec<crate::exchange::Unit>> {
    let mut stmt = conn.prepare("SELECT id, name FROM units ORDER BY name, id")?;
    let units = stmt
        .query_map([], |r| {
            Ok(crate::exchange::Unit {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(units)
}

/// Whether `unit` numbered any petition (kept or deleted) in this register.
pub(crate) fn unit_numbered_any(conn: &Connection, unit: &str) -> Result<bool> {
    Ok(super::one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM petition_numbers WHERE unit_id = ?1)
             OR EXISTS (SELECT 1 FROM petitions WHERE unit_id = ?1)",
        [unit],
        |r| r.get(0),
    )?)
}

/// Make sure a unit is known (a unit of an exchange file), naming it if it is new.
pub(crate) fn ensure_unit(conn: &Connection, id: &str, name: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO units (id, name) VALUES (?1, ?2) ON CONFLICT(id) DO NOTHING")?
        .execute(params![id, name])?;
    Ok(())
}

/// Keep the own unit's name in step with the settings.
pub(crate) fn rename_own_unit(conn: &Connection, name: &str) -> Result<()> {
    super::exec(
        conn,
        "UPDATE units SET name = ?1 WHERE id = (SELECT value FROM settings WHERE key = 'unit_id')",
        [name],
    )?;
    Ok(())
}

/// A petition's number as people say it: "12/2026", and for a petition numbered by another
/// unit whose file was combined into this register, "12/2026 (phường Tân Lập)".
pub(crate) fn number_label(conn: &Connection, p: &PetitionRecord) -> Result<String> {
    let other: Option<String> = conn
        .prepare_cached(
            "SELECT name FROM units WHERE id = ?1
                AND id <> (SELECT value FROM settings WHERE key = 'unit_id')",
        )?
        .query_row([&p.unit_id], |r| r.get(0))
        .optional()?;
    Ok(label_of(p, other.as_deref()))
}

/// [`number_label`] from the name of the other unit that numbered the petition (`None`:
/// this register's own unit).
fn label_of(p: &PetitionRecord, other_unit: Option<&str>) -> String {
    number_text(i64::from(p.number), i64::from(p.year), other_unit)
}

/// "12/2026", or "12/2026 (phường Khác)" for a petition another unit numbered.
pub(crate) fn number_text(number: i64, year: i64, other_unit: Option<&str>) -> String {
    let base = format!("{number}/{year}");
    match other_unit.filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("{base} ({})", name.trim()),
        None => base,
    }
}

/// The names of the other units, read once for [`number_label`] of many petitions.
pub(crate) struct NumberLabels(std::collections::HashMap<String, String>);

impl NumberLabels {
    pub(crate) fn read(conn: &Connection) -> Result<NumberLabels> {
        let mut stmt = conn.prepare_cached(
            "SELECT id, name FROM units WHERE id <> (SELECT value FROM settings WHERE key = 'unit_id')",
        )?;
        let names = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(NumberLabels(names))
    }

    pub(crate) fn label(&self, p: &PetitionRecord) -> String {
        label_of(p, self.0.get(&p.unit_id).map(String::as_str))
    }
}

/// The states of an open petition, as SQL.
const OPEN_STATES: &str = "('received','classified','accepted','suspended')";

fn open_petitions_sql() -> String {
    format!(
        "SELECT {PETITION_COLUMNS} FROM petitions p WHERE p.state IN {OPEN_STATES}
          ORDER BY p.received_on, p.number"
    )
}

fn open_events_sql() -> String {
    format!(
        "SELECT {DEADLINE_EVENT_COLUMNS} FROM petition_events
          WHERE petition_id IN (SELECT id FROM petitions WHERE state IN {OPEN_STATES})
          ORDER BY petition_id, on_date, seq"
    )
}

/// Every open petition, oldest first, without its petitioners ([`petitioners_of`] reads
/// them for those shown): one query, whatever their number.
pub(crate) fn open_petition_records(conn: &Connection) -> Result<Vec<PetitionRecord>> {
    let mut stmt = conn.prepare_cached(&open_petitions_sql())?;
    let list = stmt
        .query_map([], petition_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// The petitioners of each petition of `ids`, in order (as [`petitioner_ids`]): a few
/// queries.
pub(crate) fn petitioners_of(
    conn: &Connection,
    ids: &[&str],
) -> Result<std::collections::HashMap<String, Vec<String>>> {
    let mut out: std::collections::HashMap<String, Vec<String>> = Default::default();
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare(&format!(
            "SELECT petition_id, person_id FROM petition_persons
              WHERE petition_id IN ({marks}) ORDER BY petition_id, position"
        ))?;
        for row in stmt.query_map(rusqlite::params_from_iter(chunk), |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?))
        })? {
            let (petition, person) = row?;
            out.entry(petition).or_default().push(person);
        }
    }
    Ok(out)
}

/// The petitioners of each petition of `ids`, in order, as (person id, full name): what a
/// picker shows, without reading whole person records.
pub(crate) fn petitioner_names(
    conn: &Connection,
    ids: &[&str],
) -> Result<std::collections::HashMap<String, Vec<(String, String)>>> {
    let mut out: std::collections::HashMap<String, Vec<(String, String)>> = Default::default();
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare(&format!(
            "SELECT pp.petition_id, pp.person_id, p.full_name
               FROM petition_persons pp JOIN persons p ON p.id = pp.person_id
              WHERE pp.petition_id IN ({marks}) ORDER BY pp.petition_id, pp.position"
        ))?;
        for row in stmt.query_map(rusqlite::params_from_iter(chunk), |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
        })? {
            let (petition, person, name) = row?;
            out.entry(petition).or_default().push((person, name));
        }
    }
    Ok(out)
}

/// Moves by petition.
pub(crate) type MovesByPetition = std::collections::HashMap<String, Vec<PetitionEvent>>;

/// `events` (each petition's in order, as a query gives them) into `by`, by petition.
pub(crate) fn group_moves(
    by: &mut MovesByPetition,
    events: impl Iterator<Item = rusqlite::Result<PetitionEvent>>,
) -> Result<()> {
    for e in events {
        let e = e?;
        by.entry(e.petition_id.clone()).or_default().push(e);
    }
    Ok(())
}

/// The moves of every open petition, by petition, each in the order of
/// [`super::events_of`]: one query. For computing their deadlines only: a move's
/// `details` are read for an extension alone ([`DEADLINE_EVENT_COLUMNS`]).
pub(crate) fn events_of_open_petitions(conn: &Connection) -> Result<MovesByPetition> {
    let mut stmt = conn.prepare_cached(&open_events_sql())?;
    let mut events = MovesByPetition::new();
    group_moves(&mut events, stmt.query_map([], event_from_row)?)?;
    Ok(events)
}

/// The moves of each petition of `ids`, by petition, each in the order of
/// [`super::events_of`]: a few queries, whatever their number.
pub(crate) fn events_of_petitions(conn: &Connection, ids: &[&str]) -> Result<MovesByPetition> {
    let mut events = MovesByPetition::new();
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare(&format!(
            "SELECT {EVENT_COLUMNS} FROM petition_events
              WHERE petition_id IN ({marks}) ORDER BY petition_id, on_date, seq"
        ))?;
        group_moves(
            &mut events,
            stmt.query_map(rusqlite::params_from_iter(chunk), event_from_row)?,
        )?;
    }
    Ok(events)
}

/// The persons of `ids` (each once), read in a few queries.
pub(crate) fn persons_by_ids(
    conn: &Connection,
    ids: &[&str],
) -> Result<std::collections::HashMap<String, crate::domain::Person>> {
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare(&format!(
            "SELECT {PERSON_COLUMNS} FROM persons p WHERE p.id IN ({marks})"
        ))?;
        for p in stmt.query_map(rusqlite::params_from_iter(chunk), person_from_row)? {
            let p = p?;
            out.insert(p.id.clone(), p);
        }
    }
    Ok(out)
}

/// The next petition number of this register's unit in `year`: never one given before,
/// even to a deleted petition.
pub(crate) fn next_number(conn: &Connection, year: i32) -> Result<(String, u32)> {
    let unit = own_unit_id(conn)?;
    let number: u32 = super::one(conn,
        "SELECT max(coalesce((SELECT last FROM petition_numbers WHERE unit_id = ?1 AND year = ?2), 0),
                    coalesce((SELECT max(number) FROM petitions WHERE unit_id = ?1 AND year = ?2), 0)) + 1",
        params![unit, year],
        |r| r.get(0),
    )?;
    note_number(conn, &unit, year, number)?;
    Ok((unit, number))
}

/// Whether `number` of `year` was already given by `unit`: to a petition here, or to one
/// deleted (its deletion keeps it in the history).
pub(crate) fn number_given_before(
    conn: &Connection,
    unit: &str,
    year: i32,
    number: u32,
) -> Result<bool> {
    Ok(super::one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM petitions WHERE unit_id = ?1 AND year = ?2 AND number = ?3)
             OR EXISTS (SELECT 1 FROM changes
                         WHERE table_name = 'petitions' AND action = 'delete' AND source IS NULL
                           AND coalesce(json_extract(old_value, '$.petition.unit_id'),
                                        (SELECT value FROM settings WHERE key = 'unit_id')) = ?1
                           AND json_extract(old_value, '$.petition.year') = ?2
                           AND json_extract(old_value, '$.petition.number') = ?3)",
        params![unit, year, number],
        |r| r.get(0),
    )?)
}

/// Remember that `unit` gave `number` in `year`.
pub(crate) fn note_number(conn: &Connection, unit: &str, year: i32, number: u32) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO petition_numbers (unit_id, year, last) VALUES (?1, ?2, ?3)
         ON CONFLICT(unit_id, year) DO UPDATE SET last = max(last, excluded.last)",
    )?
    .execute(params![unit, year, number])?;
    Ok(())
}

/// Move the receipt event of a petition to its corrected receipt date.
pub(crate) fn move_receipt_date(conn: &Connection, petition_id: &str, date: &str) -> Result<()> {
    super::exec(
        conn,
        "UPDATE petition_events SET on_date = ?2 WHERE petition_id = ?1 AND from_state IS NULL",
        params![petition_id, date],
    )?;
    super::records::due_stale(conn, petition_id)
}

/// A petition that refers to this one (as its duplicate or its second round), if any.
pub(crate) fn petition_referring_to(conn: &Connection, id: &str) -> Result<Option<(u32, i32)>> {
    Ok(super::one(
        conn,
        "SELECT number, year FROM petitions WHERE duplicate_of = ?1 OR first_round_id = ?1 LIMIT 1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?)
}

/// The second-round complaints that name `id` as their first round (a correction of a
/// receipt date asks; no index: `first_round_id` is rarely set and rarely asked).
pub(crate) fn second_rounds_of(conn: &Connection, id: &str) -> Result<Vec<PetitionRecord>> {
    linked_to(
        conn,
        "SELECT id FROM petitions WHERE first_round_id = ?1",
        id,
    )
}

/// The petitions marked duplicates of `id` (through `petitions_duplicate_of`).
pub(crate) fn duplicates_of(conn: &Connection, id: &str) -> Result<Vec<PetitionRecord>> {
    linked_to(conn, "SELECT id FROM petitions WHERE duplicate_of = ?1", id)
}

/// The petitions `sql` (ids, `?1` the petition linked to) selects, read whole.
fn linked_to(conn: &Connection, sql: &str, id: &str) -> Result<Vec<PetitionRecord>> {
    let ids: Vec<String> = conn
        .prepare_cached(sql)?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter()
        .filter_map(|i| super::records::get_petition(conn, i).transpose())
        .collect()
}

/// Whether another denunciation of the same case was already transferred.
pub(crate) fn case_denunciation_transferred(
    conn: &Connection,
    case_id: &str,
    except: &str,
) -> Result<bool> {
    Ok(super::one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM petitions p JOIN petition_events e ON e.petition_id = p.id
                         WHERE p.case_id = ?1 AND p.id <> ?2 AND p.kind = 'denunciation'
                           AND e.action = 'transfer')",
        params![case_id, except],
        |r| r.get(0),
    )?)
}

/// Petition records matching the filter, newest first.
pub(crate) fn petitions_matching(
    conn: &Connection,
    filter: &PetitionFilter,
) -> Result<Vec<PetitionRecord>> {
    with_petitioners(conn, petition_rows_matching(conn, filter, Within::All)?)
}

/// `list` with each petition's petitioners read.
pub(crate) fn with_petitioners(
    conn: &Connection,
    list: Vec<PetitionRecord>,
) -> Result<Vec<PetitionRecord>> {
    list.into_iter()
        .map(|mut p| {
            p.petitioner_ids = petitioner_ids(conn, &p.id)?;
            Ok(p)
        })
        .collect()
}

/// Which petitions a list may hold besides what its filter says: all, only those of a
/// set of ids, or all but those (the urgency filter, from the open petitions' kept due
/// days: `Store::petition_page`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Within<'a> {
    All,
    Only(&'a [String]),
    Except(&'a [String]),
}

/// What `filter` keeps, as SQL conditions on `petitions p` and their arguments.
fn filter_sql(
    filter: &PetitionFilter,
    within: Within<'_>,
) -> Result<(String, Vec<Box<dyn ToSql>>)> {
    let mut sql = String::from("1 = 1");
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    // The ids as one JSON array argument (a few thousand overdue petitions at city scale;
    // SQLite's limit on bound parameters is not reached).
    let ids =
        |ids: &[String]| -> Result<Box<dyn ToSql>> { Ok(Box::new(serde_json::to_string(ids)?)) };
    match within {
        Within::All => {}
        Within::Only(only) => {
            sql.push_str(" AND p.id IN (SELECT value FROM json_each(?))");
            args.push(ids(only)?);
        }
        Within::Except(except) => {
            sql.push_str(" AND p.id NOT IN (SELECT value FROM json_each(?))");
            args.push(ids(except)?);
        }
    }
    if let Some(k) = filter.kind {
        sql.push_str(" AND p.kind = ?");
        args.push(Box::new(k));
    }
    if let Some(s) = filter.status {
        sql.push_str(match s {
            crate::domain::PetitionStatus::Open => {
                " AND p.state IN ('received','classified','accepted','suspended')"
            }
            crate::domain::PetitionStatus::Closed => {
                " AND p.state NOT IN ('received','classified','accepted','suspended')"
            }
        });
    }
    if let Some(s) = filter.state {
        sql.push_str(" AND p.state = ?");
        args.push(Box::new(s));
    }
    if let Some(f) = clean(&filter.field_code) {
        sql.push_str(" AND p.field_code = ?");
        args.push(Box::new(f));
    }
    if let Some(from) = clean(&filter.from) {
        sql.push_str(" AND p.received_on >= ?");
        args.push(Box::new(parse_date("from", "Từ ngày", &from)?.to_string()));
    }
    if let Some(to) = clean(&filter.to) {
        sql.push_str(" AND p.received_on <= ?");
        args.push(Box::new(parse_date("to", "Đến ngày", &to)?.to_string()));
    }
    if let (Some(from), Some(to)) = (clean(&filter.from), clean(&filter.to)) {
        Period::parse(&from, &to)?;
    }
    Ok((sql, args))
}

/// The list's order: newest first, then by number; the unit and the id last, so that
/// the order is total (two wards' petitions 5/2026 received the same day) and a page
/// read on its own meets the next where the whole list does.
const LIST_ORDER: &str = "p.received_on DESC, p.year DESC, p.number DESC, p.unit_id, p.id";

/// The petitions `filter` keeps, newest first, without their petitioners (a page of them
/// reads those: [`with_petitioners`]).
pub(crate) fn petition_rows_matching(
    conn: &Connection,
    filter: &PetitionFilter,
    within: Within<'_>,
) -> Result<Vec<PetitionRecord>> {
    let (conditions, args) = filter_sql(filter, within)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {PETITION_COLUMNS} FROM petitions p WHERE {conditions} ORDER BY {LIST_ORDER}"
    ))?;
    let list: Vec<PetitionRecord> = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), petition_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// Above this many matches a page walks the receipt index from the newest (named: without
/// statistics SQLite would rather read every match and sort them all to keep 200); at
/// or below it, the planner's choice (a rare state or field is found through its own
/// index and its few petitions sorted, not looked for along every receipt).
const WALK_RECEIPTS_ABOVE: u32 = 2_000;

/// A page of the list (`LIMIT ? OFFSET ?` after the conditions' arguments).
fn page_sql(conditions: &str, walk_receipts: bool) -> String {
    let index = if walk_receipts {
        "INDEXED BY petitions_received"
    } else {
        ""
    };
    format!(
        "SELECT {PETITION_COLUMNS} FROM petitions p {index}
          WHERE {conditions} ORDER BY {LIST_ORDER} LIMIT ? OFFSET ?"
    )
}

/// How many petitions `filter` keeps, and `limit` of them from `offset` on, in the order
/// of [`petition_rows_matching`]: a count and a page read through the receipt index
/// (the first page of a city's 120,000 petitions reads 200 rows, not all).
pub(crate) fn petition_rows_page(
    conn: &Connection,
    filter: &PetitionFilter,
    within: Within<'_>,
    offset: u32,
    limit: u32,
) -> Result<(u32, Vec<PetitionRecord>)> {
    let (conditions, mut args) = filter_sql(filter, within)?;
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM petitions p WHERE {conditions}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    args.push(Box::new(limit));
    args.push(Box::new(offset));
    // A set of ids is read id by id and sorted, however many it holds.
    let walk = total > WALK_RECEIPTS_ABOVE && !matches!(within, Within::Only(_));
    let mut stmt = conn.prepare(&page_sql(&conditions, walk))?;
    let page = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), petition_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok((total, page))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::store::Store;

    /// Two wards' petitions numbered alike and received the same day: the list's order is
    /// total, so pages read one petition at a time meet as the whole list, whether the
    /// page walks the receipt index or takes the planner's way.
    #[test]
    fn pages_of_two_wards_petitions_numbered_alike_meet_as_the_whole_list() {
        use crate::domain::*;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let petition = |day: &str| NewPetition {
            received_on: day.into(),
            source: PetitionSource::Post,
            source_agency: None,
            kind: PetitionKind::Proposal,
            contents: vec![],
            field_code: Some("dat_dai".into()),
            content: "Đề nghị sửa đường ngõ".into(),
            anonymous: true,
            petitioners: vec![],
            respondent: None,
            handling: HandlingInput::default(),
            classification: Classification::default(),
            case_id: None,
            duplicate_of: None,
        };
        let mut other = Store::open_in_memory(Box::new(FixedClock(today))).unwrap();
        let mut settings = other.settings().unwrap();
        settings.unit_name = "Phường Bên Cạnh".into();
        other.save_settings(&settings).unwrap();
        let mut store = Store::open_in_memory(Box::new(FixedClock(today))).unwrap();
        for day in ["2026-03-02", "2026-03-02", "2026-03-02", "2026-03-09"] {
            store.create_petition(&petition(day)).unwrap();
            other.create_petition(&petition(day)).unwrap();
        }
        store
            .import_exchange(&other.export_exchange().unwrap())
            .unwrap();
        let filter = PetitionFilter::default();
        let whole = petition_rows_matching(store.conn(), &filter, Within::All).unwrap();
        assert_eq!(whole.len(), 8);
        let ties = whole
            .iter()
            .filter(|p| p.received_on == "2026-03-02" && p.number == 1)
            .count();
        assert_eq!(ties, 2, "two petitions 1/2026 received on 2/3");
        let (conditions, _) = filter_sql(&filter, Within::All).unwrap();
        for walk in [true, false] {
            let mut stmt = store.conn().prepare(&page_sql(&conditions, walk)).unwrap();
            let paged: Vec<String> = (0..8)
                .map(|offset| {
                    stmt.query_row([1, offset], |r| r.get::<_, String>(0))
                        .unwrap()
                })
                .collect();
            let ids: Vec<String> = whole.iter().map(|p| p.id.clone()).collect();
            assert_eq!(paged, ids, "walking the receipts: {walk}");
        }
    }

    /// A page of Đơn thư walks the receipt index from the newest, and stops at the page.
    #[test]
    fn a_page_of_the_list_reads_through_the_receipt_index() {
        // A register on disk, as the window opens it (SQLite plans an in-memory one
        // differently).
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("so.sqlite3")).unwrap();
        let (conditions, _) = filter_sql(&PetitionFilter::default(), Within::All).unwrap();
        let plan: Vec<String> = store
            .conn()
            .prepare(&format!(
                "EXPLAIN QUERY PLAN {}",
                page_sql(&conditions, true)
            ))
            .unwrap()
            .query_map([200, 0], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(plan[0], "SCAN p USING INDEX petitions_received", "{plan:?}");
        // Only the ties of a receipt date are sorted, not the whole list.
        assert!(
            plan[1].starts_with("USE TEMP B-TREE FOR") && plan[1] != "USE TEMP B-TREE FOR ORDER BY",
            "{plan:?}"
        );
        assert_eq!(plan.len(), 2, "{plan:?}");
    }

    /// The dashboard's queue reads the open petitions by their state and their moves by
    /// petition, in the index's order: no table walked, no sort of the moves.
    #[test]
    fn the_queue_queries_search_their_indexes() {
        let store = Store::open_in_memory(Box::new(FixedClock(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        )))
        .unwrap();
        let plan = |sql: &str| -> String {
            let mut stmt = store
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let rows = stmt.query_map([], |r| r.get::<_, String>(3)).unwrap();
            rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
        };
        let petitions = plan(&open_petitions_sql());
        assert!(
            petitions.contains("SEARCH p USING INDEX petitions_state (state=?)"),
            "{petitions}"
        );
        let events = plan(&open_events_sql());
        assert!(
            events.contains("USING INDEX petition_events_order (petition_id=?)"),
            "{events}"
        );
        assert!(events.contains("petitions_state (state=?)"), "{events}");
        for line in petitions.lines().chain(events.lines()) {
            assert!(!line.starts_with("SCAN "), "{line}\n{petitions}\n{events}");
        }
        assert!(!events.contains("TEMP B-TREE"), "{events}");
    }
}
