//! The Mẫu 02 report as a document: the heading, the date line as Nghị định 30/2020 writes
//! it, and figures that are the tables' own.

mod common;

use common::*;
use tiepdan::domain::*;
use tiepdan::forms::{self, FormId};
use tiepdan::period::Period;
use tiepdan::report::document::{date_words, period_title};
use tiepdan::report::mau02::report_document;

/// The paragraphs of the report's part headed `heading`.
fn paragraphs_of(doc: &tiepdan::report::document::ReportDocument, heading: &str) -> Vec<String> {
    doc.sections
        .iter()
        .find(|s| s.heading == heading)
        .unwrap_or_else(|| panic!("{heading}: {doc:#?}"))
        .paragraphs
        .clone()
}

#[test]
fn dates_and_titles_as_an_administrative_text_writes_them() {
    assert_eq!(date_words(date("2026-02-05")), "ngày 05 tháng 02 năm 2026");
    assert_eq!(date_words(date("2026-12-15")), "ngày 15 tháng 12 năm 2026");
    assert_eq!(date_words(date("2026-03-09")), "ngày 09 tháng 3 năm 2026");
    let p = |f, t| Period::parse(f, t).unwrap();
    assert_eq!(
        period_title(p("2026-09-15", "2026-12-14")),
        "Quý IV năm 2026"
    );
    assert_eq!(
        period_title(p("2025-12-15", "2026-03-14")),
        "Quý I năm 2026"
    );
    assert_eq!(
        period_title(p("2025-12-15", "2026-06-14")),
        "6 tháng đầu năm 2026"
    );
    assert_eq!(
        period_title(p("2025-12-15", "2026-09-14")),
        "9 tháng năm 2026"
    );
    assert_eq!(period_title(p("2025-12-15", "2026-12-14")), "năm 2026");
    assert_eq!(
        period_title(p("2026-10-01", "2026-10-31")),
        "từ ngày 01/10/2026 đến ngày 31/10/2026"
    );
}

