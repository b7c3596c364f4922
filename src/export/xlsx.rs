//! The statutory tables and the Sổ tiếp công dân as Excel workbooks, laid out as the
//! printed forms: the heading block, the header grid with its merged groups, the "MS"
//! row of column numbers and formulas, the figures as numbers; Times New Roman, A4
//! landscape, one page wide, the header repeated on every printed page.

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

use super::Progress;
use crate::error::{Error, Result};
use crate::forms::{FormTable, HeaderCell, Register, RegisterBook};

const FONT: &str = "Times New Roman";
/// Body text, header grid and figures (points).
const BODY: f64 = 12.0;
/// The title of a table or of the register.
const TITLE: f64 = 14.0;
/// Rows written between two progress reports.
const STEP: usize = 500;
/// The first row of the header grid: the heading block (code or model line, title,
/// unit or data line, attached or data line) and a spacer come first.
const HEADER_TOP: u32 = 5;
/// A content column is never wider than this (its text wraps instead).
const MAX_TEXT_WIDTH: f64 = 42.0;

fn failed(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal(format!("Không tạo được tệp Excel: {e}"))
}

/// One statutory table per worksheet, named after its code ("01-TCD"). A table that
/// failed a check the circular states, or holds records that could not be counted, is
/// not written (`Error::FormCheck`, naming what to correct).
pub fn tables_xlsx(tables: &[FormTable], progress: &Progress) -> Result<Vec<u8>> {
    let blocked: Vec<String> = tables
        .iter()
        .filter(|t| t.blocked())
        .map(|t| {
            let reasons: Vec<&str> = t
                .checks
                .iter()
                .filter(|c| c.blocking && !c.ok)
                .map(|c| c.message.as_str())
                .chain(t.issues.iter().map(String::as_str))
                .collect();
            format!("Biểu {}: {}", t.code, reasons.join("; "))
        })
        .collect();
    if !blocked.is_empty() {
        return Err(Error::FormCheck(format!(
            "Chưa xuất được tệp Excel vì số liệu chưa đúng. {}",
            blocked.join(" ")
        )));
    }
    for t in tables {
        if let Some(i) = t.row.values.iter().position(|v| !v.is_finite()) {
            return Err(Error::Internal(format!(
                "Biểu {}: cột {} không có số liệu hợp lệ.",
                t.code,
                i + 1
            )));
        }
    }
    let mut book =
        new_workbook("Biểu số liệu tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo")?;
    let styles = Styles::new();
    let mut names = Vec::new();
    let total = tables.len() as u64;
    progress.step(0, total)?;
    for (i, table) in tables.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(unique_name(&mut names, &sheet_name(&table.code)))
            .map_err(failed)?;
        table_sheet(ws, table, &styles)?;
        progress.step(i as u64 + 1, total)?;
    }
    if tables.is_empty() {
        book.add_worksheet();
    }
    book.save_to_buffer().map_err(failed)
}

/// The register, one worksheet per part (per form in force): "So TCD", or for a range
/// across the change of form "So TCD tu 15-06-2026" and "So TCD tu 01-07-2026".
/// Reports progress every 500 rows; a cancel stops it.
pub fn register_xlsx(book: &RegisterBook, progress: &Progress) -> Result<Vec<u8>> {
    let mut wb = new_workbook("Sổ tiếp công dân")?;
    let styles = Styles::new();
    let mut names = Vec::new();
    let total: u64 = book.parts.iter().map(|p| p.rows.len() as u64).sum();
    let mut done = 0u64;
    progress.step(0, total)?;
    for part in &book.parts {
        let name = if book.parts.len() == 1 {
            "So TCD".to_string()
        } else {
            format!("So TCD tu {}", dmy(&part.period.from, '-'))
        };
        let ws = wb.add_worksheet();
        ws.set_name(unique_name(&mut names, &sheet_name(&name)))
            .map_err(failed)?;
        register_sheet(ws, part, &styles, progress, &mut done, total)?;
    }
    if book.parts.is_empty() {
        wb.add_worksheet().set_name("So TCD").map_err(failed)?;
    }
    progress.step(total, total)?;
    wb.save_to_buffer().map_err(failed)
}

