//! The six tables of Thông tư 06/2025/TT-TTCP as the circular prints them: the header
//! tree (read from the circular's own table merges), the "MS" row with its formulas, the
//! columns the register cannot know (typed per period), and the "≤" rules of the notes.

use super::table::FormId;

/// A header cell: a numbered column, or a group of cells under one label.
pub(crate) enum Node {
    Col(u16, &'static str),
    Group(&'static str, &'static [Node]),
}

use Node::{Col, Group};

pub(crate) struct TableDef {
    pub code: &'static str,
    pub title: &'static str,
    pub header: &'static [Node],
    /// The MS row's text of the columns that carry a formula ("1=5+11+17"); the others
    /// print their number. The "=" of these formulas are the table's sums.
    pub formulas: &'static [(u16, &'static str)],
    /// "(a) ≤ (b)" rules: stated in the notes under the table (a failure stops the file),
    /// or only implied by what the columns count (a warning).
    pub at_most: &'static [(u16, u16, bool)],
    /// "(people) ≥ 5 × (delegations)": a delegation (đoàn đông người) is one of 5 people
    /// or more (the note under 01/TCD), so its people are at least five times their count.
    pub delegation_size: &'static [(u16, u16)],
    /// Columns the register does not hold: typed per period by the report writer (with
    /// what is typed). A column listed here and also computed adds the typed part.
    pub manual: &'static [(u16, &'static str)],
    /// Money (Trđ) and land (m2) columns.
    pub units: &'static [(u16, &'static str)],
}

const DELEGATIONS: &[Node] = &[Col(0, "Số đoàn được tiếp"), Col(0, "Số người được tiếp")];

pub(crate) const TCD01: TableDef = TableDef {
    code: "01/TCD",
    title: "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
    header: &[
        Col(1, "Tổng số lượt tiếp"),
        Col(2, "Tổng số người được tiếp"),
        Col(3, "Tổng số vụ việc tiếp"),
        Col(4, "Tổng số đoàn đông người"),
        Group(
            "Tiếp thường xuyên",
            &[
                Col(5, "Số lượt tiếp"),
                Col(6, "Số người được tiếp"),
                Col(7, "Số vụ việc"),
                Group("Trong đó đoàn đông người", DELEGATIONS),
            ],
        ),
        Group(
            "Tiếp định kỳ và đột xuất của Thủ trưởng",
            &[
                Group(
                    "Thủ trưởng tiếp",
                    &[
                        Col(10, "Số ngày tiếp"),
                        Col(11, "Số lượt tiếp"),
                        Col(12, "Số người được tiếp"),
                        Col(13, "Số vụ việc"),
                        Group("Trong đó đoàn đông người", DELEGATIONS),
                    ],
                ),
                Group(
                    "Ủy quyền tiếp",
                    &[
                        Col(16, "Số ngày tiếp"),
                        Col(17, "Số lượt tiếp"),
                        Col(18, "Số người được tiếp"),
                        Col(19, "Số vụ việc"),
                        Group("Trong đó đoàn đông người", DELEGATIONS),
                    ],
                ),
            ],
        ),
    ],
    formulas: &[
        (1, "1=5+11+17"),
        (2, "2=6+12+18"),
        (3, "3=7+13+19"),
        (4, "4=8+14+20"),
    ],
    // Implied by the counting units: a block's delegations are among its visits.
    at_most: &[
        (8, 5, false),
        (9, 6, false),
        (14, 11, false),
        (15, 12, false),
        (20, 17, false),
        (21, 18, false),
    ],
    delegation_size: &[(9, 8), (15, 14), (21, 20)],
    manual: &[],
    units: &[],
};

const KN_FIELDS: &[Node] = &[
    Col(0, "Đất đai"),
    Col(0, "Chế độ, chính sách"),
    Col(0, "Khác"),
];

