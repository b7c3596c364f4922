//! A denunciator's identity is secret (Luật Tố cáo Đ9, Đ47): masked in every list, search,
//! file and report for every role; a leader reveals one person with a reason, recorded.

mod common;

use common::*;
use tiepdan::access::Role;
use tiepdan::desk::privacy::MASKED_NAME;
use tiepdan::domain::*;
use tiepdan::period::Period;
use tiepdan::Store;

const NAME: &str = "Phạm Thị Hoa";
const ID: &str = "001201012345";
const VISITOR: &str = "Lê Văn Tố";
const VISITOR_ID: &str = "001099054321";

struct Ward {
    store: Store,
    denunciation: String,
    complaint: String,
    hoa: String,
}

/// An officer records a denunciation by post (Phạm Thị Hoa), a complaint (Trần Văn Bình)
/// and a visit about a denunciation (Lê Văn Tố).
fn ward() -> Ward {
    ward_with(store_on("2026-06-30"))
}

fn ward_with(mut s: Store) -> Ward {
    s.create_first_admin(&account("quantri", &[Role::Admin]))
        .unwrap();
    s.save_account(&account("canbo", &[Role::Officer])).unwrap();
    s.save_account(&account("lanhdao", &[Role::Leader]))
        .unwrap();
    as_user(&mut s, "canbo");
    let mut input = direct_input("2026-06-03", PetitionKind::Denunciation);
    input.content = "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục".into();
    input.petitioners = vec![PersonInput {
        full_name: NAME.into(),
        id_kind: Some(IdKind::CanCuoc),
        id_number: Some(ID.into()),
        address: Some("12 Lê Lợi, tổ 3".into()),
        phone: Some("0912345678".into()),
        ..Default::default()
    }];
    let denunciation = s.create_petition(&input).unwrap();
    let hoa = denunciation.petitioners[0].id.clone();
    let complaint = direct_petition(&mut s, "2026-06-04", PetitionKind::Complaint);
    let sid = session(&mut s, "2026-06-05", HostGroup::Officer);
    let mut v = visit_input(
        &sid,
        vec![PersonInput {
            full_name: VISITOR.into(),
            id_kind: Some(IdKind::CanCuoc),
            id_number: Some(VISITOR_ID.into()),
            ..Default::default()
        }],
        1,
    );
    v.kind = Some(PetitionKind::Denunciation);
    v.content = "Tố cáo việc lấn chiếm đất công".into();
    s.add_visit(&v).unwrap();
    Ward {
        store: s,
        denunciation: denunciation.id,
        complaint,
        hoa,
    }
}

fn assert_masked(p: &Person) {
    assert_eq!(p.full_name, MASKED_NAME);
    assert!(p.masked);
    assert_eq!(p.id_number, None);
    assert_eq!(p.address, None);
    assert_eq!(p.phone, None);
}

