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
    /// The full check of the register's file, run once in the background after start on
    /// a read-only connection of its own (opening does not run it): none until it ends.
    /// A restore checks the file it put in place again.
    pub integrity: Mutex<Option<tiepdan::store::IntegrityCheck>>,
    /// Held (shared) by each long read on a second handle of the register while it reads;
    /// a restore takes it alone first, so it never replaces the file under a read (on
    /// Windows an open file cannot be moved aside). Always taken before `store`.
    pub reads: std::sync::RwLock<()>,
}

impl AppState {
    /// A state whose register is already open (tests).
    pub fn with_store(store: Store, db_path: PathBuf) -> Self {
        let state = AppState {
            store: OnceLock::new(),
            db_path,
            cancel_export: AtomicBool::new(false),
            reads: Default::default(),
            integrity: Mutex::new(None),
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

/// Open the register at `path` (with the test clock of a debug build).
pub(crate) fn open_register(path: &std::path::Path) -> tiepdan::Result<Store> {
    let mut store = Store::open(path)?;
    if let Some(clock) = test_clock() {
        store.set_clock(clock);
    }
    // The first start after an update computes the values kept for the reports here, on
    // the opening thread, not in the officer's first save. Reports are right without
    // them (only slower): a failure is said, not a reason not to open.
    if let Err(e) = store.refresh_stale_kept() {
        eprintln!("Chưa tính lại được các giá trị giữ sẵn cho báo cáo: {e}");
    }
    Ok(store)
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
        commands::petition_choices,
        commands::period_report,
        commands::preset_period,
        commands::dashboard,
        commands::petitions_needing_action,
        commands::petition_page,
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
        commands::access_info,
        commands::create_first_admin,
        commands::sign_in,
        commands::sign_out,
        commands::accounts,
        commands::save_account,
        commands::change_password,
        commands::set_idle_lock,
        commands::reveal_person,
        commands::audit_log,
        commands::verify_audit,
        commands::backups,
        commands::backup_now,
        commands::restore_backup,
        commands::check_restore,
        commands::integrity_status,
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
                reads: Default::default(),
                integrity: Mutex::new(None),
            });
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let opened = tiepdan::backup::refuse_emptied(&db_path)
                    .and_then(|()| open_register(&db_path))
                    .map(Mutex::new)
                    .map_err(|e| tiepdan::backup::with_restore_hint(e, &db_path).to_dto());
                let opened_ok = opened.is_ok();
                let _ = handle.state::<AppState>().store.set(opened);
                // The full check of the file, off the window's path: the UI asks for it
                // (`integrity_status`) and warns when the register is damaged.
                if opened_ok {
                    // A read like the reports' (its own connection): a restore waits for it.
                    let state = handle.state::<AppState>();
                    let reading = state.reads.read().unwrap_or_else(|p| p.into_inner());
                    let checked = tiepdan::store::check_file(&db_path);
                    drop(reading);
                    match checked {
                        Ok(check) => {
                            *handle
                                .state::<AppState>()
                                .integrity
                                .lock()
                                .unwrap_or_else(|p| p.into_inner()) = Some(check);
                        }
                        Err(e) => eprintln!("Không kiểm tra được tệp sổ: {e}"),
                    }
                }
                backup_now(&handle, "khi mở sổ");
                // A register open for days is backed up once a day too.
                loop {
                    std::thread::sleep(std::time::Duration::from_secs(3600));
                    let folder = tiepdan::backup::default_folder(&db_path);
                    let today = chrono::Local::now().date_naive();
                    let made_today = tiepdan::backup::list(&folder)
                        .map(|l| l.iter().any(|b| b.made_at.date() == today))
                        .unwrap_or(false);
                    if !made_today {
                        backup_now(&handle, "hằng ngày");
                    }
                }
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
    use tauri::Listener;
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
            // `call<Type>('name', …)`: the type, then the name on the same line (the
            // wrapper's own `call<T>(command…)` names none).
            .filter_map(|s| {
                let (ty, rest) = s.split_once(">('")?;
                (!ty.contains('\n')).then(|| rest.split('\'').next().unwrap_or("").to_string())
            })
            .collect();
        called.sort();
        called.dedup();
        assert_eq!(handlers, declared, "lib.rs handlers vs build.rs");
        assert_eq!(allowed, declared, "capability vs build.rs");
        assert_eq!(called, declared, "ui/src/lib/api.ts vs build.rs");
    }

