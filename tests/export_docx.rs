//! The report as docx: its texts in order in `word/document.xml`, the page and fonts of
//! NĐ 30/2020 in its XML; then printed to PDF by LibreOffice (when installed) and read
//! back as text, with page 1 rendered as a picture to look at.

mod export_support;

use export_support::*;
use tiepdan::export::report_docx;
use tiepdan::period::PeriodRange;
use tiepdan::report::document::{DocSection, DocTable, ReportDocument};

const SENTENCE: &str = "Trong kỳ, Ủy ban nhân dân phường đã tiếp 14 người với 6 lượt, tiếp nhận 5 đơn phản ánh, kiến nghị, không có đơn khiếu nại, tố cáo.";

fn report() -> ReportDocument {
    ReportDocument {
        agency_lines: vec!["Ủy ban nhân dân".into(), "Phường Việt Hòa".into()],
        number_line: "Số: 25/BC-UBND".into(),
        place_date_line: "Việt Hòa, ngày 15 tháng 12 năm 2026".into(),
        kind: "BÁO CÁO".into(),
        title: "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo Quý IV năm 2026".into(),
        data_line: "(Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026)".into(),
        sections: vec![
            DocSection {
                heading: "I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO".into(),
                paragraphs: vec![
                    "Tình hình khiếu nại, tố cáo trên địa bàn phường trong kỳ ổn định, không phát sinh điểm nóng; số đơn giảm so với cùng kỳ năm trước.".into(),
                ],
            },
            DocSection {
                heading: "II. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN".into(),
                paragraphs: vec![
                    SENTENCE.into(),
                    "Chủ tịch Ủy ban nhân dân phường tiếp công dân định kỳ 4 ngày theo lịch đã thông báo.".into(),
                ],
            },
        ],
        tables: vec![DocTable {
            caption: "Bảng 1. Kết quả tiếp công dân".into(),
            header: vec!["Nội dung".into(), "Kỳ này".into(), "Cùng kỳ".into()],
            rows: vec![
                vec!["Số lượt tiếp".into(), "37".into(), "21".into()],
                vec!["Số người được tiếp".into(), "44".into(), "29".into()],
            ],
        }],
        recipients: vec![
            "- UBND thành phố;".into(),
            "- Thanh tra thành phố;".into(),
            "- Lưu: VT.".into(),
        ],
        signer_lines: vec!["TM. Ủy ban nhân dân".into(), "Chủ tịch".into()],
        signer_name: "Nguyễn Văn An".into(),
        period: PeriodRange {
            from: "2026-09-15".into(),
            to: "2026-12-14".into(),
        },
    }
}

/// The texts in the order they must come, as the document shows them.
fn expected_in_order() -> Vec<&'static str> {
    vec![
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG VIỆT HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 25/BC-UBND",
        "Việt Hòa, ngày 15 tháng 12 năm 2026",
        "BÁO CÁO",
        "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo Quý IV năm 2026",
        "(Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026)",
        "I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO",
        "Tình hình khiếu nại, tố cáo trên địa bàn phường",
        "II. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN",
        SENTENCE,
        "Chủ tịch Ủy ban nhân dân phường tiếp công dân định kỳ 4 ngày",
        "Bảng 1. Kết quả tiếp công dân",
        "Nội dung",
        "Số lượt tiếp",
        "37",
        "Số người được tiếp",
        "44",
        "Nơi nhận:",
        "- UBND thành phố;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    ]
}

