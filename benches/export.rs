//! Speed of the exports at stress scale, on rows made by hand: the register of 20,000
//! visits as xlsx (goal: under a second in release), the six-table workbook, a report as
//! docx and a 20,000-row csv. Run: `cargo bench --bench export`; `cargo test` runs each
//! body once on 200 rows.

use criterion::{criterion_group, criterion_main, Criterion};
use tiepdan::export::{csv_bytes, register_xlsx, Progress};
use tiepdan::forms::{HeaderCell, Register, RegisterBook};
use tiepdan::period::PeriodRange;

const ROWS: usize = 20_000;

fn cell(row: u16, col: u16, rows: u16, cols: u16, label: &str) -> HeaderCell {
    HeaderCell {
        row,
        col,
        rows,
        cols,
        label: label.to_string(),
    }
}

/// The Sổ of `rows` visits, with the 12 columns and two-row header of Mẫu 03.
fn register(rows: usize) -> Register {
    let columns = [
        "STT",
        "Ngày tiếp",
        "Họ tên - Địa chỉ",
        "CMND/Hộ chiếu của người đến",
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
        .map(|c| cell(0, c, 2, 1, columns[c as usize]))
        .collect();
    header.push(cell(0, 7, 1, 3, "Hướng xử lý"));
    header.extend((7..10).map(|c| cell(1, c, 1, 1, columns[c as usize])));
    header.push(cell(0, 10, 2, 1, columns[10]));
    header.push(cell(0, 11, 2, 1, columns[11]));
    let names = [
        "Nguyễn Văn Đức",
        "Trần Thị Hồng Nhung",
        "Lê Quang Vinh",
        "Phạm Thị Thu Hà",
    ];
    let streets = [
        "tổ 3, phường Việt Hòa",
        "số 12 Nguyễn Trãi, phường Việt Hòa",
        "khu 5, phường Việt Hòa",
    ];
    let rows = (0..rows)
        .map(|i| {
            vec![
                (i + 1).to_string(),
                format!("{:02}/{:02}/2026", i % 28 + 1, i % 12 + 1),
                format!("{} - {}", names[i % names.len()], streets[i % streets.len()]),
                format!("0010{:08}", i * 7919 % 100_000_000),
                format!(
                    "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất cho thửa số {} tờ bản đồ số {}; hộ liền kề lấn chiếm lối đi chung.",
                    i % 400,
                    i % 30
                ),
                if i % 3 == 0 { "Khiếu nại/1".into() } else { "Kiến nghị, phản ánh/2".into() },
                String::new(),
                if i % 2 == 0 { "x".into() } else { String::new() },
                if i % 2 == 1 { "Hướng dẫn đến TAND khu vực 1".into() } else { String::new() },
                String::new(),
                "Đã trả lời bằng văn bản".into(),
                String::new(),
            ]
        })
        .collect();
    Register {
        model: "Mẫu số 03/TCD".into(),
        title: "SỔ TIẾP CÔNG DÂN".into(),
        data_line: "Từ ngày 01/07/2026 đến ngày 31/12/2026".into(),
        unit_name: "UBND phường Việt Hòa".into(),
        period: PeriodRange {
            from: "2026-07-01".into(),
            to: "2026-12-31".into(),
        },
        header_rows: 2,
        header,
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

fn bench(c: &mut Criterion) {
    // `cargo test` (no `--bench`): each body once (criterion's test mode), on 200 rows.
    let rows = if std::env::args().any(|a| a == "--bench") {
        ROWS
    } else {
        200
    };
    let book = RegisterBook {
        parts: vec![register(rows)],
    };
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function(format!("register_xlsx_{rows}_rows"), |b| {
        b.iter(|| register_xlsx(&book, &Progress::none()).unwrap())
    });
    let header = book.parts[0].columns.clone();
    group.bench_function(format!("csv_{rows}_rows"), |b| {
        b.iter(|| csv_bytes(&header, &book.parts[0].rows).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
