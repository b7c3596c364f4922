//! The Sổ tiếp công dân as the office keeps it: Mẫu số 03 of Thông tư 04/2021/TT-TTCP
//! for visits up to 30/6/2026, Mẫu số 03/TCD of Nghị định 154/2026/NĐ-CP from 01/7/2026
//! (domain.md §2). A range across that day gives two parts, each in its own form.

use chrono::{Duration, NaiveDate};

use super::def::Node::{self, Col, Group};
use super::layout;
use super::table::{Register, RegisterBook};
use crate::domain::{Handling, HostGroup, PetitionKind, SessionKind};
use crate::error::Result;
use crate::law::regime::law_2025_in_force;
use crate::period::Period;
use crate::store::{self, RegisterVisit, Store};

/// The register's columns that hold a whole number (an export writes them as numbers, so
/// that a spreadsheet sums and sorts them).
const STT: &str = "STT";
const PEOPLE: &str = "Số công dân cùng nội dung";
pub const COUNT_COLUMNS: [&str; 2] = [STT, PEOPLE];

/// Mẫu số 03 of Thông tư 04/2021/TT-TTCP, its headers word for word.
const TT04: &[Node] = &[
    Col(1, STT),
    Col(2, "Ngày tiếp"),
    Col(3, "Họ tên - Địa chỉ"),
    Col(4, "CMND/Hộ chiếu của công dân"),
    Col(5, "Nội dung vụ việc"),
    Col(6, "Phân loại đơn/Số người"),
    Col(7, "Cơ quan đã giải quyết"),
    Group(
        "Hướng xử lý",
        &[
            Col(8, "Thụ lý để giải quyết"),
            Col(9, "Trả lại đơn và hướng dẫn"),
            Col(10, "Chuyển đơn đến cơ quan, tổ chức đơn vị có thẩm quyền"),
        ],
    ),
    Col(11, "Theo dõi kết quả giải quyết"),
    Col(12, "Ghi chú"),
];

const ND154: &[Node] = &[
    Col(1, STT),
    Col(2, "Ngày tiếp"),
    Col(3, "Họ tên, địa chỉ"),
    Col(4, "Số căn cước/Hộ chiếu"),
    Col(5, "Tóm tắt nội dung vụ việc"),
    Col(6, "Phân loại (KN, TC, KN-PA)"),
    Col(7, PEOPLE),
    Col(8, "Cơ quan đã giải quyết hết thẩm quyền"),
    Group(
        "Hướng xử lý",
        &[
            Col(9, "Thuộc thẩm quyền"),
            Col(10, "Hướng dẫn (số văn bản)"),
            Col(11, "Chuyển đơn (số văn bản)"),
        ],
    ),
    Col(12, "Theo dõi kết quả"),
];

fn short_kind(kind: PetitionKind) -> &'static str {
    match kind {
        PetitionKind::Complaint => "KN",
        PetitionKind::Denunciation => "TC",
        PetitionKind::Proposal => "KN-PA",
        PetitionKind::Mixed => "Nhiều nội dung",
    }
}

/// "KN", or for a mixed matter "Nhiều nội dung (KN, KN-PA)".
fn kind_cell(v: &RegisterVisit, short: bool) -> String {
    let Some(kind) = v.petition_kind.or(v.kind) else {
        return String::new();
    };
    let name = |k: PetitionKind| {
        if short {
            short_kind(k).to_string()
        } else {
            k.label().to_string()
        }
    };
    let carried: Vec<String> = v
        .petition_contents
        .as_deref()
        .unwrap_or("")
        .split(',')
        .filter_map(PetitionKind::from_code)
        .map(|k| short_kind(k).to_string())
        .collect();
    if kind == PetitionKind::Mixed && !carried.is_empty() {
        format!("{} ({})", name(kind), carried.join(", "))
    } else {
        name(kind)
    }
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn names(v: &RegisterVisit) -> String {
    lines(
        v.persons
            .iter()
            .map(|p| match p.address.as_deref().map(str::trim) {
                Some(a) if !a.is_empty() => format!("{} – {a}", p.name),
                _ => p.name.clone(),
            }),
    )
}

/// Each person's document number; with several persons named, each with its holder's
/// name (a person without one would leave the numbers under the wrong names).
fn ids(v: &RegisterVisit) -> String {
    let several = v.persons.len() > 1;
    lines(v.persons.iter().map(|p| {
        match p
            .id_number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(n) if several => format!("{}: {n}", p.name),
            Some(n) => n.to_string(),
            None => String::new(),
        }
    }))
}

