//! Rows in and out: one writer, updater and reader per table, used inside the
//! transaction the caller hands in. No rule is checked here: `desk/` decides what to write.

use std::sync::LazyLock;

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, ToSql};

use super::now_utc;
use crate::domain::PetitionKind;
use crate::domain::{Classification, HandlingInput, Person, Session};
use crate::error::Result;
use crate::records::{CaseRecord, ChangeRecord, PetitionEvent, PetitionRecord, VisitRecord};
use crate::text::fold;

/// `INSERT INTO table (c1, …, cn, created_at, fts_rowid) VALUES (?1, …, ?n+2)` (made once
/// per table: an import writes hundreds of thousands of rows through it).
fn insert_sql(table: &str, columns: &[&str]) -> String {
    let marks: Vec<String> = (1..=columns.len() + 2).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {table} ({}, created_at, fts_rowid) VALUES ({})",
        columns.join(", "),
        marks.join(", ")
    )
}

/// `UPDATE table SET c2 = ?2, …, cn = ?n WHERE c1 = ?1` (the first column is the id).
fn update_sql(table: &str, columns: &[&str]) -> String {
    let sets: Vec<String> = columns
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    format!(
        "UPDATE {table} SET {} WHERE {} = ?1",
        sets.join(", "),
        columns[0]
    )
}

// ---------------------------------------------------------------- sessions

pub(crate) const SESSION_COLUMNS: &str = "id, date, kind, host_group, host_name, place, notes";

pub(crate) fn session_from_row(r: &Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.get(0)?,
        date: r.get(1)?,
        kind: r.get(2)?,
        host_group: r.get(3)?,
        host_name: r.get(4)?,
        place: r.get(5)?,
        notes: r.get(6)?,
    })
}

pub(crate) fn insert_session(conn: &Connection, s: &Session) -> Result<()> {
    super::exec(conn,
        &format!("INSERT INTO sessions ({SESSION_COLUMNS}, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        params![s.id, s.date, s.kind, s.host_group, s.host_name, s.place, s.notes, now_utc()],
    )?;
    Ok(())
}

pub(crate) fn update_session(conn: &Connection, s: &Session) -> Result<()> {
    super::exec(conn,
        "UPDATE sessions SET date = ?2, kind = ?3, host_group = ?4, host_name = ?5, place = ?6, notes = ?7
          WHERE id = ?1",
        params![s.id, s.date, s.kind, s.host_group, s.host_name, s.place, s.notes],
    )?;
    session_stale(conn, &s.id)
}

pub(crate) fn get_session(conn: &Connection, id: &str) -> Result<Option<Session>> {
    Ok(super::one(
        conn,
        &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"),
        [id],
        session_from_row,
    )
    .optional()?)
}

pub(crate) fn delete_session(conn: &Connection, id: &str) -> Result<usize> {
    Ok(super::exec(
        conn,
        "DELETE FROM sessions WHERE id = ?1",
        [id],
    )?)
}

// ---------------------------------------------------------------- cases

pub(crate) fn insert_case(conn: &Connection, c: &CaseRecord) -> Result<()> {
    let rowid = new_search_record(conn, "case", &c.id, &fold(&c.summary))?;
    super::exec(
        conn,
        "INSERT INTO cases (id, summary, opened_on, created_at, fts_rowid)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![c.id, c.summary, c.opened_on, now_utc(), rowid],
    )?;
    Ok(())
}

/// The day a case was first received: its earliest visit or petition (a correction of a
/// session's or a petition's date moves it; the day kept on the case is the one it was
/// opened with), or `None` for a case with neither.
pub(crate) fn case_first_day(conn: &Connection, case_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT min(day) FROM (
                SELECT s.date AS day FROM visits v JOIN sessions s ON s.id = v.session_id
                 WHERE v.case_id = ?1
                UNION ALL SELECT received_on FROM petitions WHERE case_id = ?1)",
        )?
        .query_row([case_id], |r| r.get(0))?)
}

pub(crate) fn get_case(conn: &Connection, id: &str) -> Result<Option<CaseRecord>> {
    Ok(super::one(
        conn,
        "SELECT id, summary, opened_on FROM cases WHERE id = ?1",
        [id],
        case_from_row,
    )
    .optional()?)
}

