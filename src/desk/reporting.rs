//! The report writer's actions: type the figures the register does not hold, lock a
//! period once its report is sent.

use crate::access::Permission;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

use crate::domain::ChangeAction;
use crate::error::{Error, Result};
use crate::forms::{self, FormId, Source};
use crate::period::Period;
use crate::store::{self, PeriodLock, Store};
use crate::text::{limits, line};

/// A figure of a table typed by hand for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ManualFigure {
    pub column: u16,
    /// What is typed ("Số quyết định kỳ trước chuyển sang").
    pub label: String,
    /// "Trđ", "m2", or none for a count (a whole number).
    pub unit: Option<String>,
    pub value: Option<f64>,
}

/// The largest figure accepted (a typing slip of a few extra digits is caught).
const MAX_FIGURE: f64 = 1e12;
/// `MAX_FIGURE` as the officer writes it.
const MAX_FIGURE_TEXT: &str = "1.000.000.000.000";

fn record_id(form: FormId, period: Period) -> String {
    format!("{}:{}:{}", form.code(), period.from, period.to)
}

impl Store {
    /// The figures of `form` typed for `period`, one per column the register does not
    /// hold (empty for a table computed whole).
    pub fn manual_figures(&self, form: FormId, period: Period) -> Result<Vec<ManualFigure>> {
        self.require(crate::access::Permission::ViewTotals)?;
        let table = forms::statutory_table(self, form, period)?;
        let typed = store::manual_figures(self.conn(), form.code(), period)?;
        Ok(table
            .columns
            .iter()
            .filter(|c| c.source != Source::Register)
            .map(|c| ManualFigure {
                column: c.no,
                label: c.manual_label.clone().unwrap_or_else(|| c.path.clone()),
                unit: c.unit.clone(),
                value: typed.get(&c.no).copied(),
            })
            .collect())
    }

    /// Save the typed figures of `form` for `period` (a column left empty is removed),
    /// with the same checks for every figure: a column typed by hand, a number not
    /// negative, a count whole. Recorded in the history; inside a locked period it is an
    /// adjustment.
    pub fn save_manual_figures(
        &mut self,
        form: FormId,
        period: Period,
        values: &[ManualFigure],
    ) -> Result<Vec<ManualFigure>> {
        self.require(Permission::Report)?;
        forms::check_regime(period)?;
        let allowed = self.manual_figures(form, period)?;
        let mut new: BTreeMap<u16, f64> = BTreeMap::new();
        for v in values {
            let field = format!("column_{}", v.column);
            let Some(slot) = allowed.iter().find(|a| a.column == v.column) else {
                return Err(Error::invalid(
                    field,
                    format!(
                        "Cột ({}) của {} do phần mềm tính từ sổ, không nhập tay.",
                        v.column,
                        form.label()
                    ),
                ));
            };
            let Some(value) = v.value else { continue };
            if !value.is_finite() || value < 0.0 {
                return Err(Error::invalid(
                    field,
                    format!("{}: nhập một số không âm.", slot.label),
                ));
            }
            if value > MAX_FIGURE {
                return Err(Error::invalid(
                    field,
                    format!("{}: số quá lớn (tối đa {MAX_FIGURE_TEXT}).", slot.label),
                ));
            }
            if slot.unit.is_none() && value.fract() != 0.0 {
                return Err(Error::invalid(
                    field,
                    format!("{}: là số đếm, nhập số nguyên.", slot.label),
                ));
            }
            new.insert(v.column, value);
        }
        self.write(Permission::Report, |tx| {
            let conn = tx.conn();
            let old = store::manual_figures(conn, form.code(), period)?;
            if old == new {
                return Ok(());
            }
            store::write_manual_figures(conn, form.code(), period, &new)?;
            let map = |m: &BTreeMap<u16, f64>| {
                Value::Object(
                    m.iter()
                        .map(|(k, v)| (format!("cot_{k}"), json!(v)))
                        .collect(),
                )
            };
            tx.change(
                ChangeAction::Update,
                "manual_figures",
                &record_id(form, period),
                Some(map(&old)),
                Some(map(&new)),
                Some(format!("{}, kỳ {}", form.label(), period.label())),
            )
        })?;
        self.manual_figures(form, period)
    }

    /// Every locked period.
    pub fn period_locks(&self) -> Result<Vec<PeriodLock>> {
        self.require(crate::access::Permission::ViewTotals)?;
        store::all_locks(self.conn())
    }

    /// The locked periods that hold `date` (the desk warns before changing a record there).
    pub fn locks_covering(&self, date: &str) -> Result<Vec<PeriodLock>> {
        self.require(crate::access::Permission::ViewTotals)?;
        let day = crate::validate::parse_date("date", "Ngày", date)?;
        store::locks_covering(self.conn(), &day.to_string())
    }