#[test]
fn the_report_quotes_the_tables_figures() {
    let mut store = store_on("2026-12-15");
    let mut settings = store.settings().unwrap();
    settings.report.signer_name = "Nguyễn Văn Hùng".into();
    store.save_settings(&settings).unwrap();
    // The register begins in Quý III: Quý IV 2025 (the same period a year before) has no
    // figures on it, which the report writes "–", not 0.
    let before = session(&mut store, "2026-08-10", HostGroup::Officer);
    visit(&mut store, &before, 1, 2, None);
    let s = session(&mut store, "2026-10-05", HostGroup::Officer);
    visit(&mut store, &s, 1, 6, Some(PetitionKind::Proposal));
    visit(&mut store, &s, 1, 1, None);
    direct_petition(&mut store, "2026-10-07", PetitionKind::Proposal);
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let doc = report_document(&store, q4, date("2026-12-15"), Some("25")).unwrap();
    assert_eq!(doc.agency_lines, vec!["ỦY BAN NHÂN DÂN", "PHƯỜNG VIỆT HÒA"]);
    assert_eq!(doc.number_line, "Số: 25/BC-UBND");
    assert_eq!(doc.place_date_line, "Việt Hòa, ngày 15 tháng 12 năm 2026");
    assert_eq!(
        doc.title,
        "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo Quý IV năm 2026"
    );
    assert_eq!(doc.signer_lines, vec!["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    assert_eq!(doc.signer_name, "Nguyễn Văn Hùng");
    assert_eq!(doc.recipients[0], "Nơi nhận:");
    assert!(doc.recipients.iter().any(|r| r == "- Lưu: VT."));
    let text: Vec<&str> = doc
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(String::as_str))
        .collect();
    assert!(
        text.contains(
            &"Tổng cộng đã tiếp 2 lượt, 7 người, 2 vụ việc, 1 đoàn đông người (6 người)."
        ),
        "{text:#?}"
    );
    // The handling part opens with what was received, said whole (not the reception
    // part's "Ngoài ra, …", which reads as a fragment there), then column 1 with its parts.
    let handling = doc
        .sections
        .iter()
        .find(|s| s.heading == "2. Tiếp nhận, phân loại và xử lý đơn")
        .expect("the handling part");
    assert_eq!(
        handling.paragraphs[..2],
        [
            "Trong kỳ tiếp nhận 2 đơn: 1 đơn qua tiếp công dân, 1 đơn gửi qua bưu chính, trực tuyến hoặc do cơ quan khác chuyển đến.",
            "Tổng số đơn phải xử lý: 2 đơn, gồm 2 đơn tiếp nhận trong kỳ và không có đơn kỳ trước chuyển sang; chưa có đơn nào được xử lý.",
        ],
        "{handling:#?}"
    );
    assert!(!text.iter().any(|p| p.starts_with("Ngoài ra")), "{text:#?}");
    // The figures table equals 01/TCD and 02/XLD.
    let tables = forms::statutory_tables(&store, q4).unwrap();
    let t = |f: FormId, c: u16| {
        forms::format_value(tables.iter().find(|t| t.form == f).unwrap().value(c))
    };
    let tcd = tables.iter().find(|t| t.form == FormId::Tcd01).unwrap();
    assert_eq!(tcd.comparisons[0].values[0], 1.0);
    assert_eq!(
        tcd.comparisons[1].label,
        "Cùng kỳ năm trước (15/09/2025 – 14/12/2025; chưa có số liệu trên sổ)"
    );
    assert!(tcd.comparisons[1].values.is_empty());
    let figures = &doc.tables[0];
    assert_eq!(
        figures.rows[0],
        vec!["Số lượt tiếp công dân", &t(FormId::Tcd01, 1), "1", "–"]
    );
    assert_eq!(figures.rows[1][1], t(FormId::Tcd01, 2));
    assert_eq!(figures.rows[1][1], "7");
    assert_eq!(figures.rows[3][1], "1");
    assert_eq!(figures.rows[4][1], t(FormId::Xld02, 1));
    assert_eq!(figures.rows[4][1], "2");
    // Without a number, room is left to write it in.
    let unnumbered = report_document(&store, q4, date("2026-12-15"), None).unwrap();
    assert_eq!(unnumbered.number_line, "Số:        /BC-UBND");
    // The number typed whole, as the office writes it, keeps its symbol once.
    let whole = report_document(&store, q4, date("2026-12-15"), Some(" 25/BC-UBND ")).unwrap();
    assert_eq!(whole.number_line, "Số: 25/BC-UBND");
}

/// Mẫu số 02 II.2 splits each kind by field (02/XLD columns 9–11, 15–18, 20–22), parts with
/// nothing left out; a kind, a decision or a document with none is said in words, never as
/// a row of zeros.
#[test]
fn the_report_splits_petitions_by_field_and_says_none_in_words() {
    use PetitionKind::*;
    let mut store = store_on("2026-12-15");
    // Quý IV 2026: two complaints within competence (land, policy), one proposal (policy).
    for (day, kind, field) in [
        ("2026-10-05", Complaint, "dat_dai"),
        ("2026-10-06", Complaint, "chinh_sach"),
        ("2026-10-07", Proposal, "chinh_sach"),
    ] {
        let mut input = direct_input(day, kind);
        input.field_code = Some(field.into());
        let id = store.create_petition(&input).unwrap().id;
        classify(&mut store, &id, kind, true, Competence::Within, day);
    }
    // The land complaint sent again while it is open: filed as a duplicate, not counted,
    // and said in the handling part (it is about the petitions, not the reception).
    let first = store
        .petitions_as_of(date("2026-10-08"))
        .unwrap()
        .into_iter()
        .find(|p| p.received_on == "2026-10-05")
        .unwrap()
        .id;
    let mut again = direct_input("2026-10-08", Complaint);
    again.duplicate_of = Some(first);
    store.create_petition(&again).unwrap();
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let doc = report_document(&store, q4, date("2026-12-15"), None).unwrap();
    let part = |heading: &str| paragraphs_of(&doc, heading);
    assert!(
        !part("1. Công tác tiếp công dân")
            .iter()
            .any(|p| p.contains("đơn trùng")),
        "{doc:#?}"
    );
    let handling = part("2. Tiếp nhận, phân loại và xử lý đơn");
    assert_eq!(
        handling,
        [
            "Trong kỳ tiếp nhận 3 đơn: 3 đơn gửi qua bưu chính, trực tuyến hoặc do cơ quan khác chuyển đến.",
            "Trong kỳ có 1 đơn trùng (gửi lại đơn đang xử lý) được lưu, không tính vào số đơn tiếp nhận.",
            "Tổng số đơn phải xử lý: 3 đơn, gồm 3 đơn tiếp nhận trong kỳ và không có đơn kỳ trước chuyển sang; đã xử lý 3 đơn, trong đó 3 đơn đủ điều kiện xử lý, 3 đơn thuộc thẩm quyền (3 vụ việc).",
            "Đơn thuộc thẩm quyền: khiếu nại 2 đơn (lần đầu 2; lĩnh vực đất đai 1; chế độ, chính sách 1); không có đơn tố cáo; kiến nghị, phản ánh 1 đơn (lĩnh vực chế độ, chính sách 1).",
            "Không có đơn không thuộc thẩm quyền.",
        ]
    );
    assert_eq!(
        part("3. Kết quả giải quyết khiếu nại, tố cáo thuộc thẩm quyền"),
        [
            "a) Khiếu nại thuộc thẩm quyền: 2 đơn, 2 vụ việc (đang xem xét điều kiện thụ lý 2); chưa ban hành quyết định giải quyết khiếu nại nào.",
            "b) Không có đơn tố cáo thuộc thẩm quyền; chưa ban hành kết luận nội dung tố cáo nào.",
        ]
    );
    assert_eq!(
        part("4. Kết quả thi hành quyết định giải quyết khiếu nại, thực hiện kết luận nội dung tố cáo"),
        ["Không có quyết định giải quyết khiếu nại phải thi hành; không có kết luận nội dung tố cáo phải thực hiện."]
    );
    assert_eq!(
        part("6. Công tác quản lý nhà nước về tiếp công dân, giải quyết khiếu nại, tố cáo"),
        ["Không ban hành, sửa đổi, bổ sung hay hủy bỏ văn bản nào về công tác tiếp công dân, giải quyết khiếu nại, tố cáo; không tổ chức lớp tập huấn, tuyên truyền nào."]
    );
}

/// The decisions and conclusions of the period are split by round, each round named once
/// ("lần đầu: khiếu nại đúng 1; khiếu nại sai 1"), not before every part; and Part I says
/// none in words ("Không có đơn tố cáo …"), never "0 đơn".
#[test]
fn the_report_names_each_round_once_and_says_none_in_words() {
    use PetitionKind::*;
    let mut store = store_on("2026-12-15");
    let resolved = |store: &mut tiepdan::Store, day: &str, kind: PetitionKind, outcome: Outcome| {
        let id = store.create_petition(&direct_input(day, kind)).unwrap().id;
        classify(store, &id, kind, true, Competence::Within, day);
        move_petition(store, &id, MoveAction::Accept, day, |_| {}).unwrap();
        move_petition(store, &id, MoveAction::Resolve, "2026-11-20", |m| {
            m.outcome = Some(outcome);
            m.doc_no = Some("12/QĐ-UBND".into());
        })
        .unwrap();
    };
    resolved(&mut store, "2026-10-05", Complaint, Outcome::Right);
    resolved(&mut store, "2026-10-06", Complaint, Outcome::Wrong);
    resolved(&mut store, "2026-10-07", Complaint, Outcome::Wrong);
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let doc = report_document(&store, q4, date("2026-12-15"), None).unwrap();
    let part = |heading: &str| paragraphs_of(&doc, heading);
    assert_eq!(
        part("3. Kết quả giải quyết khiếu nại, tố cáo thuộc thẩm quyền")[0],
        "a) Khiếu nại thuộc thẩm quyền: 3 đơn, 3 vụ việc (đã thụ lý giải quyết 3); đã ban hành 3 quyết định giải quyết (lần đầu: khiếu nại đúng 1; khiếu nại sai 2)."
    );
    let situation = part("I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO");
    assert_eq!(
        situation[..2],
        [
            "a) Số đơn khiếu nại thuộc thẩm quyền, đủ điều kiện xử lý: 3 đơn.",
            "b) Không có đơn tố cáo thuộc thẩm quyền, đủ điều kiện xử lý.",
        ],
        "{situation:#?}"
    );
}

/// Mẫu số 02 asks for what resolutions led to (II.3: "Kiến nghị thu hồi cho Nhà nước, trả
/// lại cho tổ chức, cá nhân, kiến nghị xử lý hành chính, chuyển cơ quan điều tra"), what
/// enforcement recovered and who was disciplined or prosecuted (II.4), and the
/// responsibility inspections (II.6 c): figures the report writer types in 03/GQKN,
/// 04/GQTC, 05/KQTH and 06/QLKNTC, each said with its unit; none said when none is typed.
#[test]
fn the_report_says_the_typed_results_of_resolution_enforcement_and_inspection() {
    use tiepdan::desk::reporting::ManualFigure;
    use PetitionKind::*;
    let mut store = store_on("2026-12-15");
    for (day, outcome) in [
        ("2026-10-05", Outcome::Right),
        ("2026-10-06", Outcome::Wrong),
        ("2026-10-07", Outcome::Wrong),
    ] {
        let id = store
            .create_petition(&direct_input(day, Complaint))
            .unwrap()
            .id;
        classify(&mut store, &id, Complaint, true, Competence::Within, day);
        move_petition(&mut store, &id, MoveAction::Accept, day, |_| {}).unwrap();
        move_petition(&mut store, &id, MoveAction::Resolve, "2026-11-20", |m| {
            m.outcome = Some(outcome);
            m.doc_no = Some("12/QĐ-UBND".into());
        })
        .unwrap();
    }
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let section = |store: &tiepdan::Store, heading: &str| {
        paragraphs_of(
            &report_document(store, q4, date("2026-12-15"), None).unwrap(),
            heading,
        )
    };
    let three = "3. Kết quả giải quyết khiếu nại, tố cáo thuộc thẩm quyền";
    let four =
        "4. Kết quả thi hành quyết định giải quyết khiếu nại, thực hiện kết luận nội dung tố cáo";
    let six = "6. Công tác quản lý nhà nước về tiếp công dân, giải quyết khiếu nại, tố cáo";
    // Nothing typed: nothing said beyond the counts.
    let untyped = (
        section(&store, three),
        section(&store, four),
        section(&store, six),
    );
    assert!(
        !untyped.0[0].contains("Kết quả giải quyết:"),
        "{untyped:#?}"
    );
    assert_eq!(untyped.1.len(), 1, "{untyped:#?}");
    assert_eq!(untyped.2.len(), 1, "{untyped:#?}");
    let typed = |store: &mut tiepdan::Store, form: FormId, values: &[(u16, f64)]| {
        let figures: Vec<ManualFigure> = values
            .iter()
            .map(|(column, value)| ManualFigure {
                column: *column,
                label: String::new(),
                unit: None,
                value: Some(*value),
            })
            .collect();
        store.save_manual_figures(form, q4, &figures).unwrap();
    };
    typed(
        &mut store,
        FormId::Gqkn03,
        &[
            (13, 150.5),
            (14, 200.0),
            (17, 1.0),
            (18, 2.0),
            (19, 3.0),
            (20, 1.0),
            (21, 1.0),
            (22, 2.0),
        ],
    );
    typed(
        &mut store,
        FormId::Gqtc04,
        &[
            (14, 75.0),
            (20, 1.0),
            (21, 2.0),
            (22, 1.0),
            (23, 1.0),
            (24, 1.0),
        ],
    );
    typed(
        &mut store,
        FormId::Kqth05,
        &[
            (3, 100.0),
            (5, 50.0),
            (11, 1.0),
            (13, 1.0),
            (14, 2.0),
            (15, 1.0),
            (18, 30.0),
            (27, 1.0),
        ],
    );
    typed(
        &mut store,
        FormId::Qlkntc06,
        &[(6, 1.0), (7, 2.0), (8, 1.0), (10, 1.0)],
    );
    assert_eq!(
        section(&store, three),
        [
            "a) Khiếu nại thuộc thẩm quyền: 3 đơn, 3 vụ việc (đã thụ lý giải quyết 3); đã ban hành 3 quyết định giải quyết (lần đầu: khiếu nại đúng 1; khiếu nại sai 2). Kết quả giải quyết: kiến nghị thu hồi cho Nhà nước 150,5 triệu đồng và 200 m² đất; 1 tổ chức, 2 cá nhân được trả lại quyền lợi; kiến nghị xử lý hành chính 3 người (trong đó 1 cán bộ, công chức, viên chức); chuyển cơ quan điều tra 1 vụ, 2 người.",
            "b) Không có đơn tố cáo thuộc thẩm quyền; chưa ban hành kết luận nội dung tố cáo nào. Kết quả giải quyết: kiến nghị thu hồi cho Nhà nước 75 triệu đồng; kiến nghị xử lý hành chính 1 tổ chức, 2 cá nhân (trong đó 1 cán bộ, công chức); chuyển cơ quan điều tra 1 vụ, 1 đối tượng.",
        ]
    );
    assert_eq!(
        section(&store, four),
        [
            "Quyết định giải quyết khiếu nại phải thi hành 3, chưa thi hành xong quyết định giải quyết khiếu nại nào; không có kết luận nội dung tố cáo phải thực hiện.",
            "Thi hành quyết định giải quyết khiếu nại: thu hồi cho Nhà nước phải thu 100 triệu đồng, đã thu 50 triệu đồng; đã xử lý hành chính 1 người; đã khởi tố 1 vụ, 2 người (trong đó 1 cán bộ, công chức, viên chức).",
            "Thực hiện kết luận nội dung tố cáo: thu hồi cho Nhà nước phải thu 30 triệu đồng; đã xử lý hành chính 1 cá nhân.",
        ]
    );
    assert_eq!(
        section(&store, six),
        [
            "Không ban hành, sửa đổi, bổ sung hay hủy bỏ văn bản nào về công tác tiếp công dân, giải quyết khiếu nại, tố cáo; không tổ chức lớp tập huấn, tuyên truyền nào.",
            "Thanh tra trách nhiệm việc thực hiện pháp luật về tiếp công dân, giải quyết khiếu nại, tố cáo: 1 cuộc thanh tra, 2 đơn vị được thanh tra, 1 cuộc đã ban hành kết luận; kiến nghị xử lý hành chính 1 cá nhân.",
        ]
    );
}

/// A period under way is set beside as many first days of the previous period and of the
/// same period a year before, in the sentence, the six tables' rows and the document's
/// figures alike (before, the sentence used the first days and the tables the whole
/// periods: one document, two different "kỳ trước").
#[test]
fn a_period_under_way_is_set_beside_the_same_first_days_everywhere() {
    // Today Thu 15/10/2026, in Quý IV (15/09 – 14/12/2026): 31 days gone.
    let mut store = store_on("2026-10-15");
    // Quý III: a visit in its first 31 days (15/06 – 15/07) and one after.
    let early = session(&mut store, "2026-07-01", HostGroup::Officer);
    visit(&mut store, &early, 1, 1, None);
    let late = session(&mut store, "2026-08-20", HostGroup::Officer);
    visit(&mut store, &late, 1, 1, None);
    visit(&mut store, &late, 1, 1, None);
    // Quý IV 2025 (the year before): one visit in its first 31 days, one after.
    let year_early = session(&mut store, "2025-09-20", HostGroup::Officer);
    visit(&mut store, &year_early, 1, 1, None);
    let year_late = session(&mut store, "2025-11-20", HostGroup::Officer);
    visit(&mut store, &year_late, 1, 1, None);
    // This quarter so far: three visits.
    let now = session(&mut store, "2026-10-01", HostGroup::Officer);
    for _ in 0..3 {
        visit(&mut store, &now, 1, 1, None);
    }
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let tables = forms::statutory_tables(&store, q4).unwrap();
    let tcd = tables.iter().find(|t| t.form == FormId::Tcd01).unwrap();
    assert_eq!(tcd.value(1), 3.0);
    assert_eq!(
        tcd.comparisons[0].label,
        "Kỳ trước, cùng 31 ngày đầu (15/06/2026 – 15/07/2026)"
    );
    assert_eq!(tcd.comparisons[0].values[0], 1.0);
    assert_eq!(
        tcd.comparisons[1].label,
        "Cùng kỳ năm trước, cùng 31 ngày đầu (15/09/2025 – 15/10/2025)"
    );
    assert_eq!(tcd.comparisons[1].values[0], 1.0);

    let doc = report_document(&store, q4, date("2026-10-15"), None).unwrap();
    let figures = &doc.tables[0];
    assert_eq!(
        figures.header[2..],
        [
            "Kỳ trước (đến 15/07/2026)",
            "Cùng kỳ năm trước (đến 15/10/2025)"
        ]
    );
    assert_eq!(figures.rows[0][1..], ["3", "1", "1"]);
    let text: Vec<String> = doc
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.clone())
        .collect();
    assert!(
        text.iter().any(|p| p.contains(
            "So với cùng 31 ngày đầu của kỳ trước (15/06/2026 – 15/07/2026): số lượt tiếp tăng 2 (từ 1 lên 3)"
        )),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains("(cùng kỳ năm trước, đến ngày 15/10/2025: không có)")),
        "{text:#?}"
    );
    // Once the period is over, the whole periods.
    let mut over = store_on("2026-12-15");
    let s = session(&mut over, "2026-10-01", HostGroup::Officer);
    visit(&mut over, &s, 1, 1, None);
    let tables = forms::statutory_tables(&over, q4).unwrap();
    assert!(tables[0].comparisons[0]
        .label
        .starts_with("Kỳ trước (15/06/2026"));
}

/// A row is said to be cut only when the cut made it shorter (March on the 30th beside
/// all of February); nine months are set beside the same nine months a year before, and
/// the sentence says so.
#[test]
fn a_comparison_says_what_it_is_set_beside() {
    let mut store = store_on("2026-03-30");
    let s = session(&mut store, "2025-03-10", HostGroup::Officer);
    visit(&mut store, &s, 1, 1, None);
    let march = Period::parse("2026-03-01", "2026-03-31").unwrap();
    let tables = forms::statutory_tables(&store, march).unwrap();
    let labels: Vec<&str> = tables[0]
        .comparisons
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Kỳ trước (01/02/2026 – 28/02/2026)",
            "Cùng kỳ năm trước, cùng 30 ngày đầu (01/03/2025 – 30/03/2025)"
        ]
    );

    let store = reopen_on(store, "2026-09-20");
    let nine = Period::parse("2025-12-15", "2026-09-14").unwrap();
    let r = tiepdan::report::period_report(&store, nine).unwrap();
    assert!(
        r.sentences.iter().any(|s| s
            .starts_with("So với cùng kỳ năm trước (9 tháng năm 2025, 15/12/2024 – 14/09/2025)")),
        "{:#?}",
        r.sentences
    );
}