pub(crate) const XLD02: TableDef = TableDef {
    code: "02/XLD",
    title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
    header: &[
        Col(1, "Tổng số đơn"),
        Col(2, "Số đơn đã xử lý"),
        Col(3, "Số đơn đủ điều kiện xử lý"),
        Col(4, "Số đơn thuộc thẩm quyền"),
        Col(5, "Số vụ việc thuộc thẩm quyền"),
        Group(
            "Số đơn thuộc thẩm quyền",
            &[
                Group(
                    "Khiếu nại",
                    &[
                        Col(6, "Tổng số đơn"),
                        Group(
                            "Phân loại theo thẩm quyền giải quyết",
                            &[Col(7, "Khiếu nại lần đầu"), Col(8, "Khiếu nại lần 2")],
                        ),
                        Group("Phân loại theo lĩnh vực", KN_FIELDS),
                    ],
                ),
                Group(
                    "Tố cáo",
                    &[
                        Col(12, "Tổng số đơn"),
                        Group(
                            "Phân loại theo thẩm quyền giải quyết",
                            &[Col(13, "Tố cáo lần đầu"), Col(14, "Tố cáo tiếp")],
                        ),
                        Group(
                            "Phân loại theo lĩnh vực",
                            &[
                                Col(15, "Hành chính"),
                                Col(16, "Tham nhũng"),
                                Col(17, "Tư pháp"),
                                Col(18, "Khác"),
                            ],
                        ),
                    ],
                ),
                Group(
                    "Kiến nghị, phản ánh",
                    &[
                        Col(19, "Tổng số đơn"),
                        Group(
                            "Phân loại theo lĩnh vực",
                            &[
                                Col(20, "Chế độ, chính sách"),
                                Col(21, "Đất đai"),
                                Col(22, "Khác"),
                            ],
                        ),
                    ],
                ),
            ],
        ),
        Group(
            "Số đơn không thuộc thẩm quyền",
            &[
                Col(23, "Tổng số đơn"),
                Group(
                    "Phân loại theo kết quả xử lý",
                    &[Col(24, "Hướng dẫn"), Col(25, "Chuyển đơn")],
                ),
            ],
        ),
    ],
    formulas: &[
        (3, "3=4+23"),
        (4, "4=6+12+19"),
        (6, "6=7+8=9+10+11"),
        (12, "12=13+14=15+16+17+18"),
        (19, "19=20+21+22"),
        (23, "23=24+25"),
    ],
    at_most: &[(2, 1, true), (3, 2, true), (4, 3, true), (5, 4, true)],
    delegation_size: &[],
    manual: &[],
    units: &[],
};

const MONEY_LAND: &[Node] = &[Col(0, "Tiền (Trđ)"), Col(0, "Đất (m2)")];

pub(crate) const GQKN03: TableDef = TableDef {
    code: "03/GQKN",
    title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI",
    header: &[
        Col(1, "Tổng số đơn khiếu nại thuộc thẩm quyền"),
        Col(2, "Tổng số vụ việc"),
        Group(
            "Phân tích kết quả",
            &[
                Col(3, "Đang xem xét điều kiện thụ lý"),
                Col(4, "Đã thụ lý giải quyết"),
                Col(5, "Không thụ lý"),
                Col(6, "Rút đơn, đình chỉ giải quyết"),
            ],
        ),
        Col(7, "Tổng số Quyết định ban hành trong kỳ"),
        Group(
            "Giải quyết lần đầu",
            &[
                Col(8, "Khiếu nại đúng"),
                Col(9, "Khiếu nại sai"),
                Col(10, "Khiếu nại đúng 1 phần"),
            ],
        ),
        Group(
            "Giải quyết lần 2",
            &[
                Col(11, "Công nhận kết quả lần đầu"),
                Col(12, "Hủy, sửa kết quả lần đầu"),
            ],
        ),
        Group("Kiến nghị thu hồi cho Nhà nước", MONEY_LAND),
        Group(
            "Trả lại cho tổ chức, cá nhân",
            &[
                Col(15, "Tiền (Trđ)"),
                Col(16, "Đất (m2)"),
                Col(17, "Số tổ chức được trả lại quyền lợi"),
                Col(18, "Số cá nhân được trả lại quyền lợi"),
            ],
        ),
        Group(
            "Kiến nghị xử lý hành chính",
            &[
                Col(19, "Tổng số người bị kiến nghị xử lý"),
                Col(20, "Trong đó số cán bộ, công chức, viên chức"),
            ],
        ),
        Group(
            "Chuyển cơ quan điều tra",
            &[
                Col(21, "Số vụ"),
                Col(22, "Tổng số người"),
                Col(23, "Trong đó số cán bộ, công chức, viên chức"),
            ],
        ),
    ],
    formulas: &[(2, "2=3+4+5+6"), (7, "7=8+9+10+11+12")],
    at_most: &[(2, 1, true), (20, 19, true), (23, 22, true)],
    delegation_size: &[],
    manual: &[
        (13, "Tiền kiến nghị thu hồi cho Nhà nước (triệu đồng)"),
        (14, "Đất kiến nghị thu hồi cho Nhà nước (m2)"),
        (15, "Tiền trả lại cho tổ chức, cá nhân (triệu đồng)"),
        (16, "Đất trả lại cho tổ chức, cá nhân (m2)"),
        (17, "Số tổ chức được trả lại quyền lợi"),
        (18, "Số cá nhân được trả lại quyền lợi"),
        (19, "Số người bị kiến nghị xử lý hành chính"),
        (20, "Trong đó cán bộ, công chức, viên chức"),
        (21, "Số vụ chuyển cơ quan điều tra"),
        (22, "Số người chuyển cơ quan điều tra"),
        (23, "Trong đó cán bộ, công chức, viên chức"),
    ],
    units: &[(13, "Trđ"), (14, "m2"), (15, "Trđ"), (16, "m2")],
};