/// The XML's paragraphs as plain text, one per line (runs joined, tags dropped).
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            let mut rest = p;
            while let Some(at) = rest.find("<w:t") {
                let after = &rest[at..];
                let open_end = after.find('>').unwrap();
                if after[..open_end].ends_with('/') {
                    rest = &after[open_end..];
                    continue;
                }
                let close = after.find("</w:t>").unwrap();
                text.push_str(&after[open_end + 1..close]);
                rest = &after[close..];
            }
            text.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn document_xml_holds_the_texts_in_order() {
    let bytes = report_docx(&report()).unwrap();
    let xml = zip_part(&bytes, "word/document.xml");
    let paras = paragraphs(&xml);
    let mut at = 0;
    for expected in expected_in_order() {
        let found = paras[at..]
            .iter()
            .position(|p| p.contains(expected))
            .unwrap_or_else(|| panic!("{expected:?} after paragraph {at} in {paras:#?}"));
        at += found;
    }
    // Nothing else the renderer writes on its own (the two motto lines aside).
    assert_eq!(
        paras.len(),
        2 + 2 + 2 + 3 + 2 + 3 + 1 + 9 + 4 + 3,
        "{paras:#?}"
    );
}

/// What the unit is left to write ("(Đơn vị bổ sung nội dung.)") is highlighted, so that it
/// is not signed as it is; the report's own sentences are not.
#[test]
fn the_placeholder_left_to_the_unit_is_highlighted() {
    let mut doc = report();
    doc.sections[0]
        .paragraphs
        .push(tiepdan::report::mau02::TO_COMPLETE.into());
    let bytes = report_docx(&doc).unwrap();
    let xml = zip_part(&bytes, "word/document.xml");
    // Each paragraph's XML ends with "</w:p>".
    let highlighted: Vec<&str> = xml
        .split("</w:p>")
        .filter(|p| p.contains("<w:highlight w:val=\"yellow\""))
        .collect();
    assert!(!highlighted.is_empty(), "{xml}");
    for p in &highlighted {
        assert!(
            p.contains("(Đơn vị bổ sung nội dung.)") && !p.contains(SENTENCE),
            "{p}"
        );
    }
    assert_eq!(xml.matches("<w:highlight ").count(), 1, "{xml}");
}

#[test]
fn control_characters_never_reach_the_xml() {
    let mut doc = report();
    doc.sections[0].paragraphs[0] = "Dòng một\nDòng hai\u{1}\u{1b}[31m và\ttab".into();
    doc.agency_lines[1] = "Phường\u{0} Việt Hòa".into();
    // Not characters in XML 1.0: Word and LibreOffice refuse a file holding them.
    doc.number_line = "Số: 45\u{FFFF}/BC-UBND\u{FFFE}".into();
    let bytes = report_docx(&doc).unwrap();
    let xml = zip_part(&bytes, "word/document.xml");
    assert!(
        !xml.chars()
            .any(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(c, '\u{FFFE}' | '\u{FFFF}')),
        "a character XML cannot hold in document.xml"
    );
    assert!(xml.contains("Số: 45/BC-UBND"), "{xml}");
    assert!(xml.contains("Dòng một Dòng hai[31m và tab"), "{xml}");
    assert!(xml.contains("PHƯỜNG VIỆT HÒA"));
}

