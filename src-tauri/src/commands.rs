//! One thin, asynchronous command per use case: parse, call the core, map the error.
//! `#[tauri::command(async)]` keeps database work off the main thread.

use std::sync::atomic::Ordering;

use tauri::{AppHandle, Emitter, State};
use tiepdan::access::{AccessInfo, Permission, SignedIn};
use tiepdan::desk::account::{Account, AccountInput};
use tiepdan::desk::admin::{AuditEntry, AuditFilter, BackupInfo, BackupMade, RestorePreview};
use tiepdan::desk::intake::{
    CaseDetail, PersonDetail, PersonSuggestion, PetitionProbe, PetitionSuggestion, SearchHit,
};
use tiepdan::desk::person::PersonMerge;
use tiepdan::desk::reporting::ManualFigure;
use tiepdan::desk::sample::SampleRemoval;
use tiepdan::desk::session::Warning;
use tiepdan::desk::settings::CalendarYear;
use tiepdan::domain::*;
use tiepdan::export::job::{self, ExportDone, ExportProgress};
use tiepdan::forms::{self, FormId, FormTable, RegisterBook};
use tiepdan::law::calendar::CalendarDay;
use tiepdan::period::{Period, PeriodRange};
use tiepdan::report::document::ReportDocument;
use tiepdan::report::{self, Dashboard, PeriodReport};
use tiepdan::store::{AuditCheck, IntegrityCheck, PeriodLock};
use tiepdan::{demo, ErrorDto, Store};

use crate::AppState;

type Reply<T> = Result<T, ErrorDto>;

/// Work that blocks (the database, rendering, files) on a thread of Tauri's runtime: the
/// runtime is told, and moves its other tasks (the other commands) to another thread, so
/// two long reads on a two-core PC do not hold up a save. Outside the runtime (tests), `f`
/// simply runs.
fn blocking<T>(f: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(f)
}

fn with_store<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> tiepdan::Result<T>,
) -> Reply<T> {
    blocking(|| with_store_here(state, f))
}

fn with_store_here<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> tiepdan::Result<T>,
) -> Reply<T> {
    // Waits (on this worker thread) until the register is open.
    let store = state.store.wait().as_ref().map_err(Clone::clone)?;
    // A command that panicked left the lock poisoned; the register itself is consistent
    // (every write is one transaction, rolled back by the panic), so carry on with it.
    let mut store = store
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    run_guarded(|| f(&mut store)).map_err(|e| e.to_dto())
}

/// A long read (a report, an export's figures) on a second, read-only handle of the
/// register (`Store::reader`), so the window's other commands do not wait for it: the
/// shared handle is held only to make the reader. A register without one (in memory, or
/// opened read-only) is read through the shared handle.
pub(crate) fn with_reader<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&Store) -> tiepdan::Result<T>,
) -> Reply<T> {
    blocking(|| {
        let _reading = state.reads.read().unwrap_or_else(|p| p.into_inner());
        match with_store_here(state, |s| s.reader())? {
            Some(reader) => run_guarded(|| f(&reader)).map_err(|e| e.to_dto()),
            None => with_store_here(state, |s| f(s)),
        }
    })
}

fn run_guarded<T>(f: impl FnOnce() -> tiepdan::Result<T>) -> tiepdan::Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(tiepdan::Error::Internal(
            "Lỗi nội bộ khi xử lý yêu cầu; dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại, nếu vẫn lỗi hãy báo cho người quản trị.".into(),
        ))
    })
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    with_store(&state, |s| s.app_info(&state.db_path))
}

