//! What a refused file is told, in Vietnamese: which record (its kind and id, or a
//! petition's number), which field (its JSON path), and why. The errors of the JSON
//! reader (`missing field`, `unknown variant`, `invalid type`…) are said again here in
//! Vietnamese, never passed on in English.

use serde_json::Value;

use crate::error::Error;

/// The kind of record each list of the file holds, as a sentence names it.
pub(super) fn kind_of(list: &str) -> Option<&'static str> {
    Some(match list {
        "persons" => "Người",
        "cases" => "Vụ việc",
        "sessions" => "Buổi tiếp",
        "visits" => "Lượt tiếp",
        "petitions" => "Đơn",
        "petition_events" => "Bước xử lý đơn",
        "changes" => "Bản ghi lịch sử",
        "fields" => "Lĩnh vực",
        "units" => "Đơn vị",
        _ => return None,
    })
}

/// "Lượt tiếp v-12 (visits[3])": a record named by its kind, its id (a petition also by
/// its number) and its place in the file.
pub(super) fn record_name(list: &str, index: usize, record: Option<&Value>) -> String {
    let kind = kind_of(list).unwrap_or("Bản ghi");
    let text = |key: &str| {
        record.and_then(|r| r.get(key)).and_then(|v| match v {
            Value::String(s) if !s.trim().is_empty() => Some(crate::text::shown(s, 40)),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let id = if list == "fields" {
        text("code")
    } else {
        text("id")
    };
    let number = match (list, text("number"), text("year")) {
        ("petitions", Some(n), Some(y)) => Some(format!("số {n}/{y}")),
        _ => None,
    };
    let mut out = kind.to_string();
    for part in [number, id].into_iter().flatten() {
        out.push(' ');
        out.push_str(&part);
    }
    format!("{out} ({list}[{index}])")
}

/// The Vietnamese label of a field of the file, where it has one.
fn label_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "id" => "mã",
        "format" => "định dạng",
        "version" => "phiên bản",
        "headcount" => "số người",
        "number" => "số đơn",
        "year" => "năm",
        "seq" => "số thứ tự",
        "date" => "ngày tiếp",
        "received_on" => "ngày nhận đơn",
        "on_date" => "ngày thực hiện",
        "opened_on" => "ngày mở vụ việc",
        "kind" => "loại",
        "host_group" => "người tiếp",
        "source" => "nguồn đơn",
        "handling" => "hướng xử lý",
        "state" => "trạng thái",
        "action" => "bước",
        "actor" => "người thực hiện",
        "full_name" => "họ và tên",
        "id_kind" => "loại giấy tờ",
        "id_number" => "số giấy tờ",
        "content" => "nội dung",
        "session_id" => "buổi tiếp",
        "case_id" => "vụ việc",
        "visit_id" => "lượt tiếp",
        "petition_id" => "đơn",
        "person_ids" | "petitioner_ids" => "người",
        "field_code" => "lĩnh vực",
        "competence" => "thẩm quyền",
        "round" => "lần khiếu nại, tố cáo",
        "signers" => "người đứng đơn",
        "extension_days" => "số ngày gia hạn",
        "prior_agencies" => "cơ quan đã giải quyết",
        _ => return None,
    })
}

/// The range a number of the file must fall in, by its field.
pub(super) fn range_of(key: &str) -> Option<(u64, u64)> {
    Some(match key {
        "headcount" => (1, crate::validate::MAX_HEADCOUNT as u64),
        "number" => (1, super::import::MAX_NUMBER as u64),
        "year" => (1900, 2999),
        "seq" => (1, 1_000_000),
        "version" => (1, super::VERSION as u64),
        "extension_days" => (1, 30),
        _ => return None,
    })
}

/// 4294967295 → "4.294.967.295" (a year, under 10.000, stays as it is).
pub(super) fn grouped(n: u64) -> String {
    if n < 10_000 {
        return n.to_string();
    }
    crate::text::group(n)
}

/// The last key of a path (`visits[3].handling.agency` → `agency`).
fn last_key(path: &str) -> &str {
    path.rsplit('.')
        .next()
        .unwrap_or(path)
        .split('[')
        .next()
        .unwrap_or(path)
}

/// `"headcount" (số người)`.
fn field_words(key: &str) -> String {
    match label_of(key) {
        Some(label) => format!("\"{key}\" ({label})"),
        None => format!("\"{key}\""),
    }
}

