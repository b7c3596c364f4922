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

#[test]
fn imported_records_obey_the_desks_rules() {
    let mut a = store_on("2026-06-30");
    load_demo(&mut a, 2).unwrap();
    let good = a.export_exchange().unwrap();
    let mut b = store_on("2026-06-30");

    let mut bad_date = good.clone();
    bad_date.sessions[0].date = "2026-02-30".into();
    let e = b.import_exchange(&bad_date).unwrap_err();
    assert!(e.to_string().contains(&bad_date.sessions[0].id), "{e}");

    let mut bad_count = good.clone();
    let v = bad_count
        .visits
        .iter_mut()
        .find(|v| v.person_ids.len() >= 2)
        .unwrap();
    v.headcount = 1;
    let id = v.id.clone();
    let e = b.import_exchange(&bad_count).unwrap_err().to_string();
    // The desk's own message, naming the record.
    assert!(
        e.contains("Số người (1) không được ít hơn số người đã ghi tên (2)"),
        "{e}"
    );
    assert!(e.contains(&id), "{e}");

    let mut bad_number = good.clone();
    bad_number.petitions[0].year = 1999;
    assert!(b.import_exchange(&bad_number).is_err());
    assert_eq!(count(&b, "sessions"), 0);
}

#[test]
fn a_known_identity_number_is_the_same_person_on_import() {
    let mut a = store_on("2026-06-30");
    load_demo(&mut a, 4).unwrap();
    let file = a.export_exchange().unwrap();
    let known = file
        .persons
        .iter()
        .find(|p| p.id_number.is_some())
        .unwrap()
        .clone();

    // The other register already knows this citizen, under another id.
    let mut b = store_on("2026-06-30");
    let s = session(&mut b, "2026-06-01", tiepdan::domain::HostGroup::Officer);
    let mut p = person(&known.full_name);
    p.id_number = known.id_number.clone();
    let here = b.add_visit(&visit_input(&s, vec![p], 1)).unwrap().persons[0]
        .id
        .clone();

    let n = b.import_exchange(&file);
    assert!(n.is_ok(), "{n:?}");
    // Said as a citizen matched to the one held, not as a record "already present".
    let n = n.unwrap();
    assert_eq!((n.matched, n.skipped), (1, 0), "{n:?}");
    assert_eq!(
        count(&b, "persons"),
        file.persons.len() as i64,
        "no second copy of him"
    );
    let found = b
        .find_persons(known.id_number.as_deref().unwrap(), 5)
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].person.id, here);
    assert!(
        found[0].cases.len() > 1,
        "his imported cases are linked to him"
    );
}

/// The exchange file is written record by record as the register is read: progress is
/// told as it goes, a stop leaves no file (nor a temporary one) behind, and a whole
/// write reads back as the same file the export gives.
#[test]
fn an_export_is_written_as_it_is_read_and_a_stop_leaves_nothing() {
    let mut a = store_on("2026-06-30");
    load_demo(&mut a, 7).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("so.json");
    let steps = std::sync::Mutex::new(Vec::new());
    let stop_at_half = |done: u64, total: u64| {
        steps.lock().unwrap().push((done, total));
        done < total / 2
    };
    let stopped = tiepdan::export::job::write_out_with(
        &out,
        |w| a.write_exchange(false, w, &tiepdan::export::Progress(&stop_at_half)),
        false,
    );
    assert!(
        matches!(stopped, Err(tiepdan::Error::Cancelled)),
        "{stopped:?}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let steps = steps.into_inner().unwrap();
    let total = steps[0].1;
    assert!(total > 1000, "{steps:?}");
    assert!(steps.iter().all(|s| s.1 == total && s.0 <= total));
    assert!(steps.windows(2).all(|w| w[0].0 <= w[1].0), "{steps:?}");

    let whole = |done: u64, total: u64| done <= total;
    tiepdan::export::job::write_out_with(
        &out,
        |w| a.write_exchange(false, w, &tiepdan::export::Progress(&whole)),
        false,
    )
    .unwrap();
    let written: ExchangeFile =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mut exported = a.export_exchange().unwrap();
    exported.exported_at = written.exported_at.clone();
    assert_eq!(written, exported);
    assert!(written.redacted);
    // One record per line: a person per line among the lines of the file.
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().count() > written.persons.len() + written.visits.len());
}