    /// The warning of a damaged register follows the file in place: after a restore, the
    /// restored file's check answers, not the one made of the old file at start.
    #[test]
    fn a_restore_replaces_the_damage_found_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.sqlite3");
        let mut store = Store::open(&path).unwrap();
        tiepdan::demo::append_demo(&mut store, 2).unwrap();
        let made = store
            .backup_at(
                &dir.path().join("sao-luu"),
                chrono::NaiveDateTime::parse_from_str("2026-03-12 07:30:00", "%Y-%m-%d %H:%M:%S")
                    .unwrap(),
            )
            .unwrap();
        let state = AppState::with_store(store, path.clone());
        *state.integrity.lock().unwrap() = Some(tiepdan::store::IntegrityCheck {
            ok: false,
            problems: vec!["Tree 12 page 40 cell 3: invalid page number".into()],
            notes: vec![],
            message: "Tệp sổ bị hỏng.".into(),
            history_broken: None,
        });
        let app = app_builder(mock_builder())
            .manage(state)
            .build(tauri::generate_context!())
            .unwrap();
        let w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        let before = invoke(&w, "integrity_status", json!({})).unwrap();
        assert_eq!(before["ok"], json!(false), "{before}");
        invoke(
            &w,
            "restore_backup",
            json!({"path": made.path.display().to_string(), "brokenHistory": false}),
        )
        .unwrap();
        let after = invoke(&w, "integrity_status", json!({})).unwrap();
        assert_eq!(after["ok"], json!(true), "{after}");
        assert_eq!(after["problems"], json!([]), "{after}");
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

