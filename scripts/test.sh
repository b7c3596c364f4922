#!/usr/bin/env bash
# Every test: formatting, lints, UI type check, core and shell tests, UI unit tests,
# the Windows CLI under wine against the Linux one, both packages built in debug (the
# Windows installer checked by makensis, listed, and installed under wine; the .deb), the
# end-to-end test that drives the built app in a real window under Xvfb, and the .deb
# installed and launched.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/install-deps.sh --e2e --windows

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

# The criterion benches are `test = true` (Cargo.toml): this runs each bench body once at
# a small size (criterion's test mode), so a bench that no longer builds or panics fails
# here.
step "core and shell tests, and every bench once at a small size (cargo test)"
cargo test "${features[@]}"

step "the core on Windows: the CLI (x86_64-pc-windows-gnu, debug) under wine equals Linux"
scripts/test-windows-cli.sh

step "the packages (debug): the Windows installer (makensis -WX, its files listed, installed, updated and uninstalled under wine) and the .deb, with SHA256SUMS"
# Reuses the Windows CLI just built; the release installers come from scripts/package.sh.
scripts/package.sh --debug
version="$(node -p 'require("./src-tauri/tauri.conf.json").version')"
deb="dist/so-tiep-dan_${version}_amd64-DEBUG.deb"

step "end-to-end: the built app in a real window (Xvfb + tauri-driver + WebKitWebDriver)"
cargo build --workspace --bins --features tiepdan-desktop/custom-protocol
export TIEPDAN_APP="$PWD/target/debug/tiepdan-desktop"
# In a process group of its own, bounded in time, writing to a file: whatever a failed
# test leaves running (a driver, a window, a session-bus service) is ended with the group
# and cannot hold the caller's output open.
mkdir -p e2e/out
log=e2e/out/e2e.log
rc=0
# Every test's data folder, the drivers' and the window's temporary files go under one
# folder removed when this script ends: a run left ~300 MB in /tmp before, and the
# machine that runs CI filled up with them.
e2e_tmp="$(mktemp -d -t tiepdan-e2e-run.XXXXXX)"
trap 'rm -rf "$e2e_tmp"' EXIT
TMPDIR="$e2e_tmp" setsid --wait timeout --kill-after=30 1800 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  node --test --test-force-exit --test-concurrency=1 --test-reporter=spec e2e/ >"$log" 2>&1 </dev/null &
pid=$!
wait "$pid" || rc=$?
kill -TERM -- "-$pid" 2>/dev/null || true
cat "$log"
if [ "$rc" -ne 0 ]; then
  # What the app, WebKitWebDriver or tauri-driver said, without tauri-driver's backtraces
  # of a refused connection (a driver's end can leave one): a panic or a crash of the app
  # shows here, where only those backtraces showed before.
  echo "end-to-end tests failed (exit $rc); what the drivers and the app wrote:"
  for f in e2e/out/driver-*.log; do
    [ -s "$f" ] || continue
    said="$(grep -v -E '^(Error serving connection|Caused by:|Stack backtrace:|[[:space:]]+[0-9]+: |[[:space:]]+at |[[:space:]]*$)' "$f" | head -n 40 || true)"
    if [ -n "$said" ]; then printf '==> %s <==\n%s\n' "$f" "$said"; fi
  done
  dmesg 2>/dev/null | grep -i -E 'killed process|out of memory|segfault|tiepdan|WebKit' | tail -n 10 || true
  exit "$rc"
fi

step "the .deb (debug, built by scripts/package.sh --debug): installed with apt-get, launched from /usr/bin, removed"
scripts/test-deb.sh "$deb"
