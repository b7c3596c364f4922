//! The legal regime in force on a date. The 2013 Law on Citizen Reception (with
//! NĐ 64/2014, TT 04 and 05/2021) applies until 30/6/2026; Luật 136/2025/QH15, which
//! amends the reception, complaint and denunciation laws, applies from 01/7/2026, with
//! NĐ 154, 155 and 156/2026. A record keeps the rules of its own date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::HostGroup;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// Luật Tiếp công dân 2013, Luật Khiếu nại 2011, Luật Tố cáo 2018 as first written.
    Law2013,
    /// The same laws as amended by Luật 136/2025/QH15, in force 01/7/2026.
    Law2025,
}

/// The day Luật 136/2025/QH15 came into force.
pub fn law_2025_in_force() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, 1).expect("valid date")
}

impl Regime {
    /// The regime in force on `date`.
    pub fn on(date: NaiveDate) -> Regime {
        if date < law_2025_in_force() {
            Regime::Law2013
        } else {
            Regime::Law2025
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Regime::Law2013 => "Luật Tiếp công dân 2013, Luật Khiếu nại 2011, Luật Tố cáo 2018",
            Regime::Law2025 => "các luật trên sửa đổi bởi Luật 136/2025/QH15 (từ 01/7/2026)",
        }
    }

    /// Whether the chairman may delegate reception to a deputy (not from 01/7/2026).
    pub fn deputy_reception_allowed(self) -> bool {
        self == Regime::Law2013
    }

    /// Whether a complaint's resolution can be suspended (tạm đình chỉ), introduced by
    /// Luật 136/2025/QH15.
    pub fn complaint_suspension_allowed(self) -> bool {
        self == Regime::Law2025
    }
}

/// The hosts a session may have on `date` (deputy reception only before 01/7/2026).
pub fn hosts_on(date: NaiveDate) -> Vec<HostGroup> {
    HostGroup::ALL
        .iter()
        .copied()
        .filter(|h| *h != HostGroup::Deputy || Regime::on(date).deputy_reception_allowed())
        .collect()
}

/// Deputy reception is allowed only before 01/7/2026 (Luật 136/2025/QH15).
pub fn host_allowed_on(host: HostGroup, date: NaiveDate) -> Result<()> {
    if host == HostGroup::Deputy && !Regime::on(date).deputy_reception_allowed() {
        return Err(Error::invalid(
            "host_group",
            "Từ ngày 01/7/2026 Chủ tịch UBND không được ủy quyền cho cấp phó tiếp công dân (Luật 136/2025/QH15).",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_regime_changes_on_1_july_2026() {
        for (date, regime) in [
            ("2025-12-31", Regime::Law2013),
            ("2026-06-30", Regime::Law2013),
            ("2026-07-01", Regime::Law2025),
            ("2027-01-01", Regime::Law2025),
        ] {
            assert_eq!(Regime::on(d(date)), regime, "{date}");
        }
    }

    #[test]
    fn deputies_are_offered_only_before_the_new_law() {
        assert!(hosts_on(d("2026-06-30")).contains(&HostGroup::Deputy));
        assert!(!hosts_on(d("2026-07-01")).contains(&HostGroup::Deputy));
        assert!(host_allowed_on(HostGroup::Deputy, d("2026-06-30")).is_ok());
        let e = host_allowed_on(HostGroup::Deputy, d("2026-07-01")).unwrap_err();
        assert_eq!(e.field(), Some("host_group"));
        assert!(host_allowed_on(HostGroup::Chairman, d("2026-07-01")).is_ok());
    }
}