/// The text between the first pair of backticks, and what follows it.
fn ticked(s: &str) -> Option<(&str, &str)> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some((&s[start..start + len], &s[start + len + 1..]))
}

/// Every value between backticks (`a`, `b` → [a, b]).
fn all_ticked(mut s: &str) -> Vec<&str> {
    let mut out = vec![];
    while let Some((v, rest)) = ticked(s) {
        out.push(v);
        s = rest;
    }
    out
}

/// What the reader got, in Vietnamese (`string "abc"` → `chuỗi "abc"`).
fn got_words(got: &str) -> String {
    let got = got.trim();
    if let Some(rest) = got.strip_prefix("string ") {
        // (The reader quotes it "…": quoted as every typed value is, “…”.)
        let inner = rest
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .unwrap_or(rest);
        return format!("chuỗi “{}”", crate::text::shown(inner, 40));
    }
    for (en, vi) in [
        ("integer", "số nguyên"),
        ("floating point", "số thập phân"),
        ("boolean", "giá trị đúng/sai"),
    ] {
        if let Some(rest) = got.strip_prefix(en) {
            return format!("{vi} {}", rest.trim().trim_matches('`'));
        }
    }
    match got {
        "null" => "giá trị rỗng (null)".into(),
        "map" => "một đối tượng {…}".into(),
        "sequence" => "một mảng […]".into(),
        "unit value" | "unit" => "giá trị rỗng".into(),
        _ => "một giá trị khác".into(),
    }
}

/// What the reader wanted, in Vietnamese (`u32` → a whole number and its range).
fn wanted_words(key: &str, wanted: &str) -> String {
    let wanted = wanted.trim();
    let range = |lo: u64, hi: u64| format!("một số nguyên từ {} đến {}", grouped(lo), grouped(hi));
    if let Some((lo, hi)) = range_of(key) {
        if ["u8", "u16", "u32", "u64", "i32", "i64"].contains(&wanted) {
            return range(lo, hi);
        }
    }
    match wanted {
        "u8" => range(0, u8::MAX as u64),
        "u16" => range(0, u16::MAX as u64),
        "u32" => range(0, u32::MAX as u64),
        "u64" => range(0, u64::MAX),
        "i32" | "i64" => "một số nguyên".into(),
        "f64" | "f32" => "một số".into(),
        "a string" | "a borrowed string" | "string" => "một chuỗi chữ \"…\"".into(),
        "a boolean" => "true hoặc false".into(),
        "a sequence" => "một mảng […]".into(),
        w if w.starts_with("struct ") || w == "a map" => "một đối tượng {…}".into(),
        w if w.starts_with("variant identifier") || w.starts_with("enum ") => {
            "một giá trị trong danh sách".into()
        }
        _ => "một giá trị đúng kiểu".into(),
    }
}

/// A reader's complaint about the value at `path`, in Vietnamese; and the path of the
/// field it is about (a missing field is named inside its record).
pub(super) fn data_error(path: &str, english: &str) -> (String, String) {
    let key = last_key(path);
    let (key, path, why) = if let Some(rest) = english.strip_prefix("missing field ") {
        let missing = ticked(rest).map(|(m, _)| m).unwrap_or("?");
        let full = if path.is_empty() || path == "." {
            missing.to_string()
        } else {
            format!("{path}.{missing}")
        };
        return (full, format!("thiếu trường {}.", field_words(missing)));
    } else if let Some(rest) = english.strip_prefix("unknown variant ") {
        let values = all_ticked(rest);
        let (got, allowed) = values
            .split_first()
            .map_or(("?", &[][..]), |(g, a)| (*g, a));
        let why = if allowed.is_empty() {
            format!(
                "giá trị “{}” không có trong danh sách.",
                crate::text::shown(got, 40)
            )
        } else {
            format!(
                "giá trị “{}” không có trong danh sách; các giá trị được nhận: {}.",
                crate::text::shown(got, 40),
                allowed.join(", ")
            )
        };
        (key, path, why)
    } else if let Some(rest) = english.strip_prefix("invalid type: ") {
        let (got, wanted) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        (
            key,
            path,
            format!(
                "cần {}, nhưng tệp ghi {}.",
                wanted_words(key, wanted),
                got_words(got)
            ),
        )
    } else if let Some(rest) = english.strip_prefix("invalid value: ") {
        let (got, wanted) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let why = match (got.strip_prefix("integer "), range_of(key)) {
            (Some(n), Some((lo, hi))) => format!(
                "số {} nằm ngoài khoảng cho phép (từ {} đến {}).",
                n.trim_matches('`'),
                grouped(lo),
                grouped(hi)
            ),
            (Some(n), None) => format!(
                "số {} nằm ngoài khoảng cho phép: cần {}.",
                n.trim_matches('`'),
                wanted_words(key, wanted)
            ),
            _ => format!(
                "giá trị {} không hợp lệ: cần {}.",
                got_words(got),
                wanted_words(key, wanted)
            ),
        };
        (key, path, why)
    } else if let Some(rest) = english.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or("?");
        (key, path, format!("độ dài {n} không hợp lệ."))
    } else if let Some(rest) = english.strip_prefix("duplicate field ") {
        let dup = ticked(rest).map(|(d, _)| d).unwrap_or("?");
        return (
            format!("{path}.{dup}"),
            format!("trường {} ghi hai lần.", field_words(dup)),
        );
    } else {
        (
            key,
            path,
            "giá trị không đúng định dạng của tệp trao đổi.".into(),
        )
    };
    (
        path.to_string(),
        format!("trường {}: {why}", field_words(key)),
    )
}

