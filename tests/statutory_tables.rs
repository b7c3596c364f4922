//! The six tables of TT 06/2025/TT-TTCP computed from records built one by one, each
//! figure checked against the count worked out by hand, and the checks before sending.

mod common;

use common::*;
use tiepdan::domain::*;
use tiepdan::forms::{self, FormId, FormTable};
use tiepdan::period::Period;
use tiepdan::Store;

fn tables(store: &Store, from: &str, to: &str) -> Vec<FormTable> {
    forms::statutory_tables(store, Period::parse(from, to).unwrap()).unwrap()
}

fn table(store: &Store, form: FormId, from: &str, to: &str) -> FormTable {
    tables(store, from, to)
        .into_iter()
        .find(|t| t.form == form)
        .unwrap()
}

/// The figures of the listed columns, as whole numbers.
fn cols(t: &FormTable, columns: &[u16]) -> Vec<i64> {
    columns.iter().map(|c| t.value(*c) as i64).collect()
}

fn ok(t: &FormTable) {
    let failed: Vec<&str> = t
        .checks
        .iter()
        .filter(|c| c.blocking && !c.ok)
        .map(|c| c.message.as_str())
        .collect();
    assert!(failed.is_empty(), "{}: {failed:?}", t.code);
    assert!(t.issues.is_empty(), "{}: {:?}", t.code, t.issues);
}

fn session_of(store: &mut Store, on: &str, host: HostGroup, kind: SessionKind) -> String {
    store
        .create_session(&NewSession {
            date: on.into(),
            kind,
            host_group: host,
            host_name: None,
            place: None,
            notes: None,
        })
        .unwrap()
        .id
}

#[test]
fn reception_01_tcd_by_the_notes_under_the_table() {
    let mut store = store_on("2026-12-20");
    // Quý IV 2026: 15/9–14/12/2026.
    // The officers: a visit of 6 people (a delegation, nothing typed), a visit of 2.
    let desk = session(&mut store, "2026-10-05", HostGroup::Officer);
    visit(&mut store, &desk, 1, 6, None);
    let seen_twice = visit(&mut store, &desk, 1, 2, None);
    // The same case comes to the chairman's scheduled day: counted once, under him.
    let chair = session(&mut store, "2026-10-08", HostGroup::Chairman);
    let mut again = visit_input(&chair, vec![person("Hà Văn Lâm")], 1);
    again.case_id = Some(seen_twice.case_id.clone());
    store.add_visit(&again).unwrap();
    // A chairman's ad hoc day nobody came to still counts as a reception day.
    session_of(
        &mut store,
        "2026-11-20",
        HostGroup::Chairman,
        SessionKind::AdHoc,
    );
    // The chairman only joined a regular session: a visit under him, not a day.
    let desk2 = session(&mut store, "2026-11-02", HostGroup::Officer);
    let mut joined = visit_input(&desk2, vec![person("Lò Thị Mai")], 3);
    joined.chairman_joined = true;
    store.add_visit(&joined).unwrap();
    // HĐND reception stays out of 01/TCD.
    let council = session(&mut store, "2026-11-10", HostGroup::Council);
    visit(&mut store, &council, 1, 7, None);
    // Outside the period: 14/9 and 15/12.
    let before = session(&mut store, "2026-09-14", HostGroup::Officer);
    visit(&mut store, &before, 1, 1, None);
    let after = session(&mut store, "2026-12-15", HostGroup::Officer);
    visit(&mut store, &after, 1, 1, None);

    let t = table(&store, FormId::Tcd01, "2026-09-15", "2026-12-14");
    ok(&t);
    // Officers: 2 visits, 8 people, 1 case (the other moved to the chairman), 1 delegation of 6.
    assert_eq!(cols(&t, &[5, 6, 7, 8, 9]), vec![2, 8, 1, 1, 6]);
    // Chairman: days 08/10 and 20/11 (not 02/11); visits 08/10 and the joined one: 2
    // visits, 4 people, 2 cases.
    assert_eq!(cols(&t, &[10, 11, 12, 13, 14, 15]), vec![2, 2, 4, 2, 0, 0]);
    // No delegated reception from 01/7/2026.
    assert_eq!(cols(&t, &[16, 17, 18, 19, 20, 21]), vec![0; 6]);
    // Totals: the sums of the blocks; each case once.
    assert_eq!(cols(&t, &[1, 2, 3, 4]), vec![4, 12, 3, 1]);
    assert_eq!(t.row.label, "UBND phường Việt Hòa");
    assert_eq!(
        t.data_line,
        "Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026"
    );
    assert_eq!(t.note_label, "22. Ghi chú:");
    assert_eq!(t.columns[0].ms, "1=5+11+17");
    assert_eq!(
        t.columns[8].path,
        "Tiếp thường xuyên › Trong đó đoàn đông người › Số người được tiếp"
    );
}

#[test]
fn a_head_session_cannot_be_regular() {
    let mut store = store_on("2026-12-20");
    for host in [HostGroup::Chairman, HostGroup::Deputy] {
        let e = store
            .create_session(&NewSession {
                date: "2026-06-01".into(),
                kind: SessionKind::Regular,
                host_group: host,
                host_name: None,
                place: None,
                notes: None,
            })
            .unwrap_err();
        assert_eq!(e.field(), Some("kind"));
        assert!(e.to_string().contains("định kỳ hoặc đột xuất"), "{e}");
    }
}

/// A petition received by post on `on`, of `kind`, in field `field`.
fn petition(store: &mut Store, on: &str, kind: PetitionKind, field: &str) -> String {
    let mut input = direct_input(on, kind);
    input.field_code = Some(field.into());
    store.create_petition(&input).unwrap().id
}

fn step(store: &mut Store, id: &str, action: MoveAction, on: &str) {
    move_petition(store, id, action, on, |m| match action {
        MoveAction::Transfer | MoveAction::Guide | MoveAction::Urge => {
            m.agency = Some("Phòng Tư pháp".into())
        }
        MoveAction::Decline => m.note = Some("Không đủ điều kiện thụ lý".into()),
        _ => {}
    })
    .unwrap();
}

fn resolve(store: &mut Store, id: &str, on: &str, outcome: Outcome) {
    move_petition(store, id, MoveAction::Resolve, on, |m| {
        m.outcome = Some(outcome);
        m.doc_no = Some("12/QĐ-UBND".into());
    })
    .unwrap();
}

/// A petition found not eligible has finished its review (02/XLD column 2 counts eligible
/// and not eligible petitions alike) and is not carried over; opened again in a later
/// period (classified anew once the citizen completed it), it is reviewed there again, so
/// counted there: carried over (1), processed (2), eligible and within (3, 4), and accepted
/// in 03/GQKN. Not counted in a period between, where nothing happened to it.
#[test]
fn a_petition_found_not_eligible_then_classified_again_is_counted_where_it_was() {
    use Competence::*;
    use PetitionKind::*;
    let mut store = store_on("2027-01-20");
    let p = petition(&mut store, "2026-04-10", Complaint, "dat_dai");
    classify(&mut store, &p, Complaint, false, Within, "2026-04-12");
    classify(&mut store, &p, Complaint, true, Within, "2026-10-20");
    step(&mut store, &p, MoveAction::Accept, "2026-10-22");
    let xld = |from, to| {
        tables(&store, from, to)
            .into_iter()
            .find(|t| t.form == FormId::Xld02)
            .unwrap()
    };
    // Quý II: received, reviewed (not eligible).
    assert_eq!(
        cols(&xld("2026-03-15", "2026-06-14"), &[1, 2, 3]),
        vec![1, 1, 0]
    );
    // Quý III: nothing left of it.
    assert_eq!(
        cols(&xld("2026-06-15", "2026-09-14"), &[1, 2, 3]),
        vec![0, 0, 0]
    );
    // Quý IV: opened again and accepted.
    let q4 = xld("2026-09-15", "2026-12-14");
    assert_eq!(cols(&q4, &[1, 2, 3, 4, 5, 6]), vec![1, 1, 1, 1, 1, 1]);
    ok(&q4);
    let gqkn = tables(&store, "2026-09-15", "2026-12-14")
        .into_iter()
        .find(|t| t.form == FormId::Gqkn03)
        .unwrap();
    assert_eq!(cols(&gqkn, &[1, 4]), vec![1, 1]);
}