#[tauri::command(async)]
pub fn catalogue(state: State<'_, AppState>) -> Reply<Catalogue> {
    with_store(&state, |s| tiepdan::catalogue::catalogue(s))
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Reply<Settings> {
    with_store(&state, |s| s.save_settings(&settings))
}

#[tauri::command(async)]
pub fn save_field(state: State<'_, AppState>, field: Field) -> Reply<Vec<Field>> {
    with_store(&state, |s| s.save_field(&field))
}

#[tauri::command(async)]
pub fn load_sample(state: State<'_, AppState>) -> Reply<demo::DemoSummary> {
    with_store(&state, |s| demo::load_demo(s, demo::DEFAULT_SEED))
}

#[tauri::command(async)]
pub fn create_session(state: State<'_, AppState>, input: NewSession) -> Reply<Session> {
    with_store(&state, |s| s.create_session(&input))
}

#[tauri::command(async)]
pub fn add_visit(state: State<'_, AppState>, input: NewVisit) -> Reply<Visit> {
    with_store(&state, |s| s.add_visit(&input))
}

#[tauri::command(async)]
pub fn delete_session(state: State<'_, AppState>, id: String) -> Reply<()> {
    with_store(&state, |s| s.delete_session(&id))
}

#[tauri::command(async)]
pub fn delete_visit(state: State<'_, AppState>, id: String) -> Reply<()> {
    with_store(&state, |s| s.delete_visit(&id))
}

#[tauri::command(async)]
pub fn list_sessions(state: State<'_, AppState>, range: PeriodRange) -> Reply<Vec<SessionView>> {
    with_store(&state, |s| s.sessions_between(&range.from, &range.to))
}

#[tauri::command(async)]
pub fn find_persons(state: State<'_, AppState>, query: String) -> Reply<Vec<PersonMatch>> {
    with_store(&state, |s| s.find_persons(&query, 8))
}

#[tauri::command(async)]
pub fn create_petition(state: State<'_, AppState>, input: NewPetition) -> Reply<Petition> {
    with_store(&state, |s| s.create_petition(&input))
}

#[tauri::command(async)]
pub fn list_petitions(state: State<'_, AppState>, filter: PetitionFilter) -> Reply<Vec<Petition>> {
    with_store(&state, |s| s.petitions(&filter))
}

/// The petitions a picker lists (the move form's "đơn gốc", first round), with their
/// petitioners' names when `names`.
#[tauri::command(async)]
pub fn petition_choices(
    state: State<'_, AppState>,
    filter: PetitionFilter,
    names: bool,
) -> Reply<Vec<PetitionChoice>> {
    with_reader(&state, |s| s.petition_choices(&filter, names))
}

/// One page of the petitions list (Đơn thư).
#[tauri::command(async)]
pub fn petition_page(
    state: State<'_, AppState>,
    filter: PetitionFilter,
    offset: u32,
    limit: u32,
) -> Reply<PetitionPage> {
    with_reader(&state, |s| s.petition_page(&filter, offset, limit))
}

#[tauri::command(async)]
pub fn period_report(state: State<'_, AppState>, range: PeriodRange) -> Reply<PeriodReport> {
    with_reader(&state, |s| {
        report::period_report(s, Period::parse(&range.from, &range.to)?)
    })
}

#[tauri::command(async)]
pub fn preset_period(state: State<'_, AppState>, preset: PeriodPreset) -> Reply<PeriodRange> {
    with_store(&state, |s| Ok(Period::preset(preset, s.today()).to_range()))
}

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>) -> Reply<Dashboard> {
    with_reader(&state, report::dashboard)
}

/// The whole "Cần xử lý" queue (the dashboard sends its top only): for its CSV.
#[tauri::command(async)]
pub fn petitions_needing_action(state: State<'_, AppState>) -> Reply<Vec<Petition>> {
    with_reader(&state, |s| s.petitions_needing_action())
}

#[tauri::command(async)]
pub fn hosts_on(state: State<'_, AppState>, date: String) -> Reply<Vec<Choice>> {
    with_store(&state, |_| {
        let day = tiepdan::validate::parse_date("date", "Ngày tiếp", &date)?;
        Ok(tiepdan::law::regime::hosts_on(day)
            .into_iter()
            .map(|h| Choice {
                code: h.code().into(),
                label: h.label().into(),
            })
            .collect())
    })
}

