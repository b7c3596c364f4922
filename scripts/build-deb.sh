#!/usr/bin/env bash
# Builds the .deb with the Tauri CLI (works offline) from the built UI and prints its path.
# Usage: scripts/build-deb.sh [--debug]   (extra arguments go to `tauri build`)
# The build's own output goes to stderr, so stdout is the path alone.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
profile=release
for a in "$@"; do [ "$a" = "--debug" ] && profile=debug; done
cargo_profile=()
[ "$profile" = release ] && cargo_profile=(--release)
{
  (cd ui && npm run build)
  # The command line (tiepdan: backups to a USB drive, check, audit verify) ships beside
  # the app as /usr/bin/tiepdan.
  cargo build "${cargo_profile[@]}" --bin tiepdan
  # The UI is built just above. A Debian package name is ASCII: the bundler makes it from
  # productName, so the .deb is built as "so-tiep-dan", and its menu entry keeps the
  # Vietnamese name through a desktop file of our own.
  (cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb --ci \
    --config '{"productName":"so-tiep-dan","build":{"beforeBuildCommand":""},"bundle":{"linux":{"deb":{"desktopTemplate":"../packaging/linux/tiepdan-desktop.desktop","files":{"/usr/bin/tiepdan":"'"$target_dir/$profile/tiepdan"'"}}}}}' \
    --features custom-protocol "$@")
} >&2
version="$(node -p 'require("./src-tauri/tauri.conf.json").version')"
ls -t "$target_dir/$profile/bundle/deb/"*"_${version}_"*.deb | head -1
