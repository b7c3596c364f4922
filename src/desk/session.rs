//! Sessions (buổi tiếp): open, correct, delete one opened by mistake.

use crate::access::Permission;
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Tx;
use crate::domain::{NewSession, Session};
use crate::error::{Error, Result};
use crate::law::regime::host_allowed_on;
use crate::store::{self, Store};
use crate::text::clean;
use crate::validate::check_session;

/// Something the officer should confirm before saving; not an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Warning {
    pub field: String,
    pub message: String,
}

/// Check a session as the desk would, and build the row.
pub(crate) fn session_row(tx: &Tx<'_>, id: String, input: &NewSession) -> Result<Session> {
    let input = &crate::validate::tidy_session(input)?;
    let date = check_session(input, tx.today)?;
    host_allowed_on(input.host_group, date)?;
    Ok(Session {
        id,
        date: date.to_string(),
        kind: input.kind,
        host_group: input.host_group,
        host_name: clean(&input.host_name),
        place: clean(&input.place),
        notes: clean(&input.notes),
    })
}

/// Write a new session (the desk, the import).
pub(crate) fn open(tx: &Tx<'_>, id: String, input: &NewSession) -> Result<Session> {
    let session = session_row(tx, id, input)?;
    store::insert_session(tx.conn(), &session)?;
    tx.created("sessions", &session.id, &session)?;
    Ok(session)
}

impl Store {
    pub fn create_session(&mut self, input: &NewSession) -> Result<Session> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| open(tx, store::new_id(), input))
    }

    /// What the officer should confirm before opening this session: another session of
    /// the same host on the same day.
    /// `exclude_id` is the session being corrected (it does not count against itself).
    pub fn session_warnings(
        &self,
        input: &NewSession,
        exclude_id: Option<&str>,
    ) -> Result<Vec<Warning>> {
        self.require(Permission::Record)?;
        let same: Vec<Session> = self
            .sessions_on(&input.date)?
            .into_iter()
            .filter(|s| s.host_group == input.host_group && Some(s.id.as_str()) != exclude_id)
            .collect();
        Ok(match same.len() {
            0 => vec![],
            n => vec![Warning {
                field: "date".into(),
                message: format!(
                    "Ngày {} đã có {n} buổi tiếp của {}. Vẫn mở thêm một buổi tiếp?",
                    crate::text::vn_date(&input.date),
                    input.host_group.label()
                ),
            }],
        })
    }

    /// Correct a session, with the same checks as when it was opened. The petitions handed
    /// in at its visits are received on its date, so they follow it.
    pub fn correct_session(&mut self, id: &str, input: &NewSession) -> Result<Session> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| {
            let conn = tx.conn();
            let old = store::get_session(conn, id)?.ok_or_else(|| Error::not_found("buổi tiếp", id))?;
            let new = session_row(tx, id.to_string(), input)?;
            if new.date != old.date {
                let new_date = crate::validate::parse_date("date", "Ngày tiếp", &new.date)?;
                let moving = store::petitions_of_session(conn, id)?;
                for pid in &moving {
                    let pid = pid.clone();
                    let mut p = store::get_petition(conn, &pid)?
                        .ok_or_else(|| Error::not_found("đơn", pid.clone()))?;
                    if p.year != new_date.year() {
                        return Err(Error::invalid(
                            "date",
                            format!(
                                "Buổi tiếp có đơn số {}: không thể chuyển buổi tiếp sang năm {} (số đơn đánh theo năm). Hãy xóa lượt tiếp và ghi lại.",
                                store::number_label(conn, &p)?, new_date.year()
                            ),
                        ));
                    }
                    if let Some(first) = store::events_of(conn, &pid)?
                        .iter()
                        .filter(|e| e.from_state.is_some())
                        .map(|e| e.on_date.clone())
                        .min()
                    {
                        if first < new.date {
                            return Err(Error::invalid(
                                "date",
                                format!(
                                    "Đơn số {} đã có bước xử lý ngày {}, trước ngày tiếp mới: hủy các bước đó trước.",
                                    store::number_label(conn, &p)?,
                                    crate::text::vn_date(&first)
                                ),
                            ));
                        }
                    }
                    super::petition::extension_kept(conn, &p, &new.date, "date")?;
                    super::petition::check_link_order(conn, &p, &new.date, "date", &moving)?;
                    let before = p.clone();
                    p.received_on = new.date.clone();
                    store::update_petition(conn, &p)?;
                    store::move_receipt_date(conn, &pid, &new.date)?;
                    tx.updated("petitions", &pid, &before, &p, Some("Theo ngày của buổi tiếp".into()))?;
                }
            }
            store::update_session(conn, &new)?;
            tx.updated("sessions", id, &old, &new, None)?;
            Ok(new)
        })
    }

    /// Remove a session opened by mistake. Only an empty one: a session that received
    /// people keeps its record until its visits are removed one by one. The deletion is
    /// kept in the history.
    pub fn delete_session(&mut self, id: &str) -> Result<()> {
        self.require(crate::access::Permission::Record)?;
        self.write(Permission::Record, |tx| {
            let conn = tx.conn();
            let old = store::get_session(conn, id)?.ok_or_else(|| Error::not_found("buổi tiếp", id))?;
            let visits = store::visit_count(conn, id)?;
            if visits > 0 {
                return Err(Error::invalid(
                    "session",
                    format!("Buổi tiếp đã có {visits} lượt tiếp: xóa các lượt tiếp trước khi xóa buổi tiếp."),
                ));
            }
            store::delete_session(conn, id)?;
            tx.deleted("sessions", id, &old, None)
        })
    }
}
