//! `tiepdan calendar`: the working days and days off of a range, as text or JSON.

use std::process::{Command, Output};

fn calendar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .arg("calendar")
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

fn stderr_of_failure(o: &Output) -> String {
    assert!(!o.status.success());
    assert!(
        o.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn lists_the_days_across_tet_2026() {
    // Mon 09/02 – Sun 01/03/2026: 21 days. Working: Mon 09 – Fri 13 (5), then Tết
    // Sat 14 – Sun 22 off, Mon 23 – Fri 27 (5), Sat 28, Sun 01/03 weekend: 10.
    let text = stdout(&calendar(&["--from", "2026-02-09", "--to", "2026-03-01"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 22, "{text}");
    assert_eq!(lines[0], "09/02/2026  Thứ Hai   làm việc");
    assert!(lines.contains(&"13/02/2026  Thứ Sáu   làm việc"), "{text}");
    assert!(
        lines.contains(&"16/02/2026  Thứ Hai   nghỉ  Tết Nguyên đán Bính Ngọ (29 tháng Chạp)"),
        "{text}"
    );
    assert!(
        lines.contains(&"28/02/2026  Thứ Bảy   nghỉ  cuối tuần"),
        "{text}"
    );
    assert!(
        lines.contains(&"01/03/2026  Chủ nhật  nghỉ  cuối tuần"),
        "{text}"
    );
    assert_eq!(lines[21], "Số ngày làm việc: 10");
}

#[test]
fn a_make_up_saturday_is_a_working_day() {
    // Sat 22/08/2026 is làm bù for Mon 31/08: Fri 21 (1), Sat 22 (2).
    let text = stdout(&calendar(&["--from", "2026-08-21", "--to", "2026-08-23"]));
    assert_eq!(
        text,
        "21/08/2026  Thứ Sáu   làm việc\n\
         22/08/2026  Thứ Bảy   làm việc  Làm bù cho ngày nghỉ hoán đổi 31/8/2026\n\
         23/08/2026  Chủ nhật  nghỉ  cuối tuần\n\
         Số ngày làm việc: 2\n"
    );
}

#[test]
fn json_has_the_range_the_count_and_every_day() {
    let o = calendar(&["--from", "2026-02-13", "--to", "2026-02-23", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // Fri 13 and Mon 23 work; 14–22 are Tết.
    assert_eq!(v["from"], "2026-02-13");
    assert_eq!(v["to"], "2026-02-23");
    assert_eq!(v["working_days"], 2);
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 11);
    assert_eq!(
        days[3],
        serde_json::json!({
            "date": "2026-02-16",
            "weekday": "Thứ Hai",
            "working": false,
            "kind": "holiday",
            "name": "Tết Nguyên đán Bính Ngọ (29 tháng Chạp)"
        })
    );
    assert_eq!(days[0]["kind"], serde_json::Value::Null);
}

#[test]
fn an_unknown_year_is_an_error_not_a_guess() {
    let err = stderr_of_failure(&calendar(&["--from", "2027-12-30", "--to", "2028-01-03"]));
    assert!(
        err.starts_with("Lỗi: Lịch ngày làm việc chưa có năm 2028"),
        "{err}"
    );
    let err = stderr_of_failure(&calendar(&["--from", "2023-06-01", "--to", "2023-06-01"]));
    assert!(err.contains("chưa có năm 2023"), "{err}");
}

#[test]
fn bad_ranges_are_refused() {
    let err = stderr_of_failure(&calendar(&["--from", "2026-02-30", "--to", "2026-03-01"]));
    assert!(
        err.contains("Từ ngày: “2026-02-30” không phải là ngày có thật"),
        "{err}"
    );
    let err = stderr_of_failure(&calendar(&["--from", "2026-03-01", "--to", "2026-02-01"]));
    assert!(err.contains("Ngày kết thúc kỳ phải sau"), "{err}");
    // 01/01/2024 + 3 years = 01/01/2027: a range that reaches it is too long …
    let err = stderr_of_failure(&calendar(&["--from", "2024-01-01", "--to", "2027-01-01"]));
    assert!(err.contains("dài quá 3 năm"), "{err}");
    // … and one that stops the day before is not.
    // 2024: 251, 2025: 250, 2026: 250 working days (see law::calendar's tests).
    let text = stdout(&calendar(&["--from", "2024-01-01", "--to", "2026-12-31"]));
    assert!(text.ends_with("Số ngày làm việc: 751\n"), "{text}");
}