#[test]
fn petitions_02_xld_03_gqkn_04_gqtc_at_the_cut_off() {
    use Competence::*;
    use PetitionKind::*;
    let mut store = store_on("2027-01-20");
    // Quý IV 2026: 15/9–14/12/2026.
    // 1. A land complaint within competence, accepted in the period, resolved "right"
    //    in the period.
    let a = petition(&mut store, "2026-09-20", Complaint, "dat_dai");
    classify(&mut store, &a, Complaint, true, Within, "2026-09-21");
    step(&mut store, &a, MoveAction::Accept, "2026-09-25");
    resolve(&mut store, &a, "2026-11-10", Outcome::Right);
    // 2. A policy complaint within competence, accepted only AFTER the cut-off: at the
    //    cut-off it was still being considered (column 3), not accepted.
    let b = petition(&mut store, "2026-12-01", Complaint, "chinh_sach");
    classify(&mut store, &b, Complaint, true, Within, "2026-12-02");
    step(&mut store, &b, MoveAction::Accept, "2026-12-16");
    // 3. A denunciation within competence, declined in the period.
    let c = petition(&mut store, "2026-10-01", Denunciation, "tham_nhung");
    classify(&mut store, &c, Denunciation, true, Within, "2026-10-02");
    step(&mut store, &c, MoveAction::Decline, "2026-10-05");
    // 4. An anonymous denunciation: not eligible (Luật Tố cáo Đ25), filed.
    let mut anon = direct_input("2026-10-03", Denunciation);
    anon.anonymous = true;
    anon.petitioners = vec![];
    let d = store.create_petition(&anon).unwrap().id;
    move_petition(&mut store, &d, MoveAction::Classify, "2026-10-04", |m| {
        let mut c = classification(Denunciation, false, Within);
        c.signers = Signers::Anonymous;
        m.classification = Some(c);
    })
    .unwrap();
    step(&mut store, &d, MoveAction::File, "2026-10-04");
    // 5. A proposal outside competence, transferred; 6. one outside, guided.
    let e = petition(&mut store, "2026-10-06", Proposal, "tthc");
    classify(&mut store, &e, Proposal, true, Outside, "2026-10-07");
    step(&mut store, &e, MoveAction::Transfer, "2026-10-08");
    let f = petition(&mut store, "2026-10-09", Proposal, "dat_dai");
    classify(&mut store, &f, Proposal, true, Outside, "2026-10-10");
    step(&mut store, &f, MoveAction::Guide, "2026-10-10");
    // 7. A mixed petition (complaint + proposal), guided to split: 02/XLD counts it by
    //    each content among the petitions received and processed, never as eligible
    //    as it stands (the citizen sends each content apart).
    let g = petition(&mut store, "2026-11-02", Mixed, "khac");
    classify(&mut store, &g, Mixed, true, Within, "2026-11-03");
    step(&mut store, &g, MoveAction::Guide, "2026-11-04");
    // 7b. A mixed petition (complaint + proposal) outside competence, eligible,
    //     transferred as a whole: counted by each content as eligible, outside competence
    //     and transferred (columns 3, 23, 25), as it is in column 1.
    let g2 = petition(&mut store, "2026-11-05", Mixed, "khac");
    classify(&mut store, &g2, Mixed, true, Outside, "2026-11-06");
    step(&mut store, &g2, MoveAction::Transfer, "2026-11-09");
    // 8. Carried over: received in Quý III, not yet reviewed at 15/9.
    let h = petition(&mut store, "2026-09-01", Proposal, "chinh_sach");
    classify(&mut store, &h, Proposal, true, Within, "2026-09-30");
    // 9. Received in Quý III and handled then: not in Quý IV.
    let i = petition(&mut store, "2026-08-01", Proposal, "khac");
    classify(&mut store, &i, Proposal, true, Outside, "2026-08-03");
    step(&mut store, &i, MoveAction::Guide, "2026-08-03");
    // 10. Received in the period, not reviewed by the cut-off (reviewed after).
    let j = petition(&mut store, "2026-12-10", Complaint, "dat_dai");
    classify(&mut store, &j, Complaint, true, Within, "2026-12-20");
    // 11. A duplicate of (8), sent again while it is open: not counted twice.
    let mut dup = direct_input("2026-10-12", Proposal);
    dup.duplicate_of = Some(h.clone());
    store.create_petition(&dup).unwrap();
    // 12. A petition handed in at HĐND reception: outside the UBND's totals.
    let council = session(&mut store, "2026-10-15", HostGroup::Council);
    visit(&mut store, &council, 1, 1, Some(Complaint));
    // 13. A second-round complaint (received in Quý III), resolution upholding the first
    //     decision issued in the period.
    let k = petition(&mut store, "2026-08-10", Complaint, "dat_dai");
    move_petition(&mut store, &k, MoveAction::Classify, "2026-08-11", |m| {
        let mut c = classification(Complaint, true, Within);
        c.round = Round::Subsequent;
        m.classification = Some(c);
    })
    .unwrap();
    step(&mut store, &k, MoveAction::Accept, "2026-08-15");
    resolve(&mut store, &k, "2026-10-20", Outcome::Upheld);
    // 14. A proposal classified not eligible in the period and not yet filed: its review
    //     of the conditions is over (column 2 counts "đơn đủ điều kiện xử lý và đơn không
    //     đủ điều kiện xử lý"), so it is processed, and not eligible.
    let l = petition(&mut store, "2026-11-20", Proposal, "khac");
    classify(&mut store, &l, Proposal, false, Within, "2026-11-21");
    // 15. Received and classified not eligible in Quý III, never filed: reviewed then, so
    //     not left unprocessed into Quý IV (column 1).
    let m = petition(&mut store, "2026-08-20", Complaint, "dat_dai");
    classify(&mut store, &m, Complaint, false, Within, "2026-08-21");

    let all = tables(&store, "2026-09-15", "2026-12-14");
    let xld = all.iter().find(|t| t.form == FormId::Xld02).unwrap();
    // Column 1: a b c d e f g g2 h j l = 11 petitions, 13 contents (g and g2 count as a
    // complaint and a proposal each); (11) and (12) are out, (9), (13) and (15) were
    // handled before the period. Processed: all but j (not reviewed by the cut-off) = 12.
    // Eligible: all processed but d (anonymous), g (two contents, within competence) and
    // l (not eligible) = 8: within a b c h = 4 cases, outside e f and g2's two contents = 4.
    assert_eq!(cols(xld, &[1, 2]), vec![13, 12]);
    assert_eq!(cols(xld, &[3, 4, 5]), vec![8, 4, 4]);
    // Complaints within: a (land, first) b (policy, first).
    assert_eq!(cols(xld, &[6, 7, 8, 9, 10, 11]), vec![2, 2, 0, 1, 1, 0]);
    // Denunciations within: c (corruption, first).
    assert_eq!(
        cols(xld, &[12, 13, 14, 15, 16, 17, 18]),
        vec![1, 1, 0, 0, 1, 0, 0]
    );
    // Proposals within: h (policy).
    assert_eq!(cols(xld, &[19, 20, 21, 22]), vec![1, 1, 0, 0]);
    // Outside: e transferred, f guided, g2's two contents transferred.
    assert_eq!(cols(xld, &[23, 24, 25]), vec![4, 1, 3]);
    ok(xld);

    let gqkn = all.iter().find(|t| t.form == FormId::Gqkn03).unwrap();
    // Complaints of 02/XLD (6): a accepted (4), b considered at the cut-off (3).
    assert_eq!(cols(gqkn, &[1, 2]), vec![2, 2]);
    assert_eq!(cols(gqkn, &[3, 4, 5, 6]), vec![1, 1, 0, 0]);
    ok(gqkn);
    // Decisions issued in the period: a (first round, right) and k (second round, upheld).
    assert_eq!(cols(gqkn, &[7, 8, 9, 10, 11, 12]), vec![2, 1, 0, 0, 1, 0]);

    let gqtc = all.iter().find(|t| t.form == FormId::Gqtc04).unwrap();
    assert_eq!(
        cols(gqtc, &[1, 2, 3, 4, 5, 6, 7]),
        vec![1, 1, 0, 0, 1, 0, 0]
    );
    ok(gqtc);
    // 05/KQTH takes the decisions of the period as its least (1 ≥ 03/GQKN 7).
    let kqth = all.iter().find(|t| t.form == FormId::Kqth05).unwrap();
    assert_eq!(cols(kqth, &[1, 16]), vec![2, 0]);
    ok(kqth);
}

