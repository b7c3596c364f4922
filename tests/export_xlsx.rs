//! The xlsx renderers read back: tables and the register built by hand, rendered, saved,
//! and read with calamine (cells, merges) and as raw package parts (page setup, print
//! titles, font); then printed to PDF with LibreOffice when it is installed.

mod export_support;

use std::sync::Mutex;

use calamine::{open_workbook, Data, Dimensions, Reader, Xlsx};
use export_support::*;
use tiepdan::export::{register_xlsx, tables_xlsx, Progress};
use tiepdan::forms::{
    Check, Column, FormId, FormRow, FormTable, HeaderCell, Register, RegisterBook, Source,
};
use tiepdan::period::PeriodRange;
use tiepdan::Error;

/// The renderer's layout: the heading block takes rows 0..=4, the header grid starts at
/// row 5 (0-based; row 6 in Excel).
const TOP: u32 = 5;

fn hc(row: u16, col: u16, rows: u16, cols: u16, label: &str) -> HeaderCell {
    HeaderCell {
        row,
        col,
        rows,
        cols,
        label: label.into(),
    }
}

fn period(from: &str, to: &str) -> PeriodRange {
    PeriodRange {
        from: from.into(),
        to: to.into(),
    }
}

fn column(no: u16, label: &str, ms: &str, unit: Option<&str>) -> Column {
    Column {
        no,
        label: label.into(),
        path: label.into(),
        ms: ms.into(),
        source: Source::Register,
        manual_label: None,
        unit: unit.map(str::to_string),
    }
}

/// Biểu 01/TCD as TT 06/2025 prints it: 21 numbered columns under a header four rows
/// deep ("Tiếp định kỳ và đột xuất của Thủ trưởng › Thủ trưởng tiếp › Trong đó đoàn
/// đông người › Số đoàn được tiếp").
fn tcd01() -> FormTable {
    let mut header = vec![hc(0, 0, 4, 1, "Đơn vị")];
    for (c, label) in [
        "Tổng số lượt tiếp",
        "Tổng số người được tiếp",
        "Tổng số vụ việc tiếp",
        "Tổng số đoàn đông người",
    ]
    .into_iter()
    .enumerate()
    {
        header.push(hc(0, c as u16 + 1, 4, 1, label));
    }
    header.push(hc(0, 5, 1, 5, "Tiếp thường xuyên"));
    header.push(hc(1, 5, 3, 1, "Số lượt tiếp"));
    header.push(hc(1, 6, 3, 1, "Số người được tiếp"));
    header.push(hc(1, 7, 3, 1, "Số vụ việc"));
    header.push(hc(1, 8, 2, 2, "Trong đó đoàn đông người"));
    header.push(hc(3, 8, 1, 1, "Số đoàn được tiếp"));
    header.push(hc(3, 9, 1, 1, "Số người được tiếp"));
    header.push(hc(0, 10, 1, 12, "Tiếp định kỳ và đột xuất của Thủ trưởng"));
    for (start, label) in [(10, "Thủ trưởng tiếp"), (16, "Ủy quyền tiếp")] {
        header.push(hc(1, start, 1, 6, label));
        header.push(hc(2, start, 2, 1, "Số ngày tiếp"));
        header.push(hc(2, start + 1, 2, 1, "Số lượt tiếp"));
        header.push(hc(2, start + 2, 2, 1, "Số người được tiếp"));
        header.push(hc(2, start + 3, 2, 1, "Số vụ việc"));
        header.push(hc(2, start + 4, 1, 2, "Trong đó đoàn đông người"));
        header.push(hc(3, start + 4, 1, 1, "Số đoàn được tiếp"));
        header.push(hc(3, start + 5, 1, 1, "Số người được tiếp"));
    }
    let leaf = |no: u16| -> String {
        header
            .iter()
            .filter(|h| h.col == no && h.cols == 1)
            .max_by_key(|h| h.row)
            .unwrap()
            .label
            .clone()
    };
    let columns = (1..=21)
        .map(|no| {
            let ms = match no {
                1 => "1=5+11+17".to_string(),
                2 => "2=6+12+18".to_string(),
                3 => "3=7+13+19".to_string(),
                4 => "4=8+14+20".to_string(),
                n => n.to_string(),
            };
            column(no, &leaf(no), &ms, None)
        })
        .collect();
    // Known figures: the blocks add up as the MS row says.
    let values = vec![
        44.0, 52.0, 30.0, 1.0, // totals
        36.0, 41.0, 24.0, 1.0, 6.0, // regular
        4.0, 8.0, 11.0, 6.0, 0.0, 0.0, // head in person
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, // delegated
    ];
    FormTable {
        form: FormId::Tcd01,
        code: "01/TCD".into(),
        title: "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT".into(),
        data_line: "Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026".into(),
        attached_line:
            "(Kèm theo Báo cáo số: 25/BC-UBND ngày 15 tháng 12 năm 2026 của UBND phường Việt Hòa)"
                .into(),
        circular: "Thông tư 06/2025/TT-TTCP".into(),
        period: period("2026-09-15", "2026-12-14"),
        header_rows: 4,
        header,
        columns,
        row: FormRow {
            label: "UBND phường Việt Hòa".into(),
            period: period("2026-09-15", "2026-12-14"),
            values,
        },
        comparisons: vec![],
        note_label: "22. Ghi chú:".into(),
        note: "Không có đoàn đông người do Thủ trưởng tiếp.".into(),
        checks: vec![],
        issues: vec![],
    }
}

