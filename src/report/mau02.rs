//! The period report, Mẫu số 02 of Thông tư 06/2025/TT-TTCP ("Đề cương báo cáo nội dung
//! về công tác tiếp công dân, giải quyết khiếu nại, tố cáo"), filled with what the
//! register knows; the parts only the office can write (the situation, the causes, the
//! assessment, the outlook) are left as headings with a note to complete them.

use chrono::NaiveDate;

use super::document::{date_words, period_title, place_of, DocSection, DocTable, ReportDocument};
use super::{period_report, PeriodReport};
use crate::error::Result;
use crate::forms::{self, format_value, FormId, FormTable};
use crate::period::Period;
use crate::store::Store;

fn value(tables: &[FormTable], form: FormId, column: u16) -> f64 {
    tables
        .iter()
        .find(|t| t.form == form)
        .map(|t| t.value(column))
        .unwrap_or(0.0)
}

/// A figure of the previous period (`which` 0) or of the same period a year before (1):
/// none when the register holds no record that far back.
fn comparison(tables: &[FormTable], form: FormId, column: u16, which: usize) -> Option<f64> {
    tables
        .iter()
        .find(|t| t.form == form)
        .and_then(|t| t.comparisons.get(which))
        .and_then(|r| r.values.get(usize::from(column) - 1))
        .copied()
}

/// A comparison figure as written in the report: "–" when there is none.
fn n_or_dash(v: Option<f64>) -> String {
    v.map(n).unwrap_or_else(|| "–".to_string())
}

fn n(v: f64) -> String {
    format_value(v)
}

const TO_COMPLETE: &str = "(Đơn vị bổ sung nội dung.)";

fn situation(tables: &[FormTable]) -> DocSection {
    let line = |form: FormId, column: u16, what: &str| match comparison(tables, form, column, 1) {
        Some(before) => format!(
            "{what}: {} đơn (cùng kỳ năm trước: {} đơn).",
            n(value(tables, form, column)),
            n(before)
        ),
        None => format!("{what}: {} đơn.", n(value(tables, form, column))),
    };
    DocSection {
        heading: "I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO".into(),
        paragraphs: vec![
            line(
                FormId::Xld02,
                6,
                "a) Số đơn khiếu nại thuộc thẩm quyền, đủ điều kiện xử lý",
            ),
            line(
                FormId::Xld02,
                12,
                "b) Số đơn tố cáo thuộc thẩm quyền, đủ điều kiện xử lý",
            ),
            TO_COMPLETE.into(),
        ],
    }
}

fn reception(r: &PeriodReport) -> Vec<String> {
    // The reception sentences: every sentence before the handling one.
    r.sentences
        .iter()
        .filter(|s| {
            !s.starts_with("Tổng số đơn phải xử lý")
                && !s.starts_with("Không có đơn phải xử lý")
                && !s.starts_with("Ngoài ra")
                && !s.starts_with("Điều chỉnh số liệu")
        })
        .cloned()
        .collect()
}

fn handling(r: &PeriodReport, tables: &[FormTable]) -> Vec<String> {
    let v = |c| n(value(tables, FormId::Xld02, c));
    let mut out: Vec<String> = r
        .sentences
        .iter()
        .filter(|s| {
            s.starts_with("Tổng số đơn phải xử lý") || s.starts_with("Không có đơn phải xử lý")
        })
        .cloned()
        .collect();
    // The section opens with what was received, said on its own (the "Ngoài ra" sentence
    // of the reception part reads as a fragment here).
    let received = r.petitions_received.total;
    if received > 0 {
        let at_visits = r.petitions_by_source.visit;
        let other = received - at_visits;
        out.insert(
            0,
            format!(
                "Trong kỳ tiếp nhận {received} đơn: {at_visits} đơn qua tiếp công dân, {other} đơn gửi qua bưu chính, trực tuyến hoặc do cơ quan khác chuyển đến."
            ),
        );
    }
    out.push(format!(
        "Đơn thuộc thẩm quyền: khiếu nại {} đơn (lần đầu {}, lần 2 {}); tố cáo {} đơn (lần đầu {}, tố cáo tiếp {}); kiến nghị, phản ánh {} đơn. Đơn không thuộc thẩm quyền {} đơn: hướng dẫn {} đơn, chuyển {} đơn.",
        v(6), v(7), v(8), v(12), v(13), v(14), v(19), v(23), v(24), v(25)
    ));
    out
}

