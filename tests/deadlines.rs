//! Deadlines on real dates, each expected date worked out by hand from the calendar
//! (data/holidays-vn.csv): a period "in N (working) days" starts the day after the event
//! (BLDS 2015 Đ147); a period of days ending on a day off ends on the next working day
//! (Đ148 k5).

mod common;

use common::*;
use tiepdan::domain::*;
use tiepdan::law::calendar::{CalendarDay, DayKind};

use DeadlineStep::*;
use PetitionKind::*;

/// The deadline `step` of petition `id` as of `as_of`.
fn deadline(store: &tiepdan::Store, id: &str, step: DeadlineStep, as_of: &str) -> Option<Deadline> {
    store
        .petitions_as_of(date(as_of))
        .unwrap()
        .into_iter()
        .find(|p| p.id == id)
        .and_then(|p| p.deadlines.into_iter().find(|d| d.step == step))
}

fn due(store: &tiepdan::Store, id: &str, step: DeadlineStep, as_of: &str) -> Option<String> {
    deadline(store, id, step, as_of).and_then(|d| d.due)
}

#[test]
fn across_tet_2026() {
    let mut store = store_on("2026-04-30");
    // A complaint received Fri 13/02/2026, the eve of the Tết break (Sat 14 – Sun 22/02).
    let p = direct_petition(&mut store, "2026-02-13", Complaint);
    // First reply, 10 working days: 23, 24, 25, 26, 27/02 (5), 02, 03, 04, 05, 06/03 (10).
    assert_eq!(
        due(&store, &p, FirstReply, "2026-02-13").as_deref(),
        Some("2026-03-06")
    );
    // Acceptance before 01/7/2026: 10 days, 14/02 … 23/02; Mon 23/02 is a working day.
    assert_eq!(
        due(&store, &p, ComplaintAcceptance, "2026-02-13").as_deref(),
        Some("2026-02-23")
    );
    // No "unprocessed" limit: Nghị định 154/2026 (45 days) applies to petitions received
    // from 01/7/2026; this one keeps the rules of its date.
    assert!(deadline(&store, &p, Unprocessed, "2026-02-13").is_none());
    // As of Tue 24/02 nothing was done: the acceptance is overdue, the reply is not.
    let late = deadline(&store, &p, ComplaintAcceptance, "2026-02-24").unwrap();
    assert!(late.overdue && !late.due_soon);
    let reply = deadline(&store, &p, FirstReply, "2026-02-24").unwrap();
    assert!(!reply.overdue && !reply.due_soon, "8 working days left");
    // As of Tue 03/03: 04, 05, 06/03 are 3 working days left: due soon.
    assert!(
        deadline(&store, &p, FirstReply, "2026-03-03")
            .unwrap()
            .due_soon
    );
    // Accepted on Tue 24/02 (late): resolution 30 days, 24/02 + 30 = 26/03/2026 (Thu).
    classify(
        &mut store,
        &p,
        Complaint,
        true,
        Competence::Within,
        "2026-02-24",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-02-24", |_| {}).unwrap();
    let met = deadline(&store, &p, ComplaintAcceptance, "2026-02-24").unwrap();
    assert_eq!(met.met_on.as_deref(), Some("2026-02-24"));
    assert!(met.late && !met.overdue);
    assert_eq!(
        due(&store, &p, ComplaintResolution, "2026-02-24").as_deref(),
        Some("2026-03-26")
    );
}

#[test]
fn across_national_day_2026_with_the_make_up_saturday() {
    let mut store = store_on("2026-10-30");
    // A denunciation received Thu 20/08/2026; Sat 22/08 is a make-up working day, the
    // break is Sat 29/08 – Wed 02/09 (Mon 31/08 swapped off).
    let p = direct_petition(&mut store, "2026-08-20", Denunciation);
    // Registration and check, 7 working days: 21 (1), Sat 22 (2), 24 (3), 25 (4), 26 (5),
    // 27 (6), 28/08 (7).
    assert_eq!(
        due(&store, &p, DenunciationCheck, "2026-08-20").as_deref(),
        Some("2026-08-28")
    );
    // First reply, 10 working days: … 28/08 (7), 03/09 (8), 04/09 (9), Mon 07/09 (10).
    assert_eq!(
        due(&store, &p, FirstReply, "2026-08-20").as_deref(),
        Some("2026-09-07")
    );
    // Unprocessed, 45 days: 20/08 + 45 = Sun 04/10/2026 → Mon 05/10/2026.
    assert_eq!(
        due(&store, &p, Unprocessed, "2026-08-20").as_deref(),
        Some("2026-10-05")
    );
    // Outside competence: transfer within 5 working days: 21, 22, 24, 25, 26/08.
    classify(
        &mut store,
        &p,
        Denunciation,
        true,
        Competence::Outside,
        "2026-08-21",
    );
    assert_eq!(
        due(&store, &p, DenunciationTransfer, "2026-08-21").as_deref(),
        Some("2026-08-26")
    );
    let rule = deadline(&store, &p, DenunciationTransfer, "2026-08-21")
        .unwrap()
        .rule;
    assert!(rule.contains("Luật Tố cáo 2018, Điều 24"), "{rule}");
    // As of the day before, it was not classified yet: it owed the check then, not the
    // transfer (the classification as it stood, not today's).
    assert_eq!(
        due(&store, &p, DenunciationCheck, "2026-08-20").as_deref(),
        Some("2026-08-28")
    );
    assert_eq!(due(&store, &p, DenunciationTransfer, "2026-08-20"), None);
    move_petition(&mut store, &p, MoveAction::Transfer, "2026-08-25", |m| {
        m.agency = Some("Thanh tra tỉnh".into())
    })
    .unwrap();
    let transfer = deadline(&store, &p, DenunciationTransfer, "2026-08-31").unwrap();
    assert_eq!(transfer.met_on.as_deref(), Some("2026-08-25"));
    assert!(!transfer.late && !transfer.overdue);
}

#[test]
fn a_petition_as_of_a_past_day_is_of_the_kind_it_was_then() {
    let mut store = store_on("2026-10-30");
    // Received as a proposal, found on 20/09 to be a denunciation.
    let p = direct_petition(&mut store, "2026-09-01", Proposal);
    classify(
        &mut store,
        &p,
        Denunciation,
        true,
        Competence::Within,
        "2026-09-20",
    );
    let on = |d: &str| {
        store
            .petitions_as_of(date(d))
            .unwrap()
            .into_iter()
            .find(|r| r.id == p)
            .unwrap()
    };
    let then = on("2026-09-10");
    assert_eq!(then.kind, Proposal);
    let steps: Vec<DeadlineStep> = then.deadlines.iter().map(|d| d.step).collect();
    assert_eq!(
        steps,
        vec![FirstReply, Unprocessed],
        "a proposal's, that day"
    );
    let now = on("2026-09-21");
    assert_eq!(now.kind, Denunciation);
    assert!(now.deadlines.iter().any(|d| d.step == DenunciationCheck));
}

#[test]
fn across_30_april_and_1_may_2026() {
    let mut store = store_on("2026-06-30");
    // A proposal received Wed 29/04/2026: 30/04 and 01/05 are holidays, 02–03/05 the
    // weekend. First reply, 10 working days: 04 (1), 05, 06, 07, 08 (5), 11, 12, 13, 14,
    // 15/05 (10).
    let p = direct_petition(&mut store, "2026-04-29", Proposal);
    assert_eq!(
        due(&store, &p, FirstReply, "2026-04-29").as_deref(),
        Some("2026-05-15")
    );
    // A complaint received Mon 20/04/2026: 10 days end Thu 30/04, a holiday; 01/05 is one
    // too and 02–03/05 the weekend, so the period ends Mon 04/05/2026.
    let q = direct_petition(&mut store, "2026-04-20", Complaint);
    assert_eq!(
        due(&store, &q, ComplaintAcceptance, "2026-04-20").as_deref(),
        Some("2026-05-04")
    );
}

#[test]
fn complaint_acceptance_before_and_from_1_july_2026() {
    let mut store = store_on("2026-07-31");
    // Received Tue 30/06/2026: the 2011 law, 10 days: 01/07 … 10/07 (a Friday).
    let before = direct_petition(&mut store, "2026-06-30", Complaint);
    let d = deadline(&store, &before, ComplaintAcceptance, "2026-06-30").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-07-10"));
    assert!(
        d.rule.contains("Luật Khiếu nại 2011, Điều 27 (10 ngày)"),
        "{}",
        d.rule
    );
    // Received Wed 01/07/2026: Luật 136/2025, 7 working days: 02, 03, 06, 07, 08, 09, 10/07.
    let from = direct_petition(&mut store, "2026-07-01", Complaint);
    let d = deadline(&store, &from, ComplaintAcceptance, "2026-07-01").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-07-10"));
    assert!(d.rule.contains("Luật 136/2025/QH15"), "{}", d.rule);
    // Received Fri 03/07/2026: 7 working days 06, 07, 08, 09, 10, 13, 14/07 — where 10
    // calendar days would have ended Mon 13/07.
    let later = direct_petition(&mut store, "2026-07-03", Complaint);
    assert_eq!(
        due(&store, &later, ComplaintAcceptance, "2026-07-03").as_deref(),
        Some("2026-07-14")
    );
    // Nghị định 154/2026, Điều 41 (a petition left unprocessed over 45 days) from the same
    // day only: 01/07 + 45 = Sat 15/08 → Mon 17/08/2026; none for one received 30/06.
    assert!(deadline(&store, &before, Unprocessed, "2026-06-30").is_none());
    let d = deadline(&store, &from, Unprocessed, "2026-07-01").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-08-17"));
    assert!(
        d.rule.contains("Nghị định 154/2026/NĐ-CP, Điều 41"),
        "{}",
        d.rule
    );
}

/// A second-round complaint is accepted under Điều 36 (not Điều 27), in as many days as a
/// first round: 10 days before 01/7/2026, the setting's working days from then.
#[test]
fn a_second_round_complaint_is_accepted_under_article_36() {
    let mut store = store_on("2026-07-31");
    for (received, due_on, cites) in [
        (
            "2026-06-30",
            "2026-07-10",
            "Điều 36 (khiếu nại lần hai, 10 ngày)",
        ),
        (
            "2026-07-03",
            "2026-07-14",
            "Điều 36 (khiếu nại lần hai); số ngày như lần đầu",
        ),
    ] {
        let p = direct_petition(&mut store, received, Complaint);
        move_petition(&mut store, &p, MoveAction::Classify, received, |m| {
            let mut c = classification(Complaint, true, Competence::Within);
            c.round = Round::Subsequent;
            m.classification = Some(c);
        })
        .unwrap();
        let d = deadline(&store, &p, ComplaintAcceptance, received).unwrap();
        assert_eq!(d.due.as_deref(), Some(due_on), "{received}");
        assert!(d.rule.contains(cites), "{}", d.rule);
        assert!(!d.rule.contains("Điều 27 ("), "{}", d.rule);
    }
}

#[test]
fn a_denunciation_extended_and_suspended() {
    let mut store = store_on("2026-12-31");
    let p = direct_petition(&mut store, "2026-09-01", Denunciation);
    classify(
        &mut store,
        &p,
        Denunciation,
        true,
        Competence::Within,
        "2026-09-02",
    );
    // Accepted Mon 07/09/2026: 30 days, 07/09 + 30 = Wed 07/10/2026.
    move_petition(&mut store, &p, MoveAction::Accept, "2026-09-07", |_| {}).unwrap();
    assert_eq!(
        due(&store, &p, DenunciationResolution, "2026-09-07").as_deref(),
        Some("2026-10-07")
    );
    // Extended by 30 days on 01/10: 07/09 + 60 = Fri 06/11/2026.
    move_petition(&mut store, &p, MoveAction::Extend, "2026-10-01", |m| {
        m.extension_days = Some(30)
    })
    .unwrap();
    assert_eq!(
        due(&store, &p, DenunciationResolution, "2026-10-01").as_deref(),
        Some("2026-11-06")
    );
    // Before the extension was recorded, the old date stands.
    assert_eq!(
        due(&store, &p, DenunciationResolution, "2026-09-30").as_deref(),
        Some("2026-10-07")
    );
    // Suspended Mon 05/10, resumed Thu 15/10: 10 days do not count: 07/09 + 70 = Mon 16/11.
    move_petition(&mut store, &p, MoveAction::Suspend, "2026-10-05", |_| {}).unwrap();
    let running = deadline(&store, &p, DenunciationResolution, "2026-10-10").unwrap();
    assert!(running.suspended && running.due.is_none() && !running.overdue);
    assert!(running.note.unwrap().contains("05/10/2026"));
    move_petition(&mut store, &p, MoveAction::Resume, "2026-10-15", |_| {}).unwrap();
    assert_eq!(
        due(&store, &p, DenunciationResolution, "2026-10-15").as_deref(),
        Some("2026-11-16")
    );
    // Resolved Tue 17/11: one day late.
    move_petition(&mut store, &p, MoveAction::Resolve, "2026-11-17", |m| {
        m.outcome = Some(Outcome::PartlyRight);
        m.doc_no = Some("03/KL-UBND".into());
    })
    .unwrap();
    let d = deadline(&store, &p, DenunciationResolution, "2026-12-01").unwrap();
    assert_eq!(d.met_on.as_deref(), Some("2026-11-17"));
    assert!(d.late && !d.overdue);
}

#[test]
fn a_complaint_extended_as_complex_and_suspended_under_the_new_law() {
    let mut store = store_on("2026-12-31");
    // Accepted Mon 02/03/2026, first round: 30 days, 02/03 + 30 = Wed 01/04/2026.
    let p = direct_petition(&mut store, "2026-02-26", Complaint);
    classify(
        &mut store,
        &p,
        Complaint,
        true,
        Competence::Within,
        "2026-02-27",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-03-02", |_| {}).unwrap();
    assert_eq!(
        due(&store, &p, ComplaintResolution, "2026-03-02").as_deref(),
        Some("2026-04-01")
    );
    // Found complex on 20/03: 45 days, 02/03 + 45 = Thu 16/04/2026.
    move_petition(&mut store, &p, MoveAction::Extend, "2026-03-20", |_| {}).unwrap();
    assert_eq!(
        due(&store, &p, ComplaintResolution, "2026-03-20").as_deref(),
        Some("2026-04-16")
    );
    // Suspension of a complaint is refused before 01/7/2026 (Luật 136/2025/QH15).
    let e = move_petition(&mut store, &p, MoveAction::Suspend, "2026-03-25", |_| {}).unwrap_err();
    assert!(e.to_string().contains("01/7/2026"), "{e}");

    // Under the new law: accepted Mon 06/07/2026, 30 days → Wed 05/08/2026; suspended
    // Mon 20/07, resumed Mon 27/07: 7 days → Wed 12/08/2026.
    let q = direct_petition(&mut store, "2026-07-01", Complaint);
    classify(
        &mut store,
        &q,
        Complaint,
        true,
        Competence::Within,
        "2026-07-02",
    );
    move_petition(&mut store, &q, MoveAction::Accept, "2026-07-06", |_| {}).unwrap();
    assert_eq!(
        due(&store, &q, ComplaintResolution, "2026-07-06").as_deref(),
        Some("2026-08-05")
    );
    move_petition(&mut store, &q, MoveAction::Suspend, "2026-07-20", |_| {}).unwrap();
    move_petition(&mut store, &q, MoveAction::Resume, "2026-07-27", |_| {}).unwrap();
    assert_eq!(
        due(&store, &q, ComplaintResolution, "2026-07-27").as_deref(),
        Some("2026-08-12")
    );
}

/// A suspension on the day a last day falling on a day off was rolled to (BLDS Đ148)
/// came in time; the count goes on from the resumption with no day left, so the time
/// ends on the day it resumed, never before (NĐ 155/2026: "tiếp tục được tính từ ngày
/// ban hành quyết định tiếp tục giải quyết"). A suspension before the last day keeps the
/// days that were left.
#[test]
fn a_suspension_on_the_day_a_rolled_deadline_ends_resumes_with_no_day_left() {
    let mut store = store_on("2026-12-31");
    // Accepted Fri 11/09/2026, 30 days → Sun 11/10, rolled to Mon 12/10.
    let p = direct_petition(&mut store, "2026-09-09", Complaint);
    classify(
        &mut store,
        &p,
        Complaint,
        true,
        Competence::Within,
        "2026-09-10",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-09-11", |_| {}).unwrap();
    assert_eq!(
        due(&store, &p, ComplaintResolution, "2026-09-11").as_deref(),
        Some("2026-10-12")
    );
    // Suspended Mon 12/10 (in time), resumed Wed 14/10: due Wed 14/10, not Tue 13/10
    // (11/10 + 2 days suspended), a day it was still suspended.
    move_petition(&mut store, &p, MoveAction::Suspend, "2026-10-12", |_| {}).unwrap();
    move_petition(&mut store, &p, MoveAction::Resume, "2026-10-14", |_| {}).unwrap();
    let d = deadline(&store, &p, ComplaintResolution, "2026-10-14").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-10-14"));
    assert!(!d.overdue, "{d:?}");

    // A denunciation accepted Mon 03/08/2026: 30 days → Wed 02/09 (Quốc khánh), rolled
    // to Thu 03/09; suspended Thu 03/09, resumed Thu 10/09 → due Thu 10/09.
    let q = direct_petition(&mut store, "2026-07-30", Denunciation);
    classify(
        &mut store,
        &q,
        Denunciation,
        true,
        Competence::Within,
        "2026-07-31",
    );
    move_petition(&mut store, &q, MoveAction::Accept, "2026-08-03", |_| {}).unwrap();
    assert_eq!(
        due(&store, &q, DenunciationResolution, "2026-08-03").as_deref(),
        Some("2026-09-03")
    );
    move_petition(&mut store, &q, MoveAction::Suspend, "2026-09-03", |_| {}).unwrap();
    move_petition(&mut store, &q, MoveAction::Resume, "2026-09-10", |_| {}).unwrap();
    assert_eq!(
        due(&store, &q, DenunciationResolution, "2026-09-10").as_deref(),
        Some("2026-09-10")
    );

    // "Ngày" counted as working days: suspended on the last day, resumed on a Saturday,
    // no day left: due the next working day (the Monday), not the Saturday.
    let mut working = store_on("2026-12-31");
    let mut s = working.settings().unwrap();
    s.deadlines.plain_days_working = true;
    working.save_settings(&s).unwrap();
    let w = direct_petition(&mut working, "2026-09-09", Complaint);
    classify(
        &mut working,
        &w,
        Complaint,
        true,
        Competence::Within,
        "2026-09-10",
    );
    move_petition(&mut working, &w, MoveAction::Accept, "2026-09-11", |_| {}).unwrap();
    let last = date(&due(&working, &w, ComplaintResolution, "2026-09-11").unwrap());
    let saturday = (1..=7)
        .map(|k| last + chrono::Duration::days(k))
        .find(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Sat)
        .unwrap();
    let monday = saturday + chrono::Duration::days(2);
    assert!(working.calendar().unwrap().is_working_day(monday).unwrap());
    move_petition(
        &mut working,
        &w,
        MoveAction::Suspend,
        &last.to_string(),
        |_| {},
    )
    .unwrap();
    move_petition(
        &mut working,
        &w,
        MoveAction::Resume,
        &saturday.to_string(),
        |_| {},
    )
    .unwrap();
    assert_eq!(
        due(&working, &w, ComplaintResolution, &saturday.to_string()),
        Some(monday.to_string())
    );

    // Suspended Fri 09/10, two days before the last one (Sun 11/10); resumed Wed 14/10:
    // the two days left run 15/10 and 16/10 → Fri 16/10.
    let r = direct_petition(&mut store, "2026-09-09", Complaint);
    classify(
        &mut store,
        &r,
        Complaint,
        true,
        Competence::Within,
        "2026-09-10",
    );
    move_petition(&mut store, &r, MoveAction::Accept, "2026-09-11", |_| {}).unwrap();
    move_petition(&mut store, &r, MoveAction::Suspend, "2026-10-09", |_| {}).unwrap();
    move_petition(&mut store, &r, MoveAction::Resume, "2026-10-14", |_| {}).unwrap();
    assert_eq!(
        due(&store, &r, ComplaintResolution, "2026-10-14").as_deref(),
        Some("2026-10-16")
    );
}

#[test]
fn a_year_the_calendar_does_not_know_is_said_plainly() {
    let mut store = store_on("2027-12-31");
    // Received Mon 20/12/2027: 21, 22, 23, 24, 27, 28, 29, 30, 31/12 are 9 working days;
    // the 10th is in 2028, which the calendar does not know.
    let p = direct_petition(&mut store, "2027-12-20", Proposal);
    let d = deadline(&store, &p, FirstReply, "2027-12-20").unwrap();
    assert_eq!(d.due, None);
    assert!(
        d.note.as_deref().unwrap().contains("chưa có năm 2028"),
        "{d:?}"
    );
    let view = store.petition(&p).unwrap();
    assert_eq!(view.urgency, Urgency::Unknown);
    // The administrator adds 2028 (1/1/2028 is a Saturday): the 10th working day is
    // Mon 03/01/2028.
    store
        .save_calendar_year(
            2028,
            &[CalendarDay {
                date: "2028-01-01".into(),
                kind: DayKind::Holiday,
                name: "Tết Dương lịch".into(),
            }],
        )
        .unwrap();
    assert_eq!(
        due(&store, &p, FirstReply, "2027-12-20").as_deref(),
        Some("2028-01-03")
    );
    // The administrator's year is in the CLI's calendar too, and in the history.
    let years = store.calendar_years().unwrap();
    assert!(years
        .iter()
        .any(|y| y.year == 2028 && y.known && !y.shipped));
}

/// A due day in a year whose days off are shipped as a forecast (2027: Tết's first and
/// last days off and the day beside 2/9 are not announced yet) says so in its rule, its
/// status unchanged; once the office lists the year itself, it no longer does. A due day
/// in an announced year says nothing of it (reviewer's finding, 07/12/2026).
#[test]
fn a_due_day_in_a_forecast_year_says_so() {
    let mut store = store_on("2027-03-31");
    // Received Thu 28/01/2027: 10 working days counted across the forecast Tết break.
    let p = direct_petition(&mut store, "2027-01-28", Proposal);
    let d = deadline(&store, &p, FirstReply, "2027-01-28").unwrap();
    assert!(d.due.as_deref().unwrap().starts_with("2027-02"), "{d:?}");
    assert!(
        d.rule.contains("lịch ngày nghỉ năm 2027 dự kiến"),
        "{}",
        d.rule
    );
    assert!(d.note.is_none() && !d.overdue);
    let late = deadline(&store, &p, FirstReply, "2027-03-31").unwrap();
    assert!(late.overdue, "the status stands: {late:?}");
    // Announced 2026: nothing said.
    let q = direct_petition(&mut store, "2026-11-02", Proposal);
    let d = deadline(&store, &q, FirstReply, "2026-11-02").unwrap();
    assert!(!d.rule.contains("dự kiến"), "{}", d.rule);
    // The office lists 2027 itself (here: the shipped days as they are).
    let days = store
        .calendar_years()
        .unwrap()
        .into_iter()
        .find(|y| y.year == 2027)
        .unwrap()
        .days;
    store.save_calendar_year(2027, &days).unwrap();
    let d = deadline(&store, &p, FirstReply, "2027-01-28").unwrap();
    assert!(!d.rule.contains("dự kiến"), "{}", d.rule);
}

#[test]
fn a_first_reply_set_otherwise_than_the_law_says_so_in_its_rule() {
    let mut store = store_on("2026-10-30");
    let s = session(&mut store, "2026-10-01", HostGroup::Officer);
    let v = visit(&mut store, &s, 1, 1, Some(Proposal));
    let p = v.petition_id.unwrap();
    // 10 working days from Thu 01/10/2026 (Luật Tiếp công dân Đ28): to 15/10.
    let law = deadline(&store, &p, FirstReply, "2026-10-01").unwrap();
    assert_eq!(law.due.as_deref(), Some("2026-10-15"));
    assert_eq!(law.rule, "Luật Tiếp công dân 2013, Điều 28");
    let mut settings = store.settings().unwrap();
    settings.deadlines.first_reply_working_days = 12;
    store.save_settings(&settings).unwrap();
    // 12: 16/10 and 19/10 more; the rule says the law's number and the register's.
    let set = deadline(&store, &p, FirstReply, "2026-10-01").unwrap();
    assert_eq!(set.due.as_deref(), Some("2026-10-19"));
    assert_eq!(
        set.rule,
        "Luật Tiếp công dân 2013, Điều 28 (10 ngày làm việc; sổ này đặt 12 ngày làm việc trong Cài đặt)"
    );
}

#[test]
fn the_settings_change_the_uncertain_numbers() {
    let mut store = store_on("2026-10-30");
    let p = direct_petition(&mut store, "2026-10-01", Proposal);
    // 10 working days from Thu 01/10/2026: 02, 05, 06, 07, 08, 09, 12, 13, 14, 15/10.
    assert_eq!(
        due(&store, &p, FirstReply, "2026-10-01").as_deref(),
        Some("2026-10-15")
    );
    // The reply after a citizen's visit (Luật Tiếp công dân Đ28) is its own number: changed,
    // it leaves a petition that came by post where it was.
    let mut s = store.settings().unwrap();
    s.deadlines.first_reply_working_days = 8;
    store.save_settings(&s).unwrap();
    assert_eq!(
        due(&store, &p, FirstReply, "2026-10-01").as_deref(),
        Some("2026-10-15")
    );
    s.deadlines.processing_working_days = 5;
    s.deadlines.due_soon_working_days = 1;
    store.save_settings(&s).unwrap();
    // The audit log says which numbers changed (every due day moved with them).
    let log = audit_of(&store, ChangeAction::Settings);
    assert_eq!(
        log[0].note.as_deref(),
        Some("Thời hạn xử lý đơn nhận qua nguồn khác (ngày làm việc): 10 → 5; Số ngày làm việc báo “sắp đến hạn”: 3 → 1")
    );
    // 5 working days: 02, 05, 06, 07, 08/10.
    assert_eq!(
        due(&store, &p, FirstReply, "2026-10-01").as_deref(),
        Some("2026-10-08")
    );
    assert!(
        !deadline(&store, &p, FirstReply, "2026-10-06")
            .unwrap()
            .due_soon
    );
    assert!(
        deadline(&store, &p, FirstReply, "2026-10-07")
            .unwrap()
            .due_soon
    );
    for (field, bad) in [
        (
            "deadlines.first_reply_working_days",
            DeadlineSettings {
                first_reply_working_days: 0,
                ..s.deadlines.clone()
            },
        ),
        (
            "deadlines.processing_working_days",
            DeadlineSettings {
                processing_working_days: 61,
                ..s.deadlines.clone()
            },
        ),
    ] {
        let bad = tiepdan::domain::Settings {
            deadlines: bad,
            ..s.clone()
        };
        let e = store.save_settings(&bad).unwrap_err();
        assert_eq!(e.field(), Some(field));
    }
}

/// The laws write most deadlines in plain "ngày": read as calendar days unless the office
/// counts them as working days (domain.md §3, UNCERTAIN: a setting); the ones written in
/// "ngày làm việc" stay so either way.
#[test]
fn plain_days_are_calendar_days_unless_the_office_counts_working_days() {
    let mut store = store_on("2026-10-30");
    let p = direct_petition(&mut store, "2026-07-01", Complaint);
    classify(
        &mut store,
        &p,
        Complaint,
        true,
        Competence::Within,
        "2026-07-02",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-07-02", |_| {}).unwrap();
    // 30 days from Thu 02/07/2026: Sat 01/08 → Mon 03/08/2026.
    let d = deadline(&store, &p, ComplaintResolution, "2026-07-02").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-08-03"));
    assert!(!d.rule.contains("ngày làm việc"), "{}", d.rule);
    // Unprocessed, 45 days: 01/07 + 45 = Sat 15/08 → Mon 17/08/2026.
    assert_eq!(
        due(&store, &p, Unprocessed, "2026-07-02").as_deref(),
        Some("2026-08-17")
    );
    let mut s = store.settings().unwrap();
    s.deadlines.plain_days_working = true;
    store.save_settings(&s).unwrap();
    let log = audit_of(&store, ChangeAction::Settings);
    assert_eq!(
        log[0].note.as_deref(),
        Some("Tính “ngày” trong luật là ngày làm việc: không → có")
    );
    // 30 working days after 02/07: 03/07 (1), 06–10 (6), 13–17 (11), 20–24 (16),
    // 27–31/07 (21), 03–07/08 (26), 10, 11, 12, 13/08 (30).
    let d = deadline(&store, &p, ComplaintResolution, "2026-07-02").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-08-13"));
    assert!(
        d.rule.contains("“ngày” tính là ngày làm việc"),
        "{}",
        d.rule
    );
    // 45 working days after 01/07: 02, 03/07 (2), 06–31/07 (22), 03–21/08 (37), Sat 22/08
    // made a working day (38), 24–28/08 (43); 31/08 (swapped), 01 and 02/09 are off; Thu
    // 03/09 (44), Fri 04/09/2026 (45).
    assert_eq!(
        due(&store, &p, Unprocessed, "2026-07-02").as_deref(),
        Some("2026-09-04")
    );
    // The acceptance, written in working days (Luật 136/2025), is the same either way:
    // 7 working days after 01/07: 02, 03, 06, 07, 08, 09, 10/07.
    assert_eq!(
        due(&store, &p, ComplaintAcceptance, "2026-07-02").as_deref(),
        Some("2026-07-10")
    );
}

/// A complaint classified outside the ward's competence owes no acceptance (Luật Khiếu nại
/// Điều 27: "khiếu nại thuộc thẩm quyền giải quyết của mình"), only its processing: guided
/// or transferred in the processing time. Before, it was shown overdue for an acceptance
/// the ward may not make (reviewer's finding, 07/12/2026). Not yet classified, it owes it.
#[test]
fn a_complaint_outside_the_wards_competence_owes_no_acceptance() {
    let mut store = store_on("2026-12-31");
    for (received, classified, acceptance_due) in [
        // Luật 136/2025: 7 working days after Wed 01/07: 02, 03, 06–10/07.
        ("2026-07-01", "2026-07-02", "2026-07-10"),
        // Before 01/7/2026, 10 days: Mon 02/03 + 10 = Thu 12/03/2026.
        ("2026-03-02", "2026-03-03", "2026-03-12"),
    ] {
        let p = direct_petition(&mut store, received, Complaint);
        assert_eq!(
            due(&store, &p, ComplaintAcceptance, received).as_deref(),
            Some(acceptance_due)
        );
        classify(
            &mut store,
            &p,
            Complaint,
            true,
            Competence::Outside,
            classified,
        );
        // Past the acceptance day, the complaint is neither overdue nor owing it.
        let after = date(acceptance_due).succ_opt().unwrap().to_string();
        let view = store
            .petitions_as_of(date(&after))
            .unwrap()
            .into_iter()
            .find(|x| x.id == p)
            .unwrap();
        assert!(
            view.deadlines.iter().all(|d| d.step != ComplaintAcceptance),
            "{:?}",
            view.deadlines
        );
        assert_ne!(view.urgency, Urgency::Overdue, "{:?}", view.deadlines);
        assert!(deadline(&store, &p, FirstReply, &after).is_some());
        // As it stood before its classification, it owed the acceptance.
        assert_eq!(
            due(&store, &p, ComplaintAcceptance, received).as_deref(),
            Some(acceptance_due)
        );
    }
}

/// A suspension stops the clock for the days from it to the resumption, counted as the
/// period is: when "ngày" means working days, a suspension over two weekends adds the
/// working days it took, not its calendar days (reviewer's finding, 07/12/2026: it added 10
/// working days for a 10-day suspension holding 6).
#[test]
fn a_suspension_adds_the_kind_of_day_the_period_is_counted_in() {
    let mut store = store_on("2026-12-31");
    let p = direct_petition(&mut store, "2026-07-01", Complaint);
    classify(
        &mut store,
        &p,
        Complaint,
        true,
        Competence::Within,
        "2026-07-01",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-07-01", |_| {}).unwrap();
    // Suspended Fri 10/07, resumed Mon 20/07/2026.
    move_petition(&mut store, &p, MoveAction::Suspend, "2026-07-10", |_| {}).unwrap();
    move_petition(&mut store, &p, MoveAction::Resume, "2026-07-20", |_| {}).unwrap();
    // Calendar days: 01/07 + 30 = Fri 31/07, plus the 10 days 11–20/07 = Mon 10/08/2026.
    let d = deadline(&store, &p, ComplaintResolution, "2026-07-21").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-08-10"));
    assert!(
        d.rule
            .contains("tạm đình chỉ 10 ngày, thời hạn tính tiếp từ ngày tiếp tục giải quyết"),
        "{}",
        d.rule
    );
    let mut s = store.settings().unwrap();
    s.deadlines.plain_days_working = true;
    store.save_settings(&s).unwrap();
    // Working days: 30 after Wed 01/07 end Wed 12/08 (02, 03/07; 06–31/07: 20; 03–07/08:
    // 25… 10, 11, 12/08: 30). The suspension held 6 of them, 13–17 and 20/07 (11, 12, 18
    // and 19/07 are weekend days): 13, 14, 17, 18, 19, 20/08 → Thu 20/08/2026.
    let d = deadline(&store, &p, ComplaintResolution, "2026-07-21").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-08-20"));
    assert!(
        d.rule
            .contains("tạm đình chỉ 6 ngày, thời hạn tính tiếp từ ngày tiếp tục giải quyết"),
        "{}",
        d.rule
    );
}

/// The law sets no general time to resolve a proposal (domain.md §3, UNCERTAIN): none is
/// followed until the office sets its own; then an accepted proposal is due that many days
/// after its acceptance, overdue after it, met by its resolution.
#[test]
fn a_proposals_resolution_is_followed_once_the_office_sets_a_time() {
    let mut store = store_on("2026-11-30");
    let p = direct_petition(&mut store, "2026-09-01", Proposal);
    classify(
        &mut store,
        &p,
        Proposal,
        true,
        Competence::Within,
        "2026-09-02",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-09-04", |_| {}).unwrap();
    assert_eq!(deadline(&store, &p, ProposalResolution, "2026-11-30"), None);
    let mut s = store.settings().unwrap();
    s.deadlines.proposal_resolution_days = 30;
    store.save_settings(&s).unwrap();
    // Accepted Fri 04/09/2026: 30 days, 04/09 + 30 = Sun 04/10/2026, a day off: Mon 05/10.
    let d = deadline(&store, &p, ProposalResolution, "2026-11-30").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-10-05"));
    assert!(d.overdue, "{d:?}");
    assert!(d.rule.contains("30 ngày kể từ ngày thụ lý"), "{}", d.rule);
    // On the dashboard's queue, overdue.
    let queue = store.petitions_needing_action().unwrap();
    assert!(queue.iter().any(|q| q.id == p));
    // Resolved: met.
    move_petition(&mut store, &p, MoveAction::Resolve, "2026-11-30", |m| {
        m.outcome = Some(Outcome::Answered)
    })
    .unwrap();
    let d = deadline(&store, &p, ProposalResolution, "2026-11-30").unwrap();
    assert_eq!(d.met_on.as_deref(), Some("2026-11-30"));
    assert!(!d.overdue);
    // Out of range: refused, naming the field.
    s.deadlines.proposal_resolution_days = 400;
    let e = store.save_settings(&s).unwrap_err();
    assert_eq!(e.field(), Some("deadlines.proposal_resolution_days"));
}

#[test]
fn the_dashboard_queue_puts_overdue_first() {
    let mut store = store_on("2026-03-30");
    let old = direct_petition(&mut store, "2026-03-02", Proposal);
    let soon = direct_petition(&mut store, "2026-03-19", Proposal);
    let fresh = direct_petition(&mut store, "2026-03-27", Proposal);
    let done = direct_petition(&mut store, "2026-03-02", Proposal);
    classify(
        &mut store,
        &done,
        Proposal,
        true,
        Competence::Outside,
        "2026-03-03",
    );
    move_petition(&mut store, &done, MoveAction::Guide, "2026-03-03", |_| {}).unwrap();
    // As of Mon 30/03: the first reply of 02/03 was due 16/03 (overdue); of 19/03 is due
    // 02/04 (31/03, 01/04, 02/04: 3 working days, due soon); of 27/03 due 10/04.
    let d = tiepdan::report::dashboard(&store).unwrap();
    // The one received on 27/03, due 10/04, waits to be classified: it comes last.
    let ids: Vec<&str> = d.queue.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, [old.as_str(), soon.as_str(), fresh.as_str()]);
    assert_eq!((d.overdue, d.due_soon, d.waiting), (1, 1, 3));
    assert_eq!(d.queue[0].urgency, Urgency::Overdue);
    assert_eq!(
        d.queue[0].next_due.as_ref().unwrap().due.as_deref(),
        Some("2026-03-16")
    );
    assert_eq!(d.queue[2].urgency, Urgency::None);
    // Once classified and not due soon, it leaves the queue.
    classify(
        &mut store,
        &fresh,
        Proposal,
        true,
        Competence::Within,
        "2026-03-30",
    );
    let d = tiepdan::report::dashboard(&store).unwrap();
    assert!(!d.queue.iter().any(|p| p.id == fresh));
}

#[test]
fn an_administrator_corrects_a_shipped_year() {
    let mut store = store_on("2026-10-30");
    // Suppose 02/09/2026 (Wed) were not a day off after all: the office saves 2026
    // without it. Everything else of 2026 is kept as listed.
    let calendar = store.calendar().unwrap();
    let days: Vec<CalendarDay> = calendar
        .listed(2026)
        .into_iter()
        .filter(|d| d.date != "2026-09-02")
        .collect();
    let saved = store.save_calendar_year(2026, &days).unwrap();
    assert!(saved.shipped && saved.edited && saved.known);
    let calendar = store.calendar().unwrap();
    assert!(calendar.is_working_day(date("2026-09-02")).unwrap());
    assert!(!calendar.is_working_day(date("2026-09-01")).unwrap());
    // A denunciation received Thu 20/08: 21 (1), Sat 22 (2), 24–28 (3–7), then Wed 02/09
    // (8), 03/09 (9), 04/09 (10): the reply is due Fri 04/09 instead of Mon 07/09.
    let p = direct_petition(&mut store, "2026-08-20", Denunciation);
    assert_eq!(
        due(&store, &p, FirstReply, "2026-08-20").as_deref(),
        Some("2026-09-04")
    );
}

/// A denunciation's check may run to ten working days when it is made in several places
/// or by another body (Luật Tố cáo 2018, Điều 24), recorded with its reason no later than
/// the tenth; once accepted, the denouncer (and the person denounced) are told within five
/// working days of the decision (Điều 29), a move of its own.
#[test]
fn a_denunciation_check_made_longer_and_the_notice_of_acceptance() {
    let mut store = store_on("2026-04-30");
    // Received Wed 11/02/2026, before the Tết break (Sat 14 – Sun 22/02). Working days
    // after it: Thu 12 (1), Fri 13 (2), Mon 23 (3), 24 (4), 25 (5), 26 (6), 27/02 (7),
    // Mon 02/03 (8), 03 (9), 04/03 (10).
    let p = direct_petition(&mut store, "2026-02-11", Denunciation);
    assert_eq!(
        due(&store, &p, DenunciationCheck, "2026-02-11").as_deref(),
        Some("2026-02-27")
    );
    // No reason: refused, naming the field.
    let e = move_petition(
        &mut store,
        &p,
        MoveAction::ExtendCheck,
        "2026-02-13",
        |_| {},
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("note"), "{e}");
    // The reason may be recorded up to the tenth working day (04/03), not on the
    // eleventh (05/03): refused, saying the day the ten ended.
    let e = move_petition(&mut store, &p, MoveAction::ExtendCheck, "2026-03-05", |m| {
        m.note = Some("Xác minh tại hai địa điểm".into())
    })
    .unwrap_err();
    assert_eq!(e.field(), Some("on_date"), "{e}");
    assert!(e.to_string().contains("04/03/2026"), "{e}");
    for (received, on) in [("2026-02-11", "2026-03-04"), ("2026-02-12", "2026-02-27")] {
        let q = direct_petition(&mut store, received, Denunciation);
        move_petition(&mut store, &q, MoveAction::ExtendCheck, on, |m| {
            m.note = Some("Ủy quyền xác minh".into())
        })
        .unwrap();
    }
    move_petition(&mut store, &p, MoveAction::ExtendCheck, "2026-02-13", |m| {
        m.note = Some("Xác minh tại hai địa điểm".into())
    })
    .unwrap();
    let check = deadline(&store, &p, DenunciationCheck, "2026-03-02").unwrap();
    assert_eq!(check.due.as_deref(), Some("2026-03-04"));
    assert!(
        !check.overdue && check.rule.contains("10 ngày làm việc"),
        "{check:?}"
    );
    // Before the extension was recorded, the seven days stood.
    assert_eq!(
        due(&store, &p, DenunciationCheck, "2026-02-12").as_deref(),
        Some("2026-02-27")
    );
    // Once only.
    let e = move_petition(&mut store, &p, MoveAction::ExtendCheck, "2026-02-23", |m| {
        m.note = Some("Lần nữa".into())
    })
    .unwrap_err();
    assert!(e.to_string().contains("đã được kéo dài"), "{e}");
    // Classified 03/03, accepted Wed 04/03/2026 (the last day): the check is met. The
    // notice: 5 working days after the decision: 05, 06, 09, 10, 11/03/2026.
    classify(
        &mut store,
        &p,
        Denunciation,
        true,
        Competence::Within,
        "2026-03-03",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-03-04", |_| {}).unwrap();
    let met = deadline(&store, &p, DenunciationCheck, "2026-03-04").unwrap();
    assert_eq!(met.met_on.as_deref(), Some("2026-03-04"));
    assert!(!met.late);
    let notice = deadline(&store, &p, DenunciationNotice, "2026-03-04").unwrap();
    assert_eq!(notice.due.as_deref(), Some("2026-03-11"));
    assert!(notice.rule.contains("Điều 29"), "{}", notice.rule);
    assert!(
        deadline(&store, &p, DenunciationNotice, "2026-03-12")
            .unwrap()
            .overdue
    );
    // The check cannot be made longer once accepted; the notice is recorded once.
    assert!(
        move_petition(&mut store, &p, MoveAction::ExtendCheck, "2026-03-05", |m| {
            m.note = Some("Muộn".into())
        })
        .is_err()
    );
    move_petition(&mut store, &p, MoveAction::Notify, "2026-03-10", |m| {
        m.doc_no = Some("05/TB-UBND".into())
    })
    .unwrap();
    let notice = deadline(&store, &p, DenunciationNotice, "2026-03-12").unwrap();
    assert_eq!(notice.met_on.as_deref(), Some("2026-03-10"));
    assert!(!notice.overdue && !notice.late);
    assert!(move_petition(&mut store, &p, MoveAction::Notify, "2026-03-11", |_| {}).is_err());
    // The state did not move: still accepted, resolution 30 days from 04/03: Fri 03/04.
    assert_eq!(
        due(&store, &p, DenunciationResolution, "2026-03-12").as_deref(),
        Some("2026-04-03")
    );
    // A complaint has no separate notice: refused with the reason.
    let q = direct_petition(&mut store, "2026-03-16", Complaint);
    classify(
        &mut store,
        &q,
        Complaint,
        true,
        Competence::Within,
        "2026-03-17",
    );
    move_petition(&mut store, &q, MoveAction::Accept, "2026-03-18", |_| {}).unwrap();
    let e = move_petition(&mut store, &q, MoveAction::Notify, "2026-03-19", |_| {}).unwrap_err();
    assert!(e.to_string().contains("Chỉ đơn tố cáo"), "{e}");
    // Resolved with its notice recorded: the notice stays met.
    move_petition(&mut store, &p, MoveAction::Resolve, "2026-03-20", |m| {
        m.outcome = Some(Outcome::Wrong);
        m.doc_no = Some("07/KL-UBND".into());
    })
    .unwrap();
    let notice = deadline(&store, &p, DenunciationNotice, "2026-04-01").unwrap();
    assert_eq!(notice.met_on.as_deref(), Some("2026-03-10"));
    // A denunciation that ended after its notice fell due, none recorded (closed before
    // the step could be recorded, or never noted), claims neither a late notice nor a met
    // one, nor is it overdue for ever: it says what is known. Open, it was overdue.
    let r = direct_petition(&mut store, "2026-03-16", Denunciation);
    classify(
        &mut store,
        &r,
        Denunciation,
        true,
        Competence::Within,
        "2026-03-17",
    );
    move_petition(&mut store, &r, MoveAction::Accept, "2026-03-18", |_| {}).unwrap();
    assert!(
        deadline(&store, &r, DenunciationNotice, "2026-03-26")
            .unwrap()
            .overdue
    );
    move_petition(&mut store, &r, MoveAction::Resolve, "2026-04-10", |m| {
        m.outcome = Some(Outcome::Right);
        m.doc_no = Some("08/KL-UBND".into());
    })
    .unwrap();
    let ended = deadline(&store, &r, DenunciationNotice, "2026-04-10").unwrap();
    assert_eq!(ended.due.as_deref(), Some("2026-03-25"));
    assert!(ended.met_on.is_none() && !ended.late && !ended.overdue && !ended.due_soon);
    assert_eq!(
        ended.note.as_deref(),
        Some("Chưa ghi nhận thông báo thụ lý; đơn đã kết thúc ngày 10/04/2026.")
    );
    assert!(
        deadline(&store, &r, DenunciationNotice, "2026-04-09")
            .unwrap()
            .overdue,
        "as of a day before it ended, it was overdue"
    );
    // Withdrawn before the notice fell due, with none recorded: nothing is said of it.
    let w = direct_petition(&mut store, "2026-04-13", Denunciation);
    classify(
        &mut store,
        &w,
        Denunciation,
        true,
        Competence::Within,
        "2026-04-14",
    );
    move_petition(&mut store, &w, MoveAction::Accept, "2026-04-15", |_| {}).unwrap();
    assert!(deadline(&store, &w, DenunciationNotice, "2026-04-16").is_some());
    move_petition(&mut store, &w, MoveAction::Withdraw, "2026-04-17", |_| {}).unwrap();
    assert!(deadline(&store, &w, DenunciationNotice, "2026-04-20").is_none());
}

/// A denunciation's check made longer stays within the law around it: not offered past
/// the tenth working day (the page says why), not on an anonymous or ineligible one, not
/// kept by a correction that makes it another kind or anonymous or moves its receipt too
/// far back; outside competence no check is owed (transferred within five working days
/// instead).
#[test]
fn a_check_made_longer_stays_within_its_rules_through_corrections() {
    let mut store = store_on("2026-04-30");
    // Received Wed 01/04/2026: 02, 03, 06–10, 13, 14, 15/04 (10th). Today is 30/04: the
    // step stays offered (an extension decided on time may be written down later), and a
    // day past the tenth is refused on the move's date, naming the tenth.
    let late = direct_petition(&mut store, "2026-04-01", Denunciation);
    let d = store.petition_detail(&late).unwrap();
    let o = d
        .options
        .iter()
        .find(|o| o.action == MoveAction::ExtendCheck)
        .unwrap();
    assert!(o.allowed, "{o:?}");
    let e = move_petition(
        &mut store,
        &late,
        MoveAction::ExtendCheck,
        "2026-04-16",
        |m| m.note = Some("Ủy quyền xác minh".into()),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("on_date"), "{e}");
    assert!(e.to_string().contains("15/04/2026"), "{e}");
    move_petition(
        &mut store,
        &late,
        MoveAction::ExtendCheck,
        "2026-04-15",
        |m| m.note = Some("Ủy quyền xác minh".into()),
    )
    .unwrap();
    let reason = |m: &mut MoveInput| m.note = Some("Xác minh tại hai địa điểm".into());

    // Received Mon 20/04, extended on Fri 24/04; then the receipt moved back to 01/04
    // (its tenth working day 15/04, before the extension): refused.
    let p = direct_petition(&mut store, "2026-04-20", Denunciation);
    move_petition(
        &mut store,
        &p,
        MoveAction::ExtendCheck,
        "2026-04-24",
        reason,
    )
    .unwrap();
    let e = store
        .correct_petition(&p, &direct_input("2026-04-01", Denunciation))
        .unwrap_err();
    assert_eq!(e.field(), Some("received_on"), "{e}");
    assert!(e.to_string().contains("15/04/2026"), "{e}");
    // Moved back by a day, still within ten: kept.
    store
        .correct_petition(&p, &direct_input("2026-04-17", Denunciation))
        .unwrap();
    // Made a complaint, or anonymous: refused until the move is undone.
    let e = store
        .correct_petition(&p, &direct_input("2026-04-17", Complaint))
        .unwrap_err();
    assert_eq!(e.field(), Some("kind"), "{e}");
    assert!(e.to_string().contains("hủy bước đó"), "{e}");
    let mut anonymous = direct_input("2026-04-17", Denunciation);
    anonymous.anonymous = true;
    anonymous.petitioners = vec![];
    let e = store.correct_petition(&p, &anonymous).unwrap_err();
    assert_eq!(e.field(), Some("anonymous"), "{e}");
    // Classified outside competence: no check is owed (Điều 24 khoản 2), the transfer is,
    // within five working days of Fri 17/04: 20, 21, 22, 23, 24/04.
    assert!(deadline(&store, &p, DenunciationCheck, "2026-04-24").is_some());
    classify(
        &mut store,
        &p,
        Denunciation,
        true,
        Competence::Outside,
        "2026-04-27",
    );
    assert!(deadline(&store, &p, DenunciationCheck, "2026-04-27").is_none());
    assert_eq!(
        due(&store, &p, DenunciationTransfer, "2026-04-27").as_deref(),
        Some("2026-04-24")
    );

    // Not on one classified ineligible.
    let q = direct_petition(&mut store, "2026-04-27", Denunciation);
    classify(
        &mut store,
        &q,
        Denunciation,
        false,
        Competence::Within,
        "2026-04-28",
    );
    let e = move_petition(
        &mut store,
        &q,
        MoveAction::ExtendCheck,
        "2026-04-28",
        reason,
    )
    .unwrap_err();
    assert!(e.to_string().contains("không đủ điều kiện"), "{e}");
}

/// Anonymous information with a denunciation's content (no name, no address) is not
/// handled under the Law on Denunciation (Luật Tố cáo 2018, Điều 25): no check of the
/// denunciation (Điều 24 k1) nor transfer (k2) is owed, so it is never overdue for one;
/// its processing, like any letter's, is (first reply: 10 working days).
#[test]
fn anonymous_information_owes_no_denunciation_check_or_transfer() {
    let mut store = store_on("2026-07-20");
    let mut input = direct_input("2026-07-06", Denunciation);
    input.anonymous = true;
    input.petitioners = vec![];
    let p = store.create_petition(&input).unwrap().id;
    // Received Mon 06/07: ten working days are 07–10, 13–17, 20/07.
    let as_of = "2026-07-20";
    assert!(deadline(&store, &p, DenunciationCheck, as_of).is_none());
    assert!(deadline(&store, &p, DenunciationTransfer, as_of).is_none());
    let reply = deadline(&store, &p, FirstReply, as_of).unwrap();
    assert_eq!(reply.due.as_deref(), Some("2026-07-20"));
    assert!(!reply.overdue);
    let listed = store
        .petitions_as_of(date(as_of))
        .unwrap()
        .into_iter()
        .find(|x| x.id == p)
        .unwrap();
    assert_ne!(listed.urgency, Urgency::Overdue, "{listed:?}");
    // The same letter signed: the check is owed, seven working days (07–10, 13–15/07).
    let signed = direct_petition(&mut store, "2026-07-06", Denunciation);
    assert_eq!(
        due(&store, &signed, DenunciationCheck, as_of).as_deref(),
        Some("2026-07-15")
    );
    // Classified outside competence, still anonymous: no transfer is owed either.
    classify(
        &mut store,
        &p,
        Denunciation,
        false,
        Competence::Outside,
        "2026-07-07",
    );
    assert!(deadline(&store, &p, DenunciationTransfer, as_of).is_none());
}

/// In a remote area (a setting: Luật Khiếu nại 2011, Điều 28) a first complaint has 45
/// days, and the rule says why.
#[test]
fn a_remote_areas_longer_time_says_why() {
    let mut store = store_on("2026-12-31");
    let mut s = store.settings().unwrap();
    s.deadlines.remote_area = true;
    store.save_settings(&s).unwrap();
    // Accepted Mon 07/09/2026: 45 days → Thu 22/10/2026.
    let p = direct_petition(&mut store, "2026-09-03", Complaint);
    classify(
        &mut store,
        &p,
        Complaint,
        true,
        Competence::Within,
        "2026-09-04",
    );
    move_petition(&mut store, &p, MoveAction::Accept, "2026-09-07", |_| {}).unwrap();
    let d = deadline(&store, &p, ComplaintResolution, "2026-09-07").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-10-22"));
    assert_eq!(
        d.rule,
        "Luật Khiếu nại 2011, Điều 28 (45 ngày kể từ ngày thụ lý, vùng sâu, vùng xa)"
    );
    // Complex too: 60 days → Fri 06/11/2026.
    move_petition(&mut store, &p, MoveAction::Extend, "2026-09-20", |_| {}).unwrap();
    let d = deadline(&store, &p, ComplaintResolution, "2026-09-20").unwrap();
    assert_eq!(d.due.as_deref(), Some("2026-11-06"));
    assert!(
        d.rule
            .ends_with("(60 ngày kể từ ngày thụ lý, vụ việc phức tạp, vùng sâu, vùng xa)"),
        "{}",
        d.rule
    );
}

/// A resolution ended (terminated, withdrawn) while suspended in time, never resumed: the
/// clock had stopped, so it is not late, however long the suspension lasted.
#[test]
fn a_resolution_ended_while_suspended_is_not_late() {
    let mut store = store_on("2026-12-31");
    // A complaint accepted Mon 06/07/2026 (30 days → Wed 05/08), suspended on `suspended`,
    // terminated on 30/09 without being resumed.
    let ended_while_suspended = |store: &mut tiepdan::Store, suspended: &str| {
        let p = direct_petition(store, "2026-07-01", Complaint);
        classify(store, &p, Complaint, true, Competence::Within, "2026-07-02");
        move_petition(store, &p, MoveAction::Accept, "2026-07-06", |_| {}).unwrap();
        move_petition(store, &p, MoveAction::Suspend, suspended, |_| {}).unwrap();
        move_petition(store, &p, MoveAction::Terminate, "2026-09-30", |m| {
            m.note = Some("Người khiếu nại chết, không có người thừa kế".into())
        })
        .unwrap();
        deadline(store, &p, ComplaintResolution, "2026-10-01").unwrap()
    };
    // Suspended Mon 20/07, in time.
    let d = ended_while_suspended(&mut store, "2026-07-20");
    assert_eq!(d.met_on.as_deref(), Some("2026-09-30"));
    assert!(!d.late && !d.overdue, "{d:?}");
    // Suspended after the time ran out (06/08), then ended: late all the same.
    let d = ended_while_suspended(&mut store, "2026-08-06");
    assert!(d.late, "{d:?}");
}

/// An ineligible denunciation's check is not made longer; the refusal says what to record
/// instead, within the time (its check deadline stays until then).
#[test]
fn an_ineligible_denunciations_check_is_not_made_longer() {
    let mut store = store_on("2026-12-31");
    let p = direct_petition(&mut store, "2026-08-20", Denunciation);
    classify(
        &mut store,
        &p,
        Denunciation,
        false,
        Competence::Within,
        "2026-08-21",
    );
    let e = move_petition(&mut store, &p, MoveAction::ExtendCheck, "2026-08-24", |m| {
        m.note = Some("Cần xác minh thêm".into())
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("không kéo dài thời hạn kiểm tra; ghi bước xử lý tiếp theo (không thụ lý, trả lại đơn, lưu đơn) trong thời hạn ấy"),
        "{e}"
    );
    assert!(deadline(&store, &p, DenunciationCheck, "2026-08-24")
        .unwrap()
        .met_on
        .is_none());
}