/// "Phòng Tư pháp – văn bản số 12/UBND" for a guidance or a transfer.
fn where_to(v: &RegisterVisit) -> String {
    let agency = v.agency.as_deref().map(str::trim).unwrap_or("");
    let letter = v.letter_no.as_deref().map(str::trim).unwrap_or("");
    match (agency.is_empty(), letter.is_empty()) {
        (false, false) => format!("{agency} – văn bản số {letter}"),
        (false, true) => agency.to_string(),
        (true, false) => format!("Văn bản số {letter}"),
        (true, true) => "x".to_string(),
    }
}

fn follow_up(v: &RegisterVisit) -> String {
    match (&v.petition_number, v.petition_state) {
        (Some(n), Some(state)) => {
            let outcome = match (v.petition_kind, v.petition_outcome) {
                (Some(k), Some(o)) => format!(" ({})", crate::law::lifecycle::outcome_label(k, o)),
                _ => String::new(),
            };
            format!("Đơn số {n}: {}{outcome}", state.label())
        }
        _ => match v.handling {
            Handling::Urge => match where_to(v) {
                w if w == "x" => "Đã đôn đốc".to_string(),
                w => format!("Đã đôn đốc: {w}"),
            },
            Handling::File => "Lưu đơn".to_string(),
            _ => String::new(),
        },
    }
}

fn note(v: &RegisterVisit) -> String {
    let host = match v.host_group {
        HostGroup::Chairman => "Chủ tịch UBND tiếp",
        HostGroup::Deputy => "Cấp phó được ủy quyền tiếp",
        _ if v.chairman_joined => "Có Chủ tịch UBND cùng tiếp",
        _ => "",
    };
    let kind = match (v.host_group, v.session_kind) {
        (HostGroup::Chairman | HostGroup::Deputy, SessionKind::AdHoc) => " (đột xuất)",
        (HostGroup::Chairman | HostGroup::Deputy, _) => " (định kỳ)",
        _ => "",
    };
    let delegation = if crate::law::counting::is_delegation(v.headcount) {
        "Đoàn đông người"
    } else {
        ""
    };
    lines([format!("{host}{kind}"), delegation.to_string()].into_iter())
}

fn date_cell(v: &RegisterVisit) -> String {
    NaiveDate::parse_from_str(&v.date, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| v.date.clone())
}

/// Within the ward's competence, to be resolved here: its petition classified so, or,
/// while the petition's competence is not decided (or there is none), accepted at the
/// visit. Both forms mark it "x" (Mẫu 03, column 8 "Thụ lý để giải quyết"; Mẫu 03/TCD,
/// column 9 "Thuộc thẩm quyền"). A petition found outside the competence is not, whatever
/// the desk chose.
fn within(v: &RegisterVisit) -> bool {
    use crate::domain::Competence;
    match v.petition_competence {
        Some(Competence::Within) => true,
        Some(Competence::Outside) => false,
        _ => v.handling == Handling::Accept,
    }
}

fn tt04_row(i: usize, v: &RegisterVisit) -> Vec<String> {
    // "Thụ lý để giải quyết": within competence and not turned away since (declined,
    // returned, guided elsewhere, filed, sent on), nor at the visit: one handling of the
    // three (a visit guided or sent on at the desk keeps that handling, whatever its
    // petition became later).
    use crate::domain::PetitionState as S;
    let guided = matches!(v.handling, Handling::Guide | Handling::Return);
    let accepted = within(v)
        && !guided
        && v.handling != Handling::Transfer
        && !matches!(
            v.petition_state,
            Some(S::Declined | S::Returned | S::Guided | S::Filed | S::Transferred | S::Urged)
        );
    vec![
        (i + 1).to_string(),
        date_cell(v),
        names(v),
        ids(v),
        v.content.clone(),
        match kind_cell(v, false) {
            k if k.is_empty() => format!("{} người", v.headcount),
            k => format!("{k}/{} người", v.headcount),
        },
        v.prior_agencies.clone().unwrap_or_default(),
        if accepted { "x".into() } else { String::new() },
        if guided { where_to(v) } else { String::new() },
        if v.handling == Handling::Transfer {
            where_to(v)
        } else {
            String::new()
        },
        follow_up(v),
        note(v),
    ]
}

fn nd154_row(i: usize, v: &RegisterVisit) -> Vec<String> {
    let within = within(v);
    vec![
        (i + 1).to_string(),
        date_cell(v),
        names(v),
        ids(v),
        v.content.clone(),
        kind_cell(v, true),
        v.headcount.to_string(),
        v.prior_agencies.clone().unwrap_or_default(),
        if within { "x".into() } else { String::new() },
        if matches!(v.handling, Handling::Guide | Handling::Return) {
            where_to(v)
        } else {
            String::new()
        },
        if v.handling == Handling::Transfer {
            where_to(v)
        } else {
            String::new()
        },
        follow_up(v),
    ]
}