    /// Every command, with arguments of the right shape, and what it needs (`None`: open
    /// to anyone, signed in or not).
    fn every_command() -> Vec<(&'static str, Value, Option<tiepdan::access::Permission>)> {
        use tiepdan::access::Permission::*;
        let range = json!({"from": "2026-01-01", "to": "2026-03-31"});
        let session = json!({"date": "2026-03-12", "kind": "regular", "host_group": "officer",
                             "host_name": null, "place": null, "notes": null});
        let visit = json!({"session_id": "x", "persons": [], "headcount": 1, "content": "x",
                           "kind": null, "field_code": null,
                           "handling": {"handling": "guide", "agency": null, "letter_no": null},
                           "case_id": null, "chairman_joined": false, "petition": null});
        let petition = json!({"received_on": "2026-03-12", "source": "post", "source_agency": null,
                              "kind": "proposal", "contents": [], "field_code": null, "content": "x",
                              "anonymous": false, "petitioners": [], "respondent": null,
                              "handling": {"handling": "none", "agency": null, "letter_no": null},
                              "classification": serde_json::to_value(tiepdan::domain::Classification::default()).unwrap(),
                              "case_id": null, "duplicate_of": null});
        let person = json!({"full_name": "X"});
        let account =
            json!({"login": "moi", "full_name": "X", "roles": ["viewer"], "password": "12345678"});
        vec![
            ("app_info", json!({}), None),
            ("catalogue", json!({}), None),
            ("access_info", json!({}), None),
            (
                "reporting_period",
                json!({"period": "quy-1", "year": 2026}),
                None,
            ),
            ("preset_period", json!({"preset": "this_week"}), None),
            ("hosts_on", json!({"date": "2026-03-12"}), None),
            ("export_folder", json!({}), None),
            ("cancel_export", json!({}), None),
            ("save_settings", Value::Null, Some(Settings)),
            ("save_field", Value::Null, Some(Settings)),
            ("load_sample", json!({}), Some(Record)),
            ("create_session", json!({"input": session}), Some(Record)),
            ("add_visit", json!({"input": visit}), Some(Record)),
            ("delete_session", json!({"id": "x"}), Some(Record)),
            ("delete_visit", json!({"id": "x"}), Some(Record)),
            ("list_sessions", json!({"range": range}), Some(ViewRecords)),
            (
                "find_persons",
                json!({"query": "nguyen"}),
                Some(ViewRecords),
            ),
            ("create_petition", json!({"input": petition}), Some(Record)),
            ("list_petitions", json!({"filter": {}}), Some(ViewRecords)),
            (
                "petition_choices",
                json!({"filter": {}, "names": true}),
                Some(ViewRecords),
            ),
            ("period_report", json!({"range": range}), Some(ViewTotals)),
            ("dashboard", json!({}), Some(ViewTotals)),
            ("petitions_needing_action", json!({}), Some(ViewRecords)),
            (
                "petition_page",
                json!({"filter": {}, "offset": 0, "limit": 50}),
                Some(ViewRecords),
            ),
            (
                "session_warnings",
                json!({"input": session, "excludeId": null}),
                Some(Record),
            ),
            (
                "correct_session",
                json!({"id": "x", "input": session}),
                Some(Record),
            ),
            (
                "correct_visit",
                json!({"id": "x", "input": visit}),
                Some(Record),
            ),
            (
                "history",
                json!({"table": "persons", "id": "x"}),
                Some(ViewRecords),
            ),
            ("person_detail", json!({"id": "x"}), Some(ViewRecords)),
            (
                "correct_person",
                json!({"id": "x", "input": person}),
                Some(Record),
            ),
            (
                "merge_persons",
                json!({"keptId": "x", "mergedId": "y"}),
                Some(Record),
            ),
            ("undo_merge", json!({"id": "x"}), Some(Record)),
            (
                "suggest_persons",
                json!({"input": person}),
                Some(ViewRecords),
            ),
            (
                "suggest_petitions",
                json!({"probe": {"content": "x"}}),
                Some(ViewRecords),
            ),
            ("search", json!({"query": "x"}), Some(ViewRecords)),
            ("case_detail", json!({"id": "x"}), Some(ViewRecords)),
            ("petition_detail", json!({"id": "x"}), Some(ViewRecords)),
            (
                "move_petition",
                json!({"input": {"petition_id": "x", "action": "urge", "on_date": "2026-03-12"}}),
                Some(Record),
            ),
            ("undo_last_move", json!({"id": "x"}), Some(Record)),
            (
                "correct_petition",
                json!({"id": "x", "input": petition}),
                Some(Record),
            ),
            ("delete_petition", json!({"id": "x"}), Some(Record)),
            ("calendar_years", json!({}), Some(ViewTotals)),
            (
                "save_calendar_year",
                json!({"year": 2030, "days": []}),
                Some(Settings),
            ),
            ("remove_sample", json!({}), Some(Settings)),
            (
                "statutory_tables",
                json!({"range": range}),
                Some(ViewTotals),
            ),
            ("register_book", json!({"range": range}), Some(ViewRecords)),
            (
                "report_document",
                json!({"range": range, "number": null}),
                Some(ViewTotals),
            ),
            (
                "manual_figures",
                json!({"form": "05-kqth", "range": range}),
                Some(ViewTotals),
            ),
            (
                "save_manual_figures",
                json!({"form": "05-kqth", "range": range, "values": []}),
                Some(Report),
            ),
            ("period_locks", json!({}), Some(ViewTotals)),
            (
                "locks_covering",
                json!({"date": "2026-03-12"}),
                Some(ViewTotals),
            ),
            (
                "lock_period",
                json!({"range": range, "label": "Quý I", "reportNo": null}),
                Some(Report),
            ),
            (
                "export_file",
                json!({"form": "so-tcd", "range": range, "reportNo": null, "full": false}),
                Some(Export),
            ),
            (
                "save_csv",
                json!({"name": "x", "header": ["a"], "rows": []}),
                Some(Export),
            ),
            ("create_first_admin", json!({"input": account}), None),
            (
                "sign_in",
                json!({"login": "khongco", "password": "x"}),
                None,
            ),
            ("sign_out", json!({}), None),
            ("accounts", json!({}), Some(ManageUsers)),
            ("save_account", json!({"input": account}), Some(ManageUsers)),
            (
                "change_password",
                json!({"oldPassword": "x", "newPassword": "yyyyyyyy"}),
                None,
            ),
            ("set_idle_lock", json!({"minutes": 10}), Some(Settings)),
            (
                "reveal_person",
                json!({"id": "x", "reason": "xác minh tố cáo"}),
                Some(Reveal),
            ),
            ("audit_log", json!({"filter": {}}), Some(ViewAudit)),
            ("verify_audit", json!({}), Some(ViewAudit)),
            ("integrity_status", json!({}), None),
            ("backups", json!({}), Some(Backup)),
            ("backup_now", json!({"folder": null}), Some(Backup)),
            (
                "restore_backup",
                json!({"path": "/khong/co.sqlite3", "brokenHistory": false}),
                Some(Backup),
            ),
            (
                "check_restore",
                json!({"path": "/khong/co.sqlite3"}),
                Some(Backup),
            ),
        ]
    }

    /// An app whose register has an administrator and an account holding `role`, signed
    /// in as that account (or nobody).
    fn app_as(
        role: Option<tiepdan::access::Role>,
    ) -> (
        tauri::App<tauri::test::MockRuntime>,
        tauri::WebviewWindow<tauri::test::MockRuntime>,
    ) {
        app_as_in(role, None)
    }