/// 02/XLD's field groups (columns 9–11, 15–18, 20–22) are those of the field a petition
/// had at the cut-off: classified again in a later period under another field, it stays
/// where it was counted (a locked period does not change), and so does one whose field
/// went back to the first later on.
#[test]
fn a_petitions_field_group_is_the_one_it_had_at_the_cut_off() {
    use Competence::*;
    use PetitionKind::*;
    let mut store = store_on("2026-12-20");
    let reclassify = |store: &mut Store, id: &str, kind: PetitionKind, field: &str, on: &str| {
        move_petition(store, id, MoveAction::Classify, on, |m| {
            let mut c = classification(kind, true, Within);
            c.field_code = Some(field.into());
            m.classification = Some(c);
        })
        .unwrap();
    };
    // Quý II 2026: 15/3–14/6. A land complaint, reclassified as a policy one in Quý III.
    let a = petition(&mut store, "2026-05-04", Complaint, "dat_dai");
    reclassify(&mut store, &a, Complaint, "dat_dai", "2026-05-05");
    reclassify(&mut store, &a, Complaint, "chinh_sach", "2026-07-01");
    // A policy proposal reclassified as land in Quý III, then back to policy in Quý IV.
    let b = petition(&mut store, "2026-05-11", Proposal, "chinh_sach");
    reclassify(&mut store, &b, Proposal, "chinh_sach", "2026-05-12");
    reclassify(&mut store, &b, Proposal, "dat_dai", "2026-07-02");
    reclassify(&mut store, &b, Proposal, "chinh_sach", "2026-10-01");
    // A denunciation of "khác", reclassified under corruption within Quý II itself.
    let c = petition(&mut store, "2026-05-18", Denunciation, "khac");
    reclassify(&mut store, &c, Denunciation, "khac", "2026-05-19");
    reclassify(&mut store, &c, Denunciation, "tham_nhung", "2026-06-01");

    let xld = table(&store, FormId::Xld02, "2026-03-15", "2026-06-14");
    ok(&xld);
    // Complaints: land 1, policy 0 (today's field would say 0 and 1).
    assert_eq!(cols(&xld, &[6, 9, 10, 11]), vec![1, 1, 0, 0]);
    // Denunciations: corruption, as it stood at the cut-off.
    assert_eq!(cols(&xld, &[12, 15, 16, 17, 18]), vec![1, 0, 1, 0, 0]);
    // Proposals: policy (its field at the cut-off, and today's again).
    assert_eq!(cols(&xld, &[19, 20, 21, 22]), vec![1, 1, 0, 0]);
}

fn figure(column: u16, value: f64) -> tiepdan::desk::reporting::ManualFigure {
    tiepdan::desk::reporting::ManualFigure {
        column,
        label: String::new(),
        unit: None,
        value: Some(value),
    }
}

#[test]
fn typed_figures_are_checked_and_an_inconsistent_table_is_not_sent() {
    let mut store = store_on("2026-12-20");
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    // A column the register computes is not typed.
    let e = store
        .save_manual_figures(FormId::Tcd01, q4, &[figure(1, 3.0)])
        .unwrap_err();
    assert_eq!(e.field(), Some("column_1"));
    let e = store
        .save_manual_figures(FormId::Gqkn03, q4, &[figure(7, 1.0)])
        .unwrap_err();
    assert!(e.to_string().contains("do phần mềm tính"), "{e}");
    // Negative figures and fractional counts are refused; money may have decimals.
    let e = store
        .save_manual_figures(FormId::Qlkntc06, q4, &[figure(4, -1.0)])
        .unwrap_err();
    assert_eq!(e.field(), Some("column_4"));
    assert!(e.to_string().contains("không âm"), "{e}");
    let e = store
        .save_manual_figures(FormId::Qlkntc06, q4, &[figure(4, 2e12)])
        .unwrap_err();
    assert_eq!(e.field(), Some("column_4"));
    assert!(
        e.to_string()
            .contains("số quá lớn (tối đa 1.000.000.000.000)"),
        "{e}"
    );
    let e = store
        .save_manual_figures(FormId::Qlkntc06, q4, &[figure(4, 1.5)])
        .unwrap_err();
    assert!(e.to_string().contains("số nguyên"), "{e}");
    store
        .save_manual_figures(FormId::Gqkn03, q4, &[figure(13, 12.5)])
        .unwrap();
    let gqkn = table(&store, FormId::Gqkn03, "2026-09-15", "2026-12-14");
    assert_eq!(gqkn.value(13), 12.5);
    assert_eq!(forms::format_value(gqkn.value(13)), "12,5");

    // 05/KQTH: 3 decisions carried over, 5 "finished": (2) ≤ (1) fails; the file is not
    // written and the message names the columns.
    store
        .save_manual_figures(FormId::Kqth05, q4, &[figure(1, 3.0), figure(2, 5.0)])
        .unwrap();
    let all = forms::statutory_tables(&store, q4).unwrap();
    let kqth = all.iter().find(|t| t.form == FormId::Kqth05).unwrap();
    assert_eq!((kqth.value(1), kqth.value(2)), (3.0, 5.0));
    let failed: Vec<_> = kqth.checks.iter().filter(|c| !c.ok).collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].rule, "(2) ≤ (1)");
    let e = forms::ensure_sendable(&all).unwrap_err();
    assert_eq!(e.code(), "form_check");
    assert!(
        e.to_string()
            .contains("Biểu 05/KQTH: cột (2) là 5, lớn hơn cột (1) là 3"),
        "{e}"
    );
    // Putting it right lets it go.
    store
        .save_manual_figures(FormId::Kqth05, q4, &[figure(1, 5.0), figure(2, 5.0)])
        .unwrap();
    forms::ensure_sendable(&forms::statutory_tables(&store, q4).unwrap()).unwrap();
    // Typed figures are in the history.
    let history = store
        .history("manual_figures", "05-kqth:2026-09-15:2026-12-14")
        .unwrap();
    assert_eq!(history.len(), 2);

    // Every "of whom officials" column of 05/KQTH is at most its total, as the notes
    // under the table say ("Cột (12) … <= Cột (11)", (15) ≤ (14), (28) ≤ (27),
    // "Cột (31) … <= Cột (30)").
    for (total, of_whom) in [(11, 12), (14, 15), (27, 28), (30, 31)] {
        store
            .save_manual_figures(
                FormId::Kqth05,
                q4,
                &[figure(total, 1.0), figure(of_whom, 3.0)],
            )
            .unwrap();
        let all = forms::statutory_tables(&store, q4).unwrap();
        let kqth = all.iter().find(|t| t.form == FormId::Kqth05).unwrap();
        let failed: Vec<_> = kqth
            .checks
            .iter()
            .filter(|c| !c.ok)
            .map(|c| &c.rule)
            .collect();
        assert_eq!(failed, [&format!("({of_whom}) ≤ ({total})")], "({of_whom})");
        assert!(forms::ensure_sendable(&all).is_err(), "({of_whom})");
        store
            .save_manual_figures(
                FormId::Kqth05,
                q4,
                &[figure(total, 0.0), figure(of_whom, 0.0)],
            )
            .unwrap();
    }
}

#[test]
fn outside_competence_results_are_guided_or_transferred() {
    let mut store = store_on("2026-12-20");
    let outside = |store: &mut Store, day: &str, moves: &[MoveAction]| {
        let p = petition(store, day, PetitionKind::Proposal, "tthc");
        classify(
            store,
            &p,
            PetitionKind::Proposal,
            true,
            Competence::Outside,
            day,
        );
        for m in moves {
            step(store, &p, *m, day);
        }
    };
    // Transferred, then the receiving body urged: still "chuyển đơn".
    outside(
        &mut store,
        "2026-10-01",
        &[MoveAction::Transfer, MoveAction::Urge],
    );
    // Urged without a transfer: the matter was sent on (TT 06/2025 has no "đôn đốc").
    outside(&mut store, "2026-10-02", &[MoveAction::Urge]);
    // Returned to the citizen: "trả lại đơn và hướng dẫn".
    outside(&mut store, "2026-10-03", &[MoveAction::Return]);
    // Classified, not yet guided nor transferred at the cut-off: not processed yet.
    outside(&mut store, "2026-10-04", &[]);
    // Classified, then withdrawn by the citizen before it was guided or transferred: its
    // review ended (processed, column 2), but it is neither guided nor transferred, so not
    // among the eligible outside ones (3 = 4 + 23, 23 = 24 + 25 must hold).
    outside(&mut store, "2026-10-05", &[MoveAction::Withdraw]);
    let xld = table(&store, FormId::Xld02, "2026-09-15", "2026-12-14");
    assert_eq!(cols(&xld, &[1, 2, 3, 23, 24, 25]), vec![5, 4, 3, 3, 1, 2]);
    ok(&xld);
}

#[test]
fn periods_before_tt_06_2025_are_refused_plainly() {
    let store = store_on("2026-12-20");
    let e = forms::statutory_tables(&store, Period::parse("2025-06-15", "2025-09-14").unwrap())
        .unwrap_err();
    assert_eq!(e.field(), Some("period"));
    assert!(e.to_string().contains("Thông tư 01/2024/TT-TTCP"), "{e}");
    // Quý IV 2025 (15/9–14/12/2025) ends under TT 06/2025.
    forms::statutory_tables(&store, Period::parse("2025-09-15", "2025-12-14").unwrap()).unwrap();
}

#[test]
fn the_previous_period_and_last_year_are_beside() {
    let mut store = store_on("2026-12-20");
    for (day, people) in [("2025-10-01", 3), ("2026-07-01", 2), ("2026-10-01", 1)] {
        let s = session(&mut store, day, HostGroup::Officer);
        visit(&mut store, &s, 1, people, None);
    }
    let t = table(&store, FormId::Tcd01, "2026-09-15", "2026-12-14");
    assert_eq!(t.value(2), 1.0);
    assert_eq!(t.comparisons.len(), 2);
    assert_eq!(t.comparisons[0].label, "Kỳ trước (15/06/2026 – 14/09/2026)");
    assert_eq!(t.comparisons[0].values[1], 2.0);
    assert_eq!(
        t.comparisons[1].label,
        "Cùng kỳ năm trước (15/09/2025 – 14/12/2025)"
    );
    assert_eq!(t.comparisons[1].values[1], 3.0);
}

