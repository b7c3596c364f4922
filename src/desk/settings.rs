//! Settings, the field catalogue and the working-day calendar: what an administrator
//! changes, through the same write path (and history) as everything else.

use crate::access::Permission;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{ChangeAction, Field, Settings};
use crate::error::{Error, Result};
use crate::law::calendar::{CalendarDay, DayKind};
use crate::store::{self, setting_keys as k, Store};
use crate::text::{limits, line, lines, tidy, tidy_required, Rule};
use crate::validate::parse_date;

/// One year of the working-day calendar, as the settings screen shows and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarYear {
    pub year: i32,
    /// Whether deadlines can be counted in this year.
    pub known: bool,
    /// Whether the year ships with the app (its days can still be replaced).
    pub shipped: bool,
    /// Whether the office saved its own list for the year (it replaces the shipped one).
    pub edited: bool,
    /// Shipped, but forecast rather than announced (some days may change).
    pub forecast: bool,
    pub days: Vec<CalendarDay>,
}

fn check_range(
    field: &str,
    label: &str,
    value: u32,
    range: std::ops::RangeInclusive<u32>,
) -> Result<()> {
    if !range.contains(&value) {
        return Err(Error::invalid(
            field,
            format!("{label} phải từ {} đến {}.", range.start(), range.end()),
        ));
    }
    Ok(())
}

