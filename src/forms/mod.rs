//! The statutory forms as data (design.md, "Statutory forms as data"): each table of
//! Thông tư 06/2025/TT-TTCP and the Sổ tiếp công dân is defined once here, with its
//! header, its numbered columns and the formulas of its "MS" row, and computed from the
//! period's facts; every renderer (screen, CLI, xlsx, docx) draws this one definition.

mod checks;
pub(crate) mod compute;
mod def;
mod layout;
pub mod register;
mod table;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use table::*;

use crate::domain::Settings;
use crate::error::{Error, Result};
use crate::period::Period;
use crate::report::{self, PeriodReport};
use crate::store::{self, PeriodFacts, Store};

/// The first day of Thông tư 06/2025/TT-TTCP (Điều 11): periods ending before it were
/// reported on the tables of Thông tư 01/2024/TT-TTCP, which this build does not make.
pub const TT06_FROM: (i32, u32, u32) = (2025, 9, 30);

fn tt06_from() -> NaiveDate {
    let (y, m, d) = TT06_FROM;
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The figures of 02/XLD computed from a period's facts (the report's sentences quote
/// them), and how its column 1 is made up.
pub fn xld02_values(facts: &PeriodFacts) -> (Vec<f64>, compute::Column1) {
    let (computed, column1) = compute::xld02_parts(facts);
    let values = computed
        .values
        .into_iter()
        .map(|v| v.unwrap_or(0.0))
        .collect();
    (values, column1)
}

/// Refuse a period the six tables of TT 06/2025 do not cover.
pub fn check_regime(period: Period) -> Result<()> {
    if period.to < tt06_from() {
        return Err(Error::invalid(
            "period",
            format!(
                "Kỳ {} kết thúc trước ngày 30/9/2025: số liệu kỳ này được báo cáo theo các biểu của Thông tư 01/2024/TT-TTCP, phần mềm chỉ lập các biểu của Thông tư 06/2025/TT-TTCP (áp dụng từ 30/9/2025).",
                period.label()
            ),
        ));
    }
    Ok(())
}

/// Refuse the report (Mẫu số 02) of Quý II, III or IV: those quarters send the six tables
/// only (TT 06/2025/TT-TTCP, Điều 4 khoản 2); their figures are in the report of 6 tháng,
/// 9 tháng or năm. Any other range (a special or ad hoc report, Điều 5, 6) may have one.
pub fn check_report_period(period: Period) -> Result<()> {
    use crate::domain::ReportingPeriod as R;
    use chrono::Datelike;
    if period.to < tt06_from() {
        return Ok(());
    }
    let year = period.to.year();
    let within = [
        (R::Q2, R::SixMonths),
        (R::Q3, R::NineMonths),
        (R::Q4, R::Year),
    ];
    for (quarter, report) in within {
        if Period::reporting(quarter, year).ok() == Some(period) {
            let covering = Period::reporting(report, year)?;
            return Err(Error::invalid(
                "period",
                format!(
                    "Báo cáo {} chỉ gồm các biểu số liệu (Thông tư 06/2025/TT-TTCP, Điều 4 khoản 2): Mẫu số 02 lập cho báo cáo Quý I, 6 tháng, 9 tháng và năm. Số liệu của quý này nằm trong báo cáo {} ({} – {}).",
                    crate::report::document::period_title(period),
                    crate::report::document::period_title(covering),
                    covering.from.format("%d/%m/%Y"),
                    covering.to.format("%d/%m/%Y"),
                ),
            ));
        }
    }
    Ok(())
}

/// Everything one period's tables are computed from.
struct Inputs {
    period: Period,
    facts: PeriodFacts,
    report: PeriodReport,
    manual: BTreeMap<FormId, BTreeMap<u16, f64>>,
}

impl Inputs {
    fn load(store: &Store, period: Period, settings: &Settings) -> Result<Inputs> {
        let facts = store.period_facts(period)?;
        let report = report::compute(&facts, settings, &store.calendar()?, "trong kỳ");
        let mut manual = BTreeMap::new();
        for form in FormId::TABLES {
            manual.insert(
                form,
                store::manual_figures(store.conn(), form.code(), period)?,
            );
        }
        Ok(Inputs {
            period,
            facts,
            report,
            manual,
        })
    }

    /// The values of a table's row: computed, plus what was typed; and the issues.
    fn values(&self, form: FormId) -> (Vec<f64>, Vec<bool>, Vec<String>) {
        let computed = compute::compute(form, &self.facts, &self.report);
        let typed = &self.manual[&form];
        let values = computed
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let t = typed.get(&(i as u16 + 1)).copied().unwrap_or(0.0);
                v.unwrap_or(0.0) + t
            })
            .collect();
        let from_register = computed.values.iter().map(Option::is_some).collect();
        (values, from_register, computed.issues)
    }
}

