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

/// What a sample (and a generated) mixed petition carries.
pub(crate) fn contents_of(kind: PetitionKind) -> Vec<PetitionKind> {
    if kind == PetitionKind::Mixed {
        vec![PetitionKind::Complaint, PetitionKind::Proposal]
    } else {
        vec![]
    }
}

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
            correct: false,
        }
    }
}

/// Fill an empty register with a half-year ending today (the store's clock). Refused on a
/// register that already holds records, so sample data never mixes with real data.
pub fn load_demo(store: &mut Store, seed: u64) -> Result<DemoSummary> {
    store.require(crate::access::Permission::Record)?;
    load(store, seed, true)
}

/// Add a sample half-year ending today, whatever the register holds (benchmarks stack
/// several of them by moving the clock).
pub fn append_demo(store: &mut Store, seed: u64) -> Result<DemoSummary> {
    load(store, seed, false)
}

fn load(store: &mut Store, seed: u64, only_if_empty: bool) -> Result<DemoSummary> {
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
    // Sample records are written by the "sample" actor, so they can be removed later.
    let actor = store.actor();
    store.set_actor(Actor::Sample);
    store.begin_bulk()?;
    // Checked inside the write transaction: two loads at once cannot both find it empty.
    let result = match store.is_empty() {
        Ok(false) if only_if_empty => Err(Error::invalid(
            "sample",
            "Sổ đã có dữ liệu: chỉ nạp dữ liệu mẫu vào một sổ trống.",
        )),
        Err(e) => Err(e),
        _ => fill(store, &mut gen, from, today, &mut summary),
    };
    let ended = store.end_bulk(result.is_ok());
    store.set_actor(actor);
    ended?;
    result.map(|_| summary)
}

