//! A statutory table as data: its header tree, its numbered columns with the formulas of
//! the "MS" row, the unit's row of figures and the checks. The screen, the CLI text, the
//! xlsx and the docx all render this one value.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::text_enum;
use crate::period::PeriodRange;

text_enum!(
    /// The files the office sends: the register, the six tables of TT 06/2025/TT-TTCP, the
    /// Mẫu 02 report. The code is the CLI's name for it.
    FormId {
        So => "so-tcd", "Sổ tiếp công dân";
        Tcd01 => "01-tcd", "Biểu 01/TCD";
        Xld02 => "02-xld", "Biểu 02/XLD";
        Gqkn03 => "03-gqkn", "Biểu 03/GQKN";
        Gqtc04 => "04-gqtc", "Biểu 04/GQTC";
        Kqth05 => "05-kqth", "Biểu 05/KQTH";
        Qlkntc06 => "06-qlkntc", "Biểu 06/QLKNTC";
        AllTables => "6-bieu", "Sáu biểu số liệu (01/TCD–06/QLKNTC)";
        Report => "bao-cao", "Báo cáo (Mẫu số 02)";
    }
);

impl FormId {
    /// The six statistical tables, in the order they are filed.
    pub const TABLES: [FormId; 6] = [
        FormId::Tcd01,
        FormId::Xld02,
        FormId::Gqkn03,
        FormId::Gqtc04,
        FormId::Kqth05,
        FormId::Qlkntc06,
    ];
}

text_enum!(
    /// Where a column's figure comes from.
    Source {
        Register => "register", "Tính từ sổ";
        Manual => "manual", "Nhập tay";
        RegisterPlusManual => "register_plus_manual", "Tính từ sổ, cộng phần nhập tay";
    }
);

/// One numbered column of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Column {
    /// Its number on the "MS" row (1..N).
    pub no: u16,
    /// Its own label (the header cell above its number).
    pub label: String,
    /// Its label with the groups above it: "Tiếp thường xuyên › Số lượt tiếp".
    pub path: String,
    /// What the "MS" row prints in its cell: "1=5+11+17", or just "5".
    pub ms: String,
    pub source: Source,
    /// For a manual part: what is typed ("Số quyết định kỳ trước chuyển sang").
    pub manual_label: Option<String>,
    /// "Trđ", "m2", or none for a count.
    pub unit: Option<String>,
}

/// One cell of the header grid: row and column start at 0; column 0 is "Đơn vị", the
/// numbered columns are 1..N.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HeaderCell {
    pub row: u16,
    pub col: u16,
    pub rows: u16,
    pub cols: u16,
    pub label: String,
}

/// A row of figures: the unit's, or a comparison (previous period, last year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FormRow {
    /// "UBND phường Việt Hòa", "Kỳ trước (15/06/2026 – 14/09/2026)".
    pub label: String,
    pub period: PeriodRange,
    /// The figures of columns 1..N, in order (index 0 is column 1).
    pub values: Vec<f64>,
}

/// The verdict of one check of a table (a sum of the MS row, a "≤" of the notes, a check
/// across tables).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Check {
    /// The rule as written: "(1) = (5) + (11) + (17)".
    pub rule: String,
    pub ok: bool,
    /// Vietnamese, naming the columns and the figures when it fails.
    pub message: String,
    /// A failure stops the file from being written (the rule is stated in the circular).
    pub blocking: bool,
}

/// A statutory table, computed for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FormTable {
    pub form: FormId,
    /// "01/TCD".
    pub code: String,
    /// "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT".
    pub title: String,
    /// "Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026".
    pub data_line: String,
    /// "(Kèm theo Báo cáo số: …, ngày … tháng … năm … của UBND phường Việt Hòa)".
    pub attached_line: String,
    /// The circular the table belongs to ("Thông tư 06/2025/TT-TTCP").
    pub circular: String,
    pub period: PeriodRange,
    pub header_rows: u16,
    pub header: Vec<HeaderCell>,
    pub columns: Vec<Column>,
    /// The unit's row (one: a ward reports for itself).
    pub row: FormRow,
    /// The same table for the previous period and the same period a year before.
    pub comparisons: Vec<FormRow>,
    /// "22. Ghi chú:" and what the note row says.
    pub note_label: String,
    pub note: String,
    pub checks: Vec<Check>,
    /// Records that could not be counted as they stand (a mixed petition without its
    /// contents…), each naming the record, to correct before sending.
    pub issues: Vec<String>,
}

impl FormTable {
    /// The value of column `no` of the unit's row.
    pub fn value(&self, no: u16) -> f64 {
        self.row
            .values
            .get(usize::from(no).saturating_sub(1))
            .copied()
            .unwrap_or(0.0)
    }

    /// Whether a blocking check failed (the file is not written).
    pub fn blocked(&self) -> bool {
        self.checks.iter().any(|c| c.blocking && !c.ok) || !self.issues.is_empty()
    }
}

/// A figure as a Vietnamese document prints it: "12", "12,5".
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    // Whole numbers as they are, others to two decimals without trailing zeros; then
    // thousands grouped with dots and the decimal comma, as Vietnamese writes
    // "1.234,5".
    let plain = if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v.abs() as i64)
    } else {
        format!("{:.2}", v.abs())
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    let (whole, decimals) = match plain.split_once('.') {
        Some((w, d)) => (w, Some(d)),
        None => (plain.as_str(), None),
    };
    let sign = if v < 0.0 && plain != "0" { "-" } else { "" };
    let grouped = crate::text::group_digits(whole);
    match decimals {
        Some(d) => format!("{sign}{grouped},{d}"),
        None => format!("{sign}{grouped}"),
    }
}

/// The Sổ tiếp công dân: the register's form for the period's dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Register {
    /// "Mẫu số 03 (Thông tư 04/2021/TT-TTCP)" or "Mẫu số 03/TCD (Nghị định 154/2026/NĐ-CP)".
    pub model: String,
    pub title: String,
    /// "Từ ngày 01/07/2026 đến ngày 30/09/2026".
    pub data_line: String,
    pub unit_name: String,
    pub period: PeriodRange,
    pub header_rows: u16,
    pub header: Vec<HeaderCell>,
    /// The labels of the numbered columns (1..N); the register has no "Đơn vị" column,
    /// so header column 0 is column 1 here.
    pub columns: Vec<String>,
    /// One row per visit, in date order: the cells of columns 1..N.
    pub rows: Vec<Vec<String>>,
}

/// The register over a range of dates: one part per form in force (the form changed on
/// 01/7/2026).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterBook {
    pub parts: Vec<Register>,
}

#[cfg(test)]
mod tests {
    use super::format_value;

    /// A figure as Vietnamese writes it: thousands grouped with dots, a decimal comma.
    #[test]
    fn figures_are_written_with_a_dot_between_thousands_and_a_decimal_comma() {
        assert_eq!(format_value(0.0), "0");
        assert_eq!(format_value(7.0), "7");
        assert_eq!(format_value(999.0), "999");
        assert_eq!(format_value(1_000.0), "1.000");
        assert_eq!(format_value(30_575.0), "30.575");
        assert_eq!(format_value(1_234_567.0), "1.234.567");
        assert_eq!(format_value(12.5), "12,5");
        assert_eq!(format_value(1_234.5), "1.234,5");
        assert_eq!(format_value(1_234.567), "1.234,57");
        assert_eq!(format_value(1e12), "1.000.000.000.000");
        assert_eq!(format_value(-3.0), "-3");
        assert_eq!(format_value(-1_500.25), "-1.500,25");
        assert_eq!(format_value(-0.001), "0");
    }
}