#[test]
fn a_change_inside_a_locked_period_is_an_adjustment_the_next_report_shows() {
    let mut store = store_on("2026-09-13");
    let q3 = Period::parse("2026-06-15", "2026-09-14").unwrap();
    let s = session(&mut store, "2026-08-03", HostGroup::Officer);
    let v = visit(&mut store, &s, 1, 1, None);
    // Before its cut-off, the period cannot be locked: records still come in.
    let e = store.lock_period(q3, "Quý III năm 2026", None).unwrap_err();
    assert_eq!(e.field(), Some("period"));
    assert!(e.to_string().contains("chưa hết"), "{e}");
    assert!(store.period_locks().unwrap().is_empty());
    let mut store = reopen_on(store, "2026-09-16");
    let lock = store
        .lock_period(q3, "Quý III năm 2026", Some("25/BC-UBND"))
        .unwrap();
    assert_eq!(lock.adjustments, 0);
    // Locked twice: refused.
    let e = store.lock_period(q3, "Quý III năm 2026", None).unwrap_err();
    assert!(e.to_string().contains("đã khóa"), "{e}");
    assert_eq!(store.locks_covering("2026-08-03").unwrap().len(), 1);
    assert!(store.locks_covering("2026-09-15").unwrap().is_empty());
    // The locked period's tables name the report they were sent with, and say the figures
    // are those sent.
    let t = table(&store, FormId::Tcd01, "2026-06-15", "2026-09-14");
    assert_eq!(
        t.attached_line,
        "(Kèm theo Báo cáo số: 25/BC-UBND, ngày … tháng … năm … của UBND phường Việt Hòa)"
    );
    assert!(
        t.note
            .starts_with("Số liệu như bản đã gửi khi khóa kỳ ngày "),
        "{}",
        t.note
    );

    // In October a late visit of 03/8 is entered, and the first one corrected to 3 people.
    let mut store = reopen_on(store, "2026-10-05");
    visit(&mut store, &s, 1, 2, None);
    let mut fix = visit_input(&s, vec![person("Công dân 1 1")], 3);
    fix.persons[0].existing_id = Some(v.persons[0].id.clone());
    store.correct_visit(&v.id, &fix).unwrap();
    // A visit dated outside the locked period is no adjustment.
    let s4 = session(&mut store, "2026-10-05", HostGroup::Officer);
    visit(&mut store, &s4, 1, 1, None);

    let locks = store.period_locks().unwrap();
    assert!(locks[0].adjustments >= 2, "{locks:?}");
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let adj = forms::adjustments(&store, q4).unwrap();
    assert_eq!(adj.len(), 1);
    assert_eq!(adj[0].label, "Quý III năm 2026");
    assert!(adj[0].changes >= 2);
    assert!(
        adj[0]
            .differences
            .contains(&"Biểu 01/TCD cột (1): 1 → 2".to_string()),
        "{:?}",
        adj[0].differences
    );
    assert!(
        adj[0]
            .differences
            .contains(&"Biểu 01/TCD cột (2): 1 → 5".to_string()),
        "{:?}",
        adj[0].differences
    );
    // The report of Quý III itself shows none (nothing locked before it).
    assert!(forms::adjustments(&store, q3).unwrap().is_empty());
    // Its tables made again say, in their note row, what differs from the figures sent: a
    // file made after the change is never taken for the one filed.
    let t = table(&store, FormId::Tcd01, "2026-06-15", "2026-09-14");
    assert_eq!(t.value(2), 5.0);
    assert!(
        t.note
            .contains("(bản đã gửi → nay): cột (1): 1 → 2; cột (2): 1 → 5")
            && t.note.ends_with(
                "Thay đổi được báo cáo là điều chỉnh số liệu kỳ trước trong báo cáo kỳ sau."
            ),
        "{}",
        t.note
    );
    // A period that is not the locked one says nothing of it.
    let t = table(&store, FormId::Tcd01, "2026-09-15", "2026-12-14");
    assert_eq!(t.note, "");
    assert!(t.attached_line.starts_with("(Kèm theo Báo cáo số: …,"));
    // Made again, the locked period's files keep the number they were sent with: another
    // is refused, the same one (or none) is fine.
    let read =
        |no: Option<&str>| tiepdan::export::job::read(&store, FormId::AllTables, q3, no, false);
    let e = read(Some("99")).expect_err("another number refused");
    assert_eq!(e.field(), Some("report_no"));
    assert!(
        e.to_string()
            .contains("đã khóa khi gửi báo cáo số 25/BC-UBND"),
        "{e}"
    );
    for no in [Some("25"), Some(" 25/BC-UBND "), None] {
        let Ok(tiepdan::export::job::Prepared::Tables(tables)) = read(no) else {
            panic!("{no:?}")
        };
        assert!(tables[0]
            .attached_line
            .starts_with("(Kèm theo Báo cáo số: 25/BC-UBND,"));
    }
    // The Word report of the period says its number and what changed since the lock.
    let doc =
        tiepdan::report::mau02::report_document(&store, q3, date("2026-10-05"), None).unwrap();
    assert_eq!(doc.number_line, "Số: 25/BC-UBND");
    let two = doc
        .sections
        .iter()
        .find(|s| s.heading.starts_with("II. "))
        .unwrap();
    assert!(
        two.paragraphs[0].starts_with("Lưu ý: kỳ này đã khóa ngày ")
            && two.paragraphs[0].contains("Biểu 01/TCD cột (1): 1 → 2"),
        "{:?}",
        two.paragraphs
    );
}

/// "Số báo cáo" is a number ("25", "25/BC-UBND"), checked the same for a lock and a file.
#[test]
fn a_report_number_is_a_number() {
    assert_eq!(
        forms::tidy_report_no(Some(" 25 ")).unwrap().as_deref(),
        Some("25")
    );
    assert_eq!(forms::tidy_report_no(Some("  ")).unwrap(), None);
    assert_eq!(
        forms::report_number(Some("25")).as_deref(),
        Some("25/BC-UBND")
    );
    assert_eq!(
        forms::report_number(Some("25/BC-UBND")).as_deref(),
        Some("25/BC-UBND")
    );
    for bad in ["/", "//", "25/", "/BC-UBND", "BC-UBND", "25\n26", "25\u{1}"] {
        let e = forms::tidy_report_no(Some(bad)).unwrap_err();
        assert_eq!(e.field(), Some("report_no"), "{bad:?}");
        assert!(e.to_string().starts_with("Số báo cáo"), "{bad:?}: {e}");
    }
    let long = "1".repeat(101);
    assert!(forms::tidy_report_no(Some(&long)).is_err());
}

#[test]
fn records_imported_into_a_locked_period_are_adjustments_too() {
    // Another register holds two visits of 03/8/2026.
    let mut other = store_on("2026-09-20");
    let s = session(&mut other, "2026-08-03", HostGroup::Officer);
    visit(&mut other, &s, 1, 1, None);
    visit(&mut other, &s, 1, 3, None);
    let file = other.export_exchange().unwrap();

    // This register locked Quý III (nothing in it), then imports the file in Quý IV.
    let mut store = store_on("2026-09-16");
    let q3 = Period::parse("2026-06-15", "2026-09-14").unwrap();
    store
        .lock_period(q3, "Quý III năm 2026", Some("25"))
        .unwrap();
    let mut store = reopen_on(store, "2026-10-01");
    store.import_exchange(&file).unwrap();

    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let adj = forms::adjustments(&store, q4).unwrap();
    assert_eq!(adj.len(), 1, "{adj:?}");
    assert_eq!(adj[0].label, "Quý III năm 2026");
    assert_eq!(adj[0].changes, 1, "one import, one change");
    assert!(
        adj[0]
            .differences
            .contains(&"Biểu 01/TCD cột (1): 0 → 2".to_string()),
        "{:?}",
        adj[0].differences
    );
    assert_eq!(store.period_locks().unwrap()[0].adjustments, 1);
    // The report of Quý IV says so.
    let r = tiepdan::report::period_report(&store, q4).unwrap();
    assert!(
        r.sentences
            .iter()
            .any(|s| s.starts_with("Điều chỉnh số liệu kỳ trước: Quý III năm 2026")),
        "{:?}",
        r.sentences
    );
}

