//! A file of the office, end to end: what it holds is read from the register (quickly,
//! while the register is held), then rendered and written whole (without holding it).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::forms::{self, FormId, FormTable, RegisterBook};
use crate::period::Period;
use crate::report::document::ReportDocument;
use crate::store::Store;

use super::Progress;

/// A file written by an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportDone {
    /// Its full path.
    pub path: String,
    /// The folder it is in.
    pub folder: String,
}

/// How far an export is (the "export-progress" event).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// Write `bytes` under `name` in `folder` (created if missing), never over a file nor the
/// register's own: "name (2).ext" if taken.
pub fn write_new(folder: &Path, name: &str, register: &Path, bytes: &[u8]) -> Result<ExportDone> {
    std::fs::create_dir_all(folder).map_err(|e| {
        Error::invalid(
            "folder",
            format!(
                "Không tạo được thư mục xuất tệp {}: {e}. Chọn thư mục khác trong Cài đặt.",
                folder.display()
            ),
        )
    })?;
    // Two exports at once may find the same free name: the second takes the next one.
    loop {
        let path = free_path(folder, name);
        // "Exists" is left to the exclusive write below: the name may be taken between.
        super::check_target(&path, Some(register), true)?;
        match super::write_whole_new(&path, bytes) {
            Err(e) if super::name_taken(&e) => continue,
            Err(e) => return Err(e),
            Ok(()) => {
                return Ok(ExportDone {
                    path: path.display().to_string(),
                    folder: folder.display().to_string(),
                })
            }
        }
    }
}

/// What a file holds, read from the register.
#[derive(Debug, Clone)]
pub enum Prepared {
    Tables(Vec<FormTable>),
    Register(RegisterBook),
    Report(Box<ReportDocument>),
}

/// Read what a file of `form` for `period` holds. A table, the six tables and the report
/// are refused (with every failure named) when the tables fail a check the circular
/// states: the report quotes the tables.
/// `full`: the Sổ with every denunciator's name (a leader's choice); otherwise masked.
/// The export is recorded in the audit history (what, which period, in full or not).
pub fn prepare(
    store: &mut Store,
    form: FormId,
    period: Period,
    report_no: Option<&str>,
    full: bool,
) -> Result<Prepared> {
    let prepared = read(store, form, period, report_no, full)?;
    record(store, form, period, full)?;
    Ok(prepared)
}

/// The reading half of [`prepare`], on any handle of the register (the window reads on a
/// second one, [`Store::reader`], so its other commands are not kept waiting): the right
/// to export is checked, nothing is written. [`record`] must follow on the handle that
/// writes once the file is to be made.
pub fn read(
    store: &Store,
    form: FormId,
    period: Period,
    report_no: Option<&str>,
    full: bool,
) -> Result<Prepared> {
    store.require(crate::access::Permission::Export)?;
    prepare_unrecorded(store, form, period, report_no, full)
}

/// Refuse to record (and so to write) an export read by another account than the one now
/// signed in on `store` (`reader`: the reading account's id): signed out and in again while
/// the figures were read, the file would be recorded under the wrong name.
pub fn same_account(store: &Store, reader: Option<&str>) -> Result<()> {
    if store.user().map(|u| u.id).as_deref() != reader {
        return Err(Error::SignInRequired(
            "Tài khoản đăng nhập đã đổi trong lúc đọc số liệu để xuất tệp: tệp không được ghi; hãy xuất lại.".into(),
        ));
    }
    Ok(())
}

/// The writing half of [`prepare`]: the export in the audit history.
pub fn record(store: &mut Store, form: FormId, period: Period, full: bool) -> Result<()> {
    store.record_export(
        &format!("{} {}", form_label(form), period.label()),
        full && form == FormId::So,
    )
}

fn form_label(form: FormId) -> &'static str {
    match form {
        FormId::So => "Sổ tiếp công dân",
        FormId::Report => "Báo cáo (Mẫu 02)",
        FormId::AllTables => "Sáu biểu thống kê",
        _ => "Biểu thống kê",
    }
}

fn prepare_unrecorded(
    store: &Store,
    form: FormId,
    period: Period,
    report_no: Option<&str>,
    full: bool,
) -> Result<Prepared> {
    // Every file names the unit at its head ("ỦY BAN NHÂN DÂN PHƯỜNG …", "Đơn vị"): a
    // register that was never named would print a heading with a gap.
    if !crate::desk::settings::is_named(&store.settings()?.unit_name) {
        return Err(Error::invalid(
            "unit_name",
            "Chưa có tên đơn vị: đặt tên phường, xã trong Cài đặt (ô Tên đơn vị; dòng lệnh: tiepdan init --unit-name …) trước khi xuất tệp.",
        ));
    }
    refuse_not_begun(period, store.today())?;
    let report_no = forms::tidy_report_no(report_no)?;
    let report_no = report_no.as_deref();
    match form {
        FormId::So => Ok(Prepared::Register(forms::register::register_book_with(
            store, period, full,
        )?)),
        FormId::Report => {
            forms::check_report_period(period)?;
            forms::ensure_sendable(&forms::statutory_tables(store, period)?)?;
            Ok(Prepared::Report(Box::new(
                crate::report::mau02::report_document(store, period, store.today(), report_no)?,
            )))
        }
        FormId::AllTables => {
            let mut tables = forms::statutory_tables(store, period)?;
            forms::ensure_sendable(&tables)?;
            forms::attach_to_report(store, period, &mut tables, report_no)?;
            Ok(Prepared::Tables(tables))
        }
        one => {
            let table = forms::statutory_table(store, one, period)?;
            forms::ensure_sendable(std::slice::from_ref(&table))?;
            let mut tables = vec![table];
            forms::attach_to_report(store, period, &mut tables, report_no)?;
            Ok(Prepared::Tables(tables))
        }
    }
}

