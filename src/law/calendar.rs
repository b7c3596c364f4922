//! The working-day calendar of state offices: Vietnam's public holidays, the official
//! day swaps (nghỉ bù, nghỉ hoán đổi, làm bù), and the period arithmetic built on it.
//!
//! The calendar ships as `data/holidays-vn.csv` (sources and caveats in `data/README.md`),
//! embedded at build time; an administrator can add days and years with
//! [`Calendar::extend`].
//!
//! **A working day** is a `swap_work` day (a make-up Saturday); otherwise not a `holiday`
//! or `swap_off` day; otherwise Monday to Friday are working days, Saturday and Sunday
//! are not.
//!
//! **Nothing is guessed.** A date in a year the calendar does not know (not listed by the
//! embedded file, not added by an administrator) is an [`UnknownYear`] error, weekends
//! included, and so is any computation that has to walk into such a year.
//!
//! **No runaway loops.** Every walk goes one day at a time and asks the calendar about
//! each day, so it stops at the first day of a year that is not known. The known years
//! are a finite set, so a walk takes at most 366 × (number of known years + 1) steps,
//! whatever `n` is (even `u32::MAX`) and even if a year lists every day as a holiday:
//! the walk then ends with the [`UnknownYear`] of the first year past the known ones,
//! which is the honest answer (the calendar knows no working day up to there).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::parse_date;

/// The calendar shipped with the app.
const EMBEDDED_CSV: &str = include_str!("../../data/holidays-vn.csv");

/// The columns of the calendar file, in order.
const HEADER: [&str; 5] = ["date", "kind", "name", "status", "source"];

/// The years an administrator may add (the same range as any date typed in the app).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// What a listed day is (the CSV's `kind` column).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A Labour Code holiday, or a weekend day inside an announced break.
    Holiday,
    /// Nghỉ bù / nghỉ hoán đổi on a weekday: offices are closed.
    SwapOff,
    /// Làm bù: a Saturday that is a working day.
    SwapWork,
}

impl DayKind {
    pub const ALL: &'static [DayKind] = &[DayKind::Holiday, DayKind::SwapOff, DayKind::SwapWork];

    /// The code in the calendar file's `kind` column.
    pub fn code(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::SwapOff => "swap_off",
            DayKind::SwapWork => "swap_work",
        }
    }

    /// The Vietnamese label an officer reads.
    pub fn label(self) -> &'static str {
        match self {
            DayKind::Holiday => "Nghỉ lễ, Tết",
            DayKind::SwapOff => "Nghỉ bù / hoán đổi",
            DayKind::SwapWork => "Làm bù",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "holiday" => Some(DayKind::Holiday),
            "swap_off" => Some(DayKind::SwapOff),
            "swap_work" => Some(DayKind::SwapWork),
            _ => None,
        }
    }
}

/// One listed day: a holiday, a swapped day off, or a make-up working Saturday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct CalendarDay {
    /// ISO `YYYY-MM-DD`.
    pub date: String,
    pub kind: DayKind,
    pub name: String,
}

/// A day as the calendar sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayInfo {
    /// ISO `YYYY-MM-DD`.
    pub date: String,
    /// "Thứ Hai" … "Thứ Bảy", "Chủ nhật".
    pub weekday: String,
    pub working: bool,
    /// Set when the day is listed (a holiday, a swapped day off, a make-up Saturday).
    pub kind: Option<DayKind>,
    pub name: Option<String>,
}

/// The year is not in the calendar: nothing is guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Lịch ngày làm việc chưa có năm {0}: chưa tính được thời hạn. Hãy bổ sung ngày nghỉ lễ, nghỉ bù, làm bù của năm {0} trong Cài đặt › Lịch ngày làm việc.")]
pub struct UnknownYear(pub i32);

/// The working-day calendar: the listed days, and the years whose listing is complete.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// Listed days by date.
    listed: BTreeMap<NaiveDate, CalendarDay>,
    /// The years whose days can be told apart; any other year is [`UnknownYear`].
    years: BTreeSet<i32>,
    /// The shipped years whose days are partly forecast (not yet announced by the
    /// Government) and that the administrator has not replaced with the office's own list.
    forecast: BTreeSet<i32>,
}

/// The Vietnamese name of a weekday, as on a calendar.
fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// The day after `date`. Past the last date chrono can represent there is no calendar.
fn next(date: NaiveDate) -> std::result::Result<NaiveDate, UnknownYear> {
    date.succ_opt()
        .ok_or(UnknownYear(date.year().saturating_add(1)))
}

#[derive(Deserialize)]
struct Row {
    date: String,
    kind: String,
    name: String,
    status: String,
    source: String,
}