#[test]
fn another_wards_petition_in_the_register_book_names_its_ward() {
    let mut other = store_on("2026-11-30");
    let mut settings = other.settings().unwrap();
    settings.unit_name = "phường Khác".into();
    other.save_settings(&settings).unwrap();
    let s = session(&mut other, "2026-10-05", HostGroup::Officer);
    visit(&mut other, &s, 1, 1, Some(PetitionKind::Proposal));
    let file = other.export_exchange().unwrap();

    let mut store = store_on("2026-11-30");
    let s = session(&mut store, "2026-10-06", HostGroup::Officer);
    visit(&mut store, &s, 1, 1, Some(PetitionKind::Proposal));
    store.import_exchange(&file).unwrap();
    let q4 = Period::parse("2026-09-15", "2026-12-14").unwrap();
    let book = forms::register::register_book(&store, q4).unwrap();
    let follow: Vec<&str> = book.parts[0]
        .rows
        .iter()
        .map(|r| r.last().unwrap().as_str())
        .collect();
    assert!(
        follow[0].starts_with("Đơn số 1/2026 (phường Khác):"),
        "{follow:?}"
    );
    assert!(follow[1].starts_with("Đơn số 1/2026:"), "{follow:?}");
}

#[test]
fn a_period_is_locked_the_day_after_its_cut_off() {
    let mut store = store_on("2026-09-14");
    let q3 = Period::parse("2026-06-15", "2026-09-14").unwrap();
    let e = store.lock_period(q3, "", None).unwrap_err();
    assert!(e.to_string().contains("chưa hết"), "{e}");
    let mut store = reopen_on(store, "2026-09-15");
    assert_eq!(
        store.lock_period(q3, "", None).unwrap().label,
        "Quý III năm 2026"
    );
}

#[test]
fn the_register_book_changes_form_on_1_july_2026() {
    let mut store = store_on("2026-07-31");
    let june = session(&mut store, "2026-06-30", HostGroup::Officer);
    let mut v = visit_input(&june, vec![person("Nguyễn Thị Xuân")], 1);
    v.persons[0].address = Some("Tổ 3, phường Việt Hòa".into());
    v.persons[0].id_number = Some("001190001234".into());
    v.handling = HandlingInput {
        handling: Handling::Transfer,
        agency: Some("Phòng Tài nguyên".into()),
        letter_no: Some("45/UBND".into()),
    };
    v.kind = Some(PetitionKind::Complaint);
    v.prior_agencies = Some("  UBND phường Bến Thành (đã trả lời)  ".into());
    store.add_visit(&v).unwrap();
    // A complaint handed in the same day, its petition classified within competence and
    // not yet accepted: "x" under "Thụ lý để giải quyết" (Mẫu 03, column 8), as Mẫu
    // 03/TCD marks it "Thuộc thẩm quyền" (column 9).
    let mut within = visit_input(&june, vec![person("Lê Văn Hạnh")], 1);
    within.petition = Some(petition_of(PetitionKind::Complaint));
    within.handling = HandlingInput {
        handling: Handling::None,
        agency: None,
        letter_no: None,
    };
    let within = store.add_visit(&within).unwrap();
    let petition = within.petition_id.clone().unwrap();
    classify(
        &mut store,
        &petition,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-07-01",
    );
    // Within competence, then declined ("không thụ lý"): not marked "Thụ lý để giải quyết".
    let mut declined = visit_input(&june, vec![person("Vũ Thị Mai")], 1);
    declined.petition = Some(petition_of(PetitionKind::Complaint));
    let declined = store.add_visit(&declined).unwrap();
    let turned_away = declined.petition_id.clone().unwrap();
    classify(
        &mut store,
        &turned_away,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-07-01",
    );
    move_petition(
        &mut store,
        &turned_away,
        MoveAction::Decline,
        "2026-07-02",
        |m| m.note = Some("Đã có quyết định giải quyết có hiệu lực".into()),
    )
    .unwrap();
    // Guided at the desk (to write a complaint of its own), its petition later classified
    // within competence and accepted: the Sổ keeps the desk's handling, one of the three.
    let mut guided = visit_input(&june, vec![person("Đỗ Văn Nam")], 1);
    guided.petition = Some(petition_of(PetitionKind::Complaint));
    guided.handling = HandlingInput {
        handling: Handling::Guide,
        agency: Some("UBND phường Việt Hòa".into()),
        letter_no: None,
    };
    let guided = store.add_visit(&guided).unwrap();
    let later = guided.petition_id.clone().unwrap();
    classify(
        &mut store,
        &later,
        PetitionKind::Complaint,
        true,
        Competence::Within,
        "2026-07-01",
    );
    move_petition(&mut store, &later, MoveAction::Accept, "2026-07-02", |_| {}).unwrap();
    let july = session(&mut store, "2026-07-01", HostGroup::Chairman);
    visit(&mut store, &july, 2, 6, Some(PetitionKind::Proposal));
    let council = session(&mut store, "2026-07-02", HostGroup::Council);
    visit(&mut store, &council, 1, 1, None);

    let book =
        forms::register::register_book(&store, Period::parse("2026-06-01", "2026-07-31").unwrap())
            .unwrap();
    assert_eq!(book.parts.len(), 2);
    let old = &book.parts[0];
    assert!(old.model.contains("Thông tư số 04/2021/TT-TTCP"));
    // The form's headers, word for word.
    assert_eq!(
        old.columns,
        [
            "STT",
            "Ngày tiếp",
            "Họ tên - Địa chỉ",
            "CMND/Hộ chiếu của công dân",
            "Nội dung vụ việc",
            "Phân loại đơn/Số người",
            "Cơ quan đã giải quyết",
            "Thụ lý để giải quyết",
            "Trả lại đơn và hướng dẫn",
            "Chuyển đơn đến cơ quan, tổ chức đơn vị có thẩm quyền",
            "Theo dõi kết quả giải quyết",
            "Ghi chú",
        ]
    );
    assert_eq!(old.data_line, "Từ ngày 01/06/2026 đến ngày 30/06/2026");
    assert_eq!(old.unit_name, "ỦY BAN NHÂN DÂN PHƯỜNG VIỆT HÒA");
    assert_eq!(old.rows.len(), 4);
    let r = &old.rows[0];
    assert_eq!(r[0], "1");
    assert_eq!(r[1], "30/06/2026");
    assert_eq!(r[2], "Nguyễn Thị Xuân – Tổ 3, phường Việt Hòa");
    assert_eq!(r[3], "001190001234");
    assert_eq!(r[5], "Khiếu nại/1 người");
    assert_eq!(r[6], "UBND phường Bến Thành (đã trả lời)");
    assert_eq!(r[7], "", "transferred: not the ward's to resolve");
    assert_eq!(r[9], "Phòng Tài nguyên – văn bản số 45/UBND");
    let r = &old.rows[1];
    assert_eq!((r[6].as_str(), r[7].as_str(), r[9].as_str()), ("", "x", ""));
    assert_eq!(old.rows[2][7], "", "declined: {:?}", old.rows[2]);
    let r = &old.rows[3];
    assert_eq!(
        (r[7].as_str(), r[8].as_str()),
        ("", "UBND phường Việt Hòa"),
        "guided at the desk: {r:?}"
    );
    let new = &book.parts[1];
    assert!(new.model.contains("Nghị định số 154/2026/NĐ-CP"));
    assert_eq!(new.columns[3], "Số căn cước/Hộ chiếu");
    assert_eq!(new.rows.len(), 1, "HĐND reception keeps its own book");
    let r = &new.rows[0];
    assert_eq!(r[5], "KN-PA");
    assert_eq!(r[6], "6");
    assert_eq!(r[7], "", "no body named before");
    assert!(
        r[11].starts_with("Đơn số 4/2026: Đã tiếp nhận"),
        "{}",
        r[11]
    );
}