fn fill(
    store: &mut Store,
    gen: &mut Gen,
    from: NaiveDate,
    today: NaiveDate,
    s: &mut DemoSummary,
) -> Result<()> {
    let calendar = store.calendar()?;
    let mut day = from;
    while day <= today {
        let weekday = day.weekday();
        let working = calendar
            .is_working_day(day)
            .unwrap_or(weekday != Weekday::Sat && weekday != Weekday::Sun);
        if working {
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
        _ if kind == PetitionKind::Mixed => Handling::Guide,
        // A denunciation is transferred only once: a returning denouncer is guided.
        _ if kind == PetitionKind::Denunciation && returning => Handling::Guide,
        0..=5 => Handling::Guide,
        // A matter is accepted (thụ lý) only with a petition or a written record of it.
        6..=7 if with_petition => Handling::Accept,
        6..=7 => Handling::Guide,
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
        content: content.to_string(),
        kind: Some(kind),
        field_code: Some(field.to_string()),
        handling: handling.clone(),
        case_id,
        chairman_joined: false,
        prior_agencies: None,
        petition: with_petition.then(|| VisitPetitionInput {
            kind,
            contents: contents_of(kind),
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
            duplicate_of: None,
        }),
    })?;
    s.visits += 1;
    if with_petition {
        s.petitions += 1;
        // A petition the desk marked "Thụ lý" (classified at intake) is accepted a few
        // days later; most of those older than a month are resolved by now.
        if handling.handling == Handling::Accept {
            if let Some(id) = &v.petition_id {
                let accepted = (date + Duration::days(gen.rng.i64(1..=3))).min(store.today());
                apply(store, id, MoveAction::Accept, accepted, |m| {
                    m.doc_no = Some(format!("{}/TB-UBND", gen.rng.u32(1..300)));
                })?;
                notify(store, id, kind, accepted)?;
                if date < store.today() - Duration::days(30) && gen.rng.u8(..4) != 0 {
                    let on = (accepted + Duration::days(gen.rng.i64(5..=25))).min(store.today());
                    resolve(store, gen, id, kind, on)?;
                }
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

/// Whether the desk offers `action` on the petition now (the law's rules, as the screen
/// shows them).
fn offered(store: &Store, petition_id: &str, action: MoveAction) -> Result<bool> {
    Ok(store
        .petition_detail(petition_id)?
        .options
        .iter()
        .any(|o| o.action == action && o.allowed))
}

/// Record a move the way the desk does, dated `on`.
fn apply(
    store: &mut Store,
    petition_id: &str,
    action: MoveAction,
    on: NaiveDate,
    edit: impl FnOnce(&mut MoveInput),
) -> Result<()> {
    let mut input = MoveInput::new(petition_id, action, on.to_string());
    edit(&mut input);
    store.write(crate::access::Permission::Record, |tx| {
        crate::desk::movement::apply(tx, &input).map(|_| ())
    })
}

/// The denouncer told of the acceptance two days after the decision (Luật Tố cáo 2018,
/// Điều 29: within five working days), or today if that is sooner.
fn notify(store: &mut Store, id: &str, kind: PetitionKind, accepted: NaiveDate) -> Result<()> {
    if kind != PetitionKind::Denunciation {
        return Ok(());
    }
    let on = (accepted + Duration::days(2)).min(store.today());
    apply(store, id, MoveAction::Notify, on, |m| {
        m.doc_no = Some("TB thụ lý tố cáo".into());
    })
}

fn resolve(
    store: &mut Store,
    gen: &mut Gen,
    id: &str,
    kind: PetitionKind,
    on: NaiveDate,
) -> Result<()> {
    let outcome = match kind {
        PetitionKind::Complaint | PetitionKind::Denunciation => [
            Outcome::Right,
            Outcome::PartlyRight,
            Outcome::Wrong,
            Outcome::Wrong,
        ][gen.rng.usize(..4)],
        _ => Outcome::Answered,
    };
    let doc = format!("{}/QĐ-UBND", gen.rng.u32(10..400));
    apply(store, id, MoveAction::Resolve, on, |m| {
        m.outcome = Some(outcome);
        m.doc_no = Some(doc);
    })
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
    let petition = store.create_petition(&NewPetition {
        received_on: date.to_string(),
        source,
        source_agency: (source == PetitionSource::Transfer)
            .then(|| "Ban Tiếp công dân thành phố".to_string()),
        kind,
        contents: contents_of(kind),
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
        duplicate_of: None,
        case_id: None,
    })?;
    s.petitions += 1;
    progress(store, gen, &petition, date)
}

/// Take a petition received by post some way along its lifecycle, as a ward would have by
/// today: most are classified within days and then accepted, guided or transferred; a
/// few recent ones wait (some of them overdue), so the dashboard has a queue.
fn progress(store: &mut Store, gen: &mut Gen, p: &Petition, received: NaiveDate) -> Result<()> {
    let today = store.today();
    let age = (today - received).num_days();
    if age < 3 || gen.rng.u8(..12) == 0 {
        return Ok(());
    }
    let classified = (received + Duration::days(gen.rng.i64(1..=3))).min(today);
    let anonymous = p.anonymous;
    let choice = if anonymous || p.kind == PetitionKind::Mixed {
        9
    } else {
        gen.rng.u8(..9)
    };
    let (eligible, competence) = match choice {
        0..=4 => (true, Competence::Within),
        5..=7 => (true, Competence::Outside),
        _ => (
            !anonymous,
            if anonymous {
                Competence::Within
            } else {
                Competence::Outside
            },
        ),
    };
    let signers = p.signers;
    apply(store, &p.id, MoveAction::Classify, classified, |m| {
        m.classification = Some(ClassifyInput {
            kind: p.kind,
            contents: p.contents.clone(),
            field_code: p.field_code.clone(),
            eligible,
            competence,
            signers,
            round: Round::First,
            first_round_id: None,
            complex: false,
        })
    })?;
    let decided = (classified + Duration::days(gen.rng.i64(0..=4))).min(today);
    match choice {
        0..=4 => {
            apply(store, &p.id, MoveAction::Accept, decided, |_| {})?;
            notify(store, &p.id, p.kind, decided)?;
            if age > 40 && gen.rng.u8(..5) != 0 {
                let on = (decided + Duration::days(gen.rng.i64(10..=28))).min(today);
                resolve(store, gen, &p.id, p.kind, on)?;
            }
        }
        // A denunciation is transferred once per content, and not one another agency
        // transferred here (Thông tư 05/2021/TT-TTCP, Điều 14).
        5..=6
            if p.kind != PetitionKind::Denunciation
                || offered(store, &p.id, MoveAction::Transfer)? =>
        {
            apply(store, &p.id, MoveAction::Transfer, decided, |m| {
                m.agency = Some("UBND phường Kim Liên".into());
                m.doc_no = Some(format!("{}/PC-UBND", gen.rng.u32(1..200)));
            })?
        }
        // A denunciation written to the ward and not resolved here is transferred, never
        // guided (Luật Tố cáo 2018, Điều 24).
        c if c >= 7
            && !anonymous
            && p.kind == PetitionKind::Denunciation
            && matches!(p.source, PetitionSource::Post | PetitionSource::Online)
            && offered(store, &p.id, MoveAction::Transfer)? =>
        {
            apply(store, &p.id, MoveAction::Transfer, decided, |m| {
                m.agency = Some("Thanh tra tỉnh".into());
            })?
        }
        5..=7 => apply(store, &p.id, MoveAction::Guide, decided, |m| {
            m.agency = Some("Tòa án nhân dân khu vực".into());
        })?,
        _ if anonymous => apply(store, &p.id, MoveAction::File, decided, |m| {
            m.note = Some("Thông tin tố cáo nặc danh, không có căn cứ để kiểm tra".into());
        })?,
        _ => apply(store, &p.id, MoveAction::Guide, decided, |m| {
            m.note = Some("Hướng dẫn công dân tách đơn theo từng nội dung".into());
        })?,
    }
    Ok(())
}
