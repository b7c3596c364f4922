//! The period report (Mẫu số 02, Thông tư 06/2025/TT-TTCP) as a document, laid out as
//! Nghị định 30/2020/NĐ-CP asks of an administrative text: the renderer (`export::docx`)
//! only places what this value holds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::period::PeriodRange;

/// One heading with its paragraphs ("II. KẾT QUẢ…", "1. Tiếp công dân").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocSection {
    /// Bold heading; empty for paragraphs that continue the previous section.
    pub heading: String,
    pub paragraphs: Vec<String>,
}

/// A table of figures in the report: a header row, then rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocTable {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportDocument {
    /// The issuing body, upper case, line by line: ["ỦY BAN NHÂN DÂN", "PHƯỜNG VIỆT HÒA"].
    pub agency_lines: Vec<String>,
    /// "Số: 25/BC-UBND", or "Số:      /BC-UBND" when the number is given at sending.
    pub number_line: String,
    /// "Việt Hòa, ngày 15 tháng 12 năm 2026".
    pub place_date_line: String,
    /// "BÁO CÁO".
    pub kind: String,
    /// "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo Quý IV năm 2026".
    pub title: String,
    /// "(Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026)".
    pub data_line: String,
    pub sections: Vec<DocSection>,
    pub tables: Vec<DocTable>,
    /// "Nơi nhận:" and its lines ("- UBND thành phố;", "- Lưu: VT.").
    pub recipients: Vec<String>,
    /// "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH".
    pub signer_lines: Vec<String>,
    pub signer_name: String,
    pub period: PeriodRange,
}

/// "ngày 05 tháng 02 năm 2026": days below 10 and the months 1 and 2 take a leading zero
/// (Nghị định 30/2020/NĐ-CP, Phụ lục I).
pub fn date_words(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// The place of the date line: the setting, or the unit's name without "phường", "xã".
pub fn place_of(settings: &crate::domain::Settings) -> String {
    let place = settings.report.place.trim();
    if !place.is_empty() {
        return place.to_string();
    }
    let unit = settings.unit_name.trim();
    for prefix in ["phường ", "Phường ", "xã ", "Xã ", "đặc khu ", "Đặc khu "] {
        if let Some(rest) = unit.strip_prefix(prefix) {
            return rest.trim().to_string();
        }
    }
    unit.to_string()
}

/// How the title names the period: "Quý IV năm 2026", "6 tháng đầu năm 2026", "năm 2026",
/// or the dates of any other range.
pub fn period_title(period: crate::period::Period) -> String {
    use crate::domain::ReportingPeriod as R;
    use chrono::Datelike;
    for kind in R::ALL {
        for year in [period.to.year(), period.to.year() + 1] {
            if crate::period::Period::reporting(*kind, year).ok() == Some(period) {
                return match kind {
                    R::SixMonths => format!("6 tháng đầu năm {year}"),
                    R::NineMonths => format!("9 tháng năm {year}"),
                    R::Year => format!("năm {year}"),
                    q => format!("{} năm {year}", q.label()),
                };
            }
        }
    }
    format!(
        "từ ngày {} đến ngày {}",
        period.from.format("%d/%m/%Y"),
        period.to.format("%d/%m/%Y")
    )
}