fn resolution(tables: &[FormTable]) -> Vec<String> {
    let k = |c| n(value(tables, FormId::Gqkn03, c));
    let t = |c| n(value(tables, FormId::Gqtc04, c));
    vec![
        format!(
            "a) Khiếu nại thuộc thẩm quyền: {} đơn, {} vụ việc; đang xem xét điều kiện thụ lý {}, đã thụ lý giải quyết {}, không thụ lý {}, rút đơn, đình chỉ giải quyết {}. Đã ban hành {} quyết định giải quyết (lần đầu: khiếu nại đúng {}, khiếu nại sai {}, khiếu nại đúng một phần {}; lần 2: công nhận kết quả lần đầu {}, hủy, sửa kết quả lần đầu {}).",
            k(1), k(2), k(3), k(4), k(5), k(6), k(7), k(8), k(9), k(10), k(11), k(12)
        ),
        format!(
            "b) Tố cáo thuộc thẩm quyền: {} đơn, {} vụ việc; đang xem xét điều kiện thụ lý {}, đã thụ lý giải quyết {}, không thụ lý {}, rút đơn, đình chỉ giải quyết {}. Đã ban hành {} kết luận nội dung tố cáo (tố cáo lần đầu: đúng {}, sai {}, có đúng có sai {}; tố cáo tiếp: đúng {}, sai {}, có đúng có sai {}).",
            t(1), t(2), t(3), t(4), t(5), t(6), t(7), t(8), t(9), t(10), t(11), t(12), t(13)
        ),
    ]
}

fn enforcement(tables: &[FormTable]) -> Vec<String> {
    let e = |c| n(value(tables, FormId::Kqth05, c));
    vec![format!(
        "Quyết định giải quyết khiếu nại phải thi hành {}, đã thi hành xong {}; kết luận nội dung tố cáo phải thực hiện {}, đã thực hiện xong {}.",
        e(1), e(2), e(16), e(17)
    )]
}

fn management(tables: &[FormTable]) -> Vec<String> {
    let m = |c| n(value(tables, FormId::Qlkntc06, c));
    vec![format!(
        "Ban hành mới {} văn bản, sửa đổi, bổ sung {} văn bản, hủy bỏ {} văn bản về công tác tiếp công dân, giải quyết khiếu nại, tố cáo; tổ chức {} lớp tập huấn, tuyên truyền với {} người tham dự.",
        m(1), m(2), m(3), m(4), m(5)
    )]
}

fn figures(tables: &[FormTable]) -> DocTable {
    let rows = [
        (FormId::Tcd01, 1, "Số lượt tiếp công dân"),
        (FormId::Tcd01, 2, "Số người được tiếp"),
        (FormId::Tcd01, 3, "Số vụ việc"),
        (FormId::Tcd01, 4, "Số đoàn đông người"),
        (FormId::Xld02, 1, "Tổng số đơn"),
        (FormId::Xld02, 2, "Số đơn đã xử lý"),
        (FormId::Xld02, 3, "Số đơn đủ điều kiện xử lý"),
        (FormId::Xld02, 4, "Số đơn thuộc thẩm quyền"),
        (FormId::Xld02, 5, "Số vụ việc thuộc thẩm quyền"),
    ];
    DocTable {
        caption: "Số liệu chính (theo Biểu 01/TCD và 02/XLD)".into(),
        header: vec![
            "Chỉ tiêu".into(),
            "Kỳ này".into(),
            "Kỳ trước".into(),
            "Cùng kỳ năm trước".into(),
        ],
        rows: rows
            .iter()
            .map(|(form, col, label)| {
                vec![
                    label.to_string(),
                    n(value(tables, *form, *col)),
                    n_or_dash(comparison(tables, *form, *col, 0)),
                    n_or_dash(comparison(tables, *form, *col, 1)),
                ]
            })
            .collect(),
    }
}