fn unit_label(settings: &Settings) -> String {
    format!("UBND {}", settings.unit_name.trim())
}

/// The six tables of a period, each with the previous period's and the same period a
/// year before's figures beside, and every check (within and across tables).
pub fn statutory_tables(store: &Store, period: Period) -> Result<Vec<FormTable>> {
    store.require(crate::access::Permission::ViewTotals)?;
    check_regime(period)?;
    let settings = store.settings()?;
    let now = Inputs::load(store, period, &settings)?;
    let first = store.first_record_date()?;
    let recorded_by = |day| first.is_some_and(|f| f <= day);
    // A period under way is set beside as many first days of the others as have gone by
    // of it, as the report's sentence is (not their whole, every figure then "lower").
    let (before, year, so_far) = crate::report::compared_periods(period, store.today());
    // (Said only of a row the cut made shorter: March on the 30th beside all of February.)
    let name = |name: &str, cut: Period, whole: Period| match so_far {
        Some(days) if cut.to < whole.to => format!("{name}, cùng {days} ngày đầu"),
        _ => name.to_string(),
    };
    let others = [
        (
            name("Kỳ trước", before, period.previous()),
            Inputs::load(store, before, &settings)?,
            recorded_by(before.to),
        ),
        (
            name("Cùng kỳ năm trước", year, period.year_before()),
            Inputs::load(store, year, &settings)?,
            recorded_by(year.to),
        ),
    ];
    let mut tables: Vec<FormTable> = FormId::TABLES
        .iter()
        .map(|form| {
            let def = def::def(*form).expect("a table");
            let (rows, header, leaves) = layout::grid(def.header, true);
            let (values, from_register, issues) = now.values(*form);
            let columns = layout::columns(def, &leaves, &from_register);
            // A period before the register's first record has no figures (not zeros): its
            // row says so and has no values.
            let comparisons = others
                .iter()
                .map(|(name, inputs, recorded)| FormRow {
                    label: if *recorded {
                        format!("{name} ({})", inputs.period.label())
                    } else {
                        format!(
                            "{name} ({}; chưa có số liệu trên sổ)",
                            inputs.period.label()
                        )
                    },
                    period: inputs.period.to_range(),
                    values: if *recorded {
                        inputs.values(*form).0
                    } else {
                        Vec::new()
                    },
                })
                .collect();
            FormTable {
                form: *form,
                code: def.code.to_string(),
                title: def.title.to_string(),
                data_line: format!(
                    "Số liệu tính từ ngày {} đến ngày {}",
                    period.from.format("%d/%m/%Y"),
                    period.to.format("%d/%m/%Y")
                ),
                attached_line: attached_line(None, &settings),
                circular: "Thông tư 06/2025/TT-TTCP".to_string(),
                period: period.to_range(),
                header_rows: rows,
                header,
                note_label: format!("{}. Ghi chú:", columns.len() + 1),
                note: String::new(),
                checks: checks::table_checks(def, &values),
                row: FormRow {
                    label: unit_label(&settings),
                    period: period.to_range(),
                    values,
                },
                columns,
                comparisons,
                issues,
            }
        })
        .collect();
    cross_checks(&mut tables);
    let loaded: Vec<&Inputs> = others.iter().map(|(_, inputs, _)| inputs).collect();
    typed_checks(store, period, &settings, &now, &loaded, &mut tables)?;
    if let Some(lock) = store::lock_of(
        store.conn(),
        &period.from.to_string(),
        &period.to.to_string(),
    )? {
        mark_sent(
            &mut tables,
            &lock,
            &store::lock_figures(store.conn(), &lock.id)?,
            &settings,
        );
    }
    Ok(tables)
}

