//! Any list as CSV that Excel on Windows opens with its Vietnamese intact.

use crate::error::{Error, Result};

/// The UTF-8 byte order mark: without it Excel on Windows reads the file in the
/// system's ANSI code page (Windows-1258 on a Vietnamese machine) and garbles "Nguyễn".
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A header line and the rows under it: UTF-8 with a BOM, CRLF line ends, fields quoted
/// as RFC 4180 asks (a comma, a quote or a line break puts the field in quotes, a quote
/// is doubled). Every row must have as many cells as the header.
pub fn csv_bytes(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(BOM.len() + 64 * (rows.len() + 1));
    out.extend_from_slice(BOM);
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(&mut out);
    let failed = |e: ::csv::Error| Error::Internal(format!("Không tạo được tệp CSV: {e}"));
    writer
        .write_record(record(header).iter().map(|c| c.as_bytes()))
        .map_err(failed)?;
    for (i, row) in rows.iter().enumerate() {
        if row.len() != header.len() {
            return Err(Error::Internal(format!(
                "Không tạo được tệp CSV: dòng {} có {} ô, tiêu đề có {} cột.",
                i + 1,
                row.len(),
                header.len()
            )));
        }
        writer
            .write_record(record(row).iter().map(|c| c.as_bytes()))
            .map_err(failed)?;
    }
    writer.flush()?;
    drop(writer);
    Ok(out)
}

fn record(cells: &[String]) -> Vec<std::borrow::Cow<'_, str>> {
    cells.iter().map(|c| neutralised(c)).collect()
}

/// A cell as it is safe to open in a spreadsheet.
///
/// Excel (and LibreOffice) take a cell that starts with `=`, `+`, `-` or `@` as a
/// formula, and a tab or carriage return before one is skipped: a citizen's name or
/// petition text typed as `=HYPERLINK("http://…","Bấm vào đây")` or `=cmd|' /C calc'!A0`
/// would run or send data when the officer opens the list ("CSV injection", OWASP).
/// A leading apostrophe makes the spreadsheet show the text as text; the apostrophe is
/// visible in a text editor, which is the price of that safety.
fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}