#[test]
fn the_desk_sees_a_denunciator_masked_everywhere() {
    let Ward {
        store: s,
        denunciation,
        complaint,
        hoa,
    } = ward();
    // What the officer just typed is masked once saved.
    let list = s.petitions(&PetitionFilter::default()).unwrap();
    let d = list.iter().find(|p| p.id == denunciation).unwrap();
    assert_masked(&d.petitioners[0]);
    let c = list.iter().find(|p| p.id == complaint).unwrap();
    assert_eq!(c.petitioners[0].full_name, "Trần Văn Bình");
    assert!(!c.petitioners[0].masked);
    assert_masked(&s.petition(&denunciation).unwrap().petitioners[0]);
    assert_masked(
        &s.petition_detail(&denunciation)
            .unwrap()
            .petition
            .petitioners[0],
    );
    assert_masked(&s.person_detail(&hoa).unwrap().person);
    let detail = s.person_detail(&hoa).unwrap();
    let history = serde_json::to_string(&detail.history).unwrap();
    assert!(
        !history.contains(NAME) && !history.contains(ID),
        "{history}"
    );

    // The register: the visit about a denunciation shows its visitor masked.
    let sessions = s.sessions_between("2026-06-01", "2026-06-30").unwrap();
    let persons: Vec<&Person> = sessions
        .iter()
        .flat_map(|v| &v.visits)
        .flat_map(|v| &v.persons)
        .collect();
    assert_eq!(persons.len(), 1);
    assert_masked(persons[0]);

    // A name finds nothing (the hit itself would say who denounced)…
    for q in ["Hoa", "Phạm Thị Hoa", "pham thi hoa", "Lê Văn Tố"] {
        let hits = s.search(q, 20).unwrap();
        assert!(hits.is_empty(), "{q}: {hits:?}");
        assert!(s.find_persons(q, 20).unwrap().is_empty(), "{q}");
    }
    // …the content still finds the petition, masked, typed with or without diacritics.
    for q in ["địa chính", "dia chinh", "DIA CHINH nhan tien"] {
        let hits = s.search(q, 20).unwrap();
        assert!(
            hits.iter()
                .any(|h| h.kind == tiepdan::desk::intake::SearchKind::Petition
                    && h.id == denunciation),
            "{q}: {hits:?}"
        );
        assert!(!format!("{hits:?}").contains(NAME));
    }
    // So does its respondent (the person denounced, not the denunciator).
    let respondent = s.petition(&denunciation).unwrap().respondent.unwrap();
    let hits = s.search(&tiepdan::text::strip(&respondent), 20).unwrap();
    assert!(
        hits.iter().any(|h| h.id == denunciation),
        "{respondent}: {hits:?}"
    );
    // The visit about a denunciation too.
    let hits = s.search("lan chiem dat cong", 20).unwrap();
    assert!(
        hits.iter()
            .any(|h| h.kind == tiepdan::desk::intake::SearchKind::Visit),
        "{hits:?}"
    );
    // A phone number or part of the number finds nothing (it would confirm a guess)…
    for q in ["0912345678", "0012010", &ID[..9]] {
        assert!(s.search(q, 20).unwrap().is_empty(), "{q}");
        assert!(s.find_persons(q, 20).unwrap().is_empty(), "{q}");
    }
    // …the whole identity number finds the record without a name.
    let hits = s.search(ID, 20).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, MASKED_NAME);
    assert!(!hits[0].detail.contains(ID));
    let found = s.find_persons(ID, 5).unwrap();
    assert_masked(&found[0].person);
    let typed = PersonInput {
        full_name: "Phạm Thị Hoa".into(),
        id_number: Some(ID.into()),
        ..Default::default()
    };
    let suggested = s.suggest_persons(&typed).unwrap();
    assert_eq!(suggested.len(), 1);
    assert_eq!(suggested[0].reason, format!("Cùng số giấy tờ {ID}"));
    assert_masked(&suggested[0].person);
}

