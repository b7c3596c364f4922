//! The corpus of bad inputs: every one is refused with a Vietnamese message that names the
//! field (and, for a file, the record), and saves nothing.
//!
//! A case is a name, an input built by a function (a desk use case called through
//! `Store`, or a file read and imported as the CLI does), the field the error must name,
//! and a fragment of its message. Each case checks that the message carries no English of
//! the JSON reader or of SQLite, and that the register is unchanged: the row count of
//! every table and the exchange export, before and after.

mod common;

use common::*;
use serde_json::{json, Value};
use tiepdan::domain::*;
use tiepdan::Store;

/// English that must never reach the officer.
const DENIED: &[&str] = &[
    "missing field",
    "unknown variant",
    "invalid type",
    "invalid value",
    "constraint",
    "FOREIGN KEY",
    "UNIQUE",
    "NOT NULL",
    "expected",
    "at line",
    "EOF",
];

const TODAY: &str = "2026-03-20";

/// The lists of records of an exchange file.
const LISTS: &[&str] = &[
    "persons",
    "cases",
    "sessions",
    "visits",
    "petitions",
    "petition_events",
    "changes",
    "fields",
    "units",
];

/// What the base register holds, for the cases to point at.
struct Base {
    session: String,
    visit: String,
    petition: String,
    /// A petition classified as outside competence (it can be transferred).
    classified: String,
    person: String,
    /// A valid exchange file of another register, as JSON.
    file: Value,
}

type Act = Box<dyn Fn(&mut Store, &Base) -> tiepdan::Result<()>>;

struct Case {
    name: String,
    act: Act,
    field: &'static str,
    says: &'static str,
}

fn desk(
    name: &str,
    field: &'static str,
    says: &'static str,
    act: impl Fn(&mut Store, &Base) -> tiepdan::Result<()> + 'static,
) -> Case {
    Case {
        name: format!("desk: {name}"),
        act: Box::new(act),
        field,
        says,
    }
}

/// Import a file's text as the CLI does: written to a file, read from it, then imported.
fn import_text(store: &mut Store, text: &str) -> tiepdan::Result<()> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tep.json");
    std::fs::write(&path, text).unwrap();
    let read = tiepdan::exchange::read_file(&path);
    // Read from the text whole, as `tiepdan import -` does, it is the same file, or the
    // same refusal.
    match (&read, tiepdan::exchange::parse(text)) {
        (Ok(a), Ok(b)) => assert_eq!(a, &b),
        // (A mistake of the whole file names the file read from its path.)
        (Err(a), Err(b)) if b.field() == Some("file") => assert_eq!(
            a.to_string(),
            b.to_string()
                .replacen(": ", &format!(": tệp {}: ", path.display()), 1)
        ),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        (a, b) => panic!("read from the file: {a:?}; from the text: {b:?}"),
    }
    store.import_exchange(&read?).map(|_| ())
}

/// A file case: the base file, edited.
fn file(
    name: &str,
    field: &'static str,
    says: &'static str,
    edit: impl Fn(&mut Value) + 'static,
) -> Case {
    Case {
        name: format!("file: {name}"),
        act: Box::new(move |store, base| {
            let mut v = base.file.clone();
            edit(&mut v);
            import_text(store, &serde_json::to_string_pretty(&v).unwrap())
        }),
        field,
        says,
    }
}

/// A file case given as raw text built from the base file's text.
fn raw(
    name: &str,
    field: &'static str,
    says: &'static str,
    text: impl Fn(&str) -> String + 'static,
) -> Case {
    Case {
        name: format!("file text: {name}"),
        act: Box::new(move |store, base| {
            let good = serde_json::to_string_pretty(&base.file).unwrap();
            import_text(store, &text(&good))
        }),
        field,
        says,
    }
}

/// The register's fingerprint: every table's row count and the export (its time aside).
fn fingerprint(store: &Store) -> (Vec<(String, i64)>, String) {
    let mut export = store.export_exchange().unwrap();
    export.exported_at = String::new();
    (
        store.row_counts().unwrap(),
        serde_json::to_string(&export).unwrap(),
    )
}

fn session_input(date: &str) -> NewSession {
    NewSession {
        date: date.into(),
        kind: SessionKind::Regular,
        host_group: HostGroup::Officer,
        host_name: Some("Lê Thị Thu".into()),
        place: Some("Trụ sở UBND phường".into()),
        notes: None,
    }
}

fn long(n: usize) -> String {
    "ư".repeat(n)
}

/// The register every case runs against: a session with a visit of a citizen whose
/// căn cước is 001090001234, a petition received by post.
fn base() -> (Store, Base) {
    // The other register, whose export the file cases edit.
    let mut other = store_on(TODAY);
    let mut named_other = other.settings().unwrap();
    named_other.unit_name = "phường Kim Liên".into();
    other.save_settings(&named_other).unwrap();
    let s = session(&mut other, "2026-03-02", HostGroup::Officer);
    let mut p = person("Trần Văn Bình");
    p.id_number = Some("002080004321".into());
    p.phone = Some("0912345678".into());
    let mut v = visit_input(&s, vec![p, person("Phạm Thị Lan")], 2);
    v.petition = Some(petition_of(PetitionKind::Proposal));
    other.add_visit(&v).unwrap();
    visit(&mut other, &s, 1, 1, None);
    let direct = direct_petition(&mut other, "2026-03-03", PetitionKind::Complaint);
    classify(
        &mut other,
        &direct,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-03-04",
    );
    move_petition(&mut other, &direct, MoveAction::Accept, "2026-03-05", |m| {
        m.note = Some("Thụ lý giải quyết".into())
    })
    .unwrap();
    let file = serde_json::to_value(other.export_exchange().unwrap()).unwrap();

    let mut store = store_on(TODAY);
    let session = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut duc = person("Nguyễn Văn Đức");
    duc.id_number = Some("001090001234".into());
    let visit = store
        .add_visit(&visit_input(&session, vec![duc], 1))
        .unwrap();
    store
        .add_visit(&visit_of_session(
            &session,
            with_number("Vũ Thị Hằng", None, "001090007777"),
        ))
        .unwrap();
    let petition = store
        .create_petition(&direct_input("2026-03-11", PetitionKind::Proposal))
        .unwrap();
    let classified = direct_petition(&mut store, "2026-03-12", PetitionKind::Proposal);
    classify(
        &mut store,
        &classified,
        PetitionKind::Proposal,
        true,
        Competence::Outside,
        "2026-03-13",
    );
    let base = Base {
        session,
        visit: visit.id.clone(),
        petition: petition.id,
        classified,
        person: visit.persons[0].id.clone(),
        file,
    };
    (store, base)
}

/// A valid visit of one new citizen in the base session.
fn good_visit(b: &Base) -> NewVisit {
    visit_input(&b.session, vec![person("Hoàng Văn Sơn")], 1)
}

/// A visit whose only person is `p`.
fn visit_of(b: &Base, p: PersonInput) -> NewVisit {
    visit_of_session(&b.session, p)
}

fn visit_of_session(session: &str, p: PersonInput) -> NewVisit {
    visit_input(session, vec![p], 1)
}

fn named(name: &str) -> PersonInput {
    person(name)
}

fn with_number(name: &str, kind: Option<IdKind>, number: &str) -> PersonInput {
    PersonInput {
        full_name: name.into(),
        id_kind: kind,
        id_number: Some(number.into()),
        ..Default::default()
    }
}

fn good_petition() -> NewPetition {
    direct_input("2026-03-12", PetitionKind::Complaint)
}

fn good_settings(store: &Store) -> Settings {
    store.settings().unwrap()
}

fn field_of(code: &str, name: &str) -> Field {
    Field {
        code: code.into(),
        name: name.into(),
        complaint_group: ComplaintGroup::Other,
        denunciation_group: DenunciationGroup::Other,
        proposal_group: ProposalGroup::Other,
        active: true,
    }
}

/// The index of the first record of `list` that `pick` accepts.
fn index(v: &Value, list: &str, pick: impl Fn(&Value) -> bool) -> usize {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .position(pick)
        .unwrap_or_else(|| panic!("no such record in {list}"))
}

/// The petition of the file received by post, and the visit's one.
fn direct(v: &Value) -> usize {
    index(v, "petitions", |p| p["visit_id"].is_null())
}
fn handed_in(v: &Value) -> usize {
    index(v, "petitions", |p| !p["visit_id"].is_null())
}
/// The visit of the file with two named persons.
fn pair(v: &Value) -> usize {
    index(v, "visits", |x| {
        x["person_ids"].as_array().unwrap().len() == 2
    })
}
/// The move of the file that accepted the direct petition.
fn accept(v: &Value) -> usize {
    index(v, "petition_events", |e| e["action"] == "accept")
}

