//! The field catalogue: seeded, editable, never losing a field that records use.

mod common;

use common::*;
use tiepdan::domain::*;

#[test]
fn fields_are_seeded_added_renamed_and_retired() {
    let mut store = store_on("2026-03-10");
    let seeded: Vec<String> = store
        .fields()
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    for name in [
        "Đất đai",
        "Chế độ, chính sách",
        "Thủ tục hành chính",
        "Vệ sinh môi trường",
        "Tư pháp",
    ] {
        assert!(seeded.iter().any(|n| n == name), "{name} is seeded");
    }
    let land = store
        .fields()
        .unwrap()
        .into_iter()
        .find(|f| f.code == "dat_dai")
        .unwrap();
    assert_eq!(land.complaint_group, ComplaintGroup::Land);
    assert_eq!(land.proposal_group, ProposalGroup::Land);

    let new = Field {
        code: String::new(),
        name: "Giao thông, đô thị".into(),
        complaint_group: ComplaintGroup::Other,
        denunciation_group: DenunciationGroup::Administrative,
        proposal_group: ProposalGroup::Other,
        active: true,
    };
    let list = store.save_field(&new).unwrap();
    let added = list
        .iter()
        .find(|f| f.code == "giao_thong_do_thi")
        .expect("code from the name");
    assert_eq!(added.name, "Giao thông, đô thị");

    // A visit uses it; then it is renamed and retired, and the visit keeps it.
    let s = session(&mut store, "2026-03-10", HostGroup::Officer);
    let mut input = visit_input(&s, vec![person("Lý Văn Nam")], 1);
    input.field_code = Some("giao_thong_do_thi".into());
    store.add_visit(&input).unwrap();
    let mut retired = added.clone();
    retired.name = "Giao thông".into();
    retired.active = false;
    let list = store.save_field(&retired).unwrap();
    assert_eq!(
        list.last().unwrap().code,
        "giao_thong_do_thi",
        "retired fields sort last"
    );
    assert!(!list.last().unwrap().active);
    let visits = store.sessions_between("2026-03-10", "2026-03-10").unwrap()[0]
        .visits
        .clone();
    assert_eq!(visits[0].field_code.as_deref(), Some("giao_thong_do_thi"));

    let mut blank = new.clone();
    blank.name = "  ".into();
    assert_eq!(store.save_field(&blank).unwrap_err().field(), Some("name"));
    let mut bad = new;
    bad.code = "Mã Sai".into();
    assert_eq!(store.save_field(&bad).unwrap_err().field(), Some("code"));
}