/// Whether the case `id` is in the register (its key's index alone is read).
pub(crate) fn case_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(super::one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

pub(crate) fn update_case(conn: &Connection, c: &CaseRecord) -> Result<()> {
    super::exec(
        conn,
        "UPDATE cases SET summary = ?2, opened_on = ?3 WHERE id = ?1",
        params![c.id, c.summary, c.opened_on],
    )?;
    index_record(conn, "cases", "case", &c.id, &c.summary)
}

/// How many visits and petitions are about a case.
pub(crate) fn case_uses(conn: &Connection, id: &str) -> Result<(u32, u32)> {
    Ok(super::one(
        conn,
        "SELECT (SELECT count(*) FROM visits WHERE case_id = ?1),
                (SELECT count(*) FROM petitions WHERE case_id = ?1)",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

fn case_from_row(r: &Row<'_>) -> rusqlite::Result<CaseRecord> {
    Ok(CaseRecord {
        id: r.get(0)?,
        summary: r.get(1)?,
        opened_on: r.get(2)?,
    })
}

/// Remove a case no visit and no petition is about any more.
pub(crate) fn delete_orphan_case(conn: &Connection, id: &str) -> Result<()> {
    let used: bool = super::one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM visits WHERE case_id = ?1)
             OR EXISTS (SELECT 1 FROM petitions WHERE case_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if !used {
        unindex_record(conn, "cases", id)?;
        super::exec(conn, "DELETE FROM cases WHERE id = ?1", [id])?;
    }
    Ok(())
}

// ---------------------------------------------------------------- visits

/// The columns `visit_from_row` reads, for a query over `visits v`.
pub(crate) const VISIT_COLUMNS: &str = "v.id, v.session_id, v.seq, v.headcount, v.content,
    v.kind, v.field_code, v.handling, v.handling_agency, v.handling_letter_no, v.case_id, v.chairman_joined,
    v.prior_agencies";

/// A visit row (without its persons, which `visit_person_ids` reads).
pub(crate) fn visit_from_row(r: &Row<'_>) -> rusqlite::Result<VisitRecord> {
    Ok(VisitRecord {
        id: r.get(0)?,
        session_id: r.get(1)?,
        seq: r.get(2)?,
        headcount: r.get(3)?,
        content: r.get(4)?,
        kind: r.get(5)?,
        field_code: r.get(6)?,
        handling: HandlingInput {
            handling: r.get(7)?,
            agency: r.get(8)?,
            letter_no: r.get(9)?,
        },
        case_id: r.get(10)?,
        chairman_joined: r.get(11)?,
        person_ids: vec![],
        prior_agencies: r.get(12)?,
    })
}

/// The columns a visit is written with, in the order of `visit_params`.
const VISIT_WRITE: [&str; 13] = [
    "id",
    "session_id",
    "seq",
    "headcount",
    "content",
    "kind",
    "field_code",
    "handling",
    "handling_agency",
    "handling_letter_no",
    "case_id",
    "chairman_joined",
    "prior_agencies",
];

fn visit_params(v: &VisitRecord) -> [&dyn ToSql; 13] {
    [
        &v.id,
        &v.session_id,
        &v.seq,
        &v.headcount,
        &v.content,
        &v.kind,
        &v.field_code,
        &v.handling.handling,
        &v.handling.agency,
        &v.handling.letter_no,
        &v.case_id,
        &v.chairman_joined,
        &v.prior_agencies,
    ]
}

/// A visit and its named persons.
pub(crate) fn insert_visit(conn: &Connection, v: &VisitRecord) -> Result<()> {
    let now = now_utc();
    let rowid = new_search_record(conn, "visit", &v.id, &fold(&visit_text(conn, v)?))?;
    let mut values: Vec<&dyn ToSql> = visit_params(v).to_vec();
    values.push(&now);
    values.push(&rowid);
    static SQL: LazyLock<String> = LazyLock::new(|| insert_sql("visits", &VISIT_WRITE));
    conn.prepare_cached(&SQL)?
        .execute(params_from_iter(values))?;
    write_visit_persons(conn, &v.id, &v.person_ids)
}

pub(crate) fn update_visit(conn: &Connection, v: &VisitRecord) -> Result<()> {
    static SQL: LazyLock<String> = LazyLock::new(|| update_sql("visits", &VISIT_WRITE));
    conn.prepare_cached(&SQL)?
        .execute(params_from_iter(visit_params(v)))?;
    super::exec(
        conn,
        "DELETE FROM visit_persons WHERE visit_id = ?1",
        [&v.id],
    )?;
    write_visit_persons(conn, &v.id, &v.person_ids)?;
    index_visit(conn, v)
}

fn write_visit_persons(conn: &Connection, visit_id: &str, person_ids: &[String]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO visit_persons (visit_id, person_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, pid) in person_ids.iter().enumerate() {
        stmt.execute(params![visit_id, pid, i as u32])?;
    }
    Ok(())
}

pub(crate) fn get_visit(conn: &Connection, id: &str) -> Result<Option<VisitRecord>> {
    let visit = super::one(
        conn,
        &format!("SELECT {VISIT_COLUMNS} FROM visits v WHERE v.id = ?1"),
        [id],
        visit_from_row,
    )
    .optional()?;
    visit
        .map(|mut v| {
            v.person_ids = visit_person_ids(conn, &v.id)?;
            Ok(v)
        })
        .transpose()
}

pub(crate) fn visit_person_ids(conn: &Connection, visit_id: &str) -> Result<Vec<String>> {
    ids_of(
        conn,
        "SELECT person_id FROM visit_persons WHERE visit_id = ?1 ORDER BY position",
        visit_id,
    )
}

pub(crate) fn delete_visit(conn: &Connection, id: &str) -> Result<usize> {
    unindex_record(conn, "visits", id)?;
    Ok(super::exec(conn, "DELETE FROM visits WHERE id = ?1", [id])?)
}

/// The next free position of a visit in its session.
pub(crate) fn next_visit_seq(conn: &Connection, session_id: &str) -> Result<u32> {
    Ok(super::one(
        conn,
        "SELECT coalesce(max(seq), 0) + 1 FROM visits WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?)
}

fn index_visit(conn: &Connection, v: &VisitRecord) -> Result<()> {
    index_record(conn, "visits", "visit", &v.id, &visit_text(conn, v)?)
}

/// What the search box finds a visit by: its content and the names of its persons.
fn visit_text(conn: &Connection, v: &VisitRecord) -> Result<String> {
    let names = person_names(conn, &v.person_ids)?;
    Ok(format!("{} {}", v.content, names.join(" ")))
}

// ---------------------------------------------------------------- petitions

/// The columns `petition_from_row` reads, for a query over `petitions p`.
pub(crate) const PETITION_COLUMNS: &str = "p.id, p.year, p.number, p.received_on, p.source,
    p.source_agency, p.visit_id, p.kind, p.field_code, p.content, p.anonymous, p.respondent,
    p.handling, p.handling_agency, p.handling_letter_no, p.round, p.competence, p.eligible,
    p.state, p.signers, p.outcome, p.complex, p.first_round_id, p.duplicate_of, p.case_id,
    p.unit_id, p.contents";

/// The kinds of a mixed petition as stored: comma-separated codes.
fn contents_text(kinds: &[PetitionKind]) -> Option<String> {
    (!kinds.is_empty()).then(|| kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(","))
}

fn contents_of(text: Option<String>) -> Vec<PetitionKind> {
    text.unwrap_or_default()
        .split(',')
        .filter_map(PetitionKind::from_code)
        .collect()
}

/// A petition row (without its petitioners, which `petitioner_ids` reads).
pub(crate) fn petition_from_row(r: &Row<'_>) -> rusqlite::Result<PetitionRecord> {
    Ok(PetitionRecord {
        id: r.get(0)?,
        year: r.get(1)?,
        number: r.get(2)?,
        received_on: r.get(3)?,
        source: r.get(4)?,
        source_agency: r.get(5)?,
        visit_id: r.get(6)?,
        kind: r.get(7)?,
        field_code: r.get(8)?,
        content: r.get(9)?,
        anonymous: r.get(10)?,
        respondent: r.get(11)?,
        handling: HandlingInput {
            handling: r.get(12)?,
            agency: r.get(13)?,
            letter_no: r.get(14)?,
        },
        classification: Classification {
            round: r.get(15)?,
            competence: r.get(16)?,
            eligible: r.get(17)?,
        },
        state: r.get(18)?,
        signers: r.get(19)?,
        outcome: r.get(20)?,
        complex: r.get(21)?,
        first_round_id: r.get(22)?,
        duplicate_of: r.get(23)?,
        case_id: r.get(24)?,
        unit_id: r.get(25)?,
        contents: contents_of(r.get(26)?),
        petitioner_ids: vec![],
    })
}

/// The columns a petition is written with, in the order of `petition_params`.
const PETITION_WRITE: [&str; 27] = [
    "id",
    "unit_id",
    "contents",
    "year",
    "number",
    "received_on",
    "source",
    "source_agency",
    "visit_id",
    "kind",
    "field_code",
    "content",
    "anonymous",
    "respondent",
    "handling",
    "handling_agency",
    "handling_letter_no",
    "round",
    "competence",
    "eligible",
    "state",
    "signers",
    "outcome",
    "complex",
    "first_round_id",
    "duplicate_of",
    "case_id",
];

fn petition_params<'a>(p: &'a PetitionRecord, contents: &'a Option<String>) -> [&'a dyn ToSql; 27] {
    [
        &p.id,
        &p.unit_id,
        contents,
        &p.year,
        &p.number,
        &p.received_on,
        &p.source,
        &p.source_agency,
        &p.visit_id,
        &p.kind,
        &p.field_code,
        &p.content,
        &p.anonymous,
        &p.respondent,
        &p.handling.handling,
        &p.handling.agency,
        &p.handling.letter_no,
        &p.classification.round,
        &p.classification.competence,
        &p.classification.eligible,
        &p.state,
        &p.signers,
        &p.outcome,
        &p.complex,
        &p.first_round_id,
        &p.duplicate_of,
        &p.case_id,
    ]
}

/// A petition, its petitioners, and its number remembered for its year.
pub(crate) fn insert_petition(conn: &Connection, p: &PetitionRecord) -> Result<()> {
    let now = now_utc();
    let rowid = new_search_record(conn, "petition", &p.id, &fold(&petition_text(conn, p)?))?;
    let contents = contents_text(&p.contents);
    let mut values: Vec<&dyn ToSql> = petition_params(p, &contents).to_vec();
    values.push(&now);
    values.push(&rowid);
    static SQL: LazyLock<String> = LazyLock::new(|| insert_sql("petitions", &PETITION_WRITE));
    conn.prepare_cached(&SQL)?
        .execute(params_from_iter(values))?;
    write_petition_persons(conn, &p.id, &p.petitioner_ids)?;
    super::petitions::note_number(conn, &p.unit_id, p.year, p.number)
}

/// Write a petition's changed columns (a move changes a few: rewriting every column would
/// rewrite each of the table's indexes too).
pub(crate) fn update_petition(conn: &Connection, p: &PetitionRecord) -> Result<()> {
    match get_petition(conn, &p.id)? {
        Some(old) => update_petition_from(conn, &old, p),
        None => Ok(()),
    }
}

/// [`update_petition`] from the row as the caller read it in this transaction (`old`,
/// with its petitioners): the row is not read again.
pub(crate) fn update_petition_from(
    conn: &Connection,
    old: &PetitionRecord,
    p: &PetitionRecord,
) -> Result<()> {
    let contents = contents_text(&p.contents);
    let old_contents = contents_text(&old.contents);
    let new_values = petition_params(p, &contents);
    let old_values = petition_params(old, &old_contents);
    let mut columns = vec![PETITION_WRITE[0]];
    let mut values: Vec<&dyn ToSql> = vec![new_values[0]];
    for i in 1..PETITION_WRITE.len() {
        if new_values[i].to_sql()? != old_values[i].to_sql()? {
            columns.push(PETITION_WRITE[i]);
            values.push(new_values[i]);
        }
    }
    // Its kept next due day and carry are computed again before the write commits
    // (`store::due`): marked stale in the same statement when a column changed. A move
    // writes its petition through here, also when it changes no column (an extension).
    if columns.len() > 1 {
        let stale = 1;
        let no_carry: Option<u32> = None;
        columns.push("due_stale");
        values.push(&stale);
        columns.push("carry_units");
        values.push(&no_carry);
        super::exec(
            conn,
            &update_sql("petitions", &columns),
            params_from_iter(values),
        )?;
    } else {
        due_stale(conn, &p.id)?;
    }
    // A move leaves the petitioners and the searched texts as they are: then neither is
    // rewritten.
    let petitioners = &old.petitioner_ids;
    if *petitioners != p.petitioner_ids {
        super::exec(
            conn,
            "DELETE FROM petition_persons WHERE petition_id = ?1",
            [&p.id],
        )?;
        write_petition_persons(conn, &p.id, &p.petitioner_ids)?;
    }
    fn searched(r: &PetitionRecord) -> (u32, i32, &str, Option<&str>) {
        (r.number, r.year, &r.content, r.respondent.as_deref())
    }
    if *petitioners != p.petitioner_ids || searched(old) != searched(p) {
        index_petition(conn, p)?;
    }
    Ok(())
}

fn write_petition_persons(conn: &Connection, petition_id: &str, ids: &[String]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO petition_persons (petition_id, person_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, pid) in ids.iter().enumerate() {
        stmt.execute(params![petition_id, pid, i as u32])?;
    }
    Ok(())
}

pub(crate) fn get_petition(conn: &Connection, id: &str) -> Result<Option<PetitionRecord>> {
    let p = super::one(
        conn,
        &format!("SELECT {PETITION_COLUMNS} FROM petitions p WHERE p.id = ?1"),
        [id],
        petition_from_row,
    )
    .optional()?;
    p.map(|mut p| {
        p.petitioner_ids = petitioner_ids(conn, &p.id)?;
        Ok(p)
    })
    .transpose()
}

pub(crate) fn petition_of_visit(conn: &Connection, visit_id: &str) -> Result<Option<String>> {
    Ok(super::one(
        conn,
        "SELECT id FROM petitions WHERE visit_id = ?1",
        [visit_id],
        |r| r.get(0),
    )
    .optional()?)
}

pub(crate) fn petitioner_ids(conn: &Connection, petition_id: &str) -> Result<Vec<String>> {
    ids_of(
        conn,
        "SELECT person_id FROM petition_persons WHERE petition_id = ?1 ORDER BY position",
        petition_id,
    )
}

pub(crate) fn delete_petition(conn: &Connection, id: &str) -> Result<usize> {
    unindex_record(conn, "petitions", id)?;
    Ok(super::exec(
        conn,
        "DELETE FROM petitions WHERE id = ?1",
        [id],
    )?)
}

fn index_petition(conn: &Connection, p: &PetitionRecord) -> Result<()> {
    index_record(
        conn,
        "petitions",
        "petition",
        &p.id,
        &petition_text(conn, p)?,
    )
}

/// What the search box finds a petition by: its number, content, respondent and the
/// names of its petitioners.
fn petition_text(conn: &Connection, p: &PetitionRecord) -> Result<String> {
    let names = person_names(conn, &p.petitioner_ids)?;
    Ok(format!(
        "{n}/{y} {n} {content} {respondent} {names}",
        n = p.number,
        y = p.year,
        content = p.content,
        respondent = p.respondent.as_deref().unwrap_or(""),
        names = names.join(" ")
    ))
}

// ---------------------------------------------------------------- petition events

pub(crate) const EVENT_COLUMNS: &str = "id, petition_id, at, on_date, action, actor, from_state,
    to_state, note, doc_no, agency, details";

/// [`EVENT_COLUMNS`] for computing deadlines only: a move's `details` (JSON) are read for an
/// extension alone, the one move whose details a deadline reads (`extension_days`,
/// `law::deadlines`); the others' are left unread and undecoded.
pub(crate) const DEADLINE_EVENT_COLUMNS: &str = "id, petition_id, at, on_date, action, actor,
    from_state, to_state, note, doc_no, agency, CASE WHEN action = 'extend' THEN details END";

pub(crate) fn event_from_row(r: &Row<'_>) -> rusqlite::Result<PetitionEvent> {
    Ok(PetitionEvent {
        details: details_of_row(r)?,
        ..event_head_from_row(r)?
    })
}

/// A move read by [`event_from_row`] without its details (`None`): the reports parse only
/// those they read (`facts::Details`), from the row's text in place.
pub(crate) fn event_head_from_row(r: &Row<'_>) -> rusqlite::Result<PetitionEvent> {
    Ok(PetitionEvent {
        id: r.get(0)?,
        petition_id: r.get(1)?,
        at: r.get(2)?,
        on_date: r.get(3)?,
        action: r.get(4)?,
        actor: r.get(5)?,
        from_state: r.get(6)?,
        to_state: r.get(7)?,
        note: r.get(8)?,
        doc_no: r.get(9)?,
        agency: r.get(10)?,
        details: None,
    })
}

/// The `details` of a move's row read by [`event_head_from_row`], parsed from the row's
/// text in place (none, or not JSON: `None`).
pub(crate) fn details_of_row(r: &Row<'_>) -> rusqlite::Result<Option<serde_json::Value>> {
    Ok(r.get_ref(11)?
        .as_str_or_null()?
        .and_then(|d| serde_json::from_str(d).ok()))
}

/// Marks a petition stale: its kept next due day and carry (`store::due`) are computed
/// again before the write commits, and until then it is out of the carry index (a stale
/// petition never has `carry_units`, so a report never counts a carry computed before the
/// petition's last change).
pub(crate) const MARK_STALE: &str = "due_stale = 1, carry_units = NULL";

/// A petition whose record or moves changed: see [`MARK_STALE`].
pub(crate) fn due_stale(conn: &Connection, petition_id: &str) -> Result<()> {
    super::exec(
        conn,
        &format!("UPDATE petitions SET {MARK_STALE} WHERE id = ?1 AND due_stale = 0"),
        [petition_id],
    )?;
    Ok(())
}

/// The petitions handed in at a session's visits, whose session changed (its host group
/// says whether they are the UBND's or HĐND reception's): see [`MARK_STALE`].
pub(crate) fn session_stale(conn: &Connection, session_id: &str) -> Result<()> {
    super::exec(
        conn,
        &format!(
            "UPDATE petitions SET {MARK_STALE}
              WHERE visit_id IN (SELECT id FROM visits WHERE session_id = ?1) AND due_stale = 0"
        ),
        [session_id],
    )?;
    Ok(())
}

/// A move recorded. Its petition's kept next due day is left to the write of the petition
/// that goes with every move ([`update_petition_from`], which marks it stale; a receipt
/// follows [`insert_petition`], whose new row is stale).
pub(crate) fn insert_event(conn: &Connection, e: &PetitionEvent) -> Result<()> {
    super::exec(conn,
        &format!(
            "INSERT INTO petition_events ({EVENT_COLUMNS}, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                (SELECT coalesce(max(seq), 0) + 1 FROM petition_events WHERE petition_id = ?2))"
        ),
        params![
            e.id,
            e.petition_id,
            e.at,
            e.on_date,
            e.action,
            e.actor,
            e.from_state,
            e.to_state,
            e.note,
            e.doc_no,
            e.agency,
            e.details.as_ref().map(|d| d.to_string())
        ],
    )?;
    Ok(())
}

pub(crate) fn event_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(super::one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM petition_events WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

pub(crate) fn delete_event(conn: &Connection, id: &str) -> Result<()> {
    super::exec(
        conn,
        &format!(
            "UPDATE petitions SET {MARK_STALE}
              WHERE id = (SELECT petition_id FROM petition_events WHERE id = ?1) AND due_stale = 0"
        ),
        [id],
    )?;
    super::exec(conn, "DELETE FROM petition_events WHERE id = ?1", [id])?;
    Ok(())
}

/// A petition's moves, in the order they took effect.
pub(crate) fn events_of(conn: &Connection, petition_id: &str) -> Result<Vec<PetitionEvent>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM petition_events WHERE petition_id = ?1 ORDER BY on_date, seq"
    ))?;
    let rows = stmt.query_map([petition_id], event_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---------------------------------------------------------------- persons

pub(crate) const PERSON_COLUMNS: &str =
    "p.id, p.full_name, p.id_kind, p.id_number, p.address, p.phone, p.merged_into";

pub(crate) fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        full_name: r.get(1)?,
        id_kind: r.get(2)?,
        id_number: r.get(3)?,
        address: r.get(4)?,
        phone: r.get(5)?,
        merged_into: r.get(6)?,
        masked: false,
    })
}

pub(crate) fn insert_person(conn: &Connection, p: &Person) -> Result<()> {
    // Its search row first, so the person's row is written once, with its `fts_rowid`.
    let rowid = new_person_search_row(conn, p)?;
    super::exec(conn,
        "INSERT INTO persons (id, full_name, id_kind, id_number, address, phone, merged_into, created_at, fts_rowid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            p.id,
            p.full_name,
            p.id_kind,
            p.id_number,
            p.address,
            p.phone,
            p.merged_into,
            now_utc(),
            rowid
        ],
    )?;
    Ok(())
}

pub(crate) fn update_person(conn: &Connection, p: &Person) -> Result<()> {
    let old_name: Option<String> = super::one(
        conn,
        "SELECT full_name FROM persons WHERE id = ?1",
        [&p.id],
        |r| r.get(0),
    )
    .optional()?;
    super::exec(
        conn,
        "UPDATE persons SET full_name = ?2, id_kind = ?3, id_number = ?4, address = ?5, phone = ?6,
                merged_into = ?7
          WHERE id = ?1",
        params![
            p.id,
            p.full_name,
            p.id_kind,
            p.id_number,
            p.address,
            p.phone,
            p.merged_into
        ],
    )?;
    index_person(conn, p)?;
    if old_name.is_some_and(|old| old != p.full_name) {
        reindex_records_naming(conn, &p.id)?;
    }
    Ok(())
}

/// The visits and petitions that name a person, indexed again for the search box: their
/// searched text holds the names of their persons, so a corrected name (or a masked
/// denunciator named by a full file) is found there, and the old one no longer is.
fn reindex_records_naming(conn: &Connection, person_id: &str) -> Result<()> {
    let visits = ids_of(
        conn,
        "SELECT visit_id FROM visit_persons WHERE person_id = ?1",
        person_id,
    )?;
    for id in visits {
        if let Some(v) = get_visit(conn, &id)? {
            index_visit(conn, &v)?;
        }
    }
    let petitions = ids_of(
        conn,
        "SELECT petition_id FROM petition_persons WHERE person_id = ?1",
        person_id,
    )?;
    for id in petitions {
        if let Some(p) = get_petition(conn, &id)? {
            index_petition(conn, &p)?;
        }
    }
    Ok(())
}

pub(crate) fn get_person(conn: &Connection, id: &str) -> Result<Option<Person>> {
    Ok(super::one(
        conn,
        &format!("SELECT {PERSON_COLUMNS} FROM persons p WHERE p.id = ?1"),
        [id],
        person_from_row,
    )
    .optional()?)
}

/// The person holding an identity number, if any.
pub(crate) fn person_by_number(conn: &Connection, number: &str) -> Result<Option<Person>> {
    Ok(super::one(
        conn,
        &format!("SELECT {PERSON_COLUMNS} FROM persons p WHERE p.id_number = ?1"),
        [number],
        person_from_row,
    )
    .optional()?)
}

fn person_names(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT full_name FROM persons WHERE id = ?1")?;
    let mut names = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(n) = stmt.query_row([id], |r| r.get(0)).optional()? {
            names.push(n);
        }
    }
    Ok(names)
}