fn session_cases() -> Vec<Case> {
    let date = |d: &'static str| {
        move |s: &mut Store, _: &Base| s.create_session(&session_input(d)).map(|_| ())
    };
    vec![
        desk(
            "a 30th of February",
            "date",
            "không phải là ngày có thật",
            date("2026-02-30"),
        ),
        desk(
            "a thirteenth month",
            "date",
            "không phải là ngày có thật",
            date("2026-13-01"),
        ),
        desk(
            "dd/mm/yyyy typed as ISO",
            "date",
            "không phải là ngày có thật",
            date("30/02/2026"),
        ),
        desk("year 0", "date", "năm từ 1900 đến 2999", date("0000-03-01")),
        desk(
            "year 99999",
            "date",
            "không phải là ngày có thật",
            date("99999-03-01"),
        ),
        desk("no date", "date", "chưa nhập ngày", date("")),
        desk("tomorrow", "date", "ở tương lai", date("2026-03-21")),
        desk("year 2999", "date", "ở tương lai", date("2999-01-01")),
        desk(
            "a date with a NUL",
            "date",
            "không phải là ngày có thật",
            date("2026-03-10\0"),
        ),
        desk(
            "a host name with a NUL",
            "host_name",
            "ký tự rỗng (NUL)",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.host_name = Some("Lê\0Thu".into());
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "a host name that clears the screen",
            "host_name",
            "mã điều khiển màn hình",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.host_name = Some("Lê Thu\x1b[2J".into());
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "a host name on two lines",
            "host_name",
            "dấu xuống dòng",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.host_name = Some("Lê\nThu".into());
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "a place of 501 characters",
            "place",
            "quá giới hạn 500 ký tự",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.place = Some(long(501));
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "a place written right to left",
            "place",
            "U+202E",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.place = Some("Trụ sở \u{202E}gnáhp".into());
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "notes of 10,001 characters",
            "notes",
            "quá giới hạn 10.000 ký tự",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.notes = Some(long(10_001));
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "notes with a terminal escape",
            "notes",
            "mã điều khiển màn hình",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.notes = Some("Dòng 1\n\x1b]0;pwned\x07".into());
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "notes with a C1 control sequence introducer",
            "notes",
            "mã điều khiển màn hình",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.notes = Some("Ghi chú \u{9b}31m".into());
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "the chairman at a regular session",
            "kind",
            "định kỳ hoặc đột xuất",
            |s, _| {
                let mut i = session_input("2026-03-10");
                i.host_group = HostGroup::Chairman;
                s.create_session(&i).map(|_| ())
            },
        ),
        desk(
            "a session corrected into the future",
            "date",
            "ở tương lai",
            |s, b| {
                s.correct_session(&b.session, &session_input("2026-04-01"))
                    .map(|_| ())
            },
        ),
        desk(
            "a session corrected with a NUL in its notes",
            "notes",
            "NUL",
            |s, b| {
                let mut i = session_input("2026-03-10");
                i.notes = Some("\0".into());
                s.correct_session(&b.session, &i).map(|_| ())
            },
        ),
        desk(
            "a session with visits deleted",
            "session",
            "xóa các lượt tiếp trước",
            |s, b| s.delete_session(&b.session),
        ),
    ]
}