/// The bytes of the file.
pub fn render(prepared: &Prepared, progress: &Progress) -> Result<Vec<u8>> {
    match prepared {
        Prepared::Tables(tables) => super::tables_xlsx(tables, progress),
        Prepared::Register(book) => super::register_xlsx(book, progress),
        Prepared::Report(doc) => {
            progress.step(0, 1)?;
            let bytes = super::report_docx(doc)?;
            progress.step(1, 1)?;
            Ok(bytes)
        }
    }
}

/// "xlsx" or "docx".
pub fn extension(form: FormId) -> &'static str {
    if form == FormId::Report {
        "docx"
    } else {
        "xlsx"
    }
}

/// A file name that says what and when, in plain letters any system keeps:
/// "Bieu-01-TCD_15-09-2026_14-12-2026.xlsx".
pub fn file_name(form: FormId, period: Period) -> String {
    file_name_of(form, period, false)
}

/// [`file_name`]; the full Sổ (denunciators named) says so in its name, so it is never
/// mistaken for the masked one ("…_BAN-DAY-DU-MAT.xlsx").
pub fn file_name_of(form: FormId, period: Period, full: bool) -> String {
    let what = match form {
        FormId::So if full => "So-tiep-cong-dan_BAN-DAY-DU-MAT".to_string(),
        FormId::So => "So-tiep-cong-dan".to_string(),
        FormId::AllTables => "Bieu-so-lieu-TT06".to_string(),
        FormId::Report => "Bao-cao-Mau-02".to_string(),
        table => format!("Bieu-{}", table.code().to_uppercase()),
    };
    format!(
        "{what}_{}_{}.{}",
        period.from.format("%d-%m-%Y"),
        period.to.format("%d-%m-%Y"),
        extension(form)
    )
}

/// `name` in `dir`, or "name (2).ext", "name (3).ext"… if taken: an export never
/// replaces a file.
pub fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..)
        .map(|i| {
            if ext.is_empty() {
                dir.join(format!("{stem} ({i})"))
            } else {
                dir.join(format!("{stem} ({i}).{ext}"))
            }
        })
        .find(|p| !p.exists())
        .expect("a free name")
}

/// Write a file of `form` for `period` at `out` (the CLI): never onto the register's own
/// file, never over an existing file unless `force`.
#[allow(clippy::too_many_arguments)]
pub fn export_to(
    store: &mut Store,
    form: FormId,
    period: Period,
    out: &Path,
    force: bool,
    report_no: Option<&str>,
    full: bool,
    progress: &Progress,
) -> Result<()> {
    super::check_target(out, store.path().as_deref(), force)?;
    check_extension(form, out)?;
    let prepared = prepare(store, form, period, report_no, full)?;
    let bytes = render(&prepared, progress)?;
    write_out(out, &bytes, force)
}

/// A period that has not begun has nothing to file: its report would be dated before it
/// and set zeros against the previous period. Refused for every file, as the screen
/// says "Kỳ này chưa bắt đầu".
fn refuse_not_begun(period: Period, today: chrono::NaiveDate) -> Result<()> {
    if period.from > today {
        return Err(Error::invalid(
            "period",
            format!(
                "Kỳ {} chưa bắt đầu (từ ngày {}; hôm nay {}): chưa có số liệu để xuất tệp.",
                period.label(),
                period.from.format("%d/%m/%Y"),
                today.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// A file named for another format (an Excel workbook called "so.docx") is refused before
/// anything is made: Word or Excel would not open it. A name without an extension is the
/// caller's choice.
fn check_extension(form: FormId, out: &Path) -> Result<()> {
    let wanted = extension(form);
    match out.extension().and_then(|e| e.to_str()) {
        Some(ext) if !ext.eq_ignore_ascii_case(wanted) => Err(Error::invalid(
            "file",
            format!(
                "{} được xuất thành tệp .{wanted}; tên tệp {} có đuôi .{ext}: hãy đặt tên tệp đuôi .{wanted}.",
                form.label(),
                out.display()
            ),
        )),
        _ => Ok(()),
    }
}

/// Write a file the CLI was asked for: over an existing one only when forced; otherwise a
/// file that appeared meanwhile (another export) is kept and this one refused.
pub fn write_out(out: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_out_with(out, |w| Ok(w.write_all(bytes)?), force)
}

/// [`write_out`] of what `content` writes (a long file written as it is made).
pub fn write_out_with(
    out: &Path,
    content: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
    force: bool,
) -> Result<()> {
    if force {
        return super::files::write_whole_with(out, content);
    }
    super::files::write_whole_new_with(out, content).map_err(|e| {
        if super::name_taken(&e) {
            Error::invalid(
                "file",
                format!(
                    "Tệp {} vừa được ghi bởi một lần xuất khác: thêm --force để ghi đè.",
                    out.display()
                ),
            )
        } else {
            e
        }
    })
}

/// The folder exports go to when the settings name none: the documents folder (or the
/// home folder) under "So Tiep Dan".
pub fn default_folder(documents: Option<PathBuf>) -> PathBuf {
    documents
        .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("So Tiep Dan")
}

/// Refuse a CSV name that is no plain file name.
pub fn csv_name(name: &str) -> Result<String> {
    let clean: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        return Err(Error::invalid("name", "Tên tệp CSV không hợp lệ."));
    }
    Ok(format!("{clean}.csv"))
}