#[tauri::command(async)]
pub fn session_warnings(
    state: State<'_, AppState>,
    input: NewSession,
    exclude_id: Option<String>,
) -> Reply<Vec<Warning>> {
    with_store(&state, |s| {
        s.session_warnings(&input, exclude_id.as_deref())
    })
}

#[tauri::command(async)]
pub fn correct_session(
    state: State<'_, AppState>,
    id: String,
    input: NewSession,
) -> Reply<Session> {
    with_store(&state, |s| s.correct_session(&id, &input))
}

#[tauri::command(async)]
pub fn correct_visit(state: State<'_, AppState>, id: String, input: NewVisit) -> Reply<Visit> {
    with_store(&state, |s| s.correct_visit(&id, &input))
}

#[tauri::command(async)]
pub fn history(state: State<'_, AppState>, table: String, id: String) -> Reply<Vec<ChangeView>> {
    with_store(&state, |s| s.history(&table, &id))
}

#[tauri::command(async)]
pub fn person_detail(state: State<'_, AppState>, id: String) -> Reply<PersonDetail> {
    with_store(&state, |s| s.person_detail(&id))
}

#[tauri::command(async)]
pub fn correct_person(state: State<'_, AppState>, id: String, input: PersonInput) -> Reply<Person> {
    with_store(&state, |s| s.correct_person(&id, &input))
}

#[tauri::command(async)]
pub fn merge_persons(
    state: State<'_, AppState>,
    kept_id: String,
    merged_id: String,
) -> Reply<PersonMerge> {
    with_store(&state, |s| s.merge_persons(&kept_id, &merged_id))
}

#[tauri::command(async)]
pub fn undo_merge(state: State<'_, AppState>, id: String) -> Reply<()> {
    with_store(&state, |s| s.undo_merge(&id))
}

#[tauri::command(async)]
pub fn suggest_persons(
    state: State<'_, AppState>,
    input: PersonInput,
) -> Reply<Vec<PersonSuggestion>> {
    with_store(&state, |s| s.suggest_persons(&input))
}

#[tauri::command(async)]
pub fn suggest_petitions(
    state: State<'_, AppState>,
    probe: PetitionProbe,
) -> Reply<Vec<PetitionSuggestion>> {
    with_store(&state, |s| s.suggest_petitions(&probe))
}

#[tauri::command(async)]
pub fn search(state: State<'_, AppState>, query: String) -> Reply<Vec<SearchHit>> {
    with_store(&state, |s| s.search(&query, 10))
}

#[tauri::command(async)]
pub fn case_detail(state: State<'_, AppState>, id: String) -> Reply<CaseDetail> {
    with_store(&state, |s| s.case_detail(&id))
}

#[tauri::command(async)]
pub fn petition_detail(state: State<'_, AppState>, id: String) -> Reply<PetitionDetail> {
    with_store(&state, |s| s.petition_detail(&id))
}

#[tauri::command(async)]
pub fn move_petition(state: State<'_, AppState>, input: MoveInput) -> Reply<PetitionDetail> {
    with_store(&state, |s| s.move_petition(&input))
}

#[tauri::command(async)]
pub fn undo_last_move(state: State<'_, AppState>, id: String) -> Reply<PetitionDetail> {
    with_store(&state, |s| s.undo_last_move(&id))
}

#[tauri::command(async)]
pub fn correct_petition(
    state: State<'_, AppState>,
    id: String,
    input: NewPetition,
) -> Reply<Petition> {
    with_store(&state, |s| s.correct_petition(&id, &input))
}

#[tauri::command(async)]
pub fn delete_petition(state: State<'_, AppState>, id: String) -> Reply<()> {
    with_store(&state, |s| s.delete_petition(&id))
}

#[tauri::command(async)]
pub fn calendar_years(state: State<'_, AppState>) -> Reply<Vec<CalendarYear>> {
    with_store(&state, |s| s.calendar_years())
}