/// A small table with money and land: figures with decimals stay numbers.
fn money_table() -> FormTable {
    let header = vec![
        hc(0, 0, 2, 1, "Đơn vị"),
        hc(0, 1, 2, 1, "Tổng số vụ việc"),
        hc(0, 2, 1, 2, "Kiến nghị thu hồi cho Nhà nước"),
        hc(1, 2, 1, 1, "Tiền (Trđ)"),
        hc(1, 3, 1, 1, "Đất (m2)"),
    ];
    FormTable {
        form: FormId::Gqkn03,
        code: "03/GQKN".into(),
        title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI".into(),
        data_line: "Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026".into(),
        attached_line: "(Kèm theo Báo cáo số: 25/BC-UBND)".into(),
        circular: "Thông tư 06/2025/TT-TTCP".into(),
        period: period("2026-09-15", "2026-12-14"),
        header_rows: 2,
        header,
        columns: vec![
            column(1, "Tổng số vụ việc", "1", None),
            column(2, "Tiền (Trđ)", "2", Some("Trđ")),
            column(3, "Đất (m2)", "3", Some("m2")),
        ],
        row: FormRow {
            label: "UBND phường Việt Hòa".into(),
            period: period("2026-09-15", "2026-12-14"),
            values: vec![2.0, 12.5, 1234.75],
        },
        comparisons: vec![],
        note_label: "4. Ghi chú:".into(),
        note: String::new(),
        checks: vec![],
        issues: vec![],
    }
}

fn save(bytes: &[u8], dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn text(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("({row},{col}) is {other:?}, not text"),
    }
}

/// A cell as the sheet shows it: its text, or a whole number written as a number.
fn shown(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::Float(v)) if v.fract() == 0.0 => format!("{}", *v as i64),
        Some(Data::Int(v)) => v.to_string(),
        _ => text(range, row, col),
    }
}

fn number(range: &calamine::Range<Data>, row: u32, col: u32) -> f64 {
    match range.get_value((row, col)) {
        Some(Data::Float(v)) => *v,
        Some(Data::Int(v)) => *v as f64,
        other => panic!("({row},{col}) is {other:?}, not a number"),
    }
}

fn merged(merges: &[Dimensions], start: (u32, u32), end: (u32, u32)) -> bool {
    merges.iter().any(|d| d.start == start && d.end == end)
}