    /// Lock a period when its report is sent: its tables' figures as sent are kept, and
    /// any later change of a record dated inside it is an adjustment the next report
    /// shows. Refused when the tables do not pass their checks.
    pub fn lock_period(
        &mut self,
        period: Period,
        label: &str,
        report_no: Option<&str>,
    ) -> Result<PeriodLock> {
        self.require(Permission::Report)?;
        // A period is locked when its report is sent, after its cut-off day: until that
        // day is over, records still come in and would all become "adjustments".
        if period.to >= self.today() {
            return Err(Error::invalid(
                "period",
                format!(
                    "Kỳ này chưa hết: số liệu tính đến hết ngày {}. Chỉ khóa kỳ từ ngày sau ngày chốt số liệu, khi đã gửi báo cáo.",
                    period.to.format("%d/%m/%Y")
                ),
            ));
        }
        // The figures kept and the lock are one transaction, IMMEDIATE from the first
        // read: a record saved meanwhile is in the figures or an adjustment, never lost
        // between the two.
        self.begin_bulk()?;
        let locked = self.lock_now(period, label, report_no);
        self.end_bulk(locked.is_ok())?;
        locked
    }

    /// Compute again, from the records, every value kept for the reports and the
    /// dashboard: each open petition's next due day and carry (schemas 7, 8) and each
    /// day's counters (schema 10). The one write path keeps them; this is the repair when
    /// `tiepdan check` finds a kept value that differs from a recount (a file edited
    /// outside the app). The search indexes' big segments are lifted too (a register
    /// imported by a version that left them where desk saves merge them). Returns how
    /// many open petitions and days were computed.
    pub fn rebuild_kept(&mut self) -> Result<(u32, u32)> {
        self.write(Permission::Backup, |tx| {
            store::forget_kept(tx.conn())?;
            store::settle_big_segments(tx.conn())
        })?;
        let open = self.open_petition_count()?;
        let days: u32 = self
            .conn()
            .query_row("SELECT count(*) FROM day_counts", [], |r| r.get(0))?;
        Ok((open, days))
    }

    /// Compute again the values kept for the reports when another version's rules, or
    /// settings or a calendar changed outside the app, computed them (the first start after
    /// an update): the app does this as it opens the register, so the first desk save is
    /// not the one that waits (8.9 s for a city's register), and reports read the kept
    /// values from the start. No one is signed in yet: nothing of the records changes, so
    /// nothing enters the history. A read-only register is left as it is, and so is one
    /// another program is writing (an import): reports are right without the kept values,
    /// and nobody waits for them (the next save computes them). Returns whether anything
    /// was computed.
    pub fn refresh_stale_kept(&mut self) -> Result<bool> {
        if self.is_read_only() || store::kept_fresh(self.conn())? {
            return Ok(false);
        }
        let conn = self.conn_mut();
        conn.busy_timeout(std::time::Duration::from_millis(200))?;
        let done = match conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy =>
            {
                Ok(false)
            }
            Err(e) => Err(e.into()),
            Ok(tx) => store::refresh_kept(&tx)
                .and_then(|()| tx.commit().map_err(Into::into))
                .map(|()| true),
        };
        self.conn_mut().busy_timeout(store::BUSY_TIMEOUT)?;
        done
    }

    fn lock_now(
        &mut self,
        period: Period,
        label: &str,
        report_no: Option<&str>,
    ) -> Result<PeriodLock> {
        let tables = forms::statutory_tables(self, period)?;
        forms::ensure_sendable(&tables)?;
        let (from, to) = (period.from.to_string(), period.to.to_string());
        if let Some(l) = store::lock_of(self.conn(), &from, &to)? {
            return Err(Error::invalid(
                "period",
                format!(
                    "Kỳ {} đã khóa ngày {}.",
                    l.label,
                    chrono::DateTime::parse_from_rfc3339(&l.locked_at)
                        .map(|t| t
                            .with_timezone(&chrono::Local)
                            .format("%d/%m/%Y")
                            .to_string())
                        .unwrap_or_else(|_| l.locked_at.clone())
                ),
            ));
        }
        let figures = Value::Object(
            tables
                .iter()
                .map(|t| (t.code.clone(), json!(t.row.values)))
                .collect(),
        );
        let label = crate::text::tidy("label", line("Tên kỳ", limits::LABEL), label)?
            .unwrap_or_else(|| default_lock_label(period));
        let report_no = forms::tidy_report_no(report_no)?;
        let report_no = report_no.as_deref();
        let id = store::new_id();
        self.write(Permission::Report, |tx| {
            store::insert_lock(
                tx.conn(),
                &id,
                &from,
                &to,
                &label,
                report_no,
                &tx.at,
                tx.actor,
                &figures,
            )?;
            tx.change(
                ChangeAction::Create,
                "period_locks",
                &id,
                None,
                Some(json!({"from": from, "to": to, "label": label, "report_no": report_no})),
                Some(format!("Khóa số liệu kỳ {label}")),
            )
        })?;
        store::lock_of(self.conn(), &from, &to)?.ok_or_else(|| Error::not_found("kỳ đã khóa", id))
    }
}

/// A lock's name when none is given: the reporting period's ("Quý III năm 2026", "Năm
/// 2026"), else its dates.
fn default_lock_label(period: Period) -> String {
    let title = crate::report::document::period_title(period);
    if title.starts_with("từ ngày") {
        return period.label();
    }
    let mut chars = title.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
