#!/usr/bin/env bash
# Every test: formatting, lints, UI type check, core and shell tests, UI unit tests,
# and the end-to-end test that drives the built app in a real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/install-deps.sh --e2e

# One feature set for every cargo step, so the shell is compiled once.
features=(--workspace --features tiepdan-desktop/custom-protocol)

step() { printf '\n==> %s\n' "$*"; }

step "UI: build (the shell embeds ui/dist)"
(cd ui && npm run build)

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy "${features[@]}" --all-targets -- -D warnings

step "UI: type check (svelte-check)"
(cd ui && npm run check)

step "UI: unit tests (Vitest)"
(cd ui && npm test)

step "core and shell tests (cargo test)"
cargo test "${features[@]}"

step "end-to-end: the built app in a real window (Xvfb + tauri-driver + WebKitWebDriver)"
cargo build --workspace --bins --features tiepdan-desktop/custom-protocol
export TIEPDAN_APP="$PWD/target/debug/tiepdan-desktop"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node --test --test-concurrency=1 --test-reporter=spec e2e/
