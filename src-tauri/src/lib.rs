//! The Tauri shell: window, app state and one thin command per use case. No logic and
//! no SQL here: a command parses its arguments, calls the core, maps the error.

mod commands;

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::Manager;
use tiepdan::Store;

/// The open register, shared by the commands (each locks it briefly, never across an await).
pub struct AppState {
    pub store: Mutex<Store>,
    pub db_path: PathBuf,
}

/// Where the database lives: `TIEPDAN_DB` if set (tests, a second office copy),
/// else `tiepdan.sqlite3` in the app's data folder.
fn database_path(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(p) = std::env::var_os("TIEPDAN_DB") {
        return Ok(PathBuf::from(p));
    }
    Ok(app.path().app_data_dir()?.join("tiepdan.sqlite3"))
}

pub fn app_builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_info,
        commands::catalogue,
        commands::save_settings,
        commands::load_sample,
        commands::create_session,
        commands::add_visit,
        commands::delete_visit,
        commands::list_sessions,
        commands::find_persons,
        commands::create_petition,
        commands::list_petitions,
        commands::set_petition_status,
        commands::period_report,
        commands::preset_period,
        commands::dashboard,
    ])
}

pub fn run() {
    app_builder(tauri::Builder::default())
        .setup(|app| {
            let db_path = database_path(app)?;
            let store = Store::open(&db_path)?;
            app.manage(AppState {
                store: Mutex::new(store),
                db_path,
            });
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Sổ Tiếp Dân");
}