#[test]
fn files_are_masked_unless_a_leader_asks_and_every_export_is_recorded() {
    let Ward { store: mut s, .. } = ward();
    let june = Period::parse("2026-06-01", "2026-06-30").unwrap();
    // The Sổ as the screen and the files read it.
    let book = tiepdan::forms::register::register_book(&s, june).unwrap();
    let text = serde_json::to_string(&book).unwrap();
    assert!(
        !text.contains(VISITOR) && !text.contains(VISITOR_ID),
        "{text}"
    );
    assert!(text.contains(MASKED_NAME));
    assert_eq!(
        tiepdan::forms::register::register_book_with(&s, june, true)
            .unwrap_err()
            .code(),
        "forbidden",
        "an officer never prints the names"
    );

    as_user(&mut s, "lanhdao");
    let file = s.export_exchange().unwrap();
    assert!(file.redacted);
    let json = serde_json::to_string(&file).unwrap();
    for secret in [NAME, ID, "12 Lê Lợi", "0912345678", VISITOR, VISITOR_ID] {
        assert!(!json.contains(secret), "{secret} in the export");
    }
    assert!(json.contains("Trần Văn Bình"), "others are not masked");
    s.record_export("Tệp trao đổi", false).unwrap();
    let full = s.export_exchange_with(true).unwrap();
    assert!(!full.redacted);
    assert!(serde_json::to_string(&full).unwrap().contains(NAME));
    s.record_export("Tệp trao đổi", true).unwrap();
    let book = tiepdan::forms::register::register_book_with(&s, june, true).unwrap();
    assert!(serde_json::to_string(&book).unwrap().contains(VISITOR));
    assert!(book.parts[0]
        .title
        .ends_with("(BẢN ĐẦY ĐỦ, CÓ DANH TÍNH NGƯỜI TỐ CÁO – MẬT)"));
    assert_eq!(
        tiepdan::export::job::file_name_of(tiepdan::forms::FormId::So, june, true),
        "So-tiep-cong-dan_BAN-DAY-DU-MAT_01-06-2026_30-06-2026.xlsx"
    );

    let exports: Vec<_> = s
        .export_exchange()
        .unwrap()
        .changes
        .into_iter()
        .filter(|c| c.action == ChangeAction::Export)
        .map(|c| (c.user.unwrap_or_default(), c.note.unwrap_or_default()))
        .collect();
    assert_eq!(
        exports,
        [
            (
                "lanhdao".to_string(),
                "Tệp trao đổi; danh tính người tố cáo được che".to_string()
            ),
            (
                "lanhdao".to_string(),
                "Tệp trao đổi; bản đầy đủ, có danh tính người tố cáo".to_string()
            ),
        ]
    );
    // A redacted file imported elsewhere carries the mask, not the name.
    let mut other = store_on("2026-06-30");
    other.import_exchange(&file).unwrap();
    let names: Vec<String> = other
        .export_exchange_with(true)
        .unwrap()
        .persons
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert!(!names.iter().any(|n| n == NAME), "{names:?}");
}

/// The window reads its reports and files on a second handle of the register
/// (`Store::reader`): it acts as the account signed in, masks as that account's handle
/// does, reads what was just committed, and writes nothing.
#[test]
fn a_second_handle_reads_as_the_account_signed_in_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store = Store::open_with_clock(
        &path,
        Box::new(tiepdan::clock::FixedClock(date("2026-06-30"))),
    )
    .unwrap();
    let mut settings = store.settings().unwrap();
    settings.unit_name = "phường Việt Hòa".into();
    store.save_settings(&settings).unwrap();
    let Ward { store: mut s, .. } = ward_with(store);
    let june = Period::parse("2026-06-01", "2026-06-30").unwrap();
    let reader = s
        .reader()
        .unwrap()
        .expect("a register with a file has a second handle");
    assert_eq!(reader.today(), s.today());
    assert_eq!(reader.user().map(|u| u.login), Some("canbo".to_string()));
    let book = tiepdan::forms::register::register_book(&reader, june).unwrap();
    assert_eq!(
        book,
        tiepdan::forms::register::register_book(&s, june).unwrap()
    );
    let text = serde_json::to_string(&book).unwrap();
    assert!(
        !text.contains(VISITOR) && text.contains(MASKED_NAME),
        "{text}"
    );
    assert_eq!(
        tiepdan::forms::register::register_book_with(&reader, june, true)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        tiepdan::report::period_report(&reader, june).unwrap(),
        tiepdan::report::period_report(&s, june).unwrap()
    );
    // It writes nothing, whoever asks.
    let mut reader = reader;
    let refused = reader
        .create_session(&NewSession {
            date: "2026-06-29".into(),
            kind: SessionKind::Regular,
            host_group: HostGroup::Officer,
            host_name: None,
            place: None,
            notes: None,
        })
        .unwrap_err();
    assert!(refused.to_string().contains("chỉ để đọc"), "{refused}");
    // What the shared handle commits next, a new reader reads.
    session(&mut s, "2026-06-29", HostGroup::Officer);
    let after = tiepdan::report::period_report(&s.reader().unwrap().unwrap(), june).unwrap();
    assert_eq!(after.reception.sessions, 2);
    // A leader's reader names the denunciator in the full Sổ, as the leader's handle does.
    as_user(&mut s, "lanhdao");
    let full =
        tiepdan::forms::register::register_book_with(&s.reader().unwrap().unwrap(), june, true)
            .unwrap();
    assert!(serde_json::to_string(&full).unwrap().contains(VISITOR));
    // A register in memory has none: it is read through its own handle.
    assert!(store_on("2026-06-30").reader().unwrap().is_none());
}