/// The report of `period` as a document dated `on`, numbered `number` when given.
pub fn report_document(
    store: &Store,
    period: Period,
    on: NaiveDate,
    number: Option<&str>,
) -> Result<ReportDocument> {
    store.require(crate::access::Permission::ViewTotals)?;
    let settings = store.settings()?;
    let tables = forms::statutory_tables(store, period)?;
    // A locked period's report says the number it was sent with, and what changed since.
    let number = forms::report_number_for(store, period, number)?;
    let sent = forms::as_sent(store, period, &tables)?;
    let changed_since = sent.and_then(|(lock, differences)| {
        (!differences.is_empty()).then(|| {
            format!(
                "Lưu ý: kỳ này đã khóa ngày {}; số liệu dưới đây đã thay đổi sau khi khóa (bản đã gửi → nay): {}.",
                forms::locked_day(&lock),
                differences.join("; ")
            )
        })
    });
    let r = period_report(store, period)?;
    let unit = settings.unit_name.trim().to_string();
    let mut two = vec![
        DocSection {
            heading: "1. Công tác tiếp công dân".into(),
            paragraphs: reception(&r),
        },
        DocSection {
            heading: "2. Tiếp nhận, phân loại và xử lý đơn".into(),
            paragraphs: handling(&r, &tables),
        },
        DocSection {
            heading: "3. Kết quả giải quyết khiếu nại, tố cáo thuộc thẩm quyền".into(),
            paragraphs: resolution(&tables),
        },
        DocSection {
            heading: "4. Kết quả thi hành quyết định giải quyết khiếu nại, thực hiện kết luận nội dung tố cáo".into(),
            paragraphs: enforcement(&tables),
        },
        DocSection {
            heading: "5. Công tác bảo vệ người tố cáo".into(),
            paragraphs: vec![TO_COMPLETE.into()],
        },
        DocSection {
            heading: "6. Công tác quản lý nhà nước về tiếp công dân, giải quyết khiếu nại, tố cáo".into(),
            paragraphs: management(&tables),
        },
    ];
    let adjustments: Vec<String> = r
        .sentences
        .iter()
        .filter(|s| s.starts_with("Điều chỉnh số liệu"))
        .cloned()
        .collect();
    if !adjustments.is_empty() {
        two.push(DocSection {
            heading: "7. Điều chỉnh số liệu kỳ trước".into(),
            paragraphs: adjustments,
        });
    }
    let mut sections = vec![situation(&tables)];
    sections.push(DocSection {
        heading: "II. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO"
            .into(),
        paragraphs: changed_since.into_iter().collect(),
    });
    sections.extend(two);
    for heading in [
        "III. NHẬN XÉT, ĐÁNH GIÁ",
        "IV. DỰ BÁO TÌNH HÌNH",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "VI. KIẾN NGHỊ, ĐỀ XUẤT",
    ] {
        sections.push(DocSection {
            heading: heading.into(),
            paragraphs: vec![TO_COMPLETE.into()],
        });
    }
    let mut recipients = vec!["Nơi nhận:".to_string()];
    recipients.extend(
        settings
            .report
            .recipients
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string),
    );
    Ok(ReportDocument {
        agency_lines: vec!["ỦY BAN NHÂN DÂN".into(), unit.to_uppercase()],
        number_line: match number {
            Some(no) => format!("Số: {no}"),
            None => "Số:        /BC-UBND".into(),
        },
        place_date_line: format!("{}, {}", place_of(&settings), date_words(on)),
        kind: "BÁO CÁO".into(),
        title: format!(
            "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo {}",
            period_title(period)
        ),
        data_line: format!(
            "(Số liệu tính từ ngày {} đến ngày {})",
            period.from.format("%d/%m/%Y"),
            period.to.format("%d/%m/%Y")
        ),
        sections,
        tables: vec![figures(&tables)],
        recipients,
        signer_lines: vec![
            settings.report.signer_authority.trim().to_uppercase(),
            settings.report.signer_title.trim().to_uppercase(),
        ],
        signer_name: settings.report.signer_name.trim().to_string(),
        period: period.to_range(),
    })
}