fn visit_cases() -> Vec<Case> {
    let who = |p: fn() -> PersonInput| {
        move |s: &mut Store, b: &Base| s.add_visit(&visit_of(b, p())).map(|_| ())
    };
    let edit = |f: fn(&mut NewVisit)| {
        move |s: &mut Store, b: &Base| {
            let mut v = good_visit(b);
            f(&mut v);
            s.add_visit(&v).map(|_| ())
        }
    };
    let name = "persons[0].full_name";
    let number = "persons[0].id_number";
    vec![
        desk(
            "an empty name",
            name,
            "Họ và tên không được để trống",
            who(|| named("   ")),
        ),
        desk(
            "a name of zero-width spaces",
            name,
            "chỉ gồm ký tự vô hình",
            who(|| named("\u{200B}\u{200B}")),
        ),
        desk(
            "a name of a byte order mark",
            name,
            "chỉ gồm ký tự vô hình",
            who(|| named("\u{FEFF}")),
        ),
        desk(
            "a name of joiners and a soft hyphen",
            name,
            "chỉ gồm ký tự vô hình",
            who(|| named("\u{200D}\u{00AD}\u{2060}")),
        ),
        desk(
            "a name with a NUL",
            name,
            "ký tự rỗng (NUL)",
            who(|| named("Nguyễn\0Văn")),
        ),
        desk(
            "a name with a colour escape",
            name,
            "mã điều khiển màn hình",
            who(|| named("Nguyễn \x1b[31mVăn")),
        ),
        desk(
            "a name that retitles the terminal",
            name,
            "mã điều khiển màn hình",
            who(|| named("\x1b]0;pwned\x07Lan")),
        ),
        desk(
            "a name with a tab",
            name,
            "dấu tab",
            who(|| named("Nguyễn\tVăn")),
        ),
        desk(
            "a name on two lines",
            name,
            "dấu xuống dòng",
            who(|| named("Nguyễn\nVăn")),
        ),
        desk(
            "a name with DEL",
            name,
            "U+007F",
            who(|| named("Nguyễn\x7fVăn")),
        ),
        desk(
            "a name with a bell",
            name,
            "U+0007",
            who(|| named("Lan\x07")),
        ),
        desk(
            "a name with a C1 control",
            name,
            "U+0085",
            who(|| named("Lan\u{85}Anh")),
        ),
        desk(
            "a name reversed by an override",
            name,
            "U+202E",
            who(|| named("Lan \u{202E}nễyugN")),
        ),
        desk(
            "a name of 201 characters",
            name,
            "quá giới hạn 200 ký tự",
            who(|| named(&long(201))),
        ),
        desk(
            "a name of 100,000 characters",
            name,
            "quá giới hạn 200 ký tự",
            who(|| named(&long(100_000))),
        ),
        desk(
            "a căn cước of 11 digits",
            number,
            "12 chữ số",
            who(|| with_number("Lê Văn Tám", Some(IdKind::CanCuoc), "00109000123")),
        ),
        desk(
            "a căn cước of 13 digits",
            number,
            "12 chữ số",
            who(|| with_number("Lê Văn Tám", Some(IdKind::CanCuoc), "0010900012345")),
        ),
        desk(
            "a căn cước with a letter",
            number,
            "12 chữ số",
            who(|| with_number("Lê Văn Tám", Some(IdKind::CanCuoc), "00109000123A")),
        ),
        desk(
            "a căn cước in full-width digits",
            number,
            "12 chữ số",
            who(|| {
                with_number(
                    "Lê Văn Tám",
                    Some(IdKind::CanCuoc),
                    "００１０９０００１２３４",
                )
            }),
        ),
        desk(
            "a căn cước with inner spaces",
            number,
            "12 chữ số",
            who(|| with_number("Lê Văn Tám", Some(IdKind::CanCuoc), "001 090 001 234")),
        ),
        desk(
            "a căn cước held by another name",
            number,
            "đã được ghi cho công dân Nguyễn Văn Đức",
            who(|| with_number("Trần Thị Mai", None, "001090001234")),
        ),
        desk(
            "the same căn cước with spaces around, another name",
            number,
            "đã được ghi cho công dân Nguyễn Văn Đức",
            who(|| with_number("Trần Thị Mai", None, "  001090001234  ")),
        ),
        desk(
            "a CMND of 8 digits",
            number,
            "9 hoặc 12 chữ số",
            who(|| with_number("Lê Văn Tám", Some(IdKind::Cmnd), "12345678")),
        ),
        desk(
            "a passport of 3 characters",
            number,
            "6 đến 12",
            who(|| with_number("Lê Văn Tám", Some(IdKind::Passport), "C12")),
        ),
        desk(
            "a number with no kind of paper",
            number,
            "chưa chọn loại giấy tờ",
            who(|| with_number("Lê Văn Tám", Some(IdKind::None), "001090009999")),
        ),
        desk(
            "a number with a NUL",
            number,
            "NUL",
            who(|| with_number("Lê Văn Tám", None, "00109\u{0}0001234")),
        ),
        desk(
            "a number of 21 characters",
            number,
            "quá giới hạn 20 ký tự",
            who(|| with_number("Lê Văn Tám", None, &"1".repeat(21))),
        ),
        desk(
            "a phone of letters",
            "persons[0].phone",
            "Số điện thoại",
            who(|| PersonInput {
                phone: Some("abc".into()),
                ..named("Lê Văn Tám")
            }),
        ),
        desk(
            "a phone of 3 digits",
            "persons[0].phone",
            "8 đến 15 số",
            who(|| PersonInput {
                phone: Some("123".into()),
                ..named("Lê Văn Tám")
            }),
        ),
        desk(
            "a phone with an escape",
            "persons[0].phone",
            "mã điều khiển màn hình",
            who(|| PersonInput {
                phone: Some("0912\x1b345678".into()),
                ..named("Lê Văn Tám")
            }),
        ),
        desk(
            "an address of 501 characters",
            "persons[0].address",
            "quá giới hạn 500 ký tự",
            who(|| PersonInput {
                address: Some(long(501)),
                ..named("Lê Văn Tám")
            }),
        ),
        desk(
            "an address with a NUL",
            "persons[0].address",
            "NUL",
            who(|| PersonInput {
                address: Some("Tổ 5\0".into()),
                ..named("Lê Văn Tám")
            }),
        ),
        desk(
            "a picked citizen who is not in the register",
            "persons[0].existing_id",
            "không có trong sổ",
            who(|| PersonInput {
                existing_id: Some("nobody".into()),
                ..named("")
            }),
        ),
        desk(
            "the second person's bad number",
            "persons[1].id_number",
            "12 chữ số",
            |s, b| {
                let v = visit_input(
                    &b.session,
                    vec![
                        named("Lê Văn Tám"),
                        with_number("Lê Thị Chín", Some(IdKind::CanCuoc), "123"),
                    ],
                    2,
                );
                s.add_visit(&v).map(|_| ())
            },
        ),
        desk(
            "the same citizen twice",
            "persons[1]",
            "trùng với một người đã ghi",
            |s, b| {
                let p = with_number("Lê Văn Tám", None, "001090005555");
                s.add_visit(&visit_input(&b.session, vec![p.clone(), p], 2))
                    .map(|_| ())
            },
        ),
        desk(
            "no content",
            "content",
            "Nội dung không được để trống",
            edit(|v| v.content = " \n ".into()),
        ),
        desk(
            "content of invisible characters",
            "content",
            "chỉ gồm ký tự vô hình",
            edit(|v| v.content = "\u{200B}\n\u{FEFF}".into()),
        ),
        desk(
            "content of 10,001 characters",
            "content",
            "quá giới hạn 10.000 ký tự",
            edit(|v| v.content = long(10_001)),
        ),
        desk(
            "content with a NUL",
            "content",
            "NUL",
            edit(|v| v.content = "Đề nghị\0".into()),
        ),
        desk(
            "content with a terminal escape",
            "content",
            "mã điều khiển màn hình",
            edit(|v| v.content = "Đề nghị \x1b[1;1H".into()),
        ),
        desk(
            "content with a form feed",
            "content",
            "U+000C",
            edit(|v| v.content = "Trang 1\x0cTrang 2".into()),
        ),
        desk(
            "nobody came",
            "headcount",
            "Số người phải từ 1",
            |s, b| s.add_visit(&visit_input(&b.session, vec![], 0)).map(|_| ()),
        ),
        desk(
            "a headcount of 10,001",
            "headcount",
            "tối đa 10000 người",
            edit(|v| v.headcount = 10_001),
        ),
        desk(
            "a headcount of u32::MAX",
            "headcount",
            "tối đa 10000 người",
            edit(|v| v.headcount = u32::MAX),
        ),
        desk(
            "a headcount below the named persons",
            "headcount",
            "không được ít hơn số người đã ghi tên (3)",
            |s, b| {
                let v = visit_input(
                    &b.session,
                    vec![named("An Văn A"), named("Bùi Văn B"), named("Cao Văn C")],
                    2,
                );
                s.add_visit(&v).map(|_| ())
            },
        ),
        desk(
            "a visit of an unknown session",
            "session_id",
            "không còn trong sổ",
            edit(|v| v.session_id = "no-such-session".into()),
        ),
        desk(
            "a visit of an unknown case",
            "case_id",
            "không còn trong sổ",
            edit(|v| v.case_id = Some("no-such-case".into())),
        ),
        desk(
            "an unknown field",
            "field_code",
            "không có trong danh mục",
            edit(|v| v.field_code = Some("khong_co".into())),
        ),
        desk(
            "a field code with a NUL",
            "field_code",
            "NUL",
            edit(|v| v.field_code = Some("tthc\0".into())),
        ),
        desk(
            "a transfer to nobody",
            "handling.agency",
            "cơ quan nhận đơn chuyển",
            edit(|v| {
                v.handling = HandlingInput {
                    handling: Handling::Transfer,
                    agency: None,
                    letter_no: None,
                }
            }),
        ),
        desk(
            "a transfer to an invisible agency",
            "handling.agency",
            "cơ quan nhận đơn chuyển",
            edit(|v| {
                v.handling = HandlingInput {
                    handling: Handling::Transfer,
                    agency: Some("\u{200B}".into()),
                    letter_no: None,
                }
            }),
        ),
        desk(
            "an agency of 301 characters",
            "handling.agency",
            "quá giới hạn 300 ký tự",
            edit(|v| {
                v.handling = HandlingInput {
                    handling: Handling::Transfer,
                    agency: Some(long(301)),
                    letter_no: None,
                }
            }),
        ),
        desk(
            "a letter number of 101 characters",
            "handling.letter_no",
            "quá giới hạn 100 ký tự",
            edit(|v| {
                v.handling = HandlingInput {
                    handling: Handling::Guide,
                    agency: None,
                    letter_no: Some(long(101)),
                }
            }),
        ),
        desk(
            "an agency with an escape",
            "handling.agency",
            "mã điều khiển màn hình",
            edit(|v| {
                v.handling = HandlingInput {
                    handling: Handling::Guide,
                    agency: Some("\x1b[8m".into()),
                    letter_no: None,
                }
            }),
        ),
        desk(
            "accepted without a petition",
            "handling",
            "Thụ lý",
            edit(|v| {
                v.handling = HandlingInput {
                    handling: Handling::Accept,
                    agency: None,
                    letter_no: None,
                }
            }),
        ),
        desk(
            "a petition with no content",
            "petition.content",
            "Nội dung đơn không được để trống",
            edit(|v| {
                let mut p = petition_of(PetitionKind::Proposal);
                p.content = String::new();
                v.petition = Some(p);
            }),
        ),
        desk(
            "a petition of invisible content",
            "petition.content",
            "chỉ gồm ký tự vô hình",
            edit(|v| {
                let mut p = petition_of(PetitionKind::Proposal);
                p.content = "\u{2060}".into();
                v.petition = Some(p);
            }),
        ),
        desk(
            "a petition of 10,001 characters",
            "petition.content",
            "quá giới hạn 10.000 ký tự",
            edit(|v| {
                let mut p = petition_of(PetitionKind::Proposal);
                p.content = long(10_001);
                v.petition = Some(p);
            }),
        ),
        desk(
            "a respondent with a NUL",
            "petition.respondent",
            "NUL",
            edit(|v| {
                let mut p = petition_of(PetitionKind::Complaint);
                p.respondent = Some("Ông\0A".into());
                v.petition = Some(p);
            }),
        ),
        desk(
            "a respondent of 301 characters",
            "petition.respondent",
            "quá giới hạn 300 ký tự",
            edit(|v| {
                let mut p = petition_of(PetitionKind::Complaint);
                p.respondent = Some(long(301));
                v.petition = Some(p);
            }),
        ),
        desk(
            "a petition of an unknown field",
            "petition.field_code",
            "không có trong danh mục",
            edit(|v| {
                let mut p = petition_of(PetitionKind::Proposal);
                p.field_code = Some("khong_co".into());
                v.petition = Some(p);
            }),
        ),
        desk(
            "a mixed petition with no contents",
            "petition.contents",
            "",
            edit(|v| {
                let mut p = petition_of(PetitionKind::Mixed);
                p.contents.clear();
                v.petition = Some(p);
            }),
        ),
        desk(
            "a visit corrected with an escape",
            "content",
            "mã điều khiển màn hình",
            |s, b| {
                let mut v = visit_input(&b.session, vec![], 1);
                v.content = "\x1b[2J".into();
                s.correct_visit(&b.visit, &v).map(|_| ())
            },
        ),
        desk(
            "a visit corrected onto an unknown session",
            "session_id",
            "không còn trong sổ",
            |s, b| {
                let mut v = visit_input(&b.session, vec![], 1);
                v.session_id = "gone".into();
                s.correct_visit(&b.visit, &v).map(|_| ())
            },
        ),
    ]
}

fn person_cases() -> Vec<Case> {
    let fix = |f: fn(&mut PersonInput)| {
        move |s: &mut Store, b: &Base| {
            let mut p = named("Nguyễn Văn Đức");
            p.id_number = Some("001090001234".into());
            f(&mut p);
            s.correct_person(&b.person, &p).map(|_| ())
        }
    };
    vec![
        desk(
            "a person's name corrected to nothing",
            "person.full_name",
            "không được để trống",
            fix(|p| p.full_name = "".into()),
        ),
        desk(
            "a person's name corrected to zero-width spaces",
            "person.full_name",
            "chỉ gồm ký tự vô hình",
            fix(|p| p.full_name = "\u{200B}".into()),
        ),
        desk(
            "a person's name corrected with an escape",
            "person.full_name",
            "mã điều khiển màn hình",
            fix(|p| p.full_name = "Đức\x1b[0m".into()),
        ),
        desk(
            "a person's number corrected to 11 digits",
            "person.id_number",
            "12 chữ số",
            fix(|p| p.id_number = Some("00109000123".into())),
        ),
        desk(
            "a person's address of 501 characters",
            "person.address",
            "quá giới hạn 500 ký tự",
            fix(|p| p.address = Some(long(501))),
        ),
        desk(
            "a person's phone of letters",
            "person.phone",
            "Số điện thoại",
            fix(|p| p.phone = Some("không có".into())),
        ),
        desk(
            "another citizen's number given to a person",
            "person.id_number",
            "đã được ghi cho công dân Vũ Thị Hằng",
            fix(|p| p.id_number = Some("001090007777".into())),
        ),
    ]
}