#[test]
fn a_leader_reveals_one_person_with_a_reason_and_the_reveal_is_recorded() {
    let Ward {
        store: mut s, hoa, ..
    } = ward();
    let e = s.reveal_person(&hoa, "xác minh").unwrap_err();
    assert_eq!(e.code(), "forbidden");
    as_user(&mut s, "lanhdao");
    let e = s.reveal_person(&hoa, "  ").unwrap_err();
    assert_eq!(e.field(), Some("reason"));
    let e = s.reveal_person(&hoa, "xem").unwrap_err();
    assert_eq!(e.field(), Some("reason"));
    let p = s
        .reveal_person(&hoa, "Xác minh nội dung tố cáo theo Kế hoạch 12/KH-UBND")
        .unwrap();
    assert_eq!(p.full_name, NAME);
    assert_eq!(p.id_number.as_deref(), Some(ID));
    // Revealing one record reveals nothing else: lists stay masked.
    assert_masked(&s.person_detail(&hoa).unwrap().person);
    let reveals: Vec<_> = s
        .export_exchange()
        .unwrap()
        .changes
        .into_iter()
        .filter(|c| c.action == ChangeAction::Reveal)
        .collect();
    assert_eq!(reveals.len(), 1);
    assert_eq!(reveals[0].record_id, hoa);
    assert_eq!(reveals[0].user.as_deref(), Some("lanhdao"));
    assert_eq!(
        reveals[0].note.as_deref(),
        Some("Xác minh nội dung tố cáo theo Kế hoạch 12/KH-UBND")
    );
}

#[test]
fn the_report_names_nobody() {
    let Ward { store: s, .. } = ward();
    let r = report(&s, "2026-06-01", "2026-06-30");
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains(NAME) && !text.contains(VISITOR));
    assert_eq!(r.petitions_received.denunciation, 1);
}

