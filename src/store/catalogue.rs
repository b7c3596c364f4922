use rusqlite::Connection;

use super::Store;
use crate::domain::{Field, HostGroup};
use crate::error::{Error, Result};

impl Store {
    /// The field catalogue, active ones first in their order.
    pub fn fields(&self) -> Result<Vec<Field>> {
        let mut stmt = self.conn().prepare(
            "SELECT code, name, complaint_group, denunciation_group, proposal_group, active
             FROM fields ORDER BY active DESC, sort, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Field {
                code: r.get(0)?,
                name: r.get(1)?,
                complaint_group: r.get(2)?,
                denunciation_group: r.get(3)?,
                proposal_group: r.get(4)?,
                active: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Add or change a field of the catalogue (fields are never deleted, only retired, so
    /// old records keep their field). A new field with no code gets one from its name
    /// ("Giao thông, đô thị" → `giao_thong_do_thi`). Returns the catalogue.
    pub fn save_field(&mut self, field: &Field) -> Result<Vec<Field>> {
        if field.name.trim().is_empty() {
            return Err(Error::invalid("name", "Tên lĩnh vực không được để trống."));
        }
        let code = match field.code.trim() {
            "" => code_from_name(&field.name),
            given => given.to_string(),
        };
        if code.is_empty()
            || !code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(Error::invalid(
                "code",
                "Mã lĩnh vực chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới.",
            ));
        }
        if field.name.trim().is_empty() {
            return Err(Error::invalid("name", "Tên lĩnh vực không được để trống."));
        }
        self.conn().execute(
            "INSERT INTO fields (code, name, complaint_group, denunciation_group, proposal_group, active, sort)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(sort), 0) + 1 FROM fields))
             ON CONFLICT(code) DO UPDATE SET name = excluded.name,
                complaint_group = excluded.complaint_group,
                denunciation_group = excluded.denunciation_group,
                proposal_group = excluded.proposal_group,
                active = excluded.active",
            (
                code,
                field.name.trim(),
                field.complaint_group,
                field.denunciation_group,
                field.proposal_group,
                field.active,
            ),
        )?;
        self.fields()
    }
}

/// An ASCII code from a Vietnamese name: marks stripped, words joined by `_`.
fn code_from_name(name: &str) -> String {
    crate::text::strip(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Check that a field code names a catalogue entry.
pub(crate) fn check_field(
    conn: &Connection,
    field: &str,
    code: &Option<String>,
) -> Result<Option<String>> {
    let Some(code) = code.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    if super::exists_code(conn, code)? {
        Ok(Some(code.to_string()))
    } else {
        Err(Error::invalid(
            field,
            format!("Lĩnh vực \"{code}\" không có trong danh mục."),
        ))
    }
}

/// Deputy reception is allowed only before 01/7/2026 (Luật 136/2025).
pub(crate) fn host_allowed_on(host: HostGroup, date: chrono::NaiveDate) -> Result<()> {
    let cutoff = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("valid date");
    if host == HostGroup::Deputy && date >= cutoff {
        return Err(Error::invalid(
            "host_group",
            "Từ ngày 01/7/2026 Chủ tịch UBND không được ủy quyền cho cấp phó tiếp công dân (Luật 136/2025/QH15).",
        ));
    }
    Ok(())
}
