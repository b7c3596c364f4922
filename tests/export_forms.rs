//! The office's files end to end: records built by hand, exported as the CLI and the app
//! export them, read back (calamine; LibreOffice for the docx) and compared with the
//! figures worked out by hand.

mod common;
mod export_support;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use export_support::*;
use tiepdan::domain::*;
use tiepdan::export::job::{self, export_to};
use tiepdan::export::Progress;
use tiepdan::forms::FormId;
use tiepdan::period::Period;
use tiepdan::Store;

/// A register of Quý IV 2026 built by hand: the officers receive a delegation of 6 and a
/// citizen with a complaint; the chairman receives two on his scheduled day; a proposal
/// comes by post and is transferred.
fn ward() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut store = Store::open_with_clock(
        &path,
        Box::new(tiepdan::clock::FixedClock(date("2026-12-15"))),
    )
    .unwrap();
    let mut settings = store.settings().unwrap();
    settings.unit_name = "phường Việt Hòa".into();
    settings.report.signer_name = "Nguyễn Văn Hùng".into();
    store.save_settings(&settings).unwrap();
    let desk = session(&mut store, "2026-10-05", HostGroup::Officer);
    visit(&mut store, &desk, 1, 6, None);
    visit(&mut store, &desk, 1, 1, Some(PetitionKind::Complaint));
    let chair = session(&mut store, "2026-10-08", HostGroup::Chairman);
    visit(&mut store, &chair, 1, 2, Some(PetitionKind::Proposal));
    visit(&mut store, &chair, 1, 1, None);
    let p = direct_petition(&mut store, "2026-11-03", PetitionKind::Proposal);
    classify(
        &mut store,
        &p,
        PetitionKind::Proposal,
        true,
        Competence::Outside,
        "2026-11-04",
    );
    move_petition(&mut store, &p, MoveAction::Transfer, "2026-11-05", |m| {
        m.agency = Some("Phòng Kinh tế".into())
    })
    .unwrap();
    (dir, store)
}

fn q4() -> Period {
    Period::parse("2026-09-15", "2026-12-14").unwrap()
}

/// The unit's row of a table sheet: the row whose first cell names the unit.
fn unit_row(range: &calamine::Range<Data>) -> Vec<Data> {
    range
        .rows()
        .find(|r| matches!(r.first(), Some(Data::String(s)) if s == "UBND phường Việt Hòa"))
        .expect("the unit's row")
        .to_vec()
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("a number, found {other:?}"),
    }
}

#[test]
fn table_01_tcd_and_02_xld_files_hold_the_figures_worked_out_by_hand() {
    let (dir, mut store) = ward();
    let out = dir.path().join("bieu.xlsx");
    export_to(
        &mut store,
        FormId::AllTables,
        q4(),
        &out,
        false,
        None,
        false,
        &Progress::none(),
    )
    .unwrap();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "01-TCD",
            "02-XLD",
            "03-GQKN",
            "04-GQTC",
            "05-KQTH",
            "06-QLKNTC"
        ]
    );
    let tcd = unit_row(&book.worksheet_range("01-TCD").unwrap());
    let v: Vec<f64> = tcd[1..=21].iter().map(num).collect();
    // Officers: 2 visits, 7 people, 2 cases, a delegation of 6. Chairman: 1 day, 2 visits,
    // 3 people, 2 cases. Totals: 4 visits, 10 people, 4 cases, 1 delegation.
    assert_eq!(&v[0..4], &[4.0, 10.0, 4.0, 1.0]);
    assert_eq!(&v[4..9], &[2.0, 7.0, 2.0, 1.0, 6.0]);
    assert_eq!(&v[9..15], &[1.0, 2.0, 3.0, 2.0, 0.0, 0.0]);
    let xld = unit_row(&book.worksheet_range("02-XLD").unwrap());
    let x: Vec<f64> = xld[1..=25].iter().map(num).collect();
    // 3 petitions received: the complaint and the proposal handed in (not yet reviewed),
    // and the transferred proposal (processed, eligible, outside competence).
    assert_eq!(&x[0..5], &[3.0, 1.0, 1.0, 0.0, 0.0]);
    assert_eq!(&x[22..25], &[1.0, 0.0, 1.0]);

    // The tables sent with a report say its number ("--report-no"; "Số báo cáo" in the
    // window), every sheet; without one, room is left for it.
    let attached = |book: &mut Xlsx<_>, sheet: &str| -> String {
        let range = book.worksheet_range(sheet).unwrap();
        range
            .cells()
            .filter_map(|(_, _, c)| match c {
                Data::String(s) if s.starts_with("(Kèm theo") => Some(s.clone()),
                _ => None,
            })
            .next()
            .expect("a \"Kèm theo\" line")
    };
    assert!(attached(&mut book, "01-TCD").starts_with("(Kèm theo Báo cáo số: …,"));
    let numbered = dir.path().join("bieu-125.xlsx");
    export_to(
        &mut store,
        FormId::AllTables,
        q4(),
        &numbered,
        false,
        Some("125"),
        false,
        &Progress::none(),
    )
    .unwrap();
    let mut book: Xlsx<_> = open_workbook(&numbered).unwrap();
    for sheet in ["01-TCD", "06-QLKNTC"] {
        assert_eq!(
            attached(&mut book, sheet),
            "(Kèm theo Báo cáo số: 125/BC-UBND, ngày … tháng … năm … của UBND phường Việt Hòa)"
        );
    }

    // Exports never overwrite: the CLI refuses without --force, the app picks a new name.
    let e = export_to(
        &mut store,
        FormId::Tcd01,
        q4(),
        &out,
        false,
        None,
        false,
        &Progress::none(),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("file"));
    std::fs::write(dir.path().join(job::file_name(FormId::Tcd01, q4())), b"old").unwrap();
    let free = job::free_path(dir.path(), &job::file_name(FormId::Tcd01, q4()));
    assert!(free
        .display()
        .to_string()
        .ends_with("Bieu-01-TCD_15-09-2026_14-12-2026 (2).xlsx"));
    // Nor onto the register itself.
    let e = export_to(
        &mut store,
        FormId::So,
        q4(),
        &dir.path().join("so.sqlite3"),
        true,
        None,
        false,
        &Progress::none(),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("file"));
    // A period not begun yet (today is 15/12/2026) has nothing to file: every form is
    // refused, naming the period and its first day, and no file is written.
    let next = Period::parse("2026-12-16", "2027-03-14").unwrap();
    for form in [FormId::Report, FormId::AllTables, FormId::Tcd01, FormId::So] {
        let target = dir
            .path()
            .join(format!("sau-{}.{}", form.code(), job::extension(form)));
        let e = export_to(
            &mut store,
            form,
            next,
            &target,
            false,
            None,
            false,
            &Progress::none(),
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("period"), "{form:?}: {e}");
        assert_eq!(
            e.to_string(),
            "Kỳ 16/12/2026 – 14/03/2027 chưa bắt đầu (từ ngày 16/12/2026; hôm nay 15/12/2026): chưa có số liệu để xuất tệp.",
        );
        assert!(!target.exists());
    }
    // A period that begins today is under way: it may be filed.
    let today = Period::parse("2026-12-15", "2026-12-31").unwrap();
    let target = dir.path().join("hom-nay.xlsx");
    export_to(
        &mut store,
        FormId::So,
        today,
        &target,
        false,
        None,
        false,
        &Progress::none(),
    )
    .unwrap();
    assert!(target.exists());
}