#[test]
fn a_masked_record_is_neither_corrected_nor_merged_nor_named_in_a_message() {
    let Ward {
        store: mut s, hoa, ..
    } = ward();
    let masked = s.person_detail(&hoa).unwrap().person;
    let e = s
        .correct_person(
            &hoa,
            &PersonInput {
                full_name: masked.full_name.clone(),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.field(), Some("person"));
    assert!(e
        .to_string()
        .starts_with("Hồ sơ này được bảo mật (người tố cáo)"));
    let other = s
        .create_petition(&direct_input("2026-06-10", PetitionKind::Proposal))
        .unwrap()
        .petitioners[0]
        .id
        .clone();
    let e = s.merge_persons(&other, &hoa).unwrap_err();
    assert_eq!(e.field(), Some("merged_id"));
    // Typing the denunciator's number for another name: refused without the name.
    let sid = session(&mut s, "2026-06-12", HostGroup::Officer);
    let e = s
        .add_visit(&visit_input(
            &sid,
            vec![PersonInput {
                full_name: "Nguyễn Văn Khác".into(),
                id_kind: Some(IdKind::CanCuoc),
                id_number: Some(ID.into()),
                ..Default::default()
            }],
            1,
        ))
        .unwrap_err();
    assert!(!e.to_string().contains(NAME), "{e}");
    assert!(e.to_string().contains("hồ sơ được bảo mật"), "{e}");
    // The record itself is unchanged.
    as_user(&mut s, "lanhdao");
    let p = s.reveal_person(&hoa, "Kiểm tra hồ sơ sau khi sửa").unwrap();
    assert_eq!(p.full_name, NAME);
}

#[test]
fn an_account_that_may_reveal_corrects_a_masked_record_and_its_history_stays_masked() {
    let Ward {
        store: mut s, hoa, ..
    } = ward();
    as_user(&mut s, "quantri");
    s.save_account(&account("truongban", &[Role::Officer, Role::Leader]))
        .unwrap();
    as_user(&mut s, "truongban");
    s.correct_person(
        &hoa,
        &PersonInput {
            full_name: "Phạm Thị Hòa".into(),
            id_kind: Some(IdKind::CanCuoc),
            id_number: Some(ID.into()),
            ..Default::default()
        },
    )
    .unwrap();
    as_user(&mut s, "canbo");
    let history = s.person_detail(&hoa).unwrap().history;
    let text = serde_json::to_string(&history).unwrap();
    assert!(!text.contains("Hòa") && !text.contains("Hoa"), "{text}");
    assert!(text.contains("(được bảo mật)"), "{text}");
    assert!(
        history.iter().any(|c| c.action == ChangeAction::Update),
        "the correction is in the history"
    );
}

#[test]
fn a_record_merged_before_its_citizen_denounced_is_masked_too() {
    let Ward { store: mut s, .. } = ward();
    let mut first = direct_input("2026-06-10", PetitionKind::Proposal);
    first.petitioners = vec![person("Đỗ Văn Lâm")];
    let a = s.create_petition(&first).unwrap().petitioners[0].id.clone();
    let mut other = direct_input("2026-06-11", PetitionKind::Proposal);
    other.petitioners = vec![person("Đỗ Văn Lâm")];
    let b = s.create_petition(&other).unwrap().petitioners[0].id.clone();
    s.merge_persons(&b, &a).unwrap();
    // The kept record's citizen now denounces.
    let mut d = direct_input("2026-06-12", PetitionKind::Denunciation);
    d.petitioners = vec![PersonInput {
        existing_id: Some(b.clone()),
        full_name: "Đỗ Văn Lâm".into(),
        ..Default::default()
    }];
    let denounced = s.create_petition(&d).unwrap().id;
    // The petitions list reads every petitioner at once: each record of the citizen masked.
    let listed = s.petitions(&PetitionFilter::default()).unwrap();
    let named: Vec<&str> = listed
        .iter()
        .flat_map(|p| p.petitioners.iter().map(|w| w.full_name.as_str()))
        .collect();
    assert!(!named.contains(&"Đỗ Văn Lâm"), "{named:?}");
    let theirs: Vec<&Person> = listed
        .iter()
        .filter(|p| p.id == denounced || p.received_on.starts_with("2026-06-1"))
        .flat_map(|p| p.petitioners.iter())
        .collect();
    assert_eq!(theirs.len(), 3, "{theirs:?}");
    theirs.into_iter().for_each(assert_masked);
    // So does the move form's picker, which reads the names on its own: the citizen's two
    // proposals (not denunciations) name them masked, and their name finds nothing.
    let picked = s
        .petition_choices(&PetitionFilter::default(), true)
        .unwrap();
    let names: Vec<&str> = picked
        .iter()
        .flat_map(|c| c.petitioners.iter().map(String::as_str))
        .collect();
    assert!(!names.contains(&"Đỗ Văn Lâm"), "{names:?}");
    let masked = picked
        .iter()
        .filter(|c| c.petitioners == [tiepdan::desk::privacy::MASKED_NAME])
        .count();
    assert!(
        masked >= 4,
        "the three of the citizen and Hoa's: {picked:?}"
    );
    as_user(&mut s, "lanhdao");
    let file = serde_json::to_string(&s.export_exchange().unwrap()).unwrap();
    let at = file
        .find("Đỗ Văn Lâm")
        .map(|i| &file[i.saturating_sub(300)..i + 40]);
    assert_eq!(at, None, "both records of the citizen are masked");
}

#[test]
fn a_full_export_is_refused_when_it_cannot_be_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    {
        let mut s = Store::open(&path).unwrap();
        s.create_first_admin(&account("quantri", &[Role::Admin, Role::Leader]))
            .unwrap();
    }
    let mut s = Store::open_read_only(&path, Box::new(tiepdan::clock::SystemClock)).unwrap();
    s.sign_in("quantri", "matkhau-quantri").unwrap();
    assert!(s.export_exchange().is_ok());
    let e = s.record_export("Tệp trao đổi", true).unwrap_err();
    assert_eq!(e.field(), Some("full"));
}

