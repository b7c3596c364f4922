use rusqlite::OptionalExtension;

use super::Store;
use crate::domain::Settings;
use crate::error::{Error, Result};

const UNIT_NAME: &str = "unit_name";
const TEAM_NAME: &str = "reception_team_name";
const THRESHOLD: &str = "delegation_threshold";
const SAMPLE_OFFERED: &str = "sample_offered";

impl Default for Settings {
    fn default() -> Self {
        Settings {
            unit_name: "phường".to_string(),
            reception_team_name: "Ban tiếp công dân".to_string(),
            delegation_threshold: 5,
            sample_offered: false,
        }
    }
}

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn settings(&self) -> Result<Settings> {
        let d = Settings::default();
        Ok(Settings {
            unit_name: self.setting(UNIT_NAME)?.unwrap_or(d.unit_name),
            reception_team_name: self.setting(TEAM_NAME)?.unwrap_or(d.reception_team_name),
            delegation_threshold: self
                .setting(THRESHOLD)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(d.delegation_threshold),
            sample_offered: self.setting(SAMPLE_OFFERED)?.as_deref() == Some("1"),
        })
    }

    pub fn save_settings(&mut self, s: &Settings) -> Result<Settings> {
        if s.unit_name.trim().is_empty() {
            return Err(Error::invalid(
                "unit_name",
                "Tên đơn vị không được để trống.",
            ));
        }
        if s.reception_team_name.trim().is_empty() {
            return Err(Error::invalid(
                "reception_team_name",
                "Tên bộ phận tiếp công dân không được để trống.",
            ));
        }
        if !(2..=100).contains(&s.delegation_threshold) {
            return Err(Error::invalid(
                "delegation_threshold",
                "Ngưỡng đoàn đông người phải từ 2 đến 100 người.",
            ));
        }
        let tx = self.conn_mut().savepoint()?;
        for (k, v) in [
            (UNIT_NAME, s.unit_name.trim().to_string()),
            (TEAM_NAME, s.reception_team_name.trim().to_string()),
            (THRESHOLD, s.delegation_threshold.to_string()),
            (
                SAMPLE_OFFERED,
                if s.sample_offered { "1" } else { "0" }.to_string(),
            ),
        ] {
            tx.execute(
                "INSERT INTO settings(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (k, v),
            )?;
        }
        tx.commit()?;
        self.settings()
    }
}