/// The record a path is inside (`visits[3].headcount` → `("visits", 3)`).
pub(super) fn record_at(path: &str) -> Option<(&str, usize)> {
    let (list, rest) = path.split_once('[')?;
    let index = rest.split(']').next()?.parse().ok()?;
    kind_of(list).map(|_| (list, index))
}

/// A file refused by the JSON reader: named by record and field.
pub(super) fn shape_error(value: &Value, path: &str, english: &str) -> Error {
    let (field, why) = data_error(path, english);
    let message = match record_at(&field) {
        Some((list, index)) => {
            let record = value.get(list).and_then(|l| l.get(index));
            format!("{}: {why}", record_name(list, index, record))
        }
        None => why,
    };
    Error::exchange(field, message)
}

/// A file that is not JSON at all, or cut short.
pub(super) fn syntax_error(e: &serde_json::Error) -> Error {
    use serde_json::error::Category;
    let at = format!("dòng {}, cột {}", e.line(), e.column());
    let message = match e.classify() {
        Category::Eof => format!(
            "tệp bị cắt ngang: hết tệp ở {at} khi nội dung JSON chưa đóng (tệp chép chưa xong hoặc bị hỏng)."
        ),
        Category::Io => "không đọc được tệp.".to_string(),
        // serde_json says these in its own words only: what the file has there, in ours.
        _ if e.to_string().starts_with("recursion limit exceeded") => format!(
            "không phải tệp trao đổi: nội dung lồng nhau quá sâu (hơn 128 tầng) ở {at}."
        ),
        _ if e.to_string().starts_with("number out of range") => format!(
            "có một số quá lớn (vượt quá giới hạn của số thực) ở {at}."
        ),
        _ if e.to_string().contains("surrogate") || e.to_string().contains("escape") => format!(
            "có một ký tự viết bằng dấu \\ không hợp lệ (mã \\u thiếu chữ số hay nửa cặp UTF-16, hoặc \\ trước một chữ không được phép) ở {at}."
        ),
        _ => format!("không phải JSON hợp lệ: lỗi cú pháp ở {at}."),
    };
    Error::exchange("file", message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_errors_are_said_in_vietnamese() {
        let (f, m) = data_error("visits[0]", "missing field `headcount`");
        assert_eq!(f, "visits[0].headcount");
        assert!(m.contains("thiếu trường \"headcount\" (số người)"), "{m}");
        let (f, m) = data_error(
            "sessions[1].kind",
            "unknown variant `weekly`, expected one of `regular`, `scheduled`, `ad_hoc`",
        );
        assert_eq!(f, "sessions[1].kind");
        assert!(
            m.contains("“weekly”") && m.contains("regular, scheduled, ad_hoc"),
            "{m}"
        );
        let (_, m) = data_error(
            "visits[2].headcount",
            "invalid value: integer `1000000000000`, expected u32",
        );
        assert!(m.contains("từ 1 đến 10.000"), "{m}");
        let (_, m) = data_error("visits[2].seq", "invalid type: string \"x\", expected u32");
        assert!(m.contains("chuỗi “x”"), "{m}");
        assert!(!m.contains("expected") && !m.contains("invalid"), "{m}");
        assert_eq!(record_at("petitions[12].number"), Some(("petitions", 12)));
        assert_eq!(grouped(4_294_967_295), "4.294.967.295");
    }
}
