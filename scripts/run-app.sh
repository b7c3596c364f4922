#!/usr/bin/env bash
# Install what is missing, build Sổ Tiếp Dân and open it on its own local database
# (in the user's app data folder; set TIEPDAN_DB=path to use another file).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "==> building the interface"
(cd ui && npm run build)
echo "==> building the app (the first build takes a few minutes)"
cargo build --release -p tiepdan-desktop --features tiepdan-desktop/custom-protocol
exec target/release/tiepdan-desktop