/// Notes on the figures typed by hand (never blocking: the register cannot know them):
/// - a table with typed columns, none typed for this period, while some were typed for a
///   period inside it (a quarter of a 6-month report): they are not added up by
///   themselves (the "phải thi hành, phải thu" columns hold what the period before left,
///   which a sum would count twice), so the period's own must be typed;
/// - 05/KQTH columns (1) and (16) hold the decisions and conclusions the previous period
///   left unfinished (its (1) − (2), (16) − (17): the table's note, "bao gồm số quyết định
///   chưa thực hiện xong của kỳ báo cáo trước chuyển sang"), typed here beside those issued
///   in the period, which the register counts: said when the typed part differs.
fn typed_checks(
    store: &Store,
    period: Period,
    settings: &crate::domain::Settings,
    now: &Inputs,
    others: &[&Inputs],
    tables: &mut [FormTable],
) -> Result<()> {
    let note = |rule: &str, message: String| Check {
        rule: rule.to_string(),
        ok: false,
        message,
        blocking: false,
    };
    for table in tables.iter_mut() {
        let typed_columns = table.columns.iter().any(|c| c.source != Source::Register);
        if !typed_columns || !now.manual[&table.form].is_empty() {
            continue;
        }
        let inside = store::typed_periods_within(store.conn(), table.form.code(), period)?;
        if inside.is_empty() {
            continue;
        }
        let named: Vec<String> = inside
            .iter()
            .filter_map(|(from, to)| Period::parse(from, to).ok())
            .map(|p| {
                let title = crate::report::document::period_title(p);
                if title.starts_with("từ ngày") {
                    title
                } else {
                    format!("{title} ({})", p.label())
                }
            })
            .collect();
        // Why a sum would be wrong, where a table's columns carry the period before.
        let why = match table.form {
            FormId::Kqth05 => " (các cột phải thi hành, phải thu, phải trả gồm cả phần kỳ trước chuyển sang: cộng lại thì tính hai lần)",
            FormId::Qlkntc06 => " (số cuộc thanh tra, số kết luận thanh tra phải thực hiện gồm cả phần kỳ trước chuyển sang: cộng lại thì tính hai lần)",
            _ => "",
        };
        table.checks.push(note(
            "Số liệu nhập tay của kỳ",
            format!(
                "Biểu {}: chưa nhập các cột nhập tay cho kỳ này, dù đã nhập cho {}. Số liệu của các kỳ ấy không tự cộng vào kỳ này{why}: nhập cho cả kỳ.",
                table.code,
                named.join(", ")
            ),
        ));
    }
    // The period before: the one typed for 05/KQTH that ends the day before this one
    // begins (the quarter before a quarter, a 6-month or 9-month report; the shortest).
    let Some(before) = period
        .from
        .pred_opt()
        .map(|day| store::typed_period_ending(store.conn(), FormId::Kqth05.code(), day))
        .transpose()?
        .flatten()
    else {
        return Ok(());
    };
    let (was, _, _) = match others.iter().find(|o| o.period == before) {
        Some(inputs) => inputs.values(FormId::Kqth05),
        None => Inputs::load(store, before, settings)?.values(FormId::Kqth05),
    };
    let col = |v: &[f64], no: usize| v.get(no - 1).copied().unwrap_or(0.0);
    let typed = &now.manual[&FormId::Kqth05];
    let table = tables
        .iter_mut()
        .find(|t| t.form == FormId::Kqth05)
        .expect("05/KQTH");
    for (total, done, what) in [(1, 2, "quyết định"), (16, 17, "kết luận")] {
        let left = (col(&was, total) - col(&was, done)).max(0.0);
        let carried = typed.get(&(total as u16)).copied().unwrap_or(0.0);
        if (left - carried).abs() > 1e-6 {
            table.checks.push(note(
                &format!("({total}) gồm phần kỳ trước chuyển sang"),
                format!(
                    "Biểu 05/KQTH: kỳ trước ({}) còn {} {what} chưa thực hiện xong (cột ({total}) {} − cột ({done}) {}); cột ({total}) kỳ này gồm số ấy, nhưng phần nhập tay là {}.",
                    before.label(),
                    format_value(left),
                    format_value(col(&was, total)),
                    format_value(col(&was, done)),
                    format_value(carried)
                ),
            ));
        }
    }
    Ok(())
}