fn new_workbook(title: &str) -> Result<Workbook> {
    let mut book = Workbook::new();
    // Times New Roman 12 everywhere, empty cells included; 21 px rows and 72 px columns
    // are that font's defaults in Excel.
    book.set_default_format(
        &Format::new().set_font_name(FONT).set_font_size(BODY),
        21,
        72,
    )
    .map_err(failed)?;
    // Deflate's fastest level: the register of 20,000 visits saves in two thirds of the
    // time (0.75 s → 0.5 s here), for a file about a sixth larger.
    book.set_zip_compression_level(1);
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("Sổ Tiếp Dân"),
    );
    Ok(book)
}

/// Every format a sheet uses, made once.
struct Styles {
    code: Format,
    title: Format,
    line: Format,
    unit_name: Format,
    model: Format,
    header: Format,
    ms: Format,
    label: Format,
    integer: Format,
    decimal: Format,
    note: Format,
    cell_left: Format,
    cell_centre: Format,
}

impl Styles {
    fn new() -> Styles {
        let base = || Format::new().set_font_name(FONT).set_font_size(BODY);
        let boxed = || {
            base()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
        };
        let centred = |f: Format| {
            f.set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap()
        };
        Styles {
            code: base().set_bold(),
            title: centred(base().set_bold().set_font_size(TITLE)),
            line: centred(base().set_italic()),
            unit_name: centred(base().set_bold()),
            model: base().set_bold().set_align(FormatAlign::Right),
            header: boxed().set_bold().set_align(FormatAlign::Center),
            ms: boxed().set_align(FormatAlign::Center),
            label: boxed().set_align(FormatAlign::Left),
            integer: boxed()
                .set_align(FormatAlign::Center)
                .set_num_format("#,##0"),
            decimal: boxed()
                .set_align(FormatAlign::Center)
                .set_num_format("#,##0.0#"),
            note: base()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
            cell_left: base()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            cell_centre: base()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Center),
        }
    }
}

// ---------------------------------------------------------------------------------------
// The statutory table.

