//! Sample data: a realistic ward half-year (a few dozen visits a month, weekly chairman
//! sessions, some delegations and repeat cases), generated from a fixed seed through the
//! same core functions an officer uses, so it obeys every rule.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::*;
use crate::error::{Error, Result};
use crate::store::Store;

pub const DEFAULT_SEED: u64 = 2026;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoSummary {
    pub from: String,
    pub to: String,
    pub sessions: u32,
    pub visits: u32,
    pub petitions: u32,
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn",
];
const MIDDLE_M: &[&str] = &["Văn", "Đức", "Minh", "Hữu", "Quang", "Công", "Xuân", "Đình"];
const MIDDLE_F: &[&str] = &["Thị", "Thu", "Ngọc", "Thanh", "Kim", "Hồng", "Mai"];
const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hòa", "Hùng", "Khánh", "Long", "Minh",
    "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Đạt",
];
const GIVEN_F: &[&str] = &[
    "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hằng", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương",
    "Tâm", "Thảo", "Trang", "Yến", "Oanh", "Huyền",
];
const STREETS: &[&str] = &[
    "Tổ dân phố 1",
    "Tổ dân phố 2",
    "Tổ dân phố 3",
    "Tổ dân phố 4",
    "Tổ dân phố 5",
    "Tổ dân phố 6",
    "Tổ dân phố 7",
    "Tổ dân phố 8",
    "Khu tập thể Bình Minh",
    "Ngõ 12 Trần Phú",
];

/// (field code, petition kind, content) of typical matters at a ward desk.
const MATTERS: &[(&str, PetitionKind, &str)] = &[
    (
        "tthc",
        PetitionKind::Proposal,
        "Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất",
    ),
    (
        "tthc",
        PetitionKind::Proposal,
        "Hỏi thủ tục đăng ký thường trú cho con",
    ),
    (
        "tthc",
        PetitionKind::Proposal,
        "Phản ánh thời gian giải quyết hồ sơ chứng thực chậm",
    ),
    (
        "chinh_sach",
        PetitionKind::Proposal,
        "Đề nghị xem xét hỗ trợ hộ cận nghèo",
    ),
    (
        "chinh_sach",
        PetitionKind::Proposal,
        "Đề nghị giải quyết chế độ trợ cấp người có công",
    ),
    (
        "chinh_sach",
        PetitionKind::Complaint,
        "Khiếu nại việc không được xét trợ cấp xã hội hằng tháng",
    ),
    (
        "vsmt",
        PetitionKind::Proposal,
        "Phản ánh rác thải tồn đọng tại đầu ngõ",
    ),
    (
        "vsmt",
        PetitionKind::Proposal,
        "Phản ánh tiếng ồn từ xưởng sản xuất ban đêm",
    ),
    (
        "vsmt",
        PetitionKind::Proposal,
        "Phản ánh cống thoát nước bị tắc gây ngập",
    ),
    (
        "tu_phap",
        PetitionKind::Proposal,
        "Đề nghị hướng dẫn thủ tục chứng thực di chúc",
    ),
    (
        "tu_phap",
        PetitionKind::Proposal,
        "Đề nghị hòa giải tranh chấp lối đi chung",
    ),
    (
        "dat_dai",
        PetitionKind::Proposal,
        "Đề nghị xác định lại ranh giới thửa đất với hộ liền kề",
    ),
    (
        "dat_dai",
        PetitionKind::Complaint,
        "Khiếu nại quyết định xử phạt vi phạm về đất đai",
    ),
    (
        "dat_dai",
        PetitionKind::Proposal,
        "Kiến nghị về mức hỗ trợ giải phóng mặt bằng dự án mở rộng đường",
    ),
    (
        "xay_dung",
        PetitionKind::Proposal,
        "Phản ánh công trình xây dựng lấn chiếm vỉa hè",
    ),
    (
        "xay_dung",
        PetitionKind::Denunciation,
        "Tố cáo cán bộ địa chính nhận tiền khi giải quyết hồ sơ",
    ),
    (
        "khac",
        PetitionKind::Proposal,
        "Kiến nghị lắp đèn chiếu sáng ngõ",
    ),
    (
        "khac",
        PetitionKind::Mixed,
        "Đơn nhiều nội dung về đất đai và chính sách",
    ),
];