#[test]
fn an_import_neither_names_nor_confirms_a_denunciator_and_brings_no_foreign_audit() {
    let Ward { store: mut s, .. } = ward();
    // An officer's crafted file: another name with the denunciator's number.
    // (An officer may not export: the file is made by hand from an empty register's.)
    let mut probe = store_on("2026-06-30").export_exchange().unwrap();
    probe.persons.clear();
    probe.sessions.clear();
    probe.visits.clear();
    probe.cases.clear();
    probe.petitions.clear();
    probe.petition_events.clear();
    probe.changes.clear();
    for (i, guess) in ["Sai Tên", NAME].into_iter().enumerate() {
        probe.persons = vec![Person {
            id: format!("probe-{i}"),
            full_name: guess.into(),
            id_kind: IdKind::CanCuoc,
            id_number: Some(ID.into()),
            address: None,
            phone: None,
            merged_into: None,
            masked: false,
        }];
        let e = s.import_exchange(&probe).unwrap_err();
        assert!(!e.to_string().contains(NAME), "{e}");
        assert!(e.to_string().contains("hồ sơ được bảo mật"), "{e}");
    }
    // Forged audit records in a file are not brought in.
    as_user(&mut s, "lanhdao");
    let mut forged = s.export_exchange().unwrap();
    forged.changes = vec![tiepdan::records::ChangeRecord {
        id: "forged-reveal".into(),
        at: "2030-01-01T00:00:00Z".into(),
        actor: Actor::Desk,
        action: ChangeAction::Reveal,
        table: "persons".into(),
        record_id: "x".into(),
        old: None,
        new: None,
        note: Some("giả".into()),
        source: Some("Trụ sở UBND phường".into()),
        user: Some("lanhdao".into()),
    }];
    as_user(&mut s, "canbo");
    s.import_exchange(&forged).unwrap();
    as_user(&mut s, "lanhdao");
    let changes = s.export_exchange().unwrap().changes;
    assert!(!changes.iter().any(|c| c.id == "forged-reveal"));
}

/// An officer edits a leader's redacted file (the denunciator's record under its real id)
/// and imports it, one field at a time: the register's record is kept whatever the file
/// says, with nothing said of it (a refusal quoting the register's values, naming the field
/// that differs, or only saying the person is protected, confirms guesses one at a time).
/// The register's own redacted file, marked full, imports as well.
#[test]
fn an_import_refusal_quotes_nothing_of_a_denunciators_record() {
    let Ward {
        store: mut s, hoa, ..
    } = ward();
    as_user(&mut s, "lanhdao");
    let redacted = s.export_exchange().unwrap();
    let before = s.export_exchange_with(true).unwrap();
    s.sign_out().unwrap();
    as_user(&mut s, "canbo");
    let at = redacted.persons.iter().position(|p| p.id == hoa).unwrap();
    assert_eq!(redacted.persons[at].full_name, MASKED_NAME);
    let mut probes = vec![];
    // The file only said to be full.
    let mut p = redacted.clone();
    p.redacted = false;
    probes.push(p);
    // Guesses, right and wrong, of each particular.
    for (name, number) in [("x", None), (NAME, Some(ID)), (NAME, Some("001000000000"))] {
        let mut p = redacted.clone();
        p.redacted = false;
        let person = &mut p.persons[at];
        person.full_name = name.into();
        person.id_kind = IdKind::CanCuoc;
        person.id_number = number.map(str::to_string);
        person.address = Some("12 Lê Lợi, tổ 3".into());
        probes.push(p);
    }
    let mut summaries = vec![];
    for probe in &probes {
        let n = s.import_exchange(probe).unwrap();
        assert_eq!((n.persons, n.updated), (0, 0));
        summaries.push(format!("{n:?}"));
    }
    // The same outcome whatever the guess.
    assert!(summaries.windows(2).all(|w| w[0] == w[1]), "{summaries:#?}");
    as_user(&mut s, "lanhdao");
    assert!(s.export_exchange_with(true).unwrap().persons == before.persons);
    // An account that records and may see the identity imports the file that names it
    // rightly (nothing new), and is told which field differs in one that does not.
    as_user(&mut s, "quantri");
    s.save_account(&account("truong", &[Role::Officer, Role::Leader]))
        .unwrap();
    as_user(&mut s, "truong");
    s.import_exchange(&before).unwrap();
    let e = s.import_exchange(&probes[1]).unwrap_err().to_string();
    assert!(!e.contains("hồ sơ được bảo mật"), "{e}");
}

