//! What the law decides by date: which regime applies to a case, the working-day
//! calendar, and the deadlines counted on it.
//!
//! Everything here is a pure function of dates and tables (no storage, no clock), and
//! each module is tested with tables of cases whose expected dates are worked out by
//! hand in the test comments.

pub mod calendar;
pub mod counting;
pub mod deadlines;
pub mod lifecycle;
pub mod regime;