fn petition_cases() -> Vec<Case> {
    let edit = |f: fn(&mut NewPetition)| {
        move |s: &mut Store, _: &Base| {
            let mut p = good_petition();
            f(&mut p);
            s.create_petition(&p).map(|_| ())
        }
    };
    vec![
        desk(
            "received on a 30th of February",
            "received_on",
            "không phải là ngày có thật",
            edit(|p| p.received_on = "2026-02-30".into()),
        ),
        desk(
            "received in month 13",
            "received_on",
            "không phải là ngày có thật",
            edit(|p| p.received_on = "2026-13-01".into()),
        ),
        desk(
            "received on dd/mm/yyyy",
            "received_on",
            "không phải là ngày có thật",
            edit(|p| p.received_on = "30/02/2026".into()),
        ),
        desk(
            "received in year 0",
            "received_on",
            "không phải là ngày có thật",
            edit(|p| p.received_on = "0000-03-01".into()),
        ),
        desk(
            "received in year 99999",
            "received_on",
            "không phải là ngày có thật",
            edit(|p| p.received_on = "99999-03-01".into()),
        ),
        desk(
            "received tomorrow",
            "received_on",
            "ở tương lai",
            edit(|p| p.received_on = "2026-03-21".into()),
        ),
        desk(
            "a huge date",
            "received_on",
            "không phải là ngày có thật",
            edit(|p| p.received_on = long(5000)),
        ),
        desk(
            "handed in at a visit, typed as direct",
            "source",
            "Sổ tiếp dân",
            edit(|p| p.source = PetitionSource::Visit),
        ),
        desk(
            "transferred by nobody",
            "source_agency",
            "Cơ quan chuyển đơn không được để trống",
            edit(|p| p.source = PetitionSource::Transfer),
        ),
        desk(
            "transferred by an invisible agency",
            "source_agency",
            "Cơ quan chuyển đơn không được để trống",
            edit(|p| {
                p.source = PetitionSource::Transfer;
                p.source_agency = Some("\u{200B}\u{FEFF}".into());
            }),
        ),
        desk(
            "a transferring agency of 301 characters",
            "source_agency",
            "quá giới hạn 300 ký tự",
            edit(|p| {
                p.source = PetitionSource::Transfer;
                p.source_agency = Some(long(301));
            }),
        ),
        desk(
            "a transferring agency with an escape",
            "source_agency",
            "mã điều khiển màn hình",
            edit(|p| {
                p.source = PetitionSource::Transfer;
                p.source_agency = Some("Thanh tra\x1b[5m".into());
            }),
        ),
        desk(
            "no petitioner and not anonymous",
            "petitioners",
            "nặc danh",
            edit(|p| p.petitioners.clear()),
        ),
        desk(
            "a petitioner of zero-width spaces",
            "petitioners[0].full_name",
            "chỉ gồm ký tự vô hình",
            edit(|p| p.petitioners = vec![named("\u{200B} \u{200C}")]),
        ),
        desk(
            "a petitioner with a bad căn cước",
            "petitioners[0].id_number",
            "12 chữ số",
            edit(|p| {
                p.petitioners = vec![with_number(
                    "Lý Văn Mười",
                    Some(IdKind::CanCuoc),
                    "0010900012",
                )]
            }),
        ),
        desk(
            "a petitioner with another's căn cước",
            "petitioners[0].id_number",
            "đã được ghi cho công dân Nguyễn Văn Đức",
            edit(|p| p.petitioners = vec![with_number("Lý Văn Mười", None, "001090001234")]),
        ),
        desk(
            "a petition with no content",
            "content",
            "Nội dung đơn không được để trống",
            edit(|p| p.content = "".into()),
        ),
        desk(
            "a petition of invisible content",
            "content",
            "chỉ gồm ký tự vô hình",
            edit(|p| p.content = "\u{00AD}".into()),
        ),
        desk(
            "a petition of 10,001 characters",
            "content",
            "quá giới hạn 10.000 ký tự",
            edit(|p| p.content = long(10_001)),
        ),
        desk(
            "a petition with a NUL",
            "content",
            "NUL",
            edit(|p| p.content = "Khiếu nại\0".into()),
        ),
        desk(
            "a respondent with an escape",
            "respondent",
            "mã điều khiển màn hình",
            edit(|p| p.respondent = Some("\x1b[31mÔng B".into())),
        ),
        desk(
            "a petition of an unknown case",
            "case_id",
            "không còn trong sổ",
            edit(|p| p.case_id = Some("no-such-case".into())),
        ),
        desk(
            "a petition of an unknown field",
            "field_code",
            "không có trong danh mục",
            edit(|p| p.field_code = Some("khong_co".into())),
        ),
        desk(
            "a mixed petition with one content",
            "contents",
            "",
            edit(|p| {
                p.kind = PetitionKind::Mixed;
                p.contents = vec![PetitionKind::Complaint];
            }),
        ),
        desk(
            "a transfer at intake to nobody",
            "handling.agency",
            "cơ quan nhận đơn chuyển",
            edit(|p| {
                p.handling = HandlingInput {
                    handling: Handling::Transfer,
                    agency: None,
                    letter_no: None,
                }
            }),
        ),
        desk(
            "a duplicate of an unknown petition",
            "duplicate_of",
            "Không tìm thấy đơn",
            edit(|p| p.duplicate_of = Some("no-such-petition".into())),
        ),
        desk(
            "a petition corrected into the future",
            "received_on",
            "ở tương lai",
            |s, b| {
                let mut p = direct_input("2026-03-11", PetitionKind::Proposal);
                p.received_on = "2026-05-01".into();
                s.correct_petition(&b.petition, &p).map(|_| ())
            },
        ),
        desk(
            "a petition corrected with an escape",
            "content",
            "mã điều khiển màn hình",
            |s, b| {
                let mut p = direct_input("2026-03-11", PetitionKind::Proposal);
                p.content = "\x1b[2J".into();
                s.correct_petition(&b.petition, &p).map(|_| ())
            },
        ),
    ]
}

fn move_cases() -> Vec<Case> {
    let mv = |action: MoveAction, on: &'static str, f: fn(&mut MoveInput)| {
        move |s: &mut Store, b: &Base| {
            let mut m = MoveInput::new(&b.petition, action, on);
            f(&mut m);
            s.move_petition(&m).map(|_| ())
        }
    };
    let nothing = |_: &mut MoveInput| {};
    let transfer = |f: fn(&mut MoveInput)| {
        move |s: &mut Store, b: &Base| {
            let mut m = MoveInput::new(&b.classified, MoveAction::Transfer, "2026-03-15");
            f(&mut m);
            s.move_petition(&m).map(|_| ())
        }
    };
    vec![
        desk(
            "a move on a 30th of February",
            "on_date",
            "không phải là ngày có thật",
            mv(MoveAction::Guide, "2026-02-30", nothing),
        ),
        desk(
            "a move dated dd/mm/yyyy",
            "on_date",
            "không phải là ngày có thật",
            mv(MoveAction::Guide, "15/03/2026", nothing),
        ),
        desk(
            "a move tomorrow",
            "on_date",
            "ở tương lai",
            mv(MoveAction::Guide, "2026-03-21", nothing),
        ),
        desk(
            "a move before the receipt",
            "on_date",
            "trước ngày nhận đơn",
            mv(MoveAction::Guide, "2026-03-01", nothing),
        ),
        desk(
            "a move of an unknown petition",
            "petition_id",
            "không có trong sổ",
            |s, _| {
                s.move_petition(&MoveInput::new(
                    "no-such-petition",
                    MoveAction::Guide,
                    "2026-03-15",
                ))
                .map(|_| ())
            },
        ),
        desk(
            "a move's note with a NUL",
            "note",
            "NUL",
            mv(MoveAction::Guide, "2026-03-15", |m| {
                m.note = Some("\0".into())
            }),
        ),
        desk(
            "a move's note with an escape",
            "note",
            "mã điều khiển màn hình",
            mv(MoveAction::Guide, "2026-03-15", |m| {
                m.note = Some("Đã hướng dẫn\n\x1b[A".into())
            }),
        ),
        desk(
            "a move's note of 10,001 characters",
            "note",
            "quá giới hạn 10.000 ký tự",
            mv(MoveAction::Guide, "2026-03-15", |m| {
                m.note = Some(long(10_001))
            }),
        ),
        desk(
            "a document number of 101 characters",
            "doc_no",
            "quá giới hạn 100 ký tự",
            mv(MoveAction::Guide, "2026-03-15", |m| {
                m.doc_no = Some(long(101))
            }),
        ),
        desk(
            "an agency of 301 characters",
            "agency",
            "quá giới hạn 300 ký tự",
            transfer(|m| m.agency = Some(long(301))),
        ),
        desk(
            "a transfer to nobody",
            "agency",
            "ghi cơ quan nhận đơn chuyển",
            transfer(nothing),
        ),
        desk(
            "a transfer to an invisible agency",
            "agency",
            "ghi cơ quan nhận đơn chuyển",
            transfer(|m| m.agency = Some("\u{200B}".into())),
        ),
        desk(
            "a transfer dated before its classification",
            "on_date",
            "các bước được ghi theo thứ tự thời gian",
            |s, b| {
                let mut m = MoveInput::new(&b.classified, MoveAction::Transfer, "2026-03-12");
                m.agency = Some("UBND quận".into());
                s.move_petition(&m).map(|_| ())
            },
        ),
        desk(
            "a resolution of a petition just received",
            "action",
            "Giải quyết",
            mv(MoveAction::Resolve, "2026-03-15", nothing),
        ),
        desk(
            "a classification with nothing chosen",
            "classification",
            "Phân loại đơn",
            mv(MoveAction::Classify, "2026-03-15", nothing),
        ),
        desk(
            "a classification with no competence",
            "classification.competence",
            "thẩm quyền",
            mv(MoveAction::Classify, "2026-03-15", |m| {
                m.classification = Some(classification(
                    PetitionKind::Proposal,
                    true,
                    Competence::Undetermined,
                ))
            }),
        ),
        desk(
            "a duplicate of itself",
            "duplicate_of",
            "chính nó",
            |s, b| {
                let mut m = MoveInput::new(&b.petition, MoveAction::Duplicate, "2026-03-15");
                m.duplicate_of = Some(b.petition.clone());
                s.move_petition(&m).map(|_| ())
            },
        ),
        desk(
            "a duplicate of an unknown petition",
            "duplicate_of",
            "Không tìm thấy đơn",
            mv(MoveAction::Duplicate, "2026-03-15", |m| {
                m.duplicate_of = Some("gone".into())
            }),
        ),
    ]
}