#[test]
fn a_redacted_file_brings_masks_that_a_full_file_later_names() {
    let Ward { store: mut s, .. } = ward();
    as_user(&mut s, "lanhdao");
    let redacted = s.export_exchange().unwrap();
    let full = s.export_exchange_with(true).unwrap();
    let mut other = store_on("2026-06-30");
    let n = other.import_exchange(&redacted).unwrap();
    // Each masked denunciator is said to have come as a mask.
    let masks = redacted
        .persons
        .iter()
        .filter(|p| p.full_name == tiepdan::desk::privacy::MASKED_NAME)
        .count() as u32;
    assert!(masks > 0);
    assert_eq!(n.masked, masks);
    let mut other = store_on("2026-06-30");
    other.import_exchange(&redacted).unwrap();
    let names = |st: &Store| -> Vec<String> {
        st.export_exchange_with(true)
            .unwrap()
            .persons
            .into_iter()
            .map(|p| p.full_name)
            .collect()
    };
    assert!(!names(&other).iter().any(|n| n == NAME));
    // The register's own records are not replaced by the masks of its redacted file.
    s.sign_out().unwrap();
    as_user(&mut s, "canbo");
    s.import_exchange(&redacted).unwrap();
    as_user(&mut s, "lanhdao");
    assert!(names(&s).iter().any(|n| n == NAME));
    // The full file names the masks.
    other.import_exchange(&full).unwrap();
    assert!(
        names(&other).iter().any(|n| n == NAME),
        "{:?}",
        names(&other)
    );
}

#[test]
fn the_audit_log_names_records_in_words_and_a_denunciator_masked() {
    let mut w = ward();
    let number = w.store.petition(&w.denunciation).unwrap().number;
    as_user(&mut w.store, "quantri");
    w.store.set_idle_lock(30).unwrap();
    w.store
        .save_account(&account("truongban", &[Role::Admin, Role::Leader]))
        .unwrap();
    let log_of = |s: &Store| {
        s.audit_log(&tiepdan::desk::admin::AuditFilter::default())
            .unwrap()
    };
    let subject_of = |log: &[tiepdan::desk::admin::AuditEntry], table: &str, id: &str| {
        log.iter()
            .find(|e| e.table == table && e.record_id == id)
            .unwrap_or_else(|| panic!("no {table} {id} in the log"))
            .subject
            .clone()
    };
    // An administrator who may not read the records sees accounts and settings named,
    // the records by their id only.
    let log = log_of(&w.store);
    assert_eq!(
        subject_of(&log, "settings", "idle_lock_minutes").as_deref(),
        Some("Thời gian tự khóa khi không dùng")
    );
    assert!(log
        .iter()
        .any(|e| e.table == "users" && e.subject.as_deref() == Some("canbo")));
    assert_eq!(subject_of(&log, "persons", &w.hoa), None);
    assert_eq!(subject_of(&log, "petitions", &w.denunciation), None);
    // One who may read them sees them in words, the denunciator masked.
    as_user(&mut w.store, "truongban");
    let log = log_of(&w.store);
    // (With the end of the record's id, to tell two denunciators' rows apart.)
    let end: String = w.hoa.chars().skip(w.hoa.chars().count() - 8).collect();
    assert_eq!(
        subject_of(&log, "persons", &w.hoa),
        Some(format!("{MASKED_NAME} (hồ sơ …{end})"))
    );
    assert_eq!(
        subject_of(&log, "petitions", &w.denunciation),
        Some(format!("số {number}"))
    );
    let session = log.iter().find(|e| e.table == "sessions").unwrap();
    assert_eq!(session.subject.as_deref(), Some("ngày 05/06/2026"));
    for e in &log {
        let text = format!("{:?} {:?}", e.subject, e.note);
        assert!(!text.contains(NAME) && !text.contains(ID), "{text}");
    }
}