struct Gen {
    rng: fastrand::Rng,
    people: Vec<(PersonInput, Option<(String, usize)>)>,
    next_id: u64,
}

impl Gen {
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.rng.usize(..items.len())]
    }

    fn person(&mut self) -> PersonInput {
        let female = self.rng.bool();
        let name = format!(
            "{} {} {}",
            self.pick(FAMILY),
            self.pick(if female { MIDDLE_F } else { MIDDLE_M }),
            self.pick(if female { GIVEN_F } else { GIVEN_M })
        );
        self.next_id += 1;
        let year = self.rng.u32(45..=99);
        let id_number = (self.rng.u8(..10) < 8).then(|| {
            format!(
                "001{}{year:02}{:06}",
                if female { 1 } else { 0 },
                self.next_id * 7919 % 1_000_000
            )
        });
        PersonInput {
            existing_id: None,
            full_name: name,
            id_kind: id_number.as_ref().map(|_| IdKind::CanCuoc),
            id_number,
            address: Some(self.pick(STREETS).to_string()),
            phone: (self.rng.bool()).then(|| format!("09{:08}", self.rng.u32(..100_000_000))),
        }
    }
}

/// Fill an empty register with a half-year ending today (the store's clock). Refused on a
/// register that already holds records, so sample data never mixes with real data.
pub fn load_demo(store: &mut Store, seed: u64) -> Result<DemoSummary> {
    if !store.is_empty()? {
        return Err(Error::invalid(
            "sample",
            "Sổ đã có dữ liệu: chỉ nạp dữ liệu mẫu vào một sổ trống.",
        ));
    }
    append_demo(store, seed)
}

/// Add a sample half-year ending today, whatever the register holds (benchmarks stack
/// several of them by moving the clock).
pub fn append_demo(store: &mut Store, seed: u64) -> Result<DemoSummary> {
    let today = store.today();
    let from = today - Duration::weeks(26);
    let mut gen = Gen {
        rng: fastrand::Rng::with_seed(seed),
        people: vec![],
        next_id: 0,
    };
    let mut summary = DemoSummary {
        from: from.to_string(),
        to: today.to_string(),
        ..Default::default()
    };
    store.begin_bulk()?;
    let result = fill(store, &mut gen, from, today, &mut summary);
    store.end_bulk(result.is_ok())?;
    result.map(|_| summary)
}

fn fill(
    store: &mut Store,
    gen: &mut Gen,
    from: NaiveDate,
    today: NaiveDate,
    s: &mut DemoSummary,
) -> Result<()> {
    let mut day = from;
    while day <= today {
        let weekday = day.weekday();
        if weekday != Weekday::Sat && weekday != Weekday::Sun {
            // The reception officers sit every working day.
            let visits = [0, 0, 1, 1, 1, 2, 2, 3][gen.rng.usize(..8)];
            session(
                store,
                gen,
                day,
                HostGroup::Officer,
                SessionKind::Regular,
                visits,
                s,
            )?;
            // The chairman's weekly reception, on Thursday.
            if weekday == Weekday::Thu {
                let visits = [0, 1, 1, 2, 2, 3][gen.rng.usize(..6)];
                session(
                    store,
                    gen,
                    day,
                    HostGroup::Chairman,
                    SessionKind::Scheduled,
                    visits,
                    s,
                )?;
            }
            // Now and then a petition by post, online or transferred.
            if gen.rng.u8(..10) < 2 {
                post_petition(store, gen, day, s)?;
            }
        }
        day += Duration::days(1);
    }
    Ok(())
}

fn session(
    store: &mut Store,
    gen: &mut Gen,
    date: NaiveDate,
    host: HostGroup,
    kind: SessionKind,
    visits: usize,
    s: &mut DemoSummary,
) -> Result<()> {
    let session = store.create_session(&NewSession {
        date: date.to_string(),
        kind,
        host_group: host,
        host_name: Some(match host {
            HostGroup::Chairman => "Nguyễn Văn Thành".to_string(),
            _ => ["Lê Thị Thu", "Phạm Minh Tuấn"][date.day0() as usize % 2].to_string(),
        }),
        place: Some("Trụ sở UBND phường".to_string()),
        notes: None,
    })?;
    s.sessions += 1;
    for _ in 0..visits {
        visit(store, gen, &session.id, host, date, s)?;
    }
    Ok(())
}