    /// `app_as` on a register in the file `file` (made there), else in memory.
    fn app_as_in(
        role: Option<tiepdan::access::Role>,
        file: Option<&std::path::Path>,
    ) -> (
        tauri::App<tauri::test::MockRuntime>,
        tauri::WebviewWindow<tauri::test::MockRuntime>,
    ) {
        use tiepdan::access::Role;
        use tiepdan::desk::account::AccountInput;
        let today = chrono_date("2026-03-12").from;
        let clock = Box::new(FixedClock(today));
        let mut store = match file {
            Some(path) => Store::open_with_clock(path, clock).unwrap(),
            None => Store::open_in_memory(clock).unwrap(),
        };
        let input = |login: &str, roles: Vec<Role>| AccountInput {
            id: None,
            login: login.into(),
            full_name: login.into(),
            roles,
            active: true,
            password: Some("matkhau-123".into()),
        };
        store
            .create_first_admin(&input("quantri", vec![Role::Admin]))
            .unwrap();
        for r in Role::ALL {
            store.save_account(&input(r.code(), vec![*r])).unwrap();
        }
        store.sign_out().unwrap();
        if let Some(r) = role {
            store.sign_in(r.code(), "matkhau-123").unwrap();
        }
        let path = file.map_or_else(|| PathBuf::from(":memory:"), PathBuf::from);
        let app = app_builder(mock_builder())
            .manage(AppState::with_store(store, path))
            .build(tauri::generate_context!())
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        (app, window)
    }

    /// A file exported from the window is read on the second handle, then recorded in the
    /// history by the account that read it, before anything is written: a leader's full
    /// Sổ is written and recorded "bản đầy đủ"; an officer's is refused and writes nothing.
    #[test]
    fn an_export_read_on_the_second_handle_is_recorded_before_it_is_written_and_not_when_stopped() {
        use tiepdan::access::Role;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("xuat");
        let path = dir.path().join("so.sqlite3");
        // The administrator names the unit and the export folder; the leader exports.
        let (_app, w) = app_as_in(Some(Role::Admin), Some(&path));
        let mut settings = invoke(&w, "app_info", json!({})).unwrap()["settings"].clone();
        settings["unit_name"] = json!("phường Việt Hòa");
        settings["report"]["export_dir"] = json!(out.display().to_string());
        invoke(&w, "save_settings", json!({ "settings": settings })).unwrap();
        let sign_in_as = |role: Role| {
            invoke(&w, "sign_out", json!({})).unwrap();
            invoke(
                &w,
                "sign_in",
                json!({"login": role.code(), "password": "matkhau-123"}),
            )
            .unwrap();
        };
        sign_in_as(Role::Leader);
        let export = |full: bool| {
            invoke(
                &w,
                "export_file",
                json!({"form": "so-tcd", "range": {"from": "2026-03-01", "to": "2026-03-31"},
                       "reportNo": null, "full": full}),
            )
        };
        let recorded = || -> Vec<String> {
            rusqlite::Connection::open(&path)
                .unwrap()
                .prepare("SELECT note FROM changes WHERE action = 'export' ORDER BY seq")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let done = export(true).unwrap();
        assert!(std::path::Path::new(done["path"].as_str().unwrap()).exists());
        let notes = recorded();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("bản đầy đủ"), "{notes:?}");
        sign_in_as(Role::Officer);
        let refused = export(true).unwrap_err();
        assert_eq!(refused["code"], json!("forbidden"), "{refused}");
        assert_eq!(
            std::fs::read_dir(&out).unwrap().count(),
            1,
            "nothing written"
        );
        assert_eq!(recorded().len(), 1);

        // "Dừng" while the file is made: nothing written, nothing recorded (the export
        // was once recorded before it was rendered, so a stopped one stayed in the history).
        sign_in_as(Role::Leader);
        let app = w.app_handle().clone();
        let listener = {
            let app = app.clone();
            w.listen("export-progress", move |_| {
                app.state::<AppState>()
                    .cancel_export
                    .store(true, std::sync::atomic::Ordering::SeqCst);
            })
        };
        let stopped = export(false).unwrap_err();
        assert_eq!(stopped["code"], json!("cancelled"), "{stopped}");
        assert_eq!(recorded().len(), 1, "a stopped export is not recorded");
        assert_eq!(
            std::fs::read_dir(&out).unwrap().count(),
            1,
            "nothing written"
        );
        w.unlisten(listener);
        export(false).unwrap();
        assert_eq!(recorded().len(), 2);
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
    }