/// (Re)index a person for the lookup; a merged person is not offered. A person whose
/// indexed texts are unchanged is left alone (an FTS write is costly: each one is flushed
/// at the next statement of the transaction).
pub(crate) fn index_person(conn: &Connection, p: &Person) -> Result<()> {
    let old: Option<i64> = super::one(
        conn,
        "SELECT fts_rowid FROM persons WHERE id = ?1",
        [&p.id],
        |r| r.get(0),
    )
    .optional()?
    .flatten();
    let texts = person_texts(p);
    if let Some(rowid) = old {
        if p.merged_into.is_none() {
            let indexed: Option<(String, String, String, String)> = super::one(
                conn,
                "SELECT name, id_number, phone, address FROM persons_fts WHERE rowid = ?1",
                [rowid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
            if indexed.as_ref() == Some(&texts) {
                return Ok(());
            }
        }
        super::exec(conn, "DELETE FROM persons_fts WHERE rowid = ?1", [rowid])?;
    }
    let rowid = new_person_search_row(conn, p)?;
    if rowid != old {
        super::exec(
            conn,
            "UPDATE persons SET fts_rowid = ?2 WHERE id = ?1",
            params![p.id, rowid],
        )?;
    }
    Ok(())
}

/// What a person is found by: the name and address folded, the ID number, and the phone
/// as its digits only (so "0912 345 678" is found by "0912345678").
fn person_texts(p: &Person) -> (String, String, String, String) {
    let phone: String = p
        .phone
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    (
        fold(&p.full_name),
        p.id_number.clone().unwrap_or_default(),
        phone,
        fold(p.address.as_deref().unwrap_or("")),
    )
}

/// A person's new row of the search index (none for a person merged into another, who is
/// found as the kept one).
fn new_person_search_row(conn: &Connection, p: &Person) -> Result<Option<i64>> {
    if p.merged_into.is_some() {
        return Ok(None);
    }
    let texts = person_texts(p);
    super::exec(
        conn,
        "INSERT INTO persons_fts (person_id, name, id_number, phone, address) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![p.id, texts.0, texts.1, texts.2, texts.3],
    )?;
    Ok(Some(conn.last_insert_rowid()))
}

// ---------------------------------------------------------------- search of records

/// (Re)index a petition, visit or case for the search box. `table` holds the record
/// and its `fts_rowid`, so an update deletes by rowid and never scans the index; a record
/// whose text is unchanged (a petition's move) is left alone.
fn index_record(conn: &Connection, table: &str, kind: &str, id: &str, text: &str) -> Result<()> {
    let text = fold(text);
    if let Some(rowid) = fts_rowid(conn, table, id)? {
        let indexed: Option<String> = super::one(
            conn,
            "SELECT text FROM records_fts WHERE rowid = ?1",
            [rowid],
            |r| r.get(0),
        )
        .optional()?;
        if indexed.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        super::exec(conn, "DELETE FROM records_fts WHERE rowid = ?1", [rowid])?;
    }
    let rowid = new_search_record(conn, kind, id, &text)?;
    super::exec(
        conn,
        &format!("UPDATE {table} SET fts_rowid = ?2 WHERE id = ?1"),
        params![id, rowid],
    )?;
    Ok(())
}

/// A new record's row of the search index, written before the record so that the record's
/// row is written once, with its `fts_rowid` (not written, then looked up and written
/// again: an import writes hundreds of thousands).
fn new_search_record(conn: &Connection, kind: &str, id: &str, folded: &str) -> Result<i64> {
    super::exec(
        conn,
        "INSERT INTO records_fts (kind, record_id, text) VALUES (?1, ?2, ?3)",
        params![kind, id, folded],
    )?;
    Ok(conn.last_insert_rowid())
}

fn fts_rowid(conn: &Connection, table: &str, id: &str) -> Result<Option<i64>> {
    Ok(super::one(
        conn,
        &format!("SELECT fts_rowid FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .optional()?
    .flatten())
}

fn unindex_record(conn: &Connection, table: &str, id: &str) -> Result<()> {
    if let Some(rowid) = fts_rowid(conn, table, id)? {
        super::exec(conn, "DELETE FROM records_fts WHERE rowid = ?1", [rowid])?;
    }
    Ok(())
}

/// How much new index text an FTS5 search index keeps in memory before writing it out
/// as a segment of its own (SQLite's default, 1 MB), and during a bulk load. Each segment
/// written is later merged with others: an import of 200,000 persons writes some hundreds
/// of MB of index entries, and with the default spent about a sixth of its time writing
/// and merging small segments.
pub(crate) const SEARCH_PENDING_BYTES: i64 = 1 << 20;
pub(crate) const BULK_SEARCH_PENDING_BYTES: i64 = 64 << 20;

/// Set both search indexes' in-memory limit (a setting the index stores, so it is set
/// inside the bulk load's transaction and put back before it ends: a refused load leaves
/// it as it was, and a desk save never holds more than the default).
pub(crate) fn set_search_pending(conn: &Connection, bytes: i64) -> Result<()> {
    for table in ["persons_fts", "records_fts"] {
        super::exec(
            conn,
            &format!("INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?1)"),
            [bytes],
        )?;
    }
    Ok(())
}

/// The search indexes, each with a column to write a placeholder row into.
const SEARCH_INDEXES: [(&str, &str); 2] = [("persons_fts", "name"), ("records_fts", "text")];

/// A segment of the three lowest levels of a search index at least this many pages (of
/// 4 KB) long is lifted by [`settle_search`]: merging it with a desk save's small segments
/// would hold that save (a 200,000-person import leaves 11,554 and 26,974 pages).
pub(crate) const SETTLE_PAGES: u32 = 256;

/// End a bulk load of the search indexes: [`settle_big_segments`], and their in-memory
/// limit back to the default.
pub(crate) fn end_bulk_search(conn: &Connection) -> Result<()> {
    settle_big_segments(conn)?;
    set_search_pending(conn, SEARCH_PENDING_BYTES)
}

/// [`settle_search`] each search index whose three lowest levels hold a big segment
/// (after a bulk load; `tiepdan rebuild` for a register imported by an earlier version,
/// whose big segment the desk's saves may have merged a level or two up). A structure
/// record this build cannot read is left as it is: settling only saves time.
pub(crate) fn settle_big_segments(conn: &Connection) -> Result<()> {
    for (table, column) in SEARCH_INDEXES {
        super::exec(
            conn,
            &format!("INSERT INTO {table} ({table}) VALUES ('flush')"),
            [],
        )?;
        let big = search_levels(conn, table).is_ok_and(|levels| {
            levels
                .iter()
                .take(3)
                .flatten()
                .any(|s| s.pages >= SETTLE_PAGES)
        });
        if big {
            settle_search(conn, table, column)?;
        }
    }
    Ok(())
}

/// Lift a search index's segments above the levels a desk save fills. FTS5 writes each
/// save's new entries as a small segment on the lowest level and, once that level holds
/// 16 of them, merges the whole level at once: with a bulk load's big segment there, the
/// save that tipped it waited for the big one to be written again (0.5-2.8 s at 200,000
/// persons, issue 9). Higher levels are merged a little at a time. FTS5's `optimize`
/// merges every segment into one, a level above the highest when they lie on several
/// levels: twice, each time beside the small segments of a placeholder row written and
/// deleted (so that there is something to merge; the two cancel in the merge, leaving no
/// trace), lifts the index to level 3. Costs two writes of the index (about 3 s at
/// 200,000 persons); a test shows hundreds of saves after it never write the big segment
/// again at once.
pub(crate) fn settle_search(conn: &Connection, table: &str, column: &str) -> Result<()> {
    for _ in 0..2 {
        conn.execute_batch(&format!(
            "INSERT INTO {table} (rowid, {column}) VALUES (-1, 'placeholder');
             INSERT INTO {table} ({table}) VALUES ('flush');
             DELETE FROM {table} WHERE rowid = -1;
             INSERT INTO {table} ({table}) VALUES ('flush');
             INSERT INTO {table} ({table}) VALUES ('optimize');"
        ))?;
    }
    Ok(())
}

/// A segment of a search index: its id and how many leaf pages it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub id: u32,
    pub pages: u32,
}

/// The segments of each level of an FTS5 index, lowest level first, read from its
/// structure record (`{table}_data`, id 10; format: SQLite's `fts5StructureDecode`).
/// What the index has flushed: pending entries are not in a segment yet.
pub(crate) fn search_levels(conn: &Connection, table: &str) -> Result<Vec<Vec<Segment>>> {
    let block: Vec<u8> = conn.query_row(
        &format!("SELECT block FROM {table}_data WHERE id = 10"),
        [],
        |r| r.get(0),
    )?;
    let corrupt =
        || crate::error::Error::Internal(format!("cấu trúc chỉ mục {table} không đọc được"));
    // After the cookie (4 bytes), a version 2 record's mark (4 bytes).
    let v2 = block.get(4..8) == Some(&[0xff, 0x00, 0x00, 0x01][..]);
    let mut at = if v2 { 8 } else { 4 };
    // An SQLite varint: big-endian groups of 7 bits, the 9th byte whole.
    let mut varint = || -> Result<u64> {
        let mut v: u64 = 0;
        for k in 0..9 {
            let c = *block.get(at).ok_or_else(corrupt)?;
            at += 1;
            if k == 8 {
                return Ok((v << 8) | u64::from(c));
            }
            v = (v << 7) | u64::from(c & 0x7f);
            if c < 0x80 {
                break;
            }
        }
        Ok(v)
    };
    let levels = varint()?;
    let _segments = varint()?;
    let _writes = varint()?;
    let mut out = Vec::new();
    for _ in 0..levels {
        let _merging = varint()?;
        let count = varint()?;
        let mut level = Vec::new();
        for _ in 0..count {
            let id = varint()? as u32;
            let first = varint()?;
            let last = varint()?;
            if v2 {
                for _ in 0..5 {
                    varint()?;
                }
            }
            level.push(Segment {
                id,
                pages: (last + 1).saturating_sub(first) as u32,
            });
        }
        out.push(level);
    }
    Ok(out)
}

/// Rebuild every search index from the records (after a migration).
pub(crate) fn rebuild_search(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM persons_fts; DELETE FROM records_fts;
         UPDATE persons SET fts_rowid = NULL; UPDATE petitions SET fts_rowid = NULL;
         UPDATE visits SET fts_rowid = NULL; UPDATE cases SET fts_rowid = NULL;",
    )?;
    set_search_pending(conn, BULK_SEARCH_PENDING_BYTES)?;
    for p in all_persons(conn)? {
        index_person(conn, &p)?;
    }
    for c in all_cases(conn)? {
        index_record(conn, "cases", "case", &c.id, &c.summary)?;
    }
    for v in all_visits(conn)? {
        index_visit(conn, &v)?;
    }
    for p in all_petitions(conn)? {
        index_petition(conn, &p)?;
    }
    end_bulk_search(conn)
}

// ---------------------------------------------------------------- changes

pub(crate) fn insert_change(conn: &Connection, c: &ChangeRecord) -> Result<()> {
    insert_change_unsealed(conn, c)?;
    super::seal_last(conn)
}

/// Append a change without its hash: `insert_change` chains it at once (`seal_last`).
fn insert_change_unsealed(conn: &Connection, c: &ChangeRecord) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO changes (id, at, actor, action, table_name, record_id, old_value, new_value, note, source, user_login)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        c.id,
        c.at,
        c.actor,
        c.action,
        c.table,
        c.record_id,
        c.old.as_ref().map(|v| v.to_string()),
        c.new.as_ref().map(|v| v.to_string()),
        c.note,
        c.source,
        c.user
    ])?;
    Ok(())
}

