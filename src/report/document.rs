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