/// An import tells how many of the file's records are done, in order, up to all of them;
/// a stop asked for midway refuses the whole import: the register is as it was.
#[test]
fn an_import_tells_its_progress_and_a_stop_leaves_the_register_as_it_was() {
    let mut a = store_on("2026-06-30");
    load_demo(&mut a, 7).unwrap();
    let file = a.export_exchange().unwrap();
    let records = (file.persons.len()
        + file.cases.len()
        + file.sessions.len()
        + file.visits.len()
        + file.petitions.len()
        + file.petition_events.len()
        + file.changes.len()) as u64;
    assert!(records > 2000, "{records}");

    let mut b = store_on("2026-06-30");
    let before = b.export_exchange().unwrap();
    let steps = std::sync::Mutex::new(Vec::new());
    let stop_at_half = |done: u64, total: u64| {
        steps.lock().unwrap().push((done, total));
        done < total / 2
    };
    let stopped = b.import_exchange_with(&file, &tiepdan::export::Progress(&stop_at_half));
    assert!(
        matches!(stopped, Err(tiepdan::Error::Cancelled)),
        "{stopped:?}"
    );
    let mut after = b.export_exchange().unwrap();
    after.exported_at = before.exported_at.clone();
    assert_eq!(after, before, "nothing of a stopped import is kept");
    let stopped_at = steps.lock().unwrap().last().unwrap().0;
    assert!(stopped_at >= records / 2 && stopped_at < records);

    steps.lock().unwrap().clear();
    let all = |done: u64, total: u64| {
        steps.lock().unwrap().push((done, total));
        true
    };
    let n = b
        .import_exchange_with(&file, &tiepdan::export::Progress(&all))
        .unwrap();
    assert_eq!(n.visits as usize, file.visits.len());
    let steps = steps.into_inner().unwrap();
    assert_eq!(steps.first(), Some(&(0, records)));
    assert_eq!(steps.last(), Some(&(records, records)));
    assert!(steps.iter().all(|s| s.1 == records), "{steps:?}");
    assert!(steps.windows(2).all(|w| w[0].0 <= w[1].0), "{steps:?}");
    assert!(steps.len() > 3, "told as it goes: {steps:?}");
}

/// A file from an earlier version, in which a first round was classified as a proposal
/// after a second round named it (this version refuses that at the desk), imports: each
/// petition is filed as it was received and its moves replayed in date order, so the
/// second round's classification reads its first round as it stood on that day.
#[test]
fn a_petition_is_imported_as_received_and_its_moves_replayed_in_order() {
    use tiepdan::domain::{PetitionKind, Round};
    let mut a = store_on("2026-09-30");
    let p1 = direct_petition(&mut a, "2026-03-02", PetitionKind::Complaint);
    let p2 = direct_petition(&mut a, "2026-03-03", PetitionKind::Complaint);
    second_round_of(&mut a, &p2, &p1, "2026-03-04").unwrap();
    classify_first(&mut a, &p1, PetitionKind::Complaint, "2026-03-05").unwrap();
    // As an earlier version wrote it: the first round's classification made it a proposal.
    let mut file = serde_json::to_value(a.export_exchange().unwrap()).unwrap();
    for p in file["petitions"].as_array_mut().unwrap() {
        if p["id"] == p1.as_str() {
            p["kind"] = "proposal".into();
        }
    }
    let moves = file["petition_events"].as_array_mut().unwrap();
    let classify = moves
        .iter_mut()
        .find(|e| e["petition_id"] == p1.as_str() && e["action"] == "classify")
        .unwrap();
    let details = &mut classify["details"];
    details["before"]["kind"] = "complaint".into();
    details["after"]["kind"] = "proposal".into();
    details["classification"]["kind"] = "proposal".into();
    let file: ExchangeFile = serde_json::from_value(file).unwrap();

    let mut b = store_on("2026-09-30");
    let n = b.import_exchange(&file).unwrap();
    assert_eq!(n.petitions, 2);
    assert_eq!(b.petition(&p1).unwrap().kind, PetitionKind::Proposal);
    let second = b.petition(&p2).unwrap();
    assert_eq!(second.first_round_id.as_deref(), Some(p1.as_str()));
    assert_eq!(second.classification.round, Round::Subsequent);
    // The first round's timeline: received a complaint, then classified a proposal.
    let d = b.petition_detail(&p1).unwrap();
    assert_eq!(d.moves.len(), 2);
    assert!(
        d.moves[1]
            .summary
            .as_deref()
            .unwrap()
            .starts_with("Kiến nghị"),
        "{:?}",
        d.moves[1].summary
    );
}