pub(crate) const GQTC04: TableDef = TableDef {
    code: "04/GQTC",
    title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO",
    header: &[
        Col(1, "Tổng số đơn tố cáo thuộc thẩm quyền"),
        Col(2, "Tổng số vụ việc"),
        Group(
            "Phân tích kết quả",
            &[
                Col(3, "Đang xem xét điều kiện thụ lý"),
                Col(4, "Đã thụ lý giải quyết"),
                Col(5, "Không thụ lý"),
                Col(6, "Rút đơn, đình chỉ giải quyết"),
            ],
        ),
        Col(7, "Tổng số Kết luận ban hành trong kỳ"),
        Group(
            "Tố cáo lần đầu",
            &[
                Col(8, "Tố cáo đúng"),
                Col(9, "Tố cáo sai"),
                Col(10, "Tố cáo có đúng có sai"),
            ],
        ),
        Group(
            "Tố cáo tiếp",
            &[
                Col(11, "Tố cáo tiếp đúng"),
                Col(12, "Tố cáo tiếp sai"),
                Col(13, "Tố cáo tiếp có đúng có sai"),
            ],
        ),
        Group("Kiến nghị thu hồi cho Nhà nước", MONEY_LAND),
        Group(
            "Trả lại cho tổ chức, cá nhân",
            &[
                Col(16, "Tiền (Trđ)"),
                Col(17, "Đất (m2)"),
                Col(18, "Số tổ chức được trả lại quyền lợi"),
                Col(19, "Số cá nhân được trả lại quyền lợi"),
            ],
        ),
        Group(
            "Kiến nghị xử lý hành chính",
            &[
                Col(20, "Tổ chức"),
                Col(21, "Cá nhân"),
                Col(22, "Trong đó, Cán bộ, công chức"),
            ],
        ),
        Group(
            "Chuyển cơ quan điều tra",
            &[
                Col(23, "Số vụ"),
                Col(24, "Số đối tượng"),
                Col(25, "Trong đó số cán bộ, công chức, viên chức"),
            ],
        ),
    ],
    formulas: &[(2, "2=3+4+5+6"), (7, "7=8+9+10+11+12+13")],
    at_most: &[(2, 1, true), (22, 21, true), (25, 24, true)],
    delegation_size: &[],
    manual: &[
        (14, "Tiền kiến nghị thu hồi cho Nhà nước (triệu đồng)"),
        (15, "Đất kiến nghị thu hồi cho Nhà nước (m2)"),
        (16, "Tiền trả lại cho tổ chức, cá nhân (triệu đồng)"),
        (17, "Đất trả lại cho tổ chức, cá nhân (m2)"),
        (18, "Số tổ chức được trả lại quyền lợi"),
        (19, "Số cá nhân được trả lại quyền lợi"),
        (20, "Số tổ chức bị kiến nghị xử lý hành chính"),
        (21, "Số cá nhân bị kiến nghị xử lý hành chính"),
        (22, "Trong đó cán bộ, công chức"),
        (23, "Số vụ chuyển cơ quan điều tra"),
        (24, "Số đối tượng chuyển cơ quan điều tra"),
        (25, "Trong đó cán bộ, công chức, viên chức"),
    ],
    units: &[(14, "Trđ"), (15, "m2"), (16, "Trđ"), (17, "m2")],
};

const DUE_DONE: &[Node] = &[Group("Phải thu", MONEY_LAND), Group("Đã thu", MONEY_LAND)];
const RETURN_DONE: &[Node] = &[Group("Phải trả", MONEY_LAND), Group("Đã trả", MONEY_LAND)];