fn part(unit_name: &str, period: Period, visits: &[RegisterVisit], new_form: bool) -> Register {
    let (rows_, header, leaves) = layout::grid(if new_form { ND154 } else { TT04 }, false);
    Register {
        model: if new_form {
            "Mẫu số 03/TCD (ban hành kèm theo Nghị định số 154/2026/NĐ-CP)".to_string()
        } else {
            "Mẫu số 03 (ban hành kèm theo Thông tư số 04/2021/TT-TTCP)".to_string()
        },
        title: "SỔ TIẾP CÔNG DÂN".to_string(),
        data_line: format!(
            "Từ ngày {} đến ngày {}",
            period.from.format("%d/%m/%Y"),
            period.to.format("%d/%m/%Y")
        ),
        unit_name: format!("ỦY BAN NHÂN DÂN {}", unit_name.trim().to_uppercase()),
        period: period.to_range(),
        header_rows: rows_,
        header,
        columns: leaves.iter().map(|l| l.label.to_string()).collect(),
        rows: visits
            .iter()
            .enumerate()
            .map(|(i, v)| {
                if new_form {
                    nd154_row(i, v)
                } else {
                    tt04_row(i, v)
                }
            })
            .collect(),
    }
}

/// The book of a range of dates: the visits up to 30/6/2026 in Mẫu số 03 (TT 04/2021),
/// those from 01/7/2026 in Mẫu số 03/TCD (NĐ 154/2026).
pub fn register_book(store: &Store, period: Period) -> Result<RegisterBook> {
    register_book_with(store, period, false)
}

/// [`register_book`]; `full`: a leader's book with every denunciator's name (the caller
/// records the export in the audit history).
pub fn register_book_with(store: &Store, period: Period, full: bool) -> Result<RegisterBook> {
    store.require(crate::access::Permission::ViewRecords)?;
    if full {
        store.require(crate::access::Permission::Reveal)?;
    }
    let unit = store.settings()?.unit_name;
    let switch = law_2025_in_force();
    let mut parts = Vec::new();
    if period.from < switch {
        let old = Period {
            from: period.from,
            to: period.to.min(switch - Duration::days(1)),
        };
        let visits = store::register_visits(store.conn(), old, full)?;
        parts.push(part(&unit, old, &visits, false));
    }
    if period.to >= switch {
        let new = Period {
            from: period.from.max(switch),
            to: period.to,
        };
        let visits = store::register_visits(store.conn(), new, full)?;
        parts.push(part(&unit, new, &visits, true));
    }
    if full {
        // The full book says what it is on every sheet: it names denunciators.
        for p in &mut parts {
            p.title = format!("{} (BẢN ĐẦY ĐỦ, CÓ DANH TÍNH NGƯỜI TỐ CÁO – MẬT)", p.title);
        }
    }
    Ok(RegisterBook { parts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::RegisterPerson;

    fn visit_of(persons: Vec<(&str, Option<&str>)>) -> RegisterVisit {
        RegisterVisit {
            id: "v".into(),
            date: "2026-10-05".into(),
            session_kind: SessionKind::Regular,
            host_group: HostGroup::Officer,
            host_name: None,
            chairman_joined: false,
            headcount: persons.len() as u32,
            content: "Nội dung".into(),
            kind: None,
            handling: Handling::Accept,
            agency: None,
            letter_no: None,
            persons: persons
                .into_iter()
                .map(|(name, id)| RegisterPerson {
                    name: name.into(),
                    address: None,
                    id_number: id.map(str::to_string),
                })
                .collect(),
            prior_agencies: None,
            petition_number: None,
            petition_kind: None,
            petition_contents: None,
            petition_state: None,
            petition_outcome: None,
            petition_competence: None,
        }
    }

    /// With several persons, a number says whose it is: the second person's alone under
    /// two names read as the first one's.
    #[test]
    fn document_numbers_name_their_holder_when_several_came() {
        let one = visit_of(vec![("Lê Văn An", Some("001099000111"))]);
        assert_eq!(ids(&one), "001099000111");
        let two = visit_of(vec![
            ("Lê Văn An", None),
            ("Trần Thị Bình", Some("001199000222")),
        ]);
        assert_eq!(ids(&two), "Trần Thị Bình: 001199000222");
        let none = visit_of(vec![("Lê Văn An", None), ("Trần Thị Bình", None)]);
        assert_eq!(ids(&none), "");
    }

    #[test]
    fn both_forms_have_twelve_numbered_columns() {
        for (nodes, name) in [(TT04, "TT04"), (ND154, "NĐ154")] {
            let (rows, _, leaves) = layout::grid(nodes, false);
            assert_eq!(rows, 2, "{name}");
            assert_eq!(leaves.len(), 12, "{name}");
            for (i, l) in leaves.iter().enumerate() {
                assert_eq!(usize::from(l.declared), i + 1, "{name}");
            }
        }
    }
}
