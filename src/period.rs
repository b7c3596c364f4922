//! Periods: closed ranges of dates [from, to], and the presets of the summary screen.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{PeriodPreset, ReportingPeriod};
use crate::error::{Error, Result};
use crate::validate::parse_date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A period as it crosses the IPC boundary (ISO dates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeriodRange {
    pub from: String,
    pub to: String,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self> {
        if from > to {
            return Err(Error::invalid(
                "to",
                "Ngày kết thúc kỳ phải sau hoặc trùng ngày bắt đầu.",
            ));
        }
        Ok(Period { from, to })
    }

    /// Parse an ISO range typed by a user.
    pub fn parse(from: &str, to: &str) -> Result<Self> {
        Period::new(
            parse_date("from", "Từ ngày", from)?,
            parse_date("to", "Đến ngày", to)?,
        )
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// The week (Monday to Sunday) that holds `day`.
    pub fn week_of(day: NaiveDate) -> Self {
        let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
        Period {
            from: monday,
            to: monday + Duration::days(6),
        }
    }

    pub fn month_of(day: NaiveDate) -> Self {
        let from = day.with_day(1).expect("day 1 exists");
        let next = if from.month() == 12 {
            NaiveDate::from_ymd_opt(from.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(from.year(), from.month() + 1, 1)
        }
        .expect("first of next month exists");
        Period {
            from,
            to: next - Duration::days(1),
        }
    }

    pub fn preset(preset: PeriodPreset, today: NaiveDate) -> Self {
        match preset {
            PeriodPreset::Today => Period {
                from: today,
                to: today,
            },
            PeriodPreset::ThisWeek => Period::week_of(today),
            PeriodPreset::LastWeek => Period::week_of(today - Duration::days(7)),
            PeriodPreset::ThisMonth => Period::month_of(today),
            PeriodPreset::LastMonth => {
                Period::month_of(Period::month_of(today).from - Duration::days(1))
            }
        }
    }

    /// A statutory reporting period of `year` (TT 06/2025/TT-TTCP, Điều 7): from the 15th
    /// of the month before the period to the 14th of its last month, so Quý I of 2026 is
    /// 15/12/2025–14/3/2026 and the year 2026 is 15/12/2025–14/12/2026.
    pub fn reporting(period: ReportingPeriod, year: i32) -> Result<Self> {
        if !(1901..=2999).contains(&year) {
            return Err(Error::invalid("year", format!("Năm {year} không hợp lệ.")));
        }
        let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        let (from, to) = match period {
            ReportingPeriod::Q1 => (day(year - 1, 12, 15), day(year, 3, 14)),
            ReportingPeriod::Q2 => (day(year, 3, 15), day(year, 6, 14)),
            ReportingPeriod::Q3 => (day(year, 6, 15), day(year, 9, 14)),
            ReportingPeriod::Q4 => (day(year, 9, 15), day(year, 12, 14)),
            ReportingPeriod::SixMonths => (day(year - 1, 12, 15), day(year, 6, 14)),
            ReportingPeriod::NineMonths => (day(year - 1, 12, 15), day(year, 9, 14)),
            ReportingPeriod::Year => (day(year - 1, 12, 15), day(year, 12, 14)),
        };
        Ok(Period { from, to })
    }

    /// The period before this one, for comparison: a reporting period (the 15th to the
    /// 14th) or whole months step back by as many months as they span (nine months: the
    /// same nine months a year before); any other range steps back by its length.
    pub fn previous(self) -> Self {
        let months = (self.to.year() - self.from.year()) * 12 + self.to.month() as i32
            - self.from.month() as i32;
        let reporting = self.from.day() == 15 && self.to.day() == 14 && months > 0;
        let whole_months =
            self.from.day() == 1 && (self.to + Duration::days(1)).day() == 1 && months >= 0;
        if reporting || whole_months {
            let span = if reporting { months } else { months + 1 };
            // Nine months have no nine months before them in a reporting year (15/3 to
            // 14/12 spans two): they are set beside the same months a year before, which
            // TT 06/2025 allows ("so sánh với kỳ trước (hoặc cùng kỳ của năm trước)").
            if span == 9 {
                return self.year_before();
            }
            let back = |d: NaiveDate| {
                d.checked_sub_months(chrono::Months::new(span as u32))
                    .expect("a date a few months back exists")
            };
            let from = back(self.from);
            let to = if whole_months {
                self.from - Duration::days(1)
            } else {
                back(self.to)
            };
            return Period { from, to };
        }
        let length = self.to - self.from;
        let to = self.from - Duration::days(1);
        Period {
            from: to - length,
            to,
        }
    }

    /// The same period a year before (29/02 becomes 28/02).
    pub fn year_before(self) -> Self {
        let back = |d: NaiveDate| {
            d.checked_sub_months(chrono::Months::new(12))
                .expect("a date a year back exists")
        };
        Period {
            from: back(self.from),
            to: back(self.to),
        }
    }

    /// "15/09/2026 – 14/12/2026".
    pub fn label(self) -> String {
        format!(
            "{} – {}",
            self.from.format("%d/%m/%Y"),
            self.to.format("%d/%m/%Y")
        )
    }

    /// The `count` weeks ending with the week of `today`, oldest first.
    pub fn last_weeks(today: NaiveDate, count: usize) -> Vec<Self> {
        let this = Period::week_of(today);
        (0..count)
            .rev()
            .map(|back| Period {
                from: this.from - Duration::weeks(back as i64),
                to: this.to - Duration::weeks(back as i64),
            })
            .collect()
    }

    pub fn to_range(self) -> PeriodRange {
        PeriodRange {
            from: self.from.to_string(),
            to: self.to.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        // 29/11/2026 is a Sunday.
        let w = Period::preset(PeriodPreset::ThisWeek, d(2026, 11, 29));
        assert_eq!((w.from, w.to), (d(2026, 11, 23), d(2026, 11, 29)));
        let w = Period::preset(PeriodPreset::ThisWeek, d(2026, 11, 30));
        assert_eq!((w.from, w.to), (d(2026, 11, 30), d(2026, 12, 6)));
        let lw = Period::preset(PeriodPreset::LastWeek, d(2026, 11, 30));
        assert_eq!((lw.from, lw.to), (d(2026, 11, 23), d(2026, 11, 29)));
    }

    #[test]
    fn months_and_last_month_across_years() {
        let m = Period::preset(PeriodPreset::ThisMonth, d(2024, 2, 10));
        assert_eq!((m.from, m.to), (d(2024, 2, 1), d(2024, 2, 29)));
        let lm = Period::preset(PeriodPreset::LastMonth, d(2026, 1, 5));
        assert_eq!((lm.from, lm.to), (d(2025, 12, 1), d(2025, 12, 31)));
    }

    #[test]
    fn twelve_weeks_end_with_this_week() {
        let weeks = Period::last_weeks(d(2026, 11, 25), 12);
        assert_eq!(weeks.len(), 12);
        assert_eq!(weeks[11].from, d(2026, 11, 23));
        assert_eq!(weeks[0].from, d(2026, 9, 7));
        assert!(weeks
            .windows(2)
            .all(|w| w[0].to + Duration::days(1) == w[1].from));
    }

    #[test]
    fn reporting_periods_run_from_the_15th_to_the_14th() {
        use ReportingPeriod::*;
        for (period, year, from, to) in [
            (Q1, 2026, d(2025, 12, 15), d(2026, 3, 14)),
            (Q2, 2026, d(2026, 3, 15), d(2026, 6, 14)),
            (Q3, 2026, d(2026, 6, 15), d(2026, 9, 14)),
            (Q4, 2026, d(2026, 9, 15), d(2026, 12, 14)),
            (SixMonths, 2026, d(2025, 12, 15), d(2026, 6, 14)),
            (NineMonths, 2026, d(2025, 12, 15), d(2026, 9, 14)),
            (Year, 2026, d(2025, 12, 15), d(2026, 12, 14)),
            (Q1, 2028, d(2027, 12, 15), d(2028, 3, 14)),
        ] {
            let p = Period::reporting(period, year).unwrap();
            assert_eq!((p.from, p.to), (from, to), "{period:?} {year}");
        }
        assert_eq!(
            Period::reporting(Year, 1900).unwrap_err().field(),
            Some("year")
        );
    }

    #[test]
    fn the_period_before_and_the_year_before() {
        use ReportingPeriod::*;
        let q2 = Period::reporting(Q2, 2026).unwrap();
        assert_eq!(q2.previous(), Period::reporting(Q1, 2026).unwrap());
        let q1 = Period::reporting(Q1, 2026).unwrap();
        assert_eq!(q1.previous(), Period::reporting(Q4, 2025).unwrap());
        let year = Period::reporting(Year, 2026).unwrap();
        assert_eq!(year.previous(), Period::reporting(Year, 2025).unwrap());
        assert_eq!(year.year_before(), Period::reporting(Year, 2025).unwrap());
        let nine = Period::reporting(NineMonths, 2026).unwrap();
        assert_eq!(
            nine.previous(),
            Period::reporting(NineMonths, 2025).unwrap()
        );
        assert_eq!(
            (nine.previous().from, nine.previous().to),
            (d(2024, 12, 15), d(2025, 9, 14))
        );
        let six = Period::reporting(SixMonths, 2026).unwrap();
        assert_eq!(
            six.previous(),
            Period::new(d(2025, 6, 15), d(2025, 12, 14)).unwrap()
        );
        // Whole months: March is preceded by February (28 days).
        let march = Period::month_of(d(2026, 3, 10));
        assert_eq!(march.previous(), Period::month_of(d(2026, 2, 1)));
        // Any range: its length, just before.
        let range = Period::new(d(2026, 3, 10), d(2026, 3, 19)).unwrap();
        assert_eq!(
            range.previous(),
            Period::new(d(2026, 2, 28), d(2026, 3, 9)).unwrap()
        );
        let leap = Period::new(d(2028, 2, 29), d(2028, 2, 29)).unwrap();
        assert_eq!(leap.year_before().from, d(2027, 2, 28));
    }

    #[test]
    fn reversed_range_is_refused() {
        let e = Period::parse("2026-02-01", "2026-01-01").unwrap_err();
        assert_eq!(e.field(), Some("to"));
    }
}
