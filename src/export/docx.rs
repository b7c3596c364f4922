//! The period report as a Word document laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I)
//! asks of an administrative text: A4 portrait, margins top and bottom 20 mm, left
//! 30 mm, right 15 mm; Times New Roman; the issuing body and the national motto side by
//! side, the number and the place and date under them; the kind and title centred; the
//! body justified; "Nơi nhận" and the signature side by side at the end.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use crate::error::{Error, Result};
use crate::report::document::{DocTable, ReportDocument};

const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// One millimetre in twentieths of a point.
const MM: f64 = 56.69;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 20.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 15.0;
/// The width the text runs in.
const TEXT_WIDTH: usize = 11_906 - 1_701 - 850;
/// The body's size in points (NĐ 30: 13 to 14).
const BODY: usize = 14;
/// First-line indent of a paragraph: 1 cm (NĐ 30: 1 to 1.27 cm).
const FIRST_LINE: i32 = 567;
/// Space after a paragraph: 6 pt (NĐ 30: at least 6 pt between paragraphs).
const AFTER: u32 = 120;
/// The issuing body's column of the heading and of the signature block.
const LEFT_COLUMN: usize = 3_950;

fn mm(v: f64) -> i32 {
    (v * MM).round() as i32
}

/// The report as a .docx file.
pub fn report_docx(doc: &ReportDocument) -> Result<Vec<u8>> {
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(mm(TOP))
                .bottom(mm(BOTTOM))
                .left(mm(LEFT))
                .right(mm(RIGHT))
                .header(mm(10.0))
                .footer(mm(10.0)),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(BODY * 2)
        // Page numbers at the top centre from page 2 on, none on the first page.
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .size(BODY * 2)
                    .add_page_num(PageNum::new()),
            ),
        )
        .first_header(Header::new());

    docx = docx.add_table(heading_block(doc));

    // The kind, the title (trích yếu), the dates, and the short rule under them.
    docx = docx
        .add_paragraph(
            centred(&doc.kind, BODY, Style::Bold).line_spacing(spacing().before(360).after(0)),
        )
        .add_paragraph(centred(&doc.title, BODY, Style::Bold).line_spacing(spacing().after(0)));
    if !doc.data_line.is_empty() {
        docx = docx.add_paragraph(
            centred(&doc.data_line, BODY, Style::Italic).line_spacing(spacing().after(0)),
        );
    }
    let title_width = text_twips(&doc.title, BODY, true).min(TEXT_WIDTH as f64);
    docx = docx.add_paragraph(short_rule(TEXT_WIDTH, title_width * 0.4, 360));

    for section in &doc.sections {
        if !section.heading.is_empty() {
            docx = docx.add_paragraph(body(&section.heading, Style::Bold).keep_next(true));
        }
        for text in &section.paragraphs {
            let paragraph = if text == crate::report::mau02::TO_COMPLETE {
                // Left for the unit to write: highlighted, not to be signed as it is.
                body_of(run(text, BODY, Style::Italic).highlight("yellow"))
            } else {
                body(text, Style::Plain)
            };
            docx = docx.add_paragraph(paragraph);
        }
    }
    for table in &doc.tables {
        if !table.caption.is_empty() {
            docx = docx.add_paragraph(
                centred(&table.caption, BODY, Style::Bold)
                    .keep_next(true)
                    .line_spacing(spacing().before(120).after(AFTER)),
            );
        }
        docx = docx.add_table(figures(table));
        docx = docx.add_paragraph(Paragraph::new().line_spacing(spacing().after(0)));
    }

    docx = docx.add_table(signature_block(doc));

    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| Error::Internal(format!("Không tạo được tệp Word: {e}")))?;
    Ok(out.into_inner())
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Bold,
    Italic,
    BoldItalic,
}

/// Text as a run may hold it: a line break or a tab within a paragraph's text becomes a
/// space, and other control characters (not allowed in XML: Word would refuse the whole
/// file) are dropped.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            // What XML 1.0 cannot hold: a file with it does not open in Word.
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => None,
            c => Some(c),
        })
        .collect()
}

fn run(text: &str, size: usize, style: Style) -> Run {
    let r = Run::new().add_text(clean(text)).size(size * 2);
    match style {
        Style::Plain => r,
        Style::Bold => r.bold(),
        Style::Italic => r.italic(),
        Style::BoldItalic => r.bold().italic(),
    }
}

/// Single line spacing, nothing before or after.
fn spacing() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(0)
        .after(0)
}

fn centred(text: &str, size: usize, style: Style) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .size(size * 2)
        .add_run(run(text, size, style))
        .line_spacing(spacing())
}

/// A body paragraph: justified, first line indented 1 cm, 1.15 lines, 6 pt after.
fn body(text: &str, style: Style) -> Paragraph {
    body_of(run(text, BODY, style))
}

/// [`body`] of a run made by the caller (a highlighted one).
fn body_of(r: Run) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
            None,
            None,
        )
        .add_run(r)
        .line_spacing(body_spacing())
}

/// A body paragraph's spacing: 1.15 lines, 6 pt after.
fn body_spacing() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(276)
        .before(0)
        .after(AFTER)
}

/// A short horizontal rule of `length` twips, centred in a space `width` wide: the line
/// NĐ 30 draws under the issuing body and under the title (1/3 to 1/2 of the text above).
fn short_rule(width: usize, length: f64, after: u32) -> Paragraph {
    let length = length.clamp(600.0, width as f64);
    let side = ((width as f64 - length) / 2.0).max(0.0).round() as i32;
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .size(4)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(80)
                .before(0)
                .after(after),
        );
    // Only the bottom border: `set_border` would start from all four sides.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    p
}

