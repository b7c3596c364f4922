// Declare the app's commands so that each is denied until a capability allows it.
const COMMANDS: &[&str] = &[
    "app_info",
    "catalogue",
    "save_settings",
    "save_field",
    "load_sample",
    "create_session",
    "add_visit",
    "delete_session",
    "delete_visit",
    "list_sessions",
    "find_persons",
    "create_petition",
    "list_petitions",
    "period_report",
    "preset_period",
    "dashboard",
    "hosts_on",
    "session_warnings",
    "correct_session",
    "correct_visit",
    "history",
    "person_detail",
    "correct_person",
    "merge_persons",
    "undo_merge",
    "suggest_persons",
    "suggest_petitions",
    "search",
    "case_detail",
    "petition_detail",
    "move_petition",
    "undo_last_move",
    "correct_petition",
    "delete_petition",
    "calendar_years",
    "save_calendar_year",
    "remove_sample",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
