//! One thin, asynchronous command per use case: parse, call the core, map the error.
//! `#[tauri::command(async)]` keeps database work off the main thread.

use tauri::State;
use tiepdan::domain::*;
use tiepdan::period::{Period, PeriodRange};
use tiepdan::report::{self, Dashboard, PeriodReport};
use tiepdan::{demo, ErrorDto, Store};

use crate::AppState;

type Reply<T> = Result<T, ErrorDto>;

fn with_store<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> tiepdan::Result<T>,
) -> Reply<T> {
    // Waits (on this worker thread) until the register is open.
    let store = state.store.wait().as_ref().map_err(Clone::clone)?;
    let mut store = store.lock().map_err(|_| ErrorDto {
        code: "internal".into(),
        field: None,
        message: "Lỗi nội bộ: sổ đang bị khóa, hãy khởi động lại phần mềm.".into(),
    })?;
    f(&mut store).map_err(|e| e.to_dto())
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

#[tauri::command(async)]
pub fn set_petition_status(
    state: State<'_, AppState>,
    id: String,
    status: PetitionStatus,
    note: Option<String>,
) -> Reply<Petition> {
    with_store(&state, |s| s.set_petition_status(&id, status, note))
}

#[tauri::command(async)]
pub fn period_report(state: State<'_, AppState>, range: PeriodRange) -> Reply<PeriodReport> {
    with_store(&state, |s| {
        report::period_report(s, Period::parse(&range.from, &range.to)?)
    })
}

#[tauri::command(async)]
pub fn preset_period(state: State<'_, AppState>, preset: PeriodPreset) -> Reply<PeriodRange> {
    with_store(&state, |s| Ok(Period::preset(preset, s.today()).to_range()))
}

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>) -> Reply<Dashboard> {
    with_store(&state, |s| report::dashboard(s))
}