/// A visit left "Chưa xử lý" at the desk whose petition is accepted, transferred or guided
/// later on its page: the Sổ's "Hướng xử lý" shows that handling (with the agency and the
/// letter of the transfer), in the book of either form; one decided at the desk stays.
#[test]
fn the_register_book_shows_the_handling_a_petition_got_after_its_visit() {
    let mut store = store_on("2026-07-31");
    // A visit with its petition, left "Chưa xử lý" at the desk.
    let open = |store: &mut Store, s: &str, name: &str, kind: PetitionKind| {
        let mut v = visit_input(s, vec![person(name)], 1);
        v.petition = Some(petition_of(kind));
        v.handling = HandlingInput {
            handling: Handling::None,
            agency: None,
            letter_no: None,
        };
        store.add_visit(&v).unwrap()
    };
    let rows_of = |store: &mut Store, on: &str| {
        let s = session(store, on, HostGroup::Officer);
        let accepted = open(store, &s, "Vũ Hồng Thảo", PetitionKind::Complaint);
        let transferred = open(store, &s, "Lê Hồng Yến", PetitionKind::Proposal);
        let guided = open(store, &s, "Hồ Hữu Hùng", PetitionKind::Proposal);
        let left = open(store, &s, "Đoàn Minh Đạt", PetitionKind::Proposal);
        let id = |v: &tiepdan::domain::Visit| v.petition_id.clone().unwrap();
        classify(
            store,
            &id(&accepted),
            PetitionKind::Complaint,
            true,
            Competence::Within,
            on,
        );
        move_petition(store, &id(&accepted), MoveAction::Accept, on, |_| {}).unwrap();
        classify_first(store, &id(&transferred), PetitionKind::Proposal, on).unwrap();
        move_petition(store, &id(&transferred), MoveAction::Transfer, on, |m| {
            m.agency = Some("Phòng Quản lý đô thị".into());
            m.doc_no = Some("05/PC-TCD".into());
        })
        .unwrap();
        classify_first(store, &id(&guided), PetitionKind::Proposal, on).unwrap();
        move_petition(store, &id(&guided), MoveAction::Guide, on, |m| {
            m.agency = Some("Tòa án nhân dân khu vực 1".into());
        })
        .unwrap();
        classify_first(store, &id(&left), PetitionKind::Proposal, on).unwrap();
    };
    rows_of(&mut store, "2026-06-29");
    rows_of(&mut store, "2026-07-06");
    // Decided at the desk: a guidance, its petition then transferred: the desk's stays.
    let s = session(&mut store, "2026-07-07", HostGroup::Officer);
    let mut v = visit_input(&s, vec![person("Trần Văn Dũng")], 1);
    v.petition = Some(petition_of(PetitionKind::Proposal));
    v.handling = HandlingInput {
        handling: Handling::Guide,
        agency: Some("Phòng Tư pháp".into()),
        letter_no: None,
    };
    let desk = store.add_visit(&v).unwrap();
    let pid = desk.petition_id.clone().unwrap();
    classify_first(&mut store, &pid, PetitionKind::Proposal, "2026-07-07").unwrap();
    move_petition(&mut store, &pid, MoveAction::Transfer, "2026-07-07", |m| {
        m.agency = Some("Sở Xây dựng".into());
    })
    .unwrap();

    // The register screen's visits say where each petition stands now.
    let states: Vec<Option<PetitionState>> = store
        .visits_of_session(&s)
        .unwrap()
        .iter()
        .map(|v| v.petition_state)
        .collect();
    assert_eq!(states, vec![Some(PetitionState::Transferred)]);

    let book =
        forms::register::register_book(&store, Period::parse("2026-06-01", "2026-07-31").unwrap())
            .unwrap();
    // TT 04/2021: 8 Thụ lý, 9 Trả lại đơn và hướng dẫn, 10 Chuyển đơn.
    let old: Vec<[&str; 3]> = book.parts[0]
        .rows
        .iter()
        .map(|r| [r[7].as_str(), r[8].as_str(), r[9].as_str()])
        .collect();
    assert_eq!(
        old,
        vec![
            ["x", "", ""],
            ["", "", "Phòng Quản lý đô thị – văn bản số 05/PC-TCD"],
            ["", "Tòa án nhân dân khu vực 1", ""],
            ["", "", ""],
        ]
    );
    // NĐ 154/2026: 9 Thuộc thẩm quyền, 10 Hướng dẫn, 11 Chuyển đơn.
    let new: Vec<[&str; 3]> = book.parts[1]
        .rows
        .iter()
        .map(|r| [r[8].as_str(), r[9].as_str(), r[10].as_str()])
        .collect();
    assert_eq!(
        new,
        vec![
            ["x", "", ""],
            ["", "", "Phòng Quản lý đô thị – văn bản số 05/PC-TCD"],
            ["", "Tòa án nhân dân khu vực 1", ""],
            ["", "", ""],
            ["", "Phòng Tư pháp", ""],
        ]
    );
}

/// A handling decided at the desk keeps what its petition's step of the same handling adds
/// (the agency and the letter's number, often issued later); one taken in at the desk
/// ("Thụ lý") whose petition was found outside the ward's competence and sent on shows the
/// transfer, in the book of either form; an urging at the desk says where it went.
#[test]
fn the_register_book_fills_what_the_desk_left_blank_and_sends_on_what_it_took_in() {
    let mut store = store_on("2026-07-31");
    let at_desk = |store: &mut Store,
                   s: &str,
                   name: &str,
                   handling: Handling,
                   agency: Option<&str>,
                   petition: bool| {
        let mut v = visit_input(s, vec![person(name)], 1);
        if petition {
            v.petition = Some(petition_of(PetitionKind::Proposal));
        }
        v.handling = HandlingInput {
            handling,
            agency: agency.map(str::to_string),
            letter_no: None,
        };
        store.add_visit(&v).unwrap()
    };
    for on in ["2026-06-29", "2026-07-06"] {
        let s = session(&mut store, on, HostGroup::Officer);
        let guided = at_desk(&mut store, &s, "Vũ Hồng Thảo", Handling::Guide, None, true);
        let sent = at_desk(
            &mut store,
            &s,
            "Lê Hồng Yến",
            Handling::Transfer,
            Some("Phòng Kinh tế"),
            true,
        );
        let taken = at_desk(&mut store, &s, "Hồ Hữu Hùng", Handling::Accept, None, true);
        // Taken in at the desk, its petition found outside the competence, not yet sent on.
        let waiting = at_desk(&mut store, &s, "Phan Thị Mai", Handling::Accept, None, true);
        let mut urged = visit_input(&s, vec![person("Đoàn Minh Đạt")], 1);
        urged.handling = HandlingInput {
            handling: Handling::Urge,
            agency: Some("UBND phường Bến Thành".into()),
            letter_no: Some("12/ĐĐ-UBND".into()),
        };
        store.add_visit(&urged).unwrap();
        let id = |v: &tiepdan::domain::Visit| v.petition_id.clone().unwrap();
        for (v, action, agency, letter) in [
            (
                &guided,
                MoveAction::Guide,
                "Tòa án nhân dân khu vực 1",
                "07/HD-UBND",
            ),
            (&sent, MoveAction::Transfer, "Phòng Kinh tế", "08/PC-UBND"),
            (&taken, MoveAction::Transfer, "Sở Xây dựng", "09/PC-UBND"),
        ] {
            classify(
                &mut store,
                &id(v),
                PetitionKind::Proposal,
                true,
                Competence::Outside,
                on,
            );
            move_petition(&mut store, &id(v), action, on, |m| {
                m.agency = Some(agency.into());
                m.doc_no = Some(letter.into());
            })
            .unwrap();
        }
        classify(
            &mut store,
            &id(&waiting),
            PetitionKind::Proposal,
            true,
            Competence::Outside,
            on,
        );
    }
    let book =
        forms::register::register_book(&store, Period::parse("2026-06-01", "2026-07-31").unwrap())
            .unwrap();
    // TT 04/2021: 8 Thụ lý, 9 Trả lại đơn và hướng dẫn, 10 Chuyển đơn, 11 Theo dõi kết quả;
    // NĐ 154/2026: 9 Thuộc thẩm quyền, 10 Hướng dẫn, 11 Chuyển đơn, 12 Theo dõi kết quả.
    let expected = vec![
        ["", "Tòa án nhân dân khu vực 1 – văn bản số 07/HD-UBND", ""],
        ["", "", "Phòng Kinh tế – văn bản số 08/PC-UBND"],
        ["", "", "Sở Xây dựng – văn bản số 09/PC-UBND"],
        ["", "", ""],
        ["", "", ""],
    ];
    for (part, first) in [(0, 7), (1, 8)] {
        let rows = &book.parts[part].rows;
        let got: Vec<[&str; 3]> = rows
            .iter()
            .map(|r| {
                [
                    r[first].as_str(),
                    r[first + 1].as_str(),
                    r[first + 2].as_str(),
                ]
            })
            .collect();
        assert_eq!(got, expected, "part {part}");
        assert_eq!(
            rows[4][first + 3],
            "Đã đôn đốc: UBND phường Bến Thành – văn bản số 12/ĐĐ-UBND",
            "part {part}"
        );
    }
}

