//! The `tiepdan` command line: init, demo, export, import, report; errors on stderr.

use std::process::{Command, Output};

fn tiepdan(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("TIEPDAN_DB")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn demo_export_import_report_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, file) = (
        dir.path().join("a.db"),
        dir.path().join("b.db"),
        dir.path().join("x.json"),
    );
    assert!(stdout(&tiepdan(&a, &["init"])).contains(&format!(
        "lược đồ phiên bản {}",
        tiepdan::store::SCHEMA_VERSION
    )));
    assert!(stdout(&tiepdan(&a, &["demo", "--seed", "3"])).contains("Đã nạp dữ liệu mẫu"));
    stdout(&tiepdan(&a, &["export", file.to_str().unwrap()]));
    let imported = stdout(&tiepdan(&b, &["import", file.to_str().unwrap()]));
    assert!(imported.starts_with("Đã nhập"), "{imported}");

    let range = [
        "report",
        "--from",
        "2000-01-01",
        "--to",
        "2100-12-31",
        "--json",
    ];
    let ra: serde_json::Value = serde_json::from_str(&stdout(&tiepdan(&a, &range))).unwrap();
    let rb: serde_json::Value = serde_json::from_str(&stdout(&tiepdan(&b, &range))).unwrap();
    assert_eq!(ra, rb);
    assert!(ra["reception"]["visits"].as_u64().unwrap() > 100);

    let text = stdout(&tiepdan(
        &a,
        &["report", "--from", "2000-01-01", "--to", "2100-12-31"],
    ));
    assert!(text.contains("Ban tiếp công dân: đã tiếp"), "{text}");
    assert!(text.contains("Tổng (01/TCD)"));
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    // A mistyped register is an error, not an empty register's zeros.
    let typo = tiepdan(
        &db,
        &["report", "--from", "2026-03-01", "--to", "2026-03-31"],
    );
    assert!(!typo.status.success());
    assert!(String::from_utf8_lossy(&typo.stderr).contains("Không có tệp sổ"));
    assert!(!db.exists(), "no register made by a report");
    // Nor from a register emptied to 0 bytes (a damaged disk): it says so, and keeps it.
    std::fs::write(&db, b"").unwrap();
    let zero = tiepdan(
        &db,
        &["report", "--from", "2026-03-01", "--to", "2026-03-31"],
    );
    assert!(!zero.status.success());
    assert!(String::from_utf8_lossy(&zero.stderr).contains("rỗng (0 byte)"));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0);
    std::fs::remove_file(&db).unwrap();
    stdout(&tiepdan(&db, &["init"]));
    let o = tiepdan(
        &db,
        &["report", "--from", "2026-02-30", "--to", "2026-03-01"],
    );
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("Từ ngày: “2026-02-30” không phải là ngày có thật"),
        "{err}"
    );

    let missing = tiepdan(&db, &["import", "/nonexistent/file.json"]);
    assert!(!missing.status.success());
    assert_eq!(
        String::from_utf8(missing.stderr).unwrap().trim_end(),
        "Lỗi: Không đọc được tệp /nonexistent/file.json: không có tệp hoặc thư mục này."
    );
    // A folder given as the file.
    let folder = tiepdan(&db, &["import", dir.path().to_str().unwrap()]);
    let err = String::from_utf8(folder.stderr).unwrap();
    assert!(
        err.contains("Không đọc được tệp") && err.contains("không phải tệp"),
        "{err}"
    );
    // A command line clap refuses is said in Vietnamese, naming what is wrong and what
    // clap suggests, then the usage (exit code 2); none of clap's English words.
    let refused = |args: &[&str]| {
        let out = tiepdan(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        for english in ["error:", "Usage:", "tip:", "For more information"] {
            assert!(!err.contains(english), "{args:?}: {err}");
        }
        err
    };
    let err = refused(&["report", "--from", "2026-01-01"]);
    assert!(
        err.starts_with(
            "Lỗi dòng lệnh: thiếu tham số bắt buộc: --to <ĐẾN_NGÀY> (xem tiepdan --help"
        ),
        "{err}"
    );
    assert!(
        err.contains("\nCách dùng: tiepdan report --from <TỪ_NGÀY> --to <ĐẾN_NGÀY>"),
        "{err}"
    );
    let err = refused(&["reprot"]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: không có lệnh “reprot” (có phải: ")
            && err.contains("report"),
        "{err}"
    );
    // What was typed is shown, its terminal escapes not obeyed.
    let err = refused(&["rep\u{1b}[31mort"]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: không có lệnh “rep�[31mort”"),
        "{err:?}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let err = refused(&["backup", "--to", ""]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: thiếu giá trị của --to <THƯ_MỤC>"),
        "{err}"
    );
    let err = refused(&["report", "--preset", "this_week", "--json", "--json"]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: tham số --json được ghi hai lần"),
        "{err}"
    );
    let err = refused(&["report", "--frm", "2026-01-01"]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: không có tham số “--frm” (có phải: --from?)"),
        "{err}"
    );
    let err = refused(&["generate", "--persons", "abc"]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: giá trị “abc” của --persons <SỐ_NGƯỜI> không hợp lệ: phải là một số nguyên từ 1 đến 100000000"),
        "{err}"
    );
    // The reason is said: the range of a number, the choices of a name.
    let err = refused(&["generate", "--persons", "10", "--units", "0"]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: giá trị “0” của --units <SỐ_ĐƠN_VỊ> không hợp lệ: phải là một số nguyên từ 1 đến 1000 ("),
        "{err}"
    );
    let err = refused(&["generate", "--scale", "huge"]);
    assert!(
        err.starts_with("Lỗi dòng lệnh: giá trị “huge” của --scale <CỠ> không hợp lệ: chọn một trong: ward, city, stress ("),
        "{err}"
    );
    let err = refused(&[
        "report",
        "--preset",
        "this_week",
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-01",
    ]);
    assert!(err.starts_with("Lỗi dòng lệnh: tham số "), "{err}");
    assert!(err.contains("không dùng cùng"), "{err}");

    // The help of every command is in Vietnamese too: headings, flags, placeholders and
    // defaults; "tiepdan help …" is the same as "--help".
    let help = |args: &[&str]| {
        let out = tiepdan(&db, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let commands = help(&["--help"]);
    let names: Vec<String> = commands
        .split("\nLệnh:\n")
        .nth(1)
        .expect(&commands)
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .collect();
    assert!(
        names.len() > 15 && names.contains(&"export-form".to_owned()),
        "{names:?}"
    );
    assert!(
        commands.contains("\n  help         In hướng dẫn chung, hoặc của một lệnh"),
        "{commands}"
    );
    let mut every = vec![commands];
    for name in &names {
        every.push(help(&[name, "--help"]));
    }
    every.push(help(&["user", "add", "-h"]));
    every.push(help(&["help", "generate"]));
    for text in &every {
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "[OPTIONS]",
            "Print help",
            "Print version",
            "[default:",
            "[env:",
            "<FILE>",
            "<DB>",
            "<TO>",
        ] {
            assert!(!text.contains(english), "{english} in:\n{text}");
        }
        assert!(text.contains("Cách dùng: tiepdan"), "{text}");
        assert!(text.contains("  -h, --help "), "{text}");
    }
    let generate = every.last().unwrap();
    assert!(
        generate.contains("Cách dùng: tiepdan generate [TÙY CHỌN] --out <TỆP_GHI_RA>"),
        "{generate}"
    );
    assert!(generate.contains("[mặc định: 2026]"), "{generate}");
    assert!(
        every[0].contains("  -V, --version ") && every[0].contains("\nTùy chọn:\n"),
        "{}",
        every[0]
    );

    let no_db = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .args(["report", "--preset", "this_week"])
        .env_remove("TIEPDAN_DB")
        .output()
        .unwrap();
    assert!(!no_db.status.success());
    assert!(String::from_utf8(no_db.stderr).unwrap().contains("--db"));
}

#[test]
fn petitions_with_their_state_and_deadlines_on_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    // A version 1 exchange file, as Notepad saves it (with a byte order mark).
    let file = dir.path().join("v1.json");
    let text = include_str!("fixtures/exchange-v1.json");
    std::fs::write(&file, format!("\u{feff}{text}")).unwrap();
    stdout(&tiepdan(&db, &["import", file.to_str().unwrap()]));

    let on = |date: &str| -> serde_json::Value {
        let out = stdout(&tiepdan(&db, &["petitions", "--json", "--as-of", date]));
        serde_json::from_str(&out).unwrap()
    };
    let doc = on("2026-03-06");
    assert_eq!(doc["as_of"], "2026-03-06");
    let list = doc["petitions"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    let first = &list[0];
    assert_eq!(first["number"], "1/2026");
    assert_eq!(first["kind"], "proposal");
    assert_eq!(first["state"], "received");
    // Received Mon 02/03/2026: 10 working days, 03–06/03 and 09–13/03 and 16/03.
    let reply = &first["deadlines"][0];
    assert_eq!(reply["step"], "first_reply");
    assert_eq!(reply["due"], "2026-03-16");
    assert_eq!(reply["overdue"], false);
    assert!(reply["rule"]
        .as_str()
        .unwrap()
        .contains("Luật Tiếp công dân 2013, Điều 28"));
    // The transfer of 09/03 happened after the 6th: open then, transferred later.
    assert_eq!(list[1]["state"], "received");
    assert_eq!(on("2026-03-10")["petitions"][1]["state"], "transferred");
    // The first is still unhandled on the 17th: overdue.
    assert_eq!(
        on("2026-03-17")["petitions"][0]["deadlines"][0]["overdue"],
        true
    );
    // Only what was received by the date.
    assert_eq!(on("2026-03-03")["petitions"].as_array().unwrap().len(), 1);
    let text = stdout(&tiepdan(&db, &["petitions", "--as-of", "2026-03-17"]));
    assert!(
        text.contains("1/2026") && text.contains("(quá hạn)"),
        "{text}"
    );

    let bad = tiepdan(&db, &["petitions", "--as-of", "2026-02-30"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Ngày tính"));
}

#[test]
fn the_calendar_of_a_register_includes_its_administrators_years() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let unknown = tiepdan(
        &db,
        &["calendar", "--from", "2028-01-01", "--to", "2028-01-05"],
    );
    assert!(!unknown.status.success());
    {
        let mut store = tiepdan::Store::open(&db).unwrap();
        store
            .save_calendar_year(
                2028,
                &[tiepdan::law::calendar::CalendarDay {
                    date: "2028-01-01".into(),
                    kind: tiepdan::law::calendar::DayKind::Holiday,
                    name: "Tết Dương lịch".into(),
                }],
            )
            .unwrap();
    }
    let out = stdout(&tiepdan(
        &db,
        &["calendar", "--from", "2028-01-01", "--to", "2028-01-05"],
    ));
    // Sat 01/01 (a holiday), Sun 02/01, then Mon 03 – Wed 05/01.
    assert!(
        out.contains("01/01/2028") && out.contains("Tết Dương lịch"),
        "{out}"
    );
    assert!(out.contains("Số ngày làm việc: 3"), "{out}");
}

#[test]
fn a_report_for_a_statutory_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let file = dir.path().join("v1.json");
    std::fs::write(&file, include_str!("fixtures/exchange-v1.json")).unwrap();
    stdout(&tiepdan(&db, &["import", file.to_str().unwrap()]));
    // Quý I of 2026 runs 15/12/2025 – 14/03/2026 (TT 06/2025, Điều 7).
    let out = stdout(&tiepdan(
        &db,
        &["report", "--period", "quy-1", "--year", "2026", "--json"],
    ));
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["period"]["from"], "2025-12-15");
    assert_eq!(r["period"]["to"], "2026-03-14");
    assert_eq!(r["officer"]["visits"], 1);
    assert_eq!(r["petitions_received"]["total"], 2);
    let text = stdout(&tiepdan(
        &db,
        &["report", "--period", "quy-2", "--year", "2026"],
    ));
    assert!(
        text.starts_with("Kỳ từ 15/03/2026 đến 14/06/2026"),
        "{text}"
    );
    // A period to come says so and is compared with nothing.
    let later = stdout(&tiepdan(
        &db,
        &["report", "--period", "quy-1", "--year", "2099"],
    ));
    assert!(
        later.starts_with(
            "Kỳ từ 15/12/2098 đến 14/03/2099\nKỳ này chưa bắt đầu: chưa có số liệu.\n"
        ),
        "{later}"
    );
    assert!(!later.contains("So với"), "{later}");
    // Nor any sentence "Đến ngày …" of days before it.
    assert!(!later.contains("Đến ngày"), "{later}");
    let tables = stdout(&tiepdan(
        &db,
        &["tables", "--period", "quy-1", "--year", "2099"],
    ));
    assert!(
        tables.starts_with("Kỳ này chưa bắt đầu: chưa có số liệu.\n"),
        "{tables}"
    );
    let bad = tiepdan(&db, &["report", "--period", "quy-5", "--year", "2026"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Kỳ báo cáo “quy-5” không có"));
}

#[test]
fn an_export_never_writes_onto_the_register_or_silently_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sổ tiếp dân.db");
    stdout(&tiepdan(&db, &["init"]));
    let onto = tiepdan(&db, &["export", db.to_str().unwrap()]);
    assert!(!onto.status.success());
    assert!(String::from_utf8_lossy(&onto.stderr).contains("tệp cơ sở dữ liệu của sổ"));
    // Nor onto its journal, which SQLite would remove.
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let onto_wal = tiepdan(
        &db,
        &["export", std::path::Path::new(&wal).to_str().unwrap()],
    );
    assert!(!onto_wal.status.success());
    assert!(String::from_utf8_lossy(&onto_wal.stderr).contains("tệp đi kèm"));
    // A folder that does not exist is said in Vietnamese.
    let nowhere = tiepdan(&db, &["export", "/khong-co/x.json"]);
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("không tồn tại"));
    assert!(stdout(&tiepdan(
        &db,
        &["report", "--from", "2026-01-01", "--to", "2026-01-31"]
    ))
    .contains("Kỳ từ"));
    let file = dir.path().join("bản sao.json");
    std::fs::write(&file, "bản cũ").unwrap();
    let refused = tiepdan(&db, &["export", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "bản cũ");
    stdout(&tiepdan(
        &db,
        &["export", file.to_str().unwrap(), "--force"],
    ));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("tiepdan-exchange"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(left.is_empty(), "no temporary file left behind");
    // A file named with a terminal escape (a folder copied from elsewhere) is named in
    // the success message with the escape shown, not obeyed.
    let odd = dir.path().join("xu\u{1b}[2Jat.json");
    let said = stdout(&tiepdan(&db, &["export", odd.to_str().unwrap()]));
    assert!(
        said.starts_with("Đã xuất ra ") && said.contains("xu�[2Jat.json"),
        "{said:?}"
    );
    assert!(!said.contains('\u{1b}'), "{said:?}");
}

#[test]
fn tables_export_form_and_lock_for_a_reporting_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    stdout(&tiepdan(&db, &["demo"]));
    // A register never named prints no file: its heading would have a gap.
    let unnamed = tiepdan(
        &db,
        &[
            "export-form",
            "so-tcd",
            "--period",
            "quy-3",
            "--year",
            "2026",
            "--out",
            dir.path().join("unnamed.xlsx").to_str().unwrap(),
        ],
    );
    assert!(!unnamed.status.success());
    assert!(
        String::from_utf8_lossy(&unnamed.stderr).contains("Chưa có tên đơn vị"),
        "{}",
        String::from_utf8_lossy(&unnamed.stderr)
    );
    assert!(!dir.path().join("unnamed.xlsx").exists());
    assert!(
        stdout(&tiepdan(&db, &["init", "--unit-name", "phường Việt Hòa"])).contains("Đã sẵn sàng")
    );
    // The sample ends today: the three months before it.
    let today = chrono::Local::now().date_naive();
    let (from, to) = (
        (today - chrono::Duration::days(90)).to_string(),
        today.to_string(),
    );
    let range = ["--from", from.as_str(), "--to", to.as_str()];
    // The six tables as JSON: their codes in order, and 01/TCD's sum holds.
    let json = stdout(&tiepdan(&db, &[&["tables", "--json"][..], &range].concat()));
    let tables: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<&str> = tables
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "01/TCD",
            "02/XLD",
            "03/GQKN",
            "04/GQTC",
            "05/KQTH",
            "06/QLKNTC"
        ]
    );
    let v = |i: usize| tables[0]["row"]["values"][i].as_f64().unwrap();
    assert_eq!(v(0), v(4) + v(10) + v(16));
    assert!(v(0) > 0.0, "the sample has visits in the last three months");
    let text = stdout(&tiepdan(&db, &[&["tables"][..], &range].concat()));
    assert!(
        text.contains("Biểu 02/XLD: TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN"),
        "{text}"
    );
    // Each table says how its checks went (the sample's pass: the JSON above has them).
    let tables: serde_json::Value = serde_json::from_str(&json).unwrap();
    for t in tables.as_array().unwrap() {
        let checks = t["checks"].as_array().unwrap();
        let failed = checks.iter().filter(|c| c["ok"] == false).count();
        let said = format!("  Các phép kiểm tra đều đạt ({}).", checks.len());
        assert!(text.contains(&format!("Biểu {}:", t["code"].as_str().unwrap())));
        if failed == 0 && !checks.is_empty() {
            assert!(text.contains(&said), "{said} in\n{text}");
        }
    }
    assert!(text.contains("Các phép kiểm tra đều đạt ("), "{text}");

    // export-form writes the file, and refuses to replace it without --force.
    let out = dir.path().join("so.xlsx");
    let args = [
        &["export-form", "so-tcd", "--out", out.to_str().unwrap()][..],
        &range,
    ]
    .concat();
    assert!(stdout(&tiepdan(&db, &args)).contains("Đã xuất Sổ tiếp công dân"));
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    let again = tiepdan(&db, &args);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let unknown = tiepdan(
        &db,
        &[
            "export-form",
            "07-abc",
            "--period",
            "quy-3",
            "--year",
            "2026",
            "--out",
            "x.xlsx",
        ],
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("so-tcd, 01-tcd"));
    let no_period = tiepdan(&db, &["export-form", "01-tcd", "--out", "x.xlsx"]);
    assert!(String::from_utf8_lossy(&no_period.stderr).contains("--period quy-4 --year 2026"));

    // lock, once.
    let locked = stdout(&tiepdan(
        &db,
        &[
            "lock",
            "--period",
            "quy-3",
            "--year",
            "2026",
            "--report-no",
            "25",
        ],
    ));
    assert!(
        locked.contains("Đã khóa số liệu kỳ Quý III năm 2026"),
        "{locked}"
    );
    let twice = tiepdan(&db, &["lock", "--period", "quy-3", "--year", "2026"]);
    assert!(String::from_utf8_lossy(&twice.stderr).contains("đã khóa"));
    // A half year is named as the report's title names it (not "6 tháng năm …", nor a
    // year "Năm năm …").
    let half = stdout(&tiepdan(
        &db,
        &["lock", "--period", "6-thang", "--year", "2026"],
    ));
    assert!(
        half.contains("Đã khóa số liệu kỳ 6 tháng đầu năm 2026"),
        "{half}"
    );

    // A file named for the other format is refused before anything is written: Word
    // would not open a workbook called "so.docx".
    let misnamed = dir.path().join("so.docx");
    let wrong = tiepdan(
        &db,
        &[
            &["export-form", "so-tcd", "--out", misnamed.to_str().unwrap()][..],
            &range,
        ]
        .concat(),
    );
    assert!(!wrong.status.success());
    let message = String::from_utf8_lossy(&wrong.stderr);
    assert!(message.contains("đuôi .xlsx"), "{message}");
    assert!(!misnamed.exists());

    // Quý III sends the tables only; its figures are in the 9-month report (TT 06/2025,
    // Điều 4 k2): no Mẫu số 02 is written for it, and the 9-month one is.
    let report = |period: &str, name: &str| {
        let out = dir.path().join(name);
        let o = tiepdan(
            &db,
            &[
                "export-form",
                "bao-cao",
                "--period",
                period,
                "--year",
                "2026",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        (o, out)
    };
    let (quarter, file) = report("quy-3", "q3.docx");
    assert!(!quarter.status.success());
    let message = String::from_utf8_lossy(&quarter.stderr);
    assert!(
        message.contains("Báo cáo Quý III năm 2026 chỉ gồm các biểu số liệu")
            && message.contains("báo cáo 9 tháng năm 2026 (15/12/2025 – 14/09/2026)"),
        "{message}"
    );
    assert!(!file.exists());
    let (nine, file) = report("9-thang", "9t.docx");
    assert!(stdout(&nine).contains("Đã xuất"));
    assert!(std::fs::metadata(&file).unwrap().len() > 1000);
}

#[test]
fn backup_list_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so tiếp dân.db");
    stdout(&tiepdan(&db, &["init", "--unit-name", "phường Việt Hòa"]));
    stdout(&tiepdan(&db, &["demo", "--seed", "9"]));
    let made = stdout(&tiepdan(&db, &["backup"]));
    assert!(made.contains("Đã sao lưu vào"), "{made}");
    assert!(made.contains("lượt tiếp"), "{made}");
    let listed = stdout(&tiepdan(&db, &["backups"]));
    let file = listed
        .split_whitespace()
        .find(|w| w.ends_with(".sqlite3"))
        .unwrap();
    assert!(dir
        .path()
        .join("sao-luu")
        .join(std::path::Path::new(file).file_name().unwrap())
        .exists());
    // To a USB folder too: one that is there (a missing one is refused, not made).
    let usb = dir.path().join("usb");
    let missing = tiepdan(&db, &["backup", "--to", usb.to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("không có (ổ USB đã cắm chưa?)"));
    assert!(!usb.exists());
    std::fs::create_dir(&usb).unwrap();
    assert!(stdout(&tiepdan(&db, &["backup", "--to", usb.to_str().unwrap()])).contains("usb"));
    // Work after the backups: a file of another ward imported.
    let more = dir.path().join("them.json");
    stdout(&tiepdan(
        &db,
        &[
            "generate",
            "--persons",
            "20",
            "--seed",
            "3",
            "--until",
            "2026-11-27",
            "--out",
            more.to_str().unwrap(),
        ],
    ));
    stdout(&tiepdan(&db, &["import", more.to_str().unwrap()]));
    let restored = stdout(&tiepdan(&db, &["restore", file]));
    assert!(restored.contains("Đã khôi phục sổ"), "{restored}");
    // What the backup held and what the register held before, side by side.
    let held = regex::Regex::new(
        r"^Đã khôi phục sổ từ .+ \((\d+) buổi tiếp, (\d+) lượt tiếp, (\d+) đơn \(buổi tiếp gần nhất ngày \d\d/\d\d/\d{4}\)\)\. Tệp sổ trước đó \((\d+) buổi tiếp, (\d+) lượt tiếp, (\d+) đơn \(buổi tiếp gần nhất ngày \d\d/\d\d/\d{4}\)\) được giữ tại ",
    )
    .unwrap()
    .captures(&restored)
    .unwrap_or_else(|| panic!("{restored}"));
    let n = |i: usize| held[i].parse::<u32>().unwrap();
    assert!(n(1) > 0 && n(4) > n(1) && n(5) > n(2), "{restored}");
    assert!(restored.contains("truoc-khoi-phuc"), "{restored}");
    // A file that is no backup is refused, naming it.
    let bad = dir.path().join("x.sqlite3");
    std::fs::write(&bad, "x").unwrap();
    let refused = tiepdan(&db, &["restore", bad.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("không dùng được"));
    // `check` of a file that is no database at all: not a register, not a damaged one
    // (no advice to restore a backup over someone's text file).
    let checked = tiepdan(&bad, &["check"]);
    assert!(!checked.status.success());
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(said.contains("không phải sổ của Sổ Tiếp Dân"), "{said}");
    assert!(
        !said.contains("khôi phục") && !said.contains("not a database"),
        "{said}"
    );
    assert_eq!(std::fs::read(&bad).unwrap(), b"x");
    // The register gone (a restore cut short): every command, `check` included, names the
    // file the restore kept, and none makes an empty register in its place.
    std::fs::remove_file(&db).unwrap();
    for args in [
        &["check"][..],
        &["report", "--preset", "this_week"],
        &["init"],
    ] {
        let o = tiepdan(&db, args);
        assert!(!o.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("Bên cạnh có tệp sổ được giữ lại khi khôi phục: ")
                && err.contains("so tiếp dân.db.truoc-khoi-phuc-"),
            "{args:?}: {err}"
        );
        assert!(!db.exists(), "{args:?} made no register");
    }
}

fn tiepdan_as(db: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tiepdan"));
    c.arg("--db").arg(db).args(args).env_remove("TIEPDAN_DB");
    for v in ["TIEPDAN_USER", "TIEPDAN_PASSWORD", "TIEPDAN_NEW_PASSWORD"] {
        c.env_remove(v);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.stdin(std::process::Stdio::null()).output().unwrap()
}

#[test]
fn the_cli_acts_as_a_named_account_once_the_register_has_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db");
    stdout(&tiepdan(&db, &["demo"]));
    // The first account must be an administrator.
    let o = tiepdan_as(
        &db,
        &[("TIEPDAN_NEW_PASSWORD", "matkhau-123")],
        &[
            "user",
            "add",
            "canbo",
            "--name",
            "Lê Văn Cán",
            "--role",
            "officer",
        ],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("phải có vai trò Quản trị"));
    let made = tiepdan_as(
        &db,
        &[("TIEPDAN_NEW_PASSWORD", "matkhau-123")],
        &[
            "user",
            "add",
            "quantri",
            "--name",
            "Nguyễn Quản Trị",
            "--role",
            "admin",
        ],
    );
    assert!(stdout(&made).contains("Đã tạo tài khoản quantri."));
    // From now on, nobody is nobody.
    let o = tiepdan_as(&db, &[], &["report", "--period", "quy-4", "--year", "2025"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--user"));
    // The whole-file check too: its notes name petitions and their states.
    let o = tiepdan_as(&db, &[], &["check"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--user"));
    assert!(String::from_utf8_lossy(&o.stdout).is_empty());
    let admin = [
        ("TIEPDAN_USER", "quantri"),
        ("TIEPDAN_PASSWORD", "matkhau-123"),
    ];
    assert!(stdout(&tiepdan_as(&db, &admin, &["check"])).contains("Tệp sổ nguyên vẹn"));
    // A wrong password on the check is refused before it runs, and logged as any.
    let failed = || -> i64 {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.query_row(
            "SELECT count(*) FROM changes WHERE action = 'sign_in_failed'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let before = failed();
    let o = tiepdan_as(
        &db,
        &[("TIEPDAN_USER", "quantri"), ("TIEPDAN_PASSWORD", "sai")],
        &["check"],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).is_empty());
    assert_eq!(failed(), before + 1);
    let o = tiepdan_as(
        &db,
        &[admin[0], admin[1], ("TIEPDAN_NEW_PASSWORD", "matkhau-456")],
        &[
            "user",
            "add",
            "lanhdao",
            "--name",
            "Trần Lãnh Đạo",
            "--role",
            "leader",
        ],
    );
    stdout(&o);
    let list = stdout(&tiepdan_as(&db, &admin, &["user", "list"]));
    assert!(
        list.contains("lanhdao\tTrần Lãnh Đạo\tLãnh đạo\thoạt động"),
        "{list}"
    );
    // The administrator sees totals, not the petitions… but a leader does.
    stdout(&tiepdan_as(
        &db,
        &admin,
        &["report", "--period", "quy-4", "--year", "2025"],
    ));
    let o = tiepdan_as(&db, &admin, &["petitions", "--json"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("không có quyền xem sổ và hồ sơ"));
    let leader = [
        ("TIEPDAN_USER", "lanhdao"),
        ("TIEPDAN_PASSWORD", "matkhau-456"),
    ];
    stdout(&tiepdan_as(&db, &leader, &["petitions", "--json"]));
    let wrong = [("TIEPDAN_USER", "lanhdao"), ("TIEPDAN_PASSWORD", "sai")];
    let o = tiepdan_as(
        &db,
        &wrong,
        &["report", "--period", "quy-4", "--year", "2025"],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("mật khẩu không đúng"));
    // An export by the leader is masked and recorded; in full only when asked.
    let out = dir.path().join("so.json");
    stdout(&tiepdan_as(
        &db,
        &leader,
        &["export", out.to_str().unwrap()],
    ));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"redacted\": true"));
    let verified = stdout(&tiepdan_as(&db, &admin, &["audit", "verify"]));
    assert!(verified.contains("nguyên vẹn"), "{verified}");
}

/// `tiepdan bench` runs whole on a small generated register, so its figures cannot rot:
/// each line is printed, and the hand SQL found the app's numbers (else it fails).
#[test]
fn the_bench_command_prints_every_figure_on_a_small_register() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = (dir.path().join("so.sqlite3"), dir.path().join("g.json"));
    let generated = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .args([
            "generate",
            "--persons",
            "400",
            "--seed",
            "2",
            "--until",
            "2026-06-30",
        ])
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    stdout(&generated);
    stdout(&tiepdan(&db, &["import", file.to_str().unwrap()]));
    let said = stdout(&tiepdan(&db, &["bench", "--saves", "3"]));
    for work in [
        "mở sổ ",
        "kiểm tra toàn bộ tệp",
        "báo cáo một năm",
        "báo cáo mười năm",
        "báo cáo một năm, chạy bằng dòng lệnh",
        "báo cáo một tuần",
        "tuần không có lượt tiếp",
        "bảng điều khiển 12 tuần",
        "xuất Sổ một năm ra xlsx",
        "xuất toàn bộ sổ ra tệp trao đổi",
        "tìm theo tên \"nguyen van\"",
        "tìm theo đầu số giấy tờ",
        "lưu một lượt tiếp (3 lần",
        "nhập cả sổ vào sổ mới (400 người",
    ] {
        assert!(said.contains(work), "{work}: {said}");
    }
    // Nothing of the bench's copy is left beside the register.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bench"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// `generate` makes no file the import would refuse: days in the future, or before 1900.
#[test]
fn generate_refuses_days_the_import_would_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.json");
    for until in ["2099-01-01", "1900-06-01"] {
        let o = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
            .args(["generate", "--persons", "5", "--until", until])
            .arg("--out")
            .arg(&file)
            .output()
            .unwrap();
        assert!(!o.status.success());
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains("giữa năm 1900 và hôm nay"), "{e}");
        assert!(!file.exists(), "no file for {until}");
    }
}

/// A restore asks the register's administrator unless the register cannot answer at all
/// (not there, empty, damaged): a register of a newer version, with its accounts, is not
/// restored over by anyone (attacker's finding, 07/12/2026: any failure to open skipped
/// the sign-in and the accounts check, and an account-less backup replaced it).
#[test]
fn a_restore_skips_the_sign_in_only_for_a_register_that_cannot_answer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db");
    stdout(&tiepdan(&db, &["init"]));
    let backup = stdout(&tiepdan(&db, &["backup"]));
    let file = backup
        .split_whitespace()
        .find(|w| w.ends_with(".sqlite3"))
        .unwrap_or_else(|| panic!("{backup}"))
        .to_string();
    stdout(&tiepdan_as(
        &db,
        &[("TIEPDAN_NEW_PASSWORD", "matkhau-123")],
        &[
            "user",
            "add",
            "quantri",
            "--name",
            "Quản Trị",
            "--role",
            "admin",
        ],
    ));
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let o = tiepdan_as(&db, &[], &["restore", &file, "--without-accounts"]);
    assert!(!o.status.success(), "{}", stdout(&o));
    let version: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99, "the register stays as it was");
    // Gone, it is restored without anyone to ask.
    std::fs::remove_file(&db).unwrap();
    let o = tiepdan_as(&db, &[], &["restore", &file]);
    assert!(stdout(&o).contains("Đã khôi phục sổ"));
    // Recorded as the command line's, as every other change it makes.
    let actor: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT actor FROM changes WHERE note LIKE 'khôi phục từ %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actor, "cli");
}

/// A backup whose history was edited outside the app is not restored by the CLI unless
/// asked for by name (`--broken-history`); the register stays as it was until then.
#[test]
fn a_backup_with_an_edited_history_is_restored_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db");
    stdout(&tiepdan(&db, &["init", "--unit-name", "phường Việt Hòa"]));
    stdout(&tiepdan(&db, &["demo", "--seed", "9"]));
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    stdout(&tiepdan(&db, &["backup", "--to", usb.to_str().unwrap()]));
    let file = std::fs::read_dir(&usb)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "sqlite3"))
        .unwrap();
    let c = rusqlite::Connection::open(&file).unwrap();
    c.execute_batch(
        "DROP TRIGGER changes_no_update; DROP TRIGGER changes_no_delete;
         DELETE FROM changes WHERE seq = 3;",
    )
    .unwrap();
    drop(c);
    let before = std::fs::read(&db).unwrap();
    let refused = tiepdan(&db, &["restore", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("thiếu bản ghi số 3") && said.contains("--broken-history"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the register is untouched"
    );
    let restored = stdout(&tiepdan(
        &db,
        &["restore", file.to_str().unwrap(), "--broken-history"],
    ));
    assert!(restored.contains("Đã khôi phục sổ"), "{restored}");
    // The restored register's own check finds what was done to its history.
    let verify = tiepdan(&db, &["audit", "verify"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(!verify.status.success(), "{said}");
    assert!(said.contains("thiếu bản ghi số 3"), "{said}");
    // So does the full check of the file: whole, but not called clean.
    let check = tiepdan(&db, &["check"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(!check.status.success(), "{said}");
    assert!(
        said.contains("Tệp sổ nguyên vẹn") && said.contains("thiếu bản ghi số 3"),
        "{said}"
    );
    // The register the backup was made from is whole, history and all.
    let other = dir.path().join("khac.db");
    stdout(&tiepdan(
        &other,
        &["init", "--unit-name", "phường Việt Hòa"],
    ));
    stdout(&tiepdan(&other, &["demo", "--seed", "9"]));
    assert!(stdout(&tiepdan(&other, &["check"])).contains("Tệp sổ nguyên vẹn"));
}