    /// The long reads (the reports, the tables, the Sổ, an export's figures) of a register
    /// with a file run on a second handle: the shared one is free while they read (the
    /// window's other commands go on), they act as the account signed in (its rights
    /// exactly as on the shared handle), and they read what was just committed.
    #[test]
    fn long_reads_leave_the_register_free_and_act_as_the_account() {
        use tiepdan::access::Role;
        const READS: [&str; 8] = [
            "period_report",
            "dashboard",
            "petitions_needing_action",
            "petition_page",
            "statutory_tables",
            "register_book",
            "report_document",
            "export_file",
        ];
        let dir = tempfile::tempdir().unwrap();
        for role in [Role::Viewer, Role::Officer, Role::Leader] {
            let file = dir.path().join(format!("{}.sqlite3", role.code()));
            let (app, w) = app_as_in(Some(role), Some(&file));
            let (_memory_app, memory) = app_as(Some(role));
            for (cmd, args, _) in every_command().into_iter().filter(|c| READS.contains(&c.0)) {
                let code = |got: Result<Value, Value>| match got {
                    Ok(_) => "ok".to_string(),
                    Err(e) => e["code"].as_str().unwrap_or("?").to_string(),
                };
                assert_eq!(
                    code(invoke(&w, cmd, args.clone())),
                    code(invoke(&memory, cmd, args)),
                    "{cmd} as {role:?}"
                );
            }
            let state = app.state::<AppState>();
            let shared = state.store.get().unwrap().as_ref().unwrap();
            let free = commands::with_reader(&state, |r| {
                // A restore would wait for the read to end.
                assert!(state.reads.try_write().is_err());
                Ok(r.is_read_only() && shared.try_lock().is_ok())
            })
            .unwrap();
            assert!(free, "the shared handle is held during a long read");
            assert!(state.reads.try_write().is_ok(), "the read is over");
            // A register in memory has no second handle: read through the shared one.
            let state = _memory_app.state::<AppState>();
            let shared = state.store.get().unwrap().as_ref().unwrap();
            let held = commands::with_reader(&state, |r| {
                Ok(!r.is_read_only() && shared.try_lock().is_err())
            })
            .unwrap();
            assert!(held);
            if role == Role::Officer {
                invoke(
                    &w,
                    "create_session",
                    json!({"input": {"date": "2026-03-12", "kind": "regular", "host_group": "officer",
                                      "host_name": null, "place": null, "notes": null}}),
                )
                .unwrap();
                let report = invoke(
                    &w,
                    "period_report",
                    json!({"range": {"from": "2026-03-09", "to": "2026-03-15"}}),
                )
                .unwrap();
                assert_eq!(report["reception"]["sessions"], json!(1), "{report}");
            }
        }
    }

    /// Every command checks the role in the core: each role is refused exactly the
    /// commands its permissions do not cover, and nobody signed in is refused every
    /// command but the open ones.
    #[test]
    fn every_command_checks_the_role_in_the_core() {
        use tiepdan::access::Role;
        let declared = names_between(
            include_str!("../build.rs"),
            "COMMANDS: &[&str] = &[",
            "];",
            '"',
        );
        let mut listed: Vec<String> = every_command().iter().map(|c| c.0.to_string()).collect();
        listed.sort();
        assert_eq!(listed, declared, "every command is in the table");
        for role in [
            None,
            Some(Role::Viewer),
            Some(Role::Officer),
            Some(Role::Leader),
            Some(Role::Admin),
        ] {
            let (_app, w) = app_as(role);
            let info = invoke(&w, "app_info", json!({})).unwrap();
            let catalogue = invoke(&w, "catalogue", json!({})).unwrap();
            for (cmd, args, needs) in every_command() {
                if cmd == "sign_in" || cmd == "sign_out" || cmd == "create_first_admin" {
                    continue;
                }
                let args = match cmd {
                    "save_settings" => json!({"settings": info["settings"]}),
                    "save_field" => json!({"field": catalogue["fields"][0]}),
                    _ => args,
                };
                let got = invoke(&w, cmd, args);
                if let Err(Value::String(e)) = &got {
                    panic!("the test's arguments of {cmd}: {e}");
                }
                let code = got
                    .as_ref()
                    .err()
                    .and_then(|e| e["code"].as_str())
                    .unwrap_or("ok")
                    .to_string();
                let expected = match (needs, role) {
                    // Every account changes its own password; nobody's cannot be changed.
                    (None, None) if cmd == "change_password" => Some("sign_in_required"),
                    (None, _) => None,
                    (Some(_), None) => Some("sign_in_required"),
                    (Some(p), Some(r)) if !r.grants().contains(&p) => Some("forbidden"),
                    _ => None,
                };
                match expected {
                    Some(want) => assert_eq!(code, want, "{cmd} as {role:?}: {got:?}"),
                    None => assert!(
                        code != "forbidden" && code != "sign_in_required",
                        "{cmd} as {role:?}: {got:?}"
                    ),
                }
            }
        }
    }

