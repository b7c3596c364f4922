//! The Tauri shell: window, app state and one thin command per use case. No logic and
//! no SQL here: a command parses its arguments, calls the core, maps the error.

mod commands;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, OnceLock};

use tauri::Manager;
use tiepdan::{ErrorDto, Store};

/// The open register, shared by the commands (each locks it briefly, never across an
/// await). It is opened (and migrated) on a background thread at start, so the window
/// never waits on the database; a command that arrives first waits for it, and a register
/// that cannot be opened (say, written by a newer version) answers every command with
/// the reason, in Vietnamese, instead of closing the app.
pub struct AppState {
    pub store: OnceLock<Result<Mutex<Store>, ErrorDto>>,
    pub db_path: PathBuf,
    /// Set by "Dừng" while an export runs; the export stops at its next step.
    pub cancel_export: AtomicBool,
}

impl AppState {
    /// A state whose register is already open (tests).
    pub fn with_store(store: Store, db_path: PathBuf) -> Self {
        let state = AppState {
            store: OnceLock::new(),
            db_path,
            cancel_export: AtomicBool::new(false),
        };
        let _ = state.store.set(Ok(Mutex::new(store)));
        state
    }
}

/// Where the database lives: `TIEPDAN_DB` if set (tests, a second office copy),
/// else `tiepdan.sqlite3` in the app's data folder.
fn database_path(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(p) = std::env::var_os("TIEPDAN_DB") {
        return Ok(PathBuf::from(p));
    }
    // The app's own data folder is made on first start (the core never makes folders: a
    // mistyped --db must be an error).
    let dir = app.path().app_data_dir()?;
    std::fs::create_dir_all(&dir)?;
    Ok(dir.join("tiepdan.sqlite3"))
}

/// Where exports go: `TIEPDAN_EXPORT_DIR` if set (tests), else the folder named in the
/// settings, else "So Tiep Dan" in the documents folder.
pub fn export_folder<R: tauri::Runtime>(app: &tauri::AppHandle<R>, settings: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os("TIEPDAN_EXPORT_DIR") {
        return PathBuf::from(dir);
    }
    if !settings.trim().is_empty() {
        return PathBuf::from(settings.trim());
    }
    tiepdan::export::job::default_folder(app.path().document_dir().ok())
}

/// A test-only clock: in a debug build, `TIEPDAN_TODAY=YYYY-MM-DD` fixes "today", so an
/// end-to-end test can see a petition become overdue. A release build ignores it.
fn test_clock() -> Option<Box<dyn tiepdan::clock::Clock>> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let day = std::env::var("TIEPDAN_TODAY").ok()?;
    let day = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
    Some(Box::new(tiepdan::clock::FixedClock(day)))
}

pub fn app_builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_info,
        commands::catalogue,
        commands::save_settings,
        commands::save_field,
        commands::load_sample,
        commands::create_session,
        commands::add_visit,
        commands::delete_session,
        commands::delete_visit,
        commands::list_sessions,
        commands::find_persons,
        commands::create_petition,
        commands::list_petitions,
        commands::period_report,
        commands::preset_period,
        commands::dashboard,
        commands::hosts_on,
        commands::session_warnings,
        commands::correct_session,
        commands::correct_visit,
        commands::history,
        commands::person_detail,
        commands::correct_person,
        commands::merge_persons,
        commands::undo_merge,
        commands::suggest_persons,
        commands::suggest_petitions,
        commands::search,
        commands::case_detail,
        commands::petition_detail,
        commands::move_petition,
        commands::undo_last_move,
        commands::correct_petition,
        commands::delete_petition,
        commands::calendar_years,
        commands::save_calendar_year,
        commands::remove_sample,
        commands::reporting_period,
        commands::statutory_tables,
        commands::register_book,
        commands::report_document,
        commands::manual_figures,
        commands::save_manual_figures,
        commands::period_locks,
        commands::locks_covering,
        commands::lock_period,
        commands::export_folder,
        commands::export_file,
        commands::cancel_export,
        commands::save_csv,
    ])
}

pub fn run() {
    app_builder(tauri::Builder::default())
        .setup(|app| {
            let db_path = database_path(app)?;
            app.manage(AppState {
                store: OnceLock::new(),
                db_path: db_path.clone(),
                cancel_export: AtomicBool::new(false),
            });
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let opened = tiepdan::backup::refuse_emptied(&db_path)
                    .and_then(|()| Store::open(&db_path))
                    .map(|mut store| {
                        if let Some(clock) = test_clock() {
                            store.set_clock(clock);
                        }
                        Mutex::new(store)
                    })
                    .map_err(|e| tiepdan::backup::with_restore_hint(e, &db_path).to_dto());
                let _ = handle.state::<AppState>().store.set(opened);
                backup_now(&handle, "khi mở sổ");
            });
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while running Sổ Tiếp Dân")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                backup_now(app, "khi đóng phần mềm");
            }
        });
}

/// A backup, checked, in "sao-luu" beside the register, then the rotation (14 days, 12
/// months): at every start and at the close. A failure is no reason not to work or not
/// to close; it is said on the console.
fn backup_now<R: tauri::Runtime>(handle: &tauri::AppHandle<R>, when: &str) {
    let state = handle.state::<AppState>();
    let Some(Ok(store)) = state.store.get() else {
        return;
    };
    let folder = tiepdan::backup::default_folder(&state.db_path);
    // Whether it is read-only is asked under the lock; the copy is made through a
    // connection of its own, so the window is not kept waiting by a large register.
    let read_only = store.lock().map(|s| s.is_read_only()).unwrap_or(true);
    if read_only {
        return;
    }
    let made = tiepdan::backup::backup_file(&state.db_path, &folder)
        .and_then(|_| tiepdan::backup::rotate(&folder).map(|_| ()));
    if let Err(e) = made {
        eprintln!("Không sao lưu được {when}: {e}");
    }
}