fn table_sheet(ws: &mut Worksheet, t: &FormTable, st: &Styles) -> Result<()> {
    let n = t.columns.len().max(grid_width(&t.header).saturating_sub(1));
    let last = n as u16; // column 0 is "Đơn vị", 1..=n the numbered ones
    let header_rows = u32::from(t.header_rows.max(grid_height(&t.header)).max(1));

    // Widths: "Đơn vị" holds the unit's name; a numbered column holds its header label
    // (wrapped, a few lines at most), its MS text and its figure.
    let mut widths = vec![0.0; n + 1];
    widths[0] = [
        longest_word(&t.row.label, BODY, false) + 2.0,
        text_width(&t.row.label, BODY, false) / 2.0 + 2.0,
        text_width("Đơn vị", BODY, true) + 2.0,
    ]
    .into_iter()
    .fold(14.0, f64::max)
    .min(30.0);
    for (i, w) in widths.iter_mut().enumerate().skip(1) {
        let column = t.columns.get(i - 1);
        let label = leaf_label(&t.header, i as u16)
            .or(column.map(|c| c.label.as_str()))
            .unwrap_or("");
        let ms = column.map(|c| c.ms.as_str()).unwrap_or("");
        let figure = number_text(t.row.values.get(i - 1).copied().unwrap_or(0.0));
        *w = [
            longest_word(label, BODY, true) + 2.0,
            text_width(label, BODY, true) / 5.0 + 2.0,
            text_width(ms, BODY, false) + 2.0,
            text_width(&figure, BODY, false) + 2.0,
        ]
        .into_iter()
        .fold(7.0, f64::max)
        .min(16.0);
    }
    widen_for_groups(&mut widths, &t.header, 0);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(failed)?;
    }
    let full: f64 = widths.iter().sum();

    // The heading block.
    ws.write_string_with_format(0, 0, format!("Biểu số: {}", t.code), &st.code)
        .map_err(failed)?;
    ws.set_row_height(0, line_height(BODY)).map_err(failed)?;
    for (row, text, format, size, bold) in [
        (1, &t.title, &st.title, TITLE, true),
        (2, &t.data_line, &st.line, BODY, false),
        (3, &t.attached_line, &st.line, BODY, false),
    ] {
        span(ws, row, 0, row, last, text, format)?;
        let lines = lines_needed(text, full, size, bold);
        ws.set_row_height(row, lines as f64 * line_height(size) + 2.0)
            .map_err(failed)?;
    }
    ws.set_row_height(4, 6).map_err(failed)?;

    // The header grid, the MS row, the unit's row, the note.
    header_grid(ws, &t.header, header_rows, n + 1, 0, &widths, st)?;
    let ms_row = HEADER_TOP + header_rows;
    ws.write_string_with_format(ms_row, 0, "MS", &st.ms)
        .map_err(failed)?;
    let mut ms_lines = 1.0_f64;
    for c in 1..=n {
        let ms = t.columns.get(c - 1).map(|c| c.ms.as_str()).unwrap_or("");
        ws.write_string_with_format(ms_row, c as u16, ms, &st.ms)
            .map_err(failed)?;
        // A column's code as long as "12=13+14=15+16+17+18" wraps in its narrow column
        // (no space in it to break at): the row is as tall as the longest needs, or the
        // printed page cuts its second line.
        let room = (widths.get(c).copied().unwrap_or(1.0) - 1.0).max(1.0);
        ms_lines = ms_lines.max((text_width(ms, BODY, false) / room).ceil());
    }
    ws.set_row_height(ms_row, ms_lines * line_height(BODY) + 4.0)
        .map_err(failed)?;
    let unit_row = ms_row + 1;
    ws.write_string_with_format(unit_row, 0, &t.row.label, &st.label)
        .map_err(failed)?;
    for c in 1..=n {
        let v = t.row.values.get(c - 1).copied().unwrap_or(0.0);
        let format = if v.fract() == 0.0 {
            &st.integer
        } else {
            &st.decimal
        };
        ws.write_number_with_format(unit_row, c as u16, v, format)
            .map_err(failed)?;
    }
    let lines = lines_needed(&t.row.label, widths[0], BODY, false);
    ws.set_row_height(unit_row, (lines as f64 * line_height(BODY) + 4.0).max(24.0))
        .map_err(failed)?;
    let note_row = unit_row + 1;
    let note = format!("{} {}", t.note_label, t.note).trim().to_string();
    span(ws, note_row, 0, note_row, last, &note, &st.note)?;
    let lines = lines_needed(&note, full, BODY, false);
    ws.set_row_height(note_row, (lines as f64 * line_height(BODY) + 4.0).max(24.0))
        .map_err(failed)?;

    page_setup(ws, ms_row)?;
    ws.set_freeze_panes(unit_row, 1).map_err(failed)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The register.