const CHANGE_COLUMNS: &str =
    "id, at, actor, action, table_name, record_id, old_value, new_value, note, source, user_login";

fn change_from_row(r: &Row<'_>) -> rusqlite::Result<ChangeRecord> {
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    Ok(ChangeRecord {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        table: r.get(4)?,
        record_id: r.get(5)?,
        old: json(r.get(6)?),
        new: json(r.get(7)?),
        note: r.get(8)?,
        source: r.get(9)?,
        user: r.get(10)?,
    })
}

/// The changes of one record, oldest first.
pub(crate) fn changes_of(conn: &Connection, table: &str, id: &str) -> Result<Vec<ChangeRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CHANGE_COLUMNS} FROM changes WHERE table_name = ?1 AND record_id = ?2 ORDER BY seq"
    ))?;
    let rows = stmt.query_map([table, id], change_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The changes of a table written in the same save (same instant, same author).
pub(crate) fn changes_with(
    conn: &Connection,
    table: &str,
    at: &str,
    actor: crate::domain::Actor,
) -> Result<Vec<ChangeRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CHANGE_COLUMNS} FROM changes WHERE table_name = ?1 AND at = ?2 AND actor = ?3 ORDER BY seq"
    ))?;
    let rows = stmt.query_map(rusqlite::params![table, at, actor], change_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn each_change(
    conn: &Connection,
    f: impl FnMut(ChangeRecord) -> Result<()>,
) -> Result<()> {
    each(
        conn,
        &format!("SELECT {CHANGE_COLUMNS} FROM changes ORDER BY seq"),
        change_from_row,
        f,
    )
}

pub(crate) fn all_changes(conn: &Connection) -> Result<Vec<ChangeRecord>> {
    gather(|f| each_change(conn, f))
}

pub(crate) fn change_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(super::one(
        conn,
        "SELECT 1 FROM changes WHERE id = ?1",
        [id],
        |_| Ok(()),
    )
    .optional()?
    .is_some())
}