#[tauri::command(async)]
pub fn save_calendar_year(
    state: State<'_, AppState>,
    year: i32,
    days: Vec<CalendarDay>,
) -> Reply<CalendarYear> {
    with_store(&state, |s| s.save_calendar_year(year, &days))
}

#[tauri::command(async)]
pub fn remove_sample(state: State<'_, AppState>) -> Reply<SampleRemoval> {
    with_store(&state, |s| s.remove_sample())
}

#[tauri::command(async)]
pub fn reporting_period(period: ReportingPeriod, year: i32) -> Reply<PeriodRange> {
    Period::reporting(period, year)
        .map(Period::to_range)
        .map_err(|e| e.to_dto())
}

#[tauri::command(async)]
pub fn statutory_tables(state: State<'_, AppState>, range: PeriodRange) -> Reply<Vec<FormTable>> {
    with_reader(&state, |s| {
        forms::statutory_tables(s, Period::parse(&range.from, &range.to)?)
    })
}

#[tauri::command(async)]
pub fn register_book(state: State<'_, AppState>, range: PeriodRange) -> Reply<RegisterBook> {
    with_reader(&state, |s| {
        forms::register::register_book(s, Period::parse(&range.from, &range.to)?)
    })
}

#[tauri::command(async)]
pub fn report_document(
    state: State<'_, AppState>,
    range: PeriodRange,
    number: Option<String>,
) -> Reply<ReportDocument> {
    with_reader(&state, |s| {
        let period = Period::parse(&range.from, &range.to)?;
        report::mau02::report_document(s, period, s.today(), number.as_deref())
    })
}

#[tauri::command(async)]
pub fn manual_figures(
    state: State<'_, AppState>,
    form: FormId,
    range: PeriodRange,
) -> Reply<Vec<ManualFigure>> {
    with_store(&state, |s| {
        s.manual_figures(form, Period::parse(&range.from, &range.to)?)
    })
}

#[tauri::command(async)]
pub fn save_manual_figures(
    state: State<'_, AppState>,
    form: FormId,
    range: PeriodRange,
    values: Vec<ManualFigure>,
) -> Reply<Vec<ManualFigure>> {
    with_store(&state, |s| {
        s.save_manual_figures(form, Period::parse(&range.from, &range.to)?, &values)
    })
}

#[tauri::command(async)]
pub fn period_locks(state: State<'_, AppState>) -> Reply<Vec<PeriodLock>> {
    with_store(&state, |s| s.period_locks())
}

#[tauri::command(async)]
pub fn locks_covering(state: State<'_, AppState>, date: String) -> Reply<Vec<PeriodLock>> {
    with_store(&state, |s| s.locks_covering(&date))
}

#[tauri::command(async)]
pub fn lock_period(
    state: State<'_, AppState>,
    range: PeriodRange,
    label: String,
    report_no: Option<String>,
) -> Reply<PeriodLock> {
    with_store(&state, |s| {
        s.lock_period(
            Period::parse(&range.from, &range.to)?,
            &label,
            report_no.as_deref(),
        )
    })
}

/// The folder exports go to now.
fn folder<R: tauri::Runtime>(
    app: &AppHandle<R>,
    state: &State<'_, AppState>,
) -> Result<std::path::PathBuf, ErrorDto> {
    let settings = with_store(state, |s| s.settings())?;
    Ok(crate::export_folder(app, &settings.report.export_dir))
}

#[tauri::command(async)]
pub fn export_folder<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<String> {
    Ok(folder(&app, &state)?.display().to_string())
}