fn register_sheet(
    ws: &mut Worksheet,
    reg: &Register,
    st: &Styles,
    progress: &Progress,
    done: &mut u64,
    total: u64,
) -> Result<()> {
    let n = reg
        .columns
        .len()
        .max(grid_width(&reg.header))
        .max(reg.rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let last = (n - 1) as u16;
    let header_rows = u32::from(reg.header_rows.max(grid_height(&reg.header)).max(1));

    // Widths: what the column's header needs (its longest word, bold) and what its cells
    // need on one line, up to a cap past which the text wraps: dates and numbers stay
    // narrow, names and content get the room.
    let mut widths = vec![0.0; n];
    for (c, w) in widths.iter_mut().enumerate() {
        let label = leaf_label(&reg.header, c as u16)
            .or(reg.columns.get(c).map(String::as_str))
            .unwrap_or("");
        let mut need = longest_word(label, BODY, true).max(text_width(label, BODY, true) / 3.0);
        for row in &reg.rows {
            if need >= MAX_TEXT_WIDTH {
                break;
            }
            if let Some(cell) = row.get(c) {
                need = need.max(text_width(cell, BODY, false));
            }
        }
        *w = (need + 2.0).clamp(5.0, MAX_TEXT_WIDTH);
    }
    fit_register_width(&mut widths);
    widen_for_groups(&mut widths, &reg.header, 0);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(failed)?;
    }
    let full: f64 = widths.iter().sum();

    // The heading block: the model line at the top right (over as many of the last
    // columns as it needs), the title, the unit, the dates.
    let model_width = text_width(&reg.model, BODY, true) + 2.0;
    let mut first = n - 1;
    let mut room = widths[first];
    while first > 0 && room < model_width {
        first -= 1;
        room += widths[first];
    }
    span(ws, 0, first as u16, 0, last, &reg.model, &st.model)?;
    ws.set_row_height(0, line_height(BODY)).map_err(failed)?;
    for (row, text, format, size, bold) in [
        (1, &reg.title, &st.title, TITLE, true),
        (2, &reg.unit_name, &st.unit_name, BODY, true),
        (3, &reg.data_line, &st.line, BODY, false),
    ] {
        span(ws, row, 0, row, last, text, format)?;
        let lines = lines_needed(text, full, size, bold);
        ws.set_row_height(row, lines as f64 * line_height(size) + 2.0)
            .map_err(failed)?;
    }
    ws.set_row_height(4, 6).map_err(failed)?;

    // The header grid and the row of column numbers, as the paper book prints them.
    header_grid(ws, &reg.header, header_rows, n, 0, &widths, st)?;
    let numbers_row = HEADER_TOP + header_rows;
    for c in 0..n {
        ws.write_number_with_format(numbers_row, c as u16, (c + 1) as f64, &st.ms)
            .map_err(failed)?;
    }

    // One row per visit: text, wrapped, top-aligned; narrow columns centred. A row with
    // wrapped text gets its height written: neither Excel nor LibreOffice measures rows
    // when it opens a file, and the text would run over the next row.
    let formats: Vec<&Format> = widths
        .iter()
        .map(|w| {
            if *w <= 13.0 {
                &st.cell_centre
            } else {
                &st.cell_left
            }
        })
        .collect();
    let top = numbers_row + 1;
    let counts: Vec<bool> = (0..formats.len())
        .map(|c| {
            reg.columns
                .get(c)
                .is_some_and(|l| crate::forms::register::COUNT_COLUMNS.contains(&l.as_str()))
        })
        .collect();
    for (i, row) in reg.rows.iter().enumerate() {
        if i % STEP == 0 && i > 0 {
            progress.step(*done + i as u64, total)?;
        }
        let r = top + i as u32;
        let mut lines = 1;
        for (c, format) in formats.iter().enumerate() {
            let text = row.get(c).map(String::as_str).unwrap_or("");
            // A count is a number (the row's number, the people of the visit).
            if let Some(n) = text.parse::<u32>().ok().filter(|_| counts[c]) {
                ws.write_number_with_format(r, c as u16, f64::from(n), format)
                    .map_err(failed)?;
                continue;
            }
            let cell = excel_text(text);
            let cell = cell.as_ref();
            ws.write_string_with_format(r, c as u16, cell, format)
                .map_err(failed)?;
            // Only a cell of several lines (two persons in one visit) or one that could
            // be longer than its column is measured (no character is narrower than half a
            // digit).
            if cell.contains('\n')
                || (cell.len() as f64 * 0.5 > widths[c] - 1.0
                    && text_width(cell, BODY, false) > widths[c] - 1.0)
            {
                // LibreOffice and Excel set Times New Roman a little wider than the
                // metrics here: measure against a slightly narrower column.
                lines = lines.max(lines_needed(cell, widths[c] * 0.92, BODY, false));
            }
        }
        if lines > 1 {
            ws.set_row_height(r, (lines as f64 * line_height(BODY) + 2.0).min(409.0))
                .map_err(failed)?;
        }
    }
    *done += reg.rows.len() as u64;
    progress.step(*done, total)?;

    page_setup(ws, numbers_row)?;
    ws.set_footer("&C&\"Times New Roman,Regular\"&11Trang &P/&N");
    ws.set_freeze_panes(top, 0).map_err(failed)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Shared layout.

/// The header grid at `HEADER_TOP`: each cell merged over its rows and columns, bold,
/// centred, wrapped, boxed; a gap in the grid is boxed too. Row heights fit the labels.
fn header_grid(
    ws: &mut Worksheet,
    header: &[HeaderCell],
    rows: u32,
    cols: usize,
    col0: u16,
    widths: &[f64],
    st: &Styles,
) -> Result<()> {
    let mut covered = vec![vec![false; cols]; rows as usize];
    for cell in header {
        let (r, c) = (u32::from(cell.row), usize::from(cell.col));
        let (r1, c1) = (
            r + u32::from(cell.rows.max(1)) - 1,
            c + usize::from(cell.cols.max(1)) - 1,
        );
        if r1 >= rows || c1 >= cols {
            return Err(Error::Internal(format!(
                "Tiêu đề bảng sai: ô \"{}\" nằm ngoài lưới {rows}×{cols}.",
                cell.label
            )));
        }
        for row in covered.iter_mut().take(r1 as usize + 1).skip(r as usize) {
            for seen in row.iter_mut().take(c1 + 1).skip(c) {
                if *seen {
                    return Err(Error::Internal(format!(
                        "Tiêu đề bảng sai: ô \"{}\" chồng lên một ô khác.",
                        cell.label
                    )));
                }
                *seen = true;
            }
        }
        span(
            ws,
            HEADER_TOP + r,
            col0 + c as u16,
            HEADER_TOP + r1,
            col0 + c1 as u16,
            &cell.label,
            &st.header,
        )?;
    }
    for (r, row) in covered.iter().enumerate() {
        for (c, seen) in row.iter().enumerate() {
            if !seen {
                ws.write_blank(HEADER_TOP + r as u32, col0 + c as u16, &st.header)
                    .map_err(failed)?;
            }
        }
    }

    // Heights: a row is as tall as its one-row cells need; a cell over several rows
    // that needs more spreads the rest over them.
    let needed = |cell: &HeaderCell| {
        let c = usize::from(cell.col);
        let w: f64 = widths
            .iter()
            .skip(c)
            .take(usize::from(cell.cols.max(1)))
            .sum();
        lines_needed(&cell.label, w, BODY, true) as f64 * line_height(BODY) + 4.0
    };
    let mut heights = vec![line_height(BODY) + 4.0; rows as usize];
    for cell in header.iter().filter(|c| c.rows <= 1) {
        let h = &mut heights[usize::from(cell.row)];
        *h = h.max(needed(cell));
    }
    for cell in header.iter().filter(|c| c.rows > 1) {
        let r = usize::from(cell.row);
        let span_rows = usize::from(cell.rows);
        let have: f64 = heights[r..r + span_rows].iter().sum();
        let want = needed(cell);
        if want > have {
            let extra = (want - have) / span_rows as f64;
            for h in &mut heights[r..r + span_rows] {
                *h += extra;
            }
        }
    }
    for (r, h) in heights.iter().enumerate() {
        ws.set_row_height(HEADER_TOP + r as u32, h.min(409.0))
            .map_err(failed)?;
    }
    Ok(())
}

/// A group label must fit its columns' widths on its longest word: widen them evenly.
fn widen_for_groups(widths: &mut [f64], header: &[HeaderCell], col0: usize) {
    for cell in header.iter().filter(|c| c.cols > 1) {
        let c = usize::from(cell.col) + col0;
        let k = usize::from(cell.cols);
        if c + k > widths.len() {
            continue;
        }
        let have: f64 = widths[c..c + k].iter().sum();
        let want = longest_word(&cell.label, BODY, true) + 2.0;
        if want > have {
            for w in &mut widths[c..c + k] {
                *w += (want - have) / k as f64;
            }
        }
    }
}

/// A4 landscape, one page wide, the header grid down to `last_header_row` repeated on
/// every page, centred.
fn page_setup(ws: &mut Worksheet, last_header_row: u32) -> Result<()> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(HEADER_TOP, last_header_row)
        .map_err(failed)?;
    Ok(())
}