fn settings_cases() -> Vec<Case> {
    let set = |f: fn(&mut Settings)| {
        move |s: &mut Store, _: &Base| {
            let mut x = good_settings(s);
            f(&mut x);
            s.save_settings(&x).map(|_| ())
        }
    };
    vec![
        desk(
            "no unit name",
            "unit_name",
            "không được để trống",
            set(|x| x.unit_name = " ".into()),
        ),
        desk(
            "a unit name of zero-width spaces",
            "unit_name",
            "không được để trống",
            set(|x| x.unit_name = "\u{200B}".into()),
        ),
        desk(
            "a unit name of 201 characters",
            "unit_name",
            "quá giới hạn 200 ký tự",
            set(|x| x.unit_name = format!("phường {}", long(200))),
        ),
        desk(
            "a unit name with an escape",
            "unit_name",
            "mã điều khiển màn hình",
            set(|x| x.unit_name = "phường Việt Hòa\x1b[2J".into()),
        ),
        desk(
            "a team name with a NUL",
            "reception_team_name",
            "NUL",
            set(|x| x.reception_team_name = "Ban\0".into()),
        ),
        desk(
            "recipients with an escape",
            "report.recipients",
            "mã điều khiển màn hình",
            set(|x| x.report.recipients = "- Lưu: VT.\n\x1b[31m".into()),
        ),
        desk(
            "recipients of 2,001 characters",
            "report.recipients",
            "quá giới hạn 2.000 ký tự",
            set(|x| x.report.recipients = long(2_001)),
        ),
        desk(
            "an export folder with a NUL",
            "report.export_dir",
            "NUL",
            set(|x| x.report.export_dir = "C:\\Xuat\0".into()),
        ),
        desk(
            "a signer's name of 201 characters",
            "report.signer_name",
            "quá giới hạn 200 ký tự",
            set(|x| x.report.signer_name = long(201)),
        ),
        desk(
            "no reception day a month",
            "report.chairman_days_per_month",
            "từ 1 đến 31",
            set(|x| x.report.chairman_days_per_month = 0),
        ),
        desk(
            "a first reply in 61 working days",
            "deadlines.first_reply_working_days",
            "từ 1 đến 60",
            set(|x| x.deadlines.first_reply_working_days = 61),
        ),
        desk(
            "a petition unprocessed after 366 days",
            "deadlines.unprocessed_days",
            "từ 1 đến 365",
            set(|x| x.deadlines.unprocessed_days = 366),
        ),
        desk(
            "a field with no name",
            "name",
            "Tên lĩnh vực không được để trống",
            |s, _| s.save_field(&field_of("moi", "")).map(|_| ()),
        ),
        desk(
            "a field named by invisible characters",
            "name",
            "chỉ gồm ký tự vô hình",
            |s, _| s.save_field(&field_of("moi", "\u{200B}")).map(|_| ()),
        ),
        desk(
            "a field name with an escape",
            "name",
            "mã điều khiển màn hình",
            |s, _| {
                s.save_field(&field_of("moi", "Giao thông\x1b[0m"))
                    .map(|_| ())
            },
        ),
        desk(
            "a field name of 201 characters",
            "name",
            "quá giới hạn 200 ký tự",
            |s, _| s.save_field(&field_of("moi", &long(201))).map(|_| ()),
        ),
        desk(
            "a field code with capitals and marks",
            "code",
            "chữ thường không dấu",
            |s, _| s.save_field(&field_of("Đất_Đai!", "Đất đai")).map(|_| ()),
        ),
        desk("a field code with a NUL", "code", "NUL", |s, _| {
            s.save_field(&field_of("dat\0dai", "Đất đai")).map(|_| ())
        }),
        desk(
            "a calendar of year 1999",
            "year",
            "không hợp lệ",
            |s, _| s.save_calendar_year(1999, &[]).map(|_| ()),
        ),
        desk(
            "a holiday on a 30th of February",
            "days[0].date",
            "không phải là ngày có thật",
            |s, _| {
                s.save_calendar_year(
                    2027,
                    &[tiepdan::law::calendar::CalendarDay {
                        date: "2027-02-30".into(),
                        kind: tiepdan::law::calendar::DayKind::Holiday,
                        name: "Tết".into(),
                    }],
                )
                .map(|_| ())
            },
        ),
        desk(
            "a holiday with no name",
            "days[0].name",
            "ghi tên ngày nghỉ",
            |s, _| {
                s.save_calendar_year(
                    2027,
                    &[tiepdan::law::calendar::CalendarDay {
                        date: "2027-02-08".into(),
                        kind: tiepdan::law::calendar::DayKind::Holiday,
                        name: "\u{200B}".into(),
                    }],
                )
                .map(|_| ())
            },
        ),
        desk(
            "a holiday named with an escape",
            "days[0].name",
            "mã điều khiển màn hình",
            |s, _| {
                s.save_calendar_year(
                    2027,
                    &[tiepdan::law::calendar::CalendarDay {
                        date: "2027-02-08".into(),
                        kind: tiepdan::law::calendar::DayKind::Holiday,
                        name: "Tết\x1b[2J".into(),
                    }],
                )
                .map(|_| ())
            },
        ),
    ]
}

fn file_text_cases() -> Vec<Case> {
    vec![
        raw("cut in half", "file", "tệp bị cắt ngang", |t| {
            t[..t.len() / 2].to_string()
        }),
        raw("cut after a BOM", "file", "tệp bị cắt ngang", |t| {
            format!("\u{feff}{}", &t[..t.len() / 3])
        }),
        raw("nested too deep", "file", "lồng nhau quá sâu", |t| {
            let deep = format!(
                "\"details\": {{\"deep\": {}0{}, ",
                "[".repeat(200),
                "]".repeat(200)
            );
            t.replacen("\"details\": {", &deep, 1)
        }),
        raw(
            "a number past a double",
            "file",
            "một số quá lớn",
            |t| t.replacen("\"headcount\": ", "\"headcount\": 1e400, \"again\": ", 1),
        ),
        raw("a lone surrogate", "file", "nửa cặp UTF-16", |t| {
            t.replacen("\"full_name\": \"", "\"full_name\": \"\\ud800", 1)
        }),
        raw("empty", "file", "tệp trống", |_| String::new()),
        raw("blank", "file", "tệp trống", |_| " \n\t ".to_string()),
        raw("not JSON", "file", "không phải JSON hợp lệ", |_| {
            "Sổ tiếp dân".into()
        }),
        raw(
            "two byte order marks",
            "file",
            "không phải JSON hợp lệ",
            |t| format!("\u{feff}\u{feff}{t}"),
        ),
        raw(
            "a person's name written twice (the last would win silently)",
            "persons[0].full_name",
            "trường \"full_name\" (họ và tên) ghi hai lần",
            |t| {
                // (In the persons' list: the history's objects come first in this text.)
                let (head, tail) = t.split_at(t.find("\"persons\": [").unwrap());
                let tail = tail.replacen(
                    "\"full_name\": ",
                    "\"full_name\": \"Kẻ Mạo Danh\", \"full_name\": ",
                    1,
                );
                format!("{head}{tail}")
            },
        ),
        raw(
            "the version written twice",
            "version",
            "trường \"version\" (phiên bản) ghi hai lần",
            |t| t.replacen("\"version\": 2", "\"version\": 1, \"version\": 2", 1),
        ),
        raw(
            "an array instead of an object",
            "file",
            "không phải một mảng",
            |t| format!("[{t}]"),
        ),
        raw(
            "a string instead of an object",
            "file",
            "không phải một chuỗi chữ",
            |_| "\"tiepdan-exchange\"".into(),
        ),
        raw("null", "file", "không phải giá trị rỗng", |_| {
            "null".into()
        }),
        raw(
            "a spreadsheet saved as CSV",
            "file",
            "không phải JSON hợp lệ",
            |_| "ho_ten,so_can_cuoc\nNguyễn Văn A,001090001234\n".into(),
        ),
        raw(
            "a BOM file with a bad record",
            "sessions[0].date",
            "không phải là ngày có thật",
            |t| {
                let mut v: Value = serde_json::from_str(t).unwrap();
                v["sessions"][0]["date"] = json!("2026-02-30");
                format!("\u{feff}{}", serde_json::to_string(&v).unwrap())
            },
        ),
    ]
}