/// What the desk allowed imports again, even with moves dated out of the order they were
/// recorded: a first round classified as a proposal by a move dated before the second
/// round named it (recorded after the second round let it go).
#[test]
fn moves_dated_out_of_their_recording_order_import_again() {
    use tiepdan::domain::PetitionKind;
    let mut a = store_on("2026-09-30");
    let p1 = direct_petition(&mut a, "2026-03-02", PetitionKind::Complaint);
    let p2 = direct_petition(&mut a, "2026-03-03", PetitionKind::Complaint);
    second_round_of(&mut a, &p2, &p1, "2026-03-20").unwrap();
    classify_first(&mut a, &p2, PetitionKind::Complaint, "2026-03-21").unwrap();
    classify_first(&mut a, &p1, PetitionKind::Proposal, "2026-03-15").unwrap();
    let file = a.export_exchange().unwrap();
    let mut b = store_on("2026-09-30");
    b.import_exchange(&file).unwrap();
    assert_eq!(b.petition(&p1).unwrap().kind, PetitionKind::Proposal);
    assert_eq!(b.petition(&p2).unwrap().first_round_id, None);
    assert_eq!(
        report(&a, "2026-01-01", "2026-09-30"),
        report(&b, "2026-01-01", "2026-09-30")
    );
    assert!(b.check_integrity().unwrap().notes.is_empty());
}