/// Write a file of the office: read on a second handle of the register (the other
/// commands go on meanwhile), rendered with "export-progress" events on the way, recorded
/// in the history, then written. "Dừng" (`cancel_export`) while the figures are read or
/// the file rendered stops it unwritten and unrecorded (the next step of the rendering
/// sees it); once recorded, the file is written.
#[tauri::command(async)]
pub fn export_file<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    form: FormId,
    range: PeriodRange,
    report_no: Option<String>,
    full: bool,
) -> Reply<ExportDone> {
    state.cancel_export.store(false, Ordering::SeqCst);
    let dir = folder(&app, &state)?;
    let period = Period::parse(&range.from, &range.to).map_err(|e| e.to_dto())?;
    // Read on the second handle (the window stays free meanwhile).
    let (prepared, reader) = with_reader(&state, |s| {
        let prepared = job::read(s, form, period, report_no.as_deref(), full)?;
        Ok((prepared, s.user().map(|u| u.id)))
    })?;
    let step = |done, total| {
        let _ = app.emit("export-progress", ExportProgress { done, total });
        !state.cancel_export.load(Ordering::SeqCst)
    };
    // Rendered without holding the register.
    let bytes = blocking(|| job::render(&prepared, &tiepdan::export::Progress(&step)))
        .map_err(|e| e.to_dto())?;
    // Recorded by the account that read it, before the file exists (unless "Dừng" came
    // after the rendering's last step, while the file was put together).
    with_store(&state, |s| {
        if state.cancel_export.load(Ordering::SeqCst) {
            return Err(tiepdan::Error::Cancelled);
        }
        job::same_account(s, reader.as_deref())?;
        job::record(s, form, period, full)
    })?;
    blocking(|| {
        let full = full && form == FormId::So;
        job::write_new(
            &dir,
            &job::file_name_of(form, period, full),
            &state.db_path,
            &bytes,
        )
        .map_err(|e| e.to_dto())
    })
}

#[tauri::command(async)]
pub fn cancel_export(state: State<'_, AppState>) -> Reply<()> {
    state.cancel_export.store(true, Ordering::SeqCst);
    Ok(())
}

/// A list on screen as CSV (UTF-8 with a byte order mark, for Excel).
#[tauri::command(async)]
pub fn save_csv<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
) -> Reply<ExportDone> {
    with_store(&state, |s| {
        s.require(Permission::Export)?;
        s.record_export(&format!("Danh sách {name} (CSV)"), false)
    })?;
    let dir = folder(&app, &state)?;
    let bytes = tiepdan::export::csv_bytes(&header, &rows).map_err(|e| e.to_dto())?;
    let name = job::csv_name(&name).map_err(|e| e.to_dto())?;
    job::write_new(&dir, &name, &state.db_path, &bytes).map_err(|e| e.to_dto())
}

#[tauri::command(async)]
pub fn access_info(state: State<'_, AppState>) -> Reply<AccessInfo> {
    with_store(&state, |s| s.access_info())
}

#[tauri::command(async)]
pub fn create_first_admin(state: State<'_, AppState>, input: AccountInput) -> Reply<SignedIn> {
    with_store(&state, |s| s.create_first_admin(&input))
}

#[tauri::command(async)]
pub fn sign_in(state: State<'_, AppState>, login: String, password: String) -> Reply<SignedIn> {
    with_store(&state, |s| s.sign_in(&login, &password))
}

#[tauri::command(async)]
pub fn sign_out(state: State<'_, AppState>, idle: Option<bool>) -> Reply<()> {
    // The window's idle lock signs out too, and the audit log says so.
    with_store(&state, |s| {
        if idle == Some(true) {
            s.lock_idle()
        } else {
            s.sign_out()
        }
    })
}

#[tauri::command(async)]
pub fn accounts(state: State<'_, AppState>) -> Reply<Vec<Account>> {
    with_store(&state, |s| s.accounts())
}

#[tauri::command(async)]
pub fn save_account(state: State<'_, AppState>, input: AccountInput) -> Reply<Account> {
    with_store(&state, |s| s.save_account(&input))
}

#[tauri::command(async)]
pub fn change_password(
    state: State<'_, AppState>,
    old_password: String,
    new_password: String,
) -> Reply<()> {
    with_store(&state, |s| s.change_password(&old_password, &new_password))
}

#[tauri::command(async)]
pub fn set_idle_lock(state: State<'_, AppState>, minutes: u32) -> Reply<u32> {
    with_store(&state, |s| s.set_idle_lock(minutes))
}