pub(crate) const KQTH05: TableDef = TableDef {
    code: "05/KQTH",
    title: "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH, THỰC HIỆN KẾT LUẬN",
    header: &[
        Group(
            "Kết quả thi hành Quyết định giải quyết khiếu nại",
            &[
                Col(1, "Tổng số Quyết định phải thi hành trong kỳ"),
                Col(2, "Tổng số Quyết định đã thi hành xong"),
                Group("Thu hồi cho Nhà nước", DUE_DONE),
                Group("Trả lại cho tổ chức, cá nhân", RETURN_DONE),
                Group(
                    "Đã xử lý hành chính",
                    &[
                        Col(11, "Tổng số người bị xử lý"),
                        Col(12, "Trong đó số cán bộ, công chức, viên chức"),
                    ],
                ),
                Group(
                    "Đã khởi tố",
                    &[
                        Col(13, "Số vụ"),
                        Col(14, "Số người"),
                        Col(15, "Trong đó số cán bộ, công chức, viên chức"),
                    ],
                ),
            ],
        ),
        Group(
            "Kết quả thực hiện Kết luận nội dung tố cáo",
            &[
                Col(16, "Tổng số Kết luận phải thực hiện trong kỳ"),
                Col(17, "Tổng số Kết luận đã thực hiện xong"),
                Group("Thu hồi cho Nhà nước", DUE_DONE),
                Group("Trả lại cho tổ chức, cá nhân", RETURN_DONE),
                Group(
                    "Đã xử lý hành chính",
                    &[
                        Col(26, "Tổng số tổ chức bị xử lý"),
                        Col(27, "Tổng số cá nhân bị xử lý"),
                        Col(28, "Trong đó số cán bộ, công chức, viên chức"),
                    ],
                ),
                Group(
                    "Đã khởi tố",
                    &[
                        Col(29, "Số vụ"),
                        Col(30, "Số đối tượng"),
                        Col(31, "Trong đó số cán bộ, công chức, viên chức"),
                    ],
                ),
            ],
        ),
    ],
    formulas: &[],
    // Stated in the notes; "đã thu ≤ phải thu", "đã trả ≤ phải trả" are implied.
    at_most: &[
        (2, 1, true),
        (12, 11, true),
        (15, 14, true),
        (17, 16, true),
        (28, 27, true),
        (31, 30, true),
        (5, 3, false),
        (6, 4, false),
        (9, 7, false),
        (10, 8, false),
        (20, 18, false),
        (21, 19, false),
        (24, 22, false),
        (25, 23, false),
    ],
    delegation_size: &[],
    manual: &[
        (1, "Quyết định kỳ trước chưa thi hành xong, chuyển sang"),
        (2, "Số quyết định đã thi hành xong"),
        (3, "Tiền phải thu (triệu đồng)"),
        (4, "Đất phải thu (m2)"),
        (5, "Tiền đã thu (triệu đồng)"),
        (6, "Đất đã thu (m2)"),
        (7, "Tiền phải trả (triệu đồng)"),
        (8, "Đất phải trả (m2)"),
        (9, "Tiền đã trả (triệu đồng)"),
        (10, "Đất đã trả (m2)"),
        (11, "Số người bị xử lý hành chính"),
        (12, "Trong đó cán bộ, công chức, viên chức"),
        (13, "Số vụ đã khởi tố"),
        (14, "Số người đã khởi tố"),
        (15, "Trong đó cán bộ, công chức, viên chức"),
        (16, "Kết luận kỳ trước chưa thực hiện xong, chuyển sang"),
        (17, "Số kết luận đã thực hiện xong"),
        (18, "Tiền phải thu (triệu đồng)"),
        (19, "Đất phải thu (m2)"),
        (20, "Tiền đã thu (triệu đồng)"),
        (21, "Đất đã thu (m2)"),
        (22, "Tiền phải trả (triệu đồng)"),
        (23, "Đất phải trả (m2)"),
        (24, "Tiền đã trả (triệu đồng)"),
        (25, "Đất đã trả (m2)"),
        (26, "Số tổ chức bị xử lý hành chính"),
        (27, "Số cá nhân bị xử lý hành chính"),
        (28, "Trong đó cán bộ, công chức, viên chức"),
        (29, "Số vụ đã khởi tố"),
        (30, "Số đối tượng đã khởi tố"),
        (31, "Trong đó cán bộ, công chức, viên chức"),
    ],
    units: &[
        (3, "Trđ"),
        (4, "m2"),
        (5, "Trđ"),
        (6, "m2"),
        (7, "Trđ"),
        (8, "m2"),
        (9, "Trđ"),
        (10, "m2"),
        (18, "Trđ"),
        (19, "m2"),
        (20, "Trđ"),
        (21, "m2"),
        (22, "Trđ"),
        (23, "m2"),
        (24, "Trđ"),
        (25, "m2"),
    ],
};