/// Text over a range of cells: merged when it spans more than one.
fn span(
    ws: &mut Worksheet,
    r0: u32,
    c0: u16,
    r1: u32,
    c1: u16,
    text: &str,
    format: &Format,
) -> Result<()> {
    if r0 == r1 && c0 == c1 {
        ws.write_string_with_format(r0, c0, text, format)
    } else {
        ws.merge_range(r0, c0, r1, c1, text, format)
    }
    .map(|_| ())
    .map_err(failed)
}

/// Excel holds at most 32,767 characters in a cell: a longer text (a petition pasted
/// whole) is cut, and says so, rather than the whole register failing to export.
fn excel_text(text: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 32_767;
    const CUT: &str = " … [đã cắt bớt: Excel chỉ chứa được 32.767 ký tự trong một ô]";
    if text.len() <= MAX || text.chars().count() <= MAX {
        return text.into();
    }
    let keep = MAX - CUT.chars().count();
    let mut cut: String = text.chars().take(keep).collect();
    cut.push_str(CUT);
    cut.into()
}

/// The label of the header cell that covers column `col` alone, nearest the MS row.
fn leaf_label(header: &[HeaderCell], col: u16) -> Option<&str> {
    header
        .iter()
        .filter(|h| h.col == col && h.cols <= 1)
        .max_by_key(|h| h.row)
        .map(|h| h.label.as_str())
}