fn visit(
    store: &mut Store,
    gen: &mut Gen,
    session_id: &str,
    host: HostGroup,
    date: NaiveDate,
    s: &mut DemoSummary,
) -> Result<()> {
    // One visit in five is a returning citizen about an earlier case.
    let returning = !gen.people.is_empty() && gen.rng.u8(..5) == 0;
    let (person, case_id, matter) = if returning {
        let i = gen.rng.usize(..gen.people.len());
        let (p, case) = gen.people[i].clone();
        let (case_id, matter) = case.unwrap();
        (p, Some(case_id), matter)
    } else {
        (gen.person(), None, gen.rng.usize(..MATTERS.len()))
    };
    let (field, kind, content) = MATTERS[matter];
    let delegation = gen.rng.u8(..40) == 0;
    let mut persons = vec![person];
    if delegation || gen.rng.u8(..6) == 0 {
        persons.push(gen.person());
    }
    let headcount = if delegation {
        gen.rng.u32(5..=14)
    } else {
        persons.len() as u32
    };
    let with_petition = match host {
        HostGroup::Chairman => gen.rng.u8(..3) == 0,
        _ => gen.rng.bool(),
    };
    let handling = match gen.rng.u8(..10) {
        0..=5 => Handling::Guide,
        6..=7 => Handling::Accept,
        _ => Handling::Transfer,
    };
    let handling = HandlingInput {
        handling,
        agency: (handling == Handling::Transfer)
            .then(|| "Phòng Kinh tế, Hạ tầng và Đô thị".to_string()),
        letter_no: None,
    };
    let v = store.add_visit(&NewVisit {
        session_id: session_id.to_string(),
        persons,
        headcount,
        delegation: None,
        content: content.to_string(),
        kind: Some(kind),
        field_code: Some(field.to_string()),
        handling: handling.clone(),
        case_id,
        chairman_joined: false,
        petition: with_petition.then(|| VisitPetitionInput {
            kind,
            field_code: Some(field.to_string()),
            content: content.to_string(),
            respondent: None,
            handling: handling.clone(),
            classification: Classification {
                round: Round::First,
                competence: if handling.handling == Handling::Accept {
                    Competence::Within
                } else {
                    Competence::Outside
                },
                eligible: Some(true),
            },
        }),
    })?;
    s.visits += 1;
    if with_petition {
        s.petitions += 1;
        if date < store.today() - Duration::days(30) && gen.rng.u8(..4) != 0 {
            let id = store
                .petitions(&PetitionFilter {
                    from: Some(date.to_string()),
                    to: Some(date.to_string()),
                    ..Default::default()
                })?
                .into_iter()
                .find(|p| p.visit_id.as_deref() == Some(v.id.as_str()))
                .map(|p| p.id);
            if let Some(id) = id {
                store.set_petition_status(
                    &id,
                    PetitionStatus::Closed,
                    Some("Đã trả lời công dân".into()),
                )?;
            }
        }
    }
    if let Some(first) = v.persons.first() {
        let known = PersonInput {
            existing_id: Some(first.id.clone()),
            full_name: first.full_name.clone(),
            ..Default::default()
        };
        gen.people.push((known, Some((v.case_id.clone(), matter))));
    }
    Ok(())
}

fn post_petition(
    store: &mut Store,
    gen: &mut Gen,
    date: NaiveDate,
    s: &mut DemoSummary,
) -> Result<()> {
    let (field, kind, content) = MATTERS[gen.rng.usize(..MATTERS.len())];
    let source = [
        PetitionSource::Post,
        PetitionSource::Online,
        PetitionSource::Transfer,
    ][gen.rng.usize(..3)];
    let anonymous = kind == PetitionKind::Denunciation && gen.rng.bool();
    store.create_petition(&NewPetition {
        received_on: date.to_string(),
        source,
        source_agency: (source == PetitionSource::Transfer)
            .then(|| "Ban Tiếp công dân thành phố".to_string()),
        kind,
        field_code: Some(field.to_string()),
        content: content.to_string(),
        anonymous,
        petitioners: if anonymous {
            vec![]
        } else {
            vec![gen.person()]
        },
        respondent: None,
        handling: HandlingInput::default(),
        classification: Classification::default(),
        case_id: None,
    })?;
    s.petitions += 1;
    Ok(())
}