/// 03/GQKN columns 3–6 count cases, each once, though its petitions stand differently at
/// the cut-off: accepted if any petition is, else being considered if any is, else
/// declined if any is; withdrawn only when every petition is (a full withdrawal). And a
/// decision on a complaint accepted in an earlier period is said as a note, not an error.
#[test]
fn a_case_whose_petitions_stand_differently_counts_once_where_it_stands() {
    use Competence::*;
    use PetitionKind::*;
    let mut store = store_on("2027-01-20");
    let on_case = |store: &mut Store, received: &str, case: Option<&str>| -> (String, String) {
        let mut input = direct_input(received, Complaint);
        input.case_id = case.map(str::to_string);
        let d = store.create_petition(&input).unwrap();
        (d.id.clone(), d.case_id.clone())
    };
    // K: accepted; a later petition on it declined (it is being resolved): column 4.
    let (k1, k) = on_case(&mut store, "2026-09-20", None);
    classify(&mut store, &k1, Complaint, true, Within, "2026-09-21");
    step(&mut store, &k1, MoveAction::Accept, "2026-10-01");
    let (k2, _) = on_case(&mut store, "2026-10-10", Some(&k));
    classify(&mut store, &k2, Complaint, true, Within, "2026-10-11");
    step(&mut store, &k2, MoveAction::Decline, "2026-10-12");
    // L: one withdrawn, one still being considered: column 3.
    let (l1, l) = on_case(&mut store, "2026-09-22", None);
    classify(&mut store, &l1, Complaint, true, Within, "2026-09-23");
    step(&mut store, &l1, MoveAction::Withdraw, "2026-09-25");
    let (l2, _) = on_case(&mut store, "2026-11-02", Some(&l));
    classify(&mut store, &l2, Complaint, true, Within, "2026-11-03");
    // M: both withdrawn: column 6.
    let (m1, m) = on_case(&mut store, "2026-09-24", None);
    classify(&mut store, &m1, Complaint, true, Within, "2026-09-25");
    step(&mut store, &m1, MoveAction::Withdraw, "2026-09-26");
    let (m2, _) = on_case(&mut store, "2026-10-02", Some(&m));
    classify(&mut store, &m2, Complaint, true, Within, "2026-10-03");
    step(&mut store, &m2, MoveAction::Withdraw, "2026-10-04");
    // N: one declined, one withdrawn: column 5.
    let (n1, n) = on_case(&mut store, "2026-09-28", None);
    classify(&mut store, &n1, Complaint, true, Within, "2026-09-29");
    step(&mut store, &n1, MoveAction::Decline, "2026-09-30");
    let (n2, _) = on_case(&mut store, "2026-10-05", Some(&n));
    classify(&mut store, &n2, Complaint, true, Within, "2026-10-06");
    step(&mut store, &n2, MoveAction::Withdraw, "2026-10-07");
    // A complaint accepted in Quý III, decided in Quý IV: in (7), not in (1)–(6).
    let old = petition(&mut store, "2026-08-03", Complaint, "dat_dai");
    classify(&mut store, &old, Complaint, true, Within, "2026-08-04");
    step(&mut store, &old, MoveAction::Accept, "2026-08-06");
    resolve(&mut store, &old, "2026-10-20", Outcome::Right);
    // And K resolved in the period too: two decisions, one case accepted in the period.
    resolve(&mut store, &k1, "2026-11-20", Outcome::Wrong);

    let gqkn = table(&store, FormId::Gqkn03, "2026-09-15", "2026-12-14");
    assert_eq!(cols(&gqkn, &[1, 2]), vec![8, 4]);
    assert_eq!(cols(&gqkn, &[3, 4, 5, 6]), vec![1, 1, 1, 1]);
    assert_eq!(cols(&gqkn, &[7, 8, 9]), vec![2, 1, 1]);
    ok(&gqkn);
    let note = gqkn
        .checks
        .iter()
        .find(|c| c.rule.contains("(4) ≥"))
        .unwrap();
    assert!(!note.ok && !note.blocking);
    assert!(
        note.message.starts_with("Không phải lỗi nếu đúng như vậy")
            && note
                .message
                .contains("cột (7) là 2 quyết định, nhiều hơn 1 vụ việc"),
        "{}",
        note.message
    );
}

/// The order of standing among a case's petitions, pair by pair: declined and still being
/// considered is being considered (3); accepted and being considered is accepted (4); a
/// resolution that began and was withdrawn, with another petition declined as already
/// being resolved, is withdrawn (6), not declined (5). Checked on 04/GQTC too.
#[test]
fn a_case_stands_where_its_furthest_petition_stands_pair_by_pair() {
    use Competence::*;
    for kind in [PetitionKind::Complaint, PetitionKind::Denunciation] {
        let mut store = store_on("2027-01-20");
        let on_case = |store: &mut Store, received: &str, case: Option<&str>| -> (String, String) {
            let mut input = direct_input(received, kind);
            input.case_id = case.map(str::to_string);
            let d = store.create_petition(&input).unwrap();
            (d.id.clone(), d.case_id.clone())
        };
        // P: declined, then a later petition still being considered: column 3.
        let (p1, p) = on_case(&mut store, "2026-09-21", None);
        classify(&mut store, &p1, kind, true, Within, "2026-09-22");
        step(&mut store, &p1, MoveAction::Decline, "2026-09-23");
        let (p2, _) = on_case(&mut store, "2026-11-02", Some(&p));
        classify(&mut store, &p2, kind, true, Within, "2026-11-03");
        // Q: accepted, and a later petition being considered: column 4.
        let (q1, q) = on_case(&mut store, "2026-09-22", None);
        classify(&mut store, &q1, kind, true, Within, "2026-09-23");
        step(&mut store, &q1, MoveAction::Accept, "2026-09-25");
        let (q2, _) = on_case(&mut store, "2026-11-04", Some(&q));
        classify(&mut store, &q2, kind, true, Within, "2026-11-05");
        // R: accepted then withdrawn; a petition on it declined meanwhile: column 6.
        let (r1, r) = on_case(&mut store, "2026-09-23", None);
        classify(&mut store, &r1, kind, true, Within, "2026-09-24");
        step(&mut store, &r1, MoveAction::Accept, "2026-09-28");
        let (r2, _) = on_case(&mut store, "2026-10-05", Some(&r));
        classify(&mut store, &r2, kind, true, Within, "2026-10-06");
        step(&mut store, &r2, MoveAction::Decline, "2026-10-07");
        step(&mut store, &r1, MoveAction::Withdraw, "2026-10-20");
        // S: withdrawn before acceptance, another declined: column 5.
        let (s1, s) = on_case(&mut store, "2026-09-24", None);
        classify(&mut store, &s1, kind, true, Within, "2026-09-25");
        step(&mut store, &s1, MoveAction::Withdraw, "2026-09-28");
        let (s2, _) = on_case(&mut store, "2026-10-06", Some(&s));
        classify(&mut store, &s2, kind, true, Within, "2026-10-07");
        step(&mut store, &s2, MoveAction::Decline, "2026-10-08");

        let form = if kind == PetitionKind::Complaint {
            FormId::Gqkn03
        } else {
            FormId::Gqtc04
        };
        let t = table(&store, form, "2026-09-15", "2026-12-14");
        assert_eq!(cols(&t, &[1, 2]), vec![8, 4], "{kind:?}");
        assert_eq!(cols(&t, &[3, 4, 5, 6]), vec![1, 1, 1, 1], "{kind:?}");
        ok(&t);
    }
}

/// A petition returned to the citizen with guidance at the desk ("trả lại đơn và hướng
/// dẫn"), the form saying it is eligible and outside the ward's competence: guided (24),
/// among the eligible outside ones (3, 23). Returned with nothing decided: processed only.
#[test]
fn a_petition_returned_at_the_desk_with_guidance_is_guided() {
    let mut store = store_on("2026-12-20");
    let mut returned = direct_input("2026-10-05", PetitionKind::Proposal);
    returned.handling.handling = Handling::Return;
    returned.handling.agency = Some("UBND tỉnh".into());
    returned.classification = Classification {
        round: Round::First,
        competence: Competence::Outside,
        eligible: Some(true),
    };
    store.create_petition(&returned).unwrap();
    let mut undecided = direct_input("2026-10-06", PetitionKind::Proposal);
    undecided.handling.handling = Handling::Return;
    store.create_petition(&undecided).unwrap();
    let xld = table(&store, FormId::Xld02, "2026-09-15", "2026-12-14");
    assert_eq!(
        cols(&xld, &[1, 2, 3, 4, 23, 24, 25]),
        vec![2, 2, 1, 0, 1, 1, 0]
    );
    ok(&xld);
}

/// A petition left unprocessed at the end of one period and marked a duplicate in the
/// next: the next period's column 1 counts it (left unprocessed from the previous period)
/// and column 2 too (filed, "lưu đơn"), not as eligible; a duplicate received within a
/// period is still not counted twice.
#[test]
fn a_petition_carried_over_then_found_a_duplicate_is_carried_and_filed() {
    let mut store = store_on("2026-12-20");
    let first = direct_petition(&mut store, "2026-08-01", PetitionKind::Proposal);
    let second = direct_petition(&mut store, "2026-09-10", PetitionKind::Proposal);
    move_petition(
        &mut store,
        &second,
        MoveAction::Duplicate,
        "2026-09-20",
        |m| m.duplicate_of = Some(first.clone()),
    )
    .unwrap();
    // Quý III (15/6–14/9): both received, neither reviewed (the duplicate found after).
    let q3 = table(&store, FormId::Xld02, "2026-06-15", "2026-09-14");
    assert_eq!(cols(&q3, &[1, 2, 3]), vec![2, 0, 0]);
    ok(&q3);
    // Quý IV (15/9–14/12): both carried over; the second filed as a duplicate.
    let q4 = table(&store, FormId::Xld02, "2026-09-15", "2026-12-14");
    assert_eq!(cols(&q4, &[1, 2, 3, 4, 23]), vec![2, 1, 0, 0, 0]);
    ok(&q4);
    // A duplicate received within the period: not counted twice.
    let third = direct_petition(&mut store, "2026-10-02", PetitionKind::Proposal);
    move_petition(
        &mut store,
        &third,
        MoveAction::Duplicate,
        "2026-10-03",
        |m| m.duplicate_of = Some(first.clone()),
    )
    .unwrap();
    let q4 = table(&store, FormId::Xld02, "2026-09-15", "2026-12-14");
    assert_eq!(cols(&q4, &[1, 2, 3]), vec![2, 1, 0]);
    ok(&q4);
}

