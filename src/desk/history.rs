//! The history of a record, as an officer or an inspector reads it: who changed what,
//! when, each field with its old and new value in words.

use serde_json::Value;

use crate::domain::*;
use crate::error::Result;
use crate::records::ChangeRecord;
use crate::store::{self, Store};

/// The Vietnamese name of a field of a table.
pub fn field_label(table: &str, field: &str) -> String {
    let label = match (table, field) {
        (_, "full_name") => "Họ và tên",
        (_, "id_kind") => "Loại giấy tờ",
        (_, "id_number") => "Số giấy tờ",
        (_, "address") => "Địa chỉ",
        (_, "phone") => "Điện thoại",
        (_, "merged_into") => "Gộp vào hồ sơ",
        (_, "merged_from") => "Gộp hồ sơ",
        ("sessions", "date") => "Ngày tiếp",
        ("sessions", "kind") => "Hình thức tiếp",
        (_, "host_group") => "Người tiếp",
        (_, "host_name") => "Người chủ trì",
        (_, "place") => "Địa điểm",
        (_, "notes") => "Ghi chú",
        (_, "session_id") => "Buổi tiếp",
        (_, "seq") => "Số thứ tự",
        (_, "headcount") => "Số người",
        (_, "delegation") => "Đoàn đông người",
        ("visits", "content") => "Nội dung",
        ("visits", "kind") => "Phân loại",
        (_, "field_code") => "Lĩnh vực",
        (_, "handling.handling") => "Hướng xử lý",
        (_, "handling.agency") => "Cơ quan",
        (_, "handling.letter_no") => "Số văn bản",
        (_, "case_id") => "Vụ việc",
        (_, "chairman_joined") => "Chủ tịch cùng tiếp",
        (_, "prior_agencies") => "Cơ quan đã giải quyết",
        (_, "person_ids") => "Người được tiếp",
        (_, "received_on") => "Ngày nhận đơn",
        (_, "source") => "Nguồn đơn",
        (_, "source_agency") => "Cơ quan chuyển đến",
        ("petitions", "kind") => "Loại đơn",
        ("petitions", "content") => "Nội dung đơn",
        (_, "anonymous") => "Nặc danh",
        (_, "respondent") => "Người bị khiếu nại, tố cáo",
        (_, "classification.round") => "Lần khiếu nại, tố cáo",
        (_, "classification.competence") => "Thẩm quyền",
        (_, "classification.eligible") => "Đủ điều kiện xử lý",
        (_, "state") => "Bước xử lý",
        (_, "signers") => "Người đứng đơn",
        (_, "outcome") => "Kết quả giải quyết",
        (_, "complex") => "Vụ việc phức tạp",
        (_, "first_round_id") => "Đơn khiếu nại lần đầu",
        (_, "duplicate_of") => "Trùng với đơn",
        (_, "petitioner_ids") => "Người đứng đơn",
        (_, "number") => "Số đơn",
        (_, "year") => "Năm",
        (_, "visit_id") => "Lượt tiếp",
        (_, "unit_name") => "Tên đơn vị",
        (_, "reception_team_name") => "Tên bộ phận tiếp công dân",
        (_, "delegation_threshold") => "Ngưỡng đoàn đông người",
        (_, "sample_offered") => "Đã hỏi dữ liệu mẫu",
        (_, "deadlines.first_reply_working_days") => {
            "Thời hạn trả lời đơn nhận khi tiếp công dân (ngày làm việc)"
        }
        (_, "deadlines.processing_working_days") => {
            "Thời hạn xử lý đơn nhận qua nguồn khác (ngày làm việc)"
        }
        (_, "deadlines.plain_days_working") => "Tính “ngày” trong luật là ngày làm việc",
        (_, "deadlines.complaint_acceptance_working_days") => {
            "Thời hạn thụ lý khiếu nại (ngày làm việc)"
        }
        (_, "deadlines.unprocessed_days") => "Số ngày đơn tồn đọng",
        (_, "deadlines.due_soon_working_days") => "Báo sắp đến hạn trước (ngày làm việc)",
        (_, "deadlines.remote_area") => "Vùng sâu, vùng xa",
        (_, "report.place") => "Địa danh ghi ngày tháng",
        (_, "report.signer_authority") => "Thẩm quyền ký",
        (_, "report.signer_title") => "Chức vụ người ký",
        (_, "report.signer_name") => "Họ tên người ký",
        (_, "report.recipients") => "Nơi nhận",
        (_, "report.chairman_days_per_month") => "Số ngày tiếp tối thiểu mỗi tháng của Chủ tịch",
        (_, "report.export_dir") => "Thư mục xuất tệp",
        (_, "contents") => "Các nội dung của đơn",
        (_, "unit_id") => "Đơn vị đánh số",
        (_, "name") => "Tên",
        (_, "active") => "Đang dùng",
        (_, "known") => "Đã đủ lịch",
        (_, "days") => "Các ngày",
        (_, other) => other,
    };
    label.to_string()
}