/// The checks across tables (forms.md §8), added to the table they concern.
fn cross_checks(tables: &mut [FormTable]) {
    let by = |id: FormId, t: &[FormTable]| t.iter().position(|x| x.form == id).expect("table");
    let (xld, gqkn, gqtc, kqth) = (
        by(FormId::Xld02, tables),
        by(FormId::Gqkn03, tables),
        by(FormId::Gqtc04, tables),
        by(FormId::Kqth05, tables),
    );
    let c = checks::across(&tables[gqkn], 1, &tables[xld], 6, false, true);
    tables[gqkn].checks.push(c);
    let c = checks::across(&tables[gqtc], 1, &tables[xld], 12, false, true);
    tables[gqtc].checks.push(c);
    let c = checks::across(&tables[kqth], 1, &tables[gqkn], 7, true, true);
    tables[kqth].checks.push(c);
    let c = checks::across(&tables[kqth], 16, &tables[gqtc], 7, true, true);
    tables[kqth].checks.push(c);
    // Not stated in the circular: decisions of the period were mostly on accepted cases.
    // A decision on a complaint accepted in an earlier period is in (7) but not in (4)
    // (column 1 holds the complaints received or carried over unreviewed): a note, not
    // an error.
    let mut c = checks::across(&tables[gqkn], 4, &tables[gqkn], 7, true, false);
    if !c.ok {
        c.message = format!(
            "Không phải lỗi nếu đúng như vậy: cột (7) là {} quyết định, nhiều hơn {} vụ việc đã thụ lý ở cột (4): đúng khi các quyết định còn lại giải quyết khiếu nại đã thụ lý từ kỳ trước; nếu không, kiểm tra lại ngày thụ lý và ngày ban hành quyết định của các đơn.",
            table::format_value(tables[gqkn].value(7)),
            table::format_value(tables[gqkn].value(4))
        );
    }
    tables[gqkn].checks.push(c);
}

/// One table of a period (computed with the others, for the checks across tables).
pub fn statutory_table(store: &Store, form: FormId, period: Period) -> Result<FormTable> {
    store.require(crate::access::Permission::ViewTotals)?;
    statutory_tables(store, period)?
        .into_iter()
        .find(|t| t.form == form)
        .ok_or_else(|| {
            Error::invalid(
                "form",
                format!("{} không phải một biểu số liệu.", form.label()),
            )
        })
}

/// A report's number as the office writes it: "25" gets its symbol ("25/BC-UBND"), a
/// whole "25/BC-UBND" keeps its own; `None` when nothing is typed.
pub fn report_number(no: Option<&str>) -> Option<String> {
    match no.map(str::trim).filter(|s| !s.is_empty()) {
        Some(no) if no.contains('/') => Some(no.to_string()),
        Some(no) => Some(format!("{no}/BC-UBND")),
        None => None,
    }
}

/// "Số báo cáo" as typed (for a lock, the Word report, the tables' "Kèm theo" line):
/// tidied as every text (no control characters, no line breaks, at most 100 characters),
/// and shaped as a number: a digit in it, no "/" at either end. `None` when nothing is
/// typed.
pub fn tidy_report_no(no: Option<&str>) -> Result<Option<String>> {
    let tidied = crate::text::tidy_optional(
        "report_no",
        crate::text::line("Số báo cáo", crate::text::limits::DOC_NO),
        &no.map(str::to_string),
    )?;
    if let Some(t) = &tidied {
        if !t.chars().any(|c| c.is_ascii_digit()) || t.starts_with('/') || t.ends_with('/') {
            return Err(Error::invalid(
                "report_no",
                format!(
                    "Số báo cáo: “{t}” không phải một số báo cáo. Ghi số (ví dụ 25), hoặc cả số và ký hiệu (25/BC-UBND)."
                ),
            ));
        }
    }
    Ok(tidied)
}

/// "(Kèm theo Báo cáo số: 25/BC-UBND, ngày … tháng … năm … của UBND phường …)", with
/// room left for a number not known.
fn attached_line(no: Option<&str>, settings: &Settings) -> String {
    format!(
        "(Kèm theo Báo cáo số: {}, ngày … tháng … năm … của {})",
        report_number(no).unwrap_or_else(|| "…".into()),
        unit_label(settings)
    )
}

