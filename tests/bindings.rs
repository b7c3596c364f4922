//! The UI's TypeScript types must match the Rust types they come from.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".ts") {
                out.insert(name, fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    out
}

#[test]
fn ui_bindings_are_up_to_date() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
    let fresh = tempfile::tempdir().unwrap();
    tiepdan::bindings::export_all(fresh.path()).unwrap();
    let fresh_files = read_dir(fresh.path());
    assert!(fresh_files.len() > 20, "bindings were generated");
    if std::env::var("UPDATE_BINDINGS").is_ok() {
        let _ = fs::remove_dir_all(&committed);
        fs::create_dir_all(&committed).unwrap();
        for (name, text) in &fresh_files {
            fs::write(committed.join(name), text).unwrap();
        }
        return;
    }
    let old = read_dir(&committed);
    let stale: Vec<&String> = fresh_files
        .iter()
        .filter(|(n, t)| old.get(*n) != Some(t))
        .map(|(n, _)| n)
        .chain(old.keys().filter(|n| !fresh_files.contains_key(*n)))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/lib/bindings is stale ({stale:?}): run `UPDATE_BINDINGS=1 cargo test --test bindings`"
    );
}