#[test]
fn page_and_type_follow_decree_30() {
    let bytes = report_docx(&report()).unwrap();
    let xml = zip_part(&bytes, "word/document.xml");
    // A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56.7
    // twentieths of a point).
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "{xml}");
    assert!(!xml.contains(r#"w:orient="landscape""#));
    for (side, twips) in [
        ("top", 1134),
        ("bottom", 1134),
        ("left", 1701),
        ("right", 850),
    ] {
        assert!(
            xml.contains(&format!(r#"w:{side}="{twips}""#)),
            "{side} margin {twips} in {}",
            &xml[xml.find("<w:pgMar").unwrap()..][..200]
        );
    }
    // Times New Roman 14 by default.
    let styles = zip_part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#), "{styles}");
    assert!(styles.contains(r#"<w:sz w:val="28" />"#) || styles.contains(r#"<w:sz w:val="28"/>"#));
    // The motto underlined, the body justified with a 1 cm first-line indent and 6 pt
    // after, the two heading tables without borders.
    let motto = xml.find("Độc lập - Tự do - Hạnh phúc").unwrap();
    let run_start = xml[..motto].rfind("<w:r>").unwrap();
    assert!(xml[run_start..motto].contains(r#"<w:u w:val="single""#));
    assert!(xml[run_start..motto].contains("<w:b"));
    let body = xml.find(SENTENCE).unwrap();
    let para_start = xml[..body]
        .rfind("<w:p ")
        .or(xml[..body].rfind("<w:p>"))
        .unwrap();
    let props = &xml[para_start..body];
    assert!(props.contains(r#"<w:jc w:val="both""#), "{props}");
    assert!(props.contains(r#"w:firstLine="567""#), "{props}");
    assert!(props.contains(r#"w:after="120""#), "{props}");
    // The short rules (under the issuing body, under the title) are bottom borders only.
    let rules: Vec<&str> = xml
        .split("<w:pBdr>")
        .skip(1)
        .map(|rest| &rest[..rest.find("</w:pBdr>").unwrap()])
        .collect();
    assert_eq!(rules.len(), 2, "{xml}");
    for rule in rules {
        assert!(rule.contains("<w:bottom"), "{rule}");
        for side in ["<w:top", "<w:left", "<w:right"] {
            assert!(!rule.contains(side), "{rule}");
        }
    }
}

#[test]
fn libreoffice_prints_it_as_an_administrative_text() {
    if !renderers() {
        return;
    }
    let bytes = report_docx(&report()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao.docx");
    std::fs::write(&path, &bytes).unwrap();
    keep(&path);
    let pdf = to_pdf(&path, dir.path());
    let (pages, width, height) = pdf_pages(&pdf);
    assert!(pages >= 1);
    assert!(
        (width - 595.3).abs() < 2.0 && (height - 841.9).abs() < 2.0,
        "A4 portrait: {width}×{height}"
    );
    assert_times_only(&pdf);
    let text = pdf_text(&pdf);
    for expected in [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 25/BC-UBND",
        "Việt Hòa, ngày 15 tháng 12 năm 2026",
        "BÁO CÁO",
        "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo",
        SENTENCE,
        "Số người được tiếp",
        "44",
        "Nơi nhận:",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    ] {
        assert!(pdf_has(&text, expected), "{expected:?} in the PDF:\n{text}");
    }
    // The heading's two columns side by side: the agency and the national title on one
    // line, the number and the place and date on one line.
    let line_with = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} on a line of\n{text}"))
            .to_string()
    };
    let first = line_with("ỦY BAN NHÂN DÂN");
    assert!(
        first.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{first}"
    );
    let number = line_with("Số: 25/BC-UBND");
    assert!(
        number.contains("Việt Hòa, ngày 15 tháng 12 năm 2026"),
        "{number}"
    );
    let signer = line_with("Nơi nhận:");
    assert!(signer.contains("TM. ỦY BAN NHÂN DÂN"), "{signer}");
    keep(&pdf);
    keep(&first_page_png(&pdf));
}

#[test]
fn pages_after_the_first_are_numbered_at_the_top() {
    if !renderers() {
        return;
    }
    let mut doc = report();
    doc.sections[1].paragraphs = (1..=40).map(|i| format!("Đoạn {i}: {SENTENCE}")).collect();
    let bytes = report_docx(&doc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao-dai.docx");
    std::fs::write(&path, &bytes).unwrap();
    let pdf = to_pdf(&path, dir.path());
    let (pages, _, _) = pdf_pages(&pdf);
    assert!(pages >= 2, "{pages}");
    let first_line = |page: usize| {
        pdf_page_text(&pdf, page)
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .to_string()
    };
    // NĐ 30: no number on the first page; from the second on, centred at the top.
    assert!(
        first_line(1).starts_with("ỦY BAN NHÂN DÂN"),
        "{}",
        first_line(1)
    );
    for page in 2..=pages {
        assert_eq!(first_line(page), page.to_string());
    }
    // The signature block is kept whole on one page.
    let last = pdf_page_text(&pdf, pages);
    assert!(
        pdf_has(&last, "Nơi nhận:") && pdf_has(&last, "Nguyễn Văn An"),
        "{last}"
    );
}