/// Parse a calendar file in the format of `data/holidays-vn.csv`. Every row must be
/// sound (a real ISO date written in full, a known kind and status, a name, a source,
/// no date twice); the error names the line.
fn parse_csv(text: &str) -> std::result::Result<Vec<(NaiveDate, CalendarDay)>, String> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    if headers.iter().ne(HEADER) {
        return Err(format!("header is {headers:?}, expected {HEADER:?}"));
    }
    let mut out: Vec<(NaiveDate, CalendarDay)> = Vec::new();
    let mut seen = BTreeSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map_or(0, |p| p.line());
        let bad = |what: String| format!("line {line}: {what}");
        let row: Row = record
            .deserialize(Some(&headers))
            .map_err(|e| bad(e.to_string()))?;
        let date = NaiveDate::parse_from_str(&row.date, "%Y-%m-%d")
            .ok()
            .filter(|d| d.to_string() == row.date)
            .ok_or_else(|| bad(format!("bad date {:?}", row.date)))?;
        let kind =
            DayKind::from_code(&row.kind).ok_or_else(|| bad(format!("bad kind {:?}", row.kind)))?;
        if !matches!(row.status.as_str(), "announced" | "computed") {
            return Err(bad(format!("bad status {:?}", row.status)));
        }
        if row.name.trim().is_empty() || row.source.trim().is_empty() {
            return Err(bad("empty name or source".into()));
        }
        if !seen.insert(date) {
            return Err(bad(format!("{date} is listed twice")));
        }
        out.push((
            date,
            CalendarDay {
                date: row.date,
                kind,
                name: row.name,
            },
        ));
    }
    Ok(out)
}

/// The shipped years whose days are partly forecast (rows marked `computed` in the file,
/// not yet announced by the Government): the settings screen says so.
pub fn forecast_years() -> Vec<i32> {
    let mut reader = csv::ReaderBuilder::new().from_reader(EMBEDDED_CSV.as_bytes());
    let years: BTreeSet<i32> = reader
        .deserialize::<Row>()
        .filter_map(|row| row.ok())
        .filter(|row| row.status == "computed")
        .filter_map(|row| row.date.get(..4).and_then(|y| y.parse().ok()))
        .collect();
    years.into_iter().collect()
}