/// What a save of the settings changed, as the audit log says it: "Thời hạn trả lời việc
/// xử lý đơn (ngày làm việc): 10 → 12; Họ tên người ký: … → …" (a deadline changed moves
/// every due day: the log must say which).
fn settings_change_note(old: &Settings, new: &Settings) -> Option<String> {
    let yes_no = |b: bool| if b { "có" } else { "không" }.to_string();
    let blank = |t: &str| {
        if t.trim().is_empty() {
            "(trống)".to_string()
        } else {
            crate::text::shown(&t.trim().replace('\n', " / "), 80)
        }
    };
    let (d0, d1) = (&old.deadlines, &new.deadlines);
    let (r0, r1) = (&old.report, &new.report);
    let items: Vec<(&str, String, String)> = vec![
        ("Tên đơn vị", blank(&old.unit_name), blank(&new.unit_name)),
        (
            "Tên bộ phận tiếp công dân",
            blank(&old.reception_team_name),
            blank(&new.reception_team_name),
        ),
        (
            "Thời hạn trả lời việc xử lý đơn nhận khi tiếp công dân (ngày làm việc)",
            d0.first_reply_working_days.to_string(),
            d1.first_reply_working_days.to_string(),
        ),
        (
            "Thời hạn xử lý đơn nhận qua nguồn khác (ngày làm việc)",
            d0.processing_working_days.to_string(),
            d1.processing_working_days.to_string(),
        ),
        (
            "Tính “ngày” trong luật là ngày làm việc",
            yes_no(d0.plain_days_working),
            yes_no(d1.plain_days_working),
        ),
        (
            "Thời hạn thụ lý khiếu nại (ngày làm việc)",
            d0.complaint_acceptance_working_days.to_string(),
            d1.complaint_acceptance_working_days.to_string(),
        ),
        (
            "Số ngày đơn tồn đọng",
            d0.unprocessed_days.to_string(),
            d1.unprocessed_days.to_string(),
        ),
        (
            "Số ngày làm việc báo “sắp đến hạn”",
            d0.due_soon_working_days.to_string(),
            d1.due_soon_working_days.to_string(),
        ),
        (
            "Vùng sâu, vùng xa",
            yes_no(d0.remote_area),
            yes_no(d1.remote_area),
        ),
        (
            "Thời hạn giải quyết kiến nghị, phản ánh (ngày)",
            d0.proposal_resolution_days.to_string(),
            d1.proposal_resolution_days.to_string(),
        ),
        (
            "Địa danh ghi ngày tháng",
            blank(&r0.place),
            blank(&r1.place),
        ),
        (
            "Thẩm quyền ký",
            blank(&r0.signer_authority),
            blank(&r1.signer_authority),
        ),
        (
            "Chức vụ người ký",
            blank(&r0.signer_title),
            blank(&r1.signer_title),
        ),
        (
            "Họ tên người ký",
            blank(&r0.signer_name),
            blank(&r1.signer_name),
        ),
        ("Nơi nhận", blank(&r0.recipients), blank(&r1.recipients)),
        (
            "Số ngày tiếp tối thiểu mỗi tháng của Chủ tịch",
            r0.chairman_days_per_month.to_string(),
            r1.chairman_days_per_month.to_string(),
        ),
        (
            "Thư mục xuất tệp",
            blank(&r0.export_dir),
            blank(&r1.export_dir),
        ),
    ];
    let parts: Vec<String> = items
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(label, a, b)| format!("{label}: {a} → {b}"))
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Whether a unit name names a ward or commune, not only its kind ("phường", the default
/// of a register never named).
pub fn is_named(unit_name: &str) -> bool {
    let bare = crate::text::strip(unit_name.trim())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    !bare.is_empty()
        && !["phuong", "xa", "dac khu", "ubnd phuong", "ubnd xa"].contains(&bare.as_str())
}

/// The settings' texts tidied as every text entering the core (required ones are checked
/// below, with their own messages).
fn tidy_settings(s: &Settings) -> Result<Settings> {
    let one = |field: &str, rule: Rule, value: &str| -> Result<String> {
        Ok(tidy(field, rule, value)?.unwrap_or_default())
    };
    let r = &s.report;
    Ok(Settings {
        unit_name: one("unit_name", line("Tên đơn vị", limits::NAME), &s.unit_name)?,
        reception_team_name: one(
            "reception_team_name",
            line("Tên bộ phận tiếp công dân", limits::NAME),
            &s.reception_team_name,
        )?,
        report: crate::domain::ReportSettings {
            place: one("report.place", line("Địa danh", limits::LABEL), &r.place)?,
            signer_authority: one(
                "report.signer_authority",
                line("Thẩm quyền ký", limits::LABEL),
                &r.signer_authority,
            )?,
            signer_title: one(
                "report.signer_title",
                line("Chức vụ người ký", limits::LABEL),
                &r.signer_title,
            )?,
            signer_name: one(
                "report.signer_name",
                line("Họ tên người ký", limits::NAME),
                &r.signer_name,
            )?,
            recipients: one(
                "report.recipients",
                lines("Nơi nhận", limits::RECIPIENTS),
                &r.recipients,
            )?,
            export_dir: one(
                "report.export_dir",
                line("Thư mục xuất tệp", limits::PATH),
                &r.export_dir,
            )?,
            ..r.clone()
        },
        ..s.clone()
    })
}

impl Store {
    pub fn save_settings(&mut self, s: &Settings) -> Result<Settings> {
        self.require(crate::access::Permission::Settings)?;
        let s = &tidy_settings(s)?;
        if s.unit_name.trim().is_empty() {
            return Err(Error::invalid(
                "unit_name",
                "Tên đơn vị không được để trống.",
            ));
        }
        if !is_named(&s.unit_name) {
            return Err(Error::invalid(
                "unit_name",
                "Tên đơn vị: ghi cả tên phường, xã (ví dụ “phường Việt Hòa”).",
            ));
        }
        if s.reception_team_name.trim().is_empty() {
            return Err(Error::invalid(
                "reception_team_name",
                "Tên bộ phận tiếp công dân không được để trống.",
            ));
        }
        let r = &s.report;
        check_range(
            "report.chairman_days_per_month",
            "Số ngày tiếp tối thiểu mỗi tháng của Chủ tịch",
            r.chairman_days_per_month,
            1..=31,
        )?;
        let d = &s.deadlines;
        check_range(
            "deadlines.first_reply_working_days",
            "Thời hạn trả lời việc xử lý đơn nhận khi tiếp công dân (ngày làm việc)",
            d.first_reply_working_days,
            1..=60,
        )?;
        check_range(
            "deadlines.processing_working_days",
            "Thời hạn xử lý đơn nhận qua nguồn khác (ngày làm việc)",
            d.processing_working_days,
            1..=60,
        )?;
        check_range(
            "deadlines.complaint_acceptance_working_days",
            "Thời hạn thụ lý khiếu nại (ngày làm việc)",
            d.complaint_acceptance_working_days,
            1..=60,
        )?;
        check_range(
            "deadlines.unprocessed_days",
            "Số ngày đơn tồn đọng",
            d.unprocessed_days,
            1..=365,
        )?;
        check_range(
            "deadlines.proposal_resolution_days",
            "Thời hạn giải quyết kiến nghị, phản ánh (ngày)",
            d.proposal_resolution_days,
            0..=365,
        )?;
        check_range(
            "deadlines.due_soon_working_days",
            "Số ngày làm việc báo “sắp đến hạn”",
            d.due_soon_working_days,
            0..=30,
        )?;
        self.write(Permission::Settings, |tx| {
            let conn = tx.conn();
            let old = store::read_settings(conn)?;
            let flag = |b: bool| if b { "1" } else { "0" }.to_string();
            for (key, value) in [
                (k::UNIT_NAME, s.unit_name.trim().to_string()),
                (k::TEAM_NAME, s.reception_team_name.trim().to_string()),
                (k::SAMPLE_OFFERED, flag(s.sample_offered)),
                (k::FIRST_REPLY, d.first_reply_working_days.to_string()),
                (k::PROCESSING, d.processing_working_days.to_string()),
                (k::PLAIN_DAYS_WORKING, flag(d.plain_days_working)),
                (
                    k::COMPLAINT_ACCEPTANCE,
                    d.complaint_acceptance_working_days.to_string(),
                ),
                (k::UNPROCESSED, d.unprocessed_days.to_string()),
                (k::DUE_SOON, d.due_soon_working_days.to_string()),
                (k::REMOTE_AREA, flag(d.remote_area)),
                (
                    k::PROPOSAL_RESOLUTION,
                    d.proposal_resolution_days.to_string(),
                ),
                (k::REPORT_PLACE, r.place.trim().to_string()),
                (k::SIGNER_AUTHORITY, r.signer_authority.trim().to_string()),
                (k::SIGNER_TITLE, r.signer_title.trim().to_string()),
                (k::SIGNER_NAME, r.signer_name.trim().to_string()),
                (k::RECIPIENTS, r.recipients.trim().to_string()),
                (k::CHAIRMAN_DAYS, r.chairman_days_per_month.to_string()),
                (k::EXPORT_DIR, r.export_dir.trim().to_string()),
            ] {
                store::write_setting(conn, key, &value)?;
            }
            store::rename_own_unit(conn, s.unit_name.trim())?;
            let new = store::read_settings(conn)?;
            let (before, after) =
                super::diff(&serde_json::to_value(&old)?, &serde_json::to_value(&new)?);
            if !before.is_empty() {
                tx.change(
                    ChangeAction::Settings,
                    "settings",
                    "settings",
                    Some(before.into()),
                    Some(after.into()),
                    settings_change_note(&old, &new),
                )?;
            }
            Ok(new)
        })
    }

    /// Add or change a field of the catalogue (fields are never deleted, only retired, so
    /// old records keep their field). A new field with no code gets one from its name
    /// ("Giao thông, đô thị" → `giao_thong_do_thi`). Returns the catalogue.
    pub fn save_field(&mut self, field: &Field) -> Result<Vec<Field>> {
        self.require(crate::access::Permission::Settings)?;
        let name = tidy_required("name", line("Tên lĩnh vực", limits::NAME), &field.name)?;
        let code = match tidy("code", line("Mã lĩnh vực", limits::ID), &field.code)? {
            None => store::code_from_name(&name),
            Some(given) => given,
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
        let saved = Field {
            code: code.clone(),
            name,
            ..field.clone()
        };
        self.write(Permission::Settings, |tx| {
            let conn = tx.conn();
            let old = store::get_field(conn, &code)?;
            store::upsert_field(conn, &saved)?;
            match old {
                Some(old) => tx.updated("fields", &code, &old, &saved, None).map(|_| ()),
                None => tx.created("fields", &code, &saved),
            }
        })?;
        self.fields()
    }

    /// The calendar years: those shipped, those added, and the one asked about.
    pub fn calendar_years(&self) -> Result<Vec<CalendarYear>> {
        self.require(Permission::ViewTotals)?;
        let calendar = self.calendar()?;
        let shipped = crate::law::calendar::Calendar::embedded().known_years();
        let (_, edited) = store::calendar_additions(self.conn())?;
        let forecast = crate::law::calendar::forecast_years();
        let mut years = calendar.known_years();
        if let Some(last) = years.last().copied() {
            years.push(last + 1);
        }
        Ok(years
            .into_iter()
            .map(|year| CalendarYear {
                year,
                known: calendar.knows(year),
                shipped: shipped.contains(&year),
                edited: edited.contains(&year),
                forecast: forecast.contains(&year) && !edited.contains(&year),
                days: calendar.listed(year),
            })
            .collect())
    }

    /// Set the listed days of a year (holidays, swapped days off, make-up Saturdays) and
    /// declare the year known, so deadlines can be counted in it. The list replaces the
    /// year's days, the shipped ones included (a day left out is an ordinary day).
    pub fn save_calendar_year(&mut self, year: i32, days: &[CalendarDay]) -> Result<CalendarYear> {
        self.require(crate::access::Permission::Settings)?;
        if !(2000..=2100).contains(&year) {
            return Err(Error::invalid("year", format!("Năm {year} không hợp lệ.")));
        }
        let mut checked = Vec::new();
        for (i, d) in days.iter().enumerate() {
            let field = format!("days[{i}].date");
            let date = parse_date(&field, "Ngày", &d.date)?;
            if chrono::Datelike::year(&date) != year {
                return Err(Error::invalid(
                    field,
                    format!("Ngày {} không thuộc năm {year}.", date.format("%d/%m/%Y")),
                ));
            }
            let Some(name) = tidy(
                &format!("days[{i}].name"),
                line("Tên ngày", limits::LABEL),
                &d.name,
            )?
            else {
                return Err(Error::invalid(
                    format!("days[{i}].name"),
                    format!(
                        "Ngày {}: ghi tên ngày nghỉ hoặc lý do làm bù.",
                        date.format("%d/%m/%Y")
                    ),
                ));
            };
            if d.kind == DayKind::SwapWork
                && chrono::Datelike::weekday(&date) != chrono::Weekday::Sat
            {
                return Err(Error::invalid(
                    format!("days[{i}].kind"),
                    format!(
                        "Ngày làm bù {} không phải thứ Bảy.",
                        date.format("%d/%m/%Y")
                    ),
                ));
            }
            if checked
                .iter()
                .any(|c: &CalendarDay| c.date == date.to_string())
            {
                return Err(Error::invalid(
                    field,
                    format!("Ngày {} ghi hai lần.", date.format("%d/%m/%Y")),
                ));
            }
            checked.push(CalendarDay {
                date: date.to_string(),
                kind: d.kind,
                name,
            });
        }
        self.write(Permission::Settings, |tx| {
            let conn = tx.conn();
            let (old_days, old_years) = store::calendar_additions(conn)?;
            let old: Vec<&CalendarDay> = old_days
                .iter()
                .filter(|d| d.date.starts_with(&format!("{year:04}-")))
                .collect();
            store::write_calendar_year(conn, year, &checked)?;
            tx.change(
                ChangeAction::Settings,
                "calendar",
                &year.to_string(),
                Some(serde_json::json!({"known": old_years.contains(&year), "days": old})),
                Some(serde_json::json!({"known": true, "days": checked})),
                Some(format!("Lịch ngày làm việc năm {year}")),
            )
        })?;
        self.calendar_years()?
            .into_iter()
            .find(|y| y.year == year)
            .ok_or_else(|| Error::not_found("năm", year.to_string()))
    }
}
