//! The period report, Mẫu số 02 of Thông tư 06/2025/TT-TTCP ("Đề cương báo cáo nội dung
//! về công tác tiếp công dân, giải quyết khiếu nại, tố cáo"), filled with what the
//! register knows; the parts only the office can write (the situation, the causes, the
//! assessment, the outlook) are left as headings with a note to complete them.

use chrono::NaiveDate;

use super::document::{date_words, period_title, place_of, DocSection, DocTable, ReportDocument};
use super::narrative::capitalised;
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

/// What the unit writes itself (the situation, the assessment, the proposals): a
/// placeholder the Word file highlights, so that a report signed in a hurry does not carry it.
pub const TO_COMPLETE: &str = "(Đơn vị bổ sung nội dung.)";

/// "lần đầu 2; đất đai 1": the parts of a figure that are not zero, each with its label
/// (a list of zeros says nothing a reader needs). Semicolons between them: the circular's
/// labels carry commas of their own ("rút đơn, đình chỉ giải quyết", "chế độ, chính sách").
fn nonzero(parts: &[(&str, f64)]) -> String {
    parts
        .iter()
        .filter(|(_, v)| *v != 0.0)
        .map(|(label, v)| format!("{label} {}", n(*v)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "1 vụ, 2 người": counts that are not zero, each followed by what it counts.
fn counts(parts: &[(f64, &str)]) -> String {
    parts
        .iter()
        .filter(|(v, _)| *v != 0.0)
        .map(|(v, what)| format!("{} {what}", n(*v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "150,5 triệu đồng và 200 m² đất": money (the tables' Trđ) and land (m²), the parts that
/// are not zero; empty when both are.
fn money_land(money: f64, land: f64) -> String {
    counts(&[(money, "triệu đồng"), (land, "m² đất")]).replace(", ", " và ")
}

/// "3 người (trong đó 1 cán bộ, công chức, viên chức)": a count, and how many of it are
/// public officials when any.
fn of_whom(count: &str, officials: f64) -> String {
    if officials == 0.0 {
        count.to_string()
    } else {
        format!(
            "{count} (trong đó {} cán bộ, công chức, viên chức)",
            n(officials)
        )
    }
}

/// "Kết quả giải quyết: a; b.": the items that say something, after their label; none when
/// every figure is zero (typed figures a ward usually has none of).
fn outcome_sentence(label: &str, items: Vec<String>) -> Option<String> {
    let items: Vec<String> = items.into_iter().filter(|s| !s.is_empty()).collect();
    (!items.is_empty()).then(|| format!("{label}: {}.", items.join("; ")))
}

/// An item "label what" when `what` says something, else nothing.
fn item(label: &str, what: String) -> String {
    if what.is_empty() {
        what
    } else {
        format!("{label} {what}")
    }
}

/// What a resolution led to (03/GQKN 13–23, 04/GQTC 14–25, typed by the report writer):
/// money and land to recover for the State and to return, rights restored, people and
/// organisations recommended for discipline, cases referred to the investigators
/// (Mẫu số 02, II.3: "Thống kê kết quả giải quyết …: Kiến nghị thu hồi cho Nhà nước, trả
/// lại cho tổ chức, cá nhân, kiến nghị xử lý hành chính, chuyển cơ quan điều tra").
struct Remedies {
    recover: (f64, f64),
    give_back: (f64, f64),
    restored: (f64, f64),
    discipline: String,
    referred: String,
}

impl Remedies {
    fn sentence(&self) -> Option<String> {
        outcome_sentence(
            "Kết quả giải quyết",
            vec![
                item(
                    "kiến nghị thu hồi cho Nhà nước",
                    money_land(self.recover.0, self.recover.1),
                ),
                item(
                    "trả lại cho tổ chức, cá nhân",
                    money_land(self.give_back.0, self.give_back.1),
                ),
                {
                    let who = counts(&[(self.restored.0, "tổ chức"), (self.restored.1, "cá nhân")]);
                    if who.is_empty() {
                        who
                    } else {
                        format!("{who} được trả lại quyền lợi")
                    }
                },
                item("kiến nghị xử lý hành chính", self.discipline.clone()),
                item("chuyển cơ quan điều tra", self.referred.clone()),
            ],
        )
    }
}

/// "lần đầu: khiếu nại đúng 4, khiếu nại sai 8; lần 2: công nhận kết quả lần đầu 1": each
/// group named once, before its parts that are not zero ("lần đầu" no longer said before
/// every part); a group with none left out.
fn grouped(groups: &[(&str, &[(&str, f64)])]) -> String {
    groups
        .iter()
        .map(|(group, parts)| (group, nonzero(parts)))
        .filter(|(_, parts)| !parts.is_empty())
        .map(|(group, parts)| format!("{group}: {parts}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "khiếu nại 2 đơn (lần đầu 2; lĩnh vực đất đai 1, chế độ, chính sách 1)", or "không có
/// đơn khiếu nại" for none: a kind of petition with its split by round and by field
/// (Mẫu số 02, II.2: "phân loại theo lĩnh vực").
fn kind_line(kind: &str, total: f64, rounds: &[(&str, f64)], fields: &[(&str, f64)]) -> String {
    if total == 0.0 {
        return format!("không có đơn {kind}");
    }
    let split: Vec<String> = [nonzero(rounds), nonzero(fields)]
        .into_iter()
        .zip(["", "lĩnh vực "])
        .filter(|(text, _)| !text.is_empty())
        .map(|(text, label)| format!("{label}{text}"))
        .collect();
    if split.is_empty() {
        format!("{kind} {} đơn", n(total))
    } else {
        format!("{kind} {} đơn ({})", n(total), split.join("; "))
    }
}

/// While the period is under way, the last days of the previous period's and the year
/// before's parts its figures are set beside (`report::compared_periods`).
type SoFar = (Option<NaiveDate>, Option<NaiveDate>);

fn situation(tables: &[FormTable], so_far: SoFar) -> DocSection {
    let year_before = match so_far.1 {
        Some(year) => format!("cùng kỳ năm trước, đến ngày {}", year.format("%d/%m/%Y")),
        None => "cùng kỳ năm trước".to_string(),
    };
    // "a) Số đơn khiếu nại …: 3 đơn (cùng kỳ năm trước: 2 đơn).", or "a) Không có đơn
    // khiếu nại … (cùng kỳ năm trước: 2 đơn)."; none is said in words, never "0 đơn".
    let line = |letter: &str, kind: &str, column: u16| {
        let what = format!("đơn {kind} thuộc thẩm quyền, đủ điều kiện xử lý");
        let now = value(tables, FormId::Xld02, column);
        let head = if now == 0.0 {
            format!("{letter}) Không có {what}")
        } else {
            format!("{letter}) Số {what}: {} đơn", n(now))
        };
        match comparison(tables, FormId::Xld02, column, 1) {
            Some(0.0) => format!("{head} ({year_before}: không có)."),
            Some(before) => format!("{head} ({year_before}: {} đơn).", n(before)),
            None => format!("{head}."),
        }
    };
    DocSection {
        heading: "I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO".into(),
        paragraphs: vec![
            line("a", "khiếu nại", 6),
            line("b", "tố cáo", 12),
            TO_COMPLETE.into(),
        ],
    }
}

/// The sentence of the duplicates received (filed, not counted): about the petitions, so
/// said in the handling part.
fn is_duplicates(sentence: &str) -> bool {
    sentence.contains("đơn trùng (gửi lại đơn đang xử lý)")
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
                && !is_duplicates(s)
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
            s.starts_with("Tổng số đơn phải xử lý")
                || s.starts_with("Không có đơn phải xử lý")
                || is_duplicates(s)
        })
        .cloned()
        .collect();
    // The section opens with what was received, said on its own (the "Ngoài ra" sentence
    // of the reception part reads as a fragment here).
    let received = r.petitions_received.total;
    if received > 0 {
        let at_visits = r.petitions_by_source.visit;
        let other = received - at_visits;
        let sources: Vec<String> = [
            (at_visits, "đơn qua tiếp công dân"),
            (
                other,
                "đơn gửi qua bưu chính, trực tuyến hoặc do cơ quan khác chuyển đến",
            ),
        ]
        .iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| format!("{} {what}", n(f64::from(*count))))
        .collect();
        out.insert(
            0,
            format!(
                "Trong kỳ tiếp nhận {} đơn: {}.",
                n(f64::from(received)),
                sources.join(", ")
            ),
        );
    }
    let x = |c| value(tables, FormId::Xld02, c);
    let within = x(4);
    out.push(if within == 0.0 {
        "Không có đơn thuộc thẩm quyền.".to_string()
    } else {
        format!(
            "Đơn thuộc thẩm quyền: {}; {}; {}.",
            kind_line(
                "khiếu nại",
                x(6),
                &[("lần đầu", x(7)), ("lần 2", x(8))],
                &[
                    ("đất đai", x(9)),
                    ("chế độ, chính sách", x(10)),
                    ("khác", x(11))
                ],
            ),
            kind_line(
                "tố cáo",
                x(12),
                &[("lần đầu", x(13)), ("tố cáo tiếp", x(14))],
                &[
                    ("hành chính", x(15)),
                    ("tham nhũng", x(16)),
                    ("tư pháp", x(17)),
                    ("khác", x(18)),
                ],
            ),
            kind_line(
                "kiến nghị, phản ánh",
                x(19),
                &[],
                &[
                    ("chế độ, chính sách", x(20)),
                    ("đất đai", x(21)),
                    ("khác", x(22))
                ],
            ),
        )
    });
    out.push(if x(23) == 0.0 {
        "Không có đơn không thuộc thẩm quyền.".to_string()
    } else {
        format!(
            "Đơn không thuộc thẩm quyền {} đơn ({}).",
            v(23),
            nonzero(&[("hướng dẫn", x(24)), ("chuyển", x(25))])
        )
    });
    out
}

/// "a) Khiếu nại …", "b) Tố cáo …": the petitions within competence by where they stood
/// at the cut-off, then the decisions issued in the period; none said in words.
fn resolution(tables: &[FormTable]) -> Vec<String> {
    let k = |c| value(tables, FormId::Gqkn03, c);
    let t = |c| value(tables, FormId::Gqtc04, c);
    // "a) Khiếu nại thuộc thẩm quyền: 2 đơn, 2 vụ việc (…); …", or "a) Không có đơn khiếu
    // nại thuộc thẩm quyền; …".
    let stood = |total: f64, cases: f64, states: &[(&str, f64)], kind: &str, then: &str| {
        if total == 0.0 {
            format!("Không có đơn {kind} thuộc thẩm quyền; {then}.")
        } else {
            format!(
                "{} thuộc thẩm quyền: {} đơn, {} vụ việc ({}); {then}.",
                capitalised(kind),
                n(total),
                n(cases),
                nonzero(states)
            )
        }
    };
    let decisions = if k(7) == 0.0 {
        "chưa ban hành quyết định giải quyết khiếu nại nào".to_string()
    } else {
        format!(
            "đã ban hành {} quyết định giải quyết ({})",
            n(k(7)),
            grouped(&[
                (
                    "lần đầu",
                    &[
                        ("khiếu nại đúng", k(8)),
                        ("khiếu nại sai", k(9)),
                        ("khiếu nại đúng một phần", k(10)),
                    ],
                ),
                (
                    "lần 2",
                    &[
                        ("công nhận kết quả lần đầu", k(11)),
                        ("hủy, sửa kết quả lần đầu", k(12)),
                    ],
                ),
            ])
        )
    };
    let conclusions = if t(7) == 0.0 {
        "chưa ban hành kết luận nội dung tố cáo nào".to_string()
    } else {
        format!(
            "đã ban hành {} kết luận nội dung tố cáo ({})",
            n(t(7)),
            grouped(&[
                (
                    "tố cáo lần đầu",
                    &[("đúng", t(8)), ("sai", t(9)), ("có đúng có sai", t(10))],
                ),
                (
                    "tố cáo tiếp",
                    &[("đúng", t(11)), ("sai", t(12)), ("có đúng có sai", t(13))],
                ),
            ])
        )
    };
    let states = |v: &dyn Fn(u16) -> f64| {
        [
            ("đang xem xét điều kiện thụ lý", v(3)),
            ("đã thụ lý giải quyết", v(4)),
            ("không thụ lý", v(5)),
            ("rút đơn, đình chỉ giải quyết", v(6)),
        ]
    };
    let complaints = Remedies {
        recover: (k(13), k(14)),
        give_back: (k(15), k(16)),
        restored: (k(17), k(18)),
        discipline: of_whom(&counts(&[(k(19), "người")]), k(20)),
        referred: of_whom(&counts(&[(k(21), "vụ"), (k(22), "người")]), k(23)),
    };
    let denunciations = Remedies {
        recover: (t(14), t(15)),
        give_back: (t(16), t(17)),
        restored: (t(18), t(19)),
        discipline: {
            let who = counts(&[(t(20), "tổ chức"), (t(21), "cá nhân")]);
            if t(22) == 0.0 {
                who
            } else {
                format!("{who} (trong đó {} cán bộ, công chức)", n(t(22)))
            }
        },
        referred: of_whom(&counts(&[(t(23), "vụ"), (t(24), "đối tượng")]), t(25)),
    };
    let with = |text: String, remedies: &Remedies| match remedies.sentence() {
        Some(more) => format!("{text} {more}"),
        None => text,
    };
    vec![
        with(
            format!(
                "a) {}",
                stood(k(1), k(2), &states(&k), "khiếu nại", &decisions)
            ),
            &complaints,
        ),
        with(
            format!(
                "b) {}",
                stood(t(1), t(2), &states(&t), "tố cáo", &conclusions)
            ),
            &denunciations,
        ),
    ]
}

fn enforcement(tables: &[FormTable]) -> Vec<String> {
    let e = |c| value(tables, FormId::Kqth05, c);
    let part = |due: f64, done: f64, what: &str, verb: &str| {
        if due == 0.0 {
            format!("không có {what} phải {verb}")
        } else if done == 0.0 {
            format!("{what} phải {verb} {}, chưa {verb} xong {what} nào", n(due))
        } else {
            format!("{what} phải {verb} {}, đã {verb} xong {}", n(due), n(done))
        }
    };
    let text = format!(
        "{}; {}.",
        part(e(1), e(2), "quyết định giải quyết khiếu nại", "thi hành"),
        part(e(16), e(17), "kết luận nội dung tố cáo", "thực hiện")
    );
    // What was recovered, returned, disciplined and prosecuted (05/KQTH 3–15, 18–31, typed
    // by the report writer; Mẫu số 02, II.4): said for each block that has any.
    let due_done = |due: (f64, f64), done: (f64, f64), owed: &str, paid: &str| {
        [
            item(owed, money_land(due.0, due.1)),
            item(paid, money_land(done.0, done.1)),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    };
    let block = |label: &str, c: u16, disciplined: String, prosecuted: String| {
        outcome_sentence(
            label,
            vec![
                item(
                    "thu hồi cho Nhà nước",
                    due_done((e(c), e(c + 1)), (e(c + 2), e(c + 3)), "phải thu", "đã thu"),
                ),
                item(
                    "trả lại cho tổ chức, cá nhân",
                    due_done(
                        (e(c + 4), e(c + 5)),
                        (e(c + 6), e(c + 7)),
                        "phải trả",
                        "đã trả",
                    ),
                ),
                item("đã xử lý hành chính", disciplined),
                item("đã khởi tố", prosecuted),
            ],
        )
    };
    let complaints = block(
        "Thi hành quyết định giải quyết khiếu nại",
        3,
        of_whom(&counts(&[(e(11), "người")]), e(12)),
        of_whom(&counts(&[(e(13), "vụ"), (e(14), "người")]), e(15)),
    );
    let denunciations = block(
        "Thực hiện kết luận nội dung tố cáo",
        18,
        of_whom(&counts(&[(e(26), "tổ chức"), (e(27), "cá nhân")]), e(28)),
        of_whom(&counts(&[(e(29), "vụ"), (e(30), "đối tượng")]), e(31)),
    );
    std::iter::once(capitalised(&text))
        .chain(complaints)
        .chain(denunciations)
        .collect()
}

fn management(tables: &[FormTable]) -> Vec<String> {
    let m = |c| value(tables, FormId::Qlkntc06, c);
    let documents: Vec<String> = [
        ("ban hành mới", m(1)),
        ("sửa đổi, bổ sung", m(2)),
        ("hủy bỏ", m(3)),
    ]
    .iter()
    .filter(|(_, v)| *v != 0.0)
    .map(|(what, v)| format!("{what} {} văn bản", n(*v)))
    .collect();
    let documents = if documents.is_empty() {
        "không ban hành, sửa đổi, bổ sung hay hủy bỏ văn bản nào về công tác tiếp công dân, giải quyết khiếu nại, tố cáo".to_string()
    } else {
        format!(
            "{} về công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
            documents.join(", ")
        )
    };
    let training = if m(4) == 0.0 {
        "không tổ chức lớp tập huấn, tuyên truyền nào".to_string()
    } else {
        format!(
            "tổ chức {} lớp tập huấn, tuyên truyền với {} người tham dự",
            n(m(4)),
            n(m(5))
        )
    };
    // Responsibility inspections (06/QLKNTC 6–17, typed; Mẫu số 02, II.6 c): a ward
    // usually has none, and then nothing is said.
    let inspections = outcome_sentence(
        "Thanh tra trách nhiệm việc thực hiện pháp luật về tiếp công dân, giải quyết khiếu nại, tố cáo",
        vec![
            counts(&[
                (m(6), "cuộc thanh tra"),
                (m(7), "đơn vị được thanh tra"),
                (m(8), "cuộc đã ban hành kết luận"),
            ]),
            item(
                "kiến nghị xử lý hành chính",
                counts(&[(m(9), "tổ chức"), (m(10), "cá nhân")]),
            ),
            item(
                "kiến nghị chuyển cơ quan điều tra",
                counts(&[(m(11), "tổ chức"), (m(12), "cá nhân")]),
            ),
            counts(&[(m(13), "kết luận thanh tra phải thực hiện")]),
            item(
                "đã xử lý hành chính",
                counts(&[(m(14), "tổ chức"), (m(15), "cá nhân")]),
            ),
            item("đã khởi tố", counts(&[(m(16), "vụ"), (m(17), "đối tượng")])),
        ],
    );
    std::iter::once(capitalised(&format!("{documents}; {training}.")))
        .chain(inspections)
        .collect()
}

fn figures(tables: &[FormTable], so_far: SoFar) -> DocTable {
    let beside = |name: &str, to: Option<NaiveDate>| match to {
        Some(to) => format!("{name} (đến {})", to.format("%d/%m/%Y")),
        None => name.to_string(),
    };
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
            beside("Kỳ trước", so_far.0),
            beside("Cùng kỳ năm trước", so_far.1),
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
    // The last day of each part a period under way is set beside, when the cut made it
    // shorter than its whole.
    let so_far = {
        let (before, year, _) = super::compared_periods(period, store.today());
        let cut = |p: Period, whole: Period| (p.to < whole.to).then_some(p.to);
        (
            cut(before, period.previous()),
            cut(year, period.year_before()),
        )
    };
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
    let mut sections = vec![situation(&tables, so_far)];
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
        tables: vec![figures(&tables, so_far)],
        recipients,
        signer_lines: vec![
            settings.report.signer_authority.trim().to_uppercase(),
            settings.report.signer_title.trim().to_uppercase(),
        ],
        signer_name: settings.report.signer_name.trim().to_string(),
        period: period.to_range(),
    })
}