/// A merge's note names both records ("Gộp hồ sơ … vào hồ sơ …"). Once either citizen
/// denounces, even after the merge was undone, the note is masked in the other record's
/// history, in the audit log and in the redacted file.
#[test]
fn a_merge_note_does_not_name_a_citizen_who_denounced_later() {
    let Ward { store: mut s, .. } = ward();
    let kin = "Lê Thị Kín Đáo";
    let mut first = direct_input("2026-06-10", PetitionKind::Proposal);
    first.petitioners = vec![person(kin)];
    let k = s.create_petition(&first).unwrap().petitioners[0].id.clone();
    let mut other = direct_input("2026-06-11", PetitionKind::Proposal);
    other.petitioners = vec![person("Phạm Văn Mờ")];
    let m = s.create_petition(&other).unwrap().petitioners[0].id.clone();
    let merge = s.merge_persons(&k, &m).unwrap();
    s.undo_merge(&merge.id).unwrap();
    let notes = |s: &Store| -> Vec<String> {
        s.history("persons", &m)
            .unwrap()
            .into_iter()
            .filter_map(|c| c.note)
            .collect()
    };
    assert!(
        notes(&s).iter().any(|n| n.contains(kin)),
        "named while nobody denounced: {:?}",
        notes(&s)
    );
    // K denounces.
    let mut d = direct_input("2026-06-12", PetitionKind::Denunciation);
    d.petitioners = vec![PersonInput {
        existing_id: Some(k.clone()),
        full_name: kin.into(),
        ..Default::default()
    }];
    s.create_petition(&d).unwrap();
    let shown = notes(&s);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|n| !n.contains(kin)), "{shown:?}");
    named_nowhere(&mut s, kin);
}

/// A citizen is every record joined by merges, however chained: C merged into B, then B
/// into A; once A denounces, C is masked too (in the desk's reads, the audit log and the
/// file), not only A and B.
#[test]
fn records_merged_in_a_chain_are_one_masked_citizen() {
    let Ward { store: mut s, .. } = ward();
    let name = "Phạm Văn Đức Chuỗi";
    let mut ids = Vec::new();
    for day in ["2026-06-10", "2026-06-11", "2026-06-12"] {
        let mut input = direct_input(day, PetitionKind::Proposal);
        input.petitioners = vec![person(name)];
        ids.push(s.create_petition(&input).unwrap().petitioners[0].id.clone());
    }
    let (a, b, c) = (&ids[0], &ids[1], &ids[2]);
    s.merge_persons(b, c).unwrap();
    s.merge_persons(a, b).unwrap();
    let mut d = direct_input("2026-06-13", PetitionKind::Denunciation);
    d.petitioners = vec![PersonInput {
        existing_id: Some(a.clone()),
        full_name: name.into(),
        ..Default::default()
    }];
    s.create_petition(&d).unwrap();
    for id in [a, b, c] {
        assert_masked(&s.person(id).unwrap());
    }
    named_nowhere(&mut s, name);
}

/// `name` is in neither the redacted file (a leader's export) nor the audit log as one who
/// may read the records sees it (a new account with both roles, made by "quantri").
fn named_nowhere(s: &mut Store, name: &str) {
    as_user(s, "lanhdao");
    let file = serde_json::to_string(&s.export_exchange().unwrap()).unwrap();
    let at = file
        .find(name)
        .map(|i| &file[i.saturating_sub(200)..i + 40]);
    assert_eq!(at, None, "the redacted file names nobody who denounced");
    as_user(s, "quantri");
    s.save_account(&account("truongban", &[Role::Admin, Role::Leader]))
        .unwrap();
    as_user(s, "truongban");
    let log = s
        .audit_log(&tiepdan::desk::admin::AuditFilter::default())
        .unwrap();
    for e in &log {
        let text = format!("{:?} {:?}", e.subject, e.note);
        assert!(!text.contains(name), "{text}");
    }
}