    /// A restore refused after its check (here: another restore's lock file cannot be
    /// taken) leaves the register as it was and the administrator signed in; a restore
    /// that goes through keeps them signed in too.
    #[test]
    fn a_refused_restore_keeps_the_administrator_signed_in() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("so.sqlite3");
        let (_app, w) = app_as_in(Some(tiepdan::access::Role::Admin), Some(&file));
        let made = invoke(&w, "backup_now", json!({"folder": null})).unwrap();
        let signed_in = || invoke(&w, "access_info", json!({})).unwrap()["user"]["login"].clone();
        assert_eq!(signed_in(), "admin");
        let lock = dir.path().join(".so.sqlite3.khoi-phuc.lock");
        std::fs::create_dir(&lock).unwrap();
        let refused = invoke(
            &w,
            "restore_backup",
            json!({"path": made["backup"]["path"], "brokenHistory": false}),
        );
        assert!(refused.is_err(), "{refused:?}");
        assert_eq!(
            signed_in(),
            "admin",
            "still signed in after a refused restore"
        );
        std::fs::remove_dir(&lock).unwrap();
        invoke(
            &w,
            "restore_backup",
            json!({"path": made["backup"]["path"], "brokenHistory": false}),
        )
        .unwrap();
        assert_eq!(signed_in(), "admin");
    }

    /// Cài đặt makes a backup and restores it: the register is replaced while the app
    /// runs, the former file kept aside, and the restore recorded.
    #[test]
    fn a_backup_made_in_the_app_restores_in_the_app() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.sqlite3");
        let store =
            Store::open_with_clock(&path, Box::new(FixedClock(chrono_date("2026-03-12").from)))
                .unwrap();
        let app = app_builder(mock_builder())
            .manage(AppState::with_store(store, path.clone()))
            .build(tauri::generate_context!())
            .unwrap();
        let w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        let session = |date: &str| {
            json!({"input": {"date": date, "kind": "regular", "host_group": "officer",
                             "host_name": null, "place": null, "notes": null}})
        };
        invoke(&w, "create_session", session("2026-03-10")).unwrap();
        let made = invoke(&w, "backup_now", json!({"folder": null})).unwrap();
        assert_eq!(made["sessions"], 1);
        let listed = invoke(&w, "backups", json!({})).unwrap();
        assert_eq!(listed.as_array().unwrap().len(), 1);
        invoke(&w, "create_session", session("2026-03-11")).unwrap();
        let range = json!({"range": {"from": "2026-03-01", "to": "2026-03-31"}});
        assert_eq!(
            invoke(&w, "list_sessions", range.clone())
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            2
        );
        let bad = invoke(
            &w,
            "restore_backup",
            json!({"path": dir.path().join("khong-co.sqlite3"), "brokenHistory": false}),
        )
        .unwrap_err();
        assert_ne!(bad["code"], "ok");
        assert_eq!(
            invoke(&w, "list_sessions", range.clone())
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            2,
            "a failed restore changes nothing"
        );
        let aside = invoke(
            &w,
            "restore_backup",
            json!({"path": made["backup"]["path"], "brokenHistory": false}),
        )
        .unwrap();
        let aside = std::path::PathBuf::from(aside.as_str().unwrap());
        assert!(aside.exists(), "the former register is kept aside");
        let sessions = invoke(&w, "list_sessions", range).unwrap();
        assert_eq!(sessions.as_array().unwrap().len(), 1);
        assert_eq!(sessions[0]["session"]["date"], "2026-03-10");
        let log = invoke(&w, "audit_log", json!({"filter": {"action": "backup"}})).unwrap();
        let notes: Vec<&str> = log
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["note"].as_str())
            .collect();
        assert!(notes[0].starts_with("khôi phục từ "), "{notes:?}");
    }
}