/// The number a period's files carry: a locked period's is the one it was sent with
/// (another typed is refused, the same or none is fine); otherwise the one typed, if any.
pub fn report_number_for(
    store: &Store,
    period: Period,
    typed: Option<&str>,
) -> Result<Option<String>> {
    let typed = report_number(typed);
    let lock = store::lock_of(
        store.conn(),
        &period.from.to_string(),
        &period.to.to_string(),
    )?;
    match (lock.and_then(|l| report_number(l.report_no.as_deref())), typed) {
        (Some(sent), Some(typed)) if sent != typed => Err(Error::invalid(
            "report_no",
            format!(
                "Số báo cáo: kỳ này đã khóa khi gửi báo cáo số {sent}; các tệp của kỳ ghi số ấy. Bỏ trống số báo cáo, hoặc ghi {sent}."
            ),
        )),
        (Some(sent), _) => Ok(Some(sent)),
        (None, typed) => Ok(typed),
    }
}

/// The tables sent with the report numbered `no` say so on their "Kèm theo" line (a
/// locked period's, the number it was sent with: [`report_number_for`]).
pub fn attach_to_report(
    store: &Store,
    period: Period,
    tables: &mut [FormTable],
    no: Option<&str>,
) -> Result<()> {
    if let Some(number) = report_number_for(store, period, no)? {
        let settings = store.settings()?;
        for t in tables {
            t.attached_line = attached_line(Some(&number), &settings);
        }
    }
    Ok(())
}

/// For a locked period: the number of the report it was sent with, and each figure of
/// `tables` that differs from what was sent ("Biểu 01/TCD cột (2): 106 → 105").
pub fn as_sent(
    store: &Store,
    period: Period,
    tables: &[FormTable],
) -> Result<Option<(store::PeriodLock, Vec<String>)>> {
    let Some(lock) = store::lock_of(
        store.conn(),
        &period.from.to_string(),
        &period.to.to_string(),
    )?
    else {
        return Ok(None);
    };
    let sent = store::lock_figures(store.conn(), &lock.id)?;
    let differences = tables
        .iter()
        .flat_map(|t| {
            sent_differences(&sent, t)
                .into_iter()
                .map(|d| format!("Biểu {} {d}", t.code))
                .collect::<Vec<_>>()
        })
        .collect();
    Ok(Some((lock, differences)))
}

/// A locked period's tables say the report they were sent with, and, in their note row,
/// each figure that differs from what was sent (a record of the period changed since,
/// reported as an adjustment in the next period's report): a file made again after the
/// lock is never mistaken for the one filed.
fn mark_sent(
    tables: &mut [FormTable],
    lock: &store::PeriodLock,
    sent: &serde_json::Value,
    settings: &Settings,
) {
    let locked_on = locked_day(lock);
    for table in tables {
        if report_number(lock.report_no.as_deref()).is_some() {
            table.attached_line = attached_line(lock.report_no.as_deref(), settings);
        }
        let changed = sent_differences(sent, table);
        table.note = if changed.is_empty() {
            format!("Số liệu như bản đã gửi khi khóa kỳ ngày {locked_on}.")
        } else {
            format!(
                "Số liệu đã thay đổi sau khi khóa kỳ ngày {locked_on} (bản đã gửi → nay): {}. Thay đổi được báo cáo là điều chỉnh số liệu kỳ trước trong báo cáo kỳ sau.",
                changed.join("; ")
            )
        };
    }
}

/// The day (the office's time) a period was locked: "03/12/2026".
pub fn locked_day(lock: &store::PeriodLock) -> String {
    chrono::DateTime::parse_from_rfc3339(&lock.locked_at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .date_naive()
                .format("%d/%m/%Y")
                .to_string()
        })
        .unwrap_or_else(|_| lock.locked_at.clone())
}