/// The width of a line of text in twips, roughly (Times New Roman: about half an em a
/// character, capitals wider).
fn text_twips(text: &str, size: usize, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.25,
            c if c.is_uppercase() => 0.68,
            _ => 0.48,
        })
        .sum();
    em * size as f64 * 20.0 * if bold { 1.06 } else { 1.0 }
}

fn cell(width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa)
}

/// The heading: on the left the issuing body (upper case, the unit in bold, a short rule
/// under it) and the number; on the right the national title (bold, 12), the motto
/// (bold, 13, underlined) and the place and date (italic).
fn heading_block(doc: &ReportDocument) -> Table {
    let right_width = TEXT_WIDTH - LEFT_COLUMN;
    let mut agency = cell(LEFT_COLUMN).vertical_align(VAlignType::Top);
    let count = doc.agency_lines.len();
    for (i, line) in doc.agency_lines.iter().enumerate() {
        let style = if i + 1 == count {
            Style::Bold
        } else {
            Style::Plain
        };
        agency = agency.add_paragraph(centred(&line.to_uppercase(), 13, style));
    }
    let unit = doc
        .agency_lines
        .last()
        .map(|l| text_twips(&l.to_uppercase(), 13, true))
        .unwrap_or(1_500.0);
    // The cell's own margins (about 0.19 cm a side) narrow the space the rule centres in.
    agency = agency.add_paragraph(short_rule(LEFT_COLUMN - 216, unit * 0.4, 0));

    let motto = cell(right_width)
        .vertical_align(VAlignType::Top)
        .add_paragraph(centred(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            12,
            Style::Bold,
        ))
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .size(26)
                .line_spacing(spacing())
                .add_run(run("Độc lập - Tự do - Hạnh phúc", 13, Style::Bold).underline("single")),
        );

    let number = cell(LEFT_COLUMN).add_paragraph(
        centred(&doc.number_line, 13, Style::Plain).line_spacing(spacing().before(120)),
    );
    let place_date = cell(right_width).add_paragraph(
        centred(&doc.place_date_line, BODY, Style::Italic).line_spacing(spacing().before(120)),
    );

    Table::without_borders(vec![
        TableRow::new(vec![agency, motto]),
        TableRow::new(vec![number, place_date]),
    ])
    .set_grid(vec![LEFT_COLUMN, right_width])
    .width(TEXT_WIDTH, WidthType::Dxa)
    .layout(TableLayoutType::Fixed)
}

/// A table of figures: boxed, the header row bold, labels left, figures centred.
fn figures(table: &DocTable) -> Table {
    let columns = table
        .header
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let grid: Vec<usize> = if columns == 1 {
        vec![TEXT_WIDTH]
    } else {
        let first = TEXT_WIDTH * 2 / 5;
        let rest = (TEXT_WIDTH - first) / (columns - 1);
        let mut grid = vec![rest; columns];
        grid[0] = first;
        grid
    };
    let line = |cells: &[String], style: Style| {
        TableRow::new(
            grid.iter()
                .enumerate()
                .map(|(i, w)| {
                    let text = cells.get(i).map(String::as_str).unwrap_or("");
                    let align = if i == 0 && style != Style::Bold {
                        AlignmentType::Left
                    } else {
                        AlignmentType::Center
                    };
                    cell(*w).vertical_align(VAlignType::Center).add_paragraph(
                        Paragraph::new()
                            .align(align)
                            .size(24)
                            .line_spacing(spacing().before(40).after(40))
                            .add_run(run(text, 12, style)),
                    )
                })
                .collect(),
        )
        .cant_split()
    };
    let mut rows = vec![line(&table.header, Style::Bold)];
    rows.extend(table.rows.iter().map(|r| line(r, Style::Plain)));
    Table::new(rows)
        .set_grid(grid.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The end: on the left "Nơi nhận:" (bold italic 12) and its lines (11); on the right the
/// signer's authority and title (bold, upper case), room for the signature and the seal,
/// and the signer's name (bold).
fn signature_block(doc: &ReportDocument) -> Table {
    let right_width = TEXT_WIDTH - LEFT_COLUMN;
    let mut recipients = cell(LEFT_COLUMN)
        .vertical_align(VAlignType::Top)
        .add_paragraph(
            Paragraph::new()
                .size(24)
                .line_spacing(spacing())
                .add_run(run("Nơi nhận:", 12, Style::BoldItalic)),
        );
    for line in doc.recipients.iter().filter(|l| l.trim() != "Nơi nhận:") {
        recipients = recipients.add_paragraph(
            Paragraph::new()
                .size(22)
                .line_spacing(spacing())
                .add_run(run(line, 11, Style::Plain)),
        );
    }
    let mut signer = cell(right_width).vertical_align(VAlignType::Top);
    for line in &doc.signer_lines {
        signer = signer.add_paragraph(centred(&line.to_uppercase(), BODY, Style::Bold));
    }
    // Room for the signature and the seal.
    for _ in 0..4 {
        signer = signer.add_paragraph(centred("", BODY, Style::Plain));
    }
    signer = signer.add_paragraph(centred(&doc.signer_name, BODY, Style::Bold));

    Table::without_borders(vec![TableRow::new(vec![recipients, signer]).cant_split()])
        .set_grid(vec![LEFT_COLUMN, right_width])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}