#[tauri::command(async)]
pub fn reveal_person(state: State<'_, AppState>, id: String, reason: String) -> Reply<Person> {
    with_store(&state, |s| s.reveal_person(&id, &reason))
}

#[tauri::command(async)]
pub fn audit_log(state: State<'_, AppState>, filter: AuditFilter) -> Reply<Vec<AuditEntry>> {
    with_store(&state, |s| s.audit_log(&filter))
}

#[tauri::command(async)]
pub fn verify_audit(state: State<'_, AppState>) -> Reply<AuditCheck> {
    with_store(&state, |s| s.verify_audit())
}

/// The background check of the register's file after start: none while it runs (or when
/// the register could not be opened, which every command already says).
#[tauri::command(async)]
pub fn integrity_status(state: State<'_, AppState>) -> Reply<Option<IntegrityCheck>> {
    Ok(state
        .integrity
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone())
}

#[tauri::command(async)]
pub fn backups(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    with_store(&state, |s| s.backups())
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>, folder: Option<String>) -> Reply<BackupMade> {
    let folder = folder
        .filter(|f| !f.trim().is_empty())
        .map(std::path::PathBuf::from);
    with_store(&state, |s| s.backup_now(folder.as_deref()))
}

/// Check a backup before its restore is asked about (the administrator): a file that is
/// not there, not a backup, damaged, or from before accounts is refused now, beside what
/// was clicked, instead of after the question; what it holds is said beside what the
/// register holds now.
#[tauri::command(async)]
pub fn check_restore(state: State<'_, AppState>, path: String) -> Reply<RestorePreview> {
    let backup = std::path::PathBuf::from(path);
    with_store(&state, |s| s.restore_preview(&backup, false))
}

/// Replace the register with a backup (the administrator): the register is closed, the
/// backup checked and put in place (the current file kept aside), the register reopened;
/// on failure the register as it was is reopened.
/// `broken_history`: the question warned that the backup's history was edited outside the
/// app, and the administrator confirmed (a backup that changed since it was asked about
/// is checked again, and refused if its history is not whole then).
#[tauri::command(async)]
pub fn restore_backup(
    state: State<'_, AppState>,
    path: String,
    broken_history: bool,
) -> Reply<Option<String>> {
    blocking(|| restore_here(&state, path, broken_history))
}

fn restore_here(
    state: &State<'_, AppState>,
    path: String,
    broken_history: bool,
) -> Reply<Option<String>> {
    let store = state.store.wait().as_ref().map_err(Clone::clone)?;
    // The reads under way end first (the file is not moved aside under them).
    let _alone = state.reads.write().unwrap_or_else(|p| p.into_inner());
    let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
    let backup = std::path::PathBuf::from(&path);
    guard
        .check_restore(&backup, false)
        .map_err(|e| e.to_dto())?;
    let user = guard.user();
    // Nothing typed meanwhile goes into a register that is not the office's.
    let placeholder = Store::closed().map_err(|e| e.to_dto())?;
    drop(std::mem::replace(&mut *guard, placeholder));
    // Recorded in the restored register's history as it takes the place.
    let restored = tiepdan::backup::restore_by(
        &state.db_path,
        &backup,
        user.clone(),
        tiepdan::domain::Actor::Desk,
        broken_history,
    );
    let mut reopened = crate::open_register(&state.db_path).map_err(|e| e.to_dto())?;
    // Whoever was signed in still is (restored: if the restored register has the account).
    reopened.adopt_user(user);
    let result = match restored {
        Ok(aside) => {
            // The damage found at start was the old file's: the warning follows the file
            // now in place (checked in full, as the backup was before it was put there).
            let check = tiepdan::store::check_file(&state.db_path).ok();
            *state.integrity.lock().unwrap_or_else(|p| p.into_inner()) = check;
            Ok(aside.map(|a| a.display().to_string()))
        }
        Err(e) => Err(e.to_dto()),
    };
    *guard = reopened;
    result
}