fn file_shape_cases() -> Vec<Case> {
    vec![
        file(
            "no format",
            "format",
            "không phải tệp trao đổi của Sổ Tiếp Dân",
            |v| {
                v.as_object_mut().unwrap().remove("format");
            },
        ),
        file(
            "another format",
            "format",
            "không phải tệp trao đổi của Sổ Tiếp Dân",
            |v| v["format"] = json!("excel"),
        ),
        file(
            "format version 3",
            "version",
            "phiên bản 3 chưa được hỗ trợ",
            |v| v["version"] = json!(3),
        ),
        file(
            "format version 99",
            "version",
            "phiên bản 99 chưa được hỗ trợ",
            |v| v["version"] = json!(99),
        ),
        file(
            "format version 0",
            "version",
            "phiên bản 0 chưa được hỗ trợ",
            |v| v["version"] = json!(0),
        ),
        file(
            "a version as text",
            "version",
            "chưa được hỗ trợ",
            |v| v["version"] = json!("2"),
        ),
        file(
            "no version",
            "version",
            "thiếu trường \"version\"",
            |v| {
                v.as_object_mut().unwrap().remove("version");
            },
        ),
        file(
            "no persons list",
            "persons",
            "thiếu trường \"persons\"",
            |v| {
                v.as_object_mut().unwrap().remove("persons");
            },
        ),
        file(
            "sessions as an object",
            "sessions",
            "cần một mảng",
            |v| v["sessions"] = json!({}),
        ),
        file(
            "a person with no name",
            "persons[0].full_name",
            "thiếu trường \"full_name\"",
            |v| {
                v["persons"][0].as_object_mut().unwrap().remove("full_name");
            },
        ),
        file(
            "a session with no date",
            "sessions[0].date",
            "thiếu trường \"date\"",
            |v| {
                v["sessions"][0].as_object_mut().unwrap().remove("date");
            },
        ),
        file(
            "a visit with no headcount",
            "visits[0].headcount",
            "thiếu trường \"headcount\" (số người)",
            |v| {
                v["visits"][0].as_object_mut().unwrap().remove("headcount");
            },
        ),
        file(
            "a weekly session",
            "sessions[0].kind",
            "giá trị “weekly” không có trong danh sách",
            |v| v["sessions"][0]["kind"] = json!("weekly"),
        ),
        file(
            "a session hosted by the mayor",
            "sessions[0].host_group",
            "không có trong danh sách",
            |v| v["sessions"][0]["host_group"] = json!("mayor"),
        ),
        file(
            "a petition of an unknown kind",
            "petitions[0].kind",
            "không có trong danh sách",
            |v| v["petitions"][0]["kind"] = json!("khieu_nai"),
        ),
        file(
            "a petition from an unknown source",
            "petitions[0].source",
            "không có trong danh sách",
            |v| v["petitions"][0]["source"] = json!("fax"),
        ),
        file(
            "a visit of an unknown handling",
            "visits[0].handling.handling",
            "không có trong danh sách",
            |v| v["visits"][0]["handling"]["handling"] = json!("ignore"),
        ),
        file(
            "a person of an unknown paper",
            "persons[0].id_kind",
            "không có trong danh sách",
            |v| v["persons"][0]["id_kind"] = json!("driving_licence"),
        ),
        file(
            "a move of an unknown action",
            "petition_events[0].action",
            "không có trong danh sách",
            |v| v["petition_events"][0]["action"] = json!("approve"),
        ),
        file(
            "a petition in an unknown state",
            "petitions[0].state",
            "không có trong danh sách",
            |v| v["petitions"][0]["state"] = json!("lost"),
        ),
        file(
            "a headcount in words",
            "visits[0].headcount",
            "cần một số nguyên từ 1 đến 10.000",
            |v| v["visits"][0]["headcount"] = json!("ba"),
        ),
        file(
            "a name as a number",
            "persons[0].full_name",
            "cần một chuỗi chữ",
            |v| v["persons"][0]["full_name"] = json!(42),
        ),
        file(
            "a name that is null",
            "persons[0].full_name",
            "giá trị rỗng (null)",
            |v| v["persons"][0]["full_name"] = Value::Null,
        ),
        file(
            "persons of a visit as text",
            "visits[0].person_ids",
            "cần một mảng",
            |v| v["visits"][0]["person_ids"] = json!("p1"),
        ),
        file(
            "a headcount of 10^12",
            "visits[0].headcount",
            "từ 1 đến 10.000",
            |v| v["visits"][0]["headcount"] = json!(1_000_000_000_000u64),
        ),
        file(
            "a negative headcount",
            "visits[0].headcount",
            "từ 1 đến 10.000",
            |v| v["visits"][0]["headcount"] = json!(-1),
        ),
        file(
            "half a person",
            "visits[0].headcount",
            "cần một số nguyên từ 1 đến 10.000",
            |v| v["visits"][0]["headcount"] = json!(1.5),
        ),
        file(
            "a headcount of 1e20",
            "visits[0].headcount",
            "cần một số nguyên từ 1 đến 10.000",
            |v| v["visits"][0]["headcount"] = json!(1e20),
        ),
        file(
            "a petition numbered past u32",
            "petitions[0].number",
            "từ 1 đến 999.999",
            |v| v["petitions"][0]["number"] = json!(4_294_967_296u64),
        ),
        file(
            "a visit's number past u32",
            "visits[0].seq",
            "từ 1 đến 1.000.000",
            |v| v["visits"][0]["seq"] = json!(1_000_000_000_000u64),
        ),
        file(
            "a year past i32",
            "petitions[0].year",
            "từ 1900 đến 2999",
            |v| v["petitions"][0]["year"] = json!(3_000_000_000u64),
        ),
    ]
}