#[cfg(test)]
mod tests {
    //! The commands through the real IPC path (mock runtime, the app's own config and
    //! capability): arguments, replies and errors as the UI sees them.

    use super::*;
    use serde_json::{json, Value};
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
    use tauri::webview::InvokeRequest;
    use tiepdan::clock::FixedClock;

    fn app() -> (
        tauri::App<tauri::test::MockRuntime>,
        tauri::WebviewWindow<tauri::test::MockRuntime>,
    ) {
        let today = chrono_date("2026-03-12").from;
        let store = Store::open_in_memory(Box::new(FixedClock(today))).unwrap();
        let app = app_builder(mock_builder())
            .manage(AppState::with_store(store, PathBuf::from(":memory:")))
            .build(tauri::generate_context!())
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        (app, window)
    }

    fn chrono_date(s: &str) -> tiepdan::period::Period {
        tiepdan::period::Period::parse(s, s).unwrap()
    }

    fn invoke(
        w: &tauri::WebviewWindow<tauri::test::MockRuntime>,
        cmd: &str,
        body: Value,
    ) -> Result<Value, Value> {
        get_ipc_response(
            w,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    #[test]
    fn a_session_and_a_visit_reach_the_report() {
        let (_app, w) = app();
        let session = invoke(
            &w,
            "create_session",
            json!({"input": {"date": "2026-03-12", "kind": "regular", "host_group": "officer",
                              "host_name": null, "place": null, "notes": null}}),
        )
        .unwrap();
        let visit = invoke(
            &w,
            "add_visit",
            json!({"input": {"session_id": session["id"], "persons": [{"full_name": "Nguyễn Văn Đức"}],
                             "headcount": 2, "delegation": null, "content": "Hỏi thủ tục",
                             "kind": "proposal", "field_code": "tthc",
                             "handling": {"handling": "guide", "agency": null, "letter_no": null},
                             "case_id": null, "chairman_joined": false,
                             "petition": {"kind": "proposal", "content": "Đơn đề nghị"}}}),
        )
        .unwrap();
        assert_eq!(visit["petition_number"], "1/2026");
        let report = invoke(
            &w,
            "period_report",
            json!({"range": {"from": "2026-03-12", "to": "2026-03-12"}}),
        )
        .unwrap();
        assert_eq!(report["officer"]["visits"], 1);
        assert_eq!(report["officer"]["people"], 2);
        assert_eq!(report["petitions_received"]["proposal"], 1);
        let week = invoke(&w, "preset_period", json!({"preset": "this_week"})).unwrap();
        assert_eq!(week, json!({"from": "2026-03-09", "to": "2026-03-15"}));
        let found = invoke(&w, "find_persons", json!({"query": "nguyen van duc"})).unwrap();
        assert_eq!(found[0]["person"]["full_name"], "Nguyễn Văn Đức");
    }

    #[test]
    fn errors_carry_code_field_and_vietnamese_message() {
        let (_app, w) = app();
        let err = invoke(
            &w,
            "create_session",
            json!({"input": {"date": "2026-03-13", "kind": "regular", "host_group": "officer",
                              "host_name": null, "place": null, "notes": null}}),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid");
        assert_eq!(err["field"], "date");
        assert!(err["message"].as_str().unwrap().contains("tương lai"));
    }

    /// The names of the app's commands as one file lists them.
    fn names_between(text: &str, start: &str, end: &str, quote: char) -> Vec<String> {
        let from = text.find(start).expect("list start") + start.len();
        let to = from + text[from..].find(end).expect("list end");
        let mut names: Vec<String> = text[from..to]
            .split(quote)
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        names.sort();
        names
    }

    /// Every command is declared once: the handler list, `build.rs`, the capability and the
    /// UI's `api.ts` must name the same commands.
    #[test]
    fn the_commands_are_declared_alike_everywhere() {
        let lib = include_str!("lib.rs");
        let from = lib.find("generate_handler![").unwrap();
        let to = from + lib[from..].find("])").unwrap();
        let mut handlers: Vec<String> = lib[from..to]
            .split("commands::")
            .skip(1)
            .map(|s| s.split(',').next().unwrap().trim().to_string())
            .collect();
        handlers.sort();
        let declared = names_between(
            include_str!("../build.rs"),
            "COMMANDS: &[&str] = &[",
            "];",
            '"',
        );
        let caps: Value =
            serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
        let mut allowed: Vec<String> = caps["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter(|p| !p.starts_with("core:"))
            .map(|p| p.trim_start_matches("allow-").replace('-', "_"))
            .collect();
        allowed.sort();
        let api = include_str!("../../ui/src/lib/api.ts");
        let mut called: Vec<String> = api
            .split("call<")
            .skip(1)
            .filter_map(|s| s.split('\'').nth(1).map(str::to_string))
            .collect();
        called.sort();
        called.dedup();
        assert_eq!(handlers, declared, "lib.rs handlers vs build.rs");
        assert_eq!(allowed, declared, "capability vs build.rs");
        assert_eq!(called, declared, "ui/src/lib/api.ts vs build.rs");
    }

    #[test]
    fn the_capability_grants_only_closing_beyond_the_apps_commands() {
        let caps: Value =
            serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
        let core: Vec<&str> = caps["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter(|p| p.starts_with("core:"))
            .collect();
        assert_eq!(
            core,
            [
                "core:event:allow-listen",
                "core:event:allow-unlisten",
                "core:window:allow-close",
                "core:window:allow-destroy"
            ]
        );
    }
}