#[test]
fn tables_read_back_as_the_form_prints_them() {
    let table = tcd01();
    let bytes = tables_xlsx(&[table.clone(), money_table()], &Progress::none()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = save(&bytes, dir.path(), "bieu.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), vec!["01-TCD", "03-GQKN"]);

    let ws = book.worksheet_range("01-TCD").unwrap();
    // The heading block.
    assert_eq!(text(&ws, 0, 0), "Biểu số: 01/TCD");
    assert_eq!(
        text(&ws, 1, 0),
        "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT"
    );
    assert_eq!(
        text(&ws, 2, 0),
        "Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026"
    );
    assert!(text(&ws, 3, 0).starts_with("(Kèm theo Báo cáo số: 25/BC-UBND"));

    // Every header label at its cell, and every multi-cell label merged over exactly
    // its rows and columns.
    let merges = book.merge_cells_by_sheet_name("01-TCD").unwrap();
    for h in &table.header {
        let (r, c) = (TOP + u32::from(h.row), u32::from(h.col));
        assert_eq!(text(&ws, r, c), h.label, "label at ({r},{c})");
        let end = (r + u32::from(h.rows) - 1, c + u32::from(h.cols) - 1);
        if (r, c) != end {
            assert!(
                merged(&merges, (r, c), end),
                "{} merged to {end:?}",
                h.label
            );
        }
    }
    // Spot checks written out, in case the loop above were wrong with the table.
    assert!(merged(&merges, (5, 0), (8, 0))); // Đơn vị, 4 rows
    assert!(merged(&merges, (5, 10), (5, 21))); // Tiếp định kỳ…, 12 columns
    assert!(merged(&merges, (6, 16), (6, 21))); // Ủy quyền tiếp
    assert!(merged(&merges, (7, 14), (7, 15))); // Trong đó đoàn đông người
    assert_eq!(text(&ws, 8, 15), "Số người được tiếp");
    assert!(merged(&merges, (1, 0), (1, 21))); // the title across the table

    // The MS row.
    let ms = TOP + 4;
    assert_eq!(text(&ws, ms, 0), "MS");
    assert_eq!(text(&ws, ms, 1), "1=5+11+17");
    assert_eq!(text(&ws, ms, 4), "4=8+14+20");
    assert_eq!(text(&ws, ms, 5), "5");
    assert_eq!(text(&ws, ms, 21), "21");

    // The unit's row: its name, then the figures as numbers equal to the input.
    let unit = ms + 1;
    assert_eq!(text(&ws, unit, 0), "UBND phường Việt Hòa");
    for (i, v) in table.row.values.iter().enumerate() {
        assert_eq!(number(&ws, unit, i as u32 + 1), *v, "column {}", i + 1);
    }

    // The note, merged across.
    let note = unit + 1;
    assert_eq!(
        text(&ws, note, 0),
        "22. Ghi chú: Không có đoàn đông người do Thủ trưởng tiếp."
    );
    assert!(merged(&merges, (note, 0), (note, 21)));
    assert_eq!(ws.end(), Some((note, 21)), "nothing past the note");

    // Money and land keep their decimals, as numbers.
    let ws = book.worksheet_range("03-GQKN").unwrap();
    assert_eq!(text(&ws, TOP + 2, 0), "MS");
    assert_eq!(number(&ws, TOP + 3, 1), 2.0);
    assert_eq!(number(&ws, TOP + 3, 2), 12.5);
    assert_eq!(number(&ws, TOP + 3, 3), 1234.75);
    assert_eq!(text(&ws, TOP + 4, 0), "4. Ghi chú:");

    // Page setup: A4 (9) landscape, one page wide, header and MS rows repeated,
    // Times New Roman; integers without decimals, others up to two.
    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"orientation="landscape""#), "{sheet}");
    assert!(sheet.contains(r#"paperSize="9""#));
    assert!(sheet.contains(r#"fitToPage="1""#));
    assert!(sheet.contains(r#"fitToHeight="0""#));
    let workbook = zip_part(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'01-TCD'!$6:$10</definedName>"#),
        "{workbook}"
    );
    assert!(workbook.contains(r#"localSheetId="1">'03-GQKN'!$6:$8</definedName>"#));
    let styles = zip_part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"<name val="Times New Roman"/>"#));
    assert!(
        !styles.contains("Calibri"),
        "no cell left in the default font"
    );
    assert!(styles.contains(r##"formatCode="#,##0""##));
    assert!(styles.contains(r##"formatCode="#,##0.0#""##));
}

#[test]
fn a_table_that_fails_a_stated_check_is_not_written() {
    let mut table = tcd01();
    table.checks.push(Check {
        rule: "(1) = (5) + (11) + (17)".into(),
        ok: false,
        message: "Cột (1) là 44, khác (5) + (11) + (17) = 45.".into(),
        blocking: true,
    });
    // A failed check that the circular does not state only warns.
    let mut soft = money_table();
    soft.checks.push(Check {
        rule: "(7) ≤ (4)".into(),
        ok: false,
        message: "không chặn".into(),
        blocking: false,
    });
    tables_xlsx(&[soft.clone()], &Progress::none()).unwrap();
    let err = tables_xlsx(&[soft.clone(), table], &Progress::none()).unwrap_err();
    match &err {
        Error::FormCheck(message) => {
            assert!(message.contains("Biểu 01/TCD"), "{message}");
            assert!(message.contains("khác (5) + (11) + (17) = 45"), "{message}");
            assert!(!message.contains("không chặn"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    // A record that could not be counted blocks too.
    soft.issues
        .push("Đơn 37/2026 nhiều nội dung chưa tách nội dung.".into());
    let err = tables_xlsx(&[soft], &Progress::none()).unwrap_err();
    assert!(err.to_string().contains("Đơn 37/2026"), "{err}");

    let mut nan = money_table();
    nan.row.values[1] = f64::NAN;
    let err = tables_xlsx(&[nan], &Progress::none()).unwrap_err();
    assert!(err.to_string().contains("cột 2"), "{err}");
}

#[test]
fn a_cell_longer_than_excel_holds_is_cut_and_says_so() {
    let mut book = two_part_book(0, 2);
    book.parts.remove(0);
    let long = "Nội dung rất dài. ".repeat(2_000); // 36,000 characters
    book.parts[0].rows[1][4] = long.clone();
    book.parts[0].rows[0][4] = "Ký tự điều khiển\u{1}ở giữa".into();
    let bytes = register_xlsx(&book, &Progress::none()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut wb: Xlsx<_> = open_workbook(save(&bytes, dir.path(), "so.xlsx")).unwrap();
    let ws = wb.worksheet_range("So TCD").unwrap();
    let cut = text(&ws, TOP + 4, 4);
    assert_eq!(cut.chars().count(), 32_767);
    assert!(cut.starts_with("Nội dung rất dài. Nội dung"));
    assert!(cut.ends_with("[đã cắt bớt: Excel chỉ chứa được 32.767 ký tự trong một ô]"));
    assert_eq!(text(&ws, TOP + 3, 4), "Ký tự điều khiển\u{1}ở giữa");
}

fn register_part(model: &str, from: &str, to: &str, visits: usize, first_date: u32) -> Register {
    let columns = [
        "STT",
        "Ngày tiếp",
        "Họ tên - Địa chỉ",
        "CCCD/Hộ chiếu của người đến",
        "Nội dung vụ việc",
        "Phân loại đơn/Số người",
        "Cơ quan đã giải quyết",
        "Thụ lý",
        "Trả lại đơn và hướng dẫn",
        "Chuyển đơn",
        "Theo dõi kết quả",
        "Ghi chú",
    ];
    let mut header: Vec<HeaderCell> = (0..7)
        .map(|c| hc(0, c, 2, 1, columns[usize::from(c)]))
        .collect();
    header.push(hc(0, 7, 1, 3, "Hướng xử lý"));
    for c in 7..10 {
        header.push(hc(1, c, 1, 1, columns[usize::from(c)]));
    }
    header.push(hc(0, 10, 2, 1, columns[10]));
    header.push(hc(0, 11, 2, 1, columns[11]));
    let rows = (0..visits)
        .map(|i| {
            vec![
                (i + 1).to_string(),
                format!("{:02}/{}", first_date as usize + i % 10, &from[5..7]),
                format!("Nguyễn Văn Đức {i} - tổ 3, phường Việt Hòa"),
                format!("001089{:06}", i),
                "Đề nghị cấp giấy chứng nhận quyền sử dụng đất; hộ liền kề lấn lối đi chung, đã kiến nghị nhiều lần".into(),
                "Kiến nghị, phản ánh/1".into(),
                String::new(),
                if i % 2 == 0 { "x".into() } else { String::new() },
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    Register {
        model: model.into(),
        title: "SỔ TIẾP CÔNG DÂN".into(),
        data_line: format!("Từ ngày {} đến ngày {}", dmy(from), dmy(to)),
        unit_name: "UBND phường Việt Hòa".into(),
        period: period(from, to),
        header_rows: 2,
        header,
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

fn dmy(iso: &str) -> String {
    format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4])
}

fn two_part_book(before: usize, after: usize) -> RegisterBook {
    RegisterBook {
        parts: vec![
            register_part(
                "Mẫu số 03 (Thông tư 04/2021/TT-TTCP)",
                "2026-06-15",
                "2026-06-30",
                before,
                15,
            ),
            register_part(
                "Mẫu số 03/TCD (Nghị định 154/2026/NĐ-CP)",
                "2026-07-01",
                "2026-09-14",
                after,
                1,
            ),
        ],
    }
}

#[test]
fn register_of_two_parts_reads_back() {
    let book = two_part_book(3, 5);
    let bytes = register_xlsx(&book, &Progress::none()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = save(&bytes, dir.path(), "so.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec!["So TCD tu 15-06-2026", "So TCD tu 01-07-2026"]
    );
    for (name, part) in wb.sheet_names().iter().zip(&book.parts) {
        let ws = wb.worksheet_range(name).unwrap();
        // The model line at the top right: the last cell of its merge is the last column.
        let row0: Vec<String> = (0..12).map(|c| text(&ws, 0, c)).collect();
        let at = row0.iter().position(|t| !t.is_empty()).unwrap();
        assert_eq!(row0[at], part.model);
        let merges = wb.merge_cells_by_sheet_name(name).unwrap();
        assert!(
            at > 4 && merged(&merges, (0, at as u32), (0, 11)),
            "model line at the right: {at}"
        );
        assert_eq!(text(&ws, 1, 0), "SỔ TIẾP CÔNG DÂN");
        assert_eq!(text(&ws, 2, 0), "UBND phường Việt Hòa");
        assert_eq!(text(&ws, 3, 0), part.data_line);
        // The header grid: "Hướng xử lý" over three columns, its children under it.
        assert_eq!(text(&ws, TOP, 7), "Hướng xử lý");
        assert!(merged(&merges, (TOP, 7), (TOP, 9)));
        assert!(merged(&merges, (TOP, 0), (TOP + 1, 0)));
        assert_eq!(text(&ws, TOP + 1, 9), "Chuyển đơn");
        assert_eq!(text(&ws, TOP, 11), "Ghi chú");
        // The row of column numbers, 1 to 12.
        for c in 0..12 {
            assert_eq!(number(&ws, TOP + 2, c), f64::from(c + 1));
        }
        // One row per visit, nothing after.
        let first = TOP + 3;
        assert_eq!(ws.end().unwrap().0, first + part.rows.len() as u32 - 1);
        for (i, row) in part.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                assert_eq!(&shown(&ws, first + i as u32, c as u32), cell);
                // Counts (the row's number, the people) are numbers, not text.
                if tiepdan::forms::register::COUNT_COLUMNS.contains(&part.columns[c].as_str())
                    && !cell.is_empty()
                {
                    assert_eq!(
                        number(&ws, first + i as u32, c as u32),
                        cell.parse::<f64>().unwrap()
                    );
                }
            }
        }
    }
    let ws = wb.worksheet_range("So TCD tu 01-07-2026").unwrap();
    // The row's number is a number (a spreadsheet sums and sorts it).
    assert_eq!(number(&ws, TOP + 3 + 4, 0), 5.0);
    assert_eq!(
        text(&ws, TOP + 3 + 4, 2),
        "Nguyễn Văn Đức 4 - tổ 3, phường Việt Hòa"
    );

    let workbook = zip_part(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"localSheetId="0">'So TCD tu 15-06-2026'!$6:$8<"#),
        "{workbook}"
    );
    assert!(workbook.contains(r#"localSheetId="1">'So TCD tu 01-07-2026'!$6:$8<"#));
    for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
        let xml = zip_part(&bytes, sheet);
        assert!(xml.contains(r#"orientation="landscape""#));
        assert!(xml.contains(r#"paperSize="9""#));
        assert!(xml.contains(r#"fitToPage="1""#));
        // Dates narrow, names and content wide.
        let width = |col: u32| -> f64 {
            let tag = format!(r#"<col min="{col}" max="{col}" width=""#);
            let at = xml
                .find(&tag)
                .unwrap_or_else(|| panic!("width of column {col}"))
                + tag.len();
            xml[at..].split('"').next().unwrap().parse().unwrap()
        };
        assert!(width(2) < 14.0, "date column {}", width(2));
        assert!(width(3) > 25.0, "name column {}", width(3));
        assert!(width(5) > 30.0, "content column {}", width(5));
        assert!(width(1) < width(2));
    }
}

#[test]
fn one_part_is_named_so_tcd() {
    let mut book = two_part_book(0, 2);
    book.parts.remove(0);
    let bytes = register_xlsx(&book, &Progress::none()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut wb: Xlsx<_> = open_workbook(save(&bytes, dir.path(), "so.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), vec!["So TCD"]);
    let ws = wb.worksheet_range("So TCD").unwrap();
    assert_eq!(number(&ws, TOP + 4, 0), 2.0);
}

#[test]
fn the_register_fits_a_landscape_page_at_a_readable_size() {
    // Long names and contents: the text columns give room and wrap, so that fitting the
    // page's width does not shrink the type to 6 points.
    let mut book = two_part_book(0, 40);
    book.parts.remove(0);
    for row in &mut book.parts[0].rows {
        row[6] = "Ủy ban nhân dân phường Việt Hòa, thành phố Hải Dương".into();
        row[9] = "Phòng Tài nguyên và Môi trường – văn bản số 123/UBND".into();
        row[10] = "Đơn số 63/2026: Đã hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền".into();
        row[11] = "Có Chủ tịch UBND cùng tiếp; đoàn đông người".into();
    }
    let bytes = register_xlsx(&book, &Progress::none()).unwrap();
    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    let attr = |c: &str, name: &str| -> f64 {
        let at = c.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        c[at..at + c[at..].find('"').unwrap()].parse().unwrap()
    };
    // <col min max width>: a run of columns of one width is one element.
    let widths: Vec<f64> = sheet
        .split("<col ")
        .skip(1)
        .flat_map(|c| {
            let c = format!(" {c}");
            let n = (attr(&c, "max") - attr(&c, "min")) as usize + 1;
            std::iter::repeat_n(attr(&c, "width"), n)
        })
        .collect();
    assert_eq!(widths.len(), 12);
    let total: f64 = widths.iter().sum();
    assert!(total <= 170.0, "{total}: {widths:?}");
    assert!(widths.iter().all(|w| *w >= 5.0), "{widths:?}");
}

#[test]
fn a_visit_of_two_persons_is_two_lines_high() {
    // Two persons in one visit: two short lines in the name and ID cells, nothing long.
    // Neither Excel nor LibreOffice measures rows on opening: the height must be written,
    // or the second line runs over the next visit.
    let mut book = two_part_book(0, 2);
    book.parts.remove(0);
    let rows = &mut book.parts[0].rows;
    for row in rows.iter_mut() {
        row[4] = "Hỏi về hộ nghèo".into();
    }
    rows[0][2] = "Lý Hồng Anh - tổ 2\nĐinh Minh Hải - tổ 5".into();
    rows[0][3] = "001167140336\n001168342874".into();
    let bytes = register_xlsx(&book, &Progress::none()).unwrap();
    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    let row_tag = |r: u32| {
        let at = sheet.find(&format!(r#"<row r="{r}""#)).unwrap();
        sheet[at..at + sheet[at..].find('>').unwrap()].to_string()
    };
    let first = row_tag(TOP + 4);
    assert!(first.contains(r#"customHeight="1""#), "{first}");
    let second = row_tag(TOP + 5);
    assert!(!second.contains("customHeight"), "{second}");
}

#[test]
fn register_reports_progress_and_stops_when_cancelled() {
    let book = two_part_book(700, 600);
    let seen = Mutex::new(Vec::new());
    let watch = |done: u64, total: u64| {
        seen.lock().unwrap().push((done, total));
        true
    };
    register_xlsx(&book, &Progress(&watch)).unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.iter().all(|(_, total)| *total == 1300));
    let done: Vec<u64> = seen.iter().map(|(d, _)| *d).collect();
    assert_eq!(done.first(), Some(&0));
    assert_eq!(done.last(), Some(&1300));
    assert!(done.windows(2).all(|w| w[0] <= w[1]), "{done:?}");
    // About every 500 rows, across the parts.
    assert!(
        done.contains(&500) && done.contains(&700) && done.contains(&1200),
        "{done:?}"
    );

    let calls = Mutex::new(0u64);
    let stop = |done: u64, _| {
        *calls.lock().unwrap() += 1;
        done < 500
    };
    let err = register_xlsx(&book, &Progress(&stop)).unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert_eq!(
        *calls.lock().unwrap(),
        2,
        "stopped at the first report past 500"
    );
}

#[test]
fn tables_print_one_page_each_in_libreoffice() {
    if !renderers() {
        return;
    }
    let bytes = tables_xlsx(&[tcd01(), money_table()], &Progress::none()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = save(&bytes, dir.path(), "bieu-01-tcd.xlsx");
    keep(&xlsx);
    let pdf = to_pdf(&xlsx, dir.path());
    let (pages, width, height) = pdf_pages(&pdf);
    assert_eq!(pages, 2, "each table fits one page");
    assert!(width > height, "landscape: {width}×{height}");
    assert!(
        (width - 841.9).abs() < 2.0 && (height - 595.3).abs() < 2.0,
        "A4"
    );
    let text = pdf_text(&pdf);
    for expected in [
        "01/TCD",
        "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
        "Tiếp định kỳ và đột xuất của Thủ trưởng",
        "1=5+11+17",
        "UBND phường Việt Hòa",
        "22. Ghi chú: Không có đoàn đông người do Thủ trưởng tiếp.",
        "12.5",
        "1,234.75",
    ] {
        assert!(pdf_has(&text, expected), "{expected:?} in the PDF:\n{text}");
    }
    keep(&pdf);
    keep(&first_page_png(&pdf));
}

#[test]
fn register_prints_its_header_on_every_page_in_libreoffice() {
    if !renderers() {
        return;
    }
    let book = two_part_book(0, 120);
    let mut book = book;
    book.parts.remove(0);
    let bytes = register_xlsx(&book, &Progress::none()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = save(&bytes, dir.path(), "so-tcd.xlsx");
    keep(&xlsx);
    let pdf = to_pdf(&xlsx, dir.path());
    let (pages, width, height) = pdf_pages(&pdf);
    assert!(pages > 2, "120 visits take several pages: {pages}");
    assert!(width > height, "landscape");
    let text = pdf_text(&pdf);
    // The header and the column numbers on every page; the page number in the footer.
    assert_eq!(text.matches("Hướng xử lý").count(), pages, "{text}");
    assert!(pdf_has(&text, &format!("Trang {pages}/{pages}")), "{text}");
    assert!(pdf_has(&text, "Nguyễn Văn Đức 119 - tổ 3"));
    keep(&pdf);
    keep(&first_page_png(&pdf));
}

/// The row of column codes is as tall as its longest code needs: 02/XLD's column 12
/// ("12=13+14=15+16+17+18", no space to break at) wraps in its narrow column, and a row of
/// one line cut its second line in print.
#[test]
fn the_row_of_column_codes_is_as_tall_as_its_longest_code() {
    let store = tiepdan::Store::open_in_memory(Box::new(tiepdan::clock::FixedClock(
        chrono::NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
    )))
    .unwrap();
    let q4 = tiepdan::period::Period::parse("2026-09-15", "2026-12-14").unwrap();
    let tables = tiepdan::forms::statutory_tables(&store, q4).unwrap();
    let xld = tables
        .iter()
        .find(|t| t.code == "02/XLD")
        .expect("02/XLD")
        .clone();
    assert!(
        xld.columns.iter().any(|c| c.ms.len() > 15),
        "{:?}",
        xld.columns
    );
    let bytes = tables_xlsx(&[xld], &Progress::none()).unwrap();
    let workbook = zip_part(&bytes, "xl/workbook.xml");
    // The print titles end on the row of codes.
    let titles = workbook
        .split("'02-XLD'!$")
        .nth(1)
        .expect(&workbook)
        .split('<')
        .next()
        .unwrap();
    let ms_row: u32 = titles.rsplit('$').next().unwrap().parse().unwrap();
    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    let row = sheet
        .split("<row ")
        .find(|r| r.starts_with(&format!("r=\"{ms_row}\"")))
        .expect(&sheet);
    let height: f64 = row
        .split("ht=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .expect(row)
        .parse()
        .unwrap();
    assert!(height >= 2.0 * 16.0, "row {ms_row} is {height} pt: {row}");
}