/// 03/GQKN and 04/GQTC column 6 count only what was withdrawn whole ("Chỉ thống kê các vụ
/// việc rút toàn bộ nội dung…; trường hợp không rút toàn bộ thì không thống kê vào cột
/// này", TT 06/2025): part of a complaint withdrawn, the rest is resolved (a decision in
/// column 7) and the petition stays accepted meanwhile (column 4); withdrawn whole, it is
/// in column 6.
#[test]
fn only_a_petition_withdrawn_whole_is_counted_as_withdrawn() {
    use Competence::*;
    use PetitionKind::*;
    let mut store = store_on("2026-12-15");
    let part = petition(&mut store, "2026-10-05", Complaint, "dat_dai");
    classify(&mut store, &part, Complaint, true, Within, "2026-10-06");
    step(&mut store, &part, MoveAction::Accept, "2026-10-07");
    // The note says what was withdrawn; without it the move is refused, naming it.
    let e = move_petition(
        &mut store,
        &part,
        MoveAction::WithdrawPart,
        "2026-10-20",
        |_| {},
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("note"), "{e}");
    move_petition(
        &mut store,
        &part,
        MoveAction::WithdrawPart,
        "2026-10-20",
        |m| m.note = Some("Rút yêu cầu bồi thường, giữ yêu cầu hủy quyết định".into()),
    )
    .unwrap();
    let whole = petition(&mut store, "2026-10-05", Complaint, "dat_dai");
    classify(&mut store, &whole, Complaint, true, Within, "2026-10-06");
    step(&mut store, &whole, MoveAction::Accept, "2026-10-07");
    step(&mut store, &whole, MoveAction::Withdraw, "2026-10-21");
    let denounced = petition(&mut store, "2026-10-05", Denunciation, "tham_nhung");
    classify(
        &mut store,
        &denounced,
        Denunciation,
        true,
        Within,
        "2026-10-06",
    );
    step(&mut store, &denounced, MoveAction::Accept, "2026-10-07");
    move_petition(
        &mut store,
        &denounced,
        MoveAction::WithdrawPart,
        "2026-10-22",
        |m| m.note = Some("Rút nội dung thứ hai".into()),
    )
    .unwrap();
    let gq = |store: &Store, from: &str, to: &str, form: FormId| {
        tables(store, from, to)
            .into_iter()
            .find(|t| t.form == form)
            .unwrap()
    };
    // At the end of October: the part-withdrawn complaint still in resolution.
    let oct = gq(&store, "2026-10-01", "2026-10-31", FormId::Gqkn03);
    assert_eq!(
        cols(&oct, &[1, 2, 3, 4, 5, 6, 7]),
        vec![2, 2, 0, 1, 0, 1, 0]
    );
    ok(&oct);
    let tc = gq(&store, "2026-10-01", "2026-10-31", FormId::Gqtc04);
    assert_eq!(cols(&tc, &[1, 2, 3, 4, 5, 6]), vec![1, 1, 0, 1, 0, 0]);
    // The rest resolved: a decision of the quarter, still not a withdrawal.
    resolve(&mut store, &part, "2026-11-20", Outcome::PartlyRight);
    let q4 = gq(&store, "2026-09-15", "2026-12-14", FormId::Gqkn03);
    assert_eq!(
        cols(&q4, &[1, 2, 3, 4, 5, 6, 7, 10]),
        vec![2, 2, 0, 1, 0, 1, 1, 1]
    );
    ok(&q4);
    // A proposal has no part withdrawal (a note on the petition says it).
    let proposal = petition(&mut store, "2026-10-05", Proposal, "khac");
    let e = move_petition(
        &mut store,
        &proposal,
        MoveAction::WithdrawPart,
        "2026-10-06",
        |m| m.note = Some("một phần".into()),
    )
    .unwrap_err();
    assert!(e.to_string().contains("Chỉ khiếu nại, tố cáo"), "{e}");
}

/// Figures typed for the quarters are not added up into a 6-month report by themselves
/// (the "phải thi hành" columns hold what the quarter before left): a note says the
/// period's own are missing, naming the quarters. 05/KQTH (1) and (16) hold what the
/// previous period left unfinished (the table's note): a note says so when the typed part
/// differs. Notes, never blocking.
#[test]
fn typed_figures_of_the_quarters_and_the_decisions_carried_are_noted() {
    let mut store = store_on("2026-07-20");
    let q1 = Period::parse("2025-12-15", "2026-03-14").unwrap();
    let q2 = Period::parse("2026-03-15", "2026-06-14").unwrap();
    let six = Period::parse("2025-12-15", "2026-06-14").unwrap();
    store
        .save_manual_figures(FormId::Qlkntc06, q1, &[figure(4, 3.0), figure(5, 50.0)])
        .unwrap();
    store
        .save_manual_figures(FormId::Qlkntc06, q2, &[figure(4, 2.0), figure(5, 40.0)])
        .unwrap();
    fn notes(store: &tiepdan::Store, period: Period, form: FormId) -> Vec<String> {
        let all = forms::statutory_tables(store, period).unwrap();
        all.iter()
            .find(|t| t.form == form)
            .unwrap()
            .checks
            .iter()
            .filter(|c| !c.ok)
            .inspect(|c| assert!(!c.blocking, "{c:?}"))
            .map(|c| c.message.clone())
            .collect()
    }
    assert_eq!(
        notes(&store, six, FormId::Qlkntc06),
        ["Biểu 06/QLKNTC: chưa nhập các cột nhập tay cho kỳ này, dù đã nhập cho Quý I năm 2026 (15/12/2025 – 14/03/2026), Quý II năm 2026 (15/03/2026 – 14/06/2026). Số liệu của các kỳ ấy không tự cộng vào kỳ này (số cuộc thanh tra, số kết luận thanh tra phải thực hiện gồm cả phần kỳ trước chuyển sang: cộng lại thì tính hai lần): nhập cho cả kỳ."]
    );
    assert!(notes(&store, q2, FormId::Qlkntc06).is_empty());
    assert!(
        notes(&store, six, FormId::Kqth05).is_empty(),
        "nothing typed inside"
    );
    forms::ensure_sendable(&forms::statutory_tables(&store, six).unwrap()).unwrap();
    store
        .save_manual_figures(FormId::Qlkntc06, six, &[figure(4, 5.0), figure(5, 90.0)])
        .unwrap();
    assert!(notes(&store, six, FormId::Qlkntc06).is_empty());

    // Quý I: 4 decisions to enforce (typed: none carried in, the register has none issued),
    // 1 finished: 3 left for Quý II. Quý II typed with 1 carried: noted; with 3: not.
    store
        .save_manual_figures(FormId::Kqth05, q1, &[figure(1, 4.0), figure(2, 1.0)])
        .unwrap();
    assert_eq!(
        notes(&store, q2, FormId::Kqth05),
        ["Biểu 05/KQTH: kỳ trước (15/12/2025 – 14/03/2026) còn 3 quyết định chưa thực hiện xong (cột (1) 4 − cột (2) 1); cột (1) kỳ này gồm số ấy, nhưng phần nhập tay là 0."]
    );
    store
        .save_manual_figures(FormId::Kqth05, q2, &[figure(1, 1.0)])
        .unwrap();
    assert_eq!(notes(&store, q2, FormId::Kqth05).len(), 1);
    store
        .save_manual_figures(FormId::Kqth05, q2, &[figure(1, 3.0)])
        .unwrap();
    assert!(notes(&store, q2, FormId::Kqth05).is_empty());
    // A 9-month report (15/12/2025 – 14/09/2026) starts where Quý IV 2025 ended: what
    // that quarter left is carried into it too.
    let q4_2025 = Period::parse("2025-09-15", "2025-12-14").unwrap();
    let nine = Period::parse("2025-12-15", "2026-09-14").unwrap();
    store
        .save_manual_figures(FormId::Kqth05, q4_2025, &[figure(1, 5.0), figure(2, 2.0)])
        .unwrap();
    let mut later = reopen_on(store, "2026-09-20");
    later
        .save_manual_figures(FormId::Kqth05, nine, &[figure(11, 1.0)])
        .unwrap();
    assert_eq!(
        notes(&later, nine, FormId::Kqth05),
        ["Biểu 05/KQTH: kỳ trước (15/09/2025 – 14/12/2025) còn 3 quyết định chưa thực hiện xong (cột (1) 5 − cột (2) 2); cột (1) kỳ này gồm số ấy, nhưng phần nhập tay là 0."]
    );
    // (Quý I starts there too.)
    assert_eq!(notes(&later, q1, FormId::Kqth05).len(), 1);
}
