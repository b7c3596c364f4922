//! "Today" comes from an injectable clock, so no test depends on the date it runs.

use chrono::{Local, NaiveDate};

pub trait Clock: Send + Sync {
    fn today(&self) -> NaiveDate;
}

/// The computer's local date (the office's time zone).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A fixed date, for tests and reproducible runs.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub NaiveDate);

impl Clock for FixedClock {
    fn today(&self) -> NaiveDate {
        self.0
    }
}