/// A move's values only lead the replay: values a move never changes (the number, the
/// content, anonymity) are never taken from it, and the petition ends as the file's
/// record says, whatever a hand-edited move claims it was before.
#[test]
fn a_moves_values_never_decide_what_an_import_keeps() {
    use tiepdan::domain::PetitionKind;
    let mut a = store_on("2026-09-30");
    let p = direct_petition(&mut a, "2026-03-02", PetitionKind::Complaint);
    classify_first(&mut a, &p, PetitionKind::Complaint, "2026-03-05").unwrap();
    let mut file = serde_json::to_value(a.export_exchange().unwrap()).unwrap();
    let classify = file["petition_events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["petition_id"] == p.as_str() && e["action"] == "classify")
        .unwrap();
    let before = classify["details"]["before"].as_object_mut().unwrap();
    before.insert("content".into(), "NOI DUNG GIA MAO".into());
    before.insert("number".into(), 999.into());
    before.insert("anonymous".into(), true.into());
    before.insert("classification.round".into(), "subsequent".into());
    // The record itself: a blank field is no value; a link to itself is refused, naming
    // the field, and nothing is saved.
    let at = file["petitions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["id"] == p.as_str())
        .unwrap();
    file["petitions"][at]["field_code"] = " ".into();
    let mut b = store_on("2026-09-30");
    for (key, why) in [
        ("duplicate_of", "trùng với chính nó"),
        ("first_round_id", "khiếu nại lần đầu của chính nó"),
    ] {
        let mut looped = file.clone();
        looped["petitions"][at][key] = p.as_str().into();
        let looped: ExchangeFile = serde_json::from_value(looped).unwrap();
        let e = b.import_exchange(&looped).unwrap_err();
        assert_eq!(e.field(), Some(format!("petitions[{at}].{key}").as_str()));
        assert!(e.to_string().contains(why), "{e}");
        assert!(b.petitions(&Default::default()).unwrap().is_empty());
    }
    let file: ExchangeFile = serde_json::from_value(file).unwrap();
    b.import_exchange(&file).unwrap();
    let (here, there) = (b.petition(&p).unwrap(), a.petition(&p).unwrap());
    assert_eq!(here.content, there.content);
    assert_eq!(here.number, there.number);
    assert!(!here.anonymous);
    assert_eq!(here.petitioners.len(), 1);
    assert_eq!(here.classification, there.classification);
    assert_eq!(here.field_code, None);
    assert_eq!(here.duplicate_of, None);
}

/// A denunciation's check made longer on the tenth working day of the register that
/// recorded it imports into a register whose calendar counts that day as the eleventh
/// (its office made a day of Tết a working day): the import keeps what was decided there
/// (in time on the national calendar), where the desk of that register would refuse it;
/// one made longer after the ten working days on either calendar is refused.
#[test]
fn a_check_made_longer_imports_whatever_the_calendar_here() {
    use tiepdan::domain::*;
    let mut a = store_on("2026-04-30");
    // Received Wed 11/02/2026; on the shipped calendar the tenth working day is 04/03.
    let p = direct_petition(&mut a, "2026-02-11", PetitionKind::Denunciation);
    move_petition(&mut a, &p, MoveAction::ExtendCheck, "2026-03-04", |m| {
        m.note = Some("Xác minh tại hai địa điểm".into())
    })
    .unwrap();
    let file = a.export_exchange().unwrap();

    let mut b = store_on("2026-04-30");
    let days: Vec<tiepdan::law::calendar::CalendarDay> = b
        .calendar()
        .unwrap()
        .listed(2026)
        .into_iter()
        .filter(|d| d.date != "2026-02-17")
        .collect();
    b.save_calendar_year(2026, &days).unwrap();
    // An extension recorded long after the ten working days, on any calendar, is refused
    // (a hand-edited file, or a register that did not check): nothing is imported.
    let mut late = file.clone();
    for e in &mut late.petition_events {
        if e.action == MoveAction::ExtendCheck {
            e.on_date = "2026-04-20".into();
            e.at = "2026-04-20T02:00:00Z".into();
        }
    }
    let e = b.import_exchange(&late).unwrap_err().to_string();
    assert!(
        e.contains("Kéo dài thời hạn kiểm tra tố cáo") && e.contains("04/03/2026"),
        "{e}"
    );
    assert!(b.petitions(&Default::default()).unwrap().is_empty());
    // The import keeps the other register's extension…
    let n = b.import_exchange(&file).unwrap();
    assert_eq!(n.petitions, 1);
    // …where, here, the tenth is 03/03 and the desk refuses 04/03 on a petition of its own.
    let q = direct_petition(&mut b, "2026-02-11", PetitionKind::Denunciation);
    let e = move_petition(&mut b, &q, MoveAction::ExtendCheck, "2026-03-04", |m| {
        m.note = Some("Xác minh tại hai địa điểm".into())
    })
    .unwrap_err();
    assert!(e.to_string().contains("03/03/2026"), "{e}");
}

#[test]
fn a_file_read_from_the_disk_is_the_file_read_from_its_text() {
    let mut a = store_on("2026-06-30");
    load_demo(&mut a, 3).unwrap();
    let mut written = Vec::new();
    a.write_exchange(false, &mut written, &tiepdan::export::Progress::none())
        .unwrap();
    let text = String::from_utf8(written).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let same = |path: &std::path::Path, text: &str| {
        let read = tiepdan::exchange::read_file(path);
        match (read, tiepdan::exchange::parse(text)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", path.display()),
            // (A mistake of the whole file names the file read from its path.)
            (Err(a), Err(b)) if b.field() == Some("file") => assert_eq!(
                a.to_string(),
                b.to_string()
                    .replacen(": ", &format!(": tệp {}: ", path.display()), 1)
            ),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{}", path.display()),
            (a, b) => panic!("{}: {a:?} / {b:?}", path.display()),
        }
    };
    let file = tiepdan::exchange::parse(&text).unwrap();
    assert!(file.persons.len() > 10 && !file.petition_events.is_empty());
    // This version, as the export writes it, with Notepad's mark, in UTF-16.
    same(&at("a.json", text.as_bytes()), &text);
    same(&at("bom.json", format!("\u{feff}{text}").as_bytes()), &text);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        tiepdan::exchange::read_file(&at("u16.json", &utf16)).unwrap(),
        file
    );
    // Version 1, converted.
    let v1 = include_str!("fixtures/exchange-v1.json");
    same(&at("v1.json", v1.as_bytes()), v1);
    // Refusals say the same as from the text.
    for bad in [
        "",
        "   ",
        "[1, 2]",
        "{\"format\": \"khac\", \"version\": 2}",
        &text[..text.len() / 2],
        &text.replacen("\"version\": 2", "\"version\": 7", 1),
        &text.replacen("\"persons\"", "\"nguoi\"", 1),
        &format!("{text} rác"),
    ] {
        same(&at("bad.json", bad.as_bytes()), bad);
    }
    let e = tiepdan::exchange::read_file(&at("latin1.json", b"{ \"a\": \"\xE9\" }")).unwrap_err();
    assert!(e.to_string().contains("không phải chữ UTF-8"), "{e}");
    let e = tiepdan::exchange::read_file(&dir.path().join("khong-co.json")).unwrap_err();
    assert!(e.to_string().contains("Không đọc được tệp"), "{e}");
    assert_eq!(e.field(), Some("file"));
    #[cfg(unix)]
    {
        // A device that never ends is refused, not read until memory runs out.
        let e = tiepdan::exchange::read_file(std::path::Path::new("/dev/zero")).unwrap_err();
        assert!(e.to_string().contains("thiết bị, không phải tệp"), "{e}");
        // A pipe is read once: a version 1 file through it (read whole, not streamed)
        // is the file, not "empty" or a wait for a second writer.
        let fifo = dir.path().join("ong.json");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::write(fifo, v1).unwrap())
        };
        let read = tiepdan::exchange::read_file(&fifo).unwrap();
        writer.join().unwrap();
        assert_eq!(read, tiepdan::exchange::parse(v1).unwrap());
        // A symlink loop is said in words.
        let looped = dir.path().join("vong.json");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let e = tiepdan::exchange::read_file(&looped).unwrap_err();
        assert!(e.to_string().contains("quay vòng"), "{e}");
    }
}