#[test]
fn the_register_file_lists_every_visit_in_its_form() {
    let (dir, mut store) = ward();
    let out = dir.path().join("so.xlsx");
    export_to(
        &mut store,
        FormId::So,
        q4(),
        &out,
        false,
        None,
        false,
        &Progress::none(),
    )
    .unwrap();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = book.worksheet_range(&book.sheet_names()[0]).unwrap();
    let visits: Vec<Vec<String>> = sheet
        .rows()
        .filter(|r| matches!(r.get(1), Some(Data::String(s)) if s.ends_with("/2026")))
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(visits.len(), 4, "{visits:?}");
    assert_eq!(visits[0][1], "05/10/2026");
    assert_eq!(
        visits[0][6], "6",
        "Mẫu 03/TCD column 7: số công dân cùng nội dung"
    );
    assert_eq!(visits[1][5], "KN");
    // The counts are numbers a spreadsheet sums: the row's number and the people.
    let first = sheet
        .rows()
        .find(|r| matches!(r.get(1), Some(Data::String(s)) if s == "05/10/2026"))
        .unwrap();
    assert_eq!(first[0], Data::Float(1.0));
    assert_eq!(first[6], Data::Float(6.0));
    assert!(
        visits[2][11].starts_with("Đơn số 2/2026"),
        "{:?}",
        visits[2]
    );
    // A cancelled export writes nothing.
    let cancelled = dir.path().join("cancelled.xlsx");
    let e = export_to(
        &mut store,
        FormId::So,
        q4(),
        &cancelled,
        false,
        None,
        false,
        &Progress(&|_, _| false),
    )
    .unwrap_err();
    assert_eq!(e.code(), "cancelled");
    assert!(!cancelled.exists());
}

#[test]
fn the_report_opens_in_libreoffice_with_its_heading_sentences_and_figures() {
    let (dir, mut store) = ward();
    // Quý IV sends the tables only (TT 06/2025, Điều 4 k2): its report is the year's,
    // which holds the same records here.
    let quarter = export_to(
        &mut store,
        FormId::Report,
        q4(),
        &dir.path().join("q4.docx"),
        false,
        None,
        false,
        &Progress::none(),
    )
    .unwrap_err();
    assert_eq!(quarter.field(), Some("period"));
    assert!(!dir.path().join("q4.docx").exists());
    let year = Period::parse("2025-12-15", "2026-12-14").unwrap();
    let out = dir.path().join("bao-cao.docx");
    export_to(
        &mut store,
        FormId::Report,
        year,
        &out,
        false,
        Some("25"),
        false,
        &Progress::none(),
    )
    .unwrap();
    let xml = zip_part(&std::fs::read(&out).unwrap(), "word/document.xml");
    assert!(xml.contains("Số: 25/BC-UBND"));
    if !renderers() {
        return;
    }
    let pdf = to_pdf(&out, dir.path());
    let text = pdf_text(&pdf);
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHƯỜNG VIỆT HÒA",
        "Số: 25/BC-UBND",
        "Việt Hòa, ngày 15 tháng 12 năm 2026",
        "BÁO CÁO",
        "năm 2026",
        "Tổng cộng đã tiếp 4 lượt, 10 người, 4 vụ việc, 1 đoàn đông người (6 người).",
        "Nguyễn Văn Hùng",
    ] {
        assert!(pdf_has(&text, expected), "{expected:?} not in:\n{text}");
    }
    keep(&first_page_png(&pdf));
}
