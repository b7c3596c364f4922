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
    assert!(stdout(&tiepdan(&a, &["init"])).contains("lược đồ phiên bản 2"));
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
    let o = tiepdan(
        &db,
        &["report", "--from", "2026-02-30", "--to", "2026-03-01"],
    );
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("Từ ngày: \"2026-02-30\" không phải là ngày có thật"),
        "{err}"
    );

    let missing = tiepdan(&db, &["import", "/nonexistent/file.json"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .starts_with("Lỗi:"));

    let no_db = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .args(["report", "--preset", "this_week"])
        .env_remove("TIEPDAN_DB")
        .output()
        .unwrap();
    assert!(!no_db.status.success());
    assert!(String::from_utf8(no_db.stderr).unwrap().contains("--db"));
}