/// The bodies that already handled a visit's matter, as the citizen says them, go into the
/// Sổ ("Cơ quan đã giải quyết hết thẩm quyền", Mẫu 03/TCD column 8) and travel with the
/// visit in an exchange file; a re-import of the same file changes nothing.
#[test]
fn the_bodies_that_handled_a_matter_before_travel_with_the_visit_into_the_book() {
    use tiepdan::domain::HostGroup;
    use tiepdan::period::Period;
    let mut a = store_on("2026-09-30");
    let s = session(&mut a, "2026-09-10", HostGroup::Officer);
    let mut v = visit_input(&s, vec![person("Phạm Thị Lan")], 1);
    v.prior_agencies = Some("UBND phường Bến Thành; Phòng Tư pháp".into());
    a.add_visit(&v).unwrap();
    let mut bad = visit_input(&s, vec![person("Phạm Thị Lan")], 1);
    bad.prior_agencies = Some("x".repeat(301));
    let e = a.add_visit(&bad).unwrap_err();
    assert_eq!(e.field(), Some("prior_agencies"), "{e}");
    assert!(e.to_string().contains("Cơ quan đã giải quyết"), "{e}");
    let file = a.export_exchange().unwrap();
    assert_eq!(
        file.visits[0].prior_agencies.as_deref(),
        Some("UBND phường Bến Thành; Phòng Tư pháp")
    );
    let mut b = store_on("2026-09-30");
    b.import_exchange(&file).unwrap();
    let again = b.import_exchange(&file).unwrap();
    assert_eq!((again.visits, again.updated), (0, 0));
    // Filled in later where it was empty, or cleared, in one register: that register's
    // value is the newer, and the other's unchanged file is taken without a conflict.
    let mut blank = visit_input(&s, vec![person("Đỗ Văn Hùng")], 1);
    blank.content = "Hỏi về trợ cấp".into();
    let plain = a.add_visit(&blank).unwrap();
    let file = a.export_exchange().unwrap();
    let mut c = store_on("2026-09-30");
    c.import_exchange(&file).unwrap();
    let mut filled = blank.clone();
    filled.prior_agencies = Some("Phòng Lao động".into());
    filled.persons[0].existing_id = Some(plain.persons[0].id.clone());
    c.correct_visit(&plain.id, &filled).unwrap();
    let mut cleared = v.clone();
    cleared.prior_agencies = None;
    let first = &file
        .visits
        .iter()
        .find(|x| x.prior_agencies.is_some())
        .unwrap()
        .id;
    let person_id = file
        .visits
        .iter()
        .find(|x| &x.id == first)
        .unwrap()
        .person_ids[0]
        .clone();
    cleared.persons[0].existing_id = Some(person_id);
    c.correct_visit(first, &cleared).unwrap();
    let kept = c.import_exchange(&file).unwrap();
    assert_eq!((kept.visits, kept.updated), (0, 0), "{kept:?}");
    let held = c.export_exchange().unwrap();
    let of = |id: &str| {
        held.visits
            .iter()
            .find(|x| x.id == id)
            .unwrap()
            .prior_agencies
            .clone()
    };
    assert_eq!(of(&plain.id).as_deref(), Some("Phòng Lao động"));
    assert_eq!(of(first), None);
    let sept = Period::parse("2026-09-01", "2026-09-30").unwrap();
    let book = tiepdan::forms::register::register_book(&b, sept).unwrap();
    let part = &book.parts[0];
    assert_eq!(part.columns[7], "Cơ quan đã giải quyết hết thẩm quyền");
    assert_eq!(part.rows[0][7], "UBND phường Bến Thành; Phòng Tư pháp");
}