/// "cột (2): 106 → 105" for each figure of `table` that differs from the one a lock kept
/// (`sent`: table code → the values of its row).
fn sent_differences(sent: &serde_json::Value, table: &FormTable) -> Vec<String> {
    let before: Vec<f64> = sent
        .get(&table.code)
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    table
        .row
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, now)| {
            let was = before.get(i).copied().unwrap_or(0.0);
            ((was - now).abs() > 1e-9).then(|| {
                format!(
                    "cột ({}): {} → {}",
                    i + 1,
                    format_value(was),
                    format_value(*now)
                )
            })
        })
        .collect()
}

/// What changed in a locked period after its report was sent, as the next report shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Adjustment {
    /// "Quý III năm 2026".
    pub label: String,
    pub from: String,
    pub to: String,
    pub locked_at: String,
    /// Changes of records dated inside it, recorded during the report's period.
    pub changes: u32,
    /// "Biểu 01/TCD cột (1): 20 → 21", for every figure that differs from what was sent.
    pub differences: Vec<String>,
}

/// The adjustments a report of `period` shows: for each locked period that ended before
/// it, the changes of its records made during `period`, and how its figures now differ
/// from those sent ("điều chỉnh số liệu kỳ trước").
pub fn adjustments(store: &Store, period: Period) -> Result<Vec<Adjustment>> {
    let conn = store.conn();
    let mut out = Vec::new();
    for lock in store::all_locks(conn)? {
        if lock.to >= period.from.to_string() {
            continue;
        }
        let changes = store::adjustments_made(conn, &lock.id, period)?;
        if changes == 0 {
            continue;
        }
        let locked = Period::parse(&lock.from, &lock.to)?;
        let sent = store::lock_figures(conn, &lock.id)?;
        let mut differences = Vec::new();
        for table in statutory_tables(store, locked)? {
            differences.extend(
                sent_differences(&sent, &table)
                    .into_iter()
                    .map(|d| format!("Biểu {} {d}", table.code)),
            );
        }
        out.push(Adjustment {
            label: lock.label,
            from: lock.from,
            to: lock.to,
            locked_at: lock.locked_at,
            changes,
            differences,
        });
    }
    Ok(out)
}

/// Refuse to write a table whose checks fail: the message lists every failure.
pub fn ensure_sendable(tables: &[FormTable]) -> Result<()> {
    let mut failures: Vec<String> = Vec::new();
    for t in tables {
        failures.extend(t.issues.iter().cloned());
        failures.extend(
            t.checks
                .iter()
                .filter(|c| c.blocking && !c.ok)
                .map(|c| c.message.clone()),
        );
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Error::FormCheck(format!(
            "Số liệu chưa khớp theo Thông tư 06/2025/TT-TTCP (chưa gửi được: chưa xuất tệp, chưa khóa kỳ). {}",
            failures.join(" ")
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every column number a definition states is the position it is drawn at, and every
    /// column the register does not compute is typed by hand.
    #[test]
    fn definitions_number_their_columns_as_the_circular() {
        for form in FormId::TABLES {
            let d = def::def(form).unwrap();
            let (_, cells, leaves) = layout::grid(d.header, true);
            let expected = match form {
                FormId::Tcd01 => 21,
                FormId::Xld02 => 25,
                FormId::Gqkn03 => 23,
                FormId::Gqtc04 => 25,
                FormId::Kqth05 => 31,
                _ => 17,
            };
            assert_eq!(leaves.len(), expected, "{}", d.code);
            for (i, leaf) in leaves.iter().enumerate() {
                assert!(
                    leaf.declared == 0 || usize::from(leaf.declared) == i + 1,
                    "{} column {} is drawn at {}",
                    d.code,
                    leaf.declared,
                    i + 1
                );
            }
            // Every grid cell lies inside the grid and no two overlap.
            let rows = cells.iter().map(|c| c.row + c.rows).max().unwrap();
            let mut taken = vec![vec![false; expected + 1]; usize::from(rows)];
            for c in &cells {
                for r in c.row..c.row + c.rows {
                    for k in c.col..c.col + c.cols {
                        let slot = &mut taken[usize::from(r)][usize::from(k)];
                        assert!(!*slot, "{}: overlap at {r},{k}", d.code);
                        *slot = true;
                    }
                }
            }
            assert!(
                taken.iter().all(|r| r.iter().all(|t| *t)),
                "{}: holes",
                d.code
            );
        }
    }
}
