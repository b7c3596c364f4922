//! The ward report's section III.2 (`shared/reference/bao-cao-dan-van-2025.txt`),
//! period 01/7/2025–20/11/2025, rebuilt record by record:
//! - the chairman: 14 people in 6 visits, 5 proposal petitions, no complaint or denunciation;
//! - the officers: 44 people in 36 visits, no delegation, 21 petitions from 21 visits.

mod common;

use chrono::Duration;
use common::*;
use tiepdan::domain::{HostGroup, PetitionKind};

#[test]
fn section_iii_2_of_the_ward_report() {
    let mut store = store_on("2025-11-21");

    // The chairman receives every Thursday (the first is 03/7/2025): 21 sessions up to
    // 20/11/2025; people came on six of them.
    let mut thursday = date("2025-07-03");
    let mut chairman_sessions = vec![];
    while thursday <= date("2025-11-20") {
        chairman_sessions.push(session(
            &mut store,
            &thursday.to_string(),
            HostGroup::Chairman,
        ));
        thursday += Duration::weeks(1);
    }
    assert_eq!(chairman_sessions.len(), 21);
    // Six visits, 14 people: 3+3+2+2+2+2; five of them hand in a proposal.
    let chairman_visits: [(usize, u32, Option<PetitionKind>); 6] = [
        (0, 3, Some(PetitionKind::Proposal)),
        (2, 3, Some(PetitionKind::Proposal)),
        (5, 2, Some(PetitionKind::Proposal)),
        (9, 2, Some(PetitionKind::Proposal)),
        (14, 2, Some(PetitionKind::Proposal)),
        (18, 2, None),
    ];
    for (i, headcount, petition) in chairman_visits {
        visit(&mut store, &chairman_sessions[i], 1, headcount, petition);
    }

    // The officers: 36 visits on working days, 8 of them by two people (44 people);
    // 21 visits hand in a proposal petition.
    let mut day = date("2025-07-01");
    let mut made = 0;
    while made < 36 {
        if chrono::Datelike::weekday(&day).number_from_monday() <= 5 {
            let s = session(&mut store, &day.to_string(), HostGroup::Officer);
            let people = if made < 8 { 2 } else { 1 };
            let petition = (made % 12 < 7).then_some(PetitionKind::Proposal);
            visit(&mut store, &s, people as usize, people, petition);
            made += 1;
        }
        day += Duration::days(2);
    }
    // Records outside the period must not count: the day before and the day after.
    let before = session(&mut store, "2025-06-30", HostGroup::Officer);
    visit(&mut store, &before, 1, 1, Some(PetitionKind::Complaint));
    let after = session(&mut store, "2025-11-21", HostGroup::Chairman);
    visit(&mut store, &after, 1, 4, Some(PetitionKind::Denunciation));

    let r = report(&store, "2025-07-01", "2025-11-20");

    assert_eq!(r.chairman.sessions, 21);
    assert_eq!(r.chairman.reception_days, 21);
    assert_eq!(r.chairman.empty_sessions, 15);
    assert_eq!(r.chairman.visits, 6);
    assert_eq!(r.chairman.people, 14);
    assert_eq!(r.chairman.delegations, 0);
    assert_eq!(r.chairman.cases, 6);
    assert_eq!((r.chairman.cases_first, r.chairman.cases_repeat), (6, 0));
    assert_eq!(r.chairman.petitions_at_visits.proposal, 5);
    assert_eq!(r.chairman.petitions_at_visits.complaint, 0);
    assert_eq!(r.chairman.petitions_at_visits.denunciation, 0);
    assert_eq!(r.chairman.petitions_at_visits.total, 5);

    assert_eq!(r.officer.visits, 36);
    assert_eq!(r.officer.people, 44);
    assert_eq!(r.officer.delegations, 0);
    assert_eq!(r.officer.delegation_people, 0);
    assert_eq!(r.officer.cases, 36);
    assert_eq!(r.officer.petitions_at_visits.total, 21);
    assert_eq!(r.officer.petitions_at_visits.proposal, 21);
    assert_eq!(r.officer.visits_with_petition, 21);

    assert_eq!(r.deputy.visits, 0);
    assert_eq!(r.council.visits, 0);
    // 01/TCD total = officers + chairman.
    assert_eq!(r.reception.visits, 42);
    assert_eq!(r.reception.people, 58);
    assert_eq!(r.reception.cases, 42);
    assert_eq!(r.reception.reception_days, 21);
    // Petitions received in the period: 26, all handed in at visits.
    assert_eq!(r.petitions_received.total, 26);
    assert_eq!(r.petitions_by_source.visit, 26);

    assert_eq!(
        r.sentences[0],
        "Chủ tịch UBND phường Việt Hòa đã tiếp 14 người với 6 lượt, tiếp nhận 5 đơn phản ánh, kiến nghị, không có đơn khiếu nại, tố cáo nào của công dân, tổ chức."
    );
    assert_eq!(
        r.sentences[1],
        "Có 15 buổi tiếp của Chủ tịch UBND phường Việt Hòa không có công dân đến."
    );
    assert_eq!(
        r.sentences[2],
        "Ban tiếp công dân: đã tiếp 44 người, với 36 lượt công dân, không có đoàn đông người. Trong đó công dân đến phản ánh, kiến nghị kèm theo đơn: 21 đơn/21 lượt."
    );
    // What a Mẫu 02 narrative needs beyond section III.2, worked out by hand:
    // 6 + 36 visits, 14 + 44 people, each visit its own case, no delegation;
    assert_eq!(
        r.sentences[3],
        "Tổng cộng đã tiếp 42 lượt, 58 người, 42 vụ việc, không có đoàn đông người."
    );
    // 26 petitions received plus the 30/6 complaint still unreviewed at 01/7, none
    // reviewed yet;
    assert_eq!(
        r.sentences[4],
        "Tổng số đơn phải xử lý: 27 đơn, gồm 26 đơn tiếp nhận trong kỳ và 1 đơn kỳ trước chuyển sang; chưa có đơn nào được xử lý."
    );
    // whole weeks Mon 07/7 … Sun 16/11/2025: 4 + 4 + 5 + 4 + 2 = 19, against 21 days held;
    assert_eq!(
        r.sentences[5],
        "Chủ tịch UBND phường Việt Hòa tiếp công dân định kỳ 21 ngày, đạt mức tối thiểu 19 ngày (Luật Tiếp công dân 2013, Điều 15: ít nhất 1 ngày mỗi tuần)."
    );
    // the 143 days before (08/02–30/06/2025) hold the one visit of 30/6.
    assert_eq!(
        r.sentences[6],
        "So với kỳ trước (từ ngày 08/02/2025 đến ngày 30/06/2025): số lượt tiếp tăng 41 (từ 1 lên 42), số người được tiếp tăng 57 (từ 1 lên 58), số vụ việc tăng 41 (từ 1 lên 42), số đơn tiếp nhận tăng 25 (từ 1 lên 26)."
    );
    assert_eq!(r.sentences.len(), 7, "{:#?}", r.sentences);
}