fn grid_width(header: &[HeaderCell]) -> usize {
    header
        .iter()
        .map(|h| usize::from(h.col) + usize::from(h.cols.max(1)))
        .max()
        .unwrap_or(0)
}

fn grid_height(header: &[HeaderCell]) -> u16 {
    header
        .iter()
        .map(|h| h.row + h.rows.max(1))
        .max()
        .unwrap_or(0)
}

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters.
fn sheet_name(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '[' | ']' => '-',
            c => c,
        })
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').trim().to_string();
    if clean.is_empty() {
        "Bieu".to_string()
    } else {
        clean
    }
}

/// The name, or the name with " (2)", " (3)"… if a sheet already has it (Excel compares
/// names without case).
fn unique_name(taken: &mut Vec<String>, name: &str) -> String {
    let mut candidate = name.to_string();
    let mut i = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == candidate.to_lowercase())
    {
        let suffix = format!(" ({i})");
        let stem: String = name.chars().take(31 - suffix.len()).collect();
        candidate = format!("{stem}{suffix}");
        i += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// "2026-07-01" as "01-07-2026" (with `sep`); anything else as it is.
fn dmy(iso: &str, sep: char) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}{sep}{m}{sep}{y}"),
        _ => iso.to_string(),
    }
}

/// A figure as the cell shows it, to size its column: "1,234", "12.5".
fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = (v.abs() as i64).to_string();
        let commas = (digits.len().saturating_sub(1)) / 3;
        "0".repeat(digits.len() + commas + usize::from(v < 0.0))
    } else {
        format!("{v:.2}")
    }
}

// ---------------------------------------------------------------------------------------
// Text measures, in Excel's width units (one digit of the default font, Times New Roman
// 12, is 1.0). Estimates from the font's advance widths: Excel and LibreOffice measure
// nothing when they open a file, so a row's height and a column's width are what the
// file says.