/// A stored value in words: enum codes as labels, dates as dd/mm/yyyy, persons by name.
fn value_text(
    store: &Store,
    table: &str,
    record_id: &str,
    field: &str,
    v: &Value,
) -> Option<String> {
    let code = |f: fn(&str) -> Option<&'static str>| v.as_str().and_then(f).map(str::to_string);
    let text = match (table, field, v) {
        (_, _, Value::Null) => return None,
        (_, _, Value::Bool(b)) => Some(if *b { "Có" } else { "Không" }.to_string()),
        ("sessions", "kind", _) => code(|c| SessionKind::from_code(c).map(SessionKind::label)),
        (_, "kind", _) => code(|c| PetitionKind::from_code(c).map(PetitionKind::label)),
        (_, "host_group", _) => code(|c| HostGroup::from_code(c).map(HostGroup::label)),
        (_, "id_kind", _) => code(|c| IdKind::from_code(c).map(IdKind::label)),
        (_, "handling.handling", _) => code(|c| Handling::from_code(c).map(Handling::label)),
        (_, "source", _) => code(|c| PetitionSource::from_code(c).map(PetitionSource::label)),
        (_, "state", _) => code(|c| PetitionState::from_code(c).map(PetitionState::label)),
        (_, "signers", _) => code(|c| Signers::from_code(c).map(Signers::label)),
        ("petitions", "outcome", Value::String(c)) => Outcome::from_code(c).map(|o| {
            match store::get_petition(store.conn(), record_id).ok().flatten() {
                Some(p) => crate::law::lifecycle::outcome_label(p.kind, o).to_string(),
                None => o.label().to_string(),
            }
        }),
        (_, "outcome", _) => code(|c| Outcome::from_code(c).map(Outcome::label)),
        (_, "classification.round", _) => code(|c| Round::from_code(c).map(Round::label)),
        (_, "classification.competence", _) => {
            code(|c| Competence::from_code(c).map(Competence::label))
        }
        (_, "date" | "received_on", Value::String(s)) => Some(crate::text::vn_date(s)),
        (_, "field_code", Value::String(c)) => store
            .fields()
            .ok()
            .and_then(|fs| fs.into_iter().find(|f| &f.code == c).map(|f| f.name))
            .or(Some(c.clone())),
        (_, "person_ids" | "petitioner_ids", Value::Array(ids)) => Some(
            ids.iter()
                .filter_map(Value::as_str)
                .map(|id| {
                    store
                        .person(id)
                        .map(|p| p.full_name)
                        .unwrap_or_else(|_| id.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (_, "merged_into" | "merged_from", Value::String(id)) => Some(
            store
                .person(id)
                .map(|p| p.full_name)
                .unwrap_or_else(|_| id.clone()),
        ),
        (_, "duplicate_of" | "first_round_id", Value::String(id)) => Some(
            store::get_petition(store.conn(), id)
                .ok()
                .flatten()
                .and_then(|p| store::number_label(store.conn(), &p).ok())
                .unwrap_or_else(|| id.clone()),
        ),
        (_, _, Value::String(s)) => Some(s.clone()),
        (_, _, other) => Some(other.to_string()),
    };
    text.or_else(|| Some(v.to_string()))
}

/// Fields not worth showing in a history.
const HIDDEN: &[&str] = &["id", "merge_id", "fts_rowid"];

fn view(store: &Store, c: ChangeRecord) -> ChangeView {
    let mut fields = Vec::new();
    // A denunciator's particulars stay masked in the history of their record too.
    let masked = c.table == "persons"
        && crate::desk::privacy::is_confidential(store.conn(), &c.record_id).unwrap_or(true);
    let shows_fields = !matches!(c.action, ChangeAction::Create | ChangeAction::Delete);
    if shows_fields {
        let empty = serde_json::Map::new();
        let old = c.old.as_ref().and_then(Value::as_object).unwrap_or(&empty);
        let new = c.new.as_ref().and_then(Value::as_object).unwrap_or(&empty);
        let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
        keys.dedup();
        let mut seen = std::collections::HashSet::new();
        for key in keys {
            if HIDDEN.contains(&key.as_str()) || !seen.insert(key.clone()) {
                continue;
            }
            if c.action == ChangeAction::UndoMove && key == "move" {
                continue;
            }
            let get = |m: &serde_json::Map<String, Value>| {
                if masked && crate::desk::privacy::IDENTITY.contains(&key.as_str()) {
                    return m.get(key).map(|_| "(được bảo mật)".to_string());
                }
                m.get(key)
                    .and_then(|v| value_text(store, &c.table, &c.record_id, key, v))
            };
            fields.push(FieldChange {
                field: key.clone(),
                label: field_label(&c.table, key),
                old: get(old),
                new: get(new),
            });
        }
    }
    // A merge's note names both records: masked if either denounced.
    let note = if c.note.is_some()
        && crate::desk::privacy::note_names_confidential(
            store.conn(),
            &c.table,
            &c.record_id,
            c.action,
        )
        .unwrap_or(true)
    {
        Some(crate::desk::privacy::MASKED_NOTE.to_string())
    } else {
        c.note
    };
    ChangeView {
        id: c.id,
        at: c.at,
        actor: c.actor,
        action: c.action,
        table: c.table,
        record_id: c.record_id,
        note,
        source: c.source,
        user: c.user,
        fields,
    }
}

impl Store {
    /// The changes of one record (a session, visit, person or petition), oldest first. A
    /// visit's correction also shows the persons corrected in the same save (their old
    /// name is where the officer looks for it).
    pub fn history(&self, table: &str, id: &str) -> Result<Vec<ChangeView>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let conn = self.conn();
        store::changes_of(conn, table, id)?
            .into_iter()
            .map(|c| {
                let (at, actor, action) = (c.at.clone(), c.actor, c.action);
                let mut v = view(self, c);
                if table == "visits" && action == ChangeAction::Update {
                    for person in store::changes_with(conn, "persons", &at, actor)? {
                        if person.action != ChangeAction::Update {
                            continue;
                        }
                        let name = self
                            .person(&person.record_id)
                            .map(|p| p.full_name)
                            .unwrap_or_default();
                        let pv = view(self, person);
                        v.fields.extend(pv.fields.into_iter().map(|f| FieldChange {
                            field: format!("persons.{}", f.field),
                            label: format!("Người được tiếp ({name}) – {}", f.label),
                            ..f
                        }));
                    }
                }
                Ok(v)
            })
            .collect()
    }
}