fn file_record_cases() -> Vec<Case> {
    vec![
        file(
            "a petition numbered 4294967295",
            "petitions[0].number",
            "số đơn 4.294.967.295 nằm ngoài khoảng cho phép (từ 1 đến 999.999)",
            |v| v["petitions"][0]["number"] = json!(4_294_967_295u64),
        ),
        file(
            "a petition numbered 0",
            "petitions[0].number",
            "từ 1 đến 999.999",
            |v| v["petitions"][0]["number"] = json!(0),
        ),
        file(
            "a petition of year 99999",
            "petitions[0].year",
            "năm 99999 nằm ngoài khoảng cho phép",
            |v| v["petitions"][0]["year"] = json!(99_999),
        ),
        file(
            "a petition of year 0",
            "petitions[0].year",
            "từ 1900 đến 2999",
            |v| v["petitions"][0]["year"] = json!(0),
        ),
        file(
            "a headcount of 0",
            "visits[0].headcount",
            "từ 1 đến 10.000",
            |v| v["visits"][0]["headcount"] = json!(0),
        ),
        file(
            "a headcount of 10,001",
            "visits[0].headcount",
            "từ 1 đến 10.000",
            |v| v["visits"][0]["headcount"] = json!(10_001),
        ),
        file(
            "a headcount below the named persons",
            "headcount",
            "không được ít hơn số người đã ghi tên (2)",
            |v| {
                let i = pair(v);
                v["visits"][i]["headcount"] = json!(1);
            },
        ),
        file(
            "a person twice",
            "persons[1].id",
            "xuất hiện hai lần trong tệp (persons[0] và persons[1])",
            |v| {
                let id = v["persons"][0]["id"].clone();
                v["persons"][1]["id"] = id;
            },
        ),
        file(
            "a session twice",
            "sessions[1].id",
            "xuất hiện hai lần",
            |v| {
                let s = v["sessions"][0].clone();
                v["sessions"].as_array_mut().unwrap().push(s);
            },
        ),
        file(
            "a visit twice",
            "visits[1].id",
            "xuất hiện hai lần",
            |v| {
                let id = v["visits"][0]["id"].clone();
                v["visits"][1]["id"] = id;
            },
        ),
        file(
            "a petition twice",
            "petitions[1].id",
            "xuất hiện hai lần",
            |v| {
                let id = v["petitions"][0]["id"].clone();
                v["petitions"][1]["id"] = id;
            },
        ),
        file(
            "an anonymous petition that names its petitioners",
            "petitions[0].anonymous",
            "đơn ghi là nặc danh nhưng có 1 người đứng đơn",
            |v| {
                let i = (0..v["petitions"].as_array().unwrap().len())
                    .find(|&i| {
                        v["petitions"][i]["petitioner_ids"]
                            .as_array()
                            .unwrap()
                            .len()
                            == 1
                    })
                    .unwrap();
                v["petitions"][i]["anonymous"] = json!(true);
                let p = v["petitions"][i].clone();
                v["petitions"][i] = v["petitions"][0].clone();
                v["petitions"][0] = p;
            },
        ),
        file(
            "two petitions of the file under one number",
            "petitions[1].number",
            "đã là số của một đơn trước trong tệp",
            |v| {
                let (year, number) = (
                    v["petitions"][0]["year"].clone(),
                    v["petitions"][0]["number"].clone(),
                );
                v["petitions"][1]["year"] = year;
                v["petitions"][1]["number"] = number;
                // One names the file's own unit, the other leaves it implied: one unit.
                v["petitions"][0]["unit_id"] = v["unit_id"].clone();
                v["petitions"][1]["unit_id"] = json!("");
            },
        ),
        file(
            "a move twice",
            "petition_events[1].id",
            "xuất hiện hai lần",
            |v| {
                let id = v["petition_events"][0]["id"].clone();
                v["petition_events"][1]["id"] = id;
            },
        ),
        file(
            "a record with an empty id",
            "sessions[0].id",
            "mã bản ghi trống",
            |v| v["sessions"][0]["id"] = json!(""),
        ),
        file("a record id with a NUL", "persons[0].id", "NUL", |v| {
            v["persons"][0]["id"] = json!("p\u{0}1")
        }),
        file(
            "a record id of 101 characters",
            "cases[0].id",
            "quá giới hạn 100 ký tự",
            |v| v["cases"][0]["id"] = json!("c".repeat(101)),
        ),
        file(
            "a visit of an unknown session",
            "visits[0].session_id",
            "trỏ đến buổi tiếp no-such-session không có trong tệp",
            |v| v["visits"][0]["session_id"] = json!("no-such-session"),
        ),
        file(
            "a visit of an unknown case",
            "visits[0].case_id",
            "trỏ đến vụ việc",
            |v| v["visits"][0]["case_id"] = json!("no-such-case"),
        ),
        file(
            "a visit of an unknown person",
            "visits[0].person_ids[0]",
            "trỏ đến người",
            |v| v["visits"][0]["person_ids"][0] = json!("no-such-person"),
        ),
        file(
            "a visit of an unknown field",
            "visits[0].field_code",
            "trỏ đến lĩnh vực",
            |v| v["visits"][0]["field_code"] = json!("khong_co"),
        ),
        file(
            "a petition of an unknown case",
            "case_id",
            "trỏ đến vụ việc",
            |v| {
                let i = direct(v);
                v["petitions"][i]["case_id"] = json!("no-such-case");
            },
        ),
        file(
            "a petition of an unknown visit",
            "visit_id",
            "trỏ đến lượt tiếp",
            |v| {
                let i = handed_in(v);
                v["petitions"][i]["visit_id"] = json!("no-such-visit");
            },
        ),
        file(
            "a petition of an unknown petitioner",
            "petitioner_ids[0]",
            "trỏ đến người",
            |v| {
                let i = direct(v);
                v["petitions"][i]["petitioner_ids"][0] = json!("no-such-person");
            },
        ),
        file(
            "a petition duplicating an unknown one",
            "duplicate_of",
            "trỏ đến đơn",
            |v| v["petitions"][0]["duplicate_of"] = json!("no-such-petition"),
        ),
        file(
            "a move of an unknown petition",
            "petition_events[0].petition_id",
            "trỏ đến đơn no-such-petition",
            |v| v["petition_events"][0]["petition_id"] = json!("no-such-petition"),
        ),
        file(
            "a person merged into nobody",
            "persons[0].merged_into",
            "trỏ đến người",
            |v| v["persons"][0]["merged_into"] = json!("no-such-person"),
        ),
        file(
            "a session on a 30th of February",
            "sessions[0].date",
            "không phải là ngày có thật",
            |v| v["sessions"][0]["date"] = json!("2026-02-30"),
        ),
        file(
            "a session in month 13",
            "sessions[0].date",
            "không phải là ngày có thật",
            |v| v["sessions"][0]["date"] = json!("2026-13-01"),
        ),
        file(
            "a session dated dd/mm/yyyy",
            "sessions[0].date",
            "không phải là ngày có thật",
            |v| v["sessions"][0]["date"] = json!("02/03/2026"),
        ),
        file(
            "a session of year 0",
            "sessions[0].date",
            "không phải là ngày có thật",
            |v| v["sessions"][0]["date"] = json!("0000-03-02"),
        ),
        file(
            "a session in the future",
            "sessions[0].date",
            "ở tương lai",
            |v| v["sessions"][0]["date"] = json!("2027-03-02"),
        ),
        file(
            "a session's notes with an escape",
            "sessions[0].notes",
            "mã điều khiển màn hình",
            |v| v["sessions"][0]["notes"] = json!("\u{1b}[2J"),
        ),
        file(
            "a session's host with a NUL",
            "sessions[0].host_name",
            "NUL",
            |v| v["sessions"][0]["host_name"] = json!("Lê\u{0}Thu"),
        ),
        file(
            "a person of zero-width spaces",
            "persons[0].full_name",
            "chỉ gồm ký tự vô hình",
            |v| v["persons"][0]["full_name"] = json!("\u{200B}\u{200B}"),
        ),
        file(
            "a person with an escape",
            "persons[0].full_name",
            "mã điều khiển màn hình",
            |v| v["persons"][0]["full_name"] = json!("Bình\u{1b}[31m"),
        ),
        file("a person with a NUL", "persons[0].full_name", "NUL", |v| {
            v["persons"][0]["full_name"] = json!("B\u{0}ình")
        }),
        file(
            "a person of 201 characters",
            "persons[0].full_name",
            "quá giới hạn 200 ký tự",
            |v| v["persons"][0]["full_name"] = json!(long(201)),
        ),
        file(
            "a căn cước of 11 digits",
            "id_number",
            "12 chữ số",
            |v| {
                let i = index(v, "persons", |p| !p["id_number"].is_null());
                v["persons"][i]["id_kind"] = json!("can_cuoc");
                v["persons"][i]["id_number"] = json!("00208000432");
            },
        ),
        file(
            "a căn cước held by another name in the register",
            "id_number",
            "đã được ghi cho công dân Nguyễn Văn Đức",
            |v| {
                let i = index(v, "persons", |p| !p["id_number"].is_null());
                v["persons"][i]["id_number"] = json!("001090001234");
            },
        ),
        file(
            "the same căn cước with spaces, another name",
            "id_number",
            "đã được ghi cho công dân Nguyễn Văn Đức",
            |v| {
                let i = index(v, "persons", |p| !p["id_number"].is_null());
                v["persons"][i]["id_number"] = json!("  001090001234 ");
            },
        ),
        file(
            "two names for one căn cước in the file",
            "id_number",
            "đã được ghi cho công dân Trần Văn Bình",
            |v| {
                let i = index(v, "persons", |p| p["id_number"].is_null());
                v["persons"][i]["id_kind"] = json!("can_cuoc");
                v["persons"][i]["id_number"] = json!("002080004321");
            },
        ),
        file("a phone of letters", "phone", "Số điện thoại", |v| {
            let i = index(v, "persons", |p| !p["phone"].is_null());
            v["persons"][i]["phone"] = json!("gọi sau");
        }),
        file(
            "a visit of invisible content",
            "visits[0].content",
            "chỉ gồm ký tự vô hình",
            |v| v["visits"][0]["content"] = json!("\u{FEFF}"),
        ),
        file(
            "a visit of 10,001 characters",
            "visits[0].content",
            "quá giới hạn 10.000 ký tự",
            |v| v["visits"][0]["content"] = json!(long(10_001)),
        ),
        file(
            "a case with no summary",
            "cases[0].summary",
            "không được để trống",
            |v| v["cases"][0]["summary"] = json!(""),
        ),
        file(
            "a case summary with an escape",
            "cases[0].summary",
            "mã điều khiển màn hình",
            |v| v["cases"][0]["summary"] = json!("\u{1b}[1m"),
        ),
        file(
            "a case opened in the future",
            "cases[0].opened_on",
            "ở tương lai",
            |v| v["cases"][0]["opened_on"] = json!("2030-01-01"),
        ),
        file(
            "a petition received in the future",
            "received_on",
            "ở tương lai",
            |v| {
                let i = direct(v);
                v["petitions"][i]["received_on"] = json!("2030-01-01");
                v["petitions"][i]["year"] = json!(2030);
            },
        ),
        file("a petition with a NUL", "content", "NUL", |v| {
            let i = direct(v);
            v["petitions"][i]["content"] = json!("Đơn\u{0}");
        }),
        file(
            "a move's note with an escape",
            "note",
            "mã điều khiển màn hình",
            |v| {
                let i = accept(v);
                v["petition_events"][i]["note"] = json!("\u{1b}]0;x\u{7}");
            },
        ),
        file(
            "a move on a 30th of February",
            "on_date",
            "không phải là ngày có thật",
            |v| {
                let i = accept(v);
                v["petition_events"][i]["on_date"] = json!("2026-02-30");
            },
        ),
        file(
            "a receipt on a 30th of February (a receipt's date is the petition's: not read)",
            "on_date",
            "không phải là ngày có thật",
            |v| {
                let i = index(v, "petition_events", |e| e["action"] == "receive");
                v["petition_events"][i]["on_date"] = json!("2026-02-30");
            },
        ),
        file(
            "a move recorded at no real time",
            "at",
            "không đúng dạng",
            |v| {
                let i = accept(v);
                v["petition_events"][i]["at"] = json!("2026-13-45T99:00:00Z");
            },
        ),
        file(
            "a field with no name",
            "fields[0].name",
            "không được để trống",
            |v| v["fields"][0]["name"] = json!(" "),
        ),
        file(
            "a unit name with an escape",
            "unit_name",
            "mã điều khiển màn hình",
            |v| v["unit_name"] = json!("phường X\u{1b}[2J"),
        ),
        file("a history note with a NUL", "changes[0].note", "NUL", |v| {
            v["changes"][0]["note"] = json!("\u{0}")
        }),
    ]
}