// ---------------------------------------------------------------- whole tables

fn ids_of(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Each row of `sql`, in order, handed to `f` as it is read: a whole table is never held.
fn each<T>(
    conn: &Connection,
    sql: &str,
    from_row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    mut f: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    for row in stmt.query_map([], from_row)? {
        f(row?)?;
    }
    Ok(())
}

/// What `each` hands out, gathered.
fn gather<T>(each: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>) -> Result<Vec<T>> {
    let mut all = Vec::new();
    each(&mut |t| {
        all.push(t);
        Ok(())
    })?;
    Ok(all)
}

pub(crate) fn each_person(conn: &Connection, f: impl FnMut(Person) -> Result<()>) -> Result<()> {
    each(
        conn,
        &format!("SELECT {PERSON_COLUMNS} FROM persons p ORDER BY p.id"),
        person_from_row,
        f,
    )
}

pub(crate) fn all_persons(conn: &Connection) -> Result<Vec<Person>> {
    gather(|f| each_person(conn, f))
}

pub(crate) fn each_case(conn: &Connection, f: impl FnMut(CaseRecord) -> Result<()>) -> Result<()> {
    each(
        conn,
        "SELECT id, summary, opened_on FROM cases ORDER BY id",
        case_from_row,
        f,
    )
}

pub(crate) fn all_cases(conn: &Connection) -> Result<Vec<CaseRecord>> {
    gather(|f| each_case(conn, f))
}

pub(crate) fn each_session(conn: &Connection, f: impl FnMut(Session) -> Result<()>) -> Result<()> {
    each(
        conn,
        &format!("SELECT {SESSION_COLUMNS} FROM sessions ORDER BY date, id"),
        session_from_row,
        f,
    )
}

pub(crate) fn each_visit(
    conn: &Connection,
    mut f: impl FnMut(VisitRecord) -> Result<()>,
) -> Result<()> {
    each(
        conn,
        &format!("SELECT {VISIT_COLUMNS} FROM visits v ORDER BY v.session_id, v.seq"),
        visit_from_row,
        |mut v| {
            v.person_ids = visit_person_ids(conn, &v.id)?;
            f(v)
        },
    )
}

pub(crate) fn all_visits(conn: &Connection) -> Result<Vec<VisitRecord>> {
    gather(|f| each_visit(conn, f))
}

pub(crate) fn each_petition(
    conn: &Connection,
    mut f: impl FnMut(PetitionRecord) -> Result<()>,
) -> Result<()> {
    each(
        conn,
        &format!("SELECT {PETITION_COLUMNS} FROM petitions p ORDER BY p.year, p.number"),
        petition_from_row,
        |mut p| {
            p.petitioner_ids = petitioner_ids(conn, &p.id)?;
            f(p)
        },
    )
}

pub(crate) fn all_petitions(conn: &Connection) -> Result<Vec<PetitionRecord>> {
    gather(|f| each_petition(conn, f))
}

pub(crate) fn each_event(
    conn: &Connection,
    f: impl FnMut(PetitionEvent) -> Result<()>,
) -> Result<()> {
    each(
        conn,
        &format!("SELECT {EVENT_COLUMNS} FROM petition_events ORDER BY petition_id, on_date, seq"),
        event_from_row,
        f,
    )
}

/// Whether no record names this person any more.
pub(crate) fn person_unused(conn: &Connection, id: &str) -> Result<bool> {
    Ok(super::one(
        conn,
        "SELECT NOT (EXISTS (SELECT 1 FROM visit_persons WHERE person_id = ?1)
                  OR EXISTS (SELECT 1 FROM petition_persons WHERE person_id = ?1)
                  OR EXISTS (SELECT 1 FROM persons WHERE merged_into = ?1)
                  OR EXISTS (SELECT 1 FROM person_merges WHERE kept_id = ?1 OR merged_id = ?1))",
        [id],
        |r| r.get(0),
    )?)
}

