//! CSV for Excel on Windows: a BOM, CRLF, RFC 4180 quoting, no formulas.

use tiepdan::export::csv_bytes;

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

#[test]
fn bom_crlf_vietnamese_and_quoting() {
    let header = strings(&["STT", "Họ và tên", "Nội dung"]);
    let rows = vec![
        strings(&["1", "Nguyễn Văn Đức", "Đề nghị cấp giấy chứng nhận"]),
        strings(&["2", "Trần Thị \"Hồng\"", "Lối đi chung, cống thoát nước"]),
        strings(&["3", "Lê Quang Vinh", "Dòng một\nDòng hai"]),
    ];
    let bytes = csv_bytes(&header, &rows).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM first");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert_eq!(
        text,
        "STT,Họ và tên,Nội dung\r\n\
         1,Nguyễn Văn Đức,Đề nghị cấp giấy chứng nhận\r\n\
         2,\"Trần Thị \"\"Hồng\"\"\",\"Lối đi chung, cống thoát nước\"\r\n\
         3,Lê Quang Vinh,\"Dòng một\nDòng hai\"\r\n"
    );

    // Read back by a CSV reader: the same cells.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        vec!["STT", "Họ và tên", "Nội dung"]
    );
    let back: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(back, rows);
}

#[test]
fn a_leading_formula_sign_is_neutralised() {
    let header = strings(&["Họ và tên", "Ghi chú"]);
    let rows = vec![
        strings(&["=HYPERLINK(\"http://x\",\"Bấm\")", "+84 912 345 678"]),
        strings(&["-1", "@SUM(A1)"]),
        strings(&["An = Bình", "a-b"]),
    ];
    let bytes = csv_bytes(&header, &rows).unwrap();
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[1],
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"Bấm\"\")\",'+84 912 345 678"
    );
    assert_eq!(lines[2], "'-1,'@SUM(A1)");
    // Only a leading sign: inside the text it is left alone.
    assert_eq!(lines[3], "An = Bình,a-b");
}

#[test]
fn a_row_of_the_wrong_length_is_refused() {
    let header = strings(&["A", "B"]);
    let err = csv_bytes(&header, &[strings(&["1"])]).unwrap_err();
    assert!(err.to_string().contains("dòng 1 có 1 ô"), "{err}");
}

#[test]
fn an_empty_list_is_the_header_alone() {
    let bytes = csv_bytes(&strings(&["STT", "Ngày tiếp"]), &[]).unwrap();
    assert_eq!(bytes, "\u{FEFF}STT,Ngày tiếp\r\n".as_bytes());
}
