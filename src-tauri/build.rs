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
    "set_petition_status",
    "period_report",
    "preset_period",
    "dashboard",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