pub(crate) fn delete_person(conn: &Connection, id: &str) -> Result<()> {
    let rowid: Option<i64> = super::one(
        conn,
        "SELECT fts_rowid FROM persons WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .flatten();
    if let Some(rowid) = rowid {
        super::exec(conn, "DELETE FROM persons_fts WHERE rowid = ?1", [rowid])?;
    }
    super::exec(conn, "DELETE FROM persons WHERE id = ?1", [id])?;
    Ok(())
}

impl super::Store {
    /// How many rows each table of the register holds (FTS shadow tables aside), by name:
    /// a fingerprint that a refused input must leave as it was.
    pub fn row_counts(&self) -> Result<Vec<(String, i64)>> {
        let conn = self.conn();
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        tables
            .into_iter()
            .map(|t| {
                let n = super::one(conn, &format!("SELECT count(*) FROM \"{t}\""), [], |r| {
                    r.get(0)
                })?;
                Ok((t, n))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bulk load of `rows` persons' search entries and as many visits', in one
    /// transaction, as an import writes them (the in-memory limit raised): each index's
    /// entries end as one big segment on its lowest level. `settle`: ended as an import
    /// ends it.
    fn bulk_load(conn: &Connection, rows: u32, settle: bool) {
        let tx = conn.unchecked_transaction().unwrap();
        set_search_pending(&tx, BULK_SEARCH_PENDING_BYTES).unwrap();
        let mut person = tx
            .prepare(
                "INSERT INTO persons_fts (person_id, name, id_number, phone, address)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .unwrap();
        let mut record = tx
            .prepare("INSERT INTO records_fts (kind, record_id, text) VALUES ('visit', ?1, ?2)")
            .unwrap();
        let given = ["van an", "thi binh", "duc cuong", "thu dung", "minh em"];
        let family = ["nguyen", "tran", "le", "pham", "hoang", "vu"];
        let topics = [
            "thu hoi dat",
            "boi thuong",
            "tieng on",
            "xay dung",
            "moi truong",
        ];
        for i in 0..rows {
            let name = format!(
                "{} {} {i}",
                family[i as usize % 6],
                given[(i / 7) as usize % 5]
            );
            person
                .execute(params![
                    format!("p{i}"),
                    name,
                    format!("0012{:08}", i * 7919 % 100_000_000),
                    format!("09{:08}", i * 104_729 % 100_000_000),
                    format!("so {} ngo {} to dan pho {}", i % 300, i % 47, i % 23),
                ])
                .unwrap();
            record
                .execute(params![
                    format!("v{i}"),
                    format!("{name} kien nghi {} so {i}", topics[i as usize % 5]),
                ])
                .unwrap();
        }
        drop((person, record));
        if settle {
            end_bulk_search(&tx).unwrap();
        } else {
            set_search_pending(&tx, SEARCH_PENDING_BYTES).unwrap();
        }
        tx.commit().unwrap();
    }

    /// The biggest segment of an index: its level and itself.
    fn biggest(conn: &Connection, table: &str) -> (usize, Segment) {
        search_levels(conn, table)
            .unwrap()
            .into_iter()
            .enumerate()
            .flat_map(|(l, segs)| segs.into_iter().map(move |s| (l, s)))
            .max_by_key(|(_, s)| s.pages)
            .unwrap()
    }

    /// `n` desk saves, each naming one person, each its own transaction; after which one
    /// the segment `id` was written again (gone from the index), if any.
    fn saves_until_rewritten(conn: &Connection, id: u32, n: u32) -> Option<u32> {
        for k in 0..n {
            conn.execute(
                "INSERT INTO persons_fts (person_id, name) VALUES (?1, ?2)",
                params![format!("s{k}"), format!("nguyen van moi {k}")],
            )
            .unwrap();
            let levels = search_levels(conn, "persons_fts").unwrap();
            if !levels.iter().flatten().any(|s| s.id == id) {
                return Some(k + 1);
            }
        }
        None
    }

    /// After a bulk load, FTS5 merges the load's big segment with the first desk saves'
    /// small ones, all at once (the save that tips it waits): so without settling, within
    /// a few dozen saves. Settled, each index's big segment sits above the levels the
    /// saves fill, alone, and hundreds of saves later it has not been written again; the
    /// placeholder row left no trace, every entry is still found, and FTS5's own check
    /// passes.
    #[test]
    fn a_settled_index_keeps_its_big_segment_through_the_desks_saves() {
        let dir = tempfile::tempdir().unwrap();
        let unsettled = crate::store::Store::open(&dir.path().join("a.sqlite3")).unwrap();
        let conn = unsettled.conn();
        bulk_load(conn, 6000, false);
        for table in ["persons_fts", "records_fts"] {
            let (level, big) = biggest(conn, table);
            assert_eq!(level, 0, "{:?}", search_levels(conn, table));
            assert!(big.pages >= SETTLE_PAGES, "{table} {big:?}");
        }
        let big = biggest(conn, "persons_fts").1;
        let rewritten = saves_until_rewritten(conn, big.id, 300);
        assert!(
            rewritten.is_some_and(|k| k <= 40),
            "unsettled, the big segment is merged at once within 40 saves: {rewritten:?}"
        );

        let settled = crate::store::Store::open(&dir.path().join("b.sqlite3")).unwrap();
        let conn = settled.conn();
        bulk_load(conn, 6000, true);
        for table in ["persons_fts", "records_fts"] {
            let levels = search_levels(conn, table).unwrap();
            let (level, big) = biggest(conn, table);
            assert!(level >= 3, "{table} {levels:?}");
            assert_eq!(
                levels.iter().flatten().copied().collect::<Vec<_>>(),
                vec![big],
                "{table}: one segment, no placeholder's left"
            );
        }
        let big = biggest(conn, "persons_fts").1;
        assert_eq!(saves_until_rewritten(conn, big.id, 300), None);

        let count = |q: &str| -> i64 { conn.query_row(q, [], |r| r.get(0)).unwrap() };
        for table in ["persons_fts", "records_fts"] {
            assert_eq!(
                count(&format!("SELECT count(*) FROM {table} WHERE rowid = -1")),
                0
            );
            assert_eq!(
                count(&format!(
                    "SELECT count(*) FROM {table} WHERE {table} MATCH 'placeholder OR pla*'"
                )),
                0
            );
            conn.execute_batch(&format!(
                "INSERT INTO {table} ({table}) VALUES ('integrity-check')"
            ))
            .unwrap();
        }
        assert_eq!(
            count("SELECT count(*) FROM persons_fts WHERE persons_fts MATCH 'nguyen'"),
            1000 + 300
        );
        assert_eq!(
            count("SELECT count(*) FROM persons_fts WHERE persons_fts MATCH 'phone: 09*'"),
            6000
        );
        assert_eq!(
            count("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'thu hoi dat'"),
            1200
        );
    }

    /// A register loaded by an earlier version, whose big segments the desk's saves have
    /// since merged a level up, is settled by `tiepdan rebuild`.
    #[test]
    fn rebuild_settles_an_index_loaded_before() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::open(&dir.path().join("a.sqlite3")).unwrap();
        bulk_load(store.conn(), 6000, false);
        let big = biggest(store.conn(), "persons_fts").1;
        assert!(saves_until_rewritten(store.conn(), big.id, 40).is_some());
        let (level, _) = biggest(store.conn(), "persons_fts");
        assert!((1..3).contains(&level), "{level}");
        store.rebuild_kept().unwrap();
        assert!(biggest(store.conn(), "persons_fts").0 >= 3);
        assert!(biggest(store.conn(), "records_fts").0 >= 3);
    }

    /// A small load (a ward's file) leaves no big segment: the index is not rewritten.
    #[test]
    fn a_small_load_is_not_settled() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("a.sqlite3")).unwrap();
        let conn = store.conn();
        bulk_load(conn, 6000, true);
        let before = search_levels(conn, "persons_fts").unwrap();
        bulk_load(conn, 50, true);
        let after = search_levels(conn, "persons_fts").unwrap();
        assert_eq!(after[1..], before[1..], "the higher levels untouched");
        assert_eq!(after[0].len(), before[0].len() + 1, "{before:?} {after:?}");
    }
}