/// The advance of a character in digits (a digit of Times New Roman is half an em). An
/// accented letter is as wide as its base letter ("ễ" as "e").
fn char_width(c: char) -> f64 {
    let base = if c.is_ascii() {
        c
    } else {
        let mut first = None;
        unicode_normalization::char::decompose_canonical(c, |b| {
            first.get_or_insert(b);
        });
        match first {
            Some(b) if b.is_ascii() => b,
            // Đ, đ and the rest: as wide as a capital or a lower-case letter.
            _ if c.is_uppercase() => 'D',
            _ => 'n',
        }
    };
    // Times New Roman, in thousandths of an em.
    let em = match base {
        ' ' | ',' | '.' | ';' => 250,
        'i' | 'j' | 'l' | 't' | ':' | '/' | '\'' | '!' => 278,
        'f' | 'r' | 'I' | '-' | '(' | ')' | '[' | ']' => 333,
        's' | 'J' => 389,
        'a' | 'c' | 'e' | 'z' => 444,
        '0'..='9' | 'b' | 'd' | 'g' | 'h' | 'k' | 'n' | 'o' | 'p' | 'q' | 'u' | 'v' | 'x' | 'y' => {
            500
        }
        'S' | 'P' | 'F' | 'L' | 'Z' => 570,
        'E' | 'T' => 611,
        'B' | 'C' | 'R' => 667,
        'w' | 'A' | 'D' | 'G' | 'H' | 'K' | 'N' | 'O' | 'Q' | 'U' | 'V' | 'X' | 'Y' => 722,
        'm' => 778,
        'M' => 889,
        'W' => 944,
        _ => 500,
    };
    f64::from(em) / 500.0
}

fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let w: f64 = s.chars().map(char_width).sum();
    w * size / BODY * if bold { 1.08 } else { 1.0 }
}

fn longest_word(s: &str, size: f64, bold: bool) -> f64 {
    s.split_whitespace()
        .map(|w| text_width(w, size, bold))
        .fold(0.0, f64::max)
}

/// The register's columns together, in character widths, that an A4 landscape page
/// prints at about 10 points (fit to the page's width): beyond it, the text columns give
/// room and wrap, the narrow ones (dates, numbers, marks) keep theirs.
const REGISTER_WIDTH: f64 = 150.0;
const NARROW: f64 = 14.0;
const TEXT_MIN: f64 = 14.0;

fn fit_register_width(widths: &mut [f64]) {
    let total: f64 = widths.iter().sum();
    if total <= REGISTER_WIDTH {
        return;
    }
    let narrow: f64 = widths.iter().filter(|w| **w <= NARROW).sum();
    let wide: f64 = total - narrow;
    let factor = ((REGISTER_WIDTH - narrow) / wide).min(1.0);
    for w in widths.iter_mut().filter(|w| **w > NARROW) {
        *w = (*w * factor).max(TEXT_MIN);
    }
}

/// Lines a text takes when wrapped at word boundaries in `width` units.
fn lines_needed(s: &str, width: f64, size: f64, bold: bool) -> usize {
    let avail = (width - 1.0).max(1.0);
    let space = text_width(" ", size, bold);
    let mut lines = 0;
    for paragraph in s.split('\n') {
        lines += 1;
        let mut used = 0.0;
        for word in paragraph.split_whitespace() {
            let w = text_width(word, size, bold);
            if used > 0.0 && used + space + w > avail {
                lines += 1;
                used = 0.0;
            }
            if used == 0.0 && w > avail {
                lines += (w / avail).ceil() as usize - 1;
                used = w % avail;
            } else {
                used += if used > 0.0 { space } else { 0.0 } + w;
            }
        }
    }
    lines.max(1)
}

/// The height of one line of text at `size` points, as Excel spaces Times New Roman.
fn line_height(size: f64) -> f64 {
    (size * 1.32).round()
}