impl Calendar {
    /// The calendar shipped with the app: the embedded CSV; its known years are the years
    /// it lists.
    pub fn embedded() -> Calendar {
        static EMBEDDED: OnceLock<Calendar> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                let rows =
                    parse_csv(EMBEDDED_CSV).unwrap_or_else(|e| panic!("data/holidays-vn.csv: {e}"));
                Calendar {
                    years: rows.iter().map(|(date, _)| date.year()).collect(),
                    listed: rows.into_iter().collect(),
                    forecast: forecast_years().into_iter().collect(),
                }
            })
            .clone()
    }

    /// Add an administrator's days and years (a listed day replaces the embedded entry of
    /// the same date; listed years become known). A day of a year that is neither known
    /// nor in `years` is kept but tells nothing until its year becomes known. All or
    /// nothing: on an error the calendar is unchanged.
    pub fn extend(&mut self, days: &[CalendarDay], years: &[i32]) -> Result<()> {
        let mut parsed = Vec::with_capacity(days.len());
        for day in days {
            let date = parse_date("date", "Ngày", &day.date)?;
            parsed.push((
                date,
                CalendarDay {
                    date: date.to_string(),
                    kind: day.kind,
                    name: day.name.trim().to_string(),
                },
            ));
        }
        if let Some(year) = years.iter().find(|y| !YEARS.contains(y)) {
            return Err(Error::invalid(
                "year",
                format!(
                    "Năm {year} nằm ngoài khoảng {}–{}.",
                    YEARS.start(),
                    YEARS.end()
                ),
            ));
        }
        self.listed.extend(parsed);
        self.years.extend(years.iter().copied());
        Ok(())
    }

    /// Replace whole years with an administrator's lists: for each of `years`, the days
    /// listed in `days` are the year's only listed days (a shipped day left out is a
    /// normal day again), and the year is known.
    pub fn replace_years(&mut self, days: &[CalendarDay], years: &[i32]) -> Result<()> {
        let replaced: BTreeSet<i32> = years.iter().copied().collect();
        let keep: BTreeMap<NaiveDate, CalendarDay> = std::mem::take(&mut self.listed)
            .into_iter()
            .filter(|(date, _)| !replaced.contains(&date.year()))
            .collect();
        let before = std::mem::replace(&mut self.listed, keep);
        if let Err(e) = self.extend(days, years) {
            self.listed = before;
            return Err(e);
        }
        // The office's own list of a year is what it goes by: no longer a forecast.
        self.forecast.retain(|y| !replaced.contains(y));
        Ok(())
    }

    /// Whether `year`'s days are partly forecast: shipped before the Government announced
    /// them (rows marked `computed`), and not replaced by the office's own list.
    pub fn is_forecast(&self, year: i32) -> bool {
        self.forecast.contains(&year)
    }

    /// The known years, ascending.
    pub fn known_years(&self) -> Vec<i32> {
        self.years.iter().copied().collect()
    }

    pub fn knows(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The listed days of a year, by date (whether or not the year is known).
    pub fn listed(&self, year: i32) -> Vec<CalendarDay> {
        match (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) {
            (Some(first), Some(last)) => self
                .listed
                .range(first..=last)
                .map(|(_, day)| day.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether `date` is a working day, and its listing if it has one.
    fn lookup(
        &self,
        date: NaiveDate,
    ) -> std::result::Result<(bool, Option<&CalendarDay>), UnknownYear> {
        if !self.knows(date.year()) {
            return Err(UnknownYear(date.year()));
        }
        let listed = self.listed.get(&date);
        let working = match listed.map(|day| day.kind) {
            Some(DayKind::SwapWork) => true,
            Some(DayKind::Holiday | DayKind::SwapOff) => false,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        };
        Ok((working, listed))
    }

    pub fn day(&self, date: NaiveDate) -> std::result::Result<DayInfo, UnknownYear> {
        let (working, listed) = self.lookup(date)?;
        Ok(DayInfo {
            date: date.to_string(),
            weekday: weekday_name(date.weekday()).to_string(),
            working,
            kind: listed.map(|day| day.kind),
            name: listed.map(|day| day.name.clone()),
        })
    }

    pub fn is_working_day(&self, date: NaiveDate) -> std::result::Result<bool, UnknownYear> {
        self.lookup(date).map(|(working, _)| working)
    }

    /// The day on which a period of `n` working days counted from `event` ends: counting
    /// starts the day after the event (Bộ luật Dân sự 2015, Điều 147), and only working
    /// days count. n = 0 gives `event` (and looks nothing up). The event's own day is
    /// never looked up: only the days counted are.
    pub fn add_working_days(
        &self,
        event: NaiveDate,
        n: u32,
    ) -> std::result::Result<NaiveDate, UnknownYear> {
        let (mut date, mut left) = (event, n);
        while left > 0 {
            date = next(date)?;
            if self.is_working_day(date)? {
                left -= 1;
            }
        }
        Ok(date)
    }

    /// The day on which a period of `n` days (calendar days) counted from `event` ends: it
    /// starts the day after the event (BLDS 2015 Đ147), so it is event + n; when that last
    /// day is a weekend day or a holiday, the period ends on the next working day (BLDS
    /// 2015 Điều 148 khoản 5).
    ///
    /// "Weekend day or holiday" is read with this calendar's working-day rule: a
    /// `swap_off` weekday rolls forward too (offices are closed), and a `swap_work`
    /// Saturday does not (it is a working day). n = 0 gives `event`, rolled forward the
    /// same way if it is not a working day.
    pub fn add_days(
        &self,
        event: NaiveDate,
        n: u32,
    ) -> std::result::Result<NaiveDate, UnknownYear> {
        // Past the last date chrono can represent there is no calendar.
        let mut date = event
            .checked_add_days(Days::new(n.into()))
            .ok_or(UnknownYear(NaiveDate::MAX.year().saturating_add(1)))?;
        while !self.is_working_day(date)? {
            date = next(date)?;
        }
        Ok(date)
    }

    /// Working days in (from, to]: after `from`, up to and including `to` (0 when
    /// to <= from).
    pub fn working_days_after(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> std::result::Result<u32, UnknownYear> {
        let (mut date, mut count) = (from, 0);
        while date < to {
            date = next(date)?;
            if self.is_working_day(date)? {
                count += 1;
            }
        }
        Ok(count)
    }

    /// Whether `to` is at most `limit` working days after `from`: the same as
    /// `working_days_after(from, to)` being known and at most `limit`, but the walk stops
    /// at the first working day past the limit (a due day months away costs what one next
    /// week does: the "Cần xử lý" queue asks this of every open petition). A day of an
    /// unknown year before that point gives `false`, as the full count's error does.
    pub fn within_working_days(&self, from: NaiveDate, to: NaiveDate, limit: u32) -> bool {
        let (mut date, mut count) = (from, 0u32);
        while date < to {
            let Ok(following) = next(date) else {
                return false;
            };
            date = following;
            match self.is_working_day(date) {
                Ok(true) => {
                    count += 1;
                    if count > limit {
                        return false;
                    }
                }
                Ok(false) => {}
                Err(_) => return false,
            }
        }
        true
    }

    /// The last day `to` for which [`Self::within_working_days`]`(from, to, limit)` holds:
    /// that answer is true for every day from `from` up to this one and false after it (it
    /// only grows more false as `to` moves on), so one walk answers it for any number of
    /// due days, each by a comparison (the "Cần xử lý" queue ranks every open petition in
    /// SQL this way). The walk stops at the first working day past the limit, or before a
    /// day of a year the calendar does not know.
    pub fn last_within_working_days(&self, from: NaiveDate, limit: u32) -> NaiveDate {
        let (mut date, mut count) = (from, 0u32);
        loop {
            let Ok(following) = next(date) else {
                return date;
            };
            match self.is_working_day(following) {
                Ok(true) if count >= limit => return date,
                Ok(true) => count += 1,
                Ok(false) => {}
                Err(_) => return date,
            }
            date = following;
        }
    }

    /// Every day of [from, to] (inclusive), for listings; empty when from > to.
    pub fn days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> std::result::Result<Vec<DayInfo>, UnknownYear> {
        let mut out = Vec::new();
        let mut date = from;
        while date <= to {
            out.push(self.day(date)?);
            if date == to {
                break;
            }
            date = next(date)?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    fn listed(date: &str, kind: DayKind, name: &str) -> CalendarDay {
        CalendarDay {
            date: date.into(),
            kind,
            name: name.into(),
        }
    }

    #[test]
    fn the_embedded_file_parses_and_covers_2024_to_2027() {
        let rows = parse_csv(EMBEDDED_CSV).unwrap();
        // 79 lines: the header and 78 days.
        assert_eq!(rows.len(), 78);
        let years: BTreeSet<i32> = rows.iter().map(|(date, _)| date.year()).collect();
        assert_eq!(years, BTreeSet::from([2024, 2025, 2026, 2027]));
        assert_eq!(
            Calendar::embedded().known_years(),
            vec![2024, 2025, 2026, 2027]
        );
        assert!(rows.iter().all(|(date, day)| day.date == date.to_string()));
    }

    #[test]
    fn bad_rows_are_refused_with_their_line() {
        let head = "date,kind,name,status,source\n";
        for (body, says) in [
            ("2026-02-30,holiday,X,announced,u\n", "line 2: bad date"),
            ("2026-2-3,holiday,X,announced,u\n", "line 2: bad date"),
            ("2026-02-03,feast,X,announced,u\n", "line 2: bad kind"),
            ("2026-02-03,holiday,X,rumoured,u\n", "line 2: bad status"),
            ("2026-02-03,holiday,,announced,u\n", "line 2: empty"),
            (
                "2026-02-03,holiday,X,announced,u\n2026-02-03,holiday,Y,announced,u\n",
                "line 3: 2026-02-03 is listed twice",
            ),
        ] {
            let e = parse_csv(&format!("{head}{body}")).unwrap_err();
            assert!(e.starts_with(says), "{body:?}: {e}");
        }
        // Too few fields is the csv crate's error.
        assert!(parse_csv(&format!("{head}2026-02-03,holiday,X\n")).is_err());
        assert!(parse_csv("day,kind,name,status,source\n").is_err());
        // A quoted name with a comma is one field.
        let rows = parse_csv(&format!("{head}2026-02-03,holiday,\"A, B\",computed,u\n")).unwrap();
        assert_eq!(rows[0].1.name, "A, B");
    }

    #[test]
    fn kinds_round_trip_their_codes() {
        for kind in [DayKind::Holiday, DayKind::SwapOff, DayKind::SwapWork] {
            assert_eq!(DayKind::from_code(kind.code()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.code())
            );
        }
        assert_eq!(DayKind::from_code("Holiday"), None);
        assert_eq!(DayKind::SwapWork.label(), "Làm bù");
    }

    #[test]
    fn days_are_told_by_the_rule() {
        let cal = Calendar::embedded();
        // (date, weekday, working, kind)
        let cases = [
            ("2026-02-13", "Thứ Sáu", true, None),
            ("2026-02-14", "Thứ Bảy", false, Some(DayKind::Holiday)),
            ("2026-02-16", "Thứ Hai", false, Some(DayKind::Holiday)),
            ("2026-02-23", "Thứ Hai", true, None),
            ("2026-02-28", "Thứ Bảy", false, None),
            ("2026-03-01", "Chủ nhật", false, None),
            ("2026-01-02", "Thứ Sáu", false, Some(DayKind::SwapOff)),
            ("2026-01-10", "Thứ Bảy", true, Some(DayKind::SwapWork)),
            ("2026-04-26", "Chủ nhật", false, Some(DayKind::Holiday)),
            ("2026-04-27", "Thứ Hai", false, Some(DayKind::SwapOff)),
            ("2026-08-22", "Thứ Bảy", true, Some(DayKind::SwapWork)),
            ("2026-08-31", "Thứ Hai", false, Some(DayKind::SwapOff)),
            ("2025-04-26", "Thứ Bảy", true, Some(DayKind::SwapWork)),
            ("2025-05-02", "Thứ Sáu", false, Some(DayKind::SwapOff)),
            ("2024-05-04", "Thứ Bảy", true, Some(DayKind::SwapWork)),
            ("2027-05-01", "Thứ Bảy", false, Some(DayKind::Holiday)),
            ("2027-05-03", "Thứ Hai", false, Some(DayKind::SwapOff)),
            ("2027-06-02", "Thứ Tư", true, None),
        ];
        for (date, weekday, working, kind) in cases {
            let info = cal.day(d(date)).unwrap();
            assert_eq!(
                (info.weekday.as_str(), info.working, info.kind),
                (weekday, working, kind),
                "{date}"
            );
            assert_eq!(info.name.is_some(), kind.is_some(), "{date}");
            assert_eq!(cal.is_working_day(d(date)), Ok(working), "{date}");
        }
        assert_eq!(
            cal.day(d("2026-02-16")).unwrap().name.as_deref(),
            Some("Tết Nguyên đán Bính Ngọ (29 tháng Chạp)")
        );
    }

    #[test]
    fn working_days_are_counted_from_the_day_after_the_event() {
        let cal = Calendar::embedded();
        // (event, n, the day the period ends); each worked out by hand from the CSV.
        let cases = [
            // n = 0 is the event itself, even on a holiday.
            ("2026-02-17", 0, "2026-02-17"),
            // Tết 2026, break Sat 14/02 – Sun 22/02. From Fri 13/02: 14–22 off;
            // Mon 23 (1), Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5), Sat 28 and
            // Sun 01/03 weekend, Mon 02/03 (6), Tue 03 (7), Wed 04 (8), Thu 05 (9), Fri 06 (10).
            ("2026-02-13", 10, "2026-03-06"),
            // From Thu 12/02: Fri 13 (1).
            ("2026-02-12", 1, "2026-02-13"),
            // From Thu 12/02: Fri 13 (1); 14–22 off; Mon 23 (2).
            ("2026-02-12", 2, "2026-02-23"),
            // From Tue 17/02 (mùng 1, inside the break): 18–22 off; Mon 23 (1).
            ("2026-02-17", 1, "2026-02-23"),
            // Quốc khánh 2026: làm bù Sat 22/08; break Sat 29/08 – Wed 02/09 (31/08 swap_off).
            // From Thu 20/08: Fri 21 (1), Sat 22 làm bù (2), Sun 23 off, Mon 24 (3),
            // Tue 25 (4), Wed 26 (5).
            ("2026-08-20", 5, "2026-08-26"),
            // From Wed 26/08: Thu 27 (1), Fri 28 (2); Sat 29, Sun 30, Mon 31 (swap_off),
            // Tue 01/09, Wed 02/09 off; Thu 03 (3), Fri 04 (4); Sat 05, Sun 06 weekend;
            // Mon 07 (5).
            ("2026-08-26", 5, "2026-09-07"),
            // From Fri 21/08: Sat 22 làm bù (1).
            ("2026-08-21", 1, "2026-08-22"),
            // Giỗ Tổ Sun 26/04/2026 + nghỉ bù Mon 27/04, then 30/04 (Thu) – 01/05 (Fri).
            // From Fri 24/04: Sat 25 weekend, Sun 26 Giỗ Tổ, Mon 27 nghỉ bù; Tue 28 (1),
            // Wed 29 (2); Thu 30, Fri 01/05 holidays, Sat 02, Sun 03 weekend; Mon 04 (3),
            // Tue 05 (4), Wed 06 (5).
            ("2026-04-24", 5, "2026-05-06"),
            // From Wed 29/04: Thu 30, Fri 01/05, Sat 02, Sun 03 off; Mon 04 (1).
            ("2026-04-29", 1, "2026-05-04"),
            // Tết Dương lịch 2026: Thu 01/01 holiday, Fri 02 swap_off, Sat 03, Sun 04 holiday;
            // làm bù Sat 10/01. From Wed 31/12/2025: 01–04 off; Mon 05 (1), Tue 06 (2),
            // Wed 07 (3), Thu 08 (4), Fri 09 (5), Sat 10 làm bù (6), Sun 11 off,
            // Mon 12 (7), Tue 13 (8).
            ("2025-12-31", 8, "2026-01-13"),
            // From Fri 09/01/2026: Sat 10 làm bù (1), Sun 11 off, Mon 12 (2).
            ("2026-01-09", 2, "2026-01-12"),
            // Tết 2025: break Sat 25/01 – Sun 02/02. From Fri 24/01: 25/01–02/02 off;
            // Mon 03/02 (1), Tue 04 (2), Wed 05 (3), Thu 06 (4), Fri 07 (5).
            ("2025-01-24", 5, "2025-02-07"),
            // 30/4 2025: làm bù Sat 26/04; Wed 30/04, Thu 01/05 holidays, Fri 02/05
            // swap_off, Sat 03, Sun 04 holidays. From Thu 24/04: Fri 25 (1), Sat 26
            // làm bù (2), Sun 27 off, Mon 28 (3), Tue 29 (4).
            ("2025-04-24", 4, "2025-04-29"),
            // … and one more: 30/04–04/05 off; Mon 05/05 (5).
            ("2025-04-24", 5, "2025-05-05"),
            // 2027 (computed rows): Tết Thu 04/02 – Wed 10/02. From Wed 03/02: 04–10 off;
            // Thu 11 (1), Fri 12 (2).
            ("2027-02-03", 2, "2027-02-12"),
            // Across the year end 2024 → 2025: from Tue 31/12/2024, Wed 01/01/2025 is
            // Tết Dương lịch; Thu 02 (1), Fri 03 (2).
            ("2024-12-31", 2, "2025-01-03"),
        ];
        for (event, n, end) in cases {
            assert_eq!(
                cal.add_working_days(d(event), n),
                Ok(d(end)),
                "{n} working days from {event}"
            );
            // The count back agrees, except for n = 0 where nothing is counted.
            if n > 0 {
                assert_eq!(cal.working_days_after(d(event), d(end)), Ok(n), "{event}");
            }
        }
    }

    /// The bounded walk answers what the full count does, for every pair of days around
    /// the known years' edges (2023 and 2028 unknown), Tết, swaps, and every limit up to
    /// two weeks; and it stops at the limit (a day thousands of years away is answered).
    #[test]
    fn within_working_days_is_the_full_count_bounded() {
        let cal = Calendar::embedded();
        let mut rng = fastrand::Rng::with_seed(11);
        let first = d("2023-12-01");
        let (mut soon, mut far) = (0, 0);
        for _ in 0..20_000 {
            let from = first + chrono::Duration::days(rng.i64(0..1600));
            let to = from + chrono::Duration::days(rng.i64(-5..40));
            let limit = rng.u32(0..15);
            let full = cal.working_days_after(from, to).is_ok_and(|n| n <= limit);
            assert_eq!(
                cal.within_working_days(from, to, limit),
                full,
                "{from} → {to}, limit {limit}"
            );
            if full {
                soon += 1
            } else {
                far += 1
            }
        }
        assert!(soon > 2_000 && far > 2_000, "{soon} {far}");
        // Fri 13/02/2026 → Mon 23/02 (Tết 14–22 off): one working day.
        assert!(cal.within_working_days(d("2026-02-13"), d("2026-02-23"), 1));
        assert!(!cal.within_working_days(d("2026-02-13"), d("2026-02-23"), 0));
        // Into an unknown year within the limit: not known to be soon.
        assert!(!cal.within_working_days(d("2027-12-30"), d("2028-01-03"), 10));
        // Far beyond: answered at the limit, without walking there.
        assert!(!cal.within_working_days(d("2026-02-13"), NaiveDate::MAX, 3));
    }

    /// The last day within the limit splits every day after `from` into "within" (up to
    /// it) and "not within" (after it), as the walk answers each day: every start around
    /// the known years' edges, Tết and swaps, every limit up to two weeks, and every day
    /// up to 40 after the start.
    #[test]
    fn the_last_day_within_splits_the_days_as_the_walk_does() {
        let cal = Calendar::embedded();
        let mut rng = fastrand::Rng::with_seed(12);
        let first = d("2023-12-01");
        for _ in 0..3_000 {
            let from = first + chrono::Duration::days(rng.i64(0..1600));
            let limit = rng.u32(0..15);
            let last = cal.last_within_working_days(from, limit);
            assert!(last >= from);
            for ahead in 0..40 {
                let to = from + chrono::Duration::days(ahead);
                assert_eq!(
                    to <= last,
                    cal.within_working_days(from, to, limit),
                    "{from} → {to}, limit {limit}, last {last}"
                );
            }
        }
        // Fri 13/02/2026, Tết from 14 to 22: one working day ends on Mon 23; the Tuesday
        // is the second.
        assert_eq!(
            cal.last_within_working_days(d("2026-02-13"), 1),
            d("2026-02-23")
        );
        assert_eq!(
            cal.last_within_working_days(d("2026-02-13"), 0),
            d("2026-02-22")
        );
        // The known years end on 31/12/2027: no later day is known to be soon.
        assert_eq!(
            cal.last_within_working_days(d("2027-12-30"), 10),
            d("2027-12-31")
        );
        // The last representable day.
        assert_eq!(
            cal.last_within_working_days(NaiveDate::MAX, 3),
            NaiveDate::MAX
        );
    }

    #[test]
    fn calendar_days_end_on_the_next_working_day() {
        let cal = Calendar::embedded();
        // (event, n, the day the period ends); each worked out by hand from the CSV.
        let cases = [
            // Tue 30/06/2026 + 10 = Fri 10/07/2026, a working day.
            ("2026-06-30", 10, "2026-07-10"),
            // Tue 30/06/2026 + 5 = Sun 05/07: rolls to Mon 06/07.
            ("2026-06-30", 5, "2026-07-06"),
            // Tue 30/06/2026 + 4 = Sat 04/07: rolls over Sun 05 to Mon 06/07.
            ("2026-06-30", 4, "2026-07-06"),
            // Tue 10/02/2026 + 7 = Tue 17/02 (mùng 1 Tết): 17–22 off, rolls to Mon 23/02.
            ("2026-02-10", 7, "2026-02-23"),
            // Fri 24/04/2026 + 2 = Sun 26/04 (Giỗ Tổ): Mon 27 nghỉ bù, rolls to Tue 28/04.
            ("2026-04-24", 2, "2026-04-28"),
            // Fri 24/04/2026 + 6 = Thu 30/04: 30/04, 01/05, Sat 02, Sun 03 off: Mon 04/05.
            ("2026-04-24", 6, "2026-05-04"),
            // Wed 12/08/2026 + 10 = Sat 22/08, a làm bù Saturday: a working day, no roll.
            ("2026-08-12", 10, "2026-08-22"),
            // Wed 19/08/2026 + 12 = Mon 31/08 (swap_off): 31/08, 01/09, 02/09 off,
            // rolls to Thu 03/09.
            ("2026-08-19", 12, "2026-09-03"),
            // Wed 15/01/2025 + 10 = Sat 25/01/2025 (start of Tết 2025): 25/01–02/02 off,
            // rolls to Mon 03/02.
            ("2025-01-15", 10, "2025-02-03"),
            // n = 0: the event itself when it is a working day (Fri 13/02/2026) …
            ("2026-02-13", 0, "2026-02-13"),
            // … and rolled forward when it is not (Sat 14/02/2026 → Mon 23/02).
            ("2026-02-14", 0, "2026-02-23"),
            // Across the year end: Sat 18/12/2027 + 14 = Sat 01/01/2028 is in no known
            // year (tested below); Fri 17/12/2027 + 14 = Fri 31/12/2027, working.
            ("2027-12-17", 14, "2027-12-31"),
        ];
        for (event, n, end) in cases {
            assert_eq!(
                cal.add_days(d(event), n),
                Ok(d(end)),
                "{n} days from {event}"
            );
        }
    }

    #[test]
    fn working_days_between_two_dates() {
        let cal = Calendar::embedded();
        // (from, to, working days in (from, to]); each worked out by hand from the CSV.
        let cases = [
            ("2026-02-13", "2026-02-13", 0),
            // to before from.
            ("2026-03-06", "2026-02-13", 0),
            // Inside Tết 2026: 14–22/02 are all off.
            ("2026-02-13", "2026-02-22", 0),
            // Mon 23/02 – Fri 27/02: 5.
            ("2026-02-20", "2026-02-28", 5),
            // January 2026 after the 1st: Fri 02 swap_off, Sat 03, Sun 04 off; 05–09 (5),
            // Sat 10 làm bù (1), 12–16 (5), 19–23 (5), 26–30 (5); Sat 31 off: 21.
            ("2026-01-01", "2026-01-31", 21),
            // Whole years (from = 31/12 of the year before).
            // 2024: leap year from Mon 01/01; 366 days = 52 weeks + 2 days (Mon 30/12,
            // Tue 31/12), so 262 weekdays.
            // Weekday days off: 01/01; 08, 09, 12, 13, 14/02; 18/04; 29, 30/04, 01/05;
            // 02, 03/09 = 12. Làm bù: Sat 04/05 = 1. 262 − 12 + 1 = 251.
            ("2023-12-31", "2024-12-31", 251),
            // 2025: 365 days from Wed 01/01 = 52 weeks + 1 day (a Wednesday): 261 weekdays.
            // Weekday days off: 01/01; 27–31/01 (5); 07/04; 30/04, 01/05, 02/05;
            // 01, 02/09 = 12. Làm bù: Sat 26/04 = 1. 261 − 12 + 1 = 250.
            ("2024-12-31", "2025-12-31", 250),
            // 2026: 365 days from Thu 01/01: 261 weekdays. Weekday days off: 01, 02/01;
            // 16–20/02 (5); 27/04; 30/04, 01/05; 31/08, 01, 02/09 = 13. Làm bù: Sat 10/01,
            // Sat 22/08 = 2. 261 − 13 + 2 = 250.
            ("2025-12-31", "2026-12-31", 250),
            // 2027: 365 days from Fri 01/01: 261 weekdays. Weekday days off: 01/01;
            // 04, 05, 08, 09, 10/02; 16/04; 30/04; 03/05; 02, 03/09 = 11 (Sat 01/05 and
            // Sat 06, Sun 07/02 are weekend days anyway). 261 − 11 = 250.
            ("2026-12-31", "2027-12-31", 250),
        ];
        for (from, to, n) in cases {
            assert_eq!(
                cal.working_days_after(d(from), d(to)),
                Ok(n),
                "({from}, {to}]"
            );
        }
    }

    #[test]
    fn an_unknown_year_is_never_guessed() {
        let mut cal = Calendar::embedded();
        assert!(!cal.knows(2023) && cal.knows(2024) && !cal.knows(2028));
        assert_eq!(cal.day(d("2023-06-01")), Err(UnknownYear(2023)));
        assert_eq!(cal.is_working_day(d("2028-01-03")), Err(UnknownYear(2028)));
        // A weekend day is not guessed either.
        assert_eq!(cal.is_working_day(d("2028-01-08")), Err(UnknownYear(2028)));
        // Fri 24/12/2027: Sat 25, Sun 26 off, Mon 27 (1), Tue 28 (2), Wed 29 (3),
        // Thu 30 (4), Fri 31 (5), then 01/01/2028: unknown.
        assert_eq!(
            cal.add_working_days(d("2027-12-24"), 5),
            Ok(d("2027-12-31"))
        );
        assert_eq!(
            cal.add_working_days(d("2027-12-24"), 10),
            Err(UnknownYear(2028))
        );
        // Sat 18/12/2027 + 14 = Sat 01/01/2028.
        assert_eq!(cal.add_days(d("2027-12-18"), 14), Err(UnknownYear(2028)));
        // Fri 31/12/2027 + 0 is itself, but + 1 walks into 2028.
        assert_eq!(cal.add_days(d("2027-12-31"), 1), Err(UnknownYear(2028)));
        // From 2023: counting starts on 01/01/2024, which is known (a holiday);
        // Tue 02/01/2024 (1).
        assert_eq!(
            cal.add_working_days(d("2023-12-31"), 1),
            Ok(d("2024-01-02"))
        );
        assert_eq!(
            cal.working_days_after(d("2023-12-30"), d("2024-01-05")),
            Err(UnknownYear(2023))
        );
        assert_eq!(
            cal.working_days_after(d("2027-12-30"), d("2028-01-05")),
            Err(UnknownYear(2028))
        );
        assert_eq!(
            cal.days(d("2027-12-30"), d("2028-01-02")),
            Err(UnknownYear(2028))
        );
        // No runaway: the walk ends at the first unknown year whatever n is.
        assert_eq!(
            cal.add_working_days(d("2024-01-01"), u32::MAX),
            Err(UnknownYear(2028))
        );
        assert_eq!(
            cal.add_days(d("2024-01-01"), u32::MAX),
            Err(UnknownYear(NaiveDate::MAX.year() + 1))
        );

        // An administrator adds 2028: Sat 01/01 Tết Dương lịch, nghỉ bù Mon 03/01.
        cal.extend(
            &[
                listed("2028-01-01", DayKind::Holiday, "Tết Dương lịch"),
                listed("2028-01-03", DayKind::SwapOff, "Nghỉ bù Tết Dương lịch"),
            ],
            &[2028],
        )
        .unwrap();
        assert_eq!(cal.known_years(), vec![2024, 2025, 2026, 2027, 2028]);
        // Fri 24/12/2027: Mon 27 – Fri 31/12 (1–5); Sat 01/01/2028 holiday, Sun 02,
        // Mon 03 nghỉ bù; Tue 04 (6), Wed 05 (7), Thu 06 (8), Fri 07 (9); Sat 08,
        // Sun 09 weekend; Mon 10 (10).
        assert_eq!(
            cal.add_working_days(d("2027-12-24"), 10),
            Ok(d("2028-01-10"))
        );
        // Sat 18/12/2027 + 14 = Sat 01/01/2028: rolls over Sun 02, Mon 03 to Tue 04.
        assert_eq!(cal.add_days(d("2027-12-18"), 14), Ok(d("2028-01-04")));
        assert_eq!(cal.is_working_day(d("2028-01-03")), Ok(false));
        assert_eq!(cal.is_working_day(d("2028-06-01")), Ok(true));
        assert_eq!(cal.day(d("2029-01-01")), Err(UnknownYear(2029)));
    }

    #[test]
    fn an_unknown_year_is_a_core_error_with_its_own_code() {
        let e: Error = UnknownYear(2028).into();
        assert_eq!(e.code(), "calendar_unknown_year");
        assert_eq!(e.field(), None);
        assert!(
            e.to_string()
                .starts_with("Lịch ngày làm việc chưa có năm 2028: chưa tính được thời hạn."),
            "{e}"
        );
    }

    #[test]
    fn a_year_without_working_days_ends_in_the_next_unknown_year() {
        let mut cal = Calendar::embedded();
        let every_day: Vec<CalendarDay> = (0..366)
            .map(|i| d("2028-01-01") + chrono::Duration::days(i))
            .map(|date| listed(&date.to_string(), DayKind::Holiday, "Nghỉ"))
            .collect();
        cal.extend(&every_day, &[2028]).unwrap();
        assert_eq!(
            cal.add_working_days(d("2027-12-31"), 1),
            Err(UnknownYear(2029))
        );
        assert_eq!(cal.add_days(d("2027-12-31"), 1), Err(UnknownYear(2029)));
    }

    #[test]
    fn an_administrator_can_add_and_replace_days() {
        let mut cal = Calendar::embedded();
        // Sat 06/06/2026 becomes a làm bù Saturday; Tue 24/11/2026 (Ngày Văn hóa Việt
        // Nam, if the law is amended) becomes a holiday.
        assert_eq!(cal.is_working_day(d("2026-06-06")), Ok(false));
        assert_eq!(cal.is_working_day(d("2026-11-24")), Ok(true));
        cal.extend(
            &[
                listed("2026-06-06", DayKind::SwapWork, "Làm bù"),
                listed(" 2026-11-24 ", DayKind::Holiday, "Ngày Văn hóa Việt Nam"),
                // Replaces the embedded row of the same date.
                listed("2027-02-04", DayKind::Holiday, "Tết Nguyên đán Đinh Mùi"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(cal.is_working_day(d("2026-06-06")), Ok(true));
        assert_eq!(cal.is_working_day(d("2026-11-24")), Ok(false));
        let info = cal.day(d("2026-11-24")).unwrap();
        assert_eq!(info.kind, Some(DayKind::Holiday));
        assert_eq!(info.name.as_deref(), Some("Ngày Văn hóa Việt Nam"));
        assert_eq!(
            cal.listed(2026).len(),
            Calendar::embedded().listed(2026).len() + 2
        );
        let feb4 = cal
            .listed(2027)
            .into_iter()
            .find(|day| day.date == "2027-02-04")
            .unwrap();
        assert_eq!(feb4.name, "Tết Nguyên đán Đinh Mùi");
        assert_eq!(
            cal.listed(2027).len(),
            Calendar::embedded().listed(2027).len()
        );
        // A swap_work row can undo an embedded day off: Fri 03/09/2027 becomes working.
        cal.extend(&[listed("2027-09-03", DayKind::SwapWork, "Đi làm")], &[])
            .unwrap();
        assert_eq!(cal.is_working_day(d("2027-09-03")), Ok(true));
        // The shipped calendar is untouched.
        assert_eq!(
            Calendar::embedded().is_working_day(d("2026-06-06")),
            Ok(false)
        );
    }

    #[test]
    fn bad_additions_change_nothing() {
        let mut cal = Calendar::embedded();
        let e = cal
            .extend(
                &[
                    listed("2026-06-06", DayKind::SwapWork, "Làm bù"),
                    listed("2026-02-30", DayKind::Holiday, "X"),
                ],
                &[2028],
            )
            .unwrap_err();
        assert_eq!(e.field(), Some("date"));
        assert!(e.to_string().contains("2026-02-30"), "{e}");
        let e = cal.extend(&[], &[1800]).unwrap_err();
        assert_eq!(e.field(), Some("year"));
        assert_eq!(cal.is_working_day(d("2026-06-06")), Ok(false));
        assert!(!cal.knows(2028));
    }

    #[test]
    fn listed_days_come_by_date() {
        let cal = Calendar::embedded();
        let days = cal.listed(2026);
        // 2026: 5 (Jan) + 9 (Tết) + 2 (Giỗ Tổ) + 2 (30/4–1/5) + 6 (QK incl. làm bù) = 24.
        assert_eq!(days.len(), 24);
        assert!(days.windows(2).all(|w| w[0].date < w[1].date));
        assert_eq!(days[0].date, "2026-01-01");
        assert!(cal.listed(2023).is_empty());
    }

    #[test]
    fn a_listing_has_every_day_of_the_range() {
        let cal = Calendar::embedded();
        // Mon 09/02 – Sun 01/03/2026: 21 days; working: 09–13 (5), 23–27 (5) = 10.
        let days = cal.days(d("2026-02-09"), d("2026-03-01")).unwrap();
        assert_eq!(days.len(), 21);
        assert_eq!(days.iter().filter(|day| day.working).count(), 10);
        assert_eq!(days[0].date, "2026-02-09");
        assert_eq!(days[20].date, "2026-03-01");
        assert_eq!(cal.days(d("2026-02-09"), d("2026-02-09")).unwrap().len(), 1);
        assert!(cal
            .days(d("2026-02-10"), d("2026-02-09"))
            .unwrap()
            .is_empty());
        let json = serde_json::to_value(&days[7]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "date": "2026-02-16",
                "weekday": "Thứ Hai",
                "working": false,
                "kind": "holiday",
                "name": "Tết Nguyên đán Bính Ngọ (29 tháng Chạp)"
            })
        );
    }
}
