//! Settings rows (key, value) and the settings they make.

use rusqlite::{Connection, OptionalExtension};

use super::Store;
use crate::domain::{DeadlineSettings, ReportSettings, Settings};
use crate::error::Result;

/// The keys of the settings table.
pub(crate) mod keys {
    pub(crate) const UNIT_NAME: &str = "unit_name";
    pub(crate) const TEAM_NAME: &str = "reception_team_name";
    pub(crate) const SAMPLE_OFFERED: &str = "sample_offered";
    pub(crate) const FIRST_REPLY: &str = "deadline_first_reply_working_days";
    pub(crate) const PROCESSING: &str = "deadline_processing_working_days";
    pub(crate) const PLAIN_DAYS_WORKING: &str = "deadline_plain_days_working";
    pub(crate) const COMPLAINT_ACCEPTANCE: &str = "deadline_complaint_acceptance_working_days";
    pub(crate) const UNPROCESSED: &str = "deadline_unprocessed_days";
    pub(crate) const DUE_SOON: &str = "deadline_due_soon_working_days";
    pub(crate) const PROPOSAL_RESOLUTION: &str = "deadline_proposal_resolution_days";
    pub(crate) const REMOTE_AREA: &str = "remote_area";
    pub(crate) const REPORT_PLACE: &str = "report_place";
    pub(crate) const SIGNER_AUTHORITY: &str = "report_signer_authority";
    pub(crate) const SIGNER_TITLE: &str = "report_signer_title";
    pub(crate) const SIGNER_NAME: &str = "report_signer_name";
    pub(crate) const RECIPIENTS: &str = "report_recipients";
    pub(crate) const CHAIRMAN_DAYS: &str = "report_chairman_days_per_month";
    pub(crate) const EXPORT_DIR: &str = "export_dir";
    pub(crate) const IDLE_LOCK: &str = "idle_lock_minutes";
}
use keys::*;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            unit_name: "phường".to_string(),
            reception_team_name: "Ban tiếp công dân".to_string(),
            sample_offered: false,
            deadlines: DeadlineSettings::default(),
            report: ReportSettings::default(),
        }
    }
}

pub(crate) fn read_setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    setting(conn, key)
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn number(conn: &Connection, key: &str, default: u32) -> Result<u32> {
    Ok(setting(conn, key)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(default))
}

pub(crate) fn read_settings(conn: &Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        unit_name: setting(conn, UNIT_NAME)?.unwrap_or(d.unit_name),
        reception_team_name: setting(conn, TEAM_NAME)?.unwrap_or(d.reception_team_name),
        sample_offered: setting(conn, SAMPLE_OFFERED)?.as_deref() == Some("1"),
        deadlines: DeadlineSettings {
            first_reply_working_days: number(
                conn,
                FIRST_REPLY,
                d.deadlines.first_reply_working_days,
            )?,
            processing_working_days: number(conn, PROCESSING, d.deadlines.processing_working_days)?,
            plain_days_working: setting(conn, PLAIN_DAYS_WORKING)?.as_deref() == Some("1"),
            complaint_acceptance_working_days: number(
                conn,
                COMPLAINT_ACCEPTANCE,
                d.deadlines.complaint_acceptance_working_days,
            )?,
            unprocessed_days: number(conn, UNPROCESSED, d.deadlines.unprocessed_days)?,
            due_soon_working_days: number(conn, DUE_SOON, d.deadlines.due_soon_working_days)?,
            remote_area: setting(conn, REMOTE_AREA)?.as_deref() == Some("1"),
            proposal_resolution_days: number(
                conn,
                PROPOSAL_RESOLUTION,
                d.deadlines.proposal_resolution_days,
            )?,
        },
        report: ReportSettings {
            place: setting(conn, REPORT_PLACE)?.unwrap_or(d.report.place),
            signer_authority: setting(conn, SIGNER_AUTHORITY)?.unwrap_or(d.report.signer_authority),
            signer_title: setting(conn, SIGNER_TITLE)?.unwrap_or(d.report.signer_title),
            signer_name: setting(conn, SIGNER_NAME)?.unwrap_or(d.report.signer_name),
            recipients: setting(conn, RECIPIENTS)?.unwrap_or(d.report.recipients),
            chairman_days_per_month: number(conn, CHAIRMAN_DAYS, d.report.chairman_days_per_month)?,
            export_dir: setting(conn, EXPORT_DIR)?.unwrap_or(d.report.export_dir),
        },
    })
}

pub(crate) fn write_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )?;
    Ok(())
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        read_settings(self.conn())
    }
}