/// Links that point back at their own record or round a circle, places taken twice, a unit
/// nobody named, and another register's history that is not one (an attacker's findings,
/// 06/12/2026: each was silently mended or stored as it came).
fn file_link_cases() -> Vec<Case> {
    vec![
        file(
            "a person merged into itself",
            "persons[0].merged_into",
            "không thể được gộp vào chính nó",
            |v| v["persons"][0]["merged_into"] = v["persons"][0]["id"].clone(),
        ),
        file(
            "a petition the duplicate of itself",
            "petitions[1].duplicate_of",
            "không thể trùng với chính nó",
            |v| v["petitions"][1]["duplicate_of"] = v["petitions"][1]["id"].clone(),
        ),
        file(
            "a complaint its own first round",
            "petitions[1].first_round_id",
            "khiếu nại lần đầu của chính nó",
            |v| v["petitions"][1]["first_round_id"] = v["petitions"][1]["id"].clone(),
        ),
        file(
            "two petitions each the duplicate of the other",
            "petitions[0].duplicate_of",
            "cũng trỏ tới đơn",
            |v| {
                let (a, b) = (
                    v["petitions"][0]["id"].clone(),
                    v["petitions"][1]["id"].clone(),
                );
                v["petitions"][0]["duplicate_of"] = b;
                v["petitions"][1]["duplicate_of"] = a;
            },
        ),
        file(
            "a visit numbered 0 in its session",
            "visits[0].seq",
            "bắt đầu từ 1",
            |v| v["visits"][0]["seq"] = json!(0),
        ),
        file(
            "two visits at one place of a session",
            "visits[1].seq",
            "đã có ở visits[0]",
            |v| v["visits"][1]["seq"] = v["visits"][0]["seq"].clone(),
        ),
        file(
            "a petition of a unit the file does not list",
            "petitions[0].unit_id",
            "không có trong danh sách đơn vị",
            |v| v["petitions"][0]["unit_id"] = json!("don-vi-la"),
        ),
        file(
            "a change at no instant",
            "changes[0].at",
            "không đúng dạng",
            |v| v["changes"][0]["at"] = json!("garbage\u{202e}"),
        ),
        file(
            "a change of an SQL-like table",
            "changes[0].table",
            "tên bảng",
            |v| v["changes"][0]["table"] = json!("'; drop table x;--"),
        ),
        file(
            "a change whose fields are a string",
            "changes[0].new",
            "đối tượng JSON",
            |v| v["changes"][0]["new"] = json!("str"),
        ),
        file(
            "a file exported at no instant",
            "exported_at",
            "thời điểm xuất tệp",
            |v| v["exported_at"] = json!("not a date"),
        ),
    ]
}

fn all_cases() -> Vec<Case> {
    [
        session_cases(),
        visit_cases(),
        person_cases(),
        petition_cases(),
        move_cases(),
        settings_cases(),
        file_text_cases(),
        file_shape_cases(),
        file_record_cases(),
        file_link_cases(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[test]
fn every_bad_input_is_refused_in_vietnamese_naming_its_field_and_saves_nothing() {
    let (mut store, base) = base();
    // The base file itself is good: the base register imports it (then forgets it).
    store.begin_bulk().unwrap();
    let imported = import_text(
        &mut store,
        &serde_json::to_string_pretty(&base.file).unwrap(),
    );
    store.end_bulk(false).unwrap();
    imported.unwrap();

    let cases = all_cases();
    assert!(cases.len() >= 120, "only {} cases", cases.len());
    let mut failures = vec![];
    for case in &cases {
        let before = fingerprint(&store);
        let outcome = (case.act)(&mut store, &base);
        let after = fingerprint(&store);
        let problem = match outcome {
            Ok(()) => Some("accepted".to_string()),
            Err(e) => {
                let message = e.to_string();
                if std::env::var_os("SHOW_MESSAGES").is_some() {
                    eprintln!("{}\n  [{}] {message}", case.name, e.field().unwrap_or("-"));
                }
                // A file case may name only the end of the path when the record's place
                // depends on the file's order (`headcount` for `visits[1].headcount`).
                let loose = case.name.starts_with("file")
                    && !LISTS
                        .iter()
                        .any(|l| case.field.starts_with(&format!("{l}[")));
                let field_ok = e.field().is_some_and(|f| {
                    f == case.field || (loose && f.ends_with(&format!(".{}", case.field)))
                });
                if !field_ok {
                    Some(format!(
                        "field {:?}, wanted {:?}: {message}",
                        e.field(),
                        case.field
                    ))
                } else if !message.contains(case.says) {
                    Some(format!("message lacks {:?}: {message}", case.says))
                } else if let Some(w) = DENIED.iter().find(|w| message.contains(*w)) {
                    Some(format!("message has {w:?}: {message}"))
                } else if case.name.starts_with("file") && !file_names_record(case.field, &message)
                {
                    Some(format!("message names no record: {message}"))
                } else {
                    None
                }
            }
        };
        let problem = problem.or_else(|| (before != after).then(|| "the register changed".into()));
        if let Some(p) = problem {
            failures.push(format!("{}: {p}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// A file's record error names the record: its kind and its place in the file.
fn file_names_record(field: &str, message: &str) -> bool {
    let whole_file = [
        "file",
        "format",
        "version",
        "unit_name",
        "exported_at",
        "persons",
        "sessions",
    ];
    if whole_file.contains(&field) {
        return true;
    }
    let kinds = [
        ("persons[", "Người "),
        ("cases[", "Vụ việc "),
        ("sessions[", "Buổi tiếp "),
        ("visits[", "Lượt tiếp "),
        ("petitions[", "Đơn số "),
        ("petition_events[", "Bước xử lý đơn "),
        ("changes[", "Bản ghi lịch sử "),
        ("fields[", "Lĩnh vực "),
        ("units[", "Đơn vị "),
    ];
    match field
        .split_once(']')
        .filter(|(place, _)| LISTS.iter().any(|l| place.starts_with(&format!("{l}["))))
    {
        // The record's place, as the field names it, and its kind.
        Some((place, _)) => {
            message.contains(&format!("({place}])"))
                && kinds
                    .iter()
                    .any(|(list, kind)| place.starts_with(list) && message.contains(kind))
        }
        None => kinds
            .iter()
            .any(|(list, kind)| message.contains(list) && message.contains(kind)),
    }
}

/// SQL-like text is only text: saved verbatim when otherwise valid, at the desk and from
/// a file; an empty ID number is no number, one with spaces around it is the same number.
#[test]
fn sql_like_text_is_saved_verbatim_and_ids_are_tidied() {
    let (mut store, base) = base();
    let name = "Robert'); DROP TABLE persons;--";
    let address = "' OR '1'='1'; DELETE FROM visits; --";
    let content = "1; UPDATE petitions SET state='resolved' WHERE 1=1; -- \"x\" /* y */";
    let mut p = named(name);
    p.address = Some(address.into());
    let mut v = visit_of(&base, p);
    v.content = content.into();
    let saved = store.add_visit(&v).unwrap();
    assert_eq!(saved.persons[0].full_name, name);
    assert_eq!(saved.persons[0].address.as_deref(), Some(address));
    assert_eq!(saved.content, content);
    assert!(store
        .search("Robert')", 10)
        .unwrap()
        .iter()
        .any(|h| h.title == name));
    let mut petition = good_petition();
    petition.content = content.into();
    petition.respondent = Some("x' --".into());
    let filed = store.create_petition(&petition).unwrap();
    assert_eq!(filed.content, content);
    assert_eq!(filed.respondent.as_deref(), Some("x' --"));

    // Text is NFC and trimmed; an empty ID number is none; spaces around a number are
    // the same number (the same citizen, not a second one).
    let mut typed = named("  Nguye\u{0302}\u{0303}n Văn Đức \u{200B}");
    typed.id_number = Some("  001090001234  ".into());
    let again = store.add_visit(&visit_of(&base, typed)).unwrap();
    assert_eq!(again.persons[0].id, base.person);
    let mut blank = named("Đào Thị Nhung");
    blank.id_number = Some("   ".into());
    let nobody = store.add_visit(&visit_of(&base, blank)).unwrap();
    assert_eq!(nobody.persons[0].id_number, None);
    assert_eq!(nobody.persons[0].id_kind, IdKind::None);
    let mut blank2 = named("Đinh Văn Hùng");
    blank2.id_number = Some(String::new());
    let other = store.add_visit(&visit_of(&base, blank2)).unwrap();
    assert_ne!(
        other.persons[0].id, nobody.persons[0].id,
        "\"\" merges nobody"
    );

    // From a file: the same SQL-like texts, an empty ID number, a BOM.
    let mut file = base.file.clone();
    file["persons"][0]["full_name"] = json!(name);
    file["persons"][0]["address"] = json!(address);
    let i = index(&file, "persons", |p| p["id_number"].is_null());
    file["persons"][i]["id_number"] = json!("");
    file["visits"][0]["content"] = json!(content);
    let text = format!("\u{feff}{}", serde_json::to_string_pretty(&file).unwrap());
    let mut fresh = store_on(TODAY);
    import_text(&mut fresh, &text).unwrap();
    let export = fresh.export_exchange().unwrap();
    let first = export
        .persons
        .iter()
        .find(|p| p.id == file["persons"][0]["id"])
        .unwrap();
    assert_eq!(first.full_name, name);
    assert_eq!(first.address.as_deref(), Some(address));
    assert!(export
        .persons
        .iter()
        .all(|p| p.id_number.as_deref() != Some("")));
    assert!(export.visits.iter().any(|v| v.content == content));
}