const ORG_PERSON: &[Node] = &[Col(0, "Tổ chức"), Col(0, "Cá nhân")];

pub(crate) const QLKNTC06: TableDef = TableDef {
    code: "06/QLKNTC",
    title: "TỔNG HỢP CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ TIẾP CÔNG DÂN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
    header: &[
        Group(
            "Ban hành văn bản quản lý, chỉ đạo (Bộ, ngành, tỉnh, TP) về công tác TCD KN, TC",
            &[
                Col(1, "Số văn bản ban hành mới"),
                Col(2, "Số văn bản được sửa đổi, bổ sung"),
                Col(3, "Số văn bản hủy bỏ"),
            ],
        ),
        Group(
            "Tập huấn, tuyên truyền, giáo dục pháp luật về TCD, KN, TC",
            &[Col(4, "Số lớp"), Col(5, "Số người")],
        ),
        Group(
            "Thanh tra trách nhiệm",
            &[
                Group(
                    "Thực hiện pháp luật về TCD, KN, TC",
                    &[Col(6, "Số cuộc"), Col(7, "Số đơn vị")],
                ),
                Col(8, "Số cuộc đã ban hành kết luận"),
                Group(
                    "Kiến nghị xử lý",
                    &[
                        Group("Hành chính", ORG_PERSON),
                        Group("Chuyển cơ quan điều tra", ORG_PERSON),
                    ],
                ),
            ],
        ),
        Group(
            "Kết quả thực hiện kết luận, quyết định xử lý về thanh tra trách nhiệm",
            &[
                Col(13, "Tổng số KLTT thực hiện"),
                Group("Đã xử lý hành chính", ORG_PERSON),
                Group("Đã khởi tố", &[Col(0, "Vụ"), Col(0, "Đối tượng")]),
            ],
        ),
    ],
    formulas: &[],
    at_most: &[(8, 6, true)],
    delegation_size: &[],
    manual: &[
        (1, "Số văn bản ban hành mới"),
        (2, "Số văn bản được sửa đổi, bổ sung"),
        (3, "Số văn bản hủy bỏ"),
        (4, "Số lớp tập huấn, tuyên truyền"),
        (5, "Số người tham dự"),
        (6, "Số cuộc thanh tra trách nhiệm"),
        (7, "Số đơn vị được thanh tra"),
        (8, "Số cuộc đã ban hành kết luận"),
        (9, "Kiến nghị xử lý hành chính: tổ chức"),
        (10, "Kiến nghị xử lý hành chính: cá nhân"),
        (11, "Kiến nghị chuyển cơ quan điều tra: tổ chức"),
        (12, "Kiến nghị chuyển cơ quan điều tra: cá nhân"),
        (13, "Tổng số kết luận thanh tra phải thực hiện"),
        (14, "Đã xử lý hành chính: tổ chức"),
        (15, "Đã xử lý hành chính: cá nhân"),
        (16, "Đã khởi tố: vụ"),
        (17, "Đã khởi tố: đối tượng"),
    ],
    units: &[],
};

pub(crate) fn def(form: FormId) -> Option<&'static TableDef> {
    match form {
        FormId::Tcd01 => Some(&TCD01),
        FormId::Xld02 => Some(&XLD02),
        FormId::Gqkn03 => Some(&GQKN03),
        FormId::Gqtc04 => Some(&GQTC04),
        FormId::Kqth05 => Some(&KQTH05),
        FormId::Qlkntc06 => Some(&QLKNTC06),
        FormId::So | FormId::AllTables | FormId::Report => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each table is titled as Thông tư 06/2025/TT-TTCP prints it, word for word (the
    /// circular's appendix, the line above "Số liệu tính từ ngày…" of each table).
    #[test]
    fn every_table_is_titled_as_the_circular_prints_it() {
        let titles: Vec<(&str, &str)> = [TCD01, XLD02, GQKN03, GQTC04, KQTH05, QLKNTC06]
            .iter()
            .map(|d| (d.code, d.title))
            .collect();
        assert_eq!(
            titles,
            [
                (
                    "01/TCD",
                    "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT"
                ),
                ("02/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN"),
                ("03/GQKN", "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI"),
                ("04/GQTC", "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO"),
                (
                    "05/KQTH",
                    "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH, THỰC HIỆN KẾT LUẬN"
                ),
                (
                    "06/QLKNTC",
                    "TỔNG HỢP CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ TIẾP CÔNG DÂN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO"
                ),
            ]
        );
    }
}
